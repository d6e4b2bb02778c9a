"""Archive API serializers: read shapes for crafts, techniques (with steps) and recordings (with the
transcript), the transcript import body and its task's status, and the portrait upload."""
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from heritage.parsers import RefuseUnknownFields

from .. import services
from ..models import (Craft, Inheritor, InheritorPortrait, Recording, Technique, TechniqueStep, TranscriptImportJob,
                      TranscriptSegment)


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
        fields = ["order", "title", "description", "description_en", "parameters"]


class TechniqueSerializer(serializers.ModelSerializer):
    craft = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    steps = StepSerializer(many=True, read_only=True)

    class Meta:
        model = Technique
        fields = ["slug", "name", "craft", "summary", "steps"]


class SegmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = TranscriptSegment
        fields = ["start_ms", "end_ms", "speaker", "text"]


class RecordingSerializer(serializers.ModelSerializer):
    craft = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    technique = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    segments = serializers.SerializerMethodField()

    class Meta:
        model = Recording
        fields = ["id", "title", "craft", "technique", "speaker", "speaker_name", "interviewer", "recorded_on",
                  "place", "consent_scope", "consent_date", "media_reference", "language", "segments"]

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

    def validate(self, attrs):
        given = [k for k in ("webvtt", "text") if k in attrs]
        if len(given) != 1:
            raise serializers.ValidationError(_("请只提供一份转写:webvtt(WebVTT 文档)或 text(纯文本),二者选一。"),
                                              code="invalid")
        attrs["kind"] = "vtt" if given[0] == "webvtt" else "txt"
        attrs["document"] = attrs.pop(given[0])
        return attrs


class TranscriptImportJobSerializer(serializers.ModelSerializer):
    """A big transcript import run by a task: poll ``url`` until ``status`` is ``succeeded`` or ``failed``."""

    url = serializers.SerializerMethodField()

    class Meta:
        model = TranscriptImportJob
        fields = ["id", "recording", "mode", "status", "stage", "progress", "segments", "error", "created_at",
                  "finished_at", "url"]
        read_only_fields = fields

    def get_url(self, job) -> str:
        return reverse("api-transcript-import-status", args=[job.recording_id, job.pk])
