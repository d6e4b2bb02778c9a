"""Inheritor portraits on the curator screens, the admin and the API: add, edit, refuse a bad upload
with nothing saved, consent rules on the form, files behind the login."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive.models import Inheritor, InheritorPortrait


def png(size=(96, 128)) -> SimpleUploadedFile:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, (200, 180, 160)).save(buf, "PNG")
    return SimpleUploadedFile("face.png", buf.getvalue(), content_type="image/png")


@pytest.fixture
def inheritor(craft):
    return Inheritor.objects.create(craft=craft, name="沈秀芬", level="national")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def form_data(**extra):
    return {"title": "工作照", "description": "", "consent_scope": "public", "consent_given_by": "沈秀芬",
            "consent_date": "2024-03-01", **extra}


def test_curator_adds_and_edits_a_portrait(curator_client, inheritor):
    url = reverse("curator:portrait_create", args=[inheritor.pk])
    assert curator_client.get(url).status_code == 200
    r = curator_client.post(url, form_data(image=png()))
    assert r.status_code == 302, r.content.decode()[:2000]
    p = InheritorPortrait.objects.get()
    assert (p.inheritor, p.width, p.height, p.consent_scope) == (inheritor, 96, 128, "public")
    page = curator_client.get(reverse("curator:inheritor_detail", args=[inheritor.pk])).content.decode()
    assert "工作照" in page and "可公开展示" in page
    img = curator_client.get(reverse("curator:portrait_image", args=[p.pk]))
    assert img.status_code == 200 and b"".join(img.streaming_content).startswith(b"\x89PNG")
    r = curator_client.post(reverse("curator:portrait_edit", args=[p.pk]), form_data(consent_scope="archive"))
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.consent_scope == "archive" and p.width == 96


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("face.png", b"\x89PNG\r\n\x1a\nbroken"), "有效图片"),
    (SimpleUploadedFile("face.pdf", b"%PDF-1.4"), "有效图片"),
])
def test_bad_upload_is_refused_and_nothing_saved(curator_client, inheritor, upload, message):
    r = curator_client.post(reverse("curator:portrait_create", args=[inheritor.pk]), form_data(image=upload))
    assert r.status_code == 400 and message in r.content.decode()
    assert not InheritorPortrait.objects.exists()


def test_too_small_is_refused(curator_client, inheritor, settings):
    settings.S2V_MIN_IMAGE_SIDE = 64
    r = curator_client.post(reverse("curator:portrait_create", args=[inheritor.pk]), form_data(image=png((48, 200))))
    assert r.status_code == 400 and "太小" in r.content.decode()
    assert not InheritorPortrait.objects.exists()


def test_deceased_inheritor_needs_proxy_consent_with_document(curator_client, inheritor):
    inheritor.status = "deceased"
    inheritor.save()
    url = reverse("curator:portrait_create", args=[inheritor.pk])
    r = curator_client.post(url, form_data(image=png()))
    assert r.status_code == 400 and "代理人" in r.content.decode()
    assert not InheritorPortrait.objects.exists()
    doc = SimpleUploadedFile("auth.pdf", b"%PDF-1.4 authority", content_type="application/pdf")
    r = curator_client.post(url, form_data(image=png(), consent_by_proxy="on", consent_given_by="沈家女儿",
                                           consent_document=doc))
    assert r.status_code == 302
    p = InheritorPortrait.objects.get()
    assert p.consent_by_proxy and p.consent_document
    assert curator_client.get(reverse("curator:portrait_document", args=[p.pk])).status_code == 200


def test_files_and_api_behind_the_login(curator_client, inheritor):
    from django.test import Client

    curator_client.post(reverse("curator:portrait_create", args=[inheritor.pk]), form_data(image=png()))
    p = InheritorPortrait.objects.get()
    client = Client()  # anonymous
    assert client.get(reverse("curator:portrait_image", args=[p.pk])).status_code == 302  # to the login
    assert client.get("/api/v1/portraits").status_code in (401, 403)
    data = curator_client.get(f"/api/v1/portraits?inheritor={inheritor.pk}").json()
    item = data["results"][0]
    assert item["title"] == "工作照" and item["consent_scope"] == "public" and item["width"] == 96
    assert curator_client.get(item["image_url"]).status_code == 200
    assert curator_client.get(f"/api/v1/portraits/{p.pk}").json()["inheritor_name"] == "沈秀芬"


def test_admin_lists_portraits(admin_client, inheritor):
    assert admin_client.get(reverse("admin:archive_inheritorportrait_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:archive_inheritor_change", args=[inheritor.pk])).status_code == 200


def test_load_demo_makes_a_drawn_demo_portrait_with_likeness_consent(db):
    from django.core.management import call_command

    from generation.attribution import likeness_allows, likeness_public

    call_command("load_demo", "--no-media", stdout=io.StringIO())
    call_command("load_demo", "--no-media", stdout=io.StringIO())  # idempotent
    p = InheritorPortrait.objects.select_related("inheritor").get()
    assert p.inheritor.name == "沈秀芬" and p.title == "演示插图(非真人)" and "不是任何真人" in p.description
    assert (p.width, p.height) == (512, 640)
    assert likeness_allows(p) and likeness_public(p)


# --- API: create and replace (multipart), same checks as the form -------------------------------------

def api_headers(user) -> dict:
    from rest_framework.authtoken.models import Token

    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.get_or_create(user=user)[0].key}"}


def stored_files(settings) -> list:
    from pathlib import Path

    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_api_curator_uploads_a_portrait(client, curator, inheritor):
    r = client.post("/api/v1/portraits", {"inheritor": inheritor.pk, **form_data(image=png())}, **api_headers(curator))
    assert r.status_code == 201, r.content.decode()
    p = InheritorPortrait.objects.get()
    body = r.json()
    assert (body["id"], body["inheritor"], body["width"], body["height"], body["consent_scope"]) == (
        p.pk, inheritor.pk, 96, 128, "public")
    assert r["Location"] == f"/api/v1/portraits/{p.pk}"
    assert body["image_url"] == f"/api/v1/portraits/{p.pk}/image"
    img = client.get(body["image_url"], **api_headers(curator))  # a token is enough: no browser login
    assert img.status_code == 200 and b"".join(img.streaming_content).startswith(b"\x89PNG")
    assert client.get(body["image_url"]).status_code in (401, 403)
    from django.contrib.auth.models import User

    outsider = User.objects.create_user("outsider")
    assert client.get(body["image_url"], **api_headers(outsider)).status_code == 403
    assert client.get(f"/api/v1/portraits/{p.pk + 1}/image", **api_headers(curator)).status_code == 404
    assert body["document_url"] is None or client.get(body["document_url"], **api_headers(curator)).status_code == 200
    from generation.attribution import likeness_allows

    assert likeness_allows(p)  # usable by an S2V job


@pytest.mark.parametrize("who, status", [("reviewer", 403), ("inheritor", 403), (None, 401)])
def test_api_only_curators_upload_portraits(client, make_user, inheritor, settings, who, status):
    headers = api_headers(make_user(who, who)) if who else {}
    r = client.post("/api/v1/portraits", {"inheritor": inheritor.pk, **form_data(image=png())}, **headers)
    assert r.status_code == status and r.json()["code"] in {"permission_denied", "not_authenticated"}
    assert not InheritorPortrait.objects.exists() and stored_files(settings) == []


@pytest.mark.parametrize("upload, status, code, message", [
    (SimpleUploadedFile("face.png", b"\x89PNG\r\n\x1a\nbroken"), 400, "image_invalid", "不是有效的图片文件"),
    (SimpleUploadedFile("face.pdf", b"%PDF-1.4"), 415, "file_type", "不支持的文件类型 .pdf"),
    (SimpleUploadedFile("face.jpg", b"GIF89a not a jpeg"), 400, "file_content", "文件内容与扩展名 .jpg 不符"),
    ("too large", 413, "file_size", "文件过大"),
])
def test_api_bad_portrait_file_is_refused_as_every_upload_is_and_nothing_is_saved(client, curator, inheritor, settings,
                                                                                  upload, status, code, message):
    """The upload statuses of every API write (``heritage.errors.service_refusal``): a type not accepted is a 415,
    a file over ``HERITAGE_MAX_UPLOAD_MB`` a 413, content that does not decode a 400; JSON ``detail`` + ``code``
    (the schema's Error shape) and the field's messages."""
    if upload == "too large":
        settings.MAX_UPLOAD_MB = 0.0001  # about 100 bytes: the portrait is over it
        upload = png()
        assert upload.size > 0.0001 * 1024 * 1024
    r = client.post("/api/v1/portraits", {"inheritor": inheritor.pk, **form_data(image=upload)},
                    **api_headers(curator))
    assert r.status_code == status and r["Content-Type"] == "application/json", r.content.decode()
    body = r.json()
    assert body["code"] == code and message in body["detail"] and body["detail"].startswith("image: ")
    assert isinstance(body["detail"], str) and message in body["image"][0]
    assert not InheritorPortrait.objects.exists() and stored_files(settings) == []
    documented = client.get("/api/v1/schema?format=json").json()["paths"]["/api/v1/portraits"]["post"]["responses"]
    assert documented[str(status)]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/Error" if status != 400 else "/BadRequest")


def test_api_portrait_replace_and_consent_document_answer_413_and_415_too(client, curator, inheritor, settings):
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    h = api_headers(curator)
    pk = client.post("/api/v1/portraits", {"inheritor": inheritor.pk, **form_data(image=png())}, **h).json()["id"]
    before, files = InheritorPortrait.objects.values().get(pk=pk), stored_files(settings)
    wrong = client.put(f"/api/v1/portraits/{pk}", encode_multipart(BOUNDARY, form_data(
        image=SimpleUploadedFile("face.gif", b"GIF89a"))), content_type=MULTIPART_CONTENT, **h)
    assert wrong.status_code == 415 and wrong.json()["code"] == "file_type", wrong.content.decode()
    document = client.post("/api/v1/portraits", {"inheritor": inheritor.pk, **form_data(
        image=png(), consent_by_proxy="true", consent_given_by="沈家女儿",
        consent_document=SimpleUploadedFile("auth.docx", b"PK\x03\x04"))}, **h)
    assert document.status_code == 415 and "consent_document" in document.json(), document.content.decode()
    settings.MAX_UPLOAD_MB = 0.0001
    big = client.put(f"/api/v1/portraits/{pk}", encode_multipart(BOUNDARY, form_data(image=png((200, 160)))),
                     content_type=MULTIPART_CONTENT, **h)
    assert big.status_code == 413 and big.json()["code"] == "file_size", big.content.decode()
    assert InheritorPortrait.objects.values().get(pk=pk) == before and stored_files(settings) == files


def test_api_too_small_and_consent_rules_as_on_the_form(client, curator, inheritor, settings):
    settings.S2V_MIN_IMAGE_SIDE = 64
    h = api_headers(curator)
    r = client.post("/api/v1/portraits", {"inheritor": inheritor.pk, **form_data(image=png((48, 200)))}, **h)
    assert r.status_code == 400 and r.json()["code"] == "image_too_small" and "太小" in r.json()["detail"]
    inheritor.status = "deceased"
    inheritor.save()
    r = client.post("/api/v1/portraits", {"inheritor": inheritor.pk, **form_data(image=png())}, **h)
    assert r.status_code == 400 and "代理人" in r.json()["detail"] and "consent_document" in r.json()
    r = client.post("/api/v1/portraits", {"inheritor": inheritor.pk, **form_data(consent_date="")}, **h)
    assert r.status_code == 400 and "image" in r.json()  # no file at all: the request's own shape
    r = client.post("/api/v1/portraits", {"inheritor": inheritor.pk}, content_type="application/json", **h)
    assert r.status_code == 415 and r.json()["code"] == "unsupported_media_type"
    assert not InheritorPortrait.objects.exists() and stored_files(settings) == []
    doc = SimpleUploadedFile("auth.pdf", b"%PDF-1.4 authority", content_type="application/pdf")
    r = client.post("/api/v1/portraits", {"inheritor": inheritor.pk, **form_data(
        image=png(), consent_by_proxy="true", consent_given_by="沈家女儿", consent_document=doc)}, **h)
    assert r.status_code == 201, r.content.decode()
    assert r.json()["consent_by_proxy"] and r.json()["document_url"]


def test_api_replaces_a_portrait_whole_and_keeps_it_on_a_bad_file(client, curator, make_user, inheritor, settings):
    h = api_headers(curator)
    pk = client.post("/api/v1/portraits", {"inheritor": inheritor.pk, **form_data(image=png())}, **h).json()["id"]
    before = InheritorPortrait.objects.values().get(pk=pk)
    files = stored_files(settings)
    from django.test.client import MULTIPART_CONTENT, encode_multipart, BOUNDARY

    def put(data, headers):
        return client.put(f"/api/v1/portraits/{pk}", encode_multipart(BOUNDARY, data), content_type=MULTIPART_CONTENT,
                          **headers)

    r = put(form_data(image=SimpleUploadedFile("new.png", b"\x89PNG\r\n\x1a\nbroken")), h)
    assert r.status_code == 400 and r.json()["code"] == "image_invalid"
    assert InheritorPortrait.objects.values().get(pk=pk) == before and stored_files(settings) == files
    reviewer = api_headers(make_user("rev", "reviewer"))
    assert put(form_data(image=png((200, 160))), reviewer).status_code == 403
    assert client.head(f"/api/v1/portraits/{pk}", **reviewer).status_code == 200  # reading stays archive.view
    r = put({"title": "新照片", "image": png((200, 160)), "consent_scope": "none"}, h)
    assert r.status_code == 200, r.content.decode()
    p = InheritorPortrait.objects.get(pk=pk)
    assert (p.title, p.width, p.height, p.consent_scope, p.consent_given_by, p.consent_date) == (
        "新照片", 200, 160, "none", "", None)
    assert p.inheritor == inheritor
