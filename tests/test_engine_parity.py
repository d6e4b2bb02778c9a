"""The engine's own sampling loop gives diffusers' WanPipeline frames (fp32, CPU), bit-for-bit repeatable.

The reference pipeline is built independently of the engine's sampler code: its scheduler comes from the
checkpoint folder's scheduler/scheduler_config.json with only the shift overridden (the preset's), and it
samples the official Wan2.2 sigma grid written out in tests/engine_fixtures.py from the official scheduler (training sigmas
1 - linspace(1, 1/1000, 1000) reversed, held in float32: max 0.999…, min 0; sampling grid
linspace(max, min, steps + 1) without its last point; the scheduler shifts it). A mistake in the
engine's make_scheduler therefore shows up as a parity failure (test_parity_catches_a_wrong_scheduler).
"""

import hashlib

import numpy as np
import pytest
import torch

from generation.engine import GenerationRequest, load_engine, write_mp4
from tests.engine_fixtures import reference_scheduler, tiny_engine, tiny_engine_dir  # noqa: F401  (fixtures)

PROMPT = "老师傅用刻刀在木板上雕出莲花纹样"
NEGATIVE = "模糊，静止"


def pipeline_frames(engine, *, seed, width, height, num_frames, steps, g_high, g_low, sampler="unipc",
                    negative=NEGATIVE):
    from diffusers import WanPipeline

    c = engine.components
    pipe = WanPipeline(
        tokenizer=c.tokenizer, text_encoder=c.text_encoder, vae=c.vae,
        scheduler=reference_scheduler(engine, sampler),
        transformer=c.transformer, transformer_2=c.transformer_2,
        boundary_ratio=engine.folder.model_index["boundary_ratio"],
    )
    pipe.set_progress_bar_config(disable=True)
    out = pipe(
        prompt=PROMPT, negative_prompt=negative, height=height, width=width, num_frames=num_frames,
        num_inference_steps=steps, guidance_scale=g_high, guidance_scale_2=g_low,
        generator=torch.Generator("cpu").manual_seed(seed), output_type="np",
        max_sequence_length=engine.preset.max_sequence_length,
    )
    return out.frames[0]  # [F, H, W, 3] float in [0, 1]


@pytest.mark.parametrize("sampler", ["unipc", "euler"])
def test_frames_match_wan_pipeline(tiny_engine, sampler):
    req = GenerationRequest(prompt=PROMPT, negative_prompt=NEGATIVE, seed=7, width=64, height=48, num_frames=9,
                            num_steps=4, guidance_high=4.0, guidance_low=3.0, sampler=sampler)
    result = tiny_engine.generate(req, keep_float=True)
    expected_split = {"high": 3, "low": 1}  # the official grid at shift 12, either sampler
    assert result.expert_steps == expected_split  # both experts take part
    reference = pipeline_frames(tiny_engine, seed=7, width=64, height=48, num_frames=9, steps=4,
                                g_high=4.0, g_low=3.0, sampler=sampler)
    assert reference.shape == result.frames_float.shape == (9, 48, 64, 3)
    assert np.abs(reference - result.frames_float).max() <= 1e-4
    assert result.frames.dtype == np.uint8
    assert np.abs((reference * 255).round() - result.frames.astype(np.float64)).max() <= 1
    # the frames are not constant (so the comparison is not vacuous)
    assert result.frames_float.std() > 0.01


def test_batched_cfg_matches_pipeline(tiny_engine_dir):
    engine = load_engine(tiny_engine_dir, device="cpu", batch_cfg=True)
    req = GenerationRequest(prompt=PROMPT, negative_prompt=NEGATIVE, seed=3, width=48, height=32, num_frames=5,
                            num_steps=4)
    result = engine.generate(req, keep_float=True)
    reference = pipeline_frames(engine, seed=3, width=48, height=32, num_frames=5, steps=4, g_high=4.0, g_low=3.0)
    assert np.abs(reference - result.frames_float).max() <= 1e-4


def test_other_seed_other_frames(tiny_engine):
    a = tiny_engine.generate(GenerationRequest(prompt=PROMPT, seed=1, width=32, height=32, num_frames=5))
    b = tiny_engine.generate(GenerationRequest(prompt=PROMPT, seed=2, width=32, height=32, num_frames=5))
    assert not np.array_equal(a.frames, b.frames)


def test_same_request_twice_is_bit_identical(tiny_engine, tmp_path):
    req = GenerationRequest(prompt=PROMPT, negative_prompt=NEGATIVE, seed=11, width=64, height=48, num_frames=9)
    first = tiny_engine.generate(req)
    tiny_engine._text_cache.clear()  # the second run encodes again instead of reusing the cache
    second = tiny_engine.generate(req)
    assert np.array_equal(first.frames, second.frames)
    paths = [tmp_path / "a.mp4", tmp_path / "b.mp4"]
    write_mp4(first.frames, first.fps, paths[0])
    write_mp4(second.frames, second.fps, paths[1])
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    assert digests[0] == digests[1]
    assert paths[0].stat().st_size > 1000


def test_fresh_engine_on_rebuilt_checkpoint_gives_same_frames(tiny_engine, tmp_path):
    from generation.engine.tiny import build_tiny_checkpoint

    build_tiny_checkpoint(tmp_path / "again", seed=0)
    other = load_engine(tmp_path / "again", device="cpu")
    assert other.checkpoint_id == tiny_engine.checkpoint_id
    req = GenerationRequest(prompt=PROMPT, seed=5, width=32, height=32, num_frames=5)
    assert np.array_equal(other.generate(req).frames, tiny_engine.generate(req).frames)


@pytest.mark.parametrize("mutation", [{"solver_order": 1}, {"final_sigmas_type": "sigma_min"}])
def test_parity_catches_a_wrong_scheduler(tiny_engine, monkeypatch, mutation):
    """With make_scheduler changed as a plausible mistake, the engine no longer matches the reference."""
    import generation.engine.engine as engine_module
    from diffusers import UniPCMultistepScheduler

    from generation.engine.sampler import make_scheduler

    def wrong(sampler, flow_shift, num_train_timesteps=1000):
        good = make_scheduler(sampler, flow_shift, num_train_timesteps)
        return UniPCMultistepScheduler.from_config(dict(good.config), **mutation)

    req = GenerationRequest(prompt=PROMPT, negative_prompt=NEGATIVE, seed=7, width=64, height=48, num_frames=9,
                            num_steps=4, guidance_high=4.0, guidance_low=3.0)
    reference = pipeline_frames(tiny_engine, seed=7, width=64, height=48, num_frames=9, steps=4, g_high=4.0,
                                g_low=3.0)
    right = tiny_engine.generate(req, keep_float=True).frames_float
    assert np.abs(reference - right).max() <= 1e-4
    monkeypatch.setattr(engine_module, "make_scheduler", wrong)
    mutated = tiny_engine.generate(req, keep_float=True).frames_float
    assert np.abs(reference - mutated).max() > 1e-3  # parity fails: the test above would catch it


def test_guidance_off_rule_matches_pipeline(tiny_engine):
    """High-noise guidance 1 and low-noise 3: WanPipeline turns guidance off for both experts; so does the engine."""
    req = GenerationRequest(prompt=PROMPT, negative_prompt=NEGATIVE, seed=4, width=32, height=32, num_frames=5,
                            num_steps=4, guidance_high=1.0, guidance_low=3.0)
    result = tiny_engine.generate(req, keep_float=True)
    reference = pipeline_frames(tiny_engine, seed=4, width=32, height=32, num_frames=5, steps=4, g_high=1.0,
                                g_low=3.0)
    assert np.abs(reference - result.frames_float).max() <= 1e-4
    guided = tiny_engine.generate(GenerationRequest(prompt=PROMPT, negative_prompt=NEGATIVE, seed=4, width=32,
                                                    height=32, num_frames=5, num_steps=4, guidance_high=1.5,
                                                    guidance_low=3.0), keep_float=True)
    assert np.abs(guided.frames_float - result.frames_float).max() > 1e-3


def test_empty_negative_prompt_means_the_official_one(tiny_engine):
    from generation.engine.config import WAN_DEFAULT_NEGATIVE_PROMPT

    assert tiny_engine.resolve(GenerationRequest(prompt=PROMPT, negative_prompt="")).negative_prompt == \
        WAN_DEFAULT_NEGATIVE_PROMPT
    assert tiny_engine.resolve(GenerationRequest(prompt=PROMPT, negative_prompt=None)).negative_prompt == \
        WAN_DEFAULT_NEGATIVE_PROMPT
    assert tiny_engine.resolve(GenerationRequest(prompt=PROMPT, negative_prompt="  ")).negative_prompt == \
        WAN_DEFAULT_NEGATIVE_PROMPT
    kw = dict(prompt=PROMPT, seed=2, width=32, height=32, num_frames=5, num_steps=3)
    empty = tiny_engine.generate(GenerationRequest(negative_prompt="", **kw), keep_float=True)
    reference = pipeline_frames(tiny_engine, seed=2, width=32, height=32, num_frames=5, steps=3, g_high=4.0,
                                g_low=3.0, negative=WAN_DEFAULT_NEGATIVE_PROMPT)
    assert np.abs(reference - empty.frames_float).max() <= 1e-4
