"""A verb's result is not part of the noun after it, and a thing named for what is done with it stays the thing.

「抹平墙面」「锤平铜片」: jieba tags the result 平 a noun, and it was read as the first character of the object
(平墙面, 平铜片; 「拧紧螺帽」 the same); 「用熨斗熨平」: jieba tags 熨斗 a verb and 熨平 a noun, which gave a step 熨斗 with the
tool 斗. Sentences written for this test, none from the evaluation sets."""
import pytest

from generation.prompting import normalize


def _steps(text):
    return normalize(text).to_dict()["steps"]


@pytest.mark.parametrize("text, material", [
    ("师傅先抹平墙面,再贴瓷片", "墙面"),
    ("拿小锤子锤平铜片", "铜片"),
    ("木匠再刨平木板的两头", "木板"),
    ("用铁锤锤平银片", "银片"),
    ("琴师再拧紧螺帽", "螺帽"),
])
def test_a_result_closes_its_verb(text, material):
    steps = _steps(text)
    assert steps, text
    got = [s.get("material") or "" for s in steps]
    assert not any(m[:1] in "平紧" for m in got), got
    if material:
        assert material in got, got


@pytest.mark.parametrize("text, verb, tool", [
    ("再用熨斗熨平绸面", "熨平", "熨斗"),
    ("裁缝拿熨斗熨平领子", "熨平", "熨斗"),
])
def test_a_tool_named_for_its_doing(text, verb, tool):
    steps = _steps(text)
    assert [(s["action"], s.get("tool")) for s in steps][:1] == [(verb, tool)], steps


def test_a_result_that_also_names_a_kind_of_thing_stays_on_it():
    # 细, 圆, 光 also say what kind a thing is (细头, 圆口刀); and after 用/拿 平口刀 is the tool's name
    assert any("细头" in (s.get("material") or "") + (s.get("tool") or "") for s in _steps("左手攥细头那一端"))
    assert _steps("先用平口刀铲平坯子")[0]["tool"] == "平口刀"


def test_a_result_that_names_a_thing_still_joins():
    # 「刷一层熟桐油」「把粗坯晾干」: an adjective before its noun in attributive position is the name's first character
    assert _steps("刷一层熟桐油")[0]["material"] == "熟桐油"
    assert _steps("先把粗坯晾干")[0]["material"] == "粗坯"
