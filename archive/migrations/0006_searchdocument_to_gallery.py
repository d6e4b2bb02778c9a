"""The gallery's search index moves to the gallery app: state only, the table
``archive_searchdocument`` stays (see gallery/migrations/0001_initial.py)."""
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0005_merge_20261121_1727'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='SearchDocument')],
            database_operations=[],
        ),
    ]
