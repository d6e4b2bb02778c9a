"""REST API for generation jobs: token auth, submission shape, 400 field errors, visibility and
cancellation rights, batch, schema and Swagger UI from our own static files. No worker needed: jobs are
created and (when the transaction commits) queued; these tests check what the API answers."""
import pytest
from rest_framework.test import APIClient

from generation.models import GenerationJob

pytestmark = pytest.mark.django_db


@pytest.fixture
def technique(craft):
    from archive.models import Technique, TechniqueStep

    t = Technique.objects.create(craft=craft, name="正抢针法", slug="suxiu-zhengqiang")
    TechniqueStep.objects.create(technique=t, order=1, title="起针", description="左手拉紧丝线,右手斜着进针,针距0.5毫米。")
    TechniqueStep.objects.create(technique=t, order=2, title="铺针", description="一共六排,每排压住上一排的一半。")
    return t


def token_client(user):
    from rest_framework.authtoken.models import Token

    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return c


@pytest.fixture
def alice(make_user):
    return make_user("alice", "curator")


@pytest.fixture
def bob(make_user):
    return make_user("bob", "reviewer")


SEED_EXAMPLE = {
    "model": "tiny",
    "input": {"text": "一位苏州工匠正在使用细针进行双面苏绣,左手拉紧丝线,右手轻巧穿针。"},
    "parameters": {"resolution": "480p", "duration": 2, "frame_rate": 24, "seed": 12345, "temperature": 0.85},
}


def test_token_endpoint_returns_token(make_user):
    make_user("carol", password="s3cret-pass-1")
    r = APIClient().post("/api/v1/auth/token", {"username": "carol", "password": "s3cret-pass-1"}, format="json")
    assert r.status_code == 200 and set(r.json()) == {"token"}
    bad = APIClient().post("/api/v1/auth/token", {"username": "carol", "password": "nope"}, format="json")
    # found by schemathesis (positive_data_acceptance): a well-formed body that does not log in was a 400
    assert bad.status_code == 401 and bad.json()["code"] == "authentication_failed" and bad["WWW-Authenticate"]
    assert APIClient().post("/api/v1/auth/token", {"username": "carol"}, format="json").status_code == 400


def test_submit_seed_article_shape_answers_202_queued(alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        r = token_client(alice).post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json")
    assert r.status_code == 202, r.content
    body = r.json()
    assert body["status"] == "queued" and body["id"]
    assert body["progress"] == {"step": 0, "total": 4, "expert": None, "eta_s": None}
    assert body["output"] is None
    job = GenerationJob.objects.get(pk=body["id"])
    assert job.requested_by == alice and job.seed == 12345
    # duration 2 s at the tiny preset's native 16 fps → 33 frames (4k+1); delivery at 24 fps
    assert job.parameters["num_frames"] == 33 and job.parameters["fps"] == 16 and job.parameters["delivery_fps"] == 24
    # temperature 0.85 divides the preset's guidance (4.0 high, 3.0 low)
    assert job.parameters["guidance_high"] == pytest.approx(4.0 / 0.85, abs=1e-3)
    assert job.parameters["guidance_low"] == pytest.approx(3.0 / 0.85, abs=1e-3)
    assert job.prompt and job.action_description.get("steps") is not None
    assert len(callbacks) == 1  # queued only once the transaction committed


def test_submit_from_technique_and_step(alice, technique):
    c = token_client(alice)
    r = c.post("/api/v1/generation-tasks", {"input": {"technique": "suxiu-zhengqiang", "step": 2, "camera": "macro"},
                                            "parameters": {"seed": 7}}, format="json")
    assert r.status_code == 202, r.content
    job = GenerationJob.objects.get(pk=r.json()["id"])
    assert job.technique == technique and job.step.order == 2 and job.camera == "macro"
    assert "六排" in job.source_text and "微距" in job.prompt
    assert r.json()["input"] == {**r.json()["input"], "technique": "suxiu-zhengqiang", "step": 2}


@pytest.mark.parametrize("body, path", [
    ({"parameters": {"resolution": "4k"}}, ("parameters", "resolution")),
    ({"parameters": {"duration": 0}}, ("parameters", "duration")),
    ({"parameters": {"duration": 600}}, ("parameters", "duration")),
    ({"parameters": {"seed": 1.5}}, ("parameters", "seed")),
    ({"parameters": {"seed": "abc"}}, ("parameters", "seed")),
    ({"parameters": {"seed": -1}}, ("parameters", "seed")),
    ({"parameters": {"temperature": 5}}, ("parameters", "temperature")),
    ({"parameters": {"temperature": 0.1}}, ("parameters", "temperature")),
    ({"parameters": {"frame_rate": 0}}, ("parameters", "frame_rate")),
    ({"parameters": {"steps": 1000}}, ("parameters", "steps")),
    ({"input": {"technique": "no-such-technique"}}, ("input", "technique")),
    ({"input": {"technique": "suxiu-zhengqiang", "step": 9}}, ("input", "step")),
    ({"input": {}}, ("input", "text")),
    ({"input": {"text": "拉线", "camera": "drone"}}, ("input", "camera")),
    ({"model": "wan2.2-t2v-a14b"}, ("model",)),
])
def test_bad_parameters_get_400_with_field_errors(alice, technique, body, path):
    payload = {"input": {"text": "左手拉紧丝线。"}, "parameters": {"duration": 1}}
    for key, value in body.items():
        payload[key] = {**payload.get(key, {}), **value} if isinstance(value, dict) else value
    if "input" in body and body["input"] == {}:
        payload["input"] = {}
    before = GenerationJob.objects.count()
    r = token_client(alice).post("/api/v1/generation-tasks", payload, format="json")
    assert r.status_code == 400, r.content
    errors = r.json()
    for key in path:
        assert key in errors, errors
        errors = errors[key]
    assert errors and all(isinstance(m, str) and m for m in errors)
    assert GenerationJob.objects.count() == before  # nothing half-created


def test_duration_maps_to_4k_plus_1_native_frames():
    from generation.parameters import frames_for_duration, resolve

    assert frames_for_duration(5, 16) == 81  # A14B: 5 s at 16 fps
    assert frames_for_duration(2, 16) == 33
    assert frames_for_duration(1, 16) == 17
    assert frames_for_duration(0.25, 16) == 5
    for d in (0.3, 0.77, 1.3, 2.9, 4.4, 5.0):
        assert (frames_for_duration(d, 16) - 1) % 4 == 0
    a14b = resolve({"resolution": "720p", "duration": 5, "frame_rate": 24}, preset_name="wan2.2-t2v-a14b")
    assert (a14b["width"], a14b["height"], a14b["num_frames"], a14b["fps"]) == (1280, 720, 81, 16)
    assert resolve({"resolution": "480p", "orientation": "portrait"}, preset_name="wan2.2-t2v-a14b")["width"] == 480


def test_unauthenticated_writes_are_refused(technique):
    anon = APIClient()
    assert anon.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json").status_code == 401
    assert anon.post("/api/v1/generation-tasks/batch", {"tasks": [SEED_EXAMPLE]}, format="json").status_code == 401
    assert anon.get("/api/v1/generation-tasks").status_code == 401
    assert GenerationJob.objects.count() == 0


def test_users_see_and_cancel_only_their_own_jobs_unless_curator(alice, bob, curator):
    r = token_client(alice).post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json")
    job_id = r.json()["id"]
    b = token_client(bob)  # a reviewer: reads the generation area, sees only jobs of their own (none)
    assert b.get(f"/api/v1/generation-tasks/{job_id}").status_code == 404
    assert b.post(f"/api/v1/generation-tasks/{job_id}/cancel").status_code == 404
    assert b.get("/api/v1/generation-tasks").json()["count"] == 0
    assert GenerationJob.objects.get(pk=job_id).status == "queued"
    cur = token_client(curator)
    assert cur.get(f"/api/v1/generation-tasks/{job_id}").status_code == 200
    assert cur.get("/api/v1/generation-tasks").json()["count"] == 1
    r = token_client(alice).post(f"/api/v1/generation-tasks/{job_id}/cancel")
    assert r.status_code == 202 and r.json()["status"] == "cancelled"
    again = cur.post(f"/api/v1/generation-tasks/{job_id}/cancel")
    assert again.status_code == 409 and "detail" in again.json()


def test_list_is_filtered_and_paginated(alice, technique):
    c = token_client(alice)
    for seed in range(3):
        c.post("/api/v1/generation-tasks", {"input": {"technique": "suxiu-zhengqiang", "step": 1},
                                            "parameters": {"seed": seed}}, format="json")
    c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json")
    GenerationJob.objects.filter(seed=0).update(status="failed")
    body = c.get("/api/v1/generation-tasks?technique=suxiu-zhengqiang&status=queued").json()
    assert body["count"] == 2 and {t["seed"] for t in body["results"]} == {1, 2}
    assert set(body) >= {"count", "next", "previous", "results"}
    assert c.get("/api/v1/generation-tasks?step=1").json()["count"] == 3


def test_batch_submission_is_all_or_nothing(alice, technique):
    c = token_client(alice)
    good = {"input": {"technique": "suxiu-zhengqiang", "step": 1}, "parameters": {"seed": 1}}
    bad = {"input": {"technique": "suxiu-zhengqiang", "step": 1}, "parameters": {"resolution": "8k"}}
    r = c.post("/api/v1/generation-tasks/batch", {"tasks": [good, bad]}, format="json")
    assert r.status_code == 400 and "tasks" in r.json()
    assert GenerationJob.objects.count() == 0
    r = c.post("/api/v1/generation-tasks/batch", {"tasks": [good, SEED_EXAMPLE]}, format="json")
    assert r.status_code == 202, r.content
    batch = r.json()["batch"]
    assert len(r.json()["tasks"]) == 2
    assert c.get(f"/api/v1/generation-tasks?batch={batch}").json()["count"] == 2


def test_retry_with_new_seed(alice):
    c = token_client(alice)
    job_id = c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json").json()["id"]
    r = c.post(f"/api/v1/generation-tasks/{job_id}/retry", {"seed": 99}, format="json")
    assert r.status_code == 202
    new = GenerationJob.objects.get(pk=r.json()["id"])
    old = GenerationJob.objects.get(pk=job_id)
    assert new.retry_of_id == old.pk and new.seed == 99 and new.prompt == old.prompt
    assert {k: v for k, v in new.parameters.items()} == old.parameters


def test_schema_builds_and_swagger_ui_is_served_from_own_static(client):
    from django.urls import include, path
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    # This area's endpoints build a valid schema without a single warning (other areas check their own).
    GENERATOR_STATS.reset()
    schema = SchemaGenerator(patterns=[path("api/v1/", include("generation.api.urls"))]).get_schema(public=True)
    validate_schema(schema)
    assert not GENERATOR_STATS, "schema warnings/errors for generation-tasks (see captured stderr)"
    assert "/api/v1/generation-tasks/{id}/cancel" in schema["paths"]
    r = client.get("/api/v1/docs/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200 and "/api/v1/generation-tasks/{id}/cancel" in schema.content.decode()


def test_transcript_span_needs_consent_for_ai_reconstruction(alice, craft):
    import datetime as dt

    from archive.models import Recording, TranscriptSegment

    def recording(scope):
        r = Recording.objects.create(craft=craft, title=f"口述 {scope}", speaker_name="沈", interviewer="李",
                                     recorded_on=dt.date(2023, 5, 1), place="苏州", consent_scope=scope,
                                     consent_date=dt.date(2023, 5, 1))
        TranscriptSegment.objects.create(recording=r, start_ms=0, end_ms=4000, text="哎呀那个针要斜一点进去。")
        TranscriptSegment.objects.create(recording=r, start_ms=4000, end_ms=9000, text="左手拉紧丝线,右手进针。")
        return r

    c = token_client(alice)
    research = recording("research")
    r = c.post("/api/v1/generation-tasks", {"input": {"recording": research.pk}}, format="json")
    assert r.status_code == 400 and "recording" in r.json()["input"], r.content
    ok = recording("generation")
    transcript = ok.transcript_text()
    start, end = transcript.index("左手"), len(transcript)
    r = c.post("/api/v1/generation-tasks", {"input": {"recording": ok.pk, "start": start, "end": end}}, format="json")
    assert r.status_code == 202, r.content
    job = GenerationJob.objects.get(pk=r.json()["id"])
    assert job.source_text == "左手拉紧丝线,右手进针。" and (job.source_start, job.source_end) == (start, end)
    assert job.recording == ok and r.json()["input"]["recording"] == ok.pk
    bad = c.post("/api/v1/generation-tasks", {"input": {"recording": ok.pk, "start": 5, "end": 999}}, format="json")
    assert bad.status_code == 400 and "end" in bad.json()["input"], bad.content  # the offset that is wrong
    assert GenerationJob.objects.count() == 1


def test_output_prefers_the_delivery_rendition_and_serves_poster_and_subtitles(alice, settings, tmp_path):
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from generation.models import Clip
    from generation.postprocess.models import MediaJob, Rendition

    settings.MEDIA_ROOT = tmp_path
    c = token_client(alice)
    job_id = c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json").json()["id"]
    job = GenerationJob.objects.get(pk=job_id)
    clip = Clip(job=job, sha256="0" * 64, size_bytes=6, width=64, height=48, num_frames=33, fps=16)
    clip.file.save(f"{job_id}.mp4", ContentFile(b"native"), save=False)
    clip.save()
    GenerationJob.objects.filter(pk=job_id).update(status="succeeded", finished_at=timezone.now())
    body = c.get(f"/api/v1/generation-tasks/{job_id}").json()
    assert body["output"]["video_url"].endswith("/media/video") and body["output"]["poster_url"] is None
    assert b"".join(c.get(body["output"]["video_url"]).streaming_content) == b"native"

    mj = MediaJob.objects.create(clip=clip, status="succeeded", finished_at=timezone.now())
    for kind, lang, data in (("delivery", "", b"delivery"), ("poster", "", b"poster"), ("subtitles", "zh", b"WEBVTT")):
        r = Rendition(clip=clip, media_job=mj, kind=kind, language=lang, sha256="1" * 64, size_bytes=len(data))
        r.file.save(f"{kind}.bin", ContentFile(data), save=False)
        r.save()
    out = c.get(f"/api/v1/generation-tasks/{job_id}").json()["output"]
    assert b"".join(c.get(out["video_url"]).streaming_content) == b"delivery"
    assert b"".join(c.get(out["native_video_url"]).streaming_content) == b"native"
    assert b"".join(c.get(out["poster_url"]).streaming_content) == b"poster"
    assert b"".join(c.get(out["subtitles_url"]).streaming_content) == b"WEBVTT"
    assert APIClient().get(out["video_url"]).status_code == 401


def documented(client, path: str, method: str, status: str) -> dict | None:
    schema = client.get("/api/v1/schema/?format=json").json()
    return schema["paths"][path][method]["responses"].get(status)


def test_a_misspelt_field_is_a_400_naming_it_and_nothing_is_queued(alice):
    """"sead" for "seed" used to be dropped (a random seed, a job the script did not ask for)."""
    c = token_client(alice)
    for body, where in (({**SEED_EXAMPLE, "parameters": {"sead": 5}}, "parameters"),
                        ({**SEED_EXAMPLE, "input": {"text": "绷紧丝线", "camra": "top"}}, "input"),
                        ({**SEED_EXAMPLE, "priority": 1}, None)):
        r = c.post("/api/v1/generation-tasks", body, format="json")
        assert r.status_code == 400, r.content
        error = r.json()
        fields = error[where] if where else {k: v for k, v in error.items() if k not in ("detail", "code")}
        assert error["code"] == "invalid" and len(fields) == 1 and "可用的字段" in next(iter(fields.values()))[0]
    assert not GenerationJob.objects.exists()


def test_a_created_task_has_a_location_and_the_documented_409_and_206(alice, settings, tmp_path):
    from django.core.files.base import ContentFile

    from generation.models import Clip

    c = token_client(alice)
    r = c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json")
    job_id = r.json()["id"]
    assert r["Location"] == f"/api/v1/generation-tasks/{job_id}" and c.get(r["Location"]).status_code == 200
    c.post(f"/api/v1/generation-tasks/{job_id}/cancel")
    again = c.post(f"/api/v1/generation-tasks/{job_id}/cancel")
    conflict = documented(c, "/api/v1/generation-tasks/{id}/cancel", "post", "409")
    ref = conflict["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    props = c.get("/api/v1/schema/?format=json").json()["components"]["schemas"][ref]["properties"]
    assert again.status_code == 409 and set(again.json()) == set(props) == {"detail", "code"}

    settings.MEDIA_ROOT = tmp_path
    clip = Clip(job=GenerationJob.objects.get(pk=job_id), sha256="0" * 64, size_bytes=6, width=64, height=48,
                num_frames=33, fps=16)
    clip.file.save(f"{job_id}.mp4", ContentFile(b"native"), save=False)
    clip.save()
    GenerationJob.objects.filter(pk=job_id).update(status="succeeded")
    part = c.get(f"/api/v1/generation-tasks/{job_id}/media/native", HTTP_RANGE="bytes=0-1")
    assert part.status_code == 206 and b"".join(part.streaming_content) == b"na"
    assert documented(c, "/api/v1/generation-tasks/{id}/media/{kind}", "get", "206")
    outside = c.get(f"/api/v1/generation-tasks/{job_id}/media/native", HTTP_RANGE="bytes=100-200")
    assert outside.status_code == 416 and documented(c, "/api/v1/generation-tasks/{id}/media/{kind}", "get", "416")


def test_idempotency_key_makes_a_repeated_submission_answer_the_first_job(alice, make_user,
                                                                          django_capture_on_commit_callbacks):
    """A script that retries ``POST generation-tasks`` after a dropped connection must not queue a second job:
    same key + same body → the first job's 202 again (nothing sent to the queue); same key + another body →
    409; another account's identical key is its own; a key over 24 h old is free again."""
    import datetime as dt

    from heritage.models import OnceKey

    c = token_client(alice)
    with django_capture_on_commit_callbacks(execute=False) as first_sent:
        first = c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json", HTTP_IDEMPOTENCY_KEY="walk-1")
    assert first.status_code == 202, first.content
    reordered = {k: SEED_EXAMPLE[k] for k in reversed(list(SEED_EXAMPLE))}
    with django_capture_on_commit_callbacks(execute=False) as again_sent:
        again = c.post("/api/v1/generation-tasks", reordered, format="json", HTTP_IDEMPOTENCY_KEY="walk-1")
    assert again.status_code == 202 and again.json()["id"] == first.json()["id"], again.content
    assert again["Location"] == first["Location"] and again["Idempotent-Replayed"] == "true"
    assert GenerationJob.objects.count() == 1 and len(first_sent) >= 1 and len(again_sent) == 0

    other_body = {**SEED_EXAMPLE, "parameters": {**SEED_EXAMPLE["parameters"], "seed": 1}}
    conflict = c.post("/api/v1/generation-tasks", other_body, format="json", HTTP_IDEMPOTENCY_KEY="walk-1")
    assert conflict.status_code == 409 and conflict.json()["code"] == "idempotency_conflict", conflict.content
    assert GenerationJob.objects.count() == 1

    other = token_client(make_user("dora", "curator"))
    assert other.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json",
                      HTTP_IDEMPOTENCY_KEY="walk-1").json()["id"] != first.json()["id"]
    assert c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json").status_code == 202  # no key: a new job
    assert GenerationJob.objects.count() == 3

    OnceKey.objects.filter(scope="generation-tasks", key="walk-1", user=alice).update(
        created_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=25))
    later = c.post("/api/v1/generation-tasks", other_body, format="json", HTTP_IDEMPOTENCY_KEY="walk-1")
    assert later.status_code == 202 and later.json()["id"] != first.json()["id"] and "Idempotent-Replayed" not in later


def test_idempotency_key_a_failed_submission_keeps_the_key_free_and_a_bad_key_is_a_400(alice):
    from heritage.models import OnceKey

    c = token_client(alice)
    bad = {**SEED_EXAMPLE, "parameters": {**SEED_EXAMPLE["parameters"], "duration": 999}}
    assert c.post("/api/v1/generation-tasks", bad, format="json", HTTP_IDEMPOTENCY_KEY="k2").status_code == 400
    assert not OnceKey.objects.exists()
    assert c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json", HTTP_IDEMPOTENCY_KEY="k2").status_code == 202
    for key in ("x" * 256, "含中文", "a b"):
        r = c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json", HTTP_IDEMPOTENCY_KEY=key)
        assert r.status_code == 400 and r.json()["code"] == "invalid", (key, r.content)
    assert GenerationJob.objects.count() == 1
    operation = c.get("/api/v1/schema/?format=json").json()["paths"]["/api/v1/generation-tasks"]["post"]
    assert "Idempotency-Key" in {p["name"] for p in operation["parameters"] if p["in"] == "header"}
    assert "409" in operation["responses"]


def test_batch_idempotency_key_answers_the_first_batch_and_refuses_another_body(alice, technique,
                                                                               django_capture_on_commit_callbacks):
    """``POST generation-tasks/batch`` takes the same ``Idempotency-Key`` as the single submission (one mechanism,
    ``services.jobs_create_once``): the same key and body again answer the first batch (202, the same batch id
    and task ids in the same order, ``Idempotent-Replayed``), nothing queued; another body → 409; a failed batch
    keeps the key free; the key is per endpoint body, so the single endpoint with it and its own body is a 409."""
    from heritage.models import OnceKey

    c = token_client(alice)
    good = {"input": {"technique": "suxiu-zhengqiang", "step": 1}, "parameters": {"seed": 1}}
    bad = {"input": {"technique": "suxiu-zhengqiang", "step": 1}, "parameters": {"resolution": "8k"}}
    refused = c.post("/api/v1/generation-tasks/batch", {"tasks": [good, bad]}, format="json", HTTP_IDEMPOTENCY_KEY="b-1")
    assert refused.status_code == 400 and not OnceKey.objects.exists()

    body = {"tasks": [good, SEED_EXAMPLE]}
    with django_capture_on_commit_callbacks(execute=False) as first_sent:
        first = c.post("/api/v1/generation-tasks/batch", body, format="json", HTTP_IDEMPOTENCY_KEY="b-1")
    assert first.status_code == 202 and "Idempotent-Replayed" not in first, first.content
    with django_capture_on_commit_callbacks(execute=False) as again_sent:
        again = c.post("/api/v1/generation-tasks/batch", body, format="json", HTTP_IDEMPOTENCY_KEY="b-1")
    assert again.status_code == 202 and again["Idempotent-Replayed"] == "true", again.content
    assert again.json()["batch"] == first.json()["batch"]
    assert [t["id"] for t in again.json()["tasks"]] == [t["id"] for t in first.json()["tasks"]]
    assert GenerationJob.objects.count() == 2 and len(first_sent) >= 2 and len(again_sent) == 0

    conflict = c.post("/api/v1/generation-tasks/batch", {"tasks": [good]}, format="json", HTTP_IDEMPOTENCY_KEY="b-1")
    assert conflict.status_code == 409 and conflict.json()["code"] == "idempotency_conflict", conflict.content
    single = c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json", HTTP_IDEMPOTENCY_KEY="b-1")
    assert single.status_code == 409 and GenerationJob.objects.count() == 2
    bad_key = c.post("/api/v1/generation-tasks/batch", body, format="json", HTTP_IDEMPOTENCY_KEY="含中文")
    assert bad_key.status_code == 400 and GenerationJob.objects.count() == 2

    operation = c.get("/api/v1/schema/?format=json").json()["paths"]["/api/v1/generation-tasks/batch"]["post"]
    assert "Idempotency-Key" in {p["name"] for p in operation["parameters"] if p["in"] == "header"}
    assert "409" in operation["responses"]


def test_expired_idempotency_keys_are_purged_by_the_recovery_sweep(alice):
    """Expired ``Idempotency-Key`` rows (``heritage.models.OnceKey``) are deleted by the periodic sweep (``jobs_recover_stale``, run by every GPU
    worker's heartbeat); a live one stays and still answers its job."""
    import datetime as dt

    from generation import services
    from heritage import once
    from heritage.models import OnceKey

    c = token_client(alice)
    old = c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json", HTTP_IDEMPOTENCY_KEY="old")
    live = c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json", HTTP_IDEMPOTENCY_KEY="live")
    assert old.status_code == live.status_code == 202
    OnceKey.objects.filter(key="old").update(
        created_at=dt.datetime.now(dt.timezone.utc) - once.WINDOW - dt.timedelta(minutes=1))
    services.jobs_recover_stale()
    assert list(OnceKey.objects.values_list("key", flat=True)) == ["live"]
    again = c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json", HTTP_IDEMPOTENCY_KEY="live")
    assert again.status_code == 202 and again.json()["id"] == live.json()["id"]
    assert GenerationJob.objects.count() == 2  # the purge deletes keys, never jobs


def test_idempotency_key_race_the_loser_answers_the_winners_job(alice):
    """Two requests with one key: the unique (scope, user, key) row of the one store (``heritage.once.claim``) lets
    one in; the other, whose insert meets the winner's committed row, makes no job and answers the winner's."""
    from django.db import transaction

    from generation import services
    from heritage.models import OnceKey

    winner = services.job_create(requested_by=alice, text="先起针。")
    OnceKey.objects.create(scope="generation-tasks", user=alice, key="race", fingerprint="f", result=[str(winner.pk)])
    with transaction.atomic():
        jobs, replayed = services.jobs_create_once(requested_by=alice, key="race", fingerprint="f",
                                                   create=lambda: [services.job_create(requested_by=alice, text="先起针。")])
    assert ([job.pk for job in jobs], replayed) == ([winner.pk], True)
    assert GenerationJob.objects.count() == 1 and OnceKey.objects.get().result == [str(winner.pk)]


def test_every_202_says_where_its_task_is(alice):
    """Found by a schema-only script client: cancel, retry and batch answered 202 without ``Location`` (a single
    submission has one). A 202 names what it is about: the cancelled task, the new retry, the batch's list."""
    c = token_client(alice)
    job_id = c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json").json()["id"]
    retry = c.post(f"/api/v1/generation-tasks/{job_id}/retry", {"seed": 7}, format="json")
    assert retry.status_code == 202 and retry["Location"] == f"/api/v1/generation-tasks/{retry.json()['id']}"
    assert c.get(retry["Location"]).json()["seed"] == 7
    cancel = c.post(f"/api/v1/generation-tasks/{job_id}/cancel")
    assert cancel.status_code == 202 and cancel["Location"] == f"/api/v1/generation-tasks/{job_id}"
    assert c.get(cancel["Location"]).json()["status"] == "cancelled"
    batch = c.post("/api/v1/generation-tasks/batch", {"tasks": [SEED_EXAMPLE, SEED_EXAMPLE]}, format="json")
    assert batch.status_code == 202 and batch["Location"] == f"/api/v1/generation-tasks?batch={batch.json()['batch']}"
    assert c.get(batch["Location"]).json()["count"] == 2


def test_a_multipart_body_with_a_part_that_is_no_field_is_a_400_not_an_empty_form(alice):
    """api6 (schemathesis, negative data): a multipart body ``True`` between the boundaries (no field name) read as
    an empty form, so retry (every field optional) answered 202 and queued a job. It is a 400 now; an empty
    multipart form and a proper one still work."""
    c = token_client(alice)
    job_id = c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json").json()["id"]
    url = f"/api/v1/generation-tasks/{job_id}/retry"
    before = GenerationJob.objects.count()
    for raw in (b"--b\r\nTrue--b--\r\n", b"--b\r\n1--b--\r\n"):
        response = c.generic("POST", url, raw, content_type="multipart/form-data; boundary=b")
        assert response.status_code == 400 and response.json()["code"] == "malformed_multipart", response.content
    assert GenerationJob.objects.count() == before
    assert c.generic("POST", url, b"--b--\r\n", content_type="multipart/form-data; boundary=b").status_code == 202
    assert c.post(url, {"seed": "5"}, format="multipart").status_code == 202


def test_an_unknown_status_filter_is_a_400_naming_it_not_an_empty_list(alice):
    """``heritage.inputs.query_choice``'s rule, "an unknown value must not read as an empty list", for the task list's
    ``status`` (one or several, comma-separated) as for ``reviews?state=`` (found by a script client: a misspelt
    ``status=succeded`` answered an empty list)."""
    c = token_client(alice)
    c.post("/api/v1/generation-tasks", SEED_EXAMPLE, format="json")
    for query in ("status=succeded", "status=queued,done"):
        r = c.get(f"/api/v1/generation-tasks?{query}")
        assert r.status_code == 400 and r.json()["code"] == "invalid" and "status" in r.json()["detail"], r.content
    assert c.get("/api/v1/generation-tasks?status=queued,running").json()["count"] == 1
    assert c.get("/api/v1/generation-tasks?status=").json()["count"] == 1
    schema = c.get("/api/v1/schema?format=json").json()
    parameter = next(p for p in schema["paths"]["/api/v1/generation-tasks"]["get"]["parameters"] if p["name"] == "status")
    assert "queued" in parameter["schema"]["pattern"] and "succeeded" in parameter["schema"]["pattern"], parameter
