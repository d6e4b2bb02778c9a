#!/usr/bin/env python
"""Fast modes against the full run: speed-up and how far the frames move, same request, same seed.

For each fast mode (generation/engine/fast.py) the whole engine runs once more on the same request and
seed; printed per mode: denoising and total seconds, speed-up of the denoising loop over the full run,
and the frame difference to the full run — PSNR (dB, frames in [0, 1]) and the largest difference per
pixel (in 1/255 steps). A mode the machine cannot run (FP8 without a CUDA GPU or torchao, the preview
without a LoRA folder) is printed as SKIPPED with the reason. Ends with one JSON line (also written to
--json-out or $OUT/engine_fast.json).

With the real checkpoint (--model, e.g. the bf16 folder written by manage.py convert_weights) the
numbers mean something; without --model it builds the tiny random checkpoint and a tiny LoRA, which only
checks the script (random weights: the quality numbers mean nothing, the times neither).

  python bench/engine_fast.py --model /models/Wan2.2-T2V-A14B-bf16 --lora /models/lightning-4step \\
      --width 1280 --height 720 --frames 81
  python bench/engine_fast.py --device cpu              # smoke test on the tiny checkpoint
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from generation.engine import GenerationRequest, InvalidRequest, load_engine  # noqa: E402
from generation.engine.config import FAST_MODES  # noqa: E402

PROMPT = "一位老师傅坐在木桌前，左手拉紧丝线，右手持针斜着刺入绣绷，近景，柔和的自然光"


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return math.inf if mse == 0 else 10 * math.log10(1.0 / mse)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None, help="checkpoint folder (default: build the tiny one)")
    ap.add_argument("--lora", default=None, help="LoRA folder for lora_preview (default with tiny: a tiny LoRA)")
    ap.add_argument("--modes", default=",".join(FAST_MODES))
    ap.add_argument("--device", default=None)
    ap.add_argument("--width", type=int, default=None)
    ap.add_argument("--height", type=int, default=None)
    ap.add_argument("--frames", type=int, default=None)
    ap.add_argument("--steps", type=int, default=None)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json-out", default=None)
    args = ap.parse_args(argv)
    modes = [m for m in args.modes.split(",") if m]
    unknown = set(modes) - set(FAST_MODES)
    if unknown:
        ap.error(f"unknown modes {sorted(unknown)}; choose from {', '.join(FAST_MODES)}")

    model, lora = args.model, args.lora
    if model is None:
        from generation.engine.tiny import build_tiny_checkpoint, build_tiny_lora

        work = Path(tempfile.mkdtemp(prefix="engine-fast-"))
        model = str(build_tiny_checkpoint(work / "tiny"))
        lora = lora or str(build_tiny_lora(work / "lora"))
        args.steps = args.steps or 12
    t0 = time.perf_counter()
    engine = load_engine(model, device=args.device)
    load_s = time.perf_counter() - t0
    base = dict(prompt=PROMPT, seed=args.seed, width=args.width, height=args.height, num_frames=args.frames,
                num_steps=args.steps)
    print(f"# engine_fast bench: {engine.describe()} load {load_s:.1f} s; request {base}", flush=True)
    full = engine.generate(GenerationRequest(**base), keep_float=True)
    print(f"full run: denoise {full.timings['denoise']:.2f} s, total {full.timings['total']:.2f} s, "
          f"{full.num_steps} steps", flush=True)
    rows = {"full": {"denoise_s": full.timings["denoise"], "total_s": full.timings["total"],
                     "steps": full.num_steps}}
    for mode in modes:
        req = dict(base)
        if mode == "lora_preview":
            req["num_steps"] = None  # the preview's own few steps and guidance
        try:
            result = engine.generate(GenerationRequest(**req, fast=(mode,), lora_dir=lora), keep_float=True)
        except (InvalidRequest, ImportError) as exc:
            rows[mode] = {"skipped": str(exc)}
            print(f"{mode:>18}: SKIPPED {exc}", flush=True)
            continue
        diff = np.abs(result.frames_float - full.frames_float)
        row = {"denoise_s": result.timings["denoise"], "total_s": result.timings["total"], "steps": result.num_steps,
               "speedup_denoise": full.timings["denoise"] / result.timings["denoise"],
               "psnr_db": psnr(result.frames_float, full.frames_float), "max_diff_255": float(diff.max() * 255),
               "fast": result.fast}
        rows[mode] = row
        print(f"{mode:>18}: denoise {row['denoise_s']:.2f} s ({row['speedup_denoise']:.2f}× the full run), "
              f"{row['steps']} steps; vs full run PSNR {row['psnr_db']:.1f} dB, max diff {row['max_diff_255']:.1f}/255",
              flush=True)
    report = {"model": model, "checkpoint_id": engine.checkpoint_id, "device": engine.device,
              "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "request": base, "results": rows}
    line = json.dumps(report, ensure_ascii=False, default=str)
    print(line)
    out = args.json_out or (os.path.join(os.environ["OUT"], "engine_fast.json") if os.environ.get("OUT") else None)
    if out:
        Path(out).write_text(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
