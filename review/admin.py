"""Admin: reviews and audit for inspection; archive records, files and events strictly read-only (they
are immutable; the database refuses changes on PostgreSQL anyway)."""
from django.contrib import admin

from archive.records import ArchiveEvent, ArchiveFile, ArchiveRecord

from .models import AuditEntry, ChangeRequest, Notification, Review, ReviewComment, SignOff


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CommentInline(admin.TabularInline):
    model = ReviewComment
    extra = 0
    readonly_fields = ["author", "kind", "at_ms", "text", "created_at"]
    can_delete = False


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin):
    """State changes only through the workflow (review screens / API), never by editing the row."""

    list_display = ["title", "version", "state", "attribution", "updated_at"]
    list_filter = ["state", "technique__craft"]
    search_fields = ["title", "attribution"]
    inlines = [CommentInline]


@admin.register(SignOff)
class SignOffAdmin(ReadOnlyAdmin):
    list_display = ["inheritor", "signed_by", "by_proxy", "signed_at", "withdrawn_at"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor_name", "action", "outcome", "from_state", "to_state", "reason"]
    list_filter = ["outcome", "action"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "user", "verb", "message", "read_at"]


@admin.register(ChangeRequest)
class ChangeRequestAdmin(ReadOnlyAdmin):
    list_display = ["review", "new_job", "created_at"]


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
