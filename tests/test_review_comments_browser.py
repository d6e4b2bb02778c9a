"""Comment threads on the review page in real headless Chromium at 390×844 (branch comments): replies under
their comment, the 只看未解决 filter with counts, resolve with a thumb-sized button, a reply; a refused comment
leaves the browser on the review page (post-redirect-get), so a reload sends nothing again."""
import pytest

from tests.browser_fixtures import artifacts_dir, login
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = artifacts_dir("review")


def test_threads_on_a_phone(live_server, transactional_db, rv, make_clip, phone):
    from review import services
    from review.models import ReviewComment

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    c = services.review_comment(review=review, actor=rv.reviewer, text="铜丝弯曲弧度不符合明代规制", at_ms=300)
    services.review_comment(review=review, actor=rv.inheritor_user, text="同意,针脚也要更密", parent=c.pk)
    services.review_comment(review=review, actor=rv.curator, text="片头太长")
    page = phone
    login(page, live_server.url, "reviewer1")
    detail = f"{live_server.url}/review/{review.pk}/"
    page.goto(detail)
    thread = page.locator(f"#c-{c.pk}")
    assert "同意,针脚也要更密" in thread.locator(".replies").inner_text()
    assert "只看未解决(2)" in page.locator("[data-testid=comment-counts]").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    resolve = thread.get_by_role("button", name="标记为已解决")
    assert resolve.bounding_box()["height"] >= 44
    page.screenshot(path=str(ARTIFACTS / "10-comments-phone.png"), full_page=True)

    resolve.click()
    page.wait_for_load_state()
    assert page.url.startswith(detail) and "/comment" not in page.url
    assert "已解决" in page.locator(f"#c-{c.pk} .thread-state").inner_text()
    page.get_by_test_id("only-open").click()
    page.wait_for_load_state()
    assert page.locator(f"#c-{c.pk}").count() == 0 and "片头太长" in page.locator(".comments").inner_text()

    # a refused comment (bad time code): back on the review page with the error and the text; a reload is clean
    page.goto(detail)
    page.fill("#at", "99:99")
    page.fill("#text", "颜色偏暗")
    page.get_by_role("button", name="发表意见").click()
    page.wait_for_load_state()
    assert page.url.split("#")[0] == detail
    assert "时间点格式不正确" in page.locator("p.error[role=alert]").inner_text()
    assert page.input_value("#text") == "颜色偏暗"
    page.reload()
    page.wait_for_load_state()
    assert page.locator("p.error[role=alert]").count() == 0
    assert ReviewComment.objects.filter(text="颜色偏暗").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert not page.js_errors, page.js_errors
