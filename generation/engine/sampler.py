"""Schedulers and the expert switch rule.

Flow matching: the model predicts a velocity; the scheduler turns it into the next latent. UniPC
(diffusers' UniPCMultistepScheduler with flow sigmas, as Wan2.2 samples) is the default; Euler
(FlowMatchEulerDiscreteScheduler) is the simple alternative. Both get the preset's flow shift,
whatever the checkpoint folder's scheduler_config.json says, and both sample the official Wan2.2 grid
(`sampling_sigmas`): diffusers' own flow-sigma grid runs from 1 to 1/1000, the official one
(wan/utils/fm_solvers_unipc.py: the training sigmas' max 0.999 down to their min 0) from 0.999 to 0,
which moves the last timesteps by up to 7 (235 instead of 242 at 40 steps, shift 12).
tests/test_engine_schedule.py holds the official 40 timesteps written down.
"""

from __future__ import annotations

from typing import Any

import numpy as np
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


# Largest and smallest training sigma of the official schedule: 1 - linspace(1, 1/1000, 1000) reversed,
# held in float32 (0.999 → 0.99900001287…) as the official scheduler holds it.
def _training_sigma_range(num_train_timesteps: int) -> tuple[float, float]:
    return float(np.float32(1.0 - 1.0 / num_train_timesteps)), 0.0


def sampling_sigmas(num_steps: int, num_train_timesteps: int = NUM_TRAIN_TIMESTEPS) -> np.ndarray:
    """The unshifted sampling grid of the official Wan2.2 sampler: num_steps values from the largest
    training sigma down towards the smallest (the last point, the smallest, is dropped). The
    scheduler applies the flow shift itself."""
    hi, lo = _training_sigma_range(num_train_timesteps)
    return np.linspace(hi, lo, num_steps + 1)[:-1].copy()


def set_schedule(scheduler, num_steps: int, device=None) -> None:
    """THE schedule rule: every sampler gets the official grid (one place; tests pin the result)."""
    scheduler.set_timesteps(sigmas=sampling_sigmas(num_steps, scheduler.config.num_train_timesteps),
                            device=device)


def uses_guidance(guidance_high: float) -> bool:
    """THE guidance-off rule (as WanPipeline): classifier-free guidance runs for both experts while the
    high-noise expert's scale is above 1, and for neither when it is 1 (whatever the low-noise one is)."""
    return float(guidance_high) > 1.0


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
    set_schedule(scheduler, num_steps or preset.num_steps, device="cpu")
    plan = expert_plan(scheduler.timesteps, preset.boundary, scheduler.config.num_train_timesteps)
    return {"high": plan.count("high"), "low": plan.count("low")}
