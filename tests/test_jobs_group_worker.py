"""A job worker over two processes (what `gpu_workers --gpus-per-worker 2` starts on two GPUs), here on
CPU with gloo: torchrun → manage.py engine_group; rank 0 takes the job from the queue, both ranks
generate it together, and the clip is the one a one-process worker makes."""
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from tests.jobs_fixtures import wait_for
from tests.worker_support import ROOT, private_broker, worker_env

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_group_worker_runs_a_job_over_two_processes(jobs_env, settings, tmp_path, make_user):
    from generation import services
    from generation.models import Clip, GenerationJob, WorkerHeartbeat

    settings.ENGINE_MODEL_DIR = jobs_env["env"]["HERITAGE_ENGINE_MODEL_DIR"]
    settings.ENGINE_PRESET = "tiny"
    settings.MEDIA_ROOT = tmp_path / "media"
    user = make_user("alice")
    with private_broker(jobs_env["base"] / "var-group", other_options={"visibility_timeout": 12}) as broker:
        env = worker_env(**jobs_env["env"], **broker.env, HERITAGE_ENGINE_CONTEXT_PARALLEL="2", OMP_NUM_THREADS="1")
        env.pop("RANK", None)
        log = tmp_path / "group.log"
        proc = subprocess.Popen(
            [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2", "manage.py",
             "engine_group", "--", "-Q", "gpu", "-n", "group@%h", "--loglevel", "INFO", "--without-gossip",
             "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 240
            while not WorkerHeartbeat.objects.filter(name__startswith="group@", engine_loads=1).exists():
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")[-4000:]
                time.sleep(0.5)
            job = services.job_create(requested_by=user, text="左手拉紧丝线,右手斜着进针。",
                                      parameters={"duration": 0.25, "steps": 3}, seed=11)
            wait_for(lambda: GenerationJob.objects.get(pk=job.pk).status in ("succeeded", "failed"), timeout=300,
                     interval=0.5, what="the group worker's job")
            job.refresh_from_db()
            assert job.status == "succeeded", (job.error, log.read_text(errors="replace")[-4000:])
            assert job.progress_step == 3
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
    # stopped by SIGTERM, the group leaves together: rank 0's worker shuts down and sends "stop", the follower
    # (which waits for it) ends its loop; neither leaves group threads behind nor breaks a broadcast
    out = log.read_text(errors="replace")
    assert "rank 1: followed 1 generations" in out, out[-4000:]
    assert "Connection closed by peer" not in out and "still running after shutdown" not in out, out[-4000:]
    # the same job in this process, one rank: the same frames (within 1/255)
    from generation.engine import load_engine
    from generation.runtime import WorkerRuntime

    engine = load_engine(settings.ENGINE_MODEL_DIR, device="cpu")
    single = engine.generate(WorkerRuntime(name="x/1").request_for(job, mode="auto"))
    clip = Clip.objects.get(job=job)
    from generation.engine import write_mp4

    write_mp4(single.frames, single.fps, tmp_path / "single.mp4")
    a, b = _decode(clip.file.path), _decode(tmp_path / "single.mp4")
    assert a.shape == b.shape and np.abs(a.astype(int) - b.astype(int)).max() <= 2  # encoder rounding on top


def _decode(path) -> np.ndarray:
    import imageio_ffmpeg

    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    w, h = meta["size"]
    return np.stack([np.frombuffer(f, np.uint8).reshape(h, w, 3) for f in reader])
