"""A small learned chooser of a step's material / tool, measured against the rules (not wired in).

Question (eighth session, helper L1): the hand-written rules reach 0.95 on the development pool but only
0.63-0.68 on ``material`` for text by fresh writers. Would a small learned component do better on text by
writers it never saw?

Experiment: leave-one-writer-group-out over the development splits (dev, dev2, dev3, test, test2; the test
splits test3/test4/test5 are never opened). For each held-out split H (dev3, dev2 by default) a chooser is
trained on the other four and evaluated on H.

* The rules' output is ``normalize(text, None, craft=None).to_dict()`` (the free-text mode of
  ``bench/nlp_eval.py``); its steps carry ``start``/``end`` offsets.
* Output steps are matched to expected steps with ``evaluation.match_steps``. For every matched expected
  step whose ``material`` (then separately ``tool``) is not null there is one decision. Its candidates are
  the nouns (jieba.posseg tags n*) in the step's clause (the step's span widened to the punctuation marks
  around it), runs of up to three adjacent nouns, and the rules' own value for the step, plus "none". A
  candidate is positive when ``evaluation.surface_match(expected, candidate)``; "none" is positive when no
  other candidate is (so the chooser can abstain; abstaining counts as a failure for the chooser alone).
* Features are general (no word identities): position relative to the step's verb and distance in tokens,
  the marker before the candidate (把/将, 用/拿/握…, 在/往/从…, 的, a numeral or classifier), POS tags,
  length, the last character's class (words.MATERIAL_HEADS / TOOL_HEADS / CONSUMED_HEADS / MEDIUM_HEADS),
  body / person word, whether the rules chose it (for this role or the other), first / last noun of the
  clause, inside the step's own span or only in its clause.
* Model: a conditional logit (softmax over a decision's candidates) in numpy, L2, full-batch gradient
  descent.

Reported per held-out split and role: the rules' accuracy on those checks (the evaluation's check, which
also accepts a neighbouring step with the same hand, and the step's own value only), the learned chooser's
(its top candidate: own step only, and "learn chk" with the same neighbour credit taken from the rules'
neighbouring steps, an approximation; "+/-" counts decisions it gets right and the rules' check wrong and the
reverse; "no rules f" is the chooser trained without the rules-chose features), the combination (the learned choice overrides the rules' only when its
probability exceeds that of the rules' candidate by more than a margin; the margin is chosen by an inner
leave-one-split-out over the four training splits, and a fixed grid is printed too), and the ceiling (how
often some candidate other than "none" is correct).

Caveat: the rules were tuned on every development split, the held-out one included, so their figure there is
optimistic; the learned chooser's is honest.

To measure the rules as they were before a split was tuned on (the honest fresh-writer figure), extract an older
commit's ``generation/`` with ``git archive`` into a scratch folder, copy this script into its ``bench/`` and run
it there (docs/PERFORMANCE.md, eighth session, used 6380949 for dev3).

Usage: ``.venv/bin/python bench/nlp_roles_learned.py [--holdout dev3 dev2] [--all]`` (``--all`` holds out each of
the five development splits in turn).
"""
from __future__ import annotations

import argparse
import platform
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from nlp_eval import DEVELOPMENT  # noqa: E402  (the development pool: one definition, bench/nlp_eval.py's)
ROLES = ("material", "tool")
UNMATCHED: Counter = Counter()  # (split, role): checks whose expected step no output step matched
MARGIN_GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8)


# ------------------------------------------------------------------------------------------ data
def clause_span(text: str, start: int, end: int, punct) -> tuple[int, int]:
    a = start
    while a > 0 and text[a - 1] not in punct:
        a -= 1
    b = end
    while b < len(text) and text[b] not in punct:
        b += 1
    return a, b


def tokens_of(span_text: str):
    import jieba.posseg as pseg

    out, pos = [], 0
    for p in pseg.cut(span_text):
        out.append((p.word, p.flag, pos, pos + len(p.word)))
        pos += len(p.word)
    return out


def is_noun(tag: str) -> bool:
    return tag.startswith("n") and tag not in ("nx",)


def build_decisions(splits):
    """Every decision of the given splits: ``{split, key, expected, rules_value, rules_ok_check,
    candidates: [(text, feats, positive)]}``."""
    from generation.prompting import normalize
    from generation.prompting import words as W
    from generation.prompting.evaluation import _carries, load_split, match_steps, surface_match

    punct = set(W.PUNCT) | set("。，、；：！？…")
    markers = {
        "obj": set(W.OBJECT_MARKERS),
        "toollead": set(W.TOOL_LEAD) | set(W.INSTRUMENT_LEADS),
        "place": set(W.RELATION_MARKERS) | {"在", "往", "到", "从", "向", "朝", "于", "搁", "放"},
        "de": {"的"},
        "person": set(W.PERSON_LEADS),
    }
    body = set(W.BODY_WORDS) | set(W.LIMB_SUBJECTS) | set(W.HAND_PARTS)
    person = set(W.PERSON_NOUNS) | set(W.PERSON_PRONOUNS)
    decisions = []
    for split in splits:
        for item in load_split(split):
            exp_steps = item["expect"].get("steps") or []
            if not exp_steps:
                continue
            text = item["text"]
            out = normalize(text, None, craft=None).to_dict()
            out_steps = [s for s in (out.get("steps") or []) if isinstance(s, dict)]
            matched = match_steps(exp_steps, out_steps)
            for es, idx in zip(exp_steps, matched):
                if idx is None:
                    for key in ROLES:
                        if es.get(key) is not None:
                            UNMATCHED[(split, key)] += 1
                    continue
                step = out_steps[idx]
                for key in ROLES:
                    if es.get(key) is None:
                        continue
                    other = "tool" if key == "material" else "material"
                    s0, s1 = step.get("start"), step.get("end")
                    if s0 is None or s1 is None:
                        continue
                    a, b = clause_span(text, s0, s1, punct)
                    toks = tokens_of(text[a:b])
                    # the step's verb: its surface inside its own span, else inside the clause
                    surf = step.get("surface") or step.get("action") or ""
                    vpos = text.find(surf, s0, s1) if surf else -1
                    if vpos < 0 and surf:
                        vpos = text.find(surf, a, b)
                    vtok = None
                    if vpos >= 0:
                        rel = vpos - a
                        for ti, (_, _, t0, t1) in enumerate(toks):
                            if t0 <= rel < t1:
                                vtok = ti
                                break
                    noun_idx = [i for i, t in enumerate(toks) if is_noun(t[1])]
                    spans = []  # (i0, i1) token ranges, nouns and runs of up to three adjacent nouns
                    for i in noun_idx:
                        for n in (1, 2, 3):
                            j = i + n
                            if j <= len(toks) and all(is_noun(toks[k][1]) for k in range(i, j)):
                                spans.append((i, j))
                    rules_val = step.get(key)
                    rules_other = step.get(other)
                    cands = {}
                    for (i0, i1) in spans:
                        ctext = "".join(t[0] for t in toks[i0:i1])
                        if ctext not in cands:
                            cands[ctext] = (i0, i1)
                    rv_text = rules_val if isinstance(rules_val, str) and rules_val.strip() else None
                    if rv_text and rv_text not in cands:
                        cands[rv_text] = None  # the rules' own value, not a noun run of the clause
                    nn = len(noun_idx)
                    cand_list = []
                    for ctext, rng in cands.items():
                        f = Counter()
                        f["bias_cand"] = 1
                        if rng is None:
                            f["rules_only"] = 1
                        else:
                            i0, i1 = rng
                            f[f"ntok={i1 - i0}"] = 1
                            f[f"tag0={toks[i0][1]}"] = 1
                            f[f"tagL={toks[i1 - 1][1]}"] = 1
                            cpos0 = a + toks[i0][2]
                            f["in_step"] = 1 if s0 <= cpos0 < s1 else 0
                            if vtok is not None:
                                if i1 <= vtok:
                                    d = vtok - i1 + 1
                                    side = "before"
                                elif i0 > vtok:
                                    d = i0 - vtok
                                    side = "after"
                                else:
                                    d, side = 0, "inside"
                                db = str(d) if d <= 3 else ("4-5" if d <= 5 else "6+")
                                f[f"side={side}"] = 1
                                f[f"dist={side}:{db}"] = 1
                            else:
                                f["no_verb"] = 1
                            # markers in the (up to) three tokens before the candidate
                            for back in (1, 2, 3):
                                k = i0 - back
                                if k < 0:
                                    break
                                w, tg = toks[k][0], toks[k][1]
                                for name, ws in markers.items():
                                    if w in ws:
                                        f[f"mk{back}={name}"] = 1
                                        f[f"mk={name}"] = 1
                                if back == 1:
                                    f[f"prevtag={tg[:2]}"] = 1
                                    if tg in ("m", "q", "mq") or w[-1] in W.NUMERAL_CHARS:
                                        f["prev_num"] = 1
                                    if vtok is not None and k == vtok:
                                        f["right_after_verb"] = 1
                            if i1 < len(toks):
                                w, tg = toks[i1][0], toks[i1][1]
                                f[f"nexttag={tg[:2]}"] = 1
                                if w in W.PLACE_SUFFIX or w in W.RELATION_END or tg == "f":
                                    f["next_loc"] = 1
                                if w == "的":
                                    f["next_de"] = 1
                                if vtok is not None and i1 == vtok:
                                    f["right_before_verb"] = 1
                            else:
                                f["clause_end"] = 1
                            if noun_idx and i0 == noun_idx[0]:
                                f["first_noun"] = 1
                            if noun_idx and i1 - 1 == noun_idx[-1]:
                                f["last_noun"] = 1
                        ln = len(ctext)
                        f[f"len={min(ln, 4)}"] = 1
                        last = ctext[-1]
                        f["last_material_head"] = int(last in W.MATERIAL_HEADS)
                        f["last_tool_head"] = int(last in W.TOOL_HEADS)
                        f["last_consumed"] = int(last in W.CONSUMED_HEADS)
                        f["last_medium"] = int(last in W.MEDIUM_HEADS)
                        f["any_material_head"] = int(any(c in W.MATERIAL_HEADS for c in ctext))
                        f["any_tool_head"] = int(any(c in W.TOOL_HEADS for c in ctext))
                        f["body"] = int(ctext in body or last in W.BODY_CHARS or ctext in W.BODY_POINTS)
                        f["person"] = int(ctext in person or ctext.endswith(tuple(W.AGENT_SUFFIX)))
                        f["stop_noun"] = int(ctext in W.STOP_NOUNS)
                        f["rules_chose"] = int(surface_match(rules_val, ctext)) if rv_text else 0
                        f["rules_exact"] = int(rv_text == ctext) if rv_text else 0
                        f["rules_other_role"] = int(surface_match(rules_other, ctext)) if rules_other else 0
                        f[f"ncand={min(nn, 5)}"] = 1
                        pos = surface_match(es[key], ctext)
                        cand_list.append((ctext, f, pos))
                    # "none": positive when no candidate is correct
                    fnone = Counter({"bias_none": 1, f"none_ncand={min(nn, 5)}": 1,
                                     "none_rules_null": int(rv_text is None)})
                    ceiling = any(c[2] for c in cand_list)
                    cand_list.append(("<none>", fnone, not ceiling))
                    rules_ok_check, _ = _carries(out_steps, idx, key, es[key])
                    # would a neighbouring step (same hand) of the rules' output carry it anyway?
                    hand = step.get("hand")
                    neighbour_ok = any(
                        0 <= j < len(out_steps) and out_steps[j].get("hand") == hand
                        and surface_match(es[key], out_steps[j].get(key)) for j in (idx - 1, idx + 1))
                    decisions.append({
                        "split": split, "key": key, "expected": es[key], "rules_value": rv_text,
                        "rules_ok_check": rules_ok_check, "neighbour_ok": neighbour_ok,
                        "rules_ok_own": bool(rv_text) and surface_match(es[key], rv_text),
                        "ceiling": ceiling, "candidates": cand_list, "item": item["id"],
                    })
    return decisions


# ------------------------------------------------------------------------------------------ model
class Chooser:
    """Conditional logit over a decision's candidates; maximises log P(some positive candidate)."""

    def __init__(self, l2: float = 0.5, iters: int = 400, lr: float = 0.5, rules_features: bool = True):
        self.l2, self.iters, self.lr = l2, iters, lr
        self.rules_features = rules_features

    def _matrix(self, decisions, grow: bool):
        rows, cols, vals, group, pos = [], [], [], [], []
        r = 0
        for g, d in enumerate(decisions):
            for (_, f, p) in d["candidates"]:
                for name, v in f.items():
                    if not v or (not self.rules_features and name.startswith(("rules", "none_rules"))):
                        continue
                    j = self.vocab.get(name)
                    if j is None:
                        if not grow:
                            continue
                        j = self.vocab[name] = len(self.vocab)
                    rows.append(r)
                    cols.append(j)
                    vals.append(float(v))
                group.append(g)
                pos.append(p)
                r += 1
        X = np.zeros((r, len(self.vocab)))
        X[rows, cols] = vals
        return X, np.array(group), np.array(pos, dtype=float)

    @staticmethod
    def _softmax(s, group, ng):
        mx = np.full(ng, -np.inf)
        np.maximum.at(mx, group, s)
        e = np.exp(s - mx[group])
        z = np.zeros(ng)
        np.add.at(z, group, e)
        return e / z[group]

    def fit(self, decisions):
        self.vocab = {}
        X, group, pos = self._matrix(decisions, grow=True)
        ng = len(decisions)
        w = np.zeros(X.shape[1])
        # decisions with no positive at all cannot happen ("none" is positive then)
        m = np.zeros(X.shape[1])
        v = np.zeros(X.shape[1])
        for t in range(1, self.iters + 1):  # Adam
            p = self._softmax(X @ w, group, ng)
            pp = p * pos
            zpos = np.zeros(ng)
            np.add.at(zpos, group, pp)
            q = pp / zpos[group]  # posterior over positives
            grad = X.T @ (p - q) / ng + self.l2 * w / ng
            m = 0.9 * m + 0.1 * grad
            v = 0.999 * v + 0.001 * grad * grad
            w -= self.lr * 0.1 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        self.w = w
        return self

    def probs(self, decision):
        X, group, _ = self._matrix([decision], grow=False)
        return self._softmax(X @ self.w, group, 1)


# ------------------------------------------------------------------------------------------ scoring
def evaluate(model, decisions, margins, pure=None):
    """Counts: rules (check / own), learned top, combination per margin, ceiling."""
    from generation.prompting.evaluation import surface_match

    res = {"n": len(decisions), "rules_check": 0, "rules_own": 0, "learned": 0, "learned_chk": 0, "wins": 0, "losses": 0, "pure": 0, "ceiling": 0,
           "abstain": 0, "comb": Counter(), "overrides": Counter()}
    for d in decisions:
        p = model.probs(d)
        cands = d["candidates"]
        top = int(np.argmax(p))
        ctext, _, cpos = cands[top]
        res["rules_check"] += d["rules_ok_check"]
        res["rules_own"] += d["rules_ok_own"]
        res["ceiling"] += d["ceiling"]
        learned_ok = ctext != "<none>" and surface_match(d["expected"], ctext)
        res["learned"] += learned_ok
        res["learned_chk"] += learned_ok or d["neighbour_ok"]
        lc = learned_ok or d["neighbour_ok"]
        res["wins"] += lc and not d["rules_ok_check"]
        res["losses"] += d["rules_ok_check"] and not lc
        if pure is not None:
            pp = pure.probs(d)
            pt = cands[int(np.argmax(pp))][0]
            res["pure"] += pt != "<none>" and surface_match(d["expected"], pt)
        res["abstain"] += ctext == "<none>"
        # the rules' candidate: the one equal to their value, else the first they match, else "none"
        rv = d["rules_value"]
        ri = None
        if rv:
            for i, (t, f, _) in enumerate(cands):
                if t == rv:
                    ri = i
                    break
        if ri is None:
            ri = len(cands) - 1  # "none"
        for mg in margins:
            override = ctext != "<none>" and top != ri and p[top] - p[ri] > mg
            ok = (learned_ok or d["neighbour_ok"]) if override else d["rules_ok_check"]
            res["comb"][mg] += ok
            res["overrides"][mg] += override
    return res


def pick_margin(train_decisions, train_splits, key):
    """Margin for the combination by inner leave-one-split-out over the training splits."""
    tot = Counter()
    for inner in train_splits:
        tr = [d for d in train_decisions if d["split"] != inner]
        te = [d for d in train_decisions if d["split"] == inner]
        if not tr or not te:
            continue
        r = evaluate(Chooser().fit(tr), te, MARGIN_GRID)
        for mg in MARGIN_GRID:
            tot[mg] += r["comb"][mg]
    best = max(MARGIN_GRID, key=lambda mg: (tot[mg], mg))
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--holdout", nargs="+", default=["dev3", "dev2"], choices=DEVELOPMENT)
    ap.add_argument("--all", action="store_true", help="hold out each development split in turn")
    ap.add_argument("--show", type=int, default=0, help="print N held-out decisions the chooser got wrong")
    args = ap.parse_args()
    holdouts = list(DEVELOPMENT) if args.all else args.holdout

    t0 = time.time()
    decisions = build_decisions(DEVELOPMENT)
    t1 = time.time()
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}, "
          f"{len(decisions)} decisions from {len(DEVELOPMENT)} development splits in {t1 - t0:.1f} s")
    print("per split and role: decisions (matched expected steps with a non-null value):",
          {s: {k: sum(1 for d in decisions if d["split"] == s and d["key"] == k) for k in ROLES}
           for s in DEVELOPMENT})
    print()
    hdr = (f"{'held out':8} {'role':8} {'n':>4} {'unm':>4} {'rules chk':>10} {'rules own':>10} {'learned':>10} "
           f"{'learn chk':>10} {'+/-':>6} {'no rules f':>10} {'comb (m*)':>15} {'ceiling':>10} {'abst':>4}   combination over the margin grid")
    print(hdr)
    print("-" * len(hdr))
    totals = {k: Counter() for k in ROLES}
    for h in holdouts:
        train_splits = [s for s in DEVELOPMENT if s != h]
        for key in ROLES:
            tr = [d for d in decisions if d["key"] == key and d["split"] != h]
            te = [d for d in decisions if d["key"] == key and d["split"] == h]
            if not te:
                continue
            mg = pick_margin(tr, train_splits, key)
            model = Chooser().fit(tr)
            r = evaluate(model, te, MARGIN_GRID, pure=Chooser(rules_features=False).fit(tr))
            n = r["n"]

            def fr(x):
                return f"{x / n:.3f}" if n else "-"

            grid = " ".join(f"{m:.1f}:{r['comb'][m]}" for m in MARGIN_GRID)
            print(f"{h:8} {key:8} {n:4d} {UNMATCHED[(h, key)]:4d} {r['rules_check']:4d} {fr(r['rules_check'])} "
                  f"{r['rules_own']:4d} {fr(r['rules_own'])} {r['learned']:4d} {fr(r['learned'])} "
                  f"{r['learned_chk']:4d} {fr(r['learned_chk'])} {'+' + str(r['wins']) + '/-' + str(r['losses']):>6} {r['pure']:4d} {fr(r['pure'])} "
                  f"{r['comb'][mg]:4d} {fr(r['comb'][mg])} m{mg:.1f} {r['ceiling']:4d} {fr(r['ceiling'])} "
                  f"{r['abstain']:4d}   {grid}  (overrides at m*: {r['overrides'][mg]})")
            r["comb_m"] = r["comb"][mg]
            for f in ("n", "rules_check", "rules_own", "learned", "learned_chk", "wins", "losses", "pure", "ceiling", "comb_m"):
                totals[key][f] += r[f]
            if args.show:
                from generation.prompting.evaluation import surface_match

                shown = 0
                for d in te:
                    p = model.probs(d)
                    top = int(np.argmax(p))
                    ct = d["candidates"][top][0]
                    if not (ct != "<none>" and surface_match(d["expected"], ct)) and shown < args.show:
                        shown += 1
                        print(f"    {d['item']} {key} exp={d['expected']} rules={d['rules_value']} "
                              f"learned={ct} ({p[top]:.2f}) cands={[c[0] for c in d['candidates']]}")
    print()
    for key in ROLES:
        t = totals[key]
        if t["n"]:
            print(f"all held out, {key:8}: n {t['n']}, rules (check) {t['rules_check'] / t['n']:.3f}, "
                  f"rules (own step) {t['rules_own'] / t['n']:.3f}, learned {t['learned'] / t['n']:.3f}, "
                  f"learned (check) {t['learned_chk'] / t['n']:.3f} (+{t['wins']}/-{t['losses']} against the rules' check), learned without the rules' features "
                  f"{t['pure'] / t['n']:.3f}, combination {t['comb_m'] / t['n']:.3f}, ceiling {t['ceiling'] / t['n']:.3f}")
    print(f"\ntotal {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
