"""Engine fixtures: one tiny checkpoint per test session (built in a few seconds, ~0.5 MB).

Register in tests/conftest.py with `pytest_plugins = ["tests.engine_fixtures"]`; test modules that
import these names directly share the same build (the path is cached per process).
"""

from __future__ import annotations

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
