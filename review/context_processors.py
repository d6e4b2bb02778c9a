def notifications(request):
    """``REVIEW_UNREAD``: the signed-in user's unread review notifications (for a badge in the nav).
    Lazy: no query unless a template uses it."""
    from django.utils.functional import SimpleLazyObject

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"REVIEW_UNREAD": 0}

    def count():
        from .selectors import unread_notifications

        return unread_notifications(user).count()

    return {"REVIEW_UNREAD": SimpleLazyObject(count)}
