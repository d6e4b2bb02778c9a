"""The inheritor's signing screen in real headless Chromium on a phone-sized viewport: log in, the clip
plays, the attribution and what will be public are shown in large type without sideways scrolling,
tick the confirmation and sign. Screenshots go to test-artifacts/review/."""
import pytest

from tests.browser_fixtures import artifacts_dir, login, new_page
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = artifacts_dir("review")


def test_inheritor_signs_on_a_phone(live_server, transactional_db, rv, make_clip, phone):
    from review import services
    from review.models import Review

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    services.review_comment(review=review, actor=rv.reviewer, text="铜丝弯曲弧度不符合明代规制", at_ms=300)
    page = phone
    login(page, live_server.url, "yao")
    page.goto(f"{live_server.url}/review/{review.pk}/sign/")

    # the clip plays
    page.wait_for_function("() => document.querySelector('video').readyState >= 1", timeout=15000)
    duration = page.eval_on_selector("video", "v => v.duration")
    assert 0.9 <= duration <= 1.1
    page.eval_on_selector("video", "v => { v.muted = true; return v.play(); }")
    page.wait_for_function("() => document.querySelector('video').currentTime > 0", timeout=15000)

    # attribution in large type; what will be public; no sideways scrolling; big buttons
    attribution = page.locator(".attribution.big")
    assert attribution.inner_text().strip() == "基于姚建萍口述重构"
    assert float(attribution.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 28
    page.get_by_text("技术细节").click()  # files and fingerprint wait behind the disclosure
    summary = page.locator(".public-summary").inner_text()
    assert review.rights_uri in summary and review.submitted_sha256 in summary and "人工智能" in summary
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for name in ("同意签署", "需要修改"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["height"] >= 56 and box["width"] >= 150
    page.screenshot(path=str(ARTIFACTS / "01-sign-phone.png"), full_page=True)

    # signing without ticking the confirmation is refused, then signing works
    page.get_by_role("button", name="同意签署").click()
    page.wait_for_load_state()
    assert "请勾选确认" in page.content()
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW
    page.check("input[name=confirm]")
    page.get_by_role("button", name="同意签署").click()
    page.wait_for_load_state()
    assert "您已签署" in page.content()
    page.screenshot(path=str(ARTIFACTS / "02-signed-phone.png"), full_page=True)
    review.refresh_from_db()
    assert review.state == Review.State.APPROVED
    assert review.active_signoff().signed_by == rv.inheritor_user
    assert not page.js_errors


def test_reviewer_comments_at_a_time_code(live_server, transactional_db, rv, make_clip, phone):
    """On the review page the comment form takes the paused player's time; a time code seeks the player."""
    from review import services
    from review.models import ReviewComment

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    page = phone
    page.set_viewport_size({"width": 1200, "height": 900})
    login(page, live_server.url, "reviewer1")
    page.goto(f"{live_server.url}/review/{review.pk}/")
    page.wait_for_function("() => document.querySelector('video').readyState >= 1", timeout=15000)
    page.eval_on_selector("video", """v => new Promise(done => {
        v.addEventListener("seeked", () => { v.dispatchEvent(new Event("pause")); done(); }, {once: true});
        v.currentTime = 0.5;
    })""")
    assert page.input_value("#at") == "00:00.5"
    page.fill("#text", "铜丝弯曲弧度不符合明代规制")
    page.get_by_role("button", name="发表意见").click()
    page.wait_for_load_state()
    c = ReviewComment.objects.get(review=review)
    assert c.at_ms == 500 and c.author == rv.reviewer
    page.get_by_role("button", name="00:00").click()
    page.wait_for_function("() => Math.abs(document.querySelector('video').currentTime - 0.5) < 0.3", timeout=5000)
    page.screenshot(path=str(ARTIFACTS / "03-review-desktop.png"), full_page=True)
    assert not page.js_errors


def test_review_page_follows_post_processing_and_reloads_when_done(live_server, transactional_db, rv, make_clip,
                                                                  chromium):
    """While post-processing runs the page shows its progress (polled from status.json) and no 送审;
    when it finishes the page reloads once by itself and 送审 is there."""
    from generation.postprocess.models import MediaJob
    from review import services

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    job = MediaJob.objects.create(clip=review.clip, status=MediaJob.Status.QUEUED)
    page = new_page(chromium)
    login(page, live_server.url, "curator1")
    page.goto(f"{live_server.url}/review/{review.pk}/")
    box = page.locator("[data-postprocessing]")
    assert "等待后期处理开始" in box.inner_text()
    assert page.get_by_role("button", name="送审").count() == 0
    page.evaluate("window.__notReloaded = true")  # gone once the page reloads

    MediaJob.objects.filter(pk=job.pk).update(status=MediaJob.Status.RUNNING, progress_done=2, progress_total=5)
    page.wait_for_function("() => document.querySelector('[data-postprocessing] [data-role=text]')"
                           ".textContent.includes('2/5')", timeout=15000)
    assert page.get_attribute("[data-postprocessing] [role=progressbar]", "aria-valuenow") == "2"
    assert "处理中" in box.inner_text()
    assert page.evaluate("window.__notReloaded === true")  # progress came without a reload

    MediaJob.objects.filter(pk=job.pk).update(status=MediaJob.Status.SUCCEEDED, progress_done=5)
    page.get_by_role("button", name="送审").wait_for(timeout=15000)
    assert page.evaluate("window.__notReloaded === undefined") and box.count() == 0
    page.screenshot(path=str(ARTIFACTS / "04-review-after-postprocessing.png"), full_page=True)
    assert not page.js_errors
    page.context.close()


def test_signing_screen_updates_itself_while_post_processing_runs_and_when_a_new_version_comes(
        live_server, transactional_db, rv, make_clip, phone):
    """The inheritor's signing screen, on a phone: post-processing run again after 送审 shows its progress
    and 同意签署 appears by itself when it is done; after 需要修改 the screen waits, and when the curator
    sends the new version it shows 查看新版本 by itself (review.js polling status.json, no reload button
    hunt). Something typed is never thrown away by the reload."""
    from generation.postprocess.models import MediaJob
    from review import services

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    job = MediaJob.objects.create(clip=review.clip, status=MediaJob.Status.QUEUED)
    page = phone
    login(page, live_server.url, "yao")
    page.goto(f"{live_server.url}/review/{review.pk}/sign/")
    assert "等待后期处理开始" in page.locator("[data-postprocessing]").inner_text()
    assert page.get_by_role("button", name="同意签署").count() == 0
    MediaJob.objects.filter(pk=job.pk).update(status=MediaJob.Status.RUNNING, progress_done=1, progress_total=4)
    page.wait_for_function("() => document.querySelector('[data-postprocessing] [data-role=text]')"
                           ".textContent.includes('1/4')", timeout=15000)
    page.fill("#comment", "颜色偏暗")  # typed while waiting: the page must not reload it away
    MediaJob.objects.filter(pk=job.pk).update(status=MediaJob.Status.SUCCEEDED, progress_done=4)
    stale = page.locator("[data-review-watch] [data-role=stale]")
    stale.wait_for(state="visible", timeout=15000)
    assert page.input_value("#comment") == "颜色偏暗"
    stale.get_by_role("button", name="刷新本页").click()
    page.get_by_role("button", name="同意签署").wait_for(timeout=15000)
    assert page.locator("[data-postprocessing]").count() == 0

    # 需要修改, then the new version arrives while the screen is open
    page.fill("#comment", "针距应为两毫米")
    page.get_by_role("button", name="需要修改").click()
    page.wait_for_load_state()
    assert "馆员制作新版本并送审后" in page.content()
    clip2 = make_clip(variant="b")
    clip2.job.retry_of = review.clip.job
    clip2.job.save()
    review2 = services.review_open(clip=clip2, actor=rv.curator)
    services.review_submit(review=review2, actor=rv.curator)
    link = page.get_by_role("link", name="查看新版本 v2")
    link.wait_for(timeout=20000)
    page.screenshot(path=str(ARTIFACTS / "05-sign-new-version-phone.png"), full_page=True)
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/review/{review2.pk}/sign/")
    page.get_by_role("button", name="同意签署").wait_for()
    assert not page.js_errors


def test_inheritor_takes_back_a_mistaken_change_request_on_a_phone(live_server, transactional_db, rv, make_clip, phone):
    """walk8: after a mistaken 需要修改 the phone screen offers one big, plain button to take it back (while no
    curator has acted), says what it does, and the version is ready to sign again."""
    from review import services
    from review.models import Review

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    page = phone
    login(page, live_server.url, "yao")
    page.goto(f"{live_server.url}/review/{review.pk}/sign/")
    page.fill("#comment", "按错了")
    page.get_by_role("button", name="需要修改").click()
    page.wait_for_load_state()
    button = page.get_by_role("button", name="撤回我的修改意见")
    box = button.bounding_box()
    assert box["height"] >= 56 and box["width"] >= 150
    assert "撤回后这一版回到「审核中」" in page.locator("[data-testid=retract-changes]").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(ARTIFACTS / "05-retract-phone.png"), full_page=True)
    button.click()
    page.wait_for_load_state()
    assert "已撤回您的修改意见" in page.content()
    assert page.get_by_role("button", name="同意签署").is_visible()
    assert Review.objects.get(pk=review.pk).state == Review.State.IN_REVIEW
    assert not page.js_errors, page.js_errors


def test_signing_screens_with_a_message_pass_axe_on_a_phone(live_server, transactional_db, rv, make_clip, phone):
    """walk12: the message after 需要修改, after taking it back and after signing (「已签署。感谢您的确认。」) is a
    list item in a list: the message list kept no role that takes its list semantics away (axe listitem)."""
    from axe_playwright_python.sync_playwright import Axe

    from review import services

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    axe, problems = Axe(), []

    def check(label):
        page.wait_for_load_state("load")
        assert page.locator(".messages li").count() == 1, label
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                                  "wcag21aa"]}})
        problems.extend(f"{label}: {v['id']}" for v in results.response["violations"])

    page = phone
    login(page, live_server.url, "yao")
    page.goto(f"{live_server.url}/review/{review.pk}/sign/")
    # and no visible text in the screen's content or its footer is smaller than 16 px (helptext was 15.3 px)
    small = page.evaluate("""() => [...document.querySelectorAll('main *, footer, footer *')]
        .filter(e => e.offsetParent && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
        .filter(e => parseFloat(getComputedStyle(e).fontSize) < 16)
        .map(e => `${e.className} ${getComputedStyle(e).fontSize} ${e.textContent.trim().slice(0, 30)}`)""")
    assert small == [], small
    page.fill("#comment", "按错了")
    page.get_by_role("button", name="需要修改").click()
    check("changes requested")
    page.get_by_role("button", name="撤回我的修改意见").click()
    check("taken back")
    page.check("input[name=confirm]")
    page.get_by_role("button", name="同意签署").click()
    check("signed")
    assert problems == [], problems
    assert not page.js_errors, page.js_errors
