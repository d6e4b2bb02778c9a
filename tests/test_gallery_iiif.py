"""IIIF Presentation 3.0 manifest of an archived technique, validated against the Presentation 3 model
of iiif-prezi3 (pydantic models generated from the IIIF JSON schema)."""
import json

import pytest
from django.urls import reverse
from iiif_prezi3 import Manifest

from tests.gallery_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


def test_manifest_is_valid_presentation_3(client, gallery_world):
    response = client.get(reverse("gallery:technique_manifest", args=["zhengqiang"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    data = json.loads(response.content)
    manifest = Manifest.model_validate(data)  # raises on anything outside the Presentation 3 model
    assert manifest.type == "Manifest"
    assert data["@context"] == "http://iiif.io/api/presentation/3/context.json"
    assert set(data["label"]) == {"zh-Hans", "en"} and data["label"]["zh-Hans"] == ["苏绣·正抢针法"]
    assert data["rights"] == "http://rightsstatements.org/vocab/InC-EDU/1.0/"
    assert "苏绣传承人" in data["requiredStatement"]["value"]["zh-Hans"][0]

    canvases = data["items"]
    assert [c["label"]["zh-Hans"][0].split()[0] for c in canvases] == ["第1步", "第2步", "第3步", "第4步"]
    for canvas in canvases:
        assert canvas["duration"] == 2.0 and canvas["width"] == 64
        painting = canvas["items"][0]["items"][0]
        assert painting["motivation"] == "painting" and painting["body"]["type"] == "Video"
        assert painting["body"]["duration"] == 2.0 and painting["target"] == canvas["id"]
        subtitles = canvas["annotations"][0]["items"]
        assert {a["body"]["language"] for a in subtitles} == {"zh-Hans", "en"}
        assert all(a["motivation"] == "supplementing" and a["body"]["format"] == "text/vtt" for a in subtitles)
        # every media URL in the manifest is served to the public
        for url in [painting["body"]["id"], *(a["body"]["id"] for a in subtitles), canvas["thumbnail"][0]["id"]]:
            assert url.startswith("http://testserver/public-media/")
            assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_manifest_holds_only_public_records(client, gallery_world):
    data = json.loads(client.get(reverse("gallery:technique_manifest", args=["dianla"])).content)
    Manifest.model_validate(data)
    assert len(data["items"]) == 1
    text = json.dumps(data)
    assert str(gallery_world["draft"].pk) not in text and str(gallery_world["withdrawn"].pk) not in text


def test_invalid_manifest_would_be_caught():
    """The validator used above does reject a broken manifest (so the tests above can fail)."""
    with pytest.raises(Exception):
        Manifest.model_validate({"id": "http://x/m", "type": "Manifest", "label": "not a language map", "items": "x"})
