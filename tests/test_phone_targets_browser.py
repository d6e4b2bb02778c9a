"""The public pages and the page header on a 360×740 touch screen, in real headless Chromium (walk17).

- The header's small “heritage” was drawn inside the full brand name, which a phone hides by clipping it to a
  1 px box: the word sat on the screen, cut away to nothing. It now stands beside the short name, whole.
- The gallery's links were one line of text: the home page's craft names 25–29 px tall (苏绣 40 px wide), the
  craft page's category and region, the search results, the technique page's IIIF link; every link in the
  main part of these pages is now a 44×44 px target on a touch screen, as the filter chips already were."""
from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser_fixtures import new_page
from tests.gallery_fixtures import *  # noqa: F401,F403

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE_360 = {"width": 360, "height": 740}

# [text, left, top, right, bottom] of each visible element a selector finds (a visually hidden one is skipped)
BOXES = """sel => [...document.querySelectorAll(sel)].map(e => { const r = e.getBoundingClientRect();
  return [e.innerText.trim(), r.left, r.top, r.right, r.bottom]; }).filter(b => b[3] - b[1] > 2 && b[4] - b[2] > 2)"""


@pytest.fixture(scope="module")
def browser(module_chromium):
    return module_chromium


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_heritage_word_is_whole_on_a_phone(live_server, transactional_db, browser, gallery_world, language):
    page = new_page(browser, viewport=PHONE_360, device_scale_factor=2, is_mobile=True, has_touch=True)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    try:
        page.goto(live_server.url + "/")
        words = page.evaluate(BOXES, ".site-header .brand small")
        assert len(words) == 1 and words[0][0] == "heritage", words
        _, left, top, right, bottom = words[0]
        assert 0 <= left and right <= PHONE_360["width"], words
        # painted where it is: what the screen shows at the word's middle is the word, not what lies under a clip
        hit = page.evaluate(f"document.elementFromPoint({(left + right) / 2}, {(top + bottom) / 2})?.tagName")
        assert hit == "SMALL", hit
        # on the brand's row, with the language, above the navigation
        language_box = page.evaluate(BOXES, ".site-header select")[0]
        nav = page.evaluate(BOXES, ".site-nav a")
        assert top < language_box[4] and bottom <= nav[0][2] + 1, (words, language_box, nav)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        # the link's name is the full one, as before
        name = page.evaluate("document.querySelector('.site-header .brand').innerText")
        assert "heritage" in name
    finally:
        page.context.close()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_gallery_link_is_a_44_px_target_on_a_phone(live_server, transactional_db, browser, gallery_world,
                                                          language):
    page = new_page(browser, viewport=PHONE_360, device_scale_factor=2, is_mobile=True, has_touch=True)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    small = []
    try:
        for url in ["/", reverse("gallery:craft", args=["suxiu"]), reverse("gallery:search") + "?q=针",
                    reverse("gallery:search"), reverse("gallery:technique", args=["zhengqiang"])]:
            page.goto(live_server.url + url)
            page.wait_for_load_state("load")
            links = page.evaluate(BOXES, "main a")
            assert links, url
            small += [(url, text, round(r - l), round(b - t)) for text, l, t, r, b in links
                      if r - l < 44 or b - t < 44]
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
        assert small == [], "\n".join(map(str, small))
    finally:
        page.context.close()


def test_the_review_and_job_pages_controls_are_44_px_targets_on_a_phone(live_server, transactional_db, browser,
                                                                         client, rv, make_clip):
    """walk17, the reviewer and the curator at 360 px: the review page's ← 审核列表 (25 px tall), a comment's time
    code (29 px), the 「按修改后的动作描述重新生成」 disclosure (27 px); the job page's new-seed field (25 px)."""
    from review import services

    clip = make_clip()
    review = services.review_open(clip=clip, actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    services.review_comment(review=review, actor=rv.reviewer, text="针脚太密", at_ms=1000)
    small = []
    for user, url in [(rv.reviewer, reverse("review:detail", args=[review.pk])),
                      (rv.curator, reverse("generation:job_detail", args=[clip.job.pk]))]:
        page = new_page(browser, viewport=PHONE_360, device_scale_factor=2, is_mobile=True, has_touch=True)
        client.force_login(user)
        page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                                   "url": live_server.url}])
        try:
            page.goto(live_server.url + url)
            page.wait_for_load_state("load")
            controls = page.evaluate(BOXES, "main a, main button, main summary, main select, "
                                            "main input:not([type=hidden]):not([type=checkbox])")
            assert controls, url
            small += [(url, text[:30], round(r - l), round(b - t)) for text, l, t, r, b in controls
                      if r - l < 44 or b - t < 44]
        finally:
            page.context.close()
    assert small == [], "\n".join(map(str, small))
