"""Roles are groups. Anonymous visitors are the public. Who may do what is decided by the predicates in
heritage/permissions.py, built on ``has_role``."""

CURATOR = "curator"
REVIEWER = "reviewer"
INHERITOR = "inheritor"
ADMIN = "admin"
ALL_ROLES = (CURATOR, REVIEWER, INHERITOR, ADMIN)


def has_role(user, *roles: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    names = getattr(user, "_role_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
        user._role_names = names
    return bool(names.intersection(roles)) or (ADMIN in names)


def person_name(user) -> str:
    """How a page or a record names the person behind an account: an inheritor's account by the inheritor's
    name, another by its full name, a proxy's account without one by the proxy's name recorded on the
    inheritor they sign for, else its login name ("" for none or an anonymous visitor)."""
    if user is None or not user.is_authenticated:
        return ""
    from django.core.exceptions import ObjectDoesNotExist

    try:
        inheritor = user.inheritor
    except ObjectDoesNotExist:
        inheritor = None
    if inheritor is not None and inheritor.name:
        return inheritor.name
    if user.get_full_name():
        return user.get_full_name()
    # .all(): a list that prefetches "<account>__proxy_for" (list_person_names) names each row with no query
    proxy_name = next((i.proxy_name for i in user.proxy_for.all() if i.proxy_name), "")
    return proxy_name or user.username


def list_person_names(qs, *accounts: str):
    """``qs`` with what ``person_name`` reads for each of the ``accounts`` relations (e.g. "requested_by"),
    fetched for the whole list: a page naming its rows' people costs the same queries for 1 row or 100."""
    return qs.select_related(*(f"{a}__inheritor" for a in accounts)).prefetch_related(
        *(f"{a}__proxy_for" for a in accounts))


def landing_url(user) -> str:
    """Where a person starts after logging in: their own work. Those who may change the archive (curators,
    admins): the curator home; reviewers and signers: the review inbox; anyone else: the public gallery."""
    from django.urls import reverse

    from heritage.permissions import allowed

    if allowed(user, "archive.change"):
        return reverse("curator:home")
    if has_role(user, INHERITOR) or allowed(user, "review.view_inbox"):  # an inheritor's work is signing
        return reverse("review:inbox")
    return reverse("gallery:home")
