"""Delivery outputs read back: ffprobe fields, the label's pixels, the WebVTT sidecar, frame-rate
conversion keeping the duration, slow motion, 1080p, poster/preview, multi-view. No database."""
import json
import subprocess

import numpy as np
import pytest

from generation.postprocess import pipeline
from generation.postprocess.binaries import ffprobe_binary
from generation.postprocess.fonts import find_cjk_font
from generation.postprocess.label import attribution_label, label_box, render_label
from generation.postprocess.probe import moov_before_mdat, sha256_of
from generation.postprocess.upscale import FrameUpscaler
from generation.postprocess.captions import Step
from heritage.webvtt import parse as parse_vtt

from .postprocess_fixtures import decode_frames, native_mp4, synthetic_frames  # noqa: F401

LABEL = attribution_label("基于姚建萍口述重构")
STEPS = [
    Step("从外缘起针,针脚短而齐。", "Start at the outer edge with short, even stitches.", start=12_000, end=15_000),
    Step("一批一批向内顺序排列,留出水路。", "Work inward row by row, leaving a water line.", start=15_000, end=21_000),
]


def ffprobe_json(path) -> dict:
    out = subprocess.run(
        [ffprobe_binary(), "-v", "error", "-print_format", "json", "-show_format", "-show_streams", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout
    return json.loads(out)


@pytest.fixture(scope="module")
def delivered(tmp_path_factory, native_mp4):  # noqa: F811
    """One labelled 720p/24 delivery with a VTT sidecar, and the same frames without the label."""
    d = tmp_path_factory.mktemp("delivery")
    labelled = pipeline.deliver_file(
        native_mp4, d / "delivery.mp4", label=LABEL, vtt_path=d / "delivery.zh.vtt", vtt_steps=STEPS, job_id="job-42"
    )
    plain = pipeline.deliver_file(native_mp4, d / "plain.mp4", label="")
    return labelled, plain


def test_delivery_mp4_ffprobe_fields(delivered):
    labelled, _ = delivered
    probe = ffprobe_json(labelled.path)
    assert len(probe["streams"]) == 1
    video = probe["streams"][0]
    assert video["codec_name"] == "h264"
    assert video["profile"] == "High"
    assert video["pix_fmt"] == "yuv420p"
    assert (video["width"], video["height"]) == (1280, 720)
    assert video["avg_frame_rate"] == "24/1"
    assert int(video["nb_frames"]) == 48
    assert abs(float(probe["format"]["duration"]) - 2.0) <= 1 / 24
    assert moov_before_mdat(labelled.path), "+faststart: moov must come before mdat"
    # The implicit label: the same facts in the metadata.
    tags = probe["format"]["tags"]
    assert tags["title"]
    assert "AI 生成" in tags["comment"] and LABEL in tags["comment"]
    assert "AI 生成" in tags["description"]
    assert tags["producer"].startswith("heritage")
    assert tags["job_id"] == "job-42"
    assert tags["ai_generated"] == "true"
    # What the pipeline recorded matches the file.
    assert labelled.sha256 == sha256_of(labelled.path)
    assert labelled.size_bytes == labelled.path.stat().st_size
    assert "libx264" in labelled.argv and "Output #0" in labelled.stderr


def test_label_pixels_in_top_right_corner_on_every_frame(delivered):
    labelled, plain = delivered
    with_label, without = decode_frames(labelled.path).astype(int), decode_frames(plain.path).astype(int)
    assert with_label.shape == without.shape == (48, 720, 1280, 3)
    image, margin = render_label(LABEL, labelled.path.parent / "probe-label.png", font=find_cjk_font(),
                                 frame_width=1280, frame_height=720)
    x0, y0, x1, y1 = label_box(1280, 720, image, margin)
    assert x1 == 1280 - margin and y0 == margin  # top-right corner
    diff = np.abs(with_label - without).mean(axis=3)  # (T, H, W)
    inside = diff[:, y0:y1, x0:x1].mean(axis=(1, 2))
    outside = diff[:, 360:, :640].mean(axis=(1, 2))  # bottom-left quarter: nothing drawn there
    assert (inside > 20).all(), f"label missing on frames {np.where(inside <= 20)[0].tolist()}"
    assert (outside < 2).all()
    # Dark box and bright text: both present inside the label on every frame.
    region = with_label[:, y0:y1, x0:x1].mean(axis=3)
    assert (region.min(axis=(1, 2)) < 60).all() and (region.max(axis=(1, 2)) > 200).all()


def test_vtt_sidecar_parses_and_cues_lie_inside_the_clip(delivered):
    labelled, _ = delivered
    vtt = labelled.extra["vtt"]
    cues = parse_vtt(vtt.path.read_text(encoding="utf-8"))
    duration = float(ffprobe_json(labelled.path)["format"]["duration"])
    assert [c.text for c in cues] == [s.text for s in STEPS]
    assert all(0 <= c.start < c.end <= duration for c in cues)
    # Mapped from the source timeline (3 s and 6 s of transcript) onto the 2 s clip, keeping the ratio.
    assert cues[0].start == 0 and cues[-1].end == pytest.approx(duration, abs=0.002)
    assert (cues[0].end - cues[0].start) / (cues[1].end - cues[1].start) == pytest.approx(0.5, abs=0.01)


@pytest.mark.parametrize("num_frames", [32, 27])
def test_16_to_24_fps_keeps_duration_within_one_frame(tmp_path, num_frames):
    frames = synthetic_frames(num_frames, 64, 96)
    out = pipeline.deliver_file(frames, tmp_path / "o.mp4", native_fps=16, fps=24, size=(192, 108))
    probe = ffprobe_json(out.path)
    video = probe["streams"][0]
    assert video["avg_frame_rate"] == "24/1"
    source_duration = num_frames / 16
    assert abs(float(video["duration"]) - source_duration) <= 1 / 24
    assert abs(int(video["nb_frames"]) / 24 - source_duration) <= 1 / 24


def test_slow_motion_half_speed_doubles_duration(tmp_path, native_mp4):  # noqa: F811
    out = pipeline.deliver_file(native_mp4, tmp_path / "slow.mp4", speed=0.5, label=LABEL, size=(256, 144))
    video = ffprobe_json(out.path)["streams"][0]
    assert video["avg_frame_rate"] == "24/1"
    assert abs(float(video["duration"]) - 4.0) <= 1 / 24
    assert out.template == "slowmo_mp4"


def test_1080p_lanczos_and_a_frame_upscaler(tmp_path):
    frames = synthetic_frames(8, 72, 128)
    out = pipeline.deliver_file(frames, tmp_path / "hd.mp4", native_fps=16, deliver="1080p", label=LABEL)
    video = ffprobe_json(out.path)["streams"][0]
    assert (video["width"], video["height"]) == (1920, 1080) and out.extra["upscaler"] == "lanczos"

    class Nearest(FrameUpscaler):  # stands in for a learned model: frames in, bigger frames out
        name = "nearest-x2"
        calls = 0

        def upscale_frame(self, rgb):
            Nearest.calls += 1
            return rgb.repeat(2, axis=0).repeat(2, axis=1)

    out = pipeline.deliver_file(frames, tmp_path / "hd2.mp4", native_fps=16, deliver="1080p", upscaler=Nearest())
    video = ffprobe_json(out.path)["streams"][0]
    assert (video["width"], video["height"]) == (1920, 1080)
    assert Nearest.calls == 12  # every interpolated frame (8 at 16 fps → 12 at 24 fps) went through it
    assert out.extra["upscaler"] == "nearest-x2"


def test_burned_in_subtitles_change_the_bottom_only_while_their_cue_runs(tmp_path):
    frames = synthetic_frames(16, 72, 128)
    steps = [Step("第一步"), Step("第二步")]
    with_subs = pipeline.deliver_file(frames, tmp_path / "s.mp4", native_fps=16, label="", vtt_steps=steps,
                                      burn_subtitles=True, size=(320, 180))
    plain = pipeline.deliver_file(frames, tmp_path / "p.mp4", native_fps=16, label="", size=(320, 180))
    diff = np.abs(decode_frames(with_subs.path).astype(int) - decode_frames(plain.path).astype(int)).mean(axis=3)
    bottom = diff[:, 120:, 60:260].mean(axis=(1, 2))
    assert (bottom > 5).all()  # a cue covers every frame (two steps share the clip)
    assert diff[:, :60].mean() < 2


def test_poster_and_animated_preview(tmp_path, delivered):
    labelled, _ = delivered
    poster = pipeline.make_poster(labelled.path, tmp_path / "poster.jpg")
    assert (poster.codec, poster.width, poster.height) == ("mjpeg", 1280, 720)
    preview = pipeline.make_preview(labelled.path, tmp_path / "preview.webp")
    assert preview.codec == "webp" and preview.width == 480 and preview.nb_frames > 1
    gif = pipeline.make_preview(labelled.path, tmp_path / "preview.gif", width=160, seconds=1)
    assert gif.codec == "gif" and gif.nb_frames > 1


def test_multiview_grid_with_captions(tmp_path, native_mp4):  # noqa: F811
    other = tmp_path / "side.mp4"
    from .postprocess_fixtures import write_mp4

    write_mp4(synthetic_frames(24, seed=3), other, fps=16)  # 1.5 s: the grid follows the shortest
    out = pipeline.compose_multiview([native_mp4, other], ["正面", "侧面 45°"], tmp_path / "grid.mp4", label=LABEL)
    probe = ffprobe_json(out.path)
    video = probe["streams"][0]
    assert (video["width"], video["height"], video["avg_frame_rate"]) == (1280, 720, "24/1")
    assert abs(float(video["duration"]) - 1.5) <= 1 / 24
    assert probe["format"]["tags"]["views"] == "正面 | 侧面 45°"
    frame = decode_frames(out.path)[10].astype(int)
    # Two 640×360 cells side by side, letterboxed black above and below.
    assert frame[:150].mean() < 40 and frame[200:500, 50:600].mean() > 60 and frame[200:500, 690:1230].mean() > 60


def test_source_larger_than_delivery_is_shrunk_before_interpolation(tmp_path):
    frames = synthetic_frames(16, 216, 384)
    out = pipeline.deliver_file(frames, tmp_path / "small.mp4", native_fps=16, size=(192, 108), label=LABEL[:4])
    assert "scale" in " ".join(out.argv).split("minterpolate")[0]  # the scaler runs before the interpolator
    video = ffprobe_json(out.path)["streams"][0]
    assert (video["width"], video["height"], int(video["nb_frames"])) == (192, 108, 24)


class HalfNearest(FrameUpscaler):
    """Module-level so HERITAGE_UPSCALER can name it."""

    name = "half-nearest"

    def upscale_frame(self, rgb):
        return rgb.repeat(2, axis=0).repeat(2, axis=1)


def test_heritage_upscaler_setting_picks_the_1080p_upscaler(tmp_path, settings):
    frames = synthetic_frames(4, 72, 128)
    settings.HERITAGE_UPSCALER = f"{__name__}.HalfNearest"
    out = pipeline.deliver_file(frames, tmp_path / "a.mp4", native_fps=16, deliver="1080p", label="")
    assert out.extra["upscaler"] == "half-nearest" and (out.width, out.height) == (1920, 1080)
    settings.HERITAGE_UPSCALER = "no.such.Module"
    with pytest.raises(Exception, match="HERITAGE_UPSCALER"):
        pipeline.deliver_file(frames, tmp_path / "b.mp4", native_fps=16, deliver="1080p", label="")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mp4"]
