"""The whole 口述影像 chain on the demo data, in one Chromium session: a curator picks a transcript span of
the demo recording and the drawn demo portrait on the S2V screen → the job runs with the tiny S2V
checkpoint → post-processing (audio kept, subtitles of the span, label) → review, the demo inheritor signs
on the signing screen → a curator archives (C2PA, BagIt) → its technique's public page shows it as 口述影像
with the subtitle track and the transcript following playback."""
import io
import json
import subprocess

import pytest
from django.core.management import call_command

from tests.browser_fixtures import artifacts_dir, new_page

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(900)]


def login(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "heritage-demo")
    page.click("button[type=submit], input[type=submit]")


def test_transcript_span_to_public_narration(chromium, live_server, settings, tmp_path, tmp_path_factory,
                                             monkeypatch):
    from django.contrib.auth import get_user_model

    from archive.models import InheritorPortrait, Recording
    from generation import attribution
    from generation.models import GenerationJob
    from generation.postprocess.models import MediaJob
    from generation.runtime import WorkerRuntime
    from generation.services import job_execute
    from records.bags import bag_export, bag_read
    from review import services as rs
    from tests.s2v_fixtures import tiny_s2v_path

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.S2V_MODEL_DIR = tiny_s2v_path(tmp_path_factory)
    settings.S2V_PRESET = "tiny-s2v"
    monkeypatch.setenv("HERITAGE_ENGINE_DEVICE", "cpu")
    monkeypatch.setenv("HERITAGE_GENERATION_SCRATCH", str(tmp_path / "scratch"))
    call_command("load_demo", stdout=io.StringIO())
    recording = Recording.objects.get(craft__slug="suxiu")
    portrait = InheritorPortrait.objects.get(inheritor=recording.speaker)
    # the speaker's own words: the recording opens with the interviewer's question, which a narration refuses
    segs = list(recording.segments.filter(speaker=recording.speaker.name).order_by("start_ms")[:2])
    curator = get_user_model().objects.get(username="curator")
    out = artifacts_dir("s2v")
    page = new_page(chromium)

    # 1. The curator picks the span (two transcript segments) and the portrait on the S2V screen.
    login(page, live_server, "curator")
    page.goto(f"{live_server.url}/curator/generation/s2v/?recording={recording.pk}")
    for s in segs:
        page.check(f"input[name=segments][value='{s.pk}']")
    page.select_option("select[name=portrait]", str(portrait.pk))
    page.fill("input[name=seed]", "11")
    page.fill("input[name=steps]", "2")
    page.click("form.archive-form button[type=submit]")
    page.wait_for_url("**/curator/generation/jobs/*/")
    job = GenerationJob.objects.get(kind="s2v")
    assert (job.audio_start_ms, job.audio_end_ms) == (segs[0].start_ms, segs[-1].end_ms)
    page.screenshot(path=str(out / "job.png"))

    # 2. The job runs here through the worker's own code path (the worker test runs it on Celery); the
    #    post-processing task it queues on commit runs eagerly, as in heritage_demo.
    from heritage.celery import app

    eager_before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        outcome = job_execute(job_id=job.pk, runtime=WorkerRuntime(name="browser-test/1"))
    finally:
        app.conf.task_always_eager = eager_before
    job.refresh_from_db()
    assert job.status == "succeeded", (outcome, job.error, job.error_detail[-1500:])
    media = MediaJob.objects.get(clip=job.clip)
    assert media.status == "succeeded", media.error

    # 3. Review; the demo inheritor signs on the signing screen; a curator archives and exports a bag.
    review = rs.review_open(clip=job.clip, actor=curator)
    rs.review_submit(review=review, actor=curator)
    expected = attribution.s2v_attribution(portrait=portrait, recording=recording)
    assert job.attribution == expected and review.attribution == expected
    signer = recording.speaker.signer
    page.context.clear_cookies()
    login(page, live_server, signer.username)
    page.goto(f"{live_server.url}/review/{review.pk}/sign/")
    page.screenshot(path=str(out / "sign.png"), full_page=True)
    page.check("input[name=confirm]")
    page.click("button[name=decision][value=approve]")
    page.wait_for_load_state()
    review.refresh_from_db()
    assert review.state == "approved", review.state
    record = rs.review_archive(review=review, actor=curator)
    bag = bag_read(bag_export(record, dest_dir=tmp_path / "bags", actor=curator))
    assert bag is not None
    roles = set(record.files.values_list("role", flat=True))
    assert {"video", "vtt", "c2pa_manifest"} <= roles

    # 4. The public technique page (the one place a narration plays; the craft page links it, walk14): 口述影像 with
    # the subtitle track and the synchronised transcript.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/techniques/{record.technique.slug}/")
    section = page.locator("section.narrations")
    assert section.is_visible()
    assert "口述影像" in section.inner_text()
    assert section.locator("track[kind=subtitles]").count() == 1
    lines = section.locator(".narration-transcript li")
    assert lines.count() == 2 and segs[0].text in lines.nth(0).inner_text()
    # the public video has the audio stream
    video_url = section.locator("video").get_attribute("src")
    path = tmp_path / "public.mp4"
    path.write_bytes(page.request.get(f"{live_server.url}{video_url}").body())
    streams = json.loads(subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_streams",
                                         str(path)], capture_output=True, check=True).stdout)["streams"]
    assert sorted(s["codec_type"] for s in streams) == ["audio", "video"]
    # clicking the second line seeks there and marks it as the line being heard
    page.evaluate("document.querySelector('section.narrations video').muted = true")
    lines.nth(1).locator("button.seek").click()
    page.wait_for_function("document.querySelectorAll('.narration-transcript li')[1].getAttribute('aria-current')"
                           " === 'true'")
    t = page.evaluate("document.querySelector('section.narrations video').currentTime")
    start_2 = (segs[1].start_ms - segs[0].start_ms) / 1000
    assert t >= start_2 - 0.01
    page.screenshot(path=str(out / "craft-narration.png"), full_page=True)
    assert page.js_errors == []
    assert record.attribution == expected
    assert section.locator(".attribution").inner_text() == "AI 生成 " + expected  # the page words the label in the visitor's language (walk6)
