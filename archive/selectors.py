"""Reads for the curator screens (HackSoft style: keyword-only, typed; views never build queries)."""
from __future__ import annotations

from django.contrib.admin.utils import NestedObjects
from django.db import router
from django.db.models import Count, Model, Q, QuerySet
from django.utils.translation import gettext as _, ngettext

from .models import Craft, Footage, Inheritor, Recording, Technique, TranscriptSegment
from heritage.langmark import mark_in
from heritage.webvtt import Cue


def _search(qs: QuerySet, q: str, fields: list[str]) -> QuerySet:
    """Every whitespace-separated word must match one of the fields (substring, case-insensitive;
    works for Chinese on SQLite and PostgreSQL alike)."""
    for word in (q or "").split():
        cond = Q()
        for field in fields:
            cond |= Q(**{f"{field}__icontains": word})
        qs = qs.filter(cond)
    return qs


def craft_list(*, q: str = "", category: str = "") -> QuerySet[Craft]:
    qs = Craft.objects.annotate(
        inheritor_count=Count("inheritors", distinct=True), technique_count=Count("techniques", distinct=True)
    )
    if category:
        qs = qs.filter(category=category)
    return _search(qs, q, ["name", "name_en", "region", "description"]).order_by("name", "pk")


def inheritor_list(*, q: str = "", craft: Craft | None = None, level: str = "") -> QuerySet[Inheritor]:
    qs = Inheritor.objects.select_related("craft", "user", "proxy_user")
    if craft is not None:
        qs = qs.filter(craft=craft)
    if level:
        qs = qs.filter(level=level)
    return _search(qs, q, ["name", "craft__name", "craft__region", "biography", "proxy_name"]).order_by(
        "craft__name", "name", "pk")


def technique_list(*, q: str = "", craft: Craft | None = None) -> QuerySet[Technique]:
    qs = Technique.objects.select_related("craft").annotate(step_count=Count("steps", distinct=True))
    if craft is not None:
        qs = qs.filter(craft=craft)
    return _search(
        qs, q, ["name", "slug", "summary", "craft__name", "craft__region", "steps__description"]
    ).distinct().order_by("craft__name", "name", "pk")


def recording_list(*, q: str = "", craft: Craft | None = None) -> QuerySet[Recording]:
    qs = Recording.objects.select_related("craft", "technique", "speaker").annotate(
        segment_count=Count("segments", distinct=True)
    )
    if craft is not None:
        qs = qs.filter(craft=craft)
    return _search(
        qs, q, ["title", "speaker_name", "interviewer", "place", "craft__name", "craft__region", "segments__text"]
    ).distinct().order_by("-recorded_on", "title", "pk")


def footage_list(*, q: str = "", technique: Technique | None = None) -> QuerySet[Footage]:
    qs = Footage.objects.select_related("technique", "technique__craft", "step")
    if technique is not None:
        qs = qs.filter(technique=technique)
    return _search(qs, q, ["title", "credit", "reference", "technique__name", "technique__craft__name",
                           "technique__craft__region"]).order_by("technique__craft__name", "technique__name", "title", "pk")


def archive_todo(*, limit: int = 10) -> dict[str, list]:
    """What a curator should fix: inheritors who need a proxy but have no usable one, recordings with
    no transcript or no file/reference, techniques without steps."""
    from .signing import NEEDS_PROXY, inheritors_with_signer

    return {
        "inheritors_without_signer": list(
            inheritors_with_signer().filter(NEEDS_PROXY, signer_id__isnull=True)
            .select_related("craft").order_by("craft__name", "name")[:limit]),
        "recordings_without_transcript": list(
            Recording.objects.filter(segments__isnull=True).select_related("craft").order_by("-recorded_on")[:limit]),
        "techniques_without_steps": list(
            Technique.objects.filter(steps__isnull=True).select_related("craft").order_by("craft__name", "name")[:limit]),
    }


def technique_steps(*, technique: Technique):
    return technique.steps.order_by("order")


def recording_segments(*, recording: Recording) -> QuerySet[TranscriptSegment]:
    return recording.segments.order_by("start_ms")


def recording_cues(*, recording: Recording) -> list[Cue]:
    return [
        Cue(start_ms=s.start_ms, end_ms=s.end_ms, text=s.text, speaker=s.speaker)
        for s in recording_segments(recording=recording)
    ]


def template_techniques(*, recording: Recording) -> QuerySet[Technique]:
    """Techniques whose saved prompt template was normalized from ``recording``."""
    return Technique.objects.filter(**{f"prompt_template__{Technique.TEMPLATE_SOURCE_KEY}": recording.pk})


def deletion_blockers(*, obj: Model, limit: int = 10, marked: bool = False) -> list[str]:
    """Rows that a PROTECT (or RESTRICT) foreign key keeps alive: deleting ``obj`` would fail while they
    exist. Returned as readable labels, at most ``limit``. ``marked``: for a page, as HTML whose Chinese
    names carry ``lang`` in English (heritage/langmark.py), e.g. 「Inheritor: <span lang="zh-Hans">姚建萍(苏绣)</span>」."""
    fill = mark_in if marked else (lambda template, **values: template % values)
    collector = NestedObjects(using=router.db_for_write(obj.__class__))
    collector.collect([obj])
    blockers = sorted({fill(_("%(kind)s:%(obj)s"), kind=o._meta.verbose_name, obj=o) for o in collector.protected})
    if isinstance(obj, Recording):  # a saved prompt template names the recording it was normalized from
        blockers += sorted(fill(_("技法「%(t)s」的提示词模板"), t=t.name) for t in template_techniques(recording=obj))
    more = len(blockers) - limit
    return blockers[:limit] + ([ngettext("以及另外 %(n)d 条记录。", "以及另外 %(n)d 条记录。", more) % {"n": more}]
                               if more > 0 else [])

