"""One-time conversion of a checkpoint folder's weights to bf16 shards (`manage.py convert_weights`).

The hub's Wan2.2-T2V-A14B-Diffusers ships float32 shards (about 114 GB for the two experts and the text
encoder); the engine runs them in bf16. Converting once halves what every later load reads. The
experts and the text encoder are converted tensor by tensor (one output shard in memory at a time);
tensors of the modules their classes keep in float32 (`_keep_in_fp32_modules`: the Wan experts'
modulation table, norms and time embedder, UMT5's `wo`) stay float32, so a bf16 load of the converted
folder holds exactly what a bf16 load of the original holds. The VAE (float32 in Wan2.2's own code),
tokenizer, scheduler and model_index.json are copied unchanged. The folder is written beside the
destination and renamed into place at the end, so an interrupted run leaves no half folder.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import torch

from .errors import InvalidRequest
from .loading import COMPONENTS, inspect_model_dir, weight_files

# component → stem of its weight files (the keep-in-float32 lists come from the model classes)
CONVERTED = {"transformer": "diffusion_pytorch_model", "transformer_2": "diffusion_pytorch_model",
             "text_encoder": "model"}
DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16}


def keep_float32(name: str, keep: tuple[str, ...]) -> bool:
    return any(k in name.split(".") for k in keep)


def keep_modules() -> dict[str, tuple[str, ...]]:
    """The keep-in-float32 module names, read from the model classes themselves."""
    from diffusers import WanTransformer3DModel
    from transformers import UMT5EncoderModel

    wan = tuple(WanTransformer3DModel._keep_in_fp32_modules or ())
    t5 = tuple(UMT5EncoderModel._keep_in_fp32_modules or ())
    return {"transformer": wan, "transformer_2": wan, "text_encoder": t5}


def _convert_component(src: Path, dst: Path, stem: str, keep: tuple[str, ...], dtype: torch.dtype,
                       shard_bytes: int) -> dict:
    from safetensors import safe_open
    from safetensors.torch import save_file

    dst.mkdir(parents=True)
    for f in src.iterdir():
        if f.is_file() and not f.name.endswith(".safetensors") and not f.name.endswith(".safetensors.index.json"):
            shutil.copy2(f, dst / f.name)
    shards: list[dict[str, torch.Tensor]] = [{}]
    sizes = [0]
    total = 0
    kept = converted = 0
    written: list[tuple[str, list[str]]] = []

    def flush() -> None:
        if not shards[-1]:
            return
        index = len(written) + 1
        tmp_name = f"{stem}.part{index:05d}.safetensors"
        save_file(shards[-1], str(dst / tmp_name), metadata={"format": "pt"})
        written.append((tmp_name, list(shards[-1])))
        shards[-1] = {}
        sizes[-1] = 0

    for f in weight_files(src):
        with safe_open(str(f), framework="pt") as fh:
            for name in fh.keys():
                t = fh.get_tensor(name)
                if t.is_floating_point():
                    if keep_float32(name, keep):
                        t = t.to(torch.float32)
                        kept += 1
                    else:
                        t = t.to(dtype)
                        converted += 1
                n = t.numel() * t.element_size()
                if sizes[-1] and sizes[-1] + n > shard_bytes:
                    flush()
                shards[-1][name] = t.contiguous()
                sizes[-1] += n
                total += n
    flush()
    count = len(written)
    weight_map = {}
    for i, (tmp_name, tensor_names) in enumerate(written, start=1):
        final = f"{stem}-{i:05d}-of-{count:05d}.safetensors" if count > 1 else f"{stem}.safetensors"
        os.replace(dst / tmp_name, dst / final)
        weight_map.update({n: final for n in tensor_names})
    if count > 1:
        index = {"metadata": {"total_size": total}, "weight_map": dict(sorted(weight_map.items()))}
        (dst / f"{stem}.safetensors.index.json").write_text(json.dumps(index, indent=2) + "\n")
    return {"shards": count, "bytes": total, "converted_tensors": converted, "float32_tensors": kept}


def convert_checkpoint(src: str | os.PathLike, dst: str | os.PathLike, *, dtype: str = "bf16",
                       shard_bytes: int = 5 * 10**9) -> dict:
    """Write a copy of the checkpoint folder `src` at `dst` with its experts and text encoder in `dtype`.

    Raises MissingComponent (incomplete source) or InvalidRequest (bad destination or options)."""
    if dtype not in DTYPES:
        raise InvalidRequest(f"dtype must be one of {', '.join(DTYPES)}, got {dtype!r}")
    if shard_bytes <= 0:
        raise InvalidRequest(f"shard size must be positive, got {shard_bytes}")
    folder = inspect_model_dir(src)
    src_root, dst_root = Path(src), Path(dst)
    if dst_root.exists() and (not dst_root.is_dir() or any(dst_root.iterdir())):
        raise InvalidRequest(f"destination {dst_root} exists and is not an empty folder; choose a new path")
    if not dst_root.parent.is_dir():
        raise InvalidRequest(f"the folder {dst_root.parent} for the destination does not exist")
    keep = keep_modules()
    work = dst_root.parent / f".{dst_root.name}.converting"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    report: dict = {"source": str(src_root), "destination": str(dst_root), "dtype": dtype, "components": {}}
    try:
        shutil.copy2(src_root / "model_index.json", work / "model_index.json")
        for name in COMPONENTS:
            if not (src_root / name).is_dir():
                continue  # transformer_2 of a one-transformer layout (inspect_model_dir checked the rest)
            if name in CONVERTED:
                stem = CONVERTED[name]
                report["components"][name] = _convert_component(src_root / name, work / name, stem, keep[name],
                                                                 DTYPES[dtype], shard_bytes)
            else:
                shutil.copytree(src_root / name, work / name)
                report["components"][name] = {"copied": True}
        if dst_root.exists():
            dst_root.rmdir()
        os.replace(work, dst_root)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    report["source_checkpoint_id"] = folder.checkpoint_id
    report["checkpoint_id"] = inspect_model_dir(dst_root).checkpoint_id
    report["bytes"] = sum(p.stat().st_size for p in dst_root.rglob("*") if p.is_file())
    report["source_bytes"] = sum(p.stat().st_size for p in src_root.rglob("*") if p.is_file())
    return report
