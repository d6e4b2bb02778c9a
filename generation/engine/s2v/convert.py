"""One-time local conversion of the Wan2.2-S2V-14B release folder into the folder the engine loads
(`python manage.py convert_s2v SRC DST`).

The release keeps two components in the official code's own `.pth` format:
    models_t5_umt5-xxl-enc-bf16.pth  → text_encoder/  (transformers UMT5EncoderModel, safetensors)
    Wan2.1_VAE.pth                   → vae/           (diffusers AutoencoderKLWan, via diffusers'
                                                       own `convert_wan_vae_to_diffusers` key map)
Everything else (the S2V transformer's config and safetensors shards with their official names, the
wav2vec2 folder, the umt5 tokenizer) is used as it is: DST gets symbolic links to it (or copies).
Nothing is downloaded.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import torch

from ..errors import MissingComponent
from .loading import OFFICIAL_T5, OFFICIAL_VAE, inspect_s2v_dir

# official T5 encoder (wan/modules/t5.py) → transformers UMT5EncoderModel
_T5_BLOCK = {
    "norm1.weight": "layer.0.layer_norm.weight",
    "attn.q.weight": "layer.0.SelfAttention.q.weight",
    "attn.k.weight": "layer.0.SelfAttention.k.weight",
    "attn.v.weight": "layer.0.SelfAttention.v.weight",
    "attn.o.weight": "layer.0.SelfAttention.o.weight",
    "pos_embedding.embedding.weight": "layer.0.SelfAttention.relative_attention_bias.weight",
    "norm2.weight": "layer.1.layer_norm.weight",
    "ffn.gate.0.weight": "layer.1.DenseReluDense.wi_0.weight",
    "ffn.fc1.weight": "layer.1.DenseReluDense.wi_1.weight",
    "ffn.fc2.weight": "layer.1.DenseReluDense.wo.weight",
}


def t5_official_to_transformers(sd: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    out: dict[str, torch.Tensor] = {}
    for key, value in sd.items():
        if key == "token_embedding.weight":
            out["shared.weight"] = value
            out["encoder.embed_tokens.weight"] = value
        elif key == "norm.weight":
            out["encoder.final_layer_norm.weight"] = value
        elif (m := re.fullmatch(r"blocks\.(\d+)\.(.+)", key)) and m.group(2) in _T5_BLOCK:
            out[f"encoder.block.{m.group(1)}.{_T5_BLOCK[m.group(2)]}"] = value
        else:
            raise MissingComponent(f"{OFFICIAL_T5}: unexpected tensor {key} (not an umt5 encoder)", missing=[key])
    return out


def t5_config_from_state_dict(sd: dict[str, torch.Tensor]):
    from transformers import UMT5Config

    vocab, d_model = sd["token_embedding.weight"].shape
    layers = 1 + max(int(k.split(".")[1]) for k in sd if k.startswith("blocks."))
    buckets, heads = sd["blocks.0.pos_embedding.embedding.weight"].shape
    d_ff = sd["blocks.0.ffn.fc1.weight"].shape[0]
    d_attn = sd["blocks.0.attn.q.weight"].shape[0]
    return UMT5Config(vocab_size=vocab, d_model=d_model, d_kv=d_attn // heads, d_ff=d_ff, num_layers=layers,
                      num_heads=heads, relative_attention_num_buckets=buckets, relative_attention_max_distance=128,
                      feed_forward_proj="gated-gelu", dropout_rate=0.0, tie_word_embeddings=False,
                      pad_token_id=0, eos_token_id=1, decoder_start_token_id=0)


def _load_pth(path: Path) -> dict[str, torch.Tensor]:
    try:
        sd = torch.load(path, map_location="cpu", weights_only=True, mmap=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is reported by name
        raise MissingComponent(f"cannot read {path.name}: {exc}", missing=[path.name]) from exc
    if isinstance(sd, dict) and "state_dict" in sd and isinstance(sd["state_dict"], dict):
        sd = sd["state_dict"]
    return sd


def convert_text_encoder(pth: Path, dst: Path) -> None:
    from transformers import UMT5EncoderModel

    sd = _load_pth(pth)
    config = t5_config_from_state_dict(sd)
    with torch.device("meta"):
        model = UMT5EncoderModel(config)
    converted = t5_official_to_transformers(sd)
    missing, unexpected = model.load_state_dict(converted, strict=False, assign=True)
    if missing or unexpected:
        raise MissingComponent(f"{pth.name} does not match a umt5 encoder: missing {missing[:5]}, "
                               f"unexpected {unexpected[:5]}", missing=list(missing))
    model.to(next(iter(sd.values())).dtype)
    model.save_pretrained(dst, safe_serialization=True, max_shard_size="5GB")


def convert_vae(pth: Path, dst: Path) -> None:
    from diffusers import AutoencoderKLWan
    from diffusers.loaders.single_file_utils import convert_wan_vae_to_diffusers

    sd = convert_wan_vae_to_diffusers(_load_pth(pth))
    vae = AutoencoderKLWan()  # the default configuration is the Wan2.1 VAE
    missing, unexpected = vae.load_state_dict(sd, strict=False)
    if missing or unexpected:
        raise MissingComponent(f"{pth.name} does not match the Wan2.1 VAE: missing {missing[:5]}, "
                               f"unexpected {unexpected[:5]}", missing=list(missing))
    vae.save_pretrained(dst, safe_serialization=True)


def convert_s2v(src: str | os.PathLike, dst: str | os.PathLike, *, copy: bool = False) -> Path:
    """Write DST from the release folder SRC (links or copies, plus the two converted components)."""
    src, dst = Path(src).resolve(), Path(dst)
    if not src.is_dir():
        raise MissingComponent(f"release folder {src} does not exist", missing=[str(src)])
    for name in (OFFICIAL_T5, OFFICIAL_VAE):
        if not (src / name).is_file() and not (src / ("text_encoder" if name == OFFICIAL_T5 else "vae")).is_dir():
            raise MissingComponent(f"release folder {src} lacks {name}", missing=[name])
    if dst.exists() and any(dst.iterdir()):
        raise FileExistsError(f"destination {dst} is not empty")
    dst.mkdir(parents=True, exist_ok=True)
    for entry in sorted(src.iterdir()):
        if entry.name in (OFFICIAL_T5, OFFICIAL_VAE) or entry.name.startswith("."):
            continue
        target = dst / entry.name
        if copy:
            (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, target)
        else:
            target.symlink_to(entry, target_is_directory=entry.is_dir())
    if not (dst / "text_encoder").exists():
        convert_text_encoder(src / OFFICIAL_T5, dst / "text_encoder")
    if not (dst / "vae").exists():
        convert_vae(src / OFFICIAL_VAE, dst / "vae")
    inspect_s2v_dir(dst)  # the result must load
    return dst
