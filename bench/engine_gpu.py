#!/usr/bin/env python
"""GPU benchmark of the engine's denoising step against stock diffusers, at the real A14B expert size.

Builds one Wan2.2-T2V-A14B expert (WanTransformer3DModel: dim 5120 = 40 heads × 128, 40 layers,
ffn 13824, patch 1×2×2, text 512 tokens × 4096) with random bf16 weights on the GPU, and times one
denoising step with classifier-free guidance at ONE size per call (--size, default 1280×720; 81 frames):

  stock             the transformer called as diffusers' WanPipeline calls it: two batch-1 forwards
                    (cond, uncond), default attention dispatch
  engine            generation.engine.engine.guided_velocity with batched CFG (one batch-2 forward)
  engine+cudnn      … with SDPA forced to cuDNN fused attention
  engine+flash      … with SDPA forced to FlashAttention-2
  engine+compile    … cuDNN attention + torch.compile on the 40 repeated blocks (regional)
  engine+fp8        … FP8 linear layers through torchao (fast mode fp8; on a copy of the expert)
  stock+compile     (optional) two batch-1 forwards with the same compilation, for attribution

Before any time is reported, every variant's guided velocity (float32) is checked against stock's on the
same inputs: relative L2 error ‖v − v_stock‖/‖v_stock‖ at most --tolerance (default 0.02; bf16 kernels
that sum in another order differ by ~0.3–1 %; FP8 gets --fp8-tolerance, default 0.1). A variant
outside it is printed as FAILED (with the error), not as a speed. The SDPA kernel each variant actually
ran is read from the PyTorch profiler (aten::_scaled_dot_product_{cudnn,flash,efficient}_attention or
the math fallback), so "stock" and "engine+cudnn" tying because the default dispatch already picks
cuDNN shows up as the same kernel. The header prints PyTorch, CUDA, cuDNN and diffusers versions.

Prints seconds per step, effective TFLOP/s (FLOP formula in docs/PERFORMANCE.md, `step_flops` below),
peak memory, the ratio to stock, and the bf16 matmul peak measured in the same run; ends with one JSON
line (also written to --json-out or $OUT/engine_gpu.json). A step is the transformer work only (the
scheduler update is negligible); timings are the mean of --iters steps after --warmup steps (the first
warm-up step is the profiled, checked one), with CUDA events.

Usage (one H100/H200; one size per call, each under 8 minutes; bench/README.md lists the calls):
  python bench/engine_gpu.py --size 1280x720 --variants stock,engine,engine+cudnn,engine+flash
  python bench/engine_gpu.py --size 832x480 --variants stock,engine,engine+cudnn,engine+compile,engine+fp8
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
            "engine+fp8", "stock+compile")
SDPA_KERNELS = {  # profiler op name (prefix) → kernel
    "aten::_scaled_dot_product_cudnn_attention": "cudnn",
    "aten::_scaled_dot_product_flash_attention_for_cpu": "flash(cpu)",
    "aten::_scaled_dot_product_flash_attention": "flash",
    "aten::_scaled_dot_product_efficient_attention": "efficient",
    "aten::_scaled_dot_product_attention_math": "math",
    "aten::_flash_attention_forward": "flash",
    "aten::_efficient_attention_forward": "efficient",
    "aten::_cudnn_attention_forward": "cudnn",
}


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


def versions() -> dict:
    import diffusers

    cudnn = torch.backends.cudnn.version() if torch.backends.cudnn.is_available() else None
    return {"torch": torch.__version__, "cuda": torch.version.cuda, "cudnn": cudnn,
            "diffusers": diffusers.__version__, "python": platform.python_version()}


def sdpa_kernels(fn) -> tuple[object, list[str]]:
    """Run fn once under the profiler (CPU op records only: cheap); (its result, SDPA kernels seen)."""
    from torch.profiler import ProfilerActivity, profile

    with profile(activities=[ProfilerActivity.CPU]) as prof:
        out = fn()
    seen = set()
    for event in prof.key_averages():
        for name, kernel in SDPA_KERNELS.items():
            if event.key == name:
                seen.add(kernel)
    return out, sorted(seen)


def compare(out: torch.Tensor, ref: torch.Tensor) -> dict:
    """Relative L2 error and max abs difference of a variant's velocity against stock's (float32)."""
    a, b = out.float(), ref.float()
    return {"rel_l2": float((a - b).norm() / b.norm().clamp_min(1e-30)), "max_abs": float((a - b).abs().max())}


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must be WIDTHxHEIGHT, got {text!r}") from None
    if w <= 0 or h <= 0 or w % 16 or h % 16:
        raise argparse.ArgumentTypeError(f"width and height must be positive multiples of 16, got {text!r}")
    return w, h


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


def make_variant_model(base, variant: str, cfg: dict, device: str, dtype: torch.dtype):
    """The model a variant runs: the shared expert, or for engine+fp8 a quantised copy (torchao, lazily)."""
    if variant != "engine+fp8":
        return base
    if not device.startswith("cuda"):
        raise RuntimeError("engine+fp8 needs a CUDA GPU with FP8 support")
    from torchao.quantization import Float8DynamicActivationFloat8WeightConfig, PerRow, quantize_

    model = build_expert(cfg, device, dtype)
    model.load_state_dict(base.state_dict())
    quantize_(model, Float8DynamicActivationFloat8WeightConfig(granularity=PerRow()))
    return model


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=parse_size, default=(1280, 720), help="WIDTHxHEIGHT, one per call")
    ap.add_argument("--frames", type=int, default=81)
    ap.add_argument("--layers", type=int, default=None, help="fewer layers (FLOPs scale with it); default 40")
    ap.add_argument("--variants", default="stock,engine,engine+cudnn,engine+flash")
    ap.add_argument("--warmup", type=int, default=1, help="warm-up steps (at least 1: the checked, profiled one)")
    ap.add_argument("--iters", type=int, default=2)
    ap.add_argument("--tolerance", type=float, default=0.02, help="max relative L2 error against stock")
    ap.add_argument("--fp8-tolerance", type=float, default=0.1, help="the same for engine+fp8")
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--tiny", action="store_true", help="tiny model and size: checks the script, not the GPU")
    ap.add_argument("--json-out", default=None)
    args = ap.parse_args(argv)

    device = args.device
    if device.startswith("cuda") and not torch.cuda.is_available():
        print("engine_gpu bench: no CUDA device here, nothing measured. Run it on a GPU machine "
              "(bench/README.md says which calls), or `--tiny --device cpu` to smoke-test the script.")
        return 0
    if args.frames < 1 or (args.frames - 1) % 4:
        ap.error(f"--frames must be 4k+1, got {args.frames}")
    cfg = dict(A14B_TRANSFORMER)
    (width, height), frames = args.size, args.frames
    if args.tiny:
        cfg.update(num_attention_heads=2, attention_head_dim=32, ffn_dim=128, num_layers=2, text_dim=32)
        (width, height), frames = (64, 48), 9
    if args.layers:
        cfg["num_layers"] = args.layers
    variants = [v for v in args.variants.split(",") if v]
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        ap.error(f"unknown variants {sorted(unknown)}; choose from {', '.join(VARIANTS)}")
    if "stock" not in variants:
        variants.insert(0, "stock")  # the reference every other variant is checked against
    variants = ["stock"] + [v for v in variants if v != "stock"]
    warmup = max(1, args.warmup)
    dtype = torch.bfloat16 if device.startswith("cuda") else torch.float32

    env = dict(versions(), device=torch.cuda.get_device_name() if device.startswith("cuda")
               else platform.processor() or "cpu", date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    print(f"# engine_gpu bench: {env}", flush=True)
    peak = matmul_peak(device) if not args.tiny else matmul_peak(device, n=256, iters=3)
    print(f"bf16 matmul peak (8192³, random data): {peak:.1f} TFLOP/s", flush=True)

    t0 = time.perf_counter()
    base = build_expert(cfg, device, dtype)
    params = sum(p.numel() for p in base.parameters())
    print(f"expert: {params / 1e9:.2f} B parameters, {cfg['num_layers']} layers, built in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)

    gen = torch.Generator("cpu").manual_seed(0)
    lat = (1, cfg["in_channels"], (frames - 1) // 4 + 1, height // 8, width // 8)
    x = torch.randn(lat, generator=gen).to(device, dtype)  # [1, 16, F_lat, H/8, W/8]
    cond = torch.randn(1, TEXT_TOKENS, cfg["text_dim"], generator=gen).to(device, dtype)
    uncond = torch.randn(1, TEXT_TOKENS, cfg["text_dim"], generator=gen).to(device, dtype)
    both = torch.cat([cond, uncond])
    t = torch.tensor([999], device=device)
    flops = step_flops(width, height, frames, cfg)
    row = {"width": width, "height": height, "frames": frames, "step_tflop": flops / 1e12,
           "tolerance_rel_l2": args.tolerance, "fp8_tolerance_rel_l2": args.fp8_tolerance}
    reference = None
    for variant in variants:
        uncompile_blocks(base)
        attention = {"engine+cudnn": "cudnn", "engine+flash": "flash", "engine+efficient": "efficient",
                     "engine+compile": "cudnn"}.get(variant)
        compile_blocks = variant.endswith("+compile")
        model = None
        try:
            t_setup = time.perf_counter()
            model = make_variant_model(base, variant, cfg, device, dtype)
            apply_speedups(model, attention=attention, compile_blocks=compile_blocks)
            batch_cfg = variant.startswith("engine")
            step = lambda: guided_velocity(model, x, t, cond, uncond, 4.0, batch_cfg=batch_cfg, both=both)  # noqa: E731
            if device.startswith("cuda"):
                torch.cuda.synchronize()
                torch.cuda.empty_cache()
                torch.cuda.reset_peak_memory_stats()
            with torch.no_grad():
                out, kernels = sdpa_kernels(step)  # first warm-up step: profiled and checked
                if device.startswith("cuda"):
                    torch.cuda.synchronize()
                if variant == "stock":
                    reference = out.detach().clone()
                    check = {"rel_l2": 0.0, "max_abs": 0.0}
                else:
                    check = compare(out, reference)
                del out
                limit = args.fp8_tolerance if variant == "engine+fp8" else args.tolerance
                if not check["rel_l2"] <= limit:  # NaN fails too
                    row[variant] = {"error": f"output differs from stock: relative L2 {check['rel_l2']:.3g} > "
                                             f"{limit} (max abs {check['max_abs']:.3g})",
                                    "check": check, "sdpa": kernels, "failed": "numerics"}
                    print(f"{width}x{height}x{frames} {variant:>16}: FAILED {row[variant]['error']} "
                          f"[sdpa {','.join(kernels) or '?'}]", flush=True)
                    continue
                times = timed(step, warmup - 1, args.iters, device)
            s_step = sum(times) / len(times)
            mem = torch.cuda.max_memory_allocated() if device.startswith("cuda") else 0
            row[variant] = {"s_per_step": s_step, "min_s": min(times), "tflops": flops / s_step / 1e12,
                            "mfu": flops / s_step / 1e12 / peak, "peak_memory_bytes": mem, "sdpa": kernels,
                            "check": check, "setup_and_warmup_s": time.perf_counter() - t_setup - sum(times)}
            print(f"{width}x{height}x{frames} {variant:>16}: {s_step:8.3f} s/step  {flops / s_step / 1e12:7.1f} TFLOP/s "
                  f"({100 * flops / s_step / 1e12 / peak:5.1f}% of matmul peak)  peak mem {mem / 2**30:6.1f} GiB  "
                  f"sdpa {','.join(kernels) or '?'}  vs stock rel L2 {check['rel_l2']:.2e} max {check['max_abs']:.2e}",
                  flush=True)
        except Exception as exc:  # a backend not available on this GPU/torch: record and go on
            row[variant] = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}",
                            "failed": "error"}
            print(f"{width}x{height}x{frames} {variant:>16}: FAILED {row[variant]['error']}", flush=True)
            if variant == "stock":
                break  # nothing to check the others against
        finally:
            if model is not None and model is not base:
                del model
    if "s_per_step" in row.get("stock", {}):
        for variant in variants:
            if variant != "stock" and "s_per_step" in row.get(variant, {}):
                row[variant]["speedup_vs_stock"] = row["stock"]["s_per_step"] / row[variant]["s_per_step"]
                print(f"  {variant} / stock speed-up: {row[variant]['speedup_vs_stock']:.3f}× (numerics checked)")
    report = {"env": env, "matmul_peak_tflops": peak, "expert_params": params, "config": cfg,
              "warmup": warmup, "iters": args.iters, "results": [row]}
    line = json.dumps(report)
    print(line)
    out_path = args.json_out or (os.path.join(os.environ["OUT"], f"engine_gpu_{width}x{height}.json")
                                 if os.environ.get("OUT") else None)
    if out_path:
        Path(out_path).write_text(line + "\n")
    return 1 if any(r.get("failed") == "numerics" for r in row.values() if isinstance(r, dict)) else 0


if __name__ == "__main__":
    raise SystemExit(main())
