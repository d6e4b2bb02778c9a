"""A big transcript import (a task) against bad luck: the broker down when it is submitted, the worker killed
while it runs, the database failing mid-way. The request never answers 500, the saved transcript is either
the old one or the whole new one, the job never stays queued or running for good, and its page retries it
with one button. The same broker outage on a generation job's submission."""
from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError as DatabaseOperationalError
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerDown

from tests.archive_fixtures import segments_of

BIG_TXT = ("针要斜一点。\n" * 300).encode()


def broker_down(*args, **kwargs):
    raise BrokerDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


def submit_big(client, recording):
    return client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                       {"file": SimpleUploadedFile("big.txt", BIG_TXT), "mode": "replace", "confirm_replace": "on"})


def make_stale(job):
    from archive.models import TranscriptImportJob

    TranscriptImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=5))


@pytest.mark.django_db(transaction=True)
def test_broker_down_when_a_big_import_is_submitted_then_one_button_retries_it(curator_client, recording, settings):
    from archive.models import TranscriptImportJob
    from archive.services import transcript_import_job_run

    settings.HERITAGE_TRANSCRIPT_INLINE_KB = 1
    curator_client.raise_request_exception = False
    before = segments_of(recording)
    with mock.patch("celery.app.task.Task.apply_async", broker_down):
        r = submit_big(curator_client, recording)
    job = TranscriptImportJob.objects.get()
    assert r.status_code == 302 and r["Location"].endswith(f"/transcript/import/{job.pk}/")
    assert job.status == "queued" and segments_of(recording) == before
    page = curator_client.get(r["Location"]).content.decode()
    assert "重试导入" not in page  # within its lease: still waiting for the worker
    make_stale(job)
    page = curator_client.get(r["Location"]).content.decode()
    assert "导入已超时未完成" in page and "重试导入" in page and 'http-equiv="refresh"' not in page
    with mock.patch("archive.tasks.transcript_import_run.delay") as delay:
        r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/import/{job.pk}/retry/")
    assert r.status_code == 302 and delay.call_args == mock.call(job.pk)
    # the retried job's lease starts again: its page follows it instead of offering the retry at once
    page = curator_client.get(r["Location"]).content.decode()
    assert "重试导入" not in page and "导入已超时未完成" not in page
    assert transcript_import_job_run(job_id=job.pk) == "succeeded"
    assert recording.segments.count() == 300


@pytest.mark.django_db(transaction=True)
def test_broker_down_when_a_generation_job_is_submitted_is_no_500(curator_client, technique):
    from generation.models import GenerationJob

    curator_client.raise_request_exception = False
    data = {"technique": technique.slug, "kind": "one", "step": "2", "resolution": "480p", "duration": "1",
            "frame_rate": "24", "temperature": "0.85", "steps": "4", "seed": "42"}
    with mock.patch("heritage.celery.app.send_task", broker_down):
        r = curator_client.post("/curator/generation/new/", data)
    job = GenerationJob.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/curator/generation/jobs/{job.pk}/"
    # still queued with its send time: jobs_recover_stale sends it again after HERITAGE_JOB_REQUEUE_S
    assert job.status == "queued" and job.enqueued_at is not None


@pytest.fixture
def queued_big_job(curator_client, recording, settings, django_capture_on_commit_callbacks):
    from archive.models import TranscriptImportJob

    settings.HERITAGE_TRANSCRIPT_INLINE_KB = 1
    with mock.patch("archive.tasks.transcript_import_run.delay"), django_capture_on_commit_callbacks(execute=True):
        submit_big(curator_client, recording)
    return TranscriptImportJob.objects.get()


@pytest.mark.django_db
def test_worker_killed_mid_import_the_redelivered_message_finishes_it(queued_big_job, recording):
    from archive.models import TranscriptImportJob
    from archive.services import transcript_import_job_run

    # what a worker killed -9 after claiming the job leaves: the row running, nothing imported
    TranscriptImportJob.objects.filter(pk=queued_big_job.pk).update(status="running", stage="解析文件", progress=5)
    assert transcript_import_job_run(job_id=queued_big_job.pk) == "succeeded"  # acks_late: the message comes back
    queued_big_job.refresh_from_db()
    assert (queued_big_job.status, queued_big_job.segments) == ("succeeded", 300)
    assert recording.segments.count() == 300
    assert transcript_import_job_run(job_id=queued_big_job.pk) == "skipped"


@pytest.mark.django_db
def test_database_failing_after_the_segments_are_written_loses_nothing_and_can_be_retried(
        queued_big_job, recording, curator_client):
    from archive import services
    from archive.services import transcript_import_job_run

    before = segments_of(recording)
    real = services.transcript_import

    def write_then_fail(**kwargs):
        real(**kwargs)
        raise DatabaseOperationalError("server closed the connection unexpectedly")

    with mock.patch.object(services, "transcript_import", write_then_fail):
        assert transcript_import_job_run(job_id=queued_big_job.pk) == "failed"
    queued_big_job.refresh_from_db()
    assert queued_big_job.status == "failed" and "OperationalError" in queued_big_job.error
    assert segments_of(recording) == before  # the half-done import was rolled back with the failure
    url = f"/curator/recordings/{recording.pk}/transcript/import/{queued_big_job.pk}/"
    page = curator_client.get(url).content.decode()
    assert "导入中途出错" in page and "重试导入" in page
    with mock.patch("archive.tasks.transcript_import_run.delay"):
        assert curator_client.post(url + "retry/").status_code == 302
    assert transcript_import_job_run(job_id=queued_big_job.pk) == "succeeded"
    assert recording.segments.count() == 300


@pytest.mark.django_db
def test_retry_is_refused_for_a_finished_or_fresh_job(queued_big_job, recording, curator_client):
    from archive.services import transcript_import_job_retry, transcript_import_job_run

    assert transcript_import_job_retry(job=queued_big_job) is False  # queued within its lease
    assert transcript_import_job_run(job_id=queued_big_job.pk) == "succeeded"
    queued_big_job.refresh_from_db()
    make_stale(queued_big_job)
    queued_big_job.refresh_from_db()
    assert transcript_import_job_retry(job=queued_big_job) is False
    page = curator_client.get(f"/curator/recordings/{recording.pk}/transcript/import/{queued_big_job.pk}/").content.decode()
    assert "重试导入" not in page and "导入完成" in page
