"""WebVTT, the one reader and writer: transcripts (archive: import, export) and the subtitle sidecars of
generated clips (generation.postprocess) use this module and its one ``Cue`` type (milliseconds).

Written for this project rather than on webvtt-py: webvtt-py 0.6 writes ``<`` and ``&`` in cue text
unescaped, reads ``&amp;`` back as is, and reports malformed files without the line, while a curator
needs the line. It reads what a transcript needs: the ``WEBVTT`` header, optional cue identifiers, ``start --> end`` timing
lines (``hh:mm:ss.mmm`` or ``mm:ss.mmm``; cue settings after the end time are ignored), cue text over
one or more lines, a ``<v Speaker>`` voice span at the start of the text, and NOTE/STYLE/REGION blocks,
which are skipped. Errors name the line they were found on, so a curator can fix the file.

Plain Python apart from Django's gettext for the messages: ``parse(text) -> list[Cue]``,
``serialize(cues, title=, language=) -> str``. Times go through ``heritage.timecode``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from django.utils.translation import gettext as _

from .timecode import TimecodeError, format_ms, overlaps, parse_vtt_timestamp


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str
    speaker: str = ""
    identifier: str = ""

    @property
    def start(self) -> float:
        """Seconds (the clip's timeline in post-processing)."""
        return self.start_ms / 1000

    @property
    def end(self) -> float:
        return self.end_ms / 1000


class WebVTTError(ValueError):
    """A malformed file. ``line`` is 1-based (0 when the problem is the file as a whole)."""

    def __init__(self, message: str, *, line: int = 0):
        self.line = line
        self.detail = message
        super().__init__(_("第 %(line)d 行:%(message)s") % {"line": line, "message": message} if line else message)


_TIMING = re.compile(r"^(?P<start>\S+)\s+-->\s+(?P<end>\S+)(?P<settings>\s+.*)?$")
_VOICE = re.compile(r"^<v(?:\.[\w.-]+)?\s+([^>]+)>(.*?)(?:</v>)?$", re.DOTALL)
_TAG = re.compile(r"</?[a-z][^>]*>", re.IGNORECASE)


def parse_timestamp(value: str, *, line: int = 0) -> int:
    """``01:02:03.456`` or ``02:03.456`` -> milliseconds."""
    try:
        return parse_vtt_timestamp(value)
    except TimecodeError as exc:
        raise WebVTTError(str(exc), line=line) from None


def format_timestamp(ms: int) -> str:
    if ms < 0:
        raise ValueError("negative time")
    return format_ms(ms)


def parse(text: str, *, allow_overlap: bool = False) -> list[Cue]:
    """Parse a whole WebVTT document. Raises ``WebVTTError`` naming the line of the first problem.
    Cues must not overlap (a transcript is one timeline) unless ``allow_overlap``."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not lines[0].startswith("WEBVTT") or (len(lines[0]) > 6 and lines[0][6] not in " \t"):
        raise WebVTTError(_("文件头错误:第一行必须是“WEBVTT”。"), line=1)

    cues: list[Cue] = []
    i = 1
    # The header block runs until the first blank line.
    while i < len(lines) and lines[i].strip():
        if "-->" in lines[i]:
            raise WebVTTError(_("文件头后必须空一行再写字幕块。"), line=i + 1)
        i += 1

    n = len(lines)
    while i < n:
        # Skip blank lines between blocks.
        if not lines[i].strip():
            i += 1
            continue
        block_start = i
        block = []
        while i < n and lines[i].strip():
            block.append(lines[i])
            i += 1
        first = block[0].strip()
        if first.startswith("NOTE") or first in {"STYLE", "REGION"} or first.startswith(("STYLE ", "REGION ")):
            continue
        identifier = ""
        timing_index = 0
        if "-->" not in block[0]:
            identifier = block[0].strip()
            timing_index = 1
            if len(block) < 2 or "-->" not in block[1]:
                raise WebVTTError(_("缺少时间行(形如 00:00:01.000 --> 00:00:04.000)。"), line=block_start + 1 + (1 if len(block) > 1 else 0))
        line_no = block_start + timing_index + 1
        m = _TIMING.match(block[timing_index].strip())
        if not m:
            raise WebVTTError(_("时间行格式错误,应为“开始 --> 结束”。"), line=line_no)
        start = parse_timestamp(m.group("start"), line=line_no)
        end = parse_timestamp(m.group("end"), line=line_no)
        if end <= start:
            raise WebVTTError(
                _("结束时间 %(end)s 早于或等于开始时间 %(start)s。")
                % {"end": m.group("end"), "start": m.group("start")},
                line=line_no,
            )
        payload_lines = block[timing_index + 1:]
        payload = "\n".join(payload_lines).strip()
        if not payload:
            raise WebVTTError(_("字幕块没有文本。"), line=line_no)
        speaker = ""
        vm = _VOICE.match(payload)
        if vm:
            speaker = vm.group(1).strip()
            payload = vm.group(2)
        payload = _TAG.sub("", payload)
        payload = payload.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&").strip()
        if not payload:
            raise WebVTTError(_("字幕块没有文本。"), line=line_no)
        previous = cues[-1] if cues else None
        if previous is not None and not allow_overlap and (
                overlaps((start, end), (previous.start_ms, previous.end_ms)) or start < previous.start_ms):
            raise WebVTTError(
                _("与上一条字幕(%(pstart)s --> %(pend)s)时间重叠或顺序颠倒。")
                % {"pstart": format_timestamp(previous.start_ms), "pend": format_timestamp(previous.end_ms)},
                line=line_no,
            )
        cues.append(Cue(start_ms=start, end_ms=end, text=payload, speaker=speaker, identifier=identifier))
    return cues


def _escape(text: str) -> str:
    # "-->" may not appear in cue text; & < > are escaped.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def serialize(cues: Iterable[Cue], *, title: str = "", language: str = "") -> str:
    """A WebVTT document; ``parse(serialize(cues))`` gives the same cues back. ``language`` adds a
    ``Language:`` header line (the clip sidecars)."""
    header = "WEBVTT" + (f" - {title.splitlines()[0]}" if title else "")
    out = [header] + ([f"Language: {language}"] if language else []) + [""]
    for index, cue in enumerate(cues, start=1):
        out.append(cue.identifier or str(index))
        out.append(f"{format_timestamp(cue.start_ms)} --> {format_timestamp(cue.end_ms)}")
        text = "\n".join(line for line in _escape(cue.text.strip()).split("\n") if line.strip())
        if cue.speaker:
            speaker = cue.speaker.replace(">", "").strip()
            out.append(f"<v {speaker}>{text}")
        else:
            out.append(text)
        out.append("")
    return "\n".join(out)


def to_plain_text(cues: Iterable[Cue], *, with_times: bool = True) -> str:
    lines = []
    for cue in cues:
        prefix = f"[{format_timestamp(cue.start_ms)}] " if with_times else ""
        who = f"{cue.speaker}:" if cue.speaker else ""
        lines.append(f"{prefix}{who}{cue.text}")
    return "\n".join(lines) + ("\n" if lines else "")
