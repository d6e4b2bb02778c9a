"""A request acted on once, in one store: the database table ``heritage.models.OnceKey``.

Two kinds of request use it, through the one rule ``claim`` (with ``Claim.done``/``Claim.release`` and
``purge_expired``):

- **A create form** (curator create pages, generation, 口述影像): a double click, a reloaded POST or a second tab
  sending the same filled-in form makes one object (or one set of generation jobs), not two; the second
  submission lands on the first one's result with a message. The page carries a one-time key in a hidden field
  (``{% load once %}{% submission_key %}`` inside the form); the view wraps its write in
  ``with Once(request, fallback_url=…) as once:`` and calls ``once.done(url)`` on success. The key is claimed,
  with the user and a fingerprint of what was sent, before the write, in its own committed row: the second of two
  identical POSTs finds it taken even while the first is still being written, in this process or any other
  (the embedded SQLite default as well as PostgreSQL; no shared cache needed). The same page sent again with
  something changed (back, edit, send) is a new submission. Invalid input releases the key (the page is shown
  again with it, to be corrected and sent). A POST without a key (an old page, a script) is not checked.
- **The API's ``Idempotency-Key``** (``generation.services.jobs_create_once``): claimed inside the request's
  transaction, so a failed request leaves nothing and a racing one waits for the winner's commit and answers its
  result; the same key with another body within the window is a conflict.

A claim lives ``WINDOW`` (24 h): an older row is taken over by the next request with its key, and deleted by the
recovery sweep (``generation.services.jobs_recover_stale`` → ``purge_expired``)."""
from __future__ import annotations

import datetime
import hashlib
import re
import uuid
from typing import Any

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import OnceKey

FIELD = "submission"
WINDOW = datetime.timedelta(hours=24)
FORM_SCOPE = "form"
_KEY = re.compile(r"^[0-9a-f]{32}$")


# --- The store ------------------------------------------------------------------------------------------------

class Conflict(Exception):
    """The key was claimed, within the window, by a request with another fingerprint (body)."""


class Claim:
    """The answer of ``claim``: ``won`` — this request acts (then ``done(result)`` or ``release()``); otherwise an
    earlier request with the same fingerprint has it, and ``result`` is what that one made (``None`` while it is
    still being written)."""

    def __init__(self, row: OnceKey, won: bool):
        self.row, self.won = row, won

    @property
    def result(self) -> Any:
        return None if self.won else self.row.result

    def done(self, result) -> None:
        """The request succeeded: ``result`` (JSON: a URL, a list of ids) answers a later one with this key."""
        self.row.result = result
        OnceKey.objects.filter(pk=self.row.pk).update(result=result)

    def release(self) -> None:
        """The request was refused or failed: the key is free again."""
        OnceKey.objects.filter(pk=self.row.pk).delete()


def claim(*, scope: str, user, key: str, fingerprint: str) -> Claim:
    """Claim ``key`` for ``(scope, user)``: insert its row (the database's unique constraint lets one of racing
    requests in, in any process). Taken by an earlier request within ``WINDOW``: with the same ``fingerprint``
    the answer is that request's (``won=False``); with another one, ``Conflict``. A row older than ``WINDOW`` is
    taken over. Runs in the caller's transaction when there is one (the row is then visible, and the key taken,
    when it commits), else commits the claim at once."""
    for _attempt in range(3):
        now = timezone.now()
        try:
            with transaction.atomic():
                return Claim(OnceKey.objects.create(scope=scope, user=user, key=key, fingerprint=fingerprint,
                                                    created_at=now), won=True)
        except IntegrityError:
            pass
        row = OnceKey.objects.filter(scope=scope, user=user, key=key).first()
        if row is None:
            continue  # released between our insert and our look: try again
        if row.created_at < now - WINDOW:  # expired: the next request with the key takes it over
            if OnceKey.objects.filter(pk=row.pk, created_at=row.created_at).update(
                    fingerprint=fingerprint, result=None, created_at=now):
                row.fingerprint, row.result, row.created_at = fingerprint, None, now
                return Claim(row, won=True)
            continue  # another request took it over first: look again
        if row.fingerprint != fingerprint:
            raise Conflict(key)
        return Claim(row, won=False)
    raise IntegrityError(f"once: the key {scope}:{key} kept changing hands")


def purge_expired() -> int:
    """Delete the claims older than ``WINDOW`` (they answer nothing any more; a key sent again is free either
    way). Run by the periodic recovery sweep. Returns how many."""
    deleted, _by_model = OnceKey.objects.filter(created_at__lt=timezone.now() - WINDOW).delete()
    return deleted


# --- A create form ---------------------------------------------------------------------------------------------

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
        key = posted_key(request) if active and getattr(request.user, "is_authenticated", False) else ""
        self.fingerprint = fingerprint(request) if key else ""
        # the page's key and what was sent: the same page sent with a change is a new submission
        self.key = f"{key}:{self.fingerprint}" if key else None
        self.claim: Claim | None = None

    def __enter__(self) -> "Once":
        if self.key:
            self.claim = claim(scope=FORM_SCOPE, user=self.request.user, key=self.key, fingerprint=self.fingerprint)
            if not self.claim.won:
                earlier = self.claim.result
                if earlier:
                    messages.info(self.request, _("这份表单已经提交过,没有重复保存;这是上次提交的结果。"))
                    raise Duplicate(redirect(earlier))
                messages.info(self.request, _("这份表单刚刚已经提交,正在处理,没有重复提交。"))
                raise Duplicate(redirect(self.fallback_url))
        return self

    def done(self, url: str) -> None:
        """The write succeeded: a later submission of the same page is sent to ``url``."""
        if self.claim is not None:
            self.claim.done(url)

    def __exit__(self, exc_type, exc, tb):
        claimed = self.claim
        if claimed is not None and claimed.won and claimed.row.result is None:
            claimed.release()  # refused or failed: the key is free again for the corrected form
        return False
