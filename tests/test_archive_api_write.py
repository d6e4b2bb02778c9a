"""Writing the archive through the API, as a museum's script does: crafts, techniques with steps, recordings
(multipart upload) and footage, as a curator only, through the services the curator forms call (same rules,
same refusals: a bad body or upload changes nothing; deleting is refused with the delete page's blockers)."""
import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from archive.models import Craft, Footage, Recording, Technique, TechniqueStep
from tests.review_fixtures import tiny_mp4

pytestmark = pytest.mark.django_db

CRAFT = {"name": "缂丝", "name_en": "Kesi", "slug": "kesi", "category": "craftsmanship", "region": "江苏省苏州市"}
TECHNIQUE = {"craft": "kesi", "name": "通经断纬", "slug": "kesi-tongjing", "summary": "经线贯通,纬线按图案分段。",
             "steps": [{"title": "挂经", "description": "把经线挂上织机。", "parameters": {"count": 800}},
                       {"title": "织纬", "description": "小梭子分段织纬线。", "parameters": {"angle_deg": 30}}]}


def as_user(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def api(curator):
    return as_user(curator)


def test_craft_and_technique_create_read_update_filter_delete(api, make_user):
    r = api.post("/api/v1/crafts", CRAFT, format="json")
    assert r.status_code == 201, r.content
    assert r["Location"] == "/api/v1/crafts/kesi" and api.get(r["Location"]).json()["name_en"] == "Kesi"
    r = api.post("/api/v1/techniques", TECHNIQUE, format="json")
    assert r.status_code == 201, r.content
    body = api.get(r["Location"]).json()
    assert [(s["order"], s["title"], s["parameters"]) for s in body["steps"]] == [
        (1, "挂经", {"count": 800}), (2, "织纬", {"angle_deg": 30})]
    first, second = body["steps"]
    # reorder, keep both rows, add a step; PATCH leaves the other fields alone
    r = api.patch("/api/v1/techniques/kesi-tongjing", {"steps": [
        {"id": second["id"], "title": "织纬", "description": "小梭子分段织纬线。"},
        {"id": first["id"], "title": "挂经", "description": "把经线挂上织机。", "parameters": {"count": 900}},
        {"title": "修整", "description": "剪去线头。"}]}, format="json")
    assert r.status_code == 200, r.content
    steps = Technique.objects.get(slug="kesi-tongjing").steps.order_by("order")
    assert [(s.pk, s.title) for s in steps][:2] == [(second["id"], "织纬"), (first["id"], "挂经")]
    assert steps[1].parameters == {"count": 900} and steps.count() == 3
    assert Technique.objects.get(slug="kesi-tongjing").summary == TECHNIQUE["summary"]
    r = api.put("/api/v1/crafts/kesi", {**CRAFT, "region": "苏州市"}, format="json")
    assert r.status_code == 200 and r.json()["region"] == "苏州市"
    assert [t["slug"] for t in api.get("/api/v1/techniques?craft=kesi").json()["results"]] == ["kesi-tongjing"]
    assert api.get("/api/v1/crafts?q=缂丝").json()["count"] == 1
    # the craft has a technique: refused with the delete page's blockers, nothing deleted
    r = api.delete("/api/v1/crafts/kesi")
    assert r.status_code == 409 and r.json()["code"] == "protected", r.content
    assert any("通经断纬" in b for b in r.json()["blockers"]) and Craft.objects.filter(slug="kesi").exists()
    assert api.delete("/api/v1/techniques/kesi-tongjing").status_code == 204
    assert api.delete("/api/v1/crafts/kesi").status_code == 204 and not Craft.objects.filter(slug="kesi").exists()


def test_writes_are_the_curators_only(api, make_user, craft, technique):
    api.post("/api/v1/crafts", CRAFT, format="json")
    for user in (make_user("rev", "reviewer"), make_user("inh", "inheritor")):
        client = as_user(user)
        assert client.post("/api/v1/crafts", {**CRAFT, "slug": "x", "name": "x"}, format="json").status_code == 403
        assert client.patch("/api/v1/crafts/kesi", {"region": "x"}, format="json").status_code == 403
        assert client.delete("/api/v1/techniques/suxiu-zhengqiang").status_code == 403
        assert client.post("/api/v1/footage", {"technique": technique.slug, "title": "x", "reference": "r",
                                               "credit": "c"}, format="json").status_code == 403
    assert as_user(make_user("rev2", "reviewer")).get("/api/v1/crafts/kesi").status_code == 200
    assert APIClient().post("/api/v1/crafts", CRAFT, format="json").status_code in (401, 403)
    assert Craft.objects.get(slug="kesi").region == CRAFT["region"] and Craft.objects.count() == 2


def test_bad_bodies_answer_the_forms_messages_and_change_nothing(api, craft, technique):
    r = api.post("/api/v1/crafts", {**CRAFT, "slug": "suxiu"}, format="json")  # the slug is taken: a 409
    assert r.status_code == 409 and "slug" in r.json() and r.json()["code"] == "unique", r.content
    r = api.post("/api/v1/crafts", {**CRAFT, "slug": "suxiu", "region": ""}, format="json")  # and malformed: 400
    assert r.status_code == 400 and "region" in r.json(), r.content
    assert api.post("/api/v1/crafts", {**CRAFT, "slug": "不是slug"}, format="json").status_code == 400
    r = api.post("/api/v1/crafts", {**CRAFT, "featurd": True}, format="json")
    assert r.status_code == 400 and "featurd" in r.json()
    before = [(s.pk, s.title, s.parameters) for s in technique.steps.order_by("order")]
    for steps, word in [
        ([{"title": "a", "description": "x"}, {"title": "a", "description": "y"}], "重复"),
        ([{"title": "a", "description": "x", "parameters": {"Bad-Name": 1}}], "名称"),
        ([{"title": "a", "description": "x", "parameters": {"a": [1]}}], "数字或文字"),
        ([{"title": "a", "description": "x", "parameters": {f"p{i}": i for i in range(31)}}], "30"),
        ([{"id": 999999, "title": "a", "description": "x"}], "999999"),
    ]:
        r = api.patch(f"/api/v1/techniques/{technique.slug}", {"steps": steps, "summary": "改了"}, format="json")
        assert r.status_code == 400 and word in r.json()["detail"], (steps, r.content)
    technique.refresh_from_db()
    assert technique.summary == "" and [(s.pk, s.title, s.parameters) for s in technique.steps.order_by("order")] == before


def test_deleting_a_step_a_review_points_at_is_refused(api, rv, make_clip):
    from review import services

    services.review_open(clip=make_clip(), actor=rv.curator)  # a review of rv.step (PROTECT)
    r = api.patch(f"/api/v1/techniques/{rv.technique.slug}", {"steps": [{"title": "新", "description": "新的"}]},
                  format="json")
    assert r.status_code == 400 and "起针" in r.json()["detail"], r.content
    assert list(rv.technique.steps.values_list("title", flat=True)) == ["起针"]
    r = api.delete(f"/api/v1/techniques/{rv.technique.slug}")
    assert r.status_code == 409 and r.json()["blockers"]


def recording_body(craft, **extra):
    return {"craft": craft.slug, "title": "缂丝口述", "speaker_name": "王金山", "interviewer": "李文静",
            "recorded_on": "2024-03-01", "place": "苏州", "consent_scope": "generation", "consent_date": "2024-03-01",
            **extra}


def test_recording_upload_create_read_update_filter_delete(api, craft, technique, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    r = api.post("/api/v1/recordings", {**recording_body(craft, technique=technique.slug),
                                         "media": SimpleUploadedFile("talk.mp4", tiny_mp4(), "video/mp4")},
                 format="multipart")
    assert r.status_code == 201, r.content
    recording = Recording.objects.get()
    assert recording.media and api.get(r["Location"]).json()["title"] == "缂丝口述"
    r = api.patch(f"/api/v1/recordings/{recording.pk}", {"place": "苏州刺绣研究所"}, format="json")
    assert r.status_code == 200 and r.json()["place"] == "苏州刺绣研究所"
    listed = api.get(f"/api/v1/recordings?technique={technique.slug}").json()
    assert [x["id"] for x in listed["results"]] == [recording.pk]
    # the form's rules, now the service's: a speaker's name or a speaker, technique of the craft, file or reference
    other = Craft.objects.create(name="湘绣", slug="xiangxiu", category="fine_arts", region="长沙")
    r = api.post("/api/v1/recordings", recording_body(other, technique=technique.slug, speaker_name=""), format="json")
    assert r.status_code == 400 and {"technique", "speaker_name", "media"} <= set(r.json()), r.content
    assert Recording.objects.count() == 1
    assert api.delete(f"/api/v1/recordings/{recording.pk}").status_code == 204 and not Recording.objects.exists()


@pytest.mark.parametrize("name, content, status, code", [
    ("talk.txt", b"hello", 415, "file_type"),
    ("talk.mp4", b"\x00\x00\x00\x18ftypisom" + b"not really a video" * 10, 400, "file_content"),
    ("talk.mp4", None, 413, "file_size"),
])
def test_a_bad_upload_is_a_json_refusal_and_stores_nothing(api, craft, settings, tmp_path, name, content, status,
                                                           code):
    settings.MEDIA_ROOT = str(tmp_path)
    if content is None:
        settings.MAX_UPLOAD_MB = 0.001  # about 1 KB: the tiny mp4 is over it
        content = tiny_mp4()
    r = api.post("/api/v1/recordings", {**recording_body(craft),
                                         "media": SimpleUploadedFile(name, content, "application/octet-stream")},
                 format="multipart")
    assert r.status_code == status and r["Content-Type"] == "application/json", r.content
    assert r.json()["code"] == code and r.json()["detail"] and "media" in r.json()
    assert not Recording.objects.exists() and not list(tmp_path.rglob("talk*"))


def test_footage_create_update_filter_delete(api, technique, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    step = technique.steps.get(order=2)
    r = api.post("/api/v1/footage", {"technique": technique.slug, "step": step.pk, "title": "起针特写", "credit": "所",
                                     "file": SimpleUploadedFile("a.mp4", tiny_mp4(), "video/mp4")}, format="multipart")
    assert r.status_code == 201, r.content
    footage = Footage.objects.get()
    assert footage.file and api.get(r["Location"]).json()["has_file"] is True
    r = api.patch(f"/api/v1/footage/{footage.pk}", {"public": True}, format="json")
    assert r.status_code == 200 and r.json()["public"] is True
    assert api.get(f"/api/v1/footage?craft={technique.craft.slug}").json()["count"] == 1
    assert api.get("/api/v1/footage?technique=nope").json()["count"] == 0
    r = api.post("/api/v1/footage", {"technique": technique.slug, "title": "无文件", "credit": "所"}, format="json")
    assert r.status_code == 400 and "外部引用" in r.json()["detail"]
    other = Technique.objects.create(craft=technique.craft, name="别的", slug="other")
    r = api.patch(f"/api/v1/footage/{footage.pk}", {"technique": other.slug}, format="json")
    assert r.status_code == 400 and "step" in r.json()
    r = api.delete(f"/api/v1/techniques/{technique.slug}")
    assert r.status_code == 409 and any("起针特写" in b for b in r.json()["blockers"])
    assert api.delete(f"/api/v1/footage/{footage.pk}").status_code == 204
    assert TechniqueStep.objects.filter(technique=technique).count() == 3


def test_the_schema_documents_the_writes_with_examples(api):
    schema = api.get("/api/v1/schema/?format=json").json()
    paths = schema["paths"]
    for path, methods in {"/api/v1/crafts": {"post"}, "/api/v1/crafts/{slug}": {"put", "patch", "delete"},
                          "/api/v1/techniques": {"post"}, "/api/v1/techniques/{slug}": {"put", "patch", "delete"},
                          "/api/v1/recordings": {"post"}, "/api/v1/recordings/{id}": {"put", "patch", "delete"},
                          "/api/v1/footage": {"get", "post"}, "/api/v1/footage/{id}": {"get", "put", "patch", "delete"}}.items():
        assert methods <= set(paths[path]), path
    assert "examples" in paths["/api/v1/techniques"]["post"]["requestBody"]["content"]["application/json"]
    assert "multipart/form-data" in paths["/api/v1/recordings"]["post"]["requestBody"]["content"]
    assert {"409", "204"} <= set(paths["/api/v1/crafts/{slug}"]["delete"]["responses"])


def test_inheritor_create_read_update_filter_delete_and_signer_changes_wait(api, craft, make_user, settings, tmp_path):
    """Who may sign is, through the API as on the screens, a pending change a second curator confirms."""
    from archive.models import Inheritor, SignerChange

    settings.MEDIA_ROOT = str(tmp_path)
    account = make_user("inheritor-shen", "inheritor")
    r = api.post("/api/v1/inheritors", {"craft": craft.slug, "name": "沈秀芬", "level": "provincial",
                                        "birth_year": 1956, "user": account.pk}, format="json")
    assert r.status_code == 201, r.content
    person = Inheritor.objects.get(name="沈秀芬")
    body = api.get(r["Location"]).json()
    assert body["level"] == "provincial" and body["signer_change_pending"] is True and body["user"] is None
    assert person.user_id is None and SignerChange.objects.get(inheritor=person).after["user"] == account.pk
    r = api.patch(f"/api/v1/inheritors/{person.pk}", {"biography": "从艺五十年。"}, format="json")
    assert r.status_code == 200 and r.json()["biography"] == "从艺五十年。"
    assert [x["name"] for x in api.get(f"/api/v1/inheritors?craft={craft.slug}&level=provincial").json()["results"]] == [
        "沈秀芬"]
    # the form's rules, now the model's: birth year, accounts of the inheritor role; a proxy needs a document
    for bad, field in [({"birth_year": 1700}, "birth_year"), ({"user": make_user("cur2", "curator").pk}, "user"),
                       ({"status": "deceased", "proxy_name": "沈小芬"}, "proxy_document")]:
        r = api.patch(f"/api/v1/inheritors/{person.pk}", bad, format="json")
        assert r.status_code == 400 and field in r.json(), (bad, r.content)
    r = api.patch(f"/api/v1/inheritors/{person.pk}", {"status": "deceased", "proxy_name": "沈小芬",
                                                      "proxy_document": SimpleUploadedFile("a.exe", b"MZ")},
                  format="multipart")
    assert r.status_code == 415 and r.json()["code"] == "file_type", r.content
    person.refresh_from_db()
    assert person.birth_year == 1956 and person.status == "alive" and SignerChange.objects.count() == 1
    Recording.objects.create(craft=craft, title="口述", speaker=person, speaker_name="沈秀芬", interviewer="李",
                             recorded_on=dt.date(2024, 1, 1), place="苏州", consent_scope="research",
                             consent_date=dt.date(2024, 1, 1), media_reference="x")
    r = api.delete(f"/api/v1/inheritors/{person.pk}")
    assert r.status_code == 409 and any("口述" in b for b in r.json()["blockers"])
    assert as_user(make_user("rev", "reviewer")).patch(f"/api/v1/inheritors/{person.pk}", {"biography": "x"},
                                                       format="json").status_code == 403


def test_steps_read_back_may_be_sent_back_and_order_says_the_order(api, technique):
    """Found by a live walk: a script that sends back the steps it read got 400 (``order`` unknown). ``order``,
    on every step, orders them; on some only, or twice the same, is a 400."""
    steps = api.get(f"/api/v1/techniques/{technique.slug}").json()["steps"]
    swapped = [{**steps[0], "order": 2}, {**steps[1], "order": 1}, steps[2]]
    r = api.patch(f"/api/v1/techniques/{technique.slug}", {"steps": swapped}, format="json")
    assert r.status_code == 200, r.content
    assert [s["id"] for s in r.json()["steps"]] == [steps[1]["id"], steps[0]["id"], steps[2]["id"]]
    for bad in ([{**steps[0], "order": 1}, {**steps[1], "order": 1}, steps[2]],
                [{**steps[0], "order": 1}, {k: v for k, v in steps[1].items() if k != "order"}, steps[2]]):
        r = api.patch(f"/api/v1/techniques/{technique.slug}", {"steps": bad}, format="json")
        assert r.status_code == 400 and "order" in r.json()["detail"], r.content
    r = api.patch(f"/api/v1/techniques/{technique.slug}", {"steps": steps}, format="json")  # sent back as read
    assert r.status_code == 200 and [s["id"] for s in r.json()["steps"]] == [s["id"] for s in steps]


@pytest.mark.parametrize("fmt", ["json", "multipart"])
def test_a_nul_in_a_slug_naming_a_craft_is_a_field_error_not_a_500(api, fmt):
    """Found by the schema fuzzer on PostgreSQL: POST /inheritors with a craft slug holding a NUL reached the query
    (PostgreSQL refuses NUL in text: a 500). It is the same 400 as any unknown slug, on every database."""
    Craft.objects.create(name="缂丝", slug="kesi", category="craftsmanship")
    for url, body in (("/api/v1/inheritors", {"name": "王金山", "craft": "kesi\x00", "level": "national"}),
                      ("/api/v1/techniques", {**TECHNIQUE, "craft": "ke\x00si", "steps": []})):
        if fmt == "multipart":
            body = {k: v for k, v in body.items() if k != "steps"}
        r = api.post(url, body, format=fmt)
        assert r.status_code == 400, (url, r.status_code, r.content)
        assert "craft" in r.json() and r.json()["code"] == "invalid", r.content


def test_a_curator_makes_an_inheritor_login_through_the_api_as_on_the_screen(api, curator, craft, make_user, client):
    """``POST inheritors/<id>/account``: the curator screen's service (``inheritor_account_create``), the same right
    (``archive.change``), the one-time set-password link in the answer; the account joins a pending signer change
    that a second curator confirms. ``account/link`` for the confirmed account asks a second curator."""
    from django.contrib.auth import get_user_model

    from archive import services
    from archive.models import Inheritor, SignerChange

    inheritor = Inheritor.objects.create(craft=craft, name="沈秀芬", level="national")
    for role in ("reviewer", "inheritor"):
        refused = as_user(make_user(f"x-{role}", role)).post(f"/api/v1/inheritors/{inheritor.pk}/account", {},
                                                             format="json")
        assert refused.status_code == 403 and refused.json()["code"] == "permission_denied"
    assert APIClient().post(f"/api/v1/inheritors/{inheritor.pk}/account", {}, format="json").status_code == 401
    no_account = api.post(f"/api/v1/inheritors/{inheritor.pk}/account/link", format="json")
    assert no_account.status_code == 409 and no_account.json()["code"] == "no_account"
    taken = api.post(f"/api/v1/inheritors/{inheritor.pk}/account", {"username": curator.username}, format="json")
    assert taken.status_code == 400 and taken.json()["code"] == "invalid" and curator.username in taken.json()["detail"]
    assert api.post(f"/api/v1/inheritors/{inheritor.pk}/account", {"user": 1}, format="json").status_code == 400

    made = api.post(f"/api/v1/inheritors/{inheritor.pk}/account", {"username": "shen-xiufen"}, format="json")
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["username"] == "shen-xiufen" and body["signer_change_pending"] is True
    # a 201/202 names where the result shows (the inheritor; found by a schema-only script client: none was given)
    assert made["Location"] == f"/api/v1/inheritors/{inheritor.pk}", made.headers
    assert body["set_password_url"].startswith("http://testserver/accounts/set-password/")
    user = get_user_model().objects.get(username="shen-xiufen")
    assert not user.has_usable_password() and user.groups.filter(name="inheritor").exists()
    inheritor.refresh_from_db()
    assert inheritor.user_id is None  # who may sign changes only when a second curator confirms
    change = SignerChange.objects.get(inheritor=inheritor, state=SignerChange.State.PENDING)
    assert change.after["user"] == user.pk and change.requested_by == curator
    page = client.get(body["set_password_url"].removeprefix("http://testserver"))
    assert page.status_code in (200, 302)  # Django's set-password view takes the token (and redirects to hide it)

    services.signer_change_confirm(change=change, actor=make_user("curator2", "curator"))
    again = api.post(f"/api/v1/inheritors/{inheritor.pk}/account/", {}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "account_exists"
    # the account now signs: a new link is itself a signer change (tests/test_signer_account.py)
    link = api.post(f"/api/v1/inheritors/{inheritor.pk}/account/link", format="json")
    assert link.status_code == 202 and link.json()["code"] == "signer_change_requested", link.content
    assert link["Location"] == f"/api/v1/inheritors/{inheritor.pk}"
    assert api.get(link["Location"]).json()["signer_change_pending"] is True
    schema = api.get("/api/v1/schema?format=json").json()["paths"]
    assert {"201", "409"} <= set(schema["/api/v1/inheritors/{id}/account"]["post"]["responses"])
    # while that change is pending, another link replaces it only when asked, in the body as for ``account`` (found
    # by a script client: the flag was read from an undocumented query parameter; in the body it was dropped)
    again = api.post(f"/api/v1/inheritors/{inheritor.pk}/account/link", format="json")
    assert again.status_code == 409 and again.json()["code"] == "signer_change_pending", again.content
    replaced = api.post(f"/api/v1/inheritors/{inheritor.pk}/account/link", {"replace_pending_change": True},
                        format="json")
    assert replaced.status_code == 202 and replaced.json()["code"] == "signer_change_requested", replaced.content
    body = schema["/api/v1/inheritors/{id}/account/link"]["post"]["requestBody"]["content"]["application/json"]
    assert "replace_pending_change" in api.get("/api/v1/schema?format=json").json()["components"]["schemas"][
        body["schema"]["$ref"].rsplit("/", 1)[1]]["properties"]


def test_a_recording_without_a_technique_reads_as_the_schema_says(api, rv):
    """Found by schemathesis (response_schema_conformance): a recording of no technique answered
    ``"technique": null`` where the schema said a string (``Recording``, ``RecordingList``)."""
    Recording.objects.filter(pk=rv.recording.pk).update(technique=None)
    schemas = api.get("/api/v1/schema?format=json").json()["components"]["schemas"]
    for name in ("Recording", "RecordingList"):
        assert schemas[name]["properties"]["technique"].get("nullable") is True, name
    assert api.get(f"/api/v1/recordings/{rv.recording.pk}").json()["technique"] is None


def test_a_name_or_slug_already_taken_is_a_conflict_the_schema_documents(api, rv):
    """Found by schemathesis (positive_data_acceptance): a schema-valid body whose slug or name another row holds
    was a 400, the answer for a malformed body; it is a 409 (the request is well-formed, the archive's state is what
    refuses it), ``code`` ``unique``, with the field errors as before. Every write documents 409."""
    r = api.post("/api/v1/crafts", {**CRAFT, "slug": rv.craft.slug}, format="json")
    assert r.status_code == 409 and r.json()["code"] == "unique" and "slug" in r.json(), r.content
    r = api.patch(f"/api/v1/crafts/{rv.craft.slug}", {"slug": rv.other_craft.slug}, format="json")
    assert r.status_code == 409 and r.json()["code"] == "unique", r.content
    r = api.post("/api/v1/inheritors", {"craft": rv.craft.slug, "name": rv.inheritor.name, "level": "national"},
                 format="json")
    assert r.status_code == 409 and r.json()["code"] == "unique_together", r.content
    paths = api.get("/api/v1/schema?format=json").json()["paths"]
    for path, item in paths.items():
        for method in ("post", "put", "patch"):
            if method in item:
                assert "409" in item[method]["responses"], (method, path)


def test_steps_in_a_multipart_body_are_refused_not_dropped(api, rv):
    """Found by schemathesis (negative_data_rejection): a multipart PUT of a technique with a ``steps`` part
    answered 200 and left the steps as they were (DRF reads a nested list from a form only as ``steps[0]title``
    keys; a ``steps`` part was silently ignored). Steps are JSON only: a ``steps`` part is a 400 naming it."""
    before = list(rv.technique.steps.values_list("title", flat=True))
    body = {"craft": rv.craft.slug, "name": rv.technique.name, "slug": rv.technique.slug,
            "steps": '[{"title": "新", "description": "新的"}]'}
    r = api.put(f"/api/v1/techniques/{rv.technique.slug}", body, format="multipart")
    assert r.status_code == 400 and "steps" in r.json() and r.json()["code"] == "invalid", r.content
    assert list(rv.technique.steps.values_list("title", flat=True)) == before
    body.pop("steps")
    assert api.put(f"/api/v1/techniques/{rv.technique.slug}", body, format="multipart").status_code == 200


def test_a_filter_value_outside_its_choices_is_refused(api, rv):
    """Found by schemathesis (negative_data_rejection): ``/inheritors?level=AAA`` (the schema lists the levels)
    answered an empty page; like ``/reviews?state=`` it is a 400 naming the parameter and its choices."""
    for path, name in (("/api/v1/inheritors", "level"), ("/api/v1/reviews", "state")):
        r = api.get(f"{path}?{name}=AAA")
        assert r.status_code == 400 and r.json()["code"] == "invalid" and name in r.json()["detail"], r.content
    assert api.get("/api/v1/inheritors?level=national").json()["count"] >= 1
    assert api.get("/api/v1/inheritors?level=").status_code == 200


def test_a_slug_naming_a_row_may_not_be_empty_says_the_schema(api, rv):
    """Found by schemathesis (positive_data_acceptance): ``{"craft": ""}`` was schema-valid, yet an empty slug
    is read as null and refused. A non-null slug field of a body carries ``minLength: 1``."""
    schemas = api.get("/api/v1/schema?format=json").json()["components"]["schemas"]
    assert schemas["PatchedInheritorWrite"]["properties"]["craft"].get("minLength") == 1
    assert schemas["TechniqueWrite"]["properties"]["craft"].get("minLength") == 1
    r = api.patch(f"/api/v1/inheritors/{rv.inheritor.pk}", {"craft": ""}, format="json")
    assert r.status_code == 400 and "craft" in r.json()


def test_technique_writes_are_documented_as_json_only(api):
    """Found by schemathesis (positive_data_acceptance): the schema offered multipart bodies for technique writes,
    with ``steps``, which a form cannot carry (refused since). A technique body is documented as JSON only."""
    paths = api.get("/api/v1/schema?format=json").json()["paths"]
    for path, method in (("/api/v1/techniques", "post"), ("/api/v1/techniques/{slug}", "put"),
                         ("/api/v1/techniques/{slug}", "patch")):
        assert list(paths[path][method]["requestBody"]["content"]) == ["application/json"], (method, path)
