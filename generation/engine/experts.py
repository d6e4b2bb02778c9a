"""The two experts of Wan2.2-T2V-A14B and which one denoises a given timestep.

`transformer` is the high-noise expert (early, noisy steps: layout and motion), `transformer_2`
the low-noise expert (late steps: detail). Each has its own classifier-free guidance scale.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from .sampler import uses_high_noise_expert


@dataclass
class ExpertPair:
    high: torch.nn.Module
    low: torch.nn.Module | None  # None: one-transformer model (TI2V-5B)
    boundary: float | None
    num_train_timesteps: int

    def __post_init__(self):
        if self.low is None:
            self.boundary = None

    def name_for(self, t) -> str:
        return "high" if uses_high_noise_expert(t, self.boundary, self.num_train_timesteps) else "low"

    @property
    def modules(self) -> list[torch.nn.Module]:
        return [m for m in (self.high, self.low) if m is not None]

    def module(self, name: str) -> torch.nn.Module:
        return self.high if name == "high" else self.low

    def select(self, t, guidance_high: float, guidance_low: float) -> tuple[str, torch.nn.Module, float]:
        """(expert name, module, guidance scale) for timestep t."""
        name = self.name_for(t)
        return name, self.module(name), guidance_high if name == "high" else guidance_low

    @property
    def dtype(self) -> torch.dtype:
        """The experts' compute dtype: that of most of their weights (a few small modules, e.g. the
        modulation table and norms, stay float32 under a bf16 load, and one of them comes first)."""
        counts: dict[torch.dtype, int] = {}
        for p in self.high.parameters():
            if p.is_floating_point():
                counts[p.dtype] = counts.get(p.dtype, 0) + p.numel()
        return max(counts, key=counts.get)
