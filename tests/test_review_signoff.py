"""Every way around the inheritor's sign-off fails: refused, audited, nothing half-written."""
import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction

from records.models import ArchiveEvent, ArchiveFile, ArchiveRecord, ImmutableRecordError
from review import services
from review.models import AuditEntry, Review, SignOff
from tests.review_fixtures import *  # noqa: F401,F403


def _in_review(rv, make_clip, **kw):
    review = services.review_open(clip=make_clip(**kw), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    return review


def _refused(action, code=None):
    qs = AuditEntry.objects.filter(action=action, outcome="refused")
    if code:
        qs = qs.filter(details__code=code)
    return qs.exists()


def _nothing_archived():
    return not ArchiveRecord.objects.exists() and not ArchiveFile.objects.exists() and not ArchiveEvent.objects.exists()


def test_curator_cannot_archive_without_signoff(rv, make_clip):
    review = _in_review(rv, make_clip)
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_archive(review=review, actor=rv.curator)
    assert exc.value.code == "wrong_state"
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW
    assert _refused("archive", "wrong_state") and _nothing_archived()


def test_curator_cannot_archive_a_forced_approved_state_without_signature(rv, make_clip):
    """Even if the state were forced to approved behind the workflow's back, no signature → no archive."""
    review = _in_review(rv, make_clip)
    Review.objects.filter(pk=review.pk).update(state=Review.State.APPROVED)
    review.refresh_from_db()
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_archive(review=review, actor=rv.curator)
    assert exc.value.code == "not_signed"
    assert _refused("archive", "not_signed") and _nothing_archived()


@pytest.mark.parametrize("who", ["reviewer", "curator", "admin", "public", "other_inheritor"])
def test_only_the_crafts_inheritor_or_proxy_can_sign(rv, make_clip, who):
    review = _in_review(rv, make_clip)
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_sign(review=review, actor=rv.roles[who], sha256=review.submitted_sha256,
                             attribution=review.attribution)
    assert exc.value.code == "not_signer" and exc.value.status == 403
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW
    assert not SignOff.objects.exists()
    entry = AuditEntry.objects.get(action="sign", outcome="refused")
    assert entry.actor == rv.roles[who] and entry.review == review


def test_inheritor_signs_own_craft_but_not_another(rv, make_clip):
    """张同禄 (景泰蓝) is refused on a 苏绣 clip and can sign a 景泰蓝 clip."""
    import datetime as dt

    from archive.models import Recording

    review = _in_review(rv, make_clip)
    with pytest.raises(services.TransitionRefused):
        services.review_sign(review=review, actor=rv.other_inheritor_user, sha256=review.submitted_sha256,
                             attribution=review.attribution)
    rec = Recording.objects.create(
        craft=rv.other_craft, technique=rv.other_technique, title="掐丝口述", speaker=rv.other_inheritor,
        speaker_name="张同禄", interviewer="研究员", recorded_on=dt.date(2022, 1, 1), place="北京",
        consent_scope="generation", consent_date=dt.date(2022, 1, 1),
    )
    own = _in_review(rv, make_clip, technique=rv.other_technique, variant="b", recording=rec)
    assert own.attribution == "基于张同禄口述重构"
    with pytest.raises(services.TransitionRefused):
        services.review_sign(review=own, actor=rv.inheritor_user, sha256=own.submitted_sha256,
                             attribution=own.attribution)
    so = services.review_sign(review=own, actor=rv.other_inheritor_user, sha256=own.submitted_sha256,
                              attribution=own.attribution)
    assert so.inheritor == rv.other_inheritor


def test_file_changed_after_review_cannot_be_signed(rv, make_clip):
    review = _in_review(rv, make_clip)
    clip = review.clip
    # the stored file is replaced after submission (same name, different bytes)
    storage, name = clip.file.storage, clip.file.name
    storage.delete(name)
    storage.save(name, ContentFile(tiny_mp4("b")))  # noqa: F405
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                             attribution=review.attribution)
    assert exc.value.code == "sha256_mismatch"
    assert not SignOff.objects.exists() and _refused("sign", "sha256_mismatch")
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW


def test_signature_for_a_stale_screen_is_refused(rv, make_clip):
    """The sign-off binds what the signer saw: another sha256 or attribution text is refused."""
    review = _in_review(rv, make_clip)
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_sign(review=review, actor=rv.inheritor_user, sha256="0" * 64, attribution=review.attribution)
    assert exc.value.code == "sha256_mismatch"
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                             attribution="基于某人口述重构")
    assert exc.value.code == "attribution_mismatch"
    assert not SignOff.objects.exists()


def test_file_changed_after_signing_cannot_be_archived(rv, signed_review):
    review = signed_review()
    storage, name = review.clip.file.storage, review.clip.file.name
    storage.delete(name)
    storage.save(name, ContentFile(tiny_mp4("c")))  # noqa: F405
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_archive(review=review, actor=rv.curator)
    assert exc.value.code == "sha256_mismatch"
    assert _nothing_archived() and _refused("archive", "sha256_mismatch")


def test_clip_without_oral_history_source_cannot_be_submitted(rv, make_clip):
    review = services.review_open(clip=make_clip(recording=None, technique=rv.other_technique), actor=rv.curator)
    assert review.attribution == ""
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_submit(review=review, actor=rv.curator)
    assert exc.value.code == "no_attribution"
    assert _refused("submit", "no_attribution")


def test_archiving_without_attribution_is_refused(rv, signed_review):
    review = signed_review()
    # the attribution was lost after signing (e.g. edited in the admin): no archive
    Review.objects.filter(pk=review.pk).update(attribution="")
    SignOff.objects.filter(review=review).update(attribution="")
    review.refresh_from_db()
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_archive(review=review, actor=rv.curator)
    assert exc.value.code == "no_attribution"
    assert _nothing_archived() and _refused("archive", "no_attribution")
    review.refresh_from_db()
    assert review.state == Review.State.APPROVED


def test_archiving_with_changed_attribution_is_refused(rv, signed_review):
    review = signed_review()
    Review.objects.filter(pk=review.pk).update(attribution="基于他人口述重构")
    review.refresh_from_db()
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_archive(review=review, actor=rv.curator)
    assert exc.value.code == "no_attribution" and _nothing_archived()


@pytest.mark.parametrize("who", ["reviewer", "inheritor", "proxy", "public"])
def test_only_curators_archive(rv, signed_review, who):
    review = signed_review()
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_archive(review=review, actor=rv.roles[who])
    assert exc.value.status == 403 and _nothing_archived()


def test_failure_while_writing_files_leaves_nothing(rv, signed_review, settings, monkeypatch):
    """A failure in the middle of archiving (here: C2PA signing) rolls everything back and removes files."""
    from django.core.files.storage import default_storage

    from records import credentials

    review = signed_review()

    def archive_files():
        if not default_storage.exists("archive"):
            return set()
        dirs, _ = default_storage.listdir("archive")
        return {f"{d}/{f}" for d in dirs for f in default_storage.listdir(f"archive/{d}")[1]}

    before = archive_files()

    def boom(*a, **k):
        raise credentials.CredentialsError("证书不可用")

    monkeypatch.setattr(credentials, "embed_manifest", boom)
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_archive(review=review, actor=rv.curator)
    assert exc.value.code == "archive_failed"
    assert _nothing_archived()
    assert archive_files() == before  # no stored file left behind
    review.refresh_from_db()
    assert review.state == Review.State.APPROVED


# --- immutability -----------------------------------------------------------------------------------

def test_archive_record_cannot_be_changed_through_the_orm(rv, archived_record, caplog):
    record = archived_record()
    caplog.set_level("WARNING", logger="heritage.audit")
    record.attribution = "基于别人口述重构"
    with pytest.raises(ImmutableRecordError):
        record.save()
    with pytest.raises(ImmutableRecordError):
        record.delete()
    with pytest.raises(ImmutableRecordError):
        ArchiveRecord.objects.filter(pk=record.pk).update(attribution="x")
    with pytest.raises(ImmutableRecordError):
        ArchiveRecord.objects.filter(pk=record.pk).delete()
    f = record.files.first()
    f.sha256 = "0" * 64
    with pytest.raises(ImmutableRecordError):
        f.save()
    with pytest.raises(ImmutableRecordError):
        ArchiveFile.objects.filter(record=record).update(sha256="0" * 64)
    with pytest.raises(ImmutableRecordError):
        ArchiveEvent.objects.filter(record=record).delete()
    fresh = ArchiveRecord.objects.get(pk=record.pk)
    assert fresh.attribution == "基于姚建萍口述重构"
    refused = [r.getMessage() for r in caplog.records if r.name == "heritage.audit"]
    assert len(refused) == 7 and f"refused update of ArchiveRecord {record.pk}" in refused[0]


def test_archive_record_cannot_be_changed_through_raw_sql(rv, archived_record):
    """On PostgreSQL the trigger refuses UPDATE and DELETE from any client."""
    if connection.vendor != "postgresql":
        pytest.skip("the immutability trigger exists on PostgreSQL only (SQLite: Python guards only)")
    from django.db import DatabaseError

    record = archived_record()
    for sql, params in [
        ("UPDATE archive_archiverecord SET attribution = %s WHERE id = %s", ["篡改", record.pk]),
        ("DELETE FROM archive_archiverecord WHERE id = %s", [record.pk]),
        ("UPDATE archive_archivefile SET sha256 = %s WHERE record_id = %s", ["0" * 64, record.pk]),
        ("DELETE FROM archive_archivefile WHERE record_id = %s", [record.pk]),
        ("DELETE FROM archive_archiveevent WHERE record_id = %s", [record.pk]),
    ]:
        with pytest.raises(DatabaseError) as exc:
            with transaction.atomic(), connection.cursor() as cur:
                cur.execute(sql, params)
        assert "immutable" in str(exc.value)
    fresh = ArchiveRecord.objects.get(pk=record.pk)
    assert fresh.attribution == "基于姚建萍口述重构"
    assert fresh.files.count() == record.files.count() and fresh.events.exists()


def test_rendition_changed_after_signing_cannot_be_archived(rv, signed_review):
    """The sign-off also binds every public file's sha256: a delivery video re-made after signing
    (here: another post-processing run) is refused at archiving."""
    import hashlib

    from generation.postprocess.models import MediaJob, Rendition

    review = signed_review()
    data = tiny_mp4("c")  # noqa: F405
    mj = MediaJob.objects.create(clip=review.clip, status=MediaJob.Status.SUCCEEDED)
    from django.utils import timezone
    MediaJob.objects.filter(pk=mj.pk).update(finished_at=timezone.now())
    r = Rendition(clip=review.clip, media_job=mj, kind="delivery", sha256=hashlib.sha256(data).hexdigest(),
                  size_bytes=len(data))
    r.file.save("delivery-after-signing.mp4", ContentFile(data), save=False)
    r.save()
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_archive(review=review, actor=rv.curator)
    assert exc.value.code == "archive_failed" and "签署后" in exc.value.message
    assert _nothing_archived()
