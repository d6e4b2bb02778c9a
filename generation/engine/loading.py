"""Finding, checking and loading a checkpoint folder in the Wan2.2-T2V-A14B-Diffusers layout.

    model_index.json
    transformer/     WanTransformer3DModel   (high-noise expert)
    transformer_2/   WanTransformer3DModel   (low-noise expert)
    vae/             AutoencoderKLWan
    text_encoder/    UMT5EncoderModel (transformers)
    tokenizer/       tokenizer files (tokenizer.json or spiece.model)
    scheduler/       scheduler_config.json   (its flow_shift is overridden by the preset)

The Wan2.2-TI2V-5B-Diffusers layout (text-to-video use only) is accepted too: model_index.json names
no transformer_2 (absent or [null, null]) and says expand_timesteps: true; the VAE is the Wan2.2 one.

Nothing is ever downloaded: every from_pretrained call gets local_files_only=True.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import torch

from .errors import MissingComponent

# component -> (config file, acceptable weight files (any one), description)
COMPONENTS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "transformer": (
        "config.json",
        ("diffusion_pytorch_model.safetensors", "diffusion_pytorch_model.safetensors.index.json"),
        "high-noise expert (WanTransformer3DModel)",
    ),
    "transformer_2": (
        "config.json",
        ("diffusion_pytorch_model.safetensors", "diffusion_pytorch_model.safetensors.index.json"),
        "low-noise expert (WanTransformer3DModel)",
    ),
    "vae": (
        "config.json",
        ("diffusion_pytorch_model.safetensors", "diffusion_pytorch_model.safetensors.index.json"),
        "video VAE (AutoencoderKLWan)",
    ),
    "text_encoder": (
        "config.json",
        ("model.safetensors", "model.safetensors.index.json"),
        "text encoder (UMT5EncoderModel)",
    ),
    "tokenizer": ("", ("tokenizer.json", "spiece.model"), "tokenizer"),
    "scheduler": ("scheduler_config.json", (), "scheduler config"),
}

# Single weight files smaller than this are hashed whole into the checkpoint id; bigger ones by
# their safetensors header (names, dtypes, shapes, offsets) and size.
_HASH_WHOLE_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class ModelFolder:
    path: Path
    model_index: dict
    transformer_config: dict
    checkpoint_id: str
    vae_config: dict | None = None

    @property
    def two_experts(self) -> bool:
        return has_low_noise_expert(self.model_index)

    @property
    def spatial_multiple(self) -> int:
        """Width and height must be multiples of this: VAE spatial factor × transformer patch (16 or 32)."""
        vae_scale = int((self.vae_config or {}).get("scale_factor_spatial", 8))
        return vae_scale * int(self.transformer_config.get("patch_size", (1, 2, 2))[1])

    @property
    def temporal_scale(self) -> int:
        return int((self.vae_config or {}).get("scale_factor_temporal", 4))

    @property
    def expand_timesteps(self) -> bool:
        return bool(self.model_index.get("expand_timesteps", False))


def _read_model_index(root: Path) -> dict | None:
    try:
        return json.loads((root / "model_index.json").read_text())
    except (OSError, ValueError):
        return None


def has_low_noise_expert(model_index: dict | None) -> bool:
    """Two experts unless model_index.json explicitly names no transformer_2 (TI2V-5B layout)."""
    if model_index is None:
        return True
    entry = model_index.get("transformer_2")
    return not (entry is None or (isinstance(entry, list) and all(v is None for v in entry)))


def _missing_parts(root: Path) -> list[str]:
    missing: list[str] = []
    model_index = _read_model_index(root)
    if model_index is None:
        missing.append("model_index.json" if not (root / "model_index.json").is_file()
                       else "model_index.json (unreadable JSON)")
    for name, (config, weights, what) in COMPONENTS.items():
        if name == "transformer_2" and not has_low_noise_expert(model_index):
            continue
        folder = root / name
        if not folder.is_dir():
            missing.append(f"{name}/ ({what})")
            continue
        if config and not (folder / config).is_file():
            missing.append(f"{name}/{config}")
        if weights and not any((folder / w).is_file() for w in weights):
            missing.append(f"{name}/{' or '.join(weights)}")
            continue
        for w in weights:  # sharded weights: every shard named by the index must be there
            if w.endswith(".index.json") and (folder / w).is_file():
                try:
                    shards = sorted(set(json.loads((folder / w).read_text())["weight_map"].values()))
                except (ValueError, KeyError, AttributeError):
                    missing.append(f"{name}/{w} (unreadable weight index)")
                    continue
                missing += [f"{name}/{s}" for s in shards if not (folder / s).is_file()]
    return missing


def _safetensors_header(path: Path) -> bytes:
    with open(path, "rb") as fh:
        n = int.from_bytes(fh.read(8), "little")
        return fh.read(n)


def files_identity(root: Path, files) -> str:
    """sha256 over the files' names (relative to ``root``) and contents: whole when small, a large
    safetensors file by its header and size (reading 60 GB of weights to name a checkpoint would take
    minutes). Used for every engine's checkpoint id."""
    h = hashlib.sha256()
    for p in files:
        h.update(str(p.relative_to(root)).encode() + b"\0")
        if p.suffix == ".safetensors" and p.stat().st_size > _HASH_WHOLE_LIMIT:
            h.update(_safetensors_header(p) + str(p.stat().st_size).encode())
        else:
            h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def checkpoint_identity(root: Path) -> str:
    """sha256 over model_index.json, every component's config and weight index files.

    Single (unsharded) weight files are included too: whole if small (the tiny checkpoint), else by
    their safetensors header and size. File names enter the hash, so moving files changes the id.
    """
    files = [root / "model_index.json"]
    for name in COMPONENTS:
        folder = root / name
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in {".json", ".model"})
            files += sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".safetensors")
    return files_identity(root, files)


def inspect_model_dir(path: str | os.PathLike) -> ModelFolder:
    """Check a checkpoint folder without loading any weights. Raises MissingComponent."""
    root = Path(path)
    if not root.exists():
        raise MissingComponent(f"model folder {root} does not exist", missing=[str(root)])
    if not root.is_dir():
        raise MissingComponent(f"model path {root} is not a folder", missing=[str(root)])
    missing = _missing_parts(root)
    if missing:
        raise MissingComponent(
            f"model folder {root} is incomplete; missing: {', '.join(missing)}", missing=missing
        )
    model_index = json.loads((root / "model_index.json").read_text())
    transformer_config = json.loads((root / "transformer" / "config.json").read_text())
    vae_config = json.loads((root / "vae" / "config.json").read_text())
    return ModelFolder(root, model_index, transformer_config, checkpoint_identity(root), vae_config)


@dataclass
class Components:
    tokenizer: object
    text_encoder: torch.nn.Module
    transformer: torch.nn.Module  # high-noise expert
    transformer_2: torch.nn.Module | None  # low-noise expert (None: TI2V-5B layout)
    vae: torch.nn.Module
    scheduler_config: dict


def default_dtypes(device: str, precision: str | None = None) -> dict[str, torch.dtype]:
    """bf16 experts and text encoder on GPU (the VAE stays fp32 as in Wan2.2's own code); fp32 everywhere
    on CPU unless precision="bf16" (which runs the GPU's dtype path on the CPU, for tests)."""
    if precision not in (None, "bf16", "fp32"):
        raise ValueError(f"precision must be bf16 or fp32, got {precision!r}")
    if precision == "bf16" or (precision is None and device.startswith("cuda")):
        return {"transformer": torch.bfloat16, "text_encoder": torch.bfloat16, "vae": torch.float32}
    return {"transformer": torch.float32, "text_encoder": torch.float32, "vae": torch.float32}


_DTYPE_BYTES = {"F64": 8, "F32": 4, "BF16": 2, "F16": 2, "F8_E4M3": 1, "F8_E5M2": 1, "I64": 8, "I32": 4,
                "I16": 2, "I8": 1, "U8": 1, "BOOL": 1}


def weight_files(folder: Path) -> list[Path]:
    """The safetensors files of one component folder (the shards its index names, or the single file)."""
    for index in sorted(folder.glob("*.safetensors.index.json")):
        return [folder / s for s in sorted(set(json.loads(index.read_text())["weight_map"].values()))]
    return sorted(folder.glob("*.safetensors"))


def safetensors_numels(path: Path) -> dict[str, tuple[str, int]]:
    """name → (dtype, number of elements), from the file's header only."""
    header = json.loads(_safetensors_header(path))
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        n = 1
        for d in info["shape"]:
            n *= int(d)
        out[name] = (info["dtype"], n)
    return out


def component_bytes(folder: ModelFolder, name: str, dtype: torch.dtype) -> int:
    """Bytes the component will take once loaded in `dtype` (floating tensors), read from headers only."""
    total = 0
    for f in weight_files(folder.path / name):
        for dt, n in safetensors_numels(f).values():
            total += n * (dtype.itemsize if dt.startswith(("F", "BF")) else _DTYPE_BYTES.get(dt, 4))
    return total


def load_components(folder: ModelFolder, dtypes: dict[str, torch.dtype], *,
                    device_for: dict[str, str] | None = None, only: tuple[str, ...] | None = None) -> Components:
    """Load every component from the folder.

    device_for: component → device to load it straight onto (diffusers/transformers `device_map`: each
    tensor goes from the file to the device, read lazily from the memory-mapped file, without a full
    copy in host memory first); components not named load onto the CPU (memory.py places them later).
    Every loader runs with low_cpu_mem_usage (the models are built empty, on the meta device).

    A component that is present but cannot be loaded (truncated weights, a config that does not match)
    raises MissingComponent naming it, with the loader's own message.
    only: load just these components (the others are None in the result)."""
    from diffusers import AutoencoderKLWan, WanTransformer3DModel
    from transformers import AutoTokenizer, UMT5EncoderModel

    root = folder.path
    common = dict(local_files_only=True)

    device_for = device_for or {}

    def load(name: str, fn, **kwargs):
        placed = dict(kwargs)
        target = device_for.get("transformer" if name == "transformer_2" else name)
        if name != "tokenizer":
            placed["low_cpu_mem_usage"] = True
            if target is not None:
                placed["device_map"] = {"": target}
        try:
            return fn(root / name, **common, **placed)
        except (OSError, ValueError, RuntimeError, KeyError, TypeError) as exc:
            first = str(exc).strip().splitlines()[0][:500] if str(exc).strip() else type(exc).__name__
            raise MissingComponent(f"cannot load {name}/ from {root}: {first}", missing=[name]) from exc

    def wanted(name: str) -> bool:
        return only is None or name in only

    tokenizer = load("tokenizer", AutoTokenizer.from_pretrained) if wanted("tokenizer") else None
    text_encoder = (load("text_encoder", UMT5EncoderModel.from_pretrained, dtype=dtypes["text_encoder"])
                    if wanted("text_encoder") else None)
    transformer = (load("transformer", WanTransformer3DModel.from_pretrained, torch_dtype=dtypes["transformer"])
                   if wanted("transformer") else None)
    transformer_2 = None
    if folder.two_experts and wanted("transformer_2"):
        transformer_2 = load("transformer_2", WanTransformer3DModel.from_pretrained,
                             torch_dtype=dtypes["transformer"])
    vae = load("vae", AutoencoderKLWan.from_pretrained, torch_dtype=dtypes["vae"]) if wanted("vae") else None
    for m in (text_encoder, transformer, transformer_2, vae):
        if m is not None:
            m.eval().requires_grad_(False)
    try:
        scheduler_config = json.loads((root / "scheduler" / "scheduler_config.json").read_text())
    except ValueError as exc:
        raise MissingComponent(f"cannot read scheduler/scheduler_config.json in {root}: {exc}",
                               missing=["scheduler"]) from exc
    return Components(tokenizer, text_encoder, transformer, transformer_2, vae, scheduler_config)
