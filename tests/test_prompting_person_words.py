"""The people who do the work are one list (words.PERSON_NOUNS), read by the clause reader
(roles.info_is_person: a topic naming a person acts, it is not the thing worked) and by the reader of
unpunctuated text (breaks: such a noun after a verb opens the next clause). Before, the clause reader had
its own shorter list, so 「大伙」「助手」「新娘」 heading a clause came out as the material."""
from functools import partial

import pytest

from generation.prompting import breaks, roles
from generation.prompting.words import PERSON_NOUNS
from tests.prompting_steps import steps as read_steps


_steps = partial(read_steps, fields=("action", "hand", "tool", "material"))


def test_one_list():
    # breaks reads the list itself: no second name for it (the eighth session's ASR_PERSONS alias is gone)
    assert not hasattr(breaks, "ASR_PERSONS") and breaks.PERSON_NOUNS is PERSON_NOUNS
    for word in ("助手", "大伙", "新娘", "孩子", "师傅", "老师"):
        assert roles.info_is_person((word, None)), word


@pytest.mark.parametrize("text, action, subject", [
    ("大伙双手往上托,把船身翻过来。", "托", "大伙"),  # 舞龙舟 / 造船: people lifting
    ("助手双手往后拉,师傅右手把骨头推回去。", "拉", "助手"),  # 正骨: the assistant pulls
    ("新娘双手往前推,嫂子在一旁扶着。", "推", "新娘"),  # 婚俗
])
def test_person_heading_a_clause_is_no_material(text, action, subject):
    steps = _steps(text)
    step = next(s for s in steps if s[0] == action)
    assert step[1] == "both"
    assert step[3] != subject


def test_thing_heading_a_clause_still_worked():
    # negative case: a thing, not a person, before the verb is still what is worked
    steps = _steps("竹篾先泡软,左手扶着篾条,右手往上编。")
    assert any(s[3] in ("竹篾", "篾条") for s in steps)
