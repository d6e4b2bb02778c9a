"""s23-speedB: savings that must change no output (bench/nlp_same.py's hashes are the whole check; these tests pin
each rewrite against the reading it replaced, on sentences of our own).

* ``nonsteps.unused`` skips its walk when ``words.UNUSED_RE`` (its $ dropped) matches nowhere in the text.
* ``names._slot_nouns`` reads its closed classes from one frozenset built at import (``_SLOT_CLOSED``)."""
from __future__ import annotations

from generation.prompting import names, nonsteps
from generation.prompting.words import (COMPLEMENTS, MEASURE_PREV, MODALS, NEGATIONS, PLACE_SUFFIX, PREDICATE_ADVERBS,
                                        SKIP, STOP_NOUNS, UNUSED_RE, said_unused)


def _old_unused(words: list, kinds: list, starts: list, norm: str) -> bool:
    """``nonsteps.unused`` before s23-speedB: the walk over every token."""
    n = len(words)
    k = 1
    blanked = False
    while k < n:
        if kinds[k] in ("N", "T") and said_unused(norm, starts[k]):
            while k < n and kinds[k] in ("N", "T"):
                kinds[k] = None
                k += 1
            blanked = True
        k += 1
    return blanked


CASES = [
    (["我们", "用", "棉线", "缝", "布料"], [None, "L", "N", "V", "N"]),
    (["我们", "不用", "棉线", ",", "改", "用", "麻绳"], [None, None, "N", "P", "V", "L", "N"]),
    (["千万", "别", "使", "铁勺", "铜勺", "搅"], [None, None, "L", "N", "N", "V"]),
    (["不", "使用", "胶水", ",", "光", "靠", "榫卯"], [None, None, "N", "P", None, "L", "N"]),
    (["没", "用", "\n", "竹刀", "刮"], [None, None, "P", "T", "V"]),
    (["先", "用", "刷子", "刷", ",", "不", "好", "使", "再", "换"], ["M", "L", "T", "V", "P", None, None, "V", "M", "V"]),
]


def _starts(words: list) -> list:
    out, at = [], 0
    for w in words:
        out.append(at)
        at += len(w)
    return out + [at]


def test_unused_blanks_what_the_walk_over_every_token_blanked():
    assert UNUSED_RE.pattern.endswith("$") and nonsteps._UNUSED_ANYWHERE.pattern == UNUSED_RE.pattern[:-1]
    blanked_any = False
    for words, kinds in CASES:
        norm, starts = "".join(words), _starts(words)
        old, new = list(kinds), list(kinds)
        expected = _old_unused(words, old, starts, norm)
        assert nonsteps.unused(words, new, starts, norm) is expected, words
        assert new == old, words
        blanked_any = blanked_any or expected
    assert blanked_any  # (不用棉线, 别使铁勺, 不使用胶水, 没用 + a line end: said not to be used)


def test_unused_leaves_a_text_with_no_negated_verb_of_using_alone():
    words, kinds = CASES[0]
    norm = "".join(words)
    assert nonsteps._UNUSED_ANYWHERE.search(norm) is None
    same = list(kinds)
    assert nonsteps.unused(words, same, _starts(words), norm) is False and same == kinds


def test_slot_nouns_closed_classes_are_the_union_read_before():
    assert names._SLOT_CLOSED == (SKIP | COMPLEMENTS | MEASURE_PREV | NEGATIONS | PREDICATE_ADVERBS | STOP_NOUNS
                                  | PLACE_SUFFIX | MODALS)
