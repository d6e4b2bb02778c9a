"""The Celery app. Queues: ``gpu`` (generation), ``media`` (ffmpeg post-processing), ``default``.

Settings come from Django's ``CELERY_*`` settings (see heritage/settings/base.py).
"""
import os

from celery import Celery
from kombu import Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heritage.settings.local")

app = Celery("heritage")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.task_queues = (Queue("default"), Queue("gpu"), Queue("media"))
app.conf.task_default_queue = "default"
app.autodiscover_tasks()


def worker_environment(**overrides: str) -> dict:
    """The environment a worker process started from here gets: this process's, plus ``overrides``
    (``gpu_workers`` pins one GPU per worker with CUDA_VISIBLE_DEVICES and names its node)."""
    return {**os.environ, **overrides}
