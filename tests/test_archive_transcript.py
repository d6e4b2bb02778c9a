"""Transcript segment editor, WebVTT/plain-text import and export through the views. A bad edit or
a bad file gets a clear message and the saved transcript stays as it was."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import TranscriptSegment
from tests.archive_fixtures import segments_of

pytestmark = pytest.mark.django_db


def editor_post(rows, *, initial, page_ids=None):
    """What the editor page posts: the formset plus the ids of the segments the page showed."""
    if page_ids is None:
        page_ids = [r["id"] for r in rows[:initial] if r.get("id")]
    data = {"seg-TOTAL_FORMS": str(len(rows)), "seg-INITIAL_FORMS": str(initial),
            "seg-MIN_NUM_FORMS": "0", "seg-MAX_NUM_FORMS": "1000", "page_ids": ",".join(map(str, page_ids))}
    for i, row in enumerate(rows):
        for k, v in row.items():
            data[f"seg-{i}-{k}"] = v
    return data


def current_rows(recording):
    return [{"id": s.pk, "start": s.start_ms / 1000, "end": s.end_ms / 1000, "speaker": s.speaker, "text": s.text}
            for s in recording.segments.order_by("start_ms")]


def test_editor_shows_segments_and_player_hooks(curator_client, recording):
    r = curator_client.get(f"/curator/recordings/{recording.pk}/transcript/")
    body = r.content.decode()
    assert "00:00:05.000" in body and "针要斜一点" in body
    assert "data-seek" in body and "curator/transcript.js" in body


def test_editor_edit_add_delete(curator_client, recording):
    rows = current_rows(recording)
    rows[0]["text"] = "嗯,正抢就是一批一批往前抢。"
    rows[1]["DELETE"] = "on"
    rows.append({"id": "", "start": "00:00:10.000", "end": "0:14.5", "speaker": "采访人", "text": "那第一批针从哪里起?"})
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/", editor_post(rows, initial=2))
    assert r.status_code == 302
    assert segments_of(recording) == [(0, 4000, "嗯,正抢就是一批一批往前抢。"), (10000, 14500, "那第一批针从哪里起?")]


def test_editor_swap_times_of_two_segments(curator_client, recording):
    """Moving several segments at once is judged on the whole new transcript, not against old rows."""
    rows = current_rows(recording)
    rows[0]["start"], rows[0]["end"], rows[1]["start"], rows[1]["end"] = 5, 9, 0, 4
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/", editor_post(rows, initial=2))
    assert r.status_code == 302
    assert [t for _s, _e, t in segments_of(recording)][0].startswith("针要斜一点")


def test_editor_end_before_start_keeps_everything(curator_client, recording):
    before = segments_of(recording)
    rows = current_rows(recording)
    rows[0]["text"] = "我改过的第一句"
    rows[1]["start"], rows[1]["end"] = "00:00:09.000", "00:00:06.000"
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/", editor_post(rows, initial=2))
    assert r.status_code == 400
    body = r.content.decode()
    assert "结束时间 00:00:06.000 必须晚于开始时间 00:00:09.000" in body
    assert "我改过的第一句" in body  # the other segment keeps what was typed
    assert segments_of(recording) == before


def test_editor_overlap_marked_on_the_later_segment(curator_client, recording):
    before = segments_of(recording)
    rows = current_rows(recording)
    rows.append({"id": "", "start": "00:00:03.000", "end": "00:00:04.500", "speaker": "", "text": "插进来的一句"})
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/", editor_post(rows, initial=2))
    assert r.status_code == 400
    formset = r.context["formset"]
    assert "与另一片段 00:00:00.000–00:00:04.000 时间重叠" in str(formset.forms[2].errors)
    assert not formset.forms[0].errors and not formset.forms[1].errors
    assert "插进来的一句" in r.content.decode()
    assert segments_of(recording) == before


@pytest.mark.parametrize("start, end, message", [
    ("abc", "00:00:01.000", "格式错误"),
    ("00:00:70.000", "00:01:20.000", "不能超过 59"),
    ("", "00:00:01.000", "该字段是必填项"),
])
def test_editor_bad_times(curator_client, recording, start, end, message):
    before = segments_of(recording)
    rows = current_rows(recording)
    rows[1]["start"], rows[1]["end"] = start, end
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/", editor_post(rows, initial=2))
    assert r.status_code == 400 and message in r.content.decode()
    assert segments_of(recording) == before


def test_editor_empty_and_overlong_text(curator_client, recording):
    before = segments_of(recording)
    rows = current_rows(recording)
    rows[0]["text"] = "   "
    rows[1]["text"] = "字" * 5001
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/", editor_post(rows, initial=2))
    body = r.content.decode()
    assert r.status_code == 400 and "文本不能为空" in body and "最多 5000 个字" in body
    assert segments_of(recording) == before


VTT = """WEBVTT

00:00:20.000 --> 00:00:24.000
<v 沈秀芬>线要拉,但不能拉太紧,不然容易断。

00:00:25.000 --> 00:00:29.000
<v 沈秀芬>颜色一批一批地换。
"""


def upload(name, text, *, encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/vtt")


def test_import_replace_and_append(curator_client, recording):
    url = f"/curator/recordings/{recording.pk}/transcript/import/"
    r = curator_client.post(url, {"mode": "append", "file": upload("a.vtt", VTT)})
    assert r.status_code == 302
    assert len(segments_of(recording)) == 4
    # appending the same file again overlaps: refused, nothing changes
    before = segments_of(recording)
    r = curator_client.post(url, {"mode": "append", "file": upload("a.vtt", VTT)})
    assert r.status_code == 400 and "时间重叠" in r.content.decode() and "现有转写没有改动" in r.content.decode()
    assert segments_of(recording) == before
    r = curator_client.post(url, {"mode": "replace", "confirm_replace": "on", "file": upload("a.vtt", VTT)})
    assert r.status_code == 302
    assert [s for s, _e, _t in segments_of(recording)] == [20000, 25000]
    assert recording.segments.first().speaker == "沈秀芬"


@pytest.mark.parametrize("name, text, message", [
    ("bad.vtt", "WEBVT\n\n00:00:00.000 --> 00:00:01.000\n好\n", "第 1 行"),
    ("bad.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n好\n\n00:00:0x.000 --> 00:00:02.000\n坏\n", "第 6 行"),
    ("bad.vtt", "WEBVTT\n\n00:00:03.000 --> 00:00:01.000\n好\n", "早于或等于开始时间"),
    ("bad.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n好\n\n00:00:02.000 --> 00:00:04.000\n坏\n", "时间重叠"),
    ("bad.vtt", "WEBVTT\n", "没有任何字幕块"),
    ("bad.srt", VTT, "请上传 .vtt 或 .txt"),
])
def test_import_malformed_file_changes_nothing(curator_client, recording, name, text, message):
    before = segments_of(recording)
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                            {"mode": "replace", "confirm_replace": "on", "file": upload(name, text)})
    assert r.status_code == 400
    assert message in r.content.decode()
    assert segments_of(recording) == before


def test_import_not_utf8(curator_client, recording):
    before = segments_of(recording)
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                            {"mode": "replace", "confirm_replace": "on", "file": upload("gbk.vtt", VTT, encoding="gbk")})
    assert r.status_code == 400 and "不是 UTF-8 编码" in r.content.decode()
    assert segments_of(recording) == before


def test_import_plain_text(curator_client, recording):
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                            {"mode": "replace", "confirm_replace": "on", "file": upload("t.txt", "第一句\n\n第二句\n")})
    assert r.status_code == 302
    assert segments_of(recording) == [(0, 5000, "第一句"), (5000, 10000, "第二句")]


def test_export_round_trip(curator_client, recording):
    from heritage.webvtt import parse

    r = curator_client.get(f"/curator/recordings/{recording.pk}/transcript.vtt")
    assert r["Content-Type"].startswith("text/vtt") and "attachment" in r["Content-Disposition"]
    cues = parse(r.content.decode())
    assert [(c.start_ms, c.end_ms, c.text) for c in cues] == segments_of(recording)
    # export → import (replace) gives the same transcript back
    TranscriptSegment.objects.filter(recording=recording).update(text="被改掉的")
    curator_client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                        {"mode": "replace", "confirm_replace": "on", "file": upload("x.vtt", r.content.decode())})
    assert [(c.start_ms, c.end_ms, c.text) for c in cues] == segments_of(recording)
    r = curator_client.get(f"/curator/recordings/{recording.pk}/transcript.txt")
    assert "[00:00:05.000] 沈秀芬:针要斜一点,大概三十度。" in r.content.decode()
    assert curator_client.get(f"/curator/recordings/{recording.pk}/transcript.srt").status_code == 404


def test_reviewer_can_export_but_not_import(reviewer_client, recording):
    assert reviewer_client.get(f"/curator/recordings/{recording.pk}/transcript.vtt").status_code == 200
    r = reviewer_client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                             {"mode": "replace", "confirm_replace": "on", "file": upload("a.vtt", VTT)})
    assert r.status_code == 403


def test_media_range_requests(curator_client, recording, client):
    wav = b"RIFF" + bytes(range(256)) * 40
    recording.media.save("t.wav", SimpleUploadedFile("t.wav", wav), save=True)
    url = f"/curator/recordings/{recording.pk}/media/"
    r = curator_client.get(url, HTTP_RANGE="bytes=4-13")
    assert r.status_code == 206 and b"".join(r.streaming_content) == wav[4:14]
    assert r["Content-Range"] == f"bytes 4-13/{len(wav)}"
    r = curator_client.get(url, HTTP_RANGE="bytes=-5")
    assert b"".join(r.streaming_content) == wav[-5:]
    assert curator_client.get(url, HTTP_RANGE=f"bytes={len(wav) + 5}-").status_code == 416
    r = curator_client.get(url)
    assert r.status_code == 200 and b"".join(r.streaming_content) == wav
    client.logout()
    assert client.get(url).status_code == 302  # not public


def test_long_transcript_points_to_webvtt(curator_client, recording, settings):
    """More segments than one POST may carry (DATA_UPLOAD_MAX_NUMBER_FIELDS): the editor says so and
    offers WebVTT instead of a form that would be refused."""
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 30
    TranscriptSegment.objects.bulk_create([TranscriptSegment(recording=recording, start_ms=10000 + i * 1000,
                                                             end_ms=10500 + i * 1000, text=f"第{i}句") for i in range(5)])
    body = curator_client.get(f"/curator/recordings/{recording.pk}/transcript/").content.decode()
    assert "超过一次表单提交所能保存的数量" in body and "disabled" in body
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
    body = curator_client.get(f"/curator/recordings/{recording.pk}/transcript/").content.decode()
    assert "超过一次表单提交所能保存的数量" not in body


def test_plain_text_export_imports_back(curator_client, recording):
    txt = curator_client.get(f"/curator/recordings/{recording.pk}/transcript.txt").content.decode()
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                            {"mode": "replace", "confirm_replace": "on", "file": upload("t.txt", txt)})
    assert r.status_code == 302
    rows = list(recording.segments.order_by("start_ms").values_list("start_ms", "end_ms", "speaker", "text"))
    # start times, speakers and text come back; an end is where the next line starts (the last: +5 s)
    assert rows == [(0, 5000, "沈秀芬", "嗯,正抢啊,就是说一批一批地往前抢。"), (5000, 10000, "沈秀芬", "针要斜一点,大概三十度。")]


def test_long_transcript_is_edited_a_page_at_a_time(curator_client, recording):
    TranscriptSegment.objects.filter(recording=recording).delete()
    TranscriptSegment.objects.bulk_create([TranscriptSegment(recording=recording, start_ms=i * 1000, end_ms=i * 1000 + 800,
                                                             text=f"第{i}句") for i in range(250)])
    url = f"/curator/recordings/{recording.pk}/transcript/"
    r = curator_client.get(url + "?page=2")
    formset = r.context["formset"]
    assert len(formset.initial) == 100 and formset.initial[0]["text"] == "第100句"
    assert "第 2 / 3 页,共 250 个片段" in r.content.decode()
    rows = [{"id": i["id"], "start": i["start"] / 1000, "end": i["end"] / 1000, "speaker": "", "text": i["text"]}
            for i in formset.initial]
    page_ids = [row["id"] for row in rows]
    before = segments_of(recording)

    # the last segment of page 2 stretched into the first one of page 3: refused, naming it
    rows[-1]["end"] = "00:03:20.500"
    r = curator_client.post(url, {**editor_post(rows, initial=100, page_ids=page_ids), "page": "2"})
    assert r.status_code == 400 and "与另一片段 00:03:20.000–00:03:20.800 时间重叠" in r.content.decode()
    assert segments_of(recording) == before

    # a real edit and a deletion on page 2; pages 1 and 3 stay as they were
    rows[-1]["end"] = "00:03:19.900"
    rows[0]["text"] = "改过的第100句"
    rows[1]["DELETE"] = "on"
    r = curator_client.post(url, {**editor_post(rows, initial=100, page_ids=page_ids), "page": "2"})
    assert r.status_code == 302 and r["Location"].endswith("?page=2")
    after = segments_of(recording)
    assert len(after) == 249
    assert after[:100] == before[:100] and after[-50:] == before[-50:]
    assert (100000, 100800, "改过的第100句") in after and (199000, 199900, "第199句") in after


def test_editor_refuses_segments_of_another_recording(curator_client, recording, craft):
    from archive.models import Recording

    other = Recording.objects.create(craft=craft, title="另一条", speaker_name="x", interviewer="y",
                                     recorded_on=recording.recorded_on, place="z", consent_scope="research",
                                     consent_date=recording.consent_date, media_reference="R")
    foreign = TranscriptSegment.objects.create(recording=other, start_ms=50000, end_ms=51000, text="别人的")
    rows = current_rows(recording)
    rows.append({"id": foreign.pk, "start": 50, "end": 51, "speaker": "", "text": "偷来的"})
    r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/",
                            editor_post(rows, initial=3, page_ids=[r_["id"] for r_ in rows]))
    assert r.status_code == 400 and "片段不属于这条录音" in r.content.decode()
    assert TranscriptSegment.objects.get(pk=foreign.pk).text == "别人的"


def test_big_transcript_import_runs_as_a_task_with_progress(curator_client, recording, settings,
                                                              django_capture_on_commit_callbacks):
    """Above HERITAGE_TRANSCRIPT_INLINE_KB the request only queues the import; the task parses, checks and
    saves with the same parser and service, and the status page follows it."""
    from unittest import mock

    from archive.models import TranscriptImportJob
    from archive.services import transcript_import_job_run

    settings.HERITAGE_TRANSCRIPT_INLINE_KB = 1
    cues = "".join(f"{i // 60:02d}:{i % 60:02d}.000 --> {i // 60:02d}:{i % 60:02d}.900\n第{i}句,针脚要齐。\n\n"
                   for i in range(300))
    body = ("WEBVTT\n\n" + cues).encode()
    assert len(body) > 1024
    with mock.patch("archive.tasks.transcript_import_run.delay") as delay, \
            django_capture_on_commit_callbacks(execute=True):
        r = curator_client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                                {"file": SimpleUploadedFile("big.vtt", body), "mode": "replace", "confirm_replace": "on"})
    job = TranscriptImportJob.objects.get()
    assert r.status_code == 302 and r["Location"].endswith(f"/transcript/import/{job.pk}/")
    delay.assert_called_once_with(job.pk)
    from heritage.celery import app

    assert app.amqp.router.route({}, "archive.tasks.transcript_import_run")["queue"].name == "default"
    page = curator_client.get(r["Location"]).content.decode()
    assert 'http-equiv="refresh"' in page and "<progress" in page
    assert transcript_import_job_run(job_id=job.pk) == "succeeded"
    assert transcript_import_job_run(job_id=job.pk) == "skipped"  # a duplicate message does nothing
    job.refresh_from_db()
    assert (job.status, job.progress, job.segments) == ("succeeded", 100, 300)
    assert recording.segments.count() == 300
    page = curator_client.get(r["Location"]).content.decode()
    assert "导入完成,共 300 个片段" in page and 'http-equiv="refresh"' not in page


def test_big_transcript_import_with_an_error_fails_and_changes_nothing(curator_client, recording, settings,
                                                                        django_capture_on_commit_callbacks):
    from unittest import mock

    from archive.models import TranscriptImportJob
    from archive.services import transcript_import_job_run

    settings.HERITAGE_TRANSCRIPT_INLINE_KB = 1
    before = list(recording.segments.values_list("start_ms", "text"))
    body = ("WEBVTT\n\n" + "00:01.000 --> 00:02.000\n好\n\n" * 100 + "00:05.000 --> 00:04.000\n倒了\n").encode()
    with mock.patch("archive.tasks.transcript_import_run.delay"), django_capture_on_commit_callbacks(execute=True):
        curator_client.post(f"/curator/recordings/{recording.pk}/transcript/import/",
                            {"file": SimpleUploadedFile("bad.vtt", body), "mode": "replace", "confirm_replace": "on"})
    job = TranscriptImportJob.objects.get()
    assert transcript_import_job_run(job_id=job.pk) == "failed"
    job.refresh_from_db()
    assert job.status == "failed" and job.error
    assert list(recording.segments.values_list("start_ms", "text")) == before


def test_replacing_a_transcript_must_be_confirmed_with_what_will_be_lost(curator_client, recording):
    """walk7: 导入 with the default mode 替换 deleted every segment of a transcript in one click. Now the
    form names how many segments will go and refuses until the curator ticks the confirmation."""
    before = segments_of(recording)
    assert before
    url = f"/curator/recordings/{recording.pk}/transcript/"
    page = curator_client.get(url).content.decode()
    assert f"现有 {len(before)} 个片段将被删除" in page and 'name="confirm_replace"' in page
    r = curator_client.post(f"{url}import/", {"mode": "replace", "file": upload("a.vtt", VTT)})
    assert r.status_code == 400
    body = r.content.decode()
    assert f"替换会删除现有的 {len(before)} 个片段,且无法撤销" in body and "现有转写没有改动" in body
    assert segments_of(recording) == before
    # appending loses nothing: no confirmation needed
    r = curator_client.post(f"{url}import/", {"mode": "append", "file": upload("a.vtt", VTT)})
    assert r.status_code == 302 and len(segments_of(recording)) == len(before) + 2


def test_first_import_needs_no_confirmation(curator_client, recording):
    TranscriptSegment.objects.filter(recording=recording).delete()
    url = f"/curator/recordings/{recording.pk}/transcript/"
    assert 'name="confirm_replace"' not in curator_client.get(url).content.decode()
    r = curator_client.post(f"{url}import/", {"mode": "replace", "file": upload("a.vtt", VTT)})
    assert r.status_code == 302 and len(segments_of(recording)) == 2
