"""Behaviour check for speed work on normalization: sha256 of every ``normalize()`` result.

Prints two hashes: (1) ``normalize(t).to_dict()`` over the bench corpus (``bench/nlp.py``'s builder,
1 MiB by default) plus every dev.json text; (2) ``normalize(t, None, craft=item["craft"]).to_dict()``
over the dev items (the craft-known path). A change meant to be behaviour-neutral must leave both
unchanged: run it on the commit before and after. Only the dev split is read, unless ``--splits``:
then a third hash covers every split and probe set (``data/eval/*.json``, ``bench/probes/*_[AB].json``)
in free-text, craft-known and no-punctuation modes. It is a hash of outputs, no score: it says whether
anything changed, never how a test split fares.
Usage: ``python bench/nlp_same.py [--mb 1.0] [--splits]``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from nlp import build_corpus, use_segmenter_switch  # noqa: E402

from generation.prompting import normalize, segment  # noqa: E402

use_segmenter_switch(segment)

DEV = ROOT / "generation" / "prompting" / "data" / "eval" / "dev.json"


def digest(results: list) -> str:
    return hashlib.sha256(json.dumps(results, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of the bench corpus in MiB (default 1)")
    parser.add_argument("--splits", action="store_true", help="also hash every split and probe set (three modes)")
    args = parser.parse_args(argv)
    from generation.prompting import native

    print("# normalize() runs:", native.describe())
    dev = json.loads(DEV.read_text(encoding="utf-8"))["transcripts"]
    texts = build_corpus(int(args.mb * 1024 * 1024)) + [item["text"] for item in dev]
    print("free ", digest([normalize(t).to_dict() for t in texts]), len(texts))
    print("craft", digest([normalize(item["text"], None, craft=item.get("craft")).to_dict() for item in dev]), len(dev))
    if args.splits:
        from generation.prompting.evaluation import strip_punctuation

        files = sorted((ROOT / "generation" / "prompting" / "data" / "eval").glob("*.json")) + sorted(
            (ROOT / "bench" / "probes").glob("*_[AB].json"))
        items = [item for f in files for item in json.loads(f.read_text(encoding="utf-8"))["transcripts"]]
        out = [normalize(item["text"]).to_dict() for item in items]
        out += [normalize(item["text"], None, craft=item.get("craft")).to_dict() for item in items]
        out += [normalize(strip_punctuation(item["text"])).to_dict() for item in items]
        print("splits", digest(out), len(items))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
