"""Proxy headers, one place: ``X-Forwarded-For`` / ``X-Forwarded-Proto`` are believed only when the request
comes from an address in ``HERITAGE_TRUSTED_PROXIES`` (environment, comma-separated; empty = no proxy is
trusted, so a client cannot claim to be another address or to have used HTTPS)."""
from __future__ import annotations

from django.conf import settings


def from_trusted_proxy(request) -> bool:
    return request.META.get("REMOTE_ADDR", "") in set(getattr(settings, "HERITAGE_TRUSTED_PROXIES", ()))


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if from_trusted_proxy(request):
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if forwarded:
            return forwarded[-1]  # the address our proxy saw; anything before it the client wrote itself
    return remote


class TrustedProxyMiddleware:
    """First in the chain: drops X-Forwarded-Proto/-For from anyone but the configured proxy, so
    ``SECURE_PROXY_SSL_HEADER`` (production) and the client address never rest on a client's word."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not from_trusted_proxy(request):
            for key in ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_HOST"):
                request.META.pop(key, None)
        return self.get_response(request)


def axes_client_ip(request) -> str:
    return client_ip(request)
