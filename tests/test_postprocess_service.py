"""The media job on real rows: every rendition made, verified, stored through Django's storage API
(filesystem and a moto S3 server) and recorded; a failure is readable and leaves nothing stored."""
import hashlib

import pytest
from django.core.files.storage import default_storage

from generation.postprocess.models import MediaJob, Rendition
from generation.postprocess.selectors import renditions_for_clip
from generation.postprocess.services import multiview_compose_service, postprocess_clip_service
from generation.postprocess.tasks import postprocess_clip
from heritage.webvtt import parse as parse_vtt

from .postprocess_fixtures import make_clip, moto_s3  # noqa: F401

pytestmark = pytest.mark.django_db


def stored_sha256(name: str) -> str:
    with default_storage.open(name, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def test_service_makes_verifies_stores_and_records_every_rendition(make_clip):  # noqa: F811
    clip = make_clip(num_frames=16)  # 1 s at 16 fps
    job = postprocess_clip_service(clip=clip)
    assert job.status == MediaJob.Status.SUCCEEDED, job.error
    assert job.label == "AI生成 · 基于姚建萍口述重构"
    assert job.progress_done == job.progress_total == 6  # delivery (+zh VTT), en VTT, 2 slow, poster, preview
    got = renditions_for_clip(clip=clip)
    assert set(got) == {"delivery", "slowmo_050", "slowmo_025", "subtitles:zh", "subtitles:en", "poster", "preview"}
    delivery = got["delivery"]
    assert (delivery.codec, delivery.width, delivery.height, delivery.fps) == ("h264", 1280, 720, 24.0)
    assert abs(delivery.duration_s - 1.0) <= 1 / 24
    assert abs(got["slowmo_050"].duration_s - 2.0) <= 1 / 24
    assert abs(got["slowmo_025"].duration_s - 4.0) <= 1 / 24
    assert delivery.probe["tags"]["job_id"] == str(clip.job_id)
    assert "Output #0" in delivery.ffmpeg_stderr and "libx264" in delivery.command
    assert delivery.template == "delivery_mp4" and delivery.label == job.label
    for rendition in got.values():
        assert default_storage.exists(rendition.file.name)
        assert stored_sha256(rendition.file.name) == rendition.sha256
        assert default_storage.size(rendition.file.name) == rendition.size_bytes
    cues = parse_vtt(default_storage.open(got["subtitles:en"].file.name).read().decode())
    assert [c.text for c in cues][0].startswith("Start at the outer edge")
    assert all(0 <= c.start < c.end <= delivery.duration_s for c in cues)
    assert job.ffmpeg_log and "libx264" in job.ffmpeg_log


def test_failure_is_readable_and_stores_nothing(make_clip):  # noqa: F811
    clip = make_clip(speaker="非常长的传承人姓名" * 10)
    job = postprocess_clip_service(clip=clip, slowmo=())
    assert job.status == MediaJob.Status.FAILED
    assert "AI 标识过长" in job.error
    assert not Rendition.objects.filter(clip=clip).exists()
    assert not default_storage.exists(f"renditions/{clip.job_id}")
    assert renditions_for_clip(clip=clip) == {}


def test_failure_after_some_outputs_were_stored_removes_them(make_clip, monkeypatch):  # noqa: F811
    from generation.postprocess import services

    clip = make_clip()
    real_store = services._store
    stored = []

    def store_then_fail(path, name, size):
        if stored:
            raise OSError("disk full")
        stored.append(real_store(path, name, size))
        return stored[-1]

    monkeypatch.setattr(services, "_store", store_then_fail)
    job = postprocess_clip_service(clip=clip, slowmo=())
    assert job.status == MediaJob.Status.FAILED and "disk full" in job.error
    assert stored and not default_storage.exists(stored[0])
    assert not Rendition.objects.filter(clip=clip).exists()


def test_task_runs_the_service_for_a_queued_job(make_clip, django_capture_on_commit_callbacks, monkeypatch):  # noqa: F811
    from generation.postprocess import services

    clip = make_clip()
    sent = []
    monkeypatch.setattr(postprocess_clip, "delay", lambda *a, **k: sent.append((a, k)))
    with django_capture_on_commit_callbacks(execute=True):
        queued = services.postprocess_clip_enqueue(clip=clip, slowmo=[0.5])
    assert queued.status == MediaJob.Status.QUEUED
    assert sent == [((clip.pk,), {"media_job_id": queued.pk, "slowmo": [0.5]})]
    result = postprocess_clip.apply(args=(clip.pk,), kwargs={"media_job_id": queued.pk, "slowmo": [0.5]}).get()
    queued.refresh_from_db()
    assert result == {"media_job": queued.pk, "status": "succeeded"} and queued.status == "succeeded"
    assert queued.attempts == 1
    assert postprocess_clip.apply(args=(999999,)).get() is None  # a deleted clip is not an error


def test_task_route_is_the_media_queue(settings):
    from heritage.celery import app

    route = app.amqp.router.route({}, "generation.postprocess.tasks.postprocess_clip")
    assert route["queue"].name == "media"


def test_multiview_service(make_clip):  # noqa: F811
    front, side = make_clip(seed=1, camera="正面"), make_clip(seed=2, camera="俯视")
    job = multiview_compose_service(clips=[front, side])
    assert job.status == MediaJob.Status.SUCCEEDED, job.error
    rendition = Rendition.objects.get(media_job=job)
    assert rendition.kind == "multiview" and set(rendition.sources.all()) == {front, side}
    assert rendition.probe["tags"]["views"] == "正面 | 俯视"
    assert stored_sha256(rendition.file.name) == rendition.sha256


def test_s3_storage_through_django_storages(make_clip, moto_s3, settings):  # noqa: F811
    import boto3

    bucket = "heritage-test-media"
    credentials = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}
    s3 = boto3.client("s3", endpoint_url=moto_s3, **credentials)
    s3.create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": bucket, "endpoint_url": moto_s3, "access_key": "testing",
                        "secret_key": "testing", "region_name": "us-east-1", "file_overwrite": False},
        },
    }
    clip = make_clip()  # the source clip goes to S3 too
    assert clip.file.storage.__class__.__name__ == "S3Storage"
    job = postprocess_clip_service(clip=clip, slowmo=())
    assert job.status == MediaJob.Status.SUCCEEDED, job.error
    keys = {o["Key"]: o["Size"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]}
    for rendition in Rendition.objects.filter(media_job=job):
        assert keys[rendition.file.name] == rendition.size_bytes
        body = s3.get_object(Bucket=bucket, Key=rendition.file.name)["Body"].read()
        assert hashlib.sha256(body).hexdigest() == rendition.sha256


def test_failed_verification_fails_the_job_with_a_readable_reason(make_clip, monkeypatch):  # noqa: F811
    from generation.postprocess import pipeline

    real_finish = pipeline._finish

    def expect_other_fps(tmp, final, template, expect, argv, stderr):
        return real_finish(tmp, final, template, {**expect, "fps": 25} if "fps" in expect else expect, argv, stderr)

    monkeypatch.setattr(pipeline, "_finish", expect_other_fps)
    clip = make_clip()
    job = postprocess_clip_service(clip=clip, slowmo=())
    assert job.status == MediaJob.Status.FAILED
    assert "校验未通过" in job.error and "帧率应为 25" in job.error
    assert '"codec_name": "h264"' in job.error_detail  # the probe that failed is kept for the curator
    assert not Rendition.objects.filter(clip=clip).exists()


def test_rerun_after_a_lost_worker_removes_unrecorded_files(make_clip):  # noqa: F811
    """The task is acked late: if a worker dies after storing files but before recording them, the
    redelivered task runs the same media job again and first removes what nothing records."""
    from django.core.files.base import ContentFile

    from generation.postprocess.services import media_job_create

    clip = make_clip()
    job = media_job_create(clip=clip)
    MediaJob.objects.filter(pk=job.pk).update(status=MediaJob.Status.RUNNING, attempts=1)
    job.refresh_from_db()
    stale = default_storage.save(f"renditions/{clip.job_id}/{job.pk}/delivery.mp4", ContentFile(b"half"))
    done = postprocess_clip_service(clip=clip, media_job=job, slowmo=())
    assert done.status == MediaJob.Status.SUCCEEDED and done.attempts == 2
    names = set(Rendition.objects.filter(media_job=done).values_list("file", flat=True))
    assert stale not in names or stored_sha256(stale) != hashlib.sha256(b"half").hexdigest()
    _dirs, files = default_storage.listdir(f"renditions/{clip.job_id}/{job.pk}")
    assert {f"renditions/{clip.job_id}/{job.pk}/{f}" for f in files} == names
