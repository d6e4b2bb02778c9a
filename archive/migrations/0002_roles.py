"""The role groups: curator, reviewer (researcher), inheritor, admin. Anonymous visitors are the public."""
from django.db import migrations

ROLES = ("curator", "reviewer", "inheritor", "admin")


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
