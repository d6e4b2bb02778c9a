"""Words that are never the thing worked (nlp-s21-roles; roles._drop_non_things, words.HEAT_LEVELS, BEAT_NOUNS and the
attribute nouns of STOP_NOUNS): a heat level, a place word alone, a beat kept and a quality of a thing are no material
(and no tool, but a heat level, which says how the fire burns). Sentences written for these tests; each failed on the
code before the rule."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("surface", "tool", "material")


@pytest.mark.parametrize("text", [
    "大火烧开了改小火,煮半个钟头。",
    "武火烧开了转文火,煮一刻钟。",
    "大火滚开转细火,熬足三个钟头,当中添一回水。",
])
def test_heat_level_is_never_the_material(text):
    got = steps(text, fields=FIELDS)
    assert got and not any(material and material.endswith("火") for _, _, material in got), got


def test_heat_level_said_as_the_verbs_object_is_how_the_fire_burns():
    got = steps("武火烧开了转文火,煮一刻钟。", fields=FIELDS)
    assert ("转", "文火", None) in got
    assert ("烧开", "武火", None) in got


@pytest.mark.parametrize("text, place", [
    ("领头的唱一句,后头几个人帮一句。", "后头"),
    ("前面的人舞龙头,后头八节跟着摆。", "后头"),
])
def test_place_word_alone_is_neither_tool_nor_material(text, place):
    got = steps(text, fields=FIELDS)
    assert got and all(place not in (tool, material) for _, tool, material in got), got


@pytest.mark.parametrize("text", [
    "左脚跟着拍子一抖一抖。",
    "脚跟着拍子一踮一踮。",
    "右手拿两块竹片打拍子。",
    "先打板眼,再开口唱。",
])
def test_beat_kept_is_neither_tool_nor_material(text):
    got = steps(text, fields=FIELDS)
    assert got and all(w not in ("拍子", "板眼") for _, tool, material in got for w in (tool, material)), got


def test_beat_word_taken_in_hand_stays_the_tool():
    # (a paddle of that name: 拿 + 拍子 names the thing held, the rule keeps it)
    assert steps("右手拿拍子拍泥片。", fields=FIELDS) == [("拍泥片", "拍子", "泥片")]


@pytest.mark.parametrize("text, quality", [
    ("弦拧得太紧了,声音就发尖。", "声音"),
    ("拍两下醒木起个头,然后开讲。", "个头"),
    ("茶叶下锅以后,锅温要慢慢降下来,再抓起来抖。", "锅温"),  # a temperature named by what it is of
])
def test_quality_of_a_thing_is_not_the_thing(text, quality):
    got = steps(text, fields=FIELDS)
    assert got and all(quality not in (tool, material) for _, tool, material in got), got
