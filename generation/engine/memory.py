"""Where the weights live during a generation: three memory modes.

resident  every component on the device (fastest; ~2×28 GB of experts + 11 GB text encoder in bf16)
swap      only the expert in use is on the device; the idle one waits in CPU memory and they trade
          places at the switch (once per clip); the text encoder visits the device to encode, then leaves
offload   sequential (block-level) offload: each transformer block is brought to the device just before
          it runs, with a side stream prefetching the next (for 24 GB cards); host copies are pinned
          a group at a time, not all at once (Placement.offload_options)

`pick_mode` chooses from free device memory; a caller may override it. On the CPU device every
mode is accepted; swap's moves are then no-ops.
"""

from __future__ import annotations

import math

import torch

MODES = ("resident", "swap", "offload")
# From most to least memory-hungry: the job layer retries an OOM with the next one.
FRUGAL_ORDER = MODES
SAFETY = 1.10  # headroom over our estimates


def more_frugal(mode: str) -> str | None:
    i = FRUGAL_ORDER.index(mode)
    return FRUGAL_ORDER[i + 1] if i + 1 < len(FRUGAL_ORDER) else None


def module_bytes(module: torch.nn.Module) -> int:
    return sum(t.numel() * t.element_size() for t in module.parameters()) + sum(
        t.numel() * t.element_size() for t in module.buffers()
    )


def activation_bytes(transformer_config: dict, latent_shape: tuple[int, ...], batch: int, dtype_bytes: int) -> int:
    """Rough peak of the transformer's activations for one forward (inference, no grads).

    tokens = F_lat * (H_lat/2) * (W_lat/2); the peak is dominated by the FFN intermediate
    (tokens × ffn_dim) plus a few tokens × dim tensors (residual, norm, q, k, v, attention output).
    """
    _, _, f, h, w = latent_shape
    p = transformer_config.get("patch_size", (1, 2, 2))
    tokens = (f // p[0]) * (h // p[1]) * (w // p[2])
    dim = transformer_config["num_attention_heads"] * transformer_config["attention_head_dim"]
    ffn = transformer_config["ffn_dim"]
    return int(batch * tokens * (8 * dim + 2 * ffn) * dtype_bytes)


def vae_decode_bytes(vae_config: dict, width: int, height: int, dtype_bytes: int) -> int:
    """Rough peak of an untiled causal Wan VAE decode: it decodes one latent frame (4 video frames)
    at a time; the widest full-resolution stage holds ~base_dim channels × 4 frames, several times over."""
    base = vae_config.get("base_dim", 96)
    return int(12 * base * 4 * width * height * dtype_bytes)


def free_device_memory(device: str) -> int | None:
    if device.startswith("cuda") and torch.cuda.is_available():
        free, _total = torch.cuda.mem_get_info(torch.device(device))
        return int(free)
    return None


def pick_mode(free_bytes: int | None, *, text_encoder: int, high: int, low: int = 0, vae: int, activations: int) -> str:
    """The least frugal mode whose estimated peak fits in free device memory (CPU: resident)."""
    if free_bytes is None:
        return "resident"
    resident = text_encoder + high + low + vae + activations
    swap = max(text_encoder, max(high, low) + vae + activations)
    if free_bytes >= resident * SAFETY:
        return "resident"
    if free_bytes >= swap * SAFETY:
        return "swap"
    return "offload"


def _remove_group_offload(module: torch.nn.Module) -> None:
    from diffusers.hooks import HookRegistry

    registry = HookRegistry.check_if_exists_or_initialize(module)
    for name in ("group_offloading", "layer_execution_tracker", "lazy_prefetch_group_offloading"):
        registry.remove_hook(name, recurse=True)


class Placement:
    """Moves components between CPU and device according to the memory mode."""

    def __init__(self, *, text_encoder, high, low, vae, device: str):
        self.text_encoder, self.high, self.low, self.vae = text_encoder, high, low, vae  # low may be None
        self.device = torch.device(device)
        self.cpu = torch.device("cpu")
        self.mode: str | None = None
        self._grouped: list[torch.nn.Module] = []

    def offload_options(self) -> dict:
        """diffusers group offload, one transformer block per group. On a GPU the next block is copied on
        a side stream while the current one runs (use_stream), with record_stream so that a block's
        device copy is freed as soon as its kernels are done, and low_cpu_mem_usage so that host copies
        are pinned one group at a time as they are sent, not all weights at once (pinning both 14B
        experts would lock ~57 GB of host memory)."""
        cuda = self.device.type == "cuda"
        return dict(onload_device=self.device, offload_device=self.cpu, offload_type="block_level",
                    num_blocks_per_group=1, use_stream=cuda, record_stream=cuda, low_cpu_mem_usage=True)

    # -- mode changes ---------------------------------------------------------------------------
    def apply(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown memory mode {mode!r}; choose one of {', '.join(MODES)} or auto")
        if mode == self.mode:
            return
        self._reset()
        if mode == "resident":
            for m in self._all():
                m.to(self.device)
        elif mode == "swap":
            self.vae.to(self.device)  # small; stays
        elif mode == "offload":
            from diffusers.hooks import apply_group_offloading

            for m in [x for x in (self.high, self.low, self.text_encoder) if x is not None]:
                apply_group_offloading(m, **self.offload_options())
                self._grouped.append(m)
        self.mode = mode

    def _reset(self) -> None:
        for m in self._grouped:
            _remove_group_offload(m)
        self._grouped = []
        for m in self._all():
            m.to(self.cpu)
        if self.device.type == "cuda":
            torch.cuda.empty_cache()

    def bytes_on_device(self) -> int:
        """Bytes of our weights now on the device (they would be freed by re-placing): counted as
        available when choosing a mode for the next request."""
        if self.device.type == "cpu":
            return 0
        return sum(module_bytes(m) for m in self._all() if _on(m, self.device))

    def _all(self) -> list[torch.nn.Module]:
        return [m for m in (self.text_encoder, self.high, self.low, self.vae) if m is not None]

    # -- moments of a generation ----------------------------------------------------------------
    def for_encode(self) -> None:
        if self.mode == "swap":
            self.text_encoder.to(self.device)

    def after_encode(self) -> None:
        if self.mode == "swap":
            self.text_encoder.to(self.cpu)
            self._empty_cache()

    def for_expert(self, name: str) -> None:
        """Swap mode: the idle expert leaves the device before the active one arrives."""
        if self.mode != "swap":
            return
        active, idle = (self.high, self.low) if name == "high" else (self.low, self.high)
        if idle is not None and _on(idle, self.device) and self.device != self.cpu:
            idle.to(self.cpu)
            self._empty_cache()
        if not _on(active, self.device):
            active.to(self.device)

    def for_decode(self) -> None:
        if self.mode == "swap":
            for m in [x for x in (self.high, self.low) if x is not None]:
                m.to(self.cpu)
            self._empty_cache()
        if self.mode == "offload":
            self.vae.to(self.device)

    def after_decode(self) -> None:
        if self.mode == "offload":
            self.vae.to(self.cpu)
            self._empty_cache()

    def _empty_cache(self) -> None:
        if self.device.type == "cuda":
            torch.cuda.empty_cache()


def _on(module: torch.nn.Module, device: torch.device) -> bool:
    p = next(module.parameters())
    return p.device.type == device.type and (device.index is None or p.device.index == device.index)


def gib(n: int) -> str:
    return f"{n / 2**30:.1f} GiB" if n >= 0 and math.isfinite(n) else "?"
