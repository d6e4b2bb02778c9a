"""In-repo text-to-video engine (Wan2.2 family on diffusers/transformers model classes).

Pure PyTorch: this package never imports Django. See docs/ARCHITECTURE.md ("Engine").

Names are imported lazily (PEP 562), so `generation.engine.config` (plain data) can be imported by
forms and the API without loading torch or diffusers.
"""

from ._lazy import lazy_exports

_EXPORTS = {
    "PRESETS": "config", "Preset": "config", "get_preset": "config", "FAST_MODES": "config",
    "preset_for": "engine", "convert_checkpoint": "convert",
    "Engine": "engine", "GenerationRequest": "engine", "GenerationResult": "engine",
    "ResolvedRequest": "engine", "load_engine": "engine", "resolve_request": "engine",
    "Cancelled": "errors", "EngineError": "errors", "InvalidRequest": "errors",
    "MissingComponent": "errors", "OutOfMemory": "errors",
    "checkpoint_identity": "loading", "inspect_model_dir": "loading",
    "MODES": "memory", "more_frugal": "memory",
    "expert_split": "sampler", "uses_high_noise_expert": "sampler",
    "write_mp4": "video",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy_exports(__name__, _EXPORTS)


def __dir__():
    return sorted(list(globals()) + __all__)
