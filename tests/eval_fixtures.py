"""Scoring the DEV split of the evaluation set inside tests: one way to normalize and score it, one way to
print the figures and check them against floors (tests/test_prompting_eval_dev.py, test_prompting_asr.py)."""
from generation.prompting import normalize
from generation.prompting.evaluation import load_split, score_item, summarize


def dev_rates(transform=None, *, craft_known: bool = False) -> tuple[dict, dict]:
    """(rates per field plus ``overall``, the summary) of the dev split, each text passed through
    ``transform`` first (full-width punctuation, punctuation removed …)."""
    items = load_split("dev")
    results = [(i, score_item(i, normalize(transform(i["text"]) if transform else i["text"], None,
                                           craft=i["craft"] if craft_known else None).to_dict()))
               for i in items]
    summary = summarize(results)
    rates = {f: v["rate"] for f, v in summary["fields"].items() if v["rate"] is not None}
    rates["overall"] = summary["rate"]
    return rates, summary


def assert_above_floors(rates: dict, summary: dict, floors: dict, mode: int, label: str, capsys) -> None:
    """Print the figures (visible in CI) and fail on any field under its floor (``floors``: field →
    (free text, craft known)) or on an empty prompt where an action is described."""
    with capsys.disabled():
        print(f"\n[{label}, " + ("craft known" if mode else "free text") + "] "
              + ", ".join(f"{f} {r:.2f}" for f, r in rates.items()))
    assert summary["empty_prompts"] == 0
    low = [f"{f} {rates[f]:.3f} < {floor[mode]}" for f, floor in floors.items() if rates[f] < floor[mode]]
    assert not low, low
