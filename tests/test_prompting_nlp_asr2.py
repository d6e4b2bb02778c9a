"""nlp-asr2 (issue 11): text as a speech recogniser gives it (no punctuation), the clause breaks that still
went missing or were put where none belongs. Sentences of this file's own, none from an evaluation or probe file."""
import pytest

from generation.prompting import normalize
from generation.prompting.breaks import restore_breaks
from generation.prompting.spec import get_spec


def _said(text):
    return restore_breaks(get_spec(), text)[0]


def _steps(text):
    return normalize(text).to_dict()["steps"]


# 1. jieba glues a tool it knows to the one-character verb after it into a word it does not know (镊子夹, 筷子夹):
# that word is the tool's verb, not a noun, so a count after it (一团, 一块) is what the verb takes, not the start
# of a new numbered subject.
@pytest.mark.parametrize("text, glued", [
    ("拔罐的时候先拿镊子夹一团棉花蘸点酒精点着", "镊子夹"),     # 拔火罐
    ("刺绣先拿镊子夹一根丝线穿进针眼", "镊子夹"),               # 刺绣
    ("做月饼拿筷子夹一块馅按进皮里包起来", "筷子夹"),           # 月饼
])
def test_no_break_after_a_tool_glued_to_its_verb(text, glued):
    said = _said(text)
    assert glued + "," not in said, said


@pytest.mark.parametrize("text, verb, tool, material", [
    ("拔罐的时候先拿镊子夹一团棉花蘸点酒精点着", "夹", "镊子", "棉花"),   # 拔火罐
    ("刺绣先拿镊子夹一根丝线穿进针眼", "夹", "镊子", "丝线"),             # 刺绣
])
def test_the_glued_verb_takes_what_is_counted_after_it(text, verb, tool, material):
    steps = _steps(text)
    step = next((s for s in steps if s["surface"] == verb), None)
    assert step is not None, steps
    assert step["tool"] == tool and step["material"] == material, steps
