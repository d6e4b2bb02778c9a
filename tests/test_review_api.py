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
    assert set(body) == documented_properties(api, "/api/v1/reviews/{id}/")
    assert body["comments"][0]["text"] == "针脚偏密" and body["public_summary"]["title"]
