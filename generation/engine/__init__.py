"""In-repo text-to-video engine (Wan2.2 family on diffusers/transformers model classes).

Pure PyTorch: this package never imports Django. See docs/ARCHITECTURE.md ("Engine").
"""

from .config import PRESETS, Preset, get_preset
from .engine import Engine, GenerationRequest, GenerationResult, ResolvedRequest, load_engine, resolve_request
from .errors import Cancelled, EngineError, InvalidRequest, MissingComponent, OutOfMemory
from .loading import checkpoint_identity, inspect_model_dir
from .memory import MODES, more_frugal
from .sampler import expert_split, uses_high_noise_expert
from .video import write_mp4

__all__ = [
    "PRESETS", "Preset", "get_preset", "Engine", "GenerationRequest", "GenerationResult", "ResolvedRequest",
    "load_engine", "resolve_request", "Cancelled", "EngineError", "InvalidRequest", "MissingComponent", "OutOfMemory",
    "checkpoint_identity", "inspect_model_dir", "MODES", "more_frugal", "expert_split",
    "uses_high_noise_expert", "write_mp4",
]
