"""Reads for the prompting app."""
from __future__ import annotations


def recording_reading(recording, text: str) -> dict:
    """``normalize()``'s keyword arguments for ``text`` read from ``recording``: its interviewer's name, and who
    said each part when ``text`` is a stretch of its transcript as stored (``turns.py`` sets the interviewer's
    parts aside). A curator's edited text keeps only the name: labels written into it are read by turns.py."""
    if recording is None:
        return {}
    out = {"interviewers": [recording.interviewer] if recording.interviewer else []}
    full, turns = recording.transcript()
    start = full.find(text) if text else -1
    if start >= 0:
        end = start + len(text)
        out["speakers"] = [(max(a, start) - start, min(b, end) - start, who)
                           for a, b, who in turns if who and b > start and a < end]
    return out
