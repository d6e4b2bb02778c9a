"""A found step with no tool or material, s26-slots (issue 11): each rule shown on sentences of this file's own (none
is in the evaluation set or a probe); every test marked "before" failed on the code before its rule (main 96b0b5a,
its output quoted in the comment).

1. ``extract._held_tool`` (and ``breaks``, ``words.WIELD_VERBS``): a tool's one-character name that jieba tags a verb
   (弓, 锯, 锤), right after a verb of the hand that holds or draws it and closing its clause, is the thing held, not a
   step of its own; a working implement steadied (扶) or drawn (拉) is what with.
2. ``resegment._resegment``: where a noun's modifier stands (after 的, or a numeral and classifier), a one-character
   piece that is no word there (a bound morpheme, an abbreviation's character, a classifier) before a one-character
   noun is that noun's first character."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("surface", "tool", "material")


# 1. the tool the hand holds, named by a character jieba tags a verb

@pytest.mark.parametrize("text, verb, thing", [
    ("他拉开弓,瞄准靶心。", "拉开", "弓"),  # before: steps 拉开 and 弓, no tool
    ("师傅左手扶着锯,右手往前推。", "扶", "锯"),  # before: steps 扶 and 锯, no tool
    ("木头上画了一道线左手握锯右手扶稳", "握", "锯"),  # no punctuation; before: a break before 锯, steps 握 and 锯
])
def test_the_tool_held_is_no_step(text, verb, thing):
    got = steps(text, fields=FIELDS)
    assert any(surface == verb and tool == thing for surface, tool, _ in got), got
    assert not any(surface == thing for surface, _, _ in got), got


def test_a_steadied_implement_is_what_with():
    # before: 扶 with the material 钎子 (now the tool, as 握/攥 + a working implement)
    got = steps("老汉左手提着锤右手扶着钎子", fields=FIELDS)
    assert any(surface == "扶" and tool == "钎子" for surface, tool, _ in got), got


@pytest.mark.parametrize("text, verb", [
    ("他压着刷,一遍遍刷匀。", "刷"),  # 压 holds nothing: 刷 is the verb done while pressing
    ("老人扶着走,慢慢上台。", "走"),  # 走 names no tool
])
def test_a_verb_after_a_verb_of_the_hand_stays_a_verb(text, verb):
    assert any(surface == verb for surface, _, _ in steps(text, fields=FIELDS))


# 2. a modifier's character jieba left apart from the noun

@pytest.mark.parametrize("text, verb, thing", [
    ("她先把三条罗裤叠整齐。", "叠", "罗裤"),  # before: material 裤 (罗/j)
    ("铺上两张苇帘,再摊开晒。", "铺上", "苇帘"),  # before: no material (苇/zg)
])
def test_the_modifier_character_starts_the_noun(text, verb, thing):
    got = steps(text, fields=FIELDS)
    assert any(surface == verb and material == thing for surface, _, material in got), got


def test_a_noun_after_its_own_word_is_left_alone():
    # 荞面 is jieba's word: nothing to join
    got = steps("把锅里的荞面搅匀。", fields=FIELDS)
    assert ("搅匀", None, "荞面") in got, got
