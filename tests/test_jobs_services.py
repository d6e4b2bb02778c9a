"""Job services in one process with the real tiny engine: out-of-memory retry in a more frugal mode,
the time limit checked between steps, a superseded attempt, recovery of a job whose worker died,
what temperature does to the engine's guidance and output, the minimum-GPU-memory refusal, and
the time limits scaled from frames × steps."""
from datetime import timedelta
from unittest import mock

import numpy as np
import pytest
from django.utils import timezone

from generation import parameters as params
from generation import services
from generation.models import Clip, GenerationJob
from generation.runtime import EngineRefused, WorkerRuntime

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(make_user):
    return make_user("alice")


def make_job(user, **parameters):
    return services.job_create(requested_by=user, text="左手拉紧丝线,右手斜着进针。",
                               parameters={"duration": 0.25, "steps": 3, **parameters}, seed=11, enqueue=False)


def test_execute_writes_one_clip_and_records_everything(runtime, user):
    job = make_job(user)
    assert services.job_execute(job_id=job.pk, runtime=runtime).status == "succeeded"
    job.refresh_from_db()
    assert job.status == "succeeded" and job.progress_step == job.progress_total == 3
    assert job.attempts == 1 and job.worker == "test@here/1" and job.device.startswith("cpu")
    assert job.checkpoint_id == runtime.engine()[0].checkpoint_id
    assert {"engine_load", "encode", "denoise", "decode", "encode_mp4"} <= set(job.timings)
    assert Clip.objects.get(job=job).num_frames == 5
    # a second delivery of the same message does nothing
    assert services.job_execute(job_id=job.pk, runtime=runtime).status == "skipped"
    assert Clip.objects.count() == 1


def test_out_of_memory_is_retried_once_in_a_more_frugal_mode(runtime, user):
    from generation.engine import OutOfMemory

    engine, _ = runtime.engine()
    real = engine.generate
    modes = []

    def generate(request, **kw):
        modes.append(request.mode)
        if request.mode in ("auto", "resident"):
            raise OutOfMemory("out of device memory in mode resident (simulated)", mode="resident")
        return real(request, **kw)

    with mock.patch.object(engine, "generate", side_effect=generate):
        outcome = services.job_execute(job_id=make_job(user).pk, runtime=runtime)
    assert outcome.status == "succeeded" and modes == ["auto", "swap"]
    job = GenerationJob.objects.get()
    assert job.oom_retried and job.parameters["mode"] == "swap" and job.parameters["oom_from_mode"] == "resident"


def test_out_of_memory_twice_fails_with_words_a_curator_understands(runtime, user):
    from generation.engine import OutOfMemory

    engine, _ = runtime.engine()

    def generate(request, **kw):
        raise OutOfMemory("simulated", mode=request.mode if request.mode != "auto" else "resident")

    with mock.patch.object(engine, "generate", side_effect=generate) as gen:
        outcome = services.job_execute(job_id=make_job(user).pk, runtime=runtime)
    assert outcome.status == "failed" and gen.call_count == 2
    job = GenerationJob.objects.get()
    assert job.status == "failed" and "显存不足" in job.error and "降低分辨率" in job.error
    assert not Clip.objects.exists()


def test_time_limit_is_checked_between_steps(runtime, user):
    job = make_job(user, steps=5)
    GenerationJob.objects.filter(pk=job.pk).update(soft_time_limit_s=1)
    with mock.patch("generation.services.time.monotonic", side_effect=[0.0] + [100.0] * 1000):
        outcome = services.job_execute(job_id=job.pk, runtime=runtime)
    job.refresh_from_db()
    assert outcome.status == "failed" and job.status == "failed" and "超过时限" in job.error
    assert job.progress_step < 5 and not Clip.objects.exists()


def test_a_superseded_attempt_stops_and_leaves_nothing(runtime, user, tmp_path):
    job = make_job(user, steps=4)
    engine, _ = runtime.engine()
    real = engine.generate

    def generate(request, progress=None, should_cancel=None):
        def hijack(step, total, expert):
            progress(step, total, expert)
            if step == 1:  # another worker takes the job over (as after a lease expiry)
                GenerationJob.objects.filter(pk=job.pk).update(run_token=None)
        return real(request, progress=hijack, should_cancel=should_cancel)

    with mock.patch.object(engine, "generate", side_effect=generate):
        outcome = services.job_execute(job_id=job.pk, runtime=runtime)
    assert outcome.status == "superseded"
    assert not Clip.objects.exists() and list((tmp_path / "scratch").glob("*")) == []
    assert GenerationJob.objects.get().status == "running"  # left to the attempt that owns it


def test_recovery_requeues_jobs_whose_worker_stopped_heartbeating(user, django_capture_on_commit_callbacks,
                                                                  settings):
    settings.JOB_LEASE_S = 30
    stale, fresh, cancelling = (make_job(user) for _ in range(3))
    old = timezone.now() - timedelta(seconds=31)
    GenerationJob.objects.filter(pk=stale.pk).update(status="running", heartbeat_at=old, worker="w1@h/1")
    GenerationJob.objects.filter(pk=fresh.pk).update(status="running", heartbeat_at=timezone.now(), worker="w2@h/2")
    GenerationJob.objects.filter(pk=cancelling.pk).update(status="cancelling", heartbeat_at=old)
    with django_capture_on_commit_callbacks() as sent:
        assert services.jobs_recover_stale() == [str(stale.pk)]
    assert len(sent) == 1
    assert GenerationJob.objects.get(pk=stale.pk).status == "queued"
    assert GenerationJob.objects.get(pk=fresh.pk).status == "running"
    assert GenerationJob.objects.get(pk=cancelling.pk).status == "cancelled"
    # a worker restarting under the same node name takes back its job at once, lease or not
    with django_capture_on_commit_callbacks():
        assert services.jobs_recover_stale(orphaned_by_node="w2@h") == [str(fresh.pk)]


def test_a_job_queued_long_after_its_message_was_sent_is_sent_again(user, django_capture_on_commit_callbacks,
                                                                     settings):
    settings.JOB_REQUEUE_S = 600
    lost, recent = make_job(user), make_job(user)
    long_ago = timezone.now() - timedelta(seconds=601)
    GenerationJob.objects.filter(pk=lost.pk).update(created_at=long_ago, enqueued_at=long_ago)
    GenerationJob.objects.filter(pk=recent.pk).update(enqueued_at=timezone.now())
    with mock.patch("heritage.celery.app.send_task") as send:
        with django_capture_on_commit_callbacks(execute=True) as sent:
            services.jobs_recover_stale()
    assert len(sent) == 1 and send.call_args.kwargs["args"] == [str(lost.pk)]
    assert GenerationJob.objects.get(pk=lost.pk).enqueued_at > long_ago


def test_post_processing_queued_while_the_broker_is_down_is_sent_again_by_the_sweep(
        runtime, user, django_capture_on_commit_callbacks, settings):
    """The generation worker stores the clip and queues its media job; the broker is down at that moment. The
    generation job still succeeds, the media job stays queued, and the same sweep that resends lost generation
    jobs (jobs_recover_stale, every GPU worker's heartbeat) sends it again once JOB_REQUEUE_S has passed."""
    from kombu.exceptions import OperationalError

    from generation.postprocess.models import MediaJob
    from generation.postprocess.tasks import postprocess_clip

    settings.JOB_REQUEUE_S = 600
    job = make_job(user)
    with mock.patch.object(postprocess_clip, "delay", side_effect=OperationalError("broker down")) as down:
        with django_capture_on_commit_callbacks(execute=True):
            outcome = services.job_execute(job_id=job.pk, runtime=runtime)
    assert down.call_count == 1
    assert outcome.status == "succeeded" and GenerationJob.objects.get(pk=job.pk).status == "succeeded"
    media = MediaJob.objects.get(clip__job=job)
    assert media.status == "queued" and media.enqueued_at is not None
    with mock.patch.object(postprocess_clip, "delay") as send:
        with django_capture_on_commit_callbacks(execute=True):
            services.jobs_recover_stale()  # not yet: its message may still be on its way
        assert not send.called
        long_ago = timezone.now() - timedelta(seconds=601)
        MediaJob.objects.filter(pk=media.pk).update(created_at=long_ago, enqueued_at=long_ago)
        with django_capture_on_commit_callbacks(execute=True):
            services.jobs_recover_stale()
    send.assert_called_once_with(media.clip_id, media_job_id=media.pk)
    assert MediaJob.objects.get(pk=media.pk).enqueued_at > long_ago
    # a multiview composition runs in the request: never sent to a worker
    MediaJob.objects.filter(pk=media.pk).update(options={"multiview": [media.clip_id]}, enqueued_at=long_ago)
    with mock.patch.object(postprocess_clip, "delay") as send:
        with django_capture_on_commit_callbacks(execute=True):
            services.jobs_recover_stale()
    assert not send.called


def test_temperature_divides_guidance_and_changes_the_video(runtime, user):
    low = params.resolve({"temperature": 0.5}, preset_name="tiny")
    high = params.resolve({"temperature": 2.0}, preset_name="tiny")
    assert (low["guidance_high"], low["guidance_low"]) == (8.0, 6.0)
    assert (high["guidance_high"], high["guidance_low"]) == (2.0, 1.5)
    engine, _ = runtime.engine()
    frames = {}
    for t in (0.5, 1.0, 2.0):
        job = services.job_create(requested_by=user, text="右手斜着进针。", seed=5, enqueue=False,
                                  parameters={"duration": 0.25, "steps": 3, "temperature": t})
        req = runtime.request_for(job, mode="auto")
        frames[t] = engine.generate(req).frames.astype(np.int16)
    again = engine.generate(runtime.request_for(job, mode="auto")).frames.astype(np.int16)
    assert np.array_equal(again, frames[2.0])  # same seed, same temperature: same video
    assert np.abs(frames[0.5] - frames[1.0]).mean() > 0 and np.abs(frames[1.0] - frames[2.0]).mean() > 0


def test_gpu_under_the_minimum_refuses_the_full_model_unless_offload(settings, monkeypatch):
    settings.ENGINE_PRESET = "wan2.2-t2v-a14b"
    settings.ENGINE_MIN_GPU_MEMORY_GB = 24
    settings.ENGINE_DEVICE = "cuda:0"
    props = mock.Mock(total_memory=16 * 1024**3)
    with mock.patch("torch.cuda.get_device_properties", return_value=props):
        rt = WorkerRuntime(name="small@gpu/1")
        with pytest.raises(EngineRefused, match="offload"):
            rt.check_memory("auto")
        rt.check_memory("offload")  # allowed
        props.total_memory = 80 * 1024**3
        rt.check_memory("auto")


def test_time_limits_scale_with_frames_and_steps():
    small = params.resolve({"duration": 1, "steps": 10}, preset_name="wan2.2-t2v-a14b")
    big = params.resolve({"duration": 5, "steps": 40}, preset_name="wan2.2-t2v-a14b")
    s_soft, s_hard = params.time_limits(small, preset_name="wan2.2-t2v-a14b")
    b_soft, b_hard = params.time_limits(big, preset_name="wan2.2-t2v-a14b")
    assert s_soft < s_hard and b_soft < b_hard and b_hard > 5 * s_hard
    job_limits = params.time_limits(params.resolve({"steps": 4}, preset_name="tiny"), preset_name="tiny")
    assert job_limits[0] < job_limits[1]


def test_a_job_that_keeps_killing_its_worker_fails_after_three_attempts(user, django_capture_on_commit_callbacks,
                                                                        settings):
    settings.JOB_LEASE_S = 30
    job = make_job(user)
    old = timezone.now() - timedelta(seconds=31)
    GenerationJob.objects.filter(pk=job.pk).update(status="running", heartbeat_at=old, attempts=3, worker="w@h/1")
    with django_capture_on_commit_callbacks() as sent:
        assert services.jobs_recover_stale() == []
    assert sent == []
    job.refresh_from_db()
    assert job.status == "failed" and "3 次" in job.error


def test_fast_modes_are_opt_in_checked_and_recorded():
    from generation import parameters as params

    plain = params.resolve({}, preset_name="tiny")
    assert plain["fast"] == []
    preview = params.resolve({"fast": ["lora_preview", "first_block_cache"]}, preset_name="tiny")
    assert preview["fast"] == ["lora_preview", "first_block_cache"]
    assert (preview["num_steps"], preview["guidance_high"], preview["guidance_low"]) == (4, 1.0, 1.0)
    assert params.resolve({"fast": ["lora_preview"], "steps": 8}, preset_name="tiny")["num_steps"] == 8
    for bad, field in ((["turbo"], "fast"), ("fp8", "fast"), (["first_block_cache", "taylorseer_cache"], "fast")):
        with pytest.raises(params.ParameterError) as info:
            params.resolve({"fast": bad}, preset_name="tiny")
        assert field in info.value.errors
    assert params.fast_mode_labels(["lora_preview"]) == ["快速预览(少步蒸馏 LoRA)"]


def test_a_job_with_a_fast_mode_records_it(runtime, user, curator_client):
    job = make_job(user, fast=["first_block_cache"])
    assert services.job_execute(job_id=job.pk, runtime=runtime).status == "succeeded"
    job.refresh_from_db()
    assert job.parameters["fast"] == ["first_block_cache"]
    assert job.parameters["fast_applied"]["cache"]["mode"] == "first_block_cache"
    plain = make_job(user)
    services.job_execute(job_id=plain.pk, runtime=runtime)
    plain.refresh_from_db()
    assert plain.parameters["fast"] == [] and plain.parameters["fast_applied"] == {}
    page = curator_client.get(f"/curator/generation/jobs/{job.pk}/").content.decode()
    assert "步间缓存(FirstBlockCache)" in page  # named on the job page
    assert "无(完整计算)" in curator_client.get(f"/curator/generation/jobs/{plain.pk}/").content.decode()
