"""Post-processing survives a worker killed mid-way (issue 13): SIGKILL of a real media worker while ffmpeg
runs; the ffmpeg child dies with it, the media job's lease runs out, the next worker takes the same job back,
and in the end there is exactly one media job for the clip, succeeded, with its renditions and no file left
behind (no scratch folder, no stored file without a row)."""
import psutil
import pytest
from django.core.files.storage import default_storage

from generation.postprocess.models import MediaJob, Rendition
from tests.jobs_fixtures import wait_for
from tests.postprocess_fixtures import make_clip  # noqa: F401
from tests.worker_support import private_broker, start_celery_worker, worker_env

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600), pytest.mark.django_db(transaction=True)]

LEASE_S = 3


def _ffmpeg_children(pid):
    try:
        return [p for p in psutil.Process(pid).children(recursive=True) if "ffmpeg" in p.name()]
    except psutil.NoSuchProcess:
        return []


def _alive(pid) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_sigkill_during_postprocessing_then_exactly_one_completed_media_job_and_no_files_left(
        make_clip, tmp_path, monkeypatch):  # noqa: F811
    from django.db import transaction
    from django.utils import timezone

    from generation.postprocess.services import postprocess_clip_enqueue

    scratch = tmp_path / "media-scratch"
    knobs = {"HERITAGE_MEDIA_SCRATCH": str(scratch), "HERITAGE_JOB_LEASE_S": str(LEASE_S),
             "HERITAGE_HEARTBEAT_S": "0.5"}
    for key, value in knobs.items():
        monkeypatch.setenv(key, value)
    clip = make_clip(num_frames=48)
    with private_broker(tmp_path / "var") as broker:
        env = worker_env(**broker.env, **knobs)
        first = start_celery_worker("media-a", queues="media", env=env, log_dir=tmp_path)
        try:
            with transaction.atomic():
                job = postprocess_clip_enqueue(clip=clip, slowmo=[0.5, 0.25])
            children = wait_for(lambda: _ffmpeg_children(first.proc.pid), timeout=300, interval=0.02,
                                what="ffmpeg running under the first worker", workers=[first])
            assert MediaJob.objects.get(pk=job.pk).status == "running"
            first.kill()
        finally:
            first.stop()
        # The crash left its working folder behind; the ffmpeg child did not outlive its worker.
        assert list(scratch.glob(f"{job.pk}.*")), "killed before the scratch folder existed"
        wait_for(lambda: not any(_alive(c.pid) for c in children), timeout=30, what="ffmpeg to die with its worker")
        # The dead worker's lease runs out ...
        wait_for(lambda: MediaJob.objects.get(pk=job.pk).heartbeat_at
                 < timezone.now() - timezone.timedelta(seconds=LEASE_S + 1), timeout=60, interval=0.2,
                 what="the lease to expire")
        # ... and the next media worker takes the same job back at its start.
        second = start_celery_worker("media-b", queues="media", env=env, log_dir=tmp_path)
        try:
            done = wait_for(lambda: MediaJob.objects.filter(pk=job.pk, status__in=["succeeded", "failed"]).first(),
                            timeout=300, interval=0.2, what="the media job to finish", workers=[second])
        finally:
            second.stop()

    assert done.status == "succeeded", (done.error, done.error_detail[-2000:])
    assert done.attempts == 2
    assert done.worker.split("/")[-1] == str(second.proc.pid)
    assert MediaJob.objects.filter(clip=clip).count() == 1
    renditions = list(Rendition.objects.filter(clip=clip))
    assert {r.media_job_id for r in renditions} == {job.pk}
    assert {r.kind for r in renditions} == {"delivery", "slowmo_050", "slowmo_025", "subtitles", "poster", "preview"}
    _dirs, stored = default_storage.listdir(f"renditions/{clip.job_id}/{job.pk}")
    assert sorted(f"renditions/{clip.job_id}/{job.pk}/{name}" for name in stored) == sorted(r.file.name for r in renditions)
    assert list(scratch.iterdir()) == []
