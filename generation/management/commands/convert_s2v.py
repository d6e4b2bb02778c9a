"""python manage.py convert_s2v SRC DST [--copy]: make the Wan2.2-S2V-14B release folder loadable by the
engine (UMT5 text encoder and Wan2.1 VAE from their .pth files; everything else linked or copied)."""

import json

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "把下载的 Wan2.2-S2V-14B 发布目录转换为引擎可加载的目录(仅本地文件,不下载)"

    def add_arguments(self, parser):
        parser.add_argument("src", help="the release folder as downloaded (Wan-AI/Wan2.2-S2V-14B)")
        parser.add_argument("dst", help="new folder to write (must be empty or absent)")
        parser.add_argument("--copy", action="store_true", help="copy the unchanged files instead of linking them")
        parser.add_argument("--json", action="store_true", help="print one JSON line")

    def handle(self, *args, src, dst, copy=False, **options):
        from generation.engine.errors import EngineError
        from generation.engine.s2v.convert import convert_s2v
        from generation.engine.s2v.loading import inspect_s2v_dir

        try:
            root = convert_s2v(src, dst, copy=copy)
            info = {"path": str(root), "checkpoint_id": inspect_s2v_dir(root).checkpoint_id, "copied": copy}
        except (EngineError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        if options.get("json"):
            self.stdout.write(json.dumps(info, ensure_ascii=False, sort_keys=True))
        else:
            self.stdout.write(f"converted {src} → {root} (checkpoint id {info['checkpoint_id'][:12]})")
