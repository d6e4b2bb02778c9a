"""Consent and attribution, decided once when a job is created (see docs/ARCHITECTURE.md).

Likeness (speech-driven video, S2V): ``likeness_allows`` is the one rule saying whether a portrait may
drive a video, ``likeness_public`` whether such a video may be shown to the public, ``likeness_check``
refuses a job with a Chinese message, and ``s2v_attribution`` writes the text of the visible label
「由<传承人>口述录音驱动」.
"""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from archive.models import InheritorPortrait

from . import parameters as params

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


# --- Until branch `rules` (consent_check, attribution_compose, the job's attribution fields) is merged:
# the same signatures, so that merge keeps rules' versions and drops these.
GENERATION_CONSENT = ("generation", "public")


def consent_check(*, user, recordings) -> None:
    from archive.roles import is_curator

    for rec in recordings:
        if rec.consent_scope == "archive" and user is not None and not is_curator(user):
            raise PermissionDenied(_("您无权读取录音「%(t)s」的转写。") % {"t": rec.title})
        if rec.consent_scope not in GENERATION_CONSENT:
            raise params.ParameterError({"recording": [
                _("该录音的授权范围(%(scope)s)不允许用于 AI 重构,不能据此生成视频。")
                % {"scope": rec.get_consent_scope_display()}]})


def attribution_compose(*, technique=None, recordings, span=None):
    sources = [{"recording": rec.pk, "title": rec.title, "consent_scope": rec.consent_scope,
                "span": list(span) if span else None} for rec in recordings]
    return "", sources


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
    return {"attribution": text, "attribution_sources": sources, "consent": "recording+likeness"}
