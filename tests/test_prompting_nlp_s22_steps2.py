"""Steps lost on text nobody here wrote, counted by cause over the pool's action/order failures (s22-steps2), each a
general rule.

Sentences written for this test, none from the evaluation sets."""
import pytest

from generation.prompting.resegment import _shifted_verb, _verb_tail
from generation.prompting.spec import get_spec
from tests.prompting_steps import actions as _actions


# (1) jieba's overlapping cut A|BC (高|高举/d, 柴|火烧/n, 灯|火烧/n) where AB is a word of its dictionary too (高高, 柴火,
# 灯火) and C heads a verb, BC no verb of its own, right before a direction or 到/在/进 (what only a verb takes): the
# verb C is the step
@pytest.mark.parametrize("text, verb", [
    ("他把红旗高高举起来。", "举"),
    ("他一个人高高举起来。", "举"),
    ("把柴火烧到通红。", "烧"),
    ("拿铁丝凑近灯火烧到发红。", "烧"),
])
def test_a_verb_jieba_glued_into_the_next_word_is_a_step(text, verb):
    assert verb in _actions(text)


@pytest.mark.parametrize("text, verb", [
    ("大家一起来跳舞。", "跳舞"),  # 一|起来/v: a verb already, 一 a numeral
    ("手往下拉。", "拉"),  # 往下拉/v: one verb
    ("把旗杆高高竖起来。", "竖起"),  # no overlapping cut
])
def test_a_word_jieba_cut_right_keeps_its_step(text, verb):
    assert _actions(text) == [verb]


def test_the_verb_character_test():
    pos = get_spec().pos_tags()
    assert _verb_tail(pos, "举")  # 举/v
    assert _verb_tail(pos, "架")  # 架/q, but 架回/v
    assert not _verb_tail(pos, "来")  # a direction
    assert not _verb_tail(pos, "过")  # a complement
    assert not _verb_tail(pos, "师")


@pytest.mark.parametrize("words, i, shifted", [
    (["把", "龙", "骨架", "到", "台子"], 2, True),  # 龙骨 + 架
    (["板凳", "高", "高举", "起来"], 2, True),  # 高高 + 举
    (["把", "龙", "骨架", "拆", "了"], 2, False),  # no direction or 到/在/进 after it
    (["大家", "一", "起来", "跳舞"], 2, False),  # 起来/v is a verb; 一 a numeral
    (["他", "老", "师傅", "到", "了"], 2, False),  # 傅 heads no verb
])
def test_the_overlapping_cut(words, i, shifted):
    spec = get_spec()
    pos, freq = spec.pos_tags(), spec.ensure_tokenizer().FREQ
    assert _shifted_verb(spec, pos, freq, words, [None] * len(words), i) is shifted
