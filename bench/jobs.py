"""Benchmark of the job layer: N tiny generation jobs over 2 CPU workers (real Celery worker processes,
solo pool, queue gpu, the tiny checkpoint). Prints:

  * submit → first denoising step latency, per job (queue wait + claim + engine load if cold + encode)
  * jobs per minute for the whole batch
  * per worker: how many times the engine was loaded (once) and each job's engine_load time
    (> 0 only for the first job a worker ran), from the job rows' timings
  * the same batch again on the warm pool (no engine loads)
  * submit → first step for single jobs on an idle, warm pool (broker latency without a queue)

By default everything is private and temporary: SQLite and the kombu filesystem broker in a temp folder.
Set DATABASE_URL (an existing, migratable database) and CELERY_BROKER_URL to measure on PostgreSQL and
Redis. Usage:  python bench/jobs.py [--jobs 20] [--workers 2] [--steps 4] [--duration 1]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jobs", type=int, default=20)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--steps", type=int, default=4)
    p.add_argument("--duration", type=float, default=1.0, help="seconds of video (tiny preset: 16 fps, 4k+1 frames)")
    p.add_argument("--resolution", default="480p", help="tiny preset: 480p → 64×48, 720p → 128×96")
    p.add_argument("--single", type=int, default=5, help="single jobs on the idle warm pool afterwards")
    p.add_argument("--threads", type=int, default=1, help="torch threads per worker (OMP_NUM_THREADS)")
    return p.parse_args()


def main():
    args = parse()
    tmp = Path(tempfile.mkdtemp(prefix="heritage-bench-jobs-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heritage.settings.local")
    os.environ["HERITAGE_VAR_DIR"] = str(tmp)
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    tiny = ROOT / "var" / "models" / "tiny"
    os.environ.setdefault("HERITAGE_ENGINE_MODEL_DIR", str(tiny))
    os.environ["HERITAGE_ENGINE_PRESET"] = "tiny"
    os.environ["HERITAGE_GENERATION_SCRATCH"] = str(tmp / "scratch")
    os.environ["MEDIA_ROOT"] = str(tmp / "media")

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction

    from generation import services
    from generation.models import GenerationJob, WorkerHeartbeat

    call_command("migrate", verbosity=0)
    if not (Path(settings.ENGINE_MODEL_DIR) / "model_index.json").is_file():
        from generation.engine.tiny import build_tiny_checkpoint

        build_tiny_checkpoint(settings.ENGINE_MODEL_DIR)
    run = os.urandom(3).hex()  # this run's worker names; earlier rows in the database are left alone
    user, _ = get_user_model().objects.get_or_create(username="bench-jobs")
    broker = settings.CELERY_BROKER_URL.split("@")[-1]
    db = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"heritage bench/jobs.py — database {db}, broker {broker}, {os.cpu_count()} CPU cores, "
          f"{args.workers} workers (solo pool, {args.threads} torch thread each), tiny checkpoint on CPU")

    celery = str(Path(sys.executable).parent / "celery")
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads), HERITAGE_ENGINE_DEVICE="cpu", HERITAGE_HEARTBEAT_S="2",
               PYTHONUNBUFFERED="1")
    procs = []
    t_start_workers = time.perf_counter()
    for i in range(args.workers):
        log = open(tmp / f"worker{i}.log", "wb")
        procs.append(subprocess.Popen(
            [celery, "-A", "heritage", "worker", "-Q", "gpu", "--pool", "solo", "--concurrency", "1", "-n",
             f"bench{i}-{run}@%h", "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
    try:
        mine = WorkerHeartbeat.objects.filter(name__startswith="bench", name__contains=f"-{run}@")
        while mine.filter(stopped_at__isnull=True).count() < args.workers:
            if any(p.poll() is not None for p in procs):
                raise SystemExit(f"a worker died at start; see {tmp}/worker*.log")
            time.sleep(0.2)
        print(f"workers ready in {time.perf_counter() - t_start_workers:.1f} s (engine not loaded yet: it loads "
              f"at each worker's first job)")
        public = {"duration": args.duration, "steps": args.steps, "resolution": args.resolution}

        def submit(seed):
            with transaction.atomic():
                return services.job_create(requested_by=user, text="左手拉紧丝线,右手斜着进针,针距0.5毫米。",
                                           parameters=public, seed=seed)

        def wait_all(ids, timeout=1800):
            deadline = time.monotonic() + timeout
            while GenerationJob.objects.filter(pk__in=ids, status__in=GenerationJob.ACTIVE).exists():
                if time.monotonic() > deadline:
                    raise SystemExit("timed out")
                time.sleep(0.2)

        # 1. A batch of N jobs on cold workers.
        t0 = time.perf_counter()
        ids = [submit(seed).pk for seed in range(args.jobs)]
        t_submitted = time.perf_counter() - t0
        wait_all(ids)
        jobs = list(GenerationJob.objects.filter(pk__in=ids).order_by("created_at"))
        failed = [j for j in jobs if j.status != "succeeded"]
        if failed:
            raise SystemExit(f"{len(failed)} jobs did not succeed: {failed[0].error}")
        span = (max(j.finished_at for j in jobs) - min(j.created_at for j in jobs)).total_seconds()
        p0 = jobs[0].parameters
        print(f"\n{args.jobs} jobs: {p0['width']}×{p0['height']}, {p0['num_frames']} frames, {p0['num_steps']} steps "
              f"(submitted in {t_submitted:.2f} s)")
        print(f"  wall time {span:.1f} s → {args.jobs / span * 60:.1f} jobs/minute")

        def first_step_latency(j):
            return (j.started_at - j.created_at).total_seconds() + j.timings["first_step_after_claim"]

        lat = [first_step_latency(j) for j in jobs]
        cold = [first_step_latency(j) for j in jobs if j.timings.get("engine_load", 0) > 0]
        print(f"  submit → first step: median {statistics.median(lat):.2f} s, max {max(lat):.2f} s "
              f"(includes waiting in the queue behind earlier jobs)")
        print(f"  per job: median generate {statistics.median(j.timings['total'] for j in jobs):.2f} s, "
              f"median attempt {statistics.median(j.timings['attempt_total'] for j in jobs):.2f} s")
        print("\n  engine loads per worker (from the job rows and the heartbeats):")
        for hb in mine.order_by("name"):
            mine = [j for j in jobs if j.worker == hb.name]
            loads = [j.timings["engine_load"] for j in mine]
            print(f"    {hb.name}: {len(mine)} jobs, engine loaded {hb.engine_loads}× "
                  f"(load {hb.engine_load_s or 0:.2f} s); engine_load per job, in order: "
                  + ", ".join(f"{x:.2f}" for x in loads))
        if cold:
            print(f"  first job on a cold worker: submit → first step {statistics.median(cold):.2f} s (median)")

        # 2. The same batch again on the now warm pool.
        t0 = time.perf_counter()
        ids = [submit(100 + seed).pk for seed in range(args.jobs)]
        wait_all(ids)
        warm = list(GenerationJob.objects.filter(pk__in=ids))
        span = (max(j.finished_at for j in warm) - min(j.created_at for j in warm)).total_seconds()
        lat = [first_step_latency(j) for j in warm]
        print(f"\n{args.jobs} more jobs on the warm pool: wall time {span:.1f} s → {args.jobs / span * 60:.1f} jobs/minute; "
              f"submit → first step median {statistics.median(lat):.2f} s, max {max(lat):.2f} s; "
              f"engine loads during this batch: {sum(1 for j in warm if j.timings['engine_load'] > 0)}")

        # 3. Single jobs on an idle warm pool: latency without a queue.
        singles = []
        for k in range(args.single):
            job = submit(1000 + k)
            wait_all([job.pk])
            job.refresh_from_db()
            singles.append(first_step_latency(job))
        if singles:
            print(f"\n{args.single} single jobs on the idle, warm pool: submit → first step median "
                  f"{statistics.median(singles):.3f} s, min {min(singles):.3f} s, max {max(singles):.3f} s")
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()
        if settings.CELERY_BROKER_URL.startswith("redis"):
            from celery import current_app

            with current_app.connection_for_write() as conn:
                for q in ("gpu", "media"):
                    try:
                        conn.default_channel.queue_purge(q)
                    except Exception:  # noqa: BLE001
                        pass
    print(f"\n(logs and the throw-away database in {tmp})")


if __name__ == "__main__":
    main()
