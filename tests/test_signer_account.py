"""Who controls an inheritor's signature (review of the signer-change flow):

1. a new set-password link for an account that already signs (the confirmed signer, or one that has signed) is
   itself a signer change: a second curator or an admin confirms it and receives the link; one rule,
   ``archive.services.account_link_request``, for the screen and the API. An account not yet confirmed that has
   never signed (the one a pending change names) gets its link at once.
2. a second new account while a signer change is pending is refused (409 ``signer_change_pending``; a form error
   on the screen) naming it, unless the curator explicitly replaces it.
3. a refused 撤回修改意见 is shown on the signer's phone screen, not on the review page."""
import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from archive import services as archive_services
from archive.models import Inheritor, SignerChange
from review import services
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/accounts/set-password/[^\s<\"]+/)")


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _pending(inheritor):
    return inheritor.signer_changes.get(state=SignerChange.State.PENDING)


def test_screen_a_link_for_the_signing_account_waits_for_a_second_curator(rv, client, make_user):
    url = reverse("curator:inheritor_account_link", args=[rv.inheritor.pk])
    client.force_login(rv.curator)
    page = client.post(url, follow=True).content.decode()
    assert not LINK.search(page) and "另一位馆员" in page  # the asking curator gets no link
    change = _pending(rv.inheritor)
    assert change.after[SignerChange.PASSWORD_LINK_KEY] == rv.inheritor_user.pk
    decide = reverse("curator:signer_change_decide", args=[rv.inheritor.pk, change.pk])
    assert client.post(decide, {"decision": "confirm"}).status_code == 403  # not the one who asked
    client.force_login(make_user("curator2", "curator"))
    page = client.post(decide, {"decision": "confirm"}, follow=True).content.decode()
    link = LINK.search(page).group(1)  # the confirming curator receives it, once
    change.refresh_from_db()
    rv.inheritor.refresh_from_db()
    assert change.state == SignerChange.State.CONFIRMED and rv.inheritor.user == rv.inheritor_user
    client.logout()
    r = client.get(link, follow=True)
    assert "设置您的密码" in r.content.decode()


def test_api_a_link_for_the_signing_account_is_a_signer_change(rv, make_user):
    url = f"/api/v1/inheritors/{rv.inheritor.pk}/account/link"
    r = _api(rv.curator).post(url, format="json")
    assert r.status_code == 202, r.content
    body = r.json()
    assert body["code"] == "signer_change_requested" and body["detail"] and "set_password_url" not in body
    change = _pending(rv.inheritor)
    # a second request while it waits is refused, naming it
    again = _api(make_user("curator2", "curator")).post(url, format="json")
    assert again.status_code == 409 and again.json()["code"] == "signer_change_pending"
    assert rv.curator.username in again.json()["detail"]
    archive_services.signer_change_confirm(change=change, actor=rv.admin)
    change.refresh_from_db()
    user, path = archive_services.signer_change_link(change=change)
    assert user == rv.inheritor_user and path.startswith("/accounts/set-password/")


def test_an_account_that_has_signed_counts_as_signing(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                         attribution=review.attribution)
    assert archive_services.account_signs(inheritor=rv.inheritor, user=rv.inheritor_user)
    assert not archive_services.account_signs(inheritor=rv.inheritor, user=rv.other_inheritor_user)


def test_api_account_twice_while_pending_is_409_and_a_link_for_the_pending_account_is_immediate(rv, craft):
    inheritor = Inheritor.objects.create(craft=craft, name="沈秀芬", level="national")
    api = _api(rv.curator)
    made = api.post(f"/api/v1/inheritors/{inheritor.pk}/account", {"username": "shen-1"}, format="json")
    assert made.status_code == 201, made.content
    first = _pending(inheritor)
    second = api.post(f"/api/v1/inheritors/{inheritor.pk}/account", {"username": "shen-2"}, format="json")
    assert second.status_code == 409, second.content
    assert second.json()["code"] == "signer_change_pending" and rv.curator.username in second.json()["detail"]
    assert _pending(inheritor) == first
    # the pending account has never signed nor been confirmed: its link may be given again at once
    link = api.post(f"/api/v1/inheritors/{inheritor.pk}/account/link", format="json")
    assert link.status_code == 200 and link.json()["username"] == "shen-1", link.content
    assert _pending(inheritor) == first
    # explicitly replacing the pending change
    third = api.post(f"/api/v1/inheritors/{inheritor.pk}/account",
                     {"username": "shen-3", "replace_pending_change": True}, format="json")
    assert third.status_code == 201, third.content
    first.refresh_from_db()
    assert first.state == SignerChange.State.SUPERSEDED and _pending(inheritor).after["user"] != first.after["user"]


def test_screen_new_account_while_pending_is_a_form_error_naming_the_change(rv, client, craft):
    client.force_login(rv.curator)
    form = {"craft": craft.pk, "name": "沈寿", "level": "national", "status": "alive", "able_to_sign": "on",
            "create_account": "on", "account_username": "shenshou"}
    client.post(reverse("curator:inheritor_create"), form)
    inheritor = Inheritor.objects.get(name="沈寿")
    first = _pending(inheritor)
    edit = reverse("curator:inheritor_edit", args=[inheritor.pk])
    r = client.post(edit, {**form, "account_username": "shenshou2"})
    assert r.status_code == 400 and "待确认的签署人变更" in r.content.decode() and rv.curator.username in r.content.decode()
    assert _pending(inheritor) == first
    r = client.post(edit, {**form, "account_username": "shenshou2", "replace_pending_change": "on"})
    assert r.status_code == 302
    first.refresh_from_db()
    assert first.state == SignerChange.State.SUPERSEDED


def test_a_refused_retract_is_shown_on_the_signing_screen(rv, make_clip, client):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    services.review_request_changes(review=review, actor=rv.inheritor_user, text="针距不对")
    services.review_comment(review=review, actor=rv.curator, text="收到,正在重新生成")
    client.force_login(rv.inheritor_user)
    r = client.post(reverse("review:retract_changes", args=[review.pk]))
    assert r.status_code == 302 and r["Location"] == reverse("review:sign", args=[review.pk])  # post-redirect-get
    r = client.get(r["Location"])
    html = r.content.decode()
    assert r.status_code == 200 and "馆员已经处理了这条修改意见" in html
    assert [t.name for t in r.templates][0] == "review/sign.html"
    assert 'data-testid="changes-requested"' in html and 'data-blocked="retract_changes"' in html
