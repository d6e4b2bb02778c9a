from django.contrib import admin

from .models import MediaJob, Rendition


class RenditionInline(admin.TabularInline):
    model = Rendition
    extra = 0
    fields = ("kind", "language", "file", "codec", "width", "height", "fps", "duration_s", "size_bytes", "sha256")
    readonly_fields = fields
    can_delete = False


@admin.register(MediaJob)
class MediaJobAdmin(admin.ModelAdmin):
    list_display = ("pk", "clip", "status", "progress_done", "progress_total", "error", "created_at", "finished_at")
    list_filter = ("status",)
    readonly_fields = ("clip", "options", "label", "error", "error_detail", "ffmpeg_log", "timings", "worker",
                       "attempts", "started_at", "finished_at")
    inlines = [RenditionInline]


@admin.register(Rendition)
class RenditionAdmin(admin.ModelAdmin):
    list_display = ("pk", "clip", "kind", "language", "codec", "width", "height", "fps", "duration_s", "size_bytes")
    list_filter = ("kind", "codec")
    readonly_fields = ("sha256", "size_bytes", "probe", "command", "ffmpeg_stderr", "template", "template_version")
