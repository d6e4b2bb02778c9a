from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleryConfig(AppConfig):
    """The public gallery: pages, search, IIIF manifests and checked media for archived records."""

    name = "gallery"
    verbose_name = _("展厅")

    def ready(self):
        from . import signals

        signals.connect()
