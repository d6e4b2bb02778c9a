"""api8: rules on a field that OpenAPI has no keyword for, or that tie two fields together, are stated in the schema
as far as OpenAPI can (a minimum, the rule in words taken from where it lives) and answered with a 400 in the
documented error shape, naming the body field: a date after today (``archive.validators.validate_not_future``), a
consent date implausibly far from the interview (``Recording.CONSENT_SPAN_YEARS``), a transcript span whose end is
not after its start or past the transcript, a narration's audio span."""
import datetime as dt

import jsonschema
import pytest
from django.utils import timezone

from archive.models import Recording
from archive.validators import validate_not_future
from tests.test_api_paths import token_client

pytestmark = pytest.mark.django_db

NOT_FUTURE = str(validate_not_future.schema_note)


@pytest.fixture
def api_schema(rv):
    return token_client(rv.curator).get("/api/v1/schema?format=json").json()


def bad_request(api_schema, response) -> dict:
    """The 400's body, checked against the schema's ``BadRequest``."""
    assert response.status_code == 400, response.content[:300]
    body = response.json()
    jsonschema.Draft4Validator({**api_schema["components"]["schemas"]["BadRequest"],
                                "components": api_schema["components"]}).validate(body)
    return body


def body_properties(api_schema, path, method, media):
    node = api_schema["paths"][path][method]["requestBody"]["content"][media]["schema"]
    node = node["allOf"][0] if "allOf" in node and "properties" not in node else node
    if "$ref" in node:
        node = api_schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node["properties"]


@pytest.mark.parametrize("path, methods, fields", [
    ("/api/v1/recordings", ("post",), ("recorded_on", "consent_date")),
    ("/api/v1/recordings/{id}", ("put", "patch"), ("recorded_on", "consent_date")),
    ("/api/v1/footage", ("post",), ("recorded_on",)),
    ("/api/v1/footage/{id}", ("put", "patch"), ("recorded_on",)),
    ("/api/v1/portraits", ("post",), ("consent_date",)),
    ("/api/v1/portraits/{id}", ("put",), ("consent_date",)),
])
def test_every_body_with_a_date_of_the_past_says_so(api_schema, path, methods, fields):
    for method in methods:
        for media in api_schema["paths"][path][method]["requestBody"]["content"]:
            props = body_properties(api_schema, path, method, media)
            for field in fields:
                assert props[field]["format"] == "date" and NOT_FUTURE in props[field]["description"], \
                    (path, method, media, field)


def recording_body(**extra):
    return {"craft": "suxiu", "title": "访谈", "interviewer": "研究员", "recorded_on": "2024-03-01", "place": "苏州",
            "consent_scope": "generation", "consent_date": "2024-03-01", "media_reference": "馆藏 A-1",
            "speaker_name": "沈寿", **extra}


def test_a_date_after_today_is_a_400_naming_the_field_on_every_write(api_schema, rv):
    c = token_client(rv.curator)
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    footage = {"technique": "zhengqiang", "title": "起针", "credit": "研究所", "reference": "F-1"}
    created = c.post("/api/v1/footage", footage, format="json").json()
    for method, path, body, field in [
        ("post", "/api/v1/recordings", recording_body(recorded_on=tomorrow), "recorded_on"),
        ("post", "/api/v1/recordings", recording_body(consent_date=tomorrow), "consent_date"),
        ("patch", f"/api/v1/recordings/{rv.recording.pk}", {"recorded_on": tomorrow}, "recorded_on"),
        ("put", f"/api/v1/recordings/{rv.recording.pk}", recording_body(consent_date=tomorrow), "consent_date"),
        ("post", "/api/v1/footage", {**footage, "recorded_on": tomorrow}, "recorded_on"),
        ("patch", f"/api/v1/footage/{created['id']}", {"recorded_on": tomorrow}, "recorded_on"),
    ]:
        body = bad_request(api_schema, getattr(c, method)(path, body, format="json"))
        assert field in body and body["detail"].startswith(field), (method, path, body)
    response = c.post("/api/v1/portraits", {"inheritor": rv.inheritor.pk, "title": "像", "consent_date": tomorrow},
                      format="multipart")
    assert "consent_date" in bad_request(api_schema, response)


def test_a_consent_date_far_from_the_interview_is_stated_and_a_400_naming_it(api_schema, rv):
    years = Recording.CONSENT_SPAN_YEARS
    props = body_properties(api_schema, "/api/v1/recordings", "post", "application/json")
    assert f"{years} 年" in props["consent_date"]["description"]
    body = recording_body(recorded_on="1960-01-01", consent_date=f"{1960 + years + 1}-01-02")
    answer = bad_request(api_schema, token_client(rv.curator).post("/api/v1/recordings", body, format="json"))
    assert list(answer) == ["detail", "code", "consent_date"], answer


def test_the_400_shape_is_stated_detail_and_code_always_then_messages_by_field(api_schema):
    shape = api_schema["components"]["schemas"]["BadRequest"]
    assert shape["required"] == ["detail", "code"]
    check = jsonschema.Draft4Validator(shape)
    assert check.is_valid({"detail": "x", "code": "invalid", "title": ["必填"], "input": {"text": ["必填"]}})
    assert not check.is_valid({"title": ["必填"]})  # no detail, no code
    assert not check.is_valid({"detail": "x", "code": "invalid", "title": 3})


@pytest.fixture
def spoken(rv):
    from archive.models import TranscriptSegment

    TranscriptSegment.objects.create(recording=rv.recording, start_ms=0, end_ms=4000, text="针要斜一点进去。")
    return rv.recording


@pytest.mark.parametrize("span, field", [
    ({"start": 5, "end": 3}, "end"),  # the end not after the start
    ({"start": 2, "end": 999}, "end"),  # the end past the transcript
    ({"start": 400}, "start"),  # the start past the transcript (the end is the transcript's)
])
def test_a_transcript_span_that_is_no_span_is_a_400_naming_the_offset(api_schema, rv, spoken, span, field):
    response = token_client(rv.curator).post("/api/v1/generation-tasks", {"input": {"recording": spoken.pk, **span}},
                                             format="json")
    body = bad_request(api_schema, response)
    assert list(body["input"]) == [field] and body["detail"].startswith(f"input.{field}:"), body


def test_a_narration_span_ends_after_it_starts_as_far_as_the_schema_can_say(api_schema, rv):
    s2v = api_schema["components"]["schemas"]["S2VInput"]["properties"]
    assert s2v["audio_start_ms"]["minimum"] == 0 and s2v["audio_end_ms"]["minimum"] == 1
    response = token_client(rv.curator).post("/api/v1/generation-tasks", {"input": {
        "portrait": 1, "recording": rv.recording.pk, "audio_start_ms": 0, "audio_end_ms": 0}}, format="json")
    assert "audio_end_ms" in bad_request(api_schema, response)["input"]


def test_a_task_names_the_one_model_the_server_runs_in_the_schema(api_schema, rv, settings):
    """api8: ``model`` was any text in the schema, and every other value than the server's preset a 400."""
    components = api_schema["components"]["schemas"]
    assert components["TaskCreate"]["properties"]["model"]["enum"] == [settings.ENGINE_PRESET]
    assert components["S2VTaskCreate"]["properties"]["model"]["enum"] == [settings.S2V_PRESET]
    c = token_client(rv.curator)
    body = bad_request(api_schema, c.post("/api/v1/generation-tasks", {"model": "other", "input": {"text": "起针"}},
                                          format="json"))
    assert "model" in body
    ok = c.post("/api/v1/generation-tasks", {"model": settings.ENGINE_PRESET, "input": {"text": "起针"}}, format="json")
    assert ok.status_code == 202, ok.content


def test_at_most_one_step_cache_is_in_the_schema_as_the_server_reads_it(api_schema, rv):
    """api8: ``fast`` with two step caches was schema-valid and a 400 (``parameters.resolve``): the schema says it
    (``generation.parameters.CACHE_MODES``, without ``contains``, which OpenAPI 3.0 lacks)."""
    from generation.engine.config import CACHE_MODES

    node = {**api_schema["components"]["schemas"]["TaskParameters"]["properties"]["fast"],
            "components": api_schema["components"]}
    check = jsonschema.Draft4Validator(node)
    assert len(CACHE_MODES) >= 2
    c = token_client(rv.curator)
    for fast in ([], ["fp8"], [CACHE_MODES[0]], [CACHE_MODES[0], "fp8"], list(CACHE_MODES[:2])):
        ok = len(set(fast) & set(CACHE_MODES)) <= 1
        assert check.is_valid(fast) is ok, fast
        response = c.post("/api/v1/generation-tasks", {"input": {"text": "起针"}, "parameters": {"fast": fast}},
                          format="json")
        if ok:
            assert response.status_code != 400 or "fast" not in response.json().get("parameters", {}), response.content
        else:
            assert "fast" in bad_request(api_schema, response)["parameters"]
