"""Writes for post-processing: run the pipeline for a Clip, keep verified outputs through Django's
storage API (filesystem or S3 via django-storages), record them as Renditions on a MediaJob.

All or nothing: outputs are made in a local temporary folder and verified first; only then are they
stored and recorded in one transaction. On any failure the files stored so far are deleted, the media
job is marked failed with a sentence a curator can read, and ffmpeg's stderr is kept beside it.
"""
import logging
import os
import socket
import tempfile
import time
import traceback
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heritage.storage import copy_to_local

from . import pipeline
from .errors import PostprocessError
from .label import attribution_label
from .models import MediaJob, Rendition
from .captions import as_steps, map_cues, retime, span_cues

logger = logging.getLogger(__name__)
LOG_KEEP = 200_000


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


def postprocess_clip_enqueue(*, clip, **options) -> MediaJob:
    """Create a queued media job and queue the task once the surrounding transaction commits."""
    from .tasks import postprocess_clip

    job = media_job_create(clip=clip, options=options)
    transaction.on_commit(lambda: postprocess_clip.delay(clip.pk, media_job_id=job.pk, **options))
    return job


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
    MediaJob.objects.filter(pk=job.pk).update(
        status=MediaJob.Status.RUNNING, started_at=timezone.now(), finished_at=None, error="", error_detail="",
        options={**job.options, **options}, label=label[:200], attempts=job.attempts + 1,
        worker=f"{socket.gethostname()}:{os.getpid()}", progress_done=0,
        progress_total=3 + len(slowmo) + (1 if any(s.text_en for s in steps) else 0),
    )
    job.refresh_from_db()
    prefix = f"renditions/{clip.job_id}/{job.pk}"
    if job.attempts > 1:
        removed = _remove_leftovers(prefix)
        if removed:
            logger.warning("media job %s: removed %d files of an interrupted attempt", job.pk, len(removed))
    stored_names: list[str] = []
    timings, logs = {}, []
    try:
        with tempfile.TemporaryDirectory(prefix="heritage-media-") as work:
            work = Path(work)
            src = copy_to_local(clip.file, work / ("source" + (Path(clip.file.name).suffix or ".mp4")))
            outputs: list[tuple[str, str, pipeline.Output]] = []  # (kind, language, output)

            def step(name, fn):
                t0 = time.perf_counter()
                result = fn()
                timings[name] = round(time.perf_counter() - t0, 3)
                MediaJob.objects.filter(pk=job.pk).update(progress_done=len(timings), timings=timings)
                return result

            common = {"fps": fps, "label": label, "native_fps": clip.fps or None, "job_id": str(clip.job_id)}
            speech_args = {}
            if speech is not None:
                audio = copy_to_local(clip.job.audio, work / ("speech" + (Path(clip.job.audio.name).suffix or ".wav")))
                speech_args = {"audio_path": audio, "vtt_cues": span_cues(
                    speech["segments"], start_ms=speech["start_ms"], end_ms=speech["end_ms"],
                    duration_s=clip.duration_s)}
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

            # Everything verified: store, then record in one transaction.
            rows = []
            for kind, language, out in outputs:
                name = f"{prefix}/{kind}{'.' + language if language else ''}{out.path.suffix}"
                stored = _store(out.path, name, out.size_bytes)
                stored_names.append(stored)
                rows.append(_rendition(clip=clip, job=job, kind=kind, language=language, out=out, name=stored, label=label))
                logs.append(f"## {kind} {language}\n{' '.join(out.argv)}\n{out.stderr}")
            with transaction.atomic():
                Rendition.objects.bulk_create(rows)
                MediaJob.objects.filter(pk=job.pk).update(
                    status=MediaJob.Status.SUCCEEDED, finished_at=timezone.now(), progress_done=len(timings),
                    timings=timings, ffmpeg_log="\n".join(logs)[-LOG_KEEP:],
                )
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
        MediaJob.objects.filter(pk=job.pk).update(
            status=MediaJob.Status.FAILED, finished_at=timezone.now(), error=reason, error_detail=detail[-LOG_KEEP:],
            timings=timings, ffmpeg_log=("\n".join(logs) + "\n" + (detail or ""))[-LOG_KEEP:],
        )
    job.refresh_from_db()
    return job


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
    MediaJob.objects.filter(pk=job.pk).update(
        status=MediaJob.Status.RUNNING, started_at=timezone.now(), label=label[:200], progress_total=1, attempts=1,
        worker=f"{socket.gethostname()}:{os.getpid()}",
    )
    stored = None
    try:
        with tempfile.TemporaryDirectory(prefix="heritage-media-") as work:
            work = Path(work)
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
