"""Numerics and folders: the bf16 dtype path (on CPU), unsupported folders refused, loading options."""

import json
import shutil

import numpy as np
import pytest
import torch

from generation.engine import GenerationRequest, InvalidRequest, load_engine
from tests.engine_fixtures import tiny_engine, tiny_engine_dir  # noqa: F401  (fixtures)


@pytest.fixture(scope="module")
def bf16_engine(tiny_engine_dir):
    return load_engine(tiny_engine_dir, device="cpu", precision="bf16")


@pytest.mark.parametrize("sampler", ["unipc", "euler"])
def test_bf16_experts_keep_float32_latents(bf16_engine, monkeypatch, sampler):
    """bf16 experts (the GPU path): the guidance sum reaches the scheduler in float32 and the latents it
    returns stay float32 for every sampler (diffusers' Euler step casts to the model output's dtype)."""
    import generation.engine.engine as engine_module

    assert bf16_engine.experts.dtype == torch.bfloat16
    assert next(bf16_engine.text_encoder.parameters()).dtype == torch.bfloat16
    assert next(bf16_engine.vae.parameters()).dtype == torch.float32
    seen = []
    make = engine_module.make_scheduler

    def spying(*args, **kwargs):
        scheduler = make(*args, **kwargs)
        step = scheduler.step

        def spy(model_output, t, sample, **kw):
            out = step(model_output, t, sample, **kw)
            seen.append((model_output.dtype, sample.dtype, out[0].dtype))
            return out

        scheduler.step = spy
        return scheduler

    monkeypatch.setattr(engine_module, "make_scheduler", spying)
    result = bf16_engine.generate(GenerationRequest(prompt="刺绣", seed=1, width=32, height=32, num_frames=5,
                                                    num_steps=3, sampler=sampler), keep_float=True)
    assert seen == [(torch.float32, torch.float32, torch.float32)] * 3
    assert np.isfinite(result.frames_float).all() and result.frames_float.std() > 0.01


def test_bf16_guidance_is_combined_in_float32():
    from generation.engine.engine import guided_velocity

    class Const(torch.nn.Module):  # returns bf16 outputs that differ below bf16's resolution after scaling
        def forward(self, hidden_states, timestep, encoder_hidden_states, return_dict=False):
            value = encoder_hidden_states[:, :1, :1].reshape(-1, 1, 1, 1, 1)
            return (hidden_states * 0 + value).to(torch.bfloat16), None

    x = torch.zeros(1, 2, 1, 2, 2, dtype=torch.bfloat16)
    cond = torch.full((1, 1, 1), 1.0078125, dtype=torch.bfloat16)  # 1 + 2^-7
    uncond = torch.full((1, 1, 1), 1.0, dtype=torch.bfloat16)
    out = guided_velocity(Const(), x, torch.tensor([500.0]), cond, uncond, 3.0, batch_cfg=True)
    assert out.dtype == torch.float32
    assert torch.allclose(out, torch.full_like(out, 1.0 + 3 * 0.0078125))  # 1.0234375: not representable in bf16


def _variant(src, dst, *, index=None, transformer=None):
    shutil.copytree(src, dst)
    if index:
        data = json.loads((dst / "model_index.json").read_text())
        data.update(index)
        (dst / "model_index.json").write_text(json.dumps(data))
    for name in transformer or {}:
        for sub in ("transformer", "transformer_2"):
            path = dst / sub / "config.json"
            if path.is_file():
                config = json.loads(path.read_text())
                config[name] = transformer[name]
                path.write_text(json.dumps(config))
    return dst


def test_wan21_style_folder_is_refused(tiny_engine_dir, tmp_path):
    """One 16-channel transformer, no transformer_2, no boundary_ratio: the Wan2.1-T2V layout."""
    from pathlib import Path

    folder = _variant(Path(tiny_engine_dir), tmp_path / "wan21",
                      index={"transformer_2": [None, None], "boundary_ratio": None})
    shutil.rmtree(folder / "transformer_2")
    with pytest.raises(InvalidRequest, match=r"Wan2\.1 text-to-video checkpoint"):
        load_engine(folder, device="cpu")


@pytest.mark.parametrize("index", [{"_class_name": "WanImageToVideoPipeline", "boundary_ratio": 0.9},
                                   {}])
def test_i2v_style_folder_is_refused(tiny_engine_dir, tmp_path, index):
    """36 input channels (latent + mask + image) — refused whether or not model_index.json says I2V."""
    from pathlib import Path

    folder = _variant(Path(tiny_engine_dir), tmp_path / "i2v", index=index, transformer={"in_channels": 36})
    with pytest.raises(InvalidRequest, match=r"image-to-video \(I2V\)") as info:
        load_engine(folder, device="cpu")
    assert "not supported" in str(info.value)


def test_two_experts_without_boundary_or_with_another_boundary_are_refused(tiny_engine_dir, tmp_path):
    from pathlib import Path

    no_boundary = _variant(Path(tiny_engine_dir), tmp_path / "nb", index={"boundary_ratio": None})
    with pytest.raises(InvalidRequest, match="no boundary_ratio"):
        load_engine(no_boundary, device="cpu")
    other = _variant(Path(tiny_engine_dir), tmp_path / "ob", index={"boundary_ratio": 0.9})
    with pytest.raises(InvalidRequest, match="boundary_ratio 0.9"):
        load_engine(other, device="cpu")


def test_detect_preset_rules():
    from generation.engine.config import A14B_TRANSFORMER, UnsupportedCheckpoint, detect_preset

    a14b_index = {"_class_name": "WanPipeline", "boundary_ratio": 0.875,
                  "transformer_2": ["diffusers", "WanTransformer3DModel"]}
    assert detect_preset(A14B_TRANSFORMER, a14b_index) == "wan2.2-t2v-a14b"
    ti2v = dict(A14B_TRANSFORMER, num_attention_heads=24, num_layers=30, in_channels=48, out_channels=48)
    assert detect_preset(ti2v, {"_class_name": "WanPipeline", "transformer_2": [None, None]}) == "wan2.2-ti2v-5b"
    with pytest.raises(UnsupportedCheckpoint, match="Wan2.1"):
        detect_preset(A14B_TRANSFORMER, {"_class_name": "WanPipeline", "transformer_2": [None, None]})
    with pytest.raises(UnsupportedCheckpoint, match="VACE"):
        detect_preset(A14B_TRANSFORMER, dict(a14b_index, _class_name="WanVACEPipeline"))
    with pytest.raises(UnsupportedCheckpoint, match="unknown two-expert geometry"):
        detect_preset(dict(A14B_TRANSFORMER, num_layers=30), a14b_index)


def test_generate_clip_refuses_before_loading(tiny_engine_dir, tmp_path):
    from pathlib import Path

    from django.core.management import CommandError, call_command

    folder = _variant(Path(tiny_engine_dir), tmp_path / "i2v", transformer={"in_channels": 36})
    with pytest.raises(CommandError, match="I2V"):
        call_command("generate_clip", "--model", str(folder), "--prompt", "x", "--out", str(tmp_path / "a.mp4"),
                     "--device", "cpu")


def test_loader_takes_low_cpu_mem_usage_and_device_map(tiny_engine_dir, monkeypatch):
    """Every model loads with low_cpu_mem_usage; device_for puts a device_map on each model's call."""
    from diffusers import AutoencoderKLWan, WanTransformer3DModel
    from transformers import UMT5EncoderModel

    from generation.engine.loading import default_dtypes, inspect_model_dir, load_components

    calls = []
    for cls in (WanTransformer3DModel, AutoencoderKLWan, UMT5EncoderModel):
        original = cls.from_pretrained.__func__

        def spy(klass, path, *args, _original=original, **kwargs):
            calls.append((klass.__name__, kwargs.get("low_cpu_mem_usage"), kwargs.get("device_map")))
            return _original(klass, path, *args, **kwargs)

        monkeypatch.setattr(cls, "from_pretrained", classmethod(spy))
    folder = inspect_model_dir(tiny_engine_dir)
    components = load_components(folder, default_dtypes("cpu"), device_for={"transformer": "cpu", "vae": "cpu",
                                                                           "text_encoder": "cpu"})
    assert sorted(calls) == sorted([("UMT5EncoderModel", True, {"": "cpu"}),
                                    ("WanTransformer3DModel", True, {"": "cpu"}),
                                    ("WanTransformer3DModel", True, {"": "cpu"}),
                                    ("AutoencoderKLWan", True, {"": "cpu"})])
    assert components.transformer_2 is not None


def test_load_targets_rule(tiny_engine_dir):
    from generation.engine.engine import load_targets
    from generation.engine.loading import component_bytes, default_dtypes, inspect_model_dir

    folder = inspect_model_dir(tiny_engine_dir)
    dtypes = default_dtypes("cuda")
    assert load_targets(folder, "cpu", "resident", dtypes) == {}
    assert load_targets(folder, "cuda:0", "swap", dtypes) == {}
    assert load_targets(folder, "cuda:0", "offload", dtypes) == {}
    assert load_targets(folder, "cuda:0", "resident", dtypes) == {"transformer": "cuda:0", "text_encoder": "cuda:0",
                                                                  "vae": "cuda:0"}
    # header-only size estimate: bf16 experts are half their fp32 size
    assert component_bytes(folder, "transformer", torch.bfloat16) * 2 == component_bytes(folder, "transformer",
                                                                                        torch.float32)


def test_offload_mode_uses_group_offload_without_pinning_everything(tiny_engine_dir):
    """Offload takes diffusers' group-offload path, pinning host copies a group at a time
    (low_cpu_mem_usage); on a GPU the side stream and record_stream are on (checked by the rule)."""
    from diffusers.hooks import HookRegistry

    from generation.engine.memory import Placement

    engine = load_engine(tiny_engine_dir, device="cpu", mode="offload")
    groups = []
    for model in (engine.experts.high, engine.experts.low, engine.text_encoder):
        for sub in model.modules():
            registry = getattr(sub, "_diffusers_hook", None)
            hook = registry.get_hook("group_offloading") if isinstance(registry, HookRegistry) else None
            if hook is not None:
                groups.append(hook.group)
    assert groups, "no group-offload hooks: the offload path was not taken"
    blocks = [g for g in groups if not g.parameters]  # block groups (the top-level group holds loose params)
    assert blocks and all(g.low_cpu_mem_usage for g in blocks)
    assert all(g.stream is None for g in groups)  # CPU: no streams
    assert not any(p.is_pinned() for p in engine.experts.high.parameters())
    cuda = Placement(text_encoder=None, high=None, low=None, vae=None, device="cuda:0").offload_options()
    assert cuda["use_stream"] and cuda["record_stream"] and cuda["low_cpu_mem_usage"]
    assert cuda["offload_type"] == "block_level" and cuda["num_blocks_per_group"] == 1
