"""Celery tasks on the ``media`` queue (routed by ``generation.postprocess.tasks.*`` in settings).
Thin: load the row, call the service. Failures are recorded on the MediaJob row by the service; ffmpeg
failures are deterministic, so nothing is retried automatically (a curator re-queues)."""
import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="generation.postprocess.tasks.postprocess_clip", acks_late=True)
def postprocess_clip(clip_id, media_job_id=None, **options):
    from generation.models import Clip

    from .models import MediaJob
    from .services import postprocess_clip_service

    clip = Clip.objects.select_related("job").filter(pk=clip_id).first()
    if clip is None:
        logger.warning("postprocess_clip: clip %s no longer exists", clip_id)
        return None
    media_job = MediaJob.objects.filter(pk=media_job_id, clip=clip).first() if media_job_id else None
    job = postprocess_clip_service(clip=clip, media_job=media_job, **options)
    return {"media_job": job.pk, "status": job.status}
