"""The cut every ``normalize()`` runs: one function, ``Segmenter.cut(text)``, that returns exactly what
the spec's own ``jieba.Tokenizer.lcut(text, HMM=False)`` returns.

When the ``rjieba`` package (the Python binding of jieba-rs, the Rust port of jieba; pinned in
requirements.txt) is installed, the cut runs there, about twenty times faster than jieba's Python loop;
otherwise, or with ``USE_RJIEBA = False`` (the benchmarks set it from ``HERITAGE_SEGMENTER=jieba``), it is the jieba tokenizer's own
``lcut``. jieba stays the source of truth either way: the jieba-rs instance starts empty and is given
the jieba tokenizer's own word → frequency table (``FREQ``: jieba's main dictionary with the spec's
added words, as jieba holds them), so both see the same words with the same frequencies.

jieba-rs walks the same algorithm (the same split of the text into blocks of 汉字/ASCII and the rest, the
same word graph, the same log-frequency route with ties going to the longer word, single ASCII letters
and digits joined), with two differences in bookkeeping that are evened out here:

* jieba's ``total`` (the denominator of every word's probability) adds every frequency it is given,
  also a word's second frequency when a word is added again and a main-dictionary line that is
  repeated; jieba-rs keeps the sum of each word's last frequency. The difference goes to one entry whose
  key (a full-width space) can never be looked up: jieba-rs looks words up only inside the blocks, and a
  block never holds a space.
* jieba-rs's blocks also take CJK characters outside jieba's range (extension A, compatibility
  ideographs, the supplementary planes). Words holding one are left out of the jieba-rs table: jieba can
  never cut them, since for jieba such a character ends the block. A character that is in no word is cut
  alone in both, and no route can cross it, so the rest of the block is cut the same.

``tests/test_prompting_segment.py`` compares the two on sentences and on random text built from
dictionary words, ASCII, punctuation, spaces and characters outside jieba's range; ``bench/nlp_same.py``
hashes every ``normalize()`` result over the benchmark corpus and dev with each (``HERITAGE_SEGMENTER``).
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import jieba

# False: always jieba's own lcut (before/after checks, the fallback's tests). Only settings and entry
# points read the environment: bench/nlp.py and bench/nlp_same.py set this from HERITAGE_SEGMENTER=jieba.
USE_RJIEBA = True
# The key that carries jieba's extra total in jieba-rs: a full-width space is never inside a block.
TOTAL_KEY = "\u3000"


@dataclass(frozen=True)
class Segmenter:
    name: str  # "rjieba 0.2.2" or "jieba 0.42.1": which library cuts (the benchmark prints it)
    cut: Callable[[str], list]


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:  # pragma: no cover - imported from a path, not installed
        return "?"


def jieba_segmenter(tk: jieba.Tokenizer) -> Segmenter:
    return Segmenter(f"jieba {jieba.__version__}", functools.partial(tk.lcut, HMM=False))


def rjieba_segmenter(tk: jieba.Tokenizer) -> Segmenter:
    """jieba-rs over the words and frequencies of ``tk`` (initialized, words added). Raises ImportError
    when rjieba is not installed."""
    import rjieba

    tk.check_initialized()
    rs = rjieba.Jieba.empty()
    add, in_block = rs.add_word, jieba.re_han_default.fullmatch
    given = 0
    for word, freq in tk.FREQ.items():
        # freq 0: a prefix jieba keeps for its word graph, not a word (jieba-rs's trie has the prefixes)
        if freq and in_block(word):
            add(word, freq, None)
            given += freq
    if tk.total > given:
        add(TOTAL_KEY, tk.total - given, None)
    return Segmenter(f"rjieba {_version('rjieba')}", functools.partial(rs.cut, hmm=False))


def segmenter_for(tk: jieba.Tokenizer) -> Segmenter:
    """The fastest installed segmenter that cuts as ``tk.lcut(text, HMM=False)`` does."""
    if USE_RJIEBA:
        try:
            return rjieba_segmenter(tk)
        except ImportError:
            pass
    return jieba_segmenter(tk)
