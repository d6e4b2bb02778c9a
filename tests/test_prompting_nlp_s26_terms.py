"""Craft and technique terms said but not listed, s26-terms (issue 11; ``names.py``, joined in ``extract.extract``): each
rule shown on sentences of this file's own (none is in the evaluation set or a probe); every test marked "before" failed
on the code before its rule (96b0b5a, its output quoted in the comment).

1. ``names._heritage_names``: a sentence opening with the practice's name as the heritage lists give it (X制作技艺,
   X锻制技艺) lists the whole name, whatever pieces jieba cut it into.
2. ``names._named_with_le``: a quoted name with 了 inside it (between a verb and what it makes), after a copula or a
   naming verb, or set side by side with another quotation, is a name, not words said.
3. ``names._legend_names``: a four-character word jieba tags as a person's name (its tag for many set phrases and story
   names) said as a clause of its own or named by the verb before it, closing the clause.
4. ``names._technique_compounds``: a one-character word of position (初/后/前) opening a predicate before a
   one-character verb names the stage (后放, 初蒸).
5. ``names._opening_names``: the name a text opens with may be followed by the speaker's pronoun (a topic and its
   comment) or by a pause before the copula, and may end in a festival's 节 (jieba: a time)."""
import pytest

from tests.prompting_steps import terms as _terms


# 1. the practice's name as the heritage lists give it

def test_heritage_name_opening_the_text():
    # before: 洛川面 (the name cut at 花)
    assert "洛川面花制作技艺" in _terms("洛川面花制作技艺的讲究在一个捏字。")


def test_a_kind_of_practice_is_no_heritage_name():
    # (guard) 传统技艺, 民间技艺 name a kind, not a practice
    terms = _terms("民间技艺要传下去。")
    assert not any(t.endswith("技艺") for t in terms), terms


# 2. a quoted name with 了 inside

@pytest.mark.parametrize("text, name", [
    ("这一步叫“蒸了透”，要蒸足两个钟头。", "蒸了透"),  # before: no term at all
    ("碾米要过“碾开壳”“碾了白”两道，米才亮。", "碾了白"),  # before: 碾米, 碾开壳, 开壳
])
def test_quoted_name_with_le(text, name):
    assert name in _terms(text)


def test_quoted_words_said_stay_no_name():
    # (guard) 了 closing the quotation, after a speech verb: words said
    assert "好了" not in _terms("师傅喊“好了”，我们就停手。")


# 3. a four-character word tagged as a person's name, closing its clause

def test_set_phrase_tagged_as_a_name_said_alone():
    # before: 两手, 托 (the move named between them missing)
    assert "腾蛟起凤" in _terms("两手往外一分，腾蛟起凤，再往上一托。")


def test_set_phrase_said_of_a_subject_is_no_name():
    # (guard) 呼啸而过 says what the car did
    assert "呼啸而过" not in _terms("汽车呼啸而过。")


# 4. a word of position opening a predicate before a one-character verb: the stage

@pytest.mark.parametrize("text, name", [
    ("盐要先放，糖要后放，不然就焦了。", "后放"),  # before: 放, 放
    ("蒸好的糕晾一晾，初蒸要二十分钟，复蒸十分钟。", "初蒸"),  # before: 晾一晾, 复蒸
])
def test_stage_compound(text, name):
    assert name in _terms(text)


def test_postposition_after_a_clause_is_no_stage():
    # (guard) 发酵后: after the fermenting, 后 closes that clause
    assert not any(t.startswith("后") for t in _terms("发酵后拆开看一看。"))


# 5. the name a text opens with

@pytest.mark.parametrize("text, name", [
    ("蓑衣帽我们山里叫斗篷，棕片要晒干。", "蓑衣帽"),  # before: 蓑衣, 斗篷, 棕片, 晒干 (the pronoun after the name)
    ("采花节是我们瑶家的大日子。", "采花节"),  # before: 采花, 瑶家, 大日子 (节 tagged a time)
    ("喀嚓嚓 是我们这边的一种鼓。", "喀嚓嚓"),  # before: no term (a pause before the copula)
])
def test_opening_name(text, name):
    assert name in _terms(text)
