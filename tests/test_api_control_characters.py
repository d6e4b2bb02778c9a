"""A control character in any text of an API body (a pasted terminal colour code, a NUL) is refused with the
curator forms' message, naming the field, nested ones included, and nothing is saved; tab and line breaks are
text. The schema says it (the body strings' pattern)."""
import pytest
from rest_framework.test import APIClient

from archive.models import Craft, Technique

pytestmark = pytest.mark.django_db

CRAFT = {"name": "缂丝", "name_en": "Kesi", "slug": "kesi", "category": "craftsmanship", "region": "江苏省苏州市"}


@pytest.fixture
def api(curator):
    client = APIClient()
    client.force_authenticate(curator)
    return client


def test_a_colour_code_in_a_json_body_is_refused_naming_the_field(api):
    r = api.post("/api/v1/crafts", {**CRAFT, "name": "缂丝\x1b[31m"}, format="json")
    assert r.status_code == 400, r.content
    body = r.json()
    assert body["code"] and "U+001B" in body["name"][0] and "第 3 个字" in body["name"][0], body
    assert not Craft.objects.exists()


def test_a_nested_text_is_named_by_its_place(api):
    assert api.post("/api/v1/crafts", CRAFT, format="json").status_code == 201
    technique = {"craft": "kesi", "name": "通经断纬", "slug": "kesi-tongjing", "summary": "经线贯通。",
                 "steps": [{"title": "挂经", "description": "把经线挂上织机。"},
                           {"title": "织纬\x07", "description": "小梭子分段织纬线。"}]}
    r = api.post("/api/v1/techniques", technique, format="json")
    assert r.status_code == 400, r.content
    assert "U+0007" in r.json()["steps"]["1"]["title"][0], r.json()
    assert not Technique.objects.exists()


def test_a_form_body_is_checked_too(api):
    r = api.post("/api/v1/crafts", {**CRAFT, "region": "苏州\x00"}, format="multipart")
    assert r.status_code == 400, r.content
    assert "U+0000" in r.json()["region"][0], r.json()


def test_tabs_and_line_breaks_are_text(api):
    r = api.post("/api/v1/crafts", {**CRAFT, "region": "江苏省\t苏州市\r\n吴中区"}, format="json")
    assert r.status_code == 201, r.content


def test_the_schema_says_so():
    import re

    from heritage.schema import NON_BLANK, TEXT

    assert re.fullmatch(TEXT, "江苏省\t苏州市\n") and not re.fullmatch(TEXT, "缂丝\x1b[31m")
    assert re.fullmatch(NON_BLANK, " 好 ") and not re.fullmatch(NON_BLANK, "  ") and not re.fullmatch(NON_BLANK, "好\x00")
