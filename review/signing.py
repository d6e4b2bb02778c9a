"""Who may sign a given review: the one rule, for one review and as a query for lists.

A demonstration (t2v) is signed for the craft: any inheritor of the review's craft, each by their signer
(``archive.signing.inheritors_with_signer``: the inheritor, or the recorded proxy with the authority on file).
A narrated video (口述影像, ``GenerationJob.kind == "s2v"``) shows ONE inheritor's portrait speaking with their
recorded voice: only that inheritor (or their proxy) signs it, never another inheritor of the same craft.
The narrator is ``GenerationJob.narrator_id``: the portrait's inheritor (``generation.s2v`` refuses a portrait of someone other than the
recording's speaker); a narration without a portrait falls back to the recording's speaker, and one with
neither has nobody who may sign.

It lives in ``review`` (not ``archive.signing``) because it reads the review's clip and job: archive sits
below generation and review in the import layers (.importlinter). The permission predicate
(heritage/permissions.py ``is_signer_for``), the services (signing inheritor, notifications), the inbox
(selectors and views) and the gallery's next-step note all ask here.

Who may VIEW a review outside the staff is decided here too (decision, branch narr): only whoever may sign it,
once a curator has sent it (not a draft). A narration is the narrator's portrait and voice, shown under the
narrator's likeness consent: before it is archived and public, its review (player, comments, audit) is for the
narrator (or their proxy), the curators and the reviewers, never for another inheritor of the same craft; once
archived it is in the public gallery for everyone. A demonstration is signed for the craft, so its craft's
inheritors see it. ``may_view_as_signer`` (one review: the ``review.view`` predicate) and ``viewable_reviews_q``
(lists: the inbox, the API list, the notifications page's links) are the same rule; staff see every review.
"""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from archive.models import Inheritor
from archive.signing import inheritors_signable_by, inheritors_with_signer
from generation.models import GenerationJob

from .models import Review

S2V = GenerationJob.Kind.S2V


def job_of(obj):
    """The generation job behind a review (via its clip), or the job itself; None for anything else."""
    if obj is None:
        return None
    clip = getattr(obj, "clip", None)
    if clip is not None and hasattr(clip, "job_id"):
        return clip.job
    return obj if hasattr(obj, "portrait_id") and hasattr(obj, "kind") else None


def _craft_id(obj):
    technique = getattr(obj, "technique", None)
    return technique.craft_id if technique is not None else None


def review_inheritors(review) -> QuerySet[Inheritor]:
    """The inheritors on whose behalf ``review`` (or a generation job) may be signed, annotated with
    ``signer_id`` (None where nobody may sign for them yet): a narration's narrator; otherwise the craft's."""
    qs = inheritors_with_signer()
    job = job_of(review)
    if job is not None and job.kind == S2V:
        pk = job.narrator_id()
        return qs.filter(pk=pk) if pk else qs.none()
    craft_id = _craft_id(review)
    return qs.filter(craft_id=craft_id) if craft_id else qs.none()


def signing_inheritor(user, review) -> Inheritor | None:
    """The inheritor for whom ``user`` may sign ``review`` (themselves, or the one they are proxy for), or None."""
    if user is None or not user.is_authenticated:
        return None
    return review_inheritors(review).filter(signer_id=user.pk).select_related("proxy_user").first()


def may_sign(user, review) -> bool:
    fetched = getattr(review, "page_signable", None)  # a list's page asked once for all (``fetch_signable``)
    if fetched is not None and user is not None and fetched[0] == user.pk:
        return fetched[1]
    return signing_inheritor(user, review) is not None


def signs_for(user, inheritor_id, review=None) -> bool:
    """``user`` may sign for the inheritor ``inheritor_id`` (``archive.signing.inheritors_signable_by``)."""
    fetched = getattr(review, "page_signable", None)
    if fetched is not None and user is not None and fetched[0] == user.pk:
        return inheritor_id in fetched[2]
    return inheritors_signable_by(user).filter(pk=inheritor_id).exists()


def fetch_signable(user, reviews) -> None:
    """For a list's page: whom ``user`` may sign for, and which of ``reviews`` they may sign (the rule as a
    query, ``signable_review_ids``), in two queries, kept on each review (``page_signable``) for ``may_sign``
    and ``signs_for``."""
    reviews = list(reviews)
    if user is None or not user.is_authenticated:
        return
    ids = signable_review_ids(user, reviews)
    mine = frozenset(inheritors_signable_by(user).values_list("pk", flat=True))
    for review in reviews:
        review.page_signable = (user.pk, review.pk in ids, mine)


def review_signers(review) -> list:
    """The accounts that may sign ``review`` (one per inheritor who can be signed for): notified, and the
    review page warns when there are none."""
    ids = review_inheritors(review).filter(signer_id__isnull=False).values("signer_id")
    return list(get_user_model().objects.filter(pk__in=ids))


def signable_reviews_q(user, prefix: str = "") -> Q:
    """The same rule as a filter on Review (``prefix`` for a relation to it, e.g. ``"review__"``): the
    reviews ``user`` may sign. Matches nothing for someone who signs for nobody."""
    if user is None or not user.is_authenticated:
        return Q(pk__in=[])
    mine = inheritors_signable_by(user)
    job_kind = f"{prefix}clip__job__kind"
    portrait_inheritor = f"{prefix}clip__job__portrait__inheritor_id"
    no_portrait = f"{prefix}clip__job__portrait__isnull"
    speaker = f"{prefix}clip__job__recording__speaker_id"
    demonstration = ~Q(**{job_kind: S2V}) & Q(**{f"{prefix}technique__craft_id__in": mine.values("craft_id")})
    narration = Q(**{job_kind: S2V}) & (
        Q(**{portrait_inheritor + "__in": mine.values("pk")})
        | Q(**{no_portrait: True, speaker + "__in": mine.values("pk")})
    )
    return demonstration | narration


def signable_review_ids(user, reviews) -> set[int]:
    """Of ``reviews`` (a page of them), the pks ``user`` may sign: one query."""
    from .models import Review

    pks = [r.pk for r in reviews]
    if not pks or user is None or not user.is_authenticated:
        return set()
    return set(Review.objects.filter(signable_reviews_q(user), pk__in=pks).values_list("pk", flat=True))


def _sent(review) -> bool:
    """A curator has sent the review out (any state but draft): what is shown outside the staff."""
    return getattr(review, "state", None) not in (None, Review.State.DRAFT)


def may_view_as_signer(user, review) -> bool:
    """``user`` (not staff) may see ``review``: they may sign it, and it is no draft (``viewable_reviews_q``)."""
    return _sent(review) and may_sign(user, review)


def viewable_reviews_q(user, prefix: str = "") -> Q:
    """``may_view_as_signer`` as a filter on Review: the reviews ``user`` may see as their signer."""
    return signable_reviews_q(user, prefix) & ~Q(**{f"{prefix}state": Review.State.DRAFT})


def viewable_review_ids(user, review_ids) -> set[int]:
    """Of ``review_ids``, those ``user`` may open as their signer: one query (staff see all; ask the permission)."""

    ids = {pk for pk in review_ids if pk is not None}
    if not ids or user is None or not user.is_authenticated:
        return set()
    return set(Review.objects.filter(viewable_reviews_q(user), pk__in=ids).values_list("pk", flat=True))
