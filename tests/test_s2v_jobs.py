"""Speech-driven video (口述影像) in the archive: portraits with likeness consent, S2V jobs from a
recording span, every refusal before anything is saved, and post-processing that keeps the audio and
times the transcript to the span."""
import datetime as dt
import io
import json
import subprocess
import wave
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Inheritor, InheritorPortrait, Recording, TranscriptSegment
from generation import attribution
from generation.models import GenerationJob
from generation.parameters import ParameterError
from generation.s2v import s2v_job_create
from tests.s2v_fixtures import write_portrait, write_speech_wav


def png_bytes(size=(96, 128)) -> bytes:
    buf = io.BytesIO()
    from PIL import Image

    Image.new("RGB", size, (200, 180, 160)).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def inheritor(craft):
    return Inheritor.objects.create(craft=craft, name="沈秀芬", level="national")


@pytest.fixture
def portrait(inheritor, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    path = write_portrait(tmp_path / "face.png", size=(96, 128))
    p = InheritorPortrait(inheritor=inheritor, title="演示人像", consent_scope="public", consent_given_by="沈秀芬",
                          consent_date=dt.date(2024, 3, 1))
    p.image.save("face.png", ContentFile(path.read_bytes()), save=False)
    p.full_clean()
    p.save()
    return p


@pytest.fixture
def speech_recording(craft, technique, inheritor, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    wav = write_speech_wav(tmp_path / "talk.wav", seconds=6.0)
    r = Recording(craft=craft, technique=technique, title="正抢针口述", speaker=inheritor, interviewer="李文静",
                  recorded_on=dt.date(2023, 5, 16), place="苏州", consent_scope="generation",
                  consent_date=dt.date(2023, 5, 16))
    r.media.save("talk.wav", ContentFile(wav.read_bytes()), save=False)
    r.save()
    TranscriptSegment.objects.create(recording=r, start_ms=500, end_ms=2000, text="针要斜一点。")
    TranscriptSegment.objects.create(recording=r, start_ms=2500, end_ms=4500, text="大概三十度。")
    return r


def wav_seconds(field_file) -> float:
    with field_file.open("rb") as fh, wave.open(fh) as w:
        return w.getnframes() / w.getframerate()


def nothing_saved(before: int):
    assert GenerationJob.objects.count() == before


# --- portraits ---------------------------------------------------------------------------------------
def test_portrait_upload_refuses_not_an_image_and_too_small(settings):
    from archive.validators import validate_portrait_file

    settings.S2V_MIN_IMAGE_SIDE = 32
    with pytest.raises(ValidationError) as e:
        validate_portrait_file(SimpleUploadedFile("face.png", b"\x89PNG\r\n\x1a\n not really a png"))
    assert "不是有效的图片" in str(e.value)
    with pytest.raises(ValidationError) as e:
        validate_portrait_file(SimpleUploadedFile("face.txt", b"hello"))
    assert "不支持的文件类型" in str(e.value)
    with pytest.raises(ValidationError) as e:
        validate_portrait_file(SimpleUploadedFile("face.png", png_bytes((20, 40))))
    assert "太小" in str(e.value) and "32" in str(e.value)
    validate_portrait_file(SimpleUploadedFile("face.png", png_bytes((32, 40))))


def test_likeness_rule(inheritor, portrait):
    assert attribution.likeness_allows(portrait) and attribution.likeness_public(portrait)
    portrait.consent_scope = "archive"
    assert attribution.likeness_allows(portrait) and not attribution.likeness_public(portrait)
    portrait.consent_scope = "none"
    assert not attribution.likeness_allows(portrait)
    # a deceased inheritor: the consent must come from a proxy with the document
    inheritor.status = "deceased"
    inheritor.save()
    portrait.consent_scope = "public"
    assert not attribution.likeness_allows(portrait)
    with pytest.raises(ValidationError) as e:
        portrait.full_clean()
    assert {"consent_by_proxy", "consent_document"} <= set(e.value.error_dict)
    portrait.consent_by_proxy = True
    portrait.consent_document.save("auth.pdf", ContentFile(b"%PDF-1.4 authority"), save=False)
    portrait.full_clean()
    assert attribution.likeness_allows(portrait)


# --- refusals: nothing saved ---------------------------------------------------------------------------
def refused(field, curator, **kw):
    before = GenerationJob.objects.count()
    with pytest.raises(ParameterError) as e:
        s2v_job_create(requested_by=curator, enqueue=False, **kw)
    nothing_saved(before)
    assert field in e.value.errors, e.value.errors
    return " ".join(e.value.errors[field])


def test_refusals(curator, speech_recording, portrait, settings):
    r, p = speech_recording, portrait
    settings.S2V_MAX_AUDIO_SECONDS = 5.0
    assert "终点须晚于起点" in refused("span", curator, recording=r, portrait=p, start_ms=2000, end_ms=2000)
    assert "超过上限" in refused("span", curator, recording=r, portrait=p, start_ms=0, end_ms=5500)
    assert "超出录音长度" in refused("span", curator, recording=r, portrait=p, start_ms=4000, end_ms=8000)
    assert "没有音频" in refused("span", curator, recording=r, portrait=p, start_ms=7000, end_ms=9000)
    p.consent_scope = "none"
    p.save()
    assert "没有肖像授权" in refused("portrait", curator, recording=r, portrait=p, start_ms=0, end_ms=3000)
    p.consent_scope = "public"
    p.save()
    r.consent_scope = Recording.ConsentScope.RESEARCH
    r.save()
    assert "不允许用于 AI 重构" in refused("recording", curator, recording=r, portrait=p, start_ms=0, end_ms=3000)
    r.consent_scope, r.technique = Recording.ConsentScope.GENERATION, None
    r.save()
    assert "没有关联技法" in refused("recording", curator, recording=r, portrait=p, start_ms=0, end_ms=3000)
    assert not list(Path(settings.MEDIA_ROOT).glob("s2v-audio/*"))


def test_portrait_of_someone_else_is_refused(curator, speech_recording, portrait, craft):
    other = Inheritor.objects.create(craft=craft, name="王某", level="provincial")
    portrait.inheritor = other
    portrait.consent_given_by = "王某"
    portrait.save()
    assert "只能用讲述人本人的人像" in refused("portrait", curator, recording=speech_recording, portrait=portrait,
                                      start_ms=0, end_ms=3000)


def test_job_created_with_audio_span_and_attribution(curator, speech_recording, portrait):
    job = s2v_job_create(requested_by=curator, recording=speech_recording, portrait=portrait, start_ms=1000,
                         end_ms=4000, seed=7, steps=2, enqueue=False)
    assert job.kind == "s2v" and job.portrait == portrait
    assert (job.audio_start_ms, job.audio_end_ms) == (1000, 4000)
    assert abs(wav_seconds(job.audio) - 3.0) < 0.01
    assert job.parameters["num_frames"] == 48 and job.parameters["clips"] == 2  # tiny-s2v: 16 fps, 32/clip
    assert job.source_text == "针要斜一点。\n大概三十度。"
    assert job.progress_total == 2 * 2
    assert job.attribution == attribution.s2v_attribution(portrait=portrait, recording=speech_recording)
    assert job.attribution == "由沈秀芬口述录音驱动"
    assert job.attribution_sources[-1]["portrait"] == portrait.pk and job.consent == "rec+likeness"


def test_span_cues_are_shifted_to_the_span():
    from generation.postprocess.captions import span_cues

    cues = span_cues([(500, 2000, "针要斜一点。"), (2500, 4500, "大概三十度。")], start_ms=1000, end_ms=4000,
                     duration_s=3.0)
    assert [(c.start_ms, c.end_ms, c.text) for c in cues] == [(0, 1000, "针要斜一点。"), (1500, 3000, "大概三十度。")]


# --- on a real worker, then post-processing ---------------------------------------------------------------
def probe_streams(path) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_format",
                          str(path)], capture_output=True, check=True).stdout
    return json.loads(out)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_job_runs_on_a_worker_and_delivery_keeps_the_audio(start_worker, make_user, tmp_path_factory, monkeypatch,
                                                           settings, craft, technique):
    from generation.postprocess.models import Rendition
    from generation.postprocess.services import label_for_clip, postprocess_clip_service
    from tests.jobs_fixtures import wait_for
    from tests.s2v_fixtures import tiny_s2v_path

    monkeypatch.setenv("HERITAGE_S2V_MODEL_DIR", tiny_s2v_path(tmp_path_factory))
    monkeypatch.setenv("HERITAGE_S2V_PRESET", "tiny-s2v")
    curator = make_user("curator-s2v", "curator")
    work = tmp_path_factory.mktemp("s2v-job")
    worker = start_worker("s2v")  # sets MEDIA_ROOT for this test
    inheritor = Inheritor.objects.create(craft=craft, name="沈秀芬", level="national")
    p = InheritorPortrait(inheritor=inheritor, title="演示人像", consent_scope="public", consent_given_by="沈秀芬",
                          consent_date=dt.date(2024, 3, 1))
    p.image.save("face.png", ContentFile(write_portrait(work / "face.png").read_bytes()), save=False)
    p.save()
    r = Recording(craft=craft, technique=technique, title="口述", speaker=inheritor, recorded_on=dt.date(2023, 5, 16),
                  consent_scope="generation", consent_date=dt.date(2023, 5, 16))
    r.media.save("talk.wav", ContentFile(write_speech_wav(work / "talk.wav", seconds=5.0).read_bytes()), save=False)
    r.save()
    TranscriptSegment.objects.create(recording=r, start_ms=500, end_ms=2000, text="针要斜一点。")
    TranscriptSegment.objects.create(recording=r, start_ms=2500, end_ms=4500, text="大概三十度。")

    job = s2v_job_create(requested_by=curator, recording=r, portrait=p, start_ms=1000, end_ms=4000, seed=3, steps=2)
    seen = set()

    def done():
        row = GenerationJob.objects.get(pk=job.pk)
        seen.add((row.progress_step, row.progress_expert))
        return row.status in ("succeeded", "failed", "cancelled") and row

    row = wait_for(done, timeout=600, what="the S2V job", workers=[worker])
    assert row.status == "succeeded", (row.error, row.error_detail[-2000:])
    assert {e for _s, e in seen if e} <= {"1/2", "2/2"}
    clip = row.clip
    assert clip.fps == 16 and clip.num_frames == 48
    info = probe_streams(clip.file.path)
    kinds = sorted(s["codec_type"] for s in info["streams"])
    assert kinds == ["audio", "video"]
    audio = next(s for s in info["streams"] if s["codec_type"] == "audio")
    video = next(s for s in info["streams"] if s["codec_type"] == "video")
    assert abs(float(audio["duration"]) - 3.0) <= 1 / 16 + 1e-3
    assert abs(float(video["duration"]) - 3.0) <= 1 / 16 + 1e-3

    # post-processing (run here, not on the media queue): audio kept, subtitles timed to the span, label
    media = postprocess_clip_service(clip=clip, deliver="720p", fps=16)
    assert media.status == "succeeded", (media.error, media.error_detail[-2000:])
    delivery = media.renditions.get(kind=Rendition.Kind.DELIVERY)
    dinfo = probe_streams(delivery.file.path)
    assert sorted(s["codec_type"] for s in dinfo["streams"]) == ["audio", "video"]
    daudio = next(s for s in dinfo["streams"] if s["codec_type"] == "audio")
    assert abs(float(daudio["duration"]) - 3.0) <= 1 / 16 + 0.03  # AAC frames: 1024 samples each
    vtt = media.renditions.get(kind=Rendition.Kind.SUBTITLES, language="zh").file.read().decode()
    assert "00:00:00.000 --> 00:00:01.000" in vtt and "针要斜一点。" in vtt
    assert "00:00:01.500 --> 00:00:03.000" in vtt and "大概三十度。" in vtt
    assert not media.renditions.filter(kind__startswith="slow").exists()
    label = label_for_clip(clip=clip)
    assert label == "AI生成 · " + attribution.s2v_attribution(portrait=p, recording=r)
    assert delivery.label == label


# --- the screen and the API ------------------------------------------------------------------------------
def test_screen_creates_a_job_from_transcript_segments(curator_client, speech_recording, portrait):
    from django.urls import reverse

    url = reverse("generation:s2v")
    page = curator_client.get(url, {"recording": speech_recording.pk}).content.decode()
    assert "针要斜一点。" in page and "演示人像" in page
    segs = list(speech_recording.segments.order_by("start_ms").values_list("pk", flat=True))
    r = curator_client.post(url, {"recording": speech_recording.pk, "segments": [str(s) for s in segs],
                                  "portrait": portrait.pk, "seed": 5, "steps": 2})
    assert r.status_code == 302, r.content.decode()[:3000]
    job = GenerationJob.objects.get()
    assert (job.kind, job.audio_start_ms, job.audio_end_ms, job.seed) == ("s2v", 500, 4500, 5)
    detail = curator_client.get(r["Location"]).content.decode()
    # the span as time codes, as the transcript segments are listed (walk10: it said 「500–4500 ms」)
    assert "演示人像" in detail and "00:00:00.500–00:00:04.500" in detail


def test_screen_refusal_says_why_and_saves_nothing(curator_client, speech_recording, portrait):
    from django.urls import reverse

    portrait.consent_scope = "none"
    portrait.save()
    r = curator_client.post(reverse("generation:s2v"), {"recording": speech_recording.pk, "start_s": 0, "end_s": 2,
                                                        "portrait": portrait.pk})
    assert r.status_code == 400 and "没有肖像授权" in r.content.decode()
    assert not GenerationJob.objects.exists()



@pytest.mark.parametrize("field, value", [
    ("segments", [2**70]), ("segments", [2**40]), ("segments", [0]), ("portrait", 2**70), ("recording", 2**63),
    ("audio_end_ms", 2**40), ("seed", -1), ("seed", 2**40), ("steps", 2**70), ("steps", 0),
])
def test_api_out_of_range_integers_in_a_speech_task_are_400_and_nothing_is_saved(curator, speech_recording,
                                                                                 portrait, field, value):
    """A script's out-of-range id, span or parameter is a 400 naming the field (it was a 500 for a segment
    id beyond the database's integer), in the error shape, and no job is made."""
    from rest_framework.test import APIClient

    c = APIClient()
    c.force_authenticate(curator)
    body = {"input": {"portrait": portrait.pk, "recording": speech_recording.pk, "audio_start_ms": 1000,
                      "audio_end_ms": 3000}, "parameters": {"seed": 9, "steps": 2}}
    (body["parameters"] if field in ("seed", "steps") else body["input"])[field] = value
    r = c.post("/api/v1/generation-tasks", body, format="json")
    assert r.status_code == 400, r.content
    error = r.json()
    assert error["code"] == "invalid" and field in error["detail"]
    assert field in (error["parameters"] if field in ("seed", "steps") else error["input"])
    assert not GenerationJob.objects.exists()

def test_api_accepts_a_portrait_and_an_audio_span(curator, speech_recording, portrait, make_user):
    from rest_framework.test import APIClient

    c = APIClient()
    c.force_authenticate(curator)
    body = {"input": {"portrait": portrait.pk, "recording": speech_recording.pk, "audio_start_ms": 1000,
                      "audio_end_ms": 4000}, "parameters": {"seed": 9, "steps": 2}}
    r = c.post("/api/v1/generation-tasks", body, format="json")
    assert r.status_code == 202, r.content
    data = r.json()
    assert data["input"] == {"kind": "s2v", "portrait": portrait.pk, "recording": speech_recording.pk,
                             "audio_start_ms": 1000, "audio_end_ms": 4000, "speaker_label": "",
                             "text": "针要斜一点。\n大概三十度。"}
    assert data["seed"] == 9 and data["status"] == "queued"
    # the narrator's label (walk14): one of the transcript's, else refused at that field
    r = c.post("/api/v1/generation-tasks", {**body, "input": {**body["input"], "speaker_label": "乙"}}, format="json")
    assert r.status_code == 400 and "speaker_label" in r.json()["input"], r.content
    # refused: too long a span; nothing saved
    body["input"]["audio_end_ms"] = 999_000
    r = c.post("/api/v1/generation-tasks", body, format="json")
    assert r.status_code == 400 and "超过上限" in r.json()["input"]["audio_start_ms"][0]  # a body field
    portrait.consent_scope = "none"
    portrait.save()
    body["input"]["audio_end_ms"] = 3000
    r = c.post("/api/v1/generation-tasks", body, format="json")
    assert r.status_code == 400 and "没有肖像授权" in r.json()["input"]["portrait"][0]
    assert GenerationJob.objects.count() == 1
    # a reviewer may not create one
    reviewer = make_user("rev", "reviewer")
    c.force_authenticate(reviewer)
    portrait.consent_scope = "public"
    portrait.save()
    assert c.post("/api/v1/generation-tasks", body, format="json").status_code == 403
    schema = c.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert b"S2VInput" in schema.content or b"audio_start_ms" in schema.content


def test_likeness_query_agrees_with_the_rule(portrait, inheritor):
    import itertools

    for status, able, scope, by_proxy, doc, given in itertools.product(
            ("alive", "deceased"), (True, False), ("none", "archive", "public"), (False, True), (False, True),
            ("", "某人")):
        Inheritor.objects.filter(pk=inheritor.pk).update(status=status, able_to_sign=able)
        InheritorPortrait.objects.filter(pk=portrait.pk).update(
            consent_scope=scope, consent_by_proxy=by_proxy, consent_document="likeness/a.pdf" if doc else "",
            consent_given_by=given)
        p = InheritorPortrait.objects.select_related("inheritor").get(pk=portrait.pk)
        in_query = InheritorPortrait.objects.filter(attribution.likeness_allows_q(), pk=p.pk).exists()
        assert in_query == attribution.likeness_allows(p), (status, able, scope, by_proxy, doc, given)
        public = InheritorPortrait.objects.filter(attribution.likeness_allows_q(), pk=p.pk,
                                                  consent_scope="public").exists()
        assert public == attribution.likeness_public(p)


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.django_db(transaction=True)
def test_heritage_demo_s2v_archives_a_public_narration(tmp_path, tmp_path_factory, settings, client):
    from records.models import ArchiveRecord
    from records.selectors import public_records
    from tests.s2v_fixtures import tiny_s2v_path

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.HERITAGE_C2PA_DEV_DIR = str(tmp_path / "c2pa")
    settings.S2V_MODEL_DIR = tiny_s2v_path(tmp_path_factory)
    out = io.StringIO()
    call_command("heritage_demo", "--s2v", "--json", "--bag-dir", str(tmp_path / "bags"), stdout=out)
    data = json.loads(out.getvalue().strip().splitlines()[-1])
    record = ArchiveRecord.objects.get(pk=data["archive_record"])
    assert data["kind"] == "s2v" and record in public_records()
    assert record.attribution == "由沈秀芬口述录音驱动"
    assert data["gallery_url"].endswith(f"/techniques/{record.technique.slug}/#narration-{record.pk}")
    # the craft page links it; it plays on its technique page (walk14)
    assert f'href="/techniques/{record.technique.slug}/#narration-{record.pk}"' in client.get("/crafts/suxiu/").content.decode()
    page = client.get(f"/techniques/{record.technique.slug}/").content.decode()
    # (the label in the visitor's language, then the attribution: walk6)
    assert f'id="narration-{record.pk}"' in page
    assert '<p class="attribution"><strong>AI 生成</strong> 由沈秀芬口述录音驱动</p>' in page
    assert "只是噪声" in page  # the tiny S2V engine's output is said to be noise next to it
    # the technique cards below take no poster from a narration (it has no public demonstration yet)
    from django.urls import reverse

    techniques_part = page[page.index('class="narrations"'):].split("</section>", 1)[1]
    assert reverse("gallery:record_media", args=[record.pk, "poster"]) not in techniques_part
    # gallery search finds it (indexed when it was archived), by its technique and by its speaker
    link = f'href="/techniques/{record.technique.slug}/#narration-{record.pk}"'
    for q in (record.technique.name, "沈秀芬"):
        assert link in client.get(reverse("gallery:search"), {"q": q}).content.decode(), q
    # the likeness consent narrowed to "archive only": no longer public, at the next request
    portrait = record.clip.job.portrait
    portrait.consent_scope = "archive"
    portrait.save()
    assert record not in public_records()
    assert f"#narration-{record.pk}" not in client.get("/crafts/suxiu/").content.decode()  # nor its link
    assert link not in client.get(reverse("gallery:search"), {"q": "沈秀芬"}).content.decode()


def test_change_request_with_an_edited_description_is_refused_for_a_narration(curator, speech_recording, portrait):
    """A narrated video has no action description: the review says so instead of starting a T2V take."""
    from review.services import TransitionRefused, _start_regeneration

    job = s2v_job_create(requested_by=curator, recording=speech_recording, portrait=portrait, start_ms=1000,
                         end_ms=4000, seed=1, steps=2, enqueue=False)

    class FakeReview:
        clip = type("C", (), {"job": job})()

    with pytest.raises(TransitionRefused) as e:
        _start_regeneration(FakeReview(), curator, {"steps": []})
    assert "没有可修改的动作描述" in str(e.value)
    assert GenerationJob.objects.count() == 1


def test_refusals_for_a_small_portrait_and_a_recording_that_is_not_audio(curator, speech_recording, portrait,
                                                                        settings):
    r, p = speech_recording, portrait
    InheritorPortrait.objects.filter(pk=p.pk).update(width=20, height=128)
    p.refresh_from_db()
    assert "太小" in refused("portrait", curator, recording=r, portrait=p, start_ms=0, end_ms=2000)
    InheritorPortrait.objects.filter(pk=p.pk).update(width=96, height=128)
    p.refresh_from_db()
    Path(r.media.path).write_bytes(b"this is not audio at all" * 100)
    assert "无法从录音中截取音频" in refused("recording", curator, recording=r, portrait=p, start_ms=0, end_ms=2000)
    assert not list(Path(settings.MEDIA_ROOT).glob("s2v-audio/*"))


def test_a_span_with_someone_elses_words_is_refused(curator, curator_client, speech_recording, portrait):
    """walk10: the form offered the interviewer's question (the demo's first segment, 采访人) like any other
    segment, and the job made the inheritor's portrait speak the interviewer's voice and words. A span with a
    segment labelled with another speaker is refused, by segments and by start/end alike; the form's segment
    list says who speaks."""
    from django.urls import reverse

    TranscriptSegment.objects.filter(recording=speech_recording).update(speaker="沈秀芬")
    question = TranscriptSegment.objects.create(recording=speech_recording, start_ms=4600, end_ms=5800,
                                                speaker="李文静", text="那第一批针是从哪里起?")
    why = refused("span", curator, recording=speech_recording, portrait=portrait, start_ms=2500, end_ms=5800)
    assert "李文静" in why and "00:04" in why
    job = s2v_job_create(requested_by=curator, recording=speech_recording, portrait=portrait, start_ms=500,
                         end_ms=4500, seed=1, steps=2, enqueue=False)  # the narrator's own words: accepted
    assert job.source_text == "针要斜一点。\n大概三十度。"
    page = curator_client.get(reverse("generation:s2v"), {"recording": speech_recording.pk}).content.decode()
    assert "李文静:那第一批针是从哪里起?" in page and "沈秀芬:针要斜一点。" in page
    r = curator_client.post(reverse("generation:s2v"), {"recording": speech_recording.pk, "portrait": portrait.pk,
                                                        "segments": [str(question.pk)], "steps": 2})
    assert r.status_code == 400 and 'id="field-segments"' in r.content.decode()
    body = r.content.decode()
    field = body[body.index('id="field-segments"'):body.index('id="field-start_s"')]
    assert "李文静" in field and "errorlist" in field


def test_a_recordings_page_offers_the_narrated_video(curator_client, speech_recording, portrait, make_user, client):
    """walk10: the S2V form was reachable only from the generation sub-navigation; the recording's page, where a
    curator looks at its sound and transcript, had no way to it. The button is offered to those who may generate."""
    from django.urls import reverse

    url = reverse("curator:recording_detail", args=[speech_recording.pk])
    s2v = f'{reverse("generation:s2v")}?recording={speech_recording.pk}'
    page = curator_client.get(url).content.decode()
    assert f'href="{s2v}"' in page and "生成口述影像" in page
    client.force_login(make_user("rev-page", "reviewer"))
    page = client.get(url).content.decode()
    assert "生成口述影像" not in page  # a reviewer reads the recording but may not generate


def test_the_form_preselects_the_speakers_only_portrait(curator_client, speech_recording, portrait, inheritor):
    """Coming from the recording's 生成口述影像 button with one portrait of its speaker on file, the curator had to
    pick it all the same; with two on file nothing is chosen for them."""
    from django.urls import reverse

    url = reverse("generation:s2v")
    def portrait_select():
        page = curator_client.get(url, {"recording": speech_recording.pk}).content.decode()
        return page.split('name="portrait"', 1)[1].split("</select>", 1)[0]

    assert f'<option value="{portrait.pk}" selected>' in portrait_select()
    second = InheritorPortrait(inheritor=inheritor, title="第二张", consent_scope="public", consent_given_by="沈秀芬",
                               consent_date=dt.date(2024, 3, 1))
    second.image.save("face2.png", ContentFile(png_bytes()), save=False)
    second.save()
    assert '<option value="" selected>' in portrait_select()


@pytest.mark.parametrize("label", ["沈老师", "沈秀芬", "沈师傅", "老沈", "沈秀芬老师", "答", "受访者"])
def test_a_span_labelled_with_the_inheritors_form_of_address_is_accepted(curator, speech_recording, portrait, label):
    """The speaker check matched labels exactly: a transcript labelling 沈秀芬 as 沈老师 (or 答) was refused though
    the recording names her as its speaker. Labels map to people as turns.is_speaker says."""
    TranscriptSegment.objects.filter(recording=speech_recording).update(speaker=label)
    job = s2v_job_create(requested_by=curator, recording=speech_recording, portrait=portrait, start_ms=500,
                         end_ms=4500, seed=1, steps=2, enqueue=False)
    assert job.source_text == "针要斜一点。\n大概三十度。"


@pytest.mark.parametrize("label,says", [
    ("李文静", "只能用沈秀芬本人说的片段"),  # the recording's interviewer
    ("问", "只能用沈秀芬本人说的片段"),
    ("王老师", "在转写中把这些片段的说话人改为「沈秀芬」"),  # someone else, or a label the archive cannot place
    ("徒弟", "在转写中把这些片段的说话人改为「沈秀芬」"),
])
def test_a_label_that_is_not_the_inheritor_is_still_refused_and_says_what_to_do(curator, speech_recording, portrait,
                                                                               label, says):
    TranscriptSegment.objects.filter(recording=speech_recording, start_ms=2500).update(speaker=label)
    before = GenerationJob.objects.count()
    why = refused("span", curator, recording=speech_recording, portrait=portrait, start_ms=500, end_ms=4500)
    assert label in why and "00:02" in why and says in why
    assert GenerationJob.objects.count() == before


# --- which transcript label is the narrator (walk14) -------------------------------------------------------
def _label(recording, first, second):
    TranscriptSegment.objects.filter(recording=recording, start_ms=500).update(speaker=first)
    TranscriptSegment.objects.filter(recording=recording, start_ms=2500).update(speaker=second)


def _speaker_select(curator_client, recording) -> str:
    from django.urls import reverse

    page = curator_client.get(reverse("generation:s2v"), {"recording": recording.pk}).content.decode()
    assert 'name="speaker_label"' in page, "the form has no field to say which label is the inheritor"
    return page.split('name="speaker_label"', 1)[1].split("</select>", 1)[0]


def test_the_form_offers_the_transcripts_labels_and_preselects_the_obvious_one(curator_client, speech_recording,
                                                                                portrait):
    """The S2V form had no way to say which of the transcript's speaker labels is the inheritor: a transcript
    labelled 甲/乙 could not drive a narration at all. It offers the labels (not the interviewer's), with the one
    that plainly stands for the recording's speaker chosen."""
    TranscriptSegment.objects.create(recording=speech_recording, start_ms=4600, end_ms=5000, speaker="李文静",
                                     text="然后呢?")
    _label(speech_recording, "沈老师", "沈老师")
    select = _speaker_select(curator_client, speech_recording)
    assert '<option value="沈老师" selected>' in select and "李文静" not in select  # the interviewer: no choice
    _label(speech_recording, "甲", "乙")  # nothing tells who is who: nothing chosen for the curator
    select = _speaker_select(curator_client, speech_recording)
    assert '<option value="甲">' in select and '<option value="乙">' in select and '<option value="" selected>' in select


def test_the_chosen_label_is_the_narrators_words_stored_on_the_job_and_kept_by_a_retry(curator_client, curator,
                                                                                       speech_recording, portrait):
    from django.urls import reverse

    from generation.services import job_retry

    _label(speech_recording, "乙", "乙")
    assert "「乙」" in refused("span", curator, recording=speech_recording, portrait=portrait, start_ms=500,
                               end_ms=4500)  # without the choice 乙 is nobody the archive knows
    segs = [str(s) for s in speech_recording.segments.order_by("start_ms").values_list("pk", flat=True)]
    r = curator_client.post(reverse("generation:s2v"), {"recording": speech_recording.pk, "segments": segs,
                                                        "speaker_label": "乙", "portrait": portrait.pk, "steps": 2})
    assert r.status_code == 302, r.content.decode()[:2000]
    job = GenerationJob.objects.get()
    assert job.speaker_label == "乙" and job.source_text == "针要斜一点。\n大概三十度。"
    assert "<dt>讲述人的说话人标签</dt><dd>乙</dd>" in curator_client.get(r["Location"]).content.decode()
    again = job_retry(job=job, actor=curator)
    assert again.speaker_label == "乙"
    # the label stands for the narrator only: another label in the span is still refused
    TranscriptSegment.objects.filter(recording=speech_recording, start_ms=2500).update(speaker="甲")
    assert "「甲」" in refused("span", curator, recording=speech_recording, portrait=portrait, start_ms=500,
                               end_ms=4500, speaker_label="乙")
    # the interviewer's label, or one the transcript does not have, is no narrator's
    TranscriptSegment.objects.filter(recording=speech_recording, start_ms=2500).update(speaker="李文静")
    for label in ("李文静", "丙"):
        assert f"「{label}」" in refused("speaker_label", curator, recording=speech_recording, portrait=portrait,
                                         start_ms=500, end_ms=2000, speaker_label=label)
