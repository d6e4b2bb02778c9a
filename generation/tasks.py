"""Celery tasks on queue `gpu`: thin — a job id in, one service call. The job row carries the state.

acks_late + reject_on_worker_lost: a message is acknowledged only after the job ran, so a worker that
dies mid-job leaves it to be redelivered; services.job_claim makes a second delivery harmless.
Time limits come per job from apply_async (scaled from frames × steps, see generation/parameters.py);
the service also checks the soft limit between steps, which covers the solo pool where Celery cannot
enforce limits itself.
"""
import logging

from celery import shared_task
from celery.signals import celeryd_after_setup, worker_process_init, worker_ready, worker_shutdown
from django.conf import settings
from django.utils.translation import gettext as _

from . import services
from .runtime import consumes, consumes_gpu, get_runtime, node_name, set_node

log = logging.getLogger(__name__)


@shared_task(name=services.RUN_TASK, acks_late=True, reject_on_worker_lost=True,
             ignore_result=True)
def run_generation_job(job_id: str) -> str:
    outcome = services.job_execute(job_id=job_id, runtime=get_runtime())
    return outcome.status


# ------------------------------------------------------------------------ worker process lifecycle
@celeryd_after_setup.connect
def _remember_node(sender, instance, **kwargs):
    queues = ",".join(sorted(instance.app.amqp.queues.consume_from or instance.app.amqp.queues))
    set_node(str(sender), queues)


@worker_ready.connect
def _recover_media_jobs(sender, **kwargs):
    """A media worker starting: requeue the media jobs whose worker died (this node's at once)."""
    if not consumes("media"):
        return
    from generation.postprocess.services import media_jobs_recover_stale

    try:
        media_jobs_recover_stale(orphaned_by_node=node_name())
    except Exception:  # noqa: BLE001
        log.exception("media recovery sweep failed at start")


@worker_ready.connect
def _on_worker_ready(sender, **kwargs):
    """Solo/threads pool: this process runs the jobs. Recover what this node ran before a crash."""
    if not consumes_gpu():
        return
    try:
        services.jobs_recover_stale(orphaned_by_node=node_name())
    except Exception:  # noqa: BLE001
        log.exception("recovery sweep failed at start")
    pool = type(getattr(sender.controller, "pool", None)).__module__ if getattr(sender, "controller", None) else ""
    if "prefork" not in pool:
        _start_runtime()


@worker_process_init.connect
def _on_child_start(**kwargs):
    """Prefork pool: each child process runs jobs and keeps its own warm engine."""
    if consumes_gpu():
        _start_runtime()


def _start_runtime():
    runtime = get_runtime()
    runtime.start()
    import generation.engine  # noqa: F401 — import torch and the model classes now, not in the first job
    if settings.ENGINE_PRELOAD:
        try:
            runtime.engine()
        except Exception as exc:  # noqa: BLE001 — jobs will report it in words
            runtime.note = _("引擎预加载失败:%(e)s") % {"e": exc}
            log.exception("engine preload failed")


@worker_shutdown.connect
def _on_shutdown(**kwargs):
    if consumes_gpu():
        get_runtime().stop()
