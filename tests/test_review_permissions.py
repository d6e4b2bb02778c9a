"""Every review and archive endpoint (screens and REST API) × every role, with the expected answer.

Roles: anonymous, a logged-in public user, curator, reviewer (researcher), the inheritor of this craft,
the inheritor of another craft, the recorded proxy of this craft's deceased inheritor, admin.
Each case starts from a review in the state the endpoint acts on, so an allowed role really succeeds.
Screens: anonymous → 302 to the login page, no right → 403, success → 200 (page) or 302 (after POST).
API: anonymous → 401, no right → 403, success → 200/201; a withdrawn record is 404 to the public.
"""
import pytest
from django.urls import reverse

from review import services
from review.models import Review
from tests.review_fixtures import *  # noqa: F401,F403

ROLES = ["anonymous", "public", "curator", "reviewer", "inheritor", "other_inheritor", "proxy", "admin"]


def expect(default, **by_role):
    return {r: by_role.get(r, default) for r in ROLES}


WEB = {
    # name: (state, method, url name, uses record, data, expected by role)
    "inbox": (None, "get", "review:inbox", False, None,
              expect(200, anonymous=302, public=403)),
    "detail": ("in_review", "get", "review:detail", False, None,
               expect(200, anonymous=302, public=403, other_inheritor=403)),
    "media": ("in_review", "get", "review:media", False, None,
              expect(200, anonymous=302, public=403, other_inheritor=403)),
    "status": ("in_review", "get", "review:status", False, None,
               expect(200, anonymous=302, public=403, other_inheritor=403)),
    "sign_screen": ("in_review", "get", "review:sign", False, None,
                    expect(403, anonymous=302, inheritor=200, proxy=200)),
    "sign_post": ("in_review", "post", "review:sign", False, "sign",
                  expect(403, anonymous=302, inheritor=302, proxy=302)),
    "open": ("clip", "post", "review:open", False, None,
             expect(403, anonymous=302, curator=302, admin=302)),
    "submit": ("draft", "post", "review:submit", False, None,
               expect(403, anonymous=302, curator=302, admin=302)),
    "rights": ("draft", "post", "review:rights", False, {"rights_uri": "http://rightsstatements.org/vocab/InC-EDU/1.0/"},
               expect(403, anonymous=302, curator=302, admin=302)),
    "comment": ("in_review", "post", "review:comment", False, {"text": "00:03 铜丝弯曲弧度不符合明代规制", "at": "00:00.5"},
                expect(302, anonymous=302, public=403, other_inheritor=403)),
    "request_changes": ("in_review", "post", "review:request_changes", False, {"text": "针距太大", "at": "0:00.2"},
                        expect(302, public=403, curator=403, other_inheritor=403)),
    "approve": ("in_review", "post", "review:approve", False, None,
                expect(403, anonymous=302, reviewer=302, admin=302)),
    "reject": ("in_review", "post", "review:reject", False, {"text": "与原始影像不符"},
               expect(302, public=403, other_inheritor=403)),
    "archive": ("approved", "post", "review:archive", False, None,
                expect(403, anonymous=302, curator=302, admin=302)),
    "withdraw": ("archived", "post", "review:withdraw", False, {"reason": "家属要求下架"},
                 expect(403, anonymous=302, inheritor=302, proxy=302, admin=302)),
    "notifications": (None, "get", "review:notifications", False, None, expect(200, anonymous=302)),
    "record": ("archived", "get", "review:record", True, None,
               expect(403, anonymous=302, curator=200, reviewer=200, admin=200)),
    "record_export": ("archived", "post", "review:record_export", True, None,
                      expect(403, anonymous=302, curator=302, admin=302)),
}

API = {
    "list": (None, "get", "api-review-list", False, None, expect(200, anonymous=401, public=403)),
    "open": ("clip", "post", "api-review-list", False, "clip", expect(403, anonymous=401, curator=201, admin=201)),
    "detail": ("in_review", "get", "api-review-detail", False, None,
               expect(200, anonymous=401, public=403, other_inheritor=403)),
    "submit": ("draft", "post", "api-review-submit", False, None, expect(403, anonymous=401, curator=200, admin=200)),
    "comment": ("in_review", "post", "api-review-comment", False, {"text": "弧度不对", "at_ms": 300},
                expect(201, anonymous=401, public=403, other_inheritor=403)),
    "request_changes": ("in_review", "post", "api-review-request-changes", False, {"text": "针距太大"},
                        expect(200, anonymous=401, public=403, curator=403, other_inheritor=403)),
    "approve": ("in_review", "post", "api-review-approve", False, None,
                expect(403, anonymous=401, reviewer=201, admin=201)),
    "reject": ("in_review", "post", "api-review-reject", False, {"text": "不符"},
               expect(200, anonymous=401, public=403, other_inheritor=403)),
    "sign": ("in_review", "post", "api-review-sign", False, "sign",
             expect(403, anonymous=401, inheritor=200, proxy=200)),
    "archive": ("approved", "post", "api-review-archive", False, None,
                expect(403, anonymous=401, curator=201, admin=201)),
    "withdraw": ("archived", "post", "api-review-withdraw", False, {"reason": "下架"},
                 expect(403, anonymous=401, inheritor=200, proxy=200, admin=200)),
    "record_public": ("archived", "get", "api-archive-record", True, None, expect(200)),
    "record_withdrawn": ("withdrawn", "get", "api-archive-record", True, None,
                         expect(404, curator=200, reviewer=200, admin=200)),
    "record_export": ("archived", "post", "api-archive-record-export", True, None,
                      expect(403, anonymous=401, curator=201, admin=201)),
}


def _prepare(rv, make_clip, state):
    """A review in ``state`` (or a bare clip for "clip"); returns (review, clip, record)."""
    clip = make_clip()
    if state in (None, "clip"):
        return None, clip, None
    review = services.review_open(clip=clip, actor=rv.curator)
    record = None
    if state != "draft":
        services.review_submit(review=review, actor=rv.curator)
    if state in ("approved", "archived", "withdrawn"):
        services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                             attribution=review.attribution)
    if state in ("archived", "withdrawn"):
        record = services.review_archive(review=review, actor=rv.curator)
    if state == "withdrawn":
        services.review_withdraw(review=review, actor=rv.inheritor_user, reason="撤回")
    review.refresh_from_db()
    return review, clip, record


def _data(spec, review, clip):
    if spec == "sign":
        return {"decision": "approve", "confirm": "yes", "sha256": review.submitted_sha256,
                "attribution": review.attribution}
    if spec == "clip":
        return {"clip": clip.pk}
    return spec or {}


def _url(name, review, clip, record, uses_record):
    if name in ("review:inbox", "review:notifications", "api-review-list"):
        return reverse(name)
    if name == "review:open":
        return reverse(name, args=[clip.pk])
    return reverse(name, args=[record.pk if uses_record else review.pk])


def _cases(table):
    return [pytest.param(name, role, id=f"{name}-{role}") for name in table for role in ROLES]


@pytest.mark.parametrize("name,role", _cases(WEB))
def test_screen_matrix(client, rv, make_clip, name, role):
    state, method, url_name, uses_record, data, expected = WEB[name]
    review, clip, record = _prepare(rv, make_clip, state)
    user = rv.roles[role]
    if user is not None:
        client.force_login(user)
    url = _url(url_name, review, clip, record, uses_record)
    before = review.state if review else None
    resp = client.get(url) if method == "get" else client.post(url, _data(data, review, clip))
    assert resp.status_code == expected[role], (name, role, resp.status_code, getattr(resp, "content", b"")[:300])
    if resp.status_code == 302 and role == "anonymous":
        assert reverse("login") in resp["Location"]
    if review is not None and resp.status_code in (401, 403):
        review.refresh_from_db()
        assert review.state == before  # a refused request changes nothing


@pytest.mark.parametrize("name,role", _cases(API))
def test_api_matrix(client, rv, make_clip, name, role):
    state, method, url_name, uses_record, data, expected = API[name]
    review, clip, record = _prepare(rv, make_clip, state)
    user = rv.roles[role]
    if user is not None:
        client.force_login(user)
    url = _url(url_name, review, clip, record, uses_record)
    before = review.state if review else None
    if method == "get":
        resp = client.get(url)
    else:
        resp = client.post(url, _data(data, review, clip), content_type="application/json")
    assert resp.status_code == expected[role], (name, role, resp.status_code, resp.content[:300])
    if review is not None and resp.status_code in (401, 403, 404):
        review.refresh_from_db()
        assert review.state == before


def test_sign_screen_shows_what_will_be_public(client, rv, make_clip):
    review, clip, _ = _prepare(rv, make_clip, "in_review")
    client.force_login(rv.inheritor_user)
    html = client.get(reverse("review:sign", args=[review.pk])).content.decode()
    assert "基于姚建萍口述重构" in html
    assert review.submitted_sha256 in html
    assert reverse("review:media", args=[review.pk]) in html
    assert 'name="viewport"' in html and "同意签署" in html and "需要修改" in html
    assert review.rights_uri in html


def test_sign_screen_without_confirmation_is_refused(client, rv, make_clip):
    review, clip, _ = _prepare(rv, make_clip, "in_review")
    client.force_login(rv.inheritor_user)
    resp = client.post(reverse("review:sign", args=[review.pk]),
                       {"decision": "approve", "sha256": review.submitted_sha256, "attribution": review.attribution})
    assert resp.status_code == 400
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW
