from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    """Facts every page may show: whether the engine is the tiny one whose videos are noise, and which
    areas the signed-in user may open (lazy: no query unless the navigation asks)."""
    user = getattr(request, "user", None)

    def is_curator():
        from archive.roles import is_curator as check

        return bool(user and check(user))

    def can_review():
        from archive.roles import ALL_ROLES, has_role

        if not (user and user.is_authenticated):
            return False
        return has_role(user, *ALL_ROLES) or user.proxy_for.exists()

    return {
        "ENGINE_IS_TINY": settings.ENGINE_PRESET == "tiny",
        "NAV_CURATOR": SimpleLazyObject(is_curator),
        "NAV_REVIEW": SimpleLazyObject(can_review),
    }
