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
from heritage.parsers import FormJSONParts, RefuseUnknownFields, refuse_body
from heritage.permissions import HasPerm, allowed
from heritage.schema import NON_BLANK

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

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_record(self, obj) -> str | None:
        """The archive record's UUID once the clip is archived (GET /api/v1/records/{uuid}/), else null."""
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


@extend_schema_field({"type": "string", "minLength": 1, "pattern": NON_BLANK})
class RequiredText(serializers.CharField):
    """A text the action needs: given, and not blank once trimmed (the schema says so: ``NON_BLANK``)."""

    def __init__(self, **kwargs):
        super().__init__(required=True, allow_blank=False, trim_whitespace=True, **kwargs)


def _optional_text(**kwargs):
    return serializers.CharField(required=False, allow_blank=True, allow_null=True, trim_whitespace=False, **kwargs)


def _at_ms():
    return serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=2**31 - 1,
                                    help_text="视频中的时间点(毫秒)")


class ActionSerializer(RefuseUnknownFields, FormJSONParts, serializers.Serializer):
    """The body of an action that reads none (``submit``, ``retract-changes``, ``archive``): an empty object, or
    none at all. Each action's own body below says which fields it reads and which it needs; a field of the wrong
    type (a list for ``text``, a word for ``at_ms``) is a 400 there, before the workflow runs. A key an action does
    not read is a 400 naming it (``RefuseUnknownFields``: a misspelt ``at_ms`` or ``text`` must not be dropped
    silently). In a multipart body an object (``action_description``) is a JSON part (``FormJSONParts``)."""


class CommentBody(ActionSerializer):
    """``comment``: a remark at a time code, or (``parent``) a reply to a top-level comment."""

    text = RequiredText(max_length=5000, help_text="意见内容(不能为空)")
    at_ms = _at_ms()
    parent = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**31 - 1,
                                      help_text="要回复的顶层意见编号;不填为新的意见")


class ApproveBody(ActionSerializer):
    """``approve``: the reviewer's approval, with an optional remark."""

    text = _optional_text(help_text="可选的意见")


class RequestChangesBody(ActionSerializer):
    """``request-changes``: what to change; with ``action_description`` a new take is generated at once."""

    text = RequiredText(max_length=5000, help_text="需要修改的地方(不能为空)")
    at_ms = _at_ms()
    action_description = serializers.DictField(required=False, allow_null=True,
                                               help_text="修改后的结构化动作描述(对象):立即生成新版本")


class RejectBody(ActionSerializer):
    """``reject``: why."""

    text = RequiredText(max_length=5000, help_text="驳回理由(不能为空)")


class SignBody(ActionSerializer):
    """``sign``: the inheritor (or the recorded proxy) signs exactly what the review's ``public_summary`` showed:
    a different sha256 or attribution is a 409 (``sha256_mismatch``, ``attribution_mismatch``)."""

    sha256 = serializers.CharField(help_text="签署页面显示的 SHA-256(public_summary.clip_sha256)")
    attribution = serializers.CharField(trim_whitespace=False, help_text="签署页面显示的署名(public_summary.attribution)")
    comment = _optional_text(help_text="可选的留言")


class WithdrawBody(ActionSerializer):
    """``withdraw``: the signer withdraws the signature (the record is unpublished)."""

    reason = RequiredText(max_length=5000, help_text="撤回理由(不能为空)")


# workflow action → (its body, the status and shape it answers); archive: records/api/views.py
ACTION_BODIES = {"submit": ActionSerializer, "comment": CommentBody, "approve": ApproveBody,
                 "request_changes": RequestChangesBody, "retract_changes": ActionSerializer, "reject": RejectBody,
                 "sign": SignBody, "withdraw": WithdrawBody}
MAKES_COMMENT = {"comment", "approve"}  # 201 with the comment; every other action 200 with the review


class ReviewOpenSerializer(RefuseUnknownFields, serializers.Serializer):
    """``POST /reviews``: the clip to open a review of; the rights statement (else the default). Read here, so a
    clip that is no whole number (「²」, ``true``, 2**70) or a ``rights_uri`` that is no text is a 400, never a 500."""

    clip = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    rights_uri = serializers.CharField(required=False, allow_blank=True, allow_null=True)  # services.validate_rights_uri


# 400 is left to ``heritage.schema.error_responses``: the ``BadRequest`` shape (``detail``, ``code`` and, for a
# body that failed validation, the messages keyed by field), as on every other endpoint.
REFUSED = {403: RefusalSerializer, 404: RefusalSerializer, 409: RefusalSerializer}


def _refused(exc: services.TransitionRefused) -> Response:
    """A refusal as ``{"detail", "code"}``; bad input (400) also names the body field it is about, keyed as DRF
    keys a field's messages (``TransitionRefused.field``)."""
    headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
    named = {exc.field: [exc.message]} if exc.field and exc.status == 400 else {}
    return Response({"detail": exc.message, "code": exc.code, **named}, status=exc.status, headers=headers)


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
    action's permission and audits a refusal; the view requires a login. One operation per action
    (``action_view``), each with its own body and the one success status it answers."""

    permission_classes = [HasPerm("heritage.authenticated")]
    serializer_class = ActionSerializer
    action_name = ""

    @property
    def permission_delegated(self):
        return {"POST": workflow.ACTIONS[ACTION_OF[self.action_name]].permission}

    def post(self, request, pk):
        review = get_object_or_404(Review, pk=pk)
        name = ACTION_OF[self.action_name]
        body = ACTION_BODIES[name](data=request.data)
        body.is_valid(raise_exception=True)
        data = {k: v for k, v in body.validated_data.items() if v is not None or k in ("at_ms", "parent")}
        try:
            result = workflow.dispatch(review=review, action=name, actor=request.user, **data)
        except services.TransitionRefused as exc:
            return _refused(exc)
        if name in MAKES_COMMENT:
            return Response(CommentSerializer(result).data, status=201,  # comments have no page of their own
                            headers={"Location": reverse("api-review-comments", args=[review.pk])})
        review.refresh_from_db()
        return Response(ReviewSerializer(review, context={"request": request}).data)


def action_view(api_name: str):
    """The view of one action, its schema saying that action's body and the status it answers."""
    name = ACTION_OF[api_name]
    body = ACTION_BODIES[name]
    answered = {201: CommentSerializer} if name in MAKES_COMMENT else {200: ReviewSerializer}
    refused = dict(REFUSED)
    if name in ("submit", "sign"):
        refused[409] = OpenApiResponse(RefusalSerializer, description=(
            "与审核状态冲突;后期处理尚未完成时 code 为 postprocessing_pending,带 Retry-After(秒):"
            "可轮询生成任务的 output.ready_for_review,为 true 后再提交"))

    @extend_schema(operation_id=f"reviews_{name}_create", request=body, responses={**answered, **refused},
                   description=(body.__doc__ or "").strip())
    def post(self, request, pk):
        return ReviewAction.post(self, request, pk)

    view = type(f"Review{name.title().replace('_', '')}Action", (ReviewAction,),
                {"post": post, "serializer_class": body, "__doc__": ReviewAction.__doc__, "__module__": __name__})
    return view.as_view(action_name=api_name)


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
        refuse_body(request)
        try:
            services.comment_set_resolved(comment=thread, actor=request.user, resolved=self.resolved)
        except services.TransitionRefused as exc:
            return _refused(exc)
        thread.refresh_from_db()
        return Response(CommentSerializer(thread).data)
