"""The learned material/tool reranking pass (``generation/prompting/rerank.py``; ninth session, issue 11).

The feature function on hand-made token streams and on sentences written for this file (none is in the
evaluation set; crafts it does not have: knife grinding, clock repair), the scorer, the switch, the recording
mode the training reads, and that the saved weights equal a fresh training on the development pool."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generation.prompting import normalize, rerank

ROOT = Path(__file__).resolve().parent.parent
RETRAIN = ".venv/bin/python bench/train_rerank.py"


def doc(pieces):
    """(words, starts, tags, kinds) from ``[(word, tag, kind)]``."""
    words = [w for w, _, _ in pieces]
    starts = [0]
    for w in words:
        starts.append(starts[-1] + len(w))
    return words, starts, [t for _, t, _ in pieces], [k for _, _, k in pieces]


# 「师傅用刨子把木板刨平,再上漆。」: one step 刨 over 用刨子把木板刨平 (offsets 2-10)
PLANE = doc([("师傅", "n", None), ("用", "p", "L"), ("刨子", "n", "N"), ("把", "p", "O"), ("木板", "n", "N"),
             ("刨", "v", "V"), ("平", "a", None), (",", None, "P"), ("再", "d", None), ("上漆", "v", "V"),
             ("。", None, "P")])


def feats(material, tool, start=2, end=10, surface="刨"):
    words, starts, tags, kinds = PLANE
    return rerank.features(words, starts, tags, kinds, start, end, surface, material, tool)


# --- the feature function ------------------------------------------------------------------------------
def test_candidates_are_the_clauses_nouns_and_none_last():
    got = feats("木板", "刨子")
    assert set(got) == {"material", "tool"}
    for role in ("material", "tool"):
        texts = [t for t, _ in got[role]]
        # the clause ends at the comma: 上漆 is not a candidate; none of the nouns is adjacent to another
        assert texts == ["师傅", "刨子", "木板", rerank.NONE]


def test_features_say_side_distance_markers_and_what_the_rules_chose():
    got = dict(feats("木板", "刨子")["material"])
    board, plane = got["木板"], got["刨子"]
    assert "rules_chose" in board and "rules_exact" in board and "rules_other_role" not in board
    assert "rules_other_role" in plane and "rules_chose" not in plane
    assert {"side=before", "dist=before:1", "right_before_verb", "mk1=obj", "in_step"} <= set(board)
    assert {"side=before", "dist=before:3", "mk1=toollead", "in_step"} <= set(plane)
    assert "last_noun" in board and "len=2" in board and "first_noun" not in board
    assert "first_noun" in got["师傅"] and "person" in got["师傅"] and "in_step" not in got["师傅"]
    none = got[rerank.NONE]
    assert none[0] == "bias_none" and "none_rules_null" not in none


def test_a_value_the_rules_found_outside_the_clause_is_a_candidate_of_its_own():
    got = dict(feats("桐油", None)["material"])
    assert "rules_only" in got["桐油"] and "rules_chose" in got["桐油"] and "rules_chose" not in got["木板"]
    assert "none_rules_null" in dict(feats("木板", None)["tool"])[rerank.NONE]


def test_a_role_with_fewer_than_two_candidates_is_left_out():
    words, starts, tags, kinds = doc([("刨", "v", "V"), ("木板", "n", "N"), ("。", None, "P")])
    assert rerank.features(words, starts, tags, kinds, 0, 3, "刨", "木板", None) == {}
    # the rules' own value, not in the clause, makes a second candidate
    got = rerank.features(words, starts, tags, kinds, 0, 3, "刨", "木板", "刨子")
    assert list(got) == ["tool"] and [t for t, _ in got["tool"]] == ["木板", "刨子", rerank.NONE]


def test_runs_of_adjacent_nouns_are_candidates():
    words, starts, tags, kinds = doc([("拿", "v", "L"), ("竹", "n", "N"), ("刮", "v", "V"), ("刀", "n", "N"),
                                      ("刮", "v", "V"), ("铜", "n", "N"), ("板", "n", "N"), ("。", None, "P")])
    got = rerank.features(words, starts, tags, kinds, 4, 7, "刮", None, None)
    assert [t for t, _ in got["material"]] == ["竹", "刀", "铜", "铜板", "板", rerank.NONE]
    assert "ntok=2" in dict(got["material"])["铜板"]


def test_the_verb_is_the_token_that_is_the_surface_not_a_noun_beginning_with_it():
    # 剪 is the verb, not the first character of 剪刀
    words, starts, tags, kinds = doc([("用", "p", "L"), ("剪刀", "n", "N"), ("把", "p", "O"), ("红纸", "n", "N"),
                                      ("剪", "v", "V"), ("开", "v", None), ("。", None, "P")])
    got = dict(rerank.features(words, starts, tags, kinds, 0, 8, "剪", "红纸", "剪刀")["tool"])
    assert "side=before" in got["剪刀"] and "side=inside" not in got["剪刀"]


def test_recording_gives_the_features_of_a_real_normalization():
    text = "磨剪子的师傅拿磨刀石把剪刀口磨亮。"
    with rerank.recording() as rec:
        out = normalize(text).to_dict()
    assert len(rec) == 1
    decisions = {(si, role): (rv, cands) for si, role, rv, cands in rec[0]}
    step = out["steps"][0]
    rv, cands = decisions[(0, "tool")]
    assert rv == step["tool"]
    texts = [t for t, _ in cands]
    assert step["tool"] in texts and texts[-1] == rerank.NONE
    assert "rules_exact" in dict(cands)[step["tool"]]


# --- the scorer -------------------------------------------------------------------------------------
def test_score_is_a_sum_of_weights_and_unknown_features_weigh_nothing():
    w = rerank.Weights({"a": 1.5, "b": -0.5})
    assert rerank.score(["a", "b", "zzz"], w) == 1.0
    assert rerank.score(["a", "a"], {"a": 1.5}) == 3.0  # a plain dict too; a feature named twice counts twice


def test_choose_keeps_the_rules_when_none_or_their_candidate_wins():
    cands = [("刨子", ["x"]), ("木板", ["y", "rules_exact"]), (rerank.NONE, ["bias_none"])]
    assert rerank.choose(cands, {"x": 2.0, "y": 0.0}, "木板") == "刨子"
    assert rerank.choose(cands, {"x": 2.0, "rules_exact": 3.0}, "木板") is None  # the rules' own candidate wins
    assert rerank.choose(cands, {"x": 2.0, "bias_none": 2.5}, "木板") is None  # "none": keep, never delete
    assert rerank.choose(cands, {"x": 2.0}, "木板", margin=2.0) is None  # not by more than the margin
    assert rerank.choose(cands, {"x": 2.0}, "木板", margin=1.9) == "刨子"


def test_the_pass_changes_a_role_only_where_the_chooser_picks_another_candidate(monkeypatch):
    text = "师傅用镊子把游丝夹出来,再拿油壶给齿轮点油。"
    rules = normalize(text).to_dict()["steps"] if not rerank.ENABLED else None
    monkeypatch.setattr(rerank, "ENABLED", True)
    monkeypatch.setattr(rerank, "POLICY", "both")
    monkeypatch.setattr(rerank, "MARGIN", 0.0)
    try:
        # weights that prefer the first noun of the clause for every role
        rerank.use_weights({"weights": {"material": {"first_noun": 5.0}, "tool": {"first_noun": 5.0}}})
        got = normalize(text).to_dict()["steps"]
        assert got[0]["surface"] == "夹" and got[0]["tool"] == got[0]["material"] == "师傅"
        assert got[1]["surface"] == "拿" and got[1]["tool"] == got[1]["material"] == "油壶"  # (filled: the rules had none)
        # weights that prefer "none": the rules' values stay
        rerank.use_weights({"weights": {"material": {"bias_none": 5.0}, "tool": {"bias_none": 5.0}}})
        kept = normalize(text).to_dict()["steps"]
        if rules is not None:
            assert kept == rules
        assert kept[0]["tool"] == "镊子" and kept[0]["material"] == "游丝"
        assert kept[1]["tool"] == "油壶" and kept[1]["material"] is None
        # recording: nothing changes, whatever the weights
        rerank.use_weights({"weights": {"material": {"first_noun": 5.0}, "tool": {"first_noun": 5.0}}})
        with rerank.recording():
            assert normalize(text).to_dict()["steps"][0]["tool"] == "镊子"
    finally:
        rerank.use_weights(None)


def test_the_policy_fill_never_replaces_a_value_the_rules_found(monkeypatch):
    text = "师傅用镊子把游丝夹出来,再拿油壶给齿轮点油。"
    monkeypatch.setattr(rerank, "ENABLED", True)
    monkeypatch.setattr(rerank, "POLICY", "fill")
    try:
        rerank.use_weights({"weights": {"material": {"first_noun": 5.0}, "tool": {"first_noun": 5.0}}})
        got = normalize(text).to_dict()["steps"]
        assert got[0]["tool"] == "镊子" and got[0]["material"] == "游丝"  # kept
        assert got[1]["tool"] == "油壶" and got[1]["material"] == "油壶"  # the empty role filled
    finally:
        rerank.use_weights(None)


# --- the switch -------------------------------------------------------------------------------------
def _enabled_with(value):
    env = dict(os.environ)
    env.pop("HERITAGE_RERANK", None)
    if value is not None:
        env["HERITAGE_RERANK"] = value
    out = subprocess.run([sys.executable, "-c", "from generation.prompting import rerank; print(rerank.ENABLED)"],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


def test_the_switch_reads_heritage_rerank_and_is_off_by_default():
    assert _enabled_with(None) is (rerank.DEFAULT_ON != "0")
    assert _enabled_with(None) is False  # off by default: docs/PERFORMANCE.md, ninth session
    assert _enabled_with("0") is False
    assert _enabled_with("1") is True


def test_off_the_pass_leaves_the_rules_output(monkeypatch):
    text = "磨剪子的师傅拿磨刀石把剪刀口磨亮。"
    monkeypatch.setattr(rerank, "ENABLED", False)
    try:
        rerank.use_weights({"weights": {"material": {"first_noun": 9.0}, "tool": {"first_noun": 9.0}}})
        step = normalize(text).to_dict()["steps"][0]
        assert step["tool"] == "磨刀石"
    finally:
        rerank.use_weights(None)


def test_the_run_time_module_is_pure_python():
    tree = ast.parse((ROOT / "generation/prompting/rerank.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert imported <= {"__future__", "json", "os", "bisect", "contextlib", "pathlib"}, imported


# --- the saved weights --------------------------------------------------------------------------------
def test_the_saved_weights_record_how_they_were_trained():
    saved = json.loads(rerank.WEIGHTS_PATH.read_text(encoding="utf-8"))
    tr = saved["training"]
    assert tr["splits"] == ["dev", "dev2", "dev3", "test", "test2"]
    assert tr["settings"]["l2"] == 0.5 and tr["settings"]["iters"] == 400
    assert tr["commit"] and tr["retrain"] == RETRAIN
    assert set(saved["weights"]) == {"material", "tool"}


def test_the_saved_weights_equal_a_fresh_training():
    pytest.importorskip("numpy")
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import train_rerank
    finally:
        sys.path.remove(str(ROOT / "bench"))
    saved = rerank.load_weights(rerank.WEIGHTS_PATH)
    diff = train_rerank.differences(saved, train_rerank.train())
    assert not diff, (
        f"generation/prompting/data/rerank_weights.json differs from a fresh training ({len(diff)} weights, e.g. "
        f"{diff[:3]}): a rule change moved a step's material, tool, span or verb, which the reranker's features "
        f"read. Retrain and commit the weights: `{RETRAIN}`")
