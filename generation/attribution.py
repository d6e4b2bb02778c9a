"""Consent to AI reconstruction and the attribution, each decided by one function when a job is created.

``job_sources`` lists the oral-history recordings a job reads: the transcript span it was given, or the
recording a saved prompt template (or an edited action description) was normalized from.
``consent_check`` refuses the job when the requester may not read one of them
(``archive.read_recording``) or when its consent does not allow AI reconstruction; every job path
(technique, template, recording span, batch, retry, regeneration from a change request) goes through
``generation.services.job_create``, which calls it. ``attribution_compose`` writes the attribution,
「基于<传承人>口述重构」, from the speakers of those recordings (for a job that read none, the
technique's recordings whose consent allows AI reconstruction). ``job_create`` stores both on the job;
the burned-in label, the video metadata, the review (the text the inheritor signs), the C2PA manifest
and the gallery all read ``GenerationJob.attribution``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from archive.models import Recording

from . import parameters as params
from .prompting.services import SOURCE_RECORDING_KEY

# Consent scopes that allow AI reconstruction.
GENERATION_CONSENT = (Recording.ConsentScope.GENERATION, Recording.ConsentScope.PUBLIC)
ATTRIBUTION_TEMPLATE = "基于{names}口述重构"


@dataclass
class Decision:
    """What ``job_create`` stores on the job."""

    attribution: str = ""
    sources: list[dict] = field(default_factory=list)
    consent: str = ""  # "recording": the job reads recordings that allow it; "none": it reads none


def source_recording_id(description: dict | None):
    value = (description or {}).get(SOURCE_RECORDING_KEY)
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def job_sources(*, recording=None, action_description: dict | None = None) -> list[Recording]:
    """The recordings whose text a job reads: its transcript span's, and the one its action description
    (a saved template, or an edit of one) was normalized from."""
    found: list[Recording] = []
    if recording is not None:
        found.append(recording)
    rid = source_recording_id(action_description)
    if rid is not None and all(r.pk != rid for r in found):
        rec = Recording.objects.filter(pk=rid).select_related("speaker").first()
        if rec is None:
            raise params.ParameterError({"input": [_("提示词模板的来源录音已不存在。")]})
        found.append(rec)
    return found


def consent_allows(recording: Recording) -> bool:
    """The one consent rule: may this recording be used for AI reconstruction?"""
    return recording.consent_scope in GENERATION_CONSENT


def consent_check(*, user, recordings: list[Recording]) -> None:
    """Refuse a job that reads a recording the requester may not read (PermissionDenied) or whose consent
    forbids AI reconstruction (ParameterError on ``recording``). ``user`` None: a new take of an existing
    job's own sources (a change request's regeneration), whose reader was checked when it was made; the
    consent is checked again all the same."""
    from heritage.permissions import allowed

    for rec in recordings:
        if user is not None and not allowed(user, "archive.read_recording", rec):
            raise PermissionDenied(_("您无权读取录音「%(t)s」的转写。") % {"t": rec.title})
        if not consent_allows(rec):
            raise params.ParameterError({"recording": [
                _("该录音的授权范围(%(scope)s)不允许用于 AI 重构,不能据此生成视频。")
                % {"scope": rec.get_consent_scope_display()}]})


def attribution_compose(*, technique=None, recordings: list[Recording], span=None) -> tuple[str, list[dict]]:
    """「基于<传承人>口述重构」 from the speakers of ``recordings`` (else the technique's recordings whose
    consent allows AI reconstruction); ("", sources) when no speaker is known."""
    sources_of = list(recordings)
    if not sources_of and technique is not None:
        sources_of = list(Recording.objects.filter(technique=technique, consent_scope__in=GENERATION_CONSENT)
                          .select_related("speaker").order_by("recorded_on", "pk"))
    names, sources = [], []
    for rec in sources_of:
        name = (rec.speaker.name if rec.speaker_id else rec.speaker_name or "").strip()
        if name and name not in names:
            names.append(name)
        sources.append({"recording": rec.pk, "title": rec.title, "speaker": name,
                        "recorded_on": rec.recorded_on.isoformat(), "consent_scope": rec.consent_scope,
                        "span": list(span) if (span and recordings and rec.pk == recordings[0].pk) else None})
    return (ATTRIBUTION_TEMPLATE.format(names="、".join(names)) if names else ""), sources


def decide(*, user, technique=None, recording=None, action_description: dict | None = None,
           span=None) -> Decision:
    """Consent and attribution of a new job (called once, by ``job_create``, with the action description
    the job will actually use)."""
    recordings = job_sources(recording=recording, action_description=action_description)
    consent_check(user=user, recordings=recordings)
    text, sources = attribution_compose(technique=technique, recordings=recordings, span=span)
    return Decision(attribution=text, sources=sources, consent="recording" if recordings else "none")
