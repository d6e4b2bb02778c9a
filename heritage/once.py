"""A create form is acted on once: a double click, a reloaded POST or a second tab sending the same filled-in form
makes one object (or one set of generation jobs), not two; the second submission lands on the first one's result
with a message. A mature form does the same with a one-time key (an idempotency key).

The page carries a one-time key in a hidden field (``{% load once %}{% submission_key %}`` inside the form); the view
wraps its write in ``with Once(request) as once:`` and ``once.done(url)`` on success. The key, with the user and a
fingerprint of what was sent, is claimed with the cache's atomic ``add``, so the second of two identical POSTs finds
it taken, even while the first is still being written; the same page sent again with something changed (back, edit,
send) is a new submission. Invalid input releases the key (the page is shown again with it, to be corrected and sent). A POST
without a key (an old page, a script) is not checked. The claim lives in the cache for ``TTL`` seconds: set
``CACHE_URL`` to Redis wherever more than one process serves the site (as for the gallery cache)."""
from __future__ import annotations

import hashlib
import re
import uuid

from django.contrib import messages
from django.core.cache import caches
from django.shortcuts import redirect
from django.utils.translation import gettext as _

FIELD = "submission"
TTL = 24 * 3600
PENDING = "…"
_KEY = re.compile(r"^[0-9a-f]{32}$")


def new_key() -> str:
    return uuid.uuid4().hex


def posted_key(request) -> str:
    raw = request.POST.get(FIELD, "") if request.method == "POST" else ""
    return raw if _KEY.match(raw) else ""


def fingerprint(request) -> str:
    """What was sent, without the CSRF token: the fields, and each file's name and size."""
    h = hashlib.sha256()
    for name in sorted(request.POST):
        if name != "csrfmiddlewaretoken":
            h.update(repr((name, request.POST.getlist(name))).encode())
    for name in sorted(request.FILES):
        h.update(repr((name, [(f.name, f.size) for f in request.FILES.getlist(name)])).encode())
    return h.hexdigest()[:32]


class Duplicate(Exception):
    """The form was already submitted; ``response`` sends the person to what the first submission made."""

    def __init__(self, response):
        super().__init__("duplicate submission")
        self.response = response


class Once:
    def __init__(self, request, *, fallback_url: str, active: bool = True):
        """``active=False``: not checked (an edit form: sending the same edit twice changes nothing more)."""
        self.request, self.fallback_url = request, fallback_url
        key = posted_key(request) if active else ""
        self.key = f"heritage:once:{getattr(request.user, 'pk', None)}:{key}:{fingerprint(request)}" if key else None
        self.cache = caches["default"]
        self.finished = False

    def __enter__(self) -> "Once":
        if self.key and not self.cache.add(self.key, PENDING, TTL):
            earlier = self.cache.get(self.key)
            if earlier and earlier != PENDING:
                messages.info(self.request, _("这份表单已经提交过,没有重复保存;这是上次提交的结果。"))
                raise Duplicate(redirect(earlier))
            messages.info(self.request, _("这份表单刚刚已经提交,正在处理,没有重复提交。"))
            raise Duplicate(redirect(self.fallback_url))
        return self

    def done(self, url: str) -> None:
        """The write succeeded: a later submission of the same page is sent to ``url``."""
        self.finished = True
        if self.key:
            self.cache.set(self.key, url, TTL)

    def __exit__(self, exc_type, exc, tb):
        if self.key and not self.finished:  # refused or failed: the key is free again for the corrected form
            self.cache.delete(self.key)
        return False
