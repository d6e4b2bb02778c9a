from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = _("审核与签署")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy check)
