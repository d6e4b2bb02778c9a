"""Loading an S2V folder in the official Wan2.2-S2V-14B layout: official tensor names, and a clear
error naming whatever is missing or mismatched (checked before any weight is read)."""

from __future__ import annotations

import json
import shutil

import pytest
from safetensors.torch import load_file, save_file

from generation.engine.errors import MissingComponent
from generation.engine.s2v.config import S2V_14B_TRANSFORMER
from generation.engine.s2v.loading import AUDIO_DIR, INDEX, expected_tensors, inspect_s2v_dir
from tests.s2v_fixtures import tiny_s2v_path

OFFICIAL_NAMES = [  # as in the official Wan2.2-S2V-14B shards (wan/modules/s2v/model_s2v.py module names)
    "patch_embedding.weight", "text_embedding.0.weight", "time_embedding.2.weight", "time_projection.1.weight",
    "blocks.0.modulation", "blocks.0.self_attn.q.weight", "blocks.0.self_attn.norm_k.weight",
    "blocks.1.cross_attn.o.bias", "blocks.1.norm3.weight", "blocks.1.ffn.2.weight", "head.head.weight",
    "head.modulation", "cond_encoder.weight", "trainable_cond_mask.weight", "casual_audio_encoder.weights",
    "casual_audio_encoder.encoder.conv1_local.conv.weight", "casual_audio_encoder.encoder.conv1_global.conv.weight",
    "casual_audio_encoder.encoder.conv3.conv.weight", "casual_audio_encoder.encoder.final_linear.weight",
    "casual_audio_encoder.encoder.padding_tokens", "audio_injector.injector.0.q.weight",
    "audio_injector.injector.1.norm_k.weight", "audio_injector.injector_adain_layers.1.linear.weight",
    "frame_packer.proj.weight", "frame_packer.proj_2x.weight", "frame_packer.proj_4x.weight",
]


@pytest.fixture
def folder(tmp_path_factory, tmp_path):
    dst = tmp_path / "Wan2.2-S2V-14B"
    shutil.copytree(tiny_s2v_path(tmp_path_factory), dst)
    return dst


def test_tiny_checkpoint_has_the_official_layout_and_tensor_names(folder):
    config = json.loads((folder / "config.json").read_text())
    assert config["_class_name"] == "WanModel_S2V" and config["model_type"] == "s2v"
    weight_map = json.loads((folder / INDEX).read_text())["weight_map"]
    assert len(set(weight_map.values())) >= 2  # sharded, as the release
    for name in OFFICIAL_NAMES:
        assert name in weight_map, name
    info = inspect_s2v_dir(folder)
    assert len(info.weight_files) == len(set(weight_map.values()))


def test_real_size_model_has_the_official_names_and_about_16b_parameters():
    shapes = expected_tensors(S2V_14B_TRANSFORMER)
    assert shapes["blocks.39.ffn.0.weight"] == (13824, 5120)
    assert shapes["audio_injector.injector.11.q.weight"] == (5120, 5120)  # 12 audio injection layers
    assert "audio_injector.injector.12.q.weight" not in shapes
    assert shapes["casual_audio_encoder.weights"] == (1, 25, 1, 1)  # 25 wav2vec2-large hidden states
    assert shapes["casual_audio_encoder.encoder.conv1_local.conv.weight"] == (5120, 1024, 3)
    assert shapes["frame_packer.proj_4x.weight"] == (5120, 16, 4, 8, 8)
    n = sum(__import__("math").prod(s) for s in shapes.values())
    assert 15e9 < n < 17.5e9, n


def test_missing_shard_is_named(folder):
    shard = sorted(json.loads((folder / INDEX).read_text())["weight_map"].values())[-1]
    (folder / shard).unlink()
    with pytest.raises(MissingComponent, match=shard) as exc:
        inspect_s2v_dir(folder)
    assert shard in exc.value.missing


def test_renamed_tensor_is_named(folder):
    index = json.loads((folder / INDEX).read_text())
    name = "blocks.1.self_attn.q.weight"
    shard = index["weight_map"][name]
    tensors = load_file(folder / shard)
    tensors["blocks.1.self_attn.query.weight"] = tensors.pop(name)
    save_file(tensors, folder / shard, metadata={"format": "pt"})
    del index["weight_map"][name]
    index["weight_map"]["blocks.1.self_attn.query.weight"] = shard
    (folder / INDEX).write_text(json.dumps(index))
    with pytest.raises(MissingComponent) as exc:
        inspect_s2v_dir(folder)
    assert f"missing tensor(s): {name}" in str(exc.value)
    assert "unexpected tensor(s): blocks.1.self_attn.query.weight" in str(exc.value)


def test_tensor_missing_from_its_shard_is_named(folder):
    index = json.loads((folder / INDEX).read_text())
    name = "frame_packer.proj_2x.weight"
    shard = index["weight_map"][name]
    tensors = load_file(folder / shard)
    del tensors[name]
    save_file(tensors, folder / shard, metadata={"format": "pt"})
    with pytest.raises(MissingComponent, match=f"tensor {name} is named by the index but absent from {shard}"):
        inspect_s2v_dir(folder)


def test_mismatched_shape_is_named(folder):
    config = json.loads((folder / "config.json").read_text())
    config["ffn_dim"] = 48
    (folder / "config.json").write_text(json.dumps(config))
    with pytest.raises(MissingComponent, match=r"tensor blocks\.0\.ffn\.0\.weight has shape \(32, 24\)"):
        inspect_s2v_dir(folder)


def test_missing_audio_encoder_is_named(folder):
    shutil.rmtree(folder / AUDIO_DIR)
    with pytest.raises(MissingComponent, match="wav2vec2-large-xlsr-53-english") as exc:
        inspect_s2v_dir(folder)
    assert any(AUDIO_DIR in m for m in exc.value.missing)


def test_unconverted_release_points_at_convert_s2v(folder):
    shutil.rmtree(folder / "vae")
    (folder / "Wan2.1_VAE.pth").write_bytes(b"")
    with pytest.raises(MissingComponent, match=r"vae/ .*Wan2\.1_VAE\.pth is there: run `python manage.py convert_s2v"):
        inspect_s2v_dir(folder)


def test_loads_with_local_files_only_and_same_weights(folder):
    import torch

    from generation.engine.s2v import load_s2v_engine

    engine = load_s2v_engine(folder, device="cpu")
    assert engine.preset.name == "tiny-s2v"
    index = json.loads((folder / INDEX).read_text())["weight_map"]
    name = "audio_injector.injector.0.o.weight"
    stored = load_file(folder / index[name])[name]
    assert torch.equal(engine.transformer.state_dict()[name], stored) and stored.abs().sum() > 0
