"""Transcript files with bytes a careless export leaves in them: NUL and other control characters (a UTF-16
file read as UTF-8 is full of NULs; PostgreSQL cannot store NUL at all), time codes the plain-text format
matches but cannot read (minute 99), old Mac line ends. Each is refused with a message naming the line, or
read as written, never a 500; the saved transcript stays as it was. Time codes typed with a Chinese input method
(full-width digits and colon) are read alike by the .txt import and the segment editor (heritage.timecode)."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.archive_fixtures import segments_of

pytestmark = pytest.mark.django_db

VTT_CUE = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"


def import_file(client, recording, name, content):
    return client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                       {"file": SimpleUploadedFile(name, content), "mode": "replace", "confirm_replace": "on"})


@pytest.mark.parametrize("name, content, message", [
    ("nul.txt", "针要斜一点\n大概\x00三十度\n".encode(), "第 2 行含有控制字符 U+0000"),
    ("nul.vtt", (VTT_CUE + "一\x00二\n").encode(), "第 4 行含有控制字符 U+0000"),
    ("bell.txt", "针要\x07斜一点\n".encode(), "第 1 行含有控制字符 U+0007"),
    ("esc.vtt", (VTT_CUE + "\x1b[31m红\n").encode(), "第 4 行含有控制字符 U+001B"),
    ("utf16-no-bom.vtt", (VTT_CUE + "abc\n").encode("utf-16-le"), "第 1 行含有控制字符 U+0000"),
    ("cr.txt", "第一句\r第二句\r大概\x00\r".encode(), "第 3 行含有控制字符 U+0000"),
    ("minute99.txt", "[00:99:05.000] 沈秀芬:针要斜一点\n".encode(), "第 1 行:时间戳“00:99:05.000”格式错误"),
], ids=lambda v: v if isinstance(v, str) and v.isascii() else None)
def test_bad_characters_and_times_are_refused_naming_the_line(curator_client, recording, name, content, message):
    before = segments_of(recording)
    r = import_file(curator_client, recording, name, content)
    assert r.status_code == 400
    body = r.content.decode()
    assert message in body and "导入失败,现有转写没有改动" in body
    assert segments_of(recording) == before


def test_api_refuses_control_characters_with_the_line(client, curator, recording):
    from rest_framework.authtoken.models import Token

    before = segments_of(recording)
    token, _ = Token.objects.get_or_create(user=curator)
    r = client.post(f"/api/v1/recordings/{recording.pk}/transcript", {"text": "一\n二\x0b三"},
                    content_type="application/json", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert r.status_code == 400
    assert r.json()["code"] == "invalid" and "第 2 行含有控制字符 U+000B" in r.json()["detail"]
    assert segments_of(recording) == before


def test_a_big_file_with_nul_is_refused_before_a_job_row_is_made(curator_client, recording, settings):
    from archive.models import TranscriptImportJob

    settings.HERITAGE_TRANSCRIPT_INLINE_KB = 1
    body = ("针要斜一点。\n" * 300 + "\x00\n").encode()
    r = import_file(curator_client, recording, "big.txt", body)
    assert r.status_code == 400 and "第 301 行含有控制字符 U+0000" in r.content.decode()
    assert not TranscriptImportJob.objects.exists()


def test_old_mac_line_ends_are_line_ends_in_a_plain_text_file(curator_client, recording):
    r = import_file(curator_client, recording, "mac.txt", "第一句\r\n第二句\r第三句\n第四句".encode())
    assert r.status_code == 302
    assert [t for _s, _e, t in segments_of(recording)] == ["第一句", "第二句", "第三句", "第四句"]


def test_tabs_and_traditional_characters_and_a_utf8_bom_are_fine(curator_client, recording):
    r = import_file(curator_client, recording, "ok.vtt", ("\ufeff" + VTT_CUE + "針要斜一點,\t大概三十度。\n").encode())
    assert r.status_code == 302
    assert segments_of(recording) == [(1000, 2000, "針要斜一點,\t大概三十度。")]


def test_the_refusal_is_in_english_in_the_english_ui(curator_client, recording):
    curator_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    r = import_file(curator_client, recording, "nul.txt", "一\n二\x00\n".encode())
    assert r.status_code == 400
    assert "Line 2 contains the control character U+0000" in r.content.decode()


FULL_WIDTH = [("[００:００:０５.０００]", 5000), ("[００：００：１０．０００]", 10000), ("［００：００：１５.０００］", 15000)]


def test_full_width_time_codes_are_read_by_the_plain_text_import(curator_client, recording):
    """A Chinese input method types full-width digits, colon, full stop and brackets: the time code is read as
    ASCII (NFKC of the time code only); the words after it keep their full-width punctuation."""
    lines = "".join(f"{code} 沈秀芬:第{n}句,针要斜一点。\n" for n, (code, _ms) in enumerate(FULL_WIDTH, start=1))
    r = import_file(curator_client, recording, "fullwidth.txt", ("[笑声]\n" + lines).encode())
    assert r.status_code == 302, r.content.decode()[-2000:]
    got = list(recording.segments.order_by("start_ms").values_list("start_ms", "end_ms", "speaker", "text"))
    assert got == [(0, 5000, "", "[笑声]"), (5000, 10000, "沈秀芬", "第1句,针要斜一点。"),
                   (10000, 15000, "沈秀芬", "第2句,针要斜一点。"), (15000, 20000, "沈秀芬", "第3句,针要斜一点。")]


def test_full_width_time_codes_are_read_by_the_segment_editor_the_same_way(curator_client, recording):
    from tests.test_archive_transcript import editor_post

    rows = [{"id": "", "start": "００：００：０５．０００", "end": "0：09.5", "speaker": "", "text": "针要斜一点"},
            {"id": "", "start": "００:００:１０.０００", "end": "１２", "speaker": "", "text": "再斜一点"}]
    ids = list(recording.segments.values_list("pk", flat=True))
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/",
                            editor_post(rows, initial=0, page_ids=ids))
    assert r.status_code == 302, r.content.decode()[-3000:]
    assert segments_of(recording) == [(5000, 9500, "针要斜一点"), (10000, 12000, "再斜一点")]


def test_one_time_code_rule_for_every_parser():
    from heritage.timecode import TimecodeError, parse_bracketed, parse_timecode, parse_vtt_timestamp

    for code, ms in FULL_WIDTH:
        assert parse_bracketed(code + " 文本,照原样") == (ms, "文本,照原样")
        assert parse_vtt_timestamp(code.strip("[]［］")) == ms == parse_timecode(code.strip("[]［］"))
    assert parse_bracketed("[笑声] 嗯") is None and parse_bracketed("[1:2] 嗯") is None
    with pytest.raises(TimecodeError):
        parse_bracketed("[00:99:05.000] 嗯")  # the shape of a time code that cannot be read
    for other_digits in ("٠٠:٠٥", "०५", "0٥:00.000"):  # Arabic-Indic, Devanagari: not what NFKC folds; refused
        with pytest.raises(TimecodeError):
            parse_timecode(other_digits)
        with pytest.raises(TimecodeError):
            parse_vtt_timestamp(other_digits)
