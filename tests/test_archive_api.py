"""Archive REST API: read for curators/reviewers, transcript import for curators; a malformed WebVTT
answers 400 naming the line, and the saved transcript is unchanged."""
import pytest
from rest_framework.authtoken.models import Token

from tests.archive_fixtures import segments_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def _as(user):
        token, _ = Token.objects.get_or_create(user=user)
        return {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    return _as


def test_read_endpoints(client, api, make_user, technique, recording):
    h = api(make_user("rev", "reviewer"))
    r = client.get("/api/v1/crafts?q=苏州", **h)
    assert r.status_code == 200 and r.json()["results"][0]["slug"] == "suxiu"
    r = client.get("/api/v1/techniques/suxiu-zhengqiang", **h)
    assert [s["title"] for s in r.json()["steps"]] == ["劈丝", "起针", "收针"]
    r = client.get(f"/api/v1/recordings/{recording.pk}", **h)
    assert r.json()["segments"][1]["text"] == "针要斜一点,大概三十度。"
    recording.consent_scope = "archive"
    recording.save()
    assert client.get(f"/api/v1/recordings/{recording.pk}", **h).json()["segments"] is None
    assert client.get("/api/v1/crafts").status_code in (401, 403)
    assert client.get("/api/v1/crafts", **api(make_user("inh", "inheritor"))).status_code == 403


def test_transcript_import(client, api, make_user, curator, recording):
    url = f"/api/v1/recordings/{recording.pk}/transcript"
    good = "WEBVTT\n\n00:00:20.000 --> 00:00:24.000\n<v 沈秀芬>不然容易断。\n"
    assert client.post(url, {"webvtt": good}, content_type="application/json",
                       **api(make_user("rev", "reviewer"))).status_code == 403
    h = api(curator)
    r = client.post(url, {"webvtt": good, "mode": "append"}, content_type="application/json", **h)
    assert r.status_code == 200 and r.json() == {"segments": 3}
    before = segments_of(recording)
    bad = "WEBVTT\n\n00:00:30.000 --> 00:00:29.000\n倒过来了\n"
    r = client.post(url, {"webvtt": bad}, content_type="application/json", **h)
    assert r.status_code == 400 and r.json()["line"] == 3 and "早于或等于开始时间" in r.json()["detail"]
    r = client.post(url, {"webvtt": good, "mode": "append"}, content_type="application/json", **h)
    assert r.status_code == 400 and "时间重叠" in r.json()["detail"]
    r = client.post(url, {"mode": "sideways"}, content_type="application/json", **h)
    assert r.status_code == 400 and "webvtt" in r.json() and "mode" in r.json()
    assert segments_of(recording) == before
