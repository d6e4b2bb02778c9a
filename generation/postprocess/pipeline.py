"""The post-processing pipeline on plain files: no database, no storage. Used by the media task
(through ``services``), by ``manage.py generate_clip --deliver`` and by ``bench/media.py``.

Every function writes its output to a temporary name in the output's own folder, verifies it with
ffprobe, and only then renames it into place: on any error nothing half-written is left behind.
"""
import contextlib
import os
import subprocess
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import ffmpeg
import numpy as np

from .binaries import child_process_options, ffmpeg_binary
from heritage.webvtt import Cue, parse as parse_vtt, serialize as serialize_vtt

from .commands import DELIVERY_SIZES, INTERPOLATION, TEMPLATES, CommandTemplate
from .errors import FfmpegFailed, InputError, OutputNotWritable, PostprocessError, _
from .fonts import Font, find_cjk_font
from .label import attribution_label, attribution_of_label, render_label, render_text_box
from .probe import probe, sha256_of, verify
from .upscale import Upscaler, default_upscaler, fit_filters
from .captions import as_steps, map_cues

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".webp"}
PRODUCER = "heritage 非遗数字档案 (AI 生成内容)"
STDERR_KEEP = 64_000
SLOWMO_SPEEDS = (0.5, 0.25)


# --- results ---------------------------------------------------------------------------------------
@dataclass
class Output:
    """One verified output file and how it was made."""

    path: Path
    template: str
    template_version: int
    sha256: str
    size_bytes: int
    codec: str = ""
    width: int = 0
    height: int = 0
    fps: float = 0.0
    duration_s: float = 0.0
    nb_frames: int = 0
    probe: dict = field(default_factory=dict)
    argv: list = field(default_factory=list)
    stderr: str = ""
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["path"] = str(self.path)
        return data


# --- small helpers ---------------------------------------------------------------------------------
def _check_output_path(final: Path) -> Path:
    final = Path(final)
    parent = final.parent
    if final.is_dir():
        raise OutputNotWritable(_("输出路径是一个文件夹,不是文件:%s") % final)
    if not parent.exists():
        raise OutputNotWritable(_("输出文件夹不存在:%s") % parent)
    if not parent.is_dir():
        raise OutputNotWritable(_("输出路径的上级不是文件夹:%s") % parent)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputNotWritable(_("没有写入输出文件夹的权限:%s") % parent)
    return final


@contextlib.contextmanager
def atomic_output(final: Path):
    """Yield a temporary path next to ``final`` (same folder, same suffix, so ffmpeg picks the same
    muxer); rename it onto ``final`` when the block succeeds, delete it when it fails."""
    final = _check_output_path(final)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{final.stem}.", suffix=f".partial{final.suffix}", dir=final.parent)
    except OSError as exc:
        raise OutputNotWritable(_("无法在输出文件夹中写文件:%(dir)s(%(err)s)") % {"dir": final.parent, "err": exc.strerror}) from exc
    os.close(fd)
    tmp = Path(tmp)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a finished file gets the usual mode
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def _compile(stream, out_path: Path, template: CommandTemplate, extra_args: dict, metadata: dict | None = None,
             *, audio=None) -> list:
    args = dict(template.output_args)
    args.update(extra_args)
    streams = [stream] if audio is None else [stream, audio]
    argv = ffmpeg.compile(ffmpeg.output(*streams, str(out_path), **args), cmd="ffmpeg")
    output = argv.pop()  # the output path comes last
    assert output == str(out_path)
    argv = [ffmpeg_binary(), "-hide_banner", "-nostats", "-loglevel", "info", "-y"] + argv[1:]
    for key, value in (metadata or {}).items():
        argv += ["-metadata", f"{key}={value}"]
    argv.append(output)
    return argv


def run_ffmpeg(argv: list, *, stdin: bytes | None = None, what: str = "ffmpeg") -> str:
    """Run ffmpeg, return its stderr; ``FfmpegFailed`` with the last stderr line as the reason."""
    try:
        result = subprocess.run(argv, input=stdin, capture_output=True, check=False, **child_process_options())
    except OSError as exc:
        raise FfmpegFailed(_("无法启动 ffmpeg:%s") % exc) from exc
    stderr = result.stderr.decode("utf-8", "replace")[-STDERR_KEEP:]
    if result.returncode != 0:
        last = next((line for line in reversed(stderr.splitlines()) if line.strip()), "")
        raise FfmpegFailed(
            _("%(what)s 失败(ffmpeg 退出码 %(rc)s):%(last)s") % {"what": what, "rc": result.returncode, "last": last},
            detail=stderr,
        )
    return stderr


def _finish(tmp: Path, final: Path, template: CommandTemplate, expect: dict, argv: list, stderr: str) -> Output:
    info = verify(tmp, {**template.expect, **expect})
    return Output(
        path=final,
        template=template.key,
        template_version=template.version,
        sha256=sha256_of(tmp),
        size_bytes=tmp.stat().st_size,
        codec=info.get("codec", ""),
        width=info.get("width", 0),
        height=info.get("height", 0),
        fps=round(info.get("fps", 0.0), 4),
        duration_s=round(info.get("duration_s", 0.0), 4),
        nb_frames=info.get("nb_frames", 0),
        probe={k: v for k, v in info.items() if k != "raw"} | {"raw": info.get("raw", {})},
        argv=[str(a) for a in argv],
        stderr=stderr,
    )


# --- sources ---------------------------------------------------------------------------------------
@dataclass
class Source:
    stream: object  # ffmpeg-python input node
    width: int
    height: int
    num_frames: int
    fps: float
    stdin: bytes | None = None

    @property
    def duration_s(self) -> float:
        return self.num_frames / self.fps


def _frames_array(frames) -> np.ndarray:
    if isinstance(frames, np.ndarray):
        array = frames
    else:
        items = list(frames)
        if not items:
            raise InputError(_("输入没有任何帧。"))
        try:
            array = np.stack([np.asarray(f) for f in items])
        except ValueError as exc:
            raise InputError(_("各帧尺寸不一致。"), detail=str(exc)) from exc
    if array.ndim != 4 or array.shape[-1] != 3:
        raise InputError(_("帧的形状应为 (帧数, 高, 宽, 3),实际为 %s。") % (tuple(array.shape),))
    if array.shape[0] == 0:
        raise InputError(_("输入没有任何帧。"))
    if array.dtype != np.uint8:
        if np.issubdtype(array.dtype, np.floating):
            array = (np.clip(array, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
        else:
            array = np.clip(array, 0, 255).astype(np.uint8)
    return np.ascontiguousarray(array)  # (T, H, W, 3) uint8


def open_source(src, *, native_fps: float | None = None) -> Source:
    """A video file, a folder of image frames, or an array of frames (T, H, W, 3)."""
    if isinstance(src, (str, os.PathLike)):
        path = Path(src)
        if path.is_dir():
            images = sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
            if not images:
                raise InputError(_("帧文件夹中没有图像:%s") % path)
            from PIL import Image

            try:
                src = np.stack([np.asarray(Image.open(p).convert("RGB")) for p in images])
            except (OSError, ValueError) as exc:
                raise InputError(_("帧文件夹中的图像无法读取或尺寸不一致:%s") % path, detail=str(exc)) from exc
        elif not path.exists():
            raise InputError(_("源文件不存在:%s") % path)
        else:
            info = probe(path)
            if not info["codec"] or info["nb_frames"] <= 0:
                raise InputError(_("源视频没有任何帧:%s") % path.name)
            fps = float(native_fps or info["fps"])
            if fps <= 0:
                raise InputError(_("无法确定源视频的帧率:%s") % path.name)
            kwargs = {"r": native_fps} if native_fps else {}
            return Source(ffmpeg.input(str(path), **kwargs).video, info["width"], info["height"], info["nb_frames"], fps)
    array = _frames_array(src)
    if not native_fps or native_fps <= 0:
        raise InputError(_("以帧输入时必须给出原生帧率 native_fps。"))
    t, h, w, _c = array.shape
    stream = ffmpeg.input("pipe:", format="rawvideo", pix_fmt="rgb24", s=f"{w}x{h}", framerate=native_fps).video
    return Source(stream, w, h, t, float(native_fps), stdin=array.tobytes())


def _retime(stream, source: Source, *, fps: int, speed: float, interpolation: str):
    """Slow motion (setpts) and frame-rate conversion keeping the duration: the last frame is cloned
    twice so the interpolator has a frame to reach, and the output is cut at the exact frame count."""
    if interpolation not in INTERPOLATION:
        raise PostprocessError(_("未知的插帧方式:%s") % interpolation)
    if speed != 1.0:
        stream = stream.filter("setpts", f"{1.0 / speed:.6f}*PTS")
    stream = stream.filter("tpad", stop_mode="clone", stop=2)
    method = INTERPOLATION[interpolation]
    if abs(source.fps * speed - fps) < 1e-6 or method["filter"] == "fps":
        stream = stream.filter("fps", fps=fps)
    else:
        stream = stream.filter(method["filter"], fps=fps, **method["args"])
    return stream


def _fit_then_retime(source: Source, width: int, height: int, *, fps: int, interpolation: str):
    """For a grid cell: shrink first, so motion estimation runs on the cell's pixels, not the source's."""
    stream = source.stream
    for name, kwargs in fit_filters(width, height):
        stream = stream.filter(name, **kwargs)
    return _retime(stream, source, fps=fps, speed=1.0, interpolation=interpolation)


def expected_frames(source: Source, *, fps: int, speed: float = 1.0) -> int:
    return max(1, round(source.num_frames / source.fps / speed * fps))


# --- text overlays ---------------------------------------------------------------------------------
def _wrap(text: str, font, max_width: int) -> str:
    """Greedy wrap by character (Chinese has no spaces) to fit ``max_width`` pixels."""
    lines = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for ch in paragraph:
            if line and font.getlength(line + ch) > max_width:
                lines.append(line)
                line = ch.lstrip()
            else:
                line += ch
        lines.append(line)
    return "\n".join(lines)


def _overlay_label(stream, text: str, *, font: Font, width: int, height: int, workdir: Path):
    image, margin = render_label(text, workdir / "label.png", font=font, frame_width=width, frame_height=height)
    label = ffmpeg.input(str(image.path)).video
    return ffmpeg.overlay(stream, label, x=width - image.width - margin, y=margin)


def _overlay_subtitles(stream, cues: list[Cue], *, font: Font, width: int, height: int, workdir: Path):
    size = max(12, round(height * 0.045))
    margin = max(4, round(height * 0.05))
    pil_font = font.load(size)
    for i, cue in enumerate(cues):
        text = _wrap(cue.text, pil_font, int(width * 0.86))
        image = render_text_box(
            text, workdir / f"cue{i}.png", font=font, size_px=size, max_width=int(width * 0.95), what=_("字幕")
        )
        overlay = ffmpeg.input(str(image.path)).video
        stream = ffmpeg.overlay(
            stream, overlay, x=(width - image.width) // 2, y=height - image.height - margin,
            enable=f"between(t,{cue.start:.3f},{cue.end:.3f})",
        )
    return stream


def video_metadata(*, label: str, job_id: str = "", title: str = "", extra: dict | None = None) -> dict:
    """The implicit label: the same facts as the visible one, in the MP4's metadata."""
    statement = _("本视频由 AI 生成(人工智能生成内容),非真人实拍,仅作技艺演示参考。")
    data = {
        "title": title or _("AI生成的非遗技艺演示"),
        "comment": f"{statement} {label}".strip(),
        "description": f"{statement} {label}".strip(),
        "producer": PRODUCER,
        "ai_generated": "true",
        "label": label,
        "attribution": attribution_of_label(label),
    }
    if job_id:
        data["job_id"] = str(job_id)
    data.update(extra or {})
    return data


# --- delivery ----------------------------------------------------------------------------------------
def check_delivery_options(
    out_path,
    *,
    deliver: str = "720p",
    fps: int = 24,
    label: str | None = None,
    vtt_path=None,
    speed: float = 1.0,
    font_path: str | None = None,
    size: tuple[int, int] | None = None,
    burn_subtitles: bool = False,
) -> dict:
    """Everything about a delivery that can be refused before any frame exists (the command line
    calls it before loading the engine): options, output paths, the font, the label's width.
    Returns the normalised values: out_path, vtt_path, label, font, size."""
    if deliver not in DELIVERY_SIZES:
        raise PostprocessError(_("不支持的交付规格:%s(可选 720p、1080p)") % deliver)
    if not isinstance(fps, int) or isinstance(fps, bool) or not 1 <= fps <= 120:
        raise PostprocessError(_("帧率必须是 1 到 120 之间的整数。"))
    if not 0.05 <= speed <= 1.0:
        raise PostprocessError(_("速度必须在 0.05 到 1 之间(慢动作)。"))
    out_path = _check_output_path(Path(out_path))
    vtt_path = _check_output_path(Path(vtt_path)) if vtt_path is not None else None
    width, height = size or DELIVERY_SIZES[deliver]
    label = attribution_label(None) if label is None else label
    font = find_cjk_font(font_path) if (label or burn_subtitles) else None
    if label:
        # A label that does not fit fails here, before any encoding.
        with tempfile.TemporaryDirectory(prefix="heritage-pp-") as work:
            render_label(label, Path(work) / "label.png", font=font, frame_width=width, frame_height=height)
    return {"out_path": out_path, "vtt_path": vtt_path, "label": label, "font": font, "size": (width, height)}


# --- delivery: the encode --------------------------------------------------------------------------
def deliver_file(
    src,
    out_path,
    *,
    deliver: str = "720p",
    fps: int = 24,
    label: str | None = None,
    vtt_path=None,
    vtt_steps=None,
    vtt_language: str = "zh",
    burn_subtitles: bool = False,
    native_fps: float | None = None,
    speed: float = 1.0,
    interpolation: str = "mci",
    upscaler: Upscaler | None = None,
    job_id: str = "",
    title: str = "",
    font_path: str | None = None,
    size: tuple[int, int] | None = None,
    audio_path=None,
    vtt_cues: list[Cue] | None = None,
) -> Output:
    """Make a delivery MP4 from ``src`` (video file, frame folder or (T, H, W, 3) frames).

    ``deliver`` 720p or 1080p (1080p goes through ``upscaler``; default ``HERITAGE_UPSCALER`` or
    lanczos); ``fps`` the delivered rate, reached by motion interpolation with the duration kept;
    ``speed`` < 1 for slow motion; ``label`` the visible label (None: 「AI生成」; ``""`` only for comparisons, never for
    delivery); ``vtt_steps`` step descriptions for a WebVTT sidecar written to ``vtt_path`` (and burned
    in when ``burn_subtitles``). ``size`` overrides the frame size (tests).
    ``audio_path`` (speech-driven video, normal speed only): an audio file muxed in as AAC and cut to
    the video's duration, so the delivery keeps the original recording.
    Returns the verified ``Output``; the sidecar, if any, is in ``output.extra["vtt"]``.
    """
    if audio_path is not None and speed != 1.0:
        raise PostprocessError(_("带原始录音的交付只能是正常速度。"))
    # 1. Check inputs (before any work) -----------------------------------------------------------
    checked = check_delivery_options(
        out_path, deliver=deliver, fps=fps, label=label, vtt_path=vtt_path, speed=speed, font_path=font_path,
        size=size, burn_subtitles=burn_subtitles and bool(as_steps(vtt_steps) or vtt_cues),
    )
    out_path, vtt_path, label, font = checked["out_path"], checked["vtt_path"], checked["label"], checked["font"]
    width, height = checked["size"]
    steps = as_steps(vtt_steps)
    template = TEMPLATES["delivery_mp4_audio" if audio_path is not None else
                         "delivery_mp4" if speed == 1.0 else "slowmo_mp4"]
    source = open_source(src, native_fps=native_fps)
    n_out = expected_frames(source, fps=fps, speed=speed)
    duration = n_out / fps

    with tempfile.TemporaryDirectory(prefix="heritage-pp-") as work:
        workdir = Path(work)
        if vtt_cues is not None:  # already timed on the clip (a speech-driven clip's transcript span)
            cues = [c for c in vtt_cues if c.start < duration]
        else:
            cues = map_cues(steps, duration, language=vtt_language) if steps else []

        # 2. Time: slow motion and frame-rate conversion at the smaller of the native and delivered
        #    sizes (motion estimation cost grows with the pixel count) --------------------------------
        stream = source.stream
        if source.width * source.height > width * height:
            for name, kwargs in fit_filters(width, height):
                stream = stream.filter(name, **kwargs)
        stream = _retime(stream, source, fps=fps, speed=speed, interpolation=interpolation)
        stdin = source.stdin
        stderr_parts = []

        # 3. Size: fit to the delivery frame; 1080p through the upscaler ---------------------------
        if deliver == "1080p":
            upscaler = upscaler or default_upscaler()
            filters = upscaler.filters(width, height)
        else:
            upscaler, filters = None, fit_filters(width, height)
        if filters is None:
            inter = workdir / "intermediate.mkv"
            argv = _compile(stream, inter, TEMPLATES["lossless_intermediate"], {"frames:v": n_out})
            stderr_parts.append(run_ffmpeg(argv, stdin=stdin, what=_("插帧中间文件")))
            upscaled = workdir / "upscaled.mkv"
            upscaler.upscale_file(inter, upscaled, width=width, height=height)
            stream, stdin = ffmpeg.input(str(upscaled)).video, None
            filters = fit_filters(width, height)
        for name, kwargs in filters:
            stream = stream.filter(name, **kwargs)

        # 4. Text: burned-in subtitles, then the label on top, top-right, whole duration -----------
        if burn_subtitles and cues:
            stream = _overlay_subtitles(stream, cues, font=font, width=width, height=height, workdir=workdir)
        if label:
            stream = _overlay_label(stream, label, font=font, width=width, height=height, workdir=workdir)

        # 5. Encode to a temporary name, verify, rename -------------------------------------------
        metadata = video_metadata(label=label, job_id=job_id, title=title)
        extra_args = {"frames:v": n_out, "r": fps, "g": 2 * fps}
        expect = {"width": width, "height": height, "fps": fps, "duration_s": duration, "nb_frames": n_out}
        audio = None
        if audio_path is not None:
            audio = ffmpeg.input(str(audio_path)).audio
            extra_args["t"] = f"{duration:.6f}"
        with atomic_output(out_path) as tmp:
            argv = _compile(stream, tmp, template, extra_args, metadata, **({"audio": audio} if audio else {}))
            stderr_parts.append(run_ffmpeg(argv, stdin=stdin, what=_("交付视频编码")))
            result = _finish(tmp, out_path, template, expect, argv, "\n".join(stderr_parts))
        result.extra.update(
            {"deliver": deliver, "speed": speed, "interpolation": interpolation, "upscaler": upscaler.name if upscaler else "",
             "label": label, "metadata": metadata, "native_fps": source.fps, "source_frames": source.num_frames}
        )
        if vtt_path is not None and cues:
            result.extra["vtt"] = write_vtt(cues, vtt_path, language=vtt_language, duration_s=duration)
    return result


def write_vtt(cues: list[Cue], out_path, *, language: str, duration_s: float) -> Output:
    """Write a WebVTT sidecar atomically; checks every cue lies within the video."""

    text = serialize_vtt(cues, language=language)
    parsed = parse_vtt(text)
    if any(c.start < 0 or c.end > duration_s + 1e-6 for c in parsed):
        raise PostprocessError(_("字幕时间超出视频时长。"))
    out_path = Path(out_path)
    with atomic_output(out_path) as tmp:
        tmp.write_text(text, encoding="utf-8")
        result = Output(
            path=out_path, template="webvtt", template_version=1, sha256=sha256_of(tmp),
            size_bytes=tmp.stat().st_size, codec="webvtt", duration_s=duration_s,
            extra={"language": language, "cues": len(parsed)},
        )
    return result


# --- poster and preview ----------------------------------------------------------------------------
def make_poster(video, out_path, *, at_s: float | None = None) -> Output:
    """A JPEG of one frame (the middle by default) of a delivered video (so it carries the label)."""
    video = Path(video)
    info = probe(video)
    if not info["codec"]:
        raise InputError(_("源视频没有视频流:%s") % video.name)
    at = info["duration_s"] / 2 if at_s is None else at_s
    template = TEMPLATES["poster_jpeg"]
    with atomic_output(Path(out_path)) as tmp:
        stream = ffmpeg.input(str(video), ss=f"{at:.3f}").video
        argv = _compile(stream, tmp, template, {})
        stderr = run_ffmpeg(argv, what=_("海报图"))
        result = _finish(tmp, Path(out_path), template, {"width": info["width"], "height": info["height"]}, argv, stderr)
    return result


def make_preview(video, out_path, *, width: int = 480, fps: int = 12, seconds: float = 3.0) -> Output:
    """A short looping animated preview, WebP (or GIF when ``out_path`` ends in .gif)."""
    video = Path(video)
    info = probe(video)
    if not info["codec"]:
        raise InputError(_("源视频没有视频流:%s") % video.name)
    out_path = Path(out_path)
    kind = "preview_gif" if out_path.suffix.lower() == ".gif" else "preview_webp"
    template = TEMPLATES[kind]
    height = round(info["height"] * width / info["width"] / 2) * 2
    length = min(seconds, info["duration_s"])
    with atomic_output(out_path) as tmp:
        stream = ffmpeg.input(str(video), t=f"{length:.3f}").video
        stream = stream.filter("fps", fps=fps).filter("scale", width, height, flags="lanczos")
        if kind == "preview_gif":
            split = stream.split()
            palette = split[0].filter("palettegen", stats_mode="diff")
            stream = ffmpeg.filter([split[1], palette], "paletteuse", dither="bayer")
        argv = _compile(stream, tmp, template, {})
        stderr = run_ffmpeg(argv, what=_("动态预览"))
        expect = {"width": width, "height": height, "min_frames": 2 if length * fps >= 2 else 1}
        result = _finish(tmp, out_path, template, expect, argv, stderr)
    return result


# --- multi-view ------------------------------------------------------------------------------------
def grid_shape(n: int) -> tuple[int, int]:
    """(columns, rows) for n views: 2 → 2×1, 3–4 → 2×2, 5–6 → 3×2, 7–9 → 3×3."""
    cols = 1
    while cols * cols < n:
        cols += 1
    rows = -(-n // cols)
    return cols, rows


def compose_multiview(
    sources: list,
    captions: list[str],
    out_path,
    *,
    deliver: str = "720p",
    fps: int = 24,
    label: str | None = None,
    native_fps: float | None = None,
    interpolation: str = "mci",
    job_id: str = "",
    title: str = "",
    font_path: str | None = None,
    size: tuple[int, int] | None = None,
) -> Output:
    """Several clips of one step from different camera angles in one grid video, each cell captioned
    (the camera angle), the AI label over the whole. The grid lasts as long as the shortest clip."""
    if not 2 <= len(sources) <= 9:
        raise PostprocessError(_("多机位合成需要 2 到 9 个视频。"))
    if len(captions) != len(sources):
        raise PostprocessError(_("每个机位都需要一条说明文字。"))
    if deliver not in DELIVERY_SIZES:
        raise PostprocessError(_("不支持的交付规格:%s(可选 720p、1080p)") % deliver)
    out_path = _check_output_path(Path(out_path))
    width, height = size or DELIVERY_SIZES[deliver]
    label = attribution_label(None) if label is None else label
    font = find_cjk_font(font_path)
    cols, rows = grid_shape(len(sources))
    cell_w, cell_h = (width // cols) // 2 * 2, (height // rows) // 2 * 2
    opened = [open_source(s, native_fps=native_fps) for s in sources]
    n_out = min(expected_frames(s, fps=fps) for s in opened)
    template = TEMPLATES["multiview_mp4"]

    with tempfile.TemporaryDirectory(prefix="heritage-pp-") as work:
        workdir = Path(work)
        if label:
            render_label(label, workdir / "label-check.png", font=font, frame_width=width, frame_height=height)
        caption_size = max(10, round(cell_h * 0.06))
        caption_margin = max(2, round(cell_h * 0.03))
        cells, layout = [], []
        # The same file twice must be one ffmpeg input split in two (ffmpeg-python merges equal nodes).
        keys = [str(Path(s)) if isinstance(s, (str, os.PathLike)) else f"array{i}" for i, s in enumerate(sources)]
        shared = {}
        for i, (source, caption) in enumerate(zip(opened, captions)):
            if source.stdin is not None:
                # Array sources are written to a lossless file first: ffmpeg has one stdin.
                path = workdir / f"view{i}.mkv"
                argv = _compile(source.stream, path, TEMPLATES["lossless_intermediate"], {})
                run_ffmpeg(argv, stdin=source.stdin, what=_("多机位输入"))
                source = Source(ffmpeg.input(str(path)).video, source.width, source.height, source.num_frames, source.fps)
            if keys.count(keys[i]) > 1:
                if keys[i] not in shared:
                    chain = _fit_then_retime(source, cell_w, cell_h, fps=fps, interpolation=interpolation)
                    shared[keys[i]] = (chain.split(), 0)
                split, used = shared[keys[i]]
                stream = split[used]
                shared[keys[i]] = (split, used + 1)
            else:
                stream = _fit_then_retime(source, cell_w, cell_h, fps=fps, interpolation=interpolation)
            image = render_text_box(
                caption, workdir / f"caption{i}.png", font=font, size_px=caption_size,
                max_width=cell_w - 2 * caption_margin, what=_("机位说明"),
            )
            stream = ffmpeg.overlay(stream, ffmpeg.input(str(image.path)).video,
                                    x=caption_margin, y=cell_h - image.height - caption_margin)
            cells.append(stream)
            layout.append(f"{(i % cols) * cell_w}_{(i // cols) * cell_h}")
        grid = ffmpeg.filter(cells, "xstack", inputs=len(cells), layout="|".join(layout), fill="black", shortest=1)
        if (cols * cell_w, rows * cell_h) != (width, height):
            grid = grid.filter("pad", width, height, "(ow-iw)/2", "(oh-ih)/2", color="black")
        if label:
            grid = _overlay_label(grid, label, font=font, width=width, height=height, workdir=workdir)
        metadata = video_metadata(label=label, job_id=job_id, title=title, extra={"views": " | ".join(captions)})
        expect = {"width": width, "height": height, "fps": fps, "duration_s": n_out / fps, "nb_frames": n_out}
        with atomic_output(out_path) as tmp:
            argv = _compile(grid, tmp, template, {"frames:v": n_out, "r": fps, "g": 2 * fps}, metadata)
            stderr = run_ffmpeg(argv, what=_("多机位合成"))
            result = _finish(tmp, out_path, template, expect, argv, stderr)
        result.extra.update({"views": list(captions), "grid": [cols, rows], "label": label, "metadata": metadata})
    return result
