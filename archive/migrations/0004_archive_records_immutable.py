"""Empty since the records app owns the archive records: the immutability trigger is
records/migrations/0002_immutable_trigger.py (idempotent, so a database that ran this migration before
gets the same trigger again). Kept so databases that applied it still find it in the history."""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("archive", "0003_archive_records")]
    operations = []
