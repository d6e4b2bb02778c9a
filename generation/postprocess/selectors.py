"""Reads for post-processing: the current renditions of a clip and its latest media job."""
from .models import MediaJob, Rendition


def media_job_latest(*, clip) -> MediaJob | None:
    return MediaJob.objects.filter(clip=clip).order_by("-created_at", "-pk").first()


def pending(media_jobs):
    """Of ``media_jobs`` (a queryset), those that submitting and signing a clip's review wait for
    (review/readiness.py, rule 1): queued or running, a multi-view composition excepted."""
    return media_jobs.filter(status__in=[MediaJob.Status.QUEUED, MediaJob.Status.RUNNING]).exclude(
        options__has_key="multiview")


# ``postprocessing_state``: what a client polls on a succeeded task (``output.postprocessing``) before it submits
# the clip for review; ``ready_for_review`` is ``state != "pending"``.
POSTPROCESSING_STATES = ("pending", "done", "failed", "none")


def postprocessing_pending(clip) -> bool:
    """A media job that submitting and signing the clip's review wait for is queued or running (``pending``)."""
    cached = getattr(clip, "page_pending_media", None)  # a list's page fetched them (review.selectors)
    return bool(cached) if cached is not None else pending(MediaJob.objects.filter(clip=clip)).exists()


def postprocessing_state(clip) -> str:
    """``pending``: a media job the review waits for is queued or running (submit/sign answer 409
    ``postprocessing_pending``); else the latest such job's outcome, ``done`` or ``failed`` (a failed run does not
    hold the review: the clip goes without renditions); ``none``: post-processing never ran for the clip."""
    if postprocessing_pending(clip):
        return "pending"
    latest = (MediaJob.objects.filter(clip=clip).exclude(options__has_key="multiview")
              .order_by("-created_at", "-pk").values_list("status", flat=True).first())
    if latest is None:
        return "none"
    return "done" if latest == MediaJob.Status.SUCCEEDED else "failed"


def succeeded(media_jobs):
    """Of ``media_jobs`` (a queryset), the succeeded ones, the latest first: the first gives a clip's renditions."""
    return media_jobs.filter(status=MediaJob.Status.SUCCEEDED).order_by("-finished_at", "-pk")


def renditions_for_clip(*, clip) -> dict:
    """{kind: Rendition} (subtitles: {"subtitles:zh": ..., "subtitles:en": ...}) from the latest
    succeeded media job of the clip (``page_succeeded_media`` with its renditions, when a list fetched them for
    its whole page)."""
    cached = getattr(clip, "page_succeeded_media", None)
    if cached is not None:
        job = cached[0] if cached else None
    else:
        job = succeeded(MediaJob.objects.filter(clip=clip)).first()
    if job is None:
        return {}
    out = {}
    for rendition in job.renditions.all():
        key = f"{rendition.kind}:{rendition.language}" if rendition.language else rendition.kind
        out[key] = rendition
    return out
