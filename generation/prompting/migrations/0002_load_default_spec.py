"""Load the repository's default spec files (generation/prompting/data/) as the first, active
version, so a fresh database normalizes with curator-editable data from the start."""
from django.db import migrations


def load(apps, schema_editor):
    from generation.prompting.services import rows_from_doc
    from generation.prompting.spec import load_default_spec_dict

    SpecVersion = apps.get_model("prompting", "SpecVersion")
    if SpecVersion.objects.exists():
        return
    Term = apps.get_model("prompting", "Term")
    ParameterDefault = apps.get_model("prompting", "ParameterDefault")
    PromptTemplate = apps.get_model("prompting", "PromptTemplate")
    doc = load_default_spec_dict()
    rows = rows_from_doc(doc)
    spec = SpecVersion.objects.create(version=doc["version"], is_active=True, **rows["version"])
    Term.objects.bulk_create([Term(spec=spec, **r) for r in rows["terms"]])
    ParameterDefault.objects.bulk_create([ParameterDefault(spec=spec, **r) for r in rows["defaults"]])
    PromptTemplate.objects.bulk_create([PromptTemplate(spec=spec, **r) for r in rows["templates"]])


def unload(apps, schema_editor):
    apps.get_model("prompting", "SpecVersion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("prompting", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
