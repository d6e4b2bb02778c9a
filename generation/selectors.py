"""Reads for generation jobs, clips and the GPU pool."""
from __future__ import annotations

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from archive.roles import list_person_names
from heritage.permissions import allowed

from . import services
from .models import GenerationJob, WorkerHeartbeat

Status = GenerationJob.Status


def jobs_visible_to(user) -> QuerySet[GenerationJob]:
    """Curators see every job; everyone else only their own."""
    qs = GenerationJob.objects.select_related("technique__craft", "step", "requested_by", "clip")
    if not (user and user.is_authenticated):
        return qs.none()
    return qs if allowed(user, "generation.view_all_jobs") else qs.filter(requested_by=user)


def job_list(*, user, status: str | None = None, technique: str | None = None, step: int | None = None,
             batch=None, mine: bool = False, retry_of=None) -> QuerySet[GenerationJob]:
    qs = jobs_visible_to(user)
    if status:
        qs = qs.filter(status__in=status.split(","))
    if technique:
        qs = qs.filter(technique__slug=technique)
    if step is not None:
        qs = qs.filter(step__order=step)
    if batch:
        qs = qs.filter(batch=batch)
    if retry_of:
        qs = qs.filter(retry_of_id=retry_of)
    if mine:
        qs = qs.filter(requested_by=user)
    return qs.order_by("-created_at")


def job_list_filters(params) -> dict:
    """The list filters of the jobs screen and the API from their query parameters (one parser for both);
    a malformed value raises ``heritage.inputs.BadInput`` (400)."""
    from heritage.inputs import query_bool, query_choices, query_int, query_text, query_uuid

    return {"status": ",".join(query_choices(params, "status", Status.values)) or None,
            "technique": query_text(params, "technique") or None,
            "step": query_int(params, "step", min_value=1), "batch": query_uuid(params, "batch"),
            "retry_of": query_uuid(params, "retry_of"), "mine": bool(query_bool(params, "mine"))}


def job_get(*, user, job_id) -> GenerationJob | None:
    return jobs_visible_to(user).filter(pk=job_id).first()


MEDIA_KINDS = ("video", "native", "poster", "subtitles")


def clip_files(job: GenerationJob) -> dict:
    """{kind: FieldFile} for a succeeded job: "native" (the engine's clip at its native fps), "video"
    (post-processing's delivery rendition when there is one, else the native clip), "poster" and
    "subtitles" (Chinese WebVTT) when post-processing made them."""
    clip = getattr(job, "clip", None) if job.status == Status.SUCCEEDED else None
    if clip is None:
        return {}
    files = {"native": clip.file, "video": clip.file}
    from generation.postprocess.selectors import renditions_for_clip

    try:
        renditions = renditions_for_clip(clip=clip)
    except Exception:  # noqa: BLE001 — a missing rendition must not break the job view
        return files
    if renditions.get("delivery"):
        files["video"] = renditions["delivery"].file
    if renditions.get("poster"):
        files["poster"] = renditions["poster"].file
    subtitles = renditions.get("subtitles:zh") or renditions.get("subtitles:zh-hans") or next(
        (r for k, r in renditions.items() if k.startswith("subtitles")), None)
    if subtitles is not None:
        files["subtitles"] = subtitles.file
    return files


def clip_output(job: GenerationJob, url_for) -> dict | None:
    """The `output` object: URLs (built by url_for(kind)) and the clip's facts. None until succeeded."""
    clip = getattr(job, "clip", None) if job.status == Status.SUCCEEDED else None
    if clip is None:
        return None
    files = clip_files(job)
    return {"clip": clip.pk, "video_url": url_for("video"), "native_video_url": url_for("native"),
            "poster_url": url_for("poster") if "poster" in files else None,
            "subtitles_url": url_for("subtitles") if "subtitles" in files else None,
            "width": clip.width, "height": clip.height, "num_frames": clip.num_frames, "fps": clip.fps,
            "duration_s": round(clip.duration_s, 3), "sha256": clip.sha256, **postprocessing_fields(clip)}


def postprocessing_fields(clip) -> dict:
    """``postprocessing`` (``generation.postprocess.selectors.postprocessing_state``) and ``ready_for_review``:
    what a client polls after ``succeeded`` before submitting the clip's review (else 409
    ``postprocessing_pending``)."""
    from generation.postprocess.selectors import postprocessing_state

    state = postprocessing_state(clip)
    return {"postprocessing": state, "ready_for_review": state != "pending"}


def job_progress(job: GenerationJob) -> dict:
    return {"step": job.progress_step, "total": job.progress_total, "expert": job.progress_expert or None,
            "eta_s": job.eta_s}


def job_status_dict(job: GenerationJob, url_for) -> dict:
    """The small JSON the curator screens poll."""
    return {"id": str(job.pk), "status": job.status, "status_display": job.get_status_display(),
            "progress": job_progress(job), "percent": round(100 * job.progress_fraction, 1),
            "attempts": job.attempts, "error": job.error, "output": clip_output(job, url_for),
            "active": job.status in GenerationJob.ACTIVE}


def workers_online(*, within_s: int | None = None) -> list[WorkerHeartbeat]:
    within = within_s or max(30, int(services.heartbeat_s() * 4))
    cutoff = timezone.now() - timedelta(seconds=within)
    return list(WorkerHeartbeat.objects.filter(last_seen__gte=cutoff, stopped_at__isnull=True)
                .select_related("current_job"))


def workers_recent(*, hours: int = 24) -> list[WorkerHeartbeat]:
    cutoff = timezone.now() - timedelta(hours=hours)
    return list(WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).select_related("current_job"))


def pool_overview() -> dict:
    online = workers_online()
    online_names = {w.name for w in online}
    recent = [w for w in workers_recent() if w.name not in online_names]
    queued = list(list_person_names(GenerationJob.objects.filter(status=Status.QUEUED), "requested_by")
                  .select_related("technique").order_by("created_at")[:100])
    running = list(list_person_names(GenerationJob.objects.filter(status__in=[Status.RUNNING, Status.CANCELLING]),
                                     "requested_by").select_related("technique").order_by("started_at"))
    return {"workers": online, "offline": recent, "queued": queued, "queued_count":
            GenerationJob.objects.filter(status=Status.QUEUED).count(), "running": running}
