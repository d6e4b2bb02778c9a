"""Crafts, r10-crafts (issue 11; ``generation/prompting/extract.py``, ``spec.py``): for a craft the spec
describes in full (its own actions and defaults: the lexicon's path, ``described`` in extract.py), a verb
outside the craft's actions that carries a quantity of its own (「晾个两天」「压个五六下」) is a step, not
how the step before is done. Every sentence is written for this file (none is in the evaluation set)."""
from tests.prompting_steps import steps


# a described craft: a verb of no spec action with its own quantity is its own step

def test_a_verb_with_its_own_duration_is_a_step():
    got = steps("泥片拿木拍子拍打,拍好了晾,晾个两天", craft="zisha")
    assert [s["surface"] for s in got] == ["拍打", "晾"]
    assert got[1]["params"] == {"duration_s": 172800}
    assert "duration_s" not in got[0]["params"]


def test_a_verb_with_its_own_count_is_a_step():
    got = steps("拿棕刷往版上刷颜料,刷完铺纸,压个五六下", craft="nianhua")
    assert [s["surface"] for s in got][-1] == "压"
    assert got[-1]["params"] == {"count": [5, 6]}
    assert "count" not in got[0]["params"]


def test_a_verb_with_nothing_of_its_own_still_says_how_the_step_before_is_done():
    # (negative) no quantity, no tool, no material, no hand: the verb goes on describing the step before
    got = steps("泥片拿木拍子拍打,拍好了慢慢晾干", craft="zisha")
    assert [s["surface"] for s in got] == ["拍打"]
