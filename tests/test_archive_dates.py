"""Dates of what has happened are not in the future (an interview recorded in 2099, a consent given next year, a
birth year after this year): refused on the field with a message, nothing saved (archive.validators)."""
import datetime as dt

import pytest
from django.utils import timezone

from archive.models import Inheritor, Recording

pytestmark = pytest.mark.django_db


def recording_data(craft, **changes):
    data = {"craft": craft.pk, "technique": "", "title": "口述", "speaker": "", "speaker_name": "沈秀芬",
            "interviewer": "李文静", "recorded_on": "2023-05-16", "place": "苏州", "consent_scope": "generation",
            "consent_date": "2023-05-16", "media_reference": "X-1", "language": "普通话", "notes": ""}
    data.update(changes)
    return data


@pytest.mark.parametrize("field", ["recorded_on", "consent_date"])
def test_a_recording_dated_in_the_future_is_refused(curator_client, craft, field):
    later = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    r = curator_client.post("/curator/recordings/new/", recording_data(craft, **{field: later}))
    assert r.status_code == 400 and f"日期 {later} 晚于今天" in r.content.decode()
    assert not Recording.objects.exists()
    r = curator_client.post("/curator/recordings/new/", recording_data(craft, recorded_on="2099-01-01",
                                                                       consent_date="2099-01-01"))
    assert r.status_code == 400 and "日期 2099-01-01 晚于今天" in r.content.decode()
    today = timezone.localdate().isoformat()
    assert curator_client.post("/curator/recordings/new/", recording_data(craft, **{field: today})).status_code == 302


def test_footage_filmed_in_the_future_is_refused(curator_client, technique):
    data = {"technique": technique.pk, "step": "", "title": "影像", "reference": "ref-1",
            "recorded_on": (timezone.localdate() + dt.timedelta(days=1)).isoformat(), "credit": "来源", "rights": ""}
    r = curator_client.post("/curator/footage/new/", data)
    assert r.status_code == 400 and "晚于今天" in r.content.decode()


def test_a_birth_year_after_this_year_is_refused(curator_client, craft):
    data = {"craft": craft.pk, "name": "王", "level": "national", "status": "alive", "able_to_sign": "on",
            "birth_year": str(timezone.localdate().year + 1), "biography": ""}
    r = curator_client.post("/curator/inheritors/new/", data)
    assert r.status_code == 400 and f"出生年份应在 1850 到 {timezone.localdate().year} 之间" in r.content.decode()
    assert not Inheritor.objects.exists()
