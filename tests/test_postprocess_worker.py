"""The media task on a real Celery worker process listening on queue ``media`` only: a clip saved
and enqueued with transaction.on_commit comes back with its renditions recorded by the worker."""
import os
import subprocess
import uuid

import pytest
from django.core.files.storage import default_storage

from generation.postprocess.models import MediaJob, Rendition
from tests.jobs_fixtures import CELERY, ROOT, Worker, _database_url, wait_for
from tests.postprocess_fixtures import make_clip  # noqa: F401

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600), pytest.mark.django_db(transaction=True)]


@pytest.fixture
def media_worker(transactional_db, settings, tmp_path):
    """`celery -A heritage worker -Q media` on the test database and broker (Redis when
    CELERY_BROKER_URL says so, else a private kombu filesystem folder)."""
    from celery import current_app

    env = dict(os.environ, DJANGO_SETTINGS_MODULE="heritage.settings.test", DATABASE_URL=_database_url(),
               MEDIA_ROOT=str(settings.MEDIA_ROOT), PYTHONUNBUFFERED="1")
    saved = current_app.conf.broker_transport_options
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        var = tmp_path / "var"
        folder = var / "broker"
        for sub in ("out", "processed"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        current_app.conf.broker_transport_options = {
            "data_folder_in": str(folder / "out"), "data_folder_out": str(folder / "out"),
            "processed_folder": str(folder / "processed"), "control_folder": str(folder / "control"), "store_processed": False}
        current_app.close()
        env["HERITAGE_VAR_DIR"] = str(var)
    node = f"media-{uuid.uuid4().hex[:6]}"
    log = tmp_path / f"{node}.log"
    proc = subprocess.Popen(
        [CELERY, "-A", "heritage", "worker", "-Q", "media", "--pool", "solo", "-n", f"{node}@%h",
         "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT)
    worker = Worker(node, proc, log)
    yield worker
    worker.stop()
    current_app.conf.broker_transport_options = saved
    current_app.close()


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
    assert done.worker.split(":")[-1] == str(media_worker.proc.pid)  # done by the worker process
    kinds = set(Rendition.objects.filter(media_job=done).values_list("kind", flat=True))
    assert kinds == {"delivery", "slowmo_050", "subtitles", "poster", "preview"}
    for rendition in Rendition.objects.filter(media_job=done):
        assert default_storage.size(rendition.file.name) == rendition.size_bytes
