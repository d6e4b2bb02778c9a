"""Train the material/tool reranker (``generation/prompting/rerank.py``) and save its weights as JSON.

Deterministic: the development pool (dev, dev2, dev3, test, test2; the test splits test3/test4/test5 are never
opened) is normalized in free-text mode (``normalize(text, None, craft=None)``, as ``bench/nlp_eval.py``) with
the pass recording its decisions (``rerank.recording()``: the same feature function as at run time, the rules'
values as they are, nothing changed). Each recorded decision of a step that ``evaluation.match_steps`` matches
to an expected step with a non-null ``material`` (then ``tool``) is one training example; a candidate is
positive when ``evaluation.surface_match(expected, candidate)``, "none" when no other candidate is; a decision of
a step whose expected value is null is an example too, with "none" its one positive (``NULL_EXAMPLES``). One
conditional logit per role (softmax over a decision's candidates), numpy, L2 0.5, 400 full-batch Adam steps
from zero: the eighth session's settings (``bench/nlp_roles_learned.py``), fixed before any figure was seen.

**A rule change that shifts a step's material, tool, span or verb changes the training data: retrain** (this
command) and commit the weights; ``tests/test_prompting_rerank.py`` checks that the saved weights equal a
fresh training.

Usage::

    .venv/bin/python bench/train_rerank.py                 # train on the pool, write data/rerank_weights.json
    .venv/bin/python bench/train_rerank.py --check         # exit 1 when the saved weights differ from a fresh training
    .venv/bin/python bench/train_rerank.py --exclude dev3 --out /tmp/w.json   # leave one split out
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from nlp_eval import DEVELOPMENT  # noqa: E402  (the development pool: one definition)

from generation.prompting import rerank  # noqa: E402

# Examples: the recorded decisions of output steps matched to an expected step with a non-null value (the eighth
# session's experiment). True: also those whose expected value is null ("not checked" in the set's README),
# with "none" their one positive. Measured both ways (docs/PERFORMANCE.md, ninth session): without them the
# chooser seldom abstains and fills hundreds of roles that no check covers (mostly junk by inspection: 时候,
# 故事, 长城 as a tool); with them it abstains almost everywhere and changes almost nothing.
NULL_EXAMPLES = False
SETTINGS = {"l2": 0.5, "iters": 400, "lr": 0.5, "optimizer": "Adam (0.9, 0.999), step lr*0.1, zero start",
            "examples": "recorded decisions of output steps matched to an expected step; a null expected value "
                        "makes 'none' the one positive" if NULL_EXAMPLES else
                        "matched expected steps with a non-null value"}
RETRAIN = ".venv/bin/python bench/train_rerank.py"
TOLERANCE = 1e-9


def build_decisions(splits) -> dict:
    """``{role: [(candidates [(text, feats)], positives [bool])]}`` over the splits' items, in file order."""
    from generation.prompting import normalize
    from generation.prompting.evaluation import load_split, match_steps, surface_match

    out = {r: [] for r in rerank.ROLES}
    for split in splits:
        for item in load_split(split):
            exp_steps = item["expect"].get("steps") or []
            if not exp_steps:
                continue
            with rerank.recording() as rec:
                res = normalize(item["text"], None, craft=None).to_dict()
            decisions = {(si, role): cands for si, role, _, cands in (rec[0] if rec else [])}
            out_steps = [s for s in (res.get("steps") or []) if isinstance(s, dict)]
            for es, idx in zip(exp_steps, match_steps(exp_steps, out_steps)):
                if idx is None:
                    continue
                for role in rerank.ROLES:
                    cands = decisions.get((idx, role))
                    if cands is None:
                        continue
                    if es.get(role) is None:
                        if not NULL_EXAMPLES:
                            continue
                        pos = [False] * (len(cands) - 1) + [True]  # nothing is right: "none"
                    else:
                        pos = [t != rerank.NONE and surface_match(es[role], t) for t, _ in cands]
                        pos[-1] = not any(pos)
                    out[role].append((cands, pos))
    return out


def fit(examples, l2: float = SETTINGS["l2"], iters: int = SETTINGS["iters"], lr: float = SETTINGS["lr"]) -> dict:
    """Conditional logit maximising log P(some positive candidate); returns ``{feature: weight}``."""
    vocab = {}
    for cands, _ in examples:
        for _, feats in cands:
            for f in feats:
                vocab.setdefault(f, None)
    names = sorted(vocab)
    col = {f: j for j, f in enumerate(names)}
    rows, cols, group, pos = [], [], [], []
    r = 0
    for g, (cands, ps) in enumerate(examples):
        for (_, feats), p in zip(cands, ps):
            for f in feats:
                rows.append(r)
                cols.append(col[f])
            group.append(g)
            pos.append(p)
            r += 1
    X = np.zeros((r, len(names)))
    np.add.at(X, (np.array(rows, dtype=int), np.array(cols, dtype=int)), 1.0)  # a feature named twice counts twice
    group = np.array(group)
    pos = np.array(pos, dtype=float)
    ng = len(examples)
    w = np.zeros(len(names))
    m = np.zeros(len(names))
    v = np.zeros(len(names))
    for t in range(1, iters + 1):
        s = X @ w
        mx = np.full(ng, -np.inf)
        np.maximum.at(mx, group, s)
        e = np.exp(s - mx[group])
        z = np.zeros(ng)
        np.add.at(z, group, e)
        p = e / z[group]
        pp = p * pos
        zpos = np.zeros(ng)
        np.add.at(zpos, group, pp)
        q = pp / zpos[group]  # posterior over the positives
        grad = X.T @ (p - q) / ng + l2 * w / ng
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= lr * 0.1 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return {f: float(x) for f, x in zip(names, w)}


def _commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "generation"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return head + (" (generation/ modified)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def train(splits=DEVELOPMENT) -> dict:
    data = build_decisions(splits)
    return {
        "format": 1,
        "weights": {role: fit(data[role]) for role in rerank.ROLES},
        "training": {
            "splits": list(splits),
            "decisions": {role: len(data[role]) for role in rerank.ROLES},
            "settings": SETTINGS,
            "features": "generation.prompting.rerank.features",
            "commit": _commit(),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "retrain": RETRAIN,
        },
    }


def differences(a: dict, b: dict, tol: float = TOLERANCE) -> list:
    """Where two weight sets differ by more than ``tol`` (a feature in one only counts as a difference)."""
    out = []
    for role in rerank.ROLES:
        wa, wb = a["weights"].get(role, {}), b["weights"].get(role, {})
        for f in sorted(set(wa) | set(wb)):
            if f not in wa or f not in wb or abs(wa[f] - wb[f]) > tol:
                out.append(f"{role}/{f}: saved {wa.get(f)} fresh {wb.get(f)}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exclude", nargs="*", default=[], choices=DEVELOPMENT, help="leave these splits out")
    ap.add_argument("--out", default=str(rerank.WEIGHTS_PATH), help="where to write the weights")
    ap.add_argument("--check", action="store_true", help="compare a fresh training with the saved weights")
    args = ap.parse_args(argv)
    splits = [s for s in DEVELOPMENT if s not in args.exclude]
    t0 = time.time()
    w = train(splits)
    if args.check:
        saved = rerank.load_weights(rerank.WEIGHTS_PATH)
        diff = differences(saved, w)
        print(f"{len(diff)} weights differ by more than {TOLERANCE}" + (": " + "; ".join(diff[:10]) if diff else ""))
        return 1 if diff else 0
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(w, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    print(f"trained on {splits}: {w['training']['decisions']} decisions, "
          f"{ {r: len(w['weights'][r]) for r in rerank.ROLES} } features; wrote {args.out} in {time.time() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
