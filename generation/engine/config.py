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

# Official Wan2.2 default negative prompt (wan/configs/shared_config.py). Offered as data for the
# job layer; the engine itself uses exactly the negative prompt it is given.
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
    default_negative_prompt: str = field(default="", repr=False)

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


def detect_preset(transformer_config: dict) -> str:
    """Guess the preset from the (high-noise) transformer's config (explicit `preset=` wins)."""
    dim = int(transformer_config.get("num_attention_heads", 0)) * int(transformer_config.get("attention_head_dim", 0))
    layers = int(transformer_config.get("num_layers", 0))
    ti2v = int(transformer_config.get("in_channels", 16)) == 48  # the Wan2.2 VAE's 48 latent channels
    if ti2v:
        return "wan2.2-ti2v-5b" if (dim, layers) == (3072, 30) else "tiny-ti2v"
    if (dim, layers) == (5120, 40):
        return "wan2.2-t2v-a14b"
    return "tiny"
