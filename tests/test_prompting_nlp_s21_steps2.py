"""Steps lost where jieba glued a hand verb to its complement and tagged the word no verb (nlp-s21-steps2): counted
over the tunable splits, one general rule.

Sentences written for this test, none from the evaluation sets."""
import pytest

from tests.prompting_steps import actions as _actions


# a hand verb + 上/倒 that jieba tags a place or an adverb (塞上/s, 按倒/d), before what it puts in or where it puts it,
# is the step
@pytest.mark.parametrize("text, verb", [
    ("羊按倒在草地上，剪子从肚皮剪起。", "按倒"),
    ("小牛按倒在地上，阿爸拿绳子捆腿。", "按倒"),
    ("先把花布裁成小块裁好的小块底下塞上棉花塞得鼓起来再拿针线把边缝到鞋面上", "塞"),
])
def test_a_hand_verb_glued_to_its_complement_is_a_step(text, verb):
    assert verb in _actions(text)


def test_on_top_is_still_no_step():
    # 顶上/f: a locative, on top of the thing, no hand verb 顶
    assert _actions("灯笼顶上挂一根红绳。") == ["挂"]


# a manner character jieba tags a verb (竖, 横), right after the place the thing goes (a locative closing it), with its
# object (or 着 + a count + its object) closing the clause, puts the thing there: a step
@pytest.mark.parametrize("text, verb", [
    ("再往河里竖木桩，拿绳子捆牢。", "竖"),
    ("手里横着一根竹竿，一步一步往前走。", "横"),
])
def test_a_manner_verb_after_the_place_is_a_step(text, verb):
    assert verb in _actions(text)


@pytest.mark.parametrize("text", [
    "碗里竖着放筷子。",
    "筷子竖着放，别横着放。",
])
def test_a_manner_verb_before_its_verb_is_still_how(text):
    assert _actions(text) == ["放"]
