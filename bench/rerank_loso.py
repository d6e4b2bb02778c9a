"""Leave-one-split-out figures for the material/tool reranker (``generation/prompting/rerank.py``).

For each development split H (dev, dev2, dev3, test, test2; the test splits are never opened): train on the
other four (``bench/train_rerank.py``'s ``train``), then score H through ``bench/nlp_eval.py``'s own pipeline
(``run_split`` + ``evaluation.summarize``, free text) with the pass off and on (those weights). Prints per split
and field the checks passed without / with, and the checks that changed (+ now passed, - now failed); then
the totals over the five held-out folds.

One fold by the command line, the same figure: ``.venv/bin/python bench/train_rerank.py --exclude H --out W.json``
then ``HERITAGE_RERANK=1 HERITAGE_RERANK_WEIGHTS=W.json .venv/bin/python bench/nlp_eval.py --split H`` against
``HERITAGE_RERANK=0 … --split H``.

Usage: ``.venv/bin/python bench/rerank_loso.py [--splits dev3 …] [--show N]``.
"""
from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from nlp_eval import DEVELOPMENT, run_split  # noqa: E402
import train_rerank  # noqa: E402
from train_rerank import train  # noqa: E402

from generation.prompting import rerank  # noqa: E402
from generation.prompting.evaluation import FIELDS, load_split, match_steps, summarize, surface_match  # noqa: E402


def score(items, on: bool, weights=None):
    rerank.ENABLED = on
    rerank.use_weights(weights)
    results, raised, _ = run_split(items, craft_known=False)
    return results, raised


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", nargs="+", default=list(DEVELOPMENT), choices=DEVELOPMENT)
    ap.add_argument("--policy", choices=("fill", "replace", "both"), default=None,
                    help="where the pass acts (rerank.POLICY by default)")
    ap.add_argument("--margin", type=float, default=None, help="rerank.MARGIN")
    ap.add_argument("--null-examples", choices=("yes", "no"), default=None,
                    help="train with the null-expected decisions ('none' positive) or without (train_rerank.NULL_EXAMPLES)")
    ap.add_argument("--show", type=int, default=0, help="print up to N changed checks per split")
    args = ap.parse_args(argv)
    if args.policy:
        rerank.POLICY = args.policy
    if args.margin is not None:
        rerank.MARGIN = args.margin
    if args.null_examples:
        train_rerank.NULL_EXAMPLES = args.null_examples == "yes"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    print(f"rerank leave-one-split-out  {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  "
          f"{platform.machine()} Python {platform.python_version()}  commit {commit}  policy {rerank.POLICY}, margin {rerank.MARGIN}, null examples {train_rerank.NULL_EXAMPLES}")
    tot = {f: Counter() for f in FIELDS + ("overall",)}
    changes = Counter()
    t0 = time.time()
    for h in args.splits:
        w = train([s for s in DEVELOPMENT if s != h])
        items = load_split(h)
        off, r0 = score(items, False)
        on, r1 = score(items, True, w)
        s0 = summarize([(i, c) for i, c, _ in off])
        s1 = summarize([(i, c) for i, c, _ in on])
        gains, losses, shown = Counter(), Counter(), []
        for (item, c0, o0), (_, c1, o1) in zip(off, on):
            for a, b in zip(c0, c1):
                if a["ok"] != b["ok"]:
                    (gains if b["ok"] else losses)[a["field"]] += 1
                    if len(shown) < args.show:
                        shown.append(f"    {item['id']} {'+' if b['ok'] else '-'} {a['field']}: {a['detail']}  ->  {b['detail']}")
                elif a["detail"] != b["detail"] and a["field"] in ("tool", "material") and len(shown) < args.show:
                    shown.append(f"    {item['id']} = {a['field']}: {a['detail']}  ->  {b['detail']}")
        # every value the pass changed, by what the item's annotation says of that step
        for (item, _, o0), (_, _, o1) in zip(off, on):
            if o0 is None or o1 is None:
                continue
            exp_steps = item["expect"].get("steps") or []
            where = {i: es for es, i in zip(exp_steps, match_steps(exp_steps, o1["steps"])) if i is not None}
            for k, (a, b) in enumerate(zip(o0["steps"], o1["steps"])):
                for role in rerank.ROLES:
                    if a.get(role) == b.get(role):
                        continue
                    es = where.get(k)
                    kind = ("no expected step" if es is None else "expected null" if es.get(role) is None
                            else "right" if surface_match(es[role], b[role]) else "wrong")
                    changes[(role, kind)] += 1
                    if kind != "right" and len(shown) < args.show:
                        shown.append(f"    {item['id']} changed {role} ({kind}): {a.get(role)!r} -> {b.get(role)!r}")
        print(f"[{h}] trained on the other four: decisions {w['training']['decisions']}; raised off/on {r0}/{r1}")
        for f in FIELDS:
            a, b = s0["fields"].get(f) or {}, s1["fields"].get(f) or {}
            if not a.get("total"):
                continue
            print(f"  {f:<16} off {a['passed']:>4}/{a['total']:<4} on {b['passed']:>4}/{b['total']:<4} "
                  f"(+{gains[f]}/-{losses[f]})")
            for k, x in (("off", a["passed"]), ("on", b["passed"]), ("n", a["total"]), ("+", gains[f]),
                         ("-", losses[f])):
                tot[f][k] += x
        print(f"  {'overall':<16} off {s0['passed']:>4}/{s0['checks']:<4} on {s1['passed']:>4}/{s1['checks']:<4}")
        for k, x in (("off", s0["passed"]), ("on", s1["passed"]), ("n", s0["checks"]),
                     ("+", sum(gains.values())), ("-", sum(losses.values()))):
            tot["overall"][k] += x
        for line in shown:
            print(line)
    print(f"\ntotal over the held-out folds {args.splits}:")
    print(f"| field | checks | rules alone (off) | with the pass (on) | + / − |")
    print("|---|---:|---:|---:|---|")
    for f in FIELDS + ("overall",):
        t = tot[f]
        if t["n"]:
            print(f"| {f} | {t['n']} | {t['off']} | {t['on']} | +{t['+']} / −{t['-']} |")
    print("\nvalues the pass changed, by the annotation of their step (own step only, no neighbour credit):")
    for role in rerank.ROLES:
        print(f"  {role}: " + ", ".join(f"{k} {changes[(role, k)]}" for k in
                                       ("right", "wrong", "expected null", "no expected step")))
    print(f"\n{time.time() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
