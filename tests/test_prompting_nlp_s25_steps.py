"""Missed steps (s25-steps): a verb said again by another hand that an earlier rule read as a preposition.
Sentences written for these tests; each failed on the code before the rule (old output in the comments)."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("action", "hand")


@pytest.mark.parametrize("text, hands", [
    # old: [('按', 'left')] (the right hand's 按 read as 'according to', before the 按 after 、)
    ("笛子横过来，左手无名指按第六个孔，右手拇指按第二个、中指按第四个。", ["left", "right"]),
    # old: [('吹', None), ('按', 'right')] (the left hand's 按 lost the same way)
    ("巴乌横着吹，左手食指按第一个、右手食指按第四个，气要匀。", ["left", "right"]),
    # old: the right hand's 按 lost before the later 吹 of the same run (no punctuation)
    ("葫芦丝竖着拿，左手按上头三个孔右手按下头三个孔嘴含住吹口吹", ["left", "right"]),
])
def test_press_after_its_hand_before_where_it_presses_is_a_step(text, hands):
    got = steps(text, fields=FIELDS)
    assert [h for a, h in got if a == "按"] == hands, got


@pytest.mark.parametrize("text", [
    "右手按比例兑好颜料。",  # a standard after 按: still 'according to', no step
    "烟料和胶按一比一兑好,再上锅熬。",
    "唱的时候按节拍敲,一板一眼。",
])
def test_press_before_a_standard_stays_a_preposition(text):
    got = steps(text, fields=FIELDS)
    assert all(a != "按" for a, _ in got), got
