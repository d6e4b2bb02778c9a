"""Public pages (gallery): no login. Media only through the checked views under /public-media/."""
from django.urls import path

from . import views

app_name = "gallery"
urlpatterns = [
    path("", views.home, name="home"),
    path("crafts/<slug:slug>/", views.craft_detail, name="craft"),
    path("techniques/<slug:slug>/", views.technique_detail, name="technique"),
    path("techniques/<slug:slug>/ask/", views.technique_ask, name="technique_ask"),
    path("techniques/<slug:slug>/manifest.json", views.technique_manifest, name="technique_manifest"),
    path("search/", views.search, name="search"),
    path("public-media/records/<uuid:record_id>/<slug:role>", views.record_media, name="record_media"),
    path("public-media/footage/<int:footage_id>", views.footage_media, name="footage_media"),
]
