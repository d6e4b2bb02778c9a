"""nlp-terms2 (issue 11): technique names the speaker lists side by side are terms in text a speech recogniser
gave with no punctuation too. Sentences of this file's own, none from an evaluation or probe file."""
import pytest

from generation.prompting import normalize
from generation.prompting.breaks import ASR_LIST_MARK, restore_breaks
from generation.prompting.spec import get_spec


def _terms(text):
    return [t["text"] for t in normalize(text).to_dict()["terms"]]


# 1. Two names of two or three characters said one after the other that end in the same character (the head of
# the compound: 正打/反打, 藏锋/露锋) are two kinds of one thing, as when a writer puts 、 between them: with no
# punctuation at all, each is a term of its own, not one glued name (布龙纸龙) nor a piece of one (嗓假嗓).
@pytest.mark.parametrize("text, names", [
    ("打腰鼓要会正打反打两只手换着来鼓槌别碰着鼓边", ("正打", "反打")),          # 腰鼓
    ("写大字讲究藏锋露锋起笔收笔都得下功夫", ("藏锋", "露锋")),                # 书法
    ("学唱先练真嗓假嗓一口气唱完一整句才算过关", ("真嗓", "假嗓")),            # 戏曲
    ("这龙灯有布龙纸龙两样舞的时候龙头跟着龙珠走", ("布龙", "纸龙")),          # 舞龙
])
def test_names_listed_without_punctuation_are_terms(text, names):
    got = _terms(text)
    for name in names:
        assert name in got, got


# 2. The list mark goes between the two names only (the text keeps its characters, one mark added).
def test_list_mark_is_put_back_between_the_names():
    text = "这龙灯有布龙纸龙两样舞的时候龙头跟着龙珠走"
    said, added = restore_breaks(get_spec(), text)
    assert ASR_LIST_MARK in said
    k = said.index(ASR_LIST_MARK)
    assert said[k - 2:k] == "布龙" and said[k + 1:k + 3] == "纸龙"
    assert k in added and said.replace(ASR_LIST_MARK, "").replace(",", "") == text


# 3. What only looks like such a pair is no list: a verb said again after a noun (锉子锉 刃口锉), a word said
# twice (一层一层), a punctuated text (the writer's own marks decide).
@pytest.mark.parametrize("text", [
    "先拿锉子锉刃口锉平了再把刀放进水里淬火",
    "刷漆要一层一层往上刷刷完一层晾干了再刷下一层",
    "打腰鼓,要会正打反打,两只手换着来。",
    "我拉马头琴头几年光练指法没上过台",   # (a word of the dictionary across the place: 马头琴)
])
def test_no_list_mark_where_there_is_no_list(text):
    said, _ = restore_breaks(get_spec(), text)
    assert ASR_LIST_MARK not in said, said
