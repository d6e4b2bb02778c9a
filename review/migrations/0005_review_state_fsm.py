"""Review.state becomes a django-fsm FSMField (review/workflow.py makes the table's rows its transitions).
The column is the same (varchar(20), indexed, the same choices and default): only Django's record of the
field's class changes, so no SQL runs (PostgreSQL would run none; SQLite would rebuild the table)."""
import django_fsm
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('review', '0004_comment_threads'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='review',
                    name='state',
                    field=django_fsm.FSMField(choices=[('draft', '草稿'), ('in_review', '审核中'), ('changes_requested', '需要修改'), ('approved', '传承人已签署'), ('archived', '已归档'), ('rejected', '已驳回'), ('withdrawn', '签署已撤回')], db_index=True, default='draft', max_length=20, verbose_name='状态'),
                ),
            ],
        ),
    ]
