"""/api/v1/crafts, /api/v1/techniques, /api/v1/recordings, /api/v1/portraits: the archive for programs.
Reading needs a curator, reviewer or admin account (``archive.view``); importing a transcript and uploading
or replacing a portrait need a curator or admin (``archive.change``), as on the curator screens. Bad input
answers 400 with the same Chinese message the curator form shows, and changes nothing."""
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView, ListAPIView, RetrieveAPIView
from rest_framework.response import Response

from heritage.errors import refused, service_refusal, validation_messages
from heritage.inputs import query_bool, query_choice, query_int, query_int_schema, query_text
from heritage.media import stream_field_file
from heritage.parsers import FormMultiPartParser, ObjectJSONParser
from heritage.schema import FILE_RESPONSES, RANGE_NOTE
from heritage.permissions import HasPerm

from .. import selectors, services
from ..curator_views import can_hear
from ..models import Category, Craft, Footage, Inheritor, InheritorPortrait, Recording, Technique, TechniqueStep, TranscriptImportJob
from heritage.webvtt import WebVTTError
from .serializers import (CraftSerializer, CraftWriteSerializer, FootageSerializer, FootageWriteSerializer,
                          InheritorAccountLinkRequest, InheritorAccountLinkSerializer, InheritorAccountSerializer,
                          InheritorDetailSerializer, InheritorSerializer, InheritorWriteSerializer, PortraitReplaceSerializer, PortraitSerializer, PortraitUploadSerializer,
                          RecordingListSerializer, RecordingSerializer, RecordingWriteSerializer, TechniqueSerializer,
                          SEGMENTS_AFTER_IMPORT, TechniqueWriteSerializer, TranscriptImportJobSerializer,
                          TranscriptImportSerializer)


CanReadArchive = HasPerm("archive.view", _("您的账户没有权限查看档案。"))
CanWriteArchive = HasPerm("archive.change", _("只有馆员可以修改档案。"))
# the archive's collections: reading as ``archive.view``, every write as ``archive.change`` (the curator screens')
ReadOrWriteArchive = HasPerm({"GET": "archive.view", "*": "archive.change"},
                             _("您的账户没有权限查看档案,或只有馆员可以修改档案。"))


Q = OpenApiParameter("q", str, description="搜索词(名称、地区、文字;子串匹配)")

# --- Writes: the curator screens' services, rights and refusals ---------------------------------------------

WRITE_PARSERS = [ObjectJSONParser, FormMultiPartParser]
WRITE_NOTE = ("只有馆员(或管理员)可以写入(archive.change,与馆员页面相同)。校验、网址标识唯一、授权与删除规则都由"
              "与馆员表单相同的服务函数(archive/services.py)执行;出错时返回 400(detail、code 及按字段的说明),"
              "不保存任何内容。请求体中未知的字段返回 400。")
TECHNIQUE_NOTE = ("\n\nsteps 为完整的有序步骤表(按列表顺序,或按每个步骤都给出的 order;读到的 steps 可原样发回):"
                  "带 id 的步骤保留原记录(原始影像和生成任务指向它),不带 id 的是新步骤,"
                  "未列出的已有步骤被删除(仍被审核引用时返回 400,什么都不改)。步骤标题不能重复,最多 100 个步骤;"
                  "参数名为小写英文与下划线,值为数字或不超过 100 字的文字,最多 30 个。")
UPLOAD_NOTE = ("\n\n文件按与表单相同的规则检查(archive/validators.py:扩展名、文件头、能否解码、HERITAGE_MAX_UPLOAD_MB):"
               "不支持的类型返回 415,超过大小上限返回 413,内容与扩展名不符返回 400(code 为 file_content);"
               "被拒绝的上传不保存任何内容。")
CRAFT_EXAMPLE = OpenApiExample("苏绣", request_only=True, value={
    "name": "苏绣", "name_en": "Suzhou embroidery", "slug": "suxiu", "category": "fine_arts", "region": "江苏省苏州市",
    "description": "以针引线,在绸缎上绣出图案。", "featured": False})
TECHNIQUE_EXAMPLE = OpenApiExample("正抢针法", request_only=True, value={
    "craft": "suxiu", "name": "正抢针法", "slug": "suxiu-zhengqiang", "summary": "由外向内分层铺针。",
    "steps": [{"title": "劈丝", "description": "把一根丝线劈成十六分之一。", "parameters": {"split": 16}},
              {"title": "起针", "description": "针从纹样外缘斜着进,针距两毫米。",
               "parameters": {"angle_deg": 30, "spacing_mm": 2}}]})
RECORDING_EXAMPLE = OpenApiExample("外部引用的录音(JSON)", request_only=True, media_type="application/json", value={
    "craft": "suxiu", "technique": "suxiu-zhengqiang", "title": "沈秀芬谈正抢针", "speaker": 1, "interviewer": "研究员",
    "recorded_on": "2024-03-01", "place": "苏州", "consent_scope": "generation", "consent_date": "2024-03-01",
    "media_reference": "馆藏 A-2024-001", "language": "苏州话"})
FOOTAGE_EXAMPLE = OpenApiExample("外部引用的影像(JSON)", request_only=True, media_type="application/json", value={
    "technique": "suxiu-zhengqiang", "step": 2, "title": "起针特写", "reference": "馆藏 F-2024-007",
    "recorded_on": "2024-03-02", "credit": "苏州刺绣研究所", "rights": "仅限馆内研究", "public": False})
INHERITOR_NOTE = ("\n\n谁可以签署(status、able_to_sign、user、proxy_name、proxy_user、proxy_relation、proxy_document)"
                  "的改动与馆员页面相同:记为待确认的签署人变更(signer_change_pending 为 true),须由另一位馆员或"
                  "管理员在传承人页面确认后生效;其他字段立即保存。user 和 proxy_user 是已有“传承人”角色账户的 id"
                  "(新建账户并生成设置密码链接:POST inheritors/<id>/account;新链接:POST inheritors/<id>/account/link)。"
                  "代理人授权文件用 multipart 上传。已有待确认的签署人变更时,再改签署相关字段会被拒绝(409 "
                  "signer_change_pending,指明谁在何时申请,什么都不保存),除非 replace_pending_change 为 true:"
                  "明确撤销那项变更(记为已被取代)。")


def _without_replace(data: dict) -> dict:
    """A new inheritor has no pending change to replace."""
    data.pop("replace_pending_change", None)
    return data
INHERITOR_EXAMPLE = OpenApiExample("在世的传承人(JSON)", request_only=True, media_type="application/json", value={
    "craft": "suxiu", "name": "沈秀芬", "level": "provincial", "birth_year": 1956, "biography": "从艺五十年。"})
DELETE_RESPONSES = {204: OpenApiResponse(description="已删除"),
                    409: OpenApiResponse(inline_serializer("DeleteBlocked", {
                        "detail": serializers.CharField(), "code": serializers.CharField(),
                        "blockers": serializers.ListField(child=serializers.CharField())}),
                        description="仍有记录依赖它(code: protected;blockers 列出它们,与馆员删除页相同)")}


def _body(write_serializer):
    """A write body documented as JSON and as multipart/form-data (a file part for uploads)."""
    return {"application/json": write_serializer, "multipart/form-data": write_serializer}


def _write(request, write_serializer, save, read_serializer, location: str = "", location_args=None, *,
           partial: bool = False) -> Response:
    """Check the body's shape, hand it to the service, answer the object as it is read back (201 with its
    ``Location`` for a new one). The service's ValidationError is a 400 (a refused upload 413/415, by its code),
    its PermissionDenied a 403; nothing is saved either way."""
    body = write_serializer(data=request.data, partial=partial)
    body.is_valid(raise_exception=True)
    try:
        obj = save(dict(body.validated_data))
    except ValidationError as exc:
        return service_refusal(exc)
    except PermissionDenied as exc:
        return refused(str(exc) or str(_("您的账户没有权限进行此操作。")), "permission_denied", status.HTTP_403_FORBIDDEN)
    data = read_serializer(obj, context={"request": request}).data
    if location:
        return Response(data, status=status.HTTP_201_CREATED,
                        headers={"Location": reverse(location, args=location_args(obj))})
    return Response(data)


def _delete(obj) -> Response:
    """``services.archive_object_delete``: refused with the same blockers as the curator's delete page."""
    try:
        services.archive_object_delete(obj=obj)
    except services.DeleteBlocked as exc:
        return Response({"detail": str(exc), "code": "protected", "blockers": exc.blockers},
                        status=status.HTTP_409_CONFLICT)
    return Response(status=status.HTTP_204_NO_CONTENT)



class CraftList(ListAPIView):
    permission_classes = [ReadOrWriteArchive]
    serializer_class = CraftSerializer

    def get_queryset(self):
        return selectors.craft_list(q=self.request.query_params.get("q", ""),
                                    category=query_choice(self.request.query_params, "category", Category.values))

    @extend_schema(summary="列出非遗项目", parameters=[Q, OpenApiParameter(
        "category", str, enum=list(Category.values), description="类别代码;未知的代码得到 400")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="登记非遗项目(馆员)", description=WRITE_NOTE, request=CraftWriteSerializer,
                   responses={201: CraftSerializer}, examples=[CRAFT_EXAMPLE])
    def post(self, request):
        return _write(request, CraftWriteSerializer, lambda data: services.craft_create(**data), CraftSerializer,
                      "api-craft-detail", lambda craft: [craft.slug])


class CraftDetail(RetrieveAPIView):
    permission_classes = [ReadOrWriteArchive]
    serializer_class = CraftSerializer
    lookup_field = "slug"
    queryset = selectors.craft_list()

    @extend_schema(summary="非遗项目")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="修改非遗项目(整份;未给出的可选字段不变)", description=WRITE_NOTE, request=CraftWriteSerializer,
                   responses={200: CraftSerializer}, examples=[CRAFT_EXAMPLE])
    def put(self, request, slug):
        return self._update(request, slug, partial=False)

    @extend_schema(summary="修改非遗项目的部分字段", description=WRITE_NOTE, request=CraftWriteSerializer,
                   responses={200: CraftSerializer})
    def patch(self, request, slug):
        return self._update(request, slug, partial=True)

    def _update(self, request, slug, *, partial):
        craft = get_object_or_404(Craft, slug=slug)
        return _write(request, CraftWriteSerializer, lambda data: services.craft_update(craft=craft, data=data),
                      CraftSerializer, partial=partial)

    @extend_schema(summary="删除非遗项目(仍有传承人、技法或录音依赖它时 409,并列出它们)", responses=DELETE_RESPONSES)
    def delete(self, request, slug):
        return _delete(get_object_or_404(Craft, slug=slug))


CRAFT = OpenApiParameter("craft", str, description="非遗项目的网址标识(slug);未知的标识得到空列表")


def _craft_filter(request) -> Craft | None | bool:
    """The ``craft`` query parameter as a craft; ``False`` for a slug no craft has (an empty list)."""
    slug = query_text(request.query_params, "craft")
    if not slug:
        return None
    return Craft.objects.filter(slug=slug).first() or False


class TechniqueList(ListAPIView):
    permission_classes = [ReadOrWriteArchive]
    serializer_class = TechniqueSerializer

    def get_queryset(self):
        craft = _craft_filter(self.request)
        if craft is False:
            return Technique.objects.none()
        return selectors.technique_list(q=self.request.query_params.get("q", ""), craft=craft).prefetch_related("steps")

    @extend_schema(summary="列出技法(含有序步骤)", parameters=[Q, CRAFT])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="登记技法及其有序步骤(馆员)", description=WRITE_NOTE + TECHNIQUE_NOTE,
                   request={"application/json": TechniqueWriteSerializer}, responses={201: TechniqueSerializer}, examples=[TECHNIQUE_EXAMPLE])
    def post(self, request):
        return _write(request, TechniqueWriteSerializer, lambda data: _technique_save(None, data), TechniqueSerializer,
                      "api-technique-detail", lambda technique: [technique.slug])


def _technique_save(technique: Technique | None, data: dict) -> Technique:
    """A technique body → ``services.technique_save`` (the technique page's service): ``steps``, when given, is
    the whole ordered list; a step's ``id`` keeps that step of this technique, the others left out are deleted."""
    steps = data.pop("steps", None)
    if steps is None:
        return services.technique_save(technique=technique, data=data)
    current = {step.pk: step for step in technique.steps.all()} if technique else {}
    unknown = [s["id"] for s in steps if s.get("id") and s["id"] not in current]
    if unknown:
        raise ValidationError({"steps": _("步骤 id %(ids)s 不是这个技法的步骤。") % {
            "ids": ", ".join(str(i) for i in unknown)}}, code="invalid")
    ordered = []
    for body in steps:
        step = current.get(body.get("id")) or TechniqueStep()
        for field, default in (("title", ""), ("description", ""), ("description_en", ""), ("parameters", {})):
            setattr(step, field, body.get(field, default))  # each step whole (PATCH skips the body's defaults)
        ordered.append(step)
    kept = {step.pk for step in ordered if step.pk}
    return services.technique_save(technique=technique, data=data, ordered=ordered,
                                   deleted=[step for pk, step in current.items() if pk not in kept])


class TechniqueDetail(RetrieveAPIView):
    permission_classes = [ReadOrWriteArchive]
    serializer_class = TechniqueSerializer
    lookup_field = "slug"
    queryset = Technique.objects.select_related("craft").prefetch_related("steps")

    @extend_schema(summary="技法(含有序步骤)")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="修改技法(整份;给出 steps 时即为完整的有序步骤表)", description=WRITE_NOTE + TECHNIQUE_NOTE,
                   request={"application/json": TechniqueWriteSerializer}, responses={200: TechniqueSerializer}, examples=[TECHNIQUE_EXAMPLE])
    def put(self, request, slug):
        return self._update(request, slug, partial=False)

    @extend_schema(summary="修改技法的部分字段(给出 steps 时即为完整的有序步骤表)", description=WRITE_NOTE + TECHNIQUE_NOTE,
                   request={"application/json": TechniqueWriteSerializer}, responses={200: TechniqueSerializer})
    def patch(self, request, slug):
        return self._update(request, slug, partial=True)

    def _update(self, request, slug, *, partial):
        technique = get_object_or_404(Technique, slug=slug)
        return _write(request, TechniqueWriteSerializer, lambda data: _technique_save(technique, data),
                      TechniqueSerializer, partial=partial)

    @extend_schema(summary="删除技法(仍有原始影像、审核或生成任务依赖它时 409,并列出它们)", responses=DELETE_RESPONSES)
    def delete(self, request, slug):
        return _delete(get_object_or_404(Technique, slug=slug))


class InheritorList(ListAPIView):
    permission_classes = [ReadOrWriteArchive]
    serializer_class = InheritorSerializer
    parser_classes = WRITE_PARSERS

    def get_queryset(self):
        craft = _craft_filter(self.request)
        if craft is False:
            return Inheritor.objects.none()
        return selectors.inheritor_list(q=query_text(self.request.query_params, "q"), craft=craft,
                                        level=query_choice(self.request.query_params, "level", Inheritor.Level.values))

    @extend_schema(summary="列出传承人", parameters=[Q, CRAFT, OpenApiParameter(
        "level", str, enum=[c for c, _label in Inheritor.Level.choices], description="级别")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="登记传承人(馆员)", description=WRITE_NOTE + INHERITOR_NOTE,
                   request=_body(InheritorWriteSerializer), responses={201: InheritorDetailSerializer},
                   examples=[INHERITOR_EXAMPLE])
    def post(self, request):
        return _write(request, InheritorWriteSerializer,
                      lambda data: services.inheritor_create(data=_without_replace(data), actor=request.user),
                      InheritorDetailSerializer,
                      "api-inheritor-detail", lambda inheritor: [inheritor.pk])


class InheritorDetail(RetrieveAPIView):
    permission_classes = [ReadOrWriteArchive]
    serializer_class = InheritorDetailSerializer
    parser_classes = WRITE_PARSERS
    queryset = Inheritor.objects.select_related("craft")

    @extend_schema(summary="传承人")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="修改传承人(整份;未给出的可选字段不变)", description=WRITE_NOTE + INHERITOR_NOTE,
                   request=_body(InheritorWriteSerializer), responses={200: InheritorDetailSerializer})
    def put(self, request, pk):
        return self._update(request, pk, partial=False)

    @extend_schema(summary="修改传承人的部分字段", description=WRITE_NOTE + INHERITOR_NOTE,
                   request=_body(InheritorWriteSerializer), responses={200: InheritorDetailSerializer})
    def patch(self, request, pk):
        return self._update(request, pk, partial=True)

    def _update(self, request, pk, *, partial):
        inheritor = get_object_or_404(Inheritor, pk=pk)
        return _write(request, InheritorWriteSerializer,
                      lambda data: services.inheritor_update(
                          inheritor=inheritor, replace_pending=data.pop("replace_pending_change", False), data=data,
                          actor=request.user),
                      InheritorDetailSerializer, partial=partial)

    @extend_schema(summary="删除传承人(仍有录音、人像等依赖时 409,并列出它们)", responses=DELETE_RESPONSES)
    def delete(self, request, pk):
        return _delete(get_object_or_404(Inheritor, pk=pk))


ACCOUNT_CONFLICT = OpenApiResponse(inline_serializer("AccountConflict", {
    "detail": serializers.CharField(), "code": serializers.CharField()}),
    description="已有登录账户(code: account_exists),还没有账户(code: no_account),或已有待确认的签署人变更"
                "(code: signer_change_pending;请求体的 replace_pending_change: true 明确撤销它,account/link 也可用"
                "查询参数 ?replace_pending_change=true)")


LINK_REQUESTED = OpenApiResponse(inline_serializer("AccountLinkRequested", {
    "detail": serializers.CharField(), "code": serializers.CharField(), "username": serializers.CharField(),
    "signer_change_pending": serializers.BooleanField()}),
    description="账户已在签署:新链接记为待确认的签署人变更(code: signer_change_requested)")


def _account_answer(request, inheritor, user, path, status_code) -> Response:
    pending = InheritorDetailSerializer(inheritor).data["signer_change_pending"]
    return Response({"username": user.username, "set_password_url": request.build_absolute_uri(path),
                     "signer_change_pending": pending}, status=status_code, headers=_inheritor_location(inheritor))


def _inheritor_location(inheritor) -> dict:
    """A new account, or a signer change asked for: the inheritor's record shows it (``signer_change_pending``)."""
    return {"Location": reverse("api-inheritor-detail", args=[inheritor.pk])}


class InheritorAccount(GenericAPIView):
    """A login for an inheritor, as the curator screen makes it (``archive.change``): a new account of the
    inheritor role with no password (``services.inheritor_account_create``), named as the inheritor's signing
    account through ``services.inheritor_update``, so it joins a pending signer change that a second curator or
    an admin confirms; the answer carries the one-time set-password link to hand over."""

    permission_classes = [CanWriteArchive]
    serializer_class = InheritorAccountSerializer
    parser_classes = [ObjectJSONParser]

    @extend_schema(summary="为传承人新建登录账户(馆员;返回一次性设置密码链接)", request=InheritorAccountSerializer,
                   responses={201: InheritorAccountLinkSerializer, 409: ACCOUNT_CONFLICT})
    def post(self, request, pk):
        from django.db import transaction

        inheritor = get_object_or_404(Inheritor, pk=pk)
        body = InheritorAccountSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        if inheritor.user_id:
            return refused(_("这位传承人已有登录账户;要新的设置密码链接,请用 account/link。"), "account_exists",
                           status.HTTP_409_CONFLICT)
        try:
            services.refuse_if_signer_change_pending(
                inheritor=inheritor, replace=body.validated_data.get("replace_pending_change", False))
        except ValidationError as exc:
            return refused(" ".join(exc.messages), exc.code, status.HTTP_409_CONFLICT)
        try:
            with transaction.atomic():
                user, path = services.inheritor_account_create(name=inheritor.name,
                                                               username=body.validated_data.get("username", ""))
                inheritor = services.inheritor_update(
                    inheritor=inheritor, data={"user": user}, actor=request.user,
                    replace_pending=body.validated_data.get("replace_pending_change", False))
        except ValidationError as exc:
            return service_refusal(exc)
        except PermissionDenied as exc:
            return refused(str(exc) or str(_("您的账户没有权限进行此操作。")), "permission_denied", status.HTTP_403_FORBIDDEN)
        return _account_answer(request, inheritor, user, path, status.HTTP_201_CREATED)


class InheritorAccountLink(GenericAPIView):
    """A new one-time set-password link for the inheritor's account (a forgotten password, or the first link
    lost), as the curator screen's button gives it (``archive.change``)."""

    permission_classes = [CanWriteArchive]
    serializer_class = InheritorAccountLinkSerializer

    @extend_schema(summary="传承人账户的新一次性设置密码链接(馆员;已在签署的账户须另一位馆员确认,202)",
                   request=InheritorAccountLinkRequest,
                   parameters=[OpenApiParameter("replace_pending_change", bool, required=False,
                                                description="同请求体的 replace_pending_change(任一为 true 即撤销)")],
                   responses={200: InheritorAccountLinkSerializer, 202: LINK_REQUESTED, 409: ACCOUNT_CONFLICT})
    def post(self, request, pk):
        inheritor = get_object_or_404(Inheritor, pk=pk)
        body = InheritorAccountLinkRequest(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            replace = body.validated_data["replace_pending_change"] or query_bool(
                request.query_params, "replace_pending_change") is True
            link = services.account_link_request(inheritor=inheritor, actor=request.user, replace=replace)
        except ValidationError as exc:
            if exc.code == "no_account":
                return refused(_("这位传承人还没有登录账户;请先用 account 新建。"), "no_account", status.HTTP_409_CONFLICT)
            return refused(" ".join(exc.messages), exc.code, status.HTTP_409_CONFLICT)
        except PermissionDenied as exc:
            return refused(str(exc) or str(_("您的账户没有权限进行此操作。")), "permission_denied", status.HTTP_403_FORBIDDEN)
        if link.change is not None:
            return Response({"detail": str(_("该账户已在签署:新的设置密码链接已提交为签署人变更,须由另一位馆员或管理员"
                                             "在传承人页面确认,链接交给确认人。")),
                             "code": "signer_change_requested", "username": link.user.username,
                             "signer_change_pending": True}, status=status.HTTP_202_ACCEPTED,
                            headers=_inheritor_location(inheritor))
        return _account_answer(request, inheritor, link.user, link.path, status.HTTP_200_OK)


class RecordingList(ListAPIView):
    """The recordings, newest first, without their transcripts (``GET /recordings/<id>`` has the transcript
    under the consent-scope rule)."""

    permission_classes = [ReadOrWriteArchive]
    serializer_class = RecordingListSerializer
    parser_classes = WRITE_PARSERS

    def get_queryset(self):
        craft = _craft_filter(self.request)
        if craft is False:
            return Recording.objects.none()
        qs = selectors.recording_list(q=query_text(self.request.query_params, "q"), craft=craft)
        technique = query_text(self.request.query_params, "technique")
        return qs.filter(technique__slug=technique) if technique else qs

    @extend_schema(summary="列出口述史录音(不含转写;转写见单条录音)", parameters=[
        Q, CRAFT, OpenApiParameter("technique", str, description="技法的网址标识(slug)")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="登记口述史录音(馆员;multipart 上传音视频,或 JSON 填写外部引用)",
                   description=WRITE_NOTE + UPLOAD_NOTE, request=_body(RecordingWriteSerializer), responses={201: RecordingSerializer},
                   examples=[RECORDING_EXAMPLE])
    def post(self, request):
        return _write(request, RecordingWriteSerializer, lambda data: services.recording_create(data=data),
                      RecordingSerializer, "api-recording-detail", lambda recording: [recording.pk])


class RecordingDetail(RetrieveAPIView):
    permission_classes = [ReadOrWriteArchive]
    parser_classes = WRITE_PARSERS
    serializer_class = RecordingSerializer
    queryset = Recording.objects.select_related("craft", "technique")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "kwargs", None) and "pk" in self.kwargs:
            recording = Recording.objects.filter(pk=self.kwargs["pk"]).first()
            context["can_hear"] = bool(recording) and can_hear(self.request.user, recording)
        return context

    @extend_schema(summary="口述史录音与转写(授权范围为“仅限档案保存”时,非馆员看到的 segments 为 null)")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="修改口述史录音(整份;未给出的可选字段不变;multipart 可替换音视频)",
                   description=WRITE_NOTE + UPLOAD_NOTE, request=_body(RecordingWriteSerializer), responses={200: RecordingSerializer})
    def put(self, request, pk):
        return self._update(request, pk, partial=False)

    @extend_schema(summary="修改口述史录音的部分字段", description=WRITE_NOTE + UPLOAD_NOTE, request=_body(RecordingWriteSerializer),
                   responses={200: RecordingSerializer})
    def patch(self, request, pk):
        return self._update(request, pk, partial=True)

    def _update(self, request, pk, *, partial):
        recording = get_object_or_404(Recording, pk=pk)
        return _write(request, RecordingWriteSerializer,
                      lambda data: services.recording_update(recording=recording, data=data), RecordingSerializer,
                      partial=partial)

    @extend_schema(summary="删除口述史录音(转写随之删除;仍有生成任务依赖它时 409,并列出它们)", responses=DELETE_RESPONSES)
    def delete(self, request, pk):
        return _delete(get_object_or_404(Recording, pk=pk))


class TranscriptImport(GenericAPIView):
    permission_classes = [CanWriteArchive]
    serializer_class = TranscriptImportSerializer
    queryset = Recording.objects.all()

    @extend_schema(
        summary="导入转写:WebVTT(webvtt)或纯文本(text),先校验整份文件;出错时返回 400,现有转写不变",
        description="小文件当场导入(200);超过 HERITAGE_TRANSCRIPT_INLINE_KB 的大文件交给后台任务,返回 202 和"
                    "任务状态(Location 与 url 指向可轮询的状态),任务用同样的解析和校验,出错时状态为 failed 并说明原因。",
        request=TranscriptImportSerializer,
        responses={200: inline_serializer("TranscriptImportResult", {
                       "segments": serializers.IntegerField(help_text=SEGMENTS_AFTER_IMPORT)}),
                   202: TranscriptImportJobSerializer,
                   # the BadRequest shape (field keys for a malformed body) plus the WebVTT line of a bad document
                   400: OpenApiResponse({"type": "object", "additionalProperties": True,
                                         "properties": {"detail": {"type": "string"}, "code": {"type": "string"},
                                                        "line": {"type": "integer"}}},
                                        description="请求体或文档无效:detail、code;字段错误按字段名;WebVTT 错误含 line(行号)")},
    )
    def post(self, request, pk):
        recording = get_object_or_404(Recording, pk=pk)
        body = TranscriptImportSerializer(data=request.data)
        if not body.is_valid():
            return Response({"detail": " ".join(validation_messages(body.errors)), "code": "invalid", **body.errors},
                            status=status.HTTP_400_BAD_REQUEST)
        data = body.validated_data
        try:
            outcome = services.transcript_import_text(recording=recording, text=data["document"], kind=data["kind"],
                                                      mode=data["mode"], actor=request.user)
        except WebVTTError as exc:
            return Response({"detail": str(exc), "code": "invalid", "line": exc.line}, status=status.HTTP_400_BAD_REQUEST)
        except ValidationError as exc:
            return service_refusal(exc, code="invalid")  # a document over its size limit: 413 too_large
        if outcome.job is not None:
            data = TranscriptImportJobSerializer(outcome.job).data
            return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["url"]})
        return Response({"segments": len(outcome.saved)})


class TranscriptImportStatus(GenericAPIView):
    """The status of a big transcript import (the same row the curator's progress page shows)."""

    permission_classes = [CanWriteArchive]
    serializer_class = TranscriptImportJobSerializer

    @extend_schema(summary="大转写导入任务的状态(queued、running、succeeded 或 failed,及进度)")
    def get(self, request, pk, job_id):
        job = get_object_or_404(TranscriptImportJob, pk=job_id)  # pk lookups refuse out-of-range ids; FKs do not
        if job.recording_id != pk:
            raise Http404
        return Response(TranscriptImportJobSerializer(job).data)


CanManagePortraits = HasPerm({"GET": "archive.view", "POST": "archive.change", "PUT": "archive.change"},
                             _("您的账户没有权限查看或修改传承人人像。"))
PORTRAIT_BODY = ("multipart/form-data。图片和授权文件按与馆员表单相同的规则检查(类型、文件头、能否解码、最小边长);"
                 "肖像授权的规则也相同(授权人、日期;已故或无法签署的传承人须由代理人授权并附文件)。不支持的文件类型返回 415"
                 "(code 为 file_type),超过 HERITAGE_MAX_UPLOAD_MB 返回 413(file_size),其他错误返回 400;"
                 "被拒绝的上传不保存任何内容。")


class PortraitList(ListAPIView):
    permission_classes = [CanManagePortraits]
    serializer_class = PortraitSerializer
    parser_classes = [FormMultiPartParser]

    def get_queryset(self):
        qs = InheritorPortrait.objects.select_related("inheritor").order_by("inheritor__name", "pk")
        inheritor = query_int(self.request.query_params, "inheritor", min_value=1)  # a bad value is a 400
        return qs if inheritor is None else qs.filter(inheritor_id=inheritor)

    @extend_schema(summary="列出传承人人像(含肖像授权)",
                   parameters=[OpenApiParameter("inheritor", query_int_schema(min_value=1), description="传承人 id")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="上传传承人人像(含肖像授权)", description=PORTRAIT_BODY,
                   request=PortraitUploadSerializer, responses={201: PortraitSerializer})
    def post(self, request):
        body = PortraitUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            portrait = services.portrait_create(inheritor=body.validated_data["inheritor"], data=body.service_data())
        except ValidationError as exc:
            return service_refusal(exc)
        return Response(PortraitSerializer(portrait).data, status=status.HTTP_201_CREATED,
                        headers={"Location": reverse("api-portrait-detail", args=[portrait.pk])})


class PortraitDetail(RetrieveAPIView):
    permission_classes = [CanManagePortraits]
    serializer_class = PortraitSerializer
    parser_classes = [FormMultiPartParser]
    queryset = InheritorPortrait.objects.select_related("inheritor")

    @extend_schema(summary="传承人人像(含肖像授权)")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="替换传承人人像(整份:新图片与肖像授权;传承人不变)", description=PORTRAIT_BODY,
                   request=PortraitReplaceSerializer, responses={200: PortraitSerializer})
    def put(self, request, pk):
        portrait = get_object_or_404(self.get_queryset(), pk=pk)
        body = PortraitReplaceSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            portrait = services.portrait_update(portrait=portrait, data=body.service_data())
        except ValidationError as exc:
            return service_refusal(exc)
        return Response(PortraitSerializer(portrait).data)


class PortraitFile(GenericAPIView):
    """A portrait's image or its likeness-consent document for programs (token or session auth; the curator
    screens serve the same files to a browser login). The same right as reading the portrait."""

    permission_classes = [CanManagePortraits]
    queryset = InheritorPortrait.objects.all()
    field = "image"

    @extend_schema(summary="人像图片或肖像授权文件", description=RANGE_NOTE, responses=FILE_RESPONSES)
    def get(self, request, pk):
        fieldfile = getattr(get_object_or_404(self.get_queryset(), pk=pk), self.field)
        if not fieldfile:
            raise Http404
        return stream_field_file(request, fieldfile)



# --- Original footage (原始影像) ----------------------------------------------------------------------

class FootageList(ListAPIView):
    """Original footage of the techniques (the curator's 原始影像), with writes as on the curator screens."""

    permission_classes = [ReadOrWriteArchive]
    serializer_class = FootageSerializer
    parser_classes = WRITE_PARSERS

    def get_queryset(self):
        qs = selectors.footage_list(q=query_text(self.request.query_params, "q")).select_related("technique__craft")
        technique = query_text(self.request.query_params, "technique")
        craft = query_text(self.request.query_params, "craft")
        if technique:
            qs = qs.filter(technique__slug=technique)
        if craft:
            qs = qs.filter(technique__craft__slug=craft)
        return qs

    @extend_schema(summary="列出原始影像", parameters=[Q, CRAFT, OpenApiParameter("technique", str, description="技法的网址标识(slug)")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="登记原始影像(馆员;multipart 上传视频,或 JSON 填写外部引用)",
                   description=WRITE_NOTE + UPLOAD_NOTE, request=_body(FootageWriteSerializer),
                   responses={201: FootageSerializer}, examples=[FOOTAGE_EXAMPLE])
    def post(self, request):
        return _write(request, FootageWriteSerializer, lambda data: services.footage_create(data=data),
                      FootageSerializer, "api-footage-detail", lambda footage: [footage.pk])


class FootageDetail(RetrieveAPIView):
    permission_classes = [ReadOrWriteArchive]
    serializer_class = FootageSerializer
    parser_classes = WRITE_PARSERS
    queryset = Footage.objects.select_related("technique__craft")

    @extend_schema(summary="原始影像")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(summary="修改原始影像(整份;未给出的可选字段不变;multipart 可替换视频)",
                   description=WRITE_NOTE + UPLOAD_NOTE, request=_body(FootageWriteSerializer),
                   responses={200: FootageSerializer})
    def put(self, request, pk):
        return self._update(request, pk, partial=False)

    @extend_schema(summary="修改原始影像的部分字段", description=WRITE_NOTE + UPLOAD_NOTE,
                   request=_body(FootageWriteSerializer), responses={200: FootageSerializer})
    def patch(self, request, pk):
        return self._update(request, pk, partial=True)

    def _update(self, request, pk, *, partial):
        footage = get_object_or_404(Footage, pk=pk)
        return _write(request, FootageWriteSerializer, lambda data: services.footage_update(footage=footage, data=data),
                      FootageSerializer, partial=partial)

    @extend_schema(summary="删除原始影像", responses=DELETE_RESPONSES)
    def delete(self, request, pk):
        return _delete(get_object_or_404(Footage, pk=pk))
