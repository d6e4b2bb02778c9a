"""Scoring normalization output against the independent evaluation set (``data/eval/``).

The evaluation set (``data/eval/dev.json`` and ``data/eval/test.json``, format in
``data/eval/README.md``) was written for issue 11 before the open-vocabulary rules, by someone who did
not change the rules; the test split is never used for tuning. This module is pure Python (no Django):
it reads an item of the set and the normalizer's JSON output (the ``normalize_transcript --format json``
contract: ``steps[]`` with ``action``, ``hand``, ``tool``, ``material``, ``params{}``, plus top-level
``prompt``, ``terms[]``, ``warnings[]``; quantities with no step may come in a top-level ``notes`` or
``params`` list) and returns a list of checks ``{"field", "ok", "detail"}``.

Checks, per item:

* ``action`` – one per expected step: some output step's action matches one of the acceptable verbs.
  Expected steps are matched greedily in order: each takes the first unused output step after the
  previous match whose action matches (preferring one with the expected hand when the hand is given);
  only when none follows does it take an earlier unused one (the action passes, the order will not).
* ``order`` – one per item with at least two expected steps: all matched steps are in increasing output
  order (fails when fewer than two were matched).
* ``hand`` – one per expected step whose ``hand`` is not null: the matched step has that hand
  (``left``/``right``/``both``; 左手/右手/双手 accepted). Fails when the step was not matched.
* ``tool`` / ``material`` – one per expected step whose value is not null: the matched step carries
  an acceptable surface, or a neighbouring output step (just before or after) with the same hand does
  (the speaker's 「拿起錾子轻轻敲」 may come out as two steps). Fails when the step was not matched.
* ``param`` – one per expected parameter: some output parameter of the same name (in any step's
  ``params``, or a top-level ``notes``/``params`` entry) has a matching value; values filled from
  defaults (names in the step's ``defaults``) do not count. Exact values match within ±1 %; an
  ``approx`` value matches an output value within ±10 % or an output range containing it; an expected
  range ``[a, b]`` matches an output range with both ends within ±1 % (±10 % when ``approx``).
* ``term`` – one per expected term: an output term's text or canonical form matches.
* ``prompt_nonempty`` – one per item whose text describes an action: the prompt is not blank.
* ``prompt_include`` – one per word the speaker said that a faithful prompt must contain (an entry
  that is a list is satisfied by any of its words).
* ``prompt_exclude`` – one per word that must not appear (another craft's scene or default).

Surface matching: after traditional → simplified (OpenCC ``t2s``) and stripping spaces, a surface
matches when one string contains the other; an output string contained in the expected one must be
at least two characters long unless the expected string itself is one character (so an output 「刀」
does not pass for an expected 「刻刀」, nor 「针」 for 「绣针」; an output 「绣针」 passes for an expected
「针」, and an item that accepts a bare 「针」 lists it among its surfaces).

:func:`score_item` scores one item; :func:`summarize` adds up per field; :func:`validate_item`
checks an item's own format (used by the tests and the bench script).
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent / "data" / "eval"

FIELDS = ("action", "order", "hand", "tool", "material", "param", "term", "prompt_nonempty",
          "prompt_include", "prompt_exclude")

CATEGORIES = ("民间文学", "传统音乐", "传统舞蹈", "传统戏剧", "曲艺", "传统体育、游艺与杂技", "传统美术",
              "传统技艺", "传统医药", "民俗")

PARAM_NAMES = ("angle_deg", "speed_mm_s", "needle_no", "thread_no", "thread_split", "spacing_mm", "rows",
               "count", "length_mm", "width_mm", "depth_mm", "thickness_mm", "duration_s", "temperature_c",
               "rate_per_min", "weight_g", "ratio")

FEATURES = ("filler", "dialect", "spoken_numbers", "arabic_numbers", "range", "correction", "two_hands",
            "warning", "rate", "approx", "duration", "classifier", "unit_conversion", "no_action")

HANDS = {"left": "left", "right": "right", "both": "both", "左手": "left", "右手": "right", "双手": "both",
         "两手": "both", "左": "left", "右": "right", "双": "both"}

# The set's texts use ASCII punctuation; most Chinese text uses the full-width forms. ``to_fullwidth``
# gives an item's text as it would usually be written (a robustness check: scores must not change).
_FULLWIDTH = str.maketrans({",": "\uff0c", ";": "\uff1b", "!": "\uff01", "?": "\uff1f", ":": "\uff1a",
                            "(": "\uff08", ")": "\uff09"})


def to_fullwidth(text: str) -> str:
    """``text`` with its ASCII clause punctuation (,;!?:()) made full-width (，；！？：（）)."""
    return text.translate(_FULLWIDTH)


# Speech-recogniser transcripts often come with no punctuation at all, or with only a space where a
# pause was. ``strip_punctuation`` gives an item's text that way (a robustness mode of the bench and
# the dev test): every ASCII and full-width punctuation mark (Unicode category P*, plus the ideographic
# and ASCII spaces) is removed, or with ``spaces`` replaced by one ASCII space (runs of marks give one
# space). A mark between two digits stays: it is part of the number (「0.5毫米」「3-5」), not of the prose.
def _is_punct(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch)[0] == "P" or ch in " \u3000\t\r\n"


def strip_punctuation(text: str, spaces: bool = False) -> str:
    """``text`` without its punctuation (with ``spaces``: one space where a run of marks was)."""
    out, n, i = [], len(text), 0
    while i < n:
        ch = text[i]
        if not _is_punct(ch):
            out.append(ch)
            i += 1
            continue
        if 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit() and ch in ".-/:~":
            out.append(ch)
            i += 1
            continue
        j = i
        while j < n and _is_punct(text[j]):
            j += 1
        if spaces and out and j < n:
            out.append(" ")
        i = j
    return "".join(out)


EXACT_TOLERANCE = 0.01
APPROX_TOLERANCE = 0.10


# ---------------------------------------------------------------------------------------------- text
@lru_cache(maxsize=1)
def _converter():
    try:
        from opencc import OpenCC
    except ImportError:  # pragma: no cover - opencc is in requirements.txt
        return None
    return OpenCC("t2s")


@lru_cache(maxsize=20000)
def simplify(text: str) -> str:
    """Traditional → simplified, spaces removed."""
    conv = _converter()
    text = "".join(str(text).split())
    return conv.convert(text) if conv is not None and text else text


def _strings(value) -> list[str]:
    """Every string in an output value: a string, a list of strings, or a dict naming one (the
    normalizer may give a tool as 「錾子」, as a list, or as ``{"text": …, "canonical": …}``)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        out = []
        for key in ("text", "surface", "canonical", "name", "term", "label", "value"):
            out.extend(_strings(value.get(key)))
        return out
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            out.extend(_strings(v))
        return out
    return []


def surface_match(expected, got) -> bool:
    """True when any acceptable expected surface and any output string contain one another (see the
    module docstring for the two-character rule)."""
    exp = [simplify(e) for e in _strings(expected)]
    outs = [simplify(g) for g in _strings(got)]
    for e in exp:
        if not e:
            continue
        for g in outs:
            if not g:
                continue
            if e in g:
                return True
            if g in e and (len(g) >= 2 or len(e) == 1):
                return True
    return False


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


# ---------------------------------------------------------------------------------------------- hands
def norm_hand(value):
    if value is None:
        return None
    if isinstance(value, str):
        return HANDS.get(value.strip().lower(), HANDS.get(value.strip()))
    return None


# ---------------------------------------------------------------------------------------------- params
def _number(x):
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)) and math.isfinite(x):
        return float(x)
    if isinstance(x, str):
        try:
            v = float(x)
        except ValueError:
            return None
        return v if math.isfinite(v) else None
    return None


def _norm_value(value):
    """An output parameter value as ``("scalar", v)``, ``("range", lo, hi)``, ``("ratio", (a, b, …))``
    or None. Accepts a number, ``[lo, hi]`` and dicts like ``{"value": …}``, ``{"min": …, "max": …}``,
    ``{"range": [lo, hi]}``, ``{"low": …, "high": …}``."""
    if isinstance(value, dict):
        if "range" in value:
            return _norm_value(value["range"])
        for lo_key, hi_key in (("min", "max"), ("low", "high"), ("lo", "hi"), ("from", "to")):
            if lo_key in value and hi_key in value:
                return _norm_value([value[lo_key], value[hi_key]])
        if "value" in value:
            return _norm_value(value["value"])
        return None
    if isinstance(value, (list, tuple)):
        nums = [_number(v) for v in value]
        if not nums or any(n is None for n in nums):
            return None
        if len(nums) == 1:
            return ("scalar", nums[0])
        if len(nums) == 2:
            lo, hi = nums
            return ("range", min(lo, hi), max(lo, hi))
        return ("ratio", tuple(nums))
    n = _number(value)
    return ("scalar", n) if n is not None else None


def _close(a: float, b: float, tol: float) -> bool:
    if b == 0:
        return abs(a) <= 1e-9
    return abs(a - b) <= tol * abs(b)


def param_value_match(expected: dict, got_value) -> bool:
    """Does an output value satisfy an expected parameter ``{"name", "value", "approx"?}``?"""
    got = _norm_value(got_value)
    if got is None:
        return False
    exp_value = expected["value"]
    approx = bool(expected.get("approx"))
    if expected["name"] == "ratio":
        # a ratio is ordered (水和泥三比一 is not 一比三): compare the output as given.
        want = [float(v) for v in exp_value]
        have = _ordered_numbers(got_value)
        return have is not None and len(have) == len(want) and all(
            _close(h, w, EXACT_TOLERANCE) for h, w in zip(have, want))
    tol = APPROX_TOLERANCE if approx else EXACT_TOLERANCE
    if isinstance(exp_value, (list, tuple)):
        lo, hi = float(exp_value[0]), float(exp_value[1])
        return got[0] == "range" and _close(got[1], lo, tol) and _close(got[2], hi, tol)
    v = float(exp_value)
    if got[0] == "scalar":
        return _close(got[1], v, tol)
    if got[0] == "range":
        if approx:
            return got[1] - 1e-9 <= v <= got[2] + 1e-9
        return _close(got[1], v, tol) and _close(got[2], v, tol)
    return False


def _ordered_numbers(value):
    if isinstance(value, dict):
        for key in ("value", "range", "ratio"):
            if key in value:
                return _ordered_numbers(value[key])
        return None
    if isinstance(value, (list, tuple)):
        nums = [_number(v) for v in value]
        return None if any(n is None for n in nums) else nums
    return None


def output_params(output: dict) -> list[tuple[str, object, object]]:
    """Every (name, value, where) the output states, defaults excluded: each step's ``params`` (less
    the names in its ``defaults``) and top-level ``notes``/``params`` entries (dicts with ``name`` and
    ``value``, or ``{name: value}`` dicts)."""
    found = []
    for i, step in enumerate(output.get("steps") or []):
        if not isinstance(step, dict):
            continue
        defaults = set(_strings(step.get("defaults")))
        params = step.get("params") or {}
        if isinstance(params, dict):
            for name, value in params.items():
                if name not in defaults:
                    found.append((name, value, f"step {i + 1}"))
        elif isinstance(params, list):
            for p in params:
                if isinstance(p, dict) and "name" in p and p.get("name") not in defaults and not p.get("default"):
                    found.append((p["name"], p.get("value"), f"step {i + 1}"))
    for key in ("notes", "params"):
        entries = output.get(key) or []
        if isinstance(entries, dict):
            entries = [entries]
        for entry in entries:
            if not isinstance(entry, dict) or entry.get("default"):
                continue
            if "name" in entry:
                found.append((entry["name"], entry.get("value"), key))
            elif isinstance(entry.get("params"), dict):
                for name, value in entry["params"].items():
                    found.append((name, value, key))
            else:
                for name, value in entry.items():
                    if name in PARAM_NAMES:
                        found.append((name, value, key))
    return found


# ---------------------------------------------------------------------------------------------- steps
def _step_action(step: dict) -> list[str]:
    out = _strings(step.get("action"))
    for key in ("verb", "surface", "action_text"):
        out.extend(_strings(step.get(key)))
    return out


def match_steps(expected_steps: list[dict], out_steps: list[dict]) -> list[int | None]:
    """For each expected step the index of its output step (or None); see the module docstring."""
    used: set[int] = set()
    last = -1
    result: list[int | None] = []
    for exp in expected_steps:
        want_hand = exp.get("hand")
        cands = [i for i, s in enumerate(out_steps)
                 if i not in used and isinstance(s, dict) and surface_match(exp["action"], _step_action(s))]
        after = [i for i in cands if i > last]
        pool = after or cands
        chosen = None
        if pool:
            chosen = pool[0]
            if want_hand is not None:
                # the first candidate with the expected hand, if it is before any other step the
                # speaker would have performed next (look only among the candidates in the pool).
                for i in pool:
                    if norm_hand(out_steps[i].get("hand")) == want_hand:
                        chosen = i
                        break
        result.append(chosen)
        if chosen is not None:
            used.add(chosen)
            if chosen > last:
                last = chosen
    return result


def _carries(out_steps: list[dict], idx: int, key: str, expected) -> tuple[bool, str]:
    step = out_steps[idx]
    if surface_match(expected, step.get(key)):
        return True, f"step {idx + 1} {key}={step.get(key)!r}"
    hand = norm_hand(step.get("hand"))
    for j in (idx - 1, idx + 1):
        if 0 <= j < len(out_steps) and isinstance(out_steps[j], dict):
            if norm_hand(out_steps[j].get("hand")) == hand and surface_match(expected, out_steps[j].get(key)):
                return True, f"neighbouring step {j + 1} {key}={out_steps[j].get(key)!r}"
    return False, f"step {idx + 1} {key}={step.get(key)!r}"


# ---------------------------------------------------------------------------------------------- scoring
def _check(field: str, ok: bool, detail: str) -> dict:
    return {"field": field, "ok": bool(ok), "detail": detail}


def score_item(item: dict, output: dict) -> list[dict]:
    """The checks of one evaluation item against one normalizer output (see the module docstring)."""
    exp = item["expect"]
    output = output or {}
    out_steps = [s for s in (output.get("steps") or []) if isinstance(s, dict)]
    checks: list[dict] = []
    exp_steps = exp.get("steps") or []
    matched = match_steps(exp_steps, out_steps)
    for n, (es, idx) in enumerate(zip(exp_steps, matched), start=1):
        label = f"step {n} ({'/'.join(_strings(es['action']))})"
        if idx is None:
            got = [s.get("action") for s in out_steps]
            checks.append(_check("action", False, f"{label}: no output step with that action; got {got}"))
        else:
            checks.append(_check("action", True, f"{label}: output step {idx + 1} {out_steps[idx].get('action')!r}"))
        if es.get("hand") is not None:
            if idx is None:
                checks.append(_check("hand", False, f"{label}: step not found"))
            else:
                got = norm_hand(out_steps[idx].get("hand"))
                checks.append(_check("hand", got == es["hand"], f"{label}: expected {es['hand']}, got {got}"))
        for key in ("tool", "material"):
            if es.get(key) is None:
                continue
            if idx is None:
                checks.append(_check(key, False, f"{label}: step not found (expected {key} {es[key]})"))
            else:
                ok, where = _carries(out_steps, idx, key, es[key])
                checks.append(_check(key, ok, f"{label}: expected {es[key]}, {where}"))
    if len(exp_steps) >= 2:
        found = [i for i in matched if i is not None]
        ok = len(found) >= 2 and len(found) == len(matched) and all(a < b for a, b in zip(found, found[1:]))
        checks.append(_check("order", ok, f"matched output steps {matched}"))

    params = output_params(output)
    for p in exp.get("params") or []:
        hits = [(name, value, where) for name, value, where in params if name == p["name"] and param_value_match(p, value)]
        same_name = [(value, where) for name, value, where in params if name == p["name"]]
        want = f"{p['name']}={p['value']}{' (approx)' if p.get('approx') else ''}"
        if hits:
            checks.append(_check("param", True, f"{want}: {hits[0][2]} {hits[0][1]!r}"))
        else:
            checks.append(_check("param", False, f"{want}: got {same_name or 'nothing of that name'}"))

    out_terms = []
    for t in output.get("terms") or []:
        out_terms.extend(_strings(t) if not isinstance(t, (list, tuple)) else _strings(t[:1]))
    for term in exp.get("terms") or []:
        checks.append(_check("term", surface_match(term, out_terms), f"term {term}"))

    prompt = output.get("prompt") or ""
    if not isinstance(prompt, str):
        prompt = str(prompt)
    simple_prompt = simplify(prompt)
    if exp.get("describes_action", True):
        checks.append(_check("prompt_nonempty", bool(prompt.strip()), "prompt is empty" if not prompt.strip() else "prompt present"))
    for word in exp.get("prompt_must_include") or []:
        options = [simplify(w) for w in _as_list(word)]
        ok = any(o and o in simple_prompt for o in options)
        checks.append(_check("prompt_include", ok, f"prompt must include {'/'.join(options)}"))
    for word in exp.get("prompt_must_not_include") or []:
        w = simplify(word)
        checks.append(_check("prompt_exclude", bool(w) and w not in simple_prompt, f"prompt must not include {w}"))
    return checks


def failed_checks(item: dict, reason: str) -> list[dict]:
    """The checks of an item counted as failed (the normalizer raised on it): same count and fields
    as :func:`score_item` would give, every one ``ok: False``."""
    return [dict(c, ok=False, detail=f"{reason}: {c['detail']}") for c in score_item(item, {})]


def summarize(results: list[tuple[dict, list[dict]]]) -> dict:
    """Per-field passed/total/rate and the overall rate (every check counted once) over
    ``[(item, checks), …]``; also items, empty prompts where the text describes an action, and the
    rate per category."""
    fields = {f: {"passed": 0, "total": 0} for f in FIELDS}
    cats: dict[str, dict] = {}
    passed = total = empty = 0
    for item, checks in results:
        cat = cats.setdefault(item.get("category", "?"), {"passed": 0, "total": 0, "items": 0})
        cat["items"] += 1
        for c in checks:
            f = fields.setdefault(c["field"], {"passed": 0, "total": 0})
            f["total"] += 1
            f["passed"] += c["ok"]
            cat["total"] += 1
            cat["passed"] += c["ok"]
            total += 1
            passed += c["ok"]
            if c["field"] == "prompt_nonempty" and not c["ok"]:
                empty += 1
    for bucket in list(fields.values()) + list(cats.values()):
        bucket["rate"] = bucket["passed"] / bucket["total"] if bucket["total"] else None
    return {"items": len(results), "checks": total, "passed": passed, "rate": passed / total if total else None,
            "empty_prompts": empty, "fields": fields, "categories": cats}


# ---------------------------------------------------------------------------------------------- features
_FEATURE_PATTERNS = (
    ("filler", "嗯|那个|你看|就是说|哎呀|我跟你讲|对吧|晓得|这个啊|啊,"),
    ("spoken_numbers", "[一二两三四五六七八九十百千半][^,。!?]{0,2}?(度|分|秒|寸|尺|米|毫米|公分|厘米|遍|次|下|层|块|锤|槌|排|股|道"
                       "|天|个|斤|两|克|号|针|圈|步|张|根|片|钟头|小时|刻钟|比|成|回|折|年|月)"),
    ("arabic_numbers", r"\d"),
    ("range", r"[一二两三四五六七八九十百\d]\s*(到|至|~)\s*[一二两三四五六七八九十百\d]|一两|两三|三四|四五|五六|六七|七八|八九"
              "|二三十|四五十|一百五六|一百六七|二三|百二到"),
    ("correction", "不对|不是.{0,10}是|说错"),
    ("warning", "千万|别|不要|不能|小心|当心|不敢|莫|不许"),
    ("rate", "每分钟|一分钟|每秒|一秒"),
    ("approx", "来[下度分斤个回遍次天锤转米根]|左右|上下|多[下度分斤个回遍次天]|差不多|大概"),
    ("duration", "钟头|小时|刻钟|分钟|[一二两三四五六七八九十\\d]天|秒|礼拜|个月|[一二三四五六七八九十]年"),
    ("classifier", "[一二两三四五六七八九十百\\d](块|锤|遍|层|排|股|道)"),
    ("unit_conversion", "寸|尺|公分|斤|丈"),
)


def text_features(text: str, describes_action: bool = True, dialect: bool = False) -> list[str]:
    """The ``features`` of an item as the set records them: found by pattern in the text (``dialect``
    is marked by hand, ``no_action`` follows ``describes_action``). Descriptive only; no check uses them."""
    import re

    found = [name for name, pattern in _FEATURE_PATTERNS if re.search(pattern, text)]
    if ("左手" in text and "右手" in text) or "另一只手" in text:
        found.append("two_hands")
    if dialect:
        found.append("dialect")
    if not describes_action:
        found.append("no_action")
    return [f for f in FEATURES if f in found]


# ---------------------------------------------------------------------------------------------- files
def load_split(name: str, directory: Path | None = None) -> list[dict]:
    """The items of ``dev``, ``test``, ``test2`` or ``test3`` (``data/eval/<name>.json``)."""
    path = (directory or EVAL_DIR) / f"{name}.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["transcripts"]


def validate_item(item: dict) -> list[str]:
    """Problems with an item's own format (empty when it is well formed)."""
    problems = []
    iid = item.get("id", "?")
    for key in ("id", "category", "craft", "craft_aliases", "grounded", "source", "features", "text", "expect"):
        if key not in item:
            problems.append(f"{iid}: missing {key}")
    if problems:
        return problems
    if item["category"] not in CATEGORIES:
        problems.append(f"{iid}: category {item['category']!r} is not a national ICH category")
    if not isinstance(item["text"], str) or not item["text"].strip():
        problems.append(f"{iid}: empty text")
    if item["grounded"]:
        src = item["source"] or {}
        if not (isinstance(src, dict) and src.get("url", "").startswith("http") and src.get("title") and src.get("facts")):
            problems.append(f"{iid}: grounded item needs source title, url and facts")
    elif item["source"] is not None:
        problems.append(f"{iid}: source must be null when not grounded")
    for f in item["features"]:
        if f not in FEATURES:
            problems.append(f"{iid}: unknown feature {f}")
    exp = item["expect"]
    if not isinstance(exp.get("describes_action"), bool):
        problems.append(f"{iid}: describes_action must be true or false")
    steps = exp.get("steps") or []
    if exp.get("describes_action") and not steps:
        problems.append(f"{iid}: an action text needs expected steps")
    if not exp.get("describes_action") and steps:
        problems.append(f"{iid}: a text with no action has no steps")
    for s in steps:
        if not _strings(s.get("action")):
            problems.append(f"{iid}: step without action")
        if s.get("hand") not in (None, "left", "right", "both"):
            problems.append(f"{iid}: bad hand {s.get('hand')!r}")
        for key in ("tool", "material"):
            if s.get(key) is not None and not _strings(s[key]):
                problems.append(f"{iid}: bad {key}")
    for p in exp.get("params") or []:
        if p.get("name") not in PARAM_NAMES:
            problems.append(f"{iid}: unknown parameter {p.get('name')!r}")
            continue
        v = p.get("value")
        if p["name"] == "ratio":
            if not (isinstance(v, list) and len(v) >= 2 and all(_number(x) is not None for x in v)):
                problems.append(f"{iid}: ratio needs a list of numbers")
        elif isinstance(v, list):
            if len(v) != 2 or any(_number(x) is None for x in v) or not v[0] < v[1]:
                problems.append(f"{iid}: range {v!r} must be [low, high]")
        elif _number(v) is None:
            problems.append(f"{iid}: value {v!r} is not a number")
    for t in exp.get("terms") or []:
        if not isinstance(t, str) or not t:
            problems.append(f"{iid}: bad term {t!r}")
    simple_text = simplify(item["text"])
    for word in exp.get("prompt_must_include") or []:
        if not any(simplify(w) in simple_text for w in _as_list(word)):
            problems.append(f"{iid}: prompt_must_include {word!r} is not something the speaker said")
    return problems
