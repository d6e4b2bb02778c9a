"""Benchmark of post-processing (`make bench-media`).

Builds a native engine-like clip once (1280×720 at 16 fps, ffmpeg's moving ``testsrc2`` pattern plus
light temporal noise so the motion estimator has real work), then times each variant of
``generation.postprocess.pipeline`` end to end (encode + ffprobe verification + sha256):

  720p24-mci      delivery MP4, 16 → 24 fps by motion-compensated interpolation (the default)
  720p24-blend    the same with frame blending instead of motion compensation
  720p24-subs     default + burned-in subtitles (two cues)
  1080p24-lanczos delivery at 1920×1080 (lanczos upscaler)
  slowmo-0.5x     0.5× slow motion at 720p24 (twice as long)
  slowmo-0.25x    0.25× slow motion at 720p24 (four times as long)
  multiview-2x2   four views in a captioned 2×2 grid at 720p24
  poster+preview  poster JPEG and 3 s WebP preview from the delivered 720p file

Prints wall seconds of processing per second of delivered video (lower is better; 1.0 = real time),
and the CPU seconds (user + system) of the ffmpeg processes per delivered second, which moves less
when other work shares the machine; and the machine with its load average. Usage: ``python bench/media.py [--seconds 2] [--only NAME ...] [--json FILE]``.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generation.postprocess import pipeline  # noqa: E402
from generation.postprocess.binaries import ffmpeg_binary  # noqa: E402
from generation.postprocess.captions import Step  # noqa: E402

LABEL = "AI生成 · 基于姚建萍口述重构"


def make_source(path: Path, seconds: float, fps: int = 16, size: str = "1280x720") -> Path:
    frames = round(seconds * fps)
    cmd = [ffmpeg_binary(), "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size={size}:rate={fps}",
           "-vf", "noise=alls=6:allf=t", "-frames:v", str(frames), "-c:v", "libx264", "-preset", "veryfast",
           "-crf", "16", "-pix_fmt", "yuv420p", str(path)]
    subprocess.run(cmd, check=True)
    return path


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    version = subprocess.run([ffmpeg_binary(), "-version"], capture_output=True, text=True).stdout.split("\n")[0]
    return {"cpu": cpu, "cores": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()], "python": platform.python_version(), "ffmpeg": version,
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="length of the native clip (default 2 s)")
    parser.add_argument("--only", nargs="*", help="run only these variants")
    parser.add_argument("--json", help="also write the results to this JSON file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-media-") as work:
        work = Path(work)
        src = make_source(work / "native.mp4", args.seconds)
        views = [make_source(work / f"view{i}.mp4", args.seconds) for i in range(4)]
        steps = [Step("从外缘起针,针脚短而齐。"), Step("一批一批向内顺序排列,留出水路。")]
        delivered = work / "delivery-ref.mp4"
        variants = {
            "720p24-mci": lambda out: pipeline.deliver_file(src, out, label=LABEL),
            "720p24-blend": lambda out: pipeline.deliver_file(src, out, label=LABEL, interpolation="blend"),
            "720p24-subs": lambda out: pipeline.deliver_file(src, out, label=LABEL, vtt_steps=steps, burn_subtitles=True),
            "1080p24-lanczos": lambda out: pipeline.deliver_file(src, out, label=LABEL, deliver="1080p"),
            "slowmo-0.5x": lambda out: pipeline.deliver_file(src, out, label=LABEL, speed=0.5),
            "slowmo-0.25x": lambda out: pipeline.deliver_file(src, out, label=LABEL, speed=0.25),
            "multiview-2x2": lambda out: pipeline.compose_multiview(
                views, ["正面", "俯视", "侧面 45°", "特写"], out, label=LABEL),
            "poster+preview": lambda out: _poster_preview(delivered, out),
        }
        selected = args.only or list(variants)
        unknown = set(selected) - set(variants)
        if unknown:
            parser.error(f"unknown variants: {', '.join(sorted(unknown))}; known: {', '.join(variants)}")
        if "poster+preview" in selected:
            pipeline.deliver_file(src, delivered, label=LABEL, interpolation="dup")
        info = machine()
        print(f"# post-processing benchmark — {info['date']}")
        print(f"# {info['cpu']} ({info['cores']} cores), {info['ffmpeg']}")
        print(f"# load average at start (1/5/15 min): {info['load_average']} (other work on the machine slows every figure)")
        print(f"# native clip: 1280×720, 16 fps, {args.seconds:g} s; label drawn on every output")
        print(f"{'variant':<17}{'wall s':>9}{'video s':>9}{'s per s':>9}{'cpu s/s':>9}{'MB':>8}  size")
        results = []
        for name in selected:
            out = work / f"{name}.mp4"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            result = variants[name](out)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            # Poster + preview are measured per second of the delivered video they come from.
            video_s = result.duration_s if name != "poster+preview" else args.seconds
            row = {"variant": name, "wall_s": round(wall, 3), "video_s": round(video_s, 3),
                   "s_per_video_s": round(wall / video_s, 3), "cpu_s": round(cpu, 3),
                   "cpu_s_per_video_s": round(cpu / video_s, 3), "bytes": result.size_bytes,
                   "size": f"{result.width}x{result.height}", "fps": result.fps}
            results.append(row)
            print(f"{name:<17}{wall:>9.2f}{video_s:>9.2f}{wall / video_s:>9.2f}{cpu / video_s:>9.2f}{result.size_bytes / 1e6:>8.2f}  {row['size']}")
        if args.json:
            Path(args.json).write_text(json.dumps({"machine": info, "seconds": args.seconds, "results": results},
                                                  ensure_ascii=False, indent=2))


def _poster_preview(video: Path, out: Path):
    pipeline.make_poster(video, out.with_suffix(".jpg"))
    return pipeline.make_preview(video, out.with_suffix(".webp"))


if __name__ == "__main__":
    main()
