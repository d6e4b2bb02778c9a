"""The media task on a real Celery worker process listening on queue ``media`` only: a clip saved
and enqueued with transaction.on_commit comes back with its renditions recorded by the worker."""
import pytest
from django.core.files.storage import default_storage

from generation.postprocess.models import MediaJob, Rendition
from tests.jobs_fixtures import wait_for
from tests.postprocess_fixtures import make_clip  # noqa: F401
from tests.worker_support import private_broker, start_celery_worker, worker_env

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600), pytest.mark.django_db(transaction=True)]


@pytest.fixture
def media_worker(transactional_db, settings, tmp_path):
    """`celery -A heritage worker -Q media` on the test database and broker (Redis when
    CELERY_BROKER_URL says so, else a private kombu filesystem folder)."""
    with private_broker(tmp_path / "var") as broker:
        worker = start_celery_worker("media", queues="media", env=worker_env(**broker.env), log_dir=tmp_path)
        yield worker
        worker.stop()


def test_media_worker_processes_an_enqueued_clip(make_clip, media_worker):  # noqa: F811
    from django.db import transaction

    from generation.postprocess.services import postprocess_clip_enqueue

    clip = make_clip(num_frames=16)
    with transaction.atomic():
        queued = postprocess_clip_enqueue(clip=clip, slowmo=[0.5])
        assert queued.status == MediaJob.Status.QUEUED
    done = wait_for(
        lambda: MediaJob.objects.filter(pk=queued.pk, status__in=["succeeded", "failed"]).first(),
        timeout=300, interval=0.5, what="the media job to finish", workers=[media_worker],
    )
    assert done.status == "succeeded", done.error
    assert done.worker.split("/")[-1] == str(media_worker.proc.pid)  # done by the worker process
    kinds = set(Rendition.objects.filter(media_job=done).values_list("kind", flat=True))
    assert kinds == {"delivery", "slowmo_050", "subtitles", "poster", "preview"}
    for rendition in Rendition.objects.filter(media_job=done):
        assert default_storage.size(rendition.file.name) == rendition.size_bytes
