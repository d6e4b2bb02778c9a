"""Subtitle cues from step descriptions, with cue times mapped onto the clip (written as WebVTT by
``heritage.webvtt``, the one reader and writer; times in milliseconds through ``heritage.timecode``).

A step may carry times on its source timeline (e.g. the transcript milliseconds the step was taken
from); those are mapped linearly onto the clip, so relative lengths are kept. Steps without times share
the clip equally. Slow-motion variants stretch the same cues by 1/speed.
"""
from dataclasses import dataclass

from heritage.timecode import seconds_to_ms
from heritage.webvtt import Cue

from .errors import InputError, _


@dataclass(frozen=True)
class Step:
    text: str
    text_en: str = ""
    start: float | None = None  # source timeline, any unit (mapped linearly)
    end: float | None = None


def as_steps(items) -> list[Step]:
    """Accept Step objects, dicts ({text|description, text_en|description_en, start, end}) or
    TechniqueStep-like objects (description, description_en)."""
    steps = []
    for item in items or []:
        if isinstance(item, Step):
            steps.append(item)
        elif isinstance(item, str):
            steps.append(Step(text=item))
        elif isinstance(item, dict):
            steps.append(
                Step(
                    text=str(item.get("text") or item.get("description") or ""),
                    text_en=str(item.get("text_en") or item.get("description_en") or ""),
                    start=item.get("start"),
                    end=item.get("end"),
                )
            )
        else:
            steps.append(
                Step(text=str(getattr(item, "description", "") or ""), text_en=str(getattr(item, "description_en", "") or ""))
            )
    steps = [s for s in steps if s.text.strip() or s.text_en.strip()]
    return steps


def map_cues(steps: list[Step], duration_s: float, *, language: str = "zh") -> list[Cue]:
    """Cues for one language, every one inside [0, duration_s]."""
    if duration_s <= 0:
        raise InputError(_("视频时长为零,无法生成字幕。"))
    if not steps:
        return []
    timed = all(s.start is not None and s.end is not None and s.end > s.start for s in steps)
    if timed:
        origin = min(float(s.start) for s in steps)
        span = max(float(s.end) for s in steps) - origin
        bounds = [((float(s.start) - origin) / span, (float(s.end) - origin) / span) for s in steps]
    else:
        n = len(steps)
        bounds = [(i / n, (i + 1) / n) for i in range(n)]
    end_limit = seconds_to_ms(duration_s)
    cues = []
    for step, (a, b) in zip(steps, bounds):
        text = step.text if language == "zh" else step.text_en
        if not text.strip():
            continue
        start = seconds_to_ms(a * duration_s)
        end = min(seconds_to_ms(b * duration_s), end_limit)
        if end <= start:
            continue
        cues.append(Cue(start_ms=start, end_ms=end, text=text.strip()))
    return cues


def span_cues(segments, *, start_ms: int, end_ms: int, duration_s: float) -> list[Cue]:
    """Cues of a speech-driven clip (口述影像): the transcript segments ``(start_ms, end_ms, text)`` that
    overlap the audio span [start_ms, end_ms), shifted so the span starts at 0 (real time, not stretched),
    clipped to the span and to the clip's duration."""
    if duration_s <= 0:
        raise InputError(_("视频时长为零,无法生成字幕。"))
    limit = min(seconds_to_ms(duration_s), end_ms - start_ms)
    cues = []
    for seg_start, seg_end, text in segments:
        a = max(seg_start, start_ms) - start_ms
        b = min(min(seg_end, end_ms) - start_ms, limit)
        if b > a and str(text).strip():
            cues.append(Cue(start_ms=a, end_ms=b, text=str(text).strip()))
    return cues


def retime(cues: list[Cue], factor: float, duration_s: float) -> list[Cue]:
    """Stretch cues by ``factor`` (2.0 for 0.5× slow motion), clamped to the new duration."""
    end_limit = seconds_to_ms(duration_s)
    out = []
    for c in cues:
        start, end = seconds_to_ms(c.start * factor), min(seconds_to_ms(c.end * factor), end_limit)
        if end > start:
            out.append(Cue(start_ms=start, end_ms=end, text=c.text))
    return out
