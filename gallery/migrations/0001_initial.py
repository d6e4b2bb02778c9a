"""The gallery's search index, moved from the archive app: state only. The table
``archive_searchdocument`` and its GIN index (PostgreSQL) were created by archive/0003_gallery_searchdocument
and stay; the content type is renamed so permissions keep pointing at it."""
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="gallery", model="searchdocument").exists():
        ContentType.objects.filter(app_label="archive", model="searchdocument").update(app_label="gallery")


def content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="gallery", model="searchdocument").update(app_label="archive")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('archive', '0006_searchdocument_to_gallery'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SearchDocument',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(max_length=40, unique=True, verbose_name='键')),
                        ('kind', models.CharField(choices=[('craft', '项目'), ('technique', '技法'), ('step', '步骤')], max_length=16, verbose_name='类型')),
                        ('category', models.CharField(db_index=True, max_length=32, verbose_name='类别')),
                        ('region', models.CharField(db_index=True, max_length=100, verbose_name='地区')),
                        ('title', models.CharField(max_length=300, verbose_name='标题')),
                        ('body', models.TextField(blank=True, verbose_name='正文')),
                        ('title_terms', models.TextField(blank=True, verbose_name='标题词')),
                        ('body_terms', models.TextField(blank=True, verbose_name='正文词')),
                        ('vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                        ('craft', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='archive.craft', verbose_name='项目')),
                        ('step', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='archive.techniquestep', verbose_name='步骤')),
                        ('technique', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='archive.technique', verbose_name='技法')),
                    ],
                    options={
                        'verbose_name': '检索文档',
                        'verbose_name_plural': '检索文档',
                        'ordering': ['kind', 'title'],
                        'db_table': 'archive_searchdocument',
                    },
                ),
                migrations.AddIndex(
                    model_name='searchdocument',
                    index=django.contrib.postgres.indexes.GinIndex(fields=['vector'], name='archive_searchdoc_vector_gin'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, content_type_back),
    ]
