"""REST API of the review workflow (/api/v1/...; the archive records' endpoints and the archive action are
in records/api.py). Views parse input and call
review.services; ``TransitionRefused`` maps to 403 (no right), 409 (wrong state/conflict) or 400 (bad input)."""
from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

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
        record = getattr(obj.clip, "archive_record", None)  # written by the records app
        return str(record.pk) if record else None


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
    """POST /reviews/<id>/<action>: submit, comment, request-changes, reject, sign, withdraw (archive: records/api.py)."""

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
            elif self.action_name == "withdraw":
                services.review_withdraw(review=review, actor=request.user, reason=d.get("reason", ""))
        except services.TransitionRefused as exc:
            return _refused(exc)
        review.refresh_from_db()
        return Response(ReviewSerializer(review).data)
