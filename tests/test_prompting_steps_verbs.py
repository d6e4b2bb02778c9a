"""Verbs jieba tags as nouns, numerals or particles that stand where a predicate stands (issue 11, fifth
session, r6-steps). Sentences written for these tests (none from an evaluation set), from several crafts."""
import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec

SPEC = default_spec()


def actions(text):
    return [s["action"] for s in normalize(text, spec=SPEC).to_dict()["steps"]]


@pytest.mark.parametrize("text", [
    "刨子钝了就再换个新刀片,接着刨。",          # 再 + 换 (jieba 换/nz) + 个
    "一种釉烧完,先换深一点的釉再上。",          # 先 + 换 + an adjective
    "琴弦断了就再换一根。",                     # 再 + 换 + a numeral
])
def test_one_character_after_an_adverb_before_ge_an_adjective_or_a_numeral_is_the_verb(text):
    assert "换" in actions(text), actions(text)
