"""Reads for the review screens and the API."""
from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from archive.roles import list_person_names
from archive.signing import signer_crafts
from heritage.permissions import allowed

from .models import AuditEntry, Notification, Review, ReviewComment
from .signing import viewable_reviews_q

__all__ = ["signer_crafts", "reviewer_approval", "review_list_for", "review_versions", "audit_for",
           "unread_notifications", "postprocessing_status", "newer_take",
           "screen_url", "comment_threads", "comment_counts", "with_open_comments", "with_page_rules", "fetch_page"]


def ok_audit(entries):
    """Of ``entries`` (a queryset of AuditEntry), the successful ones, the latest first."""
    return entries.filter(outcome=AuditEntry.Outcome.OK).order_by("-at", "-id")


def approvals(comments):
    """Of ``comments`` (a queryset of ReviewComment), the reviewer's 「研究者已审阅」, the latest first."""
    return comments.filter(kind=ReviewComment.Kind.APPROVAL).select_related("author").order_by("-created_at")


def _latest_ok(review: Review, action: str) -> AuditEntry | None:
    """The latest successful ``action`` on the review (from ``page_ok_audit`` when a list fetched its page's)."""
    fetched = getattr(review, "page_ok_audit", None)
    if fetched is not None:
        return next((entry for entry in fetched if entry.action == action), None)
    return ok_audit(review.audit.filter(action=action)).first()


def reviewer_approval(review: Review):
    """The reviewer's 「研究者已审阅」 for the version now in review (after its latest submission), or None."""
    submitted = _latest_ok(review, "submit")
    fetched = getattr(review, "page_approvals", None)
    shown = fetched if fetched is not None else approvals(review.comments.all()).filter(
        **({"created_at__gte": submitted.at} if submitted is not None else {}))
    return next((c for c in shown if submitted is None or c.created_at >= submitted.at), None)


def change_request_shown(review: Review):
    """After 需要修改 on the signing screen: the latest change request on this version (what was asked, by
    whom, at which time code) and the curator to contact to correct it (who last sent it for review, else
    who opened it); a curator may send the same version again (``submit`` from changes_requested)."""
    request = (review.comments.filter(kind=ReviewComment.Kind.CHANGE_REQUEST).select_related("author")
               .order_by("-created_at").first())
    sender = (review.audit.filter(action="submit", outcome=AuditEntry.Outcome.OK).select_related("actor")
              .order_by("-at").first())
    contact = sender.actor if sender is not None and sender.actor is not None else review.created_by
    return request, contact


def latest_change_request_entry(review: Review) -> AuditEntry | None:
    """The audit entry of the latest successful 需要修改 on this review (its ``details`` name the comment, a
    new job if one was started, and ``signing_for``: the inheritor the requester signed for, if any)."""
    return _latest_ok(review, "request_changes")


def acted_on_since_change_request(review: Review) -> bool:
    """Has anyone but the requester side acted on the review since its latest 需要修改: a new take started
    (by the request itself or a curator's retry), or any other successful action by someone else. Read under
    the lock every new take of the clip's job is created under (``generation.services.retry_lock``; the retract
    also holds the review's row lock), so a take being made at the same moment is waited for, not missed; a
    list's page (``with_page_rules``: what it shows, not what a retract decides on) reads what it fetched."""
    from generation.models import GenerationJob
    from generation.services import retry_lock

    fetched = getattr(review, "page_ok_audit", None)
    if fetched is None:
        retry_lock(review.clip.job_id)
    entry = latest_change_request_entry(review)
    if entry is None:
        return True
    if (entry.details or {}).get("new_job"):
        return True
    if fetched is not None:
        takes, retries = review.page_next_takes, review.clip.job.page_retries
        entries = [e for e in fetched if e.at >= entry.at]
    else:
        takes = review.next_takes.all()[:1]
        retries = GenerationJob.objects.filter(retry_of_id=review.clip.job_id, created_at__gte=entry.at)[:1]
        entries = ok_audit(review.audit.filter(at__gte=entry.at))
    if takes or any(job.created_at >= entry.at for job in retries):
        return True
    return any(e.pk != entry.pk and e.actor_id != entry.actor_id for e in entries)


def review_list_for(user) -> QuerySet[Review]:
    """Reviews this user may see: staff roles see all; an inheritor (or proxy) those they may sign."""
    qs = Review.objects.select_related("technique", "technique__craft", "clip", "clip__job", "step", "created_by")
    if allowed(user, "review.view_all"):
        return qs
    if signer_crafts(user):
        # Which reviews an inheritor (or proxy) may see is review.signing's rule (``viewable_reviews_q``, the
        # ``review.view`` predicate as a query): their craft's demonstrations, only the narrated videos of their
        # own portrait and voice, never a draft. The list shows the current take of each: a take replaced by a
        # newer version (v1 after v2 was opened) stays viewable (its page says so) but is not listed.
        return qs.filter(viewable_reviews_q(user)).exclude(next_takes__isnull=False).distinct()
    return qs.none()


def review_versions(review: Review) -> list[Review]:
    """All takes of the same demonstration, oldest first (follows ``previous`` both ways)."""
    root = review
    seen = {root.pk}
    while root.previous_id and root.previous_id not in seen:
        root = root.previous
        seen.add(root.pk)
    chain, frontier = [root], [root]
    while frontier:
        nxt = list(Review.objects.filter(previous__in=frontier).order_by("created_at"))
        chain.extend(nxt)
        frontier = nxt
    return sorted(chain, key=lambda r: (r.version, r.created_at))


def newer_take(review: Review, user) -> Review | None:
    """The newest take made after ``review`` (the new version a change request or a retry produced) that
    ``user`` is shown: staff see drafts too, an inheritor only a take that was sent to them (not a draft).
    The signing screen and the review page point to it, and ``status.json`` reports it so they update."""
    shown = [r for r in review_versions(review) if r.version > review.version
             and (r.state != Review.State.DRAFT or allowed(user, "review.view_all"))]
    return shown[-1] if shown else None


def screen_url(review: Review, user) -> str:
    """Where ``user`` works on ``review``: the signing screen for the craft's inheritor (or proxy), the
    review page for everyone else."""
    from django.urls import reverse

    signer = allowed(user, "review.sign", review) and not allowed(user, "review.view_all")
    return reverse("review:sign" if signer else "review:detail", args=[review.pk])


def audit_for(review: Review) -> QuerySet[AuditEntry]:
    """A review's audit entries, newest first (the review page shows them in pages)."""
    return list_person_names(review.audit.all(), "actor").order_by("-at", "-id")


def unread_notifications(user) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user, read_at__isnull=True)


def postprocessing_status(clip) -> dict:
    """What the review page polls while post-processing runs (``/review/<id>/status.json``): whether a
    media job that submitting and signing wait for is still queued or running (``readiness``'s rule)
    and its progress in outputs done / total when a worker has counted them (else ``None``)."""
    from .readiness import pending_media_jobs

    jobs = list(pending_media_jobs(clip).order_by("created_at"))
    if not jobs:
        return {"pending": False, "status": None, "status_display": None, "done": None, "total": None,
                "percent": None}
    running = [j for j in jobs if j.status == j.Status.RUNNING]
    shown = running[0] if running else jobs[0]
    total = sum(j.progress_total for j in jobs)
    done = sum(min(j.progress_done, j.progress_total) for j in jobs)
    return {"pending": True, "status": shown.status, "status_display": str(shown.get_status_display()),
            "done": done if total else None, "total": total or None,
            "percent": round(100 * done / total, 1) if total else None}


def comment_threads(review: Review, *, resolved: bool | None = None) -> QuerySet[ReviewComment]:
    """The review's top-level comments (threads), each with its replies (``replies.all``, oldest first), in the
    order of the clip (time code, then time). ``resolved=False``: only open threads (a kind that can be resolved,
    not resolved yet); ``True``: only resolved ones; None: all."""
    qs = (review.comments.filter(parent__isnull=True).select_related("author", "resolved_by")
          .prefetch_related(Prefetch("replies", ReviewComment.objects.select_related("author").order_by("created_at"))))
    if resolved is False:
        qs = qs.filter(ReviewComment.open_q())
    elif resolved is True:
        qs = qs.filter(ReviewComment.resolved_q())
    return qs.order_by("at_ms", "created_at", "pk")


def comment_counts(review: Review) -> dict[str, int]:
    """Open and resolved threads of the review (``ReviewComment.open_q``/``resolved_q``), in one query."""
    counts = review.comments.aggregate(open=Count("pk", filter=ReviewComment.open_q()),
                                       resolved=Count("pk", filter=ReviewComment.resolved_q()))
    return {"open": counts["open"] or 0, "resolved": counts["resolved"] or 0}


def with_page_rules(reviews: QuerySet[Review]) -> QuerySet[Review]:
    """``reviews`` with what the workflow's rules read of each review (``available_actions``, its guards and
    permissions; ``reviewer_approval``; the archive record) fetched for a whole page at once, so a list answers in
    a number of queries that does not grow with its page; ``fetch_page`` adds what depends on the user."""
    from generation.models import GenerationJob
    from generation.postprocess.models import MediaJob
    from generation.postprocess.selectors import succeeded

    from .models import SignOff, active_signoffs
    from .readiness import pending

    return reviews.select_related("clip__archive_record", "clip__job__portrait", "clip__job__recording").prefetch_related(
        Prefetch("audit", ok_audit(AuditEntry.objects.all()), to_attr="page_ok_audit"),
        Prefetch("comments", approvals(ReviewComment.objects.all()), to_attr="page_approvals"),
        Prefetch("signoffs", active_signoffs(SignOff.objects.all()), to_attr="page_active_signoffs"),
        Prefetch("next_takes", Review.objects.only("pk", "previous"), to_attr="page_next_takes"),
        Prefetch("clip__job__retries", GenerationJob.objects.only("pk", "created_at", "retry_of"),
                 to_attr="page_retries"),
        Prefetch("clip__media_jobs", pending(MediaJob.objects.all()), to_attr="page_pending_media"),
        Prefetch("clip__media_jobs", succeeded(MediaJob.objects.all()).prefetch_related("renditions"),
                 to_attr="page_succeeded_media"),
    )


def fetch_page(reviews, user) -> None:
    """For a page of ``with_page_rules``: what the rules read that depends on ``user`` (who they sign for) and
    the consent each clip's job rests on, a few queries for the whole page."""
    from generation.attribution import fetch_consent_sources

    from .signing import fetch_signable

    fetch_signable(user, reviews)
    fetch_consent_sources(review.clip.job for review in reviews)


def with_open_comments(reviews: QuerySet[Review]) -> QuerySet[Review]:
    """``reviews`` with ``open_comments_count``: each review's open threads (``comment_counts``' "open"), counted
    in the list's own query (a subquery), not one query per review."""
    open_threads = (ReviewComment.objects.filter(ReviewComment.open_q(), review=OuterRef("pk")).order_by()
                    .values("review").annotate(n=Count("pk")).values("n"))
    return reviews.annotate(open_comments_count=Coalesce(Subquery(open_threads, output_field=IntegerField()), 0))
