"""Hands, tools, materials and parameters the fresh writers' dev4 lost (nlp-fresh-b), each a general rule.

Sentences written for this test, none from the evaluation sets."""
import pytest

from generation.prompting import normalize
from tests.prompting_steps import step_starting as _step
from tests.prompting_steps import steps as _steps


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


# (2) a thing said not to be used (a negation or prohibition + 用/使/使用 before it) is no tool or material and not in view
@pytest.mark.parametrize("text, thing", [
    ("做这种灯笼不用竹子,用铁丝扎骨架。", "竹子"),
    ("熬糖稀千万别用铜锅,拿砂锅慢慢熬。", "铜锅"),
    ("补鞋底子不能使胶水,得用麻线缝。", "胶水"),
    ("先把陶泥揉匀,切忌使用铁刀,拿竹刀切成块。", "铁刀"),
])
def test_a_thing_not_used_is_no_role_and_not_in_view(text, thing):
    result = normalize(text).to_dict()
    assert result["steps"], text
    for s in result["steps"]:
        assert thing not in (s.get("tool") or "") and thing not in (s.get("material") or ""), result["steps"]
    assert thing not in result["prompt"], result["prompt"]


def test_a_thing_used_after_a_negated_verb_of_another_kind_stays():
    # 「不用再刷」: 不用 before a verb says what need not be done; the tool said before stays
    steps = _steps("先用棕刷刷一遍底漆,干了就不用再刷。")
    assert steps[0].get("tool") == "棕刷", steps


# (3) two one-character materials of the lexicon side by side (麻/丝) are one thing, in a craft the spec does not describe
@pytest.mark.parametrize("text, verb, material", [
    ("船缝里先塞上麻丝,再抹桐油灰。", "塞", "麻丝"),
    ("灯笼骨架扎好以后往上糊一层麻丝。", "糊", "麻丝"),
])
def test_two_one_character_materials_side_by_side_are_one(text, verb, material):
    assert _step(text, verb)["material"] == material


def test_a_one_character_material_alone_stays():
    assert _step("把麻泡软,搓成绳。", "泡")["material"] == "麻"
