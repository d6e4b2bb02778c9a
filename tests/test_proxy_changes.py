"""An inheritor who has died, signed for by a recorded proxy: the proxy changes, or is removed, while a
video waits for sign-off or after it is archived (brief badinput3).

Who may sign is the one rule of archive/signing.py, read at the moment of signing; a change takes effect
when a second curator confirms it. The authority document a proxy signed under is evidence of that
signature (the sign-off and the archive record's provenance name it): a later change of proxy must not
delete it (heritage/files.py ``keep_files_named_by``).
"""
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def proxied(rv, make_user, settings, tmp_path):
    """The craft's only signer is the deceased inheritor's proxy (the living inheritor has no account)."""
    from archive.models import Inheritor

    settings.MEDIA_ROOT = tmp_path / "media"
    Inheritor.objects.filter(pk=rv.inheritor.pk).update(user=None)
    rv.deceased.proxy_document.save("authority.pdf", ContentFile(b"%PDF-1.4 authority"), save=True)
    rv.curator2 = make_user("curator2", "curator")
    rv.new_proxy = make_user("new-proxy", "inheritor")
    return rv


def _in_review(rv, make_clip):
    from review import services

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    return review


def _change_signer(rv, data, *, confirm=True):
    from archive import services as arch
    from archive.models import Inheritor

    inheritor = Inheritor.objects.get(pk=rv.deceased.pk)
    arch.inheritor_update(inheritor=inheritor, data=data, actor=rv.curator)
    change = inheritor.signer_changes.get(state="pending")
    if confirm:
        arch.signer_change_confirm(change=change, actor=rv.curator2)
    return change


def _new_proxy_data(rv):
    return {"proxy_user": rv.new_proxy, "proxy_name": "顾大霞", "proxy_relation": "侄女",
            "proxy_document": SimpleUploadedFile("new.pdf", b"%PDF-1.4 new authority",
                                                 content_type="application/pdf")}


def _sign(review, user):
    from review import services

    return services.review_sign(review=review, actor=user, sha256=review.submitted_sha256,
                                attribution=review.attribution)


def test_the_authority_document_of_an_archived_proxy_signature_survives_a_change_of_proxy(
        proxied, make_clip, django_capture_on_commit_callbacks):
    from review import services

    rv = proxied
    review = _in_review(rv, make_clip)
    signoff = _sign(review, rv.proxy_user)
    record = services.review_archive(review=review, actor=rv.curator)
    signed_under = signoff.proxy_document
    assert signed_under and record.provenance["signoff"]["proxy_document"] == signed_under
    with django_capture_on_commit_callbacks(execute=True):
        _change_signer(rv, _new_proxy_data(rv))
    rv.deceased.refresh_from_db()
    assert rv.deceased.proxy_document.name != signed_under  # the inheritor now has the new document
    assert default_storage.exists(signed_under)  # and the one the archived signature rests on is kept
    # removing the proxy altogether keeps both (the confirmed request names the second one)
    second = rv.deceased.proxy_document.name
    with django_capture_on_commit_callbacks(execute=True):
        _change_signer(rv, {"proxy_user": None, "proxy_name": "", "proxy_relation": "", "proxy_document": ""})
    assert default_storage.exists(signed_under) and default_storage.exists(second)


def test_a_replaced_document_nothing_names_is_still_deleted(proxied, django_capture_on_commit_callbacks):
    from archive.models import Inheritor

    rv = proxied
    first = rv.deceased.proxy_document.name  # set directly: no request, no signature names it
    inheritor = Inheritor.objects.get(pk=rv.deceased.pk)
    with django_capture_on_commit_callbacks(execute=True):
        inheritor.proxy_document.save("other.pdf", ContentFile(b"%PDF-1.4 other"), save=True)
    assert not default_storage.exists(first)


def test_a_proxy_changed_while_a_video_waits_the_new_proxy_signs(proxied, make_clip, client):
    from review.services import TransitionRefused

    rv = proxied
    review = _in_review(rv, make_clip)
    change = _change_signer(rv, _new_proxy_data(rv), confirm=False)
    # pending: the recorded proxy still signs for the inheritor until a second curator confirms
    from heritage.permissions import allowed

    assert allowed(rv.proxy_user, "review.sign", review) and not allowed(rv.new_proxy, "review.sign", review)
    from archive import services as arch

    arch.signer_change_confirm(change=change, actor=rv.curator2)
    with pytest.raises(TransitionRefused) as exc:
        _sign(review, rv.proxy_user)
    assert exc.value.status == 403 and "代理人" in exc.value.message
    client.force_login(rv.proxy_user)
    assert client.get(reverse("review:sign", args=[review.pk])).status_code in (403, 404)
    signoff = _sign(review, rv.new_proxy)
    assert signoff.by_proxy and signoff.proxy_name == "顾大霞" and signoff.signed_by == rv.new_proxy
    assert signoff.proxy_document == arch.Inheritor.objects.get(pk=rv.deceased.pk).proxy_document.name


def test_a_proxy_removed_while_a_video_waits_nobody_signs_and_the_page_says_why(proxied, make_clip, client):
    from review.services import TransitionRefused

    rv = proxied
    review = _in_review(rv, make_clip)
    _change_signer(rv, {"proxy_user": None, "proxy_name": "", "proxy_relation": "", "proxy_document": ""})
    with pytest.raises(TransitionRefused) as exc:
        _sign(review, rv.proxy_user)
    assert exc.value.status == 403
    client.force_login(rv.curator)
    page = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    assert 'data-testid="stalled"' in page and "没有可以签署的人" in page
    review.refresh_from_db()
    assert review.state == "in_review" and not review.signoffs.exists()
