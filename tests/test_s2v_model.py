"""The S2V transformer's pieces: RoPE positions of the reference and FramePack tokens, the audio
encoder's frame rate, motion memory on/off, audio on/off, and bf16 (as on a GPU)."""

from __future__ import annotations

import pytest
import torch

from generation.engine.s2v.model import REF_FRAME_POSITION, WanS2VTransformer3DModel, segment_positions
from generation.engine.s2v.tiny import TINY_S2V_TRANSFORMER


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    m = WanS2VTransformer3DModel(**TINY_S2V_TRANSFORMER).eval()
    torch.nn.init.normal_(m.head.head.weight, std=0.5)
    return m


def _inputs(seed=0, frames=16):
    g = torch.Generator().manual_seed(seed)
    return dict(hidden_states=torch.randn(1, 16, frames // 4, 8, 8, generator=g), timestep=torch.tensor([900.0]),
                encoder_hidden_states=torch.randn(1, 32, 32, generator=g),
                ref_latents=torch.randn(1, 16, 1, 8, 8, generator=g),
                motion_latents=torch.randn(1, 16, 3, 8, 8, generator=g),
                audio_input=torch.randn(1, 3, 16, frames, generator=g))


def test_framepack_and_reference_positions(model):
    ref = segment_positions((REF_FRAME_POSITION, 0, 0), (REF_FRAME_POSITION + 1, 4, 4), (1, 4, 4))
    assert set(ref[:, 0].tolist()) == {30} and ref.shape == (16, 3)
    tokens, pos = model.pack_motion(torch.randn(1, 16, 3, 8, 8), add_last_motion=2)
    # nearest latent frame at 1× (4×4 tokens, frame -1), next two at 2× (2×2, frame -3), far 16 at 4× (4 × 1×1)
    assert tokens.shape == (1, 16 + 4 + 4, 24)
    assert pos[:16, 0].unique().tolist() == [-1] and pos[16:20, 0].unique().tolist() == [-3]
    assert pos[20:, 0].tolist() == [-19, -14, -9, -4]
    assert pos[16:20, 1].tolist() == [0, 0, 3, 3]  # 2× tokens spread over the full-resolution grid


def test_audio_encoder_gives_one_step_per_latent_frame(model):
    glob, local = model.encode_audio(torch.randn(1, 3, 16, 32))
    assert local.shape == (1, 8, 5, 24) and glob.shape == (1, 8, 1, 24)  # 4 tokens + padding token per frame


def test_motion_memory_and_audio_both_change_the_output(model):
    with torch.no_grad():
        base = model(**_inputs())
        other_motion = dict(_inputs(), motion_latents=torch.randn(1, 16, 3, 8, 8))
        assert not torch.allclose(model(**other_motion), base)
        dropped_a = model(**dict(_inputs(), drop_motion_frames=True))
        dropped_b = model(**dict(other_motion, drop_motion_frames=True))
        torch.testing.assert_close(dropped_a, dropped_b)  # dropped memory is not read
        silent = model(**dict(_inputs(), audio_input=torch.zeros(1, 3, 16, 16)))
        assert (silent - base).abs().mean() > 1e-3


def test_bf16_forward_runs_close_to_fp32(model):
    import copy

    half = copy.deepcopy(model).to(torch.bfloat16)
    with torch.no_grad():
        full = model(**_inputs())
        inp = _inputs()
        inp = {k: v.bfloat16() if k in ("encoder_hidden_states", "audio_input") else v for k, v in inp.items()}
        out = half(**inp)
    assert out.dtype == torch.float32
    assert (out - full).abs().max() < 0.05 * full.abs().max()
