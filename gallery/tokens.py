"""Chinese tokenization for the gallery search index and queries.

The index and the query must see the same words, so both go through :func:`tokenize`: jieba in search
mode (long words and their dictionary sub-words, e.g. 正抢针法 → 正抢, 抢针, 针法, 正抢针法), with the
domain lexicon of the active action-description spec (``generation.prompting.spec.get_spec()``: the
curator-edited version in the database, else the repository's files; stitch names, tools, materials,
their synonyms) added to a tokenizer of the gallery's own, once per spec version.
"""
from __future__ import annotations

import contextlib
import contextvars
import re
import threading

import jieba

# Words that carry no meaning for search; dropping them keeps "苏绣的针法" matching "苏绣针法".
STOPWORDS = frozenset(
    "的 了 和 与 及 或 是 在 把 被 将 就 都 也 还 又 而 之 以 于 为 从 向 对 中 上 下 个 这 那 其 得 地 着 吗 呢 吧 啊 怎么 怎样 如何 什么 哪 哪里 请问 一下".split()
)
_TOKEN_OK = re.compile(r"[\w\u3400-\u9fff]", re.UNICODE)

_lock = threading.Lock()
_tokenizers: dict[int, tuple[object, jieba.Tokenizer]] = {}
_pinned: contextvars.ContextVar[jieba.Tokenizer | None] = contextvars.ContextVar("gallery_tokenizer", default=None)


def _tokenizer_for_active_spec() -> jieba.Tokenizer:
    """The gallery's own jieba tokenizer for the active spec: jieba's main dictionary plus every form
    of the spec's lexicon (terms, synonyms, traditional forms), so adding words never changes the
    global ``jieba`` that other modules use. Built once per spec object (a curator's new active spec
    version gives a new one). Asking for the active spec costs one query."""
    from generation.prompting.spec import get_spec

    spec = get_spec()
    cached = _tokenizers.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    with _lock:
        cached = _tokenizers.get(id(spec))
        if cached is not None and cached[0] is spec:
            return cached[1]
        jieba.setLogLevel(60)
        tokenizer = jieba.Tokenizer()
        for form in spec.terms:
            if len(form) > 1:
                tokenizer.add_word(form, freq=2000)
        _tokenizers.clear()  # one spec is active at a time
        _tokenizers[id(spec)] = (spec, tokenizer)
        return tokenizer


class same_vocabulary(contextlib.ContextDecorator):
    """Within this block (or decorated view) every tokenization uses the vocabulary of the spec that was
    active when it began: one look-up per request, however many texts it tokenizes."""

    def _recreate_cm(self):  # a fresh instance per decorated call (thread- and re-entry-safe)
        return type(self)()

    def __enter__(self):
        self._token = _pinned.set(_pinned.get() or _tokenizer_for_active_spec())
        return self

    def __exit__(self, *exc):
        _pinned.reset(self._token)
        return False


def _get_tokenizer() -> jieba.Tokenizer:
    return _pinned.get() or _tokenizer_for_active_spec()


def tokenize(text: str) -> list[str]:
    """Search-mode jieba tokens of ``text``: lower-cased, no punctuation, no stop words, in order,
    duplicates kept (they weigh in the ranking)."""
    if not text:
        return []
    out = []
    for token in _get_tokenizer().cut_for_search(text):
        token = token.strip().lower()
        if not token or token in STOPWORDS or not _TOKEN_OK.search(token):
            continue
        out.append(token)
    return out


_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_SAFE = re.compile(r"[^\w\u3400-\u9fff]+", re.UNICODE)


def cjk_bigrams(text: str) -> list[str]:
    """Every pair of adjacent Han characters: indexed beside the jieba words so a two-character query
    word matches wherever it occurs in the text, whatever jieba did with its neighbours."""
    out = []
    for run in _CJK_RUN.findall(text or ""):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


def index_terms(text: str) -> list[str]:
    """What the index stores for ``text``: jieba search-mode words plus Han bigrams."""
    return [_SAFE.sub("", t) for t in tokenize(text) + cjk_bigrams(text) if _SAFE.sub("", t)]


def tsquery(text: str, *, any_word: bool = False) -> str | None:
    """A PostgreSQL ``to_tsquery('simple', ...)`` expression for a user's query, or None if nothing is
    left to search for. Every word must match (AND); a word of two or more Han characters matches
    either as itself or as all of its bigrams (so 针法 finds 正抢针法); single characters are dropped
    when longer words exist, else matched as prefixes. ``any_word``: a document matching any word is
    enough (OR), for the fallback of ``gallery.search.search_documents``."""
    words = [w for w in (_SAFE.sub("", t) for t in query_tokens(text)) if w]
    if not words:
        return None
    longer = [w for w in words if len(w) > 1]
    parts = []
    for w in longer or words:
        if len(w) == 1:
            parts.append(f"'{w}':*")
        elif _CJK_RUN.fullmatch(w) and len(w) > 2:
            grams = " & ".join(f"'{g}'" for g in cjk_bigrams(w))
            parts.append(f"('{w}' | ({grams}))")
        else:
            parts.append(f"'{w}'")
    return (" | " if any_word else " & ").join(parts)


def query_tokens(text: str) -> list[str]:
    """Distinct tokens of a query, in order."""
    seen: dict[str, None] = {}
    for token in tokenize(text):
        seen.setdefault(token, None)
    return list(seen)


def warm() -> None:
    """Load the dictionaries now (about 1–3 s) rather than in the first visitor's search request. Called
    once per server process from heritage/wsgi.py; a database that is not up yet only postpones it."""
    from django.db import DatabaseError

    try:
        _get_tokenizer().initialize()
        tokenize("苏绣")
    except DatabaseError:
        pass
