"""Bad S2V input fails before any model work, with a message naming the problem; the size rule."""

from __future__ import annotations

import io
import wave

import pytest
from django.core.management import CommandError, call_command

from generation.engine.errors import InvalidRequest
from generation.engine.s2v import S2VRequest, get_s2v_preset, resolve_s2v, size_for_image
from tests.s2v_fixtures import tiny_s2v_path, write_portrait, write_speech_wav

TINY = get_s2v_preset("tiny-s2v")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("s2v-inputs")
    text = d / "notes.txt"
    text.write_text("这不是图片也不是音频")
    empty = d / "empty.wav"
    with wave.open(str(empty), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"")
    return {"face": write_portrait(d / "face.png"), "small": write_portrait(d / "small.png", size=(24, 24)),
            "speech": write_speech_wav(d / "speech.wav", 3.0), "long": write_speech_wav(d / "long.wav", 31.0),
            "text": text, "fake_jpg": d / "face.jpg", "empty": empty, "dir": d}


@pytest.fixture(autouse=True)
def _fake_jpg(files):
    files["fake_jpg"].write_bytes(b"not really a jpeg")


def _resolve(files, **kw):
    args = dict(image=files["face"], audio=files["speech"], prompt="老人讲述", seed=1)
    args.update(kw)
    return resolve_s2v(TINY, S2VRequest(**args))


def test_good_input_resolves(files):
    r = _resolve(files)
    assert (r.width, r.height, r.num_frames, r.clips) == (64, 64, 48, 2)
    assert r.negative_prompt == TINY.default_negative_prompt and r.num_steps == TINY.num_steps


@pytest.mark.parametrize("field,key,message", [
    ("image", "fake_jpg", "face.jpg is not an image"),
    ("image", "text", "notes.txt is not an image"),
    ("image", "small", "image is 24×24; preset tiny-s2v needs both sides at least 32 px"),
    ("audio", "text", "notes.txt is not an audio file"),
    ("audio", "fake_jpg", "face.jpg is not an audio file"),
    ("audio", "empty", "empty.wav holds no audio"),
    ("audio", "long", "audio is longer than the maximum of 30 s"),
])
def test_bad_input_is_named(files, field, key, message):
    with pytest.raises(InvalidRequest, match=message):
        _resolve(files, **{field: files[key]})


def test_configured_audio_maximum(files):
    with pytest.raises(InvalidRequest, match="maximum of 2 s"):
        resolve_s2v(TINY, S2VRequest(image=files["face"], audio=files["speech"], prompt="x"), max_audio_seconds=2)


def test_every_problem_listed_at_once(files):
    with pytest.raises(InvalidRequest) as exc:
        _resolve(files, prompt=" ", image=files["text"], audio=files["empty"], seed=-1, num_steps=0)
    text = str(exc.value)
    for part in ("prompt is empty", "seed must be", "steps must be", "not an image", "holds no audio"):
        assert part in text


def test_cli_refuses_bad_input_before_loading_weights(files, tmp_path_factory, monkeypatch):
    import generation.engine.s2v.engine as engine_module

    def boom(*a, **k):
        raise AssertionError("weights were loaded")

    monkeypatch.setattr(engine_module, "load_s2v_engine", boom)
    model = tiny_s2v_path(tmp_path_factory)
    base = ["generate_clip", "--s2v", "--model", model, "--prompt", "老人讲述", "--out", str(files["dir"] / "o.mp4")]
    with pytest.raises(CommandError, match="face.jpg is not an image"):
        call_command(*base, "--image", str(files["fake_jpg"]), "--audio", str(files["speech"]), stdout=io.StringIO())
    with pytest.raises(CommandError, match="audio is longer than the maximum of 2 s"):
        call_command(*base, "--image", str(files["face"]), "--audio", str(files["speech"]), "--max-audio-seconds",
                     "2", stdout=io.StringIO())
    with pytest.raises(CommandError, match="--s2v needs --audio"):
        call_command(*base, "--image", str(files["face"]), stdout=io.StringIO())
    with pytest.raises(CommandError, match="--s2v does not take --width"):
        call_command(*base, "--image", str(files["face"]), "--audio", str(files["speech"]), "--width", "64",
                     stdout=io.StringIO())


@pytest.mark.parametrize("h,w", [(704, 1024), (1920, 1080), (1080, 1920), (300, 300), (4000, 3000), (720, 1280)])
def test_size_rule_follows_the_reference_image(h, w):
    area = 1024 * 704
    H, W = size_for_image(h, w, area, 64)
    assert H % 64 == 0 and W % 64 == 0 and H * W <= area
    if h * w >= area:
        assert H * W > area * 0.7  # uses most of the area
    assert abs((W / H) - (w / h)) / (w / h) < 0.35  # keeps the aspect ratio (up to 64-px rounding)


def test_size_rule_examples():
    assert size_for_image(704, 1024, 1024 * 704) == (704, 1024)
    assert size_for_image(1024, 704, 1024 * 704) == (1024, 704)
    assert size_for_image(96, 128, 64 * 64) == (64, 64)


def test_pose_video_is_read_at_the_preset_fps_and_bad_pose_is_refused(files, tmp_path_factory, monkeypatch):
    import numpy as np

    import generation.engine.s2v.engine as engine_module
    from generation.engine.s2v.engine import read_pose_video
    from generation.engine.video import write_mp4

    pose_path = files["dir"] / "pose.mp4"
    write_mp4(np.full((32, 48, 48, 3), 128, dtype=np.uint8), 32, pose_path)  # 1 s at 32 fps
    frames = read_pose_video(pose_path, 16, 100)
    assert frames.shape == (16, 48, 48, 3) and frames.dtype == np.uint8
    assert read_pose_video(pose_path, 16, 5).shape[0] == 5
    with pytest.raises(InvalidRequest, match="notes.txt is not a video"):
        read_pose_video(files["text"], 16, 10)
    monkeypatch.setattr(engine_module, "load_s2v_engine", lambda *a, **k: (_ for _ in ()).throw(AssertionError()))
    with pytest.raises(CommandError, match="notes.txt is not a video"):
        call_command("generate_clip", "--s2v", "--model", tiny_s2v_path(tmp_path_factory), "--prompt", "老人讲述",
                     "--image", str(files["face"]), "--audio", str(files["speech"]), "--pose", str(files["text"]),
                     "--out", str(files["dir"] / "o.mp4"), stdout=io.StringIO())
