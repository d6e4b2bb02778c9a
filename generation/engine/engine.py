"""The engine: one request in, frames out. Pure PyTorch + diffusers/transformers model classes.

`generate()` is written in numbered sections (check inputs → encode prompts → prepare latents →
denoise with two experts and classifier-free guidance → decode with the VAE). It follows diffusers'
`WanPipeline.__call__` (pipelines/wan/pipeline_wan.py, diffusers 0.42) step for step, so its frames
match that pipeline's output; it never calls the pipeline.
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
import resource
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import torch

from .config import FAST_MODES, LORA_PREVIEW, TINY_MAX_SIDE, Preset, UnsupportedCheckpoint, detect_preset, get_preset
from .errors import Cancelled, InvalidRequest, OutOfMemory
from .experts import ExpertPair
from .loading import ModelFolder, component_bytes, default_dtypes, inspect_model_dir, load_components
from .memory import (
    MODES,
    Placement,
    activation_bytes,
    free_device_memory,
    module_bytes,
    pick_mode,
    vae_decode_bytes,
)
from .fast import FastModes, check_fast
from .sampler import SAMPLERS, expert_plan, make_scheduler, set_schedule, uses_guidance

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


@dataclass
class GenerationRequest:
    prompt: str
    negative_prompt: str = ""
    seed: int = 0
    width: int | None = None  # None → the preset's default
    height: int | None = None
    num_frames: int | None = None
    num_steps: int | None = None
    guidance_high: float | None = None
    guidance_low: float | None = None
    sampler: str = "unipc"
    mode: str | None = None  # None → the engine's mode
    fast: tuple[str, ...] = ()  # fast modes (config.FAST_MODES), none by default
    lora_dir: str | None = None  # LoRA folder for the lora_preview fast mode


@dataclass(frozen=True)
class ResolvedRequest:
    prompt: str
    negative_prompt: str
    seed: int
    width: int
    height: int
    num_frames: int
    num_steps: int
    guidance_high: float
    guidance_low: float
    sampler: str
    mode: str
    fast: tuple[str, ...] = ()
    lora_dir: str | None = None


@dataclass
class GenerationResult:
    frames: np.ndarray  # uint8 [F, H, W, 3]
    fps: int
    width: int
    height: int
    num_frames: int
    num_steps: int
    seed: int
    sampler: str
    expert_steps: dict[str, int]
    timings: dict[str, float]
    peak_memory_bytes: int
    peak_memory_kind: str  # "cuda_max_allocated" or "process_max_rss"
    mode: str
    device: str
    checkpoint_id: str
    preset: str
    decode_tiled: bool
    mode_reason: str = ""
    fast: dict = field(default_factory=dict)  # fast modes in effect and their settings (provenance)
    frames_float: np.ndarray | None = field(default=None, repr=False)  # [F, H, W, 3] in [0, 1] if asked


def _is_int(x) -> bool:
    return isinstance(x, (int, np.integer)) and not isinstance(x, bool)


def _is_number(x) -> bool:
    return isinstance(x, (int, float, np.integer, np.floating)) and not isinstance(x, bool)


def prompt_clean(text: str) -> str:
    """As diffusers' Wan pipeline cleans prompts: ftfy (if installed), HTML unescape, one space."""
    try:
        import ftfy

        text = ftfy.fix_text(text)
    except ImportError:  # pragma: no cover - ftfy is in requirements.txt
        pass
    text = html.unescape(html.unescape(text)).strip()
    return re.sub(r"\s+", " ", text).strip()


def _forward(model, label: str, cache: dict | None, **kwargs) -> torch.Tensor:
    """One transformer forward, inside diffusers' cache context `label` when a cache hook needs it
    (the step index, sigma and step count tell FirstBlockCache/TaylorSeer where the loop is)."""
    if cache is None or not hasattr(model, "cache_context"):
        return model(**kwargs, return_dict=False)[0]
    with model.cache_context(label, **cache):
        return model(**kwargs, return_dict=False)[0]


def guided_velocity(model: torch.nn.Module, x: torch.Tensor, timestep: torch.Tensor, cond: torch.Tensor,
                    uncond: torch.Tensor | None, scale: float, *, batch_cfg: bool,
                    both: torch.Tensor | None = None, cache: dict | None = None) -> torch.Tensor:
    """One expert's classifier-free-guided velocity for latents x [1, C, F_lat, h, w], in float32.

    timestep: [1] (one value for every token) or [1, S] (one per token: TI2V-5B's expand_timesteps).
    batch_cfg=False: two batch-1 forwards (cond, then uncond), exactly as WanPipeline calls the model.
    batch_cfg=True: one batch-2 forward (fewer, larger kernels and one pass over the weights).
    uncond=None: no guidance, one forward.
    The experts run in their own dtype (bf16 on GPU); their outputs are combined in float32, as the
    official Wan2.2 code does (its model returns float32), so the guidance difference keeps its precision.
    cache: the cache-context fields (step_index, sigma, num_inference_steps) when a cache hook is on.
    """
    if timestep.ndim == 0:
        timestep = timestep.expand(1)
    if uncond is None:
        return _forward(model, "cond", cache, hidden_states=x, timestep=timestep, encoder_hidden_states=cond).float()
    if batch_cfg:
        both = torch.cat([cond, uncond]) if both is None else both  # [2, L, D]
        out = _forward(model, "cond_uncond", cache, hidden_states=torch.cat([x, x]),
                       timestep=timestep.expand(2, *timestep.shape[1:]), encoder_hidden_states=both)
        noise_cond, noise_uncond = out.float().chunk(2)  # [1, C, F_lat, h, w] each
    else:
        noise_cond = _forward(model, "cond", cache, hidden_states=x, timestep=timestep,
                              encoder_hidden_states=cond).float()
        noise_uncond = _forward(model, "uncond", cache, hidden_states=x, timestep=timestep,
                                encoder_hidden_states=uncond).float()
    return noise_uncond + scale * (noise_cond - noise_uncond)


def resolve_request(preset: Preset, request: GenerationRequest, *, default_mode: str = "auto",
                    temporal_scale: int = 4, spatial_multiple: int = 16) -> ResolvedRequest:
    """Fill a request's defaults from the preset and check it; raises InvalidRequest listing every problem.

    Needs no weights: callers (the CLI, the job layer) can check a request before loading anything.
    """
    p = preset
    errors: list[str] = []
    prompt = request.prompt
    if not isinstance(prompt, str) or not prompt.strip():
        errors.append("prompt is empty: describe the action to show")
    negative = request.negative_prompt
    if negative is not None and not isinstance(negative, str):
        errors.append("negative_prompt must be text")
    elif negative is None or not negative.strip():
        negative = p.default_negative_prompt  # as the official code: none or empty → the default one
    if not _is_int(request.seed) or not 0 <= int(request.seed) < 2**63:
        errors.append(f"seed must be an integer from 0 to 2**63-1, got {request.seed!r}")
    width = p.default_size[0] if request.width is None else request.width
    height = p.default_size[1] if request.height is None else request.height
    for label, v in (("width", width), ("height", height)):
        if not _is_int(v) or v <= 0:
            errors.append(f"{label} must be a positive integer, got {v!r}")
        elif v % spatial_multiple:
            errors.append(f"{label} must be a multiple of {spatial_multiple}, got {v}")
    if all(_is_int(v) and v > 0 and v % spatial_multiple == 0 for v in (width, height)):
        if not p.size_allowed(width, height):
            sizes = ", ".join(f"{w}×{h}" for w, h in p.sizes)
            errors.append(f"size {width}×{height} is not supported by preset {p.name} (supported: {sizes})")
        elif not p.strict_sizes and max(width, height) > TINY_MAX_SIDE:
            errors.append(f"preset {p.name} accepts sides up to {TINY_MAX_SIDE}, got {width}×{height}")
    frames = p.num_frames if request.num_frames is None else request.num_frames
    if not _is_int(frames) or frames < 1 or (frames - 1) % temporal_scale:
        errors.append(f"frames must be of the form 4k+1 (1, 5, 9, …, {p.max_frames}), got {frames!r}")
    elif frames > p.max_frames:
        errors.append(f"frames must be at most {p.max_frames} for preset {p.name}, got {frames}")
    fast = request.fast or ()
    if isinstance(fast, str) or not all(isinstance(m, str) for m in fast):
        errors.append(f"fast must be a list of fast-mode names ({', '.join(FAST_MODES)}), got {fast!r}")
        fast = ()
    fast = tuple(dict.fromkeys(fast))  # ordered, without repeats
    preview = "lora_preview" in fast
    steps = (LORA_PREVIEW["num_steps"] if preview else p.num_steps) if request.num_steps is None else request.num_steps
    if not _is_int(steps) or steps <= 0:
        errors.append(f"steps must be a positive integer, got {steps!r}")
    elif steps > p.max_steps:
        errors.append(f"steps must be at most {p.max_steps}, got {steps}")
    g_high = (LORA_PREVIEW["guidance_high"] if preview else p.guidance_high) if request.guidance_high is None \
        else request.guidance_high
    g_low = (LORA_PREVIEW["guidance_low"] if preview else p.guidance_low) if request.guidance_low is None \
        else request.guidance_low
    for label, g in (("guidance_high", g_high), ("guidance_low", g_low)):
        if not _is_number(g) or not 1.0 <= float(g) <= 20.0:
            errors.append(f"{label} must be a number from 1 to 20, got {g!r}")
    if request.sampler not in SAMPLERS:
        errors.append(f"sampler must be one of {', '.join(SAMPLERS)}, got {request.sampler!r}")
    mode = default_mode if request.mode in (None, "") else request.mode
    if mode not in ("auto", *MODES):
        errors.append(f"mode must be auto, {', '.join(MODES)}, got {mode!r}")
    if errors:
        raise InvalidRequest("; ".join(errors))
    return ResolvedRequest(prompt, negative, int(request.seed), int(width), int(height), int(frames), int(steps),
                           float(g_high), float(g_low), request.sampler, mode, fast, request.lora_dir)


class Engine:
    """A loaded checkpoint, ready to generate. Build with `load_engine()`."""

    def __init__(self, folder: ModelFolder, components, *, preset: Preset, device: str, mode: str,
                 batch_cfg: bool | None = None, text_cache_size: int = 16):
        self.folder = folder
        self.model_dir = str(folder.path)
        self.checkpoint_id = folder.checkpoint_id
        self.preset = preset
        self.device = device
        self.components = components
        self.tokenizer = components.tokenizer
        self.text_encoder = components.text_encoder
        self.vae = components.vae
        self.num_train_timesteps = int(components.scheduler_config.get("num_train_timesteps", 1000))
        self.experts = ExpertPair(components.transformer, components.transformer_2,
                                  preset.boundary if folder.two_experts else None, self.num_train_timesteps)
        self.expand_timesteps = folder.expand_timesteps  # TI2V-5B: one timestep per latent token
        self.transformer_config = dict(components.transformer.config)
        self.vae_config = dict(components.vae.config)
        self.vae_scale_temporal = int(self.vae_config.get("scale_factor_temporal", 4))
        self.vae_scale_spatial = int(self.vae_config.get("scale_factor_spatial", 8))
        self.patch_size = tuple(self.transformer_config.get("patch_size", (1, 2, 2)))
        # Batched CFG (cond and uncond in one batch-2 forward) on GPU; two batch-1 forwards on CPU,
        # exactly as WanPipeline does, which keeps CPU results bit-comparable with it.
        self.batch_cfg = device.startswith("cuda") if batch_cfg is None else batch_cfg
        self.tile_vae: bool | None = None  # None → decide from free memory
        self.placement = Placement(text_encoder=self.text_encoder, high=self.experts.high, low=self.experts.low,
                                   vae=self.vae, device=device)
        self._text_cache: OrderedDict[tuple[str, int], torch.Tensor] = OrderedDict()
        self._text_cache_size = text_cache_size
        self.requested_mode = mode
        self.mode = self.choose_mode(mode)
        self.mode_reason = self._mode_reason
        self.placement.apply(self.mode)
        self.fast = FastModes(self.experts)
        self.context_parallel = 1  # processes sharing each clip's sequence (parallel.py); 1: none

    # ------------------------------------------------------------------ memory mode
    def choose_mode(self, mode: str | None, width: int | None = None, height: int | None = None,
                    num_frames: int | None = None) -> str:
        if mode not in (None, "auto", *MODES):
            raise InvalidRequest(f"unknown memory mode {mode!r}; choose auto, {', '.join(MODES)}")
        if mode in MODES:
            self._mode_reason = "chosen by caller"
            return mode
        w, h = (width, height) if width else self.preset.default_size
        f = num_frames or self.preset.num_frames
        latent_shape = self._latent_shape(w, h, f)
        dtype_bytes = self.experts.dtype.itemsize
        batch = 2 if self.batch_cfg else 1
        free = free_device_memory(self.device)
        if free is not None:
            # our own weights already on the device, and memory our allocator holds, are available too
            free += self.placement.bytes_on_device() if hasattr(self, "placement") else 0
            free += torch.cuda.memory_reserved(self.device) - torch.cuda.memory_allocated(self.device)
        sizes = dict(
            text_encoder=module_bytes(self.text_encoder), high=module_bytes(self.experts.high),
            low=module_bytes(self.experts.low) if self.experts.low is not None else 0, vae=module_bytes(self.vae),
            activations=activation_bytes(self.transformer_config, latent_shape, batch, dtype_bytes),
        )
        chosen = pick_mode(free, **sizes)
        need = {k: round(v / 2**30, 2) for k, v in sizes.items()}
        self._mode_reason = (
            "CPU device" if free is None else f"auto: {free / 2**30:.1f} GiB free on {self.device}, estimates GiB {need}"
        )
        return chosen

    # ------------------------------------------------------------------ checks (no model work)
    def resolve(self, request: GenerationRequest) -> ResolvedRequest:
        """Fill defaults from the preset and check everything; raises InvalidRequest, no model work."""
        req = resolve_request(self.preset, request, default_mode=self.mode, temporal_scale=self.vae_scale_temporal,
                              spatial_multiple=self.vae_scale_spatial * self.patch_size[1])
        problems = check_fast(req.fast, device=self.device, lora_dir=req.lora_dir,
                              two_experts=self.experts.low is not None)
        if self.context_parallel > 1:
            from .parallel import tokens_per_frame_check

            if req.mode == "auto":  # the weights stay on every rank's device
                req = dataclasses.replace(req, mode="resident")

            _, _, f, h, w = self._latent_shape(req.width, req.height, req.num_frames)
            p = self.patch_size
            problem = tokens_per_frame_check((f // p[0]) * (h // p[1]) * (w // p[2]), self.context_parallel)
            if problem:
                problems.append(problem)
            if req.mode != "resident":
                problems.append(f"context parallelism runs in memory mode resident only, not {req.mode}")
        if problems:
            raise InvalidRequest("; ".join(problems))
        return req

    def validate(self, request: GenerationRequest) -> None:
        """Raise InvalidRequest with every problem found, without touching any model."""
        self.resolve(request)

    def _latent_shape(self, width: int, height: int, num_frames: int) -> tuple[int, int, int, int, int]:
        channels = int(self.transformer_config.get("in_channels", 16))
        frames = (num_frames - 1) // self.vae_scale_temporal + 1
        return (1, channels, frames, height // self.vae_scale_spatial, width // self.vae_scale_spatial)

    # ------------------------------------------------------------------ text
    @torch.no_grad()
    def encode_text(self, text: str) -> torch.Tensor:
        """[1, L, text_dim] embeddings, zero past the prompt's tokens (as WanPipeline); cached by text."""
        max_len = self.preset.max_sequence_length
        key = (text, max_len)
        if key in self._text_cache:
            self._text_cache.move_to_end(key)
            return self._text_cache[key]
        inputs = self.tokenizer([prompt_clean(text)], padding="max_length", max_length=max_len, truncation=True,
                                add_special_tokens=True, return_attention_mask=True, return_tensors="pt")
        ids, mask = inputs.input_ids, inputs.attention_mask  # [1, L]
        seq_len = int(mask.gt(0).sum())
        device = self.device
        hidden = self.text_encoder(input_ids=ids.to(device), attention_mask=mask.to(device)).last_hidden_state
        emb = hidden.new_zeros(hidden.shape)  # [1, L, D]
        emb[:, :seq_len] = hidden[:, :seq_len]
        emb = emb.to(device=device, dtype=self.experts.dtype)
        self._text_cache[key] = emb
        while len(self._text_cache) > self._text_cache_size:
            self._text_cache.popitem(last=False)
        return emb

    # ------------------------------------------------------------------ generate
    @torch.no_grad()
    def generate(self, request: GenerationRequest, progress: ProgressFn | None = None,
                 should_cancel: CancelFn | None = None, *, keep_float: bool = False) -> GenerationResult:
        t_start = time.perf_counter()
        timings: dict[str, float] = {}
        is_cuda = self.device.startswith("cuda")

        # 1. Check inputs (raises InvalidRequest before any model work) and place the weights.
        req = self.resolve(request)
        if req.mode == "auto":
            mode = self.choose_mode("auto", req.width, req.height, req.num_frames)
            self.mode_reason = self._mode_reason
        else:
            mode = req.mode
            if mode != self.mode:
                self.mode_reason = "chosen by request"
        if is_cuda:
            torch.cuda.reset_peak_memory_stats(self.device)
        try:
            t0 = time.perf_counter()
            self.placement.apply(mode)
            self.mode = mode
            timings["placement"] = time.perf_counter() - t0
            return self._generate(req, progress, should_cancel, keep_float, timings, t_start)
        except torch.OutOfMemoryError as exc:
            self._text_cache.clear()
            self.placement.mode = None  # weights may be half-moved: the next generate() re-places everything
            if is_cuda:
                torch.cuda.empty_cache()
            raise OutOfMemory(f"out of device memory in mode {mode} at {req.width}×{req.height}×{req.num_frames}: "
                              f"{str(exc).splitlines()[0]}", mode=mode) from exc

    def _generate(self, req: ResolvedRequest, progress, should_cancel, keep_float, timings, t_start):
        device, dtype = self.device, self.experts.dtype
        is_cuda = device.startswith("cuda")

        def check_cancel(where: str) -> None:
            stop = should_cancel is not None and should_cancel()
            if self.context_parallel > 1:  # every rank stops at the same check, as rank 0 decides
                from .parallel import agree

                stop = agree(stop)
            if stop:
                raise Cancelled(f"cancelled {where}")

        check_cancel("before encoding")

        # 2. Encode prompt and negative prompt (cached by text).
        t0 = time.perf_counter()
        guided = uses_guidance(req.guidance_high)  # WanPipeline's rule: both experts guided, or neither
        texts = [req.prompt] + ([req.negative_prompt] if guided else [])
        if any((text, self.preset.max_sequence_length) not in self._text_cache for text in texts):
            self.placement.for_encode()  # swap mode: the text encoder visits the device only when needed
        cond = self.encode_text(req.prompt)  # [1, L, D]
        uncond = self.encode_text(req.negative_prompt) if guided else None
        self.placement.after_encode()
        timings["encode"] = time.perf_counter() - t0

        # 3. Prepare latents from a CPU generator seeded by the request (same noise on every device).
        generator = torch.Generator(device="cpu").manual_seed(req.seed)
        shape = self._latent_shape(req.width, req.height, req.num_frames)  # [1, C, F_lat, H/8, W/8]
        latents = torch.randn(shape, generator=generator, dtype=torch.float32).to(device)

        scheduler = make_scheduler(req.sampler, self.preset.flow_shift, self.num_train_timesteps)
        set_schedule(scheduler, req.num_steps, device=device)  # the official Wan2.2 grid (sampler.py)
        scheduler.set_begin_index(0)
        timesteps = scheduler.timesteps
        plan = expert_plan(timesteps, self.experts.boundary, self.num_train_timesteps)
        expert_steps = {"high": plan.count("high"), "low": plan.count("low")}
        both = torch.cat([cond, uncond]) if self.batch_cfg and uncond is not None else None  # [2, L, D]

        # 4. Denoise: each step picks its expert by the switch rule, guides in float32, and steps the scheduler
        #    in float32 (latents stay float32 whatever the sampler; only the experts' input is cast).
        t0 = time.perf_counter()
        total = len(timesteps)
        with self.fast.applied(req.fast, num_steps=req.num_steps, lora_dir=req.lora_dir,
                               reload_experts=self._reload_experts) as fast_detail:
            caching = "cache" in fast_detail
            for i, t in enumerate(timesteps):
                check_cancel(f"before step {i + 1} of {total}")
                name, model, scale = self.experts.select(t, req.guidance_high, req.guidance_low)
                self.placement.for_expert(name)
                x = latents.to(dtype)  # [1, C, F_lat, h, w]
                if self.expand_timesteps:  # as WanPipeline: t on every (1×2×2-patch) token, [1, F_lat·h/2·w/2]
                    timestep = (torch.ones(shape[2:], dtype=torch.float32, device=device)[:, ::2, ::2] * t).flatten()[None]
                else:
                    timestep = t.expand(1)
                cache = ({"step_index": i, "sigma": float(scheduler.sigmas[i]), "num_inference_steps": total}
                         if caching else None)
                noise_pred = guided_velocity(model, x, timestep, cond, uncond, scale, batch_cfg=self.batch_cfg,
                                             both=both, cache=cache)  # float32
                latents = scheduler.step(noise_pred, t, latents, return_dict=False)[0]  # float32 in, float32 out
                if progress is not None:
                    progress(i + 1, total, name)
        if is_cuda:
            torch.cuda.synchronize(device)
        timings["denoise"] = time.perf_counter() - t0
        check_cancel("before decoding")

        # 5. Decode with the VAE (tiled when memory is short), then to uint8 frames.
        t0 = time.perf_counter()
        self.placement.for_decode()
        vae = self.vae
        tiled = self._should_tile(req)
        if tiled:
            vae.enable_tiling()
        else:
            vae.disable_tiling()
        z = latents.to(device=device, dtype=vae.dtype)
        z_dim = self.vae_config["z_dim"]
        mean = torch.tensor(self.vae_config["latents_mean"]).view(1, z_dim, 1, 1, 1).to(z.device, z.dtype)
        inv_std = 1.0 / torch.tensor(self.vae_config["latents_std"]).view(1, z_dim, 1, 1, 1).to(z.device, z.dtype)
        z = z / inv_std + mean  # undo the latent normalisation, exactly as WanPipeline writes it
        try:
            video = vae.decode(z, return_dict=False)[0]  # [1, 3, F, H, W] in [-1, 1]
        except torch.OutOfMemoryError:
            if tiled or not is_cuda:
                raise
            torch.cuda.empty_cache()  # the estimate was optimistic: decode again in tiles
            vae.enable_tiling()
            tiled = True
            video = vae.decode(z, return_dict=False)[0]
        video = (video / 2 + 0.5).clamp(0, 1)
        frames_float = video[0].permute(1, 2, 3, 0).float().cpu().numpy()  # [F, H, W, 3]
        frames = (frames_float * 255).round().astype(np.uint8)
        self.placement.after_decode()
        if is_cuda:
            torch.cuda.synchronize(device)
        timings["decode"] = time.perf_counter() - t0
        timings["total"] = time.perf_counter() - t_start

        if is_cuda:
            peak, peak_kind = int(torch.cuda.max_memory_allocated(device)), "cuda_max_allocated"
        else:
            peak, peak_kind = int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024, "process_max_rss"
        return GenerationResult(
            frames=frames, fps=self.preset.fps, width=req.width, height=req.height, num_frames=frames.shape[0],
            num_steps=req.num_steps, seed=req.seed, sampler=req.sampler, expert_steps=expert_steps,
            timings=timings, peak_memory_bytes=peak, peak_memory_kind=peak_kind, mode=self.mode,
            device=self.device, checkpoint_id=self.checkpoint_id, preset=self.preset.name, decode_tiled=tiled,
            mode_reason=self.mode_reason, fast=fast_detail if req.fast else {},
            frames_float=frames_float if keep_float else None,
        )

    def _should_tile(self, req: ResolvedRequest) -> bool:
        """Tiled VAE decode when free device memory is below the untiled estimate (CPU: never, unless set)."""
        if self.tile_vae is not None:
            return self.tile_vae
        free = free_device_memory(self.device)
        if free is None:
            return False
        return free < vae_decode_bytes(self.vae_config, req.width, req.height, self.vae.dtype.itemsize) * 1.1

    def enable_speedups(self, *, attention: str | None = None, compile_blocks: bool = False) -> None:
        """GPU speed-ups for both experts (see speed.py and docs/PERFORMANCE.md for what each gave)."""
        from .speed import apply_speedups

        for model in self.experts.modules:
            apply_speedups(model, attention=attention, compile_blocks=compile_blocks)

    def _reload_experts(self) -> None:
        """Fresh expert weights from the folder (after FP8 quantisation, which is not undone in place)."""
        dtypes = getattr(self, "dtypes", default_dtypes(self.device))
        fresh = load_components(self.folder, dtypes, only=("transformer", "transformer_2"))
        self.placement.mode = None
        self.components.transformer, self.components.transformer_2 = fresh.transformer, fresh.transformer_2
        self.experts.high, self.experts.low = fresh.transformer, fresh.transformer_2
        self.placement.high, self.placement.low = fresh.transformer, fresh.transformer_2
        self.placement.apply(self.mode)

    def describe(self) -> dict:
        return {"model_dir": self.model_dir, "checkpoint_id": self.checkpoint_id, "preset": self.preset.name,
                "device": self.device, "mode": self.mode, "mode_reason": self.mode_reason,
                "batch_cfg": self.batch_cfg, "context_parallel": self.context_parallel,
                "experts_dtype": str(self.experts.dtype).replace("torch.", "")}


def default_device() -> str:
    return "cuda" if torch.cuda.is_available() else "cpu"


def preset_for(folder: ModelFolder, preset: str | None = None) -> Preset:
    """THE preset rule: an explicit name wins; otherwise detected from model_index.json and the transformer
    config (config.detect_preset), refusing folders this engine does not run with InvalidRequest."""
    try:
        return get_preset(preset or detect_preset(folder.transformer_config, folder.model_index))
    except UnsupportedCheckpoint as exc:
        raise InvalidRequest(f"model folder {folder.path} is not supported: {exc}") from None
    except KeyError as exc:
        raise InvalidRequest(str(exc.args[0])) from None


def load_targets(folder: ModelFolder, device: str, mode: str, dtypes: dict[str, torch.dtype]) -> dict[str, str]:
    """Which components load straight onto the device: all of them when the weights will stay there
    (mode resident, or auto when the estimate from the files' headers fits in free memory), else none
    (swap and offload keep them in host memory and move them as they go)."""
    if not device.startswith("cuda") or mode in ("swap", "offload"):
        return {}
    if mode == "auto":
        free = free_device_memory(device)
        sizes = {name: component_bytes(folder, name, dtypes["transformer" if name.startswith("transformer") else name])
                 for name in ("transformer", "transformer_2", "text_encoder", "vae")
                 if name != "transformer_2" or folder.two_experts}
        need = sum(sizes.values()) * 1.25  # weights plus headroom for activations
        if free is None or free < need:
            return {}
    return {"transformer": device, "text_encoder": device, "vae": device}


def load_engine(model_dir: str | os.PathLike, *, preset: str | None = None, device: str | None = None,
                mode: str = "auto", batch_cfg: bool | None = None, precision: str | None = None,
                context_parallel: int = 1) -> Engine:
    """Check the folder (MissingComponent names what is absent; InvalidRequest says what an unsupported
    folder is), load every component from it (local files only; straight onto the device when the
    weights will stay there), pick the memory mode and place the weights.

    precision: None (bf16 experts and text encoder on GPU, fp32 on CPU) or "bf16"/"fp32" to force it.
    context_parallel: N > 1 splits each clip's sequence over the N processes torchrun started (parallel.py);
    the weights then stay resident on each process's device."""
    if mode not in ("auto", *MODES):
        raise InvalidRequest(f"unknown memory mode {mode!r}; choose auto, {', '.join(MODES)}")
    if context_parallel > 1:
        if mode not in ("auto", "resident"):
            raise InvalidRequest(f"context parallelism runs in memory mode resident only, not {mode}")
        mode = "resident"
    folder = inspect_model_dir(model_dir)
    preset_obj = preset_for(folder, preset)
    device = device or default_device()
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise InvalidRequest(f"device {device} asked for, but no CUDA device is available")
    try:
        dtypes = default_dtypes(device, precision)
    except ValueError as exc:
        raise InvalidRequest(str(exc)) from None
    components = load_components(folder, dtypes, device_for=load_targets(folder, device, mode, dtypes))
    engine = Engine(folder, components, preset=preset_obj, device=device, mode=mode, batch_cfg=batch_cfg)
    engine.dtypes = dtypes
    if context_parallel > 1:
        from .parallel import enable_context_parallel

        enable_context_parallel(engine.experts.modules, context_parallel)
        engine.context_parallel = context_parallel
    return engine
