"""The archive records' staff screens (/review/records/...): a record with its files, PREMIS events and
provenance, and the BagIt export. Mounted in the ``review`` URL namespace by heritage/urls.py, where
they have always been."""
from __future__ import annotations

import json
import logging
import tempfile

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from heritage.permissions import allowed, requires

from .bags import BagError, bag_export, bag_zip, exported_bag
from .models import ArchiveRecord
from .selectors import is_record_public, record_hidden_reasons

log = logging.getLogger(__name__)


@requires("records.view_staff", message=_("您无权查看档案记录的管理页面。"))
@require_GET
def record_detail(request, pk):
    record = get_object_or_404(ArchiveRecord.objects.select_related("technique__craft", "signoff__inheritor"), pk=pk)
    public = is_record_public(record)
    return render(request, "review/record.html", {
        "record": record, "files": record.files.all(), "events": record.events.order_by("at"),
        "public": public, "hidden_reasons": [] if public else record_hidden_reasons(record),
        "provenance_json": json.dumps(record.provenance, ensure_ascii=False, indent=2),
        "can_export": (can_export := allowed(request.user, "records.export", record)),
        "bag_exported": can_export and exported_bag(record) is not None,
    })


@requires("records.export", message=_("只有馆员可以导出档案。"))
@require_POST
def record_export(request, pk):
    record = get_object_or_404(ArchiveRecord, pk=pk)
    try:
        path = bag_export(record, actor=request.user)
    except BagError as exc:
        messages.error(request, _("导出失败:%(e)s") % {"e": exc})
        return redirect("review:record", pk=record.pk)
    except OSError as exc:  # the words of the error, never the server's path it names
        log.exception("BagIt export of %s failed", record.pk)
        messages.error(request, _("导出失败:%(e)s") % {"e": exc.strerror or exc.__class__.__name__})
        return redirect("review:record", pk=record.pk)
    messages.success(request, _("已导出 BagIt 包,可在下方下载。"))
    return redirect("review:record", pk=record.pk)


@requires("records.export", message=_("只有馆员可以导出档案。"))
@require_GET
def record_bag(request, pk):
    """The record's last exported bag as a zip (named by the record, never by the server's folder)."""
    record = get_object_or_404(ArchiveRecord, pk=pk)
    bag = exported_bag(record)
    if bag is None:
        raise Http404(_("这条档案记录还没有导出 BagIt 包。"))
    out = tempfile.TemporaryFile()  # removed when the response closes it
    bag_zip(bag, out)
    out.seek(0)
    return FileResponse(out, as_attachment=True, filename=f"heritage-bag-{record.pk}.zip",
                        content_type="application/zip")


