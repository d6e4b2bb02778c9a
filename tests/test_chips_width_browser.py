"""The gallery's filter chips are 44×44 px touch targets in English too (walk16: at 360 px on a touch screen
the chip “All” was 42 px wide; only their height was checked, and 全部 is wider)."""
import pytest

from tests.browser_fixtures import new_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_all_chip_is_44_px_wide_on_a_phone_in_english(module_chromium, live_server):
    page = new_page(module_chromium, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page.goto(live_server.url + "/?lang=en")
        chips = page.evaluate("[...document.querySelectorAll('.chips a')].map(a => {"
                              " const r = a.getBoundingClientRect(); return [a.textContent.trim(), r.width, r.height]; })")
        assert chips and all(w >= 44 and h >= 44 for _, w, h in chips), chips
    finally:
        page.context.close()
