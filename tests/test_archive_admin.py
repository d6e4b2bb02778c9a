"""Admin registrations for every archive model, with steps and segments inline."""
import pytest
from django.contrib import admin

from archive.models import Craft, Footage, Inheritor, Recording, Technique, TechniqueStep, TranscriptSegment

pytestmark = pytest.mark.django_db


def test_every_model_registered():
    for model in (Craft, Inheritor, Technique, TechniqueStep, Recording, TranscriptSegment, Footage):
        assert admin.site.is_registered(model), model


def test_admin_pages(client, django_user_model, technique, recording):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "pw"))
    for model in ("craft", "inheritor", "technique", "techniquestep", "recording", "transcriptsegment", "footage"):
        assert client.get(f"/admin/archive/{model}/?q=苏").status_code == 200, model
        assert client.get(f"/admin/archive/{model}/add/").status_code == 200, model
    body = client.get(f"/admin/archive/technique/{technique.pk}/change/").content.decode()
    assert "劈丝" in body and "起针" in body  # steps inline
    body = client.get(f"/admin/archive/recording/{recording.pk}/change/").content.decode()
    assert "针要斜一点" in body  # segments inline
    assert f"/curator/recordings/{recording.pk}/transcript/" in body  # times are edited in the segment editor
