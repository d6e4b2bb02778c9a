"""The segmenter normalize() cuts with (generation/prompting/segment.py): jieba-rs through rjieba, given
the words and frequencies of the spec's jieba tokenizer, must cut every text exactly as that tokenizer's
``lcut(text, HMM=False)`` does; without rjieba (or with HERITAGE_SEGMENTER=jieba) it is that ``lcut``.
The sentences here are written for this test and are in no evaluation file."""
import sys

import jieba
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generation.prompting import normalize
from generation.prompting import segment
from generation.prompting.segment import TOTAL_KEY, jieba_segmenter, rjieba_segmenter, segmenter_for
from generation.prompting.spec import Spec, default_spec, load_default_spec_dict

SPEC = default_spec()
TK = SPEC.ensure_tokenizer()

SENTENCES = [
    "先把竹篾放进水里泡软,再用篾刀从中间劈开,劈成两毫米宽的篾片。",
    "嗯,就是说这个泥坯要先阴干三天,然后进窑,窑温烧到一千二百度左右。",
    "右手捏住刻刀,刀口斜四十五度往下走,左手扶着木板慢慢转。",
    "把麻线搓紧了以后绕在梭子上,来回穿过经线,每穿一次用筘打紧。",
    "那个铜胎先錾出花纹,錾子要一下一下敲,不能太用力,不然铜皮会裂。",
    "茶青摊在竹筛上晾半个小时,再下锅杀青,锅温大概二百六十度。",
    "第一步选料,第二步开料,第三步刨平,最后上三遍桐油。",
    "用3.5mm的钩针起二十针锁针,然后每行加两针,织到第12行收针。",
    "C++和Python都行, e.g. 1.5kg/m² 的料, 温度 80% 湿度。",
    "拿起鼓槌往鼓心敲,敲三下停一下,再敲边。\r\n下一段\t换手。",
    "扎\x00\x00\x00纸马要先把篾条扎成骨架,再糊上皮纸。",
    "㐀㐁字鿖鿿豈更𠀀𠀁工艺, γ射线, ①②③, ｆｕｌｌ ｗｉｄｔｈ。",
]


def test_the_spec_cuts_with_rjieba():
    """rjieba is pinned in requirements.txt, so a `make setup` environment cuts with jieba-rs."""
    assert SPEC.ensure_segmenter().name.startswith("rjieba ")


@pytest.mark.parametrize("text", SENTENCES)
def test_same_words_as_jieba(text):
    assert SPEC.ensure_segmenter().cut(text) == TK.lcut(text, HMM=False)


PIECES = (["竹篾", "篾刀", "泥坯", "阴干", "进窑", "刻刀", "梭子", "经线", "錾子", "铜胎", "杀青", "桐油", "锁针", "鼓槌",
           "放", "进", "放进", "荫房", "进荫房", "一", "二十", "十六分之一", "针", "线", "的", "了", "把", "用", "再", "先",
           "abc", "A", "b", "7", "3.5", "mm", "+", "#", "&", ".", "_", "%", "-", "C++", "e.g.",
           ",", "。", "、", "?", "!", "(", ")", "“", "”", "…", "·",
           " ", "  ", "\t", "\n", "\r\n", "\r", "\u3000", "\xa0", "\x0b", "\x1c", "\x85", "\x00", "\u200b", "\ufeff",
           "㐀", "䶵", "鿖", "鿿", "豈", "𠀀", "𪜀", "γ", "é", "😀", "①", "ｆ", "１"]
          + [w for w in list(SPEC.terms)[:200]])
texts = st.one_of(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.text(max_size=120))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_same_words_as_jieba_on_any_text(text):
    assert SPEC.ensure_segmenter().cut(text) == TK.lcut(text, HMM=False)


def test_jieba_total_is_carried_over(tmp_path):
    """jieba adds every frequency it is given to its total (a repeated dictionary line, a word added
    again); jieba-rs keeps each word's last one. With 甲 10, 乙 10, 甲乙 1, 甲乙 is one word only when the
    total is over 100: here jieba's total is 131 and the sum of last frequencies 71."""
    path = tmp_path / "dict.txt"
    path.write_text("甲 10 n\n乙 10 n\n甲乙 1 n\n丁 20 n\n丁 20 n\n", encoding="utf-8")
    tk = jieba.Tokenizer(str(path))
    tk.initialize()
    tk.add_word("丁", freq=30)
    assert tk.total == 91 and sum(tk.FREQ.values()) == 51
    tk.add_word("戊", freq=40)
    assert tk.total == 131
    assert tk.lcut("甲乙丁", HMM=False) == ["甲乙", "丁"]
    assert rjieba_segmenter(tk).cut("甲乙丁") == ["甲乙", "丁"]
    # the entry that carries the difference is never cut as a word
    assert rjieba_segmenter(tk).cut(f"甲{TOTAL_KEY}乙") == tk.lcut(f"甲{TOTAL_KEY}乙", HMM=False) == ["甲", TOTAL_KEY, "乙"]


def test_ties_go_to_the_longer_first_word(tmp_path):
    """放 + 进荫房 and 放进 + 荫房 score the same (all four 200000): jieba takes 放进 (the later end wins a
    tie), and so must the segmenter (a C++ port that takes the earlier end was rejected for this)."""
    path = tmp_path / "dict.txt"
    path.write_text("放 200000 v\n进 5 v\n放进 200000 v\n荫房 200000 n\n进荫房 200000 n\n荫 3 n\n房 3 n\n", encoding="utf-8")
    tk = jieba.Tokenizer(str(path))
    tk.initialize()
    assert tk.lcut("放进荫房", HMM=False) == ["放进", "荫房"]
    assert rjieba_segmenter(tk).cut("放进荫房") == ["放进", "荫房"]


def test_without_rjieba_it_is_jiebas_own_lcut(monkeypatch):
    monkeypatch.setitem(sys.modules, "rjieba", None)  # import rjieba raises ImportError
    seg = segmenter_for(TK)
    assert seg.name == f"jieba {jieba.__version__}"
    assert seg.cut(SENTENCES[0]) == TK.lcut(SENTENCES[0], HMM=False)


def test_the_switch_forces_jieba(monkeypatch):
    monkeypatch.setattr(segment, "USE_RJIEBA", False)
    assert segmenter_for(TK).name == f"jieba {jieba.__version__}"
    monkeypatch.setattr(segment, "USE_RJIEBA", True)
    assert segmenter_for(TK).name.startswith("rjieba ")


def test_normalize_is_the_same_with_either_segmenter():
    plain = Spec.from_dict(load_default_spec_dict())
    plain.tokenizer = TK
    plain.segmenter = jieba_segmenter(TK)
    for text in SENTENCES:
        for craft in (None, "竹编"):
            assert normalize(text, craft=craft, spec=plain).to_dict() == normalize(text, craft=craft, spec=SPEC).to_dict()


def test_words_jieba_cannot_cut_are_left_out(tmp_path):
    """㐀 (CJK extension A) is outside jieba's blocks, so jieba never cuts a word holding it; jieba-rs's
    blocks take it, so such a word must not be in its table."""
    path = tmp_path / "dict.txt"
    path.write_text("㐀字 100000 n\n字 5 n\n工 5 n\n", encoding="utf-8")
    tk = jieba.Tokenizer(str(path))
    tk.initialize()
    tk.add_word("𠀀工", freq=100000)
    for text in ("㐀字", "𠀀工", "a㐀字b"):
        assert rjieba_segmenter(tk).cut(text) == tk.lcut(text, HMM=False)
    assert tk.lcut("㐀字", HMM=False) == ["㐀", "字"]
