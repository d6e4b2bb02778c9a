"""Thin Celery tasks of the review/archive area (queue ``default``)."""
from celery import shared_task

from .fixity import fixity_check_all


@shared_task(name="records.tasks.fixity_check_all", acks_late=True, time_limit=6 * 3600, soft_time_limit=6 * 3600 - 60)
def fixity_check_all_task():
    """Periodic (Celery beat): re-hash every archived file; mismatches alert the curators."""
    result = fixity_check_all()
    return {"records": result.checked_records, "files": result.checked_files, "failures": len(result.failures)}
