"""Presets as data: sampling defaults and supported sizes for each model family.

The engine takes its sampling defaults from here, whatever the checkpoint folder's
scheduler_config.json says (the Diffusers release of Wan2.2-T2V-A14B ships flow_shift=3.0,
while the official Wan2.2 configuration samples with shift 12.0).
Sources: Wan2.2 `wan/configs/wan_t2v_A14B.py` (sample_shift=12.0, sample_steps=40,
boundary=0.875, sample_guide_scale=(3.0, 4.0) for (low noise, high noise), frame_num=81,
sample_fps=16) and `wan/configs/__init__.py` (SUPPORTED_SIZES['t2v-A14B']).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Official Wan2.2 default negative prompt (wan/configs/shared_config.py). As in the official code, the
# engine uses it whenever a request gives no negative prompt or an empty one (engine.resolve_request).
WAN_DEFAULT_NEGATIVE_PROMPT = (
    "色调艳丽，过曝，静态，细节模糊不清，字幕，风格，作品，画作，画面，静止，整体发灰，最差质量，低质量，"
    "JPEG压缩残留，丑陋的，残缺的，多余的手指，画得不好的手部，画得不好的脸部，畸形的，毁容的，形态畸形的肢体，"
    "手指融合，静止不动的画面，杂乱的背景，三条腿，背景人很多，倒着走"
)


@dataclass(frozen=True)
class Preset:
    name: str
    num_steps: int
    flow_shift: float
    boundary: float | None  # high-noise expert while t >= boundary * num_train_timesteps (None: one expert)
    guidance_high: float
    guidance_low: float
    num_frames: int
    fps: int
    sizes: tuple[tuple[int, int], ...]  # (width, height); the first is the default
    strict_sizes: bool = True  # only `sizes` (either orientation) are accepted
    max_sequence_length: int = 512  # text tokens fed to the experts
    max_frames: int = 81
    max_steps: int = 100
    description: str = ""
    default_negative_prompt: str = field(default=WAN_DEFAULT_NEGATIVE_PROMPT, repr=False)

    @property
    def default_size(self) -> tuple[int, int]:
        return self.sizes[0]

    def size_allowed(self, width: int, height: int) -> bool:
        if not self.strict_sizes:
            return True
        return (width, height) in self.sizes or (height, width) in self.sizes


PRESETS: dict[str, Preset] = {
    "wan2.2-t2v-a14b": Preset(
        name="wan2.2-t2v-a14b",
        num_steps=40,
        flow_shift=12.0,
        boundary=0.875,
        guidance_high=4.0,
        guidance_low=3.0,
        num_frames=81,
        fps=16,
        sizes=((1280, 720), (832, 480)),
        strict_sizes=True,
        max_sequence_length=512,
        max_frames=81,
        description="Wan2.2-T2V-A14B: two 14B experts (high noise, low noise), 720P/480P, 16 fps",
        default_negative_prompt=WAN_DEFAULT_NEGATIVE_PROMPT,
    ),
    "wan2.2-ti2v-5b": Preset(
        name="wan2.2-ti2v-5b",
        num_steps=50,
        flow_shift=5.0,
        boundary=None,
        guidance_high=5.0,
        guidance_low=5.0,  # unused: one transformer
        num_frames=121,
        fps=24,
        sizes=((1280, 704), (704, 1280)),
        strict_sizes=True,
        max_sequence_length=512,
        max_frames=121,
        description="Wan2.2-TI2V-5B, text-to-video only: one 5B transformer, Wan2.2 VAE (16× space), 24 fps",
        default_negative_prompt=WAN_DEFAULT_NEGATIVE_PROMPT,
    ),
    "tiny-ti2v": Preset(
        name="tiny-ti2v",
        num_steps=4,
        flow_shift=5.0,
        boundary=None,
        guidance_high=5.0,
        guidance_low=5.0,
        num_frames=9,
        fps=24,
        sizes=((64, 64), (64, 32), (32, 32)),
        strict_sizes=False,
        max_sequence_length=32,
        max_frames=33,
        max_steps=50,
        description="Tiny random checkpoint in the TI2V-5B layout, for tests: its videos are noise",
    ),
    "tiny": Preset(
        name="tiny",
        num_steps=4,
        flow_shift=12.0,
        boundary=0.875,  # with 4 steps at shift 12: timesteps 999, 973, 923 high; 750 low
        guidance_high=4.0,
        guidance_low=3.0,
        num_frames=9,
        fps=16,
        sizes=((64, 48), (48, 64), (128, 96), (32, 32)),
        strict_sizes=False,  # any multiple of 16 up to max_side
        max_sequence_length=32,
        max_frames=33,
        max_steps=50,
        description="Randomly initialised tiny checkpoint for development and tests: its videos are noise",
    ),
}

# Fast modes (generation/engine/fast.py), each opt-in per request and recorded in the result.
# The job layer names them in the UI (generation/parameters.py holds the translated labels).
FAST_MODES: dict[str, str] = {
    "first_block_cache": "step caching: diffusers FirstBlockCache (threshold 0.05)",
    "taylorseer_cache": "step caching: diffusers TaylorSeer (first-order prediction between full steps)",
    "fp8": "FP8 linear layers through torchao (CUDA GPUs with FP8 support only)",
    "lora_preview": "fast preview: a distilled few-step LoRA on both experts from a local folder",
}
# The step caches: a run takes at most one of them (engine.fast.check_fast, generation.parameters.resolve, and the
# API schema through generation.parameters.schema_limits).
CACHE_MODES = tuple(m for m in FAST_MODES if m.endswith("_cache"))
# Defaults of a LoRA preview request (Wan2.2 4-step distilled LoRAs sample without guidance).
LORA_PREVIEW = {"num_steps": 4, "guidance_high": 1.0, "guidance_low": 1.0}

# Largest side accepted by presets without a strict size list (keeps CPU runs short).
TINY_MAX_SIDE = 256

# A14B transformer geometry (for presets detection and the GPU benchmark).
A14B_TRANSFORMER = dict(
    patch_size=(1, 2, 2),
    num_attention_heads=40,
    attention_head_dim=128,
    in_channels=16,
    out_channels=16,
    text_dim=4096,
    freq_dim=256,
    ffn_dim=13824,
    num_layers=40,
    cross_attn_norm=True,
    qk_norm="rms_norm_across_heads",
    eps=1e-6,
    rope_max_seq_len=1024,
)


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown preset {name!r}; known presets: {', '.join(sorted(PRESETS))}") from None


class UnsupportedCheckpoint(ValueError):
    """The folder holds a model this engine does not run; the message says what it is."""


# model_index.json _class_name → what the folder is, for the models the T2V engine refuses.
_OTHER_PIPELINES = {
    "WanImageToVideoPipeline": "an image-to-video (I2V) checkpoint",
    "WanVACEPipeline": "a VACE (video editing) checkpoint",
    "WanVideoToVideoPipeline": "a video-to-video checkpoint",
    "WanSpeechToVideoPipeline": "a speech-to-video (S2V) checkpoint",
    "WanAnimatePipeline": "an animation checkpoint",
}


def _is_null(entry) -> bool:
    return entry is None or (isinstance(entry, list) and all(v is None for v in entry))


def detect_preset(transformer_config: dict, model_index: dict | None = None) -> str:
    """The preset for a checkpoint folder, from model_index.json and the (high-noise) transformer's config.

    Raises UnsupportedCheckpoint, saying what the folder is, for anything the T2V engine does not run:
    another pipeline class (I2V, VACE, S2V…), image-conditioned inputs (36 input channels: Wan2.2-I2V
    and Wan2.1-I2V), a one-transformer 16-channel folder (Wan2.1-T2V-14B/1.3B: other defaults, no
    experts), two experts without boundary_ratio, or a geometry no preset knows.
    An explicit `preset=` from the caller skips this (the caller then answers for the folder)."""
    index = model_index or {}
    cls = index.get("_class_name", "WanPipeline")
    in_ch = int(transformer_config.get("in_channels", 16))
    dim = int(transformer_config.get("num_attention_heads", 0)) * int(transformer_config.get("attention_head_dim", 0))
    layers = int(transformer_config.get("num_layers", 0))
    two = model_index is None or not _is_null(index.get("transformer_2"))
    boundary = index.get("boundary_ratio")
    geometry = f"{dim} wide, {layers} layers, {in_ch} input channels"
    if cls in _OTHER_PIPELINES:
        raise UnsupportedCheckpoint(f"model_index.json names {cls}: {_OTHER_PIPELINES[cls]}, not text-to-video; "
                                    "this engine runs Wan2.2 text-to-video checkpoints (T2V-A14B, TI2V-5B)")
    if cls != "WanPipeline":
        raise UnsupportedCheckpoint(f"model_index.json names {cls!r}, not WanPipeline; this engine runs Wan2.2 "
                                    "text-to-video checkpoints (T2V-A14B, TI2V-5B)")
    if in_ch == 36:
        raise UnsupportedCheckpoint(f"the transformer takes 36 input channels (16 latent + 4 mask + 16 image): an "
                                    f"image-to-video (I2V) checkpoint ({geometry}), not text-to-video")
    if in_ch == 48:  # the Wan2.2 VAE's 48 latent channels: TI2V-5B, one transformer
        if two:
            raise UnsupportedCheckpoint(f"48 input channels with a transformer_2 ({geometry}): no known Wan2.2 layout")
        if (dim, layers) == (3072, 30):
            return "wan2.2-ti2v-5b"
        if dim <= 256:
            return "tiny-ti2v"
        raise UnsupportedCheckpoint(f"unknown TI2V geometry ({geometry}); known: 3072 wide, 30 layers (TI2V-5B)")
    if in_ch != 16:
        raise UnsupportedCheckpoint(f"the transformer takes {in_ch} input channels ({geometry}): not a Wan "
                                    "text-to-video checkpoint")
    if not two:
        raise UnsupportedCheckpoint(f"one transformer with 16 input channels and no transformer_2 ({geometry}): a "
                                    "Wan2.1 text-to-video checkpoint (Wan2.1-T2V-14B/1.3B), which samples with other "
                                    "defaults; this engine runs Wan2.2 (T2V-A14B with two experts, TI2V-5B)")
    if boundary is None and model_index is not None:
        raise UnsupportedCheckpoint(f"two transformers but model_index.json has no boundary_ratio ({geometry}): the "
                                    "expert switch is undefined")
    if (dim, layers) == (5120, 40):
        name = "wan2.2-t2v-a14b"
    elif dim <= 256:
        name = "tiny"
    else:
        raise UnsupportedCheckpoint(f"unknown two-expert geometry ({geometry}); known: 5120 wide, 40 layers (T2V-A14B)")
    if boundary is not None and abs(float(boundary) - float(PRESETS[name].boundary)) > 1e-9:
        raise UnsupportedCheckpoint(f"model_index.json says boundary_ratio {boundary}, the {name} preset "
                                    f"{PRESETS[name].boundary} (Wan2.2-T2V-A14B); a folder with another switch point "
                                    "is not the T2V-A14B model")
    return name
