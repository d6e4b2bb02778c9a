"""Request rates, one place (DRF's throttle classes, counted in the default cache). Rates come from the
``HERITAGE_THROTTLE_RATES`` setting and are read on every request, so a rate of ``None`` switches a scope off.

- ``anon``: the API per anonymous address; ``user``: the API per account;
- ``job_submit``: submitting generation jobs (POST) per account — each job is GPU time;
- ``question``: the public question box on a technique page (normalization runs per question), per address.

The address is ``REMOTE_ADDR``, or the client's address from ``X-Forwarded-For`` only when the request comes
from a configured proxy (``heritage.proxy``)."""
from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle


def _rate(scope: str):
    return getattr(settings, "HERITAGE_THROTTLE_RATES", {}).get(scope)


class _SettingsRate:
    def get_rate(self):
        return _rate(self.scope)

    def get_ident(self, request):
        from .proxy import client_ip

        return client_ip(request)


class AnonThrottle(_SettingsRate, AnonRateThrottle):
    scope = "anon"


class UserThrottle(_SettingsRate, UserRateThrottle):
    scope = "user"


class JobSubmitThrottle(_SettingsRate, UserRateThrottle):
    """Only job submissions (POST) count; reading the job list does not."""

    scope = "job_submit"

    def allow_request(self, request, view):
        if request.method != "POST":
            return True
        return super().allow_request(request, view)


class QuestionThrottle(_SettingsRate, SimpleRateThrottle):
    """The public question box, per client address (plain Django views call ``question_allowed``)."""

    scope = "question"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def question_allowed(request) -> tuple[bool, int | None]:
    """(allowed, seconds to wait) for one more question from this address."""
    throttle = QuestionThrottle()
    if throttle.allow_request(request, None):
        return True, None
    wait = throttle.wait()
    return False, int(wait) + 1 if wait is not None else None
