"""A tool named for what is done with it, then that doing (用锤子锤平, 用烙铁烙平, 拿钳子钳紧): jieba leaves the verb a
one-character noun or morpheme after the tool's name, and the noun-compound repair used to join the three into one
noun (锤子锤平), leaving no step at all. Sentences written for these tests (none from an evaluation set)."""
import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec

SPEC = default_spec()


def _steps(text):
    return [(s["action"], s.get("tool"), s.get("material")) for s in normalize(text, spec=SPEC).to_dict()["steps"]]


@pytest.mark.parametrize("text, action, tool", [
    ("铜片烧软了,用锤子锤平。", "锤平", "锤子"),          # 锻铜
    ("葫芦晾干以后,用烙铁烙平边上的毛刺。", "烙平", "烙铁"),  # 烙画
    ("铁丝绕两圈,再用钳子钳紧。", "钳紧", "钳子"),            # 铁艺
    ("木料锯成段,用锯子锯两下就断了。", "锯", "锯子"),        # 木作
])
def test_the_tools_own_verb_after_it_is_the_step(text, action, tool):
    """The step is the tool's verb (with its result, or before its object: 烙 + 平边上的毛刺), done with the tool."""
    got = _steps(text)
    assert any(a[:1] == action[0] and t == tool for a, t, _ in got), got


def test_the_prompt_says_the_tool_and_its_doing():
    prompt = normalize("用锤子锤平。", spec=SPEC).to_dict()["prompt"]
    assert "用锤子锤平" in prompt, prompt


@pytest.mark.parametrize("text, word", [
    ("锤子锤头要包一层布。", "锤头"),          # 锤子 + 锤头: a noun after the tool name is no verb here
])
def test_a_noun_after_the_tool_name_stays_a_noun(text, word):
    """Guards: the rule reads only a tool's own verb character, never a noun that shares it."""
    d = normalize(text, spec=SPEC).to_dict()
    assert d["prompt"] and not any(s["action"] == word[:1] for s in d["steps"]), d["steps"]
