"""The public Python API: ``normalize`` and the ``Normalization`` it returns."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from .breaks import restore_breaks
from .extract import extract
from .notices import ASIDE, NO_STEPS, notice
from .overview import apply as overview_steps
from .render import render_prompt
from .spec import CraftInfo, Spec, get_spec
from .tokens import Counters, normalize_chars
from .turns import blank, spans


@dataclass
class Normalization:
    """One transcript (or segment) normalized. ``to_dict()`` is exactly the CLI's JSON object:
    every key of the contract, plus ``technique`` and ``craft`` (what the prompt was styled for: a
    catalogue key, or the name of a craft in no catalogue, or None), ``craft_name``, ``craft_source``
    (given, detected or none) and ``notes`` (quantities said with no step); on steps, ``surface`` (the
    action as the speaker said it, where ``action`` is the spec's name for it), ``relation``,
    ``manner`` and ``notes``; on terms, ``canonical``; ``aside``: the spans ``turns.py`` set aside (speaker
    labels, the interviewer's words, questions put to the master), as ``{start, end}`` into ``text``."""

    spec_version: str
    text: str
    terms: list[dict]
    steps: list[dict]
    prompt: str
    warnings: list[str]
    technique: str | None = None
    craft: str | None = None
    craft_name: str | None = None
    craft_source: str = "none"
    notes: list = field(default_factory=list)
    counters: Counters = field(default_factory=Counters, repr=False, compare=False)
    # (start, end) of what turns.py set aside (speaker labels, the interviewer's words, questions): offsets into text
    aside: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "spec_version": self.spec_version,
            "text": self.text,
            "terms": list(map(dict, self.terms)),  # (each a copy, made in C)
            "steps": [dict(s, params=dict(s["params"]), defaults=list(s["defaults"]), notes=list(s["notes"]))
                      for s in self.steps],
            "prompt": self.prompt,
            "warnings": list(self.warnings),
            "technique": self.technique,
            "craft": self.craft,
            "craft_name": self.craft_name,
            "craft_source": self.craft_source,
            "notes": [dict(n, params=dict(n["params"])) for n in self.notes],
            "aside": [{"start": a, "end": b} for a, b in self.aside],
        }


def resolve_craft(spec: Spec, craft: str | None, technique: str | None) -> CraftInfo | None:
    """The craft a caller gives (catalogue key, Chinese name, alias or an unknown curator-created
    name), else the one a technique slug names; None leaves it to the text."""
    if craft:
        return spec.craft_info(craft)
    key = spec.craft_for(technique)
    return spec.craft_info(key) if key else None


def normalize(text: str, technique: str | None = None, *, craft: str | None = None,
              spec: Spec | None = None, detect: bool = True, interviewers=(), speakers=(),
              transcript: bool = True) -> Normalization:
    """Normalize colloquial transcript text into terms, ordered steps with parameters and a prompt.

    ``craft`` (a catalogue key such as ``yunjin``, a Chinese name or alias such as 「南京云锦」, or the
    name of a craft in no catalogue) is used as given and never overridden: inside the archive it
    comes from the technique or recording. Without it, a technique slug that begins with a craft key
    (``suxiu-zhengqiang``) names the craft; otherwise the craft is detected from the catalogue's words
    when one clearly leads, and else there is none (no craft-specific defaults, a neutral scene).
    ``technique`` also selects per-technique defaults. ``interviewers``: names the caller knows to be the
    interviewer's (a recording's), whose labelled turns are set aside like 「问:」's, and ``speakers``:
    ``(start, end, speaker)`` of parts of ``text`` whose speaker the caller knows (``turns.py``: speaker
    labels, the interviewer's turns and questions put to the master are no steps); ``transcript=False`` reads
    every word as said (a visitor's question in the gallery is a question). Never raises on odd text: any ``str``
    is accepted."""
    if not isinstance(text, str):
        raise TypeError("normalize() takes text as str; decode bytes as UTF-8 first")
    spec = spec or get_spec()
    counters = Counters()
    info = resolve_craft(spec, craft, technique)
    key = info.key if info is not None else None
    # a transcript with no punctuation (speech-recogniser output) is read with commas put where its
    # clauses start; every offset and text given back is the caller's text's
    norm = normalize_chars(text)
    given = text
    aside = spans(norm, interviewers=interviewers, dictionary=spec.pos_tags(), speakers=speakers) if transcript else []
    if aside:  # one character for one: every offset below still indexes the caller's text
        text, norm = blank(text, aside), blank(norm, aside)
    said, added = restore_breaks(spec, text, norm=norm)
    read, terms, steps, warnings, key, notes, detected = extract(
        spec, said, technique, key, counters, detect=detect and info is None, norm=None if added else norm)
    steps = overview_steps(read, steps, terms, notes)  # 「工序包括A、B、C」: the steps once
    if info is None:
        info = detected
    out_steps = []
    for order, s in enumerate(steps, start=1):
        out_steps.append({
            "order": order, "hand": s.hand, "action": s.action, "surface": s.surface or s.action,
            "tool": s.tool, "material": s.material,
            "params": s.params, "defaults": s.defaults, "start": s.start, "end": s.end,
            "relation": s.relation, "manner": s.manner, "notes": s.notes,
            "count_unit": s.counted or None,
        })
    if aside:
        warnings = warnings + [notice(ASIDE, n=len(aside))]
    if text.strip() and not out_steps:
        warnings = warnings + [notice(NO_STEPS)]
    result = Normalization(spec.version, given, terms, out_steps, "", warnings, technique,
                           info.label if info else None, info.name if info else None,
                           info.source if info else "none", notes, counters, aside=list(aside))
    # the renderer reads the description and never changes it: no copy (to_dict) is made for it
    result.prompt = render_prompt({"text": said, "terms": terms, "steps": out_steps, "technique": technique,
                                   "craft": result.craft, "craft_name": result.craft_name},
                                  spec=spec) if out_steps else ""
    if added:
        # the renderer read offsets into ``said``; what is given back indexes the caller's text
        _map_back(text, said, added, terms, out_steps, notes)
        result.warnings = [_unbroken(text, said, added, w) for w in result.warnings]
    return result


def _orig(added: list, pos: int) -> int:
    """An offset into the text with restored commas (``added``: their offsets) → the caller's text."""
    return pos - bisect_left(added, pos)


def _unbroken(text: str, said: str, added: list, piece: str) -> str:
    """A piece of ``said`` (a warning, a note) as the caller's text says it."""
    at = said.find(piece)
    if at < 0:
        return piece
    return text[_orig(added, at):_orig(added, at + len(piece))]


def _map_back(text: str, said: str, added: list, terms: list, steps: list, notes: list) -> None:
    for t in terms:
        t["start"], t["end"] = _orig(added, t["start"]), _orig(added, t["end"])
        t["text"] = text[t["start"]:t["end"]]
    for s in steps:
        if s["start"] >= 0:
            s["start"], s["end"] = _orig(added, s["start"]), _orig(added, s["end"])
        s["notes"] = [_unbroken(text, said, added, x) if isinstance(x, str) else x for x in s["notes"]]
    for nt in notes:
        nt["text"] = _unbroken(text, said, added, nt["text"])
