"""The REST API answers in the language its client asks for with ``Accept-Language`` (scripts say what they want
the way HTTP clients do), after ``?lang=`` and the language cookie; without one, or with one the archive does not
have, it answers in Chinese, as the pages do. Pages keep Chinese first whatever the browser says
(test_foundation_boot). And the schema says a review's ``record`` is a UUID or null."""
import pytest
from rest_framework.test import APIClient

from archive.models import Craft
from tests.test_api_control_characters import CRAFT, api  # noqa: F401 (the curator's API client fixture)

pytestmark = pytest.mark.django_db


def _required_message(api, **headers):
    r = api.post("/api/v1/crafts", {**CRAFT, "name": ""}, format="json", **headers)
    assert r.status_code == 400, r.content
    assert not Craft.objects.exists()
    return r, r.json()["name"][0]


@pytest.mark.parametrize("header", ["en", "en-US,en;q=0.9", "en-GB", "fr;q=0.9, en;q=0.5", "EN-us"])
def test_english_when_the_client_asks_for_it(api, header):
    r, message = _required_message(api, HTTP_ACCEPT_LANGUAGE=header)
    assert message == "This field may not be blank.", message
    assert r["Content-Language"] == "en"
    assert "Accept-Language" in r["Vary"]


@pytest.mark.parametrize("header", [None, "", "zh-CN,zh;q=0.9", "zh", "zh-Hans", "fr", "*", "xx-;;q=abc", "de, *;q=0.1"])
def test_chinese_otherwise(api, header):
    headers = {} if header is None else {"HTTP_ACCEPT_LANGUAGE": header}
    r, message = _required_message(api, **headers)
    assert message != "This field may not be blank.", message
    assert r["Content-Language"] == "zh-hans"


def test_lang_parameter_and_cookie_come_first(api):
    _, message = _required_message(api, HTTP_ACCEPT_LANGUAGE="en")
    assert message == "This field may not be blank."
    r = api.post("/api/v1/crafts?lang=zh-hans", {**CRAFT, "name": ""}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert r["Content-Language"] == "zh-hans" and r.json()["name"][0] != message
    api.cookies["django_language"] = "zh-hans"
    r = api.post("/api/v1/crafts", {**CRAFT, "name": ""}, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert r["Content-Language"] == "zh-hans" and r.json()["name"][0] != message


def test_an_error_outside_any_route_follows_the_header_too(api):
    r = api.get("/api/v1/no-such-thing", HTTP_ACCEPT_LANGUAGE="en")
    assert r.status_code == 404 and r["Content-Language"] == "en"
    assert r.json()["code"]


def test_pages_stay_chinese_first(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="zh-hans"' in page


def test_the_schema_says_a_reviews_record_is_a_uuid_or_null(curator):
    client = APIClient()
    client.force_authenticate(curator)
    schema = client.get("/api/v1/schema?format=json").json()
    record = schema["components"]["schemas"]["Review"]["properties"]["record"]
    assert record["type"] == "string" and record["format"] == "uuid" and record.get("nullable") is True, record
