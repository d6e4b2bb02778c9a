"""Public pages (gallery): no login. Media only through the checked views under /public-media/."""
from django.urls import path

from heritage.permissions import public

from . import views

app_name = "gallery"
urlpatterns = [
    path("", public(views.home), name="home"),
    path("crafts/<slug:slug>/", public(views.craft_detail), name="craft"),
    path("techniques/<slug:slug>/", public(views.technique_detail), name="technique"),
    path("techniques/<slug:slug>/ask/", public(views.technique_ask), name="technique_ask"),
    path("techniques/<slug:slug>/manifest.json", public(views.technique_manifest), name="technique_manifest"),
    path("search/", public(views.search), name="search"),
    path("public-media/records/<uuid:record_id>/<slug:role>", public(views.record_media), name="record_media"),
    path("public-media/footage/<int:footage_id>", public(views.footage_media), name="footage_media"),
]
