"""Consent and source files after a video was archived (brief consent2).

1. A recording's consent narrowed after a video made from it was archived: the archive record stays as it
   is (immutable), but the gallery page, the IIIF manifest, search, the media URLs and the record API stop
   serving it at the next request (404, never a 500), through the one consent rule
   (``generation.attribution.consent_allows``, as a query: ``sources_consent_q``); the curator still sees the
   record, with the reason; widened again, it is back. The same for the recording a prompt template was
   normalized from (``GenerationJob.template_recording``).
2. That template source is PROTECTed: it cannot be deleted while a job made from the template exists, nor
   while a saved template names it; the delete page and the API name what depends on it (409, no 500).
3. Replacing the media file of a recording an archived record rests on keeps the old file
   (``heritage.files.keep_files_named_by``); a file nothing rests on is still deleted.
"""
import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from generation import services as gen
from generation.models import GenerationJob
from tests.gallery_fixtures import make_mp4_bytes
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


def _scope(recording, scope):
    recording.consent_scope = scope
    recording.save()


def _with_transcript(recording):
    from archive.models import TranscriptSegment

    TranscriptSegment.objects.create(recording=recording, start_ms=0, end_ms=3000, text="丝线沿纹样外缘起针,")
    TranscriptSegment.objects.create(recording=recording, start_ms=3000, end_ms=6000, text="针距两毫米。")
    return recording


def _public_views(client, rv, record) -> dict[str, int]:
    """Status of every public way to the video (anonymous visitor, shared page cache)."""
    from gallery.search import search_index_refresh_technique

    search_index_refresh_technique(technique_id=rv.technique.pk)  # what archiving does after commit
    technique_url = reverse("gallery:technique", args=[rv.technique.slug])
    search = client.get(reverse("gallery:search"), {"q": rv.technique.name})
    assert search.status_code == 200
    return {
        "page": client.get(technique_url).status_code,
        "manifest": client.get(reverse("gallery:technique_manifest", args=[rv.technique.slug])).status_code,
        "video": client.get(reverse("gallery:record_media", args=[record.pk, "video"])).status_code,
        "poster_or_original": client.get(reverse("gallery:record_media", args=[record.pk, "original"])).status_code,
        "api": client.get(f"/api/v1/archive-records/{record.pk}/").status_code,
        "search": 200 if f'href="{technique_url}' in search.content.decode() else 404,
    }


PUBLIC = {"page": 200, "manifest": 200, "video": 200, "poster_or_original": 200, "api": 200, "search": 200}
HIDDEN = {k: 404 for k in PUBLIC}


def test_the_query_form_of_the_consent_rule_agrees_with_the_rule(rv):
    from archive.models import Recording
    from generation.attribution import consent_allows, consent_allows_q

    for scope in Recording.ConsentScope.values:
        _scope(rv.recording, scope)
        by_query = Recording.objects.filter(consent_allows_q(), pk=rv.recording.pk).exists()
        assert by_query == consent_allows(rv.recording), scope


def test_a_narrowed_recording_consent_takes_an_archived_video_out_of_public_view(rv, archived_record, client):
    from records.models import ArchiveRecord
    from records.selectors import is_record_public

    record = archived_record()
    before = ArchiveRecord.objects.values().get(pk=record.pk)
    files_before = list(record.files.values_list("role", "sha256"))
    events_before = record.events.count()
    assert _public_views(client, rv, record) == PUBLIC  # (the pages are now in the shared cache)

    # public use narrowed to research only: no longer AI reconstruction, so no longer public — at once
    _scope(rv.recording, "research")
    assert not is_record_public(record)
    assert _public_views(client, rv, record) == HIDDEN
    not_found = client.get(reverse("gallery:technique", args=[rv.technique.slug]))
    assert not_found.status_code == 404 and "text/html" in not_found["Content-Type"]
    api = client.get(f"/api/v1/archive-records/{record.pk}/").json()
    assert api["code"] == "not_found" and api["detail"]

    # the record itself never changed
    assert ArchiveRecord.objects.values().get(pk=record.pk) == before
    assert list(record.files.values_list("role", "sha256")) == files_before
    assert record.events.count() == events_before

    # the curator still sees it, with the reason, on the record page, the review page and the API
    client.force_login(rv.curator)
    page = client.get(reverse("review:record", args=[record.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "未公开" in html
    assert rv.recording.title in html and "不再允许用于 AI 重构" in html and "可用于研究" in html
    review = client.get(reverse("review:detail", args=[record.clip.review.pk])).content.decode()
    assert "已从展厅" in review and rv.recording.title in review
    staff_api = client.get(f"/api/v1/archive-records/{record.pk}/")
    assert staff_api.status_code == 200 and staff_api.json()["public"] is False
    client.logout()

    # widened again: back at the next request
    _scope(rv.recording, "public")
    assert is_record_public(record)
    assert _public_views(client, rv, record) == PUBLIC


def test_the_decision_public_reconstruction_rests_on_the_consent_to_ai_reconstruction(rv, archived_record):
    """Narrowing 可公开传播 to 可用于研究与AI重构 keeps the signed reconstruction public (the consent it was
    made and published under holds); "archive only" hides it like "research"."""
    from records.selectors import is_record_public

    _scope(rv.recording, "public")
    record = archived_record()
    _scope(rv.recording, "generation")
    assert is_record_public(record)
    _scope(rv.recording, "archive")
    assert not is_record_public(record)


def test_a_narrowed_consent_of_the_templates_source_hides_the_video_too(rv, archived_record, client):
    from archive.models import Recording
    from records.selectors import is_record_public

    source = Recording.objects.create(
        craft=rv.craft, technique=rv.technique, title="姚建萍谈起针", speaker=rv.inheritor, speaker_name="姚建萍",
        interviewer="研究员", recorded_on=dt.date(2023, 6, 1), place="苏州", consent_scope="generation",
        consent_date=dt.date(2023, 6, 1))
    record = archived_record(recording=None)  # a video made from the technique's template
    GenerationJob.objects.filter(pk=record.clip.job_id).update(template_recording=source, consent="recording")
    assert is_record_public(record)
    _scope(source, "archive")
    assert not is_record_public(record)
    client.force_login(rv.curator)
    assert source.title in client.get(reverse("review:record", args=[record.pk])).content.decode()
    _scope(source, "generation")
    assert is_record_public(record)


# --- 2. the recording a prompt template was normalized from ----------------------------------------------

def _template_from(rv, recording):
    from generation.prompting import normalize
    from generation.prompting.services import technique_save_prompt_template

    desc = normalize(recording.transcript_text(), technique=rv.technique.slug).to_dict()
    technique_save_prompt_template(technique=rv.technique, description=desc, camera=None, user=rv.curator,
                                   source_recording=recording)
    rv.technique.refresh_from_db()


def _api(user):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def template_source(rv):
    from archive.models import Recording

    source = _with_transcript(Recording.objects.create(
        craft=rv.craft, technique=None, title="只作模板来源的录音", speaker=rv.inheritor, speaker_name="姚建萍",
        interviewer="研究员", recorded_on=dt.date(2023, 6, 1), place="苏州", consent_scope="generation",
        consent_date=dt.date(2023, 6, 1)))
    _template_from(rv, source)
    return source


def test_the_templates_source_recording_cannot_be_deleted_while_a_job_made_from_it_exists(
        rv, template_source, client):
    from archive.models import Recording

    job = gen.job_create(requested_by=rv.curator, technique=rv.technique, enqueue=False)
    assert job.recording_id is None and job.template_recording_id == template_source.pk
    rv.technique.prompt_template = {}  # the template itself replaced: only the job still rests on it
    rv.technique.save()

    client.force_login(rv.curator)
    url = reverse("curator:recording_delete", args=[template_source.pk])
    assert str(job.pk) in client.get(url).content.decode()  # listed as what depends on it
    response = client.post(url)
    assert response.status_code == 409 and str(job.pk) in response.content.decode()
    api = _api(rv.curator).delete(f"/api/v1/recordings/{template_source.pk}")
    assert api.status_code == 409
    body = api.json()
    assert body["code"] == "protected" and body["detail"] and any(str(job.pk) in b for b in body["blockers"])
    assert Recording.objects.filter(pk=template_source.pk).exists()


def test_a_racing_delete_of_the_templates_source_is_a_409_not_a_500(rv, template_source, client):
    """The job appears between the delete page's check and the delete: the database's PROTECT answers."""
    from unittest import mock

    from archive import services

    job = gen.job_create(requested_by=rv.curator, technique=rv.technique, enqueue=False)
    client.force_login(rv.curator)
    with mock.patch.object(services, "deletion_blockers", return_value=[]):
        response = client.post(reverse("curator:recording_delete", args=[template_source.pk]))
    assert response.status_code == 409 and str(job.pk) in response.content.decode()


def test_a_recording_a_saved_template_names_cannot_be_deleted(rv, template_source, client):
    from archive.models import Recording

    client.force_login(rv.curator)
    url = reverse("curator:recording_delete", args=[template_source.pk])
    assert f"技法「{rv.technique.name}」的提示词模板" in client.get(url).content.decode()
    assert client.post(url).status_code == 409
    assert _api(rv.curator).delete(f"/api/v1/recordings/{template_source.pk}").status_code == 409
    assert Recording.objects.filter(pk=template_source.pk).exists()
    rv.technique.prompt_template = {}  # nothing names it any more: it may go
    rv.technique.save()
    assert client.post(url).status_code == 302
    assert not Recording.objects.filter(pk=template_source.pk).exists()


def test_jobs_made_before_the_field_get_their_template_source_by_the_migration(rv, template_source):
    import importlib

    from django.apps import apps

    job = gen.job_create(requested_by=rv.curator, technique=rv.technique, enqueue=False)
    GenerationJob.objects.filter(pk=job.pk).update(template_recording=None)
    gone = GenerationJob.objects.create(
        requested_by=rv.curator, technique=rv.technique, prompt="p", parameters={}, seed=1,
        action_description={"source_recording": 999999})
    migration = importlib.import_module("generation.migrations.0008_job_template_recording")
    migration.backfill(apps, None)
    job.refresh_from_db()
    gone.refresh_from_db()
    assert job.template_recording_id == template_source.pk and gone.template_recording_id is None


# --- 3. replacing the media file of a recording an archived record rests on ------------------------------

@pytest.fixture
def mp4():
    return make_mp4_bytes()


def _replace_media(recording, data, django_capture_on_commit_callbacks):
    from archive.services import recording_update

    with django_capture_on_commit_callbacks(execute=True):
        recording_update(recording=recording, data={"media": SimpleUploadedFile("new.mp4", data)})


@pytest.mark.parametrize("source", ["recording", "template_recording"])
def test_replacing_the_file_of_a_recording_an_archived_record_rests_on_keeps_the_old_file(
        rv, archived_record, mp4, source, django_capture_on_commit_callbacks):
    rv.recording.media.save("interview.mp4", ContentFile(mp4))
    old = rv.recording.media.name
    record = archived_record()
    if source == "template_recording":
        GenerationJob.objects.filter(pk=record.clip.job_id).update(recording=None, template_recording=rv.recording)
    _replace_media(rv.recording, make_mp4_bytes(shade=40), django_capture_on_commit_callbacks)
    rv.recording.refresh_from_db()
    assert rv.recording.media.name != old
    assert default_storage.exists(old) and default_storage.exists(rv.recording.media.name)


def test_replacing_the_file_of_a_recording_nothing_archived_rests_on_still_deletes_it(
        rv, make_clip, mp4, django_capture_on_commit_callbacks):
    rv.recording.media.save("interview.mp4", ContentFile(mp4))
    old = rv.recording.media.name
    make_clip()  # a job read it, but nothing was archived
    _replace_media(rv.recording, make_mp4_bytes(shade=40), django_capture_on_commit_callbacks)
    rv.recording.refresh_from_db()
    assert not default_storage.exists(old) and default_storage.exists(rv.recording.media.name)
