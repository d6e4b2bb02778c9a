"""Things in a step's slot cut short by jieba, s25-slots (issue 11): each rule shown on sentences of this file's own
(none is in the evaluation set or a probe); every test marked "before" failed on the code before its rule (main
2447e3a, its output quoted in the comment).

1. ``resegment._resegment``: a one-character verb + 紧 that jieba's dictionary lacks (攥紧) is cut 攥|紧X, 紧 glued to
   the thing held: the verb with its result 紧 + the thing (and a noun character left there with one more character
   of no word's, closing the clause, is that thing's name: 紧竹|矛 → 竹矛).
2. ``carry._verb_took_first``: jieba's cut XY|c of a one-character verb and a two-character noun (加开|水, 踩踏|板)
   is the verb X and the noun Yc, where Yc is the noun there (a noun whose first character is no complement, or a
   word more frequent than XY)."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("surface", "tool", "material")


# 1. 攥紧 + the thing held

@pytest.mark.parametrize("text, verb, thing", [
    ("他攥紧缰绳往后一拉。", "攥紧", "缰绳"),  # before: one step 拉 with material 紧缰绳
    ("老汉攥紧麻绳,一步一步往上爬。", "攥紧", "麻绳"),  # before: material 紧麻绳
    ("猎人攥紧木矛，慢慢往前走。", "攥紧", "木矛"),  # before: 攥 with material 紧木 (紧木|矛)
])
def test_grip_tight_then_the_thing_held(text, verb, thing):
    got = steps(text, fields=FIELDS)
    assert any(surface == verb and thing in (tool, material) for surface, tool, material in got), got


def test_tight_left_alone_where_jieba_has_the_verb():
    # 握紧 is a word of jieba's: nothing to cut, the thing stays whole
    got = steps("左手握紧刻刀往下压。", fields=FIELDS)
    assert not any("紧" in (tool or "") or "紧" in (material or "") for _, tool, material in got), got


# 2. a verb that took the first character of its noun

@pytest.mark.parametrize("text, verb, thing", [
    ("先加开水,再揉成团。", "加", "开水"),  # before: 加开 with material 水
    ("织布时脚一踩踏板,经线就分开。", "踩", "踏板"),  # before: 踩踏 with material 板
])
def test_the_noun_the_verb_took_a_character_of(text, verb, thing):
    got = steps(text, fields=FIELDS)
    assert (verb, None, thing) in got, got


@pytest.mark.parametrize("text, verb, part", [
    ("两只手握住手腕往外拉。", "握住", "住手"),  # 住 is the verb's complement: no 住手
    ("腰弯下去,慢慢弯下腰。", "弯下", "下腰"),
])
def test_a_complement_keeps_its_verb(text, verb, part):
    got = steps(text, fields=FIELDS)
    assert not any(material == part for _, _, material in got), got
