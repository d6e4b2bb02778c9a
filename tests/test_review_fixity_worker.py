"""The fixity task on a real Celery worker process (queue ``default``), as Celery beat sends it: a tampered
archived file is found and the curators are alerted."""
import pytest
from django.core.files.base import ContentFile

from review.models import Notification
from tests.jobs_fixtures import wait_for
from tests.review_fixtures import *  # noqa: F401,F403
from tests.worker_support import private_broker, start_celery_worker, worker_env

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600),
              pytest.mark.django_db(transaction=True)]


@pytest.fixture
def default_worker(settings, tmp_path):
    """A `celery -A heritage worker -Q default` process on the test database and broker (Redis when
    CELERY_BROKER_URL says so, else a private kombu filesystem folder)."""
    from celery import current_app

    with private_broker(tmp_path / "var") as broker:
        worker = start_celery_worker("review-fixity", queues="default", env=worker_env(**broker.env),
                                     log_dir=tmp_path)

        def send(name, queue):
            """Publish as beat does, on an explicit connection to this worker's broker."""
            from kombu import Connection

            with Connection(broker.url, transport_options=broker.transport_options or None) as conn:
                current_app.send_task(name, queue=queue, connection=conn)

        worker.send = send
        yield worker
        worker.stop()


def test_fixity_task_on_a_worker_finds_a_tampered_file(rv, archived_record, default_worker, settings):
    from django.conf import settings as live

    entry = live.CELERY_BEAT_SCHEDULE["archive-fixity-check"]
    assert entry["task"] == "records.tasks.fixity_check_all"  # the name records/tasks.py registers

    record = archived_record()
    f = record.file("original")
    f.file.storage.delete(f.file.name)
    f.file.storage.save(f.file.name, ContentFile(b"bit rot"))

    worker = default_worker
    worker.send(entry["task"], entry["options"]["queue"])  # what beat does on schedule
    event = wait_for(lambda: record.events.filter(event_type="fixity check").first(), timeout=180,
                     what="fixity event", workers=[worker])
    assert event.outcome == "failure"
    assert event.data["original"]["ok"] is False and event.data["video"]["ok"] is True
    assert Notification.objects.filter(user=rv.curator, verb="fixity_failure").exists()
