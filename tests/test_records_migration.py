"""The records app took over tables that archive/0003 created (``archive_archiverecord`` and friends):
its first migration creates them only when they are missing, so a database that already has them keeps
every row, and a new database gets them."""
import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from records.models import ArchiveEvent, ArchiveFile, ArchiveRecord
from tests.review_fixtures import *  # noqa: F401,F403

TABLES = ("archive_archiverecord", "archive_archivefile", "archive_archiveevent")
initial = importlib.import_module("records.migrations.0001_initial")
trigger = importlib.import_module("records.migrations.0002_immutable_trigger")


def _state_apps():
    return MigrationExecutor(connection).loader.project_state(("records", "0001_initial")).apps


@pytest.mark.django_db(transaction=True)
def test_existing_tables_and_rows_are_kept(rv, archived_record):
    record = archived_record()
    files, events = record.files.count(), record.events.count()
    with connection.schema_editor() as editor:
        initial.create_missing_tables(_state_apps(), editor)  # the tables exist: nothing to do
    assert ArchiveRecord.objects.get() == record
    assert ArchiveFile.objects.count() == files and ArchiveEvent.objects.count() == events > 0


@pytest.mark.django_db(transaction=True)
def test_a_new_database_gets_the_tables():
    apps = _state_apps()
    with connection.schema_editor() as editor:  # as on a database where archive/0003 made nothing
        initial.drop_tables(apps, editor)
    assert not set(TABLES) & set(connection.introspection.table_names())
    try:
        with connection.schema_editor() as editor:
            initial.create_missing_tables(apps, editor)
        assert set(TABLES) <= set(connection.introspection.table_names())
    finally:
        with connection.schema_editor() as editor:  # leave the test database as migrate made it
            initial.create_missing_tables(apps, editor)
            trigger.forwards(apps, editor)  # PostgreSQL: the immutability trigger went with the tables
