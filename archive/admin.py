"""Django admin for the archive: every model, steps and transcript segments inline."""
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import (Craft, Footage, Inheritor, InheritorPortrait, Recording, SignerChange, Technique, TechniqueStep,
                     TranscriptSegment)


class InheritorInline(admin.TabularInline):
    model = Inheritor
    fields = ["name", "level", "status", "able_to_sign"]
    readonly_fields = ["status", "able_to_sign"]  # who may sign changes on the curator screen, confirmed by a second person
    extra = 0
    show_change_link = True


@admin.register(Craft)
class CraftAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "region", "featured", "updated_at"]
    list_filter = ["category", "featured"]
    search_fields = ["name", "name_en", "region", "description"]
    inlines = [InheritorInline]


class PortraitInline(admin.StackedInline):
    model = InheritorPortrait
    extra = 0
    fields = ["title", "image", "description", "consent_scope", "consent_given_by", "consent_date",
              "consent_by_proxy", "consent_document"]
    show_change_link = True


@admin.register(InheritorPortrait)
class InheritorPortraitAdmin(admin.ModelAdmin):
    list_display = ["title", "inheritor", "consent_scope", "consent_given_by", "consent_date", "consent_by_proxy",
                    "width", "height"]
    list_filter = ["consent_scope", "consent_by_proxy"]
    search_fields = ["title", "inheritor__name", "consent_given_by"]
    autocomplete_fields = ["inheritor"]
    readonly_fields = ["width", "height"]


@admin.register(Inheritor)
class InheritorAdmin(admin.ModelAdmin):
    inlines = [PortraitInline]
    list_display = ["name", "craft", "level", "status", "able_to_sign", "user", "proxy_name"]
    list_filter = ["level", "status", "able_to_sign", "craft__category"]
    search_fields = ["name", "craft__name", "craft__region", "proxy_name"]
    autocomplete_fields = ["craft"]
    raw_id_fields = ["user", "proxy_user"]

    def get_readonly_fields(self, request, obj=None):
        """Who may sign is changed on the curator screen, as a request a second curator or an admin
        confirms (archive.services.inheritor_update); here it is read only."""
        from .services import SIGNER_FIELDS

        return list(SIGNER_FIELDS)


class TechniqueStepInline(admin.StackedInline):
    model = TechniqueStep
    extra = 0
    fields = ["order", "title", "description", "description_en", "parameters"]
    ordering = ["order"]


@admin.register(Technique)
class TechniqueAdmin(admin.ModelAdmin):
    list_display = ["name", "craft", "slug", "updated_at"]
    list_filter = ["craft__category", "craft"]
    search_fields = ["name", "slug", "summary", "craft__name"]
    autocomplete_fields = ["craft"]
    inlines = [TechniqueStepInline]


@admin.register(TechniqueStep)
class TechniqueStepAdmin(admin.ModelAdmin):
    list_display = ["technique", "order", "title"]
    list_filter = ["technique__craft"]
    search_fields = ["title", "description", "technique__name"]


class TranscriptSegmentInline(admin.TabularInline):
    """Text and speaker are editable here; times are changed in the curator's segment editor, which
    checks the whole transcript at once (row-by-row checks here would compare with rows about to move)."""

    model = TranscriptSegment
    extra = 0
    fields = ["start_ms", "end_ms", "speaker", "text"]
    readonly_fields = ["start_ms", "end_ms"]
    ordering = ["start_ms"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Recording)
class RecordingAdmin(admin.ModelAdmin):
    readonly_fields = ["segment_editor"]

    @admin.display(description=_("转写"))
    def segment_editor(self, obj):
        if not obj.pk:
            return "-"
        return format_html('<a href="{}">{}</a>', reverse("curator:transcript_edit", args=[obj.pk]),
                           _("在片段编辑器中编辑时间与片段"))

    list_display = ["title", "craft", "speaker_name", "interviewer", "recorded_on", "consent_scope"]
    list_filter = ["consent_scope", "craft", "recorded_on"]
    search_fields = ["title", "speaker_name", "interviewer", "place", "craft__name", "segments__text"]
    date_hierarchy = "recorded_on"
    autocomplete_fields = ["craft", "technique", "speaker"]
    inlines = [TranscriptSegmentInline]


@admin.register(TranscriptSegment)
class TranscriptSegmentAdmin(admin.ModelAdmin):
    list_display = ["recording", "start_ms", "end_ms", "speaker", "text"]
    search_fields = ["text", "speaker", "recording__title"]
    list_filter = ["recording__craft"]


@admin.register(Footage)
class FootageAdmin(admin.ModelAdmin):
    list_display = ["title", "technique", "step", "credit", "public", "recorded_on"]
    list_filter = ["public", "technique__craft"]
    search_fields = ["title", "credit", "reference", "technique__name"]
    autocomplete_fields = ["technique"]


@admin.register(SignerChange)
class SignerChangeAdmin(admin.ModelAdmin):
    """The audit of requested changes of who may sign: read only (decided on the curator screen)."""

    list_display = ["inheritor", "state", "requested_by", "requested_at", "decided_by", "decided_at",
                    "handed_over_by", "handed_over_at"]
    list_filter = ["state"]
    search_fields = ["inheritor__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
