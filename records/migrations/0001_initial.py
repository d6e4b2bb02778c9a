"""The archive records' tables move to the records app, unchanged.

The tables ``archive_archiverecord``, ``archive_archivefile`` and ``archive_archiveevent`` keep their
names (``db_table``). A database that applied archive/0003 before this app existed already has them:
only the migration state moves here, and the content types are renamed so permissions and admin log
entries keep pointing at them. A new database gets them created here (archive/0003 is now empty, so
the archive app no longer depends on review)."""
import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

TABLES = {"archiverecord": "archive_archiverecord", "archivefile": "archive_archivefile",
          "archiveevent": "archive_archiveevent"}


def create_missing_tables(apps, schema_editor):
    present = set(schema_editor.connection.introspection.table_names())
    for model_name in ("ArchiveRecord", "ArchiveFile", "ArchiveEvent"):  # FK order
        model = apps.get_model("records", model_name)
        if model._meta.db_table not in present:
            schema_editor.create_model(model)


def drop_tables(apps, schema_editor):
    for model_name in ("ArchiveEvent", "ArchiveFile", "ArchiveRecord"):
        schema_editor.delete_model(apps.get_model("records", model_name))


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in TABLES:
        if not ContentType.objects.filter(app_label="records", model=model).exists():
            ContentType.objects.filter(app_label="archive", model=model).update(app_label="records")


def content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="records", model__in=list(TABLES)).update(app_label="archive")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('archive', '0005_merge_20261121_1727'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('generation', '0001_initial'),
        ('review', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[

                migrations.CreateModel(
                    name='ArchiveRecord',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('title', models.CharField(max_length=300, verbose_name='标题')),
                        ('attribution', models.CharField(max_length=500, verbose_name='署名')),
                        ('rights_uri', models.URLField(max_length=300, verbose_name='权利声明')),
                        ('ai_notice', models.CharField(max_length=500, verbose_name='AI 生成声明')),
                        ('clip_sha256', models.CharField(max_length=64, verbose_name='签署文件 SHA-256')),
                        ('provenance', models.JSONField(default=dict, verbose_name='来源信息')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='归档时间')),
                        ('clip', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='archive_record', to='generation.clip', verbose_name='生成视频')),
                        ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='归档人')),
                        ('signoff', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='archive_record', to='review.signoff', verbose_name='签署')),
                        ('step', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='archive_records', to='archive.techniquestep', verbose_name='步骤')),
                        ('technique', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='archive_records', to='archive.technique', verbose_name='技法')),
                    ],
                    options={
                        'verbose_name': '档案记录',
                        'verbose_name_plural': '档案记录',
                        'ordering': ['-created_at'],
                        'db_table': 'archive_archiverecord',
                    },
                ),
                migrations.CreateModel(
                    name='ArchiveFile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('original', '引擎原生视频(签署对象)'), ('video', '发布视频(含标注与内容凭证)'), ('poster', '封面'), ('vtt', '中文字幕'), ('vtt_en', '英文字幕'), ('preview', '预览'), ('slow_0_5', '0.5 倍慢放'), ('slow_0_25', '0.25 倍慢放'), ('multiview', '多机位'), ('c2pa_manifest', 'C2PA 清单'), ('provenance', '来源 JSON')], max_length=24, verbose_name='用途')),
                        ('file', models.FileField(max_length=300, upload_to='archive/', verbose_name='文件')),
                        ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                        ('size_bytes', models.PositiveBigIntegerField(verbose_name='字节数')),
                        ('mime', models.CharField(max_length=100, verbose_name='MIME 类型')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                        ('record', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='files', to='records.archiverecord', verbose_name='档案记录')),
                    ],
                    options={
                        'verbose_name': '档案文件',
                        'verbose_name_plural': '档案文件',
                        'ordering': ['record', 'role'],
                        'db_table': 'archive_archivefile',
                    },
                ),
                migrations.CreateModel(
                    name='ArchiveEvent',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('event_type', models.CharField(choices=[('creation', '创建'), ('message digest calculation', '摘要计算'), ('ingestion', '入库'), ('fixity check', '固定性检查'), ('sign-off', '传承人签署'), ('withdrawal', '撤回签署'), ('export', '导出'), ('digital signature generation', '内容凭证签名')], max_length=40, verbose_name='事件类型')),
                        ('at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='时间')),
                        ('outcome', models.CharField(choices=[('success', '成功'), ('failure', '失败')], default='success', max_length=16, verbose_name='结果')),
                        ('detail', models.TextField(blank=True, verbose_name='说明')),
                        ('agents', models.JSONField(default=list, verbose_name='参与者')),
                        ('data', models.JSONField(blank=True, default=dict, verbose_name='数据')),
                        ('record', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='events', to='records.archiverecord', verbose_name='档案记录')),
                    ],
                    options={
                        'verbose_name': '档案事件',
                        'verbose_name_plural': '档案事件',
                        'ordering': ['record', 'at'],
                        'db_table': 'archive_archiveevent',
                    },
                ),
                migrations.AddConstraint(
                    model_name='archiverecord',
                    constraint=models.CheckConstraint(condition=models.Q(('attribution', ''), _negated=True), name='archiverecord_attribution_required'),
                ),
                migrations.AddConstraint(
                    model_name='archiverecord',
                    constraint=models.CheckConstraint(condition=models.Q(('rights_uri', ''), _negated=True), name='archiverecord_rights_required'),
                ),
                migrations.AddConstraint(
                    model_name='archivefile',
                    constraint=models.UniqueConstraint(fields=('record', 'role'), name='archivefile_one_per_role'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(create_missing_tables, drop_tables),
        migrations.RunPython(move_content_types, content_types_back),
    ]
