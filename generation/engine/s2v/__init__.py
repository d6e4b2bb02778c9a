"""In-repo speech-to-video engine (Wan2.2-S2V-14B): portrait + speech recording + prompt → video.

Pure PyTorch on diffusers/transformers classes (AutoencoderKLWan, UMT5EncoderModel, Wav2Vec2Model);
the S2V transformer itself is written here (model.py) with the official tensor names, because diffusers
has no released S2V model. Never imports Django. See docs/ARCHITECTURE.md ("S2V engine").

Names are imported lazily, so `generation.engine.s2v.config` (plain data) loads without torch.
"""

from .._lazy import lazy_exports

_EXPORTS = {
    "S2V_PRESETS": "config", "S2VPreset": "config", "get_s2v_preset": "config", "size_for_image": "config",
    "S2VEngine": "engine", "S2VRequest": "engine", "S2VResult": "engine", "ResolvedS2V": "engine",
    "load_s2v_engine": "engine", "resolve_s2v": "engine", "clip_seed": "engine",
    "inspect_s2v_dir": "loading", "build_tiny_s2v_checkpoint": "tiny",
    "WanS2VTransformer3DModel": "model", "read_audio": "audio", "mux_audio": "audio",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy_exports(__name__, _EXPORTS)
