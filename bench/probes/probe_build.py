"""What the probe-set builders share (bench/probes/build_*_probes.py): the item shorthands, the checks every set
passes (``validate_item``, unique ids and crafts, 14 items and the ten categories per half) and the writing of the
JSON files in the format of generation/prompting/data/eval/dev.json."""
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from generation.prompting.evaluation import text_features, validate_item  # noqa: E402

X = ["铁花", "绣针", "紫泥"]  # other crafts' scenes and defaults a prompt must not borrow
HOUR = 3600
DAY = 86400
MONTH = 30 * DAY
YEAR = 365 * DAY
CUN = 33.33  # 寸 in mm (data/eval/README.md)
CHI = 333.3  # 尺 in mm


def S(action, hand=None, tool=None, material=None):
    """An expected step; a single surface may be given bare."""
    a = action if isinstance(action, list) else [action]
    t = tool if tool is None or isinstance(tool, list) else [tool]
    m = material if material is None or isinstance(material, list) else [material]
    return {"action": a, "hand": hand, "tool": t, "material": m}


def P(name, value, approx=False):
    """An expected parameter."""
    d = {"name": name, "value": value}
    if approx:
        d["approx"] = True
    return d


def SRC(title, url, facts):
    """The public page a grounded item's facts come from."""
    return {"title": title, "url": url, "facts": facts}


def lines(*turns):
    """An interview's turns, one per line."""
    return "\n".join(turns)


class Items:
    """The items of one builder, by half; ``item`` adds one, ``write`` checks them all and writes a file per half."""

    def __init__(self):
        self.items = []

    def item(self, half, iid, cat, craft, aliases, text, steps, params=(), terms=(), inc=(), exc=X, source=None,
             dialect=False):
        action = bool(steps)
        self.items.append((half, {
            "id": iid, "category": cat, "craft": craft, "craft_aliases": list(aliases), "grounded": source is not None,
            "source": source, "features": text_features(text, action, dialect), "text": text,
            "expect": {"describes_action": action, "steps": steps, "params": list(params), "terms": list(terms),
                       "prompt_must_include": list(inc), "prompt_must_not_include": list(exc)}}))

    def write(self, name: str, halves: str, about, *, one_without_action: bool = True) -> None:
        """Check every item, then write bench/probes/{name}_{half}.json for each half; ``about(half)`` is the file's
        description. Exits with the problems when an item is malformed."""
        problems = [p for _, it in self.items for p in validate_item(it)]
        ids = collections.Counter(it["id"] for _, it in self.items)
        assert all(v == 1 for v in ids.values()), ids
        crafts = collections.Counter(it["craft"] for _, it in self.items)
        assert all(v == 1 for v in crafts.values()), crafts
        if problems:
            sys.exit("\n".join(problems))
        for half in halves:
            its = [it for h, it in self.items if h == half]
            assert len(its) == 14, (half, len(its))
            cats = collections.Counter(it["category"] for it in its)
            assert len(cats) == 10, (half, cats)
            without = sum(1 for it in its if not it["expect"]["describes_action"])
            assert not one_without_action or without == 1, half
            print(half, len(its), "items,", sum(len(it["expect"]["steps"]) for it in its), "steps,",
                  sum(len(it["expect"]["params"]) for it in its), "params,", len({it["craft"] for it in its}), "crafts,",
                  sum(1 for it in its if it["grounded"]), "grounded,", without, "without action")
            doc = {"version": "1.0.0", "about": about(half), "transcripts": its}
            with open(ROOT / f"bench/probes/{name}_{half}.json", "w", encoding="utf-8") as fh:
                json.dump(doc, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
