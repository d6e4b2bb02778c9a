from django.urls import path

from . import views

app_name = "prompting"

urlpatterns = [
    path("", views.NormalizeView.as_view(), name="normalize"),
]
