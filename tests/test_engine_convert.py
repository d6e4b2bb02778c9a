"""convert_weights: bf16 shards from fp32 ones give exactly what a bf16 load of the original gives."""

import json

import numpy as np
import pytest
import torch

from generation.engine import GenerationRequest, load_engine
from tests.engine_fixtures import tiny_engine_dir  # noqa: F401  (fixtures)


def test_convert_weights_command_writes_bf16_shards(tiny_engine_dir, tmp_path, capsys):
    from django.core.management import call_command
    from safetensors import safe_open

    dst = tmp_path / "bf16"
    call_command("convert_weights", tiny_engine_dir, str(dst), "--shard-size", "20KB", "--json")
    report = json.loads(capsys.readouterr().out)
    assert report["components"]["transformer"]["shards"] > 1  # sharded, with an index
    index = json.loads((dst / "transformer" / "diffusion_pytorch_model.safetensors.index.json").read_text())
    shards = sorted(set(index["weight_map"].values()))
    assert shards[0] == f"diffusion_pytorch_model-00001-of-{len(shards):05d}.safetensors"
    dtypes = {}
    for shard in shards:
        with safe_open(str(dst / "transformer" / shard), framework="pt") as fh:
            for name in fh.keys():
                dtypes[name] = fh.get_slice(name).get_dtype()
    assert dtypes["blocks.0.attn1.to_q.weight"] == "BF16"
    assert dtypes["scale_shift_table"] == "F32"  # kept float32, as the model class keeps it
    assert report["bytes"] < report["source_bytes"] * 0.75
    # the VAE stays float32
    with safe_open(str(dst / "vae" / "diffusion_pytorch_model.safetensors"), framework="pt") as fh:
        assert {fh.get_slice(n).get_dtype() for n in fh.keys()} == {"F32"}

    req = GenerationRequest(prompt="剪纸", seed=3, width=32, height=32, num_frames=5, num_steps=3)
    original = load_engine(tiny_engine_dir, device="cpu", precision="bf16").generate(req)
    converted = load_engine(dst, device="cpu", precision="bf16").generate(req)
    assert np.array_equal(original.frames, converted.frames)
    a = load_engine(tiny_engine_dir, device="cpu", precision="bf16").experts.high.state_dict()
    b = load_engine(dst, device="cpu", precision="bf16").experts.high.state_dict()
    assert all(torch.equal(a[k], b[k]) and a[k].dtype == b[k].dtype for k in a)


def test_convert_weights_refuses_a_used_destination(tiny_engine_dir, tmp_path):
    from django.core.management import CommandError, call_command

    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x").write_text("keep me")
    with pytest.raises(CommandError, match="not an empty folder"):
        call_command("convert_weights", tiny_engine_dir, str(tmp_path / "used"))
    assert (tmp_path / "used" / "x").read_text() == "keep me"
    with pytest.raises(CommandError, match="does not exist"):
        call_command("convert_weights", str(tmp_path / "nothing"), str(tmp_path / "out"))
    with pytest.raises(CommandError, match="shard-size"):
        call_command("convert_weights", tiny_engine_dir, str(tmp_path / "out"), "--shard-size", "lots")
