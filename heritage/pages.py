"""A screen's list in pages: the page asked for (``?page=``; a page past the end or not a number gives the last or
the first, as Django's ``get_page`` does) and the other query parameters to keep in the page links. The curator
lists, the review inbox and the notifications page use it with ``templates/curator/_pagination.html``."""
from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.http import urlencode

PAGE_SIZE = 20


def paginate(request, qs, keep: dict, per_page: int = PAGE_SIZE):
    """``(page, query)``: the page of ``qs`` and the url-encoded non-empty ``keep`` parameters."""
    page = Paginator(qs, per_page).get_page(request.GET.get("page"))
    return page, urlencode({k: v for k, v in keep.items() if v})
