"""Fast modes: opt-in per request, each from an established library, each recorded in the result.

    first_block_cache  diffusers FirstBlockCache hook: a step whose first-block residual moved less than
                       the threshold reuses the rest of the network's residual from the previous step
    taylorseer_cache   diffusers TaylorSeer hook: between full steps, block outputs are predicted from a
                       Taylor expansion of the last ones
    fp8                FP8 (e4m3) linear layers with dynamic per-row activation scaling, torchao
                       (CUDA GPUs with FP8 tensor cores only; torchao is imported here, lazily)
    lora_preview       a distilled few-step LoRA on both experts from a local folder (peft through
                       diffusers' LoRA loader), with the preview's steps and guidance as defaults

The caching hooks need the denoising loop to say which call is which: the engine wraps every forward
in `cache_context(label, step_index=…, sigma=…, num_inference_steps=…)` (engine._forward).
MagCache is not offered: diffusers ships no magnitude ratios for Wan2.2 and they are model-specific.
How far each mode moves the frames from the full run, and what it saves, is measured by
bench/engine_fast.py (PSNR and max difference on the same seed).
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from pathlib import Path

import torch

from .config import CACHE_MODES, FAST_MODES, LORA_PREVIEW
from .errors import InvalidRequest

# The LoRA folder layout of the published Wan2.2 few-step LoRAs: one file per expert.
LORA_FILES = {"high": "high_noise_model.safetensors", "low": "low_noise_model.safetensors"}
ADAPTER = "preview"
WAN_TAYLORSEER_MODULES = r"^blocks\.\d+\.(attn1|attn2|ffn)$"


def cache_config(mode: str, num_steps: int):
    """The diffusers cache config for a caching mode (library defaults; the TaylorSeer warm-up is kept
    inside the run for short schedules so that the hook can act at all)."""
    from diffusers import FirstBlockCacheConfig, TaylorSeerCacheConfig

    if mode == "first_block_cache":
        return FirstBlockCacheConfig(threshold=0.05)
    if mode == "taylorseer_cache":
        before = min(3, max(1, num_steps // 4))
        # diffusers' default module patterns ("^blocks.*attn", matched whole) miss Wan's attn1/attn2, so
        # the hook would do nothing: name Wan's attention and feed-forward sub-modules explicitly.
        return TaylorSeerCacheConfig(cache_interval=min(5, max(2, num_steps // 4)), disable_cache_before_step=before,
                                     max_order=1, taylor_factors_dtype=torch.float32,
                                     cache_identifiers=[WAN_TAYLORSEER_MODULES])
    raise ValueError(mode)


def check_fast(fast, *, device: str, lora_dir: str | None, two_experts: bool) -> list[str]:
    """Problems with the asked fast modes (empty list: fine). No model work."""
    problems: list[str] = []
    unknown = [m for m in fast if m not in FAST_MODES]
    if unknown:
        problems.append(f"unknown fast mode(s) {', '.join(map(str, unknown))}; choose from {', '.join(FAST_MODES)}")
    caches = [m for m in fast if m in CACHE_MODES]
    if len(caches) > 1:
        problems.append(f"choose at most one caching mode, got {', '.join(caches)}")
    if "fp8" in fast and not device.startswith("cuda"):
        problems.append("fast mode fp8 needs a CUDA GPU with FP8 support (torchao float8 kernels); "
                        f"this engine runs on {device}")
    if "lora_preview" in fast:
        if not lora_dir:
            problems.append("fast mode lora_preview needs a LoRA folder (lora_dir)")
        else:
            root = Path(lora_dir)
            need = [LORA_FILES["high"]] + ([LORA_FILES["low"]] if two_experts else [])
            missing = [n for n in need if not (root / n).is_file()]
            if missing:
                problems.append(f"LoRA folder {root} lacks {', '.join(missing)}")
    return problems


def lora_identity(lora_dir: str | Path) -> str:
    h = hashlib.sha256()
    for name in sorted(LORA_FILES.values()):
        p = Path(lora_dir) / name
        if p.is_file():
            h.update(name.encode() + b"\0")
            with open(p, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
    return h.hexdigest()


class FastModes:
    """Applies the asked modes to an engine's experts for one generation and undoes them after."""

    def __init__(self, experts):
        self.experts = experts
        self.lora_loaded: str | None = None  # folder whose adapters are in the experts
        self.lora_id: str = ""
        self.fp8 = False

    # -- LoRA ------------------------------------------------------------------------------------
    def _load_lora(self, lora_dir: str) -> None:
        from diffusers import WanPipeline

        if self.lora_loaded == lora_dir:
            return
        if self.lora_loaded is not None:
            for model in self.experts.modules:
                model.delete_adapters(ADAPTER)
        for name in ("high", "low"):
            model = self.experts.module(name)
            if model is None:
                continue
            try:
                # lora_state_dict converts the official Wan key layout (diffusion_model.blocks.…) to diffusers'
                state = WanPipeline.lora_state_dict(str(Path(lora_dir) / LORA_FILES[name]))
                model.load_lora_adapter(state, prefix="transformer", adapter_name=ADAPTER)
            except (OSError, ValueError, KeyError, RuntimeError) as exc:
                raise InvalidRequest(f"cannot load LoRA {LORA_FILES[name]} from {lora_dir}: "
                                     f"{str(exc).splitlines()[0][:300]}") from exc
        self.lora_loaded = lora_dir
        self.lora_id = lora_identity(lora_dir)

    def _lora(self, on: bool) -> None:
        if self.lora_loaded is None:
            return
        for model in self.experts.modules:
            if on:
                model.enable_lora()
                model.set_adapters([ADAPTER])
            else:
                model.disable_lora()

    # -- FP8 -------------------------------------------------------------------------------------
    def _fp8(self) -> None:
        if self.fp8:
            return
        try:
            from torchao.quantization import Float8DynamicActivationFloat8WeightConfig, PerRow, quantize_
        except ImportError as exc:
            raise InvalidRequest("fast mode fp8 needs torchao, which is not installed on this worker") from exc
        for model in self.experts.modules:
            quantize_(model, Float8DynamicActivationFloat8WeightConfig(granularity=PerRow()))
        self.fp8 = True

    # -- one generation --------------------------------------------------------------------------
    @contextmanager
    def applied(self, fast: tuple[str, ...], *, num_steps: int, lora_dir: str | None, reload_experts):
        """Context in which the experts run with exactly the modes in `fast`; yields the provenance."""
        detail: dict = {"modes": list(fast)}
        if self.fp8 and "fp8" not in fast:
            reload_experts()  # quantisation is not undone in place: fresh bf16 weights from the folder
            self.fp8 = False
            self.lora_loaded = None
        if "fp8" in fast:
            self._fp8()
            detail["fp8"] = "torchao Float8DynamicActivationFloat8WeightConfig(PerRow)"
        if "lora_preview" in fast:
            self._load_lora(lora_dir)
            self._lora(True)
            detail["lora"] = {"dir": str(lora_dir), "sha256": self.lora_id, **LORA_PREVIEW}
        else:
            self._lora(False)
        cache = next((m for m in fast if m in CACHE_MODES), None)
        if cache:
            config = cache_config(cache, num_steps)
            detail["cache"] = {"mode": cache, "config": {k: (str(v) if isinstance(v, torch.dtype) else v)
                                                         for k, v in vars(config).items() if not k.startswith("_")
                                                         and isinstance(v, (int, float, str, bool, list, type(None),
                                                                            torch.dtype))}}
            for model in self.experts.modules:
                model.enable_cache(cache_config(cache, num_steps))
        try:
            yield detail
        finally:
            if cache:
                for model in self.experts.modules:
                    model.disable_cache()
