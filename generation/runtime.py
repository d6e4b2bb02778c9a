"""What a worker process on queue `gpu` keeps between jobs: the warm engine and a heartbeat thread.

One WorkerRuntime per process. The engine is loaded at the first job (or at start when
HERITAGE_ENGINE_PRELOAD=1) and reused by every later job; the heartbeat thread refreshes this process's
WorkerHeartbeat row, touches the running job's `heartbeat_at` (its lease) and, now and then, requeues
jobs whose worker died (services.jobs_recover_stale).

Environment: HERITAGE_ENGINE_DEVICE (cpu, cuda, cuda:0; default: cuda when available),
HERITAGE_ENGINE_MODE (auto, resident, swap, offload; default auto), HERITAGE_ENGINE_LORA_DIR (the LoRA
folder of the lora_preview fast mode), HERITAGE_ENGINE_CONTEXT_PARALLEL (N > 1: this worker is rank 0 of
N processes started by torchrun through `manage.py engine_group`, each clip split over their GPUs),
HERITAGE_HEARTBEAT_S,
HERITAGE_JOB_LEASE_S.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connection

from . import services
from .services import EngineRefused  # raised here, reported on the job by services

log = logging.getLogger(__name__)


class WorkerRuntime:
    def __init__(self, name: str | None = None, queues: str = "gpu"):
        self.name = name or f"{socket.gethostname()}/{os.getpid()}"
        self.queues = queues
        self._engine = None
        self._engine_lock = threading.Lock()
        self._job: tuple[str, object] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.jobs_done = 0
        self.engine_loads = 0
        self.engine_load_s: float | None = None
        self.engine_loaded_at = None
        self.note = ""

    # ---------------------------------------------------------------- engine
    @property
    def device(self) -> str:
        want = settings.ENGINE_DEVICE
        if want:
            return want
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"

    def engine(self, *, mode: str = "auto", kind: str = "t2v"):
        """(engine, seconds spent loading it now: 0.0 when it was already warm). ``kind`` "t2v" (the
        text-to-video engine) or "s2v" (the speech-to-video engine, through generation.s2v_runtime);
        one engine is warm at a time: a job of the other kind replaces it."""
        with self._engine_lock:
            if self._engine is not None and getattr(self._engine, "kind", "t2v") == kind:
                return self._engine, 0.0
            if self._engine is not None:
                self.release_engine()

            default_mode = settings.ENGINE_MODE or "auto"
            load_mode = mode if mode not in ("", None, "auto") else default_mode
            self.check_memory(load_mode, kind=kind)
            t0 = time.perf_counter()
            if kind == "s2v":
                from generation import s2v_runtime

                self._engine = s2v_runtime.load(device=self.device, mode=load_mode)
            else:
                engine = load_configured_engine(self.device, load_mode)
                if engine.context_parallel > 1:
                    from generation.engine.parallel import GroupLeader

                    engine = GroupLeader(engine)  # rank 0: each request goes to the followers too
                self._engine = engine
            self.engine_load_s = time.perf_counter() - t0
            from django.utils import timezone

            self.engine_loaded_at = timezone.now()
            self.engine_loads += 1
            log.info("engine loaded in %.2f s: %s", self.engine_load_s, self._engine.describe())
            self.beat()
            return self._engine, self.engine_load_s

    def release_engine(self) -> None:
        """Drop the loaded engine (and its memory); the next job loads again."""
        self._engine = None
        import gc

        gc.collect()
        if self.device.startswith("cuda"):
            import torch

            torch.cuda.empty_cache()

    def check_memory(self, mode: str, *, kind: str = "t2v") -> None:
        """A GPU under ENGINE_MIN_GPU_MEMORY_GB refuses the full model unless the offload mode is chosen."""
        preset = settings.S2V_PRESET if kind == "s2v" else settings.ENGINE_PRESET
        if preset.startswith("tiny") or not self.device.startswith("cuda"):
            return
        import torch

        total = torch.cuda.get_device_properties(torch.device(self.device)).total_memory
        need = settings.ENGINE_MIN_GPU_MEMORY_GB * 1024**3
        if total < need and mode != "offload":
            from django.utils.translation import gettext as _

            raise EngineRefused(
                _("此 GPU 显存 %(have)s GB,低于完整模型所需的 %(need)s GB。请选择 offload 显存模式(任务参数 "
                  "memory_mode=offload,或工作进程环境变量 HERITAGE_ENGINE_MODE=offload)。")
                % {"have": f"{total / 1024**3:.1f}", "need": settings.ENGINE_MIN_GPU_MEMORY_GB}
            )

    def request_for(self, job, *, mode: str, scratch_prefix=None):
        if getattr(job, "kind", "t2v") == "s2v":
            return self._engine.request_for(job, mode=mode, scratch_prefix=scratch_prefix)
        from generation.engine import GenerationRequest

        p = job.parameters
        return GenerationRequest(
            prompt=job.prompt, negative_prompt=job.negative_prompt, seed=int(job.seed), width=p["width"],
            height=p["height"], num_frames=p["num_frames"], num_steps=p["num_steps"],
            guidance_high=p["guidance_high"], guidance_low=p["guidance_low"], sampler=p.get("sampler", "unipc"),
            mode=mode or "auto", fast=tuple(p.get("fast", ())),
            lora_dir=settings.ENGINE_LORA_DIR or None,
        )

    # ---------------------------------------------------------------- job bookkeeping
    def job_started(self, job_id, token) -> None:
        self._job = (str(job_id), token)
        self.beat()

    def job_finished(self, job_id) -> None:
        self._job = None
        self.jobs_done += 1
        self.beat()

    # ---------------------------------------------------------------- heartbeat
    def device_info(self) -> dict:
        device = self._engine.device if self._engine is not None else self.device
        info = {"device": device, "device_name": "", "memory_total_bytes": None, "memory_used_bytes": None}
        try:
            if device.startswith("cuda"):
                import torch

                dev = torch.device(device)
                free, total = torch.cuda.mem_get_info(dev)
                info.update(device_name=torch.cuda.get_device_name(dev), memory_total_bytes=int(total),
                            memory_used_bytes=int(total - free))
            else:
                import platform

                import psutil

                vm = psutil.virtual_memory()
                info.update(device_name=f"CPU ({platform.machine()}, {os.cpu_count()} cores)",
                            memory_total_bytes=int(vm.total),
                            memory_used_bytes=int(psutil.Process().memory_info().rss))
        except Exception as exc:  # noqa: BLE001 — a heartbeat must not die on a probe
            info["device_name"] = f"{device} (probe failed: {exc})"
        return info

    def beat(self) -> None:
        from django.utils import timezone

        engine = self._engine
        job = self._job
        fields = dict(
            hostname=socket.gethostname(), pid=os.getpid(), queues=self.queues,
            preset=engine.preset.name if engine else settings.ENGINE_PRESET,
            checkpoint_id=engine.checkpoint_id if engine else "",
            engine_mode=engine.mode if engine else "",
            engine_load_s=self.engine_load_s, engine_loads=self.engine_loads, jobs_done=self.jobs_done,
            current_job_id=job[0] if job else None, note=self.note[:300], stopped_at=None,
            last_seen=timezone.now(), **self.device_info(),
        )
        fields["engine_loaded_at"] = self.engine_loaded_at
        services.worker_heartbeat(name=self.name, **fields)
        if job:
            services.job_touch(job_id=job[0], token=job[1])

    def _loop(self) -> None:
        n = 0
        interval = services.heartbeat_s()
        sweep_every = max(1, int(services.lease_s() / interval / 2))
        while not self._stop.wait(interval):
            n += 1
            try:
                close_old_connections()
                self.beat()
                if n % sweep_every == 0:
                    services.jobs_recover_stale()
            except Exception:  # noqa: BLE001
                log.exception("heartbeat failed")
        connection.close()

    def start(self) -> None:
        if self._thread is not None:
            return
        self.beat()
        self._thread = threading.Thread(target=self._loop, name="heritage-heartbeat", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        try:
                services.worker_stopped(name=self.name)
        except Exception:  # noqa: BLE001
            log.exception("could not mark worker stopped")


def context_parallel() -> int:
    return max(1, int(settings.ENGINE_CONTEXT_PARALLEL or 1))


def load_configured_engine(device: str, mode: str = "auto"):
    """The engine as this worker is configured (settings and environment); with context parallelism,
    after joining the torchrun group (every rank calls this: the load pairs up collectives)."""
    from generation.engine import load_engine

    cp = context_parallel()
    if cp > 1:
        from generation.engine.parallel import init_distributed

        device = init_distributed(device).device
        mode = "resident"
    return load_engine(settings.ENGINE_MODEL_DIR, preset=settings.ENGINE_PRESET or None, device=device, mode=mode,
                       context_parallel=cp)


_runtime: WorkerRuntime | None = None
_node: dict[str, str] = {}  # this worker's Celery node name and queues (set_node, at worker start)


def set_node(name: str, queues: str) -> None:
    _node.update(name=name, queues=queues)


def node_name() -> str | None:
    return _node.get("name")


def consumes(queue: str) -> bool:
    return queue in _node.get("queues", "").split(",")


def consumes_gpu() -> bool:
    """Whether this worker consumes queue ``gpu`` (it then runs jobs and keeps a warm engine)."""
    return consumes("gpu")


def get_runtime() -> WorkerRuntime:
    global _runtime
    if _runtime is None or _runtime.name.rsplit("/", 1)[-1] != str(os.getpid()):  # new after a fork
        node = settings.WORKER_NODE or _node.get("name") or socket.gethostname()
        _runtime = WorkerRuntime(name=f"{node}/{os.getpid()}", queues=_node.get("queues", "gpu"))
    return _runtime
