"""Speech-driven video (口述影像, Wan2.2-S2V) jobs: a portrait and a span of an oral-history recording.

``s2v_job_create`` checks everything before anything is saved: the span (inside the recording, not empty,
not longer than ``settings.S2V_MAX_AUDIO_SECONDS``), the recording's consent to AI reconstruction and
the portrait's likeness consent (both decided in ``generation.attribution``), the portrait's size for
the S2V preset. It cuts the span's audio from the recording's file with ffmpeg (PCM WAV at the
recording's own rate and channels), and creates the job (``kind = s2v``) with the audio stored beside it,
in one transaction; the job then runs through the same machinery as every other job
(``services.job_enqueue`` → queue ``gpu`` → ``services.job_execute``, whose worker calls the S2V engine
through ``generation.s2v_runtime``).
"""
from __future__ import annotations

import random
import subprocess
import tempfile
import wave
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from heritage.permissions import allowed
from heritage.storage import copy_to_local

from . import attribution
from . import parameters as params
from .models import GenerationJob
from .services import job_enqueue

DEFAULT_PROMPT = "{name}面对镜头,讲述{craft}的技艺,神情自然,中景,室内柔和光线"


def span_segments(*, recording, start_ms: int, end_ms: int):
    """Transcript segments overlapping [start_ms, end_ms), in order."""
    return list(recording.segments.filter(start_ms__lt=end_ms, end_ms__gt=start_ms).order_by("start_ms"))


def _cut_audio(*, recording, start_ms: int, end_ms: int, dest: Path) -> float:
    """Cut [start_ms, end_ms) of the recording's file to a PCM WAV; returns its length in seconds."""
    from .postprocess.binaries import ffmpeg_binary

    try:
        local = recording.media.path  # file system storage: read in place
    except NotImplementedError:  # object storage: a local copy first
        local = str(copy_to_local(recording.media, dest.with_suffix(Path(recording.media.name).suffix or ".bin")))
    # Input seeking (-ss before -i) is sample-accurate when transcoding and does not decode an hour-long
    # interview up to the span.
    argv = [ffmpeg_binary(), "-v", "error", "-nostdin", "-y", "-ss", f"{start_ms / 1000:.3f}", "-i", local,
            "-t", f"{(end_ms - start_ms) / 1000:.3f}", "-vn", "-c:a", "pcm_s16le", "-map_metadata", "-1",
            "-fflags", "+bitexact", str(dest)]
    proc = subprocess.run(argv, capture_output=True)
    if proc.returncode != 0 or not dest.exists():
        last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise params.ParameterError({"recording": [_("无法从录音中截取音频:%(e)s") % {"e": last[0]}]})
    try:
        with wave.open(str(dest), "rb") as wav:
            return wav.getnframes() / float(wav.getframerate())
    except (wave.Error, EOFError, ZeroDivisionError):
        return 0.0


def _interviewers(recording) -> list[str]:
    return [recording.interviewer] if recording.interviewer else []


def speaker_labels(recording) -> list[str]:
    """The speaker labels of the recording's transcript a narrator may stand for, in order of first use: every
    label but the interviewer's (``turns.is_interviewer``). What the S2V form offers as 讲述人的说话人标签."""
    from .prompting.turns import is_interviewer

    seen: dict[str, None] = {}
    for label in recording.segments.order_by("start_ms").values_list("speaker", flat=True):
        label = (label or "").strip()
        if label and label not in seen and not is_interviewer(label, _interviewers(recording)):
            seen[label] = None
    return list(seen)


def obvious_speaker_label(recording, labels=None) -> str:
    """The one label that stands for the recording's speaker by ``turns.is_speaker`` (their name, 沈老师, 老沈,
    答 …), or "" when none or more than one does: the S2V form preselects it."""
    from .prompting.turns import is_speaker

    names = (recording.speaker.name if recording.speaker_id else "", recording.speaker_name)
    found = [label for label in (speaker_labels(recording) if labels is None else labels)
             if is_speaker(label, names, _interviewers(recording))]
    return found[0] if len(found) == 1 else ""


def _check_speaker_label(recording, label) -> str:
    """The chosen label, stripped: one of the transcript's labels (``speaker_labels``), or "" for none chosen."""
    label = (label or "").strip()
    if label and label not in speaker_labels(recording):
        raise params.ParameterError({"speaker_label": [
            _("「%(label)s」不是这条录音转写中讲述人的说话人标签(采访人的标签不能选)。") % {"label": label}]})
    return label


def _refuse_other_voices(segments, *, recording, narrator: str, speaker_label: str = "") -> None:
    """The portrait speaks with the span's voice: a segment labelled with another speaker (the interviewer's
    question) would put their words in the inheritor's mouth. Who a label stands for is the recording's mapping:
    the label the curator chose for the narrator (``speaker_label``), and ``turns.is_speaker`` (the narrator's or
    the recording's speaker name, 沈老师 / 老沈, 答 / 受访者 …; the recording's interviewer never); segments
    without a speaker label pass."""
    from heritage.timecode import format_mmss

    from .prompting.turns import is_interviewer, is_speaker

    names = (narrator, recording.speaker_name)
    interviewers = _interviewers(recording)
    other = next((s for s in segments if (s.speaker or "").strip()
                  and not (speaker_label and s.speaker.strip() == speaker_label)
                  and not is_speaker(s.speaker, names, interviewers)), None)
    if other is None:
        return
    values = {"who": other.speaker.strip(), "at": format_mmss(other.start_ms), "name": narrator}
    if is_interviewer(other.speaker, interviewers):
        raise params.ParameterError({"span": [
            _("所选片段中有%(who)s说的话(%(at)s 起):口述影像让%(name)s的人像说出这段录音,只能用%(name)s本人说的片段。")
            % values]})
    raise params.ParameterError({"span": [
        _("所选片段中「%(who)s」说的话(%(at)s 起)无法确认是%(name)s本人说的:口述影像只能用%(name)s本人说的片段。"
          "若「%(who)s」就是%(name)s,请在「讲述人的说话人标签」中选「%(who)s」,或在转写中把这些片段的说话人改为「%(name)s」;"
          "否则请不要选这些片段。") % values]})


def _check_span(*, recording, start_ms, end_ms) -> tuple[int, int]:
    if not recording.media:
        raise params.ParameterError({"recording": [_("该录音没有上传音频文件,无法驱动视频。")]})
    try:
        start_ms, end_ms = int(start_ms), int(end_ms)
    except (TypeError, ValueError):
        raise params.ParameterError({"span": [_("片段起止时间须为毫秒整数。")]}) from None
    if start_ms < 0 or end_ms <= start_ms:
        raise params.ParameterError({"span": [_("音频片段为空:终点须晚于起点。")]})
    limit = settings.S2V_MAX_AUDIO_SECONDS
    if (end_ms - start_ms) / 1000 > limit:
        raise params.ParameterError({"span": [
            _("音频片段长 %(s).1f 秒,超过上限 %(n)s 秒。请选短一些的片段。") % {"s": (end_ms - start_ms) / 1000, "n": limit}]})
    return start_ms, end_ms


def span_error_field(key: str, *, by_segments: bool, start_field: str) -> str:
    """Where a service error is shown: a span error (key ``span``) beside what chose the span, the segments or
    the start (the API's ``audio_start_ms``, the screen's ``start_s``); any other key is its own field."""
    if key != "span":
        return key
    return "segments" if by_segments else start_field


def s2v_job_create(*, requested_by, recording, portrait, start_ms, end_ms, prompt: str | None = None,
                   seed: int | None = None, steps: int | None = None, retry_of: GenerationJob | None = None,
                   enqueue: bool = True, speaker_label: str | None = None) -> GenerationJob:
    """A queued speech-driven job, or ParameterError / PermissionDenied with nothing saved."""
    from .engine.s2v.config import frames_for_audio, get_s2v_preset, size_for_image

    # 1. Rights: a curator asks; the recording's consent to AI reconstruction, the portrait's likeness consent.
    if not allowed(requested_by, "generation.create"):
        raise PermissionDenied(_("只有馆员可以生成口述影像。"))
    if recording.technique_id is None:
        raise params.ParameterError({"recording": [
            _("该录音没有关联技法:口述影像按技法审核、签署和存档,请先在录音信息中选择技法。")]})
    attribution.recording_consent_check(user=requested_by, recording=recording)
    attribution.likeness_check(portrait=portrait, recording=recording)
    # 2. The span and the parameters (no model work).
    start_ms, end_ms = _check_span(recording=recording, start_ms=start_ms, end_ms=end_ms)
    preset = get_s2v_preset(settings.S2V_PRESET)
    if seed is None:
        seed = random.SystemRandom().randint(0, params.SEED_MAX)
    elif not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed <= params.SEED_MAX:
        raise params.ParameterError({"seed": [_("随机种子须在 0 到 %(max)s 之间。") % {"max": params.SEED_MAX}]})
    num_steps = preset.num_steps if steps in (None, "") else steps
    if not isinstance(num_steps, int) or isinstance(num_steps, bool) or not 1 <= num_steps <= preset.max_steps:
        raise params.ParameterError({"steps": [_("步数须在 1 到 %(n)s 之间。") % {"n": preset.max_steps}]})
    if min(portrait.width, portrait.height) < preset.min_image_side:
        raise params.ParameterError({"portrait": [
            _("人像为 %(w)s×%(h)s 像素,太小:语音驱动视频要求两边都至少 %(n)s 像素。")
            % {"w": portrait.width, "h": portrait.height, "n": preset.min_image_side}]})
    height, width = size_for_image(portrait.height, portrait.width, preset.max_area, preset.size_divisor)
    segments = span_segments(recording=recording, start_ms=start_ms, end_ms=end_ms)
    speaker_label = _check_speaker_label(recording, speaker_label)
    _refuse_other_voices(segments, recording=recording, narrator=portrait.inheritor.name, speaker_label=speaker_label)
    text = "\n".join(s.text for s in segments)
    prompt = (prompt or "").strip() or DEFAULT_PROMPT.format(name=portrait.inheritor.name,
                                                             craft=recording.craft.name)
    with tempfile.TemporaryDirectory(prefix="heritage-s2v-") as work:
        # 3. The audio: cut, then refuse an empty cut or one shorter than the span (past the end).
        wav = Path(work) / "span.wav"
        seconds = _cut_audio(recording=recording, start_ms=start_ms, end_ms=end_ms, dest=wav)
        if seconds <= 0:
            raise params.ParameterError({"span": [_("所选片段没有音频(起点可能已超出录音长度)。")]})
        if seconds < (end_ms - start_ms) / 1000 - 1 / preset.fps:
            raise params.ParameterError({"span": [
                _("片段超出录音长度:录音在 %(s).2f 秒处结束。") % {"s": start_ms / 1000 + seconds}]})
        num_frames = frames_for_audio(seconds, preset.fps)
        clips = preset.clips_for(num_frames)
        parameters = {"kind": "s2v", "width": width, "height": height, "num_frames": num_frames,
                      "num_steps": num_steps, "guidance": preset.guidance, "sampler": "unipc", "mode": "auto",
                      "clips": clips, "audio_seconds": round(seconds, 4), "fps": preset.fps,
                      "delivery_fps": preset.fps}
        soft, hard = params.time_limits({"width": width, "height": height, "num_steps": num_steps,
                                         "num_frames": preset.frames_per_clip * clips}, preset_name=preset.name)
        # 4. Everything checked: the job and its audio in one transaction.
        fields = dict(
            kind=GenerationJob.Kind.S2V, requested_by=requested_by, technique=recording.technique,
            recording=recording, portrait=portrait, audio_start_ms=start_ms, audio_end_ms=end_ms,
            speaker_label=speaker_label,
            source_text=text, prompt=prompt, negative_prompt=preset.default_negative_prompt,
            parameters=parameters, seed=seed, preset=preset.name, progress_total=num_steps * clips,
            soft_time_limit_s=soft, time_limit_s=hard, retry_of=retry_of,
        )
        fields.update(attribution.s2v_decision(portrait=portrait, recording=recording, span=(start_ms, end_ms)))
        stored: list[str] = []
        try:
            with transaction.atomic():
                if retry_of is not None:
                    from .services import retry_lock

                    retry_lock(retry_of.pk)
                job = _create(stored=stored, wav=wav, enqueue=enqueue, fields=fields)
        except Exception:
            for name in stored:  # the transaction rolled back: no file without its row
                default_storage.delete(name)
            raise
    return job


def _create(*, stored: list, wav: Path, enqueue: bool, fields: dict) -> GenerationJob:
    job = GenerationJob.objects.create(**fields)
    with open(wav, "rb") as fh:
        job.audio.save(f"{job.pk}.wav", File(fh), save=True)
    stored.append(job.audio.name)
    if enqueue:
        job_enqueue(job=job)
    return job
