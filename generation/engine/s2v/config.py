"""S2V presets as data, and the official rule for the video size from the reference image.

Sources (Wan-Video/Wan2.2): `wan/configs/wan_s2v_14B.py` (sample_steps=40, sample_shift=3,
sample_guide_scale=4.5, the S2V negative prompt, motion_frames=73, drop_first_motion=True),
`wan/configs/shared_config.py` (sample_fps=16, text_len=512), `generate.py` (--infer_frames 80 per
clip), `wan/speech2video.py` (the size rule `get_size_less_than_area`: the largest size whose sides
are multiples of 64 and whose area fits `max_area`, keeping the image's aspect ratio; the first clip
drops its first 3 frames; clip r is seeded with seed + r), README (max area 1024×704 for S2V).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

S2V_NEGATIVE_PROMPT = (
    "画面模糊，最差质量，画面模糊，细节模糊不清，情绪激动剧烈，手快速抖动，字幕，丑陋的，残缺的，多余的手指，"
    "画得不好的手部，画得不好的脸部，畸形的，毁容的，形态畸形的肢体，手指融合，静止不动的画面，杂乱的背景，"
    "三条腿，背景人很多，倒着走"
)


@dataclass(frozen=True)
class S2VPreset:
    name: str
    num_steps: int
    flow_shift: float
    guidance: float
    frames_per_clip: int  # multiple of 4
    fps: int
    max_area: int  # pixels; the size follows the reference image (size_for_image)
    size_divisor: int = 64
    motion_frames: int = 73  # video frames of motion memory (19 latent frames)
    first_clip_drop: int = 3  # frames dropped from the start of the first clip
    min_image_side: int = 256  # smaller reference images are refused
    max_audio_seconds: float = 600.0
    max_sequence_length: int = 512
    max_steps: int = 100
    description: str = ""
    default_negative_prompt: str = field(default=S2V_NEGATIVE_PROMPT, repr=False)

    def clips_for(self, num_frames: int) -> int:
        """Clips needed for `num_frames` output frames (the first clip gives frames_per_clip - first_clip_drop)."""
        first = self.frames_per_clip - self.first_clip_drop
        return 1 + max(0, math.ceil((num_frames - first) / self.frames_per_clip))


S2V_PRESETS: dict[str, S2VPreset] = {
    "wan2.2-s2v-14b": S2VPreset(
        name="wan2.2-s2v-14b", num_steps=40, flow_shift=3.0, guidance=4.5, frames_per_clip=80, fps=16,
        max_area=1024 * 704, min_image_side=256, max_audio_seconds=600.0,
        description="Wan2.2-S2V-14B: portrait + speech → video, 80 frames per clip at 16 fps, area ≤ 1024×704",
    ),
    "tiny-s2v": S2VPreset(
        name="tiny-s2v", num_steps=3, flow_shift=3.0, guidance=4.5, frames_per_clip=32, fps=16,
        max_area=64 * 64, min_image_side=32, max_audio_seconds=30.0, max_sequence_length=32, max_steps=50,
        description="Tiny random S2V checkpoint for development and tests: its videos are noise",
    ),
}

# Geometry of the real S2V transformer (the GPU benchmark builds it with random weights).
S2V_14B_TRANSFORMER = dict(
    cond_dim=16, audio_dim=1024, num_audio_token=4, enable_adain=True, adain_mode="attn_norm",
    audio_inject_layers=[0, 4, 8, 12, 16, 20, 24, 27, 30, 33, 36, 39], zero_init=True, zero_timestep=True,
    enable_motioner=False, add_last_motion=True, enable_framepack=True, framepack_drop_mode="padd",
    model_type="s2v", patch_size=[1, 2, 2], text_len=512, in_dim=16, dim=5120, ffn_dim=13824, freq_dim=256,
    text_dim=4096, out_dim=16, num_heads=40, num_layers=40, qk_norm=True, cross_attn_norm=True, eps=1e-6,
    motion_frames=73,
)


def frames_for_audio(seconds: float, fps: int) -> int:
    """Video frames covering the audio: the duration matches within half a frame."""
    return max(1, int(math.floor(seconds * fps + 0.5)))


def get_s2v_preset(name: str) -> S2VPreset:
    try:
        return S2V_PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown S2V preset {name!r}; known: {', '.join(sorted(S2V_PRESETS))}") from None


def detect_s2v_preset(transformer_config: dict) -> str:
    big = (int(transformer_config.get("dim", 0)), int(transformer_config.get("num_layers", 0))) == (5120, 40)
    return "wan2.2-s2v-14b" if big else "tiny-s2v"


def size_for_image(height: int, width: int, max_area: int, divisor: int = 64) -> tuple[int, int]:
    """(height, width) of the video for a reference image, as the official rule: scale the image down
    (never up) and round each side up to a multiple of `divisor`, taking the largest scale whose
    rounded area fits `max_area`; fall back to sides rounded down to the divisor."""
    if height * width <= max_area:
        lo, hi = 0.1, 1.0
    else:
        d = divisor - 1
        a, b, c = height * width, d * (height + width), d * d - max_area
        lo = (-b + math.sqrt(b * b - 2 * a * c)) / (2 * a)
        hi = math.sqrt(max_area / (height * width))
    for i in range(100):
        scale = hi - (hi - lo) * i / 100
        h, w = int(height * scale), int(width * scale)
        ph, pw = h + (-h) % divisor, w + (-w) % divisor
        if ph * pw <= max_area:
            return ph, pw
    aspect = width / height
    tw = int((max_area * aspect) ** 0.5 // divisor * divisor)
    th = int((max_area / aspect) ** 0.5 // divisor * divisor)
    if tw >= width or th >= height:
        tw, th = int(width // divisor * divisor), int(height // divisor * divisor)
    return th, tw
