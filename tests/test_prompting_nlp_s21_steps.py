"""Steps the least-tuned writers (dev6, dev7) lost, counted by cause over the tunable splits (nlp-s21-steps), each
a general rule.

Sentences written for this test, none from the evaluation sets."""
import pytest

from tests.prompting_steps import actions as _actions


# (1) a hand, a verb of putting or holding that is also a part of the hand (背: the back of the hand) and 到 + where:
# the hand is put there, a step (the character is no 手背)
@pytest.mark.parametrize("text, verb", [
    ("右手背到身后，左手提起竹篮。", "背"),
    ("两只手背到腰后头，往前跳。", "背"),
])
def test_a_hand_put_behind_is_a_step(text, verb):
    assert verb in _actions(text)


def test_the_back_of_the_hand_is_still_no_step():
    assert "背" not in _actions("把药膏从手背抹到手心。")


# (2) after 把 + its object, a thing taken with 拿/用, or a path, 一 + one character jieba tags a noun or a morpheme
# (丢/zg, 照/n) closing its clause is the quick action the clause needs
@pytest.mark.parametrize("text, verb", [
    ("把两根线一绞，就成了一股。", "绞"),
    ("磨完了拿镜子一照，哪里不平就看出来了。", "照"),
    ("拿铜镜一照，再往下刻。", "照"),
    ("拿灯笼一照，路就看清了。", "照"),
])
def test_a_quick_stroke_after_ba_or_na_is_a_step(text, verb):
    assert verb in _actions(text)


@pytest.mark.parametrize("text", [
    "把面团揉一揉，放一边。",
    "拿竹签一点一点挑出来。",
])
def test_no_quick_stroke_where_the_clause_has_its_verb_or_a_count(text):
    got = _actions(text)
    assert "一" not in "".join(got)


# (3) after the second 一边/边 of a pair, any verb is a step done at the same time as the first, also one a stop list
# holds (speech, perception: 念叨, 听, 看)
@pytest.mark.parametrize("text, verb", [
    ("一边搓麻绳一边念叨口诀。", "念叨"),
    ("边拉风箱边听火声。", "听"),
    ("一边揉面一边看火候。", "看"),
])
def test_the_second_verb_of_a_simultaneous_pair_is_a_step(text, verb):
    assert verb in _actions(text)


def test_a_single_bian_keeps_its_stop_verb_out():
    assert "看" not in _actions("他在旁边看，师傅揉面。")


# (4) the same verb said again after 先/再 with a route to another side (往左…往右, 朝上…朝下) and a count of its own
# is another step, not the first said again
@pytest.mark.parametrize("text, verb", [
    ("先往左转三圈，再往右转三圈。", "转"),
    ("先朝上推两下，再朝下推两下。", "推"),
    ("先往外拧两圈，然后往里拧两圈。", "拧"),
])
def test_the_same_verb_to_another_side_is_another_step(text, verb):
    assert _actions(text).count(verb) == 2


def test_the_same_side_said_again_stays_one_step():
    assert _actions("往左转三圈，转三圈。").count("转") == 1


# (5) the same quick action in text with no punctuation (a speech recogniser's): the clause is cut after 一 + the
# character when the next verb follows, so it is a step of its own; 一A一A stays how the next verb is done
@pytest.mark.parametrize("text, verb", [
    ("师傅把破草帽往旁边一丢坐到门槛上抽起烟来歇了半天才站起来接着干活", "丢"),
    ("他把那块旧帕子一丢躺在竹床上睡着了一直到太阳下山才醒过来", "丢"),
])
def test_a_quick_stroke_in_unpunctuated_text_is_a_step(text, verb):
    assert verb in _actions(text)


def test_a_repeated_stroke_says_how_the_next_verb_is_done():
    assert "耙" not in _actions("盐花一层一层析出来以后拿木耙子一耙一耙收起来堆成小山晒上两天")


# (6) after a step's ordinal and 是 (头一步是, 第一步是, 头一样是), one character jieba tags a morpheme or a noun that
# opens many of its dictionary's verbs (选/zg), before a noun, is that step's verb
@pytest.mark.parametrize("text, verb", [
    ("编竹篮头一步是选竹，要三年以上的老竹。", "选"),
    ("第一步是选泥，泥里不能有沙子。", "选"),
])
def test_the_verb_named_after_a_step_ordinal_is_a_step(text, verb):
    assert any(a.startswith(verb) for a in _actions(text))


def test_a_thing_named_after_a_step_ordinal_is_no_step():
    assert not any(a.startswith("木") for a in _actions("第一步是木头，木头要干透。"))


# (7) unpunctuated text: jieba's numeral 一X (一顶/m, 一站/m) right after the body part that makes it or the place it is
# made at is a sudden stroke that ends its clause, so it is a step of its own
@pytest.mark.parametrize("text, verb", [
    ("舌头一顶铁球就滚到嘴边来再一吸又吞回去了", "顶"),
    ("他先往高凳子上一站锣鼓就响起来了大家都往这边看接着开始唱", "站"),
])
def test_a_placed_stroke_in_unpunctuated_text_is_a_step(text, verb):
    assert verb in _actions(text)
