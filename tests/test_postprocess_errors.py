"""Bad input gets a clear error and leaves nothing half-written: unwritable output, a label too long
for the frame, a missing font, zero frames, ffmpeg or verification failing mid-way."""
import os

import numpy as np
import pytest

from generation.postprocess import fonts, pipeline
from generation.postprocess.errors import (
    FfmpegFailed,
    FontNotFound,
    InputError,
    LabelTooLong,
    OutputNotWritable,
    VerificationFailed,
)

from .postprocess_fixtures import synthetic_frames

FRAMES = synthetic_frames(8, 64, 96)


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


def test_output_under_a_regular_file_is_refused(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(OutputNotWritable, match="不是文件夹"):
        pipeline.deliver_file(FRAMES, blocker / "out.mp4", native_fps=16)
    assert listing(tmp_path) == ["not-a-folder"]


def test_output_in_a_missing_folder_or_onto_a_folder(tmp_path):
    with pytest.raises(OutputNotWritable, match="不存在"):
        pipeline.deliver_file(FRAMES, tmp_path / "missing" / "out.mp4", native_fps=16)
    (tmp_path / "dir.mp4").mkdir()
    with pytest.raises(OutputNotWritable, match="文件夹"):
        pipeline.deliver_file(FRAMES, tmp_path / "dir.mp4", native_fps=16)
    assert listing(tmp_path) == ["dir.mp4"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder(tmp_path):  # pragma: no cover - CI runs as root here
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(OutputNotWritable):
        pipeline.deliver_file(FRAMES, folder / "out.mp4", native_fps=16)


def test_label_too_long_for_the_frame(tmp_path):
    label = "AI生成 · 基于" + "非常长的传承人姓名" * 12 + "口述重构"
    with pytest.raises(LabelTooLong, match="像素") as info:
        pipeline.deliver_file(FRAMES, tmp_path / "out.mp4", native_fps=16, label=label)
    assert "AI 标识过长" in info.value.reason
    assert listing(tmp_path) == []


def test_label_must_be_one_line(tmp_path):
    with pytest.raises(LabelTooLong, match="一行"):
        pipeline.deliver_file(FRAMES, tmp_path / "out.mp4", native_fps=16, label="AI生成\n基于")


def test_missing_font_file(tmp_path):
    with pytest.raises(FontNotFound, match="fonts-noto-cjk"):
        pipeline.deliver_file(FRAMES, tmp_path / "out.mp4", native_fps=16, font_path=str(tmp_path / "nope.ttc"))
    assert listing(tmp_path) == []


def test_no_cjk_font_installed(tmp_path, monkeypatch, settings):
    """A system with only Latin fonts: the search finds nothing usable and says what to install."""
    settings.HERITAGE_CJK_FONT = ""
    monkeypatch.setattr(fonts, "_fc_list", lambda: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"])
    monkeypatch.setattr(fonts, "KNOWN_PATHS", [str(tmp_path / "gone.ttc")])
    fonts._search_cached.cache_clear()
    try:
        with pytest.raises(FontNotFound, match="HERITAGE_CJK_FONT"):
            pipeline.deliver_file(FRAMES, tmp_path / "out.mp4", native_fps=16)
    finally:
        fonts._search_cached.cache_clear()
    assert listing(tmp_path) == []


def test_configured_font_without_chinese_glyphs(tmp_path, monkeypatch, settings):
    latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not os.path.exists(latin):
        pytest.skip("DejaVu not installed")
    settings.HERITAGE_CJK_FONT = latin
    fonts._search_cached.cache_clear()
    try:
        with pytest.raises(FontNotFound, match="不含中文字形"):
            pipeline.deliver_file(FRAMES, tmp_path / "out.mp4", native_fps=16)
    finally:
        fonts._search_cached.cache_clear()


@pytest.mark.parametrize("frames", [np.zeros((0, 64, 96, 3), np.uint8), []], ids=["empty-array", "empty-list"])
def test_zero_frame_input(tmp_path, frames):
    with pytest.raises(InputError, match="没有任何帧"):
        pipeline.deliver_file(frames, tmp_path / "out.mp4", native_fps=16)
    assert listing(tmp_path) == []


def test_zero_frame_sources_on_disk(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "frames").mkdir()
    with pytest.raises(InputError, match="没有图像"):
        pipeline.deliver_file(tmp_path / "frames", out / "a.mp4")
    (tmp_path / "empty.mp4").write_bytes(b"")
    with pytest.raises(InputError, match="为空"):
        pipeline.deliver_file(tmp_path / "empty.mp4", out / "b.mp4")
    (tmp_path / "junk.mp4").write_bytes(b"this is not a video" * 10)
    with pytest.raises(InputError, match="无法读取"):
        pipeline.deliver_file(tmp_path / "junk.mp4", out / "c.mp4")
    assert listing(out) == []


def test_ffmpeg_failure_keeps_stderr_and_leaves_no_partial_file(tmp_path, monkeypatch):
    real_compile = pipeline._compile

    def broken(stream, out_path, template, extra_args, metadata=None):
        return real_compile(stream, out_path, template, {**extra_args, "c:v": "no_such_encoder"}, metadata)

    monkeypatch.setattr(pipeline, "_compile", broken)
    with pytest.raises(FfmpegFailed, match="退出码") as info:
        pipeline.deliver_file(FRAMES, tmp_path / "out.mp4", native_fps=16, size=(192, 108))
    assert "no_such_encoder" in info.value.detail
    assert listing(tmp_path) == []


def test_failed_verification_leaves_no_file(tmp_path, monkeypatch):
    """ffmpeg succeeded but the output is not what was asked (here: verification expects another
    size): the temporary file is removed and the reason names the mismatch."""
    real_finish = pipeline._finish

    def expect_wrong_size(tmp, final, template, expect, argv, stderr):
        return real_finish(tmp, final, template, {**expect, "width": 999}, argv, stderr)

    monkeypatch.setattr(pipeline, "_finish", expect_wrong_size)
    with pytest.raises(VerificationFailed, match="宽度 应为 999"):
        pipeline.deliver_file(FRAMES, tmp_path / "out.mp4", native_fps=16, size=(192, 108))
    assert listing(tmp_path) == []


def test_existing_output_survives_a_failed_rerun(tmp_path, monkeypatch):
    out = pipeline.deliver_file(FRAMES, tmp_path / "out.mp4", native_fps=16, size=(192, 108))
    before = out.path.read_bytes()
    monkeypatch.setattr(pipeline, "run_ffmpeg", lambda *a, **k: (_ for _ in ()).throw(FfmpegFailed("boom")))
    with pytest.raises(FfmpegFailed):
        pipeline.deliver_file(FRAMES, tmp_path / "out.mp4", native_fps=16, size=(192, 108))
    assert out.path.read_bytes() == before
    assert listing(tmp_path) == ["out.mp4"]


def test_bad_options_are_refused_before_work(tmp_path):
    with pytest.raises(Exception, match="交付规格"):
        pipeline.deliver_file(FRAMES, tmp_path / "o.mp4", native_fps=16, deliver="4k")
    with pytest.raises(Exception, match="帧率"):
        pipeline.deliver_file(FRAMES, tmp_path / "o.mp4", native_fps=16, fps=0)
    with pytest.raises(InputError, match="native_fps"):
        pipeline.deliver_file(FRAMES, tmp_path / "o.mp4")


def test_frame_folder_with_mixed_sizes(tmp_path):
    from PIL import Image

    frames = tmp_path / "frames"
    frames.mkdir()
    Image.new("RGB", (64, 48)).save(frames / "000.png")
    Image.new("RGB", (32, 32)).save(frames / "001.png")
    (tmp_path / "out").mkdir()
    with pytest.raises(InputError, match="尺寸不一致"):
        pipeline.deliver_file(frames, tmp_path / "out" / "a.mp4", native_fps=16)
    with pytest.raises(InputError, match="尺寸不一致"):
        pipeline.deliver_file([np.zeros((4, 4, 3), np.uint8), np.zeros((8, 8, 3), np.uint8)],
                              tmp_path / "out" / "a.mp4", native_fps=16)
    assert listing(tmp_path / "out") == []
