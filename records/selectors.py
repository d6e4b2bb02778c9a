"""Reads over the immutable archive records.

A record is public when it has a ``publication`` event and no ``withdrawal`` event (and the consents it
rests on still allow it: ``public_records``). Both are append-only
rows of the record's own event log (immutable on PostgreSQL, where the application's role may neither
update nor delete them), written in the archiving and the withdrawal transactions. The mutable review and
sign-off rows are not consulted: putting them back as they were cannot bring a withdrawn record online.
"""
from __future__ import annotations

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from generation.attribution import likeness_public_q, public_withdrawn, sources_consent_q

from .models import ArchiveEvent, ArchiveFile, ArchiveRecord


def _event(kind: str):
    return Exists(ArchiveEvent.objects.filter(record=OuterRef("pk"), event_type=kind))


def _latest_fixity():
    return Subquery(ArchiveEvent.objects.filter(record=OuterRef("pk"), event_type=ArchiveEvent.Type.FIXITY_CHECK)
                    .order_by("-at", "-pk").values("outcome")[:1])


def _with_event_facts(records: QuerySet[ArchiveRecord]) -> QuerySet[ArchiveRecord]:
    """The event-log facts publication reads: ``published``, ``withdrawn``, ``latest_fixity`` (an outcome or None)."""
    return records.annotate(published=_event(ArchiveEvent.Type.PUBLICATION),
                            withdrawn=_event(ArchiveEvent.Type.WITHDRAWAL), latest_fixity=_latest_fixity())


# not failing fixity: its latest check passed, or none has run yet
_FIXITY_OK = Q(latest_fixity__isnull=True) | Q(latest_fixity=ArchiveEvent.Outcome.SUCCESS)


def public_records() -> QuerySet[ArchiveRecord]:
    """Archive records the public may see: published, never withdrawn, and not failing fixity (its latest
    check passed, or none has run yet) — all read from the record's event log; every oral-history
    recording the video was made from still allows AI reconstruction (generation.attribution.consent_allows)
    and, for a speech-driven video, its portrait's likeness consent allows public showing
    (generation.attribution.likeness_public). The consents are read at every request, so a narrowed
    consent takes effect at once and a widened one brings the video back; the record never changes."""
    return (
        _with_event_facts(ArchiveRecord.objects.all())
        .filter(published=True, withdrawn=False)
        .filter(sources_consent_q("clip__job"))
        .filter(likeness_public_q("clip__job__portrait"))
        .filter(_FIXITY_OK)
        .select_related("technique", "technique__craft", "step", "clip", "signoff", "signoff__inheritor")
        .order_by("-created_at")
    )


def is_record_public(record: ArchiveRecord) -> bool:
    return public_records().filter(pk=record.pk).exists()


def record_hidden_reasons(record: ArchiveRecord) -> list[str]:
    """Why a record is not public, in words for the staff screens (empty while it is public): the
    conditions of ``public_records`` that the record fails, one sentence each (for a record that
    ``is_record_public`` says is not)."""
    facts = _with_event_facts(ArchiveRecord.objects.filter(pk=record.pk))
    published, withdrawn, fixity_ok = (facts.annotate(fixity_ok=ExpressionWrapper(_FIXITY_OK, BooleanField()))
                                       .values_list("published", "withdrawn", "fixity_ok").get())
    reasons = []
    if not published:
        reasons.append(_("尚未公开发布。"))
    if withdrawn:
        reasons.append(_("签署已撤回。"))
    if not fixity_ok:
        reasons.append(_("最近一次固定性检查未通过,检查通过前不公开。"))
    why = public_withdrawn(record.clip.job)
    if why:
        reasons.append(why)
    return reasons


def record_files(record: ArchiveRecord) -> dict[str, ArchiveFile]:
    """The record's files by role ("video", "poster", "vtt", ...)."""
    return {f.role: f for f in record.files.all()}


def record_events(record: ArchiveRecord) -> QuerySet[ArchiveEvent]:
    return record.events.order_by("at")


def record_for_clip(clip) -> ArchiveRecord | None:
    return ArchiveRecord.objects.filter(clip=clip).first()
