"""/api/v1/crafts, /api/v1/techniques, /api/v1/recordings, /api/v1/portraits: the archive for programs.
Reading needs a curator, reviewer or admin account (``archive.view``); importing a transcript and uploading
or replacing a portrait need a curator or admin (``archive.change``), as on the curator screens. Bad input
answers 400 with the same Chinese message the curator form shows, and changes nothing."""
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView, ListAPIView, RetrieveAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from heritage.errors import refused, validation_messages
from heritage.inputs import query_int, query_text
from heritage.media import stream_field_file
from heritage.schema import FILE_RESPONSES, RANGE_NOTE
from heritage.permissions import HasPerm

from .. import selectors, services
from ..curator_views import can_hear
from ..models import Craft, Inheritor, InheritorPortrait, Recording, Technique, TranscriptImportJob
from heritage.webvtt import WebVTTError
from .serializers import (CraftSerializer, InheritorSerializer, PortraitReplaceSerializer, PortraitSerializer, PortraitUploadSerializer,
                          RecordingListSerializer, RecordingSerializer, TechniqueSerializer, TranscriptImportJobSerializer,
                          TranscriptImportSerializer)


CanReadArchive = HasPerm("archive.view", _("您的账户没有权限查看档案。"))
CanWriteArchive = HasPerm("archive.change", _("只有策展人可以修改档案。"))


Q = OpenApiParameter("q", str, description="搜索词(名称、地区、文字;子串匹配)")


class CraftList(ListAPIView):
    permission_classes = [CanReadArchive]
    serializer_class = CraftSerializer

    def get_queryset(self):
        return selectors.craft_list(q=self.request.query_params.get("q", ""),
                                    category=self.request.query_params.get("category", ""))

    @extend_schema(summary="列出非遗项目", parameters=[Q, OpenApiParameter("category", str, description="类别代码")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class CraftDetail(RetrieveAPIView):
    permission_classes = [CanReadArchive]
    serializer_class = CraftSerializer
    lookup_field = "slug"
    queryset = selectors.craft_list()

    @extend_schema(summary="非遗项目")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


CRAFT = OpenApiParameter("craft", str, description="非遗项目的网址标识(slug);未知的标识得到空列表")


def _craft_filter(request) -> Craft | None | bool:
    """The ``craft`` query parameter as a craft; ``False`` for a slug no craft has (an empty list)."""
    slug = query_text(request.query_params, "craft")
    if not slug:
        return None
    return Craft.objects.filter(slug=slug).first() or False


class TechniqueList(ListAPIView):
    permission_classes = [CanReadArchive]
    serializer_class = TechniqueSerializer

    def get_queryset(self):
        craft = _craft_filter(self.request)
        if craft is False:
            return Technique.objects.none()
        return selectors.technique_list(q=self.request.query_params.get("q", ""), craft=craft).prefetch_related("steps")

    @extend_schema(summary="列出技法(含有序步骤)", parameters=[Q, CRAFT])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class TechniqueDetail(RetrieveAPIView):
    permission_classes = [CanReadArchive]
    serializer_class = TechniqueSerializer
    lookup_field = "slug"
    queryset = Technique.objects.select_related("craft").prefetch_related("steps")

    @extend_schema(summary="技法(含有序步骤)")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class InheritorList(ListAPIView):
    permission_classes = [CanReadArchive]
    serializer_class = InheritorSerializer

    def get_queryset(self):
        craft = _craft_filter(self.request)
        if craft is False:
            return Inheritor.objects.none()
        return selectors.inheritor_list(q=query_text(self.request.query_params, "q"), craft=craft,
                                        level=query_text(self.request.query_params, "level"))

    @extend_schema(summary="列出传承人", parameters=[Q, CRAFT, OpenApiParameter(
        "level", str, enum=[c for c, _label in Inheritor.Level.choices], description="级别")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class RecordingList(ListAPIView):
    """The recordings, newest first, without their transcripts (``GET /recordings/<id>`` has the transcript
    under the consent-scope rule)."""

    permission_classes = [CanReadArchive]
    serializer_class = RecordingListSerializer

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


class RecordingDetail(RetrieveAPIView):
    permission_classes = [CanReadArchive]
    serializer_class = RecordingSerializer
    queryset = Recording.objects.select_related("craft", "technique")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "kwargs", None) and "pk" in self.kwargs:
            recording = Recording.objects.filter(pk=self.kwargs["pk"]).first()
            context["can_hear"] = bool(recording) and can_hear(self.request.user, recording)
        return context

    @extend_schema(summary="口述史录音与转写(授权范围为“仅限档案保存”时,非策展人看到的 segments 为 null)")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class TranscriptImport(GenericAPIView):
    permission_classes = [CanWriteArchive]
    serializer_class = TranscriptImportSerializer
    queryset = Recording.objects.all()

    @extend_schema(
        summary="导入转写:WebVTT(webvtt)或纯文本(text),先校验整份文件;出错时返回 400,现有转写不变",
        description="小文件当场导入(200);超过 HERITAGE_TRANSCRIPT_INLINE_KB 的大文件交给后台任务,返回 202 和"
                    "任务状态(Location 与 url 指向可轮询的状态),任务用同样的解析和校验,出错时状态为 failed 并说明原因。",
        request=TranscriptImportSerializer,
        responses={200: inline_serializer("TranscriptImportResult", {"segments": serializers.IntegerField()}),
                   202: TranscriptImportJobSerializer,
                   400: inline_serializer("TranscriptImportError", {
                       "detail": serializers.CharField(), "code": serializers.CharField(),
                       "line": serializers.IntegerField(required=False)})},
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
            return refused(" ".join(exc.messages), "invalid", status.HTTP_400_BAD_REQUEST)
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


def _refused_by_service(exc: ValidationError) -> Response:
    """A service's ValidationError (``full_clean``: file checks, likeness-consent rules) as a 400: ``detail``
    with every message, the first error's ``code``, and the messages keyed by field as DRF's own
    validation errors are."""
    if hasattr(exc, "error_dict"):
        fields = {name: [m for e in errors for m in e.messages] for name, errors in exc.error_dict.items()}
        code = next((e.code for errors in exc.error_dict.values() for e in errors if e.code), None)
        detail = " ".join(m if name == NON_FIELD_ERRORS else f"{name}: {m}"
                          for name, messages in fields.items() for m in messages)
    else:
        fields, code, detail = {}, getattr(exc, "code", None), " ".join(exc.messages)
    return Response({"detail": detail, "code": code or "invalid", **fields}, status=status.HTTP_400_BAD_REQUEST)


CanManagePortraits = HasPerm({"GET": "archive.view", "POST": "archive.change", "PUT": "archive.change"},
                             _("您的账户没有权限查看或修改传承人人像。"))
PORTRAIT_BODY = ("multipart/form-data。图片和授权文件按与策展人表单相同的规则检查(类型、文件头、能否解码、最小边长);"
                 "肖像授权的规则也相同(授权人、日期;已故或无法签署的传承人须由代理人授权并附文件)。出错时返回 400,不保存任何内容。")


class PortraitList(ListAPIView):
    permission_classes = [CanManagePortraits]
    serializer_class = PortraitSerializer
    parser_classes = [MultiPartParser]

    def get_queryset(self):
        qs = InheritorPortrait.objects.select_related("inheritor").order_by("inheritor__name", "pk")
        inheritor = query_int(self.request.query_params, "inheritor", min_value=1)  # a bad value is a 400
        return qs if inheritor is None else qs.filter(inheritor_id=inheritor)

    @extend_schema(summary="列出传承人人像(含肖像授权)",
                   parameters=[OpenApiParameter("inheritor", int, description="传承人 id")])
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
            return _refused_by_service(exc)
        return Response(PortraitSerializer(portrait).data, status=status.HTTP_201_CREATED,
                        headers={"Location": reverse("api-portrait-detail", args=[portrait.pk])})


class PortraitDetail(RetrieveAPIView):
    permission_classes = [CanManagePortraits]
    serializer_class = PortraitSerializer
    parser_classes = [MultiPartParser]
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
            return _refused_by_service(exc)
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

