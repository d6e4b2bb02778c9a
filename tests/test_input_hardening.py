"""Bad input is a 400, never a 500 (issue 13): NUL bytes in query strings on public and curator pages and on
the API, malformed and out-of-range query parameters, JSON bodies that are not objects, integers beyond the
database's range. The API answers in its documented error shape {"detail", "code"}."""
import pytest

pytestmark = pytest.mark.django_db

NUL = "\x00"


@pytest.fixture
def api(rv):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(rv.curator)
    return client


@pytest.mark.parametrize("url", [
    f"/?q=a{NUL}b", f"/?category={NUL}", f"/search/?q={NUL}", f"/search/?category=x{NUL}",
    f"/curator/crafts/?q={NUL}", f"/curator/crafts/?category={NUL}", f"/curator/inheritors/?level={NUL}",
    f"/curator/generation/jobs/?batch={NUL}", f"/review/?state={NUL}",
])
def test_nul_in_query_string_is_a_clear_400_page(url, rv, client):
    client.force_login(rv.curator)
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "请求中含有不允许的空字符" in response.content.decode()


@pytest.mark.parametrize("url", [
    f"/api/v1/crafts?q={NUL}", f"/api/v1/crafts?category={NUL}", f"/api/v1/techniques?q={NUL}",
    "/api/v1/generation-tasks?batch=x", "/api/v1/generation-tasks?retry_of=x",
    "/api/v1/generation-tasks?step=x", "/api/v1/generation-tasks?step=99999999999",
])
def test_bad_query_parameters_on_the_api_are_400_with_detail_and_code(url, api):
    response = api.get(url)
    assert response.status_code == 400, response.content
    body = response.json()
    assert set(body) == {"detail", "code"} and body["detail"]


def test_good_query_parameters_still_filter(api, rv):
    import uuid

    response = api.get(f"/api/v1/generation-tasks?batch={uuid.uuid4()}&step=1")
    assert response.status_code == 200 and response.json()["results"] == []


@pytest.mark.parametrize("action", ["submit", "comment", "request-changes", "reject", "sign", "archive", "withdraw"])
@pytest.mark.parametrize("body", ["[]", '"text"', "1", "null", "[1, 2]"])
def test_json_body_that_is_not_an_object_is_400_on_every_review_action(action, body, api, rv, make_clip):
    from review import services

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    before = (review.state, review.version)
    response = api.post(f"/api/v1/reviews/{review.pk}/{action}", data=body, content_type="application/json")
    # archive too: it reads no field, yet a body it is sent must be an object with no key (heritage.parsers.refuse_body)
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "not_an_object"
    review.refresh_from_db()
    assert (review.state, review.version) == before


def test_out_of_range_integer_in_a_job_body_is_400_and_nothing_is_queued(api, rv):
    from generation.models import GenerationJob

    response = api.post("/api/v1/generation-tasks", {
        "input": {"recording": rv.recording.pk, "start": 99999999999, "end": 99999999999 + 5}}, format="json")
    assert response.status_code == 400
    assert "start" in response.json()["input"]
    assert not GenerationJob.objects.exists()


@pytest.mark.parametrize("url", ["/api/v1/crafts/no-such-craft", "/api/v1/no-such-endpoint",
                                 "/api/v1/archive-records/00000000-0000-0000-0000-000000000000/"])
def test_api_404_is_json_with_the_documented_code(url, api):
    response = api.get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_found"


def test_every_operation_documents_the_error_shape(api):
    schema = api.get("/api/v1/schema/?format=json").json()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for code in ("400", "401", "403", "404", "429"):
                assert code in operation["responses"], (method, path, code)


@pytest.mark.django_db
@pytest.mark.parametrize("depth", [5000, 100000])
def test_json_nested_past_the_stack_is_a_400(curator, depth):
    """json.loads raises RecursionError (no ValueError) on a body nested past Python's stack: it was a 500."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(curator)
    r = client.post("/api/v1/crafts", '{"name": ' + "[" * depth + "]" * depth + "}", content_type="application/json")
    assert r.status_code == 400 and r.json()["code"] == "too_deep", r.content


@pytest.mark.parametrize("depth", [5000, 100000])
def test_step_parameters_nested_past_the_stack_are_a_form_error(depth):
    from django.core.exceptions import ValidationError

    from archive.forms import ParametersField

    with pytest.raises(ValidationError, match="嵌套过深"):
        ParametersField(required=False).clean('{"a": ' + "[" * depth + "]" * depth + "}")
