"""Curator screens in real headless Chromium (Debian's chromium through Playwright): the transcript
editor plays the recording at a clicked segment and fills times from the player; the technique form
adds and reorders steps; the lists fit a phone screen. Screenshots go to test-artifacts/curator/."""
import datetime as dt

import pytest
from django.core.files.base import ContentFile

from archive.management.commands.load_demo import demo_wav
from archive.models import Category, Craft, Recording, Technique, TechniqueStep, TranscriptSegment
from tests.browser_fixtures import artifacts_dir, new_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = artifacts_dir("curator")


@pytest.fixture
def browser(chromium):
    yield chromium
    # ORM calls made while Playwright's loop runs get their own connection (asgiref's Local sees
    # another context); close it here, or PostgreSQL refuses to drop the test database.
    from django.db import connections

    connections.close_all()


def login(browser, live_server, *, viewport=None):
    page = new_page(browser, viewport=viewport or {"width": 1200, "height": 900})
    page.goto(live_server.url + "/accounts/login/?next=/curator/")
    page.fill("#id_username", "cur")
    page.fill("#id_password", "pw-heritage-test")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/curator/")
    return page


@pytest.fixture
def world(transactional_db, make_user):
    from django.contrib.auth.models import Group

    for name in ("curator", "reviewer", "inheritor", "admin"):  # a flushed transactional db loses them
        Group.objects.get_or_create(name=name)
    make_user("cur", "curator")
    craft = Craft.objects.create(name="苏绣", slug="suxiu", category=Category.FINE_ARTS, region="江苏省苏州市")
    rec = Recording(craft=craft, title="正抢针口述", speaker_name="沈秀芬", interviewer="李文静",
                    recorded_on=dt.date(2023, 5, 16), place="苏州", consent_scope="generation",
                    consent_date=dt.date(2023, 5, 16))
    segments = [(0, 3000, "嗯,正抢啊。"), (4000, 7000, "针要斜一点,大概三十度。"), (8000, 11000, "不然容易断。")]
    rec.media.save("t.wav", ContentFile(demo_wav(seconds=13, beeps_at=[s / 1000 for s, _e, _t in segments])), save=False)
    rec.save()
    for s, e, t in segments:
        TranscriptSegment.objects.create(recording=rec, start_ms=s, end_ms=e, speaker="沈秀芬", text=t)
    tech = Technique.objects.create(craft=craft, name="正抢针法", slug="suxiu-zhengqiang")
    for order, title in enumerate(["劈丝", "起针"], start=1):
        TechniqueStep.objects.create(technique=tech, order=order, title=title, description=title + "描述")
    return {"recording": rec, "technique": tech}


def test_click_segment_seeks_and_plays(live_server, world, browser):
    rec = world["recording"]
    page = login(browser, live_server)
    page.goto(f"{live_server.url}/curator/recordings/{rec.pk}/")
    page.wait_for_function("() => document.querySelector('[data-player]').readyState >= 1", timeout=15000)
    page.locator("tr[data-segment]").nth(1).locator("[data-seek]").click()
    page.wait_for_function("() => document.querySelector('[data-player]').currentTime >= 4.0", timeout=15000)
    page.wait_for_function("() => document.querySelectorAll('tr[data-segment]')[1].classList.contains('playing')", timeout=15000)
    page.screenshot(path=str(ARTIFACTS / "01-recording-playing.png"), full_page=True)
    # it stops at the end of the clicked segment
    page.wait_for_function("() => document.querySelector('[data-player]').paused", timeout=15000)
    assert 6.9 <= page.evaluate("document.querySelector('[data-player]').currentTime") < 8.0

    # the editor: seek from a segment form, fill the end time from the player, save
    page.goto(f"{live_server.url}/curator/recordings/{rec.pk}/transcript/")
    page.wait_for_function("() => document.querySelector('[data-player]').readyState >= 1", timeout=15000)
    third = page.locator("[data-segment-row]").nth(2)
    third.locator("[data-seek]").click()
    page.wait_for_function("() => document.querySelector('[data-player]').paused && document.querySelector('[data-player]').currentTime > 10.5", timeout=15000)
    third.locator("button[data-set=end]").click()
    end_value = third.locator("input[name$='-end']").input_value()
    assert end_value.startswith("00:00:1")
    page.click("button[type=submit].primary")
    page.wait_for_selector(".messages")
    assert TranscriptSegment.objects.get(recording=rec, start_ms=8000).end_ms >= 10500
    assert page.js_errors == []


def test_editor_overlap_error_keeps_typed_rows(live_server, world, browser):
    rec = world["recording"]
    page = login(browser, live_server)
    page.goto(f"{live_server.url}/curator/recordings/{rec.pk}/transcript/")
    page.click("[data-add-segment]")
    new = page.locator("[data-segment-row]").last
    new.locator("input[name$='-start']").fill("00:00:02.000")
    new.locator("textarea").fill("插在中间的一句")
    page.locator("[data-segment-row]").first.locator("textarea").fill("改过的第一句")
    second = page.locator("[data-segment-row]").nth(1)
    second.locator("input[name$='-DELETE']").check()
    assert "deleted" in second.get_attribute("class")
    page.click("button[type=submit].primary")
    page.wait_for_selector(".segment-row.has-error")
    assert "时间重叠" in page.locator(".segment-row.has-error").inner_text()
    assert page.locator("[data-segment-row]").first.locator("textarea").input_value() == "改过的第一句"
    page.screenshot(path=str(ARTIFACTS / "02-transcript-overlap.png"), full_page=True)
    assert TranscriptSegment.objects.filter(recording=rec).count() == 3
    assert page.js_errors == []


def test_technique_steps_add_and_reorder(live_server, world, browser):
    tech = world["technique"]
    page = login(browser, live_server)
    page.goto(f"{live_server.url}/curator/techniques/{tech.slug}/edit/")
    page.click("[data-add-step]")
    row = page.locator("[data-step-row]").last
    row.locator("input[name$='-title']").fill("收针")
    row.locator("textarea[name$='-description']").fill("从背面收针")
    row.locator("textarea[name$='-parameters']").fill("needle_no=12")
    row.locator("input[name$='-title']").dispatch_event("change")
    row.locator("button[data-move=up]").click()  # 收针 moves above 起针
    page.screenshot(path=str(ARTIFACTS / "03-technique-steps.png"), full_page=True)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"**/curator/techniques/{tech.slug}/")
    assert list(tech.steps.order_by("order").values_list("title", flat=True)) == ["劈丝", "收针", "起针"]
    assert tech.steps.get(title="收针").parameters == {"needle_no": 12}
    assert page.js_errors == []


def test_lists_fit_a_phone(live_server, world, browser):
    page = login(browser, live_server, viewport={"width": 375, "height": 740})
    for path in ["/curator/crafts/", "/curator/recordings/", f"/curator/recordings/{world['recording'].pk}/transcript/",
                 f"/curator/techniques/{world['technique'].slug}/edit/"]:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
    page.screenshot(path=str(ARTIFACTS / "04-phone-transcript.png"), full_page=True)


def test_recording_form_offers_the_crafts_techniques_only(live_server, world, browser):
    other = Craft.objects.create(name="湘绣", slug="xiangxiu", category=Category.FINE_ARTS, region="长沙")
    Technique.objects.create(craft=other, name="鬅毛针", slug="xiangxiu-pengmao")
    page = login(browser, live_server)
    page.goto(f"{live_server.url}/curator/recordings/new/")
    page.select_option("#id_craft", label="湘绣")
    visible = page.eval_on_selector_all("#id_technique option", "os => os.filter(o => !o.hidden && o.value).map(o => o.textContent)")
    assert visible == ["湘绣·鬅毛针"]
    assert page.js_errors == []
