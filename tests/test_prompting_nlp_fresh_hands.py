"""Hands, tools, materials and parameters the fresh writers' dev4 lost (nlp-fresh-b), each a general rule.

Sentences written for this test, none from the evaluation sets."""
import pytest

from generation.prompting import normalize


def _steps(text, craft=None):
    return normalize(text, craft=craft).to_dict()["steps"]


def _step(text, verb, craft=None):
    steps = _steps(text, craft)
    for s in steps:
        if s["action"].startswith(verb):
            return s
    raise AssertionError(f"no step {verb} in {steps}")


# (1) the left and the right hand named together, side by side or joined by 和/跟/与, are both hands
@pytest.mark.parametrize("text, verb", [
    ("左手右手各抓一根竹竿,往上一撑。", "抓"),
    ("左手和右手一起握住木柄,往下压。", "握"),
    ("左手跟右手同时捏住纸的两边,慢慢往外拉。", "捏"),
    ("右手左手都攥着绳子,往后拽。", "攥"),
    ("先把泥揉匀,左手右手一块儿往中间挤。", "挤"),
])
def test_left_and_right_named_together_are_both(text, verb):
    assert _step(text, verb)["hand"] == "both"


@pytest.mark.parametrize("text, hands", [
    ("左手拿锤,右手扶着铁钎。", ["left", "right"]),
    ("左手拿锤右手扶着铁钎", ["left", "right"]),
])
def test_each_hand_doing_its_own_thing_stays_one_side(text, hands):
    assert [s["hand"] for s in _steps(text)] == hands


def test_left_or_right_is_either_hand_not_both():
    assert _step("左手或右手拿着扇子,轻轻扇。", "拿")["hand"] == "left"


# (1b) after 各/每/几 a one-character verb before a numeral + classifier jieba keeps as one word (一根/m) is the verb,
# as before a quantity; before no number it is still a classifier (「每遍晾个十五天」)
@pytest.mark.parametrize("text, verb", [
    ("两个人各抬一头,往前走。", "抬"),
    ("他俩各抓一根竹竿。", "抓"),
])
def test_a_verb_after_each_before_a_count_is_the_verb(text, verb):
    _step(text, verb)


def test_a_classifier_after_each_stays_a_classifier():
    assert [s["action"] for s in _steps("每遍晾个十五天。")] == ["晾"]
