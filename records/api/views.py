"""REST API of the archive records (/api/v1/...): a record, its BagIt export, and the review's archive
action, whose answer is the new record."""
from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from archive.roles import ADMIN, CURATOR, REVIEWER, has_role
from review import services
from review.api.views import REFUSED, ActionSerializer, RefusalSerializer, _refused
from review.models import Review
from review.services import is_staff_curator

from ..bags import BagError, bag_export
from ..models import ArchiveRecord
from ..selectors import is_record_public


class RecordFileSerializer(serializers.Serializer):
    role = serializers.CharField()
    sha256 = serializers.CharField()
    size_bytes = serializers.IntegerField()
    mime = serializers.CharField()


class RecordSerializer(serializers.ModelSerializer):
    files = serializers.SerializerMethodField()
    public = serializers.SerializerMethodField()

    class Meta:
        model = ArchiveRecord
        fields = ["id", "title", "attribution", "rights_uri", "ai_notice", "clip_sha256", "provenance",
                  "created_at", "public", "files"]

    @extend_schema_field(RecordFileSerializer(many=True))
    def get_files(self, obj):
        return [{"role": f.role, "sha256": f.sha256, "size_bytes": f.size_bytes, "mime": f.mime}
                for f in obj.files.all()]

    def get_public(self, obj) -> bool:
        return is_record_public(obj)


class ReviewArchive(APIView):
    """POST /reviews/<id>/archive: the review's archive action (approved → archived); answers the new
    record with 201."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ActionSerializer

    @extend_schema(operation_id="reviews_archive_create", request=None,
                   responses={201: RecordSerializer, **REFUSED})
    def post(self, request, pk):
        review = get_object_or_404(Review, pk=pk)
        try:
            record = services.review_archive(review=review, actor=request.user)
        except services.TransitionRefused as exc:
            return _refused(exc)
        return Response(RecordSerializer(record).data, status=201)


class RecordDetail(APIView):
    """An archive record: staff always; everyone else only while it is public."""

    permission_classes = [permissions.AllowAny]
    serializer_class = RecordSerializer

    @extend_schema(operation_id="archive_records_retrieve", responses={200: RecordSerializer, 404: RefusalSerializer})
    def get(self, request, pk):
        record = get_object_or_404(ArchiveRecord, pk=pk)
        if not (has_role(request.user, CURATOR, REVIEWER, ADMIN) or is_record_public(record)):
            return Response({"detail": "未找到。", "code": "not_found"}, status=404)
        return Response(RecordSerializer(record).data)


class RecordExport(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(operation_id="archive_records_export", request=None,
                   responses={201: inline_serializer("BagExport", {"bag_path": serializers.CharField()}), **REFUSED})
    def post(self, request, pk):
        if not is_staff_curator(request.user):
            return Response({"detail": "只有策展人可以导出档案。", "code": "forbidden"}, status=403)
        record = get_object_or_404(ArchiveRecord, pk=pk)
        try:
            path = bag_export(record, actor=request.user)
        except (BagError, OSError) as exc:
            return Response({"detail": f"导出失败:{exc}", "code": "export_failed"}, status=409)
        return Response({"bag_path": str(path)}, status=201)
