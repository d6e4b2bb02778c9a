"""Empty since the records app owns the archive records (records/migrations/0001_initial.py creates
their tables when they are missing, keeping the table names). Kept so databases that applied it still
find it in the history; it no longer makes the archive app depend on review."""
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0002_roles'),
    ]

    operations = []
