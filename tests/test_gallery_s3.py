"""Public media from S3-compatible storage (django-storages against moto's in-process S3): streamed
through the checked view by default, or a short-lived signed redirect when the deployment says the
object store is reachable by visitors. Unpublished media is 404 either way."""
import pytest
from django.urls import reverse

from tests.gallery_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


@pytest.fixture
def s3_media(settings, monkeypatch):
    from moto import mock_aws

    for key, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                       "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(key, value)
    with mock_aws():
        import boto3

        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="gallery-test")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": "heritage.storage_s3.MediaS3Storage",  # as settings configure it
                        "OPTIONS": {"bucket_name": "gallery-test", "region_name": "us-east-1",
                                    "querystring_auth": True, "file_overwrite": False}},
        }
        yield


def test_public_media_streams_from_s3(client, s3_media, gallery_world, mp4_bytes):
    record = gallery_world["public"][0]
    from storages.backends.s3 import S3Storage

    assert isinstance(record.files.get(role="video").file.storage, S3Storage)
    assert record.files.get(role="video").file.storage.get_valid_name("🎵.mp4") == "file.mp4"  # SafeNames
    url = reverse("gallery:record_media", args=[record.pk, "video"])
    whole = client.get(url)
    assert whole.status_code == 200 and b"".join(whole.streaming_content) == mp4_bytes
    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206 and b"".join(part.streaming_content) == mp4_bytes[100:200]
    for which in ("draft", "withdrawn"):
        assert client.get(reverse("gallery:record_media", args=[gallery_world[which].pk, "video"])).status_code == 404


def test_signed_redirect_when_enabled(client, s3_media, gallery_world, settings):
    settings.HERITAGE_MEDIA_SIGNED_REDIRECT = True
    record = gallery_world["public"][0]
    response = client.get(reverse("gallery:record_media", args=[record.pk, "video"]))
    assert response.status_code == 302
    import time
    from urllib.parse import parse_qs, urlparse

    location = urlparse(response["Location"])
    query = parse_qs(location.query)
    assert "gallery-test" in location.netloc + location.path and "video.mp4" in location.path
    assert "Signature" in query or "X-Amz-Signature" in query
    if "X-Amz-Expires" in query:  # SigV4
        assert query["X-Amz-Expires"] == ["300"]
    else:  # SigV2: an absolute expiry time
        assert 0 < int(query["Expires"][0]) - time.time() <= 300
    # subtitles stay same-origin
    vtt = client.get(reverse("gallery:record_media", args=[record.pk, "vtt"]))
    assert vtt.status_code == 200 and "起针" in b"".join(vtt.streaming_content).decode()
    assert client.get(reverse("gallery:record_media", args=[gallery_world["draft"].pk, "video"])).status_code == 404
