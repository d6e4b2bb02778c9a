"""python -m torch.distributed.run --standalone --nproc_per_node N manage.py engine_group -- CELERY-WORKER-ARGS

One job worker over N GPUs (started this way by `manage.py gpu_workers --gpus-per-worker N`, with
CUDA_VISIBLE_DEVICES naming the N GPUs and HERITAGE_ENGINE_CONTEXT_PARALLEL=N). Rank 0 is the Celery
worker (solo pool: the process that holds the process group runs the jobs; the engine is preloaded so
that every rank loads together); ranks 1 … N-1 load the same engine and follow rank 0's generations
(generation/engine/parallel.py), so each clip's sequence is split over the N GPUs.
"""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "多卡工作进程组(由 torchrun 启动):0 号进程接任务,其余进程随其一起生成同一段视频"

    def add_arguments(self, parser):
        parser.add_argument("celery_args", nargs="*", help="arguments for `celery worker` (after --)")

    def handle(self, *args, celery_args, **options):
        from generation.engine.parallel import follow, launched_by_torchrun, shutdown_distributed
        from generation.runtime import context_parallel, get_runtime, load_configured_engine

        if not launched_by_torchrun() or context_parallel() < 2:
            raise CommandError("engine_group 须由 torchrun 启动,并设置 HERITAGE_ENGINE_CONTEXT_PARALLEL ≥ 2"
                               "(请用 manage.py gpu_workers --gpus-per-worker N)。")
        import torch.distributed as dist

        # A group is one machine (gpu_workers starts torchrun --standalone), so the node-local rank that
        # torchrun hands each process is its rank in the group.
        rank = dist.get_node_local_rank()
        if rank > 0:
            import signal

            # torchrun hands a stop (SIGTERM, Ctrl-C) to every rank at once. A follower waits instead for rank
            # 0's "stop", sent once its Celery worker has shut down warmly, so the group leaves together (killed
            # at once, it broke rank 0's last broadcast); torchrun still kills it 30 s later if none comes.
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            engine = load_configured_engine(get_runtime().device)
            try:
                followed = follow(engine)
            finally:
                engine = None  # the engine holds the groups: drop it before leaving them
                shutdown_distributed()
            self.stdout.write(f"rank {rank}: followed {followed} generations")
            return
        from django.conf import settings

        from heritage.celery import app

        settings.ENGINE_PRELOAD = True  # rank 0 loads with the followers at start
        argv = ["worker", *[a for a in celery_args if a != "--"]]
        if "--pool" in argv:
            argv[argv.index("--pool") + 1] = "solo"
        else:
            argv += ["--pool", "solo"]
        try:
            app.worker_main(argv)
        finally:
            runtime = get_runtime()
            engine = getattr(runtime, "_engine", None)
            if engine is not None and hasattr(engine, "close"):
                engine.close()  # the followers leave their loop
            engine = None
            runtime.release_engine()  # the engine holds the groups: drop it before leaving them
            shutdown_distributed()
