"""Review endpoints, included by heritage/api.py under /api/v1/ (archive-record endpoints: records/api/urls.py)."""
from django.urls import path

from . import views

urlpatterns = [
    path("reviews/", views.ReviewList.as_view(), name="api-review-list"),
    path("reviews/<uuid:pk>/", views.ReviewDetail.as_view(), name="api-review-detail"),
    *[
        path(f"reviews/<uuid:pk>/{a}", views.ReviewAction.as_view(action_name=a), name=f"api-review-{a}")
        for a in ("submit", "comment", "approve", "request-changes", "retract-changes", "reject", "sign", "withdraw")  # archive: records/api
    ],
]
