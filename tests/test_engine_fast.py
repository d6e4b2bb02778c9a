"""Fast modes on the tiny checkpoint (CPU): caching and the LoRA preview change the frames, are
deterministic, are recorded in the result, and leave the engine as it was; FP8 needs a GPU."""

import numpy as np
import pytest
import torch

from generation.engine import GenerationRequest, InvalidRequest
from tests.engine_fixtures import tiny_engine, tiny_engine_dir  # noqa: F401  (fixtures)

KW = dict(prompt="老师傅在绣绷上劈丝", negative_prompt="模糊", seed=5, width=64, height=48, num_frames=9, num_steps=12)


@pytest.fixture(scope="module")
def lora_dir(tmp_path_factory):
    from generation.engine.tiny import build_tiny_lora

    return str(build_tiny_lora(tmp_path_factory.mktemp("tiny-lora")))


@pytest.fixture(scope="module")
def full_run(tiny_engine):
    return tiny_engine.generate(GenerationRequest(**KW), keep_float=True)


@pytest.mark.parametrize("mode", ["first_block_cache", "taylorseer_cache"])
def test_caching_modes_change_frames_deterministically(tiny_engine, full_run, mode):
    a = tiny_engine.generate(GenerationRequest(**KW, fast=(mode,)), keep_float=True)
    b = tiny_engine.generate(GenerationRequest(**KW, fast=(mode,)), keep_float=True)
    assert np.array_equal(a.frames_float, b.frames_float)  # deterministic
    assert np.abs(a.frames_float - full_run.frames_float).max() > 1e-6  # the hook acted
    assert a.fast["modes"] == [mode] and a.fast["cache"]["mode"] == mode
    assert full_run.fast == {}
    # the hooks are gone afterwards: a plain run is the plain run again
    again = tiny_engine.generate(GenerationRequest(**KW), keep_float=True)
    assert np.array_equal(again.frames_float, full_run.frames_float)


def test_first_block_cache_uses_the_cache_context(tiny_engine, monkeypatch):
    """The loop names each forward (cond / uncond) with the step index for the hooks."""
    seen = []
    for model in tiny_engine.experts.modules:
        original = model.cache_context

        def spy(name, _original=original, **kwargs):
            seen.append((name, kwargs["step_index"], kwargs["num_inference_steps"]))
            return _original(name, **kwargs)

        monkeypatch.setattr(model, "cache_context", spy)
    tiny_engine.generate(GenerationRequest(**{**KW, "num_steps": 3}, fast=("first_block_cache",)))
    assert seen == [("cond", 0, 3), ("uncond", 0, 3), ("cond", 1, 3), ("uncond", 1, 3), ("cond", 2, 3),
                    ("uncond", 2, 3)]


def test_lora_preview(tiny_engine, full_run, lora_dir):
    req = GenerationRequest(**{k: v for k, v in KW.items() if k != "num_steps"}, fast=("lora_preview",),
                            lora_dir=lora_dir)
    resolved = tiny_engine.resolve(req)
    assert (resolved.num_steps, resolved.guidance_high, resolved.guidance_low) == (4, 1.0, 1.0)  # preview defaults
    a = tiny_engine.generate(req, keep_float=True)
    b = tiny_engine.generate(req, keep_float=True)
    assert np.array_equal(a.frames_float, b.frames_float)
    assert a.num_steps == 4 and a.expert_steps == {"high": 3, "low": 1}  # both experts, both with the LoRA
    assert a.fast["lora"]["dir"] == lora_dir and len(a.fast["lora"]["sha256"]) == 64
    # same steps and guidance without the LoRA: other frames
    plain = tiny_engine.generate(GenerationRequest(**{**KW, "num_steps": 4}, guidance_high=1.0, guidance_low=1.0),
                                 keep_float=True)
    assert np.abs(a.frames_float - plain.frames_float).max() > 1e-3
    # LoRA off again for the next request
    again = tiny_engine.generate(GenerationRequest(**KW), keep_float=True)
    assert np.array_equal(again.frames_float, full_run.frames_float)


def test_fast_mode_requests_are_checked(tiny_engine, lora_dir, tmp_path):
    with pytest.raises(InvalidRequest, match="at most one caching mode"):
        tiny_engine.resolve(GenerationRequest(prompt="x", fast=("first_block_cache", "taylorseer_cache")))
    with pytest.raises(InvalidRequest, match="unknown fast mode"):
        tiny_engine.resolve(GenerationRequest(prompt="x", fast=("turbo",)))
    with pytest.raises(InvalidRequest, match="needs a LoRA folder"):
        tiny_engine.resolve(GenerationRequest(prompt="x", fast=("lora_preview",)))
    with pytest.raises(InvalidRequest, match="lacks low_noise_model.safetensors"):
        (tmp_path / "high_noise_model.safetensors").write_bytes(b"")
        tiny_engine.resolve(GenerationRequest(prompt="x", fast=("lora_preview",), lora_dir=str(tmp_path)))


def test_fp8_is_refused_on_cpu_with_the_reason(tiny_engine):
    with pytest.raises(InvalidRequest, match="fp8 needs a CUDA GPU"):
        tiny_engine.generate(GenerationRequest(prompt="x", width=32, height=32, num_frames=5, fast=("fp8",)))


@pytest.mark.skipif(not torch.cuda.is_available(), reason="FP8 linear layers need a CUDA GPU with FP8 (torchao)")
def test_fp8_on_gpu(tiny_engine_dir):
    pytest.importorskip("torchao", reason="torchao is not installed")
    from generation.engine import load_engine

    engine = load_engine(tiny_engine_dir, device="cuda")
    plain = engine.generate(GenerationRequest(**KW), keep_float=True)
    fp8 = engine.generate(GenerationRequest(**KW, fast=("fp8",)), keep_float=True)
    assert fp8.fast["modes"] == ["fp8"]
    assert np.abs(fp8.frames_float - plain.frames_float).max() > 0
    again = engine.generate(GenerationRequest(**KW), keep_float=True)  # experts reloaded in bf16
    assert np.array_equal(again.frames_float, plain.frames_float)
