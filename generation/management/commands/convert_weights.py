"""python manage.py convert_weights SRC DST [--dtype bf16] [--shard-size 5GB] [--json]

Writes a copy of the checkpoint folder SRC at DST with its experts and text encoder in bf16 shards
(generation/engine/convert.py says what stays float32 and why). One-time: afterwards point
HERITAGE_ENGINE_MODEL_DIR (or generate_clip --model) at DST; every load then reads half the bytes.
"""

import json
import re
import time

from django.core.management.base import BaseCommand, CommandError


def parse_size(text: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", text, flags=re.I)
    if not m:
        raise ValueError(text)
    unit = {"": 1, "B": 1, "K": 10**3, "KB": 10**3, "M": 10**6, "MB": 10**6, "G": 10**9, "GB": 10**9}[m.group(2).upper()]
    return int(float(m.group(1)) * unit)


class Command(BaseCommand):
    help = "把检查点的专家与文本编码器权重一次性转换为 bf16 分片(VAE 等原样复制)"

    def add_arguments(self, parser):
        parser.add_argument("src", help="checkpoint folder (Wan2.2 Diffusers layout, e.g. the hub's fp32 shards)")
        parser.add_argument("dst", help="new folder to write (must not exist or be empty)")
        parser.add_argument("--dtype", choices=["bf16", "fp16"], default="bf16")
        parser.add_argument("--shard-size", default="5GB", help="largest shard (e.g. 5GB, 500MB; default 5GB)")
        parser.add_argument("--json", action="store_true", help="print one JSON line")

    def handle(self, *args, src, dst, dtype, shard_size, json: bool = False, **options):
        from generation.engine.convert import convert_checkpoint
        from generation.engine.errors import EngineError

        try:
            shard_bytes = parse_size(shard_size)
        except ValueError:
            raise CommandError(f"--shard-size: cannot read {shard_size!r} (e.g. 5GB, 500MB)") from None
        t0 = time.perf_counter()
        try:
            report = convert_checkpoint(src, dst, dtype=dtype, shard_bytes=shard_bytes)
        except EngineError as exc:
            raise CommandError(str(exc)) from exc
        except OSError as exc:
            raise CommandError(f"cannot convert {src} to {dst}: {exc}") from exc
        report["seconds"] = round(time.perf_counter() - t0, 3)
        if json:
            self.stdout.write(_dumps(report))
        else:
            self.stdout.write(f"wrote {report['destination']} ({report['bytes'] / 1e9:.3f} GB from "
                              f"{report['source_bytes'] / 1e9:.3f} GB, {dtype}), checkpoint id "
                              f"{report['checkpoint_id'][:12]}, {report['seconds']:.1f} s")


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)
