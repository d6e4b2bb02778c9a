"""Reads over the immutable archive records.

A record is public while it is archived and its sign-off has not been withdrawn. Withdrawal never
touches the record (it is immutable): it sets ``review.SignOff.withdrawn_at`` and moves the review to
``withdrawn``, so both conditions are checked here, through the record's own sign-off and its review.
"""
from __future__ import annotations

from django.db.models import QuerySet

from generation.attribution import likeness_public_q
from review.models import Review

from .models import ArchiveEvent, ArchiveFile, ArchiveRecord


def public_records() -> QuerySet[ArchiveRecord]:
    """Archive records the public may see: archived and currently signed (not withdrawn), and, for a
    speech-driven video, its portrait's likeness consent allows public showing (checked at every request,
    so a narrowed consent takes effect at once; the rule is generation.attribution.likeness_public)."""
    return (
        ArchiveRecord.objects.filter(signoff__review__state=Review.State.ARCHIVED, signoff__withdrawn_at__isnull=True)
        .filter(likeness_public_q("clip__job__portrait"))
        .select_related("technique", "technique__craft", "step", "clip", "signoff", "signoff__inheritor")
        .order_by("-created_at")
    )


def is_record_public(record: ArchiveRecord) -> bool:
    return public_records().filter(pk=record.pk).exists()


def record_files(record: ArchiveRecord) -> dict[str, ArchiveFile]:
    """The record's files by role ("video", "poster", "vtt", ...)."""
    return {f.role: f for f in record.files.all()}


def record_events(record: ArchiveRecord) -> QuerySet[ArchiveEvent]:
    return record.events.order_by("at")


def record_for_clip(clip) -> ArchiveRecord | None:
    return ArchiveRecord.objects.filter(clip=clip).first()
