"""nlp-speed3: the quantity pattern written for fewer steps of the regex engine, with the same matches."""
import re

from generation.prompting import quantities
from generation.prompting.spec import get_spec
from generation.prompting.tokens import finder_for

# sentences written for these tests (in no eval set)
TEXTS = [
    "先晾一个小时,再晾三个钟头,一个月以后才上第二遍漆。",
    "称十二千克糯米,一千克红糖,三千二百克水。",
    "泡两三天到一个礼拜,每分钟搅四五十下,火候到八百度左右。",
    "竹子劈成十六丝,取其中十六分之一,料和水三比一,米三份,水一份,三七开。",
    "一尺二寸长,八分厚,一斤半到两斤,熬到一百五上下,转一圈拍四五十下。",
]


def _plain(items) -> str:
    return "|".join(p for _, p in items)


def test_grouped_alternation_matches_like_the_plain_one():
    items = [("个", "个小时"), ("个", "个钟头"), ("个", "个月"), ("毫", "毫米"), ("月", "(?<=[个半])月"), ("米", "米"),
             ("下", "下(?![午面])"), ("个", "个"), ("寸", "寸")]
    grouped = quantities._by_first(items)
    assert grouped.startswith("[米寸]")  # the one-character items, one class
    for text in ("一个小时", "两个月", "三毫米", "半月", "五月", "下午", "三下", "一个人", "两寸", "个钟"):
        for at in range(len(text)):
            a, b = re.compile(_plain(items)).match(text, at), re.compile(grouped).match(text, at)
            assert (a and a.span()) == (b and b.span()), (text, at)


def test_quantities_are_found_as_before():
    finder = finder_for(get_spec())
    found = [[(q.start, q.end, q.name, q.value) for q in finder.find(t)] for t in TEXTS]
    assert found[1][:2] == [(1, 5, "weight_g", 12000), (8, 11, "weight_g", 1000)]  # 十二 + 千克, not 十二千 + 克
    assert [q[2] for q in found[0]] == ["duration_s", "duration_s", "duration_s"]
    assert found[3][:2] == [(4, 7, "thread_split", 16), (11, 16, "thread_split", 16)]


def test_num_stops_before_the_thousand_of_a_kilogram():
    num = re.compile(quantities.NUM)
    assert num.match("十二千克").group() == "十二"
    assert num.match("千克").group() == "千"  # (the first character is taken whatever follows)
    assert num.match("三千二百克").group() == "三千二百"
    assert num.match("一二三四五六七八九十一二三四").group() == "一二三四五六七八九十一二"  # at most 12
