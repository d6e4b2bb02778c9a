from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("档案")

    def ready(self):
        from heritage.files import delete_replaced_files, keep_files_named_by

        from .models import Footage, Inheritor, Recording, SignerChange

        for model in (Recording, Footage, Inheritor):  # a replaced upload is deleted once the edit commits
            delete_replaced_files(model)
        # ... except an authority document a kept signer-change request names (the request is the record)
        keep_files_named_by(SignerChange, "proxy_document")
        # the rows of the signer-change table become SignerChange's django-fsm transitions
        from . import signer_workflow  # noqa: F401
