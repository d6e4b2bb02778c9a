"""Fixtures for the archive's curator-side tests (tests/test_archive_*.py)."""
import datetime as dt

import pytest


@pytest.fixture
def reviewer_client(client, make_user):
    client.force_login(make_user("rev", "reviewer"))
    return client


@pytest.fixture
def technique(craft):
    from archive.models import Technique, TechniqueStep

    t = Technique.objects.create(craft=craft, name="正抢针法", slug="suxiu-zhengqiang")
    for order, title in enumerate(["劈丝", "起针", "收针"], start=1):
        TechniqueStep.objects.create(technique=t, order=order, title=title, description=f"{title}的动作描述",
                                     parameters={"spacing_mm": order})
    return t


@pytest.fixture
def recording(craft):
    from archive.models import Recording, TranscriptSegment

    r = Recording.objects.create(
        craft=craft, title="正抢针口述", speaker_name="沈秀芬", interviewer="李文静", recorded_on=dt.date(2023, 5, 16),
        place="苏州", consent_scope="generation", consent_date=dt.date(2023, 5, 16), media_reference="DEMO-1",
    )
    TranscriptSegment.objects.create(recording=r, start_ms=0, end_ms=4000, speaker="沈秀芬", text="嗯,正抢啊,就是说一批一批地往前抢。")
    TranscriptSegment.objects.create(recording=r, start_ms=5000, end_ms=9000, speaker="沈秀芬", text="针要斜一点,大概三十度。")
    return r


def segments_of(recording):
    return list(recording.segments.order_by("start_ms").values_list("start_ms", "end_ms", "text"))
