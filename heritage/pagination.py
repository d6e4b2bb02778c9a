"""The API's pages: ``?page=`` and, for a script that wants fewer or more rows per request, ``?page_size=``
(1 … 100; default ``PAGE_SIZE``; a larger one is read as 100). Every list answers ``count``, ``next``,
``previous`` and ``results``. A page that is not a whole number from 1 (or ``last``), or a page size that is not
a whole number from 1, is a 400 (``heritage.inputs.query_int``); a page past the last is a 404."""
from rest_framework.pagination import PageNumberPagination

from .inputs import query_int, query_int_schema


class Pages(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        size = query_int(request.query_params, self.page_size_query_param, min_value=1)
        return self.page_size if size is None else min(size, self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        if request.query_params.get(self.page_query_param, "").strip() not in self.last_page_strings:
            query_int(request.query_params, self.page_query_param, min_value=1)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        """DRF's two parameters, with the range ``query_int`` reads (from 1)."""
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"] = query_int_schema(min_value=1)
        return parameters
