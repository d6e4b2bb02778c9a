"""Review comments a reviewer can answer and close (branch comments): one level of replies, resolve/reopen
(``review.resolve_comment``: the thread's author or a curator), audited; open/resolved counts and an "open
only" filter on the review page; post-redirect-get on the comment form, also when the input is refused; the
API (reply = POST comment with ``parent``, GET comments ?resolved=, POST resolve / reopen); the open count on
the signing screen and next to 归档 (open comments warn, they do not block archiving)."""
import html
import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from heritage.permissions import allowed
from review import selectors, services
from review.models import AuditEntry, Notification, Review, ReviewComment
from tests.review_fixtures import *  # noqa: F401,F403


def textarea(body: str, ident: str) -> str:
    m = re.search(rf'<textarea id="{ident}"[^>]*>(.*?)</textarea>', body, re.S)
    assert m, f"no textarea {ident}"
    return html.unescape(m.group(1))


def alert(body: str):
    m = re.search(r'<p class="error" role="alert">(.*?)</p>', body, re.S)
    return html.unescape(m.group(1)) if m else None


def api(user):
    c = APIClient()
    c.force_authenticate(user)
    return c


@pytest.fixture
def in_review(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    return review


# --- Model and services -------------------------------------------------------------------------------------

def test_a_reply_hangs_under_its_comment_one_level_deep_and_tells_the_author(rv, in_review, make_clip):
    c = services.review_comment(review=in_review, actor=rv.reviewer, text="铜丝弯曲弧度不符合明代规制", at_ms=300)
    reply = services.review_comment(review=in_review, actor=rv.curator, text="下一版改", parent=c.pk)
    assert reply.parent == c and list(c.replies.all()) == [reply]
    entry = AuditEntry.objects.filter(action="comment", outcome="ok").latest("at")
    assert entry.details["parent"] == c.pk
    assert Notification.objects.filter(user=rv.reviewer, verb="replied").count() == 1
    # a reply to a reply, a parent from another review and a parent that is not a number are bad input (400)
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_comment(review=in_review, actor=rv.reviewer, text="再回复", parent=reply.pk)
    assert (exc.value.status, exc.value.code) == (400, "reply_to_reply")
    other = services.review_open(clip=make_clip(variant="b"), actor=rv.curator)
    services.review_submit(review=other, actor=rv.curator)
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_comment(review=other, actor=rv.reviewer, text="跨审核", parent=c.pk)
    assert (exc.value.status, exc.value.code) == (400, "parent")
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_comment(review=in_review, actor=rv.reviewer, text="x", parent="abc")
    assert exc.value.code == "parent"
    assert ReviewComment.objects.filter(parent__isnull=False).count() == 1


def test_resolve_and_reopen_are_audited_and_counted(rv, in_review):
    c = services.review_comment(review=in_review, actor=rv.reviewer, text="针脚太疏", at_ms=100)
    services.review_comment(review=in_review, actor=rv.curator, text="另一处")
    services.review_comment(review=in_review, actor=rv.curator, text="回复不算一条", parent=c.pk)
    assert selectors.comment_counts(in_review) == {"open": 2, "resolved": 0}
    services.comment_set_resolved(comment=c, actor=rv.reviewer, resolved=True)
    c.refresh_from_db()
    assert c.resolved_at is not None and c.resolved_by == rv.reviewer and not c.is_open
    assert selectors.comment_counts(in_review) == {"open": 1, "resolved": 1}
    assert [t.text for t in selectors.comment_threads(in_review, resolved=False)] == ["另一处"]
    assert [t.text for t in selectors.comment_threads(in_review, resolved=True)] == ["针脚太疏"]
    assert AuditEntry.objects.filter(action="resolve_comment", outcome="ok", review=in_review,
                                     details__comment=c.pk).exists()
    with pytest.raises(services.TransitionRefused) as exc:
        services.comment_set_resolved(comment=c, actor=rv.reviewer, resolved=True)
    assert (exc.value.status, exc.value.code) == (409, "already_resolved")
    services.comment_set_resolved(comment=c, actor=rv.curator, resolved=False)
    c.refresh_from_db()
    assert c.resolved_at is None and c.resolved_by is None
    assert AuditEntry.objects.filter(action="reopen_comment", outcome="ok").count() == 1
    with pytest.raises(services.TransitionRefused) as exc:
        services.comment_set_resolved(comment=c, actor=rv.curator, resolved=False)
    assert (exc.value.status, exc.value.code) == (409, "not_resolved")
    assert str(AuditEntry.objects.filter(action="reopen_comment").first().action_label) == "重新打开意见"


def test_who_may_resolve_is_one_row_of_the_permission_table(rv, in_review):
    by_reviewer = services.review_comment(review=in_review, actor=rv.reviewer, text="弧度不对")
    reply = services.review_comment(review=in_review, actor=rv.inheritor_user, text="同意", parent=by_reviewer.pk)
    # the thread's author and a curator (admin holds every role); not another commenter, not an outsider
    expected = {"curator": True, "reviewer": True, "admin": True, "inheritor": False, "proxy": False,
                "other_inheritor": False, "public": False}
    for role, may in expected.items():
        assert allowed(rv.roles[role], "review.resolve_comment", by_reviewer) is may, role
    # replying: whoever may comment on the review
    for role, may in {"curator": True, "reviewer": True, "inheritor": True, "proxy": True, "other_inheritor": False,
                      "public": False}.items():
        assert allowed(rv.roles[role], "review.reply_comment", by_reviewer) is may, role
    with pytest.raises(services.TransitionRefused) as exc:
        services.comment_set_resolved(comment=by_reviewer, actor=rv.inheritor_user, resolved=True)
    assert exc.value.status == 403
    assert AuditEntry.objects.filter(action="resolve_comment", outcome="refused", actor=rv.inheritor_user).exists()
    with pytest.raises(services.TransitionRefused) as exc:  # a reply is part of its thread, not a thread
        services.comment_set_resolved(comment=reply, actor=rv.inheritor_user, resolved=True)
    assert exc.value.code in ("forbidden", "not_resolvable")
    with pytest.raises(services.TransitionRefused) as exc:
        services.comment_set_resolved(comment=reply, actor=rv.curator, resolved=True)
    assert (exc.value.status, exc.value.code) == (409, "not_resolvable")


def test_a_retracted_change_request_is_resolved_by_the_retraction(rv, in_review):
    services.review_request_changes(review=in_review, actor=rv.inheritor_user, text="颜色不对")
    assert selectors.comment_counts(in_review)["open"] == 1
    services.review_retract_changes(review=in_review, actor=rv.inheritor_user)
    assert selectors.comment_counts(in_review) == {"open": 0, "resolved": 1}


# --- The review page ----------------------------------------------------------------------------------------

def test_review_page_shows_replies_under_their_comment_counts_and_the_filter(rv, in_review, client):
    c = services.review_comment(review=in_review, actor=rv.reviewer, text="针脚太疏", at_ms=100)
    services.review_comment(review=in_review, actor=rv.curator, text="下一版加密", parent=c.pk)
    done = services.review_comment(review=in_review, actor=rv.curator, text="片头太长")
    services.comment_set_resolved(comment=done, actor=rv.curator, resolved=True)
    client.force_login(rv.curator)
    url = reverse("review:detail", args=[in_review.pk])
    body = client.get(url).content.decode()
    thread = re.search(rf'<li class="comment kind-comment open" id="c-{c.pk}".*?</li>\s*</ol>', body, re.S).group(0)
    assert "下一版加密" in thread and 'class="replies"' in thread
    assert reverse("review:resolve_comment", args=[in_review.pk, c.pk]) in body
    assert reverse("review:reopen_comment", args=[in_review.pk, done.pk]) in body
    assert f'name="parent" value="{c.pk}"' in body  # a reply form under the thread
    assert "只看未解决(1)" in body and "已解决 1" in body
    only_open = client.get(url + "?comments=open").content.decode()
    assert "针脚太疏" in only_open and "片头太长" not in only_open
    # the inheritor may reply but not resolve the reviewer's thread
    client.force_login(rv.inheritor_user)
    body = client.get(url).content.decode()
    assert f'name="parent" value="{c.pk}"' in body
    assert reverse("review:resolve_comment", args=[in_review.pk, c.pk]) not in body


def test_review_page_in_english(rv, in_review, client):
    services.review_comment(review=in_review, actor=rv.reviewer, text="针脚太疏")
    client.force_login(rv.curator)
    client.cookies["django_language"] = "en"
    body = client.get(reverse("review:detail", args=[in_review.pk])).content.decode()
    assert "Open only (1)" in body and "Mark resolved" in body and ">Reply<" in body and "只看未解决" not in body


def test_resolve_and_reopen_buttons_post_then_redirect_to_the_thread(rv, in_review, client):
    c = services.review_comment(review=in_review, actor=rv.reviewer, text="针脚太疏")
    client.force_login(rv.reviewer)
    r = client.post(reverse("review:resolve_comment", args=[in_review.pk, c.pk]), {"comments": "open"})
    assert r.status_code == 302 and r["Location"].endswith(f"?comments=open#c-{c.pk}")
    c.refresh_from_db()
    assert c.resolved_by == rv.reviewer
    r = client.post(reverse("review:resolve_comment", args=[in_review.pk, c.pk]))  # again: said, not a 500
    assert r.status_code == 302
    assert "已经解决" in client.get(r["Location"]).content.decode()
    client.force_login(rv.inheritor_user)
    r = client.post(reverse("review:reopen_comment", args=[in_review.pk, c.pk]))
    assert r.status_code == 403
    client.force_login(rv.other_inheritor_user)
    assert client.post(reverse("review:reopen_comment", args=[in_review.pk, c.pk])).status_code == 403
    client.force_login(rv.curator)
    assert client.post(reverse("review:reopen_comment", args=[in_review.pk, c.pk])).status_code == 302
    c.refresh_from_db()
    assert c.resolved_at is None
    assert client.post(reverse("review:reopen_comment", args=[in_review.pk, 999999])).status_code == 404


def test_a_refused_comment_redirects_to_the_review_page_with_the_error_and_the_text(rv, in_review, client):
    """Post-redirect-get also on refusal: the browser is not left on /comment/, so a reload sends nothing."""
    client.force_login(rv.reviewer)
    r = client.post(reverse("review:comment", args=[in_review.pk]), {"at": "0:00.5", "text": "   "})
    detail = reverse("review:detail", args=[in_review.pk])
    assert r.status_code == 302 and r["Location"] == detail + "#comment-form"
    body = client.get(detail).content.decode()
    assert alert(body) == "意见内容不能为空。" and 'value="0:00.5"' in body
    again = client.get(detail).content.decode()  # shown once: a reload of the review page is clean
    assert alert(again) is None and 'value="0:00.5"' not in again
    assert not ReviewComment.objects.filter(review=in_review).exists()


def test_a_refused_reply_comes_back_in_its_own_reply_form(rv, in_review, client):
    c = services.review_comment(review=in_review, actor=rv.reviewer, text="针脚太疏")
    client.force_login(rv.curator)
    r = client.post(reverse("review:comment", args=[in_review.pk]), {"parent": c.pk, "text": "好的", "at": "99:99"})
    assert r.status_code == 302 and r["Location"].endswith(f"#c-{c.pk}")
    body = client.get(r["Location"]).content.decode()
    assert "时间点格式不正确" in body
    assert textarea(body, f"reply-{c.pk}") == "好的" and textarea(body, "text") == ""
    r = client.post(reverse("review:comment", args=[in_review.pk]), {"parent": c.pk, "text": "好的"})
    assert r.status_code == 302 and r["Location"].endswith(f"#c-{c.pk}")
    assert c.replies.get().text == "好的"


def test_open_comments_are_counted_on_the_signing_screen_and_next_to_archive_but_do_not_block(rv, in_review,
                                                                                          client):
    c = services.review_comment(review=in_review, actor=rv.reviewer, text="针脚太疏")
    client.force_login(rv.inheritor_user)
    body = client.get(reverse("review:sign", args=[in_review.pk])).content.decode()
    assert 'data-testid="open-comments"' in body and "还有 1 条未解决" in body
    services.review_sign(review=in_review, actor=rv.inheritor_user, sha256=in_review.submitted_sha256,
                         attribution=in_review.attribution)
    client.force_login(rv.curator)
    body = client.get(reverse("review:detail", args=[in_review.pk])).content.decode()
    assert 'data-testid="open-comments-warning"' in body and "还有 1 条未解决的意见" in body
    services.review_archive(review=in_review, actor=rv.curator)  # a warning, not a guard
    in_review.refresh_from_db()
    assert in_review.state == Review.State.ARCHIVED
    assert ReviewComment.objects.get(pk=c.pk).is_open


# --- API ----------------------------------------------------------------------------------------------------

def test_api_reply_list_filter_resolve_reopen(rv, in_review):
    cur, rev = api(rv.curator), api(rv.reviewer)
    base = f"/api/v1/reviews/{in_review.pk}"
    r = rev.post(f"{base}/comment", {"text": "针脚太疏", "at_ms": 100}, format="json")
    assert r.status_code == 201 and r.json()["parent"] is None and r.json()["resolved"] is False
    cid = r.json()["id"]
    r = cur.post(f"{base}/comment", {"text": "下一版改", "parent": cid}, format="json")
    assert r.status_code == 201 and r.json()["parent"] == cid
    r = rev.post(f"{base}/comment", {"text": "再回复", "parent": r.json()["id"]}, format="json")
    assert r.status_code == 400 and r.json()["code"] == "reply_to_reply" and r.json()["detail"]
    assert cur.get(base).json()["open_comments"] == 1

    listing = cur.get(reverse("api-review-comments", args=[in_review.pk])).json()
    assert listing["count"] == 1 and [x["text"] for x in listing["results"][0]["replies"]] == ["下一版改"]
    r = rev.post(reverse("api-review-comment-resolve", args=[in_review.pk, cid]))
    assert r.status_code == 200 and r.json()["resolved"] is True and r.json()["resolved_by"] == "reviewer1"
    r = rev.post(f"{base}/comments/{cid}/resolve/")  # the slashed twin answers the same way
    assert r.status_code == 409 and r.json()["code"] == "already_resolved"
    assert cur.get(f"{base}/comments?resolved=false").json()["count"] == 0
    assert cur.get(f"{base}/comments?resolved=true").json()["count"] == 1
    r = cur.get(f"{base}/comments?resolved=maybe")
    assert r.status_code == 400 and r.json()["code"] and r.json()["detail"]
    r = api(rv.inheritor_user).post(f"{base}/comments/{cid}/reopen")
    assert r.status_code == 403 and r.json()["code"] == "forbidden"
    r = api(rv.other_inheritor_user).get(f"{base}/comments")
    assert r.status_code == 403 and r.json()["detail"]
    assert cur.post(f"{base}/comments/999999/reopen").status_code == 404
    r = cur.post(f"{base}/comments/{cid}/reopen")
    assert r.status_code == 200 and r.json()["resolved"] is False and r.json()["resolved_at"] is None


def test_api_paths_are_canonical_without_slash():
    import uuid

    pk = uuid.uuid4()
    assert reverse("api-review-comments", args=[pk]) == f"/api/v1/reviews/{pk}/comments"
    assert reverse("api-review-comment-resolve", args=[pk, 3]) == f"/api/v1/reviews/{pk}/comments/3/resolve"
    assert reverse("api-review-comment-reopen", args=[pk, 3]) == f"/api/v1/reviews/{pk}/comments/3/reopen"


@pytest.mark.django_db
def test_schema_lists_the_comment_endpoints(client):
    import yaml

    schema = yaml.safe_load(client.get("/api/v1/schema").content)
    paths = schema["paths"]
    assert set(paths["/api/v1/reviews/{id}/comments"]) - {"parameters"} == {"get"}
    assert set(paths["/api/v1/reviews/{id}/comments/{comment_id}/resolve"]) - {"parameters"} == {"post"}
    params = {p["name"] for p in paths["/api/v1/reviews/{id}/comments"]["get"]["parameters"]}
    assert "resolved" in params
    assert "parent" in schema["components"]["schemas"]["CommentBody"]["properties"]  # the comment action's body
    assert "replies" in schema["components"]["schemas"]["CommentThread"]["properties"]


# --- "Open" in one place; the API list counts open threads in its own query (review13) ----------------------

def test_open_and_resolved_mean_the_same_in_python_and_in_the_database(rv, in_review):
    """``ReviewComment.is_open``/``resolvable`` (a loaded row: the review page) and ``open_q``/``resolved_q`` (the
    filter, the counts, the API) are the one definition: they agree on every kind, on replies and on resolved rows."""
    from django.utils import timezone

    made = []
    for kind in ReviewComment.Kind.values:
        for resolved in (False, True):
            c = ReviewComment.objects.create(review=in_review, author=rv.reviewer, kind=kind, text=kind,
                                             resolved_at=timezone.now() if resolved else None)
            made.append(c)
            made.append(ReviewComment.objects.create(review=in_review, author=rv.curator, text="回复", parent=c,
                                                     resolved_at=timezone.now() if resolved else None))
    open_ids = set(ReviewComment.objects.filter(ReviewComment.open_q()).values_list("pk", flat=True))
    resolved_ids = set(ReviewComment.objects.filter(ReviewComment.resolved_q()).values_list("pk", flat=True))
    assert {c.pk for c in made if c.is_open} == open_ids and len(open_ids) == 2
    assert {c.pk for c in made if c.resolvable and not c.is_open} == resolved_ids and len(resolved_ids) == 2
    assert selectors.comment_counts(in_review) == {"open": 2, "resolved": 2}
    assert {c.pk for c in selectors.comment_threads(in_review, resolved=False)} == open_ids
    assert {c.pk for c in selectors.comment_threads(in_review, resolved=True)} == resolved_ids


def test_the_api_list_counts_open_comments_in_one_query_for_ten_reviews(rv, make_clip):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    reviews = []
    for i in range(10):
        review = services.review_open(clip=make_clip(variant=f"v{i}", seed=i), actor=rv.curator)
        services.review_submit(review=review, actor=rv.curator)
        for n in range(i % 3):  # 0, 1 or 2 open threads, plus a resolved one and a reply that never count
            services.review_comment(review=review, actor=rv.reviewer, text=f"意见{n}")
        done = services.review_comment(review=review, actor=rv.reviewer, text="已改")
        services.comment_set_resolved(comment=done, actor=rv.reviewer, resolved=True)
        services.review_comment(review=review, actor=rv.curator, text="回复", parent=done.pk)
        reviews.append(review)
    with CaptureQueriesContext(connection) as ctx:
        r = api(rv.curator).get(reverse("api-review-list"))
    assert r.status_code == 200 and r.json()["count"] == 10
    assert {x["id"]: x["open_comments"] for x in r.json()["results"]} == {str(v.pk): i % 3 for i, v in enumerate(reviews)}
    # the per-review aggregate counted comment threads with a query each; now the list's query carries the count
    counting = [q["sql"] for q in ctx.captured_queries if "resolved_at" in q["sql"] and "COUNT(" in q["sql"].upper()]
    assert len(counting) <= 2, counting  # the page's query (and the paginator's count), not one per review
    # the same value for a single review (detail: no annotation, asked directly)
    assert api(rv.curator).get(reverse("api-review-detail", args=[reviews[2].pk])).json()["open_comments"] == 2
