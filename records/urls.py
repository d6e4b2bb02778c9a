"""The archive records' staff screens. heritage/urls.py mounts them under /review/ in the ``review``
namespace (``review:record``, ``review:record_export``), as before the records app existed."""
from django.urls import path

from . import views

review_screens = [
    path("records/<uuid:pk>/", views.record_detail, name="record"),
    path("records/<uuid:pk>/export/", views.record_export, name="record_export"),
    path("records/<uuid:pk>/bag.zip", views.record_bag, name="record_bag"),
]
