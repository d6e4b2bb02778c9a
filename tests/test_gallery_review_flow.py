"""End to end with the review app's own services: a clip opened, submitted, signed by the inheritor and
archived appears in the gallery; withdrawing the signature takes it (page and media) away at once."""
import pytest
from django.urls import reverse

from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


def test_archived_clip_is_public_until_the_signature_is_withdrawn(client, rv, archived_record):
    from review import services

    record = archived_record()
    page = client.get(reverse("gallery:technique", args=[rv.technique.slug]))
    assert page.status_code == 200
    html = page.content.decode()
    assert record.attribution in html and record.ai_notice in html
    roles = set(record.files.values_list("role", flat=True))
    role = "video" if "video" in roles else "original"
    media_url = reverse("gallery:record_media", args=[record.pk, role])
    assert media_url in html
    media = client.get(media_url)
    assert media.status_code == 200 and b"".join(media.streaming_content)[4:8] == b"ftyp"
    assert client.get(reverse("gallery:technique_manifest", args=[rv.technique.slug])).status_code == 200

    review = record.clip.review
    services.review_withdraw(review=review, actor=rv.inheritor_user, reason="需要重新拍摄")
    assert client.get(media_url).status_code == 404
    assert client.get(reverse("gallery:technique", args=[rv.technique.slug])).status_code == 404
    assert client.get(reverse("gallery:technique_manifest", args=[rv.technique.slug])).status_code == 404


def test_unarchived_signed_clip_is_not_public(client, rv, signed_review):
    review = signed_review()  # approved, not archived: no record yet
    assert client.get(reverse("gallery:technique", args=[rv.technique.slug])).status_code == 404
    assert client.get("/media/" + review.clip.file.name).status_code == 404
