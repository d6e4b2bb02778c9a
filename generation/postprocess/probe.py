"""Reading outputs back: ffprobe (or PyAV when there is no ffprobe) and the checks every output must
pass before it is kept."""
import json
import subprocess
from fractions import Fraction
from pathlib import Path

from heritage.hashing import sha256_file

from .binaries import child_process_options, ffprobe_binary
from .errors import InputError, VerificationFailed, _

sha256_of = sha256_file


def _rate(value: str | None) -> float:
    try:
        rate = Fraction(value or "0")
    except (ValueError, ZeroDivisionError):
        return 0.0
    return float(rate)


def probe(path: Path) -> dict:
    """A summary of the file's first video stream, plus the raw probe in ``raw``:
    codec, pix_fmt, width, height, fps, duration_s, nb_frames, streams, tags, format_name."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise InputError(_("文件不存在或为空:%s") % path.name)
    binary = ffprobe_binary()
    if binary:
        return _probe_ffprobe(binary, path)
    return _probe_pyav(path)


def _probe_ffprobe(binary: str, path: Path) -> dict:
    cmd = [binary, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", str(path)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False, **child_process_options())
    if result.returncode != 0:
        raise InputError(_("无法读取媒体文件 %s(ffprobe 报错)。") % path.name, detail=result.stderr[-4000:])
    raw = json.loads(result.stdout or "{}")
    streams = raw.get("streams", [])
    video = next((s for s in streams if s.get("codec_type") == "video"), None)
    fmt = raw.get("format", {})
    summary = {
        "probe_tool": "ffprobe",
        "streams": len(streams),
        "format_name": fmt.get("format_name", ""),
        "tags": fmt.get("tags", {}),
        "raw": raw,
    }
    if video is None:
        summary.update(codec="", pix_fmt="", width=0, height=0, fps=0.0, duration_s=0.0, nb_frames=0)
        return summary
    fps = _rate(video.get("avg_frame_rate")) or _rate(video.get("r_frame_rate"))
    duration = float(video.get("duration") or fmt.get("duration") or 0.0)
    nb_frames = int(video.get("nb_frames") or 0)
    if not nb_frames and fps and duration and video.get("codec_name") not in ("mjpeg", "png", "webp"):
        nb_frames = round(duration * fps)
    summary.update(
        codec=video.get("codec_name", ""),
        pix_fmt=video.get("pix_fmt", ""),
        width=int(video.get("width") or 0),
        height=int(video.get("height") or 0),
        fps=fps,
        duration_s=duration,
        nb_frames=nb_frames,
    )
    return summary


def _probe_pyav(path: Path) -> dict:
    import av

    try:
        with av.open(str(path)) as container:
            streams = list(container.streams)
            video = next((s for s in streams if s.type == "video"), None)
            tags = dict(container.metadata)
            fmt = container.format.name
            summary = {"probe_tool": "pyav", "streams": len(streams), "format_name": fmt, "tags": tags, "raw": {}}
            if video is None:
                summary.update(codec="", pix_fmt="", width=0, height=0, fps=0.0, duration_s=0.0, nb_frames=0)
                return summary
            fps = float(video.average_rate or video.base_rate or 0)
            duration = float(video.duration * video.time_base) if video.duration and video.time_base else 0.0
            if not duration and container.duration:
                duration = container.duration / 1_000_000
            summary.update(
                codec=video.codec_context.name,
                pix_fmt=video.codec_context.pix_fmt or "",
                width=video.codec_context.width,
                height=video.codec_context.height,
                fps=fps,
                duration_s=duration,
                nb_frames=int(video.frames or round(duration * fps)),
            )
            return summary
    except av.error.FFmpegError as exc:
        raise InputError(_("无法读取媒体文件 %s。") % path.name, detail=str(exc)) from exc


def moov_before_mdat(path: Path) -> bool:
    """True when the MP4's index (moov) precedes the media data (mdat): what +faststart does."""
    order = []
    with open(path, "rb") as fh:
        while True:
            header = fh.read(8)
            if len(header) < 8:
                break
            size = int.from_bytes(header[:4], "big")
            kind = header[4:8].decode("latin-1")
            if size == 1:
                size = int.from_bytes(fh.read(8), "big")
                fh.seek(size - 16, 1)
            elif size == 0:
                order.append(kind)
                break
            else:
                fh.seek(size - 8, 1)
            order.append(kind)
            if "moov" in order and "mdat" in order:
                break
    return "moov" in order and "mdat" in order and order.index("moov") < order.index("mdat")


def verify(path: Path, expect: dict) -> dict:
    """Probe ``path`` and check it against ``expect``; raise ``VerificationFailed`` naming each
    mismatch. Keys: codec, pix_fmt, width, height, fps, duration_s (± one frame), nb_frames, streams,
    faststart, format (image format read by Pillow, for previews), min_frames."""
    path = Path(path)
    if "format" in expect:
        return _verify_image(path, expect)
    info = probe(path)
    problems = []

    def check(key, label):
        if key in expect and info.get(key) != expect[key]:
            problems.append(_("%(label)s 应为 %(want)s,实际为 %(got)s") % {"label": label, "want": expect[key], "got": info.get(key)})

    if not info["codec"]:
        problems.append(_("没有视频流"))
    check("codec", _("编码"))
    check("pix_fmt", _("像素格式"))
    check("width", _("宽度"))
    check("height", _("高度"))
    check("streams", _("流数量"))
    if "fps" in expect and abs(info["fps"] - expect["fps"]) > 0.01:
        problems.append(_("帧率应为 %(want)s,实际为 %(got).3f") % {"want": expect["fps"], "got": info["fps"]})
    if "duration_s" in expect:
        tolerance = 1.0 / (expect.get("fps") or info["fps"] or 1.0) + 1e-3
        if abs(info["duration_s"] - expect["duration_s"]) > tolerance:
            problems.append(
                _("时长应为 %(want).3f 秒(误差不超过一帧),实际为 %(got).3f 秒")
                % {"want": expect["duration_s"], "got": info["duration_s"]}
            )
    if "nb_frames" in expect and info["nb_frames"] != expect["nb_frames"]:
        problems.append(_("帧数应为 %(want)s,实际为 %(got)s") % {"want": expect["nb_frames"], "got": info["nb_frames"]})
    if expect.get("faststart") and not moov_before_mdat(path):
        problems.append(_("moov 索引不在文件开头(未 faststart)"))
    if problems:
        raise VerificationFailed(
            _("输出文件 %(name)s 校验未通过:%(problems)s。") % {"name": path.name, "problems": ";".join(problems)},
            detail=json.dumps(info.get("raw", {}), ensure_ascii=False)[:8000],
        )
    return info


def _verify_image(path: Path, expect: dict) -> dict:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            info = {
                "probe_tool": "pillow",
                "format_name": image.format,
                "codec": (image.format or "").lower(),
                "width": image.width,
                "height": image.height,
                "nb_frames": getattr(image, "n_frames", 1),
                "streams": 1,
                "duration_s": 0.0,
                "fps": 0.0,
                "pix_fmt": image.mode,
                "tags": {},
                "raw": {},
            }
            durations = []
            for i in range(info["nb_frames"]):
                image.seek(i)
                durations.append(image.info.get("duration", 0) or 0)
            info["duration_s"] = sum(durations) / 1000
            if info["duration_s"]:
                info["fps"] = info["nb_frames"] / info["duration_s"]
    except (UnidentifiedImageError, OSError) as exc:
        raise VerificationFailed(_("输出文件 %s 不是可读的图像。") % path.name, detail=str(exc)) from exc
    problems = []
    if info["format_name"] != expect["format"]:
        problems.append(_("格式应为 %(want)s,实际为 %(got)s") % {"want": expect["format"], "got": info["format_name"]})
    for key in ("width", "height"):
        if key in expect and info[key] != expect[key]:
            problems.append(f"{key} {expect[key]} != {info[key]}")
    if info["nb_frames"] < expect.get("min_frames", 1):
        problems.append(_("帧数 %(got)s 少于 %(want)s") % {"got": info["nb_frames"], "want": expect.get("min_frames", 1)})
    if problems:
        raise VerificationFailed(_("输出文件 %(name)s 校验未通过:%(problems)s。") % {"name": path.name, "problems": ";".join(problems)})
    return info
