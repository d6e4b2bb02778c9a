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
from .roles import person_name
from .selectors import deletion_blockers
from heritage.inputs import control_character_at
from heritage.langmark import separator
from heritage.timecode import TimecodeError, format_ms as fmt_ms, overlaps, parse_bracketed
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


def _request_signer_change(inheritor: Inheritor, candidate: Inheritor, document, actor,
                           replace_pending: bool = False) -> SignerChange | None:
    """Record the signer fields of ``candidate`` that differ from ``inheritor``'s as a pending change. Another
    change still pending is never replaced silently: refused (``refuse_if_signer_change_pending``) unless the
    caller explicitly replaces it (``replace_pending``: it is recorded as superseded)."""
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
    refuse_if_signer_change_pending(inheritor=inheritor, replace=replace_pending)
    _supersede_pending(inheritor, actor)
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
def inheritor_update(*, inheritor: Inheritor, data: dict[str, Any], actor=None,
                     replace_pending: bool = False) -> Inheritor:
    """Other fields are saved at once; a change to who may sign becomes a pending SignerChange. While another
    one is pending, a change to who may sign is refused (``signer_change_pending``, nothing saved) unless
    ``replace_pending`` explicitly replaces it."""
    current = Inheritor.objects.select_for_update().get(pk=inheritor.pk)  # the form may have changed ``inheritor``
    candidate, document = _candidate(current, data)
    _signer, rest = _split(data)
    inheritor = _apply(current, rest)
    _request_signer_change(inheritor, candidate, document, actor, replace_pending)
    return inheritor


# The states of a SignerChange and who may move them: archive/signer_workflow.py (one table, django-fsm
# transitions). The services below run its actions (``signer_workflow.run``); the ``*_work`` functions are the
# work of its rows.

def _run(change: SignerChange, action: str, actor) -> SignerChange:
    from .signer_workflow import run

    return run(change=change, action=action, actor=actor)


def _supersede_pending(inheritor: Inheritor, actor) -> None:
    """A newer request replaces the pending one (the caller has refused it unless the curator chose to)."""
    for change in inheritor.signer_changes.filter(state=SignerChange.State.PENDING):
        _run(change, "supersede", actor)


def signer_change_confirm_work(change: SignerChange, actor) -> list[str]:
    """The change takes effect: the requested values are written on the inheritor (locked by the caller)."""
    inheritor = change.inheritor
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
    return signer_change_decided_work(change, actor)


def signer_change_decided_work(change: SignerChange, actor) -> list[str]:
    change.decided_by = actor
    change.decided_at = timezone.now()
    return ["decided_by", "decided_at"]


def signer_change_hand_over_work(change: SignerChange, actor) -> list[str]:
    change.handed_over_by = actor
    change.handed_over_at = timezone.now()
    return ["handed_over_by", "handed_over_at"]


@transaction.atomic
def signer_change_confirm(*, change: SignerChange, actor) -> Inheritor:
    """A second curator (not the one who asked) or an admin confirms: the change takes effect now."""
    return _run(change, "confirm", actor).inheritor


@transaction.atomic
def signer_change_reject(*, change: SignerChange, actor) -> SignerChange:
    return _run(change, "reject", actor)


@transaction.atomic
def signer_change_hand_over(*, change: SignerChange, actor) -> SignerChange:
    """The curator who confirmed a request of a new set-password link, and so received the link, marks it as
    handed to the inheritor: who and when are kept on the request (once)."""
    return _run(change, "hand_over", actor)


def account_set_password_path(*, user) -> str:
    """The path of a one-time link with which ``user`` sets their own password (Django's password-reset
    token: it stops working once the password is set, or after ``PASSWORD_RESET_TIMEOUT``)."""
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    return reverse("password_reset_confirm", kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                                                     "token": default_token_generator.make_token(user)})


PASSWORD_LINK_KEY = SignerChange.PASSWORD_LINK_KEY


def pending_signer_change(*, inheritor: Inheritor) -> SignerChange | None:
    return inheritor.signer_changes.filter(state=SignerChange.State.PENDING).first()


def signer_change_asked(change: SignerChange) -> dict[str, str]:
    """Who asked for ``change`` and when, as the messages name them (``who``, ``when``)."""
    return {"who": person_name(change.requested_by),
            "when": timezone.localtime(change.requested_at).strftime("%Y-%m-%d %H:%M")}


def refuse_if_signer_change_pending(*, inheritor: Inheritor, replace: bool = False) -> None:
    """A new signer change (an edit of who may sign, a new account, a new link for a signing account) is
    refused while another one waits for confirmation, naming it, unless the curator explicitly replaces it
    (``replace``: it is superseded)."""
    change = pending_signer_change(inheritor=inheritor)
    if change is not None and not replace:
        raise ValidationError(
            _("已有一项待确认的签署人变更(%(who)s 于 %(when)s 申请);请等它被确认或驳回,或明确撤销它后再试。")
            % signer_change_asked(change), code="signer_change_pending")


def account_signs(*, inheritor: Inheritor, user) -> bool:
    """Whether ``user`` already signs for ``inheritor``: the confirmed signing account, or one that has signed
    a sign-off for them. A new set-password link for such an account changes who controls the signature."""
    return user.pk == inheritor.user_id or inheritor.signoffs.filter(signed_by=user).exists()


def link_account(*, inheritor: Inheritor):
    """The account a set-password link is for: the confirmed signing account, else the one a pending signer
    change names (a new account waiting for confirmation), else None. For ``account_link_request`` and the
    inheritor page's button."""
    from django.contrib.auth import get_user_model

    if inheritor.user_id:
        return inheritor.user
    change = pending_signer_change(inheritor=inheritor)
    pk = change.after.get("user") if change is not None else None
    return get_user_model().objects.filter(pk=pk).first() if pk else None


@dataclass
class AccountLink:
    user: Any
    path: str = ""  # the link, when it may be handed over now
    change: SignerChange | None = None  # else the pending request a second curator confirms


@transaction.atomic
def account_link_request(*, inheritor: Inheritor, actor, replace: bool = False) -> AccountLink:
    """A new one-time set-password link for the inheritor's account (screen and API). The account is the
    confirmed signing account, else the one a pending signer change names. For an account that already signs
    (``account_signs``) the link is itself a change of who controls the signature: it becomes a pending
    SignerChange (``PASSWORD_LINK_KEY``) and the link is given to the second curator or admin who confirms it
    (``signer_change_confirm``). An account not yet confirmed, that has never signed, gets its link at once."""
    inheritor = Inheritor.objects.select_for_update(of=("self",)).select_related("user").get(pk=inheritor.pk)
    user = link_account(inheritor=inheritor)
    if user is None:
        raise ValidationError(_("这位传承人还没有登录账户;请先新建。"), code="no_account")
    if not account_signs(inheritor=inheritor, user=user):
        return AccountLink(user=user, path=account_set_password_path(user=user))
    from heritage.permissions import allowed

    if not allowed(actor, "archive.request_signer_change", inheritor):
        raise PermissionDenied(_("您的账户没有权限进行此操作。"))
    refuse_if_signer_change_pending(inheritor=inheritor, replace=replace)
    _supersede_pending(inheritor, actor)
    before = _signer_values(inheritor)
    change = SignerChange.objects.create(inheritor=inheritor, before=before,
                                         after={**before, PASSWORD_LINK_KEY: user.pk}, requested_by=actor)
    return AccountLink(user=user, change=change)


def signer_change_link(*, change: SignerChange) -> tuple[Any, str] | None:
    """For a confirmed request of a new set-password link: (the account, the link), for the confirming
    curator to hand over; None for any other change."""
    from django.contrib.auth import get_user_model

    pk = change.after.get(PASSWORD_LINK_KEY)
    if change.state != SignerChange.State.CONFIRMED or not pk:
        return None
    user = get_user_model().objects.get(pk=pk)
    return user, account_set_password_path(user=user)


@transaction.atomic
def inheritor_account_create(*, name: str, username: str = ""):
    """A login for an inheritor: a new user in the inheritor group, with no usable password. Returns
    (user, path of the one-time set-password link) for the curator to hand over; the curator never types
    or sees a password. Linking it as the inheritor's signing account changes who may sign, so the caller
    passes it as the inheritor's ``user`` to inheritor_create/inheritor_update, where it becomes part of
    the pending SignerChange that a second curator or an admin confirms."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from . import roles

    User = get_user_model()
    username = (username or "").strip()
    if not username:
        n = User.objects.count() + 1
        while User.objects.filter(username=f"inheritor-{n}").exists():
            n += 1
        username = f"inheritor-{n}"
    if User.objects.filter(username=username).exists():
        raise ValidationError(_("用户名“%(u)s”已被占用,请换一个。") % {"u": username})
    user = User(username=username, first_name=name[:150])
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.add(Group.objects.get_or_create(name=roles.INHERITOR)[0])
    return user, account_set_password_path(user=user)


@transaction.atomic
def portrait_create(*, inheritor: Inheritor, data: dict[str, Any]) -> InheritorPortrait:
    """A portrait and its likeness consent (checked by ``InheritorPortrait.clean``)."""
    return _apply(InheritorPortrait(inheritor=inheritor), data)


@transaction.atomic
def portrait_update(*, portrait: InheritorPortrait, data: dict[str, Any]) -> InheritorPortrait:
    """Edit a portrait (the form) or replace it whole (the API's PUT). The image of a portrait that has
    driven a video (rows hold it by PROTECT: ``deletion_blockers``) is what that video, its sign-off and its
    archive record rest on: it may be sent again unchanged, never replaced by other bytes (add a new
    portrait instead); title, description and the likeness consent may still change (narrowing it is a
    withdrawal: generation.attribution)."""
    image = data.get("image")
    if image and not isinstance(image, FieldFile) and portrait.pk and portrait.image:
        blockers = deletion_blockers(obj=portrait)
        if blockers:
            if _same_bytes(image, portrait.image):
                data = {k: v for k, v in data.items() if k != "image"}  # the same picture: keep the stored file
            else:
                raise ValidationError({"image": ValidationError(
                    _("该人像已用于生成视频(%(rows)s),图片不能替换:视频、签署与档案记录都依据这张图片。"
                      "请新增一个人像;授权范围等信息仍可修改。") % {"rows": separator().join(blockers)},
                    code="portrait_in_use")})
    return _apply(portrait, data)


def _same_bytes(upload, stored) -> bool:
    from heritage.hashing import sha256_stored, sha256_stream

    try:
        upload.seek(0)
        new = sha256_stream(upload)
        upload.seek(0)
        return new == sha256_stored(stored)
    except OSError:  # the stored file is missing: nothing to compare with
        return False


@transaction.atomic
def technique_create(*, craft: Craft, name: str, slug: str, summary: str = "") -> Technique:
    return _apply(Technique(), dict(craft=craft, name=name, slug=slug, summary=summary))


@transaction.atomic
def technique_update(*, technique: Technique, data: dict[str, Any]) -> Technique:
    return _apply(technique, data)


def _recording_data(data: dict[str, Any]) -> dict[str, Any]:
    """A recording's speaker name left blank is the chosen inheritor's (the other rules: ``Recording.clean``)."""
    if not (data.get("speaker_name") or "").strip() and data.get("speaker") is not None:
        return {**data, "speaker_name": data["speaker"].name}
    return data


@transaction.atomic
def recording_create(*, data: dict[str, Any]) -> Recording:
    return _apply(Recording(), _recording_data(data))


@transaction.atomic
def recording_update(*, recording: Recording, data: dict[str, Any]) -> Recording:
    if "speaker_name" in data and "speaker" not in data:
        data = {**data, "speaker": recording.speaker}
    return _apply(recording, _recording_data(data))


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

MAX_STEPS = 100
MAX_STEP_PARAMETERS = 30
PARAM_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def step_parameter_problem(key, value) -> str | None:
    """What is wrong with one step parameter (a name from the action-description spec, a number or short text),
    or None. The one rule for the curator form (``archive.forms.ParametersField``, which names the line) and
    every write of steps (``technique_steps_save``)."""
    if not isinstance(key, str) or not PARAM_NAME.match(key):
        return _("名称“%(key)s”无效,只能用小写英文字母、数字和下划线,且以字母开头。") % {"key": key}
    if isinstance(value, (dict, list)) or value is None:
        return _("“%(key)s”的值必须是数字或文字。") % {"key": key}
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return _("“%(key)s”的值必须是数字或文字。") % {"key": key}
    if isinstance(value, str) and (not value or len(value) > 100):
        return _("“%(key)s”的值不能为空,且不超过 100 个字符。") % {"key": key}
    return None


def step_parameters_check(parameters) -> None:
    """Refuse step parameters that are not an object of at most ``MAX_STEP_PARAMETERS`` valid parameters."""
    if not isinstance(parameters, dict):
        raise ValidationError({"parameters": _("参数必须是 JSON 对象(键值对)。")}, code="invalid")
    for key, value in parameters.items():
        problem = step_parameter_problem(key, value)
        if problem:
            raise ValidationError({"parameters": _("参数:") + problem}, code="invalid")
    if len(parameters) > MAX_STEP_PARAMETERS:
        raise ValidationError({"parameters": _("参数最多 30 个。")}, code="invalid")


def duplicate_step_titles(titles: list[str]) -> list[tuple[int, str]]:
    """(index, message) for each step whose title an earlier step already has (the form marks the step; the
    service refuses the whole list)."""
    first, problems = {}, []
    for i, title in enumerate(titles):
        if title in first:
            problems.append((i, _("步骤标题“%(t)s”与第 %(n)d 个步骤重复。") % {"t": title, "n": first[title]}))
        else:
            first[title] = len(first) + 1
    return problems


@transaction.atomic
def technique_save(*, technique: Technique | None, data: dict[str, Any], ordered: list[TechniqueStep] | None = None,
                   deleted: Iterable[TechniqueStep] = ()) -> Technique:
    """Create (``technique`` None) or update a technique and, when ``ordered`` is given, its steps, in one
    transaction: the curator's technique page and ``/api/v1/techniques`` alike."""
    technique = technique_update(technique=technique, data=data) if technique else technique_create(**data)
    if ordered is not None:
        technique_steps_save(technique=technique, ordered=ordered, deleted=deleted)
    return technique


@transaction.atomic
def technique_steps_save(*, technique: Technique, ordered: list[TechniqueStep], deleted: Iterable[TechniqueStep] = ()) -> list[TechniqueStep]:
    """Save the steps of a technique in the given order (numbered 1..n) and delete ``deleted``. Existing
    steps keep their ids (footage and generation jobs point at them). Moves go through temporary
    numbers, so swapping two steps never trips the unique (technique, order) constraint. Refuses more than
    ``MAX_STEPS`` steps, a title twice, and parameters ``step_parameters_check`` refuses."""
    if len(ordered) > MAX_STEPS:
        raise ValidationError(_("最多 %(n)d 个步骤。") % {"n": MAX_STEPS}, code="invalid")
    duplicates = duplicate_step_titles([step.title for step in ordered])
    if duplicates:
        raise ValidationError([message for _i, message in duplicates], code="invalid")
    for step in ordered:
        step_parameters_check(step.parameters)
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


# A cue may end this much after the probed end (container and stream durations differ by a frame or two).
DURATION_TOLERANCE_MS = 500


def recording_duration_ms(recording: Recording) -> int | None:
    """The recording's length read from its media file (PyAV), or None when it has no file or the file
    cannot be read (then transcript times are not checked against it)."""
    if not recording.media:
        return None
    import av

    try:
        with recording.media.open("rb") as fh, av.open(fh) as container:
            if container.duration:
                return int(container.duration / 1000)  # microseconds → ms
            durations = [float(st.duration * st.time_base) for st in container.streams if st.duration and st.time_base]
            return int(max(durations) * 1000) if durations else None
    except (OSError, ValueError, av.error.FFmpegError):
        return None


# 「王师傅：…」: the full-width forms are escapes (\uff1a ：, \uff0c ，, \uff01 ！, \uff1f ？) so that no editor
# folds them into ASCII.
_SPEAKER_PREFIX = re.compile(r"^([^:\uff1a,\uff0c。.!?\uff01\uff1f\s\d]{1,20})[:\uff1a]\s*(.+)$", re.S)


def split_speaker(text: str) -> tuple[str, str]:
    """「金文华:针要斜着进」 → ("金文华", "针要斜着进"); text without a short name-and-colon prefix → ("", text).
    The one rule for a speaker written in front of the words, used by every transcript import."""
    m = _SPEAKER_PREFIX.match(text.strip())
    if not m:
        return "", text
    return m.group(1), m.group(2).strip()


def segments_check(*, segments: list[SegmentInput], duration_ms: int | None = None) -> list[tuple[int, str]]:
    """Problems in a whole transcript as (index in ``segments``, message): end before start, empty text,
    overlap with another segment, and (when the recording's ``duration_ms`` is known) a segment ending after
    the recording does. Empty when the transcript is consistent."""
    problems: list[tuple[int, str]] = []
    for i, s in enumerate(segments):
        if s.end_ms <= s.start_ms:
            problems.append((i, _("结束时间 %(end)s 必须晚于开始时间 %(start)s。") % {"end": fmt_ms(s.end_ms), "start": fmt_ms(s.start_ms)}))
        elif duration_ms is not None and s.end_ms > duration_ms + DURATION_TOLERANCE_MS:
            problems.append((i, _("结束时间 %(end)s 超出了录音长度 %(duration)s,请检查时间。") % {
                "end": fmt_ms(s.end_ms), "duration": fmt_ms(duration_ms)}))
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
    problems = segments_check(segments=segments, duration_ms=recording_duration_ms(recording))
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
    problems = [(i, msg) for i, msg in segments_check(segments=segments, duration_ms=recording_duration_ms(recording))]
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
    inputs = []
    for c in cues:
        speaker, text = (c.speaker, c.text) if c.speaker else split_speaker(c.text)
        inputs.append(SegmentInput(start_ms=c.start_ms, end_ms=c.end_ms, text=text, speaker=speaker))
    return inputs


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
        problems = segments_check(segments=combined, duration_ms=recording_duration_ms(recording))
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


def plain_text_to_cues(*, text: str, seconds_per_line: int = 5) -> list[Cue]:
    """Plain text import. Lines as the plain-text export writes them (``[00:00:05.000] 说话人:文本``)
    keep their start time and speaker, and end where the next line starts (the last one
    ``seconds_per_line`` later). Other lines are untimed: one cue every ``seconds_per_line`` seconds
    after the previous one, for a curator to time in the segment editor."""
    lines = [(n, line.strip()) for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1)
             if line.strip()]
    step = seconds_per_line * 1000
    starts: list[int | None] = []
    bodies: list[tuple[str, str]] = []
    for n, line in lines:
        try:
            timed = parse_bracketed(line)
        except TimecodeError as exc:
            raise ValidationError(_("第 %(line)d 行:%(message)s") % {"line": n, "message": exc}, code="invalid") from None
        speaker = ""
        if timed:
            start, line = timed
            starts.append(start)
            speaker, line = split_speaker(line)
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


# --- Transcript imports: one path for the form, the API and the task --------------------------------

MAX_TRANSCRIPT_FILE_MB = 5
TRANSCRIPT_KINDS = ("vtt", "txt")
TRANSCRIPT_MODES = ("replace", "append")


def transcript_size_check(n_bytes: int) -> None:
    """Refuse a transcript file over ``MAX_TRANSCRIPT_FILE_MB`` (the form calls this before reading the upload)."""
    if n_bytes > MAX_TRANSCRIPT_FILE_MB * 1024 * 1024:
        raise ValidationError(_("转写文件过大,上限为 %(n)d MB。") % {"n": MAX_TRANSCRIPT_FILE_MB}, code="too_large")


def transcript_characters_check(text: str) -> None:
    """Refuse a document holding a control character (NUL included; the one character class of
    ``heritage.inputs``), naming the first line that has one, before anything is stored (the big-import task keeps the text in a row)."""
    found = control_character_at(text)
    if found:
        raise ValidationError(
            _("第 %(line)d 行含有控制字符 U+%(code)04X,转写中不能有控制字符。若文件是 UTF-16 编码,请另存为 UTF-8 后重试。")
            % found, code="invalid")


def transcript_import_is_big(text: str) -> bool:
    """The one size rule: a document over ``HERITAGE_TRANSCRIPT_INLINE_KB`` (UTF-8 bytes) is imported by a task
    (``archive.tasks.transcript_import_run``), not inside the request."""
    from django.conf import settings

    return len(text.encode("utf-8")) > settings.HERITAGE_TRANSCRIPT_INLINE_KB * 1024


def transcript_text_to_cues(*, text: str, kind: str) -> list[Cue]:
    """A whole .vtt or .txt document as cues, with the checks every import makes before anything is written.
    Raises ``WebVTTError`` (naming the line) for a malformed WebVTT, ``ValidationError`` for the rest."""
    from heritage.webvtt import parse as parse_webvtt

    if kind not in TRANSCRIPT_KINDS:
        raise ValidationError(_("不支持的转写格式:%(kind)s") % {"kind": kind}, code="invalid")
    cues = parse_webvtt(text) if kind == "vtt" else plain_text_to_cues(text=text)
    if not cues:
        raise ValidationError(_("文件中没有任何字幕块。"), code="empty")
    for n, cue in enumerate(cues, start=1):
        if len(cue.text) > 5000:
            raise ValidationError(_("第 %(n)d 条文本超过 5000 字。") % {"n": n}, code="too_long")
        if len(cue.speaker) > 100:
            raise ValidationError(_("第 %(n)d 条说话人名称超过 100 字。") % {"n": n}, code="too_long")
    return cues


@dataclass(frozen=True)
class TranscriptImportOutcome:
    """What ``transcript_import_text`` did: ``saved`` (imported now) or ``job`` (queued, big document)."""

    saved: list[TranscriptSegment] | None = None
    job: Any = None  # archive.models.TranscriptImportJob


def transcript_import_text(*, recording: Recording, text: str, kind: str, mode: str, actor) -> TranscriptImportOutcome:
    """Import a whole transcript document (the curator form and ``POST /api/v1/recordings/<id>/transcript``).
    A small one is parsed, checked and saved now (raising ``WebVTTError``/``ValidationError``, nothing
    written); a big one (``transcript_import_is_big``) is queued as a ``TranscriptImportJob`` whose task runs
    the same parser and service and records its progress."""
    if mode not in TRANSCRIPT_MODES:
        raise ValidationError(_("未知的导入方式:%(mode)s") % {"mode": mode}, code="invalid")
    if kind not in TRANSCRIPT_KINDS:
        raise ValidationError(_("不支持的转写格式:%(kind)s") % {"kind": kind}, code="invalid")
    transcript_size_check(len(text.encode("utf-8")))
    transcript_characters_check(text)
    if transcript_import_is_big(text):
        return TranscriptImportOutcome(job=transcript_import_job_create(recording=recording, text=text, kind=kind,
                                                                        mode=mode, actor=actor))
    cues = transcript_text_to_cues(text=text, kind=kind)
    return TranscriptImportOutcome(saved=transcript_import(recording=recording, cues=cues, mode=mode))


def transcript_import_job_create(*, recording: Recording, text: str, kind: str, mode: str, actor):
    """Queue an import of ``text`` (a whole .vtt/.txt file) into ``recording``; the task runs once the
    surrounding transaction commits."""
    from .models import TranscriptImportJob
    from .tasks import transcript_import_run

    job = TranscriptImportJob.objects.create(recording=recording, text=text, kind=kind, mode=mode, created_by=actor)
    # robust: a broker that is down must not turn the committed job into a 500; the job stays queued and its
    # page offers the retry (``transcript_import_job_retry``) once it is stale
    transaction.on_commit(lambda: transcript_import_run.delay(job.pk), robust=True)
    return job


def transcript_import_job_stale(job) -> bool:
    """A queued or running import not finished within the lease (``HERITAGE_JOB_LEASE_S``) after it was
    submitted: its message may be lost (broker down) or its worker killed. Running it again is safe (the
    import and its success are one transaction, after the row is locked), so the retry is offered."""
    from datetime import timedelta

    from django.conf import settings

    from .models import TranscriptImportJob

    S = TranscriptImportJob.Status
    return job.status in (S.QUEUED, S.RUNNING) and job.created_at < timezone.now() - timedelta(seconds=settings.JOB_LEASE_S)


def transcript_import_job_retry(*, job) -> bool:
    """Send a failed or stale import again (the status page's one button); False when it may not be retried
    (succeeded, still within its lease, or its text is gone). The job counts as submitted now (``created_at``),
    so its lease starts again and the page follows its progress instead of offering the retry at once."""
    from .models import TranscriptImportJob
    from .tasks import transcript_import_run

    S = TranscriptImportJob.Status
    if not job.text or not (job.status == S.FAILED or transcript_import_job_stale(job)):
        return False
    if not TranscriptImportJob.objects.filter(pk=job.pk, status=job.status).update(
            status=S.QUEUED, stage="", progress=0, error="", finished_at=None, created_at=timezone.now()):
        return False
    transaction.on_commit(lambda: transcript_import_run.delay(job.pk), robust=True)
    return True


def transcript_import_job_run(*, job_id: int) -> str:
    """Parse, check and save an import job's text with the same parser and service as a small import; the row
    says how far it got. A bad file fails the job with the message (naming the line) and changes nothing.

    Crash-safe: the import and the row's success are one transaction, taken after locking the row, so a worker
    killed at any point leaves either both or neither; a redelivered message (or the page's retry) runs a
    queued or running job again, and a second run that finds the job finished does nothing. Any other error
    (the database going away, a bug) fails the job with the reason instead of leaving it running."""
    import logging

    from .models import TranscriptImportJob
    from heritage.webvtt import WebVTTError

    S = TranscriptImportJob.Status
    if not TranscriptImportJob.objects.filter(pk=job_id, status__in=(S.QUEUED, S.RUNNING)).update(
            status=S.RUNNING, stage=_("解析文件"), progress=5):
        return "skipped"  # a duplicate message, or already done
    running = TranscriptImportJob.objects.filter(pk=job_id, status=S.RUNNING)
    try:
        job = TranscriptImportJob.objects.select_related("recording").get(pk=job_id)
        cues = transcript_text_to_cues(text=job.text, kind=job.kind)
        running.update(stage=_("检查并保存"), progress=50)
        with transaction.atomic():
            if not TranscriptImportJob.objects.select_for_update().filter(pk=job_id, status=S.RUNNING).exists():
                return "skipped"  # another run of the same job finished it meanwhile
            saved = transcript_import(recording=job.recording, cues=cues, mode=job.mode)
            running.update(status=S.SUCCEEDED, progress=100, stage="", segments=len(saved), text="",
                           finished_at=timezone.now())
    except (WebVTTError, ValidationError) as exc:
        message = str(exc) if isinstance(exc, WebVTTError) else " ".join(exc.messages)
        running.update(status=S.FAILED, error=message, stage="", finished_at=timezone.now())
        return "failed"
    except Exception as exc:  # noqa: BLE001 - never leave the job running: say so, and let it be retried
        logging.getLogger(__name__).exception("transcript import job %s failed", job_id)
        try:
            running.update(status=S.FAILED, stage="", finished_at=timezone.now(),
                           error=_("导入中途出错(%(error)s),现有转写没有改动,可以重试。") % {"error": type(exc).__name__})
        except Exception:  # noqa: BLE001 - the database itself is gone: the page offers the retry once stale
            logging.getLogger(__name__).exception("could not mark transcript import job %s failed", job_id)
        return "failed"
    return "succeeded"
