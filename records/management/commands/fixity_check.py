"""`manage.py fixity_check [--json]`: re-hash every archived file now (what the Celery beat task does).
Exit status 1 when any file does not match."""
import json
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "固定性检查:重新计算所有档案文件的 SHA-256,与入库时比对"

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **o):
        from records.fixity import fixity_check_all

        result = fixity_check_all()
        out = {"records": result.checked_records, "files": result.checked_files, "failures": result.failures}
        if o["json"]:
            self.stdout.write(json.dumps(out, ensure_ascii=False))
        else:
            self.stdout.write(f"{result.checked_records} records, {result.checked_files} files, "
                              f"{len(result.failures)} failing")
            for f in result.failures:
                self.stdout.write(f"  {f['record']}: {', '.join(f['files'])}")
        if result.failures:
            sys.exit(1)
