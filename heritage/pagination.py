"""The API's pages: ``?page=`` and, for a script that wants fewer or more rows per request, ``?page_size=``
(1 … 100; default ``PAGE_SIZE``). Every list answers ``count``, ``next``, ``previous`` and ``results``."""
from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100
