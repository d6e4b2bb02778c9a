"""The spec as versioned data in the database: the data migration loads the repository files as the
active version, the rows round-trip to the same document, curators' edits reach the normalizer, and
versions can be copied and activated."""
import pytest
from django.core.management import call_command

from generation.prompting import normalize
from generation.prompting import services
from generation.prompting.models import ParameterDefault, PromptTemplate, SpecVersion, Term
from generation.prompting.scoring import load_gold
from generation.prompting.spec import clear_cache, default_spec, get_spec, load_default_spec_dict

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    clear_cache()
    yield
    clear_cache()


def test_migration_loaded_the_files_as_active_version():
    spec = SpecVersion.objects.get(is_active=True)
    doc = load_default_spec_dict()
    assert spec.version == doc["version"]
    assert spec.terms.count() == len(doc["lexicon"]["terms"]) >= 200
    assert spec.parameter_defaults.filter(kind="level").exists()
    assert spec.parameter_defaults.get(kind="implied", scope_key="suxiu", trigger="tool:绣针", parameter="needle_no").value == 12
    assert spec.prompt_templates.filter(scope="craft", scope_key="datiehua").get().camera == "wide"


def test_database_spec_normalizes_like_the_files():
    db = get_spec()
    assert db is not default_spec() and db.version == "1.1.0"
    for item in load_gold():
        tech = item["technique"] or item["craft"]
        assert normalize(item["text"], tech).to_dict() == normalize(item["text"], tech, spec=default_spec()).to_dict()


def test_curator_edits_reach_the_normalizer():
    spec = SpecVersion.objects.get(is_active=True)
    text = "右手用针扎下去"
    assert normalize(text, "suxiu").steps[0]["params"]["needle_no"] == 12
    d = ParameterDefault.objects.get(spec=spec, kind="implied", scope="craft", scope_key="suxiu", trigger="tool:绣针")
    d.value = 10
    d.save()
    step = normalize(text, "suxiu").steps[0]
    assert step["params"]["needle_no"] == 10 and "needle_no" in step["defaults"]
    Term.objects.create(spec=spec, term="抽丝", category="action", crafts="suxiu", synonyms=["抽一抽"])
    assert normalize("把线抽一抽", "suxiu").steps[0]["action"] == "抽丝"
    tpl = PromptTemplate.objects.get(spec=spec, scope="craft", scope_key="suxiu")
    tpl.lighting = "烛光"
    tpl.save()
    assert "烛光" in normalize(text, "suxiu").prompt


def test_copy_and_activate_versions():
    active = SpecVersion.objects.get(is_active=True)
    copy = services.spec_version_copy(spec=active, version="1.0.1")
    assert not copy.is_active and copy.terms.count() == active.terms.count()
    Term.objects.filter(spec=copy, term="绣针").update(synonyms=["针", "银针"])
    services.spec_version_activate(spec=copy)
    assert list(SpecVersion.objects.filter(is_active=True)) == [copy]
    assert get_spec().version == "1.0.1"
    assert normalize("用银针扎下去", "suxiu").steps[0]["tool"] == "绣针"


def test_load_spec_command_and_errors():
    call_command("load_spec", "--spec-version", "2.0.0")
    assert SpecVersion.objects.get(version="2.0.0").is_active is False
    with pytest.raises(Exception, match="已存在"):
        call_command("load_spec", "--spec-version", "2.0.0")
    call_command("load_spec", "--spec-version", "2.0.0", "--replace", "--activate")
    assert SpecVersion.objects.get(is_active=True).version == "2.0.0"


def test_bad_spec_data_is_refused_and_nothing_written():
    doc = load_default_spec_dict()
    doc["lexicon"]["terms"].append({"term": "x", "category": "nonsense"})
    with pytest.raises(services.SpecError):
        services.spec_version_load(doc=doc, version="bad")
    assert not SpecVersion.objects.filter(version="bad").exists()


def test_no_active_version_falls_back_to_files():
    SpecVersion.objects.update(is_active=False)
    assert get_spec() is default_spec()


def test_admin_pages(admin_client):
    spec = SpecVersion.objects.get(is_active=True)
    for url in ["/admin/prompting/specversion/", f"/admin/prompting/specversion/{spec.pk}/change/",
                "/admin/prompting/term/", "/admin/prompting/term/?q=绣针", "/admin/prompting/parameterdefault/",
                "/admin/prompting/prompttemplate/"]:
        assert admin_client.get(url).status_code == 200, url
    r = admin_client.post("/admin/prompting/specversion/", {"action": "copy_version", "_selected_action": [spec.pk]})
    assert r.status_code == 302 and SpecVersion.objects.count() == 2


def test_broken_edit_falls_back_to_files_and_admin_refuses_it(admin_client):
    spec = SpecVersion.objects.get(is_active=True)
    SpecVersion.objects.filter(pk=spec.pk).update(parameters={"oops": 1})
    clear_cache()
    assert get_spec() is default_spec()  # normalization keeps working
    assert normalize("先劈丝").steps[0]["action"] == "劈丝"
    spec.refresh_from_db()
    r = admin_client.post(f"/admin/prompting/specversion/{spec.pk}/change/", {
        "version": spec.version, "name": "", "notes": "", "sources": "{}", "parameters": '{"oops": 1}',
        "vocabulary": "{}", "templates": "{}"})
    assert r.status_code == 200 and "规范数据无法使用" in r.content.decode()
