"""REST API of the review workflow and the archive records (/api/v1/...). Views parse input and call
review.services; ``TransitionRefused`` maps to 403 (no right), 409 (wrong state/conflict) or 400 (bad input)."""
from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from archive.record_selectors import is_record_public
from archive.records import ArchiveRecord
from archive.roles import ADMIN, CURATOR, REVIEWER, has_role
from generation.models import Clip

from .. import selectors, services
from ..models import Review, ReviewComment


class CommentSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username")
    timecode = serializers.CharField()

    class Meta:
        model = ReviewComment
        fields = ["id", "author", "kind", "at_ms", "timecode", "text", "created_at"]


class ReviewSerializer(serializers.ModelSerializer):
    clip = serializers.IntegerField(source="clip_id")
    technique = serializers.CharField(source="technique.slug")
    craft = serializers.CharField(source="technique.craft.slug")
    record = serializers.SerializerMethodField()

    class Meta:
        model = Review
        fields = ["id", "clip", "craft", "technique", "title", "state", "version", "previous", "attribution",
                  "rights_uri", "ai_notice", "submitted_sha256", "record", "created_at", "updated_at"]

    def get_record(self, obj) -> str | None:
        rec = ArchiveRecord.objects.filter(clip_id=obj.clip_id).values_list("pk", flat=True).first()
        return str(rec) if rec else None


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


class RefusalSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()


class ActionSerializer(serializers.Serializer):
    """Fields of a transition request; each action reads the ones it needs."""

    text = serializers.CharField(required=False, help_text="comment / change request / rejection text")
    at_ms = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=2**31 - 1, help_text="time code in the clip, ms")
    action_description = serializers.JSONField(required=False, help_text="edited action description: starts a new take")
    sha256 = serializers.CharField(required=False, help_text="sign: the sha256 shown to the signer")
    attribution = serializers.CharField(required=False, help_text="sign: the attribution shown to the signer")
    comment = serializers.CharField(required=False)
    reason = serializers.CharField(required=False, help_text="withdraw: why")


REFUSED = {400: RefusalSerializer, 403: RefusalSerializer, 404: RefusalSerializer, 409: RefusalSerializer}


def _refused(exc: services.TransitionRefused) -> Response:
    return Response({"detail": exc.message, "code": exc.code}, status=exc.status)


def _review_or_403(request, pk) -> Review:
    review = get_object_or_404(Review.objects.select_related("technique__craft", "clip"), pk=pk)
    if not (has_role(request.user, CURATOR, REVIEWER, ADMIN) or services.signing_inheritor(review, request.user)):
        from rest_framework.exceptions import PermissionDenied

        raise PermissionDenied("您无权查看该审核。")
    return review


class ReviewList(APIView):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ReviewSerializer

    @extend_schema(operation_id="reviews_list", responses={200: ReviewSerializer(many=True), **REFUSED})
    def get(self, request):
        qs = selectors.review_list_for(request.user)
        if not (has_role(request.user, CURATOR, REVIEWER, ADMIN) or selectors.signer_crafts(request.user)):
            return Response({"detail": "您没有审核权限。", "code": "permission_denied"}, status=403)
        return Response(ReviewSerializer(qs[:200], many=True).data)

    @extend_schema(operation_id="reviews_open",
                   request=inline_serializer("ReviewOpen", {"clip": serializers.IntegerField(),
                                                            "rights_uri": serializers.URLField(required=False)}),
                   responses={201: ReviewSerializer, **REFUSED})
    def post(self, request):
        clip = get_object_or_404(Clip, pk=request.data.get("clip") or 0) if str(request.data.get("clip", "")).isdigit() \
            else None
        if clip is None:
            return Response({"detail": "clip 必须是视频编号。", "code": "invalid"}, status=400)
        try:
            review = services.review_open(clip=clip, actor=request.user, rights_uri=request.data.get("rights_uri"))
        except services.TransitionRefused as exc:
            return _refused(exc)
        return Response(ReviewSerializer(review).data, status=201)


class ReviewDetail(APIView):
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ReviewSerializer

    @extend_schema(operation_id="reviews_retrieve", responses={200: ReviewSerializer, **REFUSED})
    def get(self, request, pk):
        review = _review_or_403(request, pk)
        data = ReviewSerializer(review).data
        data["comments"] = CommentSerializer(review.comments.select_related("author"), many=True).data
        data["public_summary"] = services.public_summary(review)
        return Response(data)


class ReviewAction(APIView):
    """POST /reviews/<id>/<action>: submit, comment, request-changes, reject, sign, archive, withdraw."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = ActionSerializer
    action_name = ""

    @extend_schema(request=ActionSerializer,
                   responses={200: ReviewSerializer, 201: OpenApiResponse(description="comment or archive record"),
                              **REFUSED})
    def post(self, request, pk):
        review = get_object_or_404(Review, pk=pk)
        d = request.data
        try:
            if self.action_name == "submit":
                services.review_submit(review=review, actor=request.user)
            elif self.action_name == "comment":
                c = services.review_comment(review=review, actor=request.user, text=d.get("text", ""),
                                            at_ms=d.get("at_ms"))
                return Response(CommentSerializer(c).data, status=201)
            elif self.action_name == "request-changes":
                services.review_request_changes(review=review, actor=request.user, text=d.get("text", ""),
                                                at_ms=d.get("at_ms"), action_description=d.get("action_description"))
            elif self.action_name == "reject":
                services.review_reject(review=review, actor=request.user, text=d.get("text", ""))
            elif self.action_name == "sign":
                services.review_sign(review=review, actor=request.user, sha256=d.get("sha256", ""),
                                     attribution=d.get("attribution", ""), comment=d.get("comment", ""))
            elif self.action_name == "archive":
                record = services.review_archive(review=review, actor=request.user)
                return Response(RecordSerializer(record).data, status=201)
            elif self.action_name == "withdraw":
                services.review_withdraw(review=review, actor=request.user, reason=d.get("reason", ""))
        except services.TransitionRefused as exc:
            return _refused(exc)
        review.refresh_from_db()
        return Response(ReviewSerializer(review).data)


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
        if not services.is_staff_curator(request.user):
            return Response({"detail": "只有策展人可以导出档案。", "code": "forbidden"}, status=403)
        record = get_object_or_404(ArchiveRecord, pk=pk)
        from ..bags import BagError, bag_export

        try:
            path = bag_export(record, actor=request.user)
        except (BagError, OSError) as exc:
            return Response({"detail": f"导出失败:{exc}", "code": "export_failed"}, status=409)
        return Response({"bag_path": str(path)}, status=201)
