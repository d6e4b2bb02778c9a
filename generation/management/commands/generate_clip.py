"""python manage.py generate_clip --model PATH --prompt TEXT [--negative TEXT] --seed N --width W --height H
--frames F --steps S [--mode resident|swap|offload] --out FILE.mp4 --json
[--deliver 720p|1080p] [--fps N] [--label TEXT] [--vtt FILE] [--burn-subtitles]

Runs the engine once and writes an MP4 (imageio-ffmpeg's ffmpeg, libx264 yuv420p).

Engine options: --fast MODE[,MODE] (first_block_cache, taylorseer_cache, fp8, lora_preview; with
--lora DIR for the preview), --precision bf16|fp32, --save-frames FILE.npy (the uint8 frames, for checks).
One clip over several processes/GPUs (Ulysses context parallelism, generation/engine/parallel.py):

    python -m torch.distributed.run --nproc_per_node 2 manage.py generate_clip --model M --prompt P \
        --out clip.mp4 --context-parallel 2 --json

(NCCL with one GPU per process; gloo on CPU). Every process runs the loop; only rank 0 writes and prints.

With --deliver (or any of --fps/--label/--vtt) the frames also go through post-processing
(generation.postprocess.pipeline.deliver_file): --out becomes the delivery MP4 (1280×720 or 1920×1080,
motion-interpolated to --fps, default 24, with the visible AI label, default 「AI生成」, and the same
facts in its metadata); the native-fps clip is kept beside it as <name>.native.mp4; --vtt writes a
WebVTT sidecar whose cues are the prompt's sentences. Options, paths, font and label width are
checked before any weights are loaded.
"""

import json
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from heritage.hashing import sha256_file


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
        # Engine options (fast modes, precision, context parallelism).
        parser.add_argument("--fast", default="", help="comma-separated fast modes: first_block_cache, "
                            "taylorseer_cache, fp8, lora_preview")
        parser.add_argument("--lora", default=None, help="LoRA folder for --fast lora_preview")
        parser.add_argument("--precision", choices=["bf16", "fp32"], default=None,
                            help="expert/text-encoder precision (default: bf16 on GPU, fp32 on CPU)")
        parser.add_argument("--context-parallel", type=int, default=1,
                            help="split each clip over N processes started by torchrun (one GPU each)")
        parser.add_argument("--save-frames", default=None, help="also save the uint8 frames as .npy (checks)")
        # Post-processing (generation.postprocess).
        parser.add_argument("--deliver", choices=["720p", "1080p"], default=None,
                            help="交付 MP4 规格;--out 为交付文件,原生帧率视频另存为 <名>.native.mp4")
        parser.add_argument("--fps", type=int, default=None, help="交付帧率,运动插帧,时长不变(默认 24)")
        parser.add_argument("--label", default=None, help="可见 AI 标识(默认「AI生成」),如「AI生成 · 基于某某口述重构」")
        parser.add_argument("--vtt", default=None, help="写出 WebVTT 字幕文件(按提示词的句子分条)")
        parser.add_argument("--burn-subtitles", action="store_true", help="把字幕烧进画面")
        from generation.engine.s2v.cli import add_generate_arguments  # S2V options: generation/engine/s2v/cli.py

        add_generate_arguments(parser)

    def handle(self, *args, **o):
        if o.get("s2v"):
            return self._handle_s2v(o)
        from generation.engine import (
            PRESETS,
            EngineError,
            GenerationRequest,
            InvalidRequest,
            load_engine,
            resolve_request,
            write_mp4,
        )
        from generation.engine.engine import preset_for
        from generation.engine.loading import inspect_model_dir

        request = GenerationRequest(
            prompt=o["prompt"], negative_prompt=o["negative"], seed=o["seed"], width=o["width"],
            height=o["height"], num_frames=o["frames"], num_steps=o["steps"], guidance_high=o["guidance_high"],
            guidance_low=o["guidance_low"], sampler=o["sampler"], mode=None,
            fast=tuple(m.strip() for m in o["fast"].split(",") if m.strip()), lora_dir=o["lora"],
        )
        dist = None
        if o["context_parallel"] > 1:
            from generation.engine.parallel import init_distributed

            try:
                dist = init_distributed(o["device"])
            except EngineError as exc:
                raise CommandError(str(exc)) from exc
            o["device"] = dist.device
        lead = dist is None or dist.rank == 0  # only rank 0 writes files and prints
        out = Path(o["out"])
        deliver = o["deliver"] or ("720p" if (o["fps"] or o["label"] is not None or o["vtt"]) else None)
        native_out = out.with_name(f"{out.stem}.native{out.suffix or '.mp4'}") if deliver else out
        if deliver:
            from generation.postprocess.errors import PostprocessError
            from generation.postprocess.pipeline import check_delivery_options

            try:
                check_delivery_options(out, deliver=deliver, fps=o["fps"] or 24, label=o["label"],
                                       vtt_path=o["vtt"], burn_subtitles=o["burn_subtitles"])
            except PostprocessError as exc:
                raise CommandError(exc.reason) from exc
        try:
            if not out.parent.is_dir():
                raise InvalidRequest(f"output folder {out.parent} does not exist")
            # Check the folder and the request before loading any weights.
            folder = inspect_model_dir(o["model"])
            preset_name = preset_for(folder, o["preset"]).name  # refuses folders it does not run
            resolve_request(PRESETS[preset_name], request, temporal_scale=folder.temporal_scale,
                            spatial_multiple=folder.spatial_multiple)
            t0 = time.perf_counter()
            engine = load_engine(o["model"], preset=preset_name, device=o["device"], mode=o["mode"],
                                 precision=o["precision"], context_parallel=o["context_parallel"])
            load_seconds = time.perf_counter() - t0
            t0 = time.perf_counter()
            if not o["json"] and lead:
                def progress(step, total, expert):
                    sys.stderr.write(f"\rstep {step}/{total} ({expert}-noise expert)")
                    if step == total:
                        sys.stderr.write("\n")
            else:
                progress = None
            result = engine.generate(request, progress=progress)
            seconds = time.perf_counter() - t0
            if not lead:
                return
            write_mp4(result.frames, result.fps, native_out)
            if o["save_frames"]:
                import numpy as np

                np.save(o["save_frames"], result.frames)
        except EngineError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            if dist is not None:
                from generation.engine.parallel import shutdown_distributed

                engine = None  # the engine holds the groups: drop it before leaving them
                shutdown_distributed()
        delivery = None
        if deliver:
            delivery = self._deliver(result, out, deliver=deliver, o=o)
        info = {
            "sha256": sha256_file(out),
            "path": str(out),
            "width": result.width, "height": result.height, "frames": result.num_frames, "fps": result.fps,
            "steps": result.num_steps, "expert_steps": result.expert_steps, "seed": result.seed,
            "sampler": result.sampler, "seconds": round(seconds, 3), "load_seconds": round(load_seconds, 3),
            "timings": {k: round(v, 4) for k, v in result.timings.items()},
            "device": result.device, "mode": result.mode, "mode_reason": result.mode_reason,
            "peak_memory_bytes": result.peak_memory_bytes, "peak_memory_kind": result.peak_memory_kind,
            "decode_tiled": result.decode_tiled, "preset": result.preset, "checkpoint_id": result.checkpoint_id,
            "fast": result.fast, "context_parallel": o["context_parallel"],
        }
        if delivery is not None:
            info["native"] = {"path": str(native_out), "sha256": sha256_file(native_out)}
            info["delivery"] = delivery
        if o["json"]:
            self.stdout.write(json.dumps(info, ensure_ascii=False, sort_keys=True))
        else:
            self.stdout.write(f"wrote {native_out} ({result.width}×{result.height}, {result.num_frames} frames, "
                              f"{seconds:.1f} s on {result.device}, mode {result.mode}, "
                              f"sha256 {(info.get('native') or info)['sha256'][:12]})")
        if delivery is not None and not o["json"]:
            self.stdout.write(f"delivered {out} ({delivery['width']}×{delivery['height']}, {delivery['fps']:g} fps, "
                              f"{delivery['duration_s']:.2f} s, label 「{delivery['label']}」, "
                              f"{delivery['seconds']:.1f} s post-processing)"
                              + (f"; subtitles {delivery['vtt']}" if delivery.get("vtt") else ""))

    def _deliver(self, result, out: Path, *, deliver: str, o: dict) -> dict:
        """Post-process the engine's frames into the delivery MP4 (and the WebVTT sidecar)."""
        import re

        from generation.postprocess.errors import PostprocessError
        from generation.postprocess.pipeline import deliver_file

        sentences = [t.strip() for t in re.split(r"(?<=[。;;!?!?])|\n", o["prompt"]) if t and t.strip()]
        t0 = time.perf_counter()
        try:
            made = deliver_file(
                result.frames, out, deliver=deliver, fps=o["fps"] or 24, label=o["label"], native_fps=result.fps,
                vtt_path=o["vtt"], vtt_steps=sentences if (o["vtt"] or o["burn_subtitles"]) else None,
                burn_subtitles=o["burn_subtitles"],
            )
        except PostprocessError as exc:
            raise CommandError(exc.reason) from exc
        vtt = made.extra.get("vtt")
        return {
            "path": str(made.path), "sha256": made.sha256, "size_bytes": made.size_bytes, "width": made.width,
            "height": made.height, "fps": made.fps, "duration_s": made.duration_s, "frames": made.nb_frames,
            "codec": made.codec, "label": made.extra["label"], "vtt": str(vtt.path) if vtt else None,
            "seconds": round(time.perf_counter() - t0, 3),
        }

    def _handle_s2v(self, o: dict) -> None:
        """--s2v: portrait + speech → video with the original audio muxed in (generation/engine/s2v/cli.py)."""
        from generation.engine.errors import EngineError
        from generation.engine.s2v.cli import dumps, generate

        try:
            info, line = generate(o)
        except EngineError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(dumps(info) if o["json"] else line)
