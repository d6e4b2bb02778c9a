"""Bodies with "one of" rules say them in the schema (``heritage.schema.AnyOf``/``OneOf``/``Requires`` in a
serializer's ``body_rules``, stated by the ``error_responses`` hook as ``anyOf``/``oneOf`` of ``required``), so a
generated client or a fuzzer knows them: a body the schema refuses is a 400, one it accepts is not refused for
that rule. Before, the rules were in prose only and every such body was schema-valid."""
import jsonschema
import pytest

from tests.test_api_paths import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(rv):
    return token_client(rv.curator).get("/api/v1/schema?format=json").json()


def body_schema(schema, path, method, content="application/json"):
    return schema["paths"][path][method]["requestBody"]["content"][content]["schema"]


def valid(schema, node, body) -> bool:
    """``body`` against ``node`` ($refs resolved in the whole document)."""
    return jsonschema.Draft4Validator({**node, "components": schema["components"]}).is_valid(body)


def refused(schema, node, body) -> bool:
    return not valid(schema, node, body)


def recording(**extra):
    return {"craft": "suxiu", "title": "访谈", "interviewer": "研究员", "recorded_on": "2024-03-01", "place": "苏州",
            "consent_scope": "generation", "consent_date": "2024-03-01", **extra}


@pytest.mark.parametrize("body, ok", [
    (recording(), False),  # neither a file nor a reference; no speaker
    (recording(speaker_name="沈寿"), False),  # no file, no reference
    (recording(media_reference="馆藏 A-1"), False),  # nobody speaking
    (recording(media_reference="   ", speaker_name="沈寿"), False),  # an all-space reference is none
    (recording(media_reference="馆藏 A-1", speaker_name="  "), False),
    (recording(media_reference="馆藏 A-1", speaker_name="沈寿"), True),
])
def test_a_new_recording_needs_a_file_or_a_reference_and_a_speaker_or_a_name(schema, rv, body, ok):
    node = body_schema(schema, "/api/v1/recordings", "post")
    assert valid(schema, node, body) is ok
    response = token_client(rv.curator).post("/api/v1/recordings", body, format="json")
    assert (response.status_code == 201) is ok, response.content[:300]
    if not ok:
        assert response.status_code == 400


def test_a_put_keeps_what_it_leaves_out_so_its_schema_does_not_ask_for_a_file_again(schema, rv):
    """A PUT without ``media_reference`` keeps the stored one (the README): valid, and so is its body."""
    client = token_client(rv.curator)
    created = client.post("/api/v1/recordings", recording(media_reference="馆藏 A-1", speaker_name="沈寿"),
                          format="json").json()
    body = recording(speaker_name="沈寿", title="访谈二")
    assert valid(schema, body_schema(schema, "/api/v1/recordings/{id}", "put"), body)
    assert client.put(f"/api/v1/recordings/{created['id']}", body, format="json").status_code == 200


@pytest.mark.parametrize("body, ok", [
    ({"technique": "zhengqiang", "title": "起针", "credit": "研究所"}, False),
    ({"technique": "zhengqiang", "title": "起针", "credit": "研究所", "reference": " "}, False),
    ({"technique": "zhengqiang", "title": "起针", "credit": "研究所", "reference": "F-1"}, True),
])
def test_new_footage_needs_a_file_or_a_reference(schema, rv, body, ok):
    node = body_schema(schema, "/api/v1/footage", "post")
    assert valid(schema, node, body) is ok
    response = token_client(rv.curator).post("/api/v1/footage", body, format="json")
    assert response.status_code == (201 if ok else 400), response.content[:300]


@pytest.mark.parametrize("body, ok", [
    ({}, False), ({"webvtt": "WEBVTT\n", "text": "一行"}, False), ({"mode": "append"}, False),
    ({"text": "起针时针距两毫米"}, True),
])
def test_a_transcript_is_exactly_one_document(schema, rv, body, ok):
    node = body_schema(schema, "/api/v1/recordings/{id}/transcript", "post")
    assert valid(schema, node, body) is ok
    response = token_client(rv.curator).post(f"/api/v1/recordings/{rv.recording.pk}/transcript", body,
                                             format="json")
    assert response.status_code == (200 if ok else 400), response.content[:300]


@pytest.mark.parametrize("task", [
    {"input": {}}, {"input": {"camera": "close"}}, {"input": {"text": "   "}},
    {"input": {"text": "起针", "step": 1}},  # a step without its technique
    {"input": {"portrait": 1, "recording": 1}},  # narration: neither segments nor a start and an end
    {"input": {"portrait": 1, "recording": 1, "segments": []}},
    {"input": {"portrait": 1, "recording": 1, "audio_start_ms": 0}},
])
def test_a_generation_task_the_schema_refuses_is_a_400(schema, rv, task):
    node = body_schema(schema, "/api/v1/generation-tasks", "post")
    assert refused(schema, node, task)
    response = token_client(rv.curator).post("/api/v1/generation-tasks", task, format="json")
    assert response.status_code == 400, response.content[:300]


@pytest.mark.parametrize("task", [
    {"input": {"text": "起针"}}, {"input": {"technique": "zhengqiang", "step": 1}}, {"input": {"recording": 1}},
    {"input": {"portrait": 1, "recording": 1, "segments": [3]}},
    {"input": {"portrait": 1, "recording": 1, "audio_start_ms": 0, "audio_end_ms": 900}},
])
def test_generation_tasks_the_rules_allow_are_schema_valid(schema, task):
    assert valid(schema, body_schema(schema, "/api/v1/generation-tasks", "post"), task)


def test_an_empty_query_parameter_reads_as_not_given_and_the_schema_says_so(schema, rv):
    """api6: ``?retry_of=`` (and every optional query parameter given empty) is read as not given, by the one rule
    of ``heritage.inputs``; the schema said ``format: uuid`` only, so a fuzzer took the 200 for a malformed value
    accepted. Every optional query parameter now says ``allowEmptyValue``, and the API answers it so."""
    client = token_client(rv.curator)
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else ():
                if parameter["in"] == "query" and not parameter.get("required"):
                    assert parameter.get("allowEmptyValue") is True, (path, method, parameter["name"])
                    if method == "get" and "{" not in path:
                        response = client.get(f"{path}?{parameter['name']}=")
                        assert response.status_code == 200, (path, parameter["name"], response.content[:200])


@pytest.mark.parametrize("path, upload", [("/api/v1/recordings", "media"), ("/api/v1/footage", "file"),
                                          ("/api/v1/inheritors", "proxy_document")])
def test_a_json_body_is_not_offered_the_upload_fields(schema, rv, path, upload):
    """api6: JSON and multipart shared one body, so a JSON client (or a fuzzer) was offered ``media`` and got
    "not a file"; each media type has its own body now: the file only in multipart, and the body rule that a
    file satisfies asks JSON for the reference."""
    for method in ("post", "put", "patch"):
        item = schema["paths"][path if method == "post" else f"{path}/{{id}}"][method]["requestBody"]["content"]
        as_json = jsonschema_resolve(schema, item["application/json"]["schema"])
        as_form = jsonschema_resolve(schema, item["multipart/form-data"]["schema"])
        assert upload not in as_json["properties"] and upload in as_form["properties"], method
    node = body_schema(schema, "/api/v1/recordings", "post")
    assert refused(schema, node, recording(speaker_name="沈寿", media="a.mp3"))
    assert refused(schema, node, recording(speaker_name="沈寿"))  # JSON has no file: the reference is needed
    response = token_client(rv.curator).post("/api/v1/recordings", recording(speaker_name="沈寿", media="a.mp3"),
                                             format="json")
    assert response.status_code == 400


def jsonschema_resolve(schema, node):
    """The component a body refers to (directly or as the first part of ``allOf``), or the body itself where it is
    one object (a multipart body with rules)."""
    if "properties" in node:
        return node
    node = node["allOf"][0] if "allOf" in node else node
    return schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]


def test_a_form_body_offers_no_null(schema):
    """api6 (schemathesis against a live server): a multipart body was offered ``null`` for a nullable field, and
    a form can only send it as the text "null" (refused: "expected a primary key"); a form says none by leaving
    the field empty. The form media types' bodies say no ``nullable``; JSON's keep it."""
    for path, method in (("/api/v1/inheritors/{id}", "patch"), ("/api/v1/footage/{id}", "put"),
                         ("/api/v1/reviews/{id}/comment", "post")):
        content = schema["paths"][path][method]["requestBody"]["content"]
        as_form = jsonschema_resolve(schema, content["multipart/form-data"]["schema"])
        as_json = jsonschema_resolve(schema, content["application/json"]["schema"])
        assert not [k for k, v in as_form["properties"].items() if v.get("nullable")], path
        assert [k for k, v in as_json["properties"].items() if v.get("nullable")], path


@pytest.mark.parametrize("path, upload", [("/api/v1/recordings", "media"), ("/api/v1/footage", "file")])
def test_a_multipart_body_with_rules_sends_its_upload_as_a_file(schema, path, upload):
    """api7 (schemathesis ST202): a POST body with body rules was ``allOf`` of its component and the rules, so a
    generator found no ``properties`` on the body and sent the upload as a plain part without a filename (refused
    "not a file"). The multipart body is one object now, the rules beside its properties: schemathesis's own
    multipart encoding gives the upload a filename and the other fields none."""
    import schemathesis

    operation = schemathesis.openapi.from_dict(schema)[path]["POST"]
    node = body_schema(schema, path, "post", "multipart/form-data")
    assert node["properties"][upload]["format"] == "binary" and node["allOf"]
    files, _ = operation.schema.prepare_multipart({upload: b"ID3", "title": "t"}, operation, "multipart/form-data")
    parts = dict(files)
    assert parts[upload][0] and parts["title"][0] is None, parts
    as_json = body_schema(schema, path, "post")
    assert upload not in jsonschema_resolve(schema, as_json)["properties"]  # JSON keeps its own body


def test_the_birth_year_states_the_range_the_api_enforces(schema, rv):
    """api7 (schemathesis ST202): ``Inheritor.clean`` refuses a birth year before ``MIN_BIRTH_YEAR`` or after this
    year, and the schema said 0 to 2**63-1, so a fuzzer's 0 was a schema-valid body refused. The write bodies state
    the range from the same place (``archive.validators``); the API answers each edge as the schema says."""
    from django.utils import timezone

    from archive.validators import MIN_BIRTH_YEAR

    latest = timezone.localdate().year
    client = token_client(rv.curator)
    for path, method in (("/api/v1/inheritors", "post"), ("/api/v1/inheritors/{id}", "put"),
                         ("/api/v1/inheritors/{id}", "patch")):
        for media in ("application/json", "multipart/form-data"):
            prop = jsonschema_resolve(schema, body_schema(schema, path, method, media))["properties"]["birth_year"]
            assert (prop["minimum"], prop["maximum"]) == (MIN_BIRTH_YEAR, latest), (path, method, media)
    node = body_schema(schema, "/api/v1/inheritors", "post")
    for n, year in enumerate((MIN_BIRTH_YEAR - 1, MIN_BIRTH_YEAR, latest, latest + 1)):
        body = {"craft": rv.craft.slug, "name": f"传承人{n}", "level": "provincial", "birth_year": year}
        ok = valid(schema, node, body)
        assert ok is (MIN_BIRTH_YEAR <= year <= latest)
        response = client.post("/api/v1/inheritors", body, format="json")
        assert response.status_code == (201 if ok else 400), (year, response.content[:300])


def test_generation_parameters_state_the_ranges_the_resolver_enforces(schema, rv):
    """api7: ``generation.parameters.resolve`` refuses a seed, temperature, frame rate, step count or duration out
    of its range and a resolution the preset lacks, and the schema said so in prose only (a fuzzer's seed -1 or
    temperature 0 was schema-valid and refused). The schema states them from ``parameters.schema_limits``; a value
    just past each edge is refused by both, the edges themselves by neither."""
    from django.conf import settings

    from generation import parameters

    limits = parameters.schema_limits(settings.ENGINE_PRESET)
    props = schema["components"]["schemas"]["TaskParameters"]["properties"]
    node = body_schema(schema, "/api/v1/generation-tasks", "post")
    client = token_client(rv.curator)
    for name, stated in limits.items():
        assert {k: props[name][k] for k in stated} == stated, name
        if "not" in stated:  # a rule, not a range (at most one step cache): test_api_field_rules
            continue
        if "enum" in stated:
            edges = [(stated["enum"][0], True), ("1080p", False)]
        else:
            step = 1 if props[name]["type"] == "integer" else 0.01
            edges = [(stated["minimum"], True), (stated["maximum"], True),
                     (stated["minimum"] - step, False), (stated["maximum"] + step, False)]
        for value, ok in edges:
            task = {"input": {"text": "起针"}, "parameters": {name: value}}
            assert valid(schema, node, task) is ok, (name, value)
            if not ok:
                response = client.post("/api/v1/generation-tasks", task, format="json")
                assert response.status_code == 400, (name, value, response.content[:300])
                assert name in response.content.decode(), (name, value)


@pytest.mark.parametrize("method", ["put", "patch"])
@pytest.mark.parametrize("change, ok", [
    ({"speaker": None, "speaker_name": ""}, False),  # every alternative given as none: whatever the row holds
    ({"speaker": None, "speaker_name": "   "}, False),
    ({"speaker": None}, True),  # the row's speaker_name stays
    ({"speaker_name": ""}, True),  # the row's speaker stays (and names it)
    ({"speaker_name": "沈寿"}, True),
])
def test_a_put_or_patch_states_the_part_of_a_one_of_rule_that_holds_whatever_the_row_holds(schema, rv, method,
                                                                                           change, ok):
    """api8: PATCH bodies stated no rule at all (nor did PUT), so ``{"speaker": null, "speaker_name": ""}`` was
    schema-valid and always refused. A body that keeps what it leaves out cannot be asked for an alternative (the
    row may hold it), but it may not give every alternative as none: the schema says so (``not``), the server
    refuses it with a 400 naming the field; the file-or-reference rule (an empty file part is no file) stays the
    server's."""
    client = token_client(rv.curator)
    created = client.post("/api/v1/recordings", recording(media_reference="馆藏 A-1", speaker_name="沈寿",
                                                          speaker=rv.inheritor.pk), format="json").json()
    body = {**recording(), **change} if method == "put" else change
    node = body_schema(schema, "/api/v1/recordings/{id}", method)
    assert valid(with_nulls(schema), node, body) is ok
    response = getattr(client, method)(f"/api/v1/recordings/{created['id']}", body, format="json")
    assert response.status_code == (200 if ok else 400), response.content[:300]
    if not ok:
        assert "speaker_name" in response.json() and response.json()["code"]


def with_nulls(node):
    """The schema as JSON Schema reads OpenAPI 3.0's ``nullable`` (a typed node also takes null), so that a body
    with a null is judged as a client (schemathesis) judges it."""
    if isinstance(node, list):
        return [with_nulls(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: with_nulls(value) for key, value in node.items()}
    if node.pop("nullable", False):
        if isinstance(node.get("type"), str):
            node["type"] = [node["type"], "null"]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


def test_a_rule_a_file_satisfies_is_not_stated_on_a_put_or_patch(schema):
    """An empty file part changes nothing, so ``{"reference": ""}`` may be right (the row has a file): no ``not``."""
    for method in ("put", "patch"):
        node = body_schema(schema, "/api/v1/footage/{id}", method)
        assert valid(schema, node, {"reference": ""} if method == "patch" else
                     {"technique": "zhengqiang", "title": "起针", "credit": "研究所", "reference": ""})


def test_a_put_or_patch_body_says_in_words_why_its_rules_are_not_asked_of_the_body(schema):
    """api8: what the schema cannot ask of a body that keeps what it leaves out, it says: the rules hold for the row
    as written (the request body's description)."""
    for path, words in (("/api/v1/recordings/{id}", ("media、media_reference 至少有一个", "speaker、speaker_name 至少有一个")),
                        ("/api/v1/footage/{id}", ("file、reference 至少有一个",))):
        for method in ("put", "patch"):
            description = schema["paths"][path][method]["requestBody"]["description"]
            assert all(w in description for w in words) and "写入后的记录" in description, (path, method)
    assert "description" not in schema["paths"]["/api/v1/recordings"]["post"]["requestBody"]
