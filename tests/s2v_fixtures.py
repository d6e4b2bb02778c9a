"""S2V test material: a tiny S2V checkpoint (built once per process by the real command), a synthetic
portrait (a drawn face, clearly not a real person) and speech-like WAV files.

The speech is synthesised with numpy (espeak-ng is not installed here): a glottal pulse train (a
fundamental and its harmonics, with a slowly varying pitch) shaped by syllable envelopes at ~3.5
syllables per second, plus a little noise. Different `f0`/`rate` give audibly different "speech".
"""

from __future__ import annotations

import io
import json
import wave
from pathlib import Path

import numpy as np

_BUILT: dict[str, str] = {}


def tiny_s2v_path(tmp_path_factory) -> str:
    if "tiny" not in _BUILT:
        from django.core.management import call_command

        path = tmp_path_factory.mktemp("tiny-s2v") / "Wan2.2-S2V-14B"
        out = io.StringIO()
        call_command("build_tiny_engine", "--s2v", str(path), "--json", stdout=out)
        info = json.loads(out.getvalue().strip().splitlines()[-1])
        assert info["path"] == str(path) and info["layout"] == "s2v-14b"
        _BUILT["tiny"] = str(path)
    return _BUILT["tiny"]


def write_speech_wav(path, seconds: float = 3.0, *, f0: float = 120.0, rate: float = 3.5, seed: int = 0,
                     sample_rate: int = 16000) -> Path:
    rng = np.random.default_rng(seed)
    t = np.arange(int(round(seconds * sample_rate))) / sample_rate
    pitch = f0 * (1 + 0.08 * np.sin(2 * np.pi * 0.7 * t))
    phase = 2 * np.pi * np.cumsum(pitch) / sample_rate
    voiced = sum(np.sin(k * phase) / k for k in range(1, 25))
    envelope = np.clip(np.sin(2 * np.pi * rate * t), 0, None) ** 0.5
    signal = 0.3 * voiced * envelope + 0.01 * rng.standard_normal(t.size)
    pcm = (np.clip(signal, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sample_rate)
        w.writeframes(pcm.tobytes())
    return Path(path)


def write_portrait(path, size=(96, 128)) -> Path:
    """A drawn, obviously synthetic face (not a real person)."""
    from PIL import Image, ImageDraw

    w, h = size
    im = Image.new("RGB", size, (186, 170, 150))
    d = ImageDraw.Draw(im)
    d.ellipse((w * 0.25, h * 0.15, w * 0.75, h * 0.65), fill=(232, 200, 168))
    d.ellipse((w * 0.36, h * 0.33, w * 0.44, h * 0.38), fill=(40, 30, 30))
    d.ellipse((w * 0.56, h * 0.33, w * 0.64, h * 0.38), fill=(40, 30, 30))
    d.arc((w * 0.4, h * 0.45, w * 0.6, h * 0.55), 20, 160, fill=(150, 60, 60), width=2)
    d.rectangle((w * 0.2, h * 0.7, w * 0.8, h), fill=(60, 70, 110))
    im.save(path)
    return Path(path)
