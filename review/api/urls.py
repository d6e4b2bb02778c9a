"""Review and archive-record endpoints, included by heritage/api.py under /api/v1/."""
from django.urls import path

from . import views

urlpatterns = [
    path("reviews/", views.ReviewList.as_view(), name="api-review-list"),
    path("reviews/<uuid:pk>/", views.ReviewDetail.as_view(), name="api-review-detail"),
    *[
        path(f"reviews/<uuid:pk>/{a}", views.ReviewAction.as_view(action_name=a), name=f"api-review-{a}")
        for a in ("submit", "comment", "approve", "request-changes", "reject", "sign", "archive", "withdraw")
    ],
    path("archive-records/<uuid:pk>/", views.RecordDetail.as_view(), name="api-archive-record"),
    path("archive-records/<uuid:pk>/export", views.RecordExport.as_view(), name="api-archive-record-export"),
]
