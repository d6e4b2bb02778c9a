"""Publication becomes an append-only event (records/selectors.py reads the event log, not the review rows):
every record public until now gets its publication event. The immutability trigger also refuses TRUNCATE
(a statement-level trigger; superusers — who could drop the trigger anyway — keep TRUNCATE, which test
databases use to flush)."""
from django.db import migrations, models

TABLES = ("archive_archiverecord", "archive_archivefile", "archive_archiveevent")

TRUNCATE_FUNCTION = """
CREATE OR REPLACE FUNCTION heritage_archive_no_truncate() RETURNS trigger AS $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'heritage: TRUNCATE on % refused: archive records are immutable', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""


def truncate_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(TRUNCATE_FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};")
        schema_editor.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                              f"FOR EACH STATEMENT EXECUTE FUNCTION heritage_archive_no_truncate();")


def drop_truncate_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};")
    schema_editor.execute("DROP FUNCTION IF EXISTS heritage_archive_no_truncate();")


def publication_events(apps, schema_editor):
    ArchiveRecord = apps.get_model("records", "ArchiveRecord")
    ArchiveEvent = apps.get_model("records", "ArchiveEvent")
    for record in ArchiveRecord.objects.filter(signoff__review__state="archived", signoff__withdrawn_at__isnull=True):
        if not ArchiveEvent.objects.filter(record=record, event_type__in=["publication", "withdrawal"]).exists():
            ArchiveEvent.objects.create(record=record, event_type="publication", detail="published (migrated)",
                                        agents=[], data={"signoff": str(record.signoff_id)})


class Migration(migrations.Migration):

    dependencies = [
        ('records', '0002_immutable_trigger'),
        ('review', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='archiveevent',
            name='event_type',
            field=models.CharField(choices=[('creation', '创建'), ('message digest calculation', '摘要计算'), ('ingestion', '入库'), ('fixity check', '固定性检查'), ('sign-off', '传承人签署'), ('withdrawal', '撤回签署'), ('export', '导出'), ('digital signature generation', '内容凭证签名'), ('publication', '公开发布')], max_length=40, verbose_name='事件类型'),
        ),
        migrations.RunPython(publication_events, migrations.RunPython.noop),
        migrations.RunPython(truncate_trigger, drop_truncate_trigger),
    ]
