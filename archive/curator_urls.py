"""Curator screens (login required)."""
from django.urls import path

from . import curator_views as views

app_name = "curator"
urlpatterns = [
    path("", views.home, name="home"),
]
