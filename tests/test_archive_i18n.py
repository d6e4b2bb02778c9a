"""Chinese first, English through the language switcher (POST /i18n/setlang/) and the compiled
catalogue in locale/en."""
import pytest

from archive.models import Craft

pytestmark = pytest.mark.django_db


def test_switch_to_english_and_back(curator_client, craft, recording):
    body = curator_client.get("/curator/crafts/").content.decode()
    assert "非遗项目" in body and 'lang="zh-hans"' in body
    r = curator_client.post("/i18n/setlang/", {"language": "en", "next": "/curator/crafts/"})
    assert r.status_code == 302 and r["Location"] == "/curator/crafts/"
    body = curator_client.get("/curator/crafts/").content.decode()
    assert 'lang="en"' in body
    assert "Crafts" in body and "New craft" in body and "Traditional fine arts" in body
    assert "非遗项目" not in body
    body = curator_client.get(f"/curator/recordings/{recording.pk}/").content.decode()
    assert "Edit transcript" in body and "Research and AI reconstruction" in body
    assert "<h1>New craft</h1>" in curator_client.get("/curator/crafts/new/").content.decode()
    # errors are translated too
    r = curator_client.post(f"/curator/crafts/{craft.slug}/edit/", {"name": "", "slug": "suxiu", "category": "fine_arts",
                                                                    "region": "苏州"})
    assert "This field is required." in r.content.decode()
    curator_client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert "非遗项目" in curator_client.get("/curator/crafts/").content.decode()
    assert Craft.objects.count() == 1
