"""Benchmark of transcript normalization (`make bench-nlp`).

Builds at least 1 MB (UTF-8) of transcript-like text from the gold set's transcripts recombined with
fillers and spoken numbers (seeded, so every run measures the same text), then in one run:

  * start-up cost: building the spec's tokenizer (jieba main dictionary + lexicon) in a fresh process;
  * plain ``jieba.lcut(text, HMM=False)`` over every transcript (the global tokenizer, warmed first),
    interleaved per transcript with the next line so that load from other processes hits both alike;
  * ``generation.prompting.normalize(text).to_dict()`` over the same transcripts (warmed first): the
    full result a caller gets (terms, steps, parameters, defaults, prompt). normalize() cuts with
    ``generation/prompting/segment.py``'s segmenter (jieba-rs through rjieba when installed, else
    jieba's own ``lcut``; same words either way); the line "normalize() cuts with" says which ran, and
    ``HERITAGE_SEGMENTER=jieba`` forces jieba's. The baseline is always plain jieba. The line
    "normalize() runs" says whether the rules ran compiled by Cython (``make native``,
    ``generation/prompting/native.py``) or as plain Python (``HERITAGE_NATIVE=0`` forces plain).

Prints transcripts/s and characters/s for both, the ratio (goal: at least 0.4 since issue 11 added
part-of-speech reading; ``jieba.posseg`` alone runs at about 0.75 of ``lcut``), and the start-up cost
separately. Usage: ``python bench/nlp.py [--mb 1.0] [--repeat 1] [--json]``.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOLD = Path(os.environ.get("BENCH_NLP_GOLD", ROOT / "generation" / "prompting" / "data" / "gold.json"))
FILLERS = ["嗯,", "那个", "就是说,", "对吧,", "哎呀,", "你看啊,", "我跟你说,", "其实呢,", "然后呢,"]
NUMBERS = ["两三毫米", "三十度", "十二号针", "零点五毫米", "每秒两毫米", "三到五度", "二十来度", "六排", "1.5mm", "45°",
           "八百度左右", "十几分钟", "每分钟二十下", "十六分之一"]


def build_corpus(target_bytes: int, seed: int = 20261121) -> list[str]:
    rng = random.Random(seed)
    base = [item["text"] for item in json.loads(GOLD.read_text(encoding="utf-8"))["transcripts"]]
    corpus, size = [], 0
    while size < target_bytes:
        parts = []
        for _ in range(rng.randint(3, 8)):
            sentence = rng.choice(base)
            if rng.random() < 0.5:
                sentence = rng.choice(FILLERS) + sentence
            if rng.random() < 0.3:
                sentence = sentence.rstrip("。") + "," + rng.choice(NUMBERS) + "。"
            parts.append(sentence)
        text = "".join(parts)
        corpus.append(text)
        size += len(text.encode("utf-8"))
    return corpus


STARTUP_SNIPPET = """
import time, sys
sys.path.insert(0, {root!r})
t0 = time.perf_counter()
import jieba
t1 = time.perf_counter()
import jieba as j
j.initialize()
t2 = time.perf_counter()
from generation.prompting import segment
segment.USE_RJIEBA = __import__("os").environ.get("HERITAGE_SEGMENTER", "").strip().lower() != "jieba"
from generation.prompting.spec import Spec, load_default_spec_dict
spec = Spec.from_dict(load_default_spec_dict())
t3 = time.perf_counter()
spec.ensure_tokenizer()
t4 = time.perf_counter()
spec.ensure_segmenter()
t5 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)
"""


def measure_startup() -> dict:
    """In a fresh interpreter: importing jieba; plain jieba's dictionary load (``jieba.initialize()``,
    from jieba's on-disk cache); reading the spec files and building our indexes; building our own
    ``jieba.Tokenizer`` (main dictionary + every lexicon form); the segmenter normalize() cuts with
    (``generation/prompting/segment.py``: jieba-rs given that tokenizer's words, or nothing to build
    when it is jieba's own ``lcut``). Once per process."""
    out = subprocess.run([sys.executable, "-c", STARTUP_SNIPPET.format(root=str(ROOT))], capture_output=True,
                         text=True, check=True).stdout.split()
    imp, jieba_load, spec_load, tk_load, seg_load = map(float, out)
    return {"import_jieba_s": imp, "plain_jieba_initialize_s": jieba_load, "spec_files_and_indexes_s": spec_load,
            "own_tokenizer_s": tk_load, "segmenter_s": seg_load}


def use_segmenter_switch(segment) -> None:
    """``HERITAGE_SEGMENTER=jieba`` makes normalize() cut with jieba's own lcut (the before/after check of
    segment.py); read here, in the benchmark, since only settings and entry points read the environment."""
    segment.USE_RJIEBA = os.environ.get("HERITAGE_SEGMENTER", "").strip().lower() != "jieba"


def run(mb: float, repeat: int) -> dict:
    import jieba

    from generation.prompting import native, normalize, segment
    from generation.prompting.spec import default_spec

    use_segmenter_switch(segment)
    corpus = build_corpus(int(mb * 1024 * 1024))
    n_chars = sum(len(t) for t in corpus)
    n_bytes = sum(len(t.encode("utf-8")) for t in corpus)
    jieba.initialize()
    segmenter = default_spec().ensure_segmenter().name
    for text in corpus[:20]:  # warm both
        jieba.lcut(text, HMM=False)
        normalize(text).to_dict()

    # Interleaved per transcript (jieba, then normalize, on the same text) so that load from other
    # processes on a shared machine hits both alike; each pass sums both; the pass with the median
    # ratio is reported.
    passes = []
    for _ in range(repeat):
        tj = tn = 0.0
        steps = 0
        for text in corpus:
            t0 = time.perf_counter()
            jieba.lcut(text, HMM=False)
            t1 = time.perf_counter()
            steps += len(normalize(text).to_dict()["steps"])
            t2 = time.perf_counter()
            tj += t1 - t0
            tn += t2 - t1
        passes.append((tj / tn, tj, tn, steps))
    passes.sort()
    ratio, jieba_s, norm_s, steps = passes[len(passes) // 2]
    return {
        "segmenter": segmenter, "native": native.describe(), "transcripts": len(corpus), "chars": n_chars, "bytes": n_bytes, "steps_found": steps,
        "jieba_s": jieba_s, "normalize_s": norm_s,
        "jieba_transcripts_per_s": len(corpus) / jieba_s, "jieba_chars_per_s": n_chars / jieba_s,
        "normalize_transcripts_per_s": len(corpus) / norm_s, "normalize_chars_per_s": n_chars / norm_s,
        "ratio": ratio, "ratios_all_passes": [round(p[0], 3) for p in passes],
    }


def jieba_version() -> str:
    import jieba

    return jieba.__version__


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of the corpus in MiB of UTF-8 (default 1)")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved passes; the median is reported (default 5)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = parser.parse_args(argv)
    load_before = f"{os.getloadavg()[0]:.2f}"
    startup = measure_startup()
    result = run(args.mb, args.repeat)
    result.update(startup)
    result["load_before"] = load_before
    result["machine"] = f"{platform.machine()} {platform.processor() or ''} {os.cpu_count()} CPUs, Python {platform.python_version()}".strip()
    result["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"bench-nlp  {result['date']}  {result['machine']}")
    print(f"corpus: {result['transcripts']} transcripts, {result['chars']:,} characters, {result['bytes']:,} bytes UTF-8")
    print(f"start-up (fresh process, once): import jieba {startup['import_jieba_s']:.3f}s; plain jieba.initialize() "
          f"{startup['plain_jieba_initialize_s']:.3f}s; spec files + indexes {startup['spec_files_and_indexes_s']:.3f}s; "
          f"own tokenizer (main dict + lexicon) {startup['own_tokenizer_s']:.3f}s; segmenter {startup['segmenter_s']:.3f}s")
    print(f"normalize() cuts with: {result['segmenter']}  (generation/prompting/segment.py; the baseline below is "
          f"plain jieba {jieba_version()})")
    print(f"normalize() runs: {result['native']}  (generation/prompting/native.py; HERITAGE_NATIVE=0 for plain Python)")
    print(f"jieba.lcut(HMM=False): {result['jieba_s']:.2f}s  {result['jieba_transcripts_per_s']:,.0f} transcripts/s  "
          f"{result['jieba_chars_per_s']:,.0f} chars/s")
    print(f"normalize():           {result['normalize_s']:.2f}s  {result['normalize_transcripts_per_s']:,.0f} transcripts/s  "
          f"{result['normalize_chars_per_s']:,.0f} chars/s  ({result['steps_found']:,} steps)")
    print(f"ratio normalize/jieba throughput: {result['ratio']:.2f} median of {len(result['ratios_all_passes'])} passes "
          f"{result['ratios_all_passes']}  (goal >= 0.4: {'met' if result['ratio'] >= 0.4 else 'NOT met'})")
    print(f"load average before/after: {result['load_before']} / {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
