"""Public generation parameters (the seed article's API shape) → engine parameters, as data.

    resolution  "480p" | "720p" (+ orientation landscape|portrait) → width × height from the preset
    duration    seconds of video → native frames: 4k+1 frames at the preset's native fps (16 for A14B)
    frame_rate  the delivery frame rate; the engine always generates at its native fps and
                post-processing resamples/interpolates to frame_rate
    seed        an integer 0 … 2**32-1 (same seed + same parameters + same checkpoint → same video)
    fast        list of fast modes (generation.engine.config.FAST_MODES), none by default; each is opt-in per
                job and recorded on it ("lora_preview": the worker's LoRA folder, 4 steps without guidance
                unless steps are given)
    temperature 0.5 … 2.0 (default 1.0): divides both experts' classifier-free guidance scales.
                Flow matching has no sampling temperature of its own; guidance w samples
                ∝ p(x)·p(c|x)^w, so w/T puts the prompt-conditioning term at temperature T:
                lower T = stricter adherence to the description, higher T = freer, more varied.

Nothing here imports torch (only Django's gettext): the API, the curator form and the worker share it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

# The preset registry is plain data (generation/engine/config.py imports nothing heavy).
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from generation.engine.config import CACHE_MODES, FAST_MODES, LORA_PREVIEW, PRESETS, Preset

RESOLUTIONS: dict[str, dict[str, tuple[int, int]]] = {
    # (width, height) in landscape orientation.
    "wan2.2-t2v-a14b": {"720p": (1280, 720), "480p": (832, 480)},
    # The tiny development checkpoint stands in for the real sizes with small ones (its videos are noise).
    "tiny": {"720p": (128, 96), "480p": (64, 48)},
}
DEFAULT_RESOLUTION = "480p"
ORIENTATIONS = ("landscape", "portrait")
TEMPERATURE_MIN, TEMPERATURE_MAX, TEMPERATURE_DEFAULT = 0.5, 2.0, 1.0
FRAME_RATE_MIN, FRAME_RATE_MAX = 8, 60
SEED_MAX = 2**32 - 1
MEMORY_MODES = ("auto", "resident", "swap", "offload")
SAMPLERS = ("unipc", "euler")
# The fast modes as the UI names them (the engine's FAST_MODES are the names; one label each).
FAST_MODE_LABELS = {
    "first_block_cache": gettext_lazy("步间缓存(FirstBlockCache)"),
    "taylorseer_cache": gettext_lazy("步间预测缓存(TaylorSeer)"),
    "fp8": gettext_lazy("FP8 线性层(torchao,仅 GPU)"),
    "lora_preview": gettext_lazy("快速预览(少步蒸馏 LoRA)"),
}
assert set(FAST_MODE_LABELS) == set(FAST_MODES)


def fast_mode_labels(names) -> list[str]:
    return [str(FAST_MODE_LABELS.get(n, n)) for n in names or ()]

# Time limits: a load allowance plus seconds per (frame × step) at the preset's reference area, times
# the area ratio. Generous on purpose: they catch a hung job, not a slow one. Soft = 90 % of hard.
TIME_COST: dict[str, tuple[float, float, int]] = {
    # preset: (load allowance s, s per frame·step at the reference area, reference area in pixels)
    "wan2.2-t2v-a14b": (900.0, 1.0, 1280 * 720),
    "tiny": (120.0, 0.2, 64 * 48),
    # speech-to-video (generation/s2v.py): frames = frames per clip × clips
    "wan2.2-s2v-14b": (900.0, 1.0, 1024 * 704),
    "tiny-s2v": (120.0, 0.2, 64 * 64),
}


class ParameterError(ValueError):
    """Bad public parameters; `errors` maps field name → list of messages (Chinese, user-facing)."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class Limits:
    preset: str
    native_fps: int
    min_duration: float
    max_duration: float
    max_steps: int
    resolutions: tuple[str, ...]


def _has(mode: str) -> dict:
    """JSON Schema (OpenAPI 3.0 has no ``contains``): a list that holds ``mode``."""
    return {"not": {"items": {"not": {"enum": [mode]}}}}


def schema_limits(preset_name: str) -> dict[str, dict]:
    """The ranges and choices ``resolve`` enforces, as JSON Schema for the API's schema (the parameters
    serializer's ``schema_limits``), so a client knows them before sending: also that ``fast`` holds at most one
    of the step caches (``CACHE_MODES``)."""
    lim = limits(preset_name)
    pairs = [(a, b) for i, a in enumerate(CACHE_MODES) for b in CACHE_MODES[i + 1:]]
    one_cache = {"not": {"anyOf": [{"allOf": [_has(a), _has(b)]} for a, b in pairs]}} if pairs else {}
    return {"fast": one_cache,
            "resolution": {"enum": list(lim.resolutions)},
            "duration": {"minimum": lim.min_duration, "maximum": lim.max_duration},
            "frame_rate": {"minimum": FRAME_RATE_MIN, "maximum": FRAME_RATE_MAX},
            "seed": {"minimum": 0, "maximum": SEED_MAX},
            "temperature": {"minimum": TEMPERATURE_MIN, "maximum": TEMPERATURE_MAX},
            "steps": {"minimum": 1, "maximum": lim.max_steps}}


def preset_of(name: str) -> Preset:
    return PRESETS[name]


def limits(preset_name: str) -> Limits:
    p = preset_of(preset_name)
    return Limits(
        preset=p.name,
        native_fps=p.fps,
        min_duration=4 / p.fps,  # 5 frames: the shortest clip with one latent step of motion
        max_duration=(p.max_frames - 1) / p.fps,
        max_steps=p.max_steps,
        resolutions=tuple(resolutions_for(p.name)),
    )


def resolutions_for(preset_name: str) -> dict[str, tuple[int, int]]:
    if preset_name in RESOLUTIONS:
        return RESOLUTIONS[preset_name]
    p = preset_of(preset_name)
    return {f"{min(w, h)}p": (w, h) for (w, h) in p.sizes}


def frames_for_duration(duration_s: float, fps: int) -> int:
    """Native frame count for a duration: the nearest 4k+1 (k ≥ 1) to duration × fps.

    Wan's VAE compresses time by 4 and keeps the first frame, so clips have 4k+1 frames:
    5 s at 16 fps → 81 frames (5.0 s), 2 s → 33 frames, 1 s → 17 frames.
    """
    k = max(1, int(math.floor(duration_s * fps / 4 + 0.5)))
    return 4 * k + 1


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def resolve(public: dict, *, preset_name: str) -> dict:
    """Validate public parameters and return the full parameter record stored on a job.

    Raises ParameterError with every problem found (field → messages)."""
    if not isinstance(public, dict):
        raise ParameterError({"parameters": [_("参数必须是一个对象。")]})
    lim = limits(preset_name)
    p = preset_of(preset_name)
    errors: dict[str, list[str]] = {}
    known = {"resolution", "orientation", "duration", "frame_rate", "seed", "temperature", "steps", "sampler",
             "memory_mode", "fast"}
    unknown = sorted(set(public) - known)
    if unknown:
        errors["parameters"] = [_("未知参数:%(unknown)s。可用参数:%(known)s。") % {"unknown": ", ".join(unknown), "known": ", ".join(sorted(known))}]

    resolution = public.get("resolution", DEFAULT_RESOLUTION)
    sizes = resolutions_for(preset_name)
    if resolution not in sizes:
        errors["resolution"] = [_("不支持的分辨率 %(value)r;可选:%(choices)s。") % {"value": resolution, "choices": ", ".join(sizes)}]
    orientation = public.get("orientation", "landscape")
    if orientation not in ORIENTATIONS:
        errors["orientation"] = [_("方向只能是 %(choices)s。") % {"choices": " / ".join(ORIENTATIONS)}]

    duration = public.get("duration", lim.max_duration)
    if not _is_number(duration):
        errors["duration"] = [_("时长必须是数字(秒)。")]
    elif not (lim.min_duration <= duration <= lim.max_duration):
        errors["duration"] = [
            _("时长须在 %(min)s 到 %(max)s 秒之间(%(preset)s 原生 %(fps)s 帧/秒,最多 %(frames)s 帧)。")
            % {"min": f"{lim.min_duration:g}", "max": f"{lim.max_duration:g}", "preset": p.name, "fps": p.fps,
               "frames": p.max_frames}
        ]

    frame_rate = public.get("frame_rate", p.fps)
    if not _is_int(frame_rate):
        errors["frame_rate"] = [_("帧率必须是整数。")]
    elif not (FRAME_RATE_MIN <= frame_rate <= FRAME_RATE_MAX):
        errors["frame_rate"] = [_("帧率须在 %(min)s 到 %(max)s 之间。") % {"min": FRAME_RATE_MIN, "max": FRAME_RATE_MAX}]

    if "seed" in public:
        seed = public["seed"]
        if not _is_int(seed):
            errors["seed"] = [_("随机种子必须是整数。")]
        elif not (0 <= seed <= SEED_MAX):
            errors["seed"] = [_("随机种子须在 0 到 %(max)s 之间。") % {"max": SEED_MAX}]
    temperature = public.get("temperature", TEMPERATURE_DEFAULT)
    if not _is_number(temperature):
        errors["temperature"] = [_("temperature 必须是数字。")]
    elif not (TEMPERATURE_MIN <= temperature <= TEMPERATURE_MAX):
        errors["temperature"] = [_("temperature 须在 %(min)s 到 %(max)s 之间(1.0 为预设引导强度)。") % {"min": TEMPERATURE_MIN, "max": TEMPERATURE_MAX}]

    fast = public.get("fast", [])
    if not isinstance(fast, (list, tuple)) or not all(isinstance(m, str) for m in fast):
        errors["fast"] = [_("快速模式须是名称列表。")]
        fast = []
    elif set(fast) - set(FAST_MODES):
        errors["fast"] = [_("未知快速模式 %(value)s;可选:%(choices)s。") % {
            "value": ", ".join(sorted(set(fast) - set(FAST_MODES))), "choices": ", ".join(FAST_MODES)}]
    elif len(set(fast) & set(CACHE_MODES)) > 1:
        errors["fast"] = [_("步间缓存只能选一种。")]
    fast = list(dict.fromkeys(fast))
    preview = "lora_preview" in fast
    steps = public.get("steps", LORA_PREVIEW["num_steps"] if preview else p.num_steps)
    if not _is_int(steps):
        errors["steps"] = [_("步数必须是整数。")]
    elif not (1 <= steps <= lim.max_steps):
        errors["steps"] = [_("步数须在 1 到 %(max)s 之间。") % {"max": lim.max_steps}]
    sampler = public.get("sampler", "unipc")
    if sampler not in SAMPLERS:
        errors["sampler"] = [_("采样器只能是 %(choices)s。") % {"choices": ", ".join(SAMPLERS)}]
    memory_mode = public.get("memory_mode", "auto")
    if memory_mode not in MEMORY_MODES:
        errors["memory_mode"] = [_("显存模式只能是 %(choices)s。") % {"choices": ", ".join(MEMORY_MODES)}]
    if errors:
        raise ParameterError(errors)

    width, height = sizes[resolution]
    if orientation == "portrait":
        width, height = height, width
    num_frames = frames_for_duration(float(duration), p.fps)
    return {
        # what the caller asked for
        "resolution": resolution,
        "orientation": orientation,
        "duration": duration,
        "frame_rate": frame_rate,
        "temperature": temperature,
        # what the engine gets
        "width": width,
        "height": height,
        "num_frames": num_frames,
        "fps": p.fps,
        "num_steps": steps,
        "guidance_high": LORA_PREVIEW["guidance_high"] if preview else round(p.guidance_high / temperature, 4),
        "guidance_low": LORA_PREVIEW["guidance_low"] if preview else round(p.guidance_low / temperature, 4),
        "fast": fast,
        "sampler": sampler,
        "mode": memory_mode,
        "delivery_fps": frame_rate,
        "native_duration_s": round(num_frames / p.fps, 4),
    }


def time_limits(parameters: dict, *, preset_name: str) -> tuple[int, int]:
    """(soft, hard) seconds for one attempt, scaled from frames × steps × area."""
    load, per_unit, ref_area = TIME_COST.get(preset_name, TIME_COST["wan2.2-t2v-a14b"])
    area = parameters["width"] * parameters["height"]
    # Classifier-free guidance doubles the transformer work; OOM retries run in a slower mode (×3).
    hard = load + per_unit * parameters["num_frames"] * parameters["num_steps"] * (area / ref_area) * 2 * 3
    hard = int(math.ceil(hard))
    return int(hard * 0.9), hard
