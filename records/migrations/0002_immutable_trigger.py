"""(Moved from archive/0004, now idempotent: a database that ran that one gets the same trigger again.)

Archive records, their files and their events cannot be changed or deleted: on PostgreSQL a trigger
refuses UPDATE and DELETE from any client (the ORM, raw SQL, psql). Python refuses too (see
records/models.py); on SQLite only Python does. TRUNCATE (test-database flushes) is not a row
operation and is not blocked."""
from django.db import migrations

TABLES = ("archive_archiverecord", "archive_archivefile", "archive_archiveevent")

CREATE_FUNCTION = """
CREATE OR REPLACE FUNCTION heritage_archive_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'heritage: % on % refused: archive records are immutable', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE_FUNCTION, params=None)  # no %-interpolation of the RAISE format
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table};")
        schema_editor.execute(
            f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION heritage_archive_immutable();"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table};")
    schema_editor.execute("DROP FUNCTION IF EXISTS heritage_archive_immutable();")


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
