"""The S2V halves of `manage.py build_tiny_engine --s2v` and `manage.py generate_clip --s2v`.

Kept here (no Django imports: the commands pass themselves in and get CommandError-ready messages
back as EngineError) so the T2V command files only carry two delegating lines each.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

S2V_ONLY = ("image", "audio", "guidance", "max_clips", "max_audio_seconds", "pose")
T2V_ONLY = ("width", "height", "frames", "guidance_high", "guidance_low", "deliver", "fps", "label", "vtt",
            "burn_subtitles")


def add_generate_arguments(parser) -> None:
    group = parser.add_argument_group("S2V (portrait + speech → video)")
    group.add_argument("--s2v", action="store_true", help="语音驱动视频(Wan2.2-S2V):--model 为 S2V 检查点")
    group.add_argument("--image", default=None, help="S2V: 参考人像图片")
    group.add_argument("--audio", default=None, help="S2V: 语音录音(任意 ffmpeg 可读格式)")
    group.add_argument("--guidance", type=float, default=None, help="S2V: 无分类器引导强度(默认取预设)")
    group.add_argument("--max-clips", type=int, default=None, help="S2V: 最多生成的片段数(默认按音频长度)")
    group.add_argument("--max-audio-seconds", type=float, default=None, help="S2V: 音频最长秒数(默认取预设)")
    group.add_argument("--pose", default=None, help="S2V: 可选的姿态视频(如 DWPose 渲染),驱动动作")


def add_build_arguments(parser) -> None:
    parser.add_argument("--s2v", action="store_true", help="写出极小的 S2V 检查点(Wan2.2-S2V-14B 目录结构)")


def _sha256(path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def build_tiny(path: str, seed: int) -> dict:
    from .loading import inspect_s2v_dir
    from .tiny import build_tiny_s2v_checkpoint

    t0 = time.perf_counter()
    root = build_tiny_s2v_checkpoint(path, seed=seed)
    return {"path": str(root), "seed": seed, "layout": "s2v-14b",
            "bytes": sum(p.stat().st_size for p in Path(root).rglob("*") if p.is_file()),
            "checkpoint_id": inspect_s2v_dir(root).checkpoint_id, "seconds": round(time.perf_counter() - t0, 3)}


def generate(o: dict) -> tuple[dict, str]:
    """Run one S2V request from command options; returns (JSON info, human line). Raises EngineError."""
    from ..errors import InvalidRequest
    from ..video import write_mp4
    from .audio import mux_audio
    from .config import detect_s2v_preset, get_s2v_preset
    from .engine import S2VRequest, load_s2v_engine, read_pose_video, resolve_s2v
    from .loading import inspect_s2v_dir

    used_t2v = [k for k in T2V_ONLY if o.get(k) not in (None, False)]
    if used_t2v:
        raise InvalidRequest(f"--s2v does not take --{', --'.join(k.replace('_', '-') for k in used_t2v)}")
    missing = [k for k in ("image", "audio") if not o.get(k)]
    if missing:
        raise InvalidRequest(f"--s2v needs --{' and --'.join(missing)}")
    out = Path(o["out"])
    if not out.parent.is_dir():
        raise InvalidRequest(f"output folder {out.parent} does not exist")
    # Check the folder, the image, the audio (and the pose video) before loading any weights.
    folder = inspect_s2v_dir(o["model"])
    try:
        preset = get_s2v_preset(o["preset"] or detect_s2v_preset(folder.transformer_config))
    except KeyError as exc:
        raise InvalidRequest(str(exc.args[0])) from None
    pose = None
    if o.get("pose"):
        max_frames = preset.frames_per_clip * preset.clips_for(int(preset.max_audio_seconds * preset.fps))
        pose = read_pose_video(o["pose"], preset.fps, max_frames)
    request = S2VRequest(image=o["image"], audio=o["audio"], prompt=o["prompt"],
                         negative_prompt=o["negative"] or None, seed=o["seed"], num_steps=o["steps"],
                         guidance=o.get("guidance"), sampler=o["sampler"], max_clips=o.get("max_clips"),
                         pose_frames=pose)
    resolve_s2v(preset, request, max_audio_seconds=o.get("max_audio_seconds"))
    t0 = time.perf_counter()
    engine = load_s2v_engine(o["model"], preset=preset.name, device=o["device"], mode=o["mode"],
                             max_audio_seconds=o.get("max_audio_seconds"))
    load_seconds = time.perf_counter() - t0

    def progress(step, total, clip):
        sys.stderr.write(f"\rstep {step}/{total} ({clip})")
        if step == total:
            sys.stderr.write("\n")

    t0 = time.perf_counter()
    result = engine.generate(request, progress=None if o["json"] else progress)
    seconds = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        silent = os.path.join(tmp, "video.mp4")
        write_mp4(result.frames, result.fps, silent)
        mux_audio(silent, o["audio"], out, min(result.audio_seconds, result.num_frames / result.fps))  # --max-clips may cut
    info = {
        "sha256": _sha256(out), "path": str(out), "width": result.width, "height": result.height,
        "frames": result.num_frames, "fps": result.fps, "steps": result.num_steps,
        "expert_steps": {"s2v": result.num_steps * result.clips}, "seed": result.seed, "sampler": result.sampler,
        "seconds": round(seconds, 3), "load_seconds": round(load_seconds, 3),
        "timings": {k: round(v, 4) for k, v in result.timings.items()}, "device": result.device,
        "mode": result.mode, "mode_reason": result.mode_reason, "peak_memory_bytes": result.peak_memory_bytes,
        "peak_memory_kind": result.peak_memory_kind, "decode_tiled": False, "preset": result.preset,
        "checkpoint_id": result.checkpoint_id,
        "clips": result.clips, "clip_seeds": result.clip_seeds, "audio_seconds": round(result.audio_seconds, 4),
        "video_seconds": round(result.num_frames / result.fps, 4),
    }
    line = (f"wrote {out} ({result.width}×{result.height}, {result.num_frames} frames in {result.clips} clips, "
            f"{result.audio_seconds:.2f} s of audio muxed in, {seconds:.1f} s on {result.device}, "
            f"sha256 {info['sha256'][:12]})")
    return info, line


def dumps(info: dict) -> str:
    return json.dumps(info, ensure_ascii=False, sort_keys=True)
