"""Admin: archive records, files and events strictly read-only (they are immutable; the database refuses
changes on PostgreSQL anyway)."""
from django.contrib import admin

from review.admin import ReadOnlyAdmin

from .models import ArchiveEvent, ArchiveFile, ArchiveRecord


class FileInline(admin.TabularInline):
    model = ArchiveFile
    extra = 0
    can_delete = False
    readonly_fields = ["role", "file", "sha256", "size_bytes", "mime", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ArchiveRecord)
class ArchiveRecordAdmin(ReadOnlyAdmin):
    list_display = ["title", "attribution", "clip_sha256", "created_at"]
    search_fields = ["title", "attribution"]
    inlines = [FileInline]


@admin.register(ArchiveEvent)
class ArchiveEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "record", "event_type", "outcome", "detail"]
    list_filter = ["event_type", "outcome"]
