"""Request and response shapes of /api/v1/generation-tasks (the seed article's shape:
{"model", "input": {"text"}, "parameters": {"resolution", "duration", "frame_rate", "seed", "temperature"}})."""
from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from heritage.inputs import INT_MAX
from heritage.parsers import FormJSONParts, RefuseUnknownFields
from heritage.schema import AnyOf, Requires

from archive.models import Technique, TechniqueStep

from .. import parameters as params
from .. import selectors
from ..models import GenerationJob
from ..postprocess.selectors import POSTPROCESSING_STATES
from ..services import CAMERAS


class TaskInputSerializer(RefuseUnknownFields, serializers.Serializer):
    text = serializers.CharField(required=False, max_length=5000, trim_whitespace=True,
                                 help_text="自由文本(口述或动作描述),会先规范化为结构化动作描述。")
    technique = serializers.SlugField(required=False, help_text="技法网址标识,如 suxiu-zhengqiang。")
    step = serializers.IntegerField(required=False, min_value=1, max_value=INT_MAX, help_text="该技法的步骤序号(从 1 开始)。")
    camera = serializers.ChoiceField(choices=list(CAMERAS), required=False, help_text="机位。")
    recording = serializers.IntegerField(required=False, min_value=1, max_value=INT_MAX, help_text="口述史录音 id:以其转写片段为来源(须授权 AI 重构)。")
    start = serializers.IntegerField(required=False, min_value=0, max_value=INT_MAX, help_text="转写文本的起始字符位置。")
    end = serializers.IntegerField(required=False, min_value=1, max_value=INT_MAX, help_text="转写文本的结束字符位置(不含):须大于 start,且不超过转写长度,否则返回 400,指明 input.end"
                                       "(start 不在转写内时指明 input.start)。")
    prompt_extend = serializers.BooleanField(
        required=False, allow_null=True, default=None,
        help_text="用本地指令模型扩展提示词(类似 Wan2.2 --use_prompt_extend);缺省按服务器设置(默认关闭)。"
                  "改写须保留每个参数值、手、工具和材料,否则保留原提示词;任务的 parameters.prompt_extension 记录所用提示词。")

    # ``validate``: something to describe (text, a technique or a recording's span); a step is a technique's
    body_rules = (AnyOf("text", "technique", "recording"), Requires("step", "technique"))

    def validate(self, attrs):
        if attrs.get("recording") is not None:
            from archive.models import Recording

            recording = Recording.objects.filter(pk=attrs["recording"]).first()
            if recording is None:
                raise serializers.ValidationError({"recording": [_("没有这条录音。")]})
            attrs["recording_obj"] = recording
        if not attrs.get("text") and not attrs.get("technique") and not attrs.get("recording_obj"):
            raise serializers.ValidationError({"text": [_("请提供 text 或 technique。")]})
        if attrs.get("step") is not None and not attrs.get("technique"):
            raise serializers.ValidationError({"step": [_("指定步骤时必须同时指定 technique。")]})
        slug = attrs.get("technique")
        if slug:
            technique = Technique.objects.filter(slug=slug).first()
            if technique is None:
                raise serializers.ValidationError({"technique": [_("未知技法 %(slug)r。") % {"slug": slug}]})
            attrs["technique_obj"] = technique
            if attrs.get("step") is not None:
                step = TechniqueStep.objects.filter(technique=technique, order=attrs["step"]).first()
                if step is None:
                    raise serializers.ValidationError({"step": [_("技法 %(slug)s 没有第 %(step)s 步。") % {"slug": slug, "step": attrs["step"]}]})
                attrs["step_obj"] = step
        return attrs


class TaskParametersSerializer(RefuseUnknownFields, serializers.Serializer):
    resolution = serializers.CharField(required=False, help_text="480p 或 720p(默认 480p)。")
    orientation = serializers.ChoiceField(choices=params.ORIENTATIONS, required=False)
    duration = serializers.FloatField(required=False, help_text="时长(秒)。映射为原生帧数 4k+1(A14B 为 16 帧/秒)。")
    frame_rate = serializers.IntegerField(required=False, max_value=INT_MAX, help_text="交付帧率;原生帧率固定,后期处理重采样。")
    seed = serializers.IntegerField(required=False, help_text="随机种子,0 … 2^32-1;缺省时随机并记录。")
    temperature = serializers.FloatField(
        required=False, help_text="0.5 … 2.0,默认 1.0:两个专家的无分类器引导强度除以 temperature。")
    steps = serializers.IntegerField(required=False, max_value=INT_MAX, help_text="去噪步数(默认取引擎预设)。")
    sampler = serializers.ChoiceField(choices=params.SAMPLERS, required=False)
    memory_mode = serializers.ChoiceField(choices=params.MEMORY_MODES, required=False)
    fast = serializers.ListField(child=serializers.ChoiceField(choices=list(params.FAST_MODE_LABELS)), required=False,
                                 help_text="快速模式(逐任务选择,记录在任务上):first_block_cache、taylorseer_cache、"
                                           "fp8(仅 GPU)、lora_preview(少步 LoRA 快速预览)。")

    def schema_limits(self) -> dict:
        """What ``params.resolve`` enforces (ranges, resolutions of the server's preset), for the schema."""
        return params.schema_limits(settings.ENGINE_PRESET)

    def validate(self, attrs):
        try:
            attrs["resolved"] = params.resolve(dict(attrs), preset_name=settings.ENGINE_PRESET)
        except params.ParameterError as exc:
            raise serializers.ValidationError(exc.errors) from None
        return attrs


class TaskCreateSerializer(FormJSONParts, RefuseUnknownFields, serializers.Serializer):
    model = serializers.CharField(required=False, help_text="引擎预设名;须与服务器配置一致(缺省即可)。")
    input = TaskInputSerializer()
    parameters = TaskParametersSerializer(required=False, default=dict)

    def schema_limits(self) -> dict:
        """The one model ``validate_model`` accepts: the server's preset (``heritage.schema._stated_limits``)."""
        return {"model": {"enum": [settings.ENGINE_PRESET]}}

    def validate_model(self, value):
        if value != settings.ENGINE_PRESET:
            raise serializers.ValidationError(
                _("此服务器运行的引擎预设是 %(preset)s,不是 %(value)s。") % {"preset": settings.ENGINE_PRESET, "value": value})
        return value

    def to_service_kwargs(self) -> dict:
        data = self.validated_data
        inp = data["input"]
        public = {k: v for k, v in data.get("parameters", {}).items() if k != "resolved"}
        return {"technique": inp.get("technique_obj"), "step": inp.get("step_obj"), "text": inp.get("text"),
                "camera": inp.get("camera"), "parameters": public, "recording": inp.get("recording_obj"),
                "source_start": inp.get("start"), "source_end": inp.get("end"),
                "prompt_extend": inp.get("prompt_extend")}


class S2VInputSerializer(RefuseUnknownFields, serializers.Serializer):
    """口述影像 (speech-to-video): a portrait and an audio span of an oral-history recording."""

    portrait = serializers.IntegerField(min_value=1, max_value=INT_MAX, help_text="传承人人像 id(/api/v1/portraits):参考图像,须有肖像授权。")
    recording = serializers.IntegerField(min_value=1, max_value=INT_MAX, help_text="口述史录音 id:驱动视频的音频来源(须授权 AI 重构)。")
    audio_start_ms = serializers.IntegerField(required=False, min_value=0, max_value=INT_MAX, help_text="音频片段起点(毫秒)。")
    audio_end_ms = serializers.IntegerField(
        required=False, min_value=1, max_value=INT_MAX,  # after the start, which is at least 0
        help_text="音频片段终点(毫秒):须晚于 audio_start_ms,片段不超过服务器的最长时长(S2V_MAX_AUDIO_SECONDS)且在录音之内,"
                  "否则返回 400,指明 input.audio_start_ms(用 segments 时指明 input.segments)。")
    segments = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=INT_MAX), required=False,
                                     max_length=10000,
                                     help_text="转写片段 id:代替起止时间,取第一段开始到最后一段结束。")
    prompt = serializers.CharField(required=False, allow_blank=True, max_length=2000,
                                   help_text="场景与镜头描述(可选)。")
    speaker_label = serializers.CharField(required=False, allow_blank=True, max_length=100,
                                          help_text="转写中代表讲述人的说话人标签(可选):该标签下的片段是讲述人本人的话。")

    body_rules = (AnyOf("segments", ("audio_start_ms", "audio_end_ms")),)  # ``validate``

    def validate(self, attrs):
        from archive.models import InheritorPortrait, Recording

        recording = Recording.objects.filter(pk=attrs["recording"]).select_related("craft", "speaker").first()
        if recording is None:
            raise serializers.ValidationError({"recording": [_("没有这条录音。")]})
        portrait = InheritorPortrait.objects.filter(pk=attrs["portrait"]).select_related("inheritor").first()
        if portrait is None:
            raise serializers.ValidationError({"portrait": [_("没有这张人像。")]})
        if attrs.get("segments"):
            segs = list(recording.segments.filter(pk__in=attrs["segments"]).order_by("start_ms"))
            if len(segs) != len(set(attrs["segments"])):
                raise serializers.ValidationError({"segments": [_("所选片段不属于这条录音。")]})
            attrs["audio_start_ms"], attrs["audio_end_ms"] = segs[0].start_ms, segs[-1].end_ms
        elif attrs.get("audio_start_ms") is None or attrs.get("audio_end_ms") is None:
            raise serializers.ValidationError({"audio_start_ms": [_("请给出 segments,或 audio_start_ms 与 audio_end_ms。")]})
        attrs["recording_obj"], attrs["portrait_obj"] = recording, portrait
        return attrs


class S2VParametersSerializer(RefuseUnknownFields, serializers.Serializer):
    seed = serializers.IntegerField(required=False, min_value=0, max_value=params.SEED_MAX, help_text="随机种子,0 … 2^32-1;缺省时随机并记录。")
    steps = serializers.IntegerField(required=False, min_value=1, max_value=INT_MAX, help_text="去噪步数(默认取 S2V 预设)。")


class S2VTaskCreateSerializer(FormJSONParts, RefuseUnknownFields, serializers.Serializer):
    """The body of a speech-to-video task: ``input.portrait`` marks it."""

    model = serializers.CharField(required=False, help_text="S2V 引擎预设名;须与服务器配置一致(缺省即可)。")
    input = S2VInputSerializer()
    parameters = S2VParametersSerializer(required=False, default=dict)

    def schema_limits(self) -> dict:
        """The one model ``validate_model`` accepts: the server's S2V preset."""
        return {"model": {"enum": [settings.S2V_PRESET]}}

    def validate_model(self, value):
        if value != settings.S2V_PRESET:
            raise serializers.ValidationError(
                _("此服务器运行的 S2V 预设是 %(preset)s,不是 %(value)s。") % {"preset": settings.S2V_PRESET, "value": value})
        return value

    def to_service_kwargs(self) -> dict:
        inp, p = self.validated_data["input"], self.validated_data.get("parameters", {})
        return {"recording": inp["recording_obj"], "portrait": inp["portrait_obj"],
                "start_ms": inp["audio_start_ms"], "end_ms": inp["audio_end_ms"], "prompt": inp.get("prompt"),
                "seed": p.get("seed"), "steps": p.get("steps"), "speaker_label": inp.get("speaker_label")}


class BatchCreateSerializer(FormJSONParts, RefuseUnknownFields, serializers.Serializer):
    # allow_empty and max_length (not a validate_tasks) so the schema says them (minItems, maxItems)
    tasks = TaskCreateSerializer(many=True, allow_empty=False, max_length=50,
                                 error_messages={"empty": gettext_lazy("至少提交一个任务。"),
                                                 "max_length": gettext_lazy("一次最多提交 50 个任务。")},
                                 help_text="每项与单个任务的请求体相同;全部有效才会提交。")


class RetrySerializer(RefuseUnknownFields, serializers.Serializer):
    seed = serializers.IntegerField(required=False, min_value=0, max_value=params.SEED_MAX)


class ProgressSerializer(serializers.Serializer):
    step = serializers.IntegerField()
    total = serializers.IntegerField()
    expert = serializers.CharField(allow_null=True, help_text="high(高噪声专家)或 low(低噪声专家)。")
    eta_s = serializers.FloatField(allow_null=True)


class OutputSerializer(serializers.Serializer):
    clip = serializers.IntegerField(help_text="生成视频的编号:发起审核时 POST /reviews 的 clip。")
    video_url = serializers.CharField(help_text="交付版本(后期处理完成后)或原生视频。")
    native_video_url = serializers.CharField()
    poster_url = serializers.CharField(allow_null=True)
    subtitles_url = serializers.CharField(allow_null=True)
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    num_frames = serializers.IntegerField()
    fps = serializers.IntegerField()
    duration_s = serializers.FloatField()
    sha256 = serializers.CharField()
    postprocessing = serializers.ChoiceField(
        choices=POSTPROCESSING_STATES,
        help_text="后期处理(交付版本、海报、字幕):pending 进行中;done 已完成;failed 失败(不妨碍送审);none 未进行。"
                  "任务的 status 在生成完成时即为 succeeded,后期处理可能仍在进行。")
    ready_for_review = serializers.BooleanField(
        help_text="可以送审与签署(postprocessing 不是 pending)。为 false 时 POST /reviews/{id}/submit 与 sign 得到 409"
                  "(code: postprocessing_pending,带 Retry-After);请轮询本任务直到它为 true。")


class TaskSerializer(serializers.ModelSerializer):
    model = serializers.CharField(source="preset")
    input = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField()
    output = serializers.SerializerMethodField()
    requested_by = serializers.CharField(source="requested_by.username")

    class Meta:
        model = GenerationJob
        fields = ["id", "status", "model", "input", "parameters", "seed", "prompt", "camera", "progress", "output",
                  "error", "attempts", "worker", "device", "checkpoint_id", "timings", "batch", "retry_of",
                  "requested_by", "created_at", "started_at", "finished_at"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_input(self, job):
        if job.kind == GenerationJob.Kind.S2V:
            return {"kind": "s2v", "portrait": job.portrait_id, "recording": job.recording_id,
                    "audio_start_ms": job.audio_start_ms, "audio_end_ms": job.audio_end_ms,
                    "speaker_label": job.speaker_label, "text": job.source_text}
        return {"text": job.source_text, "technique": job.technique.slug if job.technique_id else None,
                "recording": job.recording_id, "start": job.source_start, "end": job.source_end,
                "step": job.step.order if job.step_id else None, "camera": job.camera or None,
                "action_description": job.action_description}

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, job):
        return selectors.job_progress(job)

    @extend_schema_field(OutputSerializer(allow_null=True))
    def get_output(self, job):
        from django.urls import reverse

        request = self.context.get("request")

        def url_for(kind):
            url = reverse("generation-task-media", args=[job.pk, kind])
            return request.build_absolute_uri(url) if request is not None else url

        return selectors.clip_output(job, url_for)
