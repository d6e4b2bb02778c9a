"""Upscaling to 1080p behind one small interface, so a learned super-resolution model can replace
the default lanczos filter later without touching the pipeline.

Two ways to fill it:
- ``filters(width, height)`` returns ffmpeg filters run inside the delivery command (one pass; what
  ``LanczosUpscaler`` does);
- or ``filters`` returns None and ``upscale_file(src, dst, width=, height=)`` turns a lossless
  intermediate into an upscaled lossless file (two passes). ``FrameUpscaler`` does the decoding and
  encoding around it: a model only implements ``upscale_frame(rgb) -> rgb``.
"""
import subprocess
from abc import ABC, abstractmethod
from pathlib import Path

import numpy as np

from .binaries import child_process_options, ffmpeg_binary
from .commands import TEMPLATES
from .errors import FfmpegFailed, PostprocessError, _


def fit_filters(width: int, height: int, flags: str = "lanczos") -> list[tuple[str, dict]]:
    """Scale to fit inside width×height keeping the aspect ratio, pad the rest black, square pixels."""
    return [
        ("scale", {"w": width, "h": height, "force_original_aspect_ratio": "decrease", "flags": flags}),
        ("pad", {"w": width, "h": height, "x": "(ow-iw)/2", "y": "(oh-ih)/2", "color": "black"}),
        ("setsar", {"r": 1}),
    ]


class Upscaler(ABC):
    name = "upscaler"

    def filters(self, width: int, height: int) -> list[tuple[str, dict]] | None:
        """ffmpeg filters that upscale inside the delivery command, or None to use ``upscale_file``."""
        return None

    def upscale_file(self, src: Path, dst: Path, *, width: int, height: int) -> None:  # pragma: no cover
        raise NotImplementedError


class LanczosUpscaler(Upscaler):
    """The default: ffmpeg's lanczos scaler."""

    name = "lanczos"

    def filters(self, width, height):
        return fit_filters(width, height, "lanczos")


class FrameUpscaler(Upscaler):
    """Base for learned models working frame by frame on RGB arrays (H, W, 3) uint8."""

    name = "frames"
    scale = 2

    @abstractmethod
    def upscale_frame(self, rgb: np.ndarray) -> np.ndarray:
        """(H, W, 3) uint8 → (H*scale, W*scale, 3) uint8."""

    def upscale_file(self, src: Path, dst: Path, *, width: int, height: int) -> None:
        import av

        template = TEMPLATES["lossless_intermediate"]
        with av.open(str(src)) as container:
            stream = container.streams.video[0]
            rate = stream.average_rate
            proc = None
            try:
                for frame in container.decode(stream):
                    out = np.ascontiguousarray(self.upscale_frame(frame.to_ndarray(format="rgb24")))  # (h, w, 3)
                    if proc is None:
                        h, w = out.shape[:2]
                        cmd = [ffmpeg_binary(), "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo",
                               "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-framerate", str(rate), "-i", "pipe:"]
                        for key, value in template.output_args.items():
                            cmd += [f"-{key}"] + ([] if value is None else [str(value)])
                        cmd.append(str(dst))
                        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE, **child_process_options())
                    proc.stdin.write(out.tobytes())
            finally:
                if proc is not None:
                    proc.stdin.close()
                    stderr = proc.stderr.read().decode("utf-8", "replace")
                    if proc.wait() != 0:
                        raise FfmpegFailed(_("超分辨率中间文件写入失败。"), detail=stderr)


def default_upscaler() -> Upscaler:
    """The upscaler the media task uses for 1080p: ``HERITAGE_UPSCALER`` (a dotted path to an
    ``Upscaler`` subclass, a setting read from the environment), lanczos by default."""
    from django.conf import settings

    path = settings.HERITAGE_UPSCALER or ""
    if not path:
        return LanczosUpscaler()
    from importlib import import_module

    module, _dot, name = path.rpartition(".")
    try:
        cls = getattr(import_module(module), name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise PostprocessError(_("HERITAGE_UPSCALER 指向的超分辨率实现无法加载:%s") % path) from exc
    if not (isinstance(cls, type) and issubclass(cls, Upscaler)):
        raise PostprocessError(_("HERITAGE_UPSCALER 必须指向 Upscaler 的子类:%s") % path)
    return cls()
