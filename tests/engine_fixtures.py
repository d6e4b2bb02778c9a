"""Engine fixtures: one tiny checkpoint per test session (built in a few seconds, ~0.5 MB).

Register in tests/conftest.py with `pytest_plugins = ["tests.engine_fixtures"]`; test modules that
import these names directly share the same build (the path is cached per process).
"""

from __future__ import annotations

import numpy as np
import pytest

_BUILT: dict[int, str] = {}


def tiny_checkpoint_path(tmp_path_factory, seed: int = 0) -> str:
    if seed not in _BUILT:
        from generation.engine.tiny import build_tiny_checkpoint

        path = tmp_path_factory.mktemp(f"tiny-engine-{seed}")
        build_tiny_checkpoint(path, seed=seed)
        _BUILT[seed] = str(path)
    return _BUILT[seed]


@pytest.fixture(scope="session")
def tiny_engine_dir(tmp_path_factory) -> str:
    """Path of a tiny Wan2.2-layout checkpoint (seed 0). Treat as read-only."""
    return tiny_checkpoint_path(tmp_path_factory)


@pytest.fixture(scope="session")
def tiny_engine(tiny_engine_dir):
    """A loaded engine on the tiny checkpoint (CPU, fp32). Shared: don't change its settings."""
    from generation.engine import load_engine

    return load_engine(tiny_engine_dir, device="cpu")


# The reference scheduler of the parity tests, built independently of generation/engine/sampler.py: the
# folder's scheduler_config.json with only the shift overridden, sampling the official Wan2.2 grid
# (written out from wan/utils/fm_solvers_unipc.py: training sigmas 1 - linspace(1, 1/1000, 1000)
# reversed, held in float32: max 0.999…, min 0; grid linspace(max, min, steps + 1) without its last point).
def official_grid(steps: int) -> np.ndarray:
    sigma_max = float(np.float32(0.999))
    return np.linspace(sigma_max, 0.0, steps + 1)[:-1].copy()


def reference_scheduler(engine, sampler: str):
    """The folder's scheduler config, shift overridden, sampling the official grid."""
    from diffusers import FlowMatchEulerDiscreteScheduler, UniPCMultistepScheduler

    config = dict(engine.components.scheduler_config)
    shift = engine.preset.flow_shift
    if sampler == "unipc":
        base, scheduler = UniPCMultistepScheduler, UniPCMultistepScheduler.from_config(config, flow_shift=shift)
    else:
        base = FlowMatchEulerDiscreteScheduler
        scheduler = FlowMatchEulerDiscreteScheduler.from_config(config, shift=shift)
    original = base.set_timesteps

    def set_timesteps(num_inference_steps=None, device=None, **kwargs):
        return original(scheduler, sigmas=official_grid(num_inference_steps), device=device)

    scheduler.set_timesteps = set_timesteps
    return scheduler
