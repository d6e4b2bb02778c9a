from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    """Facts every page may show: whether the engine is the tiny one whose videos are noise, and which
    areas the signed-in user may open (heritage/permissions.py; lazy: no query unless the navigation
    asks)."""
    user = getattr(request, "user", None)

    def may(perm):
        def check():
            from heritage.permissions import allowed

            return bool(user is not None and user.is_authenticated and allowed(user, perm))

        return SimpleLazyObject(check)

    return {
        "ENGINE_IS_TINY": settings.ENGINE_PRESET == "tiny",
        "S2V_ENGINE_IS_TINY": settings.S2V_PRESET == "tiny-s2v",
        "NAV_CURATOR": may("archive.change"),
        "NAV_REVIEW": may("review.view_inbox"),
        "NAV_REVIEW_ALL": may("review.view_all"),
    }
