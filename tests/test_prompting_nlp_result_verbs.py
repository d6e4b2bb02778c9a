"""A verb with its result (熨平, 压实, 扎紧) is a motion the prompt says, even where jieba's dictionary lists the
word as a noun (熨平/n): the prompt used to leave such a bare step out as "no motion". Sentences written for
these tests (none from an evaluation set)."""
import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec

SPEC = default_spec()


@pytest.mark.parametrize("text, said", [
    ("绣片绣好了,再熨平。", "熨平"),                    # 刺绣
    ("红布包好以后,拿麻绳缠两圈,扎紧。", "扎紧"),        # 扎染 (a bare last step)
    ("米粉倒进木模,压实,再敲出来。", "压实"),            # 米塑 (carried object)
])
def test_a_verb_and_its_result_is_said(text, said):
    d = normalize(text, spec=SPEC).to_dict()
    assert any(s["action"] == said for s in d["steps"]), d["steps"]
    assert said in d["prompt"], d["prompt"]


def test_a_noun_is_still_no_step_of_its_own():
    """Guard: a two-character noun whose second character could be a result (平面, 水平) stays out."""
    d = normalize("先把纸铺在平面上,再刷浆。", spec=SPEC).to_dict()
    assert "平面;" not in d["prompt"] and "第1步,平面" not in d["prompt"], d["prompt"]
