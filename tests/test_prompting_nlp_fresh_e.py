"""Steps and roles the fresh writers' dev4 and dev6 lost (nlp-fresh-e), each a general rule.

Sentences written for this test, none from the evaluation sets."""
import pytest

from tests.prompting_steps import step_starting as _step


# (1) a verb that puts the thing into a vessel glued to the vessel (jieba's 装坛/n, 下锅/n): the word is the step,
# the vessel its tool
@pytest.mark.parametrize("text, verb, vessel", [
    ("最后装坛,加点盐。", "装坛", "坛"),
    ("跟红枣一块下锅,熬半天。", "下锅", "锅"),
    ("洗好了下锅。", "下锅", "锅"),
    ("晾透了装瓮,埋到地下。", "装", "瓮"),
])
def test_a_verb_glued_to_a_vessel_is_the_step_and_the_vessel_its_tool(text, verb, vessel):
    assert _step(text, verb)["tool"] == vessel
