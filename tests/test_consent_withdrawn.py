"""Consent withdrawn mid-way, and the oral-history source of a signed video (brief badinput3).

The one rule, ``generation.attribution.consent_withdrawn``: once the recording a job read no longer allows
AI reconstruction (or, for a 口述影像, the portrait's likeness consent no longer allows it), a queued job
fails before it runs, a running one stores no clip, and its clip is not submitted, signed or archived,
with the reason in words (screen and API alike). The recording a clip came from cannot be deleted while
the job exists (PROTECT; the delete page lists the job), so an archived record's source is never lost.
"""
import datetime as dt
import re
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from generation import services as gen
from generation.models import Clip, GenerationJob
from tests.gallery_fixtures import make_png_bytes

pytestmark = pytest.mark.django_db


def _with_transcript(recording):
    from archive.models import TranscriptSegment

    TranscriptSegment.objects.create(recording=recording, start_ms=0, end_ms=3000, text="丝线沿纹样外缘起针,")
    TranscriptSegment.objects.create(recording=recording, start_ms=3000, end_ms=6000, text="针距两毫米。")
    return recording


def _withdraw(recording, scope="research"):
    recording.consent_scope = scope  # the speaker withdrew consent to AI reconstruction
    recording.save()


def _in_review(rv, clip):
    from review import services

    review = services.review_open(clip=clip, actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    return review


def _api(user):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(user)
    return client


# --- waiting for sign-off ----------------------------------------------------------------------------

def test_a_clip_whose_recording_consent_was_withdrawn_cannot_be_signed(rv, make_clip, client):
    from review import services, workflow
    from review.services import TransitionRefused

    review = _in_review(rv, make_clip())
    _withdraw(rv.recording)
    with pytest.raises(TransitionRefused) as exc:
        services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                             attribution=review.attribution)
    assert exc.value.code == "consent_withdrawn" and exc.value.status == 409
    assert "不再允许用于 AI 重构" in exc.value.message and rv.recording.title in exc.value.message
    review.refresh_from_db()
    assert review.state == "in_review" and review.active_signoff() is None
    # the signer's screen says why instead of offering the button
    assert "sign" not in workflow.available_names(review, rv.inheritor_user)
    assert "不再允许用于 AI 重构" in workflow.blocked_actions(review, rv.inheritor_user)["sign"]
    # the API answers 409 in the error shape, and nothing is signed
    response = _api(rv.inheritor_user).post(f"/api/v1/reviews/{review.pk}/sign",
                                            {"sha256": review.submitted_sha256, "attribution": review.attribution},
                                            format="json")
    assert response.status_code == 409, response.content
    assert response.json()["code"] == "consent_withdrawn" and "AI 重构" in response.json()["detail"]
    review.refresh_from_db()
    assert review.state == "in_review" and not review.signoffs.exists()
    # the curator's review page says why the review is stuck, once
    client.force_login(rv.curator)
    page = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    stalled = re.findall(r'<p class="notice" data-testid="stalled">([^<]*)</p>', page)
    assert len(stalled) == 1 and "不再允许用于 AI 重构" in stalled[0]


def test_a_signed_clip_whose_consent_was_withdrawn_is_not_archived_or_published(rv, signed_review, client):
    from records.models import ArchiveRecord
    from review.services import TransitionRefused, review_archive

    review = signed_review()
    _withdraw(rv.recording, "archive")
    with pytest.raises(TransitionRefused) as exc:
        review_archive(review=review, actor=rv.curator)
    assert exc.value.code == "consent_withdrawn"
    response = _api(rv.curator).post(f"/api/v1/reviews/{review.pk}/archive", {}, format="json")
    assert response.status_code == 409, response.content
    assert response.json()["code"] == "consent_withdrawn"
    review.refresh_from_db()
    assert review.state == "approved" and not ArchiveRecord.objects.exists()
    assert client.get(reverse("gallery:technique", args=[rv.technique.slug])).status_code == 404
    # consent given again: the same signed clip may be archived
    _withdraw(rv.recording, "generation")
    assert review_archive(review=review, actor=rv.curator).attribution == review.attribution


def test_a_clip_whose_consent_was_withdrawn_cannot_be_submitted(rv, make_clip):
    from review import services
    from review.services import TransitionRefused

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    _withdraw(rv.recording)
    with pytest.raises(TransitionRefused) as exc:
        services.review_submit(review=review, actor=rv.curator)
    assert exc.value.code == "consent_withdrawn"
    review.refresh_from_db()
    assert review.state == "draft"


def _s2v_clip(rv, make_clip):
    """A clip made as a 口述影像 of the inheritor's portrait with a recorded public likeness consent."""
    from archive.models import InheritorPortrait

    portrait = InheritorPortrait(inheritor=rv.inheritor, title="工作照", consent_scope="public",
                                 consent_given_by="姚建萍", consent_date=dt.date(2024, 3, 1))
    portrait.image.save("face.png", ContentFile(make_png_bytes(64)), save=False)
    portrait.save()
    clip = make_clip()
    GenerationJob.objects.filter(pk=clip.job_id).update(kind="s2v", portrait=portrait, consent="rec+likeness")
    return portrait, Clip.objects.get(pk=clip.pk)


def test_a_narrated_clip_whose_likeness_consent_was_withdrawn_cannot_be_signed(rv, make_clip):
    from review import services
    from review.services import TransitionRefused

    portrait, clip = _s2v_clip(rv, make_clip)
    review = _in_review(rv, clip)
    portrait.consent_scope = "none"
    portrait.save()
    with pytest.raises(TransitionRefused) as exc:
        services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                             attribution=review.attribution)
    assert exc.value.code == "consent_withdrawn" and "肖像授权已撤回" in exc.value.message
    # narrowed to "archive only": may still be signed and archived, but is never public
    portrait.consent_scope = "archive"
    portrait.save()
    services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                         attribution=review.attribution)
    record = services.review_archive(review=review, actor=rv.curator)
    from records.selectors import is_record_public

    assert not is_record_public(record)


# --- while the job is queued or runs -------------------------------------------------------------------

def _job(rv):
    _with_transcript(rv.recording)
    return gen.job_create(requested_by=rv.curator, technique=rv.technique, recording=rv.recording,
                          source_start=0, source_end=5, parameters={"duration": 0.25, "steps": 2}, seed=3,
                          enqueue=False)


def test_a_queued_job_whose_consent_was_withdrawn_fails_with_the_reason(rv, runtime):
    job = _job(rv)
    _withdraw(rv.recording)
    with mock.patch.object(runtime, "engine", side_effect=AssertionError("the engine must not run")):
        outcome = gen.job_execute(job_id=job.pk, runtime=runtime)
    job.refresh_from_db()
    assert outcome.status == "failed" and job.status == "failed"
    assert "不再允许用于 AI 重构" in job.error and not Clip.objects.exists()


def test_a_queued_narration_whose_likeness_consent_was_withdrawn_fails_with_the_reason(rv, runtime):
    from archive.models import InheritorPortrait

    job = _job(rv)
    portrait = InheritorPortrait(inheritor=rv.inheritor, title="工作照", consent_scope="public",
                                 consent_given_by="姚建萍", consent_date=dt.date(2024, 3, 1))
    portrait.image.save("face.png", ContentFile(make_png_bytes(64)), save=False)
    portrait.save()
    GenerationJob.objects.filter(pk=job.pk).update(kind="s2v", portrait=portrait, consent="rec+likeness")
    InheritorPortrait.objects.filter(pk=portrait.pk).update(consent_scope="none")  # withdrawn while queued
    with mock.patch.object(runtime, "engine", side_effect=AssertionError("the engine must not run")):
        outcome = gen.job_execute(job_id=job.pk, runtime=runtime)
    job.refresh_from_db()
    assert outcome.status == "failed" and "肖像授权已撤回" in job.error and not Clip.objects.exists()


def test_a_running_job_whose_consent_is_withdrawn_stores_no_clip(rv, runtime, tmp_path):
    job = _job(rv)
    engine, _ = runtime.engine()
    real = engine.generate

    def generate(request, **kw):
        _withdraw(rv.recording)  # while the engine runs
        return real(request, **kw)

    with mock.patch.object(engine, "generate", side_effect=generate):
        outcome = gen.job_execute(job_id=job.pk, runtime=runtime)
    job.refresh_from_db()
    assert outcome.status == "failed" and job.status == "failed", job.error
    assert "不再允许用于 AI 重构" in job.error and not Clip.objects.exists()
    assert not list((tmp_path / "scratch").glob(f"{job.pk}.*"))


# --- the recording an archived video came from ----------------------------------------------------------

def test_the_recording_an_archived_video_came_from_cannot_be_deleted(rv, archived_record, client):
    from archive.models import Recording, TranscriptSegment

    _with_transcript(rv.recording)
    record = archived_record()
    client.force_login(rv.curator)
    url = reverse("curator:recording_delete", args=[rv.recording.pk])
    page = client.get(url).content.decode()
    assert str(record.clip.job_id) in page  # the job that read it is listed as what depends on it
    response = client.post(url)
    assert response.status_code == 409
    assert str(record.clip.job_id) in response.content.decode()
    assert Recording.objects.filter(pk=rv.recording.pk).exists()
    assert TranscriptSegment.objects.filter(recording=rv.recording).count() == 2
    record.clip.job.refresh_from_db()
    assert record.clip.job.recording_id == rv.recording.pk
    # the API's DELETE: 409 with the same blockers, nothing lost
    response = _api(rv.curator).delete(f"/api/v1/recordings/{rv.recording.pk}")
    assert response.status_code == 409, response.content
    body = response.json()
    assert body["code"] == "protected" and any(str(record.clip.job_id) in b for b in body["blockers"])
    assert Recording.objects.filter(pk=rv.recording.pk).exists()
    assert TranscriptSegment.objects.filter(recording=rv.recording).count() == 2
