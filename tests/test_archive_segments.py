"""services.segments_check against a brute-force definition, and transcript_save keeping ids."""
import pytest
from hypothesis import given, settings as hsettings, strategies as st

from archive.services import SegmentInput, segments_check, transcript_save

segments = st.lists(st.tuples(st.integers(0, 60_000), st.integers(-2_000, 10_000), st.sampled_from(["嗯", "", " ", "斜一点"])),
                    max_size=12)


@hsettings(max_examples=300, deadline=None)
@given(segments)
def test_check_matches_brute_force(parts):
    segs = [SegmentInput(start_ms=s, end_ms=s + d, text=t) for s, d, t in parts]
    problems = segments_check(segments=segs)
    timed = [x for x in segs if x.end_ms > x.start_ms]
    overlapping = any(a.start_ms < b.end_ms and b.start_ms < a.end_ms
                      for i, a in enumerate(timed) for b in timed[i + 1:])
    bad_times = any(x.end_ms <= x.start_ms for x in segs)
    empty = any(not x.text.strip() for x in segs)
    assert bool(problems) == (overlapping or bad_times or empty)
    assert all(0 <= i < len(segs) for i, _m in problems)


@pytest.mark.django_db
def test_save_keeps_ids_and_deletes_unlisted(recording):
    first, second = recording.segments.order_by("start_ms")
    saved = transcript_save(recording=recording, segments=[
        SegmentInput(id=second.pk, start_ms=0, end_ms=3000, text="换到前面"),
        SegmentInput(start_ms=3000, end_ms=6000, text="新的一句"),
    ])
    assert saved[0].pk == second.pk
    assert not recording.segments.filter(pk=first.pk).exists()
    assert list(recording.segments.order_by("start_ms").values_list("text", flat=True)) == ["换到前面", "新的一句"]


def test_long_transcript_is_paginated_on_the_recording_page(curator_client, recording):
    from archive.curator_views import TRANSCRIPT_PAGE_SIZE
    from archive.models import TranscriptSegment

    recording.segments.all().delete()
    n = TRANSCRIPT_PAGE_SIZE * 2 + 5
    TranscriptSegment.objects.bulk_create([
        TranscriptSegment(recording=recording, start_ms=i * 1000, end_ms=i * 1000 + 900, speaker="甲", text=f"第{i}句")
        for i in range(n)])
    first = curator_client.get(f"/curator/recordings/{recording.pk}/").content.decode()
    assert first.count("data-segment ") == TRANSCRIPT_PAGE_SIZE and "第0句" in first and f"第{n - 1}句" not in first
    assert "第 1 / 3 页" in first
    last = curator_client.get(f"/curator/recordings/{recording.pk}/?page=3").content.decode()
    assert last.count("data-segment ") == 5 and f"第{n - 1}句" in last
    assert curator_client.get(f"/curator/recordings/{recording.pk}/?page=x").status_code == 200
