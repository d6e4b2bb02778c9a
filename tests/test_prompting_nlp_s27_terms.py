"""Craft and technique terms said but not listed, s27-terms (issue 11; ``names.py``, joined in ``extract.extract``): each
rule shown on sentences of this file's own (none is in the evaluation set or a probe); every test marked "before" failed
on the code before its rule (39140b6, its output quoted in the comment).

1. ``names._technique_compounds``: a one-character verb and its one-character object opening a clause before a word of
   time (之前/以前/前/以后/之后/时, or 的 + 时候/时) name the stage of the work by which the time is told (开窑之前,
   起鼓前, 移把的时候), whatever the verb's own use elsewhere (a complement's 开, a direction's 起, a taking verb)."""
import pytest

from tests.prompting_steps import terms as _terms


# 1. the work that tells the time

@pytest.mark.parametrize("text, name", [
    ("开窑之前,窑门要先泼水降温。", "开窑"),  # before: 窑门, 泼水
    ("起鼓前,鼓手先看一眼班主。", "起鼓"),  # before: 鼓手, 班主
    ("开笔前,把砚台洗干净。", "开笔"),  # before: 笔, 砚台, 洗
    ("移把的时候,左手虎口贴着琴杆。", "移把"),  # before: 左手, 虎口, 琴杆 (把 before 的 marks no object)
])
def test_work_named_by_the_time_it_tells(text, name):
    assert name in _terms(text)


@pytest.mark.parametrize("text", [
    "有人的时候别喊。",  # (guard) 有, a verb of being, names no work
    "来人之前把桌子擦干净。",  # (guard) 人 is no object that names a work
    "要走的时候把灯关了。",  # (guard) a modal before its verb
])
def test_time_told_by_no_work(text):
    terms = _terms(text)
    assert not any(len(t) == 2 and t[0] in "有来要" for t in terms), terms
