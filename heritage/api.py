"""REST API root: /api/v1/. Token auth, OpenAPI schema and Swagger UI (served from our own static files)."""
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token

from heritage.permissions import public

urlpatterns = [
    path("auth/token", public(obtain_auth_token), name="api-token"),
    path("schema/", public(SpectacularAPIView.as_view()), name="api-schema"),
    path("docs/", public(SpectacularSwaggerView.as_view(url_name="api-schema")), name="api-docs"),
    path("", include("archive.api.urls")),
    path("", include("generation.api.urls")),
    path("", include("review.api.urls")),
    path("", include("records.api.urls")),
]
