"""Writing frames to MP4 with imageio-ffmpeg's own ffmpeg binary (libx264, yuv420p).

Deterministic: identical frames give a byte-identical file on the same ffmpeg build (fixed thread
count, bitexact muxing and no creation time).
"""

from __future__ import annotations

import os
import subprocess

import numpy as np


def write_mp4(frames: np.ndarray, fps: int, path: str | os.PathLike, *, crf: int = 18) -> None:
    """frames: uint8 [F, H, W, 3] (H and W even)."""
    import imageio_ffmpeg

    frames = np.ascontiguousarray(frames)
    if frames.dtype != np.uint8 or frames.ndim != 4 or frames.shape[-1] != 3:
        raise ValueError(f"frames must be uint8 [F, H, W, 3], got {frames.dtype} {frames.shape}")
    n, h, w, _ = frames.shape
    if n == 0 or h % 2 or w % 2:
        raise ValueError(f"need at least one frame with even width and height, got {frames.shape}")
    cmd = [
        imageio_ffmpeg.get_ffmpeg_exe(), "-y", "-loglevel", "error",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-r", str(int(fps)), "-i", "-",
        "-an", "-c:v", "libx264", "-preset", "medium", "-crf", str(crf), "-pix_fmt", "yuv420p",
        "-threads", "4", "-x264-params", "threads=4",
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-movflags", "+faststart",
        os.fspath(path),
    ]
    proc = subprocess.run(cmd, input=frames.tobytes(), capture_output=True)
    if proc.returncode != 0:
        raise RuntimeError(f"ffmpeg failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-2000:]}")
