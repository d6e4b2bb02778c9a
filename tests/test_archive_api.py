"""Archive REST API: read for curators/reviewers, transcript import for curators; a malformed WebVTT
answers 400 naming the line, and the saved transcript is unchanged. A big import goes through the same
task and status row as the curator form (202 and a pollable status)."""
import pytest
from rest_framework.authtoken.models import Token

from tests.archive_fixtures import segments_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def _as(user):
        token, _ = Token.objects.get_or_create(user=user)
        return {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    return _as


def test_read_endpoints(client, api, make_user, technique, recording):
    h = api(make_user("rev", "reviewer"))
    r = client.get("/api/v1/crafts?q=苏州", **h)
    assert r.status_code == 200 and r.json()["results"][0]["slug"] == "suxiu"
    r = client.get("/api/v1/techniques/suxiu-zhengqiang", **h)
    assert [s["title"] for s in r.json()["steps"]] == ["劈丝", "起针", "收针"]
    r = client.get(f"/api/v1/recordings/{recording.pk}", **h)
    assert r.json()["segments"][1]["text"] == "针要斜一点,大概三十度。"
    recording.consent_scope = "archive"
    recording.save()
    assert client.get(f"/api/v1/recordings/{recording.pk}", **h).json()["segments"] is None
    assert client.get("/api/v1/crafts").status_code in (401, 403)
    assert client.get("/api/v1/crafts", **api(make_user("inh", "inheritor"))).status_code == 403


def test_transcript_import(client, api, make_user, curator, recording):
    url = f"/api/v1/recordings/{recording.pk}/transcript"
    good = "WEBVTT\n\n00:00:20.000 --> 00:00:24.000\n<v 沈秀芬>不然容易断。\n"
    assert client.post(url, {"webvtt": good}, content_type="application/json",
                       **api(make_user("rev", "reviewer"))).status_code == 403
    h = api(curator)
    r = client.post(url, {"webvtt": good, "mode": "append"}, content_type="application/json", **h)
    assert r.status_code == 200 and r.json() == {"segments": 3}  # the transcript's after the import, not the 1 added
    # ... which the schema says (found by a script client: `{"segments": n}` read as the segments imported)
    import json

    schemas = json.loads(client.get("/api/v1/schema?format=json").content)["components"]["schemas"]
    for name in ("TranscriptImportResult", "TranscriptImportJob"):
        assert "导入后" in schemas[name]["properties"]["segments"].get("description", ""), name
    before = segments_of(recording)
    bad = "WEBVTT\n\n00:00:30.000 --> 00:00:29.000\n倒过来了\n"
    r = client.post(url, {"webvtt": bad}, content_type="application/json", **h)
    assert r.status_code == 400 and r.json()["line"] == 3 and "早于或等于开始时间" in r.json()["detail"]
    assert r.json()["code"] == "invalid"
    r = client.post(url, {"webvtt": good, "mode": "append"}, content_type="application/json", **h)
    assert r.status_code == 400 and "时间重叠" in r.json()["detail"]
    r = client.post(url, {"mode": "sideways"}, content_type="application/json", **h)
    assert r.status_code == 400 and "mode" in r.json() and r.json()["code"] == "invalid"
    assert segments_of(recording) == before


def big_webvtt(n: int = 300, *, bad_last: bool = False) -> str:
    cues = "".join(f"{i // 60:02d}:{i % 60:02d}.000 --> {i // 60:02d}:{i % 60:02d}.900\n第{i}句,针脚要齐。\n\n"
                   for i in range(n))
    return "WEBVTT\n\n" + cues + ("59:05.000 --> 59:04.000\n倒了\n" if bad_last else "")


def test_big_transcript_import_answers_202_and_runs_as_the_forms_task(client, api, make_user, curator, recording,
                                                                      settings, django_capture_on_commit_callbacks):
    """Over HERITAGE_TRANSCRIPT_INLINE_KB the API queues the same TranscriptImportJob the form does; the
    status resource follows it until the task has imported the whole document."""
    from unittest import mock

    from archive.models import TranscriptImportJob
    from archive.services import transcript_import_job_run

    settings.HERITAGE_TRANSCRIPT_INLINE_KB = 1
    url, h = f"/api/v1/recordings/{recording.pk}/transcript", api(curator)
    before = segments_of(recording)
    with mock.patch("archive.tasks.transcript_import_run.delay") as delay, \
            django_capture_on_commit_callbacks(execute=True):
        r = client.post(url, {"webvtt": big_webvtt(), "mode": "replace"}, content_type="application/json", **h)
    job = TranscriptImportJob.objects.get()
    assert r.status_code == 202, r.content
    body = r.json()
    assert (body["id"], body["status"], body["mode"], body["recording"]) == (job.pk, "queued", "replace", recording.pk)
    assert r["Location"] == body["url"] == f"/api/v1/recordings/{recording.pk}/transcript/imports/{job.pk}"
    delay.assert_called_once_with(job.pk)
    assert segments_of(recording) == before  # nothing imported inside the request
    assert client.get(body["url"], **api(make_user("rev", "reviewer"))).status_code == 403
    assert client.get(f"/api/v1/recordings/{recording.pk + 1}/transcript/imports/{job.pk}", **h).status_code == 404
    assert client.get(body["url"], **h).json()["status"] == "queued"
    assert transcript_import_job_run(job_id=job.pk) == "succeeded"
    done = client.get(body["url"], **h).json()
    assert (done["status"], done["progress"], done["segments"], done["error"]) == ("succeeded", 100, 300, "")
    assert recording.segments.count() == 300


def test_big_bad_transcript_import_fails_its_job_and_changes_nothing(client, api, curator, recording, settings,
                                                                    django_capture_on_commit_callbacks):
    from unittest import mock

    from archive.services import transcript_import_job_run

    settings.HERITAGE_TRANSCRIPT_INLINE_KB = 1
    before = segments_of(recording)
    h = api(curator)
    with mock.patch("archive.tasks.transcript_import_run.delay"), django_capture_on_commit_callbacks(execute=True):
        r = client.post(f"/api/v1/recordings/{recording.pk}/transcript", {"webvtt": big_webvtt(bad_last=True)},
                        content_type="application/json", **h)
    assert r.status_code == 202
    assert transcript_import_job_run(job_id=r.json()["id"]) == "failed"
    failed = client.get(r.json()["url"], **h).json()
    assert failed["status"] == "failed" and "第 903 行" in failed["error"] and "早于或等于开始时间" in failed["error"]
    assert segments_of(recording) == before


def test_form_and_api_share_the_size_rule(client, curator_client, api, curator, recording, settings,
                                          django_capture_on_commit_callbacks):
    """One threshold for both: a document just under it is imported in the request by the form and the API
    alike, one byte more is queued by both."""
    from unittest import mock

    from django.core.files.uploadedfile import SimpleUploadedFile

    from archive.models import TranscriptImportJob
    from archive.services import transcript_import_is_big

    doc = big_webvtt(40)
    settings.HERITAGE_TRANSCRIPT_INLINE_KB = 1
    size = len(doc.encode())
    assert size > 1024
    h = api(curator)
    for limit_bytes, queued in ((size, False), (size - 1, True)):
        settings.HERITAGE_TRANSCRIPT_INLINE_KB = limit_bytes / 1024
        assert transcript_import_is_big(doc) is queued
        with mock.patch("archive.tasks.transcript_import_run.delay"), django_capture_on_commit_callbacks(execute=True):
            r_api = client.post(f"/api/v1/recordings/{recording.pk}/transcript", {"webvtt": doc},
                                content_type="application/json", **h)
            r_form = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                                         {"file": SimpleUploadedFile("t.vtt", doc.encode()), "mode": "replace",
                                          "confirm_replace": "on"})
        assert r_api.status_code == (202 if queued else 200), r_api.content
        assert ("/transcript/import/" in r_form["Location"]) is queued and r_form.status_code == 302
        assert TranscriptImportJob.objects.count() == (2 if queued else 0)


def test_archive_schema_builds_without_warnings_and_documents_uploads_and_202():
    from django.urls import include, path
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    GENERATOR_STATS.reset()
    schema = SchemaGenerator(patterns=[path("api/v1/", include("archive.api.urls"))]).get_schema(public=True)
    validate_schema(schema)
    assert not GENERATOR_STATS, "schema warnings/errors for the archive API (see captured stderr)"
    paths, components = schema["paths"], schema["components"]["schemas"]
    for route, method in (("/api/v1/portraits", "post"), ("/api/v1/portraits/{id}", "put")):
        body = paths[route][method]["requestBody"]["content"]
        assert list(body) == ["multipart/form-data"]
    assert components["PortraitUpload"]["properties"]["image"]["format"] == "binary"
    assert "202" in paths["/api/v1/recordings/{id}/transcript"]["post"]["responses"]
    assert "/api/v1/recordings/{id}/transcript/imports/{job_id}" in paths


def test_out_of_range_ids_are_404_not_500(client, api, curator):
    h, huge = api(curator), 2**70
    assert client.get(f"/api/v1/recordings/{huge}/transcript/imports/{huge}", **h).status_code == 404
    assert client.get(f"/api/v1/recordings/{huge}/transcript/imports/1", **h).status_code == 404
    assert client.post(f"/api/v1/recordings/{huge}/transcript", {"webvtt": "WEBVTT\n"},
                       content_type="application/json", **h).status_code == 404


def test_plain_text_transcript_import_uses_the_forms_txt_parser(client, api, curator, recording):
    """``text`` takes the same plain-text format as the curator form's .txt upload (one line per segment; the
    export's ``[00:00:05.000] 说话人:`` prefix keeps time and speaker); exactly one of ``webvtt`` and ``text``."""
    url, h = f"/api/v1/recordings/{recording.pk}/transcript", api(curator)
    r = client.post(url, {"text": "[00:00:02.000] 沈秀芬:先劈丝。\n再穿针。\n", "mode": "replace"},
                    content_type="application/json", **h)
    assert r.status_code == 200, r.content
    assert r.json() == {"segments": 2}
    assert segments_of(recording) == [(2000, 7000, "先劈丝。"), (7000, 12000, "再穿针。")]
    before = segments_of(recording)
    both = client.post(url, {"text": "一句。", "webvtt": "WEBVTT\n"}, content_type="application/json", **h)
    neither = client.post(url, {"mode": "append"}, content_type="application/json", **h)
    empty = client.post(url, {"text": "\n\n"}, content_type="application/json", **h)
    for r in (both, neither, empty):
        assert r.status_code == 400 and r.json()["code"] == "invalid", r.content
    assert segments_of(recording) == before


def test_a_body_over_the_request_limit_is_a_json_413_and_changes_nothing(client, api, curator, recording, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    before = segments_of(recording)
    r = client.post(f"/api/v1/recordings/{recording.pk}/transcript", {"text": "很长的一句。" * 400},
                    content_type="application/json", **api(curator))
    assert r.status_code == 413, r.content
    assert r.json()["code"] == "too_large" and "1 KB" in r.json()["detail"]
    assert segments_of(recording) == before


def test_a_transcript_over_its_size_limit_is_a_413_as_an_upload_over_its_limit_is(client, api, curator, recording):
    """A document within the request limit but over the transcript's own (``MAX_TRANSCRIPT_FILE_MB``, 5 MB) is
    refused like every upload over its limit (``heritage.errors.service_refusal``): 413 ``too_large``."""
    import json

    from archive.services import MAX_TRANSCRIPT_FILE_MB

    before = segments_of(recording)
    text = "很" * (MAX_TRANSCRIPT_FILE_MB * 1024 * 1024 // 3 + 1)  # within the field's length, over 5 MB as UTF-8
    r = client.post(f"/api/v1/recordings/{recording.pk}/transcript",
                    json.dumps({"text": text}, ensure_ascii=False).encode(), content_type="application/json",
                    **api(curator))
    assert r.status_code == 413 and r.json()["code"] == "too_large", r.content[:300]
    assert f"{MAX_TRANSCRIPT_FILE_MB} MB" in r.json()["detail"]
    assert segments_of(recording) == before


def test_a_body_over_the_request_limit_is_a_json_413_with_debug_on_too(client, api, curator, recording, settings):
    """With DEBUG on Django would answer the SuspiciousOperation with its debug page; the API view reads the
    body, so its exception handler answers the JSON 413 first."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE, settings.DEBUG = 1024, True
    r = client.post(f"/api/v1/recordings/{recording.pk}/transcript", {"text": "很长的一句。" * 400},
                    content_type="application/json", **api(curator))
    assert r.status_code == 413 and r["Content-Type"].startswith("application/json"), r.content[:200]
    assert r.json()["code"] == "too_large"


def test_an_unknown_field_in_a_transcript_import_is_a_400_and_the_transcript_stays(client, api, curator, recording):
    """A script's typo ("mod" for "mode") used to be dropped, so its append became the default replace and
    the saved transcript was lost. An unknown key is refused, named, with the fields there are; the schema
    documents the body as closed."""
    before = segments_of(recording)
    assert before
    url = f"/api/v1/recordings/{recording.pk}/transcript"
    good = "WEBVTT\n\n00:00:20.000 --> 00:00:24.000\n<v 沈秀芬>不然容易断。\n"
    r = client.post(url, {"webvtt": good, "mod": "append"}, content_type="application/json", **api(curator))
    assert r.status_code == 400, r.content
    body = r.json()
    assert body["code"] == "invalid" and "mod" in body and "mode" in body["mod"][0] and "mod:" in body["detail"]
    assert segments_of(recording) == before
    schema = client.get("/api/v1/schema/?format=json").json()
    assert schema["components"]["schemas"]["TranscriptImport"]["additionalProperties"] is False


def test_inheritors_and_recordings_can_be_listed_paged_and_filtered(client, api, make_user, craft, technique,
                                                                   recording):
    """A script could read a recording only by guessing its id: there was no list of recordings or inheritors."""
    import datetime as dt

    from archive.models import Craft, Inheritor, Recording

    other = Craft.objects.create(name="景泰蓝", slug="jingtailan", category=craft.category, region="北京市")
    Inheritor.objects.create(craft=craft, name="沈秀芬", level="national")
    Inheritor.objects.create(craft=other, name="张同禄", level="provincial")
    for i in range(3):
        Recording.objects.create(craft=other, title=f"掐丝口述{i}", speaker_name="张同禄", interviewer="研究员",
                                 recorded_on=dt.date(2020, 1, 1 + i), place="北京", consent_scope="archive",
                                 consent_date=dt.date(2020, 1, 1))
    recording.technique = technique
    recording.save()
    h = api(make_user("rev", "reviewer"))
    body = client.get("/api/v1/recordings?page_size=2", **h).json()
    assert body["count"] == 4 and len(body["results"]) == 2 and "page_size=2" in body["next"]
    assert "segments" not in body["results"][0] and body["results"][0]["url"].startswith("/api/v1/recordings/")
    mine = client.get("/api/v1/recordings?craft=suxiu&technique=suxiu-zhengqiang", **h).json()["results"]
    assert [(r["id"], r["segment_count"], r["title"]) for r in mine] == [(recording.pk, 2, "正抢针口述")]
    assert client.get("/api/v1/recordings?craft=nope", **h).json()["count"] == 0
    names = [i["name"] for i in client.get("/api/v1/inheritors?craft=jingtailan", **h).json()["results"]]
    assert names == ["张同禄"]
    assert client.get("/api/v1/inheritors?level=national", **h).json()["results"][0]["craft"] == "suxiu"
    assert [t["slug"] for t in client.get("/api/v1/techniques?craft=jingtailan", **h).json()["results"]] == []
    root = client.get("/api/v1/").json()["links"]
    assert root["recordings"].endswith("/api/v1/recordings") and root["inheritors"].endswith("/api/v1/inheritors")
    assert client.get("/api/v1/recordings").status_code == 401
    assert client.get("/api/v1/inheritors", **api(make_user("inh", "inheritor"))).status_code == 403


def test_a_bad_portrait_filter_is_a_400_not_every_portrait(client, api, curator):
    """?inheritor=abc used to be ignored: the script got every inheritor's portraits as if they were one's."""
    r = client.get("/api/v1/portraits?inheritor=abc", **api(curator))
    assert r.status_code == 400 and r.json()["code"] == "invalid" and "inheritor" in r.json()["detail"]


def test_transcript_import_400_documents_the_field_keys_it_answers(client, api, curator, recording):
    """A malformed body answers ``mode: [...]`` (or ``webvtt``, ``non_field_errors``) next to detail/code; the
    documented 400 was closed to detail/code/line, so a strict client read those answers as off-schema."""
    import jsonschema

    h = api(curator)
    r = client.post(f"/api/v1/recordings/{recording.pk}/transcript", {"mode": "sideways"},
                    content_type="application/json", **h)
    assert r.status_code == 400 and "mode" in r.json()
    schema = client.get("/api/v1/schema/?format=json", **h).json()
    documented = schema["paths"]["/api/v1/recordings/{id}/transcript"]["post"]["responses"]["400"]
    node = documented["content"]["application/json"]["schema"]
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    closed = {**node, "additionalProperties": node.get("additionalProperties", False)}  # as a strict client reads it
    jsonschema.validate(r.json(), closed)
    assert "line" in node["properties"]


def test_a_recordings_segments_carry_the_ids_a_narration_task_takes(client, api, curator, recording):
    """S2V's ``input.segments`` takes transcript segment ids; a script reads them from ``GET recordings/<id>`` (found
    by a script client walking the README: the segments had no ``id``, so no script could name one)."""
    import json

    from archive.models import TranscriptSegment

    r = client.get(f"/api/v1/recordings/{recording.pk}", **api(curator))
    ids = list(TranscriptSegment.objects.filter(recording=recording).order_by("start_ms").values_list("pk", flat=True))
    assert [s["id"] for s in r.json()["segments"]] == ids
    schema = json.loads(client.get("/api/v1/schema?format=json").content)
    segments = schema["components"]["schemas"]["Recording"]["properties"]["segments"]
    assert segments.get("nullable") is True and segments["type"] == "array", segments
    item = segments["items"]
    item = schema["components"]["schemas"][item["$ref"].rsplit("/", 1)[1]] if "$ref" in item else item
    assert {"id", "start_ms", "end_ms", "speaker", "text"} <= set(item["properties"]), item


def test_an_unknown_craft_category_filter_is_a_400_naming_it_not_an_empty_list(client, api, curator, craft):
    """As ``inheritors?level=`` (``heritage.inputs.query_choice``): found by a script client, ``crafts?category=``
    with a misspelt code answered an empty list, and the schema gave no codes."""
    import json

    r = client.get("/api/v1/crafts?category=fine_art", **api(curator))
    assert r.status_code == 400 and "category" in r.json()["detail"] and "fine_arts" in r.json()["detail"], r.content
    assert client.get("/api/v1/crafts?category=fine_arts", **api(curator)).json()["count"] == 1
    schema = json.loads(client.get("/api/v1/schema?format=json").content)
    parameter = next(p for p in schema["paths"]["/api/v1/crafts"]["get"]["parameters"] if p["name"] == "category")
    assert "fine_arts" in parameter["schema"]["enum"], parameter
