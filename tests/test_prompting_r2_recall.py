"""Action recall (issue 11, r2): verbs jieba's cut or tags hide where a predicate stands. Sentences
written for these tests (none from an evaluation set), from crafts of several kinds."""
from functools import partial

import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()


actions = partial(prompting_steps.actions, spec=SPEC)


def has(text, verb):
    return any(a and a.startswith(verb) for a in actions(text))


# --- a verb character opening its clause with one character of object (extract._step_kinds) ----------
@pytest.mark.parametrize("text,verb", [
    ("织土布先上好经线,再过梭,拿筘往里打紧。", "过"),                 # 过/ug: jieba's aspect particle
    ("蒸年糕的笼屉冒足了气,起笼,把年糕倒在案板上。", "起"),         # 起/v: a complement to jieba
    ("再组灯,挂到门口。", "组"),                                      # 组/zg: a morpheme
])
def test_a_verb_character_and_its_one_character_object_open_a_step(text, verb):
    assert has(text, verb), actions(text)


def test_a_bound_noun_before_a_verb_after_a_full_stop_is_no_step():
    # 鸟/zg 飞: a named form, the bird that flies, not 'to bird'
    acts = actions("五禽戏先练虎扑。鸟飞,两只胳膊往两边张开。")
    assert not any(a and a.startswith("鸟") for a in acts), acts


# --- a character read as the verb reaching a result (extract._step_kinds) -------------------------------
@pytest.mark.parametrize("text,verb", [
    ("做馒头,面粉里加温水,和好了揉一刻钟。", "和"),                   # 和/c + 好了: to mix, not 'and'
    ("修房顶,瓦片对好了再抹一层灰。", "对"),                           # 对/p + 好了 after its subject
    ("编草鞋,草绳一股一股绞紧,再往鞋耙上套。", "绞"),                 # 绞/n after a manner said twice
])
def test_a_character_with_a_result_where_a_predicate_stands_is_the_verb(text, verb):
    assert has(text, verb), actions(text)


@pytest.mark.parametrize("text,word", [
    ("线紧了就松一松,别绷断了。", "线"),          # the thread is tight: a thing and its state
    ("这把镰刀磨过之后才攒劲。", "攒"),            # after 才, a state (not a verb-object step)
])
def test_a_thing_or_a_state_before_a_result_is_no_step(text, word):
    acts = actions(text)
    assert not any(a and a.startswith(word) for a in acts), acts


# --- a technique named as a time or a thing frames the steps, it takes none of them (roles._read_unit) ---
@pytest.mark.parametrize("text,first", [
    ("扎架的时候,左手按住竹条,右手拿麻绳捆紧。", "按住"),     # 「X的时候」: when, not what is done
    ("灯彩里的扎架,左手拿竹篾,右手拿铁丝缠。", "拿"),         # 「…的X」: a thing named, not a step
])
def test_a_technique_said_as_when_or_as_a_thing_does_not_take_the_next_verb(text, first):
    acts = actions(text)
    assert acts[0] == first and "扎架" not in acts, acts


def test_a_technique_said_as_what_is_done_is_still_the_step():
    assert actions("这一步就是描金,拿小笔蘸金粉。") == ["描金"]


# --- a verb-object or verb-result word jieba tags as a noun, where a predicate goes (extract.open_kinds) --
@pytest.mark.parametrize("text,verb", [
    ("做团扇,绢面刷好浆,晾干,熨平。", "熨平"),                 # 熨平/n alone in its clause
    ("做月饼,饼坯压好了脱模,放进烤炉。", "脱模"),             # 脱模/n after 了
])
def test_a_verb_word_jieba_tags_as_a_noun_where_a_predicate_goes_is_a_step(text, verb):
    assert verb in actions(text), actions(text)


def test_a_stuff_word_after_a_verb_and_le_is_its_object_not_a_step():
    acts = actions("锅烧热了,放好了配料,慢慢搅。")
    assert "配料" not in acts, acts


# --- 跑 of a person is a step; the motion before a verb with where it goes is one of two (words, split_units)
@pytest.mark.parametrize("text", [
    "赛马那天,骑手得跑三圈,再下马敬酒。",
    "踩高跷的人往台口跑交到鼓手手里",
])
def test_running_is_a_step(text):
    assert "跑" in actions(text), actions(text)


def test_running_after_the_run_goes_on_to_the_next_verb():
    acts = actions("踩高跷的人往台口跑交到鼓手手里")
    assert acts.index("跑") < acts.index("交"), acts


def test_colour_that_runs_is_no_step():
    acts = actions("颜色没调好,一洗颜色就跑了。")
    assert "跑" not in acts, acts


def test_a_motion_to_a_place_then_another_verb_is_two_steps():
    # 「跳到…中间一齐蹲下」: 到 + where the body goes is no degree (「捶到不粘手」): the verb after it is a step
    acts = actions("打腰鼓,后生们跳到场子中间一齐蹲下。")
    assert acts[:1] == ["跳"] and "蹲下" in acts, acts


def test_a_character_of_the_place_before_its_locative_is_no_step():
    # (jieba cuts 石碾 as 石/n + 碾/v before 上)
    acts = actions("轧米的时候,人坐到石碾上,拿脚往前蹬。")
    assert "碾" not in acts, acts


# --- a character before a hand as its object is the verb (extract._step_kinds) ------------------------------
@pytest.mark.parametrize("text,verb", [
    ("打竹板,大板管左手,小板管右手。", "管"),                 # 管/vn (a stop word elsewhere: 不管)
    ("掌中木偶,食指顶住偶头,拇指套另一只手。", "套"),         # 套/q before 另一只 + 手
])
def test_a_character_with_a_hand_as_its_object_is_the_verb(text, verb):
    assert verb in actions(text), actions(text)


def test_a_comparison_with_hands_is_no_step():
    acts = actions("两根竹竿就像两只手,一上一下地撑。")
    assert acts == ["撑"], acts


# --- a verb and its result or direction jieba reads as a name, after 再/先 (extract._verb_in_place) ----------
@pytest.mark.parametrize("text,verb", [
    ("顶碗的先稳住身子,再张开两只胳膊。", "张开"),      # 张开/nr (张/q)
    ("走钢丝的演员先蒙上眼睛,再往前走。", "蒙上"),      # 蒙上/ns
])
def test_a_verb_and_its_result_read_as_a_name_after_a_marker_is_the_step(text, verb):
    assert verb in actions(text), actions(text)


def test_a_name_after_its_subject_is_no_step():
    assert "张开" not in actions("小王张开是我徒弟,跟我学了三年。")


# --- a one-character technique name that is a verb character, in a verb's place (resegment, _step_kinds) -----
@pytest.mark.parametrize("text,material", [
    ("打土坯,黄泥里头掺麦草,再放点石灰,踩匀了。", "麦草"),   # 掺 (湘绣's short name for 掺针) after a place
    ("打糍粑,拿温水掺上米粉,揉成团。", "米粉"),               # not glued to the noun before it (温水掺)
])
def test_a_technique_character_with_its_object_is_the_verb(text, material):
    got = normalize(text, spec=SPEC).to_dict()
    step = next((s for s in got["steps"] if s["action"] == "掺"), None)
    assert step is not None and step["material"] == material, got["steps"]
    assert any(t["text"] == "掺" for t in got["terms"])  # still listed as a term


def test_a_technique_character_that_heads_a_thing_still_joins_it():
    acts = actions("拉坯先把泥团放到车盘上,再踩轮子。")
    assert "盘" not in acts, acts
