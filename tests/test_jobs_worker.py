"""Generation jobs on real Celery worker processes (solo pool, the tiny checkpoint on CPU) through the real
broker (Redis in CI; a private kombu filesystem folder otherwise): lifecycle with progress, a worker
SIGKILLed mid-job, cancellation mid-job. HERITAGE_TEST_STEP_DELAY_S slows each denoising step so there
is a "mid-job" to hit; the engine still does every step's real work."""
import hashlib
import signal  # noqa: F401  (SIGKILL is sent by Worker.kill)
from pathlib import Path

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from generation.models import Clip, GenerationJob, WorkerHeartbeat
from tests.jobs_fixtures import wait_for

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def submit(user, steps=4, seed=1, duration=1, **extra):
    from rest_framework.authtoken.models import Token

    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    body = {"input": {"text": "左手拉紧丝线,右手斜着进针,针距0.5毫米。"},
            "parameters": {"resolution": "480p", "duration": duration, "seed": seed, "steps": steps, **extra}}
    r = c.post("/api/v1/generation-tasks", body, format="json")
    assert r.status_code == 202, r.content
    assert r.json()["status"] == "queued"
    return c, r.json()["id"]


def row(job_id):
    return GenerationJob.objects.filter(pk=job_id).values(
        "status", "progress_step", "progress_total", "progress_expert", "attempts").first()


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def scratch_files(jobs_env):
    folder = Path(jobs_env["env"]["HERITAGE_GENERATION_SCRATCH"])
    return sorted(p.name for p in folder.glob("*")) if folder.exists() else []


def test_job_goes_queued_running_succeeded_with_progress_at_every_step(start_worker, make_user):
    user = make_user("alice", "curator")  # submitting needs generation.create, as on the screens
    client, job_id = submit(user, steps=8)  # before any worker exists: it stays queued
    assert row(job_id)["status"] == "queued"
    worker = start_worker("life", step_delay=0.4)

    seen = []  # (status, step) each time either changes

    def observe():
        r = row(job_id)
        snap = (r["status"], r["progress_step"], r["progress_expert"])
        if not seen or seen[-1] != snap:
            seen.append(snap)
        return r["status"] in ("succeeded", "failed", "cancelled")

    wait_for(observe, timeout=240, interval=0.03, what="job to finish", workers=[worker])
    statuses = [s for s, _, _ in seen]
    assert statuses[-1] == "succeeded", (seen, worker.log_tail())
    order = {"queued": 0, "running": 1, "succeeded": 2}
    assert [order[s] for s in statuses] == sorted(order[s] for s in statuses)  # never back to an earlier state
    assert "running" in statuses
    running_steps = [step for s, step, _ in seen if s == "running"]
    assert running_steps == sorted(running_steps), seen  # progress never goes backwards
    assert set(range(1, 9)) <= set(running_steps), seen  # every one of the 8 steps was reported
    experts = [e for s, _, e in seen if s == "running" and e]
    assert experts[0] == "high" and experts[-1] == "low"  # high-noise expert first, then low-noise

    body = client.get(f"/api/v1/generation-tasks/{job_id}").json()
    assert body["status"] == "succeeded"
    assert body["progress"]["step"] == body["progress"]["total"] == 8
    assert body["output"]["native_video_url"].endswith(f"/api/v1/generation-tasks/{job_id}/media/native")
    clip = Clip.objects.get(job_id=job_id)
    assert clip.file.name == f"clips/{job_id}.mp4" and clip.num_frames == 17 and clip.fps == 16
    video = client.get(body["output"]["native_video_url"])  # behind the token: no public URL
    assert video.status_code == 200 and video["Content-Type"] == "video/mp4"
    assert hashlib.sha256(b"".join(video.streaming_content)).hexdigest() == clip.sha256
    assert APIClient().get(body["output"]["native_video_url"]).status_code == 401
    job = GenerationJob.objects.get(pk=job_id)
    assert job.worker.startswith(worker.name) and job.device.startswith("cpu · CPU") and len(job.checkpoint_id) == 64
    assert job.timings["engine_load"] > 0  # the first job on this worker loaded the engine

    # A second job on the same worker: the engine is warm, not loaded again.
    _, second = submit(user, steps=2, seed=2)
    wait_for(lambda: row(second)["status"] == "succeeded", timeout=120, what="second job", workers=[worker])
    assert GenerationJob.objects.get(pk=second).timings["engine_load"] == 0
    hb = wait_for(lambda: WorkerHeartbeat.objects.filter(name__startswith=f"{worker.name}@", jobs_done__gte=2).first(),
                  timeout=30, what="heartbeat after the second job", workers=[worker])
    assert hb.engine_loads == 1 and hb.checkpoint_id == job.checkpoint_id
    assert hb.device == "cpu" and hb.device_name.startswith("CPU") and hb.memory_total_bytes > 0


def test_sigkill_mid_job_is_redelivered_and_succeeds_exactly_once(start_worker, make_user, jobs_env):
    user = make_user("alice", "curator")  # submitting needs generation.create, as on the screens
    first = start_worker("doomed", step_delay=0.5)
    _, job_id = submit(user, steps=12, seed=3)
    wait_for(lambda: row(job_id)["progress_step"] >= 3, timeout=180, what="job mid-way", workers=[first])
    first.kill()  # SIGKILL: no acknowledgement, no cleanup, the row still says running
    killed_at = row(job_id)
    assert killed_at["status"] == "running" and 3 <= killed_at["progress_step"] < 12
    # As if the dead attempt had been writing its file: a partial scratch file and a stored clip file
    # with no Clip row. Neither may survive the retry.
    scratch = Path(jobs_env["env"]["HERITAGE_GENERATION_SCRATCH"])
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / f"{job_id}.dead-attempt.mp4").write_bytes(b"partial")
    (Path(settings.MEDIA_ROOT) / "clips").mkdir(parents=True, exist_ok=True)
    (Path(settings.MEDIA_ROOT) / "clips" / f"{job_id}.mp4").write_bytes(b"half-written")

    # A new worker (another name): recovery by lease expiry and, on Redis, redelivery of the unacked
    # message; both may try, exactly one attempt may run it to the end.
    second = start_worker("rescuer", step_delay=0.05)
    wait_for(lambda: row(job_id)["status"] in ("succeeded", "failed"), timeout=240, what="job recovered",
             workers=[second])
    job = GenerationJob.objects.get(pk=job_id)
    assert job.status == "succeeded", (job.error, second.log_tail())
    assert job.attempts == 2
    assert job.worker.startswith(second.name)
    assert Clip.objects.filter(job_id=job_id).count() == 1
    clip = Clip.objects.get(job_id=job_id)
    assert hashlib.sha256(Path(clip.file.path).read_bytes()).hexdigest() == clip.sha256
    assert [f for f in media_files() if f.startswith("clips/")] == [f"clips/{job_id}.mp4"]
    assert scratch_files(jobs_env) == []
    # Any later duplicate delivery finds the job finished and changes nothing.
    from generation.tasks import run_generation_job

    run_generation_job.apply_async(args=[job_id], queue="gpu")
    _, after = submit(user, steps=1, seed=4)  # queued behind the duplicate on the same worker
    wait_for(lambda: row(after)["status"] == "succeeded", timeout=120, what="later job", workers=[second])
    assert GenerationJob.objects.get(pk=job_id).attempts == 2
    assert Clip.objects.filter(job_id=job_id).count() == 1


def test_cancel_mid_job_stops_within_one_step_and_worker_takes_next_job(start_worker, make_user, jobs_env):
    user = make_user("alice", "curator")  # submitting needs generation.create, as on the screens
    worker = start_worker("cancel", step_delay=0.5)
    client, job_id = submit(user, steps=20, seed=5)
    _, next_id = submit(user, steps=2, seed=6)
    wait_for(lambda: row(job_id)["progress_step"] >= 2, timeout=180, what="job mid-way", workers=[worker])
    r = client.post(f"/api/v1/generation-tasks/{job_id}/cancel")
    assert r.status_code == 202 and r.json()["status"] == "cancelling", (r.json(), worker.log_tail())
    step_at_cancel = row(job_id)["progress_step"]
    wait_for(lambda: row(job_id)["status"] == "cancelled", timeout=120, what="cancelled", workers=[worker])
    final = row(job_id)
    # the step in flight ends; no other starts
    assert final["progress_step"] <= step_at_cancel + 1 < 20, (step_at_cancel, final, worker.log_tail())
    assert final["attempts"] == 1
    assert not Clip.objects.filter(job_id=job_id).exists()
    wait_for(lambda: row(next_id)["status"] == "succeeded", timeout=180, what="next job", workers=[worker])
    assert [f for f in media_files() if f.startswith("clips/")] == [f"clips/{next_id}.mp4"]
    assert scratch_files(jobs_env) == []
