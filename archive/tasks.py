"""Celery tasks of the archive (queue ``default``): big transcript imports. Thin: the service does the work."""
from celery import shared_task


@shared_task(name="archive.tasks.transcript_import_run", acks_late=True, ignore_result=True)
def transcript_import_run(job_id: int) -> str:
    from .services import transcript_import_job_run

    return transcript_import_job_run(job_id=job_id)
