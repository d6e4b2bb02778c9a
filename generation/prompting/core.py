"""The public Python API: ``normalize`` and the ``Normalization`` it returns."""
from __future__ import annotations

from dataclasses import dataclass, field

from .extract import Counters, extract
from .render import render_prompt
from .spec import Spec, get_spec


@dataclass
class Normalization:
    """One transcript (or segment) normalized. ``to_dict()`` is exactly the CLI's JSON object:
    every key of the contract, plus ``technique`` and ``craft`` (what the prompt was styled for) and,
    on steps, ``relation``, ``manner`` and ``notes``; on terms, ``canonical``."""

    spec_version: str
    text: str
    terms: list[dict]
    steps: list[dict]
    prompt: str
    warnings: list[str]
    technique: str | None = None
    craft: str | None = None
    counters: Counters = field(default_factory=Counters, repr=False, compare=False)

    def to_dict(self) -> dict:
        return {
            "spec_version": self.spec_version,
            "text": self.text,
            "terms": [dict(t) for t in self.terms],
            "steps": [dict(s, params=dict(s["params"]), defaults=list(s["defaults"]), notes=list(s["notes"]))
                      for s in self.steps],
            "prompt": self.prompt,
            "warnings": list(self.warnings),
            "technique": self.technique,
            "craft": self.craft,
        }


def normalize(text: str, technique: str | None = None, *, craft: str | None = None,
              spec: Spec | None = None) -> Normalization:
    """Normalize colloquial transcript text into terms, ordered steps with parameters and a prompt.

    ``technique`` is a technique slug (e.g. ``suxiu-zhengqiang``); it selects per-technique, then
    per-craft defaults for vague degree words; the craft is taken from the slug (``suxiu-…``) unless
    ``craft`` (a craft key or alias, e.g. ``suxiu`` or ``苏绣``) is given, and is otherwise guessed from
    the terms. Never raises on odd text: any ``str`` is accepted."""
    if not isinstance(text, str):
        raise TypeError("normalize() takes text as str; decode bytes as UTF-8 first")
    spec = spec or get_spec()
    counters = Counters()
    craft = spec.craft_for(craft) or spec.craft_for(technique)
    _, terms, steps, warnings, craft = extract(spec, text, technique, craft, counters)
    out_steps = []
    for order, s in enumerate(steps, start=1):
        out_steps.append({
            "order": order, "hand": s.hand, "action": s.action, "tool": s.tool, "material": s.material,
            "params": s.params, "defaults": s.defaults, "start": s.start, "end": s.end,
            "relation": s.relation, "manner": s.manner, "notes": s.notes,
        })
    if text.strip() and not out_steps:
        warnings = warnings + ["未识别出动作步骤"]
    result = Normalization(spec.version, text, terms, out_steps, "", warnings, technique, craft, counters)
    result.prompt = render_prompt(result.to_dict(), spec=spec) if out_steps else ""
    return result
