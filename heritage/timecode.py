"""Times in media, in one place: milliseconds are the unit everywhere (models, cues, comments).

- ``format_ms(62345)`` → ``00:01:02.345`` (WebVTT, transcripts, the ``timecode`` template filter)
- ``format_mmss(62345)`` → ``01:02`` (a review comment's time code)
- ``parse_vtt_timestamp("01:02.345")`` → 62345: the strict WebVTT form, ``[hh:]mm:ss.mmm``
- ``parse_timecode("1:02.5")`` → 62500: what a person types (``00:01:02.500``, ``1:02.5``, ``62.5`` s)
- ``seconds_to_ms(2.0004)`` → 2000: a clip's seconds, floored to the millisecond
- ``overlaps(a, b)``: the one rule for a transcript's segments and a file's cues: two spans
  ``(start_ms, end_ms)`` overlap when each starts before the other ends (touching is fine)
"""
from __future__ import annotations

import math
import re

from django.utils.translation import gettext as _


class TimecodeError(ValueError):
    """A time that cannot be read; the message (Chinese, translated) says what is expected."""


def format_ms(ms: int) -> str:
    """``00:01:02.345``; a negative time (a bad input being reported) gets a leading minus."""
    if ms < 0:
        return "-" + format_ms(-ms)
    h, rem = divmod(int(ms), 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, millis = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{millis:03d}"


def format_mmss(ms: int) -> str:
    s = int(ms) // 1000
    return f"{s // 60:02d}:{s % 60:02d}"


_VTT_TS = re.compile(r"^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$")


def parse_vtt_timestamp(value: str) -> int:
    m = _VTT_TS.match(value.strip())
    if not m:
        raise TimecodeError(_("时间戳“%(value)s”格式错误,应为 时:分:秒.毫秒(如 00:01:02.500)。") % {"value": value})
    hours, minutes, seconds, millis = m.groups()
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


_TYPED = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:[.,](\d{1,3}))?$")
MAX_TYPED = 16


def parse_timecode(text: str) -> int | None:
    """Milliseconds from what a person typed; None for an empty value."""
    text = (text or "").strip()
    if not text:
        return None
    if len(text) > MAX_TYPED:
        raise TimecodeError(_("时间“%(v)s”太长,应为 时:分:秒.毫秒,如 00:01:02.500。") % {"v": text[:20]})
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return int(round(float(text) * 1000))
    m = _TYPED.match(text)
    if not m:
        raise TimecodeError(_("时间“%(v)s”格式错误,应为 时:分:秒.毫秒,如 00:01:02.500。") % {"v": text})
    hours, minutes, seconds, frac = m.groups()
    if int(seconds) >= 60 or (minutes and int(minutes) >= 60 and hours):
        raise TimecodeError(_("时间“%(v)s”中的分或秒不能超过 59。") % {"v": text})
    millis = int((frac or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds)) * 1000 + millis


def seconds_to_ms(seconds: float) -> int:
    return int(math.floor(seconds * 1000 + 1e-6))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
