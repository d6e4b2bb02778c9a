"""Start the GPU pool on this machine: one Celery worker per visible GPU, pinned with
CUDA_VISIBLE_DEVICES, on queue `gpu` with concurrency 1 (one job per GPU at a time); or, with no GPU,
one CPU worker running the tiny engine. Supervises them: a worker that dies is started again under the
same node name, and on start it requeues the job it was running (generation.services.jobs_recover_stale).

    python manage.py gpu_workers                 # all visible GPUs (or one CPU worker)
    python manage.py gpu_workers --gpus 0,2      # only these
    python manage.py gpu_workers --mode offload  # allow GPUs under HERITAGE_MIN_GPU_MEMORY_GB (24 GB)
    python manage.py gpu_workers --dry-run       # print the commands
    python manage.py gpu_workers --gpus-per-worker 2   # one worker per pair of GPUs: each clip is split
                                                       # over both (context parallelism, HERITAGE_ENGINE_CONTEXT_PARALLEL)
"""
from __future__ import annotations

import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from heritage.celery import worker_environment

MODES = ("auto", "resident", "swap", "offload")


def visible_gpus() -> list[dict]:
    """[{index, name, total_bytes}] for the GPUs torch can see (none without CUDA)."""
    import torch

    if not torch.cuda.is_available():
        return []
    out = []
    for i in range(torch.cuda.device_count()):
        props = torch.cuda.get_device_properties(i)
        out.append({"index": i, "name": props.name, "total_bytes": int(props.total_memory)})
    return out


class Command(BaseCommand):
    help = "Start one Celery worker per visible GPU on queue gpu (concurrency 1), or one CPU worker with the tiny engine."

    def add_arguments(self, parser):
        parser.add_argument("--gpus", help="comma-separated GPU indices (default: all visible)")
        parser.add_argument("--mode", choices=MODES, default=settings.ENGINE_MODE or "auto",
                            help="memory mode for the engine (offload lets GPUs under the minimum run the full model)")
        parser.add_argument("--queues", default="gpu", help="queues to consume (default: gpu)")
        parser.add_argument("--pool", choices=("prefork", "solo"), default="prefork",
                            help="prefork (default): Celery enforces the hard time limit by ending the child; "
                                 "solo: one process (soft limit checked between steps only)")
        parser.add_argument("--gpus-per-worker", type=int, default=1,
                            help="GPUs per worker (default 1); N > 1 splits each clip over the worker's N GPUs")
        parser.add_argument("--cpu", action="store_true", help="one CPU worker with the tiny engine even if GPUs exist")
        parser.add_argument("--tiny-dir", default=str(settings.VAR_DIR / "models" / "tiny"),
                            help="tiny checkpoint for the CPU worker (built here if missing)")
        parser.add_argument("--preload", action="store_true", help="load the engine when the worker starts")
        parser.add_argument("--loglevel", default="INFO")
        parser.add_argument("--dry-run", action="store_true", help="print the worker commands and exit")
        parser.add_argument("--no-restart", action="store_true", help="do not restart a worker that dies")

    # ------------------------------------------------------------------ plan
    def plan(self, opts) -> list[tuple[str, list[str], dict]]:
        host = socket.gethostname()
        base_env = {"HERITAGE_ENGINE_MODE": opts["mode"]}
        if opts["preload"]:
            base_env["HERITAGE_ENGINE_PRELOAD"] = "1"
        gpus = [] if opts["cpu"] else visible_gpus()
        if opts["gpus"]:
            wanted = {int(x) for x in opts["gpus"].split(",") if x.strip()}
            missing = wanted - {g["index"] for g in gpus}
            if missing:
                raise CommandError(f"GPU {sorted(missing)} 不可见(可见:{[g['index'] for g in gpus] or '无'})。")
            gpus = [g for g in gpus if g["index"] in wanted]
        workers = []
        per = opts.get("gpus_per_worker") or 1
        if per < 1:
            raise CommandError("--gpus-per-worker 须为正整数。")
        if gpus:
            need = settings.ENGINE_MIN_GPU_MEMORY_GB * 1024**3
            usable = []
            for g in gpus:
                if settings.ENGINE_PRESET != "tiny" and g["total_bytes"] < need and opts["mode"] != "offload":
                    self.stderr.write(self.style.ERROR(
                        f"GPU {g['index']} ({g['name']}, {g['total_bytes'] / 1024**3:.1f} GB) 显存低于完整模型所需的 "
                        f"{settings.ENGINE_MIN_GPU_MEMORY_GB} GB,不启动。要在这块卡上运行,请用 --mode offload"
                        f"(逐块卸载,较慢)。"))
                    continue
                usable.append(g)
            if per > 1 and opts["mode"] not in ("auto", "resident"):
                raise CommandError("多卡工作进程(--gpus-per-worker > 1)只支持 resident 显存模式。")
            left = len(usable) % per
            if left:
                self.stderr.write(self.style.WARNING(
                    f"GPU {[g['index'] for g in usable[-left:]]} 凑不满 {per} 块一组,不启动。"))
                usable = usable[: len(usable) - left]
            for k in range(0, len(usable), per):
                group = usable[k:k + per]
                indices = ",".join(str(g["index"]) for g in group)
                env = dict(base_env, CUDA_VISIBLE_DEVICES=indices, HERITAGE_ENGINE_DEVICE="cuda:0")
                if per > 1:
                    env["HERITAGE_ENGINE_CONTEXT_PARALLEL"] = str(per)
                name = f"gpu{group[0]['index']}" + (f"-{group[-1]['index']}" if per > 1 else "")
                workers.append((name, env, " + ".join(g["name"] for g in group)))
            if not workers:
                raise CommandError("没有可用的 GPU 工作进程。")
        else:
            tiny = Path(opts["tiny_dir"])
            if settings.ENGINE_PRESET != "tiny":
                self.stderr.write(self.style.WARNING(
                    f"没有可见的 GPU:改为启动一个 CPU 工作进程,使用微型引擎 {tiny}(视频只是噪声)。"))
            if not (tiny / "model_index.json").is_file() and not opts["dry_run"]:
                from generation.engine.tiny import build_tiny_checkpoint

                build_tiny_checkpoint(tiny)
                self.stdout.write(f"built the tiny checkpoint in {tiny}")
            env = dict(base_env, CUDA_VISIBLE_DEVICES="", HERITAGE_ENGINE_DEVICE="cpu", HERITAGE_ENGINE_PRESET="tiny",
                       HERITAGE_ENGINE_MODEL_DIR=str(tiny))
            workers.append(("cpu", env, "CPU"))
        celery = str(Path(sys.executable).parent / "celery")
        out = []
        for name, env, what in workers:
            node = f"{name}@{host}"
            worker_args = ["-Q", opts["queues"], "--concurrency", "1", "--pool", opts["pool"], "--prefetch-multiplier",
                           "1", "-n", node, "--loglevel", opts["loglevel"], "--without-gossip", "--without-mingle"]
            if "HERITAGE_ENGINE_CONTEXT_PARALLEL" in env:  # several GPUs: torchrun starts the group, rank 0 works
                worker_args[worker_args.index("--pool") + 1] = "solo"
                cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node",
                       env["HERITAGE_ENGINE_CONTEXT_PARALLEL"], str(Path(settings.BASE_DIR) / "manage.py"),
                       "engine_group", "--", *worker_args]
            else:
                cmd = [celery, "-A", "heritage", "worker", *worker_args]
            out.append((node, cmd, dict(env, HERITAGE_WORKER_NODE=node, _WHAT=what)))
        return out

    # ------------------------------------------------------------------ run and supervise
    def handle(self, *args, **opts):
        plan = self.plan(opts)
        for node, cmd, env in plan:
            shown = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items() if not k.startswith("_"))
            self.stdout.write(f"{node} ({env['_WHAT']}): {shown} {shlex.join(cmd)}")
        if opts["dry_run"]:
            return
        procs: dict[str, subprocess.Popen] = {}
        stopping = False

        def start(node, cmd, env):
            clean = {k: v for k, v in env.items() if not k.startswith("_")}
            procs[node] = subprocess.Popen(cmd, env=worker_environment(**clean))

        def stop(signum, frame):
            nonlocal stopping
            stopping = True
            for p in procs.values():
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        for node, cmd, env in plan:
            start(node, cmd, env)
        backoff = {node: 1.0 for node, _, _ in plan}
        while not stopping:
            time.sleep(1)
            for node, cmd, env in plan:
                p = procs[node]
                if p.poll() is not None and not stopping:
                    if opts["no_restart"]:
                        self.stderr.write(f"{node} exited with {p.returncode}")
                        stop(None, None)
                        break
                    self.stderr.write(self.style.WARNING(
                        f"{node} exited with {p.returncode}; restarting in {backoff[node]:.0f} s"))
                    time.sleep(backoff[node])
                    backoff[node] = min(backoff[node] * 2, 60)
                    start(node, cmd, env)
        for p in procs.values():
            try:
                p.wait(timeout=120)
            except subprocess.TimeoutExpired:
                p.kill()
