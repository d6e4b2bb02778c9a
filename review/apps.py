from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = _("审核与签署")

    def ready(self):
        from heritage.files import keep_files_named_by

        from .models import SignOff

        # the authority document a proxy signed under stays when the proxy changes (the sign-off and the
        # archive record's provenance name it)
        keep_files_named_by(SignOff, "proxy_document")
        # the rows of the workflow table become Review's django-fsm transitions (review/workflow.py)
        from . import workflow  # noqa: F401
