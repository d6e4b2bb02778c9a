"""Audio in: decode any file ffmpeg reads to 16 kHz mono, wav2vec2 features of all hidden layers,
resampled to one feature per video frame.

Facts from the official code (wan/modules/s2v/audio_encoder.py): wav2vec2 runs at 16 kHz (50 hidden
frames per second); every hidden state (the embedding output and each layer) is kept; they are
linearly interpolated to 30 per second, then one is picked per video frame at the preset's fps (the
nearest, `round(k * 30 / fps)`); frames past the end of the audio get zero features.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from ..errors import InvalidRequest
from .config import frames_for_audio  # noqa: F401  (re-exported: the rule lives in config, plain data)

SAMPLE_RATE = 16_000
WAV2VEC2_RATE = 50  # hidden frames per second at 16 kHz (stride 320 samples)
FEATURE_RATE = 30  # official "video_rate" the features are interpolated to


@dataclass(frozen=True)
class Audio:
    samples: np.ndarray  # float32 mono at SAMPLE_RATE
    path: str

    @property
    def seconds(self) -> float:
        return len(self.samples) / SAMPLE_RATE


def _ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def read_audio(path: str | os.PathLike, *, max_seconds: float) -> Audio:
    """Decode to 16 kHz mono float32; InvalidRequest if not audio, empty/silent-length zero, or too long."""
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise InvalidRequest(f"audio file {path} does not exist")
    cmd = [_ffmpeg(), "-v", "error", "-nostdin", "-i", path, "-map", "0:a:0", "-vn", "-ac", "1",
           "-ar", str(SAMPLE_RATE), "-f", "f32le", "-t", f"{max_seconds + 1:.3f}", "-"]
    proc = subprocess.run(cmd, capture_output=True)
    if proc.returncode != 0:
        raise InvalidRequest(f"{os.path.basename(path)} is not an audio file ffmpeg can read: "
                             f"{proc.stderr.decode(errors='replace').strip().splitlines()[-1:] or ['no audio stream']}")
    samples = np.frombuffer(proc.stdout, dtype="<f4").astype(np.float32)
    if samples.size < SAMPLE_RATE // 10:
        raise InvalidRequest(f"{os.path.basename(path)} holds no audio (less than 0.1 s)")
    seconds = samples.size / SAMPLE_RATE
    if seconds > max_seconds:
        raise InvalidRequest(f"audio is longer than the maximum of {max_seconds:g} s")
    if not np.isfinite(samples).all():
        raise InvalidRequest(f"{os.path.basename(path)} decodes to invalid samples")
    return Audio(samples, path)


@torch.no_grad()
def wav2vec2_hidden_states(model, feature_extractor, samples: np.ndarray, device) -> torch.Tensor:
    """[layers, T_50Hz, dim] float32: every hidden state of wav2vec2 (embedding output + each layer)."""
    inputs = feature_extractor(samples, sampling_rate=SAMPLE_RATE, return_tensors="pt")
    values = inputs.input_values.to(device=device, dtype=next(model.parameters()).dtype)
    out = model(values, output_hidden_states=True)
    return torch.cat(out.hidden_states).float()  # [layers, T, dim]


def per_frame_features(hidden: torch.Tensor, fps: int, num_frames: int, *, lead: int = 0) -> torch.Tensor:
    """[layers, dim, lead + num_frames] features, one per video frame.

    Interpolated from 50/s to 30/s, then sampled at `fps`. `lead` frames are put in front as copies of
    frame 0 (the engine drops that many frames from the first clip, so video frame k meets audio time k/fps).
    """
    layers, t50, dim = hidden.shape
    t30 = int(t50 / WAV2VEC2_RATE * FEATURE_RATE)
    feats = F.interpolate(hidden.permute(0, 2, 1), size=max(t30, 1), mode="linear", align_corners=True)  # [L, D, T30]
    idx = np.round(np.arange(num_frames) * FEATURE_RATE / fps).astype(int)
    out = feats.new_zeros(layers, dim, num_frames)
    inside = idx < t30
    out[:, :, torch.from_numpy(inside)] = feats[:, :, torch.from_numpy(idx[inside])]
    if lead:
        out = torch.cat([out[:, :, :1].expand(-1, -1, lead), out], dim=2)
    return out




def mux_audio(video_path: str | os.PathLike, audio_path: str | os.PathLike, out_path: str | os.PathLike,
              seconds: float) -> None:
    """Copy the video stream (and its metadata: the implicit AI label) and add the original audio as AAC,
    cut to `seconds` (its own length)."""
    cmd = [_ffmpeg(), "-y", "-v", "error", "-nostdin", "-i", os.fspath(video_path), "-i", os.fspath(audio_path),
           "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy", "-c:a", "aac", "-b:a", "192k", "-ac", "1",
           "-t", f"{seconds:.6f}", "-map_metadata", "0", "-fflags", "+bitexact", "-flags:a", "+bitexact",
           "-movflags", "+faststart+use_metadata_tags", os.fspath(out_path)]
    proc = subprocess.run(cmd, capture_output=True)
    if proc.returncode != 0:
        raise RuntimeError(f"ffmpeg mux failed: {proc.stderr.decode(errors='replace')[-2000:]}")
