"""``roles._open_reads``: for a craft the spec describes in full, ``_read_unit`` calls ``_open_read`` only where
its walk can meet something that reaches the step (a speed gate, no rule of its own). The gate is checked
against ``_open_read`` itself: with the gate opened for every unit, each unit it would have skipped must leave
the step exactly as ``_open_read`` found it. Texts: the gold set and the dev split (free text, craft known, no
punctuation), where most units of a described craft are read."""
import dataclasses
import json
from pathlib import Path

from generation.prompting import normalize, roles
from generation.prompting.evaluation import strip_punctuation
from generation.prompting.tokens import Step

DATA = Path(__file__).resolve().parent.parent / "generation" / "prompting" / "data"
FIELDS = [f.name for f in dataclasses.fields(Step)]


def _snapshot(step: Step) -> list:
    return [repr(getattr(step, name)) for name in FIELDS]


def _items() -> list:
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))["transcripts"]
    dev = json.loads((DATA / "eval" / "dev.json").read_text(encoding="utf-8"))["transcripts"]
    return gold + dev


def test_open_read_is_skipped_only_where_it_changes_nothing(monkeypatch):
    real_open_read, real_gate = roles._open_read, roles._open_reads
    skipped = read = 0

    def checked(spec, doc, term_at, s, e, step, action_idx, described=False, cut=None, craft=None, ii=None):
        nonlocal skipped, read
        gated = described and not real_gate(doc, term_at, s, e, action_idx, ii)
        before = _snapshot(step) if gated else None
        real_open_read(spec, doc, term_at, s, e, step, action_idx, described, cut, craft=craft, ii=ii)
        if gated:
            skipped += 1
            assert _snapshot(step) == before, ("".join(doc.words[s:e + 1]), before, _snapshot(step))
        elif described:
            read += 1

    monkeypatch.setattr(roles, "_open_reads", lambda *args: True)
    monkeypatch.setattr(roles, "_open_read", checked)
    for item in _items():
        normalize(item["text"])
        normalize(item["text"], None, craft=item.get("craft"))
        normalize(strip_punctuation(item["text"]))
    # the gate is exercised both ways (about two units in five of a described craft here are skipped)
    assert skipped > 100 and read > 100, (skipped, read)


def test_gated_and_ungated_give_the_same_result(monkeypatch):
    items = _items()[:40]
    gated = [normalize(item["text"]).to_dict() for item in items]
    monkeypatch.setattr(roles, "_open_reads", lambda *args: True)
    assert [normalize(item["text"]).to_dict() for item in items] == gated
