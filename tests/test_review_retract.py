"""The inheritor takes back a mistaken 需要修改 (walk8): an elderly inheritor on a phone who pressed 需要修改 by
mistake could only phone the curator. Now the one who asked (or the proxy signing for the same inheritor) may
take it back while nobody has acted on it: one row of review/workflow.py (``retract_changes``), its rule of who
in heritage/permissions.py (``made_the_change_request``), its guard (``nobody_acted_since_request``)."""
import pytest
from django.urls import reverse

from review import services
from review.models import AuditEntry, Notification, Review, ReviewComment
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    return review


def test_inheritor_takes_back_their_change_request_on_the_phone_screen(client, rv, in_review):
    client.force_login(rv.inheritor_user)
    url = reverse("review:sign", args=[in_review.pk])
    client.post(url, {"decision": "changes", "comment": "火花颜色不对", "at": "00:00"})
    in_review.refresh_from_db()
    assert in_review.state == Review.State.CHANGES_REQUESTED
    assert Notification.objects.filter(user=rv.curator, verb="changes_requested", read_at__isnull=True).exists()

    html = client.get(url).content.decode()
    assert 'data-testid="retract-changes"' in html and "撤回我的修改意见" in html
    assert 'class="primary huge"' in html.split('data-testid="retract-changes"', 1)[1].split("</form>")[0]
    client.cookies["django_language"] = "en"
    html = client.get(url).content.decode()
    assert "Take back my request" in html and "撤回" not in html.split('data-testid="retract-changes"', 1)[1][:600]
    client.cookies["django_language"] = "zh-hans"

    response = client.post(reverse("review:retract_changes", args=[in_review.pk]))
    assert response.status_code == 302 and response["Location"] == url
    in_review.refresh_from_db()
    assert in_review.state == Review.State.IN_REVIEW
    kinds = list(in_review.comments.order_by("created_at").values_list("kind", "text"))
    assert kinds == [("change_request", "火花颜色不对"), ("retraction", "火花颜色不对")]
    assert AuditEntry.objects.filter(review=in_review, action="retract_changes", outcome="ok",
                                     from_state="changes_requested", to_state="in_review").exists()
    # the curators are told, and the request they were notified of no longer waits for them
    assert Notification.objects.filter(user=rv.curator, verb="changes_retracted").exists()
    assert not Notification.objects.filter(user=rv.curator, verb="changes_requested", read_at__isnull=True).exists()
    # back on the signing screen, the version can be signed
    html = client.get(url).content.decode()
    assert "同意签署" in html and "已撤回您的修改意见" in html
    services.review_sign(review=in_review, actor=rv.inheritor_user, sha256=in_review.submitted_sha256,
                         attribution=in_review.attribution)
    assert in_review.state == Review.State.APPROVED


def test_only_the_same_inheritor_or_their_proxy_may_take_it_back(rv, in_review):
    services.review_request_changes(review=in_review, actor=rv.inheritor_user, text="针距不对")
    # another signer of the craft (the proxy of another inheritor), the reviewer, the curator: no
    for who in (rv.proxy_user, rv.reviewer, rv.curator, rv.other_inheritor_user):
        with pytest.raises(services.TransitionRefused) as exc:
            services.review_retract_changes(review=in_review, actor=who)
        assert exc.value.status == 403
    assert AuditEntry.objects.filter(review=in_review, action="retract_changes", outcome="refused").count() == 4
    services.review_retract_changes(review=in_review, actor=rv.inheritor_user)
    assert in_review.state == Review.State.IN_REVIEW


def test_a_proxy_takes_back_their_own_request_but_not_a_reviewers(rv, in_review):
    services.review_request_changes(review=in_review, actor=rv.proxy_user, text="颜色偏暗")
    with pytest.raises(services.TransitionRefused):
        services.review_retract_changes(review=in_review, actor=rv.inheritor_user)
    services.review_retract_changes(review=in_review, actor=rv.proxy_user)
    assert in_review.state == Review.State.IN_REVIEW
    services.review_request_changes(review=in_review, actor=rv.reviewer, text="针距应为两毫米")
    for who in (rv.inheritor_user, rv.proxy_user, rv.reviewer):
        with pytest.raises(services.TransitionRefused):
            services.review_retract_changes(review=in_review, actor=who)
    assert in_review.state == Review.State.CHANGES_REQUESTED


@pytest.mark.parametrize("curator_acts", ["comment", "set_rights", "retry_job"])
def test_not_once_a_curator_has_acted(client, rv, in_review, make_clip, curator_acts):
    services.review_request_changes(review=in_review, actor=rv.inheritor_user, text="针距不对")
    if curator_acts == "comment":
        services.review_comment(review=in_review, actor=rv.curator, text="收到,正在重新生成")
    elif curator_acts == "set_rights":
        services.review_set_rights(review=in_review, actor=rv.curator,
                                   rights_uri="https://creativecommons.org/licenses/by-nc/4.0/")
    else:
        clip2 = make_clip(variant="b")
        clip2.job.retry_of = in_review.clip.job
        clip2.job.save()
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_retract_changes(review=in_review, actor=rv.inheritor_user)
    assert exc.value.status == 409 and exc.value.code == "already_acted"
    client.force_login(rv.inheritor_user)
    html = client.get(reverse("review:sign", args=[in_review.pk])).content.decode()
    assert 'data-testid="retract-changes"' not in html and 'data-blocked="retract_changes"' in html
    # a refused POST goes back to the signing screen, which says why (post-redirect-get), not a 500
    response = client.post(reverse("review:retract_changes", args=[in_review.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("review:sign", args=[in_review.pk])
    assert "馆员已经处理了这条修改意见" in client.get(response["Location"]).content.decode()


def test_not_when_the_request_itself_started_a_new_take(rv, in_review):
    services.review_request_changes(review=in_review, actor=rv.inheritor_user, text="针距改为三毫米",
                                    action_description={"spec_version": "1", "actions": [{"verb": "起针", "spacing_mm": 3}]})
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_retract_changes(review=in_review, actor=rv.inheritor_user)
    assert exc.value.code == "already_acted"


def test_the_api_offers_it_with_json_errors(rv, in_review):
    from rest_framework.test import APIClient

    api = APIClient()
    services.review_request_changes(review=in_review, actor=rv.inheritor_user, text="针距不对")
    api.force_authenticate(rv.reviewer)
    response = api.post(f"/api/v1/reviews/{in_review.pk}/retract-changes", {}, format="json")
    assert response.status_code == 403 and set(response.json()) >= {"detail", "code"}
    api.force_authenticate(rv.inheritor_user)
    response = api.post(f"/api/v1/reviews/{in_review.pk}/retract-changes", {}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "in_review"
    response = api.post(f"/api/v1/reviews/{in_review.pk}/retract-changes", {}, format="json")
    assert response.status_code == 409 and response.json()["code"] == "wrong_state"
    assert ReviewComment.objects.filter(review=in_review, kind="retraction").count() == 1


# --- A curator's new take and the retract, at the same moment (review13) --------------------------------------
# The guard reads "has a new take of this job been started" while the retract holds the review's row lock, but a
# curator's retry (generation.services.job_retry) never took that lock: it could be made between the guard's read
# and the retract's commit (or be uncommitted while the guard read), and both won. Now a new take is created under
# the lock of the job it retries (generation.services.retry_lock), and the guard reads under the same lock.

def _postgresql_only():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("row locks between two connections: PostgreSQL (SQLite locks the whole file)")


def _in_thread(fn, out):
    import threading

    from django.db import connections

    def run():
        try:
            out["value"] = fn()
        except Exception as exc:  # noqa: BLE001 — reported by the test
            out["error"] = exc
        finally:
            connections.close_all()

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


@pytest.mark.django_db(transaction=True)
def test_a_retry_made_while_the_retract_runs_waits_for_it(rv, make_clip, monkeypatch):
    import dataclasses

    from generation import services as generation_services
    from review import workflow

    _postgresql_only()
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    job = review.clip.job
    generation_services.job_retry(job=job, actor=rv.curator, seed=10)  # before the request: loads the prompt rules
    services.review_request_changes(review=review, actor=rv.inheritor_user, text="针距不对")
    retry, seen = {}, {}
    row = workflow.ACTIONS["retract_changes"]

    def work_with_a_retry_meanwhile(ctx, actor, **data):  # after the guard passed, before the retract commits
        t = _in_thread(lambda: generation_services.job_retry(job=job, actor=rv.curator, seed=11), retry)
        t.join(timeout=5)
        seen["retry_done_before_commit"] = not t.is_alive()
        seen["thread"] = t
        return row.work(ctx, actor, **data)

    monkeypatch.setitem(workflow.ACTIONS, "retract_changes", dataclasses.replace(row, work=work_with_a_retry_meanwhile))
    services.review_retract_changes(review=review, actor=rv.inheritor_user)
    seen["thread"].join(timeout=20)
    assert "error" not in retry, retry
    assert not seen["retry_done_before_commit"]  # the new take waited for the retract's transaction
    entry = AuditEntry.objects.get(review=review, action="retract_changes", outcome="ok")
    assert retry["value"].retry_of_id == job.pk and retry["value"].created_at > entry.at


@pytest.mark.django_db(transaction=True)
def test_a_retract_waits_for_a_retry_being_made_and_is_then_refused(rv, make_clip):
    import threading

    from django.db import transaction

    from generation import services as generation_services

    _postgresql_only()
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    services.review_request_changes(review=review, actor=rv.inheritor_user, text="针距不对")
    job = review.clip.job
    created, retry = threading.Event(), {}

    def retry_in_a_longer_transaction():  # e.g. a take made with its files, committed a moment later
        with transaction.atomic():
            new = generation_services.job_retry(job=job, actor=rv.curator, seed=12)
            created.set()
            threading.Event().wait(1.5)
        return new

    t = _in_thread(retry_in_a_longer_transaction, retry)
    assert created.wait(timeout=20)
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_retract_changes(review=review, actor=rv.inheritor_user)
    t.join(timeout=20)
    assert "error" not in retry, retry
    assert exc.value.code == "already_acted"
    review.refresh_from_db()
    assert review.state == Review.State.CHANGES_REQUESTED
