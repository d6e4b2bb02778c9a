"""Attribution and consent, decided once when a job is created (generation/attribution.py).

Must show: the burned-in label (the post-processing label and the video's metadata, read back with
ffprobe), the C2PA manifest's attribution, the signed attribution and the gallery's attribution are one
string for a technique-only job, a recording-span job and a regeneration after a change request; and
every job path refuses a source whose recording's consent forbids AI reconstruction.
"""
import datetime as dt
import hashlib
import json
import subprocess

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.urls import reverse

from generation import parameters as params
from generation import services as gen
from generation.models import Clip, GenerationJob
from tests.review_fixtures import *  # noqa: F401,F403
from tests.review_fixtures import tiny_mp4

pytestmark = pytest.mark.django_db

EXPECTED = "基于姚建萍口述重构"


def _with_transcript(recording):
    from archive.models import TranscriptSegment

    TranscriptSegment.objects.create(recording=recording, start_ms=0, end_ms=3000, text="丝线沿纹样外缘起针,")
    TranscriptSegment.objects.create(recording=recording, start_ms=3000, end_ms=6000, text="针距两毫米。")
    return recording


def _finish(job: GenerationJob, variant: str) -> Clip:
    """What the worker does after the engine: the clip row and file (a real tiny MP4)."""
    data = tiny_mp4(variant)
    GenerationJob.objects.filter(pk=job.pk).update(status=GenerationJob.Status.SUCCEEDED, checkpoint_id="tiny-test")
    clip = Clip(job=job, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data), width=64, height=64,
                num_frames=8, fps=8)
    clip.file.save(f"clip-{job.pk}.mp4", ContentFile(data), save=False)
    clip.save()
    return clip


def _ffprobe_tags(path) -> dict:
    from generation.postprocess.binaries import ffprobe_binary

    out = subprocess.run([ffprobe_binary(), "-v", "error", "-show_entries", "format_tags", "-of", "json", str(path)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["format"]["tags"]


def _everywhere(rv, client, clip, tmp_path) -> dict:
    """Post-process, review, sign, archive; read the attribution back from every place it appears."""
    from django.core.files.storage import default_storage

    from generation.postprocess.label import attribution_of_label
    from generation.postprocess.services import postprocess_clip_service
    from records import credentials
    from review import services

    media_job = postprocess_clip_service(clip=clip, slowmo=())
    assert media_job.status == "succeeded", media_job.error
    delivery = clip.renditions.get(kind="delivery")
    local = tmp_path / f"{clip.pk}-delivery.mp4"
    local.write_bytes(default_storage.open(delivery.file.name, "rb").read())
    tags = _ffprobe_tags(local)

    review = services.review_open(clip=clip, actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    signoff = services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                                   attribution=review.attribution)
    record = services.review_archive(review=review, actor=rv.curator)
    video = record.file("video")
    manifest = credentials.read_manifest(video.file.storage.open(video.file.name, "rb").read())["active"]
    page = client.get(reverse("gallery:technique", args=[rv.technique.slug])).content.decode()
    return {
        "job": clip.job.attribution,
        "burned_in_label": attribution_of_label(media_job.label),
        "video_metadata": tags["attribution"],
        "video_metadata_label": attribution_of_label(tags["label"]),
        "signed": signoff.attribution,
        "c2pa": credentials.manifest_assertion(manifest, "org.heritage.archive")["attribution"],
        "gallery": record.attribution if record.attribution in page else None,
        "review": review.attribution,
    }


def test_technique_only_job_says_the_same_everywhere(rv, client, tmp_path):
    job = gen.job_create(requested_by=rv.curator, technique=rv.technique, enqueue=False)
    assert job.recording is None and job.consent == "none"
    got = _everywhere(rv, client, _finish(job, "a"), tmp_path)
    assert set(got.values()) == {EXPECTED}, got


def test_recording_span_job_says_the_same_everywhere(rv, client, tmp_path):
    _with_transcript(rv.recording)
    job = gen.job_create(requested_by=rv.curator, technique=rv.technique, recording=rv.recording,
                         source_start=0, source_end=5, enqueue=False)
    assert job.consent == "recording" and job.attribution_sources[0]["span"] == [0, 5]
    got = _everywhere(rv, client, _finish(job, "b"), tmp_path)
    assert set(got.values()) == {EXPECTED}, got


def test_a_recording_span_job_reads_no_step_from_the_interviewers_segment(rv):
    # the span's interviewer segment (the recording's interviewer by name) is set aside: its 打结 is no step
    from archive.models import TranscriptSegment

    rv.recording.interviewer = "李文静"
    rv.recording.save(update_fields=["interviewer"])
    TranscriptSegment.objects.create(recording=rv.recording, start_ms=0, end_ms=3000, speaker="李文静",
                                     text="您再讲讲打结。")
    TranscriptSegment.objects.create(recording=rv.recording, start_ms=3000, end_ms=6000, speaker="姚建萍",
                                     text="右手拿针,针距两毫米。")
    full = rv.recording.transcript_text()
    job = gen.job_create(requested_by=rv.curator, technique=rv.technique, recording=rv.recording,
                         source_start=0, source_end=len(full), enqueue=False)
    surfaces = [s["surface"] for s in job.action_description["steps"]]
    assert surfaces and "打结" not in surfaces and all(s["start"] > full.index("右手") - 1
                                                     for s in job.action_description["steps"])


def test_regeneration_after_a_change_request_says_the_same_everywhere(rv, client, tmp_path):
    from review import services
    from review.models import ChangeRequest

    _with_transcript(rv.recording)
    first = gen.job_create(requested_by=rv.curator, technique=rv.technique, recording=rv.recording,
                           source_start=0, source_end=5, enqueue=False)
    review = services.review_open(clip=_finish(first, "a"), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    edited = dict(first.action_description, text="丝线沿纹样外缘起针,针距一毫米。")
    services.review_request_changes(review=review, actor=rv.reviewer, text="针距应为一毫米",
                                    action_description=edited)
    new_job = ChangeRequest.objects.get(review=review).new_job
    assert new_job.attribution == first.attribution == EXPECTED
    got = _everywhere(rv, client, _finish(new_job, "c"), tmp_path)
    assert set(got.values()) == {EXPECTED}, got


# --- consent: every job path ------------------------------------------------------------------------

@pytest.fixture
def forbidden(rv):
    """A recording of this technique whose consent is research only (no AI reconstruction)."""
    from archive.models import Recording

    rec = Recording.objects.create(
        craft=rv.craft, technique=rv.technique, title="仅供研究", speaker=rv.inheritor, speaker_name="姚建萍",
        interviewer="研究员", recorded_on=dt.date(2023, 6, 1), place="苏州", consent_scope="research",
        consent_date=dt.date(2023, 6, 1))
    return _with_transcript(rec)


def _template_from(rv, recording):
    """The normalization screen's save, from this recording's transcript."""
    from generation.prompting import normalize
    from generation.prompting.services import technique_save_prompt_template

    desc = normalize(recording.transcript_text(), technique=rv.technique.slug).to_dict()
    technique_save_prompt_template(technique=rv.technique, description=desc, camera=None, user=rv.curator,
                                   source_recording=recording)
    rv.technique.refresh_from_db()


def _refused(call):
    with pytest.raises(params.ParameterError) as exc:
        call()
    assert "不允许用于 AI 重构" in json.dumps(exc.value.errors, ensure_ascii=False)


def test_every_job_path_refuses_a_source_without_consent(rv, forbidden):
    before = GenerationJob.objects.count()
    # recording span
    _refused(lambda: gen.job_create(requested_by=rv.curator, technique=rv.technique, recording=forbidden,
                                    enqueue=False))
    # saved template normalized from that recording (technique path and batch path both read it)
    _template_from(rv, forbidden)
    _refused(lambda: gen.job_create(requested_by=rv.curator, technique=rv.technique, enqueue=False))
    _refused(lambda: gen.job_create_batch(requested_by=rv.curator, technique=rv.technique,
                                          cameras=["close-up", "wide"]))
    # an action description that says it came from that recording
    _refused(lambda: gen.job_create(requested_by=rv.curator, technique=rv.technique, enqueue=False,
                                    action_description=dict(rv.technique.prompt_template)))
    assert GenerationJob.objects.count() == before


def test_retry_and_regeneration_are_checked_again_when_consent_is_withdrawn(rv):
    from review import services
    from review.services import TransitionRefused

    _with_transcript(rv.recording)
    job = gen.job_create(requested_by=rv.curator, technique=rv.technique, recording=rv.recording,
                         source_start=0, source_end=5, enqueue=False)
    review = services.review_open(clip=_finish(job, "a"), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    rv.recording.consent_scope = "research"  # the speaker withdrew consent to AI reconstruction
    rv.recording.save()
    _refused(lambda: gen.job_retry(job=job, actor=rv.curator))
    with pytest.raises(TransitionRefused) as exc:
        services.review_request_changes(review=review, actor=rv.reviewer, text="重做",
                                        action_description=dict(job.action_description))
    assert exc.value.code == "regeneration_refused" and "不允许用于 AI 重构" in exc.value.message
    assert GenerationJob.objects.count() == 1


def test_template_from_a_consented_recording_attributes_its_speaker(rv):
    _with_transcript(rv.recording)
    _template_from(rv, rv.recording)
    job = gen.job_create(requested_by=rv.curator, technique=rv.technique, enqueue=False)
    assert job.consent == "recording" and job.attribution == EXPECTED
    assert [s["recording"] for s in job.attribution_sources] == [rv.recording.pk]


def test_reading_a_recording_through_a_job_needs_the_right_to_read_it(rv):
    """A researcher may not read an archive-only transcript; a job's source is no way around that."""
    from archive.models import Recording

    archive_only = _with_transcript(Recording.objects.create(
        craft=rv.craft, technique=rv.technique, title="仅限档案", speaker_name="姚建萍", interviewer="研究员",
        recorded_on=dt.date(2023, 7, 1), place="苏州", consent_scope="archive", consent_date=dt.date(2023, 7, 1)))
    with pytest.raises(PermissionDenied):
        gen.job_create(requested_by=rv.reviewer, technique=rv.technique, recording=archive_only, enqueue=False)
    with pytest.raises(PermissionDenied):
        gen.job_create(requested_by=rv.inheritor_user, technique=rv.technique, recording=rv.recording, enqueue=False)
    assert not GenerationJob.objects.exists()
