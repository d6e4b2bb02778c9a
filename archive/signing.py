"""Who may sign for an inheritor: the one rule, as a query.

An inheritor who is alive and able to sign signs with their own account. One who has died or cannot
sign (``needs_proxy``) is signed for by the recorded proxy account, and only once the authority
document is on file; otherwise nobody may sign. Every question about signers (the review services,
the inbox, the navigation, the demo) is answered from :func:`inheritors_with_signer`.

Who may sign a given REVIEW is ``review/signing.py`` (on top of this): a demonstration any inheritor of its
craft, a narrated video (口述影像) only the inheritor whose portrait and voice it shows. The craft-level
helpers here answer craft-level questions only (is this account a signer of some craft); never use them
to decide who signs, is notified of, or is shown a review.
"""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from .models import Inheritor

# Someone else signs for an inheritor who has died or cannot sign: the condition as a query, and the same
# condition on one row (tests/test_permissions_rules.py checks they agree on every combination).
NEEDS_PROXY = Q(status=Inheritor.Status.DECEASED) | Q(able_to_sign=False)


def needs_proxy(inheritor: Inheritor) -> bool:
    return inheritor.status == Inheritor.Status.DECEASED or not inheritor.able_to_sign


def inheritors_with_signer() -> QuerySet[Inheritor]:
    """Inheritors annotated with ``signer_id``: the pk of the account that may sign for them, or None."""
    return Inheritor.objects.annotate(signer_id=Case(
        When(NEEDS_PROXY & Q(proxy_user__isnull=False) & ~Q(proxy_document=""), then=F("proxy_user_id")),
        When(NEEDS_PROXY, then=Value(None)),
        default=F("user_id"),
        output_field=IntegerField(),
    ))


def inheritors_signable_by(user) -> QuerySet[Inheritor]:
    """The inheritors ``user`` may sign for (as the inheritor, or as the recorded proxy)."""
    if user is None or not user.is_authenticated:
        return Inheritor.objects.none()
    return inheritors_with_signer().filter(signer_id=user.pk)


def signer_crafts(user) -> list[int]:
    """Ids of the crafts ``user`` signs for some inheritor of (not who may sign a review: review.signing)."""
    return list(inheritors_signable_by(user).values_list("craft_id", flat=True).distinct())


def signing_inheritor_for_craft(user, craft_id) -> Inheritor | None:
    """The inheritor of ``craft_id`` for whom ``user`` may sign, or None (a craft or technique; a review
    asks review.signing)."""
    return inheritors_signable_by(user).filter(craft_id=craft_id).select_related("proxy_user").first()


def signer_of(inheritor: Inheritor):
    """The account that may sign for this inheritor, or None."""
    pk = inheritors_with_signer().filter(pk=inheritor.pk).values_list("signer_id", flat=True).first()
    return get_user_model().objects.filter(pk=pk).first() if pk else None
