"""Admin: reviews and audit for inspection, read-only (state changes only through the workflow). The
archive records' admin is in records/admin.py."""
from django.contrib import admin

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

