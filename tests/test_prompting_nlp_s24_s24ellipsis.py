"""The thing a step works on when its clause does not name it (s24-ellipsis; carry._carry_struck_instrument,
carry._passed_through_tool). Sentences written for these tests; each failed on the code before the rule (old output
in the comments)."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("surface", "hand", "tool", "material")


@pytest.mark.parametrize("text, striker, instrument", [
    # old: 敲 took 木架 (what the other hand holds, carried as the dropped object)
    ("我在班子里打小锣。小锣挂在木架上,我左手提着木架,右手拿锣槌敲。", "锣槌", "小锣"),
    ("我打大鼓。鼓架子摆在台子中间,我左手扶着架子,右手拿鼓槌敲。", "鼓槌", "大鼓"),
    # old: 敲 with no material
    ("我拉完二胡再打扬琴,竹签子捏在虎口里,手腕一抖,轻轻敲。", "竹签子", "扬琴"),
])
def test_striker_with_nothing_struck_strikes_the_instrument_struck_before(text, striker, instrument):
    got = steps(text, fields=FIELDS)
    assert [(t, m) for s, _, t, m in got if s == "敲"] == [(striker, instrument)], got


@pytest.mark.parametrize("text", [
    "先拿锤子打铁,再拿槌子敲。",  # no instrument struck before: the iron is carried as before
    "右手拿鼓槌往鼓面上打,左手拿小锤子敲。",  # 鼓面 is a part struck, no instrument named: nothing carried
])
def test_nothing_carried_without_an_instrument_struck(text):
    got = steps(text, fields=FIELDS)
    assert all(m is None or m in text for _, _, _, m in got), got
    assert [m for s, _, _, m in got if s == "敲"][0] in (None, "铁"), got


@pytest.mark.parametrize("text, verb, tool", [
    ("米粉晒干了,过八十目的筛子,筛三遍。", "筛", "筛子"),  # old: 筛 with no tool
    ("糯米粉蒸熟以后过细筛,拌上白糖。", "筛", "细筛"),  # old: 筛 (jieba's 细|筛) with no tool
    ("药面先过一遍细筛,再拿蜂蜜调。", "过", "细筛"),  # old: 过 with no tool
    ("豆粉炒香了过细筛", "筛", "细筛"),  # the implement ends the text (s25: no tool before)
])
def test_implement_passed_through_after_guo_is_the_tool(text, verb, tool):
    got = steps(text, fields=FIELDS)
    assert any(s == verb and t == tool for s, _, t, _ in got), got


def test_guo_before_a_time_or_the_thing_itself_gives_no_tool():
    got = steps("织手先配好颜色,再过梭,过两天才织完。", fields=FIELDS)  # 过梭 passes the shuttle itself
    assert all(t is None for _, _, t, _ in got), got
