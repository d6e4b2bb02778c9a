"""Celery tasks on the ``media`` queue (routed by ``generation.postprocess.tasks.*`` in settings).
Thin: load the row, call the service. Failures are recorded on the MediaJob row by the service; ffmpeg
failures are deterministic, so nothing is retried automatically (a curator re-queues). A worker that died is
different: its job's lease runs out and ``media_jobs_recover_stale`` requeues it (at the start of every media
worker, and periodically from celery beat); a redelivered message finds the job claimed or done and is dropped."""
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
    if media_job_id:
        media_job = MediaJob.objects.filter(pk=media_job_id, clip=clip).first()
        if media_job is None:
            logger.warning("postprocess_clip: media job %s of clip %s no longer exists", media_job_id, clip_id)
            return None
    else:  # a message without a job (older producers): the clip's own job, made once
        media_job = MediaJob.objects.filter(clip=clip).exclude(options__has_key="multiview").order_by("created_at").first()
        if media_job is not None and media_job.status != MediaJob.Status.QUEUED:
            logger.info("postprocess_clip: clip %s already has media job %s; message dropped", clip_id, media_job.pk)
            return {"media_job": media_job.pk, "status": media_job.status}
    job = postprocess_clip_service(clip=clip, media_job=media_job, **options)
    return {"media_job": job.pk, "status": job.status}


@shared_task(name="generation.postprocess.tasks.media_jobs_recover", ignore_result=True)
def media_jobs_recover():
    from .services import media_jobs_recover_stale

    return media_jobs_recover_stale()
