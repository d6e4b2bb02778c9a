"""The public gallery in real headless Chromium (Debian's chromium, driven by Playwright): home → craft
→ technique, play a clip, switch subtitles, step navigator, question box, search in Chinese; and
unpublished media answering 404 to an anonymous visitor. Screenshots go to test-artifacts/gallery/."""
import pytest
from django.urls import reverse

from tests.browser_fixtures import artifacts_dir, new_page
from tests.gallery_fixtures import *  # noqa: F401,F403

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = artifacts_dir("gallery")


@pytest.fixture
def browser_page(chromium):
    page = new_page(chromium, viewport={"width": 1200, "height": 900})
    yield page
    page.context.close()


def _visible_step(page) -> str:
    return page.eval_on_selector_all("article.step", "els => els.filter(e => !e.hidden).map(e => e.id).join(',')")


def test_visitor_learns_a_technique_step_by_step(live_server, transactional_db, gallery_world, browser_page,
                                                 slow_mp4_bytes):
    from django.core.files.base import ContentFile

    from archive.models import Footage

    footage = Footage(technique=gallery_world["zhengqiang"], step=gallery_world["zhengqiang"].steps.get(order=3),
                      title="1986 年正抢针实拍", credit="苏州刺绣研究所", public=True)
    footage.file.save("zq.mp4", ContentFile(slow_mp4_bytes), save=False)
    footage.save()
    page = browser_page
    page.goto(live_server.url + "/")
    page.screenshot(path=str(ARTIFACTS / "01-home.png"), full_page=True)

    # home → craft → technique
    page.get_by_role("link", name="苏绣", exact=True).first.click()
    page.wait_for_url("**/crafts/suxiu/")
    page.screenshot(path=str(ARTIFACTS / "02-craft.png"), full_page=True)
    assert page.get_by_text("苏绣传承人").is_visible()
    page.get_by_role("link", name="正抢针法").click()
    page.wait_for_url("**/techniques/zhengqiang/")
    assert _visible_step(page) == "step-1"
    step1 = page.locator("#step-1")
    assert step1.locator(".attribution").is_visible() and step1.locator(".ai-notice").is_visible()
    assert "manifest" in page.get_by_role("link", name="IIIF 清单(manifest)").get_attribute("href")

    # play a clip (the button is a real, focusable <button>: press it with the keyboard)
    step1.locator(".play-toggle").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#video-step-1').currentTime > 0.3", timeout=15000)
    assert page.evaluate("document.querySelector('#video-step-1').error") is None
    assert step1.locator(".play-toggle").text_content() == "暂停"

    # subtitles: Chinese by default, switch to English
    modes = "Array.from(document.querySelector('#video-step-1').textTracks).map(t => t.language + ':' + t.mode)"
    page.wait_for_function(f"() => {modes}.includes('zh-Hans:showing')")
    step1.get_by_role("button", name="English").focus()  # keyboard alone: Tab to it, then Space
    page.keyboard.press("Space")
    assert step1.get_by_role("button", name="English").get_attribute("aria-pressed") == "true"
    page.wait_for_function(f"() => {modes}.join() === 'zh-Hans:disabled,en:showing'")
    page.wait_for_function(
        "() => { const t = document.querySelector('#video-step-1').textTracks[1];"
        " return t.cues && t.cues.length === 2 && t.cues[0].text.startsWith('English subtitle'); }"
    )
    page.screenshot(path=str(ARTIFACTS / "03-technique-playing.png"), full_page=True)

    # slow-motion variant: same player, the 0.5× file
    step1.get_by_role("button", name="0.5 倍慢放").click()
    page.wait_for_function("() => document.querySelector('#video-step-1').src.includes('/slow_0_5')")
    page.wait_for_function("() => document.querySelector('#video-step-1').duration === 4")

    # step navigator: buttons and keyboard
    page.get_by_role("button", name="下一步").click()
    assert _visible_step(page) == "step-2"
    assert page.locator("#step-status").text_content() == "第 2 / 4 段"
    page.get_by_role("button", name="上一步").click()
    assert _visible_step(page) == "step-1"
    # 上一步 is now disabled: focus moved to 下一步, not to <body>
    assert page.evaluate("document.activeElement.id") == "next-step"
    page.locator("body").press("n")
    assert _visible_step(page) == "step-2"

    # question box: 「下一步怎么走针?」 from step 2 → step 3
    page.get_by_label("看不懂哪一步").fill("下一步怎么走针?")
    page.get_by_role("button", name="提问").click()
    answer = page.locator("#ask-answer .answer-text")
    answer.wait_for()
    assert answer.text_content().startswith("第3步「正抢针」")
    page.get_by_role("button", name="转到第3步").click()
    assert _visible_step(page) == "step-3"
    # the original footage plays beside the AI demonstration
    real = page.locator("#step-3 figure.footage video")
    assert real.is_visible() and page.locator("#step-3 .player video").is_visible()
    real_box, ai_box = real.bounding_box(), page.locator("#step-3 .player video").bounding_box()
    assert real_box["x"] > ai_box["x"] + ai_box["width"] - 1  # side by side on a wide screen
    page.wait_for_function("() => document.querySelector('#step-3 figure.footage video').readyState >= 1")
    page.screenshot(path=str(ARTIFACTS / "04-question-answered.png"), full_page=True)

    # search in Chinese, then follow a result to its step
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox").fill("劈丝")
    page.get_by_role("button", name="搜索").click()
    page.wait_for_url("**/search/?q=*")
    results = page.locator("ol.results li")
    assert results.count() >= 1 and "劈丝" in results.first.text_content()
    page.screenshot(path=str(ARTIFACTS / "05-search.png"), full_page=True)
    page.locator("ol.results a[href$='#step-2']").first.click()
    page.wait_for_url("**/techniques/zhengqiang/#step-2")
    assert _visible_step(page) == "step-2"
    assert page.js_errors == []


def test_unpublished_media_answers_404_to_anonymous_visitor(live_server, transactional_db, gallery_world, browser_page):
    page = browser_page
    for which in ("draft", "withdrawn"):
        record = gallery_world[which]
        for role in ("video", "poster", "vtt"):
            response = page.goto(live_server.url + reverse("gallery:record_media", args=[record.pk, role]))
            assert response.status == 404, (which, role)
        # (Raw MEDIA_URL paths are checked with the test client in test_gallery_pages.py: Django's
        # live-server thread itself serves MEDIA_ROOT, which the application never does.)
    response = page.goto(live_server.url + reverse("gallery:technique", args=["luanzhen"]))
    assert response.status == 404
    page.screenshot(path=str(ARTIFACTS / "06-unpublished-404.png"))
    public = gallery_world["public"][0]
    response = page.goto(live_server.url + reverse("gallery:record_media", args=[public.pk, "poster"]))
    assert response.status == 200
