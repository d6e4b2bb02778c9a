from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """The immutable archive records: models, their writes (archiving, fixity, BagIt, C2PA), the public
    selector, admin, commands and the fixity task."""

    name = "records"
    verbose_name = _("档案记录")
