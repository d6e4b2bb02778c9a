"""Writes for post-processing: run the pipeline for a Clip, keep verified outputs through Django's
storage API (filesystem or S3 via django-storages), record them as Renditions on a MediaJob.

All or nothing: outputs are made in a local temporary folder and verified first; only then are they
stored and recorded in one transaction. On any failure the files stored so far are deleted, the media
job is marked failed with a sentence a curator can read, and ffmpeg's stderr is kept beside it.
"""
import logging
import os
import shutil
import socket
import time
import traceback
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from generation.leases import Heartbeat, Lease
from heritage.storage import copy_to_local

from . import pipeline
from .errors import PostprocessError
from .label import attribution_label
from .models import MediaJob, Rendition
from .captions import as_steps, map_cues, span_cues

logger = logging.getLogger(__name__)
LOG_KEEP = 200_000
# Media jobs hold the same lease as generation jobs (generation/leases.py): claimed once, heartbeat while
# running, requeued by media_jobs_recover_stale when the worker died, failed after HERITAGE_JOB_MAX_ATTEMPTS.
LEASE = Lease(MediaJob)
# What a requeued job is run with again (the task's keyword arguments, kept in MediaJob.options).
TASK_OPTIONS = ("deliver", "fps", "slowmo", "burn_subtitles", "preview_format")


def scratch_root() -> Path:
    """Working folders of media jobs: ``<media job>.<attempt token>``, so a later attempt (or the recovery
    of a killed worker) knows exactly which folders are the job's leftovers."""
    path = Path(settings.MEDIA_SCRATCH)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _remove_scratch(job_pk) -> None:
    for folder in scratch_root().glob(f"{job_pk}.*"):
        shutil.rmtree(folder, ignore_errors=True)


def worker_name() -> str:
    """``<node>/<pid>``: the Celery node running the task (so a restarted node recovers its jobs at once)."""
    from celery import current_task

    hostname = getattr(getattr(current_task, "request", None), "hostname", None) if current_task else None
    node = settings.WORKER_NODE or hostname or socket.gethostname()
    return f"{node}/{os.getpid()}"


# --- attribution and steps -------------------------------------------------------------------------
def label_for_clip(*, clip) -> str:
    """「AI生成 · 基于<传承人>口述重构」 from the attribution stored on the clip's job when it was created."""
    return attribution_label(clip.job.attribution)


def speech_source(*, job) -> dict | None:
    """For a speech-driven (S2V) job: its audio span and the transcript segments that overlap it, as
    ``{"start_ms", "end_ms", "segments": [(start_ms, end_ms, text), ...]}``; None for other jobs."""
    if getattr(job, "kind", "t2v") != "s2v" or not job.audio:
        return None
    start, end = job.audio_start_ms or 0, job.audio_end_ms or 0
    segments = []
    if job.recording_id:
        segments = list(job.recording.segments.filter(start_ms__lt=end, end_ms__gt=start)
                        .order_by("start_ms").values_list("start_ms", "end_ms", "text"))
    return {"start_ms": start, "end_ms": end, "segments": segments}


def steps_for_job(*, job) -> list:
    """The step descriptions a clip shows: its own step, else all steps of its technique."""
    if getattr(job, "step_id", None):
        return as_steps([job.step])
    if getattr(job, "technique_id", None):
        return as_steps(list(job.technique.steps.order_by("order")))
    return []


# --- storage helpers ---------------------------------------------------------------------------------
def _store(path: Path, name: str, size_bytes: int) -> str:
    """Save a verified local file under ``name`` in default storage; check the stored size."""
    with open(path, "rb") as fh:
        stored = default_storage.save(name, File(fh, name=os.path.basename(name)))
    try:
        if default_storage.size(stored) != size_bytes:
            raise PostprocessError(_("存储后的文件大小不符:%s") % stored)
    except Exception:
        default_storage.delete(stored)
        raise
    return stored


def _remove_leftovers(prefix: str) -> list[str]:
    """Files under ``prefix`` without a Rendition row: left by an attempt of the same media job whose
    worker died between storing and recording (the task is acked late, so it runs again)."""
    try:
        _dirs, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotImplementedError, OSError):
        return []
    recorded = set(Rendition.objects.filter(file__startswith=prefix).values_list("file", flat=True))
    removed = []
    for name in files:
        full = f"{prefix}/{name}"
        if full not in recorded:
            default_storage.delete(full)
            removed.append(full)
    return removed


# --- the service -------------------------------------------------------------------------------------
def media_job_create(*, clip, options: dict | None = None) -> MediaJob:
    return MediaJob.objects.create(clip=clip, options=options or {})


def _send(job: MediaJob) -> None:
    """The task's message for a queued media job, with the options it keeps (``TASK_OPTIONS``)."""
    from .tasks import postprocess_clip

    options = {k: job.options[k] for k in TASK_OPTIONS if k in job.options}
    postprocess_clip.delay(job.clip_id, media_job_id=job.pk, **options)


def postprocess_clip_enqueue(*, clip, **options) -> MediaJob:
    """Create a queued media job and queue the task once the surrounding transaction commits. Called inside
    the generation worker when a clip is stored: a broker that is down then leaves the job queued (not the
    generation job failed); ``media_jobs_resend_lost`` sends it again."""
    unknown = set(options) - set(TASK_OPTIONS)
    if unknown:
        raise TypeError(f"unknown post-processing options: {', '.join(sorted(unknown))}")
    job = media_job_create(clip=clip, options=options)
    LEASE.enqueue(job, _send)
    return job


def media_jobs_resend_lost() -> list[str]:
    """Queued media jobs whose message was lost (``Lease.resend_lost``; a multiview composition runs in the
    request and is never sent). Run by ``jobs_recover_stale`` and ``media_jobs_recover_stale``."""
    from django.db.models import Q

    return LEASE.resend_lost(_send, only=~Q(options__has_key="multiview"))


def postprocess_clip_service(
    *,
    clip,
    deliver: str = "720p",
    fps: int = 24,
    label: str | None = None,
    vtt_steps=None,
    slowmo: tuple = pipeline.SLOWMO_SPEEDS,
    burn_subtitles: bool = False,
    preview_format: str = "webp",
    media_job: MediaJob | None = None,
) -> MediaJob:
    """Make, verify, store and record every rendition of ``clip``. Returns the media job, succeeded or
    failed (``error`` says why); never leaves stored files without a row."""
    job = media_job or media_job_create(clip=clip)
    options = {"deliver": deliver, "fps": fps, "slowmo": list(slowmo), "burn_subtitles": burn_subtitles,
               "preview_format": preview_format}
    label = label if label else label_for_clip(clip=clip)
    steps = as_steps(vtt_steps) if vtt_steps is not None else steps_for_job(job=clip.job)
    speech = speech_source(job=clip.job)
    if speech is not None:  # a speech-driven clip: its recording's voice and transcript, no slow motion
        slowmo, steps = (), []
    token = LEASE.claim(
        job.pk, worker_name=worker_name(), finished_at=None, error="", error_detail="",
        options={**job.options, **options}, label=label[:200], progress_done=0,
        progress_total=3 + len(slowmo) + (1 if any(s.text_en for s in steps) else 0),
    )
    if token is None:  # a redelivered message: the job is finished or another worker holds it
        job.refresh_from_db()
        logger.info("media job %s not claimed (%s); message dropped", job.pk, job.status)
        return job
    job.refresh_from_db()
    prefix = f"renditions/{clip.job_id}/{job.pk}"
    _remove_scratch(job.pk)
    removed = _remove_leftovers(prefix)
    if removed:
        logger.warning("media job %s: removed %d files of an interrupted attempt", job.pk, len(removed))
    mine = LEASE.cond(job.pk, token)
    stored_names: list[str] = []
    timings, logs = {}, []
    work = scratch_root() / f"{job.pk}.{token}"
    try:
        with Heartbeat(LEASE, job.pk, token):
            try:
                work.mkdir(parents=True)
                _run(clip=clip, work=work, mine=mine, deliver=deliver, fps=fps, label=label, steps=steps,
                     slowmo=slowmo, burn_subtitles=burn_subtitles, preview_format=preview_format, prefix=prefix,
                     stored_names=stored_names, timings=timings, logs=logs, speech=speech)
            finally:  # before the row says how the attempt ended
                shutil.rmtree(work, ignore_errors=True)
    except Exception as exc:
        for name in stored_names:
            try:
                default_storage.delete(name)
            except Exception:  # pragma: no cover - storage down; log and go on
                logger.exception("could not delete %s after a failed media job", name)
        if isinstance(exc, PostprocessError):
            reason, detail = exc.reason, exc.detail
        else:
            logger.exception("media job %s failed", job.pk)
            reason = _("后期处理出现内部错误:%s") % exc
            detail = traceback.format_exc()
        mine.filter(status=MediaJob.Status.RUNNING).update(
            status=MediaJob.Status.FAILED, finished_at=timezone.now(), error=reason, error_detail=detail[-LOG_KEEP:],
            timings=timings, ffmpeg_log=("\n".join(logs) + "\n" + (detail or ""))[-LOG_KEEP:],
        )
    job.refresh_from_db()
    return job


def _run(*, clip, work: Path, mine, deliver, fps, label, steps, slowmo, burn_subtitles, preview_format, prefix,
         stored_names, timings, logs, speech=None) -> None:
    src = copy_to_local(clip.file, work / ("source" + (Path(clip.file.name).suffix or ".mp4")))
    outputs: list[tuple[str, str, pipeline.Output]] = []  # (kind, language, output)

    def step(name, fn):
        t0 = time.perf_counter()
        result = fn()
        timings[name] = round(time.perf_counter() - t0, 3)
        if not mine.update(progress_done=len(timings), timings=timings):
            raise PostprocessError(_("此后期处理任务已由另一次尝试接管,本次停止。"))
        return result

    common = {"fps": fps, "label": label, "native_fps": clip.fps or None, "job_id": str(clip.job_id)}
    speech_args = {}
    if speech is not None:  # 口述影像: the span's audio muxed in, its transcript timed on the clip
        audio = copy_to_local(clip.job.audio, work / ("speech" + (Path(clip.job.audio.name).suffix or ".wav")))
        speech_args = {"audio_path": audio, "vtt_cues": span_cues(
            speech["segments"], start_ms=speech["start_ms"], end_ms=speech["end_ms"], duration_s=clip.duration_s)}
    delivery = step("delivery", lambda: pipeline.deliver_file(
        src, work / "delivery.mp4", deliver=deliver, vtt_steps=steps, vtt_path=work / "subtitles.zh.vtt",
        burn_subtitles=burn_subtitles, **common, **speech_args,
    ))
    outputs.append((Rendition.Kind.DELIVERY, "", delivery))
    duration = delivery.duration_s
    if "vtt" in delivery.extra:
        outputs.append((Rendition.Kind.SUBTITLES, "zh", delivery.extra["vtt"]))
    en_cues = map_cues(steps, duration, language="en") if steps else []
    if en_cues:
        outputs.append((Rendition.Kind.SUBTITLES, "en", step("subtitles_en", lambda: pipeline.write_vtt(
            en_cues, work / "subtitles.en.vtt", language="en", duration_s=duration))))
    for speed in slowmo:
        kind = {0.5: Rendition.Kind.SLOWMO_050, 0.25: Rendition.Kind.SLOWMO_025}.get(speed)
        if kind is None:
            raise PostprocessError(_("不支持的慢动作速度:%s(可选 0.5、0.25)") % speed)
        out = step(kind, lambda speed=speed, kind=kind: pipeline.deliver_file(
            src, work / f"{kind}.mp4", deliver="720p", speed=speed, title=_("慢动作 %s×") % speed,
            burn_subtitles=burn_subtitles,
            vtt_steps=[] if not burn_subtitles else steps, **common,
        ))
        outputs.append((kind, "", out))
    outputs.append((Rendition.Kind.POSTER, "", step("poster", lambda: pipeline.make_poster(
        delivery.path, work / "poster.jpg"))))
    outputs.append((Rendition.Kind.PREVIEW, "", step("preview", lambda: pipeline.make_preview(
        delivery.path, work / f"preview.{preview_format}"))))

    # Everything verified: store, then record in one transaction (only while this attempt holds the lease).
    job = mine.first()
    if job is None:
        raise PostprocessError(_("此后期处理任务已由另一次尝试接管,本次停止。"))
    rows = []
    for kind, language, out in outputs:
        name = f"{prefix}/{kind}{'.' + language if language else ''}{out.path.suffix}"
        stored = _store(out.path, name, out.size_bytes)
        stored_names.append(stored)
        rows.append(_rendition(clip=clip, job=job, kind=kind, language=language, out=out, name=stored, label=label))
        logs.append(f"## {kind} {language}\n{' '.join(out.argv)}\n{out.stderr}")
    with transaction.atomic():
        if not mine.filter(status=MediaJob.Status.RUNNING).update(
                status=MediaJob.Status.SUCCEEDED, finished_at=timezone.now(), progress_done=len(timings),
                timings=timings, ffmpeg_log="\n".join(logs)[-LOG_KEEP:]):
            raise PostprocessError(_("此后期处理任务已由另一次尝试接管,本次停止。"))
        Rendition.objects.bulk_create(rows)


def media_jobs_recover_stale(*, orphaned_by_node: str | None = None) -> list[str]:
    """Requeue media jobs whose worker stopped heartbeating (or whose node restarted); fail them after
    HERITAGE_JOB_MAX_ATTEMPTS; a multiview composition (run in the request) is failed, not requeued. Queued
    jobs whose message was lost are sent again (``media_jobs_resend_lost``)."""
    from django.db.models import Q

    now = timezone.now()
    interrupted = _("后期处理在工作进程中断后停止了 %(n)s 次,已停止重试。请联系管理员查看日志。")
    dead = LEASE.dead(orphaned_by_node=orphaned_by_node)
    for job in MediaJob.objects.filter(dead, status=MediaJob.Status.RUNNING, options__has_key="multiview"):
        LEASE.cond(job.pk, job.run_token).update(status=MediaJob.Status.FAILED, finished_at=now,
                                                  error=_("多机位合成在工作进程中断后停止,请重新合成。"))
        _remove_scratch(job.pk)

    def give_up(job):
        _remove_scratch(job.pk)
        return dict(status=MediaJob.Status.FAILED, finished_at=now, error=interrupted % {"n": job.attempts})

    requeued = LEASE.recover(
        requeue=lambda job: LEASE.enqueue(job, _send), give_up=give_up, orphaned_by_node=orphaned_by_node,
        requeue_fields=lambda job: dict(error=_("工作进程 %(w)s 中断,已重新排队。") % {"w": job.worker}),
        only=~Q(options__has_key="multiview"))
    media_jobs_resend_lost()
    return requeued


class _scratch:
    """The attempt's working folder, removed on every way out."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        self.path.mkdir(parents=True)
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)
        return False


def _rendition(*, clip, job, kind, language, out: pipeline.Output, name: str, label: str) -> Rendition:
    rendition = Rendition(
        clip=clip, media_job=job, kind=kind, language=language, sha256=out.sha256, size_bytes=out.size_bytes,
        width=out.width, height=out.height, fps=out.fps, duration_s=out.duration_s, nb_frames=out.nb_frames,
        codec=out.codec, label=label[:200] if kind != Rendition.Kind.SUBTITLES else "", template=out.template,
        template_version=out.template_version, command=out.argv, probe=out.probe, ffmpeg_stderr=out.stderr[-LOG_KEEP:],
    )
    rendition.file.name = name
    return rendition


def multiview_compose_service(
    *, clips: list, captions: list[str] | None = None, deliver: str = "720p", fps: int = 24, label: str | None = None
) -> MediaJob:
    """Compose clips of one step from different camera angles into one captioned grid video, recorded
    as a ``multiview`` rendition of the first clip (all clips in ``sources``)."""
    first = clips[0]
    captions = captions or [c.job.camera or _("机位 %d") % (i + 1) for i, c in enumerate(clips)]
    label = label if label else label_for_clip(clip=first)
    job = media_job_create(clip=first, options={"multiview": [c.pk for c in clips], "deliver": deliver, "fps": fps})
    token = LEASE.claim(job.pk, worker_name=worker_name(), label=label[:200], progress_total=1)
    stored = None
    work = scratch_root() / f"{job.pk}.{token}"
    try:
        with Heartbeat(LEASE, job.pk, token), _scratch(work):
            sources = [copy_to_local(c.file, work / f"view{i}{Path(c.file.name).suffix or '.mp4'}") for i, c in enumerate(clips)]
            t0 = time.perf_counter()
            out = pipeline.compose_multiview(
                sources, captions, work / "multiview.mp4", deliver=deliver, fps=fps, label=label,
                job_id=str(first.job_id),
            )
            stored = _store(out.path, f"renditions/{first.job_id}/{job.pk}/multiview.mp4", out.size_bytes)
            with transaction.atomic():
                rendition = _rendition(clip=first, job=job, kind=Rendition.Kind.MULTIVIEW, language="", out=out,
                                       name=stored, label=label)
                rendition.save()
                rendition.sources.set(clips)
                MediaJob.objects.filter(pk=job.pk).update(
                    status=MediaJob.Status.SUCCEEDED, finished_at=timezone.now(), progress_done=1,
                    timings={"multiview": round(time.perf_counter() - t0, 3)},
                    ffmpeg_log=(" ".join(out.argv) + "\n" + out.stderr)[-LOG_KEEP:],
                )
    except Exception as exc:
        if stored:
            default_storage.delete(stored)
        reason = exc.reason if isinstance(exc, PostprocessError) else _("后期处理出现内部错误:%s") % exc
        detail = exc.detail if isinstance(exc, PostprocessError) else traceback.format_exc()
        MediaJob.objects.filter(pk=job.pk).update(
            status=MediaJob.Status.FAILED, finished_at=timezone.now(), error=reason, error_detail=detail[-LOG_KEEP:]
        )
    job.refresh_from_db()
    return job
