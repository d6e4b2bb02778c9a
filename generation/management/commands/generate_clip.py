"""python manage.py generate_clip --model PATH --prompt TEXT [--negative TEXT] --seed N --width W --height H
--frames F --steps S [--mode resident|swap|offload] --out FILE.mp4 --json

Runs the engine once and writes an MP4 (imageio-ffmpeg's ffmpeg, libx264 yuv420p).
"""

import hashlib
import json
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "用引擎生成一段视频并写成 MP4（极小检查点生成的视频是噪声）"

    def add_arguments(self, parser):
        parser.add_argument("--model", required=True, help="checkpoint folder (Wan2.2-T2V-A14B-Diffusers layout)")
        parser.add_argument("--prompt", required=True)
        parser.add_argument("--negative", default="", help="negative prompt")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--width", type=int, default=None)
        parser.add_argument("--height", type=int, default=None)
        parser.add_argument("--frames", type=int, default=None, help="4k+1 frames")
        parser.add_argument("--steps", type=int, default=None)
        parser.add_argument("--guidance-high", type=float, default=None)
        parser.add_argument("--guidance-low", type=float, default=None)
        parser.add_argument("--sampler", choices=["unipc", "euler"], default="unipc")
        parser.add_argument("--mode", choices=["auto", "resident", "swap", "offload"], default="auto")
        parser.add_argument("--preset", default=None, help="preset name (default: detected from the checkpoint)")
        parser.add_argument("--device", default=None, help="cuda, cuda:1, cpu (default: cuda if available)")
        parser.add_argument("--out", required=True, help="output .mp4 file")
        parser.add_argument("--json", action="store_true", help="print one JSON line")

    def handle(self, *args, **o):
        from generation.engine import (
            PRESETS, EngineError, GenerationRequest, InvalidRequest, load_engine, resolve_request, write_mp4,
        )
        from generation.engine.config import detect_preset
        from generation.engine.loading import inspect_model_dir

        request = GenerationRequest(
            prompt=o["prompt"], negative_prompt=o["negative"], seed=o["seed"], width=o["width"],
            height=o["height"], num_frames=o["frames"], num_steps=o["steps"], guidance_high=o["guidance_high"],
            guidance_low=o["guidance_low"], sampler=o["sampler"], mode=None,
        )
        out = Path(o["out"])
        try:
            if not out.parent.is_dir():
                raise InvalidRequest(f"output folder {out.parent} does not exist")
            # Check the folder and the request before loading any weights.
            folder = inspect_model_dir(o["model"])
            preset_name = o["preset"] or detect_preset(folder.transformer_config)
            if preset_name not in PRESETS:
                raise InvalidRequest(f"unknown preset {preset_name!r}; known: {', '.join(sorted(PRESETS))}")
            resolve_request(PRESETS[preset_name], request, temporal_scale=folder.temporal_scale,
                            spatial_multiple=folder.spatial_multiple)
            t0 = time.perf_counter()
            engine = load_engine(o["model"], preset=preset_name, device=o["device"], mode=o["mode"])
            load_seconds = time.perf_counter() - t0
            t0 = time.perf_counter()
            if not o["json"]:
                def progress(step, total, expert):
                    sys.stderr.write(f"\rstep {step}/{total} ({expert}-noise expert)")
                    if step == total:
                        sys.stderr.write("\n")
            else:
                progress = None
            result = engine.generate(request, progress=progress)
            seconds = time.perf_counter() - t0
            write_mp4(result.frames, result.fps, out)
        except EngineError as exc:
            raise CommandError(str(exc)) from exc
        info = {
            "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
            "path": str(out),
            "width": result.width, "height": result.height, "frames": result.num_frames, "fps": result.fps,
            "steps": result.num_steps, "expert_steps": result.expert_steps, "seed": result.seed,
            "sampler": result.sampler, "seconds": round(seconds, 3), "load_seconds": round(load_seconds, 3),
            "timings": {k: round(v, 4) for k, v in result.timings.items()},
            "device": result.device, "mode": result.mode, "mode_reason": result.mode_reason,
            "peak_memory_bytes": result.peak_memory_bytes, "peak_memory_kind": result.peak_memory_kind,
            "decode_tiled": result.decode_tiled, "preset": result.preset, "checkpoint_id": result.checkpoint_id,
        }
        if o["json"]:
            self.stdout.write(json.dumps(info, ensure_ascii=False, sort_keys=True))
        else:
            self.stdout.write(f"wrote {out} ({result.width}×{result.height}, {result.num_frames} frames, "
                              f"{seconds:.1f} s on {result.device}, mode {result.mode}, sha256 {info['sha256'][:12]})")
