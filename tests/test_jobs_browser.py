"""The generation screens in real headless Chromium with a real worker: a curator submits a clip and watches
the progress bar advance step by step without the page reloading, then sees the finished video."""
import pytest

from archive.models import Category, Craft, Technique, TechniqueStep
from generation.models import GenerationJob
from tests.browser_fixtures import artifacts_dir, new_page
from tests.jobs_fixtures import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(600)]

ARTIFACTS = artifacts_dir("generation")


def test_live_progress_bar_without_reloading(start_worker, chromium, live_server, make_user):
    from django.contrib.auth.models import Group

    for name in ("curator", "reviewer", "inheritor", "admin"):  # a flushed transactional db loses them
        Group.objects.get_or_create(name=name)
    make_user("cur", "curator")
    craft = Craft.objects.create(name="苏绣", slug="suxiu", category=Category.FINE_ARTS, region="江苏省苏州市")
    t = Technique.objects.create(craft=craft, name="正抢针法", slug="suxiu-zhengqiang")
    TechniqueStep.objects.create(technique=t, order=1, title="起针", description="左手拉紧丝线,右手斜着进针。")
    worker = start_worker("browser", step_delay=0.6)

    try:
        page = new_page(chromium, viewport={"width": 1200, "height": 900})
        errors = page.js_errors
        page.goto(live_server.url + "/accounts/login/?next=/curator/generation/new/%3Ftechnique%3Dsuxiu-zhengqiang")
        page.fill("#id_username", "cur")
        page.fill("#id_password", "pw-heritage-test")
        page.click("button[type=submit]")
        page.wait_for_url("**/curator/generation/new/**")
        page.select_option("#id_step", "1")
        page.fill("#id_duration", "1")
        page.fill("#id_steps", "10")
        page.fill("#id_seed", "7")
        page.click("form.archive-form button[type=submit]")
        page.wait_for_url("**/curator/generation/jobs/**")
        job = GenerationJob.objects.get()
        page.evaluate("window.__sameDocument = true")  # gone if the page reloads

        widths, texts = [], []

        def sample():
            w = page.eval_on_selector(".job-progress [data-role=bar]", "e => e.style.width")
            txt = page.inner_text(".job-progress [data-role=text]")
            if not widths or widths[-1] != w:
                widths.append(w)
                texts.append(txt)
            return GenerationJob.objects.filter(pk=job.pk, progress_step__gte=8).exists() and len(widths) >= 4

        wait_for(sample, timeout=240, interval=0.1, what="the bar to advance", workers=[worker])
        assert page.evaluate("window.__sameDocument === true")  # advanced without a reload
        numbers = [float(w.rstrip("%")) for w in widths]
        assert numbers == sorted(numbers) and len(set(numbers)) >= 3, widths
        assert any("第" in x and "/10 步" in x for x in texts), texts
        assert any("阶段" in x for x in texts), texts  # the expert in plain words (第一阶段…)
        page.screenshot(path=str(ARTIFACTS / "progress.png"))

        wait_for(lambda: GenerationJob.objects.filter(pk=job.pk, status="succeeded").exists(), timeout=120,
                 what="job to succeed", workers=[worker])
        page.wait_for_selector("video", timeout=30000)  # the page shows the video once the job is done
        src = page.get_attribute("video", "src")
        assert src.endswith(f"/curator/generation/jobs/{job.pk}/media/video")
        response = page.request.get(live_server.url + src)
        assert response.status == 200 and response.headers["content-type"] == "video/mp4"
        page.screenshot(path=str(ARTIFACTS / "done.png"))
        assert not errors, errors
        page.context.close()
    finally:
        # Code run inside sync_playwright has its own context-local database connection (not the one
        # pytest-django closes): close it, or dropping the test database at the end of the session fails.
        from django.db import connection

        connection.close()
