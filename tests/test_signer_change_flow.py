"""Signer changes on the curator screens (second round):

1. a pending account (named by a pending signer change, not yet confirmed) has its 生成设置密码链接 button on the
   inheritor page, for those who may write the archive (``archive.change``) only;
2. the inheritor edit form never silently replaces a pending signer change: it names the pending change (who,
   since when) and offers 替换待确认的变更; without it the edit is refused (form error, 400, what was typed kept;
   API 409 ``signer_change_pending``) and nothing changes;
3. the curator who received a confirmed set-password link marks it as handed to the inheritor (who, when), and
   the page shows it;
4. ``SignerChange.state`` is a django-fsm field: its transitions refuse from a wrong state, with the same
   messages as before."""
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from archive import services
from archive.models import Inheritor, SignerChange
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/accounts/set-password/[^\s<\"]+/)")


def _pending(inheritor):
    return inheritor.signer_changes.get(state=SignerChange.State.PENDING)


def _new_with_pending_account(client, curator, craft):
    client.force_login(curator)
    form = {"craft": craft.pk, "name": "沈寿", "level": "national", "status": "alive", "able_to_sign": "on",
            "create_account": "on", "account_username": "shenshou"}
    assert client.post(reverse("curator:inheritor_create"), form).status_code == 302
    return Inheritor.objects.get(name="沈寿"), form


# --- 1. the pending account's link button ---------------------------------------------------------------

def test_pending_account_has_its_link_button_for_writers_only(rv, client, craft):
    inheritor, _form = _new_with_pending_account(client, rv.curator, craft)
    assert inheritor.user_id is None
    action = reverse("curator:inheritor_account_link", args=[inheritor.pk])
    page = client.get(inheritor.get_absolute_url()).content.decode()
    assert f'action="{action}"' in page and "shenshou" in page
    assert 'data-testid="pending-account"' in page
    # the button does what it says: the pending account's link at once, nothing else changes
    page = client.post(action, follow=True).content.decode()
    assert LINK.search(page) and "shenshou" in page
    assert _pending(inheritor).after["user"] is not None
    # a reviewer reads the page but may not write the archive: no button
    client.force_login(rv.reviewer)
    page = client.get(inheritor.get_absolute_url()).content.decode()
    assert f'action="{action}"' not in page


def test_no_pending_account_no_button(rv, client, craft):
    inheritor = Inheritor.objects.create(craft=craft, name="沈寿", level="national")
    client.force_login(rv.curator)
    page = client.get(inheritor.get_absolute_url()).content.decode()
    assert reverse("curator:inheritor_account_link", args=[inheritor.pk]) not in page


# --- 2. the edit form does not silently replace a pending change ---------------------------------------

def _edit_form(inheritor, **extra):
    return {"craft": inheritor.craft_id, "name": inheritor.name, "level": inheritor.level,
            "status": inheritor.status, "able_to_sign": "on" if inheritor.able_to_sign else "",
            "biography": inheritor.biography, "user": inheritor.user_id or "", **extra}


def test_edit_form_names_the_pending_change_and_refuses_to_replace_it_silently(rv, client, make_user):
    client.force_login(rv.curator)
    edit = reverse("curator:inheritor_edit", args=[rv.inheritor.pk])
    # curator1 asks for a change of status
    assert client.post(edit, _edit_form(rv.inheritor, status="deceased", able_to_sign="")).status_code == 302
    rv.inheritor.refresh_from_db()
    first = _pending(rv.inheritor)
    # a second curator opens the form: it says a change is pending, by whom and since when, and offers to replace it
    client.force_login(make_user("curator2", "curator"))
    page = client.get(edit).content.decode()
    assert 'data-testid="form-notice"' in page and rv.curator.username in page
    assert timezone.localtime(first.requested_at).strftime("%Y-%m-%d %H:%M") in page
    assert 'name="replace_pending_change"' in page
    # an edit of another signer field (the ability to sign) without the choice: refused, nothing saved, typed kept
    typed = _edit_form(rv.inheritor, able_to_sign="", biography="新写的简介,不能丢")
    r = client.post(edit, typed)
    html = r.content.decode()
    assert r.status_code == 400 and "待确认的签署人变更" in html and rv.curator.username in html
    assert "新写的简介,不能丢" in html
    first.refresh_from_db()
    rv.inheritor.refresh_from_db()
    assert first.state == SignerChange.State.PENDING and rv.inheritor.signer_changes.count() == 1
    assert rv.inheritor.biography == "" and rv.inheritor.able_to_sign
    # the deliberate choice replaces it (kept as superseded)
    r = client.post(edit, {**typed, "replace_pending_change": "on"})
    assert r.status_code == 302, r.content.decode()[:2000]
    first.refresh_from_db()
    assert first.state == SignerChange.State.SUPERSEDED
    assert _pending(rv.inheritor).after["able_to_sign"] is False


def test_edit_of_other_fields_while_pending_is_saved(rv, client, make_user):
    services.inheritor_update(inheritor=rv.inheritor, data={"able_to_sign": False}, actor=rv.curator)
    first = _pending(rv.inheritor)
    client.force_login(make_user("curator2", "curator"))
    r = client.post(reverse("curator:inheritor_edit", args=[rv.inheritor.pk]),
                    _edit_form(rv.inheritor, biography="只改简介"))
    assert r.status_code == 302
    rv.inheritor.refresh_from_db()
    assert rv.inheritor.biography == "只改简介" and _pending(rv.inheritor) == first


def test_api_edit_of_signer_fields_while_pending_is_409(rv, make_user):
    services.inheritor_update(inheritor=rv.inheritor, data={"able_to_sign": False}, actor=rv.curator)
    first = _pending(rv.inheritor)
    api = APIClient()
    api.force_authenticate(make_user("curator2", "curator"))
    url = f"/api/v1/inheritors/{rv.inheritor.pk}"
    r = api.patch(url, {"status": "deceased", "biography": "x"}, format="json")
    assert r.status_code == 409 and r.json()["code"] == "signer_change_pending", r.content
    assert rv.curator.username in r.json()["detail"]
    first.refresh_from_db()
    rv.inheritor.refresh_from_db()
    assert first.state == SignerChange.State.PENDING and rv.inheritor.biography == ""
    r = api.patch(url, {"status": "deceased", "replace_pending_change": True}, format="json")
    assert r.status_code == 200, r.content
    first.refresh_from_db()
    assert first.state == SignerChange.State.SUPERSEDED


# --- 3. handed over ---------------------------------------------------------------------------------------

def _confirmed_link_change(rv, confirmer):
    link = services.account_link_request(inheritor=rv.inheritor, actor=rv.curator)
    services.signer_change_confirm(change=link.change, actor=confirmer)
    link.change.refresh_from_db()
    return link.change


def test_the_receiving_curator_marks_the_link_handed_over(rv, client, make_user):
    curator2 = make_user("curator2", "curator")
    change = _confirmed_link_change(rv, curator2)
    url = reverse("curator:signer_change_handed_over", args=[rv.inheritor.pk, change.pk])
    # the curator who asked did not receive the link: no button, and a POST is refused
    client.force_login(rv.curator)
    assert url not in client.get(rv.inheritor.get_absolute_url()).content.decode()
    assert client.post(url).status_code == 403
    client.force_login(curator2)
    assert f'action="{url}"' in client.get(rv.inheritor.get_absolute_url()).content.decode()
    page = client.post(url, follow=True).content.decode()
    change.refresh_from_db()
    assert change.handed_over_by == curator2 and change.handed_over_at is not None
    assert 'data-testid="handed-over"' in page and f'action="{url}"' not in page
    # once only
    with pytest.raises(ValidationError):
        services.signer_change_hand_over(change=change, actor=curator2)


def test_only_a_confirmed_link_request_can_be_handed_over(rv, make_user):
    curator2 = make_user("curator2", "curator")
    link = services.account_link_request(inheritor=rv.inheritor, actor=rv.curator)
    with pytest.raises((ValidationError, PermissionDenied)):  # pending: nothing received yet
        services.signer_change_hand_over(change=link.change, actor=curator2)
    services.signer_change_reject(change=link.change, actor=curator2)
    with pytest.raises((ValidationError, PermissionDenied)):
        services.signer_change_hand_over(change=link.change, actor=curator2)
    other = services.inheritor_update(inheritor=rv.inheritor, data={"able_to_sign": False}, actor=rv.curator)
    change = _pending(other)
    services.signer_change_confirm(change=change, actor=curator2)
    with pytest.raises(ValidationError):  # no link in a field change
        services.signer_change_hand_over(change=change, actor=curator2)


# --- 4. the state machine -------------------------------------------------------------------------------

def test_state_is_a_django_fsm_field_with_the_same_refusals(rv, make_user):
    from django_fsm import FSMField, TransitionNotAllowed

    assert isinstance(SignerChange._meta.get_field("state"), FSMField)
    curator2 = make_user("curator2", "curator")
    change = _pending(services.inheritor_update(inheritor=rv.inheritor, data={"able_to_sign": False},
                                                actor=rv.curator))
    services.signer_change_reject(change=change, actor=curator2)
    change.refresh_from_db()
    with pytest.raises(TransitionNotAllowed):
        change.confirm(actor=curator2)
    with pytest.raises(ValidationError, match="这项变更已处理"):
        services.signer_change_confirm(change=change, actor=curator2)
    with pytest.raises(PermissionDenied, match="只有另一位馆员或管理员"):
        services.signer_change_confirm(change=change, actor=rv.curator)
    with pytest.raises(PermissionDenied, match="只有另一位馆员或管理员可以处理"):
        services.signer_change_reject(change=change, actor=rv.curator)


def test_a_stale_request_is_refused_by_the_transitions_guard(rv, make_user):
    from django_fsm import can_proceed

    curator2 = make_user("curator2", "curator")
    change = _pending(services.inheritor_update(inheritor=rv.inheritor, data={"able_to_sign": False},
                                                actor=rv.curator))
    Inheritor.objects.filter(pk=rv.inheritor.pk).update(status="deceased")  # changed behind the request's back
    with pytest.raises(ValidationError, match="请重新提交变更"):
        services.signer_change_confirm(change=change, actor=curator2)
    change.refresh_from_db()
    assert change.state == SignerChange.State.PENDING and change.decided_by is None
    assert not can_proceed(change.confirm) and can_proceed(change.reject)
    # a replaced request is superseded through its transition; no decision is recorded on it
    services.inheritor_update(inheritor=rv.inheritor, data={"able_to_sign": True, "status": "alive"},
                              actor=rv.curator, replace_pending=True)
    change.refresh_from_db()
    assert change.state == SignerChange.State.SUPERSEDED and change.decided_by is None


def test_the_new_words_are_translated(rv, client, make_user):
    """Chinese first; the English pages carry the translations (the notice, the replace choice, the pending
    account, the hand-over button and marker)."""
    curator2 = make_user("curator2", "curator")
    client.cookies["django_language"] = "en"
    services.inheritor_update(inheritor=rv.inheritor, data={"able_to_sign": False}, actor=rv.curator)
    client.force_login(curator2)
    form = client.get(reverse("curator:inheritor_edit", args=[rv.inheritor.pk])).content.decode()
    assert "A signer change for this inheritor is waiting for confirmation" in form
    assert "Replace the pending signer change" in form
    change = _pending(rv.inheritor)
    services.signer_change_reject(change=change, actor=curator2)
    link_change = _confirmed_link_change(rv, curator2)
    page = client.get(rv.inheritor.get_absolute_url()).content.decode()
    assert "Mark as handed to the inheritor" in page
    services.signer_change_hand_over(change=link_change, actor=curator2)
    page = client.get(rv.inheritor.get_absolute_url()).content.decode()
    assert "Link handed to the inheritor (curator2 · " in page
    pending = Inheritor.objects.create(craft=rv.craft, name="沈寿", level="national")
    services.inheritor_update(inheritor=pending, data={"user": services.inheritor_account_create(
        name="沈寿", username="shenshou2")[0]}, actor=rv.curator)
    assert "New account awaiting confirmation: shenshou2" in client.get(pending.get_absolute_url()).content.decode()
