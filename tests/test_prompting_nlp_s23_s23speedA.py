"""s23-speedA: ``spec.trie_spans`` gives the catalogue words' spans that ``Spec.named_re.finditer`` gives (the scan
``extract.extract`` reads for craft detection and catalogue terms), found from where their first two characters
stand instead of trying the trie's look-ahead at every character."""
from __future__ import annotations

import random

import pytest

from generation.prompting.spec import _trie_pattern, _trie_starts, get_spec, trie_spans


def _spans(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", [
    "",
    "先把竹篾劈开,再编竹编",
    "竹编竹编竹",
    "编竹编编竹",
    "他做了三十年竹编和竹雕,竹雕更难",
    "竹竹编",
])
def test_spans_of_a_small_trie_are_finditers(text):
    words = ["竹编", "竹雕", "竹编灯", "编竹", "篾"]  # (篾: one character, never a word of the trie)
    trie = _trie_pattern(words)
    starts, pairs = _trie_starts(words)
    assert trie_spans(starts, pairs, trie, text) == _spans(trie, text)


def test_overlapping_and_nested_words_left_to_right():
    # 「竹编灯」 is the longest word where it starts; 「编竹」 inside 「竹编竹」 starts after the first word ends
    words = ["竹编", "竹编灯", "编竹", "灯笼"]
    trie = _trie_pattern(words)
    starts, pairs = _trie_starts(words)
    text = "竹编灯笼编竹编竹编竹"
    assert trie_spans(starts, pairs, trie, text) == _spans(trie, text) == [(0, 3), (4, 6), (6, 8), (8, 10)]


def test_no_words_no_spans():
    starts, pairs = _trie_starts(["篾"])
    assert trie_spans(starts, pairs, _trie_pattern(["篾"]), "篾匠编篾") == []


def test_the_specs_catalogue_scan_on_glued_pieces_of_its_words():
    spec = get_spec()
    words = sorted(w for w in {**spec.catalogue_words, **spec.numeral_forms} if len(w) >= 2)
    rng = random.Random(23)
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(1, 10)):
            w = rng.choice(words)
            a = rng.randrange(len(w))
            parts.append(w if rng.random() < 0.5 else w[a:rng.randint(a + 1, len(w))])
            if rng.random() < 0.3:
                parts.append(rng.choice("的了,一上"))
        text = "".join(parts)
        assert trie_spans(spec.named_at, spec.named_pairs, spec.named_re, text) == _spans(spec.named_re, text), text
