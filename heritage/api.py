"""REST API root: /api/v1/. Token auth, OpenAPI schema and Swagger UI (served from our own static files)."""
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

urlpatterns = [
    path("", public(api_root), name="api-root"),
    path("auth/token", public(obtain_token), name="api-token"),
    path("schema/", public(SpectacularAPIView.as_view()), name="api-schema"),
    path("docs/", public(SpectacularSwaggerSplitView.as_view(url_name="api-schema")), name="api-docs"),
    path("", include("archive.api.urls")),
    path("", include("generation.api.urls")),
    path("", include("review.api.urls")),
    path("", include("records.api.urls")),
]
