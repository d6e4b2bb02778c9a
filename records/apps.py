from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """The immutable archive records: models, their writes (archiving, fixity, BagIt, C2PA), the public
    selector, admin, commands and the fixity task."""

    name = "records"
    verbose_name = _("档案记录")

    def ready(self):
        from generation.attribution import JOB_SOURCE_FIELDS
        from heritage.files import keep_files_named_by
        from review import ports

        from .archiving import record_create, record_withdrawal
        from .models import ArchiveRecord

        ports.register_record_writer(record_create)
        ports.signoff_withdrawn.connect(record_withdrawal, dispatch_uid="records_withdrawal_event")
        # the file of a recording an archived record rests on (the transcript span it read, or the one its
        # prompt template was normalized from) is kept when a curator replaces the recording's file
        for source in JOB_SOURCE_FIELDS:
            keep_files_named_by(ArchiveRecord, f"clip__job__{source}__media")
