"""The spec's parameter names and units (data, not code) keep their English: ``spec_messages`` names each one
for ``makemessages`` (which otherwise drops them), and the English catalogue has each."""
import json
import re
from pathlib import Path

from django.utils import translation

from generation.prompting import display, spec_messages

DATA = Path(__file__).resolve().parent.parent / "generation" / "prompting" / "data" / "parameters.json"
HAN = re.compile(r"[\u4e00-\u9fff]")


def _parameters():
    return json.loads(DATA.read_text(encoding="utf-8"))["parameters"]


def test_every_parameter_name_and_chinese_unit_of_the_data_is_listed_for_extraction():
    params = _parameters()
    labels = {entry["label"] for entry in params.values() if entry.get("label")}
    units = {entry["unit"] for entry in params.values() if HAN.search(entry.get("unit") or "")}
    with translation.override("zh-hans"):
        listed_labels = {str(m) for m in spec_messages.PARAMETER_LABELS}
        listed_units = {str(m) for m in spec_messages.UNITS}
    assert labels <= listed_labels, f"add to spec_messages.PARAMETER_LABELS: {sorted(labels - listed_labels)}"
    assert units <= listed_units, f"add to spec_messages.UNITS: {sorted(units - listed_units)}"


def test_every_parameter_reads_in_english_without_chinese():
    with translation.override("en"):
        for name, entry in _parameters().items():
            shown = display.parameter_choice(name, entry)
            assert not HAN.search(shown), f"{name}: {shown!r} has no English"
