"""The inheritor's signing screen on a small phone (360×740, touch), in real headless Chromium (walk14):
after a refused decision the keyboard focus is on the field the error is about (the page's ``autofocus``,
checked where it counts: ``document.activeElement``), and the signed-in header is one row of 44×44 targets
in English as in Chinese."""
from __future__ import annotations


import pytest
from django.urls import reverse

from tests.browser_fixtures import artifacts_dir, new_page
from tests.gallery_fixtures import *  # noqa: F401,F403
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = artifacts_dir("sign-phone")
PHONE_360 = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def browser(module_chromium):
    return module_chromium


def phone_as(browser, live_server, client, user, language=None):
    page = new_page(browser, viewport=PHONE_360, device_scale_factor=2, is_mobile=True, has_touch=True)
    client.force_login(user)
    cookies = [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    if language:
        cookies.append({"name": "django_language", "value": language, "url": live_server.url})
    page.context.add_cookies(cookies)
    return page


def boxes(page, selector: str) -> list:
    """[text, width, height, top] of each element ``selector`` finds."""
    return page.evaluate(f"() => [...document.querySelectorAll({selector!r})]"
                         ".map(e => { const r = e.getBoundingClientRect(); return [e.innerText, r.width, r.height, r.top]; })")


def assert_one_row_header(page):
    """Every header control (the brand, the links, log out, the language) a 44×44 target; the navigation one
    row; the language in the brand's row, above it; nothing wider than the screen."""
    brand = boxes(page, ".site-header .brand")
    nav = boxes(page, ".site-nav a, .site-nav button")
    language = boxes(page, ".site-header select")
    controls = brand + nav + language
    assert len(brand) == 1 and nav and len(language) == 1, controls
    assert all(w >= 44 and h >= 44 for _, w, h, _ in controls), controls
    assert len({round(t) for *_, t in nav}) == 1, controls
    assert language[0][3] < nav[0][3], controls
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), controls


def _in_review(rv, make_clip):
    from review import services

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)  # the inheritor has an unread notification
    return review


def test_a_refused_decision_puts_the_focus_on_its_field(live_server, transactional_db, browser, client, rv,
                                                         make_clip):
    review = _in_review(rv, make_clip)
    page = phone_as(browser, live_server, client, rv.inheritor_user)
    page.goto(live_server.url + reverse("review:sign", args=[review.pk]))

    def focused():
        page.wait_for_load_state()
        return page.evaluate("() => [document.activeElement.id, document.activeElement.getAttribute('aria-describedby')]")

    # 需要修改 with nothing written: at the comment box
    page.get_by_role("button", name="需要修改").click()
    assert focused() == ["comment", "comment-error"]
    assert page.locator("#comment-error").is_visible()
    # a time point the clip does not have: at the time field, the comment kept
    page.fill("#comment", "针脚太密")
    page.fill("#at", "99:00")
    page.get_by_role("button", name="需要修改").click()
    assert focused() == ["at", "at-error"]
    assert page.input_value("#comment") == "针脚太密"
    # 同意签署 without the tick: at the checkbox, which is on the screen
    page.get_by_role("button", name="同意签署").click()
    assert focused() == ["confirm", "confirm-error"]
    box = page.locator("#confirm").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE_360["height"], box
    page.screenshot(path=str(ARTIFACTS / "refused-confirm-360.png"))
    assert not page.js_errors
    page.context.close()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("role", ["inheritor_user", "curator", "reviewer"])
def test_the_signed_in_header_is_one_row_at_360_px(live_server, transactional_db, browser, client, rv, make_clip,
                                                   role, language):
    """The signer's header (walk14) and the curator's and reviewer's (walk15: the curator's English
    Gallery · Manage · Review · Notifications 1 · Log out took two rows at 360 px), each with its unread count."""
    from review.models import Notification

    review = _in_review(rv, make_clip)
    user = getattr(rv, role)
    if not Notification.objects.filter(user=user, read_at__isnull=True).exists():  # the curator: as if signed
        Notification.objects.create(user=user, review=review, verb="signed", message="已签署", url="/review/")
    page = phone_as(browser, live_server, client, user, language=language)
    detail = reverse("review:sign" if role == "inheritor_user" else "review:detail", args=[review.pk])
    urls = [("inbox", reverse("review:inbox")), ("review", detail)]
    if role == "curator":
        urls.append(("manage", reverse("curator:home")))
    for name, url in urls:
        page.goto(live_server.url + url)
        page.wait_for_load_state()
        if name == "inbox":  # the longest header: with the unread count (opening the review reads it)
            assert page.locator(".nav-notifications").count() == 1
            if role == "inheritor_user":
                # walk14: the inbox's own 通知 link was 34 px wide in Chinese: every link of the list 44×44
                links = boxes(page, "main a")
                assert links and all(w >= 44 and h >= 44 for _, w, h, _ in links), links
        page.screenshot(path=str(ARTIFACTS / f"header-{role}-{name}-{language}-360.png"))
        assert_one_row_header(page)
    page.context.close()


def test_the_gallery_on_a_phone_links_narrations_with_44_px_targets_and_no_keyboard_help(live_server, transactional_db, browser, gallery_world,
                                                              gallery_factory):
    """walk14: the craft page lists its narrations as links to their technique page; each link was one 25 px line
    of text on a phone, under the 44 px a finger needs. The technique page told a phone about keyboard shortcuts
    (K, C, N, P) with a 24 px switch for them."""
    gallery_factory.record(gallery_world["luanzhen"], kind="s2v", source_text="乱针绣口述")
    page = new_page(browser, viewport=PHONE_360, is_mobile=True, has_touch=True)
    page.goto(live_server.url + reverse("gallery:craft", args=["suxiu"]))
    links = boxes(page, ".narration-links a")
    assert links and all(h >= 44 for _, _, h, _ in links), links
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # its technique page on the phone: no keyboard-shortcut help nor switch (a phone has no keyboard)
    page.goto(live_server.url + reverse("gallery:technique", args=["luanzhen"]))
    page.wait_for_load_state()
    assert not page.locator("#keyboard-help").is_visible() and not page.locator(".shortcut-toggle").is_visible()
    assert page.locator(".narration video").is_visible()
    page.context.close()
