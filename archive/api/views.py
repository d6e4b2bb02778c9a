"""/api/v1/crafts, /api/v1/techniques, /api/v1/recordings: the archive for programs. Reading needs a
curator, reviewer or admin account (``archive.view``); importing a transcript needs a curator or admin
(``archive.change``). Bad input answers 400 with the same Chinese message the curator form shows, and changes nothing."""
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView, ListAPIView, RetrieveAPIView
from rest_framework.response import Response

from heritage.errors import refused
from heritage.permissions import HasPerm

from .. import selectors, services
from ..curator_views import can_hear
from ..models import InheritorPortrait, Recording, Technique, TranscriptImportJob
from heritage.webvtt import WebVTTError
from .serializers import (CraftSerializer, PortraitSerializer, RecordingSerializer, TechniqueSerializer,
                          TranscriptImportJobSerializer, TranscriptImportSerializer)


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


class TechniqueList(ListAPIView):
    permission_classes = [CanReadArchive]
    serializer_class = TechniqueSerializer

    def get_queryset(self):
        return selectors.technique_list(q=self.request.query_params.get("q", "")).prefetch_related("steps")

    @extend_schema(summary="列出技法(含有序步骤)", parameters=[Q])
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
        summary="导入 WebVTT 转写(先校验整份文件;出错时返回 400,现有转写不变)",
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
        body.is_valid(raise_exception=True)
        try:
            outcome = services.transcript_import_text(recording=recording, text=body.validated_data["webvtt"],
                                                      kind="vtt", mode=body.validated_data["mode"], actor=request.user)
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
        job = get_object_or_404(TranscriptImportJob, pk=job_id, recording_id=pk)
        return Response(TranscriptImportJobSerializer(job).data)


class PortraitList(ListAPIView):
    permission_classes = [CanReadArchive]
    serializer_class = PortraitSerializer

    def get_queryset(self):
        qs = InheritorPortrait.objects.select_related("inheritor").order_by("inheritor__name", "pk")
        inheritor = self.request.query_params.get("inheritor", "")
        return qs.filter(inheritor_id=int(inheritor)) if inheritor.isdigit() else qs

    @extend_schema(summary="列出传承人人像(含肖像授权)",
                   parameters=[OpenApiParameter("inheritor", int, description="传承人 id")])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class PortraitDetail(RetrieveAPIView):
    permission_classes = [CanReadArchive]
    serializer_class = PortraitSerializer
    queryset = InheritorPortrait.objects.select_related("inheritor")

    @extend_schema(summary="传承人人像(含肖像授权)")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
