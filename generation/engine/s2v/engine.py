"""The S2V engine: a portrait, a speech recording and a prompt in, frames out (clip after clip).

`generate()` is written in numbered sections, following the official `WanS2V.generate`
(wan/speech2video.py) step for step; it never imports the official code:

1. check inputs (no model work) and place the weights
2. encode prompt and negative prompt
3. audio → wav2vec2 features per video frame
4. reference image → size rule → VAE latent
5. clip by clip: motion memory → denoise with CFG (negative prompt, zeroed audio) → decode
6. join the clips, cut to the audio's length, uint8 frames

Deliberate differences from the official script, each for the archive's needs:
- the number of clips follows the audio (as the official default), and the video is cut to the
  audio's length (the official output runs to the end of the last clip);
- the first clip's audio features start `first_clip_drop` frames early (copies of frame 0), so that
  after those frames are dropped video frame k meets audio time k/fps;
- noise comes from a CPU generator seeded with seed + clip (same noise on every device);
- on GPU both CFG branches run as one batch-2 forward (`batch_cfg`), the same computation.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import torch

from ..engine import prompt_clean
from ..errors import Cancelled, InvalidRequest, OutOfMemory
from ..memory import MODES, Placement, activation_bytes, free_device_memory, module_bytes, pick_mode
from ..sampler import SAMPLERS, make_scheduler
from .audio import Audio, frames_for_audio, per_frame_features, read_audio, wav2vec2_hidden_states
from .config import S2VPreset, detect_s2v_preset, get_s2v_preset, size_for_image
from .loading import S2VFolder, default_s2v_dtypes, inspect_s2v_dir, load_s2v_components

ProgressFn = Callable[[int, int, str], None]  # (step done, total steps over all clips, "clip r/n")
CancelFn = Callable[[], bool]

MAX_IMAGE_PIXELS = 64_000_000


@dataclass
class S2VRequest:
    image: str | os.PathLike  # reference portrait (any format PIL reads)
    audio: str | os.PathLike  # speech recording (any format ffmpeg reads)
    prompt: str
    negative_prompt: str | None = None  # None → the preset's S2V negative prompt
    seed: int = 0
    num_steps: int | None = None
    guidance: float | None = None
    sampler: str = "unipc"
    mode: str | None = None
    max_clips: int | None = None  # None: as many as the audio needs
    pose_frames: np.ndarray | None = None  # optional uint8 [F, H, W, 3] pose video (DWPose renders)


@dataclass(frozen=True)
class ResolvedS2V:
    prompt: str
    negative_prompt: str
    seed: int
    num_steps: int
    guidance: float
    sampler: str
    mode: str
    width: int
    height: int
    image: object  # PIL.Image, RGB, resized and cropped to width×height
    audio: Audio
    num_frames: int  # output frames (the audio's length)
    clips: int


@dataclass
class S2VResult:
    frames: np.ndarray  # uint8 [F, H, W, 3]
    fps: int
    width: int
    height: int
    num_frames: int
    num_steps: int
    clips: int
    clip_seeds: list[int]
    audio_seconds: float
    seed: int
    sampler: str
    timings: dict[str, float]
    peak_memory_bytes: int
    peak_memory_kind: str
    mode: str
    device: str
    checkpoint_id: str
    preset: str
    mode_reason: str = ""
    frames_float: np.ndarray | None = field(default=None, repr=False)


def _is_int(x) -> bool:
    return isinstance(x, (int, np.integer)) and not isinstance(x, bool)


def clip_seed(seed: int, clip: int) -> int:
    """THE per-clip seed rule (official: seed + r)."""
    return (int(seed) + int(clip)) % 2**63


def load_reference_image(path, preset: S2VPreset):
    """Open and check the portrait; returns (PIL RGB image, height, width) of the video. InvalidRequest if bad."""
    from PIL import Image, UnidentifiedImageError

    path = os.fspath(path)
    if not os.path.isfile(path):
        raise InvalidRequest(f"image file {path} does not exist")
    try:
        with Image.open(path) as im:
            if im.width * im.height > MAX_IMAGE_PIXELS:
                raise InvalidRequest(f"image is too large ({im.width}×{im.height})")
            im.load()
            img = im.convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise InvalidRequest(f"{os.path.basename(path)} is not an image: {exc}") from None
    if min(img.size) < preset.min_image_side:
        raise InvalidRequest(f"image is {img.width}×{img.height}; preset {preset.name} needs both sides at least "
                             f"{preset.min_image_side} px")
    h, w = size_for_image(img.height, img.width, preset.max_area, preset.size_divisor)
    return fit_image(img, w, h), h, w


def fit_image(img, width: int, height: int):
    """Scale to cover width×height, then crop the centre (official: resize the short side, centre crop)."""
    from PIL import Image

    scale = max(width / img.width, height / img.height)
    rw, rh = max(width, round(img.width * scale)), max(height, round(img.height * scale))
    img = img.resize((rw, rh), Image.Resampling.BICUBIC)
    left, top = (rw - width) // 2, (rh - height) // 2
    return img.crop((left, top, left + width, top + height))


def read_pose_video(path, fps: int, max_frames: int) -> np.ndarray:
    """uint8 [F, H, W, 3] frames of a pose video (e.g. DWPose renders) resampled to `fps`. InvalidRequest if unreadable."""
    import imageio_ffmpeg

    path = os.fspath(path)
    if not os.path.isfile(path):
        raise InvalidRequest(f"pose video {path} does not exist")
    try:
        reader = imageio_ffmpeg.read_frames(path, output_params=["-vf", f"fps={int(fps)}"])
        meta = next(reader)
        w, h = meta["size"]
        frames = []
        for raw in reader:
            frames.append(np.frombuffer(raw, dtype=np.uint8).reshape(h, w, 3))
            if len(frames) >= max_frames:
                break
        reader.close()
    except (OSError, RuntimeError, StopIteration, KeyError) as exc:
        raise InvalidRequest(f"{os.path.basename(path)} is not a video ffmpeg can read: {exc}") from None
    if not frames:
        raise InvalidRequest(f"{os.path.basename(path)} has no frames")
    return np.stack(frames)


def resolve_s2v(preset: S2VPreset, request: S2VRequest, *, default_mode: str = "auto",
                max_audio_seconds: float | None = None) -> ResolvedS2V:
    """Fill defaults and check everything (reads the image and decodes the audio; no model work).
    Raises InvalidRequest listing the problems found."""
    errors: list[str] = []
    if not isinstance(request.prompt, str) or not request.prompt.strip():
        errors.append("prompt is empty: describe the scene and camera")
    negative = preset.default_negative_prompt if request.negative_prompt is None else request.negative_prompt
    if not isinstance(negative, str):
        errors.append("negative_prompt must be text")
    if not _is_int(request.seed) or not 0 <= int(request.seed) < 2**63:
        errors.append(f"seed must be an integer from 0 to 2**63-1, got {request.seed!r}")
    steps = preset.num_steps if request.num_steps is None else request.num_steps
    if not _is_int(steps) or not 0 < steps <= preset.max_steps:
        errors.append(f"steps must be an integer from 1 to {preset.max_steps}, got {steps!r}")
    guidance = preset.guidance if request.guidance is None else request.guidance
    if not isinstance(guidance, (int, float)) or isinstance(guidance, bool) or not 1.0 <= float(guidance) <= 20.0:
        errors.append(f"guidance must be a number from 1 to 20, got {guidance!r}")
    if request.sampler not in SAMPLERS:
        errors.append(f"sampler must be one of {', '.join(SAMPLERS)}, got {request.sampler!r}")
    mode = default_mode if request.mode in (None, "") else request.mode
    if mode not in ("auto", *MODES):
        errors.append(f"mode must be auto, {', '.join(MODES)}, got {mode!r}")
    if request.max_clips is not None and (not _is_int(request.max_clips) or request.max_clips < 1):
        errors.append(f"max_clips must be a positive integer, got {request.max_clips!r}")
    image = audio = None
    h = w = 0
    try:
        image, h, w = load_reference_image(request.image, preset)
    except InvalidRequest as exc:
        errors.append(str(exc))
    try:
        audio = read_audio(request.audio, max_seconds=max_audio_seconds or preset.max_audio_seconds)
    except InvalidRequest as exc:
        errors.append(str(exc))
    if request.pose_frames is not None:
        pf = request.pose_frames
        if not isinstance(pf, np.ndarray) or pf.dtype != np.uint8 or pf.ndim != 4 or pf.shape[-1] != 3 or not len(pf):
            errors.append("pose_frames must be uint8 [F, H, W, 3]")
    if errors:
        raise InvalidRequest("; ".join(errors))
    num_frames = frames_for_audio(audio.seconds, preset.fps)
    clips = preset.clips_for(num_frames)
    if request.max_clips is not None and clips > request.max_clips:
        clips = int(request.max_clips)
        first = preset.frames_per_clip - preset.first_clip_drop
        num_frames = first + (clips - 1) * preset.frames_per_clip
    return ResolvedS2V(request.prompt, negative, int(request.seed), int(steps), float(guidance), request.sampler,
                       mode, w, h, image, audio, num_frames, clips)


class S2VEngine:
    """A loaded S2V checkpoint. Build with `load_s2v_engine()`."""

    def __init__(self, folder: S2VFolder, components, *, preset: S2VPreset, device: str, mode: str,
                 max_audio_seconds: float | None = None, batch_cfg: bool | None = None):
        self.folder = folder
        self.model_dir = str(folder.path)
        self.checkpoint_id = folder.checkpoint_id
        self.preset = preset
        self.device = device
        self.max_audio_seconds = max_audio_seconds or preset.max_audio_seconds
        self.tokenizer = components.tokenizer
        self.text_encoder = components.text_encoder
        self.transformer = components.transformer
        self.vae = components.vae
        self.audio_encoder = components.audio_encoder
        self.feature_extractor = components.feature_extractor
        self.vae_config = dict(self.vae.config)
        self.vae_scale_spatial = int(self.vae_config.get("scale_factor_spatial", 8))
        self.vae_scale_temporal = int(self.vae_config.get("scale_factor_temporal", 4))
        self.motion_frames = int(self.transformer.config.motion_frames)
        # Both CFG branches in one batch-2 forward on GPU (one pass over the weights); two batch-1
        # forwards on CPU, as the official code on every device.
        self.batch_cfg = device.startswith("cuda") if batch_cfg is None else batch_cfg
        self.placement = Placement(text_encoder=self.text_encoder, high=self.transformer, low=None, vae=self.vae,
                                   device=device)
        self.mode_reason = ""
        self.mode = self.choose_mode(mode)
        self._apply_mode(self.mode)

    # ------------------------------------------------------------------ memory
    @property
    def dtype(self) -> torch.dtype:
        return self.transformer.patch_embedding.weight.dtype

    def choose_mode(self, mode: str | None, width: int | None = None, height: int | None = None) -> str:
        if mode not in (None, "auto", *MODES):
            raise InvalidRequest(f"unknown memory mode {mode!r}; choose auto, {', '.join(MODES)}")
        if mode in MODES:
            self.mode_reason = "chosen by caller"
            return mode
        free = free_device_memory(self.device)
        if free is None:
            self.mode_reason = "CPU device"
            return "resident"
        free += self.placement.bytes_on_device() + (module_bytes(self.audio_encoder) if self._audio_on_device() else 0)
        h, w = (height, width) if width else (704, 1024)
        cfg = self.transformer.config
        lat_frames = self.preset.frames_per_clip // 4 + 1 + 3  # noisy + reference + motion (upper bound)
        act = activation_bytes({"num_attention_heads": cfg.num_heads, "attention_head_dim": cfg.dim // cfg.num_heads,
                                "ffn_dim": cfg.ffn_dim, "patch_size": cfg.patch_size},
                               (1, 16, lat_frames, h // 8, w // 8), 1, self.dtype.itemsize)
        sizes = dict(text_encoder=module_bytes(self.text_encoder) + module_bytes(self.audio_encoder),
                     high=module_bytes(self.transformer), vae=module_bytes(self.vae), activations=act)
        chosen = pick_mode(free, **sizes)
        self.mode_reason = f"auto: {free / 2**30:.1f} GiB free on {self.device}, estimates GiB " \
                           f"{ {k: round(v / 2**30, 2) for k, v in sizes.items()} }"
        return chosen

    def _audio_on_device(self) -> bool:
        return next(self.audio_encoder.parameters()).device.type == torch.device(self.device).type

    def _apply_mode(self, mode: str) -> None:
        self.placement.apply(mode)
        self.audio_encoder.to(self.device if mode == "resident" else "cpu")
        self.mode = mode

    # ------------------------------------------------------------------ checks
    def resolve(self, request: S2VRequest) -> ResolvedS2V:
        return resolve_s2v(self.preset, request, default_mode=self.mode, max_audio_seconds=self.max_audio_seconds)

    # ------------------------------------------------------------------ encoders
    @torch.no_grad()
    def encode_text(self, text: str) -> torch.Tensor:
        """[1, L, text_dim], zero past the prompt's tokens (the official encoder returns only those)."""
        max_len = self.preset.max_sequence_length
        inputs = self.tokenizer([prompt_clean(text)], padding="max_length", max_length=max_len, truncation=True,
                                add_special_tokens=True, return_attention_mask=True, return_tensors="pt")
        ids, mask = inputs.input_ids.to(self.device), inputs.attention_mask.to(self.device)
        n = int(mask.sum())
        hidden = self.text_encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        out = hidden.new_zeros(hidden.shape)
        out[:, :n] = hidden[:, :n]
        return out.to(self.dtype)

    @torch.no_grad()
    def encode_audio(self, audio: Audio) -> torch.Tensor:
        """[layers, dim, frames] wav2vec2 features per video frame (float32, on the CPU)."""
        if not self._audio_on_device():
            self.audio_encoder.to(self.device)
        hidden = wav2vec2_hidden_states(self.audio_encoder, self.feature_extractor, audio.samples, self.device)
        if self.mode != "resident":
            self.audio_encoder.to("cpu")
        return hidden.cpu()

    def _vae_norm(self, z: torch.Tensor):
        zd = self.vae_config["z_dim"]
        mean = torch.tensor(self.vae_config["latents_mean"]).view(1, zd, 1, 1, 1).to(z)
        std = torch.tensor(self.vae_config["latents_std"]).view(1, zd, 1, 1, 1).to(z)
        return mean, std

    @torch.no_grad()
    def vae_encode(self, pixels: torch.Tensor) -> torch.Tensor:
        """pixels [1, 3, F, H, W] in [-1, 1] → normalised latents [1, 16, F_lat, h, w] (the distribution's mode)."""
        vae = self.vae
        z = vae.encode(pixels.to(device=self.device, dtype=vae.dtype)).latent_dist.mode()
        mean, std = self._vae_norm(z)
        return ((z - mean) / std).float()

    @torch.no_grad()
    def vae_decode(self, latents: torch.Tensor) -> torch.Tensor:
        """normalised latents → pixels [1, 3, F, H, W] in [-1, 1] (float32)."""
        vae = self.vae
        z = latents.to(device=self.device, dtype=vae.dtype)
        mean, std = self._vae_norm(z)
        return vae.decode(z * std + mean, return_dict=False)[0].float().clamp(-1, 1)

    def pose_latents(self, pose: np.ndarray, req: ResolvedS2V) -> list[torch.Tensor]:
        """Per clip: VAE latents of the pose frames (padded with -1, first frame repeated in front and its
        latent dropped, as the official code)."""
        from PIL import Image

        per_clip = self.preset.frames_per_clip
        frames = [np.asarray(fit_image(Image.fromarray(f), req.width, req.height)) for f in pose]
        t = torch.from_numpy(np.stack(frames)).permute(3, 0, 1, 2).float() / 127.5 - 1.0  # [3, F, H, W]
        need = req.clips * per_clip
        t = t[:, :need]
        if t.shape[1] < need:
            t = torch.cat([t, -torch.ones(3, need - t.shape[1], req.height, req.width)], dim=1)
        out = []
        for r in range(req.clips):
            c = t[:, r * per_clip:(r + 1) * per_clip]
            c = torch.cat([c[:, :1], c], dim=1)[None]
            out.append(self.vae_encode(c)[:, :, 1:].cpu())
        return out

    # ------------------------------------------------------------------ generate
    @torch.no_grad()
    def generate(self, request: S2VRequest, progress: ProgressFn | None = None,
                 should_cancel: CancelFn | None = None, *, keep_float: bool = False) -> S2VResult:
        t_start = time.perf_counter()
        timings: dict[str, float] = {}
        is_cuda = self.device.startswith("cuda")

        # 1. Check inputs (InvalidRequest before any model work) and place the weights.
        t0 = time.perf_counter()
        req = self.resolve(request)
        timings["inputs"] = time.perf_counter() - t0
        mode = self.choose_mode("auto", req.width, req.height) if req.mode == "auto" else req.mode
        if req.mode != "auto" and mode != self.mode:
            self.mode_reason = "chosen by request"
        if is_cuda:
            torch.cuda.reset_peak_memory_stats(self.device)
        try:
            self._apply_mode(mode)
            return self._generate(req, request.pose_frames, progress, should_cancel, keep_float, timings, t_start)
        except torch.OutOfMemoryError as exc:
            self.placement.mode = None
            if is_cuda:
                torch.cuda.empty_cache()
            raise OutOfMemory(f"out of device memory in mode {mode} at {req.width}×{req.height}: "
                              f"{str(exc).splitlines()[0]}", mode=mode) from exc

    def _generate(self, req: ResolvedS2V, pose, progress, should_cancel, keep_float, timings, t_start):
        device, dtype, p = self.device, self.dtype, self.preset
        is_cuda = device.startswith("cuda")

        def check_cancel(where: str) -> None:
            if should_cancel is not None and should_cancel():
                raise Cancelled(f"cancelled {where}")

        check_cancel("before encoding")

        # 2. Encode prompt and negative prompt.
        t0 = time.perf_counter()
        guided = req.guidance > 1.0
        self.placement.for_encode()
        cond_text = self.encode_text(req.prompt)
        uncond_text = self.encode_text(req.negative_prompt) if guided else None
        self.placement.after_encode()
        timings["encode_text"] = time.perf_counter() - t0

        # 3. Audio → one feature vector per video frame for every clip (zeros past the audio's end).
        t0 = time.perf_counter()
        per_clip = p.frames_per_clip
        hidden = self.encode_audio(req.audio)
        audio_feats = per_frame_features(hidden, p.fps, req.clips * per_clip - p.first_clip_drop,
                                         lead=p.first_clip_drop)  # [layers, dim, clips·per_clip]
        timings["encode_audio"] = time.perf_counter() - t0

        # 4. Reference image → latent; motion memory starts as grey (zero) frames.
        t0 = time.perf_counter()
        self.placement.for_decode()  # the VAE on the device (offload/swap modes)
        ref_pixels = torch.from_numpy(np.array(req.image)).permute(2, 0, 1).float() / 127.5 - 1.0
        ref_latents = self.vae_encode(ref_pixels[None, :, None])  # [1, 16, 1, h, w]
        last_frames = torch.zeros(1, 3, self.motion_frames, req.height, req.width)
        cond_per_clip = self.pose_latents(pose, req) if pose is not None else None
        timings["encode_image"] = time.perf_counter() - t0

        # 5. Clip by clip.
        lat_h, lat_w = req.height // self.vae_scale_spatial, req.width // self.vae_scale_spatial
        lat_frames = per_clip // self.vae_scale_temporal
        total = req.clips * req.num_steps
        out_clips, seeds = [], []
        timings["denoise"] = timings["decode"] = 0.0
        for r in range(req.clips):
            label = f"clip {r + 1}/{req.clips}"
            t0 = time.perf_counter()
            drop_motion = r == 0  # official drop_first_motion: the first clip has no motion memory
            # the motion memory: VAE latents of the last motion_frames frames so far (unused by the first clip)
            motion_latents = self.vae_encode(last_frames) if not drop_motion else \
                torch.zeros(1, 16, (self.motion_frames + 3) // 4, lat_h, lat_w, device=device)
            audio_clip = audio_feats[:, :, r * per_clip:(r + 1) * per_clip][None].to(device=device, dtype=dtype)
            cond_states = cond_per_clip[r].to(device=device, dtype=dtype) if cond_per_clip else None
            seed = clip_seed(req.seed, r)
            seeds.append(seed)
            generator = torch.Generator(device="cpu").manual_seed(seed)
            latents = torch.randn((1, 16, lat_frames, lat_h, lat_w), generator=generator,
                                  dtype=torch.float32).to(device)
            scheduler = make_scheduler(req.sampler, p.flow_shift)
            scheduler.set_timesteps(req.num_steps, device=device)
            scheduler.set_begin_index(0)
            shared = dict(ref_latents=ref_latents.to(dtype), motion_latents=motion_latents.to(dtype),
                          cond_states=cond_states, drop_motion_frames=drop_motion)
            self.placement.for_expert("high")
            for i, t in enumerate(scheduler.timesteps):
                check_cancel(f"before step {i + 1} of {label}")
                x = latents.to(dtype)
                ts = t.expand(1)
                if guided and self.batch_cfg:
                    both = {k: (torch.cat([v, v]) if torch.is_tensor(v) else v) for k, v in shared.items()}
                    v, v_u = self.transformer(torch.cat([x, x]), ts.expand(2), torch.cat([cond_text, uncond_text]),
                                              audio_input=torch.cat([audio_clip, audio_clip * 0.0]), **both).chunk(2)
                    v = v_u + req.guidance * (v - v_u)
                else:
                    v = self.transformer(x, ts, cond_text, audio_input=audio_clip, **shared)
                    if guided:  # unconditional branch: negative prompt and zeroed audio features (official)
                        v_u = self.transformer(x, ts, uncond_text, audio_input=audio_clip * 0.0, **shared)
                        v = v_u + req.guidance * (v - v_u)
                latents = scheduler.step(v, t, latents, return_dict=False)[0]
                if progress is not None:
                    progress(r * req.num_steps + i + 1, total, label)
            if is_cuda:
                torch.cuda.synchronize(device)
            timings["denoise"] += time.perf_counter() - t0
            check_cancel(f"before decoding {label}")

            t0 = time.perf_counter()
            self.placement.for_decode()
            head = ref_latents if drop_motion else motion_latents
            pixels = self.vae_decode(torch.cat([head, latents], dim=2))[:, :, -per_clip:]
            if drop_motion:
                pixels = pixels[:, :, p.first_clip_drop:]
            pixels = pixels.cpu()
            keep = min(self.motion_frames, pixels.shape[2])
            last_frames = torch.cat([last_frames[:, :, keep:], pixels[:, :, -keep:]], dim=2)
            out_clips.append(pixels)
            timings["decode"] += time.perf_counter() - t0
        self.placement.after_decode()

        # 6. Join, cut to the audio's length, to uint8.
        video = torch.cat(out_clips, dim=2)[0, :, :req.num_frames]  # [3, F, H, W]
        frames_float = ((video.permute(1, 2, 3, 0) + 1) / 2).clamp(0, 1).numpy()
        frames = (frames_float * 255).round().astype(np.uint8)
        timings["total"] = time.perf_counter() - t_start
        if is_cuda:
            peak, kind = int(torch.cuda.max_memory_allocated(device)), "cuda_max_allocated"
        else:
            peak, kind = int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024, "process_max_rss"
        return S2VResult(
            frames=frames, fps=p.fps, width=req.width, height=req.height, num_frames=frames.shape[0],
            num_steps=req.num_steps, clips=req.clips, clip_seeds=seeds, audio_seconds=req.audio.seconds,
            seed=req.seed, sampler=req.sampler, timings=timings, peak_memory_bytes=peak, peak_memory_kind=kind,
            mode=self.mode, device=device, checkpoint_id=self.checkpoint_id, preset=p.name,
            mode_reason=self.mode_reason, frames_float=frames_float if keep_float else None,
        )

    def describe(self) -> dict:
        return {"model_dir": self.model_dir, "checkpoint_id": self.checkpoint_id, "preset": self.preset.name,
                "device": self.device, "mode": self.mode, "mode_reason": self.mode_reason, "batch_cfg": self.batch_cfg}


def load_s2v_engine(model_dir: str | os.PathLike, *, preset: str | None = None, device: str | None = None,
                    mode: str = "auto", max_audio_seconds: float | None = None,
                    batch_cfg: bool | None = None) -> S2VEngine:
    """Check the folder (MissingComponent names what is absent or mismatched), load every component
    from it (local files only), pick the memory mode and place the weights."""
    if mode not in ("auto", *MODES):
        raise InvalidRequest(f"unknown memory mode {mode!r}; choose auto, {', '.join(MODES)}")
    folder = inspect_s2v_dir(model_dir)
    try:
        preset_obj = get_s2v_preset(preset or detect_s2v_preset(folder.transformer_config))
    except KeyError as exc:
        raise InvalidRequest(str(exc.args[0])) from None
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise InvalidRequest(f"device {device} asked for, but no CUDA device is available")
    components = load_s2v_components(folder, default_s2v_dtypes(device))
    return S2VEngine(folder, components, preset=preset_obj, device=device, mode=mode,
                     max_audio_seconds=max_audio_seconds, batch_cfg=batch_cfg)
