"""The normalize_transcript command, per the CLI contract in issue 3 (run as a real process)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACT_KEYS = {"spec_version", "text", "terms", "steps", "prompt", "warnings"}
STEP_KEYS = {"order", "hand", "action", "tool", "material", "params", "defaults", "start", "end"}
PARAMETER_NAMES = {"angle_deg", "speed_mm_s", "needle_no", "thread_no", "thread_split", "spacing_mm", "rows", "count",
                   "length_mm", "width_mm", "depth_mm", "thickness_mm", "duration_s", "temperature_c", "rate_per_min"}


def run_cli(stdin: bytes, *args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="heritage.settings.test",
               DATABASE_URL=f"sqlite:///{tmp_path / 'cli.sqlite3'}")  # empty database: the spec files are used
    return subprocess.run([sys.executable, "manage.py", "normalize_transcript", *args], input=stdin, cwd=ROOT,
                          capture_output=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("cli")


def test_json_contract(tmp):
    text = "嗯,先把丝线劈成十六分之一,然后左手拿绷子,右手用十二号针斜一点扎下去,不然容易断。"
    proc = run_cli(text.encode("utf-8"), "--technique", "suxiu-zhengqiang", "--format", "json", tmp_path=tmp)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8")
    d = json.loads(out)  # exactly one JSON object
    assert CONTRACT_KEYS <= set(d)
    assert d["text"] == text and isinstance(d["spec_version"], str) and d["spec_version"]
    assert [s["action"] for s in d["steps"]] == ["劈丝", "拿", "进针"]
    for s in d["steps"]:
        assert STEP_KEYS <= set(s) and set(s["params"]) <= PARAMETER_NAMES
        assert text[s["start"]:s["end"]]
    last = d["steps"][-1]
    assert last["hand"] == "right" and last["params"]["needle_no"] == 12 and last["params"]["angle_deg"] == 30
    assert "angle_deg" in last["defaults"] and "needle_no" not in last["defaults"]
    assert all(t["category"] in {"technique", "tool", "material", "action", "body"} for t in d["terms"])
    assert d["prompt"] and d["warnings"] == ["不然容易断"]


def test_default_format_is_json_and_empty_input_is_fine(tmp):
    proc = run_cli(b"", tmp_path=tmp)
    assert proc.returncode == 0
    d = json.loads(proc.stdout)
    assert d["steps"] == [] and d["text"] == ""


def test_text_format(tmp):
    proc = run_cli("铁水烧到一千六百度左右,用柳木棒舀起来".encode(), "--format", "text", tmp_path=tmp)
    assert proc.returncode == 0
    out = proc.stdout.decode()
    # free text too short to tell the craft: the verb as said (舀), not 打铁花's canonical 舀铁水
    assert "舀" in out and "temperature_c=1440–1760" in out and "提示词" in out and "项目 —(none)" in out


def test_non_utf8_exits_2_with_one_line(tmp):
    proc = run_cli("针要斜一点".encode("gbk"), tmp_path=tmp)
    assert proc.returncode == 2
    assert proc.stdout == b""
    err = proc.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "UTF-8" in err


def test_bad_format_is_a_usage_error(tmp):
    proc = run_cli(b"x", "--format", "xml", tmp_path=tmp)
    assert proc.returncode != 0 and proc.stdout == b""


def test_the_interviewer_named_on_the_command_line_says_no_step(tmp):
    text = "周敏:您再讲讲打结。\n老陈:右手拿针,线绕两圈拉紧。"
    plain = json.loads(run_cli(text.encode(), tmp_path=tmp).stdout)
    named = json.loads(run_cli(text.encode(), "--interviewer", "周敏", tmp_path=tmp).stdout)
    spoken = text.index("老陈")
    assert any(s["start"] < spoken for s in plain["steps"])  # a name alone is the speaker's label only
    assert named["steps"] and all(s["start"] > spoken for s in named["steps"])
    assert named["text"] == text
