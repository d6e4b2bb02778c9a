"""Post-processing fixtures: small synthetic frames, native-fps source MP4s, a Clip row with its
job, and a moto S3 server on 127.0.0.1. Register with ``pytest_plugins = ["tests.postprocess_fixtures"]``
in tests/conftest.py; test modules may also import these names directly."""
from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest


def synthetic_frames(num_frames: int = 32, height: int = 72, width: int = 128, seed: int = 0) -> np.ndarray:
    """(T, H, W, 3) uint8: a mid-grey field with a bright square moving right (motion for the
    interpolator) and a little seeded noise. Mid-grey so a label box changes pixels visibly."""
    rng = np.random.default_rng(seed)
    frames = np.full((num_frames, height, width, 3), 110, np.uint8)
    size = max(4, height // 4)
    for t in range(num_frames):
        x = (t * 3) % max(1, width - size)
        frames[t, height // 2 - size // 2 : height // 2 + size // 2, x : x + size] = (230, 200, 60)
    frames += rng.integers(0, 6, frames.shape, dtype=np.uint8)
    return frames


def write_mp4(frames: np.ndarray, path: Path, fps: int = 16) -> Path:
    """Encode frames as the engine's native clip would be: H.264 at the native fps."""
    from generation.postprocess.binaries import ffmpeg_binary

    t, h, w, _ = frames.shape
    cmd = [ffmpeg_binary(), "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}",
           "-framerate", str(fps), "-i", "pipe:", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12",
           "-pix_fmt", "yuv420p", str(path)]
    subprocess.run(cmd, input=frames.tobytes(), check=True)
    return Path(path)


def decode_frames(path) -> np.ndarray:
    """All frames of a video as (T, H, W, 3) uint8 RGB, with PyAV."""
    import av

    with av.open(str(path)) as container:
        return np.stack([f.to_ndarray(format="rgb24") for f in container.decode(video=0)])


@pytest.fixture(scope="session")
def native_mp4(tmp_path_factory) -> Path:
    """A 2-second, 16 fps, 128×72 source clip (32 frames)."""
    return write_mp4(synthetic_frames(32), tmp_path_factory.mktemp("pp-src") / "native16.mp4", fps=16)


@pytest.fixture
def make_clip(db, django_user_model, tmp_path):
    """Build a GenerationJob + Clip whose file (a 16 fps MP4) is in default storage, with a
    recording by a named inheritor and two technique steps (zh + en)."""
    import datetime

    from django.core.files import File

    from archive.models import Category, Craft, Inheritor, Recording, Technique, TechniqueStep
    from generation.models import Clip, GenerationJob

    def _make(*, num_frames: int = 16, speaker: str = "姚建萍", seed: int = 0, camera: str = ""):
        user = django_user_model.objects.get_or_create(username="pp-user")[0]
        craft = Craft.objects.get_or_create(
            slug="suxiu-pp", defaults={"name": "苏绣(后期)", "category": Category.FINE_ARTS, "region": "苏州"}
        )[0]
        inheritor = Inheritor.objects.get_or_create(craft=craft, name=speaker, defaults={"level": "national"})[0]
        technique = Technique.objects.get_or_create(craft=craft, slug="zhengqiang-pp", defaults={"name": "正抢针"})[0]
        TechniqueStep.objects.get_or_create(technique=technique, order=1, defaults={
            "title": "起针", "description": "从外缘起针,针脚短而齐。", "description_en": "Start at the outer edge with short, even stitches."})
        TechniqueStep.objects.get_or_create(technique=technique, order=2, defaults={
            "title": "顺序排列", "description": "一批一批向内顺序排列,留出水路。", "description_en": "Work inward row by row, leaving a water line."})
        recording = Recording.objects.create(
            craft=craft, technique=technique, title="口述", speaker=inheritor, speaker_name=speaker,
            interviewer="采访人", recorded_on=datetime.date(2020, 1, 1), place="苏州",
            consent_scope=Recording.ConsentScope.GENERATION, consent_date=datetime.date(2020, 1, 1),
        )
        from generation.attribution import decide

        decided = decide(user=None, technique=technique, recording=recording)
        job = GenerationJob.objects.create(
            attribution=decided.attribution, attribution_sources=decided.sources, consent=decided.consent,
            requested_by=user, technique=technique, recording=recording, prompt="正抢针", parameters={},
            seed=seed, preset="tiny", status=GenerationJob.Status.SUCCEEDED, camera=camera,
        )
        frames = synthetic_frames(num_frames, seed=seed)
        path = write_mp4(frames, tmp_path / f"clip-{job.pk}.mp4", fps=16)
        clip = Clip(job=job, sha256="0" * 64, size_bytes=path.stat().st_size, width=128, height=72,
                    num_frames=num_frames, fps=16)
        with open(path, "rb") as fh:
            clip.file.save(f"clip-{job.pk}.mp4", File(fh), save=False)
        clip.save()
        return clip

    return _make


@pytest.fixture(scope="session")
def moto_s3():
    """A moto S3 server in this process on 127.0.0.1 (a free port); yields its endpoint URL."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()
