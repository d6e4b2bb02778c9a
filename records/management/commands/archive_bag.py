"""`manage.py archive_bag export RECORD_ID [--dest DIR]` · `archive_bag import PATH` ·
`archive_bag validate PATH`: BagIt bags of archive records (see records/bags.py). Prints one JSON line."""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "导出、导入或校验档案记录的 BagIt 包"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "import", "validate"])
        parser.add_argument("target", help="record id (export) or bag folder (import, validate)")
        parser.add_argument("--dest", default="", help="export: parent folder (default HERITAGE_BAG_DIR)")

    def handle(self, *args, action, target, dest, **o):
        from records.models import ArchiveRecord
        from records import bags

        try:
            if action == "export":
                record = ArchiveRecord.objects.filter(pk=target).first() if _is_uuid(target) else None
                if record is None:
                    raise CommandError(f"没有档案记录 {target}。")
                path = bags.bag_export(record, dest_dir=Path(dest) if dest else None)
                out = {"record": str(record.pk), "bag_path": str(path)}
            elif action == "validate":
                bagged = bags.bag_read(Path(target))
                out = {"record": bagged.id, "valid": True, "files": len(bagged.record["files"])}
            else:
                result = bags.record_import(Path(target))
                out = {"record": str(result.record.pk), "restored": result.restored}
        except bags.BagError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(out, ensure_ascii=False))


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
