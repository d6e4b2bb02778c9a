"""Streaming of public media. The gallery never links to raw MEDIA_URL paths: every file a visitor
gets goes through a view that first checks the record is public, then streams through the storage API.

- File-system storage: ``FileResponse`` for whole files, ``206 Partial Content`` for a ``Range: bytes=``
  request (video seeking), ``416`` for a range outside the file.
- Remote storage (S3 via django-storages): streamed through this server the same way by default (the
  object store's endpoint, e.g. ``http://objectstore:9000`` in docker-compose, is usually not reachable
  by visitors; django-storages reads the object into a temporary file, fine for short demonstration
  clips). With ``HERITAGE_MEDIA_SIGNED_REDIRECT = True`` (an endpoint visitors can reach) videos and
  posters are a redirect to a signed URL valid for ``SIGNED_URL_SECONDS`` instead; subtitles are always
  streamed so ``<track>`` stays same-origin.
"""
from __future__ import annotations

import re

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, HttpResponse, HttpResponseRedirect, StreamingHttpResponse

SIGNED_URL_SECONDS = 300
CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _parse_range(header: str, size: int):
    """(start, end) inclusive for one ``bytes=`` range, None when absent or not a single range,
    or "invalid" when it cannot be satisfied."""
    m = _RANGE.match((header or "").strip())
    if not m:
        return None
    first, last = m.groups()
    if first == "" and last == "":
        return None
    if first == "":  # suffix: the last N bytes
        n = int(last)
        if n == 0:
            return "invalid"
        return max(size - n, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return "invalid"
    return start, end


def _ranged(fh, start: int, length: int):
    try:
        fh.seek(start)
        remaining = length
        while remaining > 0:
            chunk = fh.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        fh.close()


def stream_field_file(request, field_file, *, content_type: str, proxy: bool = False) -> HttpResponse:
    """``proxy=True`` streams through this server even from remote storage (small files such as
    WebVTT, which a ``<track>`` may only load from the page's own origin)."""
    storage, name = field_file.storage, field_file.name
    redirect = getattr(settings, "HERITAGE_MEDIA_SIGNED_REDIRECT", False)
    if redirect and not proxy and not isinstance(storage, FileSystemStorage):
        try:
            url = storage.url(name, expire=SIGNED_URL_SECONDS)
        except TypeError:  # a backend without expiring URLs
            url = storage.url(name)
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response

    size = storage.size(name)
    byte_range = _parse_range(request.headers.get("Range", ""), size)
    if byte_range == "invalid":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if byte_range is None:
        response = FileResponse(storage.open(name, "rb"), content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        start, end = byte_range
        length = end - start + 1
        response = StreamingHttpResponse(_ranged(storage.open(name, "rb"), start, length), status=206,
                                         content_type=content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    # Short private caching: a withdrawn signature must take effect quickly.
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response
