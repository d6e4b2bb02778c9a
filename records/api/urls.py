"""Archive-record endpoints and the review's archive action, included by heritage/api.py under /api/v1/."""
from django.urls import path

from . import views

urlpatterns = [
    path("reviews/<uuid:pk>/archive", views.ReviewArchive.as_view(), name="api-review-archive"),
    path("archive-records/<uuid:pk>/", views.RecordDetail.as_view(), name="api-archive-record"),
    path("archive-records/<uuid:pk>/export", views.RecordExport.as_view(), name="api-archive-record-export"),
]
