"""REST API root: /api/v1/. Token auth, OpenAPI schema and Swagger UI (served from our own static files).

Every path under /api/v1/ answers with and without a trailing slash, the same view either way (no redirect:
a redirect loses a POST body). The canonical spelling has no trailing slash (``/api/v1/crafts``,
``/api/v1/reviews/<id>/approve``); it is the one ``reverse()`` gives under the pattern's name and the one the
schema lists. The other spelling is an unnamed alias (``alias``), left out of the schema
(``heritage.schema.canonical_paths``). The root itself is ``/api/v1/``, with ``/api/v1`` as its alias."""
from functools import wraps
from importlib import import_module

from django.urls import include, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse

# The collections a script starts from; everything else is linked from them or described in the schema.
ROOT_LINKS = {
    "crafts": "api-craft-list", "techniques": "api-technique-list", "inheritors": "api-inheritor-list",
    "recordings": "api-recording-list", "footage": "api-footage-list", "portraits": "api-portrait-list", "reviews": "api-review-list",
    "generation_tasks": "generation-task-list", "token": "api-token", "schema": "api-schema", "docs": "api-docs",
}


@extend_schema(summary="API 入口:各集合、认证、OpenAPI 描述和文档的地址", responses={200: dict})
@api_view(["GET"])
@permission_classes([AllowAny])
def api_root(request):
    """/api/v1/ answers JSON: where the collections, the token endpoint, the schema and the docs are."""
    return Response({"name": "heritage", "version": "v1",
                     "links": {key: reverse(name, request=request) for key, name in ROOT_LINKS.items()}})


from heritage.permissions import public

from .tokens import obtain_token


def alias(view):
    """The same view under a second spelling of its path: marked so that the schema lists the path once
    (``heritage.schema.canonical_paths``); everything a view carries (DRF's ``cls``, ``permission_required``,
    ``csrf_exempt``) is copied."""
    @wraps(view)
    def aliased(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    aliased.api_alias = True
    return aliased


def both_spellings(patterns) -> list:
    """Each pattern under its canonical route (no trailing slash, with its name) and, unnamed, with one; a
    list of patterns, or the dotted name of a URLconf module whose ``urlpatterns`` they are."""
    if isinstance(patterns, str):
        patterns = import_module(patterns).urlpatterns
    doubled = []
    for pattern in patterns:
        route = str(pattern.pattern).rstrip("/")
        if not route:
            raise ValueError("the API root is spelled in heritage/api.py and heritage/urls.py")
        doubled += [path(route, pattern.callback, pattern.default_args, name=pattern.name),
                    path(route + "/", alias(pattern.callback), pattern.default_args)]
    return doubled


urlpatterns = [
    path("", public(api_root), name="api-root"),  # "/api/v1" (no slash): heritage/urls.py
    *both_spellings([
        path("auth/token", public(obtain_token), name="api-token"),
        path("schema", public(SpectacularAPIView.as_view()), name="api-schema"),
        path("docs", public(SpectacularSwaggerSplitView.as_view(url_name="api-schema")), name="api-docs"),
    ]),
    # the apps' API URLconfs, as they spell them (their names kept), each path answering both ways
    path("", include(both_spellings("archive.api.urls"))),
    path("", include(both_spellings("generation.api.urls"))),
    path("", include(both_spellings("review.api.urls"))),
    path("", include(both_spellings("records.api.urls"))),
]
