"""Curator screens for generation: generate one / all steps / camera angles, list with progress widgets,
status JSON for the live bars, cancel, retry with a new seed, compare, the GPU pool page."""
import pytest
from django.utils import timezone

from generation.models import GenerationJob, WorkerHeartbeat

pytestmark = pytest.mark.django_db


@pytest.fixture
def technique(craft):
    from archive.models import Technique, TechniqueStep

    t = Technique.objects.create(craft=craft, name="正抢针法", slug="suxiu-zhengqiang")
    for order, text in enumerate(["左手拉紧丝线,右手斜着进针。", "针距0.5毫米,一共六排。", "最后收针打结。"], 1):
        TechniqueStep.objects.create(technique=t, order=order, title=f"第{order}步", description=text)
    return t


def form_data(**extra):
    data = {"technique": "suxiu-zhengqiang", "kind": "one", "resolution": "480p", "duration": "1",
            "frame_rate": "24", "temperature": "0.85", "steps": "4", "seed": "42"}
    data.update(extra)
    return data


def test_generate_one_clip_from_a_step(curator_client, technique):
    page = curator_client.get("/curator/generation/new/?technique=suxiu-zhengqiang&step=2")
    assert page.status_code == 200 and "提交生成" in page.content.decode()
    r = curator_client.post("/curator/generation/new/", form_data(step="2", camera="top-down"))
    job = GenerationJob.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/curator/generation/jobs/{job.pk}/"
    assert job.step.order == 2 and job.camera == "top-down" and job.seed == 42
    assert job.parameters["delivery_fps"] == 24 and job.parameters["num_frames"] == 17
    detail = curator_client.get(r["Location"]).content.decode()
    assert f'data-job-id="{job.pk}"' in detail and 'data-active="1"' in detail  # live bar
    assert "取消" in detail and "换种子重试" in detail
    assert "噪声" in detail  # tiny engine: the page says its videos are noise


def test_batch_over_all_steps_and_camera_angles(curator_client, technique):
    r = curator_client.post("/curator/generation/new/", form_data(kind="all_steps"))
    jobs = list(GenerationJob.objects.order_by("step__order"))
    assert [j.step.order for j in jobs] == [1, 2, 3] and len({j.batch for j in jobs}) == 1
    assert r["Location"].endswith(f"?batch={jobs[0].batch}")
    listing = curator_client.get(r["Location"]).content.decode()
    assert listing.count('class="job-progress"') == 3
    r = curator_client.post("/curator/generation/new/", form_data(kind="cameras", step="1",
                                                                 cameras=["close-up", "macro", "wide"]))
    takes = GenerationJob.objects.filter(step__order=1, camera__in=["close-up", "macro", "wide"])
    assert takes.count() == 3 and len({t.seed for t in takes}) == 1 and len({t.prompt for t in takes}) == 3
    assert r["Location"].startswith("/curator/generation/compare/?jobs=")
    compare = curator_client.get(r["Location"]).content.decode()
    assert compare.count('class="card take-card"') == 3


def test_bad_form_input_is_shown_and_nothing_is_created(curator_client, technique):
    r = curator_client.post("/curator/generation/new/", form_data(duration="600", seed="1.5"))
    assert r.status_code == 400
    body = r.content.decode()
    assert "has-error" in body and GenerationJob.objects.count() == 0
    r = curator_client.post("/curator/generation/new/", form_data(kind="cameras", step="1", cameras=["macro"]))
    assert r.status_code == 400 and GenerationJob.objects.count() == 0


def test_status_json_cancel_and_retry(curator_client, technique):
    curator_client.post("/curator/generation/new/", form_data(step="1"))
    job = GenerationJob.objects.get()
    GenerationJob.objects.filter(pk=job.pk).update(status="running", progress_step=2, progress_expert="high",
                                                   eta_s=3.5)
    data = curator_client.get(f"/curator/generation/jobs/status.json?ids={job.pk},not-a-uuid").json()
    assert data["jobs"][0]["progress"] == {"step": 2, "total": 4, "expert": "high", "eta_s": 3.5}
    assert data["jobs"][0]["percent"] == 50.0 and data["jobs"][0]["active"] is True
    curator_client.post(f"/curator/generation/jobs/{job.pk}/cancel/")
    job.refresh_from_db()
    assert job.status == "cancelling"
    r = curator_client.post(f"/curator/generation/jobs/{job.pk}/retry/", {"seed": "777"})
    new = GenerationJob.objects.exclude(pk=job.pk).get()
    assert new.retry_of == job and new.seed == 777 and r["Location"] == f"/curator/generation/jobs/{new.pk}/"
    r = curator_client.post(f"/curator/generation/jobs/{job.pk}/retry/", {"seed": "abc"})
    assert GenerationJob.objects.count() == 2


def test_pool_page_shows_workers_queue_and_running(curator_client, technique, curator):
    curator_client.post("/curator/generation/new/", form_data(step="1"))
    curator_client.post("/curator/generation/new/", form_data(step="2"))
    running = GenerationJob.objects.get(step__order=2)
    GenerationJob.objects.filter(pk=running.pk).update(status="running", worker="gpu0@box/12")
    WorkerHeartbeat.objects.create(name="gpu0@box/12", hostname="box", pid=12, device="cuda:0",
                                   device_name="NVIDIA H100 80GB HBM3", memory_total_bytes=80 * 1024**3,
                                   memory_used_bytes=30 * 1024**3, preset="wan2.2-t2v-a14b",
                                   checkpoint_id="ab" * 32, engine_mode="resident", current_job=running,
                                   started_at=timezone.now(), last_seen=timezone.now())
    body = curator_client.get("/curator/generation/pool/").content.decode()
    assert "NVIDIA H100 80GB HBM3" in body and "abababababab" in body and "resident" in body
    assert "排队中(1)" in body and "正在生成(1)" in body
    fragment = curator_client.get("/curator/generation/pool/?fragment=1").content.decode()
    assert "<html" not in fragment and "NVIDIA H100" in fragment


def test_roles(client, make_user, technique):
    assert client.get("/curator/generation/").status_code == 302  # anonymous → login
    reviewer = make_user("rev", "reviewer")
    client.force_login(reviewer)
    assert client.get("/curator/generation/").status_code == 200
    assert client.get("/curator/generation/pool/").status_code == 200
    assert client.post("/curator/generation/new/", form_data()).status_code == 403
    assert GenerationJob.objects.count() == 0
    # a reviewer reads jobs but is not offered the forms that answer 403 (found crawling as reviewer)
    page = client.get("/curator/generation/").content.decode()
    assert 'href="/curator/generation/new/"' not in page and 'href="/curator/generation/s2v/"' not in page
    client.force_login(make_user("cur2", "curator"))
    page = client.get("/curator/generation/").content.decode()
    assert 'href="/curator/generation/new/"' in page and 'href="/curator/generation/s2v/"' in page


def test_job_list_shows_a_narrated_videos_size_and_a_large_mine_box(curator_client, technique):
    """A 口述影像 job has no resolution name: its row shows width×height (it read "· 208帧"); the 只看我的
    box is a 24 px tap target (jobs.css), like the gallery's shortcut box."""
    from pathlib import Path

    from django.conf import settings

    curator_client.post("/curator/generation/new/", form_data(step="1"))
    job = GenerationJob.objects.get()
    GenerationJob.objects.filter(pk=job.pk).update(kind=GenerationJob.Kind.S2V, parameters={
        "kind": "s2v", "width": 512, "height": 704, "num_frames": 208})
    body = curator_client.get("/curator/generation/").content.decode()
    assert "512×704 · 208帧" in body and "<small> · 208" not in body
    assert '<label class="check-mine"><input type="checkbox" name="mine"' in body
    css = (Path(settings.BASE_DIR) / "static/generation/jobs.css").read_text()
    assert ".check-mine input[type=checkbox] { width:24px; height:24px;" in css


def test_malformed_numbers_in_curator_generation_urls_are_ignored_or_refused_never_a_500(curator_client, technique):
    """「²」 passes str.isdigit but not int(), and 30 digits overflow the id column: both were 500s."""
    for bad in ("²", "9" * 30, "１２"):
        assert curator_client.get("/curator/generation/s2v/", {"recording": bad}).status_code == 200
        assert curator_client.get("/curator/generation/s2v/", {"segment": bad}).status_code == 200
        assert curator_client.get("/curator/generation/new/",
                                  {"technique": technique.slug, "step": bad}).status_code == 200
    curator_client.post("/curator/generation/new/", form_data(step="1"))
    job = GenerationJob.objects.get()
    for bad in ("²", "9" * 30):
        r = curator_client.post(f"/curator/generation/jobs/{job.pk}/retry/", {"seed": bad})
        assert r.status_code == 302 and GenerationJob.objects.count() == 1


def test_job_list_pages_by_the_one_rule_of_screen_lists(curator_client, technique):
    """walk11/api6: the job list paginated with its own code (25 a page); it is heritage.pages.paginate now, like
    every curator list: its page size, and the filters kept in the page links."""
    from heritage.pages import PAGE_SIZE

    curator_client.post("/curator/generation/new/", form_data(step="1"))
    job = GenerationJob.objects.get()
    fields = {f.attname: getattr(job, f.attname) for f in GenerationJob._meta.concrete_fields if f.attname != "id"}
    GenerationJob.objects.bulk_create([GenerationJob(**fields) for _ in range(PAGE_SIZE)])
    r = curator_client.get("/curator/generation/?technique=suxiu-zhengqiang&status=")
    assert len(r.context["jobs"]) == PAGE_SIZE and r.context["page"].paginator.num_pages == 2
    assert "?technique=suxiu-zhengqiang&page=2" in r.content.decode()
