"""What the worker tests share: the test database's URL for a worker subprocess, a private kombu
filesystem broker folder (so other test runs on this machine cannot take our messages), the worker's
environment, and `celery -A heritage worker` started as a subprocess. Used by tests/jobs_fixtures.py,
tests/test_postprocess_worker.py and tests/test_review_fixity_worker.py."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
CELERY = str(Path(sys.executable).parent / "celery")


def database_url() -> str:
    """DATABASE_URL naming the test database this process uses (a worker subprocess must share it)."""
    from django.db import connection

    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(s['NAME']).resolve()}"
    user = s.get("USER") or "postgres"
    auth = f"{user}:{s['PASSWORD']}" if s.get("PASSWORD") else user
    return f"postgres://{auth}@{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


def filesystem_broker_options(var_dir: Path) -> dict:
    """kombu filesystem transport options for a broker folder under var_dir (folders created)."""
    folder = Path(var_dir) / "broker"
    for sub in ("out", "processed"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    return {"data_folder_in": str(folder / "out"), "data_folder_out": str(folder / "out"),
            "processed_folder": str(folder / "processed"), "control_folder": str(folder / "control"),
            "store_processed": False}


class Broker(NamedTuple):
    url: str
    transport_options: dict  # {} when the broker's own settings are kept
    env: dict  # for the worker subprocess: HERITAGE_VAR_DIR on the filesystem broker


@contextmanager
def private_broker(var_dir: Path, *, other_options: dict | None = None):
    """The test broker for this process's Celery app and its worker subprocesses.

    filesystem:// → a private folder under var_dir (its HERITAGE_VAR_DIR goes to the worker); any other
    broker (Redis) → other_options when given, else its settings unchanged. The app's transport options
    are restored on exit."""
    from celery import current_app
    from django.conf import settings

    url = settings.CELERY_BROKER_URL
    saved = current_app.conf.broker_transport_options
    if url.startswith("filesystem://"):
        options, env = filesystem_broker_options(var_dir), {"HERITAGE_VAR_DIR": str(var_dir)}
    else:
        options, env = other_options, {}
    if options is not None:
        current_app.conf.broker_transport_options = options
        _drop_pooled_connections(current_app)
    try:
        yield Broker(url, options or {}, env)
    finally:
        current_app.conf.broker_transport_options = saved
        _drop_pooled_connections(current_app)


def _drop_pooled_connections(app) -> None:
    """Forget the pooled broker connections made with the old transport options (app.close()).

    app.close() alone also deregisters the app, and a @shared_task module imported afterwards (task
    modules are imported lazily, e.g. generation.postprocess.tasks) then never registers with it
    (NotRegistered when a later test in the same run enqueues)."""
    from celery._state import _register_app

    app.close()
    app.amqp._producer_pool = None  # built on the old pool; would keep publishing to the old folder
    _register_app(app._get_current_object() if hasattr(app, "_get_current_object") else app)


def worker_env(**extra) -> dict:
    """os.environ plus what a worker needs to share this test run's settings, database, broker and media."""
    from django.conf import settings

    env = dict(os.environ)
    env.update(DJANGO_SETTINGS_MODULE="heritage.settings.test", DATABASE_URL=database_url(),
               CELERY_BROKER_URL=settings.CELERY_BROKER_URL, MEDIA_ROOT=str(settings.MEDIA_ROOT),
               PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


class Worker:
    def __init__(self, name: str, proc: subprocess.Popen, log: Path):
        self.name, self.proc, self.log = name, proc, log

    def log_tail(self, n: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no acknowledgement, nothing cleaned up."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def start_celery_worker(name: str, *, queues: str, env: dict, log_dir: Path) -> Worker:
    """`celery -A heritage worker -Q queues --pool solo` as node <name>-<random>@host; log in log_dir."""
    node = f"{name}-{uuid.uuid4().hex[:6]}"
    log = Path(log_dir) / f"worker-{node}.log"
    proc = subprocess.Popen(
        [CELERY, "-A", "heritage", "worker", "-Q", queues, "--pool", "solo", "-n", f"{node}@%h",
         "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT)
    return Worker(node, proc, log)
