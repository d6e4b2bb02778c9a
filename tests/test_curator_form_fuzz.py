"""Form fuzz of the curator's create and edit pages for crafts, inheritors and techniques (walk17): every text field
of each page given an over-long string, control characters, a NUL, emoji, HTML, nothing at all (where required),
and the dates, duplicate names and web names that do not fit. Each answer is the page again with a clear form
error (400) and the other fields' input kept, or the record saved (emoji, HTML: text like any other, shown
escaped) — never a 500, never a half-saved record."""
from __future__ import annotations

import html

import pytest

from archive.models import Craft, Inheritor, Technique

pytestmark = pytest.mark.django_db

LONG = "绣" * 30000
ERROR_BANNER = "请修改下面标红的内容"


def craft_data(**over):
    return {"name": "湘绣", "name_en": "Hunan embroidery", "slug": "xiangxiu", "category": "fine_arts",
            "region": "湖南省长沙市", "description": "湘绣起源于长沙。", "featured": "", **over}


def inheritor_data(of_craft, **over):
    return {"craft": of_craft.pk, "name": "张德海", "level": "national", "status": "alive", "able_to_sign": "on",
            "birth_year": "1936", "biography": "自幼学艺。", "user": "", "proxy_name": "", "proxy_user": "",
            "proxy_relation": "", **over}


def technique_data(of_craft, **over):
    data = {"craft": of_craft.pk, "name": "鬅毛针", "slug": "xiangxiu-pengmao", "summary": "鬅毛针绣狮虎。",
            "steps-TOTAL_FORMS": "1", "steps-INITIAL_FORMS": "0", "steps-MIN_NUM_FORMS": "0",
            "steps-MAX_NUM_FORMS": "1000", "steps-0-title": "起针", "steps-0-description": "斜三十度起针。",
            "steps-0-description_en": "", "steps-0-parameters": "angle_deg=30", "steps-0-ORDER": "1"}
    data.update(over)
    return data


@pytest.fixture
def pages(craft, curator_client):
    """name → (url, the form's data maker, the field whose value shows the other input was kept)."""
    person = Inheritor.objects.create(craft=craft, name="沈秀芬", level="national", status="alive", birth_year=1950)
    technique = Technique.objects.create(craft=craft, name="正抢针法", slug="suxiu-zhengqiang")
    return {
        "craft new": ("/curator/crafts/new/", craft_data),
        "craft edit": (f"/curator/crafts/{craft.slug}/edit/", lambda **o: craft_data(**{"name": "苏绣", "slug": "suxiu", **o})),
        "inheritor new": ("/curator/inheritors/new/", lambda **o: inheritor_data(craft, **o)),
        "inheritor edit": (f"/curator/inheritors/{person.pk}/edit/",
                           lambda **o: inheritor_data(craft, **{"name": "沈秀芬", **o})),
        "technique new": ("/curator/techniques/new/", lambda **o: technique_data(craft, **o)),
        "technique edit": (f"/curator/techniques/{technique.slug}/edit/",
                           lambda **o: technique_data(craft, **{"name": "正抢针法", "slug": "suxiu-zhengqiang", **o})),
    }


TEXT_FIELDS = {
    "craft": ["name", "name_en", "region", "description"],
    "inheritor": ["name", "biography", "proxy_relation"],
    "technique": ["name", "summary", "steps-0-title", "steps-0-description", "steps-0-description_en"],
}
ALL_PAGES = ["craft new", "craft edit", "inheritor new", "inheritor edit", "technique new", "technique edit"]


def snapshot():
    return [list(m.objects.order_by("pk").values()) for m in (Craft, Inheritor, Technique)]


def kept_inputs(body: str, data: dict, field: str) -> list[str]:
    """The other text fields' values that the re-shown form lost."""
    lost = []
    for name, value in data.items():
        if name == field or not isinstance(value, str) or not value.strip() or name.endswith("FORMS"):
            continue
        if name in ("craft", "level", "status", "category", "able_to_sign", "featured") or name.endswith("ORDER"):
            continue
        if html.escape(value, quote=True) not in body and value not in body:
            lost.append(name)
    return lost


def post(client, url, data):
    response = client.post(url, data)
    assert response.status_code in (302, 400), (response.status_code, response.content[:500])
    return response


def cases():
    for page in ALL_PAGES:
        for field in TEXT_FIELDS[page.split()[0]]:
            yield page, field


@pytest.mark.parametrize("page, field", list(cases()))
@pytest.mark.parametrize("value, message", [
    (LONG, "最多"),
    ("苏\x00绣", "控制字符(U+0000"),
    ("苏\x01绣\x1b[31m", "控制字符"),
    ("苏\x7f绣", "控制字符"),
])
def test_a_bad_value_in_any_text_field_is_a_clear_error_that_keeps_the_rest(curator_client, pages, page, field,
                                                                           value, message):
    url, make = pages[page]
    data = make(**{field: value})
    before = snapshot()
    response = post(curator_client, url, data)
    assert response.status_code == 400, f"{page} {field} {value[:10]!r} was saved"
    body = response.content.decode()
    assert ERROR_BANNER in body and message in body, body[:3000]
    assert kept_inputs(body, data, field) == []
    assert snapshot() == before


# (a proxy's relation is asked for only with a proxy and its document: tests/test_archive_crud.py)
@pytest.mark.parametrize("page, field", [case for case in cases() if case[1] != "proxy_relation"])
@pytest.mark.parametrize("value", ["🧵刺绣👵🏻", "<script>alert(1)</script><b>苏绣</b>", "苏绣\t一\n二"])
def test_emoji_html_and_line_breaks_are_text_saved_verbatim_and_shown_escaped(curator_client, pages, page, field,
                                                                              value):
    url, make = pages[page]
    if field in ("name", "region", "steps-0-title", "proxy_relation", "name_en") and "\n" in value:
        value = value.replace("\n", " ")  # a one-line field: the browser cannot send a line break from it
    response = post(curator_client, url, make(**{field: value}))
    assert response.status_code == 302, response.content.decode()[:3000]
    detail = curator_client.get(response["Location"])
    assert detail.status_code == 200
    body = detail.content.decode()
    assert "<script>alert(1)</script>" not in body


@pytest.mark.parametrize("page", ["craft new", "craft edit", "inheritor new", "inheritor edit", "technique new",
                                  "technique edit"])
def test_an_empty_required_field_is_named_and_the_rest_kept(curator_client, pages, page):
    url, make = pages[page]
    kind = page.split()[0]
    for field in {"craft": ["name", "region", "slug", "category"], "inheritor": ["name", "level", "craft"],
                  "technique": ["name", "slug", "craft", "steps-0-title", "steps-0-description"]}[kind]:
        data = make(**{field: ""})
        before = snapshot()
        response = post(curator_client, url, data)
        assert response.status_code == 400, (page, field)
        body = response.content.decode()
        assert ERROR_BANNER in body and "该字段是必填项" in body, (page, field)
        assert kept_inputs(body, data, field) == [], (page, field)
        assert snapshot() == before


@pytest.mark.parametrize("page", ["inheritor new", "inheritor edit"])
@pytest.mark.parametrize("year, message", [
    ("abc", "输入整数"), ("1990-01-01", "输入整数"), ("-5", "大于或等于0"), ("1200", "出生年份应在"),
    ("3000", "出生年份应在"), ("99999999999999999999999", "出生年份应在"), ("1.5e3", "输入整数"), ("１９５０", None),
])
def test_a_birth_year_that_is_not_a_year_is_a_clear_error(curator_client, pages, page, year, message):
    url, make = pages[page]
    data = make(birth_year=year)
    before = snapshot()
    response = post(curator_client, url, data)
    if message is None:  # full-width digits are a year like any other (Django reads them)
        assert response.status_code == 302
        return
    assert response.status_code == 400, (year, response.status_code)
    body = response.content.decode()
    assert ERROR_BANNER in body and message in body, body[:3000]
    assert kept_inputs(body, data, "birth_year") == []
    assert snapshot() == before


@pytest.mark.parametrize("slug", ["xiang xiu", "湘绣", "a" * 101, "<b>", "xiang/xiu", "-", "x\x00"])
@pytest.mark.parametrize("page", ["craft new", "technique new"])
def test_a_web_name_that_does_not_fit_is_a_clear_error(curator_client, pages, page, slug):
    url, make = pages[page]
    data = make(slug=slug)
    before = snapshot()
    response = post(curator_client, url, data)
    if slug == "-":  # a hyphen alone fits the rule of a web name
        return
    assert response.status_code == 400
    body = response.content.decode()
    assert ERROR_BANNER in body
    assert kept_inputs(body, data, "slug") == []
    assert snapshot() == before


def test_duplicate_names_and_web_names_are_clear_errors(curator_client, pages, craft):
    cases = [
        ("craft new", {"name": "苏绣"}, "已存在"),
        ("craft new", {"slug": "suxiu"}, "已存在"),
        ("technique new", {"name": "正抢针法"}, "已存在"),
        ("technique new", {"slug": "suxiu-zhengqiang"}, "已存在"),
        ("inheritor new", {"name": "沈秀芬"}, "已存在"),
        ("technique new", {"steps-TOTAL_FORMS": "2", "steps-1-title": "起针", "steps-1-description": "再起针。",
                           "steps-1-ORDER": "2", "steps-1-parameters": ""}, "重复"),
    ]
    for page, over, message in cases:
        url, make = pages[page]
        data = make(**over)
        before = snapshot()
        response = post(curator_client, url, data)
        assert response.status_code == 400, (page, over)
        body = response.content.decode()
        assert ERROR_BANNER in body and message in body, (page, over, body[:2000])
        assert kept_inputs(body, data, next(iter(over))) == [], (page, over)
        assert snapshot() == before
