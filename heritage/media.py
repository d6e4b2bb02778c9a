"""The one way a stored file leaves the server: ``stream_field_file``. Every view that serves media
(the public gallery after checking the record is public, the review screen, the curator screens and
the generation API behind the login) first decides who may see the file, then calls this.

- File-system storage: ``FileResponse`` for whole files, ``206 Partial Content`` for a ``Range: bytes=``
  request (seeking in audio and video), ``416`` for a range outside the file, ``404`` when the stored
  file is gone.
- Remote storage (S3 via django-storages): the one documented choice is ``HERITAGE_MEDIA_SIGNED_REDIRECT``.
  Off (the default): streamed through this server the same way (the object store's endpoint, e.g.
  ``http://objectstore:9000`` in docker-compose, is usually not reachable by visitors; django-storages
  reads the object through its API). On (an endpoint visitors can reach): a redirect to a signed URL
  valid for ``SIGNED_URL_SECONDS``. ``proxy=True`` always streams (subtitles, so ``<track>`` stays
  same-origin).
"""
from __future__ import annotations

import mimetypes
import re

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.utils.translation import gettext as _

SIGNED_URL_SECONDS = 300
CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def parse_range(header: str, size: int):
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


def stream_field_file(request, field_file, *, content_type: str | None = None, proxy: bool = False,
                      cache_control: str = "private, max-age=300") -> HttpResponse:
    """Serve ``field_file`` (a FieldFile) for ``request``; ``content_type`` defaults to a guess from the
    name. Short private caching by default: a withdrawn signature must take effect quickly."""
    storage, name = field_file.storage, field_file.name
    content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    if settings.HERITAGE_MEDIA_SIGNED_REDIRECT and not proxy and not isinstance(storage, FileSystemStorage):
        try:
            url = storage.url(name, expire=SIGNED_URL_SECONDS)
        except TypeError:  # a backend without expiring URLs
            url = storage.url(name)
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response

    try:
        size = storage.size(name)
    except (OSError, ValueError):
        raise Http404(_("文件不存在。")) from None
    byte_range = parse_range(request.headers.get("Range", ""), size)
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
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    return response
