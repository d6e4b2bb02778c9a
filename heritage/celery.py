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
