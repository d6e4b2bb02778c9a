"""REST API of the review workflow (/api/v1/...; the archive records' endpoints and the archive action are
in records/api.py). Views parse input and call
review.services; ``TransitionRefused`` maps to 403 (no right), 409 (wrong state/conflict) or 400 (bad input)."""
from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from generation.models import Clip
from heritage.inputs import query_bool, query_choice, query_text
from heritage.permissions import HasPerm, allowed

from .. import selectors, services, workflow
from ..models import Review, ReviewComment


class CommentSerializer(serializers.ModelSerializer):
    """A comment. ``parent``: the comment it replies to (null for a thread); ``resolved``: a thread that asked
    for something (kind comment or change_request) and was resolved (``resolved_at``, ``resolved_by``)."""

    author = serializers.CharField(source="author.username")
    timecode = serializers.CharField()
    parent = serializers.IntegerField(source="parent_id", allow_null=True)
    resolved = serializers.SerializerMethodField()
    resolved_by = serializers.CharField(source="resolved_by.username", allow_null=True, default=None)

    class Meta:
        model = ReviewComment
        fields = ["id", "author", "kind", "at_ms", "timecode", "text", "created_at", "parent", "resolved",
                  "resolved_at", "resolved_by"]

    def get_resolved(self, obj) -> bool:
        return obj.resolved_at is not None


class CommentThreadSerializer(CommentSerializer):
    """A top-level comment with its replies (oldest first)."""

    replies = CommentSerializer(many=True, read_only=True)

    class Meta(CommentSerializer.Meta):
        fields = CommentSerializer.Meta.fields + ["replies"]


class ReviewSerializer(serializers.ModelSerializer):
    clip = serializers.IntegerField(source="clip_id")
    technique = serializers.CharField(source="technique.slug")
    craft = serializers.CharField(source="technique.craft.slug")
    record = serializers.SerializerMethodField()

    available_actions = serializers.SerializerMethodField()
    reviewer_approved = serializers.SerializerMethodField()
    open_comments = serializers.SerializerMethodField()

    class Meta:
        model = Review
        fields = ["id", "clip", "craft", "technique", "title", "state", "version", "previous", "attribution",
                  "rights_uri", "ai_notice", "submitted_sha256", "record", "created_at", "updated_at",
                  "available_actions", "reviewer_approved", "open_comments"]

    def get_open_comments(self, obj) -> int:
        """Comment threads not resolved yet (they do not stop archiving; see docs/ARCHITECTURE.md)."""
        # a list counts them in its own query (selectors.with_open_comments); a single review asks here
        counted = getattr(obj, "open_comments_count", None)
        return counted if counted is not None else selectors.comment_counts(obj)["open"]

    def get_available_actions(self, obj) -> list[str]:
        """The actions the requesting user may take now (review/workflow.py), in API spelling."""
        request = self.context.get("request")
        if request is None:
            return []
        return sorted(API_NAME[n] for n in workflow.available_names(obj, request.user))

    def get_reviewer_approved(self, obj) -> bool:
        return selectors.reviewer_approval(obj) is not None

    def get_record(self, obj) -> str | None:
        record = getattr(obj.clip, "archive_record", None)  # written by the records app
        return str(record.pk) if record else None


class PublicFileSerializer(serializers.Serializer):
    role = serializers.CharField()
    name = serializers.CharField()
    mime = serializers.CharField()
    sha256 = serializers.CharField()


class PublicSummarySerializer(serializers.Serializer):
    """What will be public once archived (``services.public_summary``): shown to the signer, bound in the sign-off."""

    title = serializers.CharField()
    craft = serializers.CharField()
    technique = serializers.CharField()
    step = serializers.CharField(allow_null=True)
    attribution = serializers.CharField()
    rights_uri = serializers.CharField()
    ai_notice = serializers.CharField()
    files = PublicFileSerializer(many=True)
    clip_sha256 = serializers.CharField()
    action_description = serializers.JSONField()


class ReviewDetailSerializer(ReviewSerializer):
    """A review as ``GET /reviews/<id>/`` answers it: the list's fields plus its comments and public summary."""

    comments = CommentSerializer(many=True, read_only=True)
    public_summary = serializers.SerializerMethodField()

    class Meta(ReviewSerializer.Meta):
        fields = ReviewSerializer.Meta.fields + ["comments", "public_summary"]

    @extend_schema_field(PublicSummarySerializer)
    def get_public_summary(self, obj):
        return services.public_summary(obj)


class RefusalSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()


# API path segment ↔ workflow action name
API_NAME = {name: name.replace("_", "-") for name in workflow.ACTIONS}
ACTION_OF = {v: k for k, v in API_NAME.items()}


class ActionSerializer(serializers.Serializer):
    """Fields of a transition request; each action reads the ones it needs. A field of the wrong type (a
    list for ``text``, a word for ``at_ms``) is a 400 here, before the workflow runs."""

    text = serializers.CharField(required=False, allow_blank=True, allow_null=True, trim_whitespace=False,
                                 help_text="comment / change request / rejection text")
    parent = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**31 - 1,
                                      help_text="comment: the id of the top-level comment this one replies to")
    at_ms = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=2**31 - 1, help_text="time code in the clip, ms")
    action_description = serializers.JSONField(required=False, allow_null=True,
                                               help_text="edited action description (an object): starts a new take")
    sha256 = serializers.CharField(required=False, allow_blank=True, help_text="sign: the sha256 shown to the signer")
    attribution = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False,
                                        help_text="sign: the attribution shown to the signer")
    comment = serializers.CharField(required=False, allow_blank=True, allow_null=True)
    reason = serializers.CharField(required=False, allow_blank=True, allow_null=True, help_text="withdraw: why")


class ReviewOpenSerializer(serializers.Serializer):
    """``POST /reviews``: the clip to open a review of; the rights statement (else the default). Read here, so a
    clip that is no whole number (「²」, ``true``, 2**70) or a ``rights_uri`` that is no text is a 400, never a 500."""

    clip = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    rights_uri = serializers.CharField(required=False, allow_blank=True, allow_null=True)  # services.validate_rights_uri


# 400 is left to ``heritage.schema.error_responses``: the ``BadRequest`` shape (``detail``, ``code`` and, for a
# body that failed validation, the messages keyed by field), as on every other endpoint.
REFUSED = {403: RefusalSerializer, 404: RefusalSerializer, 409: RefusalSerializer}


def _refused(exc: services.TransitionRefused) -> Response:
    return Response({"detail": exc.message, "code": exc.code}, status=exc.status)


class ReviewList(ListAPIView):
    """The reviews this user may see (``selectors.review_list_for``), newest change first, a page at a time
    like every other list (``count``, ``next``, ``previous``, ``results``), filtered by ``state``,
    ``technique`` and ``craft``; POST opens a review of a clip."""

    # opening a review: review_open checks ``review.open`` and audits a refusal
    permission_classes = [HasPerm({"GET": "review.view_inbox", "POST": "heritage.authenticated"},
                                  gettext_lazy("您没有审核权限。"))]
    serializer_class = ReviewSerializer
    permission_delegated = {"POST": "review.open"}

    def get_queryset(self):
        params = self.request.query_params
        qs = selectors.with_page_rules(selectors.with_open_comments(selectors.review_list_for(self.request.user)))
        qs = qs.order_by("-updated_at", "-pk")
        state = query_choice(params, "state", Review.State.values)
        if state:
            qs = qs.filter(state=state)
        technique = query_text(params, "technique")
        if technique:
            qs = qs.filter(technique__slug=technique)
        craft = query_text(params, "craft")
        if craft:
            qs = qs.filter(technique__craft__slug=craft)
        return qs

    def paginate_queryset(self, queryset):
        """A page, with what the rules read for its ``available_actions`` fetched for the whole page."""
        page = super().paginate_queryset(queryset)
        if page is not None:
            selectors.fetch_page(page, self.request.user)
        return page

    @extend_schema(operation_id="reviews_list", summary="列出您可见的审核(分页;最近改动的在前)",
                   parameters=[
                       OpenApiParameter("state", str, enum=list(Review.State.values),
                                        description="审核状态;未知的状态得到 400"),
                       OpenApiParameter("technique", str, description="技法的网址标识(slug);未知的标识得到空列表"),
                       OpenApiParameter("craft", str, description="非遗项目的网址标识(slug);未知的标识得到空列表"),
                   ],
                   responses={200: ReviewSerializer(many=True), **REFUSED})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(operation_id="reviews_open", request=ReviewOpenSerializer,
                   description="发起对一个生成视频的审核(馆员)。没有发起审核权限的账户一律得到 403,无论该视频是否存在"
                               "(不泄露哪些视频存在);有权限的账户请求不存在的视频得到 404(code 为 not_found)。",
                   responses={201: ReviewSerializer, **REFUSED})
    def post(self, request):
        body = ReviewOpenSerializer(data=request.data)
        if not body.is_valid():
            if "clip" in body.errors:
                return Response({"detail": _("clip 必须是视频编号。"), "code": "invalid"}, status=400)
            body.is_valid(raise_exception=True)
        clip = Clip.objects.filter(pk=body.validated_data["clip"]).first()  # None: review_open answers 403 or 404
        try:
            review = services.review_open(clip=clip, actor=request.user,
                                          rights_uri=body.validated_data.get("rights_uri"))
        except services.TransitionRefused as exc:
            return _refused(exc)
        return Response(ReviewSerializer(review, context={"request": request}).data, status=201,
                        headers={"Location": reverse("api-review-detail", args=[review.pk])})


class ReviewDetail(APIView):
    permission_classes = [HasPerm("heritage.authenticated", gettext_lazy("您无权查看该审核。"), obj_perm="review.view")]
    serializer_class = ReviewSerializer

    @extend_schema(operation_id="reviews_retrieve", responses={200: ReviewDetailSerializer, **REFUSED})
    def get(self, request, pk):
        review = get_object_or_404(Review.objects.select_related("technique__craft", "clip").prefetch_related(
            Prefetch("comments", ReviewComment.objects.select_related("author"))), pk=pk)
        self.check_object_permissions(request, review)
        return Response(ReviewDetailSerializer(review, context={"request": request}).data)


class ReviewAction(APIView):
    """POST /reviews/<id>/<action>: one action of review/workflow.py (submit, comment, approve,
    request-changes, retract-changes, reject, sign, withdraw; archive: records/api/views.py). The workflow checks the
    action's permission and audits a refusal; the view requires a login."""

    permission_classes = [HasPerm("heritage.authenticated")]
    serializer_class = ActionSerializer
    action_name = ""

    @property
    def permission_delegated(self):
        return {"POST": workflow.ACTIONS[ACTION_OF[self.action_name]].permission}

    @extend_schema(request=ActionSerializer,
                   responses={200: ReviewSerializer, 201: OpenApiResponse(description="comment or archive record"),
                              **REFUSED})
    def post(self, request, pk):
        review = get_object_or_404(Review, pk=pk)
        body = ActionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        d = body.validated_data
        name = ACTION_OF[self.action_name]
        fields = {
            "comment": ("text", "at_ms", "parent"), "approve": ("text",), "request_changes": ("text", "at_ms", "action_description"),
            "reject": ("text",), "sign": ("sha256", "attribution", "comment"), "withdraw": ("reason",),
        }.get(name, ())
        data = {k: d.get(k) for k in fields if k in d}
        for k in ("text", "sha256", "attribution", "comment", "reason"):
            if k in fields:
                data.setdefault(k, "")
        try:
            result = workflow.dispatch(review=review, action=name, actor=request.user, **data)
        except services.TransitionRefused as exc:
            return _refused(exc)
        if name in ("comment", "approve"):
            return Response(CommentSerializer(result).data, status=201,  # comments have no page of their own
                            headers={"Location": reverse("api-review-comments", args=[review.pk])})
        review.refresh_from_db()
        return Response(ReviewSerializer(review, context={"request": request}).data)



class ReviewComments(ListAPIView):
    """GET /reviews/<id>/comments: the review's comment threads (top-level comments, each with its ``replies``),
    in the order of the clip, a page at a time; ``?resolved=false`` the open ones only, ``?resolved=true`` the
    resolved ones. A reply is POST /reviews/<id>/comment with ``parent``."""

    permission_classes = [HasPerm("heritage.authenticated", gettext_lazy("您无权查看该审核。"), obj_perm="review.view")]
    serializer_class = CommentThreadSerializer

    def get_queryset(self):
        review = get_object_or_404(Review.objects.select_related("technique__craft"), pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, review)
        return selectors.comment_threads(review, resolved=query_bool(self.request.query_params, "resolved"))

    @extend_schema(operation_id="reviews_comments_list", summary="列出审核的意见(每条带回复;分页)",
                   parameters=[OpenApiParameter("resolved", bool,
                                                description="false:只列未解决的意见;true:只列已解决的;不填:全部")],
                   responses={200: CommentThreadSerializer(many=True), **REFUSED})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class CommentResolution(APIView):
    """POST /reviews/<id>/comments/<comment>/resolve (or /reopen): mark a thread resolved, or open again. Who may:
    ``review.resolve_comment`` (the thread's author or a curator); audited on the review."""

    permission_classes = [HasPerm("heritage.authenticated")]
    permission_delegated = {"POST": "review.resolve_comment"}
    resolved = True

    @extend_schema(request=None, responses={200: CommentSerializer, **REFUSED})
    def post(self, request, pk, comment_id):
        review = get_object_or_404(Review, pk=pk)
        if not allowed(request.user, "review.view", review):
            return Response({"detail": _("您无权查看该审核。"), "code": "forbidden"}, status=403)
        thread = get_object_or_404(review.comments.select_related("author", "resolved_by"), pk=comment_id)
        try:
            services.comment_set_resolved(comment=thread, actor=request.user, resolved=self.resolved)
        except services.TransitionRefused as exc:
            return _refused(exc)
        thread.refresh_from_db()
        return Response(CommentSerializer(thread).data)
