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
