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
and the gallery all read ``GenerationJob.attribution``. The recordings a job read are its foreign keys
``recording`` and ``template_recording`` (both PROTECT).

After the job: ``consent_withdrawn`` reads the same rules again (a queued or running job, a clip waiting
for review, sign-off or archiving), and ``sources_consent_q`` is ``consent_allows`` as a query condition
with which ``records.selectors.public_records`` keeps an archived video out of public view while a
recording it rests on no longer allows AI reconstruction (``public_withdrawn`` says why, for curators).

Likeness (speech-driven video, 口述影像): ``likeness_allows`` is the one rule saying whether a portrait may
drive a video, ``likeness_public`` whether such a video may be shown to the public (``likeness_allows_q``
and ``likeness_public_q`` are the same rules as query conditions, used by ``records.selectors``),
``likeness_check`` refuses a job with a Chinese message, and ``s2v_attribution`` writes the attribution of
a speech-driven video, 「由<传承人>口述录音驱动」, which ``s2v_decision`` stores on the job like ``decide``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from archive.models import InheritorPortrait, Recording

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
    # the recording the action description (a saved template, or an edit of one) was normalized from,
    # stored on the job as ``template_recording`` (PROTECT)
    template_recording: Recording | None = None


def source_recording_id(description: dict | None):
    value = (description or {}).get(SOURCE_RECORDING_KEY)
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def template_source(action_description: dict | None) -> Recording | None:
    """The recording an action description (a saved template, or an edit of one) was normalized from;
    None when it names none. A named recording that is gone is refused (ParameterError)."""
    rid = source_recording_id(action_description)
    if rid is None:
        return None
    rec = Recording.objects.filter(pk=rid).select_related("speaker").first()
    if rec is None:
        raise params.ParameterError({"input": [_("提示词模板的来源录音已不存在。")]})
    return rec


def job_sources(*, recording=None, action_description: dict | None = None) -> list[Recording]:
    """The recordings whose text a job reads: its transcript span's, and the one its action description
    (a saved template, or an edit of one) was normalized from."""
    found: list[Recording] = []
    if recording is not None:
        found.append(recording)
    rec = template_source(action_description)
    if rec is not None and all(r.pk != rec.pk for r in found):
        found.append(rec)
    return found


def consent_allows(recording: Recording) -> bool:
    """The one consent rule: may this recording be used for AI reconstruction? Read when a job is made,
    again before it runs and before its clip is submitted, signed or archived (``consent_withdrawn``), and
    at every public request for the archived video (``sources_consent_q``, the same rule as a query)."""
    return recording.consent_scope in GENERATION_CONSENT


def consent_allows_q(prefix: str = "") -> Q:
    """``consent_allows`` as a query condition on recordings (``prefix`` e.g. "clip__job__recording__");
    tests/test_consent_after_archiving.py checks that both agree on every scope."""
    return Q(**{f"{prefix}consent_scope__in": GENERATION_CONSENT})


# The job's foreign keys to the recordings it read (``job_sources``): its transcript span's, and the one its
# template was normalized from. Both PROTECT, so none of them is ever gone.
JOB_SOURCE_FIELDS = ("recording", "template_recording")


def sources_consent_q(job: str = "clip__job") -> Q:
    """A job (``job`` the path to it, e.g. "clip__job" from an archive record) every recording of which still
    allows AI reconstruction (``consent_allows_q``), or that read none. Used by
    ``records.selectors.public_records``: a video whose source's consent was narrowed after it was
    archived leaves the gallery, its manifest, search and media URLs at the next request, and comes back
    when the consent is widened again; the archive record itself never changes."""
    cond = Q()
    for name in JOB_SOURCE_FIELDS:
        cond &= Q(**{f"{job}__{name}__isnull": True}) | consent_allows_q(f"{job}__{name}__")
    return cond


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
    template = next((r for r in recordings if r.pk == source_recording_id(action_description)), None)
    return Decision(attribution=text, sources=sources, consent="recording" if recordings else "none",
                    template_recording=template)


def consent_withdrawn(job) -> str:
    """Why the consent a job rests on no longer holds, in words ("" while it holds): a recording the job
    read (``consent`` "recording" or "rec+likeness": the sources stored on it) whose consent no longer
    allows AI reconstruction (``consent_allows``) or that is gone, or, for a speech-driven video, a
    portrait whose likeness consent no longer allows it (``likeness_allows``). The same rules as at
    creation, read again: before a job runs and before its clip is stored (``job_execute``), and by the
    review's submit, sign and archive guards (review/workflow.py), so nothing made or kept after a
    withdrawal is signed or published."""
    lapsed = _lapsed_source(job)
    if lapsed is None:
        return ""
    if lapsed == "gone":
        return _("该视频依据的口述史录音已被删除,无法确认其授权,不能继续。")
    if isinstance(lapsed, Recording):
        return _("录音「%(t)s」的授权范围已改为「%(scope)s」,不再允许用于 AI 重构:"
                 "据此生成的视频不能再生成、送审、签署或归档。") % {
            "t": lapsed.title, "scope": lapsed.get_consent_scope_display()}
    return _("人像「%(t)s」的肖像授权已撤回或不再完整(授权范围:%(scope)s):"
             "据此生成的口述影像不能再生成、送审、签署或归档。") % {
        "t": lapsed.title, "scope": lapsed.get_consent_scope_display()}


def _source_recording_ids(job) -> list:
    """The recordings a job read (``consent`` "recording" or "rec+likeness"): its sources and its own."""
    if job.consent not in ("recording", "rec+likeness"):
        return []
    ids = [s["recording"] for s in (job.attribution_sources or []) if isinstance(s, dict) and s.get("recording")]
    for own in (getattr(job, f"{name}_id") for name in JOB_SOURCE_FIELDS):
        if own and own not in ids:
            ids.append(own)
    return ids


def fetch_consent_sources(jobs) -> None:
    """For a list's page: read the recordings and portraits the jobs' consent rests on in two queries, kept on
    each job (``page_consent_sources``) for ``_lapsed_source``, which otherwise reads them afresh."""
    jobs = list(jobs)
    recordings = {rec.pk: rec for rec in
                  Recording.objects.filter(pk__in={pk for job in jobs for pk in _source_recording_ids(job)})}
    portraits = InheritorPortrait.objects.select_related("inheritor").in_bulk(
        {job.portrait_id for job in jobs if job.portrait_id})
    for job in jobs:
        job.page_consent_sources = (recordings, portraits)


def _lapsed_source(job):
    """The first source whose consent no longer holds: a Recording (``consent_allows``), "gone" (a recording
    the job read was deleted), an InheritorPortrait (``likeness_allows``); None while all hold."""
    fetched = getattr(job, "page_consent_sources", None)
    ids = _source_recording_ids(job)
    if ids:
        found = fetched[0] if fetched else {rec.pk: rec for rec in Recording.objects.filter(pk__in=ids)}
        for rid in ids:
            rec = found.get(rid)
            if rec is None:
                return "gone"
            if not consent_allows(rec):
                return rec
    if job.portrait_id:
        portrait = (fetched[1][job.portrait_id] if fetched else
                    InheritorPortrait.objects.select_related("inheritor").get(pk=job.portrait_id))
        if not likeness_allows(portrait):
            return portrait
    return None


def public_withdrawn(job) -> str:
    """Why an archived video made by ``job`` is no longer shown to the public because of the consent it
    rests on, in words for the curator ("" while it may be shown): the same rules as ``public_records``
    applies as queries (``sources_consent_q``, ``likeness_public_q``)."""
    lapsed = _lapsed_source(job)
    if isinstance(lapsed, Recording):
        return _("录音「%(t)s」的授权范围已改为「%(scope)s」,不再允许用于 AI 重构:据此生成的视频已从展厅、"
                 "IIIF 清单、检索和公开媒体地址撤下(档案记录本身不变;授权恢复后重新公开)。") % {
            "t": lapsed.title, "scope": lapsed.get_consent_scope_display()}
    if job.portrait_id:
        portrait = InheritorPortrait.objects.select_related("inheritor").get(pk=job.portrait_id)
        if not likeness_public(portrait):
            return _("人像「%(t)s」的肖像授权不允许公开展示(授权范围:%(scope)s):该口述影像不在展厅公开"
                     "(档案记录本身不变;授权恢复后重新公开)。") % {
                "t": portrait.title, "scope": portrait.get_consent_scope_display()}
    return ""


# --- Likeness (speech-driven video, 口述影像) ------------------------------------------------------------
S2V_ATTRIBUTION_TEMPLATE = "由{names}口述录音驱动"
LIKENESS_CONSENT = (InheritorPortrait.LikenessScope.ARCHIVE, InheritorPortrait.LikenessScope.PUBLIC)


def likeness_allows(portrait: InheritorPortrait) -> bool:
    """The one likeness rule: may this portrait drive a speech-driven video? A recorded consent (scope
    archive or public, who gave it, when), and for an inheritor who has died or cannot sign, given by a
    proxy with the authority document on file."""
    if portrait.consent_scope not in LIKENESS_CONSENT:
        return False
    if not (portrait.consent_given_by.strip() and portrait.consent_date):
        return False
    if portrait.inheritor.needs_proxy and not (portrait.consent_by_proxy and portrait.consent_document):
        return False
    return True


def likeness_allows_q(prefix: str = "") -> Q:
    """``likeness_allows`` as a query condition on portraits (``prefix`` e.g. "clip__job__portrait__");
    tests/test_s2v_jobs.py checks that both agree on every combination."""
    proxy_ok = Q(**{f"{prefix}consent_by_proxy": True}) & ~Q(**{f"{prefix}consent_document": ""})
    needs_proxy = Q(**{f"{prefix}inheritor__status": "deceased"}) | Q(**{f"{prefix}inheritor__able_to_sign": False})
    return (Q(**{f"{prefix}consent_scope__in": LIKENESS_CONSENT}) & ~Q(**{f"{prefix}consent_given_by": ""})
            & Q(**{f"{prefix}consent_date__isnull": False}) & (~needs_proxy | proxy_ok))


def likeness_public_q(prefix: str = "") -> Q:
    """``likeness_public`` as a query condition on the rows that may carry a portrait (``prefix`` up to and
    including the portrait field, e.g. "clip__job__portrait"): no portrait, or one whose likeness consent
    allows public showing. Used by ``records.selectors.public_records``."""
    return Q(**{f"{prefix}__isnull": True}) | (
        likeness_allows_q(f"{prefix}__") & Q(**{f"{prefix}__consent_scope": InheritorPortrait.LikenessScope.PUBLIC}))


def likeness_public(portrait: InheritorPortrait | None) -> bool:
    """May a video driven by this portrait be shown to the public (once signed and archived)?"""
    return portrait is None or (likeness_allows(portrait)
                                and portrait.consent_scope == InheritorPortrait.LikenessScope.PUBLIC)


def likeness_check(*, portrait: InheritorPortrait, recording=None) -> None:
    """Refuse (ParameterError on ``portrait``) a portrait whose likeness consent does not allow a
    speech-driven video, or whose inheritor is not the speaker of the recording."""
    if not likeness_allows(portrait):
        if portrait.consent_scope not in LIKENESS_CONSENT:
            why = _("该人像没有肖像授权(授权范围:%(scope)s),不能用于语音驱动视频。") % {
                "scope": portrait.get_consent_scope_display()}
        elif portrait.inheritor.needs_proxy and not (portrait.consent_by_proxy and portrait.consent_document):
            why = _("该传承人已故或无法亲自签署,肖像授权须由代理人给出并附授权文件,目前缺少。")
        else:
            why = _("该人像的肖像授权不完整(缺少授权人或授权日期),不能用于语音驱动视频。")
        raise params.ParameterError({"portrait": [why]})
    if recording is not None and recording.speaker_id and recording.speaker_id != portrait.inheritor_id:
        raise params.ParameterError({"portrait": [
            _("人像是%(p)s,录音的讲述人是%(s)s:只能用讲述人本人的人像。")
            % {"p": portrait.inheritor.name, "s": recording.speaker.name}]})


def s2v_attribution(*, portrait: InheritorPortrait, recording=None) -> str:
    """「由<传承人>口述录音驱动」: the speaker of the recording (the portrait's inheritor)."""
    name = ""
    if recording is not None:
        name = (recording.speaker.name if recording.speaker_id else recording.speaker_name or "").strip()
    return S2V_ATTRIBUTION_TEMPLATE.format(names=name or portrait.inheritor.name)


def recording_consent_check(*, user, recording) -> None:
    """The recording's consent to AI reconstruction (and the requester's right to read it), by the same
    rule as every other job."""
    consent_check(user=user, recordings=[recording])


def s2v_decision(*, portrait: InheritorPortrait, recording, span) -> dict:
    """What ``s2v_job_create`` stores on the job: the attribution text of the visible label and the
    sign-off, its sources, and the consent it rests on (the recording's and the portrait's)."""
    text = s2v_attribution(portrait=portrait, recording=recording)
    _text, sources = attribution_compose(recordings=[recording], span=span)
    sources.append({"portrait": portrait.pk, "inheritor": portrait.inheritor.name,
                    "likeness_scope": portrait.consent_scope, "likeness_given_by": portrait.consent_given_by,
                    "likeness_date": portrait.consent_date.isoformat() if portrait.consent_date else None,
                    "likeness_by_proxy": portrait.consent_by_proxy})
    return {"attribution": text, "attribution_sources": sources, "consent": "rec+likeness"}
