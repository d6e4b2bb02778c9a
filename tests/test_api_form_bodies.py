"""api8: what a multipart client can send, the schema and the server agree on. A property of a multipart body that
holds an object or a list of objects (a generation task's ``input`` and ``parameters``, a batch's ``tasks``, a
change request's ``action_description``) is one part whose text is JSON: OpenAPI's default encoding of such a
property, which the schema now states (``encoding``) and the server reads (``heritage.parsers.json_parts``).
Before, the schema offered these bodies as multipart and urlencoded while the server looked for ``input.text``
keys (and refused them as unknown fields): no form body could submit a task."""
import json

import pytest

from generation.models import GenerationJob
from tests.test_api_paths import token_client

pytestmark = pytest.mark.django_db

TASKS = "/api/v1/generation-tasks"
BATCH = "/api/v1/generation-tasks/batch"


@pytest.fixture
def api_schema(rv):
    return token_client(rv.curator).get("/api/v1/schema?format=json").json()


def test_the_schema_says_objects_of_a_multipart_task_are_json_parts_and_offers_no_urlencoded(api_schema):
    content = api_schema["paths"][TASKS]["post"]["requestBody"]["content"]
    assert set(content) == {"application/json", "multipart/form-data"}
    assert content["multipart/form-data"]["encoding"] == {"input": {"contentType": "application/json"},
                                                           "parameters": {"contentType": "application/json"}}
    batch = api_schema["paths"][BATCH]["post"]["requestBody"]["content"]
    assert set(batch) == {"application/json", "multipart/form-data"}
    assert batch["multipart/form-data"]["encoding"] == {"tasks": {"contentType": "application/json"}}
    changes = api_schema["paths"]["/api/v1/reviews/{id}/request-changes"]["post"]["requestBody"]["content"]
    assert changes["multipart/form-data"]["encoding"] == {"action_description": {"contentType": "application/json"}}


def test_a_multipart_task_with_json_parts_is_queued_as_its_json_twin(rv):
    c = token_client(rv.curator)
    r = c.post(TASKS, {"input": json.dumps({"text": "起针时针距两毫米", "camera": "macro"}),
                       "parameters": json.dumps({"seed": 5})}, format="multipart")
    assert r.status_code == 202, r.content
    job = GenerationJob.objects.get(pk=r.json()["id"])
    assert job.source_text == "起针时针距两毫米" and job.camera == "macro" and job.seed == 5
    # the same body, so the same Idempotency-Key replays it whichever way it came
    key = {"HTTP_IDEMPOTENCY_KEY": "form-1"}
    first = c.post(TASKS, {"input": json.dumps({"text": "铺针"})}, format="multipart", **key)
    again = c.post(TASKS, {"input": {"text": "铺针"}}, format="json", **key)
    assert first.status_code == again.status_code == 202 and first.json()["id"] == again.json()["id"]


def test_a_multipart_batch_takes_its_tasks_as_one_json_part_or_one_part_per_task(rv):
    c = token_client(rv.curator)
    one_part = c.post(BATCH, {"tasks": json.dumps([{"input": {"text": "起针"}}, {"input": {"text": "铺针"}}])},
                      format="multipart")
    assert one_part.status_code == 202 and len(one_part.json()["tasks"]) == 2, one_part.content
    per_task = c.post(BATCH, {"tasks": [json.dumps({"input": {"text": "起针"}}), json.dumps({"input": {"text": "铺针"}})]},
                      format="multipart")
    assert per_task.status_code == 202 and len(per_task.json()["tasks"]) == 2, per_task.content


@pytest.mark.parametrize("body, field", [
    ({"input": "text=起针"}, "input"),  # not JSON
    ({"input": [json.dumps({"text": "a"}), json.dumps({"text": "b"})]}, "input"),  # an object given twice
    ({"input": json.dumps({"text": "起针"}), "parameters": "{seed: 1}"}, "parameters"),
    ({"input": json.dumps("起针")}, "input"),  # JSON, but no object
    ({"input.text": "起针"}, "input.text"),  # DRF's dotted spelling is no field of this body
])
def test_a_form_part_the_server_cannot_read_is_a_400_naming_it(rv, body, field):
    r = token_client(rv.curator).post(TASKS, body, format="multipart")
    assert r.status_code == 400, r.content
    assert field in r.json() and r.json()["code"] == "invalid", r.content
    assert not GenerationJob.objects.exists()


def test_a_urlencoded_task_is_a_415_as_the_schema_says(rv):
    r = token_client(rv.curator).post(TASKS, "input=%7B%22text%22%3A%22a%22%7D",
                                      content_type="application/x-www-form-urlencoded")
    assert r.status_code == 415 and r.json()["code"] == "unsupported_media_type", r.content


def test_what_a_spec_following_client_sends_for_a_multipart_task_is_accepted(rv):
    """schemathesis serializes a multipart body by the schema (the ``encoding``, else OpenAPI's default): the body
    it sends for a valid task is the task the server queues."""
    import schemathesis

    schema = schemathesis.openapi.from_dict(token_client(rv.curator).get("/api/v1/schema?format=json").json())
    operation = schema["/api/v1/generation-tasks"]["POST"]
    case = operation.Case(media_type="multipart/form-data",
                          body={"input": {"text": "起针", "prompt_extend": None}, "parameters": {"seed": 9}})
    kwargs = case.as_transport_kwargs()
    files = kwargs.get("files") or []
    parts = {name: value for name, (_filename, value, *_rest) in files}
    assert json.loads(parts["input"]) == {"text": "起针", "prompt_extend": None}, kwargs
    data = {name: (value.decode() if isinstance(value, bytes) else value) for name, value in parts.items()}
    r = token_client(rv.curator).post(TASKS, data, format="multipart")
    assert r.status_code == 202, r.content
    assert GenerationJob.objects.get(pk=r.json()["id"]).seed == 9


def test_a_change_request_in_a_form_reads_its_action_description_as_json():
    from django.http import QueryDict

    from review.api.views import RequestChangesBody

    form = QueryDict(mutable=True)
    form.update({"text": "针距改为一毫米", "action_description": json.dumps({"actions": [{"verb": "起针"}]})})
    body = RequestChangesBody(data=form)
    assert body.is_valid(), body.errors
    assert body.validated_data["action_description"] == {"actions": [{"verb": "起针"}]}


def test_a_json_part_nested_past_the_stack_is_a_400_naming_it(rv):
    deep = '{"text": ' + "[" * 100000 + "]" * 100000 + "}"
    r = token_client(rv.curator).post(TASKS, {"input": deep}, format="multipart")
    assert r.status_code == 400 and "嵌套过深" in r.json()["input"][0], r.content
