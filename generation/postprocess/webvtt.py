"""WebVTT sidecars from step descriptions, with cue times mapped onto the clip.

A step may carry times on its source timeline (e.g. the transcript milliseconds the step was taken
from); those are mapped linearly onto the clip, so relative lengths are kept. Steps without times share
the clip equally. Slow-motion variants stretch the same cues by 1/speed.
"""
import math
import re
from dataclasses import dataclass

from .errors import InputError, _


@dataclass(frozen=True)
class Step:
    text: str
    text_en: str = ""
    start: float | None = None  # source timeline, any unit (mapped linearly)
    end: float | None = None


@dataclass(frozen=True)
class Cue:
    start: float  # seconds on the clip
    end: float
    text: str


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


def _floor_ms(seconds: float) -> float:
    return math.floor(seconds * 1000 + 1e-6) / 1000


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
    end_limit = _floor_ms(duration_s)
    cues = []
    for step, (a, b) in zip(steps, bounds):
        text = step.text if language == "zh" else step.text_en
        if not text.strip():
            continue
        start = _floor_ms(a * duration_s)
        end = min(_floor_ms(b * duration_s), end_limit)
        if end <= start:
            continue
        cues.append(Cue(start, end, text.strip()))
    return cues


def span_cues(segments, *, start_ms: int, end_ms: int, duration_s: float) -> list[Cue]:
    """Cues of a speech-driven clip: the transcript segments ``(start_ms, end_ms, text)`` that overlap the
    audio span [start_ms, end_ms), their times shifted so the span starts at 0 (real time, not stretched),
    clipped to the span and to the clip's duration."""
    if duration_s <= 0:
        raise InputError(_("视频时长为零,无法生成字幕。"))
    limit = min(_floor_ms(duration_s), (end_ms - start_ms) / 1000)
    cues = []
    for seg_start, seg_end, text in segments:
        a = max(seg_start, start_ms) - start_ms
        b = min(seg_end, end_ms) - start_ms
        a, b = a / 1000, min(b / 1000, limit)
        if b > a and str(text).strip():
            cues.append(Cue(a, b, str(text).strip()))
    return cues


def timestamp(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("-->", "→")
    # A blank line would end the cue early.
    return "\n".join(line for line in text.splitlines() if line.strip())


def render_vtt(cues: list[Cue], *, language: str = "zh") -> str:
    lines = ["WEBVTT", f"Language: {language}", ""]
    for i, cue in enumerate(cues, 1):
        lines += [str(i), f"{timestamp(cue.start)} --> {timestamp(cue.end)}", _escape(cue.text), ""]
    return "\n".join(lines)


_TS = r"(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})"
_CUE_TIMING = re.compile(rf"^{_TS}\s+-->\s+{_TS}(?:\s+.*)?$")


def _seconds(h, m, s, ms) -> float:
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def parse_vtt(text: str) -> list[Cue]:
    """A strict-enough WebVTT reader (header, timings, payload). ``ValueError`` on malformed input."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n{2,}", text.strip("\n"))
    if not blocks or not re.match(r"^WEBVTT(?:[ \t].*)?$", blocks[0].split("\n")[0]):
        raise ValueError("missing WEBVTT header")
    cues = []
    for block in blocks[1:]:
        lines = block.split("\n")
        if lines[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        if "-->" not in lines[0]:
            lines = lines[1:]  # cue identifier
        if not lines:
            raise ValueError(f"cue without timing: {block!r}")
        match = _CUE_TIMING.match(lines[0].strip())
        if not match:
            raise ValueError(f"bad cue timing: {lines[0]!r}")
        g = match.groups()
        start, end = _seconds(*g[0:4]), _seconds(*g[4:8])
        if end <= start:
            raise ValueError(f"cue ends before it starts: {lines[0]!r}")
        payload = "\n".join(lines[1:])
        payload = payload.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        cues.append(Cue(start, end, payload))
    return cues


def retime(cues: list[Cue], factor: float, duration_s: float) -> list[Cue]:
    """Stretch cues by ``factor`` (2.0 for 0.5× slow motion), clamped to the new duration."""
    end_limit = _floor_ms(duration_s)
    out = []
    for c in cues:
        start, end = _floor_ms(c.start * factor), min(_floor_ms(c.end * factor), end_limit)
        if end > start:
            out.append(Cue(start, end, c.text))
    return out
