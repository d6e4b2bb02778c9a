"""Archive API serializers: read shapes for crafts, techniques (with steps) and recordings (with the
transcript), the transcript import body and its task's status, and the portrait upload."""
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from heritage.inputs import SlugRelatedField
from heritage.parsers import RefuseUnknownFields
from heritage.schema import AnyOf, OneOf

from .. import services
from ..services import MAX_STEPS
from ..validators import MIN_BIRTH_YEAR, max_birth_year
from ..models import (Craft, Footage, Inheritor, InheritorPortrait, Recording, Technique, TechniqueStep,
                      TranscriptImportJob, TranscriptSegment)


class CraftSerializer(serializers.ModelSerializer):
    category_label = serializers.CharField(source="get_category_display", read_only=True)

    class Meta:
        model = Craft
        fields = ["slug", "name", "name_en", "category", "category_label", "region", "description", "featured"]


class InheritorSerializer(serializers.ModelSerializer):
    craft = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Inheritor
        fields = ["id", "name", "craft", "level", "status", "able_to_sign", "birth_year", "proxy_name"]


class PortraitSerializer(serializers.ModelSerializer):
    """A portrait (reference image of speech-driven video) and its likeness consent; the image and the
    consent document are served behind the API's authentication (``image_url``, ``document_url``)."""

    inheritor_name = serializers.CharField(source="inheritor.name", read_only=True)
    image_url = serializers.SerializerMethodField()
    document_url = serializers.SerializerMethodField()

    class Meta:
        model = InheritorPortrait
        fields = ["id", "inheritor", "inheritor_name", "title", "description", "width", "height", "image_url",
                  "consent_scope", "consent_given_by", "consent_date", "consent_by_proxy", "document_url"]

    def get_image_url(self, obj) -> str:
        return reverse("api-portrait-image", args=[obj.pk])

    def get_document_url(self, obj) -> str | None:
        return reverse("api-portrait-document", args=[obj.pk]) if obj.consent_document else None

@extend_schema_field({"type": "string", "format": "binary"})
class UploadField(serializers.FileField):
    """A file part of a multipart body (documented as binary, so clients and the schema fuzzer send a file)."""


class PortraitUploadSerializer(serializers.ModelSerializer):
    """The multipart body that creates (POST) or replaces (PUT) a portrait. Only the shape is checked here;
    the file checks (``archive.validators.validate_portrait_file``) and the likeness-consent rules
    (``InheritorPortrait.clean``) run in the service, as for the curator form."""

    inheritor = serializers.PrimaryKeyRelatedField(queryset=Inheritor.objects.all(), help_text="传承人 id")
    image = UploadField(help_text="JPG、PNG 或 WebP,两边都不小于 S2V 预设的最小边长")
    consent_document = UploadField(required=False, help_text="代理人授权时必填:PDF、JPG 或 PNG")

    class Meta:
        model = InheritorPortrait
        fields = ["inheritor", "title", "image", "description", "consent_scope", "consent_given_by", "consent_date",
                  "consent_by_proxy", "consent_document"]


    def service_data(self) -> dict:
        """The portrait's fields for ``services.portrait_create``/``portrait_update``: the whole portrait, a
        field left out being its default (a replaced portrait keeps nothing of the old one but its inheritor)."""
        opts = InheritorPortrait._meta
        return {name: self.validated_data.get(name, opts.get_field(name).get_default())
                for name in self.Meta.fields if name != "inheritor"}


class PortraitReplaceSerializer(PortraitUploadSerializer):
    """PUT: everything but the inheritor, which a portrait keeps."""

    inheritor = None

    class Meta(PortraitUploadSerializer.Meta):
        fields = [f for f in PortraitUploadSerializer.Meta.fields if f != "inheritor"]


class StepSerializer(serializers.ModelSerializer):
    class Meta:
        model = TechniqueStep
        fields = ["id", "order", "title", "description", "description_en", "parameters"]


class TechniqueSerializer(serializers.ModelSerializer):
    craft = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    steps = StepSerializer(many=True, read_only=True)

    class Meta:
        model = Technique
        fields = ["slug", "name", "craft", "summary", "steps"]


class SegmentSerializer(serializers.ModelSerializer):
    """A transcript segment; its ``id`` is what a narration task's ``input.segments`` names."""

    class Meta:
        model = TranscriptSegment
        fields = ["id", "start_ms", "end_ms", "speaker", "text"]


class RecordingSerializer(serializers.ModelSerializer):
    craft = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    technique = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)  # may be none
    segments = serializers.SerializerMethodField()

    class Meta:
        model = Recording
        fields = ["id", "title", "craft", "technique", "speaker", "speaker_name", "interviewer", "recorded_on",
                  "place", "consent_scope", "consent_date", "media_reference", "language", "segments"]

    @extend_schema_field(SegmentSerializer(many=True, allow_null=True))
    def get_segments(self, recording) -> list[dict] | None:
        """The transcript, or null when the consent scope keeps it from this user."""
        if not self.context.get("can_hear", True):
            return None
        return SegmentSerializer(recording.segments.order_by("start_ms"), many=True).data


class RecordingListSerializer(RecordingSerializer):
    """A recording in the list: its facts and how many transcript segments it has (the transcript itself, with
    the consent-scope rule, is at ``url``)."""

    segment_count = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta(RecordingSerializer.Meta):
        fields = [f for f in RecordingSerializer.Meta.fields if f != "segments"] + ["segment_count", "url"]

    def get_url(self, recording) -> str:
        return reverse("api-recording-detail", args=[recording.pk])


class TranscriptImportSerializer(RefuseUnknownFields, serializers.Serializer):
    """Exactly one document: ``webvtt`` or ``text`` (the curator form's .txt format). ``validated_data`` gets
    ``kind`` ("vtt" or "txt") and ``document``, which ``services.transcript_import_text`` takes as they are."""

    webvtt = serializers.CharField(required=False, trim_whitespace=False,
                                   max_length=services.MAX_TRANSCRIPT_FILE_MB * 1024 * 1024,
                                   help_text="The whole WebVTT document (at most 5 MB as UTF-8)")
    text = serializers.CharField(required=False, trim_whitespace=False,
                                 max_length=services.MAX_TRANSCRIPT_FILE_MB * 1024 * 1024,
                                 help_text="Or a plain-text transcript as the curator form's .txt upload takes it: one "
                                           "line per segment; lines written as the export writes them "
                                           "(`[00:00:05.000] 说话人:文本`) keep their time and speaker, the others are "
                                           "timed 5 s apart for a curator to adjust (at most 5 MB as UTF-8)")
    mode = serializers.ChoiceField(choices=list(services.TRANSCRIPT_MODES), default="replace")
    body_rules = (OneOf("webvtt", "text"),)  # ``validate``

    def validate(self, attrs):
        given = [k for k in ("webvtt", "text") if k in attrs]
        if len(given) != 1:
            raise serializers.ValidationError(_("请只提供一份转写:webvtt(WebVTT 文档)或 text(纯文本),二者选一。"),
                                              code="invalid")
        attrs["kind"] = "vtt" if given[0] == "webvtt" else "txt"
        attrs["document"] = attrs.pop(given[0])
        return attrs


# What ``segments`` counts in an import's answer (200, and the status of a big one): the whole transcript.
SEGMENTS_AFTER_IMPORT = "导入后这条录音的转写片段总数(append 时含原有片段)。"


class TranscriptImportJobSerializer(serializers.ModelSerializer):
    """A big transcript import run by a task: poll ``url`` until ``status`` is ``succeeded`` or ``failed``."""

    url = serializers.SerializerMethodField()

    class Meta:
        model = TranscriptImportJob
        fields = ["id", "recording", "mode", "status", "stage", "progress", "segments", "error", "created_at",
                  "finished_at", "url"]
        read_only_fields = fields
        extra_kwargs = {"segments": {"help_text": SEGMENTS_AFTER_IMPORT}}

    def get_url(self, job) -> str:
        return reverse("api-transcript-import-status", args=[job.recording_id, job.pk])


# --- Writes: the shape of a body only; every rule (uniqueness, slugs, consent, file checks, steps) is the
# service's (archive/services.py), as for the curator forms, and its ValidationError is the API's 400.

class ServiceValidated(RefuseUnknownFields):
    """A ModelSerializer mixin for write bodies: types and lengths from the model, but no uniqueness validators
    of its own (the service's ``full_clean`` answers those, in the form's words) and no model validators on
    file fields (declared as ``UploadField``: the service runs ``archive.validators`` once)."""

    def get_validators(self):
        return []

    def get_fields(self):
        from rest_framework.validators import UniqueValidator

        fields = super().get_fields()
        for field in fields.values():
            field.validators = [v for v in field.validators if not isinstance(v, UniqueValidator)]
        return fields


class CraftWriteSerializer(ServiceValidated, serializers.ModelSerializer):
    """POST /crafts, PUT/PATCH /crafts/<slug>: ``services.craft_create`` / ``craft_update``."""

    class Meta:
        model = Craft
        fields = ["name", "name_en", "slug", "category", "region", "description", "featured"]


class StepWriteSerializer(RefuseUnknownFields, serializers.Serializer):
    """A step in a technique body. ``id`` names an existing step of the technique, which keeps its row (footage
    and generation jobs point at it); a step without ``id`` is new. The list's order is the steps' order."""

    id = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1,
                                  help_text="已有步骤的 id(保留该步骤);新步骤不填")
    order = serializers.IntegerField(required=False, min_value=1, max_value=MAX_STEPS,
                                     help_text="可选:步骤序号;给出时每个步骤都要给且不能重复,步骤按它排列(否则按列表顺序)")
    title = serializers.CharField(max_length=100)
    description = serializers.CharField(max_length=5000)
    description_en = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    parameters = serializers.DictField(required=False, default=dict,  # an object (the schema says so)
                                       help_text="规范参数,如 {\"angle_deg\": 30, \"spacing_mm\": 2}:名称为小写英文与下划线,"
                                                 "值为数字或不超过 100 字的文字,最多 30 个")


class TechniqueWriteSerializer(ServiceValidated, serializers.ModelSerializer):
    """POST /techniques, PUT/PATCH /techniques/<slug>: ``services.technique_save`` (the curator technique page's
    service). ``steps``, when given, is the whole ordered list: steps of the technique left out are deleted
    (refused, with nothing changed, while a review or a job points at one)."""

    craft = SlugRelatedField(slug_field="slug", queryset=Craft.objects.all(),
                                         help_text="非遗项目的网址标识(slug)")
    steps = StepWriteSerializer(many=True, required=False, help_text="有序步骤(整份);不填则步骤不变")

    class Meta:
        model = Technique
        fields = ["craft", "name", "slug", "summary", "steps"]

    def to_internal_value(self, data):
        """Steps are a JSON list: a form body (multipart) cannot carry them, and DRF would drop a ``steps`` part
        silently (it reads nested lists from forms only as ``steps[0]title`` keys), so one is refused."""
        if hasattr(data, "getlist") and any(key == "steps" or key.startswith("steps[") for key in data):
            raise serializers.ValidationError({"steps": [_("步骤只能以 JSON 请求体提交(multipart 表单无法携带步骤列表)。")]},
                                              code="invalid")
        return super().to_internal_value(data)

    def validate_steps(self, steps):
        """The steps in their order: the list's, or ``order`` when every step has one (a step list read from the
        API may be sent back as it is, reordered by its numbers)."""
        numbered = [step for step in steps if "order" in step]
        if not numbered:
            return steps
        if len(numbered) != len(steps) or len({step["order"] for step in steps}) != len(steps):
            raise serializers.ValidationError(_("要么每个步骤都给出不重复的 order,要么都不给(按列表顺序)。"),
                                              code="invalid")
        return sorted(steps, key=lambda step: step["order"])


class FootageWriteSerializer(ServiceValidated, serializers.ModelSerializer):
    """POST /footage (multipart for a file, or JSON with ``reference``), PUT/PATCH /footage/<id>."""

    technique = SlugRelatedField(slug_field="slug", queryset=Technique.objects.all(),
                                             help_text="技法的网址标识(slug)")
    file = UploadField(required=False, help_text="视频:mp4、m4v、mov 或 webm;没有文件时填写 reference")
    body_rules = (AnyOf("file", "reference"),)  # the model's clean: a file or an external reference

    class Meta:
        model = Footage
        fields = ["technique", "step", "title", "file", "reference", "recorded_on", "credit", "rights", "public"]


class FootageSerializer(serializers.ModelSerializer):
    technique = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    craft = serializers.CharField(source="technique.craft.slug", read_only=True)
    has_file = serializers.SerializerMethodField()

    class Meta:
        model = Footage
        fields = ["id", "title", "craft", "technique", "step", "reference", "has_file", "recorded_on", "credit",
                  "rights", "public", "created_at", "updated_at"]

    def get_has_file(self, obj) -> bool:
        return bool(obj.file)


class RecordingWriteSerializer(ServiceValidated, serializers.ModelSerializer):
    """POST /recordings (multipart with ``media``, or JSON with ``media_reference``), PUT/PATCH /recordings/<id>:
    ``services.recording_create`` / ``recording_update``, the curator recording form's services."""

    craft = SlugRelatedField(slug_field="slug", queryset=Craft.objects.all(),
                                         help_text="非遗项目的网址标识(slug)")
    technique = SlugRelatedField(slug_field="slug", queryset=Technique.objects.all(), required=False,
                                             allow_null=True, help_text="技法的网址标识(slug)")
    speaker_name = serializers.CharField(max_length=100, required=False, allow_blank=True,
                                         help_text="选择了讲述人(speaker)时可不填,使用其姓名")
    media = UploadField(required=False, help_text="音频或视频:mp3 wav m4a aac ogg oga flac mp4 m4v mov webm")
    # the model's clean: a file or an external reference; a speaker chosen or a speaker's name
    body_rules = (AnyOf("media", "media_reference"), AnyOf("speaker", "speaker_name"))

    class Meta:
        model = Recording
        fields = ["craft", "technique", "title", "speaker", "speaker_name", "interviewer", "recorded_on", "place",
                  "consent_scope", "consent_date", "media", "media_reference", "language", "notes"]

    def schema_limits(self) -> dict:
        """The two-field rule of ``Recording.clean`` that OpenAPI cannot state as a limit, in words."""
        return {"consent_date": {"description": str(_("与采访日期(recorded_on)相差不超过 %(n)s 年,否则返回 400,指明 "
                                                      "consent_date。") % {"n": Recording.CONSENT_SPAN_YEARS})}}


class InheritorDetailSerializer(InheritorSerializer):
    """An inheritor as ``GET /inheritors/<id>`` and the writes answer it: the list's fields, the accounts, and
    whether a change of who may sign waits for a second curator or an admin (``signer_change_pending``)."""

    has_proxy_document = serializers.SerializerMethodField()
    signer_change_pending = serializers.SerializerMethodField()

    class Meta(InheritorSerializer.Meta):
        fields = InheritorSerializer.Meta.fields + ["biography", "user", "proxy_user", "proxy_relation",
                                                    "has_proxy_document", "signer_change_pending"]

    def get_has_proxy_document(self, obj) -> bool:
        return bool(obj.proxy_document)

    def get_signer_change_pending(self, obj) -> bool:
        from ..models import SignerChange

        return obj.signer_changes.filter(state=SignerChange.State.PENDING).exists()


class InheritorWriteSerializer(ServiceValidated, serializers.ModelSerializer):
    """POST /inheritors, PUT/PATCH /inheritors/<id>: ``services.inheritor_create`` / ``inheritor_update`` (the
    curator form's services). Who may sign (status, able_to_sign, user, proxy_*) is requested as a pending
    signer change that a second curator or an admin confirms, as on the screens; the other fields are saved."""

    craft = SlugRelatedField(slug_field="slug", queryset=Craft.objects.all(),
                                         help_text="非遗项目的网址标识(slug)")
    proxy_document = UploadField(required=False, help_text="代理人授权文件:PDF、JPG 或 PNG(multipart)")
    replace_pending_change = serializers.BooleanField(
        required=False, default=False, write_only=True,
        help_text="已有待确认的签署人变更时,修改签署相关字段须为 true:明确撤销它(记为已被取代),"
                  "否则 409 signer_change_pending,什么都不保存。")

    class Meta:
        model = Inheritor
        fields = ["craft", "name", "level", "status", "able_to_sign", "birth_year", "biography", "user",
                  "proxy_name", "proxy_user", "proxy_relation", "proxy_document", "replace_pending_change"]

    def schema_limits(self) -> dict:
        """The birth year's range, which ``Inheritor.clean`` enforces, for the schema (``heritage.schema``)."""
        return {"birth_year": {"minimum": MIN_BIRTH_YEAR, "maximum": max_birth_year()}}


class InheritorAccountLinkRequest(RefuseUnknownFields, serializers.Serializer):
    """``POST /inheritors/<id>/account/link``: a new one-time link for the inheritor's existing account."""

    replace_pending_change = serializers.BooleanField(
        required=False, default=False,
        help_text="已有待确认的签署人变更时须为 true:明确撤销它(记为已被取代),否则 409 signer_change_pending。")


class InheritorAccountSerializer(RefuseUnknownFields, serializers.Serializer):
    """``POST /inheritors/<id>/account``: the curator screen's 为传承人新建登录账户 (its optional user name)."""

    username = serializers.SlugField(required=False, allow_blank=True, max_length=150,
                                     help_text="新账户的用户名;留空则自动生成,如 inheritor-12。")
    replace_pending_change = serializers.BooleanField(
        required=False, default=False,
        help_text="已有待确认的签署人变更时须为 true:明确撤销它(记为已被取代),否则 409 signer_change_pending。")


class InheritorAccountLinkSerializer(serializers.Serializer):
    """The account and its one-time set-password link (valid until the password is set)."""

    username = serializers.CharField()
    set_password_url = serializers.CharField(help_text="一次性设置密码链接,交给传承人本人;设置密码后失效。")
    signer_change_pending = serializers.BooleanField(
        help_text="新账户作为签署账户,须另一位馆员或管理员确认后生效(与馆员页面相同)。")
