"""Craft detection from free text (issue 11): precision and recall on the catalogue probes, and the
craft detected on each dev transcript.

``bench/probes/catalogue_probes.json`` holds short texts written for this check (none from an
evaluation file): positives name a catalogue craft in passing or by an alias, negatives mention a word,
a place, a food or a craft seen once without being about a craft and must detect none. Items are split
into halves A and B (B is never tuned on). For the dev split (never a test split) each transcript's
detected craft must be None or the transcript's own craft (its name or one of its aliases).

Usage: ``python bench/catalogue_probe.py [--half A|B|both] [--dev] [--json]``; prints the figures and
ends with one JSON line. Exit status 1 when a dev transcript gets another craft than its own.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PROBES = ROOT / "bench" / "probes" / "catalogue_probes.json"
DEV = ROOT / "generation" / "prompting" / "data" / "eval" / "dev.json"


def detected(spec, text: str) -> str | None:
    from generation.prompting import normalize

    d = normalize(text, None, spec=spec).to_dict()
    return d["craft"] if d["craft_source"] == "detected" else None


def score_probes(spec, items: list[dict]) -> dict:
    tp = fp = fn = neg_ok = n_pos = n_neg = 0
    misses = []
    for it in items:
        got = detected(spec, it["text"])
        want = it["craft"]
        if want is None:
            n_neg += 1
            if got is None:
                neg_ok += 1
            else:
                fp += 1
                misses.append(f"{it['id']} (none) -> {got}: {it['text']}")
            continue
        n_pos += 1
        if got == want:
            tp += 1
        else:
            fn += 1
            if got is not None:
                fp += 1
            misses.append(f"{it['id']} {want} -> {got}: {it['text']}")
    said = tp + fp
    return {"positives": n_pos, "negatives": n_neg, "right": tp, "wrong": fp,
            "precision": round(tp / said, 3) if said else None,
            "recall": round(tp / n_pos, 3) if n_pos else None,
            "negatives_none": round(neg_ok / n_neg, 3) if n_neg else None, "misses": misses}


def dev_check(spec) -> dict:
    items = json.loads(DEV.read_text(encoding="utf-8"))["transcripts"]
    right = none = 0
    wrong = []
    for it in items:
        got = detected(spec, it["text"])
        own = {spec.craft_info(n).key for n in [it["craft"], *it.get("craft_aliases", [])]} - {None}
        if got is None:
            none += 1
        elif got in own:
            right += 1
        else:
            wrong.append(f"{it['id']} {it['craft']} -> {got}")
    return {"items": len(items), "right": right, "none": none, "wrong": len(wrong), "wrong_items": wrong}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("A", "B", "both"), default="A")
    parser.add_argument("--dev", action="store_true", help="also check the dev split's detected crafts")
    args = parser.parse_args(argv)
    from generation.prompting.spec import default_spec

    spec = default_spec()
    items = json.loads(PROBES.read_text(encoding="utf-8"))["items"]
    out = {"catalogue": len(spec.catalogue)}
    halves = ("A", "B") if args.half == "both" else (args.half,)
    for h in halves:
        r = score_probes(spec, [it for it in items if it["half"] == h])
        out[h] = {k: v for k, v in r.items() if k != "misses"}
        print(f"[{h}] positives {r['positives']}, negatives {r['negatives']}: precision {r['precision']}, "
              f"recall {r['recall']}, negatives with no craft {r['negatives_none']}")
        for m in r["misses"]:
            print("   ", m)
    status = 0
    if args.dev:
        r = dev_check(spec)
        out["dev"] = {k: v for k, v in r.items() if k != "wrong_items"}
        print(f"[dev] {r['items']} transcripts: own craft {r['right']}, none {r['none']}, another craft {r['wrong']}")
        for m in r["wrong_items"]:
            print("   ", m)
        status = 1 if r["wrong"] else 0
    print(json.dumps(out, ensure_ascii=False))
    return status


if __name__ == "__main__":
    sys.exit(main())
