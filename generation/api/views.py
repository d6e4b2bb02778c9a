"""/api/v1/generation-tasks: submit (one or a batch), read, list, cancel, retry. Views parse input and call
services; who may see a job is decided by generation.selectors."""
import re

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (OpenApiExample, OpenApiParameter, OpenApiResponse, PolymorphicProxySerializer,
                                   extend_schema, inline_serializer)
from django.utils.translation import gettext as _
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.response import Response

from heritage.errors import validation_messages
from heritage.inputs import BadInput, query_choices_schema, query_int_schema
from heritage.media import stream_field_file
from heritage.parsers import FormMultiPartParser, ObjectJSONParser, json_parts, refuse_body
from heritage.schema import FILE_RESPONSES, RANGE_NOTE
from heritage.permissions import HasPerm
from heritage.throttling import AnonThrottle, JobSubmitThrottle, UserThrottle

from .. import parameters as params
from .. import selectors, services
from ..models import GenerationJob
from .serializers import (BatchCreateSerializer, RetrySerializer, S2VTaskCreateSerializer, TaskCreateSerializer,
                          TaskSerializer)


INPUT_FIELDS = {"input", "text", "technique", "step", "camera", "recording", "start", "end", "prompt_extend",
                "portrait", "audio_start_ms", "audio_end_ms", "segments", "span", "speaker_label"}


def _keyed_like_the_body(exc: params.ParameterError, data) -> dict:
    """A service's errors keyed like the request body: source fields under "input", the rest under "parameters".
    A narration's audio span (the service's "span") is named by what the body chose it with
    (``s2v.span_error_field``, as the screen does): ``segments``, or ``audio_start_ms``."""
    given = data.get("input") if isinstance(data, dict) and isinstance(data.get("input"), dict) else {}
    body: dict = {}
    from ..s2v import span_error_field

    for key, messages in exc.errors.items():
        key = span_error_field(key, by_segments=bool(given.get("segments")), start_field="audio_start_ms")
        if key in INPUT_FIELDS:
            body.setdefault("input", {})["text" if key == "input" else key] = messages
        else:
            body.setdefault("parameters", {})[key] = messages
    return body


def _param_error_response(exc: params.ParameterError, data=None) -> Response:
    """A service's ``ParameterError`` as the API's 400: every message named by the body field it is about."""
    body = _keyed_like_the_body(exc, data)
    return Response({"detail": " ".join(validation_messages(body)), "code": "invalid", **body},
                    status=status.HTTP_400_BAD_REQUEST)


IDEMPOTENCY_HEADER = "Idempotency-Key"
IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,255}")

IDEMPOTENCY_DESCRIPTION = (
    "带 `Idempotency-Key` 头重复提交(网络中断后重试)不会生成第二份任务:同一账户、同一键、同一请求体在 "
    "24 小时内再次提交,得到第一次提交的结果(202,同样的任务 id,`Idempotent-Replayed: true`);同一键配不同的请求体"
    "得到 409(code: idempotency_conflict)。提交失败(400)不占用这个键。")
IDEMPOTENCY_PARAMETERS = [
    OpenApiParameter(IDEMPOTENCY_HEADER, str, OpenApiParameter.HEADER, required=False,
                     description="可选:1–255 个可见 ASCII 字符(如 UUID),每次要提交的请求一个。",
                     pattern=r"^[\x21-\x7e]{1,255}$",
                     examples=[OpenApiExample("uuid", value="3f2b8c1e-7d4a-4f1e-9b1a-2c5d6e7f8a90")]),
    OpenApiParameter("Idempotent-Replayed", str, OpenApiParameter.HEADER, response=[202],
                     description="重复提交(同一 Idempotency-Key、同一请求体)时为 true")]
IDEMPOTENCY_CONFLICT = OpenApiResponse(
    inline_serializer("IdempotencyConflict", {"detail": serializers.CharField(), "code": serializers.CharField()}),
    description="同一 Idempotency-Key 已用于不同的请求体(code: idempotency_conflict)")


def _idempotency_key(request) -> str | None:
    """The request's ``Idempotency-Key`` header, or None; a malformed one is a 400."""
    key = request.headers.get(IDEMPOTENCY_HEADER)
    if key is not None and not IDEMPOTENCY_KEY.fullmatch(key):
        raise BadInput(_("Idempotency-Key 必须是 1–255 个可见 ASCII 字符。"), param=IDEMPOTENCY_HEADER)
    return key


def _once(request, key: str | None, data, create) -> tuple[list, bool]:
    """Make the request's jobs (``create()`` returns them) in one transaction; with a key, once per key and body
    (``services.jobs_create_once``, the one mechanism for the single and the batch submission, on the one store of
    requests acted on once, ``heritage.once.claim``)."""
    with transaction.atomic():
        if key is None:
            return create(), False
        return services.jobs_create_once(requested_by=request.user, key=key,
                                         fingerprint=services.request_fingerprint(data), create=create)


def _idempotency_conflict(exc) -> Response:
    return Response({"detail": str(exc), "code": "idempotency_conflict"}, status=status.HTTP_409_CONFLICT)


def _replayed(replayed: bool) -> dict:
    return {"Idempotent-Replayed": "true"} if replayed else {}


# Submitting (POST) is also held to the stricter job_submit rate: every job is GPU time.
SUBMIT_THROTTLES = [AnonThrottle, UserThrottle, JobSubmitThrottle]
# A submission is JSON, or multipart with its objects (``input``, ``parameters``, ``tasks``) as JSON parts
# (``heritage.parsers.json_parts``; the schema's ``encoding`` says so). A urlencoded form has no way to carry an
# object that OpenAPI describes and a client would follow, so it is not offered (415).
SUBMIT_PARSERS = [ObjectJSONParser, FormMultiPartParser]


class TaskListCreateView(ListAPIView):
    """List the generation tasks you may see (yours; every task for curators) or submit one
    (``generation.create``, as the generation screens)."""

    permission_classes = [HasPerm({"GET": "generation.view", "POST": "generation.create"},
                                  _("只有馆员可以提交生成任务。"))]
    throttle_classes = SUBMIT_THROTTLES
    parser_classes = SUBMIT_PARSERS
    serializer_class = TaskSerializer

    def get_queryset(self):
        return selectors.job_list(user=self.request.user, **selectors.job_list_filters(self.request.query_params))

    @extend_schema(
        summary="列出生成任务",
        parameters=[
            OpenApiParameter("status", query_choices_schema(GenerationJob.Status.values),
                             description="任务状态,可用逗号分隔多个:queued,running,cancelling,cancelled,failed,"
                                         "succeeded;未知的状态得到 400"),
            OpenApiParameter("technique", str, description="技法网址标识"),
            OpenApiParameter("step", query_int_schema(min_value=1), description="步骤序号"),
            OpenApiParameter("batch", OpenApiTypes.UUID, description="批次 id"),
            OpenApiParameter("mine", bool, description="只看自己提交的(馆员默认看到全部)"),
            OpenApiParameter("retry_of", OpenApiTypes.UUID, description="某任务的重试"),
        ],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="提交生成任务",
        description="文本/技法/转写片段 → 视频(T2V);或 input.portrait + 录音音频片段 → 口述影像(S2V,语音驱动)。\n\n"
                    + IDEMPOTENCY_DESCRIPTION,
        parameters=IDEMPOTENCY_PARAMETERS,
        request=PolymorphicProxySerializer(component_name="GenerationTaskCreate", resource_type_field_name=None,
                                           serializers=[TaskCreateSerializer, S2VTaskCreateSerializer]),
        responses={202: OpenApiResponse(TaskSerializer, description="已排队(或同一 Idempotency-Key 的第一次提交的任务)"),
                   409: IDEMPOTENCY_CONFLICT})
    def post(self, request):
        key = _idempotency_key(request)
        data = json_parts(request.data, TaskCreateSerializer().fields)
        speech = isinstance(data, dict) and isinstance(data.get("input"), dict) and "portrait" in data["input"]
        ser = (S2VTaskCreateSerializer if speech else TaskCreateSerializer)(data=data)
        ser.is_valid(raise_exception=True)

        def create():
            if speech:
                from ..s2v import s2v_job_create

                return [s2v_job_create(requested_by=request.user, **ser.to_service_kwargs())]
            return [services.job_create(requested_by=request.user, **ser.to_service_kwargs())]

        try:
            jobs, replayed = _once(request, key, data, create)
        except params.ParameterError as exc:
            return _param_error_response(exc, data)
        except services.IdempotencyConflict as exc:
            return _idempotency_conflict(exc)
        job = jobs[0]
        headers = {"Location": reverse("generation-task-detail", args=[job.pk]), **_replayed(replayed)}
        return Response(TaskSerializer(job, context={"request": request}).data, status=status.HTTP_202_ACCEPTED,
                        headers=headers)


class TaskBatchView(GenericAPIView):
    permission_classes = [HasPerm("generation.create", _("只有馆员可以提交生成任务。"))]
    throttle_classes = SUBMIT_THROTTLES
    parser_classes = SUBMIT_PARSERS
    serializer_class = BatchCreateSerializer

    @extend_schema(
        summary="批量提交生成任务(全部有效才提交)",
        description=IDEMPOTENCY_DESCRIPTION,
        parameters=IDEMPOTENCY_PARAMETERS,
        request=BatchCreateSerializer,
        responses={202: inline_serializer("BatchAccepted", {"batch": serializers.UUIDField(),
                                                             "tasks": TaskSerializer(many=True)}),
                   409: IDEMPOTENCY_CONFLICT},
    )
    def post(self, request):
        import uuid

        key = _idempotency_key(request)
        data = json_parts(request.data, BatchCreateSerializer().fields)
        ser = BatchCreateSerializer(data=data)
        ser.is_valid(raise_exception=True)

        def create():
            batch, jobs = uuid.uuid4(), []
            for i, item in enumerate(ser.validated_data["tasks"]):
                one = TaskCreateSerializer(data=data["tasks"][i])
                one.is_valid(raise_exception=True)
                try:
                    jobs.append(services.job_create(requested_by=request.user, batch=batch, **one.to_service_kwargs()))
                except params.ParameterError as exc:
                    exc.task = i
                    raise
            return jobs

        try:
            jobs, replayed = _once(request, key, data, create)
        except params.ParameterError as exc:
            i = getattr(exc, "task", 0)
            body = {"tasks": {str(i): _keyed_like_the_body(exc, data["tasks"][i])}}
            return Response({"detail": " ".join(validation_messages(body)), "code": "invalid", **body},
                            status=status.HTTP_400_BAD_REQUEST)
        except services.IdempotencyConflict as exc:
            return _idempotency_conflict(exc)
        data = TaskSerializer(jobs, many=True, context={"request": request}).data
        batch_url = f'{reverse("generation-task-list")}?batch={jobs[0].batch}'  # the batch's tasks, listed
        return Response({"batch": str(jobs[0].batch), "tasks": data}, status=status.HTTP_202_ACCEPTED,
                        headers={"Location": batch_url, **_replayed(replayed)})


class TaskDetailView(GenericAPIView):
    permission_classes = [HasPerm("generation.view")]
    serializer_class = TaskSerializer

    def get_object(self):
        job = selectors.job_get(user=self.request.user, job_id=self.kwargs["pk"])
        if job is None:
            raise NotFound(_("没有这个任务,或你无权查看。"))
        return job

    @extend_schema(summary="查询生成任务:状态、进度、结果地址")
    def get(self, request, pk):
        return Response(TaskSerializer(self.get_object(), context={"request": request}).data)


class TaskCancelView(TaskDetailView):
    permission_classes = [HasPerm("generation.view", obj_perm="generation.manage_job")]
    http_method_names = ["post", "options"]  # an action: no GET (the schema lists POST only)

    @extend_schema(summary="取消生成任务(排队中立即取消;生成中在下一步之前停止)", request=None,
                   responses={202: TaskSerializer, 409: inline_serializer("Conflict", {"detail": serializers.CharField(),
                                                                                 "code": serializers.CharField()})})
    def post(self, request, pk):
        job = self.get_object()
        refuse_body(request)
        try:
            job = services.job_cancel(job=job, actor=request.user)
        except services.JobStateError as exc:
            return Response({"detail": str(exc), "code": "conflict"}, status=status.HTTP_409_CONFLICT)
        except PermissionDenied as exc:
            return Response({"detail": str(exc), "code": "permission_denied"}, status=status.HTTP_403_FORBIDDEN)
        return Response(TaskSerializer(job, context={"request": request}).data, status=status.HTTP_202_ACCEPTED,
                        headers={"Location": reverse("generation-task-detail", args=[job.pk])})


class TaskRetryView(TaskDetailView):
    permission_classes = [HasPerm({"GET": "generation.view", "POST": "generation.create"},
                                  _("只有馆员可以重试生成任务。"), obj_perm="generation.manage_job")]
    serializer_class = RetrySerializer
    throttle_classes = SUBMIT_THROTTLES
    http_method_names = ["post", "options"]

    @extend_schema(summary="以新的随机种子重试(新任务,retry_of 指向原任务)", request=RetrySerializer,
                   responses={202: TaskSerializer})
    def post(self, request, pk):
        job = self.get_object()
        ser = RetrySerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        try:
            with transaction.atomic():
                new = services.job_retry(job=job, actor=request.user, seed=ser.validated_data.get("seed"))
        except PermissionDenied as exc:
            return Response({"detail": str(exc), "code": "permission_denied"}, status=status.HTTP_403_FORBIDDEN)
        except params.ParameterError as exc:
            return _param_error_response(exc)
        return Response(TaskSerializer(new, context={"request": request}).data, status=status.HTTP_202_ACCEPTED,
                        headers={"Location": reverse("generation-task-detail", args=[new.pk])})


class TaskMediaView(TaskDetailView):
    """The job's files behind token/session auth (unpublished clips have no public URL): video (delivery
    rendition when post-processing made one, else the native clip), native, poster, subtitles."""

    @extend_schema(summary="生成结果文件(video、native、poster、subtitles)", description=RANGE_NOTE,
                   responses=FILE_RESPONSES)
    def get(self, request, pk, kind):
        fieldfile = selectors.clip_files(self.get_object()).get(kind)
        if not fieldfile:
            raise NotFound(_("该任务还没有这个文件。"))
        return stream_field_file(request, fieldfile)
