"""A learned reranking pass over a step's ``material`` and ``tool`` (issue 11, ninth session).

The rules (``extract``) give each step a material and a tool. Where a step's clause offers two or more
candidates, a conditional logit (a softmax over the candidates) trained on the development pool may choose
another one. Candidates, as in ``bench/nlp_roles_learned.py`` (the eighth session's experiment): the nouns of
the step's clause (its ``start``/``end`` span widened to the punctuation around it), runs of up to three
adjacent nouns, the rules' own value, and "none". "none" winning, or the rules' own candidate winning, keeps
the rules' value: the pass never deletes what the rules found. Features are general (no word identities):
side of and distance to the step's verb, the markers before a candidate, part-of-speech tags around it, its
length, the class of its last character, body / person / stop word, first / last noun of the clause, and
whether the rules chose it for this role or the other.

Run time is pure Python (no numpy, no Django): a candidate's score is the sum of its features' weights.
``features`` is the ONE feature function: ``bench/train_rerank.py`` trains on what it gives (through
``recording()``, which makes the pass record its decisions inside a real ``normalize`` and change nothing),
and the pass scores what it gives.

Weights: ``data/rerank_weights.json`` (the training splits, settings and git commit recorded in it).
**A rule change that changes any step's material or tool, span or verb changes the training data (the
"rules chose it" features above all): retrain then** with ``.venv/bin/python bench/train_rerank.py``;
``tests/test_prompting_rerank.py`` fails, naming that command, when the saved weights differ from a fresh
training.

Switch: **off by default** (``DEFAULT_ON``, see there why); ``HERITAGE_RERANK=1`` turns the pass on, ``=0`` off
(read once, at import; ``ENABLED`` is the module's switch); ``HERITAGE_RERANK_WEIGHTS=PATH`` reads another weights
file (``bench/rerank_loso.py``'s leave-one-split-out figures use one trained without the held-out split).
``POLICY`` (fill / replace / both) and ``MARGIN`` say where and how surely it acts: the variants measured.
"""
from __future__ import annotations

import json
import os
from bisect import bisect_right
from contextlib import contextmanager
from pathlib import Path

from . import words as W

ROLES = ("material", "tool")
WEIGHTS_PATH = Path(__file__).resolve().parent / "data" / "rerank_weights.json"
# Off by default, from the leave-one-split-out figures (docs/PERFORMANCE.md, ninth session): over the five held-out
# development splits the pass gained 20 checks and lost 13 (tool +9/-1, material +10/-10), but it also set
# about 600 values on steps no check covers, most of them no tool or material of the step (时候, 间隔, 盒里), and it
# costs a third more instructions per pass (5,595 M against 4,193 M).
DEFAULT_ON = "0"
ENABLED = os.environ.get("HERITAGE_RERANK", DEFAULT_ON) not in ("0", "", "off", "false", "no")
NONE = "<none>"
# Where the pass may act: "fill" a role the rules left empty, "replace" the rules' value with another candidate,
# or "both" (the eighth session's experiment). Decided by the figures (docs/PERFORMANCE.md, ninth session).
POLICY = "both"
# A candidate replaces the rules' value (or fills an empty role) only when its score beats both "none"'s and the
# rules' candidate's by more than this (a log-odds margin; 0: the plain top choice).
MARGIN = 0.0

_recorder: list | None = None  # set by recording(): decisions are recorded, nothing is changed
_weights: dict | None = None

_MARKERS = (
    ("obj", frozenset(W.OBJECT_MARKERS)),
    ("toollead", frozenset(W.TOOL_LEAD) | frozenset(W.INSTRUMENT_LEADS)),
    ("place", frozenset(W.RELATION_MARKERS) | frozenset("在往到从向朝于") | {"搁", "放"}),
    ("de", frozenset({"的"})),
    ("person", frozenset(W.PERSON_LEADS)),
)
_BODY = frozenset(W.BODY_WORDS) | frozenset(W.LIMB_SUBJECTS) | frozenset(W.HAND_PARTS)
_PERSON = frozenset(W.PERSON_NOUNS) | frozenset(W.PERSON_PRONOUNS)
_AGENT = tuple(W.AGENT_SUFFIX)
_NUM_TAGS = frozenset(("m", "q", "mq"))
_NEXT_LOC = frozenset(W.PLACE_SUFFIX) | frozenset(W.RELATION_END)


def is_noun(tag: str | None, kind: str | None) -> bool:
    """A token that can be a candidate: tagged a noun (n*, not nx), or read as an open noun ("N")."""
    if tag:
        return tag[0] == "n" and tag != "nx"
    return kind == "N"


def same_thing(a: str, b: str) -> bool:
    """One name contains the other (a one-character name only as the whole of the other)."""
    if not a or not b:
        return False
    if a in b:
        return len(a) >= 2 or len(b) == 1
    if b in a:
        return len(b) >= 2 or len(a) == 1
    return False


def _bucket(d: int) -> str:
    return str(d) if d <= 3 else ("4-5" if d <= 5 else "6+")


def features(words: list, starts: list, tags: list, kinds: list, start: int, end: int, surface: str | None,
             material, tool) -> dict:
    """The candidates of one step, per role with two or more of them (besides "none"): ``{"material":
    [(text, [feature names])], "tool": [...]}``, "none" last in each list; a role with fewer is left out.

    ``words``/``starts``/``kinds`` are the text's tokens (``Doc``; ``starts`` has one more entry than
    ``words``), ``tags`` their part-of-speech tags (None where the table has none), ``start``/``end`` the
    step's span in the text, ``surface`` its verb as said, ``material``/``tool`` the rules' values."""
    n = len(words)
    # the clause: the tokens of the step's span, widened to the punctuation around it
    a = bisect_right(starts, start) - 1
    if a < 0:
        a = 0
    b = bisect_right(starts, end - 1)
    if b > n:
        b = n
    s0, s1 = a, b  # the step's own tokens
    while a > 0 and kinds[a - 1] != "P":
        a -= 1
    while b < n and kinds[b] != "P":
        b += 1
    nouns = [i for i in range(a, b) if is_noun(tags[i], kinds[i])]
    # the noun runs of the clause (up to three adjacent nouns), each text once
    runs = {}
    noun_set = set(nouns)
    for i in nouns:
        for j in (i + 1, i + 2, i + 3):
            if j <= b and all(k in noun_set for k in range(i, j)):
                t = "".join(words[i:j])
                if t not in runs:
                    runs[t] = (i, j)
    roles = []
    for role in ROLES:
        rv, ro = (material, tool) if role == "material" else (tool, material)
        rv = rv if isinstance(rv, str) and rv.strip() else None
        if len(runs) + (1 if rv and rv not in runs else 0) >= 2:
            roles.append((role, rv, ro if isinstance(ro, str) and ro.strip() else None))
    if not roles:
        return {}
    vtok = None
    if surface:
        # the step's verb: the first token of its own span that is its surface, else of the clause; else the
        # first that begins with it (span, clause); else the token where it begins inside the clause's text
        for lo, hi, whole in ((s0, s1, True), (a, b, True), (s0, s1, False), (a, b, False)):
            for i in range(lo, hi):
                if words[i] == surface if whole else words[i].startswith(surface):
                    vtok = i
                    break
            if vtok is not None:
                break
        if vtok is None:
            vpos = "".join(words[a:b]).find(surface)
            if vpos >= 0:
                vtok = bisect_right(starts, starts[a] + vpos) - 1
    nn = len(nouns)
    ncand = f"ncand={min(nn, 5)}"
    first, last = (nouns[0], nouns[-1]) if nouns else (-1, -1)
    # the role-free features of each noun run
    base = [(t, _run_features(words, starts, tags, kinds, i, j, vtok, start, end, first, last, n))
            for t, (i, j) in runs.items()]
    out = {}
    for role, rv, ro in roles:
        cands = []
        items = base
        if rv and rv not in runs:
            items = base + [(rv, ["rules_only"] + _word_features(rv))]  # the rules' own value, no noun run
        for ctext, bf in items:
            f = ["bias_cand", ncand]
            f.extend(bf)
            if rv and same_thing(rv, ctext):
                f.append("rules_chose")
            if rv == ctext:
                f.append("rules_exact")
            if ro and same_thing(ro, ctext):
                f.append("rules_other_role")
            cands.append((ctext, f))
        none = ["bias_none", f"none_{ncand}"]
        if rv is None:
            none.append("none_rules_null")
        cands.append((NONE, none))
        out[role] = cands
    return out


def _run_features(words, starts, tags, kinds, i0, i1, vtok, start, end, first, last, n) -> list:
    f = [f"ntok={i1 - i0}", f"tag0={tags[i0] or kinds[i0] or 'x'}", f"tagL={tags[i1 - 1] or kinds[i1 - 1] or 'x'}"]
    if start <= starts[i0] < end:
        f.append("in_step")
    if vtok is not None:
        if i1 <= vtok:
            side, d = "before", vtok - i1 + 1
        elif i0 > vtok:
            side, d = "after", i0 - vtok
        else:
            side, d = "inside", 0
        f.append(f"side={side}")
        f.append(f"dist={side}:{_bucket(d)}")
    else:
        f.append("no_verb")
    # markers in the (up to) three tokens before the candidate
    for back in (1, 2, 3):
        k = i0 - back
        if k < 0:
            break
        w = words[k]
        for name, ws in _MARKERS:
            if w in ws:
                f.append(f"mk{back}={name}")
                f.append(f"mk={name}")
        if back == 1:
            tg = tags[k] or kinds[k] or "x"
            f.append(f"prevtag={tg[:2]}")
            if tg in _NUM_TAGS or kinds[k] == "Q" or (w and w[-1] in W.NUMERAL_CHARS):
                f.append("prev_num")
            if k == vtok:
                f.append("right_after_verb")
    if i1 < n:
        w = words[i1]
        tg = tags[i1] or kinds[i1] or "x"
        f.append(f"nexttag={tg[:2]}")
        if w in _NEXT_LOC or tg == "f":
            f.append("next_loc")
        if w == "的":
            f.append("next_de")
        if i1 == vtok:
            f.append("right_before_verb")
    else:
        f.append("clause_end")
    if i0 == first:
        f.append("first_noun")
    if i1 - 1 == last:
        f.append("last_noun")
    f.extend(_word_features("".join(words[i0:i1])))
    return f


def _word_features(ctext: str) -> list:
    f = [f"len={min(len(ctext), 4)}"]
    lc = ctext[-1]
    if lc in W.MATERIAL_HEADS:
        f.append("last_material_head")
    if lc in W.TOOL_HEADS:
        f.append("last_tool_head")
    if lc in W.CONSUMED_HEADS:
        f.append("last_consumed")
    if lc in W.MEDIUM_HEADS:
        f.append("last_medium")
    if any(c in W.MATERIAL_HEADS for c in ctext):
        f.append("any_material_head")
    if any(c in W.TOOL_HEADS for c in ctext):
        f.append("any_tool_head")
    if ctext in _BODY or lc in W.BODY_CHARS or ctext in W.BODY_POINTS:
        f.append("body")
    if ctext in _PERSON or ctext.endswith(_AGENT):
        f.append("person")
    if ctext in W.STOP_NOUNS:
        f.append("stop_noun")
    return f


class Weights(dict):
    """A role's weights: a feature never seen in training weighs 0."""

    def __missing__(self, key):
        return 0.0


def score(feats: list, weights: dict) -> float:
    if isinstance(weights, Weights):
        return sum(map(weights.__getitem__, feats))
    get = weights.get
    return sum(get(f, 0.0) for f in feats)


def choose(cands: list, weights: dict, rules_value: str | None = None, margin: float = 0.0) -> str | None:
    """The candidate that replaces the rules' value, or None to keep it: the best-scoring candidate other than
    "none" and the rules' own, when its score beats both of theirs by more than ``margin`` (the first of equals)."""
    keep = None
    best, best_s = None, None
    for text, f in cands:
        s = score(f, weights)
        if text == NONE or text == rules_value:
            if keep is None or s > keep:
                keep = s
        elif best_s is None or s > best_s:
            best, best_s = text, s
    if best is None or (keep is not None and best_s - keep <= margin):
        return None
    return best


def load_weights(path: str | os.PathLike | None = None) -> dict:
    path = path or os.environ.get("HERITAGE_RERANK_WEIGHTS") or WEIGHTS_PATH
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def use_weights(w: dict | None) -> None:
    """Score with these weights (the JSON's object) from now on; None: read the file again when next needed."""
    global _weights
    if w is not None:
        w = dict(w, weights={role: Weights(ws) for role, ws in w["weights"].items()})
    _weights = w


def weights() -> dict:
    if _weights is None:
        use_weights(load_weights())
    return _weights


@contextmanager
def recording():
    """Inside it the pass records every decision (``(step index, role, rules' value, candidates)``, per
    ``normalize`` call appended to the list it yields) and changes no step."""
    global _recorder
    prev, _recorder = _recorder, []
    try:
        yield _recorder
    finally:
        _recorder = prev


def rerank(words: list, starts: list, kinds: list, pos_tags: dict, steps: list) -> None:
    """The pass: changes ``steps``' material / tool in place where the chooser picks another candidate.

    Every decision is computed from the rules' values before any is changed."""
    rec = _recorder
    if rec is None and not ENABLED:
        return
    tags = None
    decisions = []
    for si, s in enumerate(steps):
        if s.start < 0 or s.end <= s.start:
            continue
        if tags is None:
            tags = list(map(pos_tags.get, words))
        per_role = features(words, starts, tags, kinds, s.start, s.end, s.surface or s.action, s.material, s.tool)
        for role, cands in per_role.items():
            rv = getattr(s, role)
            decisions.append((si, role, rv if isinstance(rv, str) else None, cands))
    if rec is not None:
        rec.append(decisions)
        return
    if not decisions:
        return
    ws = weights()["weights"]
    for si, role, rv, cands in decisions:
        if POLICY != "both" and (rv is None) != (POLICY == "fill"):
            continue
        text = choose(cands, ws[role], rv, MARGIN)
        if text is not None:
            setattr(steps[si], role, text)
