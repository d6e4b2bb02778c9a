"""Review screens: the inbox, a review's page (player, time-coded comments, versions, audit), the
inheritor's signing screen (large type, phone-friendly) and notifications. The archive records'
screens are in records/views.py.

Views only parse input and call review.services; a refused transition becomes a message and the right
HTTP status (403 no right, 409 wrong state, 400 bad input), never a half-done change.
"""
from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from archive.roles import ADMIN, CURATOR, REVIEWER, has_role
from generation.models import Clip

from . import selectors, services
from .models import Review


def can_view_review(user, review: Review) -> bool:
    return has_role(user, CURATOR, REVIEWER, ADMIN) or services.signing_inheritor(review, user) is not None


def _get_review(request, pk) -> Review:
    review = get_object_or_404(Review.objects.select_related("technique__craft", "clip__job", "step"), pk=pk)
    if not can_view_review(request.user, review):
        raise PermissionDenied(_("您无权查看该审核。"))
    return review


def _refused(request, exc: services.TransitionRefused, review: Review | None = None, template=None):
    messages.error(request, exc.message)
    if review is not None:
        ctx = _detail_context(request, review)
        ctx["error"] = exc.message
        return render(request, template or "review/detail.html", ctx, status=exc.status)
    return render(request, "review/refused.html", {"error": exc.message}, status=exc.status)


def _parse_timecode(value: str | None):
    """"00:03", "3", "1:02.5" → milliseconds; "" → None."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        parts = [float(p) for p in value.split(":")]
    except ValueError:
        raise services.TransitionRefused(_("时间点格式不正确,请写成 分:秒,例如 00:03。"), code="at_ms", status=400)
    seconds = 0.0
    for p in parts:
        seconds = seconds * 60 + p
    return int(round(seconds * 1000))


def _detail_context(request, review: Review) -> dict:
    user = request.user
    signer = services.signing_inheritor(review, user)
    record = getattr(review.clip, "archive_record", None)  # written by the records app
    return {
        "review": review,
        "comments": review.comments.select_related("author"),
        "versions": selectors.review_versions(review),
        "audit": selectors.audit_for(review),
        "summary": services.public_summary(review),
        "signoff": review.active_signoff(),
        "signoffs": review.signoffs.select_related("inheritor", "signed_by"),
        "record": record,
        "is_curator": services.is_staff_curator(user),
        "is_reviewer": services.is_reviewer(user),
        "is_signer": signer is not None,
        "can_withdraw": signer is not None or services.is_admin(user),
        "State": Review.State,
    }


@login_required
@require_GET
def inbox(request):
    qs = selectors.review_list_for(request.user)
    if not (has_role(request.user, CURATOR, REVIEWER, ADMIN) or selectors.signer_crafts(request.user)):
        raise PermissionDenied(_("您没有审核权限。"))
    state = request.GET.get("state", "")
    if state in Review.State.values:
        qs = qs.filter(state=state)
    waiting = []
    if services.is_staff_curator(request.user):
        waiting = Clip.objects.filter(review__isnull=True, job__technique__isnull=False).select_related(
            "job__technique")[:50]
    return render(request, "review/inbox.html", {
        "reviews": qs[:200], "state": state, "states": Review.State.choices, "waiting_clips": waiting,
        "is_curator": services.is_staff_curator(request.user),
        "signer_crafts": selectors.signer_crafts(request.user),
    })


@login_required
@require_GET
def detail(request, pk):
    review = _get_review(request, pk)
    return render(request, "review/detail.html", _detail_context(request, review))


@login_required
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


@login_required
def sign(request, pk):
    """The inheritor's signing screen: plays the clip, shows the attribution and exactly what will be
    public; approve, or request changes with a comment."""
    review = _get_review(request, pk)
    if services.signing_inheritor(review, request.user) is None:
        raise PermissionDenied(_("只有本项目的传承人(或其登记的代理人)可以签署。"))
    ctx = _detail_context(request, review)
    ctx["inheritor"] = services.signing_inheritor(review, request.user)
    if request.method == "POST":
        decision = request.POST.get("decision")
        try:
            if decision == "approve":
                if request.POST.get("confirm") != "yes":
                    raise services.TransitionRefused(_("请勾选确认后再签署。"), code="not_confirmed", status=400)
                services.review_sign(review=review, actor=request.user, sha256=request.POST.get("sha256", ""),
                                     attribution=request.POST.get("attribution", ""),
                                     comment=request.POST.get("comment", ""))
                messages.success(request, _("已签署。感谢您的确认。"))
            elif decision == "changes":
                services.review_request_changes(review=review, actor=request.user,
                                                text=request.POST.get("comment", ""),
                                                at_ms=_parse_timecode(request.POST.get("at")))
                messages.success(request, _("修改意见已发送给策展人。"))
            else:
                raise services.TransitionRefused(_("请选择「同意签署」或「需要修改」。"), code="invalid", status=400)
        except services.TransitionRefused as exc:
            return _refused(request, exc, review, template="review/sign.html") if exc.status != 403 else _refused(
                request, exc)
        return redirect("review:sign", pk=review.pk)
    return render(request, "review/sign.html", ctx)


def _post_action(fn_name):
    @login_required
    @require_POST
    def view(request, pk):
        review = get_object_or_404(Review, pk=pk)
        try:
            call = getattr(services, fn_name)
            p = request.POST
            if fn_name == "review_submit":
                call(review=review, actor=request.user)
            elif fn_name == "review_archive":
                record = call(review=review, actor=request.user)
                messages.success(request, _("已归档:%(id)s") % {"id": record.pk})
            elif fn_name == "review_comment":
                call(review=review, actor=request.user, text=p.get("text", ""), at_ms=_parse_timecode(p.get("at")))
            elif fn_name == "review_request_changes":
                desc = None
                raw = (p.get("action_description") or "").strip()
                if raw:
                    try:
                        desc = json.loads(raw)
                    except ValueError:
                        raise services.TransitionRefused(_("结构化动作描述不是有效的 JSON。"), code="invalid",
                                                         status=400)
                call(review=review, actor=request.user, text=p.get("text", ""), at_ms=_parse_timecode(p.get("at")),
                     action_description=desc)
            elif fn_name == "review_reject":
                call(review=review, actor=request.user, text=p.get("text", ""))
            elif fn_name == "review_withdraw":
                call(review=review, actor=request.user, reason=p.get("reason", ""))
            elif fn_name == "review_set_rights":
                call(review=review, actor=request.user, rights_uri=p.get("rights_uri", ""))
        except services.TransitionRefused as exc:
            visible = can_view_review(request.user, review) and exc.status != 403
            return _refused(request, exc, review if visible else None)
        target = "review:sign" if services.signing_inheritor(review, request.user) and not has_role(
            request.user, CURATOR, REVIEWER, ADMIN) else "review:detail"
        return redirect(target, pk=review.pk)

    view.__name__ = fn_name
    return view


submit = _post_action("review_submit")
comment = _post_action("review_comment")
request_changes = _post_action("review_request_changes")
reject = _post_action("review_reject")
archive = _post_action("review_archive")
withdraw = _post_action("review_withdraw")
set_rights = _post_action("review_set_rights")


@login_required
@require_POST
def open_review(request, clip_id):
    clip = get_object_or_404(Clip.objects.select_related("job"), pk=clip_id)
    try:
        review = services.review_open(clip=clip, actor=request.user)
    except services.TransitionRefused as exc:
        return _refused(request, exc)
    return redirect("review:detail", pk=review.pk)


@login_required
def notifications(request):
    if request.method == "POST":
        services.notification_mark_read(user=request.user)
        return redirect("review:notifications")
    items = request.user.review_notifications.select_related("review")[:100]
    return render(request, "review/notifications.html", {"items": items})

