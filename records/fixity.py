"""Fixity: re-hash every stored archive file and compare with the sha256 recorded at ingestion.

Each run appends one PREMIS ``fixity check`` event per record (outcome success or failure, with the
expected and actual digest of every file). A record whose latest check failed is off public serving
(``records.selectors.public_records``) until a check passes again. A mismatch or a missing file alerts the
curators and the administrators, in-app and by email — once per incident: the run that finds the failure
after a success (or after none) alerts; later runs that find it still failing do not. Scheduled by Celery beat (``records.tasks.fixity_check_all``; see CELERY_BEAT_SCHEDULE).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from records.models import ArchiveEvent, ArchiveRecord
from archive.roles import ADMIN, CURATOR

from review.renditions import sha256_of_field_file

log = logging.getLogger(__name__)

FIXITY_AGENT = {"type": "software", "role": "fixity checker", "name": "heritage fixity (sha256)", "id": "heritage"}


@dataclass
class FixityResult:
    checked_records: int = 0
    checked_files: int = 0
    failures: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def record_fixity_check(record: ArchiveRecord) -> tuple[bool, dict]:
    results, ok = {}, True
    for f in record.files.all():
        try:
            actual = sha256_of_field_file(f.file)
        except (OSError, ValueError) as exc:
            actual, error = None, str(exc)
        else:
            error = ""
        good = actual == f.sha256
        ok = ok and good
        results[f.role] = {"expected": f.sha256, "actual": actual, "ok": good, **({"error": error} if error else {})}
    with transaction.atomic():
        previous = (ArchiveEvent.objects.filter(record=record, event_type=ArchiveEvent.Type.FIXITY_CHECK)
                    .order_by("-at").values_list("outcome", flat=True).first())
        ArchiveEvent.objects.create(
            record=record, event_type=ArchiveEvent.Type.FIXITY_CHECK,
            outcome=ArchiveEvent.Outcome.SUCCESS if ok else ArchiveEvent.Outcome.FAILURE,
            agents=[FIXITY_AGENT], detail="sha256 of every stored file", data=results,
        )
        if not ok and previous != ArchiveEvent.Outcome.FAILURE:  # a new incident
            from django.contrib.auth import get_user_model

            from review.services import notify, users_with_role

            bad = ", ".join(role for role, r in results.items() if not r["ok"])
            admins = list(get_user_model().objects.filter(is_superuser=True, is_active=True))
            notify(users_with_role(CURATOR) + users_with_role(ADMIN) + admins, verb="fixity_failure",
                   message=gettext_noop("固定性检查失败:档案「%(t)s」(%(id)s)的文件 %(files)s 与入库时的 SHA-256 不一致或缺失。"),
                   params={"t": record.title, "id": record.pk, "files": bad},
                   url=f"/review/records/{record.pk}/")
    return ok, results


def fixity_check_all(*, records=None) -> FixityResult:
    out = FixityResult()
    qs = records if records is not None else ArchiveRecord.objects.order_by("created_at")
    for record in qs.iterator() if hasattr(qs, "iterator") else qs:
        ok, results = record_fixity_check(record)
        out.checked_records += 1
        out.checked_files += len(results)
        if not ok:
            out.failures.append({"record": str(record.pk),
                                 "files": {k: v for k, v in results.items() if not v["ok"]}})
            log.error("fixity failure on archive record %s: %s", record.pk, results)
    return out
