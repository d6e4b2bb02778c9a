from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("档案")

    def ready(self):
        from heritage.files import delete_replaced_files

        from .models import Footage, Inheritor, Recording

        for model in (Recording, Footage, Inheritor):  # a replaced upload is deleted once the edit commits
            delete_replaced_files(model)
