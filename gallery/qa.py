"""The question box on the technique page: 「下一步怎么走针?」 → the step that answers it.

Rules, in order (the first that applies wins):
1. an explicit step number: 「第三步」「第3步」;
2. a relative step: 「下一步/接下来/然后」 → current + 1, 「上一步/前一步」 → current − 1,
   「第一步/开始」 → the first, 「最后一步」 → the last;
3. otherwise the step whose words (title, description and its normalized action/tool/parameters from
   ``generation.prompting.normalize``) share the most words with the question; ties go to the current
   step, then the nearest after it, then the nearest before it.
The answer names the step and repeats its action description; it never invents text.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .tokens import query_tokens, tokenize

_NEXT = re.compile(r"下一步|下一个步骤|下个步骤|接下来|接着|然后|之后|随后|再往下|后面")
_PREV = re.compile(r"上一步|前一步|上个步骤|之前|刚才|前面")
_FIRST = re.compile(r"第一步|开始|起头|首先|最先")
_LAST = re.compile(r"最后一步|最后|收尾|结尾")
_ORDINAL = re.compile(r"第\s*([0-9]+|[一二三四五六七八九十两]+)\s*步")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Words of the question that say *which* step, not *what*: ignored when matching topics.
_NAVIGATION_WORDS = {"下一步", "一步", "上一步", "步骤", "接下来", "然后", "之后", "最后", "开始", "第一步", "步", "下步"}


@dataclass(frozen=True)
class StepText:
    order: int
    title: str
    description: str


@dataclass(frozen=True)
class Answer:
    order: int | None
    reason: str  # "ordinal" | "next" | "previous" | "first" | "last" | "topic" | "end" | "start" | "none"
    matched: tuple[str, ...] = ()


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text)


def _field(obj, key):
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)


@functools.lru_cache(maxsize=4096)
def _normalized_words(text: str) -> tuple[str, ...]:
    """Canonical terms (synonyms and dialect forms mapped to the spec's term, e.g. 直针 → 齐针) and the
    action/tool/material/parameter names of the normalized steps, from ``generation.prompting.normalize``."""
    from generation.prompting import normalize

    try:
        result = normalize(text, transcript=False)  # a visitor's question: its words are what it asks about
    except (TypeError, ValueError):
        return ()
    words: list[str] = []
    for term in _field(result, "terms") or []:
        canonical = _field(term, "canonical")
        if isinstance(canonical, str) and len(canonical) > 1:
            words.append(canonical)
    for step in _field(result, "steps") or []:
        for key in ("action", "tool", "material"):
            value = _field(step, key)
            if isinstance(value, str) and len(value) > 1:
                words.append(value)
        params = _field(step, "params")
        if isinstance(params, dict):
            words.extend(str(k) for k in params)
    return tuple(words)


def _step_words(step: StepText) -> set[str]:
    return set(tokenize(step.title)) | set(tokenize(step.description)) | set(_normalized_words(step.description))


def answer_question(question: str, steps: list[StepText], current: int | None) -> Answer:
    """Find the step answering ``question`` asked while watching step ``current`` (an order number)."""
    question = (question or "").strip()[:300]
    if not question or not steps:
        return Answer(None, "none")
    steps = sorted(steps, key=lambda s: s.order)
    orders = [s.order for s in steps]
    if current not in orders:
        current = None
    index = orders.index(current) if current is not None else -1

    m = _ORDINAL.search(question)
    if m:
        n = _cn_number(m.group(1))
        if n is not None and 1 <= n <= len(steps):
            return Answer(steps[n - 1].order, "ordinal")
    if _LAST.search(question):
        return Answer(steps[-1].order, "last")
    if _NEXT.search(question):
        return Answer(steps[index + 1].order, "next") if index + 1 < len(steps) else Answer(None, "end")
    if _PREV.search(question):
        return Answer(steps[index - 1].order, "previous") if index >= 1 else Answer(None, "start")
    if _FIRST.search(question):
        return Answer(steps[0].order, "first")

    words = [w for w in query_tokens(question) if w not in _NAVIGATION_WORDS]
    words += [w for w in _normalized_words(question) if w not in words]
    best, best_key = None, None
    for i, step in enumerate(steps):
        matched = tuple(w for w in words if w in _step_words(step))
        if not matched:
            continue
        # the current step first, then the ones after it, then the ones before
        distance = (i - index) if i >= index else len(steps) + (index - i)
        key = (len(matched), sum(len(w) for w in matched), -distance)
        if best_key is None or key > best_key:
            best, best_key = Answer(step.order, "topic", matched), key
    return best or Answer(None, "none")
