from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """The immutable archive records: models, their writes (archiving, fixity, BagIt, C2PA), the public
    selector, admin, commands and the fixity task."""

    name = "records"
    verbose_name = _("档案记录")

    def ready(self):
        from review import ports

        from .archiving import record_create, record_withdrawal

        ports.register_record_writer(record_create)
        ports.signoff_withdrawn.connect(record_withdrawal, dispatch_uid="records_withdrawal_event")
