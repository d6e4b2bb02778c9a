"""How archive data reads to a visitor, in the visitor's language: a step's parameters as 「温度 1600 ℃」
(labels and units from the action-description spec's parameter table,
generation/prompting/data/parameters.json, translated by generation/prompting/display.py), and a step's description
in English when one is stored."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from django.utils.translation import get_language

from generation.prompting.display import parameter_label, unit_label

PARAMETERS_PATH = Path(__file__).resolve().parent.parent / "generation" / "prompting" / "data" / "parameters.json"


@lru_cache(maxsize=1)
def _table() -> dict:
    try:
        return json.loads(PARAMETERS_PATH.read_text(encoding="utf-8")).get("parameters", {})
    except (OSError, ValueError):
        return {}


def _number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def parameter_text(name: str, value) -> str:
    """One parameter for people: ("temperature_c", 1600) → 「温度 1600 ℃」 / "temperature 1600 ℃"; an
    unknown name is shown as it is stored."""
    entry = _table().get(name)
    if entry is None:
        return f"{name} {_number(value)}"
    label = parameter_label(name, entry)
    if entry.get("unit") == "1/N":
        return f"{label} 1/{_number(value)}"
    return f"{label} {_number(value)} {unit_label(entry.get('unit', ''))}".strip()


def parameters_text(parameters: dict | None) -> str:
    """All of a step's parameters, in the spec's order, separated by 「,」 (", " in English)."""
    if not parameters:
        return ""
    order = list(_table())
    names = sorted(parameters, key=lambda n: (order.index(n) if n in order else len(order), n))
    separator = ", " if (get_language() or "").startswith("en") else ","
    return separator.join(parameter_text(n, parameters[n]) for n in names)


def step_text(step) -> str:
    """A step's description in the visitor's language (the stored English one in English mode, when there
    is one) followed by its parameters."""
    english = (get_language() or "").startswith("en")
    description = (step.description_en if english and step.description_en else step.description) or ""
    params = parameters_text(step.parameters)
    return "\n".join(filter(None, [description, params]))
