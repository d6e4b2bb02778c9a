"""Finding, checking and loading a Wan2.2-S2V-14B folder.

The folder is the official release (Wan-AI/Wan2.2-S2V-14B) as downloaded, after `manage.py convert_s2v
SRC DST` has turned its two `.pth` files into diffusers/transformers folders:

    config.json                                           S2V transformer config (official keys)
    diffusion_pytorch_model-0000k-of-0000n.safetensors    S2V transformer shards (official tensor names)
    diffusion_pytorch_model.safetensors.index.json        (or one diffusion_pytorch_model.safetensors)
    wav2vec2-large-xlsr-53-english/                       audio encoder (Wav2Vec2ForCTC + feature extractor)
    google/umt5-xxl/                                      tokenizer
    vae/                 AutoencoderKLWan   (convert_s2v, from Wan2.1_VAE.pth)
    text_encoder/        UMT5EncoderModel   (convert_s2v, from models_t5_umt5-xxl-enc-bf16.pth)

Every transformer tensor name and shape is checked against the model built from config.json before
any weight is read; nothing is ever downloaded (local_files_only=True).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import torch

from ..errors import MissingComponent
from ..loading import _safetensors_header, files_identity

INDEX = "diffusion_pytorch_model.safetensors.index.json"
SINGLE = "diffusion_pytorch_model.safetensors"
AUDIO_DIR = "wav2vec2-large-xlsr-53-english"
TOKENIZER_DIR = "google/umt5-xxl"
OFFICIAL_T5 = "models_t5_umt5-xxl-enc-bf16.pth"
OFFICIAL_VAE = "Wan2.1_VAE.pth"


@dataclass(frozen=True)
class S2VFolder:
    path: Path
    transformer_config: dict
    vae_config: dict
    weight_files: tuple[str, ...]
    checkpoint_id: str


def _json(path: Path, what: str, missing_name: str) -> dict:
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        raise MissingComponent(f"{what} is missing: {path}", missing=[missing_name]) from None
    except (OSError, ValueError) as exc:
        raise MissingComponent(f"{what} cannot be read ({path}): {exc}", missing=[missing_name]) from exc


def _header(path: Path) -> dict:
    try:
        return json.loads(_safetensors_header(path))
    except (OSError, ValueError) as exc:
        raise MissingComponent(f"transformer shard {path.name} is not a readable safetensors file: {exc}",
                               missing=[path.name]) from exc


def transformer_weight_files(root: Path) -> tuple[list[str], dict[str, str]]:
    """(shard files, tensor name → shard) from the index, or the single weight file."""
    if (root / INDEX).is_file():
        index = _json(root / INDEX, "transformer weight index", INDEX)
        try:
            weight_map = dict(index["weight_map"])
        except (KeyError, TypeError):
            raise MissingComponent(f"transformer weight index {INDEX} has no weight_map", missing=[INDEX]) from None
        shards = sorted(set(weight_map.values()))
        absent = [s for s in shards if not (root / s).is_file()]
        if absent:
            raise MissingComponent(f"transformer shard missing: {', '.join(absent)} (named by {INDEX} in {root})",
                                   missing=absent)
        return shards, weight_map
    if (root / SINGLE).is_file():
        names = [k for k in _header(root / SINGLE) if k != "__metadata__"]
        return [SINGLE], {k: SINGLE for k in names}
    raise MissingComponent(f"no S2V transformer weights in {root} (expected {INDEX} and its shards, or {SINGLE})",
                           missing=[INDEX])


def expected_tensors(config: dict) -> dict[str, tuple[int, ...]]:
    """Tensor names and shapes of the transformer described by `config` (built on the meta device)."""
    from .model import WanS2VTransformer3DModel

    with torch.device("meta"):
        try:
            model = WanS2VTransformer3DModel.from_config(config)
        except (TypeError, ValueError) as exc:
            raise MissingComponent(f"config.json does not describe a supported S2V transformer: {exc}",
                                   missing=["config.json"]) from exc
    return {k: tuple(v.shape) for k, v in model.state_dict().items()}


def check_transformer_tensors(root: Path, config: dict) -> tuple[str, ...]:
    shards, weight_map = transformer_weight_files(root)
    expected = expected_tensors(config)
    missing = sorted(set(expected) - set(weight_map))
    unexpected = sorted(set(weight_map) - set(expected))
    problems = []
    if missing:
        problems.append(f"missing tensor(s): {', '.join(missing[:10])}" + (" …" if len(missing) > 10 else ""))
    if unexpected:
        problems.append(f"unexpected tensor(s): {', '.join(unexpected[:10])}" + (" …" if len(unexpected) > 10 else ""))
    headers = {s: _header(root / s) for s in shards}
    for name, shard in weight_map.items():
        if name in expected:
            info = headers[shard].get(name)
            if info is None:
                problems.append(f"tensor {name} is named by the index but absent from {shard}")
            elif tuple(info["shape"]) != expected[name]:
                problems.append(f"tensor {name} has shape {tuple(info['shape'])} in {shard}, "
                                f"config.json expects {expected[name]}")
    if problems:
        raise MissingComponent(f"S2V transformer in {root} does not match config.json: " + "; ".join(problems),
                               missing=missing + unexpected)
    return tuple(shards)


def _other_parts_missing(root: Path) -> list[str]:
    missing = []
    audio = root / AUDIO_DIR
    if not (audio / "config.json").is_file() or not any(
            (audio / f).is_file() for f in ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json")):
        missing.append(f"{AUDIO_DIR}/ (wav2vec2 audio encoder: config.json and weights)")
    elif not (audio / "preprocessor_config.json").is_file():
        missing.append(f"{AUDIO_DIR}/preprocessor_config.json (wav2vec2 feature extractor)")
    if not any((root / TOKENIZER_DIR / f).is_file() for f in ("tokenizer.json", "spiece.model")):
        missing.append(f"{TOKENIZER_DIR}/ (umt5 tokenizer)")
    for name, pth, what in (("vae", OFFICIAL_VAE, "video VAE (AutoencoderKLWan)"),
                            ("text_encoder", OFFICIAL_T5, "text encoder (UMT5EncoderModel)")):
        if not (root / name / "config.json").is_file():
            hint = f"; the release's {pth} is there: run `python manage.py convert_s2v {root} DST`" \
                if (root / pth).is_file() else ""
            missing.append(f"{name}/ ({what}{hint})")
    return missing


def checkpoint_identity(root: Path, weight_files) -> str:
    files = [root / "config.json"] + ([root / INDEX] if (root / INDEX).is_file() else [])
    files += [root / w for w in weight_files]
    for sub in (AUDIO_DIR, TOKENIZER_DIR, "vae", "text_encoder"):
        d = root / sub
        if d.is_dir():
            files += sorted(p for p in d.iterdir() if p.is_file() and p.suffix in {".json", ".model", ".safetensors"})
    return files_identity(root, files)


def inspect_s2v_dir(path: str | os.PathLike) -> S2VFolder:
    """Check an S2V folder without loading weights. Raises MissingComponent naming what is wrong."""
    root = Path(path)
    if not root.is_dir():
        raise MissingComponent(f"S2V model folder {root} does not exist or is not a folder", missing=[str(root)])
    config = _json(root / "config.json", "S2V transformer config", "config.json")
    if config.get("model_type") not in (None, "s2v"):
        raise MissingComponent(f"{root}/config.json is not an S2V transformer (model_type {config.get('model_type')!r})",
                               missing=["config.json"])
    missing = _other_parts_missing(root)
    if missing:
        raise MissingComponent(f"S2V model folder {root} is incomplete; missing: {', '.join(missing)}", missing=missing)
    shards = check_transformer_tensors(root, config)
    vae_config = _json(root / "vae" / "config.json", "VAE config", "vae")
    return S2VFolder(root, config, vae_config, shards, checkpoint_identity(root, shards))


@dataclass
class S2VComponents:
    tokenizer: object
    text_encoder: torch.nn.Module
    transformer: torch.nn.Module
    vae: torch.nn.Module
    audio_encoder: torch.nn.Module
    feature_extractor: object


def load_s2v_components(folder: S2VFolder, dtypes: dict[str, torch.dtype]) -> S2VComponents:
    """Load every component onto the CPU; a part that fails to load raises MissingComponent naming it."""
    from diffusers import AutoencoderKLWan
    from transformers import AutoTokenizer, UMT5EncoderModel, Wav2Vec2FeatureExtractor, Wav2Vec2Model

    from .model import WanS2VTransformer3DModel

    root = folder.path

    def load(name: str, where: Path, fn, **kwargs):
        try:
            return fn(where, local_files_only=True, **kwargs)
        except (OSError, ValueError, RuntimeError, KeyError, TypeError) as exc:
            first = str(exc).strip().splitlines()[0][:500] if str(exc).strip() else type(exc).__name__
            raise MissingComponent(f"cannot load {name} from {where}: {first}", missing=[name]) from exc

    tokenizer = load("tokenizer", root / TOKENIZER_DIR, AutoTokenizer.from_pretrained)
    text_encoder = load("text_encoder", root / "text_encoder", UMT5EncoderModel.from_pretrained,
                        dtype=dtypes["text_encoder"])
    transformer = load("transformer", root, WanS2VTransformer3DModel.from_pretrained, torch_dtype=dtypes["transformer"])
    vae = load("vae", root / "vae", AutoencoderKLWan.from_pretrained, torch_dtype=dtypes["vae"])
    from transformers.utils import logging as hf_logging

    level = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # the release's checkpoint is Wav2Vec2ForCTC: its unused lm_head is reported
    try:
        audio_encoder = load("audio encoder", root / AUDIO_DIR, Wav2Vec2Model.from_pretrained, dtype=dtypes["audio"])
    finally:
        hf_logging.set_verbosity(level)
    feature_extractor = load("audio feature extractor", root / AUDIO_DIR, Wav2Vec2FeatureExtractor.from_pretrained)
    for m in (text_encoder, transformer, vae, audio_encoder):
        m.eval().requires_grad_(False)
    return S2VComponents(tokenizer, text_encoder, transformer, vae, audio_encoder, feature_extractor)


def default_s2v_dtypes(device: str) -> dict[str, torch.dtype]:
    if device.startswith("cuda"):
        return {"transformer": torch.bfloat16, "text_encoder": torch.bfloat16, "vae": torch.float32,
                "audio": torch.float32}
    return {"transformer": torch.float32, "text_encoder": torch.float32, "vae": torch.float32, "audio": torch.float32}
