"""Session 22's speed changes (helper speedB) read what the code they replace read: each shortcut is checked here
against the plain form it stands for (no rule of its own; outputs are unchanged, ``bench/nlp_same.py``)."""
import json
import random
import re
from pathlib import Path

from generation.prompting import names, normalize, render
from generation.prompting.spec import _trie_pattern
from generation.prompting.tokens import normalize_chars
from generation.prompting.words import POS_TAGS, from_pos_table

DATA = Path(__file__).resolve().parent.parent / "generation" / "prompting" / "data"


def _texts() -> list:
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))["transcripts"]
    return [normalize_chars(item["text"]) for item in gold]


def test_numbered_steps_are_what_format_gives():
    rendered = ["右手拿刀切", "把面揉匀", "{x}"]
    for template in ("第{order}步,{text}", "{text}({order})", "{order}. {text}{{}}", "{order:>3}{text}",
                     "{text}", "步骤{order}{order}:{text}"):
        want = [template.format(order=i + 1, text=r) for i, r in enumerate(rendered)]
        assert render._numbered_steps(template, rendered) == want, template


def test_numeral_name_starts_are_the_lookahead_starts():
    normalize("先把面揉匀")  # (the part-of-speech table in use)
    table, pattern = from_pos_table(names._numeral_names)
    assert pattern is not None
    lookahead = re.compile("(?=" + _trie_pattern(table).pattern + ")")
    rng = random.Random(7)
    words = sorted(table)
    for norm in _texts()[:80]:
        chars = list(norm)
        for _ in range(6):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(words))
        text = "".join(chars) + "\n" + rng.choice(words)
        assert [m.start() for m in pattern.finditer(text)] == [m.start() for m in lookahead.finditer(text)]


def test_glued_verbs_are_the_first_two_tests():
    normalize("先把面揉匀")
    tags = POS_TAGS.segment
    verbs = from_pos_table(names._glued_verbs)
    sample = [w for w in list(tags)[:200000] if len(w) == 2]
    for w in sample:
        assert (w in verbs) == (tags.get(w, "x")[:1] == "v" and tags.get(w[1], "x")[:1] == "n"), w


def test_relation_lead_is_the_first_lead_it_starts_with():
    for rel in ("往版上", "顺着一个方向", "在锅里", "跟着鼓点", "从指面滑到甲尖", "踩着鼓点", "和着节拍走"):
        got = render._relation_text({"relation": rel, "surface": "压"}, None, "")
        lead = next(w for w in render.RELATION_LEADS if rel.startswith(w))
        rest = rel[len(lead):]
        if got is not None:
            assert got[0] == rel and rest


def test_performed_counts_half_or_more():
    moving = {"surface": "跳", "start": 0, "end": 1}
    still = {"surface": "切", "start": 0, "end": 1}
    for n_moving in range(5):
        for n_still in range(5):
            steps = [moving] * n_moving + [still] * n_still
            random.Random(n_moving * 5 + n_still).shuffle(steps)
            assert render._performed(steps, "跳切") == (n_moving * 2 >= len(steps))
