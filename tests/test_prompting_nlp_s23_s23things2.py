"""Wrong tool/material values (s23-things2): a noun jieba cut after its first character (resegment._split_noun) and
a corrected object that ran past a full-width comma (extract._V_DE_SHI). Sentences written for these tests; each
failed on the code before this branch (the old output is in the comment)."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("surface", "tool", "material")


# --- a noun cut after its first character, where only a noun stands (resegment._split_noun) -----------------------------
@pytest.mark.parametrize("text, expected", [
    # after a verb and its complement, before a place word (old: 伸进 + 布, and a step 襻)
    ("把手指伸进布襻里,往上提。", [("伸进", None, "布襻"), ("提", None, None)]),
    # after a piece classifier, before the path 往 (old: 竹)
    ("把那根竹拐往地上一戳。", [("戳", None, "竹拐")]),
    # after a classifier, before the direction it goes (old: 麻, and a step 茅)
    ("再插根麻茅进去,压紧。", [("插", None, "麻茅"), ("压紧", None, "麻茅")]),
    # after 搁上 and an adjective, a list going on (old: 小银, and a step 钉)
    ("供桌正中再搁上小银钉、小银环。", [("搁", None, "小银钉、小银环")]),
    # a bound morpheme jieba knows in no word, before the next verb (old: 卡)
    ("两人铺开卡垫喝茶。", [("铺开", None, "卡垫"), ("喝茶", None, "茶")]),
])
def test_noun_cut_after_its_first_character_is_one_noun(text, expected):
    assert steps(text, fields=FIELDS) == expected


def test_bound_morpheme_closing_the_clause_after_a_one_character_verb():
    # (old: a step 选坟 with the material 坟)
    assert steps("头一步是选坟址,再动土。", fields=FIELDS)[0] == ("选", None, "坟址")


@pytest.mark.parametrize("text, expected", [
    # a verb closing its clause stays the verb (弦 + 走)
    ("弓子贴着两根弦走,拉慢些。", [("走", "弓子", None), ("拉", "弓子", None)]),
    # a noun character after a bare classifier (曲/q) is no piece classifier's noun: 码 + 起来 is the verb
    ("搬进曲房码起来,翻两次。", [("搬进", None, "曲房"), ("码", None, "曲房"), ("翻", None, "曲房")]),
])
def test_no_join_where_the_second_character_is_a_verb(text, expected):
    assert steps(text, fields=FIELDS) == expected


def test_a_noun_character_that_opens_verbs_stays_the_verb_before_a_direction():
    # 量/n opens verbs of jieba's dictionary (量完/v): before 出去 it is the verb, not the end of 线量
    assert [s[0] for s in steps("顺着那根线量出去,做个记号。", fields=FIELDS)][:1] == ["量"]


def test_a_character_said_again_alone_is_a_word_of_its_own():
    # 拐 said again, after the same noun character, is that noun's end again
    got = steps("把那根竹拐往地上一戳,竹拐就立住了。", fields=FIELDS)
    assert got[0] == ("戳", None, "竹拐")


# --- a correction's object ends at a full-width comma (extract._V_DE_SHI) ----------------------------------------------
@pytest.mark.parametrize("text, material", [
    ("加蜂蜜,哎,不对,加的是米浆，拌匀了再蒸。", "米浆"),  # (old: 米浆，拌)
    ("先放糖，哎不对，放的是盐，再搅匀。", "盐"),  # (old: 盐，再搅)
])
def test_corrected_object_ends_at_a_full_width_comma(text, material):
    got = steps(text, fields=FIELDS)
    assert all(s[2] == material for s in got)
