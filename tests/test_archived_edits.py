"""Editing the live objects behind an archived (signed, published) video (brief badinput3).

The portrait that drove a 口述影像 is what the video, its sign-off and its archive record rest on: its
image cannot be replaced by other bytes, on the form or through the API (a 400 in the error shape, nothing
changed); the same picture may be sent again with a narrowed likeness consent, which takes the video out of
the gallery. What the record attests (attribution, files, signer) stays as signed when a curator fixes a
typo in the technique, step or inheritor.
"""
import datetime as dt
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from generation.models import GenerationJob

pytestmark = pytest.mark.django_db


def _png(size=(64, 64), colour=(200, 180, 160)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture
def narrated(rv, archived_record, settings, tmp_path):
    """An archived, public 口述影像 record driven by the inheritor's portrait."""
    from archive.models import InheritorPortrait

    settings.MEDIA_ROOT = tmp_path / "media"
    portrait = InheritorPortrait(inheritor=rv.inheritor, title="工作照", consent_scope="public",
                                 consent_given_by="姚建萍", consent_date=dt.date(2024, 3, 1), width=64, height=64)
    portrait.image.save("face.png", ContentFile(_png()), save=False)
    portrait.save()
    record = archived_record()  # then marked as driven by the portrait (the fixture makes a T2V clip)
    GenerationJob.objects.filter(pk=record.clip.job_id).update(kind="s2v", portrait=portrait,
                                                               consent="rec+likeness")
    return portrait, record


def _put(client, rv, pk, data):
    from rest_framework.authtoken.models import Token

    token = Token.objects.get_or_create(user=rv.curator)[0]
    return client.put(f"/api/v1/portraits/{pk}", encode_multipart(BOUNDARY, data), content_type=MULTIPART_CONTENT,
                      HTTP_AUTHORIZATION=f"Token {token.key}")


def _body(**extra):
    return {"title": "工作照", "description": "", "consent_scope": "public", "consent_given_by": "姚建萍",
            "consent_date": "2024-03-01", **extra}


def test_the_portrait_of_an_archived_narration_cannot_get_another_image_through_the_api(rv, narrated, client):
    from records.selectors import is_record_public

    portrait, record = narrated
    before = type(portrait).objects.values().get(pk=portrait.pk)
    other = SimpleUploadedFile("other.png", _png(colour=(10, 20, 30)), content_type="image/png")
    response = _put(client, rv, portrait.pk, _body(image=other))
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "portrait_in_use" and "图片不能替换" in body["image"][0] and body["detail"]
    assert type(portrait).objects.values().get(pk=portrait.pk) == before  # nothing changed
    assert is_record_public(record)
    # the same picture, sent again with the likeness consent narrowed: accepted, the file kept, not public
    same = SimpleUploadedFile("face-again.png", _png(), content_type="image/png")
    response = _put(client, rv, portrait.pk, _body(image=same, consent_scope="archive"))
    assert response.status_code == 200, response.content
    portrait.refresh_from_db()
    assert portrait.consent_scope == "archive" and portrait.image.name == before["image"]
    assert not is_record_public(record)


def test_the_portrait_form_refuses_another_image_and_keeps_what_was_typed(rv, narrated, client):
    portrait, record = narrated
    before = type(portrait).objects.values().get(pk=portrait.pk)
    client.force_login(rv.curator)
    other = SimpleUploadedFile("other.png", _png(colour=(10, 20, 30)), content_type="image/png")
    response = client.post(reverse("curator:portrait_edit", args=[portrait.pk]),
                           _body(title="新标题", image=other))
    assert response.status_code in (200, 400)
    page = response.content.decode()
    assert "图片不能替换" in page and "新标题" in page
    assert type(portrait).objects.values().get(pk=portrait.pk) == before
    # without a new image the rest of the form saves (a typo in the title)
    response = client.post(reverse("curator:portrait_edit", args=[portrait.pk]), _body(title="工作照(修正)"))
    assert response.status_code == 302
    portrait.refresh_from_db()
    assert portrait.title == "工作照(修正)" and portrait.image.name == before["image"]


def test_a_portrait_no_video_used_may_get_a_new_image(rv, client, settings, tmp_path):
    from archive.models import InheritorPortrait

    settings.MEDIA_ROOT = tmp_path / "media"
    portrait = InheritorPortrait(inheritor=rv.inheritor, title="工作照", consent_scope="public",
                                 consent_given_by="姚建萍", consent_date=dt.date(2024, 3, 1))
    portrait.image.save("face.png", ContentFile(_png()), save=False)
    portrait.save()
    other = SimpleUploadedFile("other.png", _png((80, 80), colour=(10, 20, 30)), content_type="image/png")
    response = _put(client, rv, portrait.pk, _body(image=other))
    assert response.status_code == 200, response.content
    portrait.refresh_from_db()
    assert portrait.width == 80


def test_typo_fixes_in_live_objects_leave_what_the_record_attests(rv, archived_record, client):
    from archive.models import Inheritor, Technique, TechniqueStep
    from records.models import ArchiveRecord

    record = archived_record()
    attested = (record.attribution, record.clip_sha256, record.title, record.provenance["signoff"])
    Technique.objects.filter(pk=rv.technique.pk).update(summary="修正后的简介")
    TechniqueStep.objects.filter(pk=rv.step.pk).update(description="丝线沿纹样外缘起针,针距约两毫米。")
    Inheritor.objects.filter(pk=rv.inheritor.pk).update(biography="修正")
    record = ArchiveRecord.objects.get(pk=record.pk)
    assert (record.attribution, record.clip_sha256, record.title, record.provenance["signoff"]) == attested
    page = client.get(reverse("gallery:technique", args=[rv.technique.slug])).content.decode()
    assert record.attribution in page and re.search("针距约两毫米", page)
