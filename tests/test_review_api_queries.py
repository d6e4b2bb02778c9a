"""The API review list answers a page in a number of queries that does not grow with the page's reviews: what
``available_actions``, ``reviewer_approved``, ``record`` and ``open_comments`` read of each review (the
workflow's guards and permissions) is fetched for the whole page (``review.selectors.with_page_rules``,
``fetch_page``), and it says the same as the single review, which reads everything afresh."""
import pytest
from django.utils import timezone

from review import services
from tests.review_fixtures import *  # noqa: F401,F403

ROLES = ["curator", "reviewer", "inheritor", "proxy", "admin"]


def _reviews(rv, make_clip, n, start=0):
    """``n`` reviews in the states a list shows: draft; in review with a comment; approved by the reviewer;
    changes requested by the inheritor; signed (one of them with a media job still running); archived."""
    from generation.postprocess.models import MediaJob

    for i in range(start, start + n):
        clip = make_clip(variant="abcdefgh"[i % 8], seed=100 + i)
        review = services.review_open(clip=clip, actor=rv.curator)
        if i % 6 == 0:
            continue
        services.review_submit(review=review, actor=rv.curator)
        review.refresh_from_db()
        services.review_comment(review=review, actor=rv.reviewer, text="针脚太疏", at_ms=100)
        if i % 6 == 1:
            services.review_approve(review=review, actor=rv.reviewer)
        elif i % 6 == 2:
            services.review_request_changes(review=review, actor=rv.inheritor_user, text="针距不对")
        elif i % 6 in (3, 4):
            services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                                 attribution=review.attribution)
            if i % 6 == 4:
                services.review_archive(review=review, actor=rv.curator)
            elif i == 3:  # post-processing run again after the signature: submit waits for it
                MediaJob.objects.create(clip=clip, status=MediaJob.Status.RUNNING, started_at=timezone.now())


@pytest.mark.parametrize("role", ROLES)
def test_review_list_queries_do_not_grow_with_the_page(client, rv, make_clip, role,
                                                       django_assert_max_num_queries):
    _reviews(rv, make_clip, 12)
    client.force_login(rv.roles[role])
    # session, user, groups, signer's crafts, count, page, then a fixed number for the whole page
    # (before: ~5 more per review, 41 to 58 for this page of 8 to 10)
    with django_assert_max_num_queries(18):
        resp = client.get("/api/v1/reviews?page_size=100")
    assert resp.status_code == 200, resp.content[:300]
    assert resp.json()["count"] >= 8


@pytest.mark.parametrize("role", ROLES)
def test_review_list_says_what_each_review_says(client, rv, make_clip, role):
    """The page's fetched rows give the same ``available_actions`` (guards: approved already, post-processing
    pending, signed, nobody acted since the change request; rights: may sign, made the change request),
    ``reviewer_approved`` and ``record`` as ``GET /reviews/<id>``, which reads each review afresh."""
    _reviews(rv, make_clip, 6)
    client.force_login(rv.roles[role])
    listed = client.get("/api/v1/reviews?page_size=100").json()["results"]
    assert listed
    keys = ("state", "available_actions", "reviewer_approved", "record", "open_comments")
    for row in listed:
        one = client.get(f"/api/v1/reviews/{row['id']}").json()
        assert {k: row[k] for k in keys} == {k: one[k] for k in keys}, row["id"]
    actions = {a for row in listed for a in row["available_actions"]}
    expected = {"curator": {"submit", "archive", "reject", "comment"}, "reviewer": {"approve", "comment"},
                "inheritor": {"sign", "retract-changes", "withdraw"}, "proxy": {"sign", "withdraw"},
                "admin": {"submit", "archive", "approve", "withdraw"}}[role]
    assert expected <= actions, actions


@pytest.mark.parametrize("role", ROLES)
def test_the_inbox_screen_costs_the_same_queries_for_4_reviews_as_for_12(client, rv, make_clip, role):
    """The inbox screen reads the workflow's rules for each review it lists (which wait for this person's
    signature): fetched for the whole page as the API list does (``with_page_rules``, ``fetch_page``)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client.force_login(rv.roles[role])
    counts = []
    for start, n in ((0, 4), (4, 8)):
        _reviews(rv, make_clip, n, start=start)
        with CaptureQueriesContext(connection) as ctx:
            resp = client.get(reverse("review:inbox"))
        assert resp.status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[1] == counts[0], counts
