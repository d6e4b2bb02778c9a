"""nlp-material (issue 11): what a step works is found by its role in the clause, also where it is named by
a word that is some craft's own name. Sentences of this file's own, none from an evaluation or probe file."""
import pytest

from generation.prompting import normalize


def _steps(text):
    return normalize(text).to_dict()["steps"]


# 1. A craft's own name (金箔, 风筝, 月饼: the catalogue knows it as the name of a craft, the lexicon has no
# term for it) right after 把, after a verb or after a numeral and classifier is the thing the step works,
# its material, like any other noun there.
@pytest.mark.parametrize("text, action, material", [
    ("老师傅先把金箔铺在竹纸上。", "铺", "金箔"),          # 金箔锻制
    ("拿镊子夹起两张金箔。", "夹起", "金箔"),              # 金箔锻制
    ("把风筝放上天。", "放", "风筝"),                      # 风筝
    ("先把月饼放进烤炉里。", "放进", "月饼"),              # 月饼
])
def test_craft_name_in_object_slot_is_material(text, action, material):
    steps = [s for s in _steps(text) if s["action"] == action]
    assert steps, _steps(text)
    assert steps[0]["material"] == material, steps


# 2. Stuff taken up with 用/以 for a verb that lays it on (画, 勾, 涂, 描, 染…) is the step's material even where
# its name says neither tool nor stuff (石青, 朱砂); the figure drawn or the ground covered after V出/V满 is not
# (a tool by its name stays the tool: 「用毛笔画出眉毛」).
@pytest.mark.parametrize("text, action, material", [
    ("画山水先用石青勾出山石的轮廓。", "勾", "石青"),        # 国画
    ("师傅以朱砂描出门神的眉眼。", "描出", "朱砂"),            # 年画
    ("用墨汁画出眉毛。", "画出", "墨汁"),                    # 脸谱
])
def test_stuff_laid_on_is_material(text, action, material):
    steps = [s for s in _steps(text) if s["action"] == action]
    assert steps, _steps(text)
    assert steps[0]["material"] == material and steps[0]["tool"] != material, steps


def test_tool_named_as_tool_stays_tool():
    step = [s for s in _steps("用毛笔画出眉毛。") if s["action"] == "画出"][0]
    assert step["tool"] == "毛笔" and step["material"] != "毛笔", step
