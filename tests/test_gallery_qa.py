"""The question box's rules (gallery/qa.py), without a database."""
import pytest

from gallery.qa import StepText, answer_question

STEPS = [
    StepText(1, "上绷", "把底布平整地绷在绣绷上。"),
    StepText(2, "劈丝", "将丝线劈成十二分之一,穿入绣花针。"),
    StepText(3, "正抢针", "从外向内按层次走针,每层针脚齐整。"),
    StepText(4, "收针", "在背面藏好线头,剪去余线。"),
]


@pytest.mark.parametrize("question,current,order,reason", [
    ("下一步怎么走针?", 2, 3, "next"),
    ("接下来做什么", 1, 2, "next"),
    ("上一步是什么?", 3, 2, "previous"),
    ("第三步怎么做", 1, 3, "ordinal"),
    ("第4步", None, 4, "ordinal"),
    ("最后一步", 1, 4, "last"),
    ("怎么劈丝", 4, 2, "topic"),
    ("线头怎么处理", 1, 4, "topic"),
    ("下一步怎么走针?", 4, None, "end"),
    ("上一步", 1, None, "start"),
    ("天气怎么样", 1, None, "none"),
    ("", 1, None, "none"),
])
def test_answers(question, current, order, reason):
    answer = answer_question(question, STEPS, current)
    assert (answer.order, answer.reason) == (order, reason)


def test_topic_ties_prefer_the_current_step_then_the_next_ones():
    steps = [StepText(1, "走针", "走针"), StepText(2, "换线", "换线"), StepText(3, "走针", "走针"),
             StepText(4, "收尾", "剪线")]
    assert answer_question("怎么走针", steps, 2).order == 3
    assert answer_question("怎么走针", steps, 3).order == 3
    assert answer_question("怎么走针", steps, 4).order == 3  # nothing after: the nearest before


def test_synonyms_match_through_the_normalized_steps():
    """直针/平针 are dialect names of 齐针 in the spec lexicon: generation.prompting.normalize maps them."""
    steps = [StepText(1, "上绷", "把底布绷紧在绣绷上。"), StepText(2, "铺底", "用齐针铺底,针脚整齐。"),
             StepText(3, "正抢针", "从外向内按层次走针。")]
    answer = answer_question("直针怎么绣?", steps, 3)
    assert (answer.order, answer.reason) == (2, "topic") and "齐针" in answer.matched
