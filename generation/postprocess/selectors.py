"""Reads for post-processing: the current renditions of a clip and its latest media job."""
from .models import MediaJob, Rendition


def media_job_latest(*, clip) -> MediaJob | None:
    return MediaJob.objects.filter(clip=clip).order_by("-created_at", "-pk").first()


def renditions_for_clip(*, clip) -> dict:
    """{kind: Rendition} (subtitles: {"subtitles:zh": ..., "subtitles:en": ...}) from the latest
    succeeded media job of the clip."""
    job = MediaJob.objects.filter(clip=clip, status=MediaJob.Status.SUCCEEDED).order_by("-finished_at", "-pk").first()
    if job is None:
        return {}
    out = {}
    for rendition in Rendition.objects.filter(media_job=job):
        key = f"{rendition.kind}:{rendition.language}" if rendition.language else rendition.kind
        out[key] = rendition
    return out
