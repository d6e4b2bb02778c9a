"""Archive endpoints under /api/v1/ (included by heritage/api.py)."""
from django.urls import path

from . import views

urlpatterns = [
    path("crafts", views.CraftList.as_view(), name="api-craft-list"),
    path("crafts/<slug:slug>", views.CraftDetail.as_view(), name="api-craft-detail"),
    path("techniques", views.TechniqueList.as_view(), name="api-technique-list"),
    path("techniques/<slug:slug>", views.TechniqueDetail.as_view(), name="api-technique-detail"),
    path("recordings/<int:pk>", views.RecordingDetail.as_view(), name="api-recording-detail"),
    path("recordings/<int:pk>/transcript", views.TranscriptImport.as_view(), name="api-transcript-import"),
]
