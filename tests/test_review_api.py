"""The review API as a script meets it (tests/test_review_*.py cover the workflow itself): a body field of the
wrong type on any action is a 400 in the error shape and changes nothing; the review's detail answers exactly
the fields its schema documents."""
import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(rv):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(rv.curator)
    return client


@pytest.fixture
def in_review(rv, make_clip):
    from review import services

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    return review


@pytest.mark.parametrize("action, body", [
    ("comment", {"text": ["a"]}), ("comment", {"text": {"a": 1}}), ("comment", {"text": True}),
    ("comment", {"text": "好", "at_ms": "abc"}), ("comment", {"text": "好", "at_ms": [1]}),
    ("comment", {"text": "好", "at_ms": 2**70}), ("comment", {"text": "好", "at_ms": -1}),
    ("approve", {"text": ["a"]}), ("reject", {"text": {"a": 1}}),
    ("request-changes", {"text": ["a"]}), ("request-changes", {"text": "改", "action_description": "x"}),
    ("request-changes", {"text": "改", "at_ms": "x"}),
    ("sign", {"sha256": ["x"], "attribution": "a"}), ("sign", {"sha256": "x", "attribution": {"a": 1}}),
])
def test_a_field_of_the_wrong_type_is_a_400_and_changes_nothing(action, body, api, rv, in_review):
    from review.models import ReviewComment

    client = api
    client.force_authenticate({"sign": rv.inheritor_user, "approve": rv.reviewer,
                               "request-changes": rv.reviewer}.get(action, rv.curator))
    response = client.post(f"/api/v1/reviews/{in_review.pk}/{action}", body, format="json")
    assert response.status_code == 400, response.content
    error = response.json()
    assert error["detail"] and error["code"], error
    in_review.refresh_from_db()
    assert in_review.state == "in_review"
    assert not ReviewComment.objects.filter(review=in_review).exists()



def documented_properties(client, path: str, method: str = "get", status: str = "200") -> set[str]:
    """The property names the served OpenAPI schema documents for one response."""
    schema = client.get("/api/v1/schema/?format=json").json()
    node = schema["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return set(node["properties"])


def test_review_detail_answers_exactly_the_documented_fields(api, rv, in_review):
    from review import services

    services.review_comment(review=in_review, actor=rv.reviewer, text="针脚偏密", at_ms=500)
    body = api.get(f"/api/v1/reviews/{in_review.pk}/").json()
    assert set(body) == documented_properties(api, "/api/v1/reviews/{id}")
    assert body["comments"][0]["text"] == "针脚偏密" and body["public_summary"]["title"]


def test_review_list_is_paged_and_filtered_like_every_other_list(api, rv, make_clip, in_review):
    """``GET /reviews/`` answers count/next/previous/results (it was a bare list cut off at 200), with the
    filters a script needs: state, technique, craft; a state that does not exist is a 400."""
    from review import services
    from review.models import Review

    for variant in "bcd":  # three more reviews: drafts of the same technique
        services.review_open(clip=make_clip(variant=variant), actor=rv.curator)
    other = services.review_open(clip=make_clip(technique=rv.other_technique, variant="e"), actor=rv.curator)
    body = api.get("/api/v1/reviews/?page_size=2").json()
    assert set(body) == {"count", "next", "previous", "results"}, body
    assert body["count"] == Review.objects.count() == 5 and len(body["results"]) == 2 and body["next"]
    seen = [r["id"] for r in body["results"]]
    while body["next"]:
        body = api.get(body["next"]).json()
        seen += [r["id"] for r in body["results"]]
    assert sorted(seen) == sorted(str(pk) for pk in Review.objects.values_list("pk", flat=True))
    assert [r["id"] for r in api.get("/api/v1/reviews/?state=in_review").json()["results"]] == [str(in_review.pk)]
    assert api.get("/api/v1/reviews/?state=draft").json()["count"] == 4
    assert [r["id"] for r in api.get("/api/v1/reviews/?craft=jingtailan").json()["results"]] == [str(other.pk)]
    assert api.get("/api/v1/reviews/?technique=zhengqiang&state=draft").json()["count"] == 3
    assert api.get("/api/v1/reviews/?technique=no-such").json()["count"] == 0
    refused = api.get("/api/v1/reviews/?state=sideways")
    assert refused.status_code == 400 and refused.json()["code"] == "invalid", refused.content


def test_review_list_schema_documents_the_page_and_the_filters(api):
    schema = api.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/reviews"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"page", "page_size", "state", "technique", "craft"}
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    assert set(page["properties"]) == {"count", "next", "previous", "results"}


def test_review_action_400_is_documented_as_the_bad_request_shape(api, rv, in_review):
    """A refused action body answers ``detail``, ``code`` and the field's messages; the schema says so (the
    ``BadRequest`` component, open to field keys), not ``{detail, code}`` only."""
    schema = api.get("/api/v1/schema/?format=json").json()
    for action in ("comment", "approve", "request-changes", "reject", "sign", "withdraw", "submit"):
        responses = schema["paths"][f"/api/v1/reviews/{{id}}/{action}"]["post"]["responses"]
        assert responses["400"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/BadRequest"}, action
    bad_request = schema["components"]["schemas"]["BadRequest"]
    assert bad_request["additionalProperties"] and bad_request["required"] == ["detail", "code"]  # field keys allowed
    body = api.post(f"/api/v1/reviews/{in_review.pk}/comment", {"text": "好", "at_ms": "abc"}, format="json").json()
    assert body["code"] and body["detail"] and "at_ms" in body


@pytest.mark.parametrize("body, field", [
    ({"clip": "²"}, "clip"), ({"clip": True}, "clip"), ({"clip": 2**70}, "clip"),
    ({"clip": None, "rights_uri": ["x"]}, "rights_uri"), ({"clip": None, "rights_uri": {"a": 1}}, "rights_uri"),
])
def test_opening_a_review_with_a_malformed_body_is_a_400_not_a_500(body, field, api, rv, make_clip):
    """POST /reviews read ``clip`` with ``str.isdigit`` (true for 「²」, which the query could not read: a 500) and
    handed ``rights_uri`` of any JSON type to the service (``.strip()`` of a list: a 500)."""
    from review.models import Review

    if body["clip"] is None:
        body = dict(body, clip=make_clip().pk)
    response = api.post("/api/v1/reviews", body, format="json")
    assert response.status_code == 400, response.content
    answer = response.json()
    assert answer["code"] == "invalid" and answer["detail"]
    if field == "clip":
        assert answer == {"detail": "clip 必须是视频编号。", "code": "invalid"}
    else:
        assert field in answer
    assert not Review.objects.exists()


def test_a_rights_uri_longer_than_its_column_is_refused_on_every_path(api, rv, make_clip):
    """``services.validate_rights_uri`` (the one rule, read by opening a review and by 修改权利声明) accepted a
    statement URI of any length: stored on SQLite, a 500 (value too long) on PostgreSQL. Now a 400."""
    from django.urls import reverse

    from review import services
    from review.models import Review

    too_long = "https://creativecommons.org/licenses/by/4.0/" + "x" * 300
    response = api.post("/api/v1/reviews", {"clip": make_clip().pk, "rights_uri": too_long}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "rights_uri"
    assert not Review.objects.exists()

    review = services.review_open(clip=make_clip(variant="b"), actor=rv.curator)
    before = review.rights_uri
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_set_rights(review=review, actor=rv.curator, rights_uri=too_long)
    assert exc.value.status == 400 and exc.value.code == "rights_uri"
    from django.test import Client

    browser = Client()
    browser.force_login(rv.curator)
    response = browser.post(reverse("review:rights", args=[review.pk]), {"rights_uri": too_long})
    assert response.status_code == 302  # post-redirect-get: the review page says why, once
    page = browser.get(response["Location"]).content.decode()
    assert "权利声明必须是知识共享" in page and f'value="{too_long}"' in page  # what was typed, to correct
    review.refresh_from_db()
    assert review.rights_uri == before


def test_every_201_says_where_what_it_made_is(api, rv, make_clip, signed_review):
    """Found by a schema-only script client: opening a review, commenting and archiving answered 201 without
    ``Location``. Each names what it made: the review, the review's comments, the archive record."""
    opened = api.post("/api/v1/reviews", {"clip": make_clip().pk}, format="json")
    assert opened.status_code == 201 and opened["Location"] == f"/api/v1/reviews/{opened.json()['id']}", opened.content
    assert api.get(opened["Location"]).json()["id"] == opened.json()["id"]
    comment = api.post(f"/api/v1/reviews/{opened.json()['id']}/comment", {"text": "第三秒针脚太密"}, format="json")
    assert comment.status_code == 201 and comment["Location"] == f"/api/v1/reviews/{opened.json()['id']}/comments"
    assert "第三秒针脚太密" in str(api.get(comment["Location"]).json())
    review = signed_review(variant="c")
    archived = api.post(f"/api/v1/reviews/{review.pk}/archive")
    assert archived.status_code == 201, archived.content
    assert archived["Location"] == f"/api/v1/archive-records/{archived.json()['id']}"
    assert api.get(archived["Location"]).status_code == 200


@pytest.mark.parametrize("role", ["inheritor", "reviewer", "public", "other_inheritor"])
def test_opening_a_review_without_the_right_is_a_403_whether_the_clip_exists_or_not(role, rv, make_clip):
    """An inheritor POSTing ``{"clip": n}`` got 404 for a clip that does not exist and 403 for one that does:
    counting clip ids told them which videos exist. The right to open reviews is asked first (the API's rule:
    no right, 403 whatever the id; 404 only to whoever may see the row), and the refusal is audited either way."""
    from rest_framework.test import APIClient

    from review.models import AuditEntry, Review

    client = APIClient()
    client.force_authenticate(rv.roles[role])
    clip = make_clip()
    there = client.post("/api/v1/reviews", {"clip": clip.pk}, format="json")
    missing = client.post("/api/v1/reviews", {"clip": clip.pk + 1000}, format="json")
    assert (there.status_code, missing.status_code) == (403, 403), (there.content, missing.content)
    assert there.json() == missing.json() == {"detail": "只有馆员可以发起审核。", "code": "forbidden"}
    assert not Review.objects.exists()
    assert AuditEntry.objects.filter(action="open", outcome=AuditEntry.Outcome.REFUSED).count() == 2


def test_opening_a_review_of_a_clip_that_does_not_exist_is_a_404_to_a_curator(api, make_clip):
    from review.models import Review

    response = api.post("/api/v1/reviews", {"clip": make_clip().pk + 1000}, format="json")
    assert response.status_code == 404, response.content
    assert response.json()["code"] == "not_found"
    assert not Review.objects.exists()


def test_a_script_opens_the_review_of_the_clip_its_generation_task_made(api, make_clip):
    """Found by a script client written from the schema (bench/api_chain.py): ``POST /reviews`` takes ``clip`` (a
    clip's number) but no answer of the API named a clip's number: a succeeded task's ``output`` had its URLs only."""
    clip = make_clip()
    output = api.get(f"/api/v1/generation-tasks/{clip.job_id}").json()["output"]
    assert output["clip"] == clip.pk
    response = api.post("/api/v1/reviews", {"clip": output["clip"]}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["clip"] == clip.pk


def test_a_script_polls_the_task_for_post_processing_before_it_submits(api, make_clip):
    """api6: a task answered ``succeeded`` while its post-processing ran, and submitting its clip was a 409
    ``postprocessing_pending`` with nothing to poll: ``output.postprocessing``/``ready_for_review`` say it, the 409
    carries Retry-After, and the schema documents both."""
    from django.utils import timezone

    from generation.postprocess.models import MediaJob

    clip = make_clip()
    task = f"/api/v1/generation-tasks/{clip.job_id}"
    output = api.get(task).json()["output"]
    assert (output["postprocessing"], output["ready_for_review"]) == ("none", True)
    media = MediaJob.objects.create(clip=clip, status=MediaJob.Status.RUNNING)
    output = api.get(task).json()["output"]
    assert (output["postprocessing"], output["ready_for_review"]) == ("pending", False)
    review = api.post("/api/v1/reviews", {"clip": clip.pk}, format="json").json()
    refused = api.post(f"/api/v1/reviews/{review['id']}/submit", {}, format="json")
    assert refused.status_code == 409 and refused.json()["code"] == "postprocessing_pending"
    assert int(refused["Retry-After"]) > 0
    MediaJob.objects.filter(pk=media.pk).update(status=MediaJob.Status.SUCCEEDED, finished_at=timezone.now())
    output = api.get(task).json()["output"]
    assert (output["postprocessing"], output["ready_for_review"]) == ("done", True)
    assert api.post(f"/api/v1/reviews/{review['id']}/submit", {}, format="json").status_code == 200

    schema = api.get("/api/v1/schema/?format=json").json()
    props = schema["components"]["schemas"]["Output"]["properties"]
    state = props["postprocessing"]
    state = state["allOf"][0] if "allOf" in state else state
    state = schema["components"]["schemas"][state["$ref"].rsplit("/", 1)[-1]] if "$ref" in state else state
    assert state["enum"] == ["pending", "done", "failed", "none"]
    assert props["ready_for_review"]["type"] == "boolean"
    conflict = schema["paths"]["/api/v1/reviews/{id}/submit"]["post"]["responses"]["409"]
    assert "ready_for_review" in conflict["description"] and "Retry-After" in conflict["description"]


def _body_schema(schema, path, media="application/json"):
    node = schema["paths"][path]["post"]["requestBody"]["content"][media]["schema"]
    return schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]


def test_each_review_action_documents_its_own_body_and_the_one_status_it_answers(api):
    """api6: one body for every action left ``text`` optional in the schema although comment and reject refuse
    it missing, and every action documented both 200 and 201."""
    schema = api.get("/api/v1/schema/?format=json").json()
    required = {action: set(_body_schema(schema, f"/api/v1/reviews/{{id}}/{action}").get("required", []))
                for action in ("comment", "approve", "request-changes", "reject", "sign", "withdraw")}
    assert required == {"comment": {"text"}, "approve": set(), "request-changes": {"text"}, "reject": {"text"},
                        "sign": {"sha256", "attribution"}, "withdraw": {"reason"}}
    assert set(_body_schema(schema, "/api/v1/reviews/{id}/sign")["properties"]) == {"sha256", "attribution", "comment"}
    for action, answered in (("comment", "201"), ("approve", "201"), ("submit", "200"), ("reject", "200"),
                             ("sign", "200"), ("withdraw", "200"), ("request-changes", "200"),
                             ("retract-changes", "200")):
        codes = set(schema["paths"][f"/api/v1/reviews/{{id}}/{action}"]["post"]["responses"])
        assert answered in codes and {"200", "201"} - {answered} & codes == set(), (action, codes)


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": "   "}])
def test_a_comment_without_text_is_a_400_naming_text(body, api, in_review):
    response = api.post(f"/api/v1/reviews/{in_review.pk}/comment", body, format="json")
    assert response.status_code == 400 and "text" in response.json(), response.content


def test_empty_form_fields_of_a_comment_read_as_not_given(api, in_review):
    """api6: a form (multipart or urlencoded) sends a field left empty as ``""``: ``at_ms``/``parent`` empty are
    not given, as in JSON without them."""
    for fmt in ("multipart", None):
        kwargs = {"format": fmt} if fmt else {"data": "text=好&at_ms=&parent=",
                                               "content_type": "application/x-www-form-urlencoded"}
        path = f"/api/v1/reviews/{in_review.pk}/comment"
        response = api.post(path, {"text": "好", "at_ms": "", "parent": ""}, **kwargs) if fmt else api.post(path, **kwargs)
        assert response.status_code == 201, response.content
        assert response.json()["at_ms"] is None and response.json()["parent"] is None


@pytest.mark.parametrize("action, body, unknown", [
    ("submit", {"foo": 1}, "foo"),
    ("comment", {"text": "好", "at": 500}, "at"),  # a misspelt at_ms: the comment would lose its time code
    ("approve", {"txt": "动作清楚"}, "txt"),  # a misspelt text: the remark would be dropped
    ("reject", {"text": "不行", "reasons": "x"}, "reasons"),
])
def test_a_body_key_an_action_does_not_read_is_a_400_naming_it_and_changes_nothing(action, body, unknown, api, rv,
                                                                                   in_review):
    """The README: "a body key the endpoint does not know is refused, naming the fields it has" (found by a script
    client walking the README: a review action took any key and dropped it)."""
    from review.models import ReviewComment

    client = api
    if action in ("comment", "approve", "reject"):
        client.force_authenticate(rv.reviewer)
    review = in_review
    if action == "submit":
        from review.models import Review

        Review.objects.filter(pk=review.pk).update(state=Review.State.DRAFT)
    r = client.post(f"/api/v1/reviews/{review.pk}/{action}", body, format="json")
    assert r.status_code == 400, r.content
    assert r.json()["code"] == "invalid" and unknown in r.json() and unknown in r.json()["detail"], r.json()
    for field in body:
        if field != unknown:
            assert field in r.json()[unknown][0], r.json()  # the fields it has
    review.refresh_from_db()
    assert review.state == ("draft" if action == "submit" else "in_review")
    assert not ReviewComment.objects.filter(review=review).exists()


def test_opening_a_review_with_an_unknown_key_is_a_400_and_opens_nothing(api, make_clip):
    from review.models import Review

    r = api.post("/api/v1/reviews", {"clip": make_clip().pk, "rights": "CC0"}, format="json")
    assert r.status_code == 400 and "rights" in r.json() and "rights_uri" in r.json()["rights"][0], r.content
    assert not Review.objects.exists()


def test_the_schema_closes_every_review_action_body(api):
    import json

    schema = json.loads(api.get("/api/v1/schema?format=json").content)
    for name in ("ActionSerializer", "CommentBody", "ApproveBody", "RequestChangesBody", "RejectBody", "SignBody",
                 "WithdrawBody", "ReviewOpen"):
        component = schema["components"]["schemas"].get(name)
        if component is not None:
            assert component.get("additionalProperties") is False, name
