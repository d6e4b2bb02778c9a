"""Overviews of a process in written text (session 10): 「工序主要包括选叶、熏白、染色、纺经和编织」「须依次经过宰杀、烫毛、
煺毛……片鸭等工序」「其制作可概括为选料、浸泡、蒸煮三步」.

An overview is a list of at least three names joined by 、 (the last may be joined by 和/及/与/以及), led by a verb that
introduces a process's parts (:data:`LEADS`: 包括, 经过, 分为, 概括为, 工序有 …) or followed by 等 and the word for them
(:data:`PARTS`: 等工序, 等近十道工序, 三道工序, 四个步骤 …). It names the process's steps, and what the text does next
decides what they are:

* when the text goes on to describe the listed steps after the list (at least two members said again: the member
  itself, or a later step's verb beginning with the member's first character: 「磨泥」 … 「再磨成细粉」), the list named
  them once before: its members give no step (a count said with the list, 「五道」, stays as a note), each member
  stays a term (a technique's name), and a member named again where no step was read is that step there
  (「……最后以经绳编织成型」: jieba reads 编织 as a noun);
* when it does not, the members are the steps, in the order listed: a member that gave no step is given one (its
  action the member as written, the part after a last 的: 「切制前的水处理」 → 水处理).

:func:`apply` runs on ``extract()``'s steps and terms, in ``core.normalize``; it reads the normalized text and
changes nothing when there is no 、 in it.
"""
from __future__ import annotations

import re

from .tokens import Step

LEADS = ("包括", "经过", "历经", "分为", "分成", "概括为", "归纳为", "依次为", "依次是", "有")
PARTS = ("工序", "步骤", "工艺", "环节", "流程", "程序")
_PART_WORD = "(?:" + "|".join(PARTS) + ")"
# a lead ends where the list starts; 「有」 leads only after the word for the parts (「主要工序有…」), never alone
# (「有红、黄、蓝三色」)
_LEAD = re.compile("(?:(?:" + "|".join(PARTS + ("过程",)) + ")[^\u3002;\uff1b]{0,6}?(?:有|是|为|包括)|"
                   + "|".join(lead for lead in LEADS if lead != "有") + ")[:\uff1a]?$")
_NUMERAL = "一二两三四五六七八九十百几多余近数约\\d"
# 「等工序」「等近十道工序」「三道工序」「四道」「三步」: 道/个/步 only after a number
_TRAIL = re.compile("等(?:[" + _NUMERAL + "]{1,5}(?:道|个|步))?(?:主要)?" + _PART_WORD + "|[" + _NUMERAL + "]{1,5}(?:道|个|步)"
                    + _PART_WORD + "?")
_MEMBER = r"[\u4e00-\u9fff]{1,8}"
_LIST = re.compile(_MEMBER + r"(?:\u3001" + _MEMBER + r"){1,}(?:(?:\u3001|和|及|与|以及)" + _MEMBER + r")")
_LAST_JOIN = re.compile("以及|和|及|与")


def _members(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each member of the list ``text[start:end]``: cut at 、, and the last piece at its joiner
    (「揉面和烤制」), never a member's own 和 (「和面」)."""
    out, pos = [], start
    k = text.find("\u3001", pos, end)
    while k >= 0:
        out.append((pos, k))
        pos = k + 1
        k = text.find("\u3001", pos, end)
    j = _LAST_JOIN.search(text, pos + 1, end)
    if j is not None and j.end() < end:
        out.append((pos, j.start()))
        pos = j.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


def overviews(text: str) -> list[list[tuple[int, int]]]:
    """The members (start, end) of each overview list in ``text`` (module docstring), in order."""
    if "\u3001" not in text:
        return []
    found = []
    for m in _LIST.finditer(text):
        a, b = m.start(), m.end()
        members = _members(text, a, b)
        if len(members) < 3:
            continue
        # the lead may be read into the first member (「工序主要包括选叶」, the list's greed): the first cut it ends at
        led = False
        first_a, first_b = members[0]
        for cut in range(first_a, first_b):
            if _LEAD.search(text, max(0, cut - 12), cut):
                members[0] = (cut, first_b)
                led = True
                break
        # the words after the list (「等工序」「四道」), read into the last member by the list's greed: the first cut
        trail = False
        last_a, last_b = members[-1]
        for cut in range(last_a + 1, last_b + 1):
            t = _TRAIL.match(text, cut)
            if t is not None and t.end() >= last_b:
                members[-1] = (last_a, cut)
                trail = True
                break
        if not (led or trail):
            continue
        found.append(members)
    return found


def _name(text: str, a: int, b: int) -> tuple[int, int]:
    """The member's name: the part after a last 的 (「切制前的水处理」 → 水处理)."""
    k = text.rfind("的", a, b)
    return (k + 1, b) if 0 <= k < b - 1 else (a, b)


def _said_again(text: str, member: tuple[int, int], end: int, after: list) -> bool:
    """Whether the text after the list (from ``end``) says the member again: the member itself, or a step whose verb
    begins with the member's first character."""
    name = text[member[0]:member[1]]
    return text.find(name, end) >= 0 or any((s.surface or s.action or "")[:1] == name[0] for s in after)


def apply(text: str, steps: list, terms: list, notes: list) -> list:
    """``steps`` with each overview's steps decided (module docstring); ``terms`` gets each member's name as a
    technique term where none covers it, ``notes`` the parameters of the steps dropped. ``text``: the normalized
    text the offsets index."""
    lists = overviews(text)
    if not lists:
        return steps
    for members in lists:
        a, b = members[0][0], members[-1][1]
        # the verb that leads the list (「分为」「包括」) says what follows, it is no step
        steps = [s for s in steps if not ((s.surface or s.action) in LEADS and s.start <= a < max(s.end, a + 1))]
        inside = [s for s in steps if a <= s.start < b]
        after = [s for s in steps if s.start >= b]
        for m_a, m_b in members:
            n_a, n_b = _name(text, m_a, m_b)
            if not any(t["start"] <= n_a and n_b <= t["end"] and t["end"] - t["start"] >= n_b - n_a for t in terms):
                terms.append({"text": text[n_a:n_b], "category": "technique", "start": n_a, "end": n_b,
                              "canonical": text[n_a:n_b], "open": True})
        if sum(1 for m in members if _said_again(text, _name(text, *m), b, after)) >= 2:
            for s in inside:
                if s.params:
                    notes.append({"text": text[s.start:s.end], "params": dict(s.params)})
            steps = [s for s in steps if not (a <= s.start < b)]
            # a member named again where no step was read (「最后以经绳编织成型」: 编织 read as a noun) is that step
            for m_a, m_b in members:
                n_a, n_b = _name(text, m_a, m_b)
                at = text.find(text[n_a:n_b], b)
                name = text[n_a:n_b]
                if at >= 0 and not any(s.start <= at < s.end and (s.surface or s.action or "")[:1] in name
                                       for s in steps):
                    steps.append(Step(action=name, surface=name, start=at, end=at + n_b - n_a, open_action=True))
            steps.sort(key=lambda s: s.start)
            continue
        added = []
        for m_a, m_b in members:
            if any(m_a <= s.start < m_b for s in inside):
                continue
            n_a, n_b = _name(text, m_a, m_b)
            name = text[n_a:n_b]
            added.append(Step(action=name, surface=name, start=n_a, end=n_b, open_action=True))
        if added:
            steps = sorted(steps + added, key=lambda s: s.start)
    terms.sort(key=lambda t: t["start"])
    return steps
