"""The Wan2.2-TI2V-5B layout (one transformer, Wan2.2 VAE, per-token timesteps), text-to-video only."""

import numpy as np
import pytest
import torch

from generation.engine import PRESETS, GenerationRequest, InvalidRequest, load_engine
from tests.engine_fixtures import reference_scheduler


@pytest.fixture(scope="module")
def ti2v_engine(tmp_path_factory):
    from generation.engine.tiny import build_tiny_checkpoint

    path = build_tiny_checkpoint(tmp_path_factory.mktemp("ti2v"), seed=0, layout="ti2v-5b")
    assert not (path / "transformer_2").exists()
    return load_engine(path, device="cpu")


def test_detected_preset_and_defaults(ti2v_engine):
    assert ti2v_engine.preset.name == "tiny-ti2v"
    assert ti2v_engine.experts.low is None and ti2v_engine.expand_timesteps
    p = PRESETS["wan2.2-ti2v-5b"]
    assert (p.num_steps, p.flow_shift, p.guidance_high, p.num_frames, p.fps) == (50, 5.0, 5.0, 121, 24)


def test_frames_match_wan_pipeline(ti2v_engine):
    from diffusers import WanPipeline

    req = GenerationRequest(prompt="艺人捏制面塑", negative_prompt="模糊", seed=3, width=64, height=64,
                            num_frames=9, num_steps=4)
    result = ti2v_engine.generate(req, keep_float=True)
    assert result.expert_steps == {"high": 4, "low": 0}
    c = ti2v_engine.components
    pipe = WanPipeline(tokenizer=c.tokenizer, text_encoder=c.text_encoder, vae=c.vae,
                       scheduler=reference_scheduler(ti2v_engine, "unipc"), transformer=c.transformer,
                       transformer_2=None, boundary_ratio=None, expand_timesteps=True)
    pipe.set_progress_bar_config(disable=True)
    reference = pipe(prompt=req.prompt, negative_prompt=req.negative_prompt, height=64, width=64, num_frames=9,
                     num_inference_steps=4, guidance_scale=5.0, generator=torch.Generator("cpu").manual_seed(3),
                     output_type="np", max_sequence_length=ti2v_engine.preset.max_sequence_length).frames[0]
    assert reference.shape == result.frames_float.shape == (9, 64, 64, 3)
    assert np.abs(reference - result.frames_float).max() <= 1e-4
    assert result.frames_float.std() > 0.01


def test_sizes_must_be_multiples_of_32(ti2v_engine):
    with pytest.raises(InvalidRequest, match="width must be a multiple of 32, got 48"):
        ti2v_engine.validate(GenerationRequest(prompt="x", width=48, height=32))
