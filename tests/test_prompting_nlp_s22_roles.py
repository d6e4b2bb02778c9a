"""Tool and material roles from causes counted over the pool's failures (nlp-s22-roles; roles.py). Sentences written
for these tests; each rule's own tests failed on the code before it."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("surface", "tool", "material")


# --- the body itself at a place (roles._body_at_place) ---------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("一只脚套进绳圈里,使劲一蹬。", ("套进", None, "绳圈")),
    ("左脚插进马镫里。", ("插进", None, "马镫")),
    ("右手指肚按在鼓皮上,轻轻一揉。", ("按", None, "鼓皮")),
    ("右手掌心贴在鼓皮上。", ("贴", None, "鼓皮")),
    ("左手在琵琶杆上按,右手弹。", ("按", None, "琵琶杆")),
    ("左脚踩在踏板上,一踩一松。", ("踩", None, "踏板")),
])
def test_what_the_body_goes_into_or_presses_is_the_material(text, expected):
    assert steps(text, fields=FIELDS)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("手伸进缸里搅。", ("伸进", "缸", None)),  # a vessel the hand goes into stays what the work is done in
    ("把面团放在案板上揉。", ("放在", "案板", "面团")),  # a thing put there: the place is its support
])
def test_a_thing_put_at_a_place_keeps_its_support(text, expected):
    assert steps(text, fields=FIELDS)[0] == expected


# --- a place before 的 says where the object is (roles._place_owner) -------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("轻轻揉手上的穴位。", ("揉", None, "穴位")),
    ("左手扶住前面的木桩。", ("扶住", None, "木桩")),
    ("双手摸着身上的铜铃。", ("摸", None, "铜铃")),
    ("眼睛盯着后面的鼓面。", ("盯", None, "鼓面")),
    ("眼睛看着前船的船头。", ("看", None, "船头")),  # a locative, a noun, then 的
])
def test_noun_after_a_place_and_de_is_the_object(text, expected):
    assert steps(text, fields=FIELDS)[0] == expected


# --- an implement struck down along a path (roles._struck_with_along) ------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("把折扇往掌心里一拍。", ("拍", "折扇", None)),  # a palm is no thing struck
    ("把木尺往案子上一敲。", ("敲", "木尺", "案子")),
    ("拿铁钎往石板上一砸。", ("砸", "铁钎", "石板")),
])
def test_implement_struck_along_a_path_is_the_tool_and_what_it_lands_on_the_material(text, expected):
    assert steps(text, fields=FIELDS)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("把泥巴往板上一砸。", ("砸", "板", "泥巴")),  # stuff thrown down is what is worked
    ("右手往桌上一拍。", ("拍", None, None)),  # a hand strikes as who acts
])
def test_stuff_or_a_hand_struck_down_is_no_implement(text, expected):
    assert steps(text, fields=FIELDS)[0] == expected


# --- what 把 names outranks stuff named before it (roles._named_before) ----------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("拿铅笔照着画稿把轮廓描到木板上。", ("描", "铅笔", "轮廓")),  # the sketch followed is no thing worked
    ("照着画稿把云纹刻出来。", ("刻出", None, "云纹")),
    ("等颜料干透了就把纸揭下来", ("揭", None, "纸")),  # no punctuation: another clause's stuff
])
def test_what_ba_names_outranks_stuff_named_before_it(text, expected):
    assert steps(text, fields=FIELDS)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("用胶水把两片粘上。", ("粘上", None, "胶水")),  # stuff taken with 用/拿 is used up in the work
    ("拿棉花把金箔按实。", ("按实", "棉花", "金箔")),
])
def test_stuff_taken_in_hand_before_ba_keeps_its_role(text, expected):
    assert steps(text, fields=FIELDS)[0] == expected


# --- the stuff a sprinkling or adding verb takes glued to it (roles._sprinkled_stuff, carry) --------------------------
@pytest.mark.parametrize("text, expected", [
    ("往坛口上洒酒。", ("洒酒", None, "酒")),  # the place it goes is what receives it
    ("往坯子上泼水。", ("泼水", None, "水")),
])
def test_stuff_sprinkled_is_the_material(text, expected):
    assert steps(text, fields=FIELDS)[0] == expected


def test_stuff_added_outranks_the_thing_that_receives_it_and_is_not_carried():
    assert steps("豆子再添水,泡一夜。", fields=FIELDS) == [("添水", None, "水"), ("泡", None, None)]
