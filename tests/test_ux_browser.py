"""The flow as its people live it, in real headless Chromium (issue 16), with axe-core (axe-playwright-python)
on every public, curator, review and signing page at desktop (1280×900) and phone (390×844) size:
0 WCAG 2.0/2.1 A and AA violations. Also: the phone signing page fits in two screen heights with a 44 px
confirm control; the change-request form works with its defaults; a curator gives a new inheritor a login;
the guided path's primary buttons; the step navigator keeps focus; the shortcuts can be turned off.

One browser for the whole module, several pages per test (CI has two cores). Screenshots go to
test-artifacts/ux/."""
from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.browser_fixtures import artifacts_dir, login, new_page
from tests.gallery_fixtures import *  # noqa: F401,F403
from tests.populated_fixtures import *  # noqa: F401,F403
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = artifacts_dir("ux")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def browser(module_chromium):
    return module_chromium


def logged_in_page(browser, live_server, client, user, *, viewport=DESKTOP, locale="zh-CN"):
    """A page whose context carries ``user``'s session (made with the test client)."""
    page = new_page(browser, viewport=viewport, locale=locale)
    if user is not None:
        client.force_login(user)
        page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                                   "url": live_server.url}])
    return page


class AxeReport:
    """Runs axe on pages and collects violations; ``assert_clean()`` fails with all of them listed."""

    def __init__(self):
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.problems: list[str] = []
        self.checked: list[str] = []

    def check(self, page, label: str):
        page.wait_for_load_state("load")
        results = self.axe.run(page, options=AXE_OPTIONS)
        self.checked.append(label)
        for v in results.response["violations"]:
            targets = "; ".join(", ".join(n["target"]) for n in v["nodes"][:5])
            self.problems.append(f"{label}: {v['id']} ({v['impact']}) ×{len(v['nodes'])}: {targets}")

    def assert_clean(self):
        assert self.problems == [], "axe WCAG 2.1 AA violations:\n" + "\n".join(self.problems)


def check_both_sizes(report, page, url: str, label: str):
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.goto(url)
        report.check(page, f"{label} [{name}]")


@pytest.fixture
def world(populated_archive):
    """The archived review signed by the inheritor, a featured craft, 点蜡 with two steps
    (tests/populated_fixtures.py)."""
    return populated_archive(signer="inheritor", featured=True, dianla_steps=2)


def test_every_page_passes_axe_at_desktop_and_phone_size(live_server, transactional_db, browser, client, rv,
                                                          world):
    from generation.models import GenerationJob

    report = AxeReport()
    base = live_server.url
    public = new_page(browser)
    for path, label in [
        ("/", "gallery home"), (reverse("gallery:craft", args=[rv.craft.slug]), "craft"),
        (reverse("gallery:technique", args=["dianla"]), "technique"),
        (reverse("gallery:technique", args=[rv.technique.slug]), "technique (review services)"),
        (reverse("gallery:search") + "?q=针", "search"), (reverse("gallery:search"), "search browse"),
        ("/?lang=en", "gallery home (English)"), (reverse("gallery:technique", args=["dianla"]) + "?lang=en",
                                                  "technique (English)"),
        (reverse("login"), "login"),
    ]:
        check_both_sizes(report, public, base + path, label)
    public.context.close()

    job = GenerationJob.objects.filter(clip__isnull=False).first()
    curator = logged_in_page(browser, live_server, client, rv.curator)
    for path, label in [
        (reverse("curator:home"), "curator home"), (reverse("curator:craft_list"), "craft list"),
        (reverse("curator:craft_detail", args=[rv.craft.slug]), "craft detail"),
        (reverse("curator:inheritor_list"), "inheritor list"), (reverse("curator:inheritor_create"), "inheritor form"),
        (reverse("curator:inheritor_detail", args=[rv.inheritor.pk]), "inheritor detail"),
        (reverse("curator:technique_list"), "technique list"),
        (reverse("curator:technique_detail", args=[rv.technique.slug]), "technique detail"),
        (reverse("curator:recording_list"), "recording list"),
        (reverse("curator:recording_detail", args=[rv.recording.pk]), "recording detail"),
        (reverse("curator:transcript_edit", args=[rv.recording.pk]), "transcript editor"),
        (reverse("curator:footage_list"), "footage list"),
        (reverse("curator:craft_create"), "craft form"), (reverse("curator:technique_create"), "technique form"),
        (reverse("curator:technique_edit", args=[rv.technique.slug]), "technique and steps form"),
        (reverse("curator:recording_create"), "recording form"), (reverse("curator:footage_create"), "footage form"),
        (reverse("curator:footage_detail", args=[world["footage"].pk]), "footage detail"),
        (reverse("generation:pool"), "GPU pool"), (reverse("generation:compare") + f"?jobs={job.pk}", "compare"),
        (reverse("prompting:normalize") + f"?technique={rv.technique.slug}", "normalize"),
        (reverse("generation:job_list"), "job list"), (reverse("generation:job_detail", args=[job.pk]), "job detail"),
        (reverse("generation:generate") + f"?technique={rv.technique.slug}", "generate form"),
        (reverse("review:inbox"), "review inbox (curator)"),
        (reverse("review:detail", args=[world["pending"].pk]), "review detail (curator)"),
        (reverse("review:record", args=[world["record"].pk]), "archive record"),
        (reverse("review:notifications"), "notifications"),
    ]:
        check_both_sizes(report, curator, base + path, label)
    curator.context.close()

    reviewer = logged_in_page(browser, live_server, client, rv.reviewer)
    for path, label in [(reverse("review:inbox"), "review inbox (reviewer)"),
                        (reverse("review:detail", args=[world["pending"].pk]), "review detail (reviewer)")]:
        check_both_sizes(report, reviewer, base + path, label)
    reviewer.context.close()

    inheritor = logged_in_page(browser, live_server, client, rv.inheritor_user)
    for path, label in [(reverse("review:inbox"), "review inbox (inheritor)"),
                        (reverse("review:sign", args=[world["pending"].pk]), "signing page"),
                        (reverse("review:sign", args=[world["signed"].pk]), "signing page (signed)")]:
        check_both_sizes(report, inheritor, base + path, label)
    inheritor.context.close()
    assert len(report.checked) >= 2 * 40
    report.assert_clean()


def test_the_axe_check_does_find_violations(browser):
    """The check above can fail: a page with an unlabelled image and a nameless button is reported."""
    page = new_page(browser)
    page.set_content('<html lang="zh-Hans"><head><title>x</title></head><body><main><img src="x.png">'
                     '<button></button></main></body></html>')
    report = AxeReport()
    report.check(page, "bad page")
    page.context.close()
    ids = " ".join(report.problems)
    assert "image-alt" in ids and "button-name" in ids


def assert_phone_header(page, rows=1):
    """Every control of the page header is a 44×44 px touch target (390 px phone) and its navigation stays
    in ``rows`` lines below the brand and the language (their row since walk14); the skip link, once focused,
    is 44×44 too."""
    def boxes(selector):
        return page.evaluate(f"() => [...document.querySelectorAll({selector!r})].map(e => {{"
                             " const r = e.getBoundingClientRect(); return [e.innerText, r.width, r.height, r.top]; })")

    nav = boxes(".site-nav a, .site-nav button")
    header = boxes(".site-header .brand, .site-header select") + nav
    assert nav and all(w >= 44 and h >= 44 for _, w, h, _ in header), header
    assert len({round(t) for *_, t in nav}) <= rows, header  # the links, log out
    page.focus(".skip-link")
    skip = page.locator(".skip-link").bounding_box()
    assert skip["height"] >= 44 and skip["width"] >= 44, skip
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_flow_in_the_browser(live_server, transactional_db, browser, client, rv, make_clip):
    """Curator gives the inheritor a login → starts the review from the finished job (primary button) →
    reviewer lands on the inbox and requests changes with the default form → inheritor signs on a phone."""
    from archive.models import Inheritor
    from review import services
    from review.models import Review

    base = live_server.url
    # 2. a curator makes the inheritor's login; the one-time link sets the password
    curator = logged_in_page(browser, live_server, client, rv.curator)
    curator.goto(base + reverse("curator:inheritor_create"))
    curator.select_option("#id_craft", str(rv.craft.pk))
    curator.fill("#id_name", "沈寿")
    curator.select_option("#id_level", "national")
    curator.check("#id_create_account")
    curator.fill("#id_account_username", "shenshou")
    assert curator.locator("input[type=password]").count() == 0
    curator.locator("form button[type=submit].primary").click()
    curator.wait_for_load_state()
    link = re.search(r"(http://\S+/accounts/set-password/\S+/)", curator.locator(".messages").inner_text()).group(1)
    assert Inheritor.objects.get(name="沈寿").signer_changes.get().after["user"] == \
        get_user_model().objects.get(username="shenshou").pk  # linked once a second person confirms
    newcomer = new_page(browser, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    newcomer.goto(link)
    newcomer.fill("#id_new_password1", "绣花-针脚-2024")
    newcomer.fill("#id_new_password2", "绣花-针脚-2024")
    newcomer.get_by_role("button", name="设置密码").click()
    newcomer.wait_for_load_state()
    assert "密码已设置" in newcomer.content()
    assert_phone_header(newcomer)  # signed out: 展厅, 登录
    newcomer.context.add_cookies([{"name": "django_language", "value": "en", "url": base}])
    newcomer.reload()
    assert_phone_header(newcomer)
    newcomer.context.clear_cookies(name="django_language")
    login(newcomer, base, "shenshou", "绣花-针脚-2024")
    assert newcomer.url.endswith("/review/")  # an inheritor lands on the review inbox
    newcomer.context.close()

    # 5. the finished job's primary button opens the review
    clip = make_clip()
    curator.goto(base + reverse("generation:job_detail", args=[clip.job.pk]))
    curator.locator(".next-action button.primary", has_text="开始审核").click()
    curator.wait_for_load_state()
    review = Review.objects.get(clip=clip)
    assert curator.url.endswith(reverse("review:detail", args=[review.pk]))
    curator.get_by_role("button", name="送审").click()
    curator.wait_for_load_state()
    curator.screenshot(path=str(ARTIFACTS / "01-review-submitted.png"), full_page=True)
    curator.context.close()

    # 4. the reviewer lands on the inbox; 1. a change request with the form's defaults goes through
    reviewer = new_page(browser)
    login(reviewer, base, rv.reviewer.username)
    assert reviewer.url.endswith("/review/")
    reviewer.goto(base + reverse("review:detail", args=[review.pk]))
    reviewer.fill("#rc-at", "0:01")
    reviewer.fill("#rc-text", "针距应为两毫米")
    reviewer.get_by_role("button", name="要求修改").click()
    reviewer.wait_for_load_state()
    review.refresh_from_db()
    assert review.state == Review.State.CHANGES_REQUESTED, reviewer.content()[:2000]
    reviewer.context.close()

    # 3. the inheritor signs the next take on a phone: everything needed within two screen heights
    take2 = make_clip(variant="b", seed=11)
    take2.job.retry_of = clip.job
    take2.job.save()
    second = services.review_open(clip=take2, actor=rv.curator)
    services.review_submit(review=second, actor=rv.curator)
    phone = new_page(browser, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    login(phone, base, rv.inheritor_user.username)
    assert str(review.pk) not in phone.content()  # the superseded take is not in the inheritor's list
    # found walking (walk9): the inbox's item links and its 通知 link were 25 px tall on a phone
    links = phone.evaluate("() => [...document.querySelectorAll('main a')].filter(e => e.getBoundingClientRect()"
                           ".width).map(e => [e.innerText, e.getBoundingClientRect().height])")
    assert links and all(h >= 44 for _, h in links), links
    phone.goto(base + reverse("review:sign", args=[second.pk]))
    phone.wait_for_function("() => document.querySelector('video').readyState >= 1", timeout=15000)
    assert phone.evaluate("document.querySelector('video').textTracks.length") >= 1
    limit = 2 * PHONE["height"]
    confirm = phone.locator("input[name=confirm]").bounding_box()
    assert confirm["width"] >= 44 and confirm["height"] >= 44
    for name in ("同意签署", "需要修改"):
        box = phone.get_by_role("button", name=name).bounding_box()
        assert box["y"] + box["height"] <= limit and box["height"] >= 44, (name, box)
    video = phone.locator("video").bounding_box()
    attribution = phone.locator(".attribution.big").bounding_box()
    assert video["y"] < attribution["y"] < confirm["y"] and confirm["y"] + confirm["height"] <= limit
    assert not phone.locator(".public-summary").is_visible()  # technical details are behind the disclosure
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # found walking as the inheritor: the header's 审核, 通知, 退出 and language were 27-33 px tall on a phone
    # and (walk13) its two-character links (展厅, 通知, 登录) were 34 px wide: every control 44×44 now, the
    # signer's links on one line in Chinese (the language had wrapped below), the skip link 44 px too
    assert_phone_header(phone)
    phone.context.add_cookies([{"name": "django_language", "value": "en", "url": base}])
    phone.reload()
    assert_phone_header(phone)  # Gallery To sign Notifications Log out: one row (it was two, walk14)
    phone.context.clear_cookies(name="django_language")
    phone.reload()
    phone.screenshot(path=str(ARTIFACTS / "02-sign-phone.png"), full_page=True)
    phone.check("input[name=confirm]")
    phone.get_by_role("button", name="同意签署").click()
    phone.wait_for_load_state()
    second.refresh_from_db()
    assert second.state == Review.State.APPROVED
    assert "归档并公开" in phone.locator(".next-action").inner_text()  # what happens next
    assert not phone.js_errors
    phone.context.close()


def test_step_navigator_focus_and_shortcuts(live_server, transactional_db, browser, gallery_factory):
    craft = gallery_factory.craft("苗族蜡染", "miao-laran")
    technique = gallery_factory.technique(craft, "点蜡", "dianla", [("画蜡", "画。"), ("浸染", "染。"), ("脱蜡", "煮。")])
    for step in technique.steps.all():
        gallery_factory.record(technique, step)
    page = new_page(browser)
    page.goto(live_server.url + reverse("gallery:technique", args=["dianla"]))
    visible = "Array.from(document.querySelectorAll('article.step')).filter(e => !e.hidden).map(e => e.id).join()"
    # keyboard only: the focused 下一步 becomes disabled at the last step; focus moves to 上一步, not <body>
    page.locator("#next-step").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert page.evaluate(visible) == "step-3"
    assert page.evaluate("document.activeElement.id") == "prev-step"
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert page.evaluate(visible) == "step-1"
    assert page.evaluate("document.activeElement.id") == "next-step"
    # subtitles with Tab and Space alone
    page.locator("#step-1 .play-toggle").focus()
    english = page.locator("#step-1 .subtitle[data-lang=en]")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.lang") == "en":
            break
    page.keyboard.press("Space")
    assert english.get_attribute("aria-pressed") == "true"
    # one-letter shortcuts: documented, on by default, can be turned off (and stay off on reload)
    assert "N 下一步" in page.locator("#keyboard-help").inner_text()
    page.locator("body").press("n")
    assert page.evaluate(visible) == "step-2"
    page.get_by_label("启用单键快捷键").uncheck()
    page.locator("body").press("n")
    assert page.evaluate(visible) == "step-2"
    page.reload()  # reopens at #step-2
    assert not page.get_by_label("启用单键快捷键").is_checked()
    page.locator("body").press("n")
    assert page.evaluate(visible) == "step-2"
    assert not page.js_errors
    page.context.close()


# Interactive controls smaller than 24×24 CSS px (WCAG 2.5.8), leaving out links inside running text.
SMALL_TARGETS_JS = """() => Array.from(document.querySelectorAll('a[href],button,input:not([type=hidden]),select,summary'))
  .filter(e => { const r = e.getBoundingClientRect(), st = getComputedStyle(e);
    if (!r.width || !r.height || st.visibility === 'hidden') return false;
    const p = e.parentElement;
    if (e.tagName === 'A' && st.display === 'inline' && p && p.textContent.trim().length > e.textContent.trim().length + 5
        && !p.closest('nav')) return false;
    return r.width < 24 || r.height < 24; })
  .map(e => e.tagName + ' ' + (e.id || e.textContent.trim().slice(0, 20)) + ' ' +
       Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height))"""


def test_gallery_tap_targets_on_a_phone(live_server, transactional_db, browser, gallery_factory):
    """Found walking the gallery at 390×844: the breadcrumb link (31×22) and the 启用单键快捷键 box (13×13)
    were under 24 px; the home page's filter chips 33 px and the step list's links 25 px tall (walk6)."""
    craft = gallery_factory.craft("苗族蜡染", "miao-laran")
    technique = gallery_factory.technique(craft, "点蜡", "dianla", [("画蜡", "画。"), ("浸染", "染。")])
    for step in technique.steps.all():
        gallery_factory.record(technique, step)
    page = new_page(browser, viewport=PHONE, is_mobile=True, has_touch=True)
    for url in (reverse("gallery:craft", args=["miao-laran"]), reverse("gallery:technique", args=["dianla"])):
        page.goto(live_server.url + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], url
        assert page.evaluate(SMALL_TARGETS_JS) == [], url
    # walk6: the home page's filter chips (33 px) and the technique's step list (25 px) are 44 px tall on touch
    heights = "sel => [...document.querySelectorAll(sel)].map(e => Math.round(e.getBoundingClientRect().height))"
    page.goto(live_server.url + reverse("gallery:technique", args=["dianla"]))
    steps = page.evaluate(heights, ".step-list a")
    assert steps and min(steps) >= 44, steps
    page.goto(live_server.url + "/")
    chips = page.evaluate(heights, ".chips a")
    assert chips and min(chips) >= 44, chips
    assert not page.js_errors
    page.context.close()
