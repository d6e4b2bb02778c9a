"""Expected steps the normalizer never produced, s27-drops (issue 11, the ``action`` and ``order`` fields): each rule
shown on sentences of this file's own (none is in the evaluation set or a probe). Every case marked ``before`` failed on
the code before the rule (main 39140b6); the others pass before and after (they guard the rule's edges).

1. ``extract._verb_in_place`` (with ``_verbless_clause``): right after where it is done (a locative: 上, 中间, 底下…) or
   the limb or hand that does it (脚, 手), a character jieba tags a morpheme (踩/zg, 垫/zg, 叼/zg) before its object, in a
   clause with no verb of its own, is that clause's predicate.
2. ``extract._verb_in_place`` (``words.GOAL_PLACE_CHARS``): a direction verb and the place it goes to, one word jieba
   tags a place or a locative (下山/ns, 上岸/f), opening its clause and closing it or before 一 + the next move, is the
   move."""
from __future__ import annotations

import pytest

from generation.prompting import normalize


def actions(text):
    return [s["action"] for s in normalize(text, None, craft=None).to_dict()["steps"]]


@pytest.mark.parametrize("text, verb", [
    ("老鹰从崖上叼石头，飞回窝里。", "叼"),  # before: after a locative (从…上)
    ("两块木板中间垫棉布，再钉起来。", "垫"),  # before: after 中间
    ("右脚踩铜锣，左手拍鼓。", "踩"),  # before: after the limb that does it
])
def test_a_verb_morpheme_after_a_place_or_a_limb_before_its_object_is_a_step(text, verb):
    assert verb in actions(text)


def test_the_steps_keep_their_order():
    assert actions("老鹰从崖上叼石头，飞回窝里。") == ["叼", "飞回"]


@pytest.mark.parametrize("text, verb", [
    ("嘉兴人讲关公巡城的故事。", "巡"),  # a name's piece after a name, no place or limb before it
    ("这一段叫蛟龙摆尾。", "蛟"),  # a noun's piece
])
def test_a_morpheme_after_no_place_or_limb_stays_no_step(text, verb):
    assert all(not a.startswith(verb) for a in actions(text))


@pytest.mark.parametrize("text, verb", [
    ("猎人背上弓箭，打完猎再下山。", "下山"),  # before: after 再, closing its clause
    ("老汉挑着柴，下山一歇，天就黑了。", "下山"),  # before: before 一 + the next move
    ("船靠稳了，再上岸。", "上岸"),  # before: jieba's locative 上岸/f
])
def test_a_direction_verb_and_its_goal_tagged_a_place_is_the_move(text, verb):
    assert verb in actions(text)


@pytest.mark.parametrize("text", [
    "下山的路很陡。",  # a path, no move
    "先上山采药，采回来晒干。",  # going there is part of the verb after it
])
def test_a_direction_verb_and_its_goal_before_a_noun_or_a_verb_stays_no_step(text):
    assert not any(a in ("下山", "上山") for a in actions(text))
