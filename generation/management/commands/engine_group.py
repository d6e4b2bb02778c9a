"""python -m torch.distributed.run --standalone --nproc_per_node N manage.py engine_group -- CELERY-WORKER-ARGS

One job worker over N GPUs (started this way by `manage.py gpu_workers --gpus-per-worker N`, with
CUDA_VISIBLE_DEVICES naming the N GPUs and HERITAGE_ENGINE_CONTEXT_PARALLEL=N). Rank 0 is the Celery
worker (solo pool: the process that holds the process group runs the jobs; the engine is preloaded so
that every rank loads together); ranks 1 … N-1 load the same engine and follow rank 0's generations
(generation/engine/parallel.py), so each clip's sequence is split over the N GPUs.
"""

import os

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
        if int(os.environ["RANK"]) > 0:
            engine = load_configured_engine(get_runtime().device)
            try:
                self.stdout.write(f"rank {os.environ['RANK']}: followed {follow(engine)} generations")
            finally:
                shutdown_distributed()
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
            engine = getattr(get_runtime(), "_engine", None)
            if engine is not None and hasattr(engine, "close"):
                engine.close()  # the followers leave their loop
            shutdown_distributed()
