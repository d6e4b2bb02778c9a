"""A fixed sample of 40 items for rating the rendered prompt (branch render2, issue 11).

Drawn once with ``random.Random(20261130)`` from the items we may read that describe an action: the development pool
(dev, dev2, dev3, test, test2) and the development probes (asr/order/roles/terms/interview _A, written A/C/D/E);
never a held-out split or probe. The ids are stored in ``render_sample.json`` and re-read from there (a later change
to the data files does not change the sample). Each prompt is rendered with the craft known (the archive case:
the curator passes the craft name), ``normalize(text, None, craft=item["craft"]).prompt``.

Usage: ``python bench/probes/render_sample.py --draw`` (once: writes the ids), ``python bench/probes/render_sample.py
--render OUT.json`` (id, text, prompt for each sampled id, with the code in the working tree).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
EVAL = ROOT / "generation" / "prompting" / "data" / "eval"
PROBES = ROOT / "bench" / "probes"
SOURCES = [EVAL / f"{s}.json" for s in ("dev", "dev2", "dev3", "test", "test2")] + \
    [PROBES / f"{p}_A.json" for p in ("asr", "order", "roles", "terms", "interview")] + \
    [PROBES / f"written_{w}.json" for w in "ACDE"]
SAMPLE = PROBES / "render_sample.json"


def items() -> dict:
    out = {}
    for f in SOURCES:
        for it in json.loads(f.read_text(encoding="utf-8"))["transcripts"]:
            if it["expect"].get("describes_action"):
                out[f"{f.stem}:{it['id']}"] = it
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--draw", action="store_true")
    ap.add_argument("--render", metavar="OUT")
    args = ap.parse_args(argv)
    pool = items()
    if args.draw:
        ids = random.Random(20261130).sample(sorted(pool), 40)
        data = json.loads(SAMPLE.read_text(encoding="utf-8")) if SAMPLE.exists() else {}
        data["ids"] = ids
        SAMPLE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.render:
        from generation.prompting import normalize
        ids = json.loads(SAMPLE.read_text(encoding="utf-8"))["ids"]
        rows = []
        for key in ids:
            it = pool[key]
            rows.append({"id": key, "craft": it["craft"], "text": it["text"],
                         "prompt": normalize(it["text"], None, craft=it["craft"]).prompt})
        Path(args.render).write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
