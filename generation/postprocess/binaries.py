"""Where the ffmpeg and ffprobe programs come from.

ffmpeg: ``FFMPEG_BINARY`` (a setting read from the environment) if set, else the static build shipped in the
imageio-ffmpeg wheel, so ``pip install`` alone gives a working ffmpeg (it has libx264, drawtext,
minterpolate, libwebp). ffprobe: ``FFPROBE_BINARY`` if set, else ``ffprobe`` on PATH (Debian's
``ffmpeg`` package, installed by ``make setup-system``); without one, verification falls back to PyAV.
"""
import os
import shutil
from functools import lru_cache

from .errors import PostprocessError, _


def _setting(name: str) -> str:
    from django.conf import settings

    return getattr(settings, name, "") or ""


def ffmpeg_binary() -> str:
    configured = _setting("FFMPEG_BINARY")
    if configured:
        path = shutil.which(configured) or (configured if os.path.isfile(configured) else None)
        if not path:
            raise PostprocessError(_("FFMPEG_BINARY 指向的程序不存在:%s") % configured)
        return path
    return _imageio_ffmpeg()


@lru_cache(maxsize=1)
def _imageio_ffmpeg() -> str:
    try:
        import imageio_ffmpeg
    except ImportError as exc:  # pragma: no cover
        raise PostprocessError(_("找不到 ffmpeg:请安装 imageio-ffmpeg 或设置 FFMPEG_BINARY。")) from exc
    return imageio_ffmpeg.get_ffmpeg_exe()


def ffprobe_binary() -> str | None:
    """The ffprobe program, or None (then PyAV is used for verification)."""
    configured = _setting("FFPROBE_BINARY")
    if configured:
        path = shutil.which(configured) or (configured if os.path.isfile(configured) else None)
        if not path:
            raise PostprocessError(_("FFPROBE_BINARY 指向的程序不存在:%s") % configured)
        return path
    return shutil.which("ffprobe")


def _load_prctl():
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except OSError:  # pragma: no cover
        return None


_PRCTL = _load_prctl()  # looked up once, before any fork: the child only makes one system call
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    import signal

    _PRCTL(PR_SET_PDEATHSIG, signal.SIGKILL)


def child_process_options() -> dict:
    """Keyword arguments for ``subprocess`` so an ffmpeg/ffprobe child is killed when the worker that started
    it dies (SIGKILL included), instead of running on as an orphan writing into a scratch folder."""
    return {"preexec_fn": _die_with_parent} if _PRCTL is not None else {}
