"""A curator on a phone (360 px): the archive's sub-navigation is one row that scrolls sideways, not four rows
above every page; the page's heading starts near the top; the current section is marked (aria-current) and
scrolled into view; the page itself never scrolls sideways. Generation's own navigation below it likewise."""
from __future__ import annotations

import pytest

from tests.browser_fixtures import new_page

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


def _rows(page, selector):
    return page.evaluate(f"() => [...document.querySelectorAll({selector!r})].map(e => {{"
                         " const r = e.getBoundingClientRect(); return [e.innerText, Math.round(r.top), r.left, r.right]; })")


@pytest.mark.parametrize("locale, lang", [("zh-CN", "zh-hans"), ("en-US", "en")])
def test_curator_pages_on_a_phone(live_server, chromium, client, curator, locale, lang):
    page = new_page(chromium, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale=locale)
    client.force_login(curator)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url},
                              {"name": "django_language", "value": lang, "url": live_server.url}])
    for path, current, subnav in (("/curator/techniques/", "/curator/techniques/", False),
                                  ("/curator/", "/curator/", False),
                                  ("/curator/generation/", "/curator/generation/", True)):
        page.goto(live_server.url + path)
        links = _rows(page, ".curator-nav a")
        assert len(links) >= 7 and len({top for _, top, *_ in links}) == 1, (path, links)
        nav = page.locator(".curator-nav").bounding_box()
        assert nav["height"] < 64, (path, nav)  # one row of 44-px targets (four rows, ~200 px, before)
        heading = page.locator("main h1").first.bounding_box()
        above = page.locator(".gen-nav").bounding_box() if subnav else nav  # generation's own row comes first
        assert above["height"] < 64 and heading["y"] - (above["y"] + above["height"]) < 80, (path, heading, above)
        here = page.locator(f".curator-nav a[aria-current='page'][href='{current}']")
        assert here.count() == 1, path
        box = here.bounding_box()
        assert box["x"] >= nav["x"] - 1 and box["x"] + box["width"] <= nav["x"] + nav["width"] + 1, (path, box, nav)
        assert page.locator(".curator-nav a[aria-current]").count() == 1, path
        if subnav:
            gen = _rows(page, ".gen-nav a")
            assert len({top for _, top, *_ in gen}) == 1, gen
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
        assert not page.js_errors, page.js_errors
    page.context.close()
