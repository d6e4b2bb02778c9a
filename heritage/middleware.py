from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


API_PREFIX = "/api/"


class ChineseFirstLocaleMiddleware(LocaleMiddleware):
    """Chinese first: every page is in 简体中文 unless the visitor chose another language with the
    language switcher (the language cookie) or a `?lang=` link. A browser's Accept-Language is not
    consulted for pages, so an English-language browser still sees the Chinese archive first.

    The REST API (``/api/``) is read by scripts, which say what they want the way HTTP clients do: there the
    request's ``Accept-Language`` is honoured too (after ``?lang=`` and the cookie; an unsupported or absent one
    gives Chinese); every answer says ``Content-Language`` and ``Vary: Accept-Language`` (Django's own
    ``process_response``)."""

    def process_request(self, request):
        supported = dict(settings.LANGUAGES)
        lang = request.GET.get("lang") or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if lang not in supported and request.path.startswith(API_PREFIX):
            lang = translation.get_language_from_request(request)  # the cookie, then Accept-Language, else Chinese
        if lang not in supported:
            lang = settings.LANGUAGE_CODE
        translation.activate(lang)
        request.LANGUAGE_CODE = translation.get_language()


class RefuseBadInputMiddleware:
    """A NUL byte anywhere in the path or the query string is refused before any view sees it (PostgreSQL
    cannot store or compare it): 400, the HTML page or the API's JSON (``heritage.errors``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.core.exceptions import BadRequest

        from .errors import bad_request
        from .inputs import refuse_nul

        try:
            refuse_nul(request.path)
            for key, values in request.GET.lists():
                refuse_nul(key)
                for value in values:
                    refuse_nul(value, key)
        except BadRequest as exc:  # answered here: with DEBUG on Django would show its HTML debug page
            return bad_request(request, exc)
        return self.get_response(request)
