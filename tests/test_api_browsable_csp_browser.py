"""The browsable REST API (/api/v1/ opened in a browser) under the site's Content-Security-Policy (walk17): DRF's
page kept an inline <style> element (its code-highlighting rules), which style-src 'self' blocks, so the console
logged a violation on every page of it; templates/rest_framework/api.html serves the rules as a static file.
Checked in real headless Chromium, signed out and as a curator (who also sees the forms DRF draws for writes)."""
from __future__ import annotations

import re

import pytest

from tests.browser_fixtures import new_page

pytestmark = [pytest.mark.browser]

API_PAGES = ["/api/v1/", "/api/v1/crafts", "/api/v1/techniques", "/api/v1/inheritors"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", API_PAGES)
def test_the_browsable_api_has_no_inline_style_element_or_script(client, curator, craft, path):
    client.force_login(curator)  # the collections answer 401 to nobody; a curator also gets DRF's write forms
    response = client.get(path, HTTP_ACCEPT="text/html")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert "<style" not in body
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", body)
    assert "style-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db(transaction=True)
def test_the_browsable_api_logs_no_csp_violation_in_chromium(module_chromium, live_server, client, curator, craft):
    page = new_page(module_chromium)
    try:
        for path in API_PAGES:
            page.goto(live_server.url + path)
            page.wait_for_load_state("load")
            assert page.locator(".response-info").count() == 1, path
        client.force_login(curator)
        page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                                   "url": live_server.url}])
        for path in API_PAGES:
            page.goto(live_server.url + path)
            page.wait_for_load_state("load")
        assert page.js_errors == []
    finally:
        page.context.close()
