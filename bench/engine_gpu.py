#!/usr/bin/env python
"""GPU benchmark of the engine's denoising step against stock diffusers, at the real A14B expert size.

Builds one Wan2.2-T2V-A14B expert (WanTransformer3DModel: dim 5120 = 40 heads × 128, 40 layers,
ffn 13824, patch 1×2×2, text 512 tokens × 4096) with random bf16 weights on the GPU, and times one
denoising step with classifier-free guidance at 1280×720×81 and 832×480×81 frames:

  stock             the transformer called as diffusers' WanPipeline calls it: two batch-1 forwards
                    (cond, uncond), default attention dispatch
  engine            generation.engine.engine.guided_velocity with batched CFG (one batch-2 forward)
  engine+cudnn      … with SDPA forced to cuDNN fused attention
  engine+flash      … with SDPA forced to FlashAttention-2
  engine+compile    … cuDNN attention + torch.compile on the 40 repeated blocks (regional)
  stock+compile     (optional) two batch-1 forwards with the same compilation, for attribution

Prints seconds per step, effective TFLOP/s (FLOP formula in docs/PERFORMANCE.md, `step_flops` below),
peak memory, the ratio to stock, and the bf16 matmul peak measured in the same run; ends with one JSON
line (also written to --json-out). A step is the transformer work only (the scheduler update is
negligible); timings are the mean of --iters steps after --warmup steps, with CUDA events.

Usage (one H100/H200; diffusers must be importable there, see docs/PERFORMANCE.md):
  python bench/engine_gpu.py --sizes 1280x720 --variants stock,engine,engine+cudnn
  python bench/engine_gpu.py --sizes 832x480 --variants stock,engine,engine+cudnn,engine+flash,engine+compile
  python bench/engine_gpu.py --tiny --device cpu      # smoke test of the script itself (numbers meaningless)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from generation.engine.config import A14B_TRANSFORMER  # noqa: E402
from generation.engine.engine import guided_velocity  # noqa: E402
from generation.engine.speed import apply_speedups, uncompile_blocks  # noqa: E402

TEXT_TOKENS = 512
VARIANTS = ("stock", "engine", "engine+cudnn", "engine+flash", "engine+efficient", "engine+compile",
            "stock+compile")


def step_flops(width: int, height: int, frames: int, cfg: dict, text_tokens: int = TEXT_TOKENS,
               batch: int = 2) -> float:
    """Matmul FLOPs of one guided step (batch=2: cond + uncond), counting a multiply-add as 2.

    N = latent frames × (H/16) × (W/16) video tokens (VAE 4× time, 8× space; patch 1×2×2), L text
    tokens, d model width, f FFN width, per layer:
      self-attention q,k,v,o projections 8·N·d²; scores QKᵀ and P·V 4·N²·d
      cross-attention q,o 4·N·d², k,v over the text 4·L·d², scores and P·V 4·N·L·d
      feed-forward 4·N·d·f
    Patch embedding, time/text embedders, norms, modulation and RoPE are left out (<0.5%).
    """
    p = cfg["patch_size"]
    n = ((frames - 1) // 4 + 1) // p[0] * (height // 8 // p[1]) * (width // 8 // p[2])
    d = cfg["num_attention_heads"] * cfg["attention_head_dim"]
    f, L = cfg["ffn_dim"], text_tokens
    per_layer = 8 * n * d * d + 4 * n * n * d + 4 * n * d * d + 4 * L * d * d + 4 * n * L * d + 4 * n * d * f
    return float(batch * cfg["num_layers"] * per_layer)


def timed(fn, warmup: int, iters: int, device: str) -> list[float]:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(iters):
        if device.startswith("cuda"):
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            fn()
            end.record()
            torch.cuda.synchronize()
            times.append(start.elapsed_time(end) / 1000)
        else:
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
    return times


def matmul_peak(device: str, n: int = 8192, warmup: int = 3, iters: int = 10) -> float:
    """bf16 TFLOP/s of an n×n×n matrix product on random data."""
    dtype = torch.bfloat16 if device.startswith("cuda") else torch.float32
    a = torch.randn(n, n, device=device, dtype=dtype)
    b = torch.randn(n, n, device=device, dtype=dtype)
    times = timed(lambda: a @ b, warmup, iters, device)
    del a, b
    return 2 * n**3 / (sum(times) / len(times)) / 1e12


def build_expert(cfg: dict, device: str, dtype: torch.dtype, seed: int = 0):
    from diffusers import WanTransformer3DModel

    torch.manual_seed(seed)
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)
    try:
        with torch.device(device):
            model = WanTransformer3DModel(**cfg)
    finally:
        torch.set_default_dtype(previous)
    # as from_pretrained(torch_dtype=bf16) does: a few small modules stay in float32
    keep = tuple(getattr(model, "_keep_in_fp32_modules", None) or ())
    for name, module in model.named_modules():
        if any(k in name.split(".") for k in keep):
            module.to(torch.float32)
        for pname, param in module.named_parameters(recurse=False):
            if any(k in f"{name}.{pname}".split(".") for k in keep):
                param.data = param.data.float()
    return model.eval().requires_grad_(False)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1280x720,832x480")
    ap.add_argument("--frames", type=int, default=81)
    ap.add_argument("--layers", type=int, default=None, help="fewer layers (FLOPs scale with it); default 40")
    ap.add_argument("--variants", default="stock,engine,engine+cudnn,engine+flash,engine+compile")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--iters", type=int, default=2)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--tiny", action="store_true", help="tiny model and sizes: checks the script, not the GPU")
    ap.add_argument("--json-out", default=None)
    args = ap.parse_args(argv)

    device = args.device
    if device.startswith("cuda") and not torch.cuda.is_available():
        print("engine_gpu bench: no CUDA device here, nothing measured. Run it on a GPU machine "
              "(docs/PERFORMANCE.md says how), or `--tiny --device cpu` to smoke-test the script.")
        return 0
    cfg = dict(A14B_TRANSFORMER)
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",") if s]
    frames = args.frames
    if args.tiny:
        cfg.update(num_attention_heads=2, attention_head_dim=32, ffn_dim=128, num_layers=2, text_dim=32)
        sizes, frames = [(64, 48), (32, 32)], 9
    if args.layers:
        cfg["num_layers"] = args.layers
    variants = [v for v in args.variants.split(",") if v]
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        ap.error(f"unknown variants {sorted(unknown)}; choose from {', '.join(VARIANTS)}")
    dtype = torch.bfloat16 if device.startswith("cuda") else torch.float32

    import diffusers

    env = {"torch": torch.__version__, "diffusers": diffusers.__version__, "python": platform.python_version(),
           "device": torch.cuda.get_device_name() if device.startswith("cuda") else platform.processor() or "cpu",
           "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    print(f"# engine_gpu bench: {env}", flush=True)
    peak = matmul_peak(device) if not args.tiny else matmul_peak(device, n=256, iters=3)
    print(f"bf16 matmul peak (8192³, random data): {peak:.1f} TFLOP/s", flush=True)

    t0 = time.perf_counter()
    model = build_expert(cfg, device, dtype)
    params = sum(p.numel() for p in model.parameters())
    print(f"expert: {params / 1e9:.2f} B parameters, {cfg['num_layers']} layers, built in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)

    results = []
    gen = torch.Generator("cpu").manual_seed(0)
    for width, height in sizes:
        lat = (1, cfg["in_channels"], (frames - 1) // 4 + 1, height // 8, width // 8)
        x = torch.randn(lat, generator=gen).to(device, dtype)  # [1, 16, F_lat, H/8, W/8]
        cond = torch.randn(1, TEXT_TOKENS, cfg["text_dim"], generator=gen).to(device, dtype)
        uncond = torch.randn(1, TEXT_TOKENS, cfg["text_dim"], generator=gen).to(device, dtype)
        both = torch.cat([cond, uncond])
        t = torch.tensor([999], device=device)
        flops = step_flops(width, height, frames, cfg)
        row = {"width": width, "height": height, "frames": frames, "step_tflop": flops / 1e12}
        for variant in variants:
            uncompile_blocks(model)
            attention = {"engine+cudnn": "cudnn", "engine+flash": "flash", "engine+efficient": "efficient",
                         "engine+compile": "cudnn"}.get(variant)
            compile_blocks = variant.endswith("+compile")
            try:
                t_setup = time.perf_counter()
                apply_speedups(model, attention=attention, compile_blocks=compile_blocks)
                batch_cfg = variant.startswith("engine")
                step = lambda: guided_velocity(model, x, t, cond, uncond, 4.0, batch_cfg=batch_cfg, both=both)  # noqa: E731
                if device.startswith("cuda"):
                    torch.cuda.synchronize()
                    torch.cuda.empty_cache()
                    torch.cuda.reset_peak_memory_stats()
                with torch.no_grad():
                    times = timed(step, args.warmup, args.iters, device)
                s = sum(times) / len(times)
                mem = torch.cuda.max_memory_allocated() if device.startswith("cuda") else 0
                row[variant] = {"s_per_step": s, "min_s": min(times), "tflops": flops / s / 1e12,
                                "mfu": flops / s / 1e12 / peak, "peak_memory_bytes": mem,
                                "setup_and_warmup_s": time.perf_counter() - t_setup - sum(times)}
                print(f"{width}x{height}x{frames} {variant:>16}: {s:8.3f} s/step  {flops / s / 1e12:7.1f} TFLOP/s "
                      f"({100 * flops / s / 1e12 / peak:5.1f}% of matmul peak)  peak mem {mem / 2**30:6.1f} GiB",
                      flush=True)
            except Exception as exc:  # a backend not available on this GPU/torch: record and go on
                row[variant] = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:300]}"}
                print(f"{width}x{height}x{frames} {variant:>16}: FAILED {row[variant]['error']}", flush=True)
        if "stock" in row and "s_per_step" in row["stock"]:
            for variant in variants:
                if variant != "stock" and "s_per_step" in row.get(variant, {}):
                    row[variant]["speedup_vs_stock"] = row["stock"]["s_per_step"] / row[variant]["s_per_step"]
                    print(f"  {variant} / stock speed-up: {row[variant]['speedup_vs_stock']:.3f}×")
        results.append(row)
        del x, cond, uncond, both
    report = {"env": env, "matmul_peak_tflops": peak, "expert_params": params, "config": cfg,
              "warmup": args.warmup, "iters": args.iters, "results": results}
    line = json.dumps(report)
    print(line)
    out = args.json_out or (os.path.join(os.environ["OUT"], "engine_gpu.json") if os.environ.get("OUT") else None)
    if out:
        Path(out).write_text(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
