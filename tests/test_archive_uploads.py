"""Uploads on the curator forms: wrong type, bytes that do not match the extension, over the size
limit (settings.MAX_UPLOAD_MB, overridden small here). Each gets a message on the form and nothing
already saved changes."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Footage, Inheritor, Recording

pytestmark = pytest.mark.django_db

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 8


def recording_form(recording, **files):
    data = {"craft": recording.craft_id, "technique": "", "title": recording.title, "speaker": "",
            "speaker_name": recording.speaker_name, "interviewer": recording.interviewer,
            "recorded_on": recording.recorded_on.isoformat(), "place": recording.place,
            "consent_scope": recording.consent_scope, "consent_date": recording.consent_date.isoformat(),
            "media_reference": "", "language": "普通话", "notes": "改过的备注"}
    data.update(files)
    return data


@pytest.mark.parametrize("name, content, message", [
    ("talk.exe", b"MZ\x90\x00", "不支持的文件类型 .exe"),
    ("talk.txt", "嗯,那个".encode(), "不支持的文件类型 .txt"),
    ("talk.mp4", b"just some text, not a video", "文件内容与扩展名 .mp4 不符"),
    ("talk.wav", b"ID3 this is an mp3", "文件内容与扩展名 .wav 不符"),
    # The right magic bytes are not enough: the header must decode (heritage/sniff.py).
    ("talk.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00" + "嗯,这只是一段文字,不是录音。".encode() * 50, "文件内容与扩展名 .mp3 不符"),
    ("talk.mp4", MP4_HEAD + b"\x00" * 100, "文件内容与扩展名 .mp4 不符"),
    ("talk.wav", b"RIFF" + b"\x00" * 200, "文件内容与扩展名 .wav 不符"),
])
def test_recording_wrong_type(curator_client, recording, name, content, message):
    r = curator_client.post(f"/curator/recordings/{recording.pk}/edit/",
                            recording_form(recording, media=SimpleUploadedFile(name, content)))
    assert r.status_code == 400
    assert message in r.content.decode()
    recording.refresh_from_db()
    assert not recording.media and recording.notes == "" and recording.media_reference == "DEMO-1"


def test_recording_over_the_limit(curator_client, recording, settings):
    settings.MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("talk.mp4", MP4_HEAD + b"\x00" * (1024 * 1024 + 10))
    r = curator_client.post(f"/curator/recordings/{recording.pk}/edit/", recording_form(recording, media=big))
    assert r.status_code == 400
    assert "文件过大(1.0 MB),上限为 1 MB" in r.content.decode()
    recording.refresh_from_db()
    assert not recording.media


def test_recording_good_upload_then_bad_one_keeps_the_first(curator_client, recording, settings):
    settings.MAX_UPLOAD_MB = 1
    from tests.review_fixtures import tiny_mp4

    good = SimpleUploadedFile("talk.mp4", tiny_mp4())  # a real, decodable MP4
    r = curator_client.post(f"/curator/recordings/{recording.pk}/edit/", recording_form(recording, media=good))
    assert r.status_code == 302
    recording.refresh_from_db()
    first = recording.media.name
    assert first.startswith("recordings/talk")
    r = curator_client.post(f"/curator/recordings/{recording.pk}/edit/",
                            recording_form(recording, media=SimpleUploadedFile("x.mp4", b"nope")))
    assert r.status_code == 400
    recording.refresh_from_db()
    assert recording.media.name == first and recording.media.storage.exists(first)
    assert Recording.objects.count() == 1


def test_footage_wrong_type_and_size(curator_client, technique, settings):
    settings.MAX_UPLOAD_MB = 1
    data = {"technique": technique.pk, "step": "", "title": "影像", "reference": "", "recorded_on": "",
            "credit": "来源", "rights": ""}
    r = curator_client.post("/curator/footage/new/", {**data, "file": SimpleUploadedFile("a.mp3", b"ID3")})
    assert r.status_code == 400 and "不支持的文件类型 .mp3" in r.content.decode()
    big = SimpleUploadedFile("a.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * (2 * 1024 * 1024))
    r = curator_client.post("/curator/footage/new/", {**data, "file": big})
    assert r.status_code == 400 and "上限为 1 MB" in r.content.decode()
    assert not Footage.objects.exists()
    r = curator_client.post("/curator/footage/new/", {**data, "file": SimpleUploadedFile("a.webm", b"\x1a\x45\xdf\xa3xx")})
    assert r.status_code == 400 and "文件内容与扩展名 .webm 不符" in r.content.decode()  # the magic alone is not enough
    from tests.review_fixtures import tiny_mp4

    r = curator_client.post("/curator/footage/new/", {**data, "file": SimpleUploadedFile("a.mp4", tiny_mp4())})
    assert r.status_code == 302 and Footage.objects.get().file.name.startswith("footage/")


def test_proxy_document_wrong_type(curator_client, craft):
    data = {"craft": craft.pk, "name": "张德海", "level": "national", "status": "deceased", "birth_year": "",
            "biography": "", "user": "", "proxy_name": "张明远", "proxy_user": "", "proxy_relation": "儿子"}
    r = curator_client.post("/curator/inheritors/new/", {**data, "proxy_document": SimpleUploadedFile("a.pdf", b"not a pdf")})
    assert r.status_code == 400 and "文件内容与扩展名 .pdf 不符" in r.content.decode()
    r = curator_client.post("/curator/inheritors/new/", {**data, "proxy_document": SimpleUploadedFile("a.docx", b"PK")})
    assert r.status_code == 400 and "不支持的文件类型 .docx" in r.content.decode()
    assert not Inheritor.objects.exists()


def test_footage_and_document_served_behind_login(curator_client, technique, client):
    footage = Footage.objects.create(technique=technique, title="影像", credit="来源",
                                     file=SimpleUploadedFile("a.webm", b"\x1a\x45\xdf\xa3" + b"v" * 100))
    r = curator_client.get(f"/curator/footage/{footage.pk}/media/", HTTP_RANGE="bytes=0-3")
    assert r.status_code == 206 and b"".join(r.streaming_content) == b"\x1a\x45\xdf\xa3"
    assert f"/curator/footage/{footage.pk}/media/" in curator_client.get(footage.get_absolute_url()).content.decode()
    person = Inheritor.objects.create(craft=technique.craft, name="张德海", level="national", status="deceased",
                                      proxy_name="张明远", proxy_document=SimpleUploadedFile("p.pdf", b"%PDF-1.4 x"))
    r = curator_client.get(f"/curator/inheritors/{person.pk}/document/")
    assert r.status_code == 200 and b"".join(r.streaming_content).startswith(b"%PDF")
    assert "查看授权文件" in curator_client.get(person.get_absolute_url()).content.decode()
    client.logout()  # the same client: now anonymous
    assert client.get(f"/curator/inheritors/{person.pk}/document/").status_code == 302


def test_replaced_upload_is_deleted_after_commit_and_kept_on_rollback(curator_client, recording, django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile
    from django.db import transaction

    from tests.review_fixtures import tiny_mp4

    with django_capture_on_commit_callbacks(execute=True):
        r = curator_client.post(f"/curator/recordings/{recording.pk}/edit/",
                                recording_form(recording, media=SimpleUploadedFile("first.mp4", tiny_mp4("a"))))
    assert r.status_code == 302
    recording.refresh_from_db()
    first = recording.media.name
    with django_capture_on_commit_callbacks(execute=True):
        r = curator_client.post(f"/curator/recordings/{recording.pk}/edit/",
                                recording_form(recording, media=SimpleUploadedFile("second.mp4", tiny_mp4("b"))))
    assert r.status_code == 302
    recording.refresh_from_db()
    assert recording.media.name != first
    assert recording.media.storage.exists(recording.media.name)
    assert not recording.media.storage.exists(first)
    # A replacement that is rolled back leaves the saved file where it was.
    kept = recording.media.name
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                recording.media.save("third.mp4", ContentFile(tiny_mp4("c")), save=True)
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert recording.media.storage.exists(kept)


def test_an_emoji_only_name_keeps_a_stem_and_its_extension(curator_client, technique):
    """``🎵.mp4`` was stored as ``footage/.mp4`` and a second one as ``footage/.mp4_AbC1234`` (no extension: served as
    application/octet-stream). The media storage names every upload (heritage.storage.SafeNames)."""
    import re

    from tests.review_fixtures import tiny_mp4

    data = {"technique": technique.pk, "step": "", "title": "影像", "reference": "", "recorded_on": "",
            "credit": "来源", "rights": ""}
    for variant in ("a", "b"):
        r = curator_client.post("/curator/footage/new/",
                                {**data, "file": SimpleUploadedFile("🎵.mp4", tiny_mp4(variant), "video/mp4")})
        assert r.status_code == 302, r.content.decode()[-2000:]
    names = [f.file.name for f in Footage.objects.order_by("pk")]
    assert len(set(names)) == 2
    assert all(re.fullmatch(r"footage/file(_[A-Za-z0-9]{7})?\.mp4", n) for n in names), names
    for footage in Footage.objects.all():
        r = curator_client.get(f"/curator/footage/{footage.pk}/media/")
        assert r.status_code == 200 and r["Content-Type"] == "video/mp4"


@pytest.mark.parametrize("given, stored", [
    ("🎵.mp4", "file.mp4"), ("🎵🎶.MP4", "file.mp4"), (".mp4", "file.mp4"), ("🎵", "file"),
    ("苏绣 针法.mp4", "苏绣_针法.mp4"), ("针法🎵.webm", "针法.webm"), ("talk.🎵", "talk"), ("..mp4", "file.mp4"),
    ("a.b.pdf", "a.b.pdf"), ("_.wav", "file.wav"),
])
def test_safe_name(given, stored):
    from django.core.files.storage import default_storage

    from heritage.storage import safe_name

    assert safe_name(given) == stored
    assert default_storage.get_valid_name(given) == stored  # the storage every upload goes through
