"""Every review and archive endpoint (screens and REST API) × every role, with the expected answer.

Roles: anonymous, a logged-in public user, curator, reviewer (researcher), the inheritor of this craft,
the inheritor of another craft, the recorded proxy of this craft's deceased inheritor, admin.
Each case starts from a review in the state the endpoint acts on, so an allowed role really succeeds.
Screens: anonymous → 302 to the login page, no right → 403, success → 200 (page) or 302 (after POST).
API: anonymous → 401, no right → 403, success → 200/201; a withdrawn record is 404 to the public.
"""
import html as htmllib
import re

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
    # comment threads (the reviewer's thread; resolve/reopen: its author or a curator, admin included)
    # only the inheritor who asked (the proxy here signs for another inheritor of the craft)
    "retract_changes": ("changes_requested", "post", "review:retract_changes", False, None,
                        expect(403, anonymous=302, inheritor=302)),
    "reply": ("commented", "post", "review:comment", False, "reply",
              expect(302, public=403, other_inheritor=403)),
    "resolve_comment": ("commented", "post", "review:resolve_comment", False, None,
                        expect(403, anonymous=302, curator=302, reviewer=302, admin=302)),
    "reopen_comment": ("resolved", "post", "review:reopen_comment", False, None,
                       expect(403, anonymous=302, curator=302, reviewer=302, admin=302)),
    "archive": ("approved", "post", "review:archive", False, None,
                expect(403, anonymous=302, curator=302, admin=302)),
    "withdraw": ("archived", "post", "review:withdraw", False, {"reason": "家属要求下架"},
                 expect(403, anonymous=302, inheritor=302, proxy=302, admin=302)),
    "notifications": (None, "get", "review:notifications", False, None, expect(200, anonymous=302)),
    "record": ("archived", "get", "review:record", True, None,
               expect(403, anonymous=302, curator=200, reviewer=200, admin=200)),
    "record_export": ("archived", "post", "review:record_export", True, None,
                      expect(403, anonymous=302, curator=302, admin=302)),
    "record_bag": ("archived", "get", "review:record_bag", True, None,  # not exported: nothing to download
                   expect(403, anonymous=302, curator=404, admin=404)),
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
    "retract_changes": ("changes_requested", "post", "api-review-retract-changes", False, None,
                        expect(403, anonymous=401, inheritor=200)),
    "comments": ("commented", "get", "api-review-comments", False, None,
                 expect(200, anonymous=401, public=403, other_inheritor=403)),
    "reply": ("commented", "post", "api-review-comment", False, "reply",
              expect(201, anonymous=401, public=403, other_inheritor=403)),
    "comment_resolve": ("commented", "post", "api-review-comment-resolve", False, None,
                        expect(403, anonymous=401, curator=200, reviewer=200, admin=200)),
    "comment_reopen": ("resolved", "post", "api-review-comment-reopen", False, None,
                       expect(403, anonymous=401, curator=200, reviewer=200, admin=200)),
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
    """A review in ``state`` (or a bare clip for "clip"); returns (review, clip, record). "commented": in review
    with the reviewer's comment thread (``review.thread``); "resolved": that thread resolved by its author."""
    clip = make_clip()
    if state in (None, "clip"):
        return None, clip, None
    thread_state, state = (state, "in_review") if state in ("commented", "resolved") else (None, state)
    review = services.review_open(clip=clip, actor=rv.curator)
    record = None
    if state != "draft":
        services.review_submit(review=review, actor=rv.curator)
    if state == "changes_requested":  # asked by the inheritor on their phone: theirs to take back
        services.review_request_changes(review=review, actor=rv.inheritor_user, text="针距不对")
    if state in ("approved", "archived", "withdrawn"):
        services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                             attribution=review.attribution)
    if state in ("archived", "withdrawn"):
        record = services.review_archive(review=review, actor=rv.curator)
    if state == "withdrawn":
        services.review_withdraw(review=review, actor=rv.inheritor_user, reason="撤回")
    review.refresh_from_db()
    if thread_state:
        review.thread = services.review_comment(review=review, actor=rv.reviewer, text="针脚太疏", at_ms=100)
        if thread_state == "resolved":
            services.comment_set_resolved(comment=review.thread, actor=rv.reviewer, resolved=True)
    return review, clip, record


def _comments(review):
    """What a comment endpoint may change: each comment and whether it is resolved."""
    return sorted(review.comments.values_list("pk", "parent_id", "resolved_at")) if review is not None else None


def _data(spec, review, clip, *, api=False):
    if spec == "sign":  # the screen's form also says its decision and the ticked confirmation; the API has neither
        return {**({} if api else {"decision": "approve", "confirm": "yes"}), "sha256": review.submitted_sha256,
                "attribution": review.attribution}
    if spec == "clip":
        return {"clip": clip.pk}
    if spec == "reply":
        return {"text": "下一版改", "parent": review.thread.pk}
    return spec or {}


def _url(name, review, clip, record, uses_record):
    if name in ("review:inbox", "review:notifications", "api-review-list"):
        return reverse(name)
    if name == "review:open":
        return reverse(name, args=[clip.pk])
    if "resolve" in name or "reopen" in name:
        return reverse(name, args=[review.pk, review.thread.pk])
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
    before, comments = (review.state if review else None), _comments(review)
    resp = client.get(url) if method == "get" else client.post(url, _data(data, review, clip))
    assert resp.status_code == expected[role], (name, role, resp.status_code, getattr(resp, "content", b"")[:300])
    if resp.status_code == 302 and role == "anonymous":
        assert reverse("login") in resp["Location"]
    if review is not None and (resp.status_code in (401, 403) or role == "anonymous"):
        review.refresh_from_db()
        assert review.state == before and _comments(review) == comments  # a refused request changes nothing
    elif state in ("commented", "resolved"):
        assert _comments(review) != comments, (name, role)  # allowed: the reply, resolution or reopening was made


@pytest.mark.parametrize("name,role", _cases(API))
def test_api_matrix(client, rv, make_clip, name, role):
    state, method, url_name, uses_record, data, expected = API[name]
    review, clip, record = _prepare(rv, make_clip, state)
    user = rv.roles[role]
    if user is not None:
        client.force_login(user)
    url = _url(url_name, review, clip, record, uses_record)
    before, comments = (review.state if review else None), _comments(review)
    if method == "get":
        resp = client.get(url)
    else:
        resp = client.post(url, _data(data, review, clip, api=True), content_type="application/json")
    assert resp.status_code == expected[role], (name, role, resp.status_code, resp.content[:300])
    if review is not None and resp.status_code in (401, 403, 404):
        review.refresh_from_db()
        assert review.state == before and _comments(review) == comments
    elif state in ("commented", "resolved") and method == "post":
        assert _comments(review) != comments, (name, role)


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
    url = reverse("review:sign", args=[review.pk])
    resp = client.post(url, {"decision": "approve", "sha256": review.submitted_sha256, "attribution": review.attribution,
                             "comment": "看过了"})
    # post-redirect-get: back to the signing screen, which says why and keeps the comment, once
    assert resp.status_code == 302 and resp["Location"] == url
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW
    html = client.get(url).content.decode()
    assert "请勾选确认后再签署" in html and "看过了</textarea>" in html
    again = client.get(url).content.decode()
    assert "请勾选确认后再签署" not in again and "看过了</textarea>" not in again


@pytest.mark.parametrize("action,state,role", [("archive", "in_review", "curator"), ("approve", "approved", "reviewer"),
                                                ("submit", "approved", "curator"), ("reject", "archived", "reviewer")])
def test_a_screen_action_refused_by_the_state_redirects_with_the_reason(client, rv, make_clip, action, state, role):
    """Post-redirect-get also when refused: a reload of the page never sends the refused action again (it
    might succeed by then). Refused for want of the right it stays a 403 (the matrix above)."""
    from review.models import AuditEntry

    review, clip, _ = _prepare(rv, make_clip, state)
    client.force_login(rv.roles[role])
    resp = client.post(reverse(f"review:{action}", args=[review.pk]), {"text": "再看看"})
    assert resp.status_code == 302 and resp["Location"] == reverse("review:detail", args=[review.pk])
    review.refresh_from_db()
    assert review.state == state
    refused = AuditEntry.objects.get(review=review, action=action, outcome="refused")
    html = client.get(resp["Location"]).content.decode()
    alert = re.search(r'<p class="error" role="alert">(.*?)</p>', html, re.S)
    assert alert and htmllib.unescape(alert.group(1)) == refused.reason and refused.details["code"] != "forbidden"
    assert 'role="alert"' not in client.get(resp["Location"]).content.decode()  # shown once


# --- A narration (口述影像) of this craft's inheritor 姚建萍: who sees its review (decision, review/signing.py) ----
# Before it is public, a narration's review is its narrator's (or their proxy's), the curators' and the reviewers':
# the other inheritor of the craft (``proxy`` here signs for the deceased 顾文霞 of the same craft) and the
# inheritor of another craft see nothing of it, on any screen, in any list or by a link in a notification.
NARRATION_SEES = {"curator", "reviewer", "admin", "inheritor"}
NARRATION_SCREENS = ["review:detail", "review:media", "review:status", "review:captions"]
NARRATION_API = ["api-review-detail", "api-review-comments"]


@pytest.mark.parametrize("role", ROLES)
def test_narration_matrix(client, rv, make_clip, role):
    from review.models import Notification
    from tests.review_fixtures import narration_clip

    review = services.review_open(clip=narration_clip(rv, make_clip, rv.inheritor), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    services.review_approve(review=review, actor=rv.reviewer)
    user = rv.roles[role]
    if user is not None:
        client.force_login(user)
    sees = role in NARRATION_SEES
    for name in NARRATION_SCREENS:
        code = client.get(reverse(name, args=[review.pk])).status_code
        assert code == (200 if sees else 302 if role == "anonymous" else 403), (name, role, code)
    for name in NARRATION_API:
        code = client.get(reverse(name, args=[review.pk])).status_code
        assert code == (200 if sees else 401 if role == "anonymous" else 403), (name, role, code)
    if user is None:
        return
    listed = client.get(reverse("api-review-list"))
    if listed.status_code == 200:
        assert (str(review.pk) in [r["id"] for r in listed.json()["results"]]) == sees, role
        inbox = client.get(reverse("review:inbox")).content.decode()
        assert (reverse("review:detail", args=[review.pk]) in inbox
                or reverse("review:sign", args=[review.pk]) in inbox) == sees, role
    # a notification about it reaches only those who may open it, or comes without the link
    for n in Notification.objects.filter(user=user, review=review):
        assert (n.url != "") == sees, (role, n.verb)
    linked = reverse("review:detail", args=[review.pk])
    assert (linked in client.get(reverse("review:notifications")).content.decode()) == (
        sees and Notification.objects.filter(user=user, review=review).exists()), role


def test_a_draft_is_seen_by_staff_only(client, rv, make_clip):
    """Outside the staff a review is seen once it was sent (the inbox and the API list never listed a draft;
    its page and the API's detail answered the inheritor all the same)."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    for role, code in (("inheritor", 403), ("proxy", 403), ("curator", 200), ("reviewer", 200)):
        client.force_login(rv.roles[role])
        assert client.get(reverse("review:detail", args=[review.pk])).status_code == code, role
        assert client.get(reverse("api-review-detail", args=[review.pk])).status_code == code, role


def test_no_notification_links_a_page_its_reader_may_not_open(rv, make_clip):
    """A reply to a comment notifies its author; one who may no longer see the review (here the other inheritor of
    the craft, on a narration that is not theirs) is told without a link. The signers keep theirs."""
    from review.models import Notification
    from tests.review_fixtures import narration_clip

    review = services.review_open(clip=narration_clip(rv, make_clip, rv.inheritor), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    services.notify([rv.proxy_user, rv.inheritor_user, rv.curator], verb="test", message="一条通知", review=review,
                    url="/review/x/")
    urls = dict(Notification.objects.filter(review=review, verb="test").values_list("user_id", "url"))
    assert urls == {rv.proxy_user.pk: "", rv.inheritor_user.pk: "/review/x/", rv.curator.pk: "/review/x/"}
    submitted = Notification.objects.get(review=review, verb="submitted", user=rv.inheritor_user)
    assert submitted.url == reverse("review:detail", args=[review.pk])
