"""Optional speed-ups for the experts on a GPU (each one measured in bench/engine_gpu.py).

attention: which scaled-dot-product-attention kernel diffusers dispatches to
    None / "native"  torch SDPA, PyTorch picks the kernel (the stock diffusers behaviour)
    "cudnn"          torch SDPA forced to the cuDNN fused-attention kernel
    "flash"          torch SDPA forced to its FlashAttention-2 kernel
    "efficient"      torch SDPA forced to the memory-efficient kernel
compile_blocks: torch.compile on each repeated WanTransformerBlock (regional compilation: one
    compiled graph reused 40 times; fuses modulation, norms, RoPE and elementwise work).
"""

from __future__ import annotations

import torch

ATTENTION_BACKENDS = {
    None: "native",
    "native": "native",
    "cudnn": "_native_cudnn",
    "flash": "_native_flash",
    "efficient": "_native_efficient",
}


def apply_speedups(model: torch.nn.Module, *, attention: str | None = None, compile_blocks: bool = False,
                   compile_mode: str | None = None) -> None:
    if attention not in ATTENTION_BACKENDS:
        raise ValueError(f"unknown attention backend {attention!r}; choose one of "
                         f"{', '.join(str(k) for k in ATTENTION_BACKENDS if k)}")
    import logging

    diffusers_log = logging.getLogger("diffusers.models.modeling_utils")
    level = diffusers_log.level
    diffusers_log.setLevel(logging.ERROR)  # "attention backends are experimental" warning, once per call
    try:
        model.set_attention_backend(ATTENTION_BACKENDS[attention])
    finally:
        diffusers_log.setLevel(level)
    if compile_blocks:
        model.compile_repeated_blocks(fullgraph=True, mode=compile_mode)


def uncompile_blocks(model: torch.nn.Module) -> None:
    """Undo compile_repeated_blocks (module.compile() only sets _compiled_call_impl)."""
    for sub in model.modules():
        if getattr(sub, "_compiled_call_impl", None) is not None:
            sub._compiled_call_impl = None
