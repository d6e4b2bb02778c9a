"""Gold set: precision and recall per field of the normalizer against generation/prompting/data/gold.json
(71 colloquial transcripts across 9 crafts). Prints the table; fails under the floors below.

Floors were set a few points under the figures measured when the gold set was written (see
docs/PERFORMANCE.md, section Normalization); a change that loses more than that is a regression."""
from collections import Counter

from generation.prompting.scoring import FIELDS, load_gold, report, run_gold

FLOORS = {  # field: (precision, recall)
    "steps": (0.90, 0.92),
    "hand": (0.90, 0.90),
    "tool": (0.88, 0.92),
    "material": (0.75, 0.88),
    "params": (0.88, 0.88),
    "defaults": (0.90, 0.90),
    "terms": (0.92, 0.94),
}


def test_gold_set_is_big_and_varied_enough():
    gold = load_gold()
    assert len(gold) >= 60
    crafts = Counter(item["craft"] for item in gold)
    assert len(crafts) >= 8, crafts
    assert sum(len(item["steps"]) for item in gold) >= 100
    assert len({item["id"] for item in gold}) == len(gold)


def test_gold_scores_above_floor(capsys):
    tally = run_gold()
    with capsys.disabled():
        print("\n" + report(tally))
    failures = []
    for field in FIELDS:
        p_floor, r_floor = FLOORS[field]
        if tally.precision(field) < p_floor or tally.recall(field) < r_floor:
            failures.append(f"{field}: P={tally.precision(field):.3f} (floor {p_floor}) "
                            f"R={tally.recall(field):.3f} (floor {r_floor})")
    assert not failures, "\n".join(failures + [str(e) for e in tally.errors[:40]])


def test_scorer_penalizes_a_wrong_normalizer():
    """The scoring itself can fail: an empty prediction scores zero recall on every field."""
    from generation.prompting.scoring import score

    gold = load_gold()
    empty = [(g, {"steps": [], "terms": []}) for g in gold]
    tally = score(empty)
    for field in FIELDS:
        if tally.expected[field]:
            assert tally.recall(field) == 0.0
    shuffled = [(g, {"steps": [dict(s, action="错") for s in g["steps"]], "terms": []}) for g in gold]
    assert score(shuffled).precision("steps") == 0.0

