#!/usr/bin/env python
"""GPU benchmark of one S2V denoising step at the real Wan2.2-S2V-14B size with random bf16 weights.

Builds generation.engine.s2v.model.WanS2VTransformer3DModel with the official 14B configuration
(dim 5120 = 40 heads × 128, 40 layers, ffn 13824, 12 audio-injection layers, FramePack motion memory)
directly on the GPU in bf16 with random weights, and times one guided step as the engine runs it
(two forwards: prompt + audio, then negative prompt + zeroed audio; `--batch-cfg`: one batch-2
forward, as the engine runs on a GPU) for a clip that carries motion
memory (every clip after the first; the first clip has no motion tokens and is ~7% cheaper).

Size: the video size comes from the reference image and --max-area (default 1024×704, the S2V
README's), 80 frames per clip (20 latent frames). Prints s/step, TFLOP/s (FLOPs from `step_flops`,
written down in docs/PERFORMANCE.md next to the T2V count) and peak memory; one JSON line at the end.

  python bench/s2v_gpu.py                       # 1024×704, 80 frames per clip, attention as diffusers picks
  python bench/s2v_gpu.py --attention cudnn     # SDPA forced to cuDNN fused attention (generation/engine/speed.py)
  python bench/s2v_gpu.py --tiny --device cpu   # smoke test of the script (numbers meaningless)
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from generation.engine.s2v.config import S2V_14B_TRANSFORMER  # noqa: E402

TEXT_TOKENS = 512
AUDIO_LAYERS = 25  # wav2vec2-large hidden states (embedding output + 24 layers)


def token_counts(width: int, height: int, frames: int, motion: bool = True) -> dict[str, int]:
    h, w = height // 16, width // 16  # VAE 8× then patch 2×2
    n = frames // 4 * h * w
    ref = h * w
    mot = (h * w + (h // 2) * (w // 2) + 4 * (h // 4) * (w // 4)) if motion else 0  # FramePack 1×, 2×, 4×
    return {"noisy": n, "reference": ref, "motion": mot, "total": n + ref + mot, "latent_frames": frames // 4}


def step_flops(width: int, height: int, frames: int, cfg: dict, *, motion: bool = True, batch: int = 2) -> float:
    """Matmul FLOPs of one guided S2V step (batch 2: cond + uncond), multiply-add = 2.

    S = noisy + reference + motion tokens, N = noisy tokens, F latent frames, A = 5 audio tokens per
    latent frame, L = 512 text tokens, d = 5120, f = 13824; per block:
      self-attention 8·S·d² + 4·S²·d; cross-attention 4·S·d² + 4·L·d² + 4·S·L·d; FFN 4·S·d·f
    per audio-injection layer (12): q, o 4·N·d²; k, v 4·F·A·d²; scores and P·V 4·N·A·d
    Embeddings, the audio encoder's convolutions, norms, modulation and RoPE are left out (<0.5%).
    """
    t = token_counts(width, height, frames, motion)
    s, n, F = t["total"], t["noisy"], t["latent_frames"]
    d, f, L, A = cfg["dim"], cfg["ffn_dim"], TEXT_TOKENS, cfg.get("num_audio_token", 4) + 1
    block = 8 * s * d * d + 4 * s * s * d + 4 * s * d * d + 4 * L * d * d + 4 * s * L * d + 4 * s * d * f
    inject = 4 * n * d * d + 4 * F * A * d * d + 4 * n * A * d
    return float(batch * (cfg["num_layers"] * block + len(cfg["audio_inject_layers"]) * inject))


def build(cfg: dict, device: str, dtype: torch.dtype):
    from generation.engine.s2v.model import WanS2VTransformer3DModel

    torch.manual_seed(0)
    with torch.device("meta"):
        model = WanS2VTransformer3DModel(**cfg)
    model = model.to_empty(device=device).to(dtype)
    with torch.no_grad():
        for p in model.parameters():
            p.normal_(0, 0.02)
    return model.eval().requires_grad_(False)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-area", type=int, default=1024 * 704)
    ap.add_argument("--width", type=int, default=1024)
    ap.add_argument("--height", type=int, default=704)
    ap.add_argument("--frames", type=int, default=80, help="frames per clip (multiple of 4)")
    ap.add_argument("--attention", default=None, choices=[None, "native", "cudnn", "flash", "efficient"])
    ap.add_argument("--first-clip", action="store_true", help="time the first clip (no motion tokens)")
    ap.add_argument("--batch-cfg", action="store_true", help="both CFG branches in one batch-2 forward (engine on GPU)")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--iters", type=int, default=2)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--json-out", default=None)
    args = ap.parse_args(argv)
    device = args.device
    if device.startswith("cuda") and not torch.cuda.is_available():
        print("s2v_gpu bench: no CUDA device here, nothing measured; `--tiny --device cpu` smoke-tests the script.")
        return 0
    cfg = dict(S2V_14B_TRANSFORMER)
    width, height, frames = args.width, args.height, args.frames
    if args.tiny:
        cfg.update(dim=64, num_heads=2, ffn_dim=128, num_layers=2, text_dim=32, audio_dim=16,
                   audio_inject_layers=[0, 1], text_len=16)
        width, height, frames = 128, 64, 16
    if width * height > args.max_area and not args.tiny:
        ap.error(f"{width}×{height} exceeds --max-area {args.max_area}")
    dtype = torch.bfloat16 if device.startswith("cuda") else torch.float32
    env = {"torch": torch.__version__, "python": platform.python_version(),
           "device": torch.cuda.get_device_name() if device.startswith("cuda") else platform.processor() or "cpu",
           "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    print(f"# s2v_gpu bench: {env}", flush=True)
    t0 = time.perf_counter()
    model = build(cfg, device, dtype)
    params = sum(p.numel() for p in model.parameters())
    print(f"S2V transformer: {params / 1e9:.2f} B parameters, built in {time.perf_counter() - t0:.1f} s", flush=True)
    if args.attention:
        from generation.engine.speed import ATTENTION_BACKENDS

        import generation.engine.s2v.model as m

        backend = ATTENTION_BACKENDS[args.attention]
        real = m.dispatch_attention_fn
        m.dispatch_attention_fn = lambda q, k, v, **kw: real(q, k, v, backend=backend, **kw)

    g = torch.Generator("cpu").manual_seed(0)
    lat_f, lh, lw = frames // 4, height // 8, width // 8
    x = torch.randn(1, 16, lat_f, lh, lw, generator=g).to(device, dtype)
    ref = torch.randn(1, 16, 1, lh, lw, generator=g).to(device, dtype)
    mot = torch.randn(1, 16, (cfg["motion_frames"] + 3) // 4, lh, lw, generator=g).to(device, dtype)
    audio = torch.randn(1, AUDIO_LAYERS, cfg["audio_dim"], frames, generator=g).to(device, dtype)
    text = torch.randn(1, cfg["text_len"], cfg["text_dim"], generator=g).to(device, dtype)
    neg = torch.randn(1, cfg["text_len"], cfg["text_dim"], generator=g).to(device, dtype)
    t = torch.tensor([999.0], device=device)
    drop = args.first_clip

    def step():
        kw = dict(ref_latents=ref, motion_latents=mot, drop_motion_frames=drop)
        if args.batch_cfg:  # as the engine on GPU: one batch-2 forward
            c, u = model(torch.cat([x, x]), t.expand(2), torch.cat([text, neg]),
                         audio_input=torch.cat([audio, audio * 0]), ref_latents=torch.cat([ref, ref]),
                         motion_latents=torch.cat([mot, mot]), drop_motion_frames=drop).chunk(2)
        else:  # as the official code: two batch-1 forwards
            c = model(x, t, text, audio_input=audio, **kw)
            u = model(x, t, neg, audio_input=audio * 0, **kw)
        return u + 4.5 * (c - u)

    flops = step_flops(width, height, frames, cfg, motion=not drop)
    if device.startswith("cuda"):
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    times = []
    with torch.no_grad():
        for i in range(args.warmup + args.iters):
            if device.startswith("cuda"):
                torch.cuda.synchronize()
            t1 = time.perf_counter()
            step()
            if device.startswith("cuda"):
                torch.cuda.synchronize()
            if i >= args.warmup:
                times.append(time.perf_counter() - t1)
    s = sum(times) / len(times)
    mem = torch.cuda.max_memory_allocated() if device.startswith("cuda") else 0
    tokens = token_counts(width, height, frames, not drop)
    row = {"width": width, "height": height, "frames_per_clip": frames, "tokens": tokens,
           "step_tflop": flops / 1e12, "s_per_step": s, "tflops": flops / s / 1e12, "peak_memory_bytes": mem,
           "params": params, "attention": args.attention or "native", "first_clip": drop, "batch_cfg": args.batch_cfg,
           "env": env}
    print(f"{width}x{height} ×{frames} frames/clip, {tokens['total']} tokens: {s:.3f} s/step, "
          f"{flops / s / 1e12:.1f} TFLOP/s ({flops / 1e12:.2f} TFLOP/step), peak mem {mem / 2**30:.1f} GiB", flush=True)
    print(json.dumps(row, sort_keys=True))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(row, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
