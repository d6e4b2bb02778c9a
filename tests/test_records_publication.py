"""Publication and withdrawal are append-only events of the record, and the public selector reads only them
(issue 13): putting the review and sign-off rows back as they were cannot bring a withdrawn record online."""
import pytest

pytestmark = pytest.mark.django_db


def test_archiving_publishes_with_an_event(archived_record):
    from records.models import ArchiveEvent
    from records.selectors import is_record_public

    record = archived_record()
    assert is_record_public(record)
    assert list(record.events.filter(event_type__in=["publication", "withdrawal"]).values_list("event_type", flat=True)) \
        == [ArchiveEvent.Type.PUBLICATION]


def test_withdrawn_record_stays_offline_whatever_the_review_rows_say(archived_record, rv, client):
    from records.selectors import is_record_public, public_records
    from review import services
    from review.models import Review, SignOff

    record = archived_record()
    review = record.signoff.review
    services.review_withdraw(review=review, actor=rv.inheritor_user, reason="家属要求下架")
    assert not is_record_public(record)
    # Two UPDATEs that undo the withdrawal in the mutable rows ...
    Review.objects.filter(pk=review.pk).update(state=Review.State.ARCHIVED)
    SignOff.objects.filter(pk=record.signoff_id).update(withdrawn_at=None, withdrawn_by=None, withdrawal_reason="")
    # ... change nothing the public sees: the record's event log says withdrawn.
    assert not is_record_public(record)
    assert not public_records().filter(pk=record.pk).exists()
    assert client.get(f"/api/v1/archive-records/{record.pk}/").status_code == 404
    assert record.events.filter(event_type="withdrawal").count() == 1


def test_the_staff_screen_says_why_a_record_is_hidden_from_the_same_facts_as_the_public_selector(archived_record, rv):
    """``record_hidden_reasons`` reads the event-log facts ``public_records`` filters on (one place): nothing while
    public, the withdrawal once withdrawn, and a failing latest fixity check until a later one passes."""
    from records.models import ArchiveEvent
    from records.selectors import is_record_public, record_hidden_reasons
    from review import services

    record = archived_record()
    assert is_record_public(record) and record_hidden_reasons(record) == []
    ArchiveEvent.objects.create(record=record, event_type=ArchiveEvent.Type.FIXITY_CHECK,
                                outcome=ArchiveEvent.Outcome.FAILURE, detail="sha256 mismatch")
    assert not is_record_public(record)
    assert record_hidden_reasons(record) == ["最近一次固定性检查未通过,检查通过前不公开。"]
    ArchiveEvent.objects.create(record=record, event_type=ArchiveEvent.Type.FIXITY_CHECK,
                                outcome=ArchiveEvent.Outcome.SUCCESS)
    assert is_record_public(record) and record_hidden_reasons(record) == []
    services.review_withdraw(review=record.signoff.review, actor=rv.inheritor_user, reason="家属要求下架")
    assert record_hidden_reasons(record) == ["签署已撤回。"]


def test_a_public_record_names_its_technique_and_where_the_gallery_shows_it(archived_record, rv, client):
    """A script holding only a record's id finds the public page and the IIIF manifest that show it (found by a script
    client walking the API: the record named neither its technique nor a gallery address); none once withdrawn."""
    from review import services

    record = archived_record()
    body = client.get(f"/api/v1/archive-records/{record.pk}").json()
    assert body["technique"] == rv.technique.slug
    assert body["page_url"] == f"http://testserver/techniques/{rv.technique.slug}/"
    assert body["manifest_url"] == f"http://testserver/techniques/{rv.technique.slug}/manifest.json"
    manifest = client.get(body["manifest_url"].removeprefix("http://testserver"))
    assert manifest.status_code == 200 and record.attribution in manifest.content.decode()
    services.review_withdraw(review=record.signoff.review, actor=rv.inheritor_user, reason="家属要求下架")
    client.force_login(rv.curator)  # staff still read it; it is shown nowhere
    body = client.get(f"/api/v1/archive-records/{record.pk}").json()
    assert (body["public"], body["page_url"], body["manifest_url"]) == (False, None, None)
