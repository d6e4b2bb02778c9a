"""Tools and materials the fresh writers' dev6 and dev4 lost (nlp-fresh-d), each a general rule.

Sentences written for this test, none from the evaluation sets."""
import pytest

from tests.prompting_steps import step_starting as _step
from tests.prompting_steps import steps as _steps


# (1) a striking verb then 在/到 + a thing + 上: the thing landed on is what is struck (the material); the thing
# named before the verb, or taken in hand, is what strikes (the tool)
@pytest.mark.parametrize("text, verb, tool, material", [
    ("老汉旱烟杆子磕在门槛上,磕掉烟灰。", "磕", "旱烟杆子", "门槛"),
    ("木棒砸在石板上,一下比一下响。", "砸", "木棒", "石板"),
    ("拿小锤一下一下敲在铜片上。", "敲", "小锤", "铜片"),
    ("两手各握一根木槌,直直地捶在牛皮上。", "捶", "木槌", "牛皮"),
])
def test_what_a_striking_verb_lands_on_is_struck(text, verb, tool, material):
    s = _step(text, verb)
    assert (s["tool"], s["material"]) == (tool, material)


@pytest.mark.parametrize("text, verb", [
    ("他一跺脚,脚重重地跺在地上。", "跺"),
    ("把湿泥使劲砸在木板上,砸实。", "砸"),
])
def test_the_ground_or_a_thing_thrown_with_ba_is_not_what_is_struck(text, verb):
    s = _step(text, verb)
    assert s["material"] not in ("地", "木板")


# (2) a noun opening the clause, then a modal (要/得/需要…) and 先/再: the noun is what the verb works
@pytest.mark.parametrize("text, verb, material", [
    ("杏仁要先砸碎,再下锅。", "砸碎", "杏仁"),
    ("竹片得先晒干。", "晒", "竹片"),
    ("羊毛需要先洗一遍。", "洗", "羊毛"),
    ("牛角要先泡软,然后再削。", "泡", "牛角"),
])
def test_a_topic_before_a_modal_and_a_sequence_marker_is_worked(text, verb, material):
    assert _step(text, verb)["material"] == material


def test_a_person_before_a_modal_and_a_marker_is_no_material():
    assert all(s.get("material") != "我们" for s in _steps("我们要先烧香,再磕头。"))


# (3) a size said of the noun after 的 by comparing it with a thing (鸡蛋大的, 指头粗的): the noun after 的 is named
@pytest.mark.parametrize("text, verb, material", [
    ("萝卜切成核桃大的丁。", "切", "萝卜"),
    ("剁成蚕豆大的碎粒。", "剁", "碎粒"),
    ("把泥搓成筷子粗的条。", "搓", "泥"),
    ("揉成拳头大小的团子。", "揉", "团子"),
])
def test_a_thing_compared_for_size_before_de_is_no_material(text, verb, material):
    assert _step(text, verb)["material"] == material


# (4) strength drawn on (劲) and a side said with a demonstrative (那头, 这头) are no thing worked
@pytest.mark.parametrize("text, verb, wrong", [
    ("借着劲往前一推。", "推", "劲"),
    ("右手把线递过去,左手在这头拽住。", "拽", "头"),
])
def test_strength_and_a_side_are_no_material(text, verb, wrong):
    assert _step(text, verb)["material"] != wrong


# (5) a point on the body (穴位, 穴道) the lexicon lists as a technique term, named where a thing stands, is the
# spot worked
@pytest.mark.parametrize("text, verb", [
    ("中指在穴位上轻轻揉一揉。", "揉"),
    ("再按小腿上的穴道,每处按半分钟。", "按"),
    ("拇指揉耳朵后面的穴位。", "揉"),
])
def test_a_point_on_the_body_named_as_a_thing_is_worked(text, verb):
    assert _step(text, verb)["material"] in ("穴位", "穴道")


# (6) a filling verb then a numeral and a vessel (盛一碗, 舀一瓢), no stuff after it: the vessel is the tool
@pytest.mark.parametrize("text, verb, vessel", [
    ("汤熬好了,先盛一碗端给老人。", "盛", "碗"),
    ("水烧开了舀一瓢,慢慢浇下去。", "舀", "瓢"),
    ("酿好的酒装两坛,封好口。", "装", "坛"),
])
def test_a_vessel_said_as_the_measure_filled_is_the_tool(text, verb, vessel):
    s = _step(text, verb)
    assert s["tool"] == vessel and s["material"] != vessel


def test_a_vessel_measure_before_the_stuff_leaves_the_stuff_worked():
    assert _step("倒一杯茶。", "倒")["material"] == "茶"


# (7) a filling verb with a vessel right after it (装缸, 装坛子): the vessel is the tool, not what is worked
@pytest.mark.parametrize("text, vessel", [
    ("最后装缸,压上石头。", "缸"),
    ("泡好的梅子装罐子,封严。", "罐子"),
])
def test_a_vessel_a_filling_verb_takes_is_the_tool(text, vessel):
    s = _step(text, "装")
    assert s["tool"] == vessel and s["material"] != vessel
