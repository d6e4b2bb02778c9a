"""Steps the stop lists kept out of narratives, s27-narrative (issue 11, the ``action`` and ``order`` fields): the rule
shown on sentences of this file's own (none is in the evaluation set or a probe). Every case marked ``before`` failed on
the code before the rule (main 76c0929); the others pass before and after (they guard the rule's edges).

``extract._exchange_acts`` (``words.EXCHANGE_STOP_VERBS``: 给 问 请): a stop verb of an exchange between persons with
its own object right after it (给 with what is given too: 了 after it or a count), no verb after it in its clause and
not said to or by the listener (你), is the step: a legend's hero gives and asks, a rite's officiant invites."""
from __future__ import annotations

import pytest

from generation.prompting import normalize


def actions(text):
    return [s["action"] for s in normalize(text, None, craft=None).to_dict()["steps"]]


@pytest.mark.parametrize("text, verb", [
    ("老汉走进庙里，给了小和尚三个馒头。", "给"),  # before: 给了 + the person + what is given
    ("我给他一把刀，他就砍起来。", "给"),  # before: a count after the person
    ("樵夫迷了路，就去问一个老汉。", "问"),  # before: 问 + a counted person, closing its clause
    ("天亮了先请家堂，再上香。", "请"),  # before: 请 + its object (家/q), then the next step
])
def test_an_exchange_verb_with_its_object_is_a_step(text, verb):
    assert verb in actions(text)


def test_the_steps_keep_their_order():
    assert actions("小伙子进了村，问一个老太太，老太太指了条路。") == ["进", "问", "指"]  # before
    assert actions("先请家神，再敬土地。") == ["请", "敬"]  # before


@pytest.mark.parametrize("text, verb", [
    ("给孩子剃头，先拿温水洗湿。", "给"),  # for whom the next verb is done: a preposition
    ("师傅给徒弟缝了一件衣服。", "给"),  # a verb after it in its clause
    ("我给你讲，这个活儿不好干。", "给"),  # a remark to the listener
    ("你问我这个咋做，我也说不清。", "问"),  # said to the listener (你), a verb after it
    ("他问这个干啥。", "问"),  # a demonstrative, no one asked
])
def test_an_exchange_verb_as_a_preposition_or_a_remark_stays_no_step(text, verb):
    assert verb not in actions(text)
