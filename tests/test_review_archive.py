"""Archive records after sign-off: fixity finds a tampered file, the BagIt bag validates and imports
back, the C2PA manifest reads back from the archived MP4."""
import json
from pathlib import Path

import bagit
import pytest
from django.core import mail
from django.core.files.base import ContentFile

from records.models import ArchiveEvent
from records import bags, credentials, fixity
from review.models import Notification
from tests.review_fixtures import *  # noqa: F401,F403


def test_fixity_passes_then_finds_a_tampered_file(rv, archived_record, django_capture_on_commit_callbacks):
    record = archived_record()
    result = fixity.fixity_check_all()
    assert result.ok and result.checked_records == 1 and result.checked_files == record.files.count()
    assert record.events.filter(event_type="fixity check", outcome="success").count() == 1

    # someone alters the stored video in place (same name, different bytes)
    f = record.file("video")
    storage, name = f.file.storage, f.file.name
    data = bytearray(storage.open(name, "rb").read())
    data[len(data) // 2] ^= 0xFF
    storage.delete(name)
    storage.save(name, ContentFile(bytes(data)))

    with django_capture_on_commit_callbacks(execute=True):
        result = fixity.fixity_check_all()
    assert not result.ok
    assert list(result.failures[0]["files"]) == ["video"]
    failed = record.events.get(event_type="fixity check", outcome="failure")
    assert failed.data["video"]["expected"] == f.sha256 and failed.data["video"]["actual"] != f.sha256
    assert failed.data["original"]["ok"] is True
    assert Notification.objects.filter(user=rv.curator, verb="fixity_failure").exists()
    assert any("curator@example.org" in m.to and "固定性" in m.subject for m in mail.outbox)


def test_fixity_failure_takes_the_record_offline_and_alerts_admins_once_per_incident(rv, archived_record, client):
    from records.selectors import is_record_public

    record = archived_record()
    url = f"/public-media/records/{record.pk}/video"
    assert is_record_public(record) and client.get(url).status_code == 200
    f = record.file("video")
    storage, name = f.file.storage, f.file.name
    good = storage.open(name, "rb").read()
    storage.delete(name)
    storage.save(name, ContentFile(good[:-10] + b"tampered!!"))

    def alerts():
        return Notification.objects.filter(verb="fixity_failure").values_list("user__username", flat=True)

    fixity.fixity_check_all()
    assert not is_record_public(record) and client.get(url).status_code == 404
    assert sorted(alerts()) == sorted(["admin1", "curator1"])
    fixity.fixity_check_all()  # the same incident: no second alert
    fixity.fixity_check_all()
    assert alerts().count() == 2
    # The file is restored: the next check passes and the record is back; a new failure is a new incident.
    storage.delete(name)
    storage.save(name, ContentFile(good))
    fixity.fixity_check_all()
    assert is_record_public(record) and client.get(url).status_code == 200
    storage.delete(name)
    fixity.fixity_check_all()
    assert not is_record_public(record) and alerts().count() == 4


def test_fixity_reports_a_missing_file(rv, archived_record):
    record = archived_record()
    f = record.file("poster") or record.file("original")
    f.file.storage.delete(f.file.name)
    result = fixity.fixity_check_all()
    assert not result.ok and f.role in result.failures[0]["files"]


def test_fixity_task_is_scheduled_by_celery_beat(settings):
    from django.conf import settings as s

    schedule = getattr(s, "CELERY_BEAT_SCHEDULE", {})
    assert any(v.get("task") == "records.tasks.fixity_check_all" for v in schedule.values()), schedule


def test_exported_bag_validates_and_round_trips(rv, archived_record, tmp_path):
    record = archived_record()
    path = bags.bag_export(record, dest_dir=tmp_path / "bags")
    bag = bagit.Bag(str(path))
    bag.validate()  # raises on any problem
    assert set(bag.algorithms) == {"sha256", "sha512"}
    assert bag.info["Source-Organization"]
    assert bag.info["External-Identifier"] == f"urn:uuid:{record.pk}"
    assert "provenance.json" in set(bag.tagfile_entries()) or (path / "tagmanifest-sha256.txt").read_text().count(
        "provenance.json") == 1
    assert json.loads((path / "provenance.json").read_text(encoding="utf-8")) == record.provenance
    for f in record.files.all():
        entry = [p for p in bag.entries if p.startswith(f"data/{f.role}.")]
        assert len(entry) == 1 and bag.entries[entry[0]]["sha256"] == f.sha256
    assert record.events.filter(event_type="export").exists()

    # import round-trips: the bag reads back to the same record; a damaged stored file is restored
    bagged = bags.bag_read(path)
    assert bagged.id == str(record.pk) and bagged.provenance == record.provenance
    assert bagged.record == bags.record_as_json(record)
    f = record.file("original")
    f.file.storage.delete(f.file.name)
    f.file.storage.save(f.file.name, ContentFile(b"damaged"))
    result = bags.record_import(path)
    assert result.record == record and result.restored == ["original"]
    assert fixity.fixity_check_all().ok


def test_tampered_bag_fails_validation(rv, archived_record, tmp_path):
    record = archived_record()
    path = bags.bag_export(record, dest_dir=tmp_path / "bags")
    payload = next((path / "data").iterdir())
    payload.write_bytes(payload.read_bytes() + b"x")
    with pytest.raises(bags.BagError):
        bags.bag_read(path)
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(path)).validate()


def test_c2pa_manifest_reads_back_from_the_archived_mp4(rv, archived_record):
    record = archived_record()
    video = record.file("video")
    data = video.file.storage.open(video.file.name, "rb").read()
    got = credentials.read_manifest(data)
    active = got["active"]
    actions = credentials.manifest_assertion(active, "c2pa.actions.v2")["actions"]
    created = [a for a in actions if a["action"] == "c2pa.created"][0]
    assert created["digitalSourceType"] == credentials.IPTC_TRAINED_ALGORITHMIC
    assert created["softwareAgent"]["version"] == "tiny"
    ours = credentials.manifest_assertion(active, "org.heritage.archive")
    assert ours["archive_record"] == str(record.pk)
    assert ours["attribution"] == "基于姚建萍口述重构"
    assert ours["signoff"]["inheritor"] == "姚建萍" and ours["signoff"]["sha256"] == record.clip_sha256
    assert ours["engine"]["checkpoint"] == "tiny-test"
    # the development certificate is not in any trust list; the signature itself is intact
    codes = {s["code"] for s in got["store"].get("validation_status", [])}
    assert codes <= {"signingCredential.untrusted"}
    assert record.events.filter(event_type=ArchiveEvent.Type.DIGITAL_SIGNATURE).exists()
    # the sidecar manifest store is archived and hashed too
    assert record.file("c2pa_manifest").size_bytes > 0


def test_c2pa_production_settings_are_used(rv, settings, tmp_path):
    chain, key = credentials.generate_dev_certificates(tmp_path / "prod")
    settings.HERITAGE_C2PA_CERT_CHAIN = str(chain)
    settings.HERITAGE_C2PA_PRIVATE_KEY = str(key)
    m = credentials.signing_material()
    assert not m.development and m.cert_chain_pem == chain.read_bytes()
    settings.HERITAGE_C2PA_PRIVATE_KEY = ""
    with pytest.raises(credentials.CredentialsError):
        credentials.signing_material()


def test_bag_and_fixity_commands(rv, archived_record, tmp_path):
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    record = archived_record()
    out = io.StringIO()
    call_command("archive_bag", "export", str(record.pk), "--dest", str(tmp_path / "b"), stdout=out)
    path = json.loads(out.getvalue())["bag_path"]
    out = io.StringIO()
    call_command("archive_bag", "validate", path, stdout=out)
    assert json.loads(out.getvalue()) == {"record": str(record.pk), "valid": True, "files": record.files.count()}
    out = io.StringIO()
    call_command("archive_bag", "import", path, stdout=out)
    assert json.loads(out.getvalue())["restored"] == []
    with pytest.raises(CommandError):
        call_command("archive_bag", "export", "not-a-record", stdout=io.StringIO())
    (Path(path) / "bagit.txt").write_text("broken")
    with pytest.raises(CommandError, match="BagIt"):
        call_command("archive_bag", "validate", path, stdout=io.StringIO())

    out = io.StringIO()
    call_command("fixity_check", "--json", stdout=out)
    assert json.loads(out.getvalue())["failures"] == []
    f = record.file("video")
    f.file.storage.delete(f.file.name)
    with pytest.raises(SystemExit) as exc:
        call_command("fixity_check", stdout=io.StringIO())
    assert exc.value.code == 1


def test_record_page_shows_event_details_in_the_readers_language(rv, archived_record, client, tmp_path):
    """The stored PREMIS details stay as written (English); the record page shows them in Chinese, and in
    English when the page is English. Every detail this archive writes (archiving, export, fixity) has a
    translation."""
    from django.urls import reverse
    from django.utils import translation

    record = archived_record()
    bags.bag_export(record, dest_dir=tmp_path / "bags")
    fixity.fixity_check_all()
    events = list(record.events.all())
    assert {"created from signed clip", "published in the gallery"} <= {e.detail for e in events}
    with translation.override("zh-hans"):
        untranslated = [e.detail for e in events if e.detail and e.detail_display() == e.detail
                        and e.event_type not in (ArchiveEvent.Type.SIGNOFF, ArchiveEvent.Type.WITHDRAWAL)]
    assert untranslated == []  # the sign-off's detail is the attribution, a withdrawal's the reason typed
    client.force_login(rv.curator)
    url = reverse("review:record", args=[record.pk])
    body = client.get(url).content.decode()
    assert "由传承人签署的视频创建" in body and "已在展厅公开" in body
    assert "created from signed clip" not in body and "published in the gallery" not in body
    assert ArchiveEvent.objects.filter(record=record, detail="created from signed clip").exists()  # unchanged
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get(url).content.decode()
    assert "created from signed clip" in body and "published in the gallery" in body
    assert "由传承人签署的视频创建" not in body


def test_the_record_names_the_signer_and_the_archivist_as_the_pages_do(rv, archived_record):
    """The sign-off event named the inheritor's account by its login name ("yao"); it names the person as the
    header does (archive.roles.person_name: the inheritor's name, else the full name, else the login)."""
    rv.curator.first_name, rv.curator.last_name = "Wen", "Li"
    rv.curator.save()
    record = archived_record()
    signer = record.events.get(event_type=ArchiveEvent.Type.SIGNOFF).agents[0]
    assert signer["name"] == "姚建萍" and signer["id"] == f"user:{rv.inheritor_user.pk}"
    names = [a["name"] for e in record.events.all() for a in e.agents if a.get("role") == "archivist"]
    assert names and set(names) == {"Wen Li"}


def test_record_page_shows_agent_roles_in_the_readers_language(rv, archived_record, client, tmp_path):
    """walk11/api6: the event history showed agents' roles as their stored English codes (「(archivist)」) on a
    Chinese page; it shows ``AgentRole``'s label, and every role this archive writes has one."""
    from django.urls import reverse

    from records.models import AgentRole

    record = archived_record()
    bags.bag_export(record, dest_dir=tmp_path / "bags", actor=rv.curator)
    fixity.fixity_check_all()
    roles = {a["role"] for e in record.events.all() for a in e.agents}
    assert roles and roles <= set(AgentRole.values), roles - set(AgentRole.values)
    client.force_login(rv.curator)
    url = reverse("review:record", args=[record.pk])
    body = client.get(url).content.decode()
    assert "(档案管理员)" in body and "(归档系统)" in body and "(archivist)" not in body
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "(archivist)" in client.get(url).content.decode()


def test_an_export_shows_a_download_never_the_servers_bag_path(rv, archived_record, client, settings, tmp_path):
    """walk14: exporting said 「已导出 BagIt 包:/srv/…/var/bags/<id>」 and the record's PREMIS table showed
    「BagIt 包 /srv/…」: the server's folders, to a curator who cannot reach them. The message and the event
    say what was done, and the page offers the bag as a download (a zip named by the record); an export
    stored before shows no path either."""
    import io
    import zipfile

    from django.urls import reverse

    settings.HERITAGE_BAG_DIR = tmp_path / "server-only-bags"
    record = archived_record()
    client.force_login(rv.curator)
    url = reverse("review:record", args=[record.pk])
    body = client.post(reverse("review:record_export", args=[record.pk]), follow=True).content.decode()
    assert "server-only-bags" not in body and str(tmp_path) not in body
    assert "已导出 BagIt 包" in body
    download = reverse("review:record_bag", args=[record.pk])
    assert f'href="{download}"' in body
    response = client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert f'heritage-bag-{record.pk}.zip' in response["Content-Disposition"]
    names = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()
    assert f"{record.pk}/bagit.txt" in names and f"{record.pk}/record.json" in names
    assert all(not n.startswith("/") and str(tmp_path) not in n for n in names)
    # an export event written before this change named the folder: shown without it
    ArchiveEvent.objects.create(record=record, event_type=ArchiveEvent.Type.EXPORT,
                                detail=f"BagIt bag {tmp_path}/legacy/{record.pk}", agents=[])
    assert str(tmp_path) not in client.get(url).content.decode()
    # the public and a reviewer get no bag
    client.force_login(rv.reviewer)
    assert client.get(download).status_code == 403


def test_no_bag_to_download_before_an_export_is_a_404(rv, archived_record, client, settings, tmp_path):
    from django.urls import reverse

    settings.HERITAGE_BAG_DIR = tmp_path / "bags"
    record = archived_record()
    client.force_login(rv.curator)
    assert client.get(reverse("review:record_bag", args=[record.pk])).status_code == 404
    assert "bag.zip" not in client.get(reverse("review:record", args=[record.pk])).content.decode()
