"""python manage.py build_tiny_engine PATH [--seed N]: write the tiny random checkpoint (its videos are noise)."""

import json
import time

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "写出极小的随机初始化引擎检查点（Wan2.2 目录结构，仅供开发与测试；生成的视频是噪声）"

    def add_arguments(self, parser):
        parser.add_argument("path", help="folder to write (created if needed)")
        parser.add_argument("--seed", type=int, default=0, help="random seed of the weights (default 0)")
        parser.add_argument("--layout", choices=["t2v-a14b", "ti2v-5b"], default="t2v-a14b",
                            help="two experts as Wan2.2-T2V-A14B (default) or one transformer as Wan2.2-TI2V-5B")
        parser.add_argument("--json", action="store_true", help="print one JSON line")
        from generation.engine.s2v.cli import add_build_arguments  # --s2v: generation/engine/s2v/cli.py

        add_build_arguments(parser)

    def handle(self, *args, path, seed, layout="t2v-a14b", json: bool = False, **options):
        if options.get("s2v"):
            return self._handle_s2v(path, seed, json)
        from generation.engine.loading import inspect_model_dir
        from generation.engine.tiny import build_tiny_checkpoint, folder_bytes

        t0 = time.perf_counter()
        try:
            root = build_tiny_checkpoint(path, seed=seed, layout=layout)
        except OSError as exc:
            raise CommandError(f"cannot write the tiny checkpoint to {path}: {exc}") from exc
        info = {
            "path": str(root), "seed": seed, "layout": layout, "bytes": folder_bytes(root),
            "checkpoint_id": inspect_model_dir(root).checkpoint_id, "seconds": round(time.perf_counter() - t0, 3),
        }
        if json:
            self.stdout.write(_dumps(info))
        else:
            self.stdout.write(f"tiny checkpoint written to {root} ({info['bytes'] / 1e6:.2f} MB, id "
                              f"{info['checkpoint_id'][:12]}); its videos are noise, for development only")

    def _handle_s2v(self, path: str, seed: int, as_json: bool) -> None:
        from generation.engine.s2v.cli import build_tiny

        try:
            info = build_tiny(path, seed)
        except OSError as exc:
            raise CommandError(f"cannot write the tiny S2V checkpoint to {path}: {exc}") from exc
        self.stdout.write(_dumps(info) if as_json else
                          f"tiny S2V checkpoint written to {info['path']} ({info['bytes'] / 1e6:.2f} MB, id "
                          f"{info['checkpoint_id'][:12]}); its videos are noise, for development only")


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)
