"""Fixtures for the generation-job tests: a tiny checkpoint built once per session, and real Celery worker
processes (`celery -A heritage worker -Q gpu,media,default --pool solo`) sharing the test database and
broker (Redis when CELERY_BROKER_URL says so, else a private kombu filesystem folder)."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.worker_support import Worker, private_broker, start_celery_worker, worker_env


@pytest.fixture(scope="session")
def tiny_checkpoint(tiny_engine_dir):
    """The suite's tiny checkpoint (tests/engine_fixtures.py builds it once per session)."""
    return Path(tiny_engine_dir)


@pytest.fixture
def runtime(tiny_checkpoint, settings, tmp_path):
    """A worker's runtime in this process on the tiny checkpoint (CPU), its media and scratch under tmp_path."""
    from generation.runtime import WorkerRuntime

    settings.ENGINE_MODEL_DIR = tiny_checkpoint
    settings.ENGINE_PRESET = "tiny"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ENGINE_DEVICE = "cpu"
    settings.GENERATION_SCRATCH = tmp_path / "scratch"
    return WorkerRuntime(name="test@here/1")


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


@pytest.fixture
def start_worker(transactional_db, jobs_env, settings, tmp_path):
    """start_worker(name, step_delay=0.0) → Worker, once its heartbeat row exists. Stopped at teardown."""
    from celery import current_app

    from generation.models import WorkerHeartbeat

    settings.ENGINE_MODEL_DIR = Path(jobs_env["env"]["HERITAGE_ENGINE_MODEL_DIR"])
    settings.ENGINE_PRESET = "tiny"
    settings.MEDIA_ROOT = tmp_path / "media"  # each test sees only its own files
    # this process reads the same values as its workers (they read them from the environment)
    settings.ENGINE_DEVICE = jobs_env["env"]["HERITAGE_ENGINE_DEVICE"]
    settings.JOB_HEARTBEAT_S = float(jobs_env["env"]["HERITAGE_HEARTBEAT_S"])
    settings.JOB_LEASE_S = int(jobs_env["env"]["HERITAGE_JOB_LEASE_S"])
    settings.GENERATION_SCRATCH = Path(jobs_env["env"]["HERITAGE_GENERATION_SCRATCH"])
    with private_broker(jobs_env["base"] / "var", other_options={"visibility_timeout": 12}) as broker:
        started: list[Worker] = []

        def _start(name: str, *, step_delay: float = 0.0, queues: str = "gpu,default") -> Worker:
            # Queue `media` (post-processing, ffmpeg: ~20 s a clip here) is left to its own workers and tests;
            # what our jobs publish there is purged at teardown.
            env = worker_env(**jobs_env["env"], **broker.env, HERITAGE_TEST_STEP_DELAY_S=str(step_delay))
            worker = start_celery_worker(name, queues=queues, env=env, log_dir=tmp_path)
            started.append(worker)
            deadline = time.monotonic() + 120
            while not WorkerHeartbeat.objects.filter(name__startswith=f"{worker.name}@").exists():
                if worker.proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"worker {worker.name} did not start:\n{worker.log_tail()}")
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
