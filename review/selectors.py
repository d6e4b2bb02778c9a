"""Reads for the review screens, the API and other apps (post-processing reads the attribution here)."""
from __future__ import annotations

from django.db.models import Q, QuerySet

from archive.roles import ADMIN, CURATOR, REVIEWER, has_role

from .models import AuditEntry, Notification, Review


def attribution_for_clip(clip) -> str | None:
    """The attribution text for a clip, 「基于<传承人>口述重构」, or None until a review composed it.
    Post-processing draws it into the delivery video's visible label."""
    review = Review.objects.filter(clip=clip).only("attribution").first()
    return (review.attribution or None) if review else None


def signer_crafts(user) -> list[int]:
    """Ids of the crafts this user may sign for (as the inheritor or as the recorded proxy)."""
    from archive.models import Inheritor

    if not user.is_authenticated:
        return []
    crafts = []
    for inh in Inheritor.objects.filter(Q(user=user) | Q(proxy_user=user)).select_related("proxy_user"):
        if inh.signer is not None and inh.signer.pk == user.pk:
            crafts.append(inh.craft_id)
    return crafts


def review_list_for(user) -> QuerySet[Review]:
    """Reviews this user may see: staff roles see all; an inheritor (or proxy) sees their craft's."""
    qs = Review.objects.select_related("technique", "technique__craft", "clip", "step", "created_by")
    if has_role(user, CURATOR, REVIEWER, ADMIN):
        return qs
    crafts = signer_crafts(user)
    if crafts:
        # An inheritor sees the current take of each demonstration: a take replaced by a newer version
        # (v1 after v2 was opened) is history for the curator's versions list, not something to sign.
        return (qs.filter(technique__craft_id__in=crafts).exclude(state=Review.State.DRAFT)
                .exclude(next_takes__isnull=False).distinct())
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


def audit_for(review: Review) -> QuerySet[AuditEntry]:
    return review.audit.select_related("actor").order_by("at", "id")


def unread_notifications(user) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user, read_at__isnull=True)
