"""Steps lost on text nobody here wrote, counted by cause over the pool's action/order failures (s22-steps), each a
general rule.

Sentences written for this test, none from the evaluation sets."""
import pytest

from tests.prompting_steps import actions as _actions


# (1) a verb + object word jieba tags as a thing (吹气/n, 封口/n, 憋住气/l), closing its clause where only a predicate
# stands: after a route and its side, alone after a clause with its verb, or after the time of another act
@pytest.mark.parametrize("text, verb", [
    ("嘴对着管子往里吹气，气要匀。", "吹气"),
    ("左手扶着瓶子，再往下吹气。", "吹气"),
    ("把菜装进坛子，撒上盐，封口，放到阴凉处。", "封口"),
    ("下针的时候憋住气，手要稳。", "憋住气"),
])
def test_a_verb_object_word_where_only_a_predicate_stands_is_a_step(text, verb):
    assert verb in _actions(text)


@pytest.mark.parametrize("text, word", [
    ("材料呢，画稿，宣纸。", "画稿"),
    ("准备宣纸、画稿，再动笔。", "画稿"),
])
def test_a_thing_alone_in_a_list_or_after_a_topic_is_no_step(text, word):
    assert word not in _actions(text)


# (2) 过 (jieba's aspect particle) with no verb right before it and a count of the pass after it is the verb
# 'pass (through)': 「再过一遍凉水」; not a verb's aspect (泡过), nor 'after' before a time (过两天, 过一会儿)
@pytest.mark.parametrize("text", [
    "织完彩绒，还要过一梭底纬。",
    "面条煮好了再过一遍凉水。",
    "刀烧红了过一道油。",
    "面条要过一遍凉水。",
    "刀还得过菜油回火。",
    "再过清水冲一遍。",
])
def test_guo_before_a_count_of_the_pass_is_a_step(text):
    assert "过" in _actions(text)


@pytest.mark.parametrize("text", [
    "这块布泡过一遍水。",
    "过两天再揭开。",
    "过一会儿就凉了。",
    "盖上盖子，过一夜再看。",
    "布还得过两天才干。",
])
def test_guo_as_aspect_or_after_a_time_is_no_step(text):
    assert "过" not in _actions(text)


# (3) a thing jieba's dictionary also has as a verb (飘带/v, 弓/v, 锯/v), closing its clause after a grip verb and its
# result said apart (攥|住), or after a grip verb and a noun phrase's determiner, classifier or adjective, is the thing
# gripped: the grip is the step, not the thing
@pytest.mark.parametrize("text, verb, thing", [
    ("右手攥住飘带，往上一甩。", "攥住", "飘带"),
    ("他拿起那张长弓，搭上箭。", "拿起", "弓"),
    ("拿起一把锯，往木头上比一比。", "拿起", "锯"),
])
def test_a_thing_a_grip_verb_takes_is_no_step(text, verb, thing):
    got = _actions(text)
    assert verb in got and thing not in got


def test_a_verb_after_a_grip_verb_and_a_negation_is_still_a_verb():
    assert "动" in _actions("他拿着不动。") or "拿着" in _actions("他拿着不动。")


# (3b) after 拿/用 + a noun, a character jieba tags a verb that ends a noun of its dictionary with the noun's last
# character (脚掌/n), right before the verb, is the end of the thing taken, not a step of its own
def test_the_end_of_a_thing_taken_jieba_tags_a_verb_is_no_step():
    got = _actions("我拿右脚掌踩住球，往前一推。")
    assert "踩住" in got and "掌" not in got


def test_a_verb_after_the_thing_taken_is_still_the_step():
    assert "刷" in _actions("拿刷子刷干净。")
