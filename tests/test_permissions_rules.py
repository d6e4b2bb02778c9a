"""The permission table (heritage/permissions.py) and the review transition table (review/workflow.py)
at work: the generation API asks for the same right as its screens, a recording's text needs the right
to read it by any path, who may sign changes only after a second person confirms, the public record API
shows no login names, and the reviewer's explicit approval."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from archive.models import Inheritor, SignerChange
from generation.models import GenerationJob
from review import services, workflow
from review.models import AuditEntry, Review, ReviewComment
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


def token_client(user):
    from rest_framework.authtoken.models import Token

    c = APIClient()
    if user is not None:
        c.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return c


SUBMIT = {"input": {"text": "左手拉紧丝线,右手斜着进针。"}, "parameters": {"seed": 1}}


@pytest.mark.parametrize("role,expected", [("anonymous", 401), ("public", 403), ("reviewer", 403),
                                           ("inheritor", 403), ("proxy", 403), ("curator", 202), ("admin", 202)])
def test_generation_api_needs_the_curator_right_like_its_screens(rv, role, expected):
    c = token_client(rv.roles[role])
    assert c.post("/api/v1/generation-tasks", SUBMIT, format="json").status_code == expected
    batch = c.post("/api/v1/generation-tasks/batch", {"tasks": [SUBMIT]}, format="json").status_code
    assert batch == expected
    assert GenerationJob.objects.count() == (2 if expected == 202 else 0)


def test_recording_text_is_not_readable_through_a_job_source(rv):
    from archive.models import TranscriptSegment

    TranscriptSegment.objects.create(recording=rv.recording, start_ms=0, end_ms=3000, text="只给有权的人读的转写。")
    inheritor = token_client(rv.inheritor_user)
    assert inheritor.get(f"/api/v1/recordings/{rv.recording.pk}").status_code == 403
    r = inheritor.post("/api/v1/generation-tasks", {"input": {"recording": rv.recording.pk}}, format="json")
    assert r.status_code == 403 and "只给有权的人读" not in r.content.decode()
    assert not GenerationJob.objects.exists()


def test_changing_who_may_sign_waits_for_a_second_curator(rv, client, make_user):
    """A curator marks the living inheritor deceased and names a stranger as proxy with a PDF: nothing
    changes until another curator (or an admin) confirms; the request and decision are kept."""
    stranger = make_user("stranger", "inheritor")
    client.force_login(rv.curator)
    data = {"craft": rv.craft.pk, "name": rv.inheritor.name, "level": "national", "status": "deceased",
            "birth_year": "", "biography": "", "user": rv.inheritor_user.pk, "proxy_name": "陌生人",
            "proxy_user": stranger.pk, "proxy_relation": "朋友",
            "proxy_document": SimpleUploadedFile("auth.pdf", b"%PDF-1.4 x", content_type="application/pdf")}
    r = client.post(f"/curator/inheritors/{rv.inheritor.pk}/edit/", data)
    assert r.status_code == 302, r.content.decode()[:500]
    rv.inheritor.refresh_from_db()
    assert rv.inheritor.status == "alive" and rv.inheritor.signer == rv.inheritor_user  # not yet
    change = SignerChange.objects.get(inheritor=rv.inheritor, state="pending")
    assert change.requested_by == rv.curator
    assert change.before["status"] == "alive" and change.after["proxy_user"] == stranger.pk
    # the stranger cannot sign; the requester cannot confirm their own request
    url = f"/curator/inheritors/{rv.inheritor.pk}/signer-changes/{change.pk}/"
    assert client.post(url, {"decision": "confirm"}).status_code == 403
    client.force_login(rv.reviewer)
    assert client.post(url, {"decision": "confirm"}).status_code == 403
    rv.inheritor.refresh_from_db()
    assert rv.inheritor.status == "alive"
    # an admin confirms: now it takes effect
    client.force_login(rv.admin)
    page = client.get(f"/curator/inheritors/{rv.inheritor.pk}/").content.decode()
    assert 'value="confirm"' in page  # {% has_perm %} shows the button to whoever may confirm
    assert client.post(url, {"decision": "confirm"}).status_code == 302
    rv.inheritor.refresh_from_db()
    assert rv.inheritor.status == "deceased" and rv.inheritor.signer == stranger
    change.refresh_from_db()
    assert change.state == "confirmed" and change.decided_by == rv.admin and change.decided_at is not None


def test_a_second_curator_may_reject_and_nothing_changes(rv):
    from archive import services as archive_services

    archive_services.inheritor_update(inheritor=rv.inheritor, data={"able_to_sign": False}, actor=rv.curator)
    change = SignerChange.objects.get(state="pending")
    second = type(rv.curator).objects.create_user("curator2")
    second.groups.add(*rv.curator.groups.all())
    archive_services.signer_change_reject(change=change, actor=second)
    assert Inheritor.objects.get(pk=rv.inheritor.pk).able_to_sign is True
    with pytest.raises(Exception):
        archive_services.signer_change_confirm(change=change, actor=second)


def test_public_record_api_has_no_login_names(rv, archived_record):
    record = archived_record()
    logins = {rv.curator.username, rv.inheritor_user.username}
    public = APIClient().get(f"/api/v1/archive-records/{record.pk}/")
    assert public.status_code == 200
    body = public.content.decode()
    assert not any(f'"{name}"' in body for name in logins), body
    assert public.json()["provenance"]["signoff"]["inheritor"] == "姚建萍"
    staff = token_client(rv.reviewer).get(f"/api/v1/archive-records/{record.pk}/").json()
    assert staff["provenance"]["signoff"]["signed_by"] == rv.inheritor_user.username


# --- review transitions: one table -------------------------------------------------------------------

def _in_review(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    return review


def test_available_actions_by_role(rv, make_clip):
    review = _in_review(rv, make_clip)
    names = {role: workflow.available_names(review, user) for role, user in rv.roles.items() if user is not None}
    assert names["curator"] == {"comment", "reject"}
    assert names["reviewer"] == {"comment", "approve", "request_changes", "reject"}
    assert names["inheritor"] == names["proxy"] == {"comment", "request_changes", "reject", "sign"}
    assert names["other_inheritor"] == names["public"] == set()
    assert "approve" in names["admin"] and "sign" not in names["admin"]  # an admin is no signer


def test_reviewer_approves_and_the_inheritor_sees_it(rv, make_clip, client):
    review = _in_review(rv, make_clip)
    client.force_login(rv.reviewer)
    page = client.get(f"/review/{review.pk}/").content.decode()
    assert f'action="/review/{review.pk}/approve/"' in page
    assert client.post(f"/review/{review.pk}/approve/").status_code == 302
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW  # approval is recorded; the inheritor still signs
    assert review.comments.filter(kind=ReviewComment.Kind.APPROVAL, author=rv.reviewer).exists()
    assert review.audit.filter(action="approve", outcome=AuditEntry.Outcome.OK).exists()
    assert "approve" not in workflow.available_names(review, rv.reviewer)  # once per version
    client.force_login(rv.inheritor_user)
    sign_page = client.get(f"/review/{review.pk}/sign/").content.decode()
    assert "研究者已审阅" in sign_page
    assert token_client(rv.inheritor_user).get(f"/api/v1/reviews/{review.pk}/").json()["reviewer_approved"] is True


def test_refused_approval_is_audited_and_the_api_dispatches_through_the_table(rv, make_clip):
    review = _in_review(rv, make_clip)
    r = token_client(rv.curator).post(f"/api/v1/reviews/{review.pk}/approve", {}, format="json")
    assert r.status_code == 403 and r.json()["code"] == "forbidden"
    assert review.audit.filter(action="approve", outcome=AuditEntry.Outcome.REFUSED, actor=rv.curator).exists()
    r = token_client(rv.reviewer).post(f"/api/v1/reviews/{review.pk}/approve", {"text": "动作与口述一致"}, format="json")
    assert r.status_code == 201 and r.json()["kind"] == "approval"
    again = token_client(rv.reviewer).post(f"/api/v1/reviews/{review.pk}/approve", {}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "already_approved"
    detail = token_client(rv.inheritor_user).get(f"/api/v1/reviews/{review.pk}/").json()
    assert set(detail["available_actions"]) == {"comment", "request-changes", "reject", "sign"}


def test_a_guard_is_one_function_in_the_table(rv, make_clip, monkeypatch):
    """Adding a guard to a row stops the action on every path and hides it from the available actions."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)

    def never(review):
        services._conflict("测试守卫", "test_guard")

    row = workflow.ACTIONS["submit"]
    monkeypatch.setitem(workflow.ACTIONS, "submit", type(row)(**{**row.__dict__, "guards": row.guards + (never,)}))
    assert "submit" not in workflow.available_names(review, rv.curator)
    assert workflow.blocked_actions(review, rv.curator)["submit"] == "测试守卫"
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_submit(review=review, actor=rv.curator)
    assert exc.value.code == "test_guard"
    assert review.audit.filter(action="submit", outcome=AuditEntry.Outcome.REFUSED).exists()



def test_needs_proxy_query_and_row_rule_agree(rv):
    from archive.signing import NEEDS_PROXY, needs_proxy

    seen = set()
    for status in Inheritor.Status.values:
        for able in (True, False):
            Inheritor.objects.filter(pk=rv.inheritor.pk).update(status=status, able_to_sign=able)
            rv.inheritor.refresh_from_db()
            in_query = Inheritor.objects.filter(NEEDS_PROXY, pk=rv.inheritor.pk).exists()
            assert in_query == needs_proxy(rv.inheritor) == rv.inheritor.needs_proxy, (status, able)
            seen.add(in_query)
    assert seen == {True, False}
