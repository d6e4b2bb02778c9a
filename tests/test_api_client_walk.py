"""A newcomer's script client of the REST API, written from the README's "REST API for scripts" section and the
OpenAPI schema only (HTTP through DRF's APIClient with the documented ``Authorization: Token <token>``): the whole
product walked as each role would — the curator registers a craft, a technique with steps, an inheritor with a
login, a recording with its time-coded transcript (each documented import format), runs the normalization
(a task from a transcript span) and the generation, polls the task, lists, filters, pages and searches; the
reviewer comments and approves; the inheritor signs; the curator archives; the public reads the record and the
gallery's IIIF manifest. Then the documented error paths. Every answer is checked against the schema (status
documented for the operation, content type, body) by schemathesis, as ``tests/test_api_fuzz.py`` checks generated
ones. Screen-only steps (a second curator confirming the signing account) go through the screens, over HTTP too."""
from __future__ import annotations

import fnmatch
import json
from urllib.parse import urlsplit

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

_SCHEMA: dict = {}


def api_schema():
    """The schema as a script fetches it (``GET /api/v1/schema?format=json``), loaded by schemathesis once."""
    if "loaded" not in _SCHEMA:
        import schemathesis

        r = APIClient().get("/api/v1/schema?format=json")
        assert r.status_code == 200, r.content[:300]
        _SCHEMA["raw"] = json.loads(r.content)
        _SCHEMA["loaded"] = schemathesis.openapi.from_dict(_SCHEMA["raw"])
    return _SCHEMA["loaded"]


def conformance_problems(method: str, path: str, response) -> list[str]:
    """What in ``response`` disagrees with the schema's operation for ``method path``: an undocumented status, a
    content type the status does not document, a body that does not match."""
    import requests
    from schemathesis.core.transport import Response

    schema = api_schema()
    path = urlsplit(path).path
    operation = schema.find_operation_by_path(method, path)
    if operation is None:
        return [f"{method} {path}: no operation in the schema"]
    label = f"{method} {operation.path} -> {response.status_code}"
    definition = operation.responses.find_by_status_code(response.status_code)
    if definition is None:
        return [f"{label}: status not documented"]
    if getattr(response, "streaming", False):  # a file: read once, kept for the caller
        response.walk_body = b"".join(response.streaming_content)
    content = getattr(response, "walk_body", None)
    content = response.content if content is None else content
    headers = {k.lower(): [v] for k, v in response.items()}
    request = requests.Request(method, "http://testserver" + path).prepare()
    wrapped = Response(status_code=response.status_code, headers=headers, content=content,
                       request=request, elapsed=0.0, verify=True)
    problems = []
    documented = schema.get_content_types(operation, wrapped)
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if documented and content and not any(fnmatch.fnmatch(content_type, d) for d in documented):
        problems.append(f"{label}: content type {content_type!r} not in {documented}")
    try:
        operation.validate_response(wrapped)
    except Exception as exc:  # noqa: BLE001 - the schemathesis failure, reported with the operation
        problems.append(f"{label}: {str(exc)[:800]}")
    return problems


class Client:
    """A script's client: one account's token (or none), every call checked against the schema."""

    def __init__(self, token: str | None = None):
        self.http = APIClient()
        if token:
            self.http.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        self.problems: list[str] = []

    def call(self, method: str, path: str, expect: int | None = None, **kwargs):
        kwargs.setdefault("format", "json") if "data" in kwargs and "content_type" not in kwargs else None
        response = getattr(self.http, method.lower())(path, **kwargs)
        self.problems += conformance_problems(method, path, response)
        if expect is not None:
            assert response.status_code == expect, f"{method} {path}: {response.status_code} {response.content[:600]!r}"
        return response


def login(username: str, password: str) -> Client:
    """``POST /api/v1/auth/token`` (username, password), as the README says."""
    anon = Client()
    r = anon.call("POST", "/api/v1/auth/token", 200, data={"username": username, "password": password})
    assert not anon.problems, anon.problems
    return Client(r.json()["token"])


def assert_error(response, status: int, code: str | None = None, field: str | None = None):
    """A documented error: JSON ``{"detail", "code"}`` (and the field's messages, when a field is named)."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert isinstance(body.get("detail"), str) and body["detail"], body
    assert isinstance(body.get("code"), str) and body["code"], body
    if code is not None:
        assert body["code"] == code, body
    if field is not None:
        value = body
        for key in field.split("."):
            assert key in value, (field, body)
            value = value[key]
        assert value, body
    return body


VTT = ("WEBVTT\n\n00:00:00.000 --> 00:00:06.000\n王师傅:右手持拨子,自上而下把纬线掼紧,掼三次。\n\n"
       "00:00:06.000 --> 00:00:12.000\n王师傅:纬线间距一毫米,经线不能松。\n")


@pytest.fixture
def people(make_user, role_groups):
    class P:
        pass

    p = P()
    p.curator = make_user("walk-curator", "curator", password="walk-pass-2024!")
    p.second_curator = make_user("walk-curator2", "curator", password="walk-pass-2024!")
    p.reviewer = make_user("walk-reviewer", "reviewer", password="walk-pass-2024!")
    return p


def test_the_whole_product_walked_through_the_api_by_each_role(people, runtime, settings, tmp_path,
                                                                 django_capture_on_commit_callbacks, client):
    from unittest import mock

    from generation import services as job_services

    settings.HERITAGE_C2PA_DEV_DIR = str(tmp_path / "c2pa-dev")
    settings.HERITAGE_BAG_DIR = str(tmp_path / "bags")
    settings.JOB_HEARTBEAT_S = 3600  # the in-process run's lease thread would wait on the test's transaction
    problems: list[str] = []
    cur = login("walk-curator", "walk-pass-2024!")

    # --- the root and its links -------------------------------------------------------------------------
    root = cur.call("GET", "/api/v1/", 200).json()
    assert root["links"]["crafts"].endswith("/api/v1/crafts")

    # --- curator: craft, technique with steps, inheritor ------------------------------------------------
    r = cur.call("POST", "/api/v1/crafts", 201, data={
        "name": "缂丝", "name_en": "Kesi", "slug": "kesi", "category": "craftsmanship", "region": "江苏省苏州市",
        "description": "通经断纬的丝织技艺。"})
    assert r["Location"] == "/api/v1/crafts/kesi" and cur.call("GET", r["Location"], 200).json()["slug"] == "kesi"
    r = cur.call("POST", "/api/v1/techniques", 201, data={
        "craft": "kesi", "name": "掼", "slug": "kesi-guan", "summary": "以梭子掼紧纬线。",
        "steps": [{"title": "起头", "description": "梭子穿过经线,拨子掼紧纬线,纬线间距一毫米。"},
                  {"title": "掼紧", "description": "右手持拨子,自上而下掼三次。", "parameters": {"spacing_mm": 1}}]})
    technique = cur.call("GET", r["Location"], 200).json()
    assert [s["title"] for s in technique["steps"]] == ["起头", "掼紧"]
    # steps read back may be sent back (README): the same list keeps its rows
    r = cur.call("PATCH", "/api/v1/techniques/kesi-guan", 200, data={"steps": technique["steps"]})
    assert [s["id"] for s in r.json()["steps"]] == [s["id"] for s in technique["steps"]]
    r = cur.call("POST", "/api/v1/inheritors", 201, data={
        "craft": "kesi", "name": "王金山", "level": "national", "birth_year": 1939})
    inheritor = r.json()
    assert r["Location"] == f"/api/v1/inheritors/{inheritor['id']}"
    r = cur.call("POST", f"/api/v1/inheritors/{inheritor['id']}/account", 201, data={"username": "wang-kesi"})
    account = r.json()
    assert account["signer_change_pending"] is True and account["set_password_url"]
    # screens (README): a second curator confirms the signing account; the inheritor sets a password by the link
    from archive.models import SignerChange

    change = SignerChange.objects.get(inheritor_id=inheritor["id"])
    client.force_login(people.second_curator)
    client.post(f"/curator/inheritors/{inheritor['id']}/signer-changes/{change.pk}/", {"decision": "confirm"})
    client.logout()
    page = client.get(urlsplit(account["set_password_url"]).path, follow=True)
    set_url = page.redirect_chain[-1][0] if page.redirect_chain else urlsplit(account["set_password_url"]).path
    client.post(set_url, {"new_password1": "inheritor-pass-2024!", "new_password2": "inheritor-pass-2024!"})
    inh = login("wang-kesi", "inheritor-pass-2024!")

    # --- a recording with consent, and its transcript in each documented format ---------------------------
    r = cur.call("POST", "/api/v1/recordings", 201, data={
        "craft": "kesi", "technique": "kesi-guan", "title": "掼的手法", "speaker": inheritor["id"],
        "interviewer": "研究员", "recorded_on": "2024-03-01", "place": "苏州", "consent_scope": "generation",
        "consent_date": "2024-03-01", "media_reference": "馆藏 R-1"})
    recording = r.json()
    assert r["Location"] == f"/api/v1/recordings/{recording['id']}"
    transcript = f"/api/v1/recordings/{recording['id']}/transcript"
    assert cur.call("POST", transcript, 200, data={"text": "纬线间距一毫米。\n经线不能松。"}).json() == {"segments": 2}
    assert cur.call("POST", transcript, 200, data={"webvtt": VTT, "mode": "replace"}).json() == {"segments": 2}
    appended = "WEBVTT\n\n00:00:12.000 --> 00:00:15.000\n王师傅:最后收梭。\n"
    assert cur.call("POST", transcript, 200, data={"webvtt": appended, "mode": "append"}).json() == {"segments": 3}  # the transcript's, after
    detail = cur.call("GET", f"/api/v1/recordings/{recording['id']}", 200).json()
    assert [s["start_ms"] for s in detail["segments"]] == [0, 6000, 12000]
    # a big document runs as a task: 202 with its status to poll
    settings.HERITAGE_TRANSCRIPT_INLINE_KB = 1
    big = "WEBVTT\n\n" + "".join(f"00:{i // 60:02d}:{i % 60:02d}.000 --> 00:{i // 60:02d}:{i % 60:02d}.900\n第{i}句,纬线掼紧。\n\n"
                                 for i in range(100))
    with mock.patch("archive.tasks.transcript_import_run.delay") as delay, \
            django_capture_on_commit_callbacks(execute=True):
        r = cur.call("POST", transcript, 202, data={"webvtt": big, "mode": "replace"})
    status_url = r["Location"]
    assert r.json()["status"] == "queued" and urlsplit(r.json()["url"]).path == urlsplit(status_url).path
    from archive.services import transcript_import_job_run

    transcript_import_job_run(job_id=delay.call_args.args[0])
    done = cur.call("GET", status_url, 200).json()
    assert (done["status"], done["progress"], done["segments"]) == ("succeeded", 100, 100)
    settings.HERITAGE_TRANSCRIPT_INLINE_KB = 512
    cur.call("POST", transcript, 200, data={"webvtt": VTT, "mode": "replace"})
    text = "".join(s["text"] for s in cur.call("GET", f"/api/v1/recordings/{recording['id']}", 200).json()["segments"])

    # --- normalization and generation: a task from the transcript span, run, polled -----------------------
    body = {"input": {"recording": recording["id"], "start": 0, "end": min(len(text), 30), "technique": "kesi-guan",
                      "step": 1}, "parameters": {"duration": 1, "steps": 2, "resolution": "480p"}}
    with django_capture_on_commit_callbacks():
        r = cur.call("POST", "/api/v1/generation-tasks", 202, data=body, HTTP_IDEMPOTENCY_KEY="walk-1")
    task = r.json()
    assert r["Location"] == f"/api/v1/generation-tasks/{task['id']}" and task["status"] == "queued"
    again = cur.call("POST", "/api/v1/generation-tasks", 202, data=body, HTTP_IDEMPOTENCY_KEY="walk-1")
    assert again.json()["id"] == task["id"] and again["Idempotent-Replayed"] == "true"
    assert again["Location"] == r["Location"]
    other = cur.call("POST", "/api/v1/generation-tasks", None, data={**body, "parameters": {"duration": 2}},
                     HTTP_IDEMPOTENCY_KEY="walk-1")
    assert_error(other, 409, "idempotency_conflict")
    polled = cur.call("GET", f"/api/v1/generation-tasks/{task['id']}", 200).json()
    assert polled["progress"]["step"] == 0 and polled["progress"]["total"] == 2
    assert job_services.job_execute(job_id=task["id"], runtime=runtime).status == "succeeded"
    polled = cur.call("GET", f"/api/v1/generation-tasks/{task['id']}", 200).json()
    assert polled["status"] == "succeeded" and polled["progress"]["step"] == polled["progress"]["total"] == 2
    # post-processing still runs: the README's poll-until-ready_for_review, and the 409 before it
    assert (polled["output"]["postprocessing"], polled["output"]["ready_for_review"]) == ("pending", False)
    clip_id = polled["output"]["clip"]
    r = cur.call("POST", "/api/v1/reviews", 201, data={"clip": clip_id})
    review = r.json()
    assert r["Location"] == f"/api/v1/reviews/{review['id']}"
    early = cur.call("POST", f"/api/v1/reviews/{review['id']}/submit")
    assert_error(early, 409, "postprocessing_pending")
    assert int(early["Retry-After"]) > 0
    from generation.postprocess.models import MediaJob
    from generation.postprocess.tasks import postprocess_clip

    media_job = MediaJob.objects.get(clip_id=clip_id)  # the media worker's part
    postprocess_clip(clip_id, media_job_id=media_job.pk, **{k: v for k, v in media_job.options.items()})
    polled = cur.call("GET", f"/api/v1/generation-tasks/{task['id']}", 200).json()
    assert (polled["output"]["postprocessing"], polled["output"]["ready_for_review"]) == ("done", True), polled
    # the task's media, served to the same token
    media = cur.call("GET", f"/api/v1/generation-tasks/{task['id']}/media/video", 200)
    assert media["Content-Type"] == "video/mp4"

    # list, filter, page, search: tasks and the archive
    listed = cur.call("GET", "/api/v1/generation-tasks?technique=kesi-guan&status=succeeded&page_size=1", 200).json()
    assert listed["count"] == 1 and listed["results"][0]["id"] == task["id"]
    assert cur.call("GET", "/api/v1/generation-tasks?mine=true&page=last", 200).json()["count"] == 1
    assert cur.call("GET", "/api/v1/crafts?q=缂丝", 200).json()["count"] == 1
    assert cur.call("GET", "/api/v1/crafts?category=craftsmanship&page_size=100", 200).json()["count"] >= 1
    assert cur.call("GET", "/api/v1/techniques?craft=kesi", 200).json()["count"] == 1
    assert cur.call("GET", "/api/v1/inheritors?craft=kesi&level=national", 200).json()["count"] == 1
    assert cur.call("GET", "/api/v1/recordings?craft=kesi&technique=kesi-guan", 200).json()["count"] == 1
    assert "segments" not in cur.call("GET", "/api/v1/recordings?craft=kesi", 200).json()["results"][0]
    assert cur.call("GET", "/api/v1/recordings?q=掼", 200).json()["count"] == 1
    assert cur.call("GET", "/api/v1/techniques?craft=", 200).json()["count"] == 1  # empty reads as not given

    # --- review: open, submit; reviewer comments and approves; the inheritor signs; archive ---------------
    assert cur.call("POST", f"/api/v1/reviews/{review['id']}/submit", 200).json()["state"] == "in_review"
    rev = login("walk-reviewer", "walk-pass-2024!")
    inbox = rev.call("GET", "/api/v1/reviews?state=in_review", 200).json()
    assert [x["id"] for x in inbox["results"]] == [review["id"]]
    comment = rev.call("POST", f"/api/v1/reviews/{review['id']}/comment", 201,
                       data={"text": "纬线掼紧的动作清楚。", "at_ms": 500}).json()
    assert comment["text"] == "纬线掼紧的动作清楚。"
    threads = rev.call("GET", f"/api/v1/reviews/{review['id']}/comments", 200).json()
    assert threads["count"] == 1
    rev.call("POST", f"/api/v1/reviews/{review['id']}/approve", 201, data={"text": "通过。"})
    detail = inh.call("GET", f"/api/v1/reviews/{review['id']}", 200).json()
    summary = detail["public_summary"]
    assert "基于王金山口述重构" in summary["attribution"], summary
    signed = inh.call("POST", f"/api/v1/reviews/{review['id']}/sign", 200, data={
        "sha256": summary["clip_sha256"], "attribution": summary["attribution"], "comment": "同意"}).json()
    assert signed["state"] == "approved"
    r = cur.call("POST", f"/api/v1/reviews/{review['id']}/archive", 201)
    record = r.json()
    assert r["Location"] == f"/api/v1/archive-records/{record['id']}"
    assert "王金山" in record["attribution"] and record["public"] is True

    # --- a narration (口述影像, S2V): the recording's audio and the inheritor's portrait, uploaded as forms --------
    from tests.s2v_fixtures import write_portrait, write_speech_wav

    wav = write_speech_wav(tmp_path / "talk.wav", seconds=6.0)
    with open(wav, "rb") as media:
        r = cur.call("POST", "/api/v1/recordings", 201, format="multipart", data={
            "craft": "kesi", "technique": "kesi-guan", "title": "王金山谈掼", "speaker": inheritor["id"],
            "interviewer": "研究员", "recorded_on": "2024-03-02", "place": "苏州", "consent_scope": "generation",
            "consent_date": "2024-03-02", "media": media})
    spoken = r.json()
    assert cur.call("POST", f"/api/v1/recordings/{spoken['id']}/transcript", 200,
                    data={"webvtt": "WEBVTT\n\n00:00:00.500 --> 00:00:02.000\n针要斜一点。\n\n"
                                    "00:00:02.500 --> 00:00:04.500\n大概三十度。\n"}).json() == {"segments": 2}
    face = write_portrait(tmp_path / "face.png", size=(96, 128))
    with open(face, "rb") as image:
        r = cur.call("POST", "/api/v1/portraits", 201, format="multipart", data={
            "inheritor": inheritor["id"], "title": "工作照", "image": image, "consent_scope": "public",
            "consent_given_by": "王金山", "consent_date": "2024-03-01"})
    portrait = r.json()
    assert r["Location"] == f"/api/v1/portraits/{portrait['id']}"
    assert cur.call("GET", f"/api/v1/portraits/{portrait['id']}/image", 200)["Content-Type"] == "image/png"
    assert cur.call("GET", f"/api/v1/portraits?inheritor={inheritor['id']}", 200).json()["count"] == 1
    segments = [s["id"] for s in cur.call("GET", f"/api/v1/recordings/{spoken['id']}", 200).json()["segments"]]
    with django_capture_on_commit_callbacks():
        r = cur.call("POST", "/api/v1/generation-tasks", 202, data={
            "input": {"portrait": portrait["id"], "recording": spoken["id"], "segments": segments},
            "parameters": {"seed": 9, "steps": 2}})
    narration = r.json()
    assert narration["input"]["kind"] == "s2v" and narration["input"]["audio_start_ms"] == 500
    assert cur.call("GET", r["Location"], 200).json()["status"] == "queued"
    r = cur.call("POST", f"/api/v1/generation-tasks/{narration['id']}/cancel", 202)
    assert r.json()["status"] in ("cancelled", "cancelling")
    listed = cur.call("GET", "/api/v1/generation-tasks?status=cancelled,cancelling&page_size=10", 200).json()
    assert [t["id"] for t in listed["results"]] == [narration["id"]]

    # --- the public: the record and the gallery's IIIF manifest -----------------------------------------
    public = Client()
    shown = public.call("GET", f"/api/v1/archive-records/{record['id']}", 200).json()
    assert shown["attribution"] == record["attribution"]
    assert "requested_by" not in json.dumps(shown["provenance"])  # no login names for the public
    assert shown["technique"] == "kesi-guan"
    manifest = client.get(urlsplit(shown["manifest_url"]).path)
    assert manifest.status_code == 200 and "王金山" in manifest.content.decode()

    for who in (cur, rev, inh, public):
        problems += who.problems
    assert not problems, "\n".join(problems)


def test_the_documented_error_paths_each_answer_json_the_schema_documents(people, make_user, settings, craft):
    """Every documented 4xx, as a script meets it: JSON ``{"detail", "code"}`` (and the field's messages), with the
    status the schema documents for the operation."""
    from archive.models import Technique

    make_user("walk-inheritor", "inheritor", password="walk-pass-2024!")
    Technique.objects.create(craft=craft, name="正抢针", slug="zhengqiang")
    cur, rev = login("walk-curator", "walk-pass-2024!"), login("walk-reviewer", "walk-pass-2024!")
    inh, anon = login("walk-inheritor", "walk-pass-2024!"), Client()
    craft_body = {"name": "缂丝", "slug": "kesi", "category": "craftsmanship", "region": "苏州"}

    # authentication: none is a 401 (with WWW-Authenticate), a bad token a 401, a role without the right a 403
    for path in ("/api/v1/crafts", "/api/v1/reviews", "/api/v1/generation-tasks"):
        r = anon.call("GET", path)
        assert_error(r, 401, "not_authenticated")
        assert r["WWW-Authenticate"].startswith("Token")
    assert_error(Client("0" * 40).call("GET", "/api/v1/crafts"), 401, "authentication_failed")
    assert_error(anon.call("POST", "/api/v1/auth/token", data={"username": "walk-curator", "password": "x"}), 401,
                 "authentication_failed")
    assert_error(rev.call("POST", "/api/v1/crafts", data=craft_body), 403, "permission_denied")
    assert_error(inh.call("GET", "/api/v1/crafts"), 403, "permission_denied")

    # body rules: wrong content type, malformed JSON, unknown field, wrong enum, missing field, oversize
    r = cur.call("POST", "/api/v1/crafts", data="name=x", content_type="text/plain")
    assert_error(r, 415, "unsupported_media_type")
    r = cur.call("POST", "/api/v1/generation-tasks", data="input=x", content_type="application/x-www-form-urlencoded")
    assert_error(r, 415)
    assert_error(cur.call("POST", "/api/v1/crafts", data="{", content_type="application/json"), 400, "parse_error")
    body = assert_error(cur.call("POST", "/api/v1/crafts", data={**craft_body, "colour": "red"}), 400, field="colour")
    assert "name" in body["detail"], body  # naming the fields it has
    assert_error(cur.call("POST", "/api/v1/crafts", data={**craft_body, "category": "cooking"}), 400, field="category")
    assert_error(cur.call("POST", "/api/v1/crafts", data={"name": "缂丝"}), 400, field="slug")
    assert_error(cur.call("POST", "/api/v1/generation-tasks", data={"input": {"text": "拉线"},
                                                                     "parameters": {"resolution": "4k"}}),
                 400, field="parameters.resolution")
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    r = cur.call("POST", "/api/v1/crafts", data={**craft_body, "description": "长" * 4000})
    assert_error(r, 413, "too_large")
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
    assert cur.call("GET", "/api/v1/crafts/kesi").status_code == 404  # nothing saved

    # the services' own rules, as on the screens: a proxy without its document, a recording with neither file nor
    # reference, a technique of another craft
    body = assert_error(cur.call("POST", "/api/v1/inheritors", data={
        "craft": "suxiu", "name": "顾文霞", "level": "national", "status": "deceased", "proxy_name": "顾小霞",
        "proxy_relation": "女儿"}), 400)
    assert "proxy_document" in body, body
    recording = {"craft": "suxiu", "title": "口述", "speaker_name": "沈秀芬", "interviewer": "李", "place": "苏州",
                 "recorded_on": "2024-03-01", "consent_scope": "generation", "consent_date": "2024-03-01"}
    body = assert_error(cur.call("POST", "/api/v1/recordings", data=recording), 400)
    assert "media_reference" in body or "media" in body, body
    # uploads: a type not accepted 415 file_type, over the limit 413 file_size, content not its extension 400
    from django.core.files.uploadedfile import SimpleUploadedFile

    def upload(name, content):
        return cur.call("POST", "/api/v1/recordings", format="multipart",
                        data={**recording, "media": SimpleUploadedFile(name, content)})

    assert_error(upload("talk.exe", b"MZ" + b"0" * 100), 415, "file_type")
    assert_error(upload("talk.wav", b"this is no wave file" * 10), 400, "file_content", field="media")
    settings.MAX_UPLOAD_MB = 0
    assert_error(upload("talk.mp3", b"ID3" + b"0" * 2000), 413, "file_size")
    settings.MAX_UPLOAD_MB = 512
    assert cur.call("GET", "/api/v1/recordings", 200).json()["count"] == 0  # nothing saved
    # a name already taken: 409 unique; a delete with dependents: 409 protected, naming them
    assert_error(cur.call("POST", "/api/v1/crafts", data={**craft_body, "slug": "suxiu", "name": "苏绣"}), 409, "unique")
    r = cur.call("DELETE", "/api/v1/crafts/suxiu")
    assert_error(r, 409, "protected")
    assert r.json()["blockers"]

    # lists: past the end a 404, a page that is no page or a page size that is none a 400 naming it
    assert_error(cur.call("GET", "/api/v1/crafts?page=99"), 404)
    assert_error(cur.call("GET", "/api/v1/crafts?page=0"), 400, field=None)
    for query, name in (("page=abc", "page"), ("page_size=0", "page_size"), ("page_size=x", "page_size")):
        body = assert_error(cur.call("GET", f"/api/v1/crafts?{query}"), 400)
        assert name in body["detail"] or name in body, body
    assert_error(cur.call("GET", "/api/v1/reviews?state=lost"), 400)
    assert cur.call("GET", "/api/v1/crafts?page_size=1000", 200).json()["count"] == 1  # read as 100

    # unknown rows and paths: 404 JSON; a body naming a row that does not exist: 400 naming the field
    assert_error(cur.call("GET", "/api/v1/crafts/no-such"), 404, "not_found")
    assert_error(cur.http.get("/api/v1/no-such-collection"), 404, "not_found")
    assert_error(cur.call("POST", "/api/v1/techniques", data={"craft": "no-such", "name": "x", "slug": "x"}), 400,
                 field="craft")
    assert_error(cur.call("POST", "/api/v1/reviews", data={"clip": 999999}), 404)
    # a method the endpoint does not have: 405, never a 403
    # (no operation in the schema to compare with: the method is not one)
    assert_error(cur.http.delete("/api/v1/generation-tasks"), 405, "method_not_allowed")
    assert_error(rev.http.put("/api/v1/reviews", {}, format="json"), 405, "method_not_allowed")
    # Accept that the API cannot answer: 406
    assert_error(cur.call("GET", "/api/v1/crafts", HTTP_ACCEPT="text/csv"), 406, "not_acceptable")

    # idempotency: a bad key is a 400, a replay answers the first task, another body a 409
    assert_error(cur.call("POST", "/api/v1/generation-tasks", data={"input": {"text": "拉线。"}},
                          HTTP_IDEMPOTENCY_KEY="bad key\u00e9"), 400)
    first = cur.call("POST", "/api/v1/generation-tasks", 202, data={"input": {"text": "拉线。"}},
                     HTTP_IDEMPOTENCY_KEY="k-1")
    replay = cur.call("POST", "/api/v1/generation-tasks", 202, data={"input": {"text": "拉线。"}},
                      HTTP_IDEMPOTENCY_KEY="k-1")
    assert replay.json()["id"] == first.json()["id"] and replay["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert_error(cur.call("POST", "/api/v1/generation-tasks", data={"input": {"text": "收线。"}},
                          HTTP_IDEMPOTENCY_KEY="k-1"), 409, "idempotency_conflict")
    # another account's task: the same key is theirs to use; the task is not the reviewer's to cancel
    task = first.json()["id"]
    assert_error(rev.call("POST", f"/api/v1/generation-tasks/{task}/cancel"), 404, "not_found")  # as if none
    assert_error(inh.call("GET", f"/api/v1/generation-tasks/{task}"), 403, "permission_denied")  # no right at all

    # throttling: 429 with Retry-After, JSON
    from django.core.cache import cache

    cache.clear()  # the counts so far were made under the test settings' rate
    settings.HERITAGE_THROTTLE_RATES = {**settings.HERITAGE_THROTTLE_RATES, "user": "2/min"}
    cur.call("GET", "/api/v1/crafts")
    cur.call("GET", "/api/v1/crafts")
    r = cur.call("GET", "/api/v1/crafts")
    assert_error(r, 429, "throttled")
    assert int(r.get("Retry-After", 0)) > 0, (dict(r.items()), r.content)

    problems = cur.problems + rev.problems + inh.problems + anon.problems
    assert not problems, "\n".join(problems)


def test_an_operation_that_reads_no_body_refuses_a_body_key(rv, signed_review, archived_record, make_clip,
                                                             django_capture_on_commit_callbacks):
    """The README: "a body key the endpoint does not know is refused, naming the fields it has". An operation that
    reads no body (cancel, archive, export, resolve/reopen) or only some fields (the token) took any key and went
    on as if it were not there. Refused, nothing is done."""
    from rest_framework.authtoken.models import Token

    from archive.models import SignerChange
    from generation.models import GenerationJob
    from records.models import ArchiveRecord
    from review import services

    cur = Client(Token.objects.get_or_create(user=rv.curator)[0].key)
    rev = Client(Token.objects.get_or_create(user=rv.reviewer)[0].key)
    extra = {"zz_unknown": 1}
    r = Client().call("POST", "/api/v1/auth/token", data={"username": "curator1", "password": "pw-heritage-test",
                                                          **extra})
    assert_error(r, 400, field="zz_unknown")
    signed, record = signed_review(variant="a"), archived_record(variant="c")
    assert_error(cur.call("POST", f"/api/v1/reviews/{signed.pk}/archive", data=extra), 400, field="zz_unknown")
    assert ArchiveRecord.objects.count() == 1
    assert_error(cur.call("POST", f"/api/v1/archive-records/{record.pk}/export", data=extra), 400, field="zz_unknown")
    with django_capture_on_commit_callbacks():
        task = cur.call("POST", "/api/v1/generation-tasks", 202, data={"input": {"text": "拉线。"}}).json()["id"]
    assert_error(cur.call("POST", f"/api/v1/generation-tasks/{task}/cancel", data=extra), 400, field="zz_unknown")
    assert GenerationJob.objects.get(pk=task).status == "queued"
    assert_error(cur.call("POST", f"/api/v1/inheritors/{rv.inheritor.pk}/account/link", data=extra), 400,
                 field="zz_unknown")
    assert not SignerChange.objects.exists()
    review = services.review_open(clip=make_clip(variant="b"), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    comment = rev.call("POST", f"/api/v1/reviews/{review.pk}/comment", 201, data={"text": "好"}).json()["id"]
    for action in ("resolve", "reopen"):
        r = rev.call("POST", f"/api/v1/reviews/{review.pk}/comments/{comment}/{action}", data=extra)
        assert_error(r, 400, field="zz_unknown")
    assert not review.comments.get(pk=comment).resolved_at
    # the same operations with no body, or an empty one, go on
    assert cur.call("POST", f"/api/v1/generation-tasks/{task}/cancel", 202, data={}).json()["status"] == "cancelled"
    rev.call("POST", f"/api/v1/reviews/{review.pk}/comments/{comment}/resolve", 200)
    assert not (cur.problems + rev.problems), cur.problems + rev.problems
