"""Curator screens for generation, mounted at /curator/generation/."""
from django.urls import path

from . import views

app_name = "generation"
urlpatterns = [
    path("", views.JobList.as_view(), name="job_list"),
    path("new/", views.Generate.as_view(), name="generate"),
    path("s2v/", views.S2VGenerate.as_view(), name="s2v"),
    path("jobs/status.json", views.JobStatus.as_view(), name="job_status"),
    path("jobs/<uuid:pk>/", views.JobDetail.as_view(), name="job_detail"),
    path("jobs/<uuid:pk>/cancel/", views.JobCancel.as_view(), name="job_cancel"),
    path("jobs/<uuid:pk>/retry/", views.JobRetry.as_view(), name="job_retry"),
    path("jobs/<uuid:pk>/media/<str:kind>", views.JobMedia.as_view(), name="job_media"),
    path("compare/", views.Compare.as_view(), name="compare"),
    path("pool/", views.Pool.as_view(), name="pool"),
]
