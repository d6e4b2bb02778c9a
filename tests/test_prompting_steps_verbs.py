"""Verbs jieba tags as nouns, numerals or particles that stand where a predicate stands (issue 11, fifth
session, r6-steps). Sentences written for these tests (none from an evaluation set), from several crafts."""
from functools import partial

import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()


actions = partial(prompting_steps.actions, spec=SPEC)


@pytest.mark.parametrize("text", [
    "刨子钝了就再换个新刀片,接着刨。",          # 再 + 换 (jieba 换/nz) + 个
    "一种釉烧完,先换深一点的釉再上。",          # 先 + 换 + an adjective
    "琴弦断了就再换一根。",                     # 再 + 换 + a numeral
])
def test_one_character_after_an_adverb_before_ge_an_adjective_or_a_numeral_is_the_verb(text):
    assert "换" in actions(text), actions(text)


@pytest.mark.parametrize("text", [
    "木匠拿墨斗在板子上点一下,再锯。",          # 点 before a count of strokes
    "画师拿细毛笔把眼珠点出来。",               # 点 before its direction
    "老师傅拿小锤点,徒弟跟着打。",              # 点 closing its clause after the tool
])
def test_dian_with_no_number_before_it_is_the_touch(text):
    assert "点" in actions(text), actions(text)


@pytest.mark.parametrize("text", [
    "锅里再加点水,搅匀。",
    "颜色调得深点,再刷一遍。",
    "这点要记住,手别抖。",
])
def test_dian_as_a_bit_is_no_step(text):
    assert "点" not in actions(text), actions(text)


@pytest.mark.parametrize("text,first,second", [
    ("糖稀熬到一百二十度舀出来。", "熬", "舀"),           # a degree reached (to + a quantity), then the next verb
    ("玻璃料烧到一千度夹出来吹。", "烧", "夹"),           # and a hand verb jieba tags as a noun after the quantity
    ("棉线泡到两个钟头捞起来。", "泡", "捞"),
])
def test_a_verb_after_a_degree_reached_is_the_next_step(text, first, second):
    acts = actions(text)
    assert any(a.startswith(first) for a in acts) and any(a.startswith(second) for a in acts), acts


@pytest.mark.parametrize("text", [
    "唢呐的哨片两片,一片夹在上唇跟下唇中间。",            # a numeral and classifier as the subject of 夹在
    "两根筷子,一根夹在虎口上。",
])
def test_a_hand_verb_after_a_counted_subject_before_zai_is_the_verb(text):
    assert "夹" in actions(text), actions(text)


@pytest.mark.parametrize("text", [
    "切好的藕片在凉水里过一下,再下锅。",        # 过 after the place (里), before a count
    "瓷土晒干了,拿细箩过一遍。",               # 过 after the one-character thing taken in hand (箩)
    "染好的布在清水里过两遍。",
])
def test_guo_before_a_count_after_no_verb_is_to_pass_through(text):
    assert "过" in actions(text), actions(text)


@pytest.mark.parametrize("text,verb", [
    ("花生炒香了,捣烂了拌进糖里。", "捣烂"),        # a hand verb + 烂 done on purpose
    ("拿木槌把蒜瓣砸开捣烂,再加醋。", "捣烂"),
    ("红豆泡一夜,煮烂了过筛。", "煮烂"),
])
def test_a_hand_verb_with_lan_done_on_purpose_is_a_step(text, verb):
    assert verb in actions(text), actions(text)


def test_a_mishap_with_lan_is_still_no_step():
    assert not any(a.endswith("烂") for a in actions("鞋底都磨烂了,还得接着跳。"))


@pytest.mark.parametrize("text, expected", [
    ("两个鼓手分站两边,一齐敲。", ["分站", "敲"]),         # a count before X手: the person (分站: nlp-fresh-a, the posture)
    ("后头的三十来个鼓手就跟着转圈。", ["转圈"]),           # 的 + a count
    ("底下帮手就递砖。", ["递砖"]),                         # a place word, then 就
    ("舵手两只手把舵,船就转弯。", ["把舵", "转弯"]),       # heading its clause, a hand after it
    ("鼓手腰里挂着鼓,两只手各握一根槌。", ["挂", "握"]),   # a body part + 里 after it
])
def test_a_person_named_x_shou_is_no_step(text, expected):
    assert [s["surface"] for s in normalize(text, spec=SPEC).to_dict()["steps"]] == expected


@pytest.mark.parametrize("text, expected", [
    ("先洗手,再焚香。", ["洗手", "焚香"]),
    ("伸手就抓。", ["伸手", "抓"]),
])
def test_the_verb_x_shou_stays_a_step(text, expected):
    assert [s["surface"] for s in normalize(text, spec=SPEC).to_dict()["steps"]] == expected


def test_shang_xia_after_a_two_character_adverb_before_a_one_character_noun_is_the_verb():
    assert "下桨" in [s["surface"] for s in normalize("划手跟着号子一齐下桨。", spec=SPEC).to_dict()["steps"]]


@pytest.mark.parametrize("text, gone", [
    ("剪纸的花样多,牡丹花、荷花、腊梅花。左手捏着红纸,右手拿剪刀剪。", ["花"]),
    ("姑娘们上山采竹叶和花,采回来晒干。", ["花"]),
    ("颜色串了,花就花了。", ["花"]),
])
def test_hua_with_nothing_spent_is_the_flower(text, gone):
    got = [s["surface"] for s in normalize(text, spec=SPEC).to_dict()["steps"]]
    assert not set(gone) & set(got)


def test_hua_with_what_is_spent_is_the_verb():
    assert "花" in [s["surface"] for s in normalize("刻一块版要花三天,慢慢刻。", spec=SPEC).to_dict()["steps"]]


@pytest.mark.parametrize("text", [
    "剪纸的花样多得很。左手捏着红纸,右手拿剪刀剪。",
    "剪纸的花样多得很 左手捏着红纸 右手拿剪刀剪",
])
def test_a_technique_before_de_and_a_noun_is_no_step(text):
    # 「剪纸的花样」: what kind of pattern; it does not take the next step (捏着) as how it is done
    got = [s["surface"] for s in normalize(text, spec=SPEC).to_dict()["steps"]]
    assert got[:1] == ["捏着"]
