"""Writes for generation jobs: create (one, batch, retry), cancel, run on a worker, recover.

Every state change is a conditional UPDATE on the job row (`filter(pk=…, status=…, run_token=…)`),
atomic on PostgreSQL and SQLite alike; the row, not the broker, is the truth.

Crash safety in one paragraph: an attempt claims a job by writing a fresh `run_token`; only the
holder of the current token may report progress, write the clip or finish the job. A worker thread
touches `heartbeat_at` every few seconds while the job runs. A job still `running` whose heartbeat is
older than the lease is requeued by `jobs_recover_stale` (run by every worker at start and
periodically), and a redelivered broker message may also claim it; whichever comes second finds the
job claimed or finished and does nothing. The clip is written to a scratch file named after the
attempt, then stored under a name derived from the job id in the same transaction that creates the
Clip row (one-to-one with the job) and marks the job succeeded, so there is never a second clip, and
every new attempt first removes what a killed attempt left behind.
"""
from __future__ import annotations

import logging
import os
import random
import time
import traceback
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from heritage.celery import app as celery_app
from heritage.permissions import allowed
from heritage import once
from heritage.hashing import sha256_file

from . import attribution
from . import parameters as params
from .leases import Lease, heartbeat_s, lease_s  # noqa: F401 - heartbeat_s, lease_s: re-exported (runtime, selectors)
from .models import Clip, GenerationJob, WorkerHeartbeat
from .prompting.models import CAMERA_CHOICES

log = logging.getLogger(__name__)
Status = GenerationJob.Status

# Camera framings a curator can ask for: slug → label, the one list (generation/prompting/models.py);
# their prompt phrases are the active spec's (templates.json "camera").
CAMERAS = dict(CAMERA_CHOICES)
BATCH_MAX = 50


class EngineRefused(Exception):
    """The worker will not load the engine as configured (message is user-facing). Raised by
    ``generation.runtime``; defined here because this module reports it on the job."""


LEASE = Lease(GenerationJob, holding=(GenerationJob.Status.CANCELLING,))


def scratch_dir() -> Path:
    path = Path(settings.GENERATION_SCRATCH)
    path.mkdir(parents=True, exist_ok=True)
    return path


def clip_name(job_id) -> str:
    return f"clips/{job_id}.mp4"


class JobStateError(Exception):
    """The job is not in a state that allows this action (message is user-facing)."""


# ================================================================================ creating jobs
@dataclass
class Source:
    text: str
    action_description: dict
    prompt: str
    spec_version: str


def _normalize(text: str, technique_slug: str | None, recording=None) -> dict:
    from generation.prompting import normalize
    from generation.prompting.selectors import recording_reading
    from generation.prompting.services import craft_key_for

    # inside the archive the craft is the technique's, never guessed from the text (issue 11); text read from a
    # recording knows its interviewer, whose questions are no steps
    return normalize(text, technique=technique_slug, craft=craft_key_for(technique_slug),
                     **recording_reading(recording, text)).to_dict()


def _render(description: dict, camera: str | None) -> str:
    if (description.get("prompt_override") or "").strip():
        return description["prompt_override"].strip()  # the curator's hand edit, kept with the structure
    from generation.prompting import render_prompt

    try:
        return render_prompt(description, camera=camera)
    except (ValueError, KeyError):
        if not camera:
            raise
        # a curator's edit of the active spec dropped this framing
        raise params.ParameterError({"camera": [_("当前动作描述规范没有机位 %(value)r 的提示词,请在规范中补上或换一个机位。")
                                                % {"value": camera}]}) from None


def job_source(*, technique=None, step=None, text: str | None = None, action_description: dict | None = None,
               camera: str | None = None, recording=None) -> Source:
    """The action description and prompt for a job, from (in order of precedence) an edited action
    description, free text (read as ``recording``'s when it comes from one), a step, or a technique (its saved
    prompt template, else its steps)."""
    slug = technique.slug if technique is not None else None
    if action_description:
        desc = dict(action_description)
        source_text = desc.get("text", "") or (text or "")
    elif text and text.strip():
        source_text = text.strip()
        desc = _normalize(source_text, slug, recording)
    elif step is not None:
        source_text = step.description
        desc = _normalize(source_text, slug)
    elif technique is not None:
        if technique.prompt_template:
            desc = dict(technique.prompt_template)
            source_text = desc.get("text", "")
        else:
            source_text = "\n".join(s.description for s in technique.steps.all()) or technique.summary or technique.name
            desc = _normalize(source_text, slug)
    else:
        raise params.ParameterError({"input": [_("请提供文本(text)或技法(technique)。")]})
    prompt = _render(desc, camera)
    if not prompt.strip():
        raise params.ParameterError({"input": [_("无法从输入生成提示词:文本为空。")]})
    return Source(source_text, desc, prompt, str(desc.get("spec_version", "")))


def prompt_extension(source: Source, requested: bool | None) -> tuple[str, dict]:
    """The prompt a job uses and the record of which it is (stored in ``parameters["prompt_extension"]``):
    the rendered one, or the local model's rewrite when asked for (``requested``, else the setting
    HERITAGE_PROMPT_EXTEND) and it keeps every fact of the structure (generation/prompting/extend.py)."""
    want = settings.PROMPT_EXTEND if requested is None else bool(requested)
    if not want:
        return source.prompt, {"requested": False, "used": "rendered"}
    if (source.action_description.get("prompt_override") or "").strip():
        return source.prompt, {"requested": True, "used": "rendered",
                               "reason": _("馆员手工修改过提示词,不做扩展。")}
    from generation.prompting.extend import extend_prompt

    ext = extend_prompt(source.action_description, source.prompt)
    return ext.prompt, dict(ext.record(), requested=True)


def prompt_extend_of(job: GenerationJob) -> bool | None:
    """Whether a job asked for prompt extension (None for jobs made before it existed): a new take of a
    job asks the same."""
    return (job.parameters.get("prompt_extension") or {}).get("requested")


def _recording_span(recording, technique, text, start, end, *, need_text: bool = True):
    """A transcript span as the source: the span (character offsets into the transcript) must lie inside
    it. Returns (text, start, end). Consent and the right to read it: ``attribution.consent_check``."""
    if technique is not None and recording.technique_id and recording.technique_id != technique.pk:
        raise params.ParameterError({"recording": [_("该录音不属于所选技法。")]})
    if text or not need_text:  # the caller cut (and maybe edited) the text, or gave a description: keep offsets
        return text, start, end
    transcript = recording.transcript_text()
    end_given = end is not None
    start = 0 if start is None else start
    end = len(transcript) if end is None else end
    if not (0 <= start < end <= len(transcript)):
        # named by the offset that is wrong: an end past the transcript or not after the start, else the start
        wrong = "end" if end > len(transcript) or (end_given and end <= start) else "start"
        raise params.ParameterError({wrong: [
            _("转写片段范围无效:须满足 0 ≤ 起点 < 终点 ≤ %(n)s。") % {"n": len(transcript)}]})
    return transcript[start:end], start, end


def _preset_name() -> str:
    return settings.ENGINE_PRESET


def job_create(*, requested_by, technique=None, step=None, text: str | None = None,
               action_description: dict | None = None, parameters: dict | None = None, seed: int | None = None,
               camera: str | None = None, retry_of: GenerationJob | None = None, batch: uuid.UUID | None = None,
               recording=None, source_start: int | None = None, source_end: int | None = None,
               negative_prompt: str | None = None, enqueue: bool = True,
               check_reader: bool = True, prompt_extend: bool | None = None) -> GenerationJob:
    """Create a queued job and send it to queue `gpu` once the transaction commits.

    `parameters` are the public parameters (see generation/parameters.py); a `seed` given here wins over
    parameters["seed"]; no seed at all → a random one (recorded). Consent and attribution are decided
    here, once, by ``generation.attribution.decide`` and stored on the job (``check_reader=False`` only
    for a new take of an existing job's own sources). ``prompt_extend`` asks for prompt extension (None:
    the setting HERITAGE_PROMPT_EXTEND); which prompt was used is recorded in
    ``parameters["prompt_extension"]``. Raises ParameterError, PermissionDenied."""
    reader = requested_by if check_reader else None
    if step is not None and technique is None:
        technique = step.technique
    if step is not None and step.technique_id != technique.pk:
        raise params.ParameterError({"step": [_("该步骤不属于所选技法。")]})
    if recording is not None:
        attribution.consent_check(user=reader, recordings=[recording])  # before the transcript is read
        text, source_start, source_end = _recording_span(recording, technique, text, source_start, source_end,
                                                         need_text=not action_description)
    if camera and camera not in CAMERAS:
        raise params.ParameterError({"camera": [_("未知机位 %(value)r;可选:%(choices)s。") % {"value": camera, "choices": ", ".join(CAMERAS)}]})
    public = dict(parameters or {})
    if seed is not None:
        public["seed"] = seed
    preset_name = _preset_name()
    resolved = params.resolve(public, preset_name=preset_name)
    seed_value = public.get("seed")
    if seed_value is None:
        seed_value = random.SystemRandom().randint(0, params.SEED_MAX)
    source = job_source(technique=technique, step=step, text=text, action_description=action_description,
                        camera=camera, recording=recording)
    decision = attribution.decide(user=reader, technique=technique, recording=recording,
                                  action_description=source.action_description,
                                  span=(source_start, source_end) if recording is not None else None)
    soft, hard = params.time_limits(resolved, preset_name=preset_name)
    preset = params.preset_of(preset_name)
    prompt, resolved["prompt_extension"] = prompt_extension(source, prompt_extend)
    with transaction.atomic():
        if retry_of is not None:
            retry_lock(retry_of.pk)
        job = GenerationJob.objects.create(
            attribution=decision.attribution, attribution_sources=decision.sources, consent=decision.consent,
            requested_by=requested_by, technique=technique, step=step, recording=recording,
            template_recording=decision.template_recording, source_start=source_start, source_end=source_end, source_text=source.text,
            action_description=source.action_description, spec_version=source.spec_version, prompt=prompt,
            negative_prompt=preset.default_negative_prompt if negative_prompt is None else negative_prompt,
            camera=camera or "", parameters=resolved, seed=seed_value, preset=preset_name, batch=batch,
            retry_of=retry_of, progress_total=resolved["num_steps"], soft_time_limit_s=soft, time_limit_s=hard,
        )
        if enqueue:
            job_enqueue(job=job)
    return job


def retry_lock(job_id) -> None:
    """Lock the row of the job a new take retries (``retry_of``) until the current transaction ends. Every new
    take is created under it (``job_create``, ``s2v_job_create``), and whoever must know whether a new take of a
    job was started reads under it (review: the retract guard, ``acted_on_since_change_request``), so a take being
    made is waited for, never missed. Outside a transaction (a page asking which buttons to show) it locks nothing."""
    if transaction.get_connection().in_atomic_block:
        list(GenerationJob.objects.select_for_update().filter(pk=job_id).values_list("pk", flat=True))


RUN_TASK = "generation.tasks.run_generation_job"


def _send(job: GenerationJob) -> None:
    # by name: this module runs jobs (job_execute) and generation/tasks.py calls it, not the reverse
    celery_app.send_task(RUN_TASK, args=[str(job.pk)], queue="gpu", soft_time_limit=job.soft_time_limit_s or None,
                         time_limit=job.time_limit_s or None)


def job_enqueue(*, job: GenerationJob) -> None:
    """Send the job to queue `gpu` after the current transaction commits (LEASE.enqueue: a broker that is
    down leaves it queued, and jobs_recover_stale sends it again after HERITAGE_JOB_REQUEUE_S)."""
    LEASE.enqueue(job, _send)


def job_create_batch(*, requested_by, technique, steps=None, cameras=None, text: str | None = None,
                     parameters: dict | None = None, seed: int | None = None,
                     prompt_extend: bool | None = None) -> list[GenerationJob]:
    """Several jobs sharing a batch id: one per step (all steps when `steps` is None and no cameras are
    given), or one per camera angle of one step/text. Same seed for every take, so takes differ only in
    what was varied. All or nothing."""
    batch = uuid.uuid4()
    if seed is None and (parameters or {}).get("seed") is None:
        seed = random.SystemRandom().randint(0, params.SEED_MAX)
    jobs = []
    with transaction.atomic():
        if cameras:
            step = steps[0] if steps else None
            if steps and len(steps) > 1:
                raise params.ParameterError({"camera": [_("多机位批量只针对一个步骤。")]})
            for cam in cameras:
                jobs.append(job_create(requested_by=requested_by, technique=technique, step=step, text=text,
                                       parameters=parameters, seed=seed, camera=cam, batch=batch,
                                       prompt_extend=prompt_extend))
        else:
            steps = list(technique.steps.all()) if steps is None else list(steps)
            if not steps:
                raise params.ParameterError({"technique": [_("该技法还没有步骤,无法批量生成。")]})
            for step in steps:
                jobs.append(job_create(requested_by=requested_by, technique=technique, step=step,
                                       parameters=parameters, seed=seed, batch=batch,
                                       prompt_extend=prompt_extend))
        if len(jobs) > BATCH_MAX:
            raise params.ParameterError({"tasks": [_("一次最多提交 %(n)s 个任务。") % {"n": BATCH_MAX}]})
    return jobs


def job_retry(*, job: GenerationJob, actor, seed: int | None = None) -> GenerationJob:
    """A new take of the same source and parameters with a new seed (random unless given)."""
    if not (can_manage(actor, job) and allowed(actor, "generation.create")):
        raise PermissionDenied(_("只能重试自己的任务。"))
    if job.kind == GenerationJob.Kind.S2V:  # same recording span, portrait, label, prompt and steps; new seed
        from .s2v import s2v_job_create

        if seed is None:
            seed = random.SystemRandom().randint(0, params.SEED_MAX)
        new = s2v_job_create(requested_by=actor, recording=job.recording, portrait=job.portrait,
                             start_ms=job.audio_start_ms, end_ms=job.audio_end_ms, prompt=job.prompt, seed=seed,
                             steps=job.parameters.get("num_steps"), retry_of=job,
                             speaker_label=job.speaker_label)
        return new
    public = {k: job.parameters[k] for k in ("resolution", "orientation", "duration", "frame_rate", "temperature")
              if k in job.parameters}
    public["steps"] = job.parameters.get("num_steps")
    public["sampler"] = job.parameters.get("sampler", "unipc")
    public["memory_mode"] = job.parameters.get("requested_mode", job.parameters.get("mode", "auto"))
    public["fast"] = list(job.parameters.get("fast", []))
    if seed is None:
        seed = random.SystemRandom().randint(0, params.SEED_MAX)
    new = job_create(requested_by=actor, technique=job.technique, step=job.step,
                     action_description=job.action_description or None, text=job.source_text,
                     parameters=public, seed=seed, camera=job.camera or None, retry_of=job,
                     recording=job.recording, source_start=job.source_start, source_end=job.source_end,
                     negative_prompt=job.negative_prompt,
                     prompt_extend=prompt_extend_of(job))
    return new


def can_manage(user, job: GenerationJob) -> bool:
    return bool(user is not None and allowed(user, "generation.manage_job", job))


def job_cancel(*, job: GenerationJob, actor) -> GenerationJob:
    """Queued → cancelled at once; running → cancelling (the worker stops before its next step)."""
    if not can_manage(actor, job):
        raise PermissionDenied(_("只能取消自己的任务。"))
    now = timezone.now()
    if GenerationJob.objects.filter(pk=job.pk, status=Status.QUEUED).update(
            status=Status.CANCELLED, finished_at=now, error=_("已在开始前取消。")):
        pass
    elif GenerationJob.objects.filter(pk=job.pk, status=Status.RUNNING).update(status=Status.CANCELLING):
        pass
    else:
        job.refresh_from_db()
        if job.status == Status.CANCELLING:
            return job
        raise JobStateError(_("任务已%(status)s,不能取消。") % {"status": job.get_status_display()})
    job.refresh_from_db()
    log.info("job %s cancel requested by %s → %s", job.pk, actor, job.status)
    return job


# ================================================================================ running jobs
class Superseded(Exception):
    """Another attempt owns the job now (this one was presumed dead); stop quietly."""


class JobTimeout(Exception):
    pass


class UserFacingError(Exception):
    """An error whose message a curator can act on (stored in job.error)."""


@dataclass
class Outcome:
    status: str
    detail: str = ""


def _cond(job_id, token):
    return LEASE.cond(job_id, token)


def job_claim(*, job_id, worker_name: str) -> uuid.UUID | None:
    """Claim a queued job, or a running one whose lease expired. Returns the attempt's token or None."""
    return LEASE.claim(job_id, worker_name=worker_name, progress_step=0, progress_expert="", eta_s=None,
                       error="", error_detail="")


def _remove_leftovers(job_id) -> None:
    """What a killed attempt may have left: scratch files, and a stored clip file with no Clip row."""
    for path in scratch_dir().glob(f"{job_id}.*"):
        path.unlink(missing_ok=True)
    name = clip_name(job_id)
    if not Clip.objects.filter(job_id=job_id).exists() and default_storage.exists(name):
        default_storage.delete(name)


def _fail(job_id, token, message: str, detail: str = "") -> None:
    _cond(job_id, token).filter(status__in=[Status.RUNNING, Status.CANCELLING]).update(
        status=Status.FAILED, error=message, error_detail=detail[-20000:], finished_at=timezone.now(), eta_s=None)


def _cancelled(job_id, token) -> None:
    _cond(job_id, token).filter(status__in=[Status.RUNNING, Status.CANCELLING]).update(
        status=Status.CANCELLED, finished_at=timezone.now(), eta_s=None, error=_("已按请求取消。"))


def job_execute(*, job_id, runtime) -> Outcome:
    """Run one job on this worker process. `runtime` (generation.runtime.WorkerRuntime) holds the warm
    engine and this process's heartbeat. Never raises for a job's own failure: the row says what went
    wrong; a soft time limit raised by Celery is reported the same way."""
    from billiard.exceptions import SoftTimeLimitExceeded

    from generation.engine import (
        Cancelled,
        EngineError,
        InvalidRequest,
        MissingComponent,
        OutOfMemory,
    )
    from generation.engine.memory import more_frugal


    # 1. Claim the job (or find that it is not ours to run).
    token = job_claim(job_id=job_id, worker_name=runtime.name)
    if token is None:
        job = GenerationJob.objects.filter(pk=job_id).first()
        state = job.status if job else "missing"
        log.info("job %s not claimed (%s); message dropped", job_id, state)
        return Outcome("skipped", state)
    _remove_leftovers(job_id)
    job = GenerationJob.objects.get(pk=job_id)
    runtime.job_started(job_id, token)
    withdrawn = attribution.consent_withdrawn(job)  # consent narrowed while the job was queued
    if withdrawn:
        _fail(job_id, token, withdrawn)
        runtime.job_finished(job_id)
        return Outcome("failed", "consent_withdrawn")
    t_attempt = time.monotonic()
    deadline = t_attempt + (job.soft_time_limit_s or 10**9)
    timings: dict[str, float] = {}
    scratch = scratch_dir() / f"{job_id}.{token}.mp4"
    try:
        # The scratch file goes before the row says how the attempt ended (the inner finally runs before the
        # handlers below write the final status): whoever sees the job finished never sees its scratch file.
        try:
            # 2. The warm engine (loaded at most once per worker process).
            mode = job.parameters.get("mode", "auto")
            try:
                engine, load_s = runtime.engine(mode=mode, kind=job.kind)
            except MissingComponent as exc:
                raise UserFacingError(_("模型文件夹不完整,无法生成:%(e)s") % {"e": exc}) from exc
            except EngineRefused as exc:
                raise UserFacingError(str(exc)) from exc
            timings["engine_load"] = round(load_s, 4)
            device_name = runtime.device_info().get("device_name") or ""
            _cond(job_id, token).update(device=f"{engine.device} · {device_name}"[:200] if device_name else engine.device,
                                        checkpoint_id=engine.checkpoint_id, preset=engine.preset.name)

            # 3. Progress and cancellation between steps, both through the job row.
            state = {"t0": None, "first_step_at": None}
            step_delay = float(settings.TEST_STEP_DELAY_S or 0)

            def should_cancel() -> bool:
                if time.monotonic() > deadline:
                    raise JobTimeout()
                row = GenerationJob.objects.filter(pk=job_id).values("status", "run_token").first()
                if row is None or row["run_token"] != token:
                    raise Superseded()
                if state["t0"] is None:
                    state["t0"] = time.monotonic()
                return row["status"] == Status.CANCELLING

            def progress(step: int, total: int, expert: str) -> None:
                now_m = time.monotonic()
                if state["first_step_at"] is None:
                    state["first_step_at"] = now_m
                    timings["first_step_after_claim"] = round(now_m - t_attempt, 4)
                elapsed = now_m - (state["t0"] or t_attempt)
                eta = elapsed / step * (total - step) if step else None
                _cond(job_id, token).filter(progress_step__lte=step).update(
                    progress_step=step, progress_total=total, progress_expert=expert,
                    eta_s=round(eta, 2) if eta is not None else None, heartbeat_at=timezone.now())
                if step_delay:  # test and benchmark knob: makes tiny jobs long enough to kill or cancel mid-way
                    time.sleep(step_delay)

            # 4. Generate; out of memory → one more try in the next more frugal memory mode.
            while True:
                request = runtime.request_for(job, mode=mode, scratch_prefix=scratch.with_suffix(""))
                try:
                    engine.validate(request)
                except InvalidRequest as exc:
                    raise UserFacingError(_("参数无效:%(e)s") % {"e": exc}) from exc
                try:
                    result = engine.generate(request, progress=progress, should_cancel=should_cancel)
                    break
                except OutOfMemory as exc:
                    frugal = more_frugal(exc.mode or engine.mode)
                    job.refresh_from_db(fields=["oom_retried"])
                    if job.oom_retried or frugal is None:
                        raise UserFacingError(
                            _("显存不足(模式 %(mode)s),降级重试后仍失败。请降低分辨率或时长,或换用显存更大的 GPU。")
                            % {"mode": exc.mode}) from exc
                    log.warning("job %s out of memory in mode %s; retrying once in mode %s", job_id, exc.mode, frugal)
                    new_params = dict(job.parameters, mode=frugal, oom_from_mode=exc.mode)
                    _cond(job_id, token).update(oom_retried=True, parameters=new_params, progress_step=0,
                                                progress_expert="", eta_s=None)
                    job.parameters, job.oom_retried, mode = new_params, True, frugal
                    state.update(t0=None)
                    timings["oom_retry_from"] = exc.mode
            for key, value in result.timings.items():
                timings[key] = round(value, 4)
            timings["peak_memory_bytes"] = result.peak_memory_bytes
            timings["mode"] = result.mode

            # 5. Write the clip to scratch, then store it and finish the job in one transaction.
            t0 = time.perf_counter()
            from generation.engine import write_mp4

            if job.kind == GenerationJob.Kind.S2V:  # the speech span's audio muxed in (generation/s2v_runtime.py)
                engine.write_video(result, scratch, request)
            else:
                write_mp4(result.frames, result.fps, scratch)
            timings["encode_mp4"] = round(time.perf_counter() - t0, 4)
            timings["attempt_total"] = round(time.monotonic() - t_attempt, 4)
            return _finish(job_id, token, scratch, result, timings)
        finally:
            for path in scratch_dir().glob(f"{job_id}.{token}.*"):  # the clip and any input copies
                path.unlink(missing_ok=True)
    except Cancelled:
        _cancelled(job_id, token)
        return Outcome("cancelled")
    except Superseded:
        log.warning("job %s: attempt %s superseded by another attempt; stopping", job_id, token)
        return Outcome("superseded")
    except (JobTimeout, SoftTimeLimitExceeded):
        _fail(job_id, token, _("超过时限(%(s)s 秒),已停止。请缩短时长或减少步数后重试。") % {"s": job.soft_time_limit_s})
        return Outcome("failed", "timeout")
    except UserFacingError as exc:
        _fail(job_id, token, str(exc), traceback.format_exc())
        return Outcome("failed", str(exc))
    except EngineError as exc:
        _fail(job_id, token, _("引擎错误:%(e)s") % {"e": exc}, traceback.format_exc())
        return Outcome("failed", str(exc))
    except Exception as exc:  # noqa: BLE001 — the row must say what happened; the worker goes on
        log.exception("job %s failed", job_id)
        _fail(job_id, token, _("生成时出现意外错误(%(kind)s),请联系管理员。") % {"kind": type(exc).__name__}, traceback.format_exc())
        return Outcome("failed", repr(exc))
    finally:
        runtime.job_finished(job_id)


def _finish(job_id, token, scratch: Path, result, timings: dict) -> Outcome:
    name = clip_name(job_id)
    digest, size = sha256_file(scratch), scratch.stat().st_size
    with transaction.atomic():
        job = GenerationJob.objects.select_for_update().get(pk=job_id)
        if job.run_token != token:
            raise Superseded()
        if job.status == Status.CANCELLING:
            scratch.unlink(missing_ok=True)
            _cancelled(job_id, token)
            return Outcome("cancelled")
        withdrawn = attribution.consent_withdrawn(job)  # consent narrowed while the engine ran: no clip
        if withdrawn:
            raise UserFacingError(withdrawn)
        now = timezone.now()
        parameters = dict(job.parameters, fast_applied=getattr(result, "fast", {}) or {})  # provenance
        done = _cond(job_id, token).filter(status=Status.RUNNING).update(
            status=Status.SUCCEEDED, finished_at=now, progress_step=F("progress_total"), eta_s=0,
            timings=timings, heartbeat_at=now, parameters=parameters)
        if not done:
            raise Superseded()
        if default_storage.exists(name):  # left by an attempt killed between storing and committing
            default_storage.delete(name)
        with open(scratch, "rb") as fh:
            stored = default_storage.save(name, File(fh, name=os.path.basename(name)))
        scratch.unlink(missing_ok=True)
        clip = Clip.objects.create(job_id=job_id, file=stored, sha256=digest, size_bytes=size, width=result.width,
                                   height=result.height, num_frames=result.num_frames, fps=result.fps)
        _enqueue_postprocess(clip)
    return Outcome("succeeded")


def _enqueue_postprocess(clip) -> None:
    """The clip's media job is created with the clip, in the same transaction, and the task names it: a
    redelivered message finds that job claimed or finished and never makes a second one."""
    from generation.postprocess.services import postprocess_clip_enqueue

    postprocess_clip_enqueue(clip=clip)


# ================================================================================ recovery and pool
def jobs_recover_stale(*, orphaned_by_node: str | None = None) -> list[str]:
    """Requeue running jobs whose worker stopped heartbeating (lease expired), or that a worker node
    with this name ran before it restarted; finish stale cancellations; resend lost messages; purge the expired
    claims of requests acted on once (``Idempotency-Key``, form keys: ``heritage.once.purge_expired``). Returns
    the requeued ids."""
    now = timezone.now()
    dead = LEASE.dead(orphaned_by_node=orphaned_by_node)
    GenerationJob.objects.filter(dead, status=Status.CANCELLING).update(
        status=Status.CANCELLED, finished_at=now, error=_("已按请求取消(工作进程中断)。"))
    # A job that keeps taking its worker down (killed by the hard time limit, out of host memory, a crash in a
    # library) must not loop forever: LEASE.recover fails it after max_attempts().
    requeued = LEASE.recover(
        requeue=lambda job: job_enqueue(job=job),
        requeue_fields=lambda job: dict(progress_step=0, progress_expert="", eta_s=None,
                                        error=_("工作进程 %(w)s 中断,已重新排队。") % {"w": job.worker}),
        give_up=lambda job: dict(
            status=Status.FAILED, finished_at=now, eta_s=None,
            error=_("工作进程在运行此任务时中断了 %(n)s 次(可能超过硬时限或内存不足),已停止重试。"
                    "请缩短时长、降低分辨率或减少步数后重试。") % {"n": job.attempts}),
        orphaned_by_node=orphaned_by_node)
    # A queued job whose message was sent long ago may have lost it: send it again (a duplicate is harmless),
    # generation jobs and the media jobs of finished clips alike (queued from inside a worker, broker down).
    LEASE.resend_lost(_send)
    from generation.postprocess.services import media_jobs_resend_lost

    media_jobs_resend_lost()
    once.purge_expired()
    return requeued


def job_touch(*, job_id, token) -> None:
    LEASE.touch(job_id, token)


def worker_heartbeat(*, name: str, **fields) -> None:
    now = timezone.now()
    fields.setdefault("last_seen", now)
    if not WorkerHeartbeat.objects.filter(name=name).update(**fields):
        WorkerHeartbeat.objects.create(name=name, started_at=now, **fields)


def worker_stopped(*, name: str) -> None:
    WorkerHeartbeat.objects.filter(name=name).update(stopped_at=timezone.now(), current_job=None)


# --- Repeated submissions (Idempotency-Key) ------------------------------------------------------------

IDEMPOTENCY_SCOPE = "generation-tasks"  # one scope for the single and the batch submission


class IdempotencyConflict(Exception):
    """The key was used, within the window, for a request with another body."""


def request_fingerprint(body) -> str:
    """The sha256 of a request body as canonical JSON (keys sorted), so that the same request sent again with its
    keys in another order is the same request."""
    import hashlib
    import json

    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def jobs_create_once(*, requested_by, key: str, fingerprint: str, create) -> tuple[list[GenerationJob], bool]:
    """Run ``create()`` (which makes the request's jobs and returns them, in the order answered: one, or a batch)
    once per ``(requested_by, key)`` within ``heritage.once.WINDOW``, through the one store of requests acted on
    once (``heritage.once.claim``, scope ``generation-tasks``): the same key and body again answer the first
    request's jobs (``(jobs, True)``); the same key with another body raises ``IdempotencyConflict``. The claim
    is made in the caller's transaction with the jobs, so a request that fails (``ParameterError``…) stores
    nothing and its key may be sent again, and of two requests racing with one key the second waits for the
    first's commit and answers its jobs. An expired key is taken over by the next request (and purged by the
    recovery sweep); a key whose jobs were all deleted is free again."""
    with transaction.atomic():
        for _attempt in range(2):
            try:
                claimed = once.claim(scope=IDEMPOTENCY_SCOPE, user=requested_by, key=key, fingerprint=fingerprint)
            except once.Conflict:
                raise IdempotencyConflict(
                    _("这个 Idempotency-Key 已用于另一个请求体不同的提交(24 小时内),请换一个键。")) from None
            if claimed.won:
                jobs = list(create())
                claimed.done([str(job.pk) for job in jobs])
                return jobs, False
            ids = [uuid.UUID(pk) for pk in claimed.result or []]
            found = GenerationJob.objects.in_bulk(ids)
            jobs = [found[pk] for pk in ids if pk in found]
            if jobs:
                return jobs, True
            claimed.release()  # its jobs are gone (or, never here, it is unfinished): the key is free again
    raise IdempotencyConflict(_("这个 Idempotency-Key 已用于另一个请求体不同的提交(24 小时内),请换一个键。"))
