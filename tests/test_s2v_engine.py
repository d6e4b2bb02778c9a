"""The S2V engine on the tiny checkpoint (CPU): duration follows the audio, clips continue from the
motion memory, determinism, the audio drives the frames, the unconditional branch has zero audio."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess

import numpy as np
import pytest
import torch
from django.core.management import call_command

from generation.engine import Cancelled
from tests.s2v_fixtures import tiny_s2v_path, write_portrait, write_speech_wav

SEED = 11


@pytest.fixture(scope="module")
def material(tmp_path_factory):
    d = tmp_path_factory.mktemp("s2v-material")
    return {"dir": tiny_s2v_path(tmp_path_factory), "face": write_portrait(d / "face.png"),
            "speech": write_speech_wav(d / "speech.wav", 3.0), "other": write_speech_wav(d / "other.wav", 3.0,
                                                                                         f0=210.0, rate=5.0, seed=1)}


@pytest.fixture(scope="module")
def engine(material):
    from generation.engine.s2v import load_s2v_engine

    return load_s2v_engine(material["dir"], device="cpu")


def _probe(path) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=codec_type,duration,nb_frames,r_frame_rate",
                          "-of", "json", str(path)], capture_output=True, text=True, check=True).stdout
    return {s["codec_type"]: s for s in json.loads(out)["streams"]}


def test_three_seconds_of_speech_give_a_three_second_video_with_the_audio(material, tmp_path):
    args = ["generate_clip", "--s2v", "--model", material["dir"], "--image", str(material["face"]), "--audio",
            str(material["speech"]), "--prompt", "一位老艺人面对镜头讲述竹编的来历，中景，固定机位", "--seed", str(SEED)]
    infos = []
    for name in ("a.mp4", "b.mp4"):
        out = io.StringIO()
        call_command(*args, "--out", str(tmp_path / name), "--json", stdout=out)
        lines = out.getvalue().strip().splitlines()
        assert len(lines) == 1
        infos.append(json.loads(lines[0]))
    first, second = infos
    fps = 16  # the tiny-s2v preset's fps
    assert first["fps"] == fps and first["preset"] == "tiny-s2v"
    assert first["clips"] == 2 and first["clip_seeds"] == [SEED, SEED + 1]  # 3 s > one clip (32 frames)
    assert first["audio_seconds"] == pytest.approx(3.0, abs=1e-3)
    assert first["frames"] == 48 and first["width"] == 64 and first["height"] == 64
    for key in ("sha256", "path", "seconds", "load_seconds", "timings", "device", "mode", "peak_memory_bytes",
                "checkpoint_id", "steps", "seed", "sampler"):
        assert key in first, key
    # the same request twice gives the same file
    assert first["sha256"] == second["sha256"] == hashlib.sha256((tmp_path / "a.mp4").read_bytes()).hexdigest()
    streams = _probe(tmp_path / "a.mp4")
    video, audio = streams["video"], streams["audio"]
    assert video["r_frame_rate"] == f"{fps}/1" and int(video["nb_frames"]) == 48
    assert abs(float(video["duration"]) - 3.0) <= 1 / fps
    assert abs(float(audio["duration"]) - float(video["duration"])) <= 1 / fps


@pytest.fixture(scope="module")
def traced(engine, material):
    """One generation with the transformer's inputs, the VAE's decodes and the progress recorded."""
    from generation.engine.s2v import S2VRequest

    calls, decodes, progress = [], [], []
    model = engine.transformer
    real_forward, real_decode = model.forward, engine.vae_decode

    def forward(hidden_states, timestep, encoder_hidden_states, **kw):
        calls.append({"text": encoder_hidden_states.clone(), "audio": kw["audio_input"].clone(),
                      "motion": kw["motion_latents"].clone(), "drop": kw["drop_motion_frames"],
                      "noise": hidden_states.clone()})
        return real_forward(hidden_states, timestep, encoder_hidden_states, **kw)

    def decode(latents):
        out = real_decode(latents)
        decodes.append(out.clone())
        return out

    model.forward, engine.vae_decode = forward, decode
    try:
        result = engine.generate(S2VRequest(image=material["face"], audio=material["speech"], prompt="老人讲述",
                                            seed=SEED), progress=lambda *a: progress.append(a))
    finally:
        del model.forward, engine.vae_decode
    return result, calls, decodes, progress


def test_second_clip_continues_from_the_first_clips_motion_frames(engine, traced):
    result, calls, decodes, _ = traced
    steps = result.num_steps
    assert result.clips == 2 and len(calls) == 2 * 2 * steps  # 2 clips × steps × (cond, uncond)
    first, second = calls[: 2 * steps], calls[2 * steps:]
    assert all(c["drop"] for c in first) and not any(c["drop"] for c in second)
    # the motion memory of clip 2 = VAE latents of the last motion_frames frames of clip 1 (after its
    # first frames were dropped), exactly as decoded
    per_clip, drop, mf = engine.preset.frames_per_clip, engine.preset.first_clip_drop, engine.motion_frames
    clip1 = decodes[0][:, :, -per_clip:][:, :, drop:].cpu()
    assert clip1.shape[2] >= mf
    expected = engine.vae_encode(clip1[:, :, -mf:])
    for c in second:
        torch.testing.assert_close(c["motion"].float(), expected.to(c["motion"].dtype).float())
    # and that memory is not trivial: it differs from the grey start
    assert expected.abs().sum() > 0 and not torch.equal(expected, engine.vae_encode(torch.zeros_like(clip1[:, :, -mf:])))
    # clip noise comes from seed + clip
    g = torch.Generator().manual_seed(SEED + 1)
    torch.testing.assert_close(second[0]["noise"], torch.randn(second[0]["noise"].shape, generator=g))


def test_unconditional_branch_has_zeroed_audio_features_and_the_negative_prompt(traced):
    _, calls, _, _ = traced
    for cond, uncond in zip(calls[0::2], calls[1::2]):
        assert cond["audio"].abs().sum() > 0
        assert uncond["audio"].shape == cond["audio"].shape and torch.count_nonzero(uncond["audio"]) == 0
        assert not torch.equal(cond["text"], uncond["text"])
        assert torch.equal(cond["noise"], uncond["noise"])


def test_progress_per_step_and_per_clip(traced):
    result, _, _, progress = traced
    total = result.clips * result.num_steps
    assert [p[0] for p in progress] == list(range(1, total + 1)) and {p[1] for p in progress} == {total}
    assert [p[2] for p in progress] == ["clip 1/2"] * result.num_steps + ["clip 2/2"] * result.num_steps


def test_video_covers_the_audio(traced):
    result = traced[0]
    assert result.frames.shape == (48, 64, 64, 3) and result.frames.dtype == np.uint8
    assert abs(result.num_frames / result.fps - result.audio_seconds) <= 1 / result.fps


def test_different_audio_gives_different_frames(engine, material, traced):
    from generation.engine.s2v import S2VRequest

    other = engine.generate(S2VRequest(image=material["face"], audio=material["other"], prompt="老人讲述", seed=SEED))
    same = traced[0]
    assert other.frames.shape == same.frames.shape
    assert np.abs(other.frames.astype(int) - same.frames.astype(int)).mean() > 0.5


def test_cancel_between_steps(engine, material):
    from generation.engine.s2v import S2VRequest

    seen = []
    with pytest.raises(Cancelled, match="step 2"):
        engine.generate(S2VRequest(image=material["face"], audio=material["speech"], prompt="老人讲述", seed=1),
                        progress=lambda *a: seen.append(a), should_cancel=lambda: len(seen) >= 1)
    assert len(seen) == 1


def test_memory_modes_give_the_same_frames_and_pose_changes_them(engine, material):
    from generation.engine.s2v import S2VRequest

    def run(**kw):
        return engine.generate(S2VRequest(image=material["face"], audio=material["speech"], prompt="老人讲述",
                                          seed=5, max_clips=1, **kw))

    try:
        resident = run(mode="resident")
        assert resident.clips == 1 and resident.num_frames == 29  # one clip: 32 frames less the 3 dropped
        for mode in ("swap", "offload"):
            other = run(mode=mode)
            assert other.mode == mode
            np.testing.assert_array_equal(other.frames, resident.frames)
        rng = np.random.default_rng(0)
        pose = rng.integers(0, 255, size=(40, 48, 48, 3), dtype=np.uint8)
        posed = run(mode="resident", pose_frames=pose)
        assert np.abs(posed.frames.astype(int) - resident.frames.astype(int)).mean() > 0.5
    finally:
        engine._apply_mode("resident")


def test_batched_cfg_matches_two_forwards(engine, material):
    from generation.engine.s2v import S2VRequest

    request = S2VRequest(image=material["face"], audio=material["speech"], prompt="老人讲述", seed=8, max_clips=1)
    assert engine.batch_cfg is False  # CPU default: two batch-1 forwards, as the official code
    two = engine.generate(request, keep_float=True)
    engine.batch_cfg = True
    try:
        one = engine.generate(request, keep_float=True)
    finally:
        engine.batch_cfg = False
    np.testing.assert_allclose(one.frames_float, two.frames_float, atol=2e-3)
