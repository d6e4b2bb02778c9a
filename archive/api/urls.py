"""Archive endpoints under /api/v1/ (included by heritage/api.py)."""
from django.urls import path

from . import views

urlpatterns = [
    path("crafts", views.CraftList.as_view(), name="api-craft-list"),
    path("crafts/<slug:slug>", views.CraftDetail.as_view(), name="api-craft-detail"),
    path("techniques", views.TechniqueList.as_view(), name="api-technique-list"),
    path("techniques/<slug:slug>", views.TechniqueDetail.as_view(), name="api-technique-detail"),
    path("inheritors", views.InheritorList.as_view(), name="api-inheritor-list"),
    path("inheritors/<int:pk>", views.InheritorDetail.as_view(), name="api-inheritor-detail"),
    path("inheritors/<int:pk>/account", views.InheritorAccount.as_view(), name="api-inheritor-account"),
    path("inheritors/<int:pk>/account/link", views.InheritorAccountLink.as_view(), name="api-inheritor-account-link"),
    path("recordings", views.RecordingList.as_view(), name="api-recording-list"),
    path("recordings/<int:pk>", views.RecordingDetail.as_view(), name="api-recording-detail"),
    path("footage", views.FootageList.as_view(), name="api-footage-list"),
    path("footage/<int:pk>", views.FootageDetail.as_view(), name="api-footage-detail"),
    path("portraits", views.PortraitList.as_view(), name="api-portrait-list"),
    path("portraits/<int:pk>", views.PortraitDetail.as_view(), name="api-portrait-detail"),
    path("portraits/<int:pk>/image", views.PortraitFile.as_view(field="image"), name="api-portrait-image"),
    path("portraits/<int:pk>/document", views.PortraitFile.as_view(field="consent_document"),
         name="api-portrait-document"),
    path("recordings/<int:pk>/transcript", views.TranscriptImport.as_view(), name="api-transcript-import"),
    path("recordings/<int:pk>/transcript/imports/<int:job_id>", views.TranscriptImportStatus.as_view(),
         name="api-transcript-import-status"),
]
