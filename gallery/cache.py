"""Public pages from the cache (Django's cache framework: local memory by default, Redis when
``CACHE_URL`` is set, see heritage/settings/base.py).

One rule: a public page shows the gallery as of the current *gallery version*. The version is one cache
entry, replaced whenever anything a public page shows changes (a record published or withdrawn, a craft,
technique, step, inheritor or footage saved or deleted; the triggers are ``INVALIDATING_MODELS`` in
``signals.py``). Cached pages are keyed by that version, the language and the full path, so a change shows
at once on every page and nothing has to be found and deleted.

Only anonymous visitors share cached pages (a logged-in page carries the user's name and a logout form);
their responses carry ``Cache-Control: public, max-age=…``, an ``ETag`` (hash of the body) and
``Last-Modified`` (when the gallery last changed), and a conditional GET answers 304 (Django's
``get_conditional_response``), so a CDN or the browser can revalidate cheaply.
"""
from __future__ import annotations

import hashlib
import time
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

VERSION_KEY = "gallery:version"


def _cache():
    return caches[settings.HERITAGE_GALLERY_CACHE]


def gallery_version() -> tuple[str, int]:
    """(version id, unix time of the last change). Created on first use."""
    cache = _cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, (uuid.uuid4().hex, int(time.time())), timeout=None)
        version = cache.get(VERSION_KEY) or (uuid.uuid4().hex, int(time.time()))
    return version


def gallery_invalidate() -> None:
    """Start a new gallery version: every cached public page is out of date from now on."""
    _cache().set(VERSION_KEY, (uuid.uuid4().hex, int(time.time())), timeout=None)


def _is_anonymous(request) -> bool:
    # No session cookie: no user, and reading request.user would not create a session. A visitor with a
    # message waiting (cookie storage) gets a fresh page so the message is shown.
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _headers(response, *, etag: str, last_modified: int) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=settings.HERITAGE_GALLERY_MAX_AGE)
    patch_vary_headers(response, ("Cookie",))


def public_page(view):
    """Decorator for a public GET view: serve anonymous visitors from the cache (see module doc)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or not _is_anonymous(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response
        version, changed_at = gallery_version()
        path_hash = hashlib.sha1(request.get_full_path().encode("utf-8")).hexdigest()
        key = f"gallery:page:{version}:{getattr(request, 'LANGUAGE_CODE', '')}:{path_hash}"
        cache = _cache()
        entry = cache.get(key)
        if entry is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming or response.cookies:
                return response  # errors, streams and anything setting a cookie are never shared
            entry = {"content": response.content, "content_type": response["Content-Type"],
                     "etag": quote_etag(hashlib.sha1(response.content).hexdigest()),
                     "extra": {h: response[h] for h in ("Access-Control-Allow-Origin",) if response.has_header(h)}}
            cache.set(key, entry, timeout=settings.HERITAGE_GALLERY_CACHE_TIMEOUT)
        not_modified = get_conditional_response(request, etag=entry["etag"], last_modified=changed_at)
        response = not_modified or HttpResponse(entry["content"], content_type=entry["content_type"])
        for header, value in entry["extra"].items():
            response[header] = value
        _headers(response, etag=entry["etag"], last_modified=changed_at)
        return response

    return wrapped
