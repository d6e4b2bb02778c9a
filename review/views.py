"""Review screens: the inbox, a review's page (player, time-coded comments, versions, audit), the
inheritor's signing screen (large type, phone-friendly) and notifications. The archive records'
screens are in records/views.py.

Views only parse input and call review.services; a refused transition becomes a message and the right
HTTP status (403 no right, 409 wrong state, 400 bad input), never a half-done change.
"""
from __future__ import annotations

import json

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from generation.models import Clip
from heritage.pages import paginate
from heritage.permissions import allowed, refuse, requires
from heritage.timecode import TimecodeError, parse_timecode

from . import selectors, services, workflow
from .models import Review
from .signing import review_signers, signable_review_ids, viewable_review_ids


def can_view_review(user, review: Review) -> bool:
    return allowed(user, "review.view", review)


def _review(request, pk) -> Review:
    return get_object_or_404(Review.objects.select_related("technique__craft", "clip__job", "step"), pk=pk)


def _get_review(request, pk) -> Review:
    return _review(request, pk)


VIEW_REVIEW = {"obj": _review, "message": _("您无权查看该审核。")}


def _refused(request, exc: services.TransitionRefused):
    """A refusal with nothing of this person's to go back to (no right: 403, or a review they may not see):
    a page with the reason and the refusal's status. A reload sends the same refused request again."""
    messages.error(request, exc.message)
    return render(request, "review/refused.html", {"error": exc.message}, status=exc.status)


def _answer_refusal(request, exc: services.TransitionRefused, review: Review | None, action: str, back: str = ""):
    """Post-redirect-get for every refused review screen action (a form post of a workflow action, a comment or
    reply, the signing screen's decision, opening a review): the reason and what was typed go into the session
    (``_keep_draft``) for one showing of the screen the person works on (``selectors.screen_url``, or ``back``),
    and the browser is redirected there, so a reload never sends the refused form again (it could succeed by then:
    an archive or a signature nobody meant to repeat). A refusal for want of the right (403), or by a review the
    person may not see, stays a 403 page: there is nothing of theirs to go back to, and sending it again does
    nothing. Without a review (opening one), the reason is a message on ``back``."""
    if exc.status == 403 or (review is not None and not can_view_review(request.user, review)):
        return _refused(request, exc)
    if review is None:
        messages.error(request, exc.message)
    else:
        _keep_draft(request, review, action, exc)
    return redirect(back or selectors.screen_url(review, request.user))


def _parse_timecode(value: str | None):
    """"00:03", "3", "1:02.5" → milliseconds; "" → None."""
    try:
        return parse_timecode(value or "")
    except TimecodeError:
        raise services.TransitionRefused(_("时间点格式不正确,请写成 分:秒,例如 00:03。"), code="at_ms", status=400,
                                         field="at_ms")


def _stalled(review: Review, blocked: dict[str, str]) -> list[str]:
    """Why the review cannot go on, shown to everyone who sees it (``blocked`` says it only to the one whose
    action a guard stops): the consent the clip was made with was withdrawn (for an archived clip: it is no
    longer public because of it); nobody may sign for the craft (e.g. the proxy was removed)."""
    S = Review.State
    out = []
    if review.state in (S.DRAFT, S.IN_REVIEW, S.CHANGES_REQUESTED, S.APPROVED):
        from generation.attribution import consent_withdrawn

        why = consent_withdrawn(review.clip.job)
        if why and why not in blocked.values():
            out.append(why)
    elif review.state == S.ARCHIVED:  # archived, but a consent it rests on keeps it from the public
        from generation.attribution import public_withdrawn

        why = public_withdrawn(review.clip.job)
        if why:
            out.append(why)
    if review.state == S.IN_REVIEW and not review_signers(review):
        out.append(_("本项目目前没有可以签署的人:传承人没有登录账户,或已故/无法亲自签署而没有登记代理人"
                     "(或缺少授权文件)。在传承人页面指定并经第二位馆员确认后才能签署。"))
    return out


def _comment_context(request, review: Review, actions: set[str]) -> dict:
    """The comment threads as the review page shows them: all, or with ``?comments=open`` the open ones only;
    open/resolved counts; per thread what this person may do (reply, resolve, reopen: the services' checks)."""
    user = request.user
    only_open = request.GET.get("comments") == "open"
    threads = list(selectors.comment_threads(review, resolved=False if only_open else None))
    may = {}
    for c in threads:
        may[c.pk] = services.comment_actions(c, user) if c.resolvable else set()
        if "comment" in actions and allowed(user, "review.reply_comment", c):
            may[c.pk].add("reply")
    for c in threads:
        c.may = may[c.pk]
    return {"threads": threads, "only_open": only_open, "comment_counts": selectors.comment_counts(review)}


def _summary_shown(summary: dict) -> dict:
    """What will be public, for the page: each file also by its role's label in the reader's language (the
    summary itself keeps the role's code: it is what a sign-off stores)."""
    from generation.postprocess.roles import FileRole

    labels = dict(FileRole.choices)
    return {**summary, "files": [{**f, "label": labels.get(f["role"], f["role"])} for f in summary.get("files", [])]}


def _audit_context(request, review: Review) -> dict:
    """The audit list in pages (refused attempts are logged too, so it grows with every try); the page links
    keep the comment filter."""
    page, query = paginate(request, selectors.audit_for(review), {"comments": request.GET.get("comments", "")})
    return {"audit": page, "audit_query": query}


def _detail_context(request, review: Review) -> dict:
    user = request.user
    signer = services.signing_inheritor(review, user)
    record = getattr(review.clip, "archive_record", None)  # written by the records app
    if record is not None and not allowed(user, "records.view_staff"):
        record = None  # its page is the staff's: no link that answers 403
    blocked = workflow.blocked_actions(review, user)
    actions = workflow.available_names(review, user)
    return {
        **_comment_context(request, review, actions),
        "review": review,
        "actions": actions,
        "blocked": blocked,
        "stalled": _stalled(review, blocked),
        "postprocessing": selectors.postprocessing_status(review.clip),
        "newer": selectors.newer_take(review, user),
        "approval": selectors.reviewer_approval(review),
        "versions": selectors.review_versions(review),
        **_audit_context(request, review),
        "summary": _summary_shown(services.public_summary(review)),
        "signoff": review.active_signoff(),
        "signoffs": review.signoffs.select_related("inheritor", "signed_by"),
        "record": record,
        "is_signer": signer is not None,
        "State": Review.State,
    }


# the inbox in pages (a curator of a large archive has hundreds of reviews; it used to stop at 200)
INBOX_PAGE_SIZE = 50
WAITING_CLIPS = 50  # the newest clips not yet in review on the inbox; the rest are counted (the job list has all)


@requires("review.view_inbox", message=_("您没有审核权限。"))
@require_GET
def inbox(request):
    qs = selectors.review_list_for(request.user)
    state = request.GET.get("state", "")
    if state in Review.State.values:
        qs = qs.filter(state=state)
    waiting, waiting_more = [], 0
    may_open = allowed(request.user, "review.open")
    if may_open:
        unreviewed = Clip.objects.filter(review__isnull=True, job__technique__isnull=False)
        waiting = list(unreviewed.select_related("job__technique").order_by("-created_at", "-pk")[:WAITING_CLIPS])
        waiting_more = unreviewed.count() - len(waiting) if len(waiting) == WAITING_CLIPS else 0
    # what the workflow's rules read for each listed review, fetched for the page as the API list does
    page, query = paginate(request, selectors.with_page_rules(qs), {"state": state}, per_page=INBOX_PAGE_SIZE)
    reviews = list(page)
    selectors.fetch_page(reviews, request.user)
    signable = signable_review_ids(request.user, reviews)  # review.signing: a narration only for its narrator
    # Items waiting for this person's signature say so, with the signing screen one tap away (the
    # workflow decides: state, the right to sign this review, post-processing done).
    to_sign = {r.pk for r in reviews if r.pk in signable and r.state == Review.State.IN_REVIEW
               and "sign" in workflow.available_names(r, request.user)}
    return render(request, "review/inbox.html", {
        "reviews": reviews, "page_obj": page, "query": query, "state": state, "states": Review.State.choices, "waiting_clips": waiting, "waiting_more": waiting_more,
        "is_curator": may_open, "signable": signable, "to_sign": to_sign,
        # a signer (an inheritor, a proxy) is told in words when nothing waits for them (walk14: a list of signed
        # items alone left them wondering); only when the whole list is on this page and unfiltered
        "nothing_to_sign": not to_sign and not state and not page.has_other_pages()
        and not allowed(request.user, "review.view_all"),
    })


@requires("review.view", **VIEW_REVIEW)
@require_GET
def detail(request, pk):
    review = _get_review(request, pk)
    services.notification_mark_read(user=request.user, review=review)
    ctx = _detail_context(request, review)
    _show_draft(request, review, ctx)
    return render(request, "review/detail.html", ctx)


# --- Post-redirect-get, also when an action is refused (``_answer_refusal``) ----------------------------------
# A refused form does not leave the browser on a POST it could send again by reloading: the error and what was
# typed are kept in the session for the screen the browser is redirected to (the review page or the signing
# screen), which shows them once, in the form they were typed in.

DRAFT_KEY = "review-comment-draft"
# the fields of the review screens' forms (comment, reply, change request, rights, withdraw, the signing screen)
DRAFT_FIELDS = ("text", "at", "parent", "action_description", "rights_uri", "reason", "comment", "confirm")


def _keep_draft(request, review: Review, action: str, exc: services.TransitionRefused) -> None:
    posted = {k: request.POST.get(k, "")[:5000] for k in DRAFT_FIELDS if k in request.POST}
    request.session[DRAFT_KEY] = {"review": str(review.pk), "action": action, "error": exc.message,
                                  "code": exc.code, "field": exc.field, "posted": posted}


def _pop_draft(request, review: Review) -> dict | None:
    draft = request.session.get(DRAFT_KEY)
    if not draft or draft.get("review") != str(review.pk):
        return None
    del request.session[DRAFT_KEY]
    return draft


def _show_draft(request, review: Review, ctx: dict) -> None:
    """A refused form, redirected here: its error and what was typed, into the screen's context."""
    draft = _pop_draft(request, review)
    if draft:
        ctx.update(error=draft["error"], error_code=draft.get("code", ""), error_field_name=draft.get("field"),
                   posted=draft["posted"],
                   posted_action=draft["action"])


def _back_to_comments(review: Review, anchor: str):
    return redirect(reverse("review:detail", args=[review.pk]) + "#" + anchor)


@requires("review.comment", enforce=False)  # the workflow checks it (and review.reply_comment) and audits a refusal
@require_POST
def comment(request, pk):
    """A comment, or (``parent``) a reply to a thread. Success → where this person works on the review; a refusal
    they may see → back to the review page with the error and their text in the form."""
    review = get_object_or_404(Review, pk=pk)
    parent = (request.POST.get("parent") or "").strip()
    try:
        workflow.dispatch(review=review, action="comment", actor=request.user,
                          parent=parent or None, **_action_data("comment", request.POST))
    except services.TransitionRefused as exc:
        back = reverse("review:detail", args=[review.pk]) + "#" + (f"c-{parent}" if parent.isdigit() else "comment-form")
        return _answer_refusal(request, exc, review, "reply" if parent else "comment", back)
    if parent:
        return _back_to_comments(review, f"c-{parent}")
    return redirect(selectors.screen_url(review, request.user))


def _comment_resolution(resolved: bool):
    @requires("review.resolve_comment", enforce=False)  # comment_set_resolved checks it and audits a refusal
    @require_POST
    def view(request, pk, comment_id):
        review = get_object_or_404(Review, pk=pk)
        if not can_view_review(request.user, review):
            return refuse(request, _("您无权查看该审核。"))
        thread = get_object_or_404(review.comments, pk=comment_id)
        only_open = request.POST.get("comments") == "open"
        back = (reverse("review:detail", args=[review.pk]) + ("?comments=open" if only_open else "")
                + f"#c-{thread.pk}")
        try:
            services.comment_set_resolved(comment=thread, actor=request.user, resolved=resolved)
        except services.TransitionRefused as exc:
            return _answer_refusal(request, exc, review, view.__name__, back)
        messages.success(request, _("已标记为已解决。") if resolved else _("已重新打开这条意见。"))
        return redirect(back)

    view.__name__ = "resolve_comment" if resolved else "reopen_comment"
    return view


resolve_comment = _comment_resolution(True)
reopen_comment = _comment_resolution(False)


@requires("review.view", **VIEW_REVIEW)
@require_GET
def status(request, pk):
    """Small JSON that review/review.js polls while post-processing runs: ``pending`` (a media job that
    submitting and signing wait for is queued or running), its ``status``, and progress in outputs
    (``done``/``total``/``percent``, ``null`` until a worker has counted them). The signing screen also
    watches the review's ``state`` and ``newer`` (the newer take this person is shown: ``id``,
    ``version``, ``state``; ``null`` when there is none) and reloads when either changes."""
    review = _get_review(request, pk)
    body = selectors.postprocessing_status(review.clip)
    newer = selectors.newer_take(review, request.user)
    body["state"] = review.state
    body["newer"] = ({"id": str(newer.pk), "version": newer.version, "state": newer.state}
                     if newer is not None else None)
    response = JsonResponse(body)
    response["Cache-Control"] = "private, no-store"
    return response


@requires("review.view", **VIEW_REVIEW)
@require_GET
def media(request, pk):
    """The clip (or a public rendition) for people allowed to see the review; unpublished media has no
    public URL."""
    review = _get_review(request, pk)
    from heritage.media import stream_field_file  # Range requests (seeking), as the gallery

    role = request.GET.get("role", "video")
    for pf in services.public_files(review.clip):
        if pf.role == role:
            response = stream_field_file(request, pf.field_file, content_type=pf.mime, proxy=True)
            response["Cache-Control"] = "private, no-store"
            return response
    raise Http404


def _sign_context(request, review: Review) -> dict:
    """What the signing screen shows (review/sign.html), for the screen and for a refusal rendered on it."""
    ctx = _detail_context(request, review)
    ctx["inheritor"] = services.signing_inheritor(review, request.user)
    job = review.clip.job
    if job.kind == job.Kind.S2V:  # a narrated video: the screen says whose likeness speaks which span of which words
        ctx["narration"] = job
        ctx["narrator"] = job.narrator_name()
    if review.state == Review.State.CHANGES_REQUESTED:
        ctx["change_request"], ctx["contact"] = selectors.change_request_shown(review)
    return ctx


# the signing screen's fields by the input a refusal names (``TransitionRefused.field``, whatever its code): the
# action's input → the field's id on the screen (需要修改's ``text`` is typed in the comment box)
SIGN_FIELD_ERRORS = {"text": "comment", "at_ms": "at", "confirm": "confirm"}


@requires("review.sign", obj=_review, message=_("只有本项目的传承人(或其登记的代理人)可以签署。"))
def sign(request, pk):
    """The inheritor's signing screen: plays the clip, shows the attribution and exactly what will be
    public; approve, or request changes with a comment."""
    review = _get_review(request, pk)
    if request.method == "POST":
        decision = request.POST.get("decision")
        try:
            if decision == "approve":
                if request.POST.get("confirm") != "yes":
                    raise services.TransitionRefused(_("请勾选确认后再签署。"), code="not_confirmed", status=400,
                                                                   field="confirm")
                workflow.dispatch(review=review, action="sign", actor=request.user,
                                  sha256=request.POST.get("sha256", ""), attribution=request.POST.get("attribution", ""),
                                  comment=request.POST.get("comment", ""))
                messages.success(request, _("已签署。感谢您的确认。"))
            elif decision == "changes":
                workflow.dispatch(review=review, action="request_changes", actor=request.user,
                                  text=request.POST.get("comment", ""), at_ms=_parse_timecode(request.POST.get("at")))
                messages.success(request, _("修改意见已发送给馆员。"))
            else:
                raise services.TransitionRefused(_("请选择「同意签署」或「需要修改」。"), code="invalid", status=400)
        except services.TransitionRefused as exc:
            return _answer_refusal(request, exc, review, "sign", reverse("review:sign", args=[review.pk]))
        return redirect("review:sign", pk=review.pk)
    services.notification_mark_read(user=request.user, review=review)
    ctx = _sign_context(request, review)
    _show_draft(request, review, ctx)
    # a refusal about one field is shown at that field (aria-describedby, focus), not at the top of the page
    field = SIGN_FIELD_ERRORS.get(ctx.get("error_field_name") or "", "")
    shown = review.state == Review.State.IN_REVIEW and (field != "confirm" or "sign" in ctx["actions"])
    ctx["error_field"] = field if shown else ""  # else the form (or that field) is gone: the error stays on top
    return render(request, "review/sign.html", ctx)


def _action_data(name: str, post) -> dict:
    """The fields one action reads from a form post."""
    if name in ("comment", "approve", "request_changes", "reject"):
        data = {"text": post.get("text", "")}
        if name in ("comment", "request_changes"):
            data["at_ms"] = _parse_timecode(post.get("at"))
        if name == "request_changes":
            raw = (post.get("action_description") or "").strip()
            if raw:
                try:
                    data["action_description"] = json.loads(raw)
                except ValueError:
                    raise services.TransitionRefused(_("结构化动作描述不是有效的 JSON。"), code="invalid", status=400)
        return data
    if name == "withdraw":
        return {"reason": post.get("reason", "")}
    if name == "set_rights":
        return {"rights_uri": post.get("rights_uri", "")}
    return {}


def _post_action(name: str):
    """A form post of one action of review/workflow.py. The workflow checks the action's permission
    (and audits a refusal), so the view itself only requires a login."""

    @requires(workflow.ACTIONS[name].permission, enforce=False)
    @require_POST
    def view(request, pk):
        review = get_object_or_404(Review, pk=pk)
        try:
            result = workflow.dispatch(review=review, action=name, actor=request.user,
                                       **_action_data(name, request.POST))
        except services.TransitionRefused as exc:
            # back to the screen the person works on (the signer's phone signing screen, else the review page)
            return _answer_refusal(request, exc, review, name)
        if name == "archive":
            messages.success(request, _("已归档:%(id)s") % {"id": result.pk})
        elif name == "approve":
            messages.success(request, _("已记录:研究者已审阅。"))
        elif name == "retract_changes":
            messages.success(request, _("已撤回您的修改意见。这一版回到「审核中」,请重新审看后签署或提出意见。"))
        return redirect(selectors.screen_url(review, request.user))

    view.__name__ = name
    return view


submit = _post_action("submit")
approve = _post_action("approve")
request_changes = _post_action("request_changes")
reject = _post_action("reject")
retract_changes = _post_action("retract_changes")
archive = _post_action("archive")
withdraw = _post_action("withdraw")
set_rights = _post_action("set_rights")


@requires("review.open", enforce=False)  # review_open checks it and audits a refusal
@require_POST
def open_review(request, clip_id):
    clip = get_object_or_404(Clip.objects.select_related("job"), pk=clip_id)
    try:
        review = services.review_open(clip=clip, actor=request.user)
    except services.TransitionRefused as exc:
        return _answer_refusal(request, exc, None, "open", reverse("review:inbox"))
    return redirect("review:detail", pk=review.pk)


@requires("heritage.authenticated")
def notifications(request):
    if request.method == "POST":
        services.notification_mark_read(user=request.user)
        return redirect("review:notifications")
    # the review's clip's job: a narration's notice is marked 口述影像, as in the inbox (walk14)
    page, query = paginate(request, request.user.review_notifications.select_related("review__clip__job")
                           .order_by("-created_at", "-pk"), {})
    items = list(page)
    if not allowed(request.user, "review.view_all"):
        # who may see a review can change after a notification was written (a signer change): no link to a
        # page the reader may not open now (review.signing's rule as a query, one for the page)
        mine = viewable_review_ids(request.user, [n.review_id for n in items])
        for n in items:
            if n.review_id is not None and n.review_id not in mine:
                n.url = ""
    return render(request, "review/notifications.html", {"items": items, "page_obj": page, "query": query})


@requires("review.view", **VIEW_REVIEW)
@require_GET
def captions(request, pk):
    """WebVTT for the review and signing player, so it always has a text track: the clip's Chinese subtitles
    when post-processing made them, otherwise one cue over the whole clip with what it shows (the step's
    description, else the oral-history text it was generated from)."""
    from django.http import HttpResponse

    from heritage.webvtt import Cue, serialize

    review = _get_review(request, pk)
    body = None
    for pf in services.public_files(review.clip):
        if pf.role == "vtt":
            with pf.field_file.open("rb") as fh:
                body = fh.read().decode("utf-8", errors="replace")
            break
    if body is None:
        text = ((review.step.description if review.step else "") or review.clip.job.source_text
                or review.title or "—")
        end_ms = max(int(round((review.clip.duration_s or 0) * 1000)), 1000)
        body = serialize([Cue(start_ms=0, end_ms=end_ms, text=text)])
    response = HttpResponse(body, content_type="text/vtt; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
