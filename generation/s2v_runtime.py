"""The small adapter through which a worker runs a speech-driven (S2V) job on the S2V engine.

It gives the S2V engine the face the job layer already uses for text-to-video (``device``,
``checkpoint_id``, ``preset``, ``mode``, ``validate``, ``generate(request, progress, should_cancel)``),
turns a job row into an ``S2VRequest`` (the portrait and the audio span copied from storage to the
attempt's scratch files), and writes the video with the job's audio muxed in. The engine itself never
imports Django.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings

from heritage.storage import copy_to_local


def load(*, device: str, mode: str) -> "S2VAdapter":
    from generation.engine.s2v import load_s2v_engine

    return S2VAdapter(load_s2v_engine(settings.S2V_MODEL_DIR, preset=settings.S2V_PRESET or None, device=device,
                                      mode=mode, max_audio_seconds=settings.S2V_MAX_AUDIO_SECONDS))


class S2VAdapter:
    kind = "s2v"

    def __init__(self, engine):
        self.engine = engine

    # the job layer's view of an engine
    @property
    def device(self) -> str:
        return self.engine.device

    @property
    def checkpoint_id(self) -> str:
        return self.engine.checkpoint_id

    @property
    def preset(self):
        return self.engine.preset

    @property
    def mode(self) -> str:
        return self.engine.mode

    def describe(self) -> dict:
        return self.engine.describe()

    def request_for(self, job, *, mode: str, scratch_prefix: Path):
        """The S2V request of a job; the portrait and audio are copied next to the attempt's scratch file."""
        from generation.engine.s2v import S2VRequest

        p = job.parameters
        image = copy_to_local(job.portrait.image, scratch_prefix.with_suffix(".portrait" + (
            Path(job.portrait.image.name).suffix or ".png")))
        audio = copy_to_local(job.audio, scratch_prefix.with_suffix(".speech.wav"))
        return S2VRequest(image=image, audio=audio, prompt=job.prompt, negative_prompt=job.negative_prompt,
                          seed=int(job.seed), num_steps=p["num_steps"], guidance=p.get("guidance"),
                          sampler=p.get("sampler", "unipc"), mode=mode or "auto")

    def validate(self, request) -> None:
        self.engine.resolve(request)

    def generate(self, request, *, progress, should_cancel):
        def clip_progress(step: int, total: int, label: str) -> None:
            # The engine says "clip r/n"; the job row keeps "r/n" (shown as 片段 r/n).
            progress(step, total, str(label).replace("clip", "").strip()[:8])

        return self.engine.generate(request, progress=clip_progress, should_cancel=should_cancel)

    def write_video(self, result, out_path: Path, request) -> None:
        """The frames at the preset's fps with the job's audio muxed in, cut to the audio's length."""
        from generation.engine import write_mp4
        from generation.engine.s2v import mux_audio

        with tempfile.TemporaryDirectory(dir=os.fspath(Path(out_path).parent)) as tmp:
            silent = Path(tmp) / "video.mp4"
            write_mp4(result.frames, result.fps, silent)
            mux_audio(silent, request.audio, out_path, result.audio_seconds)
