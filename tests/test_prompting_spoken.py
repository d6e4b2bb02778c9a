"""Issue 11, r6-terms: spoken quantities the finder missed and names the speaker coins in the way a master
says them. Sentences written for these tests about crafts of their own (none is in an evaluation or probe
file)."""
from __future__ import annotations

import pytest

from generation.prompting import normalize
from tests.test_prompting_quantity_grid import SPEC, found, matches  # (the grid's own finder helpers)


def out(text, **kw):
    return normalize(text, spec=SPEC, **kw).to_dict()


def term_texts(text, **kw):
    return [t["text"] for t in out(text, **kw)["terms"]]


# --- 一 + a thing's classifier, then a size: the size is a quantity of its own ----------------------
@pytest.mark.parametrize("text,name,value,approx", [
    ("裁一张两寸见方的油纸垫在底下", "length_mm", 66.66, False),
    ("削一根三寸来长的竹钉", "length_mm", 99.99, True),
    ("剪一块两尺宽的红绸", "width_mm", 666.6, False),
    ("备一条两米长的麻绳", "length_mm", 2000, False),
])
def test_a_size_after_an_article_and_classifier_is_found(text, name, value, approx):
    assert matches(text, name, value, approx), found(text)


def test_a_smaller_unit_of_the_same_kind_still_adds_up():
    assert matches("竹竿截成一尺二寸", "length_mm", 399.96), found("竹竿截成一尺二寸")
    assert matches("糖称两斤四两", "weight_g", 1200), found("糖称两斤四两")


# --- 一遍/一回 right after a one-character verb: the work done once -------------------------------
@pytest.mark.parametrize("text", ["坯子晾干了再刷一遍釉", "面粉拿筛子过一遍", "胶水再搅一遍,", "纸面拿水喷了一遍"])
def test_a_verb_done_once_is_a_count(text):
    assert matches(text, "count", 1), found(text)


@pytest.mark.parametrize("text", ["一遍干透了再上第二遍", "一遍比一遍薄", "一回舀半勺", "描好了检查一遍", "刷一遍就亮了",
                                  "晒一次颜色就淡一层"])
def test_once_as_which_time_or_at_a_time_is_no_count(text):
    assert [n for n, _ in found(text) if n == "count"] == [], found(text)


def test_once_more_after_a_repeat_marker_is_its_own_step():
    steps = out("先刷漆,等漆干透了再刷一遍,然后打磨。")["steps"]
    actions = [s["action"] for s in steps]
    assert len([a for a in actions if "刷" in a or "涂" in a]) == 2, actions


# --- a tool's name after a number counts the strokes made with it ------------------------------------
@pytest.mark.parametrize("text,value", [("石臼里一口气春个三百杵", 300), ("打糍粑要捶一千多棍", [1000, 2000]),
                                        ("夯土一层打四十棍", 40)])
def test_a_tool_counts_its_strokes(text, value):
    assert matches(text, "count", value), found(text)


@pytest.mark.parametrize("text", ["拿三根棍子撑住", "杵子要洗干净"])
def test_the_tool_itself_is_no_stroke(text):
    assert [v for n, v in found(text) if n == "count" and v != 3] == [], found(text)


# --- a step named by where it stands: an ordinal step's name, a marker + verb + object clause --------
@pytest.mark.parametrize("text,name", [
    ("做风筝头一步是扎骨,竹条要烤弯。", "扎骨"),
    ("头一样先学握刀,刀口朝外。", "握刀"),
    ("头一招先学劈掌,掌要直。", "劈掌"),
    ("练长拳头一式冲拳,拳心朝下。", "冲拳"),
    ("做灯笼最后一道是糊纱,纱要绷紧。", "糊纱"),
])
def test_what_an_ordinal_step_is_named_is_a_term(text, name):
    assert any(name in t for t in term_texts(text)), term_texts(text)


@pytest.mark.parametrize("text,name", [
    ("木料锯好了,然后组架,架子要方正。", "组架"),
    ("底子干了,最后过漆,漆要薄。", "过漆"),
    ("纸浆打好,然后捞纸,再压台,最后揭张。", "压台"),
    ("纸浆打好,然后捞纸,再压台,最后揭张。", "揭张"),
])
def test_a_marker_and_a_verb_object_clause_name_the_step(text, name):
    assert name in term_texts(text), term_texts(text)


@pytest.mark.parametrize("text,bad", [
    ("把布铺平,然后放下,再压实。", ("放下", "压实")),
    ("头一步是把泥揉熟,揉透了再做。", ("把泥揉熟", "泥揉熟")),
    ("第二步要刷三遍漆,一遍干了再刷。", ("刷三遍漆",)),
])
def test_a_result_a_direction_or_a_longer_clause_is_no_step_name(text, bad):
    terms = [t["text"] for t in out(text)["terms"] if t["category"] == "technique"]
    assert not any(b in terms for b in bad), terms
