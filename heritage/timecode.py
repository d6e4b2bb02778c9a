"""Times in media, in one place: milliseconds are the unit everywhere (models, cues, comments).

- ``format_ms(62345)`` → ``00:01:02.345`` (WebVTT, transcripts, the ``timecode`` template filter)
- ``format_mmss(62345)`` → ``01:02`` (a review comment's time code)
- ``parse_vtt_timestamp("01:02.345")`` → 62345: the strict WebVTT form, ``[hh:]mm:ss.mmm``
- ``parse_timecode("1:02.5")`` → 62500: what a person types (``00:01:02.500``, ``1:02.5``, ``62.5`` s)
- ``parse_bracketed("[00:00:05.000] 金文华:…")`` → (5000, "金文华:…"): the plain-text transcript's time code
- every parser reads a time code typed with a Chinese input method (``００:０１:０２.５``, ``1：02``) as
  ASCII (``fold``: NFKC of the time code only, never of the words around it); other digits are refused
- ``seconds_to_ms(2.0004)`` → 2000: a clip's seconds, floored to the millisecond
- ``overlaps(a, b)``: the one rule for a transcript's segments and a file's cues: two spans
  ``(start_ms, end_ms)`` overlap when each starts before the other ends (touching is fine)
"""
from __future__ import annotations

import math
import re
import unicodedata

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


def fold(value: str) -> str:
    """Full-width digits, colon and full stop (a Chinese input method) as ASCII: NFKC. Applied to
    a time code only; the text of a transcript is kept as written."""
    return unicodedata.normalize("NFKC", value)


_VTT_TS = re.compile(r"^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$", re.ASCII)


def parse_vtt_timestamp(value: str) -> int:
    m = _VTT_TS.match(fold(value).strip())
    if not m:
        raise TimecodeError(_("时间戳“%(value)s”格式错误,应为 时:分:秒.毫秒(如 00:01:02.500)。") % {"value": value})
    hours, minutes, seconds, millis = m.groups()
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


_TYPED = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d{1,2})(?:[.,](\d{1,3}))?$", re.ASCII)
MAX_TYPED = 16


def parse_timecode(text: str) -> int | None:
    """Milliseconds from what a person typed; None for an empty value."""
    text = fold(text or "").strip()
    if not text:
        return None
    if len(text) > MAX_TYPED:
        raise TimecodeError(_("时间“%(v)s”太长,应为 时:分:秒.毫秒,如 00:01:02.500。") % {"v": text[:20]})
    if re.fullmatch(r"\d+(?:\.\d+)?", text, re.ASCII):
        return int(round(float(text) * 1000))
    m = _TYPED.match(text)
    if not m:
        raise TimecodeError(_("时间“%(v)s”格式错误,应为 时:分:秒.毫秒,如 00:01:02.500。") % {"v": text})
    hours, minutes, seconds, frac = m.groups()
    if int(seconds) >= 60 or (minutes and int(minutes) >= 60 and hours):
        raise TimecodeError(_("时间“%(v)s”中的分或秒不能超过 59。") % {"v": text})
    millis = int((frac or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes or 0)) * 60 + int(seconds)) * 1000 + millis


# A line of a plain-text transcript that starts with a time code: ``[hh:mm:ss.mmm]``, as the export writes it
# (square brackets, ASCII or full-width).
_BRACKET = re.compile(r"^[\[\uff3b]([^\]\uff3d]{1,20})[\]\uff3d]")
_BRACKETED_TS = re.compile(r"\d{1,2}:\d{2}:\d{2}\.\d{3}", re.ASCII)


def parse_bracketed(line: str) -> tuple[int, str] | None:
    """``[00:00:05.000] 金文华:…`` → ``(5000, "金文华:…")``; None when the line does not start with a time code
    of that shape (``[笑声]`` is text). Raises ``TimecodeError`` for one of that shape that cannot be read
    (minute 99). Only what is inside the brackets is folded; the rest of the line is returned as written."""
    m = _BRACKET.match(line)
    if not m:
        return None
    code = fold(m.group(1)).strip()
    if not _BRACKETED_TS.fullmatch(code):
        return None
    return parse_vtt_timestamp(code), line[m.end():].strip()


def seconds_to_ms(seconds: float) -> int:
    return int(math.floor(seconds * 1000 + 1e-6))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
