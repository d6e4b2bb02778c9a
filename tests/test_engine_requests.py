"""Bad requests and bad folders fail with clear messages before any model work; progress, cancellation,
memory modes and OOM reporting."""

import json
import shutil

import numpy as np
import pytest
import torch

from generation.engine import (
    PRESETS, Cancelled, GenerationRequest, InvalidRequest, MissingComponent, OutOfMemory, load_engine,
)
from generation.engine.loading import inspect_model_dir
from generation.engine.memory import pick_mode
from tests.engine_fixtures import tiny_engine, tiny_engine_dir  # noqa: F401  (fixtures)

GB = 2**30


@pytest.fixture
def forward_calls(tiny_engine):
    """Counts forward calls of every model of the engine."""
    calls = []
    modules = [tiny_engine.text_encoder, tiny_engine.experts.high, tiny_engine.experts.low, tiny_engine.vae]
    handles = [m.register_forward_pre_hook(lambda mod, args, i=i: calls.append(i)) for i, m in enumerate(modules)]
    yield calls
    for h in handles:
        h.remove()


@pytest.mark.parametrize("changes, message", [
    ({"width": 72}, "width must be a multiple of 16, got 72"),
    ({"height": 50}, "height must be a multiple of 16, got 50"),
    ({"num_frames": 8}, "frames must be of the form 4k+1"),
    ({"num_frames": 0}, "frames must be of the form 4k+1"),
    ({"num_steps": 0}, "steps must be a positive integer"),
    ({"num_steps": -3}, "steps must be a positive integer"),
    ({"prompt": ""}, "prompt is empty"),
    ({"prompt": "   \n"}, "prompt is empty"),
    ({"sampler": "ddim"}, "sampler must be one of unipc, euler"),
    ({"guidance_high": 0.5}, "guidance_high must be a number from 1 to 20"),
    ({"seed": -1}, "seed must be an integer"),
    ({"mode": "turbo"}, "mode must be auto, resident, swap, offload"),
    ({"width": 512, "height": 512}, "accepts sides up to 256"),
])
def test_bad_request_fails_before_model_work(tiny_engine, forward_calls, changes, message):
    fields = dict(prompt="剪纸", width=32, height=32, num_frames=5, num_steps=2) | changes
    with pytest.raises(InvalidRequest) as info:
        tiny_engine.generate(GenerationRequest(**fields))
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)
    with pytest.raises(InvalidRequest):
        tiny_engine.validate(GenerationRequest(**fields))
    assert forward_calls == []


def test_every_problem_is_reported_at_once(tiny_engine):
    with pytest.raises(InvalidRequest) as info:
        tiny_engine.validate(GenerationRequest(prompt="", width=30, num_frames=6, num_steps=0))
    text = str(info.value)
    for part in ("prompt is empty", "width must be a multiple of 16", "4k+1", "steps must be"):
        assert part in text


def test_a14b_preset_accepts_only_its_sizes(tiny_engine_dir):
    engine = load_engine(tiny_engine_dir, device="cpu", preset="wan2.2-t2v-a14b")
    assert engine.preset.num_steps == 40 and engine.preset.flow_shift == 12.0
    engine.validate(GenerationRequest(prompt="x", width=1280, height=720))
    engine.validate(GenerationRequest(prompt="x", width=480, height=832))
    with pytest.raises(InvalidRequest, match=r"size 1024×576 is not supported .*1280×720, 832×480"):
        engine.validate(GenerationRequest(prompt="x", width=1024, height=576))
    with pytest.raises(InvalidRequest, match="at most 81"):
        engine.validate(GenerationRequest(prompt="x", num_frames=85))


def test_defaults_come_from_the_preset(tiny_engine):
    resolved = tiny_engine.resolve(GenerationRequest(prompt="x"))
    p = PRESETS["tiny"]
    assert (resolved.width, resolved.height) == p.sizes[0]
    assert (resolved.num_frames, resolved.num_steps) == (p.num_frames, p.num_steps)
    assert (resolved.guidance_high, resolved.guidance_low) == (p.guidance_high, p.guidance_low)


def test_missing_folder(tmp_path):
    with pytest.raises(MissingComponent, match="does not exist"):
        load_engine(tmp_path / "nowhere", device="cpu")


@pytest.mark.parametrize("remove, named", [
    ("transformer_2", "transformer_2/ (low-noise expert"),
    ("vae/diffusion_pytorch_model.safetensors", "vae/diffusion_pytorch_model.safetensors"),
    ("tokenizer", "tokenizer/ (tokenizer)"),
    ("text_encoder/config.json", "text_encoder/config.json"),
    ("model_index.json", "model_index.json"),
])
def test_incomplete_folder_names_what_is_missing(tiny_engine_dir, tmp_path, remove, named):
    folder = tmp_path / "ckpt"
    shutil.copytree(tiny_engine_dir, folder)
    target = folder / remove
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    with pytest.raises(MissingComponent) as info:
        load_engine(folder, device="cpu")
    assert named in str(info.value)
    assert any(named.split(" ")[0] in m for m in info.value.missing)


def test_missing_shard_of_a_sharded_expert(tiny_engine_dir, tmp_path):
    folder = tmp_path / "ckpt"
    shutil.copytree(tiny_engine_dir, folder)
    t = folder / "transformer"
    (t / "diffusion_pytorch_model.safetensors").rename(t / "diffusion_pytorch_model-00001-of-00002.safetensors")
    index = {"metadata": {}, "weight_map": {"a": "diffusion_pytorch_model-00001-of-00002.safetensors",
                                            "b": "diffusion_pytorch_model-00002-of-00002.safetensors"}}
    (t / "diffusion_pytorch_model.safetensors.index.json").write_text(json.dumps(index))
    with pytest.raises(MissingComponent, match="transformer/diffusion_pytorch_model-00002-of-00002.safetensors"):
        inspect_model_dir(folder)


def test_checkpoint_id_changes_with_weights(tiny_engine_dir, tmp_path):
    from generation.engine.tiny import build_tiny_checkpoint

    other = build_tiny_checkpoint(tmp_path / "seed1", seed=1)
    assert inspect_model_dir(other).checkpoint_id != inspect_model_dir(tiny_engine_dir).checkpoint_id


def test_progress_reports_each_step_with_its_expert(tiny_engine):
    seen = []
    result = tiny_engine.generate(GenerationRequest(prompt="竹编", width=32, height=32, num_frames=5, num_steps=4),
                                  progress=lambda step, total, expert: seen.append((step, total, expert)))
    assert seen == [(1, 4, "high"), (2, 4, "high"), (3, 4, "high"), (4, 4, "low")]
    assert result.expert_steps == {"high": 3, "low": 1}
    assert set(result.timings) >= {"encode", "denoise", "decode", "total"}
    assert result.frames.shape == (5, 32, 32, 3) and result.fps == 16


def test_cancellation_between_steps(tiny_engine, forward_calls):
    seen = []
    with pytest.raises(Cancelled, match="before step 3 of 4"):
        tiny_engine.generate(GenerationRequest(prompt="竹编", width=32, height=32, num_frames=5, num_steps=4),
                             progress=lambda *a: seen.append(a), should_cancel=lambda: len(seen) >= 2)
    assert len(seen) == 2
    assert 3 not in forward_calls  # the VAE never ran


@pytest.mark.parametrize("mode", ["swap", "offload"])
def test_memory_modes_give_the_same_frames(tiny_engine_dir, mode):
    req = GenerationRequest(prompt="皮影戏", seed=4, width=32, height=32, num_frames=5, num_steps=4)
    engine = load_engine(tiny_engine_dir, device="cpu")
    resident = engine.generate(req)
    assert resident.mode == "resident"
    other = engine.generate(GenerationRequest(**(req.__dict__ | {"mode": mode})))
    assert other.mode == mode == engine.mode
    assert np.array_equal(resident.frames, other.frames)
    back = engine.generate(GenerationRequest(**(req.__dict__ | {"mode": "resident"})))
    assert np.array_equal(resident.frames, back.frames)


def test_out_of_memory_is_wrapped(tiny_engine_dir, monkeypatch):
    engine = load_engine(tiny_engine_dir, device="cpu", mode="swap")

    def boom(*args, **kwargs):
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 20.00 GiB")

    monkeypatch.setattr(engine.experts.high, "forward", boom)
    with pytest.raises(OutOfMemory) as info:
        engine.generate(GenerationRequest(prompt="x", width=32, height=32, num_frames=5, num_steps=2))
    assert info.value.mode == "swap"
    assert "out of device memory in mode swap" in str(info.value)


def test_auto_mode_from_free_memory():
    # A14B in bf16: text encoder ~11.4 GB, each expert ~28.6 GB, VAE ~0.5 GB, activations estimated
    sizes = dict(text_encoder=11 * GB, high=29 * GB, low=29 * GB, vae=GB // 2, activations=20 * GB)
    assert pick_mode(140 * GB, **sizes) == "resident"  # H200
    assert pick_mode(79 * GB, **sizes) == "swap"  # H100 80 GB
    assert pick_mode(23 * GB, **sizes) == "offload"  # 24 GB card
    assert pick_mode(None, **sizes) == "resident"  # CPU


def test_cpu_engine_reports_mode_and_device(tiny_engine):
    assert tiny_engine.device == "cpu" and tiny_engine.mode == "resident"
    assert tiny_engine.describe()["mode_reason"] == "CPU device"


def test_tiled_decode_path(tiny_engine_dir):
    engine = load_engine(tiny_engine_dir, device="cpu")
    req = GenerationRequest(prompt="剪纸", seed=2, width=64, height=64, num_frames=5, num_steps=2)
    plain = engine.generate(req)
    assert plain.decode_tiled is False
    engine.tile_vae = True
    engine.vae.enable_tiling(tile_sample_min_height=32, tile_sample_min_width=32,
                             tile_sample_stride_height=16, tile_sample_stride_width=16)
    tiled = engine.generate(req)
    assert tiled.decode_tiled is True
    assert tiled.frames.shape == plain.frames.shape == (5, 64, 64, 3)


def test_cached_prompts_skip_the_text_encoder(tiny_engine_dir):
    engine = load_engine(tiny_engine_dir, device="cpu")
    calls = []
    engine.text_encoder.register_forward_pre_hook(lambda *a: calls.append(1))
    req = GenerationRequest(prompt="木偶戏", negative_prompt="模糊", width=32, height=32, num_frames=5, num_steps=2)
    first = engine.generate(req)
    assert len(calls) == 2  # prompt and negative prompt
    second = engine.generate(req)
    assert len(calls) == 2 and np.array_equal(first.frames, second.frames)


def test_truncated_weights_name_the_component(tiny_engine_dir, tmp_path):
    folder = tmp_path / "ckpt"
    shutil.copytree(tiny_engine_dir, folder)
    weights = folder / "transformer_2" / "diffusion_pytorch_model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])
    with pytest.raises(MissingComponent, match=r"cannot load transformer_2/") as info:
        load_engine(folder, device="cpu")
    assert info.value.missing == ["transformer_2"]
