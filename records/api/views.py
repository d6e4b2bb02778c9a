"""REST API of the archive records (/api/v1/...): a record, its BagIt export, and the review's archive
action, whose answer is the new record."""
from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from heritage.parsers import refuse_body
from heritage.permissions import PUBLIC, HasPerm, allowed
from review import services, workflow
from review.api.views import REFUSED, ActionSerializer, RefusalSerializer, _refused
from review.models import Review

from ..bags import BagError, bag_export
from ..models import ArchiveRecord
from ..selectors import is_record_public


class RecordFileSerializer(serializers.Serializer):
    role = serializers.CharField()
    sha256 = serializers.CharField()
    size_bytes = serializers.IntegerField()
    mime = serializers.CharField()


# Keys of the stored provenance that hold login names: shown to staff (records.view_staff) only.
LOGIN_NAME_KEYS = frozenset({"requested_by", "signed_by", "user"})


def provenance_for(provenance, *, staff: bool):
    """The record's provenance as this reader may see it: without login names unless staff."""
    if staff:
        return provenance
    if isinstance(provenance, dict):
        return {k: provenance_for(v, staff=False) for k, v in provenance.items() if k not in LOGIN_NAME_KEYS}
    if isinstance(provenance, list):
        return [provenance_for(v, staff=False) for v in provenance]
    return provenance


class RecordSerializer(serializers.ModelSerializer):
    technique = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    files = serializers.SerializerMethodField()
    public = serializers.SerializerMethodField()
    provenance = serializers.SerializerMethodField()
    page_url = serializers.SerializerMethodField(help_text="展厅中展示它的技法页面;不公开时为 null")
    manifest_url = serializers.SerializerMethodField(help_text="该技法的 IIIF Presentation 3.0 清单;不公开时为 null")

    def get_provenance(self, obj) -> dict:
        request = self.context.get("request")
        staff = request is not None and allowed(request.user, "records.view_staff")
        return provenance_for(obj.provenance, staff=staff)

    class Meta:
        model = ArchiveRecord
        fields = ["id", "title", "technique", "attribution", "rights_uri", "ai_notice", "clip_sha256", "provenance",
                  "created_at", "public", "page_url", "manifest_url", "files"]

    @extend_schema_field(RecordFileSerializer(many=True))
    def get_files(self, obj):
        return [{"role": f.role, "sha256": f.sha256, "size_bytes": f.size_bytes, "mime": f.mime}
                for f in obj.files.all()]

    def get_public(self, obj) -> bool:
        if not hasattr(obj, "_public_now"):  # read once per answer: ``public`` and the gallery's addresses
            obj._public_now = is_record_public(obj)
        return obj._public_now

    def _gallery_url(self, obj, name: str) -> str | None:
        """Where the public gallery shows the record (its technique's page and manifest), while it is public."""
        if not self.get_public(obj):
            return None
        path = reverse(name, args=[obj.technique.slug])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path

    def get_page_url(self, obj) -> str | None:
        return self._gallery_url(obj, "gallery:technique")

    def get_manifest_url(self, obj) -> str | None:
        return self._gallery_url(obj, "gallery:technique_manifest")


class ReviewArchive(APIView):
    """POST /reviews/<id>/archive: the review's archive action (approved → archived); answers the new
    record with 201."""

    permission_classes = [HasPerm("heritage.authenticated")]
    permission_delegated = {"POST": workflow.ACTIONS["archive"].permission}  # checked and audited by the workflow
    serializer_class = ActionSerializer

    @extend_schema(operation_id="reviews_archive_create", request=None,
                   responses={201: RecordSerializer, **REFUSED})
    def post(self, request, pk):
        review = get_object_or_404(Review, pk=pk)
        refuse_body(request)
        try:
            record = workflow.dispatch(review=review, action="archive", actor=request.user)
        except services.TransitionRefused as exc:
            return _refused(exc)
        return Response(RecordSerializer(record, context={"request": request}).data, status=201,
                        headers={"Location": reverse("api-archive-record", args=[record.pk])})


class RecordDetail(APIView):
    """An archive record: staff always; everyone else only while it is public."""

    permission_classes = [HasPerm(PUBLIC)]
    serializer_class = RecordSerializer

    @extend_schema(operation_id="archive_records_retrieve", responses={200: RecordSerializer, 404: RefusalSerializer})
    def get(self, request, pk):
        record = get_object_or_404(ArchiveRecord, pk=pk)
        if not (allowed(request.user, "records.view_staff") or is_record_public(record)):
            return Response({"detail": _("未找到。"), "code": "not_found"}, status=404)
        return Response(RecordSerializer(record, context={"request": request}).data)


class RecordExport(APIView):
    permission_classes = [HasPerm("records.export", gettext_lazy("只有馆员可以导出档案。"))]

    @extend_schema(operation_id="archive_records_export", request=None,
                   responses={201: inline_serializer("BagExport", {
                       "bag_path": serializers.CharField(help_text="服务器上的 bag 目录(运维用)。"),
                       "download": serializers.URLField(help_text="下载这个 bag 的 zip(馆员)。")}), **REFUSED})
    def post(self, request, pk):
        record = get_object_or_404(ArchiveRecord, pk=pk)
        refuse_body(request)
        try:
            path = bag_export(record, actor=request.user)
        except (BagError, OSError) as exc:  # an OSError's words, never the server's path it names
            words = exc if isinstance(exc, BagError) else (exc.strerror or exc.__class__.__name__)
            return Response({"detail": _("导出失败:%(e)s") % {"e": words}, "code": "export_failed"}, status=409)
        download = request.build_absolute_uri(reverse("review:record_bag", args=[record.pk]))
        return Response({"bag_path": str(path), "download": download}, status=201)
