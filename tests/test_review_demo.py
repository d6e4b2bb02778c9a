"""`manage.py heritage_demo --json` runs the whole chain on the demo data (tiny engine: noise video)."""
import io
import json

import bagit
import pytest
from django.core.management import call_command

from tests.review_fixtures import restore_role_groups  # noqa: F401


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_heritage_demo_runs_the_whole_chain(tmp_path, settings):
    settings.HERITAGE_C2PA_DEV_DIR = str(tmp_path / "c2pa")
    out = io.StringIO()
    call_command("heritage_demo", "--json", "--bag-dir", str(tmp_path / "bags"), stdout=out)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    assert len(lines) == 1
    data = json.loads(lines[0])
    for key in ("archive_record", "clip_sha256", "bag_path", "gallery_url"):
        assert data[key]

    from records.models import ArchiveRecord
    from records.selectors import public_records
    from records.credentials import read_manifest

    record = ArchiveRecord.objects.get(pk=data["archive_record"])
    assert record.clip_sha256 == data["clip_sha256"] == record.clip.sha256
    assert record in public_records()
    assert record.attribution.startswith("基于") and record.attribution.endswith("口述重构")
    assert {"original", "video", "c2pa_manifest"} <= set(data["files"])
    bagit.Bag(data["bag_path"]).validate()
    video = record.file("video")
    manifest = read_manifest(video.file.storage.open(video.file.name, "rb").read())
    assert manifest["active"]["title"] == record.title
    from urllib.parse import urlparse

    # the technique's page (at the record's step when it has one: gallery.selectors.record_gallery_url)
    assert urlparse(data["gallery_url"]).path == f"/techniques/{record.technique.slug}/"

    # the gallery shows it with its attribution; withdrawing the signature unpublishes it

    from django.test import Client

    from review import services

    page = Client().get(urlparse(data["gallery_url"]).path)
    assert page.status_code == 200 and record.attribution in page.content.decode()
    media = f"/public-media/records/{record.pk}/video"
    assert Client().get(media).status_code == 200
    services.review_withdraw(review=record.clip.review, actor=record.signoff.signed_by, reason="演示撤回")
    assert record not in public_records()
    assert Client().get(media).status_code == 404
