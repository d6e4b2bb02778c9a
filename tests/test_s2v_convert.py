"""convert_s2v: the release's official-format umt5 encoder becomes a UMT5EncoderModel with the same
outputs; the transformer shards and wav2vec2 folder are linked unchanged."""

from __future__ import annotations

import io
import json
import shutil

import pytest
import torch
from django.core.management import CommandError, call_command

from generation.engine.s2v.convert import _T5_BLOCK
from generation.engine.s2v.loading import OFFICIAL_T5, OFFICIAL_VAE, inspect_s2v_dir
from tests.s2v_fixtures import tiny_s2v_path


def _to_official(sd: dict) -> dict:
    """transformers UMT5 encoder names → the official wan/modules/t5.py names (test-side inverse map)."""
    inverse = {v: k for k, v in _T5_BLOCK.items()}
    out = {}
    for key, value in sd.items():
        if key == "shared.weight":
            out["token_embedding.weight"] = value
        elif key == "encoder.final_layer_norm.weight":
            out["norm.weight"] = value
        elif key.startswith("encoder.block."):
            i, rest = key[len("encoder.block."):].split(".", 1)
            out[f"blocks.{i}.{inverse[rest]}"] = value
    return out


@pytest.fixture
def release(tmp_path_factory, tmp_path):
    """A tiny 'release as downloaded': the text encoder only as the official .pth."""
    from transformers import UMT5EncoderModel

    src = tmp_path / "release"
    shutil.copytree(tiny_s2v_path(tmp_path_factory), src)
    model = UMT5EncoderModel.from_pretrained(src / "text_encoder", local_files_only=True)
    sd = {k: v for k, v in model.state_dict().items() if k != "encoder.embed_tokens.weight"}
    torch.save(_to_official(sd), src / OFFICIAL_T5)
    shutil.rmtree(src / "text_encoder")
    return src, model


def test_convert_makes_a_loadable_folder_with_the_same_text_encoder(release, tmp_path):
    from transformers import UMT5EncoderModel

    src, original = release
    with pytest.raises(Exception, match="convert_s2v"):
        inspect_s2v_dir(src)
    dst = tmp_path / "converted"
    out = io.StringIO()
    call_command("convert_s2v", str(src), str(dst), "--json", stdout=out)
    info = json.loads(out.getvalue())
    assert info["path"] == str(dst)
    assert (dst / "config.json").is_symlink() and (dst / "wav2vec2-large-xlsr-53-english").is_symlink()
    converted = UMT5EncoderModel.from_pretrained(dst / "text_encoder", local_files_only=True)
    ids = torch.tensor([[5, 17, 99, 1]])
    torch.testing.assert_close(converted(input_ids=ids).last_hidden_state, original(input_ids=ids).last_hidden_state)
    assert inspect_s2v_dir(dst).checkpoint_id == info["checkpoint_id"]


def test_convert_names_a_missing_pth(release, tmp_path):
    src, _ = release
    (src / OFFICIAL_T5).unlink()
    with pytest.raises(CommandError, match=OFFICIAL_T5):
        call_command("convert_s2v", str(src), str(tmp_path / "x"), stdout=io.StringIO())
    assert OFFICIAL_VAE != OFFICIAL_T5
