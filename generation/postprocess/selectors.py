"""Reads for post-processing: the current renditions of a clip and its latest media job."""
from .models import MediaJob, Rendition


def media_job_latest(*, clip) -> MediaJob | None:
    return MediaJob.objects.filter(clip=clip).order_by("-created_at", "-pk").first()


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
