"""The archive records' staff screens (/review/records/...): a record with its files, PREMIS events and
provenance, and the BagIt export. Mounted in the ``review`` URL namespace by heritage/urls.py, where
they have always been."""
from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from archive.roles import ADMIN, CURATOR, REVIEWER, has_role
from review.services import is_staff_curator

from .bags import BagError, bag_export
from .models import ArchiveRecord
from .selectors import is_record_public


def _staff_or_403(user):
    if not has_role(user, CURATOR, REVIEWER, ADMIN):
        raise PermissionDenied(_("您无权查看档案记录的管理页面。"))


@login_required
@require_GET
def record_detail(request, pk):
    _staff_or_403(request.user)
    record = get_object_or_404(ArchiveRecord.objects.select_related("technique__craft", "signoff__inheritor"), pk=pk)
    return render(request, "review/record.html", {
        "record": record, "files": record.files.all(), "events": record.events.order_by("at"),
        "public": is_record_public(record),
        "provenance_json": json.dumps(record.provenance, ensure_ascii=False, indent=2),
        "can_export": is_staff_curator(request.user),
    })


@login_required
@require_POST
def record_export(request, pk):
    if not is_staff_curator(request.user):
        raise PermissionDenied(_("只有策展人可以导出档案。"))
    record = get_object_or_404(ArchiveRecord, pk=pk)
    try:
        path = bag_export(record, actor=request.user)
    except (BagError, OSError) as exc:
        messages.error(request, _("导出失败:%(e)s") % {"e": exc})
        return redirect("review:record", pk=record.pk)
    messages.success(request, _("已导出 BagIt 包:%(p)s") % {"p": path})
    return redirect("review:record", pk=record.pk)


