"""nlp-held (issue 11): a thing the hand takes up or shakes to perform or work with is the step's tool, a thing
gripped or played is what the step handles. Read by the verb's class and the name's head character, not by a
list of whole words. Sentences of this file's own, none from an evaluation or probe file."""
import pytest

from generation.prompting import normalize


def _steps(text):
    return normalize(text).to_dict()["steps"]


def _step(text, action, hand=None):
    steps = [s for s in _steps(text) if s["action"] == action and (hand is None or s["hand"] == hand)]
    assert steps, _steps(text)
    return steps[0]


# 1. 拿 with nothing else done in the clause: a thing whose name heads an implement, an instrument or a prop
# (words.TOOL_HEADS: 扇 板 罐 竿 鼓 …) is taken up to perform or work with, the step's tool; stuff taken up
# (手绢, 绸子: a stuff head) stays what is handled.
@pytest.mark.parametrize("text, hand, tool", [
    ("扭秧歌的时候,右手拿扇子,左手拿手绢,脚下走十字步。", "right", "扇子"),  # 秧歌 (dance)
    ("唱莲花落,左手拿竹板,右手拿一根筷子。", "left", "竹板"),                # 莲花落 (quyi)
    ("拔火罐的时候,左手拿罐子,罐口朝下。", "left", "罐子"),                  # 拔罐 (medicine)
    ("转碟子的演员右手拿一根细竹竿。", "right", "细竹竿"),                    # 杂技 (acrobatics)
])
def test_take_up_tool_headed_thing_is_tool(text, hand, tool):
    step = _step(text, "拿", hand)
    assert step["tool"] == tool and step["material"] != tool, step


@pytest.mark.parametrize("text, hand, material", [
    ("扭秧歌的时候,右手拿扇子,左手拿手绢,脚下走十字步。", "left", "手绢"),
    ("跳红绸舞,左手拿一条绸子。", "left", "绸子"),
])
def test_take_up_stuff_stays_material(text, hand, material):
    step = _step(text, "拿", hand)
    assert step["material"] == material and step["tool"] != material, step


# a grip verb keeps the thing gripped as what is handled (unchanged)
def test_grip_keeps_material():
    step = _step("左手握着竹竿的头。", "握着")
    assert step["material"] == "竹竿" and step["tool"] is None, step


# 2. 摇 + a thing whose name heads an implement or prop, not an instrument played (words.INSTRUMENT_HEADS): the
# bell or fan shaken is what the hand performs with.
@pytest.mark.parametrize("text, tool", [
    ("说书人摇着折扇慢慢讲。", "折扇"),                 # 评书 (quyi)
    ("做法事的道士左手摇铜铃,右手翻经书。", "铜铃"),     # 民俗 (rite)
])
def test_shaken_prop_is_tool(text, tool):
    step = _step(text, "摇")
    assert step["tool"] == tool and step["material"] != tool, step


def test_shaken_instrument_is_played():
    step = _step("小孩子左手摇拨浪鼓。", "摇")
    assert step["tool"] != "拨浪鼓", step
