"""Fixtures for the generation-job tests: a tiny checkpoint built once per session, and real Celery worker
processes (`celery -A heritage worker -Q gpu,media,default --pool solo`) sharing the test database and
broker (Redis when CELERY_BROKER_URL says so, else a private kombu filesystem folder)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
CELERY = str(Path(sys.executable).parent / "celery")


@pytest.fixture(scope="session")
def tiny_checkpoint(tiny_engine_dir):
    """The suite's tiny checkpoint (tests/engine_fixtures.py builds it once per session)."""
    return Path(tiny_engine_dir)


@pytest.fixture(scope="session")
def jobs_env(tmp_path_factory, tiny_checkpoint):
    """Environment shared by the test process and its worker processes (set in os.environ too)."""
    base = tmp_path_factory.mktemp("jobs")
    env = {
        "HERITAGE_ENGINE_MODEL_DIR": str(tiny_checkpoint),
        "HERITAGE_ENGINE_PRESET": "tiny",
        "HERITAGE_ENGINE_DEVICE": "cpu",
        "HERITAGE_HEARTBEAT_S": "1",
        "HERITAGE_JOB_LEASE_S": "10",  # short for the SIGKILL test, long enough for a loaded 2-core machine
        "HERITAGE_GENERATION_SCRATCH": str(base / "scratch"),
        "CELERY_BROKER_VISIBILITY_TIMEOUT": "12",
    }
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    yield {"env": env, "base": base}
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def _database_url() -> str:
    from django.db import connection

    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(s['NAME']).resolve()}"
    user = s.get("USER") or "postgres"
    auth = f"{user}:{s['PASSWORD']}" if s.get("PASSWORD") else user
    return f"postgres://{auth}@{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


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


@pytest.fixture
def start_worker(transactional_db, jobs_env, settings, tmp_path):
    """start_worker(name, step_delay=0.0) → Worker, once its heartbeat row exists. Stopped at teardown."""
    from celery import current_app

    from generation.models import WorkerHeartbeat

    settings.ENGINE_MODEL_DIR = Path(jobs_env["env"]["HERITAGE_ENGINE_MODEL_DIR"])
    settings.ENGINE_PRESET = "tiny"
    settings.MEDIA_ROOT = tmp_path / "media"  # each test sees only its own files
    broker = settings.CELERY_BROKER_URL
    extra = {}
    if broker.startswith("filesystem://"):
        # A private broker folder: other test runs on this machine cannot take our messages.
        var = jobs_env["base"] / "var"
        folder = var / "broker"
        for sub in ("out", "processed"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        current_app.conf.broker_transport_options = {
            "data_folder_in": str(folder / "out"), "data_folder_out": str(folder / "out"),
            "processed_folder": str(folder / "processed"), "control_folder": str(folder / "control"), "store_processed": False}
        current_app.close()  # drop pooled producer connections made with the old folder
        extra["HERITAGE_VAR_DIR"] = str(var)
    else:
        current_app.conf.broker_transport_options = {"visibility_timeout": 12}
        current_app.close()
    started: list[Worker] = []

    def _start(name: str, *, step_delay: float = 0.0, queues: str = "gpu,default") -> Worker:
        # Queue `media` (post-processing, ffmpeg: ~20 s a clip here) is left to its own workers and tests;
        # what our jobs publish there is purged at teardown.
        env = dict(os.environ, **jobs_env["env"], **extra)
        env.update(DJANGO_SETTINGS_MODULE="heritage.settings.test", DATABASE_URL=_database_url(),
                   CELERY_BROKER_URL=broker, MEDIA_ROOT=str(settings.MEDIA_ROOT),
                   HERITAGE_TEST_STEP_DELAY_S=str(step_delay), PYTHONUNBUFFERED="1")
        node = f"{name}-{uuid.uuid4().hex[:6]}"
        log = tmp_path / f"worker-{node}.log"
        proc = subprocess.Popen(
            [CELERY, "-A", "heritage", "worker", "-Q", queues, "--pool", "solo", "-n", f"{node}@%h",
             "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT)
        worker = Worker(node, proc, log)
        started.append(worker)
        deadline = time.monotonic() + 120
        while not WorkerHeartbeat.objects.filter(name__startswith=f"{node}@").exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"worker {node} did not start:\n{worker.log_tail()}")
            time.sleep(0.2)
        return worker

    yield _start
    for w in started:
        w.stop()
    with current_app.connection_for_write() as conn:
        for queue in ("media", "gpu"):
            try:
                conn.default_channel.queue_purge(queue)
            except Exception:  # noqa: BLE001 — a queue never declared
                pass


def wait_for(predicate, *, timeout: float = 120, interval: float = 0.05, what: str = "condition", workers=()):
    """Poll until predicate() is truthy (returns its value). A hang fails with the workers' logs."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            logs = "\n\n".join(f"--- {w.name}\n{w.log_tail()}" for w in workers)
            raise AssertionError(f"timed out waiting for {what}\n{logs}")
        time.sleep(interval)
