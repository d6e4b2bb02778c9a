"""Writes for the archive (HackSoft style: keyword-only, typed arguments; every write validates with
``full_clean`` and runs in a transaction, so a failed write changes nothing)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.db.models import Model, ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from .models import (Craft, Footage, Inheritor, InheritorPortrait, Recording, SignerChange, Technique, TechniqueStep,
                     TranscriptSegment)
from .selectors import deletion_blockers
from heritage.timecode import format_ms as fmt_ms, overlaps, parse_vtt_timestamp as parse_timestamp
from heritage.webvtt import Cue


class DeleteBlocked(Exception):
    """Deleting would break rows that depend on the object (PROTECT foreign keys)."""

    def __init__(self, obj: Model, blockers: list[str]):
        self.obj = obj
        self.blockers = blockers
        super().__init__(
            _("无法删除“%(obj)s”:仍有 %(n)d 条记录依赖它,请先处理这些记录。") % {"obj": obj, "n": len(blockers)}
        )


def _apply(instance: Model, data: dict[str, Any]) -> Model:
    for field, value in data.items():
        setattr(instance, field, value)
    instance.full_clean()
    instance.save()
    return instance


# --- Crafts, inheritors, techniques, recordings, footage ---------------------------------------------

@transaction.atomic
def craft_create(*, name: str, slug: str, category: str, region: str, name_en: str = "",
                 description: str = "", featured: bool = False) -> Craft:
    return _apply(Craft(), dict(name=name, slug=slug, category=category, region=region, name_en=name_en,
                                description=description, featured=featured))


@transaction.atomic
def craft_update(*, craft: Craft, data: dict[str, Any]) -> Craft:
    return _apply(craft, data)


# Fields that decide who may sign for an inheritor (archive/signing.py). A change to any of them is a
# SignerChange that takes effect only when a second curator or an admin confirms it.
SIGNER_FIELDS = ("status", "able_to_sign", "user", "proxy_name", "proxy_user", "proxy_relation", "proxy_document")


def _signer_values(inheritor: Inheritor) -> dict:
    return {"status": inheritor.status, "able_to_sign": inheritor.able_to_sign, "user": inheritor.user_id,
            "proxy_name": inheritor.proxy_name, "proxy_user": inheritor.proxy_user_id,
            "proxy_relation": inheritor.proxy_relation, "proxy_document": inheritor.proxy_document.name or ""}


def _request_signer_change(inheritor: Inheritor, candidate: Inheritor, document, actor) -> SignerChange | None:
    """Record the signer fields of ``candidate`` that differ from ``inheritor``'s as a pending change."""
    before, after = _signer_values(inheritor), _signer_values(candidate)
    if document is not None:
        after["proxy_document"] = "(new)"
    if before == after:
        return None
    from heritage.permissions import allowed

    if actor is None:
        raise PermissionDenied(_("修改签署人需要记录申请人。"))
    if not allowed(actor, "archive.request_signer_change", inheritor):
        raise PermissionDenied(_("您的账户没有权限进行此操作。"))
    inheritor.signer_changes.filter(state=SignerChange.State.PENDING).update(state=SignerChange.State.SUPERSEDED)
    change = SignerChange(inheritor=inheritor, before=before, after=after, requested_by=actor)
    if document is not None:
        change.proxy_document = document
    change.save()
    if document is not None:
        change.after["proxy_document"] = change.proxy_document.name
        change.save(update_fields=["after"])
    return change


def _split(data: dict[str, Any]):
    signer = {k: v for k, v in data.items() if k in SIGNER_FIELDS}
    rest = {k: v for k, v in data.items() if k not in SIGNER_FIELDS}
    return signer, rest


def _candidate(inheritor: Inheritor, data: dict[str, Any]):
    """A copy of ``inheritor`` with ``data`` applied and validated (nothing saved); and the new
    authority document, if one was uploaded."""
    candidate = Inheritor(**{f.attname: getattr(inheritor, f.attname) for f in Inheritor._meta.concrete_fields})
    candidate._state.adding = inheritor._state.adding
    candidate._state.db = inheritor._state.db
    document = None
    for field, value in data.items():
        if field == "proxy_document":
            if value and not isinstance(value, FieldFile):
                document = value
            elif not value:
                value = ""
        setattr(candidate, field, value)
    candidate.full_clean()
    return candidate, document


@transaction.atomic
def inheritor_create(*, data: dict[str, Any], actor=None) -> Inheritor:
    """Create the inheritor; who may sign for them (account, status, proxy, authority document) is a
    pending SignerChange until a second curator or an admin confirms it."""
    candidate, document = _candidate(Inheritor(), data)
    _signer, rest = _split(data)
    inheritor = _apply(Inheritor(), rest)
    _request_signer_change(inheritor, candidate, document, actor)
    return inheritor


@transaction.atomic
def inheritor_update(*, inheritor: Inheritor, data: dict[str, Any], actor=None) -> Inheritor:
    """Other fields are saved at once; a change to who may sign becomes a pending SignerChange."""
    current = Inheritor.objects.select_for_update().get(pk=inheritor.pk)  # the form may have changed ``inheritor``
    candidate, document = _candidate(current, data)
    _signer, rest = _split(data)
    inheritor = _apply(current, rest)
    _request_signer_change(inheritor, candidate, document, actor)
    return inheritor


@transaction.atomic
def signer_change_confirm(*, change: SignerChange, actor) -> Inheritor:
    """A second curator (not the one who asked) or an admin confirms: the change takes effect now."""
    from heritage.permissions import allowed

    change = SignerChange.objects.select_for_update().get(pk=change.pk)
    if not allowed(actor, "archive.confirm_signer_change", change):
        raise PermissionDenied(_("只有另一位策展人或管理员可以确认签署人变更。"))
    if change.state != SignerChange.State.PENDING:
        raise ValidationError(_("这项变更已处理(%(s)s)。") % {"s": change.get_state_display()})
    inheritor = Inheritor.objects.select_for_update().get(pk=change.inheritor_id)
    if _signer_values(inheritor) != change.before:
        raise ValidationError(_("传承人的签署信息在申请后已被改动,请重新提交变更。"))
    after = change.after
    inheritor.status = after["status"]
    inheritor.able_to_sign = after["able_to_sign"]
    inheritor.user_id = after["user"]
    inheritor.proxy_name = after["proxy_name"]
    inheritor.proxy_user_id = after["proxy_user"]
    inheritor.proxy_relation = after["proxy_relation"]
    inheritor.proxy_document = after["proxy_document"]
    inheritor.full_clean()
    inheritor.save()
    change.state = SignerChange.State.CONFIRMED
    change.decided_by = actor
    change.decided_at = timezone.now()
    change.save(update_fields=["state", "decided_by", "decided_at"])
    return inheritor


@transaction.atomic
def signer_change_reject(*, change: SignerChange, actor) -> SignerChange:
    from heritage.permissions import allowed

    change = SignerChange.objects.select_for_update().get(pk=change.pk)
    if not allowed(actor, "archive.confirm_signer_change", change):
        raise PermissionDenied(_("只有另一位策展人或管理员可以处理签署人变更。"))
    if change.state != SignerChange.State.PENDING:
        raise ValidationError(_("这项变更已处理(%(s)s)。") % {"s": change.get_state_display()})
    change.state = SignerChange.State.REJECTED
    change.decided_by = actor
    change.decided_at = timezone.now()
    change.save(update_fields=["state", "decided_by", "decided_at"])
    return change


@transaction.atomic
def portrait_create(*, inheritor: Inheritor, data: dict[str, Any]) -> InheritorPortrait:
    """A portrait and its likeness consent (checked by ``InheritorPortrait.clean``)."""
    return _apply(InheritorPortrait(inheritor=inheritor), data)


@transaction.atomic
def portrait_update(*, portrait: InheritorPortrait, data: dict[str, Any]) -> InheritorPortrait:
    return _apply(portrait, data)


@transaction.atomic
def technique_create(*, craft: Craft, name: str, slug: str, summary: str = "") -> Technique:
    return _apply(Technique(), dict(craft=craft, name=name, slug=slug, summary=summary))


@transaction.atomic
def technique_update(*, technique: Technique, data: dict[str, Any]) -> Technique:
    return _apply(technique, data)


@transaction.atomic
def recording_create(*, data: dict[str, Any]) -> Recording:
    return _apply(Recording(), data)


@transaction.atomic
def recording_update(*, recording: Recording, data: dict[str, Any]) -> Recording:
    return _apply(recording, data)


@transaction.atomic
def footage_create(*, data: dict[str, Any]) -> Footage:
    return _apply(Footage(), data)


@transaction.atomic
def footage_update(*, footage: Footage, data: dict[str, Any]) -> Footage:
    return _apply(footage, data)


def archive_object_delete(*, obj: Model) -> None:
    """Delete a craft, inheritor, technique, recording or footage row. Refuses, with the list of what
    depends on it, when PROTECT foreign keys would make the database refuse."""
    blockers = deletion_blockers(obj=obj)
    if blockers:
        raise DeleteBlocked(obj, blockers)
    try:
        with transaction.atomic():
            obj.delete()
    except (ProtectedError, RestrictedError) as exc:  # a row appeared between the check and the delete
        raise DeleteBlocked(obj, sorted({str(o) for o in exc.args[1]})[:10]) from exc


# --- Technique steps ------------------------------------------------------------------------------

@transaction.atomic
def technique_steps_save(*, technique: Technique, ordered: list[TechniqueStep], deleted: Iterable[TechniqueStep] = ()) -> list[TechniqueStep]:
    """Save the steps of a technique in the given order (numbered 1..n) and delete ``deleted``. Existing
    steps keep their ids (footage and generation jobs point at them). Moves go through temporary
    numbers, so swapping two steps never trips the unique (technique, order) constraint."""
    for step in deleted:
        if step.pk:
            try:
                with transaction.atomic():
                    step.delete()
            except (ProtectedError, RestrictedError) as exc:
                raise ValidationError(
                    _("步骤“%(step)s”已被其他记录引用(如审核或生成任务),不能删除。") % {"step": step.title}
                ) from exc
    existing = [s for s in ordered if s.pk]
    offset = 10000
    for n, step in enumerate(existing, start=1):
        TechniqueStep.objects.filter(pk=step.pk).update(order=offset + n)
    for n, step in enumerate(ordered, start=1):
        step.technique = technique
        step.order = n
        step.full_clean(exclude=["technique"], validate_constraints=False)
        step.save()
    return ordered


# --- Transcript ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class SegmentInput:
    start_ms: int
    end_ms: int
    text: str
    speaker: str = ""
    id: int | None = None


def segments_check(*, segments: list[SegmentInput]) -> list[tuple[int, str]]:
    """Problems in a whole transcript as (index in ``segments``, message): end before start, empty text,
    overlap with another segment. Empty when the transcript is consistent."""
    problems: list[tuple[int, str]] = []
    for i, s in enumerate(segments):
        if s.end_ms <= s.start_ms:
            problems.append((i, _("结束时间 %(end)s 必须晚于开始时间 %(start)s。") % {"end": fmt_ms(s.end_ms), "start": fmt_ms(s.start_ms)}))
        if not s.text.strip():
            problems.append((i, _("文本不能为空。")))
    order = sorted((i for i, s in enumerate(segments) if s.end_ms > s.start_ms), key=lambda i: (segments[i].start_ms, i))
    for a, b in zip(order, order[1:]):
        if overlaps((segments[a].start_ms, segments[a].end_ms), (segments[b].start_ms, segments[b].end_ms)):
            problems.append((b, _("与另一片段 %(start)s–%(end)s 时间重叠。") % {
                "start": fmt_ms(segments[a].start_ms), "end": fmt_ms(segments[a].end_ms)}))
    return problems


@transaction.atomic
def transcript_save(*, recording: Recording, segments: list[SegmentInput]) -> list[TranscriptSegment]:
    """Make the recording's transcript exactly ``segments``: update those with an id, create the rest,
    delete the segments not listed. Validates the whole transcript first; on any problem raises
    ``ValidationError`` and changes nothing."""
    problems = segments_check(segments=segments)
    if problems:
        raise ValidationError([f"#{i + 1}: {msg}" for i, msg in problems])
    current = {s.pk: s for s in recording.segments.all()}
    keep_ids = {s.id for s in segments if s.id}
    unknown = keep_ids - set(current)
    if unknown:
        raise ValidationError(_("片段不属于这条录音,可能已被他人删除,请刷新页面。"))
    recording.segments.exclude(pk__in=keep_ids).delete()
    saved = []
    for s in segments:
        row = current.get(s.id) if s.id else TranscriptSegment(recording=recording)
        row.start_ms, row.end_ms, row.text, row.speaker = s.start_ms, s.end_ms, s.text.strip(), s.speaker.strip()
        # Field checks only (lengths, types). The model's clean() compares with the rows still in the
        # database, which is wrong while several segments move at once; overlap and order were checked
        # on the whole new transcript above.
        row.clean_fields(exclude=["recording"])
        saved.append(row)
    for row in saved:
        row.save()
    return saved


def transcript_part_problems(*, recording: Recording, segments: list[SegmentInput],
                             replacing_ids: set[int]) -> list[tuple[int, str]]:
    """Problems with putting ``segments`` in place of the segments ``replacing_ids`` (one page of the
    editor) while the recording's other segments stay: (index in ``segments``, message). An overlap with
    an untouched segment is reported on the edited segment, naming the other one's times."""
    current = {s.pk: s for s in recording.segments.all()}
    if not replacing_ids <= set(current) or not {s.id for s in segments if s.id} <= replacing_ids:
        return [(0, _("片段不属于这条录音,可能已被他人删除,请刷新页面。"))]
    others = [SegmentInput(start_ms=s.start_ms, end_ms=s.end_ms, text=s.text, speaker=s.speaker, id=s.pk)
              for pk, s in current.items() if pk not in replacing_ids]
    problems = [(i, msg) for i, msg in segments_check(segments=segments)]
    for i, mine in enumerate(segments):
        if mine.end_ms <= mine.start_ms:
            continue
        for other in others:
            if overlaps((mine.start_ms, mine.end_ms), (other.start_ms, other.end_ms)):
                problems.append((i, _("与另一片段 %(start)s–%(end)s 时间重叠。") % {
                    "start": fmt_ms(other.start_ms), "end": fmt_ms(other.end_ms)}))
                break
    return problems


@transaction.atomic
def transcript_save_part(*, recording: Recording, segments: list[SegmentInput],
                         replacing_ids: set[int]) -> list[TranscriptSegment]:
    """Replace the segments ``replacing_ids`` with ``segments``; the other segments stay as they are.
    Validated against the whole resulting transcript first; on a problem nothing changes."""
    problems = transcript_part_problems(recording=recording, segments=segments, replacing_ids=replacing_ids)
    if problems:
        raise ValidationError([f"#{i + 1}: {msg}" for i, msg in problems])
    others = [SegmentInput(start_ms=s.start_ms, end_ms=s.end_ms, text=s.text, speaker=s.speaker, id=s.pk)
              for s in recording.segments.exclude(pk__in=replacing_ids)]
    return transcript_save(recording=recording, segments=others + segments)


def _cues_to_inputs(cues: Iterable[Cue]) -> list[SegmentInput]:
    return [SegmentInput(start_ms=c.start_ms, end_ms=c.end_ms, text=c.text, speaker=c.speaker) for c in cues]


@transaction.atomic
def transcript_import(*, recording: Recording, cues: list[Cue], mode: str = "replace") -> list[TranscriptSegment]:
    """Import parsed cues. ``replace`` swaps the whole transcript; ``append`` adds the cues to the
    existing segments, refusing if any would overlap them. Validated as a whole before anything is
    written: a bad file leaves the saved transcript as it was."""
    if mode not in {"replace", "append"}:
        raise ValidationError(_("未知的导入方式:%(mode)s") % {"mode": mode})
    if not cues:
        raise ValidationError(_("文件中没有任何字幕块。"))
    new = _cues_to_inputs(cues)
    if mode == "append":
        existing = [SegmentInput(start_ms=s.start_ms, end_ms=s.end_ms, text=s.text, speaker=s.speaker, id=s.pk)
                    for s in recording.segments.all()]
        combined = existing + new
        problems = segments_check(segments=combined)
        if problems:
            messages = []
            for i, msg in problems:
                if i >= len(existing):
                    messages.append(_("导入的第 %(n)d 条:%(msg)s") % {"n": i - len(existing) + 1, "msg": msg})
                else:
                    messages.append(_("已有片段 %(start)s:%(msg)s") % {"start": fmt_ms(combined[i].start_ms), "msg": msg})
            raise ValidationError(messages)
        return transcript_save(recording=recording, segments=combined)
    return transcript_save(recording=recording, segments=new)


_TXT_TIME = re.compile(r"^\[(\d{1,2}:\d{2}:\d{2}\.\d{3})\]\s*(.*)$")
_TXT_SPEAKER = re.compile(r"^([^::,。,.!?!?\s]{1,20})[::](.+)$")


def plain_text_to_cues(*, text: str, seconds_per_line: int = 5) -> list[Cue]:
    """Plain text import. Lines as the plain-text export writes them (``[00:00:05.000] 说话人:文本``)
    keep their start time and speaker, and end where the next line starts (the last one
    ``seconds_per_line`` later). Other lines are untimed: one cue every ``seconds_per_line`` seconds
    after the previous one, for a curator to time in the segment editor."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    step = seconds_per_line * 1000
    starts: list[int | None] = []
    bodies: list[tuple[str, str]] = []
    for line in lines:
        m = _TXT_TIME.match(line)
        speaker = ""
        if m:
            starts.append(parse_timestamp(m.group(1)))
            line = m.group(2)
            sm = _TXT_SPEAKER.match(line)
            if sm:
                speaker, line = sm.group(1), sm.group(2).strip()
        else:
            starts.append(None)
        bodies.append((speaker, line))
    cues, t = [], 0
    for i, (speaker, body) in enumerate(bodies):
        start = starts[i] if starts[i] is not None else t
        following = starts[i + 1] if i + 1 < len(starts) else None
        end = following if (starts[i] is not None and following is not None and following > start) else start + step
        cues.append(Cue(start_ms=start, end_ms=end, text=body, speaker=speaker))
        t = end
    return cues
