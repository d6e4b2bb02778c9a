"""Schedulers and the expert switch rule.

Flow matching: the model predicts a velocity; the scheduler turns it into the next latent. UniPC
(diffusers' UniPCMultistepScheduler with flow sigmas, as Wan2.2 samples) is the default; Euler
(FlowMatchEulerDiscreteScheduler) is the simple alternative. Both get the preset's flow shift,
whatever the checkpoint folder's scheduler_config.json says.
"""

from __future__ import annotations

from typing import Any

import torch
from diffusers import FlowMatchEulerDiscreteScheduler, UniPCMultistepScheduler

from .config import Preset

SAMPLERS = ("unipc", "euler")
NUM_TRAIN_TIMESTEPS = 1000


def make_scheduler(sampler: str, flow_shift: float, num_train_timesteps: int = NUM_TRAIN_TIMESTEPS) -> Any:
    """A fresh scheduler (schedulers are stateful: one per generation)."""
    if sampler == "unipc":
        return UniPCMultistepScheduler(
            num_train_timesteps=num_train_timesteps,
            prediction_type="flow_prediction",
            use_flow_sigmas=True,
            flow_shift=flow_shift,
            solver_order=2,
            solver_type="bh2",
            lower_order_final=True,
            final_sigmas_type="zero",
            predict_x0=True,
        )
    if sampler == "euler":
        return FlowMatchEulerDiscreteScheduler(num_train_timesteps=num_train_timesteps, shift=flow_shift)
    raise ValueError(f"unknown sampler {sampler!r}; choose one of {', '.join(SAMPLERS)}")


def uses_high_noise_expert(t: torch.Tensor | float, boundary: float | None, num_train_timesteps: int) -> bool:
    """THE expert switch rule (Wan2.2): the high-noise expert runs while t >= boundary * num_train_timesteps.

    boundary None: a one-transformer model (TI2V-5B), whose only transformer counts as "high"."""
    return boundary is None or float(t) >= boundary * num_train_timesteps


def expert_plan(timesteps, boundary: float | None, num_train_timesteps: int) -> list[str]:
    """'high' or 'low' for each timestep, by the rule above."""
    return ["high" if uses_high_noise_expert(t, boundary, num_train_timesteps) else "low" for t in timesteps]


def expert_split(preset: Preset, num_steps: int | None = None, sampler: str = "unipc") -> dict[str, int]:
    """How many steps each expert takes, computed from the real scheduler timesteps."""
    scheduler = make_scheduler(sampler, preset.flow_shift)
    scheduler.set_timesteps(num_steps or preset.num_steps, device="cpu")
    plan = expert_plan(scheduler.timesteps, preset.boundary, scheduler.config.num_train_timesteps)
    return {"high": plan.count("high"), "low": plan.count("low")}
