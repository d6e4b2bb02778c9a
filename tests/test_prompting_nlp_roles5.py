"""nlp-roles5 (issue 11): roles left empty where the noun is plainly said. Sentences of this file's own, none
from an evaluation or probe file."""
import pytest

from generation.prompting import normalize


def _step(text, verb):
    return next(s for s in normalize(text).to_dict()["steps"] if verb in (s["surface"] or ""))


# 1. A modifier closed by 的 (a relative clause, a measure, a state) before the noun after the verb: the noun
# after 的 heads the phrase and is the verb's object, or the vessel gone into.
@pytest.mark.parametrize("text, verb, material", [
    ("再削掉多出来的木头。", "削", "木头"),              # 木雕
    ("最后剪掉露在外面的线头。", "剪", "线头"),          # 刺绣
])
def test_object_after_a_modifier_with_de_is_the_material(text, verb, material):
    assert _step(text, verb)["material"] == material


@pytest.mark.parametrize("text, verb, tool", [
    ("然后舀进刷过油的木桶里。", "舀", "木桶"),          # 酿酒
    ("把香泥塞进挖了槽的竹筒。", "塞", "竹筒"),          # 制香
])
def test_vessel_after_a_modifier_with_de_is_the_tool(text, verb, tool):
    assert _step(text, verb)["tool"] == tool
