"""s22-terms2: two single characters jieba (HMM off) left apart that its own HMM joins into a word it does not
know, standing in a noun's slot, are one name (``names._hmm_pairs``, reached through ``_slot_nouns``)."""
import os

os.environ.setdefault("HERITAGE_NATIVE", "0")

from generation.prompting.core import get_spec, normalize  # noqa: E402
from generation.prompting.extract import tokenize_doc  # noqa: E402
from generation.prompting.names import _hmm_pairs  # noqa: E402


def _pairs(text):
    spec = get_spec()
    doc = tokenize_doc(spec, text)
    return ["".join(doc.words[a:b]) for a, b in _hmm_pairs(spec, doc)]


def _terms(text):
    return [t["canonical"] for t in normalize(text).terms]


def test_pair_before_de_is_one_name():
    # 谈|经 left apart by jieba; before 的 it names what is done
    assert "谈经" in _pairs("谈经的时候大家坐好,我敲小锣。")
    assert "谈经" in _terms("谈经的时候大家坐好,我敲小锣。")


def test_pair_before_de_after_a_verb_phrase():
    assert "藏枢" in _terms("哨子一响,大家背对着藏枢的地方站好。")


def test_noun_and_its_predicate_is_no_name():
    # 笔|大: a noun, then an adjective saying something of it
    assert "笔大" not in _pairs("蘸墨的笔大,写字就粗。")


def test_closed_words_are_no_piece_of_a_name():
    # 全|靠, 纸|往: an adverb, a preposition of direction
    assert "全靠" not in _pairs("这一下,全靠腰力。")
    assert "纸往" not in _pairs("刷匀了,纸往版上一铺。")


def test_a_verb_and_its_result_or_object_is_no_name():
    # 缠|紧 (an adjective: the result), 晾|干的 (a result complement), 放|臼里 (a verb opening the clause, its object)
    assert "缠紧" not in _pairs("线绕三圈,缠紧。")
    assert "晾干" not in _pairs("拿晾干的竹片来编。")
    assert "放臼" not in _pairs("蒸熟了,放臼里舂。")


def test_a_pair_the_name_runs_on_from_is_no_name():
    # 薄|背|刀: the pair is only part of the name
    assert "薄背" not in _pairs("这把,薄背刀还要磨。")
