"""Transcript import: a speaker written in front of the words (「金文华:」) goes into the speaker field,
and cues that run past the end of the recording are refused with a clear message, changing nothing."""
import io
import wave

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.services import recording_duration_ms, split_speaker
from tests.archive_fixtures import segments_of

pytestmark = pytest.mark.django_db


def silent_wav(seconds: float) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(8000)
        w.writeframes(b"\0\0" * int(8000 * seconds))
    return buf.getvalue()


@pytest.fixture
def short_recording(recording):
    """The fixture recording with a 3-second audio file and its transcript inside those 3 s."""
    recording.media.save("three.wav", ContentFile(silent_wav(3.0)), save=True)
    recording.segments.all().delete()
    recording.segments.create(start_ms=0, end_ms=2500, speaker="沈秀芬", text="针要斜一点。")
    return recording


def upload(name, text):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


@pytest.mark.parametrize("text, expected", [
    ("金文华:针要斜着进", ("金文华", "针要斜着进")),
    ("金文华: 针要斜着进", ("金文华", "针要斜着进")),
    ("针要斜着进,大概三十度", ("", "针要斜着进,大概三十度")),
    ("温度 1600:这样", ("", "温度 1600:这样")),
])
def test_split_speaker(text, expected):
    assert split_speaker(text) == expected


def test_vtt_speaker_prefix_goes_into_the_speaker_field(curator_client, recording):
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n金文华:针要斜着进。\n\n00:00:03.000 --> 00:00:04.000\n<v 采访人>为什么?\n"
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                            {"mode": "replace", "confirm_replace": "on", "file": upload("a.vtt", vtt)})
    assert r.status_code == 302
    rows = list(recording.segments.order_by("start_ms").values_list("speaker", "text"))
    assert rows == [("金文华", "针要斜着进。"), ("采访人", "为什么?")]


def test_untimed_text_lines_keep_their_speaker(curator_client, recording):
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                            {"mode": "replace", "confirm_replace": "on", "file": upload("a.txt", "金文华:先把铜胎洗净。\n")})
    assert r.status_code == 302
    assert list(recording.segments.values_list("speaker", "text")) == [("金文华", "先把铜胎洗净。")]


def test_duration_is_read_from_the_media_file(short_recording, recording):
    assert 2900 <= recording_duration_ms(short_recording) <= 3100
    assert recording_duration_ms(recording.__class__(title="no media")) is None


@pytest.mark.parametrize("mode", ["replace", "append"])
def test_cues_past_the_recording_end_are_refused(curator_client, short_recording, mode):
    before = segments_of(short_recording)
    vtt = "WEBVTT\n\n00:00:02.600 --> 00:00:27.000\n金文华:一直烧到二十七秒。\n"
    r = curator_client.post(f"/curator/recordings/{short_recording.pk}/transcript/import/",
                            {"mode": mode, "confirm_replace": "on", "file": upload("long.vtt", vtt)})
    body = r.content.decode()
    assert r.status_code == 400
    assert "超出了录音长度" in body and "00:00:27.000" in body and "00:00:03.000" in body
    assert "现有转写没有改动" in body
    assert segments_of(short_recording) == before


def test_cues_inside_the_recording_are_accepted(curator_client, short_recording):
    vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:02.900\n金文华:三秒以内。\n"
    r = curator_client.post(f"/curator/recordings/{short_recording.pk}/transcript/import/",
                            {"mode": "replace", "confirm_replace": "on", "file": upload("ok.vtt", vtt)})
    assert r.status_code == 302
    assert segments_of(short_recording) == [(0, 2900, "三秒以内。")]
