"""Benchmark of transcript normalization (`make bench-nlp`).

Builds at least 1 MB (UTF-8) of transcript-like text from the gold set's transcripts recombined with
fillers and spoken numbers (seeded, so every run measures the same text), then in one run:

  * start-up cost: building the spec's tokenizer (jieba main dictionary + lexicon) in a fresh process;
  * plain ``jieba.lcut(text, HMM=False)`` over every transcript (the global tokenizer, warmed first);
  * ``generation.prompting.normalize(text).to_dict()`` over the same transcripts (warmed first): the
    full result a caller gets (terms, steps, parameters, defaults, prompt).

Prints transcripts/s and characters/s for both, the ratio (goal: at least 0.5), and the start-up cost
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
from generation.prompting.spec import default_spec
spec = default_spec()
t2 = time.perf_counter()
import jieba as j
j.initialize()
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def measure_startup() -> dict:
    """In a fresh interpreter: import, our spec (jieba main dict + 200+ lexicon forms, own Tokenizer),
    and plain jieba's own dictionary load for comparison."""
    out = subprocess.run([sys.executable, "-c", STARTUP_SNIPPET.format(root=str(ROOT))], capture_output=True,
                         text=True, check=True).stdout.split()
    imp, spec_load, jieba_load = map(float, out)
    return {"import_jieba_s": imp, "spec_and_tokenizer_s": spec_load, "plain_jieba_initialize_s": jieba_load}


def run(mb: float, repeat: int) -> dict:
    import jieba

    from generation.prompting import normalize
    from generation.prompting.spec import default_spec

    corpus = build_corpus(int(mb * 1024 * 1024))
    n_chars = sum(len(t) for t in corpus)
    n_bytes = sum(len(t.encode("utf-8")) for t in corpus)
    jieba.initialize()
    default_spec()
    for text in corpus[:20]:  # warm both
        jieba.lcut(text, HMM=False)
        normalize(text).to_dict()

    best_jieba = best_norm = float("inf")
    steps = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text in corpus:
            jieba.lcut(text, HMM=False)
        best_jieba = min(best_jieba, time.perf_counter() - t0)
        t0 = time.perf_counter()
        steps = 0
        for text in corpus:
            steps += len(normalize(text).to_dict()["steps"])
        best_norm = min(best_norm, time.perf_counter() - t0)
    return {
        "transcripts": len(corpus), "chars": n_chars, "bytes": n_bytes, "steps_found": steps,
        "jieba_s": best_jieba, "normalize_s": best_norm,
        "jieba_transcripts_per_s": len(corpus) / best_jieba, "jieba_chars_per_s": n_chars / best_jieba,
        "normalize_transcripts_per_s": len(corpus) / best_norm, "normalize_chars_per_s": n_chars / best_norm,
        "ratio": best_jieba / best_norm,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of the corpus in MiB of UTF-8 (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N interleaved passes (default 3)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = parser.parse_args(argv)
    startup = measure_startup()
    result = run(args.mb, args.repeat)
    result.update(startup)
    result["machine"] = f"{platform.machine()} {platform.processor() or ''} {os.cpu_count()} CPUs, Python {platform.python_version()}".strip()
    result["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"bench-nlp  {result['date']}  {result['machine']}")
    print(f"corpus: {result['transcripts']} transcripts, {result['chars']:,} characters, {result['bytes']:,} bytes UTF-8")
    print(f"start-up (fresh process): import jieba {startup['import_jieba_s']:.3f}s; spec + own tokenizer "
          f"(main dict + lexicon) {startup['spec_and_tokenizer_s']:.3f}s; plain jieba.initialize() "
          f"{startup['plain_jieba_initialize_s']:.3f}s")
    print(f"jieba.lcut(HMM=False): {result['jieba_s']:.2f}s  {result['jieba_transcripts_per_s']:,.0f} transcripts/s  "
          f"{result['jieba_chars_per_s']:,.0f} chars/s")
    print(f"normalize():           {result['normalize_s']:.2f}s  {result['normalize_transcripts_per_s']:,.0f} transcripts/s  "
          f"{result['normalize_chars_per_s']:,.0f} chars/s  ({result['steps_found']:,} steps)")
    print(f"ratio normalize/jieba throughput: {result['ratio']:.2f}  (goal >= 0.5: {'met' if result['ratio'] >= 0.5 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
