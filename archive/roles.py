"""Roles are groups. Anonymous visitors are the public."""
from django.contrib.auth.mixins import UserPassesTestMixin

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


def is_curator(user) -> bool:
    return has_role(user, CURATOR)


class CuratorRequiredMixin(UserPassesTestMixin):
    """Curators and admins. Anonymous users are sent to the login page; others get 403."""

    def test_func(self):
        return is_curator(self.request.user)


def landing_url(user) -> str:
    """Where a person starts after logging in: their own work. Curators and admins: the curator home;
    reviewers and inheritors (or proxies): the review inbox; anyone else: the public gallery."""
    from django.urls import reverse

    if has_role(user, CURATOR, ADMIN):
        return reverse("curator:home")
    if has_role(user, REVIEWER, INHERITOR):
        return reverse("review:inbox")
    return reverse("gallery:home")
