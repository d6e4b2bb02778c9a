"""Writes of the review workflow: one function per transition.

Every transition (``review_submit``, ``review_sign``, ``review_archive``, ...) follows the same shape,
in ``_transition``: lock the review row, check the state and the actor's right, do the work, write an
``AuditEntry`` — all inside one ``transaction.atomic``. A refusal raises ``TransitionRefused``; the
transaction rolls back (nothing half-written) and the refusal itself is audited afterwards, outside it.
Notifications are in-app rows written in the transaction and emails sent on commit.
"""
from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from archive.roles import CURATOR, REVIEWER, person_name
from heritage.permissions import allowed

from .models import AuditEntry, ChangeRequest, Notification, Review, ReviewComment, SignOff
from .renditions import public_files, sha256_of_field_file
from .signing import review_signers
from .signing import signing_inheritor as _signing_inheritor

log = logging.getLogger(__name__)

DEFAULT_RIGHTS_URI = "https://creativecommons.org/licenses/by-nc-nd/4.0/"
RIGHTS_URI_PREFIXES = (
    "https://creativecommons.org/licenses/", "http://creativecommons.org/licenses/",
    "https://creativecommons.org/publicdomain/", "http://creativecommons.org/publicdomain/",
    "http://rightsstatements.org/vocab/", "https://rightsstatements.org/vocab/",
)
# Stored in Chinese on the review, sign-off and record; pages and the IIIF manifest translate it (catalogue).
AI_NOTICE = gettext_noop("本视频由人工智能根据传承人口述生成,是对真实记录的补充,不替代传承人的原始影像与口述。")


class TransitionRefused(Exception):
    """A transition that the state or the actor's right does not allow. ``code`` is stable for tests
    and the API; the message is for people. ``field``: the action's input the refusal is about (``text``,
    ``at_ms``, ``reason``, ``confirm``), None when it is about no one input: the one rule for which field an
    error belongs to (a screen shows it at that field, ``review.views.SIGN_FIELD_ERRORS``), whatever its code."""

    def __init__(self, message: str, *, code: str, status: int = 409, retry_after: int | None = None,
                 field: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status  # 403: no right; 409: wrong state / conflict; 400: bad input
        self.retry_after = retry_after  # seconds: a conflict that passes by itself (the API's Retry-After)
        self.field = field  # bad input: the body field it is about (the API names it, as DRF names a field)


def _forbid(message, code="forbidden"):
    raise TransitionRefused(message, code=code, status=403)


def _conflict(message, code, retry_after: int | None = None):
    raise TransitionRefused(message, code=code, status=409, retry_after=retry_after)


def _bad(message, code="invalid", field: str | None = None):
    """Bad input: a 400; ``field`` names the part of the action's body it is about."""
    raise TransitionRefused(message, code=code, status=400, field=field)


# --- Rights ---------------------------------------------------------------------------------------
# Who may do what is heritage/permissions.py; who may sign a review is review/signing.py (on archive/signing.py).

def signing_inheritor(review: Review, user):
    """The inheritor for whom ``user`` may sign this review, or None (review.signing: a narration's narrator,
    a demonstration's craft)."""
    return _signing_inheritor(user, review)


def users_with_role(role: str):
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(groups__name=role, is_active=True).distinct())


# --- Audit and notifications -----------------------------------------------------------------------

def _audit(*, actor, action, outcome, review=None, clip=None, record=None, from_state="", to_state="",
           reason="", details=None) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=getattr(actor, "username", "") or "",
        action=action, outcome=outcome, review=review,
        clip_id_value=str(clip.pk if clip is not None else (review.clip_id if review else "")),
        record_id_value=str(record.pk) if record is not None else "",
        from_state=from_state, to_state=to_state, reason=reason, details=details or {},
    )


def notify(users, *, verb: str, message: str, params: dict | None = None, review: Review | None = None,
           url: str = "") -> int:
    """In-app rows now; the same message by email once the transaction commits. ``message`` is the Chinese
    message id (marked with ``gettext_noop``) and ``params`` its values: the row keeps both, so each reader
    sees it in their own language (``Notification.shown``) whatever language the person who acted used;
    the stored text and the email are in the site's language (Chinese first). A notification about a review
    links it only for those who may open it (``review.view``): nobody is sent a link to a page they may not see."""
    from django.utils import translation

    users = [u for u in {u.pk: u for u in users if u is not None}.values()]
    links = {u.pk: url if review is None or _may_open(u, review) else "" for u in users}
    params = {k: str(v) for k, v in (params or {}).items()}
    template = message
    with translation.override(settings.LANGUAGE_CODE):
        message = _(template) % params
    Notification.objects.bulk_create(
        [Notification(user=u, review=review, verb=verb, message=message[:500], template=template, params=params,
                      url=links[u.pk]) for u in users]
    )
    subject = f"[heritage] {message[:80]}"
    for link in set(links.values()):
        emails = [u.email for u in users if u.email and links[u.pk] == link]
        if emails:
            transaction.on_commit(partial(_send_mail, subject, f"{message}\n\n{link}" if link else message, emails))
    return len(users)


def _may_open(user, review: Review) -> bool:
    """``review.view`` for the review as the transition that notifies leaves it: django-fsm sets the new state
    after the work that writes the notification, and the one transition out of a draft is 送审 (in review)."""
    if review.state == Review.State.DRAFT:
        review = copy.copy(review)
        review.state = Review.State.IN_REVIEW
    return allowed(user, "review.view", review)


def _send_mail(subject: str, body: str, emails: list[str]) -> None:
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, emails, fail_silently=False)
    except Exception:  # noqa: BLE001 — a mail outage must not undo a committed transition
        log.exception("review notification email failed")


def _review_url(review: Review) -> str:
    return reverse("review:detail", args=[review.pk])


@dataclass
class _Ctx:
    review: Review | None
    to_state: str = ""
    record: object = None
    details: dict | None = None


def _transition(action: str, *, actor, review: Review | None, work, clip=None):
    """Run ``work(ctx)`` atomically on the locked review; audit success or refusal."""
    from_state = review.state if review is not None else ""
    try:
        with transaction.atomic():
            locked = Review.objects.select_for_update().get(pk=review.pk) if review is not None else None
            ctx = _Ctx(review=locked)
            result = work(ctx)
            if ctx.review is not None and ctx.to_state:  # the state the transition moved to (review/workflow.py)
                ctx.review.save(update_fields=["state", "updated_at"])
            _audit(actor=actor, action=action, outcome=AuditEntry.Outcome.OK, review=ctx.review, clip=clip,
                   record=ctx.record, from_state=from_state, to_state=ctx.to_state or from_state,
                   details=ctx.details)
    except TransitionRefused as exc:
        _audit(actor=actor, action=action, outcome=AuditEntry.Outcome.REFUSED,
               review=review if (review is not None and Review.objects.filter(pk=review.pk).exists()) else None,
               clip=clip, from_state=from_state, reason=exc.message, details={"code": exc.code})
        raise
    if review is not None:
        review.refresh_from_db()
    return result


def wrong_state(review: Review) -> TransitionRefused:
    """The refusal of an action that the review's state does not allow (409 ``wrong_state``): the
    transition (review/workflow.py) does not leave this state."""
    return TransitionRefused(_("当前状态为「%(state)s」,不能执行此操作。") % {"state": review.get_state_display()},
                             code="wrong_state", status=409)


# --- Attribution -----------------------------------------------------------------------------------
# The attribution is decided when the job is created (generation/attribution.py) and copied here.

def validate_rights_uri(uri: str) -> str:
    """The rights statement a review carries: a Creative Commons or RightsStatements.org URI that fits its
    column (a longer one was stored on SQLite and was a 500 on PostgreSQL)."""
    uri = (uri or "").strip()
    if not uri.startswith(RIGHTS_URI_PREFIXES) or len(uri) > Review._meta.get_field("rights_uri").max_length:
        _bad(_("权利声明必须是知识共享(creativecommons.org)或 RightsStatements.org 的 URI。"), "rights_uri", "rights_uri")
    return uri


# --- Transitions -----------------------------------------------------------------------------------

def review_open(*, clip, actor, rights_uri: str | None = None) -> Review:
    """Open the review of a generated clip (state draft) with the attribution stored on its job. ``clip`` None:
    the clip asked for does not exist. The right is asked first, so whoever may not open reviews is refused
    alike (403) for a clip that exists and one that does not, and learns nothing of which clips exist; for
    whoever may, a missing clip is a 404 (``not_found``)."""

    def work(ctx):
        if not allowed(actor, "review.open", clip):
            _forbid(_("只有馆员可以发起审核。"))
        if clip is None:
            raise TransitionRefused(_("未找到。"), code="not_found", status=404)
        if Review.objects.filter(clip=clip).exists():
            _conflict(_("该视频已有审核。"), "exists")
        job = clip.job
        if not job.technique_id:
            _bad(_("该视频没有对应的技法,不能进入审核。"), "no_technique", "clip")
        previous = None
        cr = ChangeRequest.objects.filter(new_job=job).select_related("review").first()
        if cr is not None:
            previous = cr.review
        elif job.retry_of_id:
            previous = Review.objects.filter(clip__job_id=job.retry_of_id).first()
        step = job.step
        title = f"{job.technique}" + (f" · {step.title}" if step else "")
        review = Review.objects.create(
            clip=clip, technique_id=job.technique_id, step=step, title=title[:300],
            attribution=job.attribution, attribution_sources=job.attribution_sources,
            rights_uri=validate_rights_uri(rights_uri or getattr(settings, "HERITAGE_DEFAULT_RIGHTS_URI",
                                                                  DEFAULT_RIGHTS_URI)),
            ai_notice=AI_NOTICE, previous=previous, version=(previous.version + 1) if previous else 1,
            created_by=actor,
        )
        ctx.review = review
        ctx.to_state = ""
        ctx.details = {"attribution": job.attribution, "version": review.version}
        return review

    review = _transition("open", actor=actor, review=None, work=work, clip=clip)
    return review


# --- The work of each transition ---------------------------------------------------------------------
# Each function is the body of a row's django-fsm transition (review/workflow.py): it runs inside
# ``_transition`` on the locked review, after the actor's permission, the state and the guards of its row
# were checked; the transition moves ``Review.state`` to the row's target once the work has returned.

def set_rights_work(ctx, actor, *, rights_uri: str = "", **_unused):
    ctx.review.rights_uri = validate_rights_uri(rights_uri)
    ctx.review.save(update_fields=["rights_uri", "updated_at"])
    ctx.details = {"rights_uri": ctx.review.rights_uri}
    return ctx.review


def submit_work(ctx, actor, **_unused):
    """Records the sha256 of the clip file as stored now."""
    from .readiness import supersede_stale_signoff

    r = ctx.review
    supersede_stale_signoff(r, actor)
    try:
        digest = sha256_of_field_file(r.clip.file)
    except OSError as exc:
        _conflict(_("无法读取视频文件:%(e)s") % {"e": exc}, "file_missing")
    if digest != r.clip.sha256:
        _conflict(_("视频文件与生成时记录的 SHA-256 不一致,不能送审。"), "sha256_mismatch")
    r.submitted_sha256 = digest
    r.save(update_fields=["submitted_sha256", "updated_at"])
    ctx.details = {"sha256": digest}
    notify(users_with_role(REVIEWER) + review_signers(r), verb="submitted", review=r,
           message=gettext_noop("「%(t)s」已送审,请审看并签署。"),
           params={"t": r.title}, url=_review_url(r))
    return r


def _check_at_ms(review: Review, at_ms):
    if at_ms is None:
        return None
    try:
        at_ms = int(at_ms)
    except (TypeError, ValueError):
        _bad(_("时间点格式不正确。"), "at_ms", "at_ms")
    duration_ms = int(review.clip.duration_s * 1000)
    if at_ms < 0 or (duration_ms and at_ms > duration_ms):
        _bad(_("时间点超出视频长度。"), "at_ms", "at_ms")
    return at_ms


def reply_parent(review: Review, actor, parent) -> ReviewComment:
    """The comment a reply answers (``parent``: a comment or its id): a top-level comment of ``review`` that
    ``actor`` may reply to (``review.reply_comment``). One level of replies: a reply to a reply is refused."""
    if not isinstance(parent, ReviewComment):
        try:
            parent_id = int(parent)
        except (TypeError, ValueError):
            _bad(_("parent 必须是意见编号。"), "parent", "parent")
        parent = ReviewComment.objects.filter(pk=parent_id, review=review).first()
    if parent is None or parent.review_id != review.pk:
        _bad(_("要回复的意见不在这个审核里。"), "parent", "parent")
    if parent.parent_id is not None:
        _bad(_("只能回复一条意见本身,不能回复回复。"), "reply_to_reply", "parent")
    if not allowed(actor, "review.reply_comment", parent):
        _forbid(_("您不能回复这条意见。"))
    return parent


def comment_work(ctx, actor, *, text: str = "", at_ms=None, parent=None, **_unused) -> ReviewComment:
    """A time-coded remark, e.g. at 00:03 「铜丝弯曲弧度不符合明代规制」, or (``parent``) a reply to one; the
    thread's author is told of a reply by someone else."""
    r = ctx.review
    body = (text or "").strip()
    thread = reply_parent(r, actor, parent) if parent not in (None, "") else None
    if not body:
        _bad(_("意见内容不能为空。"), "empty", "text")
    c = ReviewComment.objects.create(review=r, author=actor, text=body[:5000], at_ms=_check_at_ms(r, at_ms),
                                     parent=thread)
    ctx.details = {"comment": c.pk, "at_ms": c.at_ms}
    if thread is not None:
        ctx.details["parent"] = thread.pk
        if thread.author_id != getattr(actor, "pk", None):
            notify([thread.author], verb="replied", review=r, url=_review_url(r) + f"#c-{thread.pk}",
                   message=gettext_noop("「%(t)s」中您的意见有新回复:%(c)s"), params={"t": r.title, "c": body[:200]})
    return c


# --- Resolving comment threads -------------------------------------------------------------------------
# Not a state of the review: a thread (a top-level comment of a kind in ``ReviewComment.RESOLVABLE``) is open
# or resolved. Resolving and reopening are audited like the workflow's actions (``resolve_comment``,
# ``reopen_comment``); they are possible while the review takes comments (the ``comment`` row's states).

def _check_resolve(comment: ReviewComment, actor, resolve: bool) -> None:
    """Permission, then the review's state, then the thread's own state; raises TransitionRefused."""
    from .workflow import ACTIONS

    if not allowed(actor, "review.resolve_comment", comment):
        _forbid(_("只有意见的作者或馆员可以解决或重新打开这条意见。"))
    if comment.review.state not in ACTIONS["comment"].sources:
        raise wrong_state(comment.review)
    if not comment.resolvable:
        _conflict(_("这条内容不是可以解决的意见(回复、签署意见和决定记录不能解决)。"), "not_resolvable")
    if resolve and comment.resolved_at is not None:
        _conflict(_("这条意见已经解决了。"), "already_resolved")
    if not resolve and comment.resolved_at is None:
        _conflict(_("这条意见没有解决,不需要重新打开。"), "not_resolved")


def comment_actions(comment: ReviewComment, actor) -> set[str]:
    """What ``actor`` may do to ``comment`` now: ``resolve`` / ``reopen`` (the same checks as doing it)."""
    out = set()
    for name, resolve in (("resolve", True), ("reopen", False)):
        try:
            _check_resolve(comment, actor, resolve)
        except TransitionRefused:
            continue
        out.add(name)
    return out


def comment_set_resolved(*, comment: ReviewComment, actor, resolved: bool) -> ReviewComment:
    """Resolve (``resolved=True``) or reopen a comment thread, audited on its review."""

    def work(ctx):
        locked = ReviewComment.objects.select_for_update().select_related("review").get(pk=comment.pk)
        locked.review = ctx.review
        _check_resolve(locked, actor, resolved)
        locked.resolved_at, locked.resolved_by = (timezone.now(), actor) if resolved else (None, None)
        locked.save(update_fields=["resolved_at", "resolved_by"])
        ctx.details = {"comment": locked.pk}
        return locked

    result = _transition("resolve_comment" if resolved else "reopen_comment", actor=actor, review=comment.review,
                         work=work)
    comment.refresh_from_db()
    return result


def approve_work(ctx, actor, *, text: str = "", **_unused) -> ReviewComment:
    """The reviewer (researcher) has reviewed the take and finds it sound: recorded, shown to the
    inheritor as 「研究者已审阅」; the state stays 「审核中」 until the inheritor signs."""
    r = ctx.review
    body = (text or "").strip() or str(ReviewComment.Kind.APPROVAL.label)
    c = ReviewComment.objects.create(review=r, author=actor, text=body[:5000], kind=ReviewComment.Kind.APPROVAL)
    ctx.details = {"comment": c.pk}
    notify(review_signers(r) + users_with_role(CURATOR), verb="approved", review=r,
           message=gettext_noop("研究者已审阅「%(t)s」。"),
           params={"t": r.title}, url=_review_url(r))
    return c


def _start_regeneration(review: Review, actor, action_description: dict):
    """A new take from the edited action description. Its consent and attribution are decided by
    ``job_create`` like every other job's (the sources are the old job's own)."""
    from generation.services import job_create, prompt_extend_of

    old = review.clip.job
    if old.kind == "s2v":  # a narrated video (口述影像) has no action description to edit
        _bad(_("口述影像由录音片段和人像生成,没有可修改的动作描述;请只写修改意见,由馆员换种子、片段或人像重新生成。"),
             "regeneration_refused", "action_description")
    public = {k: old.parameters[k] for k in ("resolution", "orientation", "duration", "frame_rate", "temperature")
              if k in old.parameters}
    if "num_steps" in old.parameters:
        public["steps"] = old.parameters["num_steps"]
    if "sampler" in old.parameters:
        public["sampler"] = old.parameters["sampler"]
    try:
        return job_create(
            requested_by=actor, technique=old.technique, step=old.step, action_description=action_description,
            parameters=public, seed=old.seed, camera=old.camera or None, retry_of=old,
            recording=old.recording, source_start=old.source_start, source_end=old.source_end,
            check_reader=False, prompt_extend=prompt_extend_of(old),
        )
    except Exception as exc:  # noqa: BLE001 — a refused job request is the user's bad input
        errors = getattr(exc, "errors", None)
        _bad(_("无法创建新的生成任务:%(e)s") % {"e": errors or exc}, "regeneration_refused", "action_description")


def request_changes_work(ctx, actor, *, text: str = "", at_ms=None, action_description=None,
                         **_unused) -> ReviewComment:
    """With an edited action description, a new generation starts at once; its clip becomes the next
    version of this review."""
    r = ctx.review
    body = (text or "").strip()
    if not body:
        _bad(_("请写明需要修改的地方。"), "empty", "text")
    c = ReviewComment.objects.create(review=r, author=actor, text=body[:5000], at_ms=_check_at_ms(r, at_ms),
                                     kind=ReviewComment.Kind.CHANGE_REQUEST)
    details = {"comment": c.pk}
    signer_for = signing_inheritor(r, actor)
    if signer_for is not None:  # an inheritor's (or proxy's) request, which they may take back (retract_changes)
        details["signing_for"] = signer_for.pk
    if action_description:
        if not isinstance(action_description, dict):
            _bad(_("结构化动作描述格式不正确。"), "action_description", "action_description")
        job = _start_regeneration(r, actor, action_description)
        ChangeRequest.objects.create(review=r, comment=c, action_description=action_description, new_job=job)
        details["new_job"] = str(job.pk)
    ctx.details = details
    notify(users_with_role(CURATOR), verb="changes_requested", review=r,
           message=gettext_noop("「%(t)s」需要修改:%(c)s"),
           params={"t": r.title, "c": body[:200]}, url=_review_url(r))
    return c


def retract_changes_work(ctx, actor, **_unused) -> ReviewComment:
    """The inheritor (or their proxy) takes back their own 需要修改 before anyone acted on it (the row's
    permission and guard): the version is in review again, to be signed or asked about anew. The request
    stays in the comments, followed by a note that it was taken back; the curators are told."""
    from .selectors import latest_change_request_entry

    r = ctx.review
    entry = latest_change_request_entry(r)
    request = ReviewComment.objects.filter(pk=(entry.details or {}).get("comment")).first() if entry else None
    c = ReviewComment.objects.create(review=r, author=actor, kind=ReviewComment.Kind.RETRACTION,
                                     text=(request.text if request is not None else str(ReviewComment.Kind.RETRACTION.label))[:5000],
                                     at_ms=request.at_ms if request is not None else None)
    ctx.details = {"comment": c.pk, "retracted": request.pk if request is not None else None}
    if request is not None and request.resolved_at is None:  # taken back: nothing left to do about it
        request.resolved_at, request.resolved_by = timezone.now(), actor
        request.save(update_fields=["resolved_at", "resolved_by"])
    Notification.objects.filter(review=r, verb="changes_requested", read_at__isnull=True).update(read_at=timezone.now())
    notify(users_with_role(CURATOR), verb="changes_retracted", review=r,
           message=gettext_noop("「%(t)s」的修改意见已由提出人撤回,视频回到审核中,无需处理。"),
           params={"t": r.title}, url=_review_url(r))
    return c


def reject_work(ctx, actor, *, text: str = "", **_unused) -> Review:
    r = ctx.review
    body = (text or "").strip()
    if not body:
        _bad(_("请写明驳回理由。"), "empty", "text")
    ReviewComment.objects.create(review=r, author=actor, text=body[:5000], kind=ReviewComment.Kind.REJECTION)
    notify(users_with_role(CURATOR), verb="rejected", review=r,
           message=gettext_noop("「%(t)s」被驳回:%(c)s"),
           params={"t": r.title, "c": body[:200]}, url=_review_url(r))
    return r


def public_summary(review: Review) -> dict:
    """Exactly what will be public once archived: shown on the signing screen and bound in the sign-off."""
    files = []
    for pf in public_files(review.clip):
        files.append({"role": pf.role, "name": pf.name.rsplit("/", 1)[-1], "mime": pf.mime, "sha256": pf.sha256})
    return {
        "title": review.title,
        "craft": review.technique.craft.name,
        "technique": review.technique.name,
        "step": review.step.title if review.step_id else None,
        "attribution": review.attribution,
        "rights_uri": review.rights_uri,
        "ai_notice": review.ai_notice,
        "files": files,
        "clip_sha256": review.submitted_sha256,
        "action_description": review.clip.job.action_description,
    }


def sign_work(ctx, actor, *, sha256: str = "", attribution: str = "", comment: str = "", **_unused) -> SignOff:
    """The inheritor (or recorded proxy) signs the exact file and attribution they were shown. The file
    is re-hashed from storage now; any difference refuses the signature."""
    r = ctx.review
    inheritor = signing_inheritor(r, actor)
    if (attribution or "").strip() != r.attribution:
        _conflict(_("署名与签署页面显示的不一致,请刷新后重新确认。"), "attribution_mismatch")
    if (sha256 or "").strip().lower() != r.submitted_sha256:
        _conflict(_("视频已更新,请刷新后重新审看。"), "sha256_mismatch")
    try:
        digest = sha256_of_field_file(r.clip.file)
    except OSError as exc:
        _conflict(_("无法读取视频文件:%(e)s") % {"e": exc}, "file_missing")
    if digest != r.submitted_sha256 or digest != r.clip.sha256:
        _conflict(_("视频文件在送审后被改动(SHA-256 不一致),不能签署。"), "sha256_mismatch")
    for pf in public_files(r.clip):  # the renditions shown as public must be the files they claim to be
        try:
            live = sha256_of_field_file(pf.field_file)
        except OSError as exc:
            _conflict(_("无法读取公开文件 %(role)s:%(e)s") % {"role": pf.role, "e": exc}, "file_missing")
        if pf.sha256 and live != pf.sha256:
            _conflict(_("公开文件 %(role)s 与生成时记录的 SHA-256 不一致,不能签署。") % {"role": pf.role},
                      "sha256_mismatch")
    so = SignOff.objects.create(
        review=r, inheritor=inheritor, signed_by=actor, by_proxy=inheritor.needs_proxy,
        proxy_name=inheritor.proxy_name if inheritor.needs_proxy else "",
        proxy_relation=inheritor.proxy_relation if inheritor.needs_proxy else "",
        proxy_document=inheritor.proxy_document.name if inheritor.needs_proxy else "",
        sha256=digest, attribution=r.attribution, rights_uri=r.rights_uri, ai_notice=r.ai_notice,
        public_summary=public_summary(r), comment=(comment or "").strip()[:5000],
    )
    if so.comment:
        ReviewComment.objects.create(review=r, author=actor, text=so.comment, kind=ReviewComment.Kind.SIGNOFF)
    ctx.details = {"signoff": str(so.pk), "sha256": digest, "by_proxy": so.by_proxy}
    notify(users_with_role(CURATOR), verb="signed", review=r,
           message=gettext_noop("%(who)s 已签署「%(t)s」,可以归档。"), params={"who": inheritor.name, "t": r.title},
           url=_review_url(r))
    return so


def archive_work(ctx, actor, **_unused):
    """Create the immutable ArchiveRecord from the signed clip."""
    from .ports import ArchiveFailed, write_record

    r = ctx.review
    so = r.active_signoff()
    if so is None:
        _conflict(_("没有有效的传承人签署,不能归档。"), "not_signed")
    if not (r.attribution.strip() and so.attribution.strip() and so.attribution == r.attribution):
        _conflict(_("缺少署名,或署名与签署时不一致,不能归档。"), "no_attribution")
    if not r.rights_uri or so.rights_uri != r.rights_uri:
        _conflict(_("缺少权利声明,或与签署时不一致,不能归档。"), "no_rights")
    try:
        digest = sha256_of_field_file(r.clip.file)
    except OSError as exc:
        _conflict(_("无法读取视频文件:%(e)s") % {"e": exc}, "file_missing")
    if digest != so.sha256:
        _conflict(_("视频文件在签署后被改动(SHA-256 不一致),不能归档。"), "sha256_mismatch")
    try:
        record = write_record(review=r, signoff=so, actor=actor)
    except ArchiveFailed as exc:
        _conflict(str(exc), "archive_failed")
    ctx.record = record
    ctx.details = {"record": str(record.pk)}
    notify([so.signed_by] + users_with_role(REVIEWER), verb="archived", review=r,
           message=gettext_noop("「%(t)s」已归档并公开。"),
           params={"t": r.title}, url=_review_url(r))
    return record


def withdraw_work(ctx, actor, *, reason: str = "", **_unused) -> SignOff:
    """The signer (or an admin) withdraws the signature, which unpublishes. The archive record itself is
    immutable and stays; a withdrawal event is appended."""
    from .ports import signoff_withdrawn

    r = ctx.review
    body = (reason or "").strip()
    if not body:
        _bad(_("请写明撤回理由。"), "empty", "reason")
    so = r.active_signoff()
    if so is None:
        _conflict(_("没有有效的签署。"), "not_signed")
    so.withdrawn_at = timezone.now()
    so.withdrawn_by = actor
    so.withdrawal_reason = body[:5000]
    so.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    ReviewComment.objects.create(review=r, author=actor, text=body[:5000], kind=ReviewComment.Kind.WITHDRAWAL)
    # the archive record (records app), if any, appends its withdrawal event
    signoff_withdrawn.send(sender=SignOff, signoff=so, actor=actor, reason=body,
                           by_admin=signing_inheritor(r, actor) is None)
    ctx.record = getattr(so, "archive_record", None)
    notify(users_with_role(CURATOR), verb="withdrawn", review=r,
           message=gettext_noop("「%(t)s」的签署已撤回,已从展厅下架。"),
           params={"t": r.title}, url=_review_url(r))
    return so


# --- Entry points (each one row of review/workflow.py) ------------------------------------------------

def _dispatch(review, action, actor, **data):
    from .workflow import dispatch

    return dispatch(review=review, action=action, actor=actor, **data)


def review_set_rights(*, review: Review, actor, rights_uri: str) -> Review:
    _dispatch(review, "set_rights", actor, rights_uri=rights_uri)
    return review


def review_submit(*, review: Review, actor) -> Review:
    """draft / changes requested → in review."""
    return _dispatch(review, "submit", actor)


def review_comment(*, review: Review, actor, text: str, at_ms: int | None = None, parent=None) -> ReviewComment:
    """A comment, or with ``parent`` (a top-level comment or its id) a reply to it."""
    return _dispatch(review, "comment", actor, text=text, at_ms=at_ms, parent=parent)


def review_approve(*, review: Review, actor, text: str = "") -> ReviewComment:
    return _dispatch(review, "approve", actor, text=text)


def review_request_changes(*, review: Review, actor, text: str, at_ms: int | None = None,
                           action_description: dict | None = None) -> ReviewComment:
    """in review → changes requested, with a comment."""
    return _dispatch(review, "request_changes", actor, text=text, at_ms=at_ms,
                     action_description=action_description)


def review_retract_changes(*, review: Review, actor) -> ReviewComment:
    """changes requested → in review: the inheritor takes back their own 需要修改."""
    return _dispatch(review, "retract_changes", actor)


def review_reject(*, review: Review, actor, text: str) -> Review:
    _dispatch(review, "reject", actor, text=text)
    return review


def review_sign(*, review: Review, actor, sha256: str, attribution: str, comment: str = "") -> SignOff:
    """in review → approved."""
    return _dispatch(review, "sign", actor, sha256=sha256, attribution=attribution, comment=comment)


def review_archive(*, review: Review, actor):
    """approved → archived."""
    return _dispatch(review, "archive", actor)


def review_withdraw(*, review: Review, actor, reason: str) -> SignOff:
    """approved / archived → withdrawn."""
    return _dispatch(review, "withdraw", actor, reason=reason)


def person_agent(user, role: str) -> dict:
    name = person_name(user)
    return {"type": "person", "role": role, "name": name, "id": f"user:{user.pk}" if user is not None else ""}


def notification_mark_read(*, user, ids=None, review=None) -> int:
    """Mark ``user``'s unread notifications read: all, those in ``ids``, or those about ``review`` (opening a
    review reads what it was notified about, as an issue tracker does)."""
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids:
        qs = qs.filter(pk__in=ids)
    if review is not None:
        qs = qs.filter(review=review)
    return qs.update(read_at=timezone.now())
