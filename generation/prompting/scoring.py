"""Scoring normalization output against the gold set (``data/gold.json``).

Predicted steps are paired with gold steps by a longest-common-subsequence alignment on the action,
so one missed or extra step does not shift every later one. Per field, an item is
(transcript, paired step, value); precision = matched / predicted, recall = matched / expected.
``params`` scores only values the speaker said (not defaults); ``defaults`` scores the names filled
from the spec's defaults; ``terms`` scores (surface text, category) pairs.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .spec import DATA_DIR

FIELDS = ("steps", "hand", "tool", "material", "params", "defaults", "terms")


def load_gold(path: Path | None = None) -> list[dict]:
    with open(path or DATA_DIR / "gold.json", encoding="utf-8") as fh:
        return json.load(fh)["transcripts"]


@dataclass
class Tally:
    matched: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)

    def precision(self, f: str) -> float:
        return self.matched[f] / self.predicted[f] if self.predicted[f] else 1.0

    def recall(self, f: str) -> float:
        return self.matched[f] / self.expected[f] if self.expected[f] else 1.0

    def f1(self, f: str) -> float:
        p, r = self.precision(f), self.recall(f)
        return 2 * p * r / (p + r) if p + r else 0.0


def _norm_value(v):
    if isinstance(v, (list, tuple)):
        return tuple(round(float(x), 2) for x in v)
    return round(float(v), 2)


def _align(pred: list[str], gold: list[str]) -> list[tuple[int, int]]:
    n, m = len(pred), len(gold)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            dp[i][j] = dp[i + 1][j + 1] + 1 if pred[i] == gold[j] else max(dp[i + 1][j], dp[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if pred[i] == gold[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _step_items(step: dict, spoken_only: bool) -> dict[str, set]:
    defaults = set(step.get("defaults") or [])
    params = {(k, _norm_value(v)) for k, v in (step.get("params") or {}).items()
              if not (spoken_only and k in defaults)}
    return {
        "hand": {step["hand"]} if step.get("hand") else set(),
        "tool": {step["tool"]} if step.get("tool") else set(),
        "material": {step["material"]} if step.get("material") else set(),
        "params": params,
        "defaults": defaults,
    }


def score(results: list[tuple[dict, dict]]) -> Tally:
    """results: (gold transcript, predicted ``to_dict()``) pairs."""
    tally = Tally()
    for gold, pred in results:
        p_steps, g_steps = pred["steps"], gold["steps"]
        pairs = _align([s["action"] for s in p_steps], [s["action"] for s in g_steps])
        tally.predicted["steps"] += len(p_steps)
        tally.expected["steps"] += len(g_steps)
        tally.matched["steps"] += len(pairs)
        paired_p = {i for i, _ in pairs}
        paired_g = {j for _, j in pairs}
        for i, j in pairs:
            pi, gi = _step_items(p_steps[i], True), _step_items(g_steps[j], False)
            for f in ("hand", "tool", "material", "params", "defaults"):
                tally.predicted[f] += len(pi[f])
                tally.expected[f] += len(gi[f])
                tally.matched[f] += len(pi[f] & gi[f])
                if pi[f] != gi[f]:
                    tally.errors.append((gold["id"], f, gi[f], pi[f]))
        for i, s in enumerate(p_steps):
            if i not in paired_p:
                for f, items in _step_items(s, True).items():
                    tally.predicted[f] += len(items)
                tally.errors.append((gold["id"], "extra step", None, s["action"]))
        for j, s in enumerate(g_steps):
            if j not in paired_g:
                for f, items in _step_items(s, False).items():
                    tally.expected[f] += len(items)
                tally.errors.append((gold["id"], "missed step", s["action"], None))
        p_terms = Counter((t["text"], t["category"]) for t in pred["terms"])
        g_terms = Counter(tuple(t) for t in gold["terms"])
        tally.predicted["terms"] += sum(p_terms.values())
        tally.expected["terms"] += sum(g_terms.values())
        tally.matched["terms"] += sum((p_terms & g_terms).values())
        if p_terms != g_terms:
            tally.errors.append((gold["id"], "terms", dict(g_terms - p_terms), dict(p_terms - g_terms)))
    return tally


def report(tally: Tally) -> str:
    lines = [f"{'field':<10} {'precision':>9} {'recall':>7} {'F1':>6}  (matched/predicted/expected)"]
    for f in FIELDS:
        lines.append(f"{f:<10} {tally.precision(f):>9.3f} {tally.recall(f):>7.3f} {tally.f1(f):>6.3f}  "
                     f"({tally.matched[f]}/{tally.predicted[f]}/{tally.expected[f]})")
    return "\n".join(lines)


def run_gold(path: Path | None = None) -> Tally:
    from .core import normalize

    results = []
    for item in load_gold(path):
        technique = item.get("technique") or item.get("craft")
        results.append((item, normalize(item["text"], technique).to_dict()))
    return score(results)
