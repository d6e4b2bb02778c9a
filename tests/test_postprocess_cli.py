"""`manage.py generate_clip --deliver/--fps/--label/--vtt`: engine → post-processing in one command,
with the tiny (noise) checkpoint."""
import io
import json

import pytest
from django.core.management import CommandError, call_command

from generation.postprocess.probe import probe
from heritage.webvtt import parse as parse_vtt


def run_json(*args) -> dict:
    out = io.StringIO()
    call_command("generate_clip", *args, "--json", stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("pp-cli") / "tiny"
    call_command("build_tiny_engine", str(path), "--json", stdout=io.StringIO())
    return path


BASE = ["--prompt", "从外缘起针,针脚短而齐。一批一批向内顺序排列。", "--seed", "3", "--width", "64", "--height", "48",
        "--frames", "9", "--steps", "2"]


def test_generate_clip_delivers_720p_with_label_and_subtitles(tiny_dir, tmp_path):
    out, vtt = tmp_path / "demo.mp4", tmp_path / "demo.zh.vtt"
    info = run_json("--model", str(tiny_dir), *BASE, "--deliver", "720p", "--fps", "24",
                    "--label", "AI生成 · 基于姚建萍口述重构", "--vtt", str(vtt), "--out", str(out))
    delivery = info["delivery"]
    assert (delivery["width"], delivery["height"], delivery["fps"]) == (1280, 720, 24.0)
    assert abs(delivery["duration_s"] - 9 / 16) <= 1 / 24
    probed = probe(out)
    assert (probed["codec"], probed["pix_fmt"], probed["streams"]) == ("h264", "yuv420p", 1)
    assert probed["tags"]["label"] == "AI生成 · 基于姚建萍口述重构" and "AI 生成" in probed["tags"]["comment"]
    native = probe(tmp_path / "demo.native.mp4")
    assert (native["width"], native["height"], native["fps"], native["nb_frames"]) == (64, 48, 16.0, 9)
    assert info["native"]["path"].endswith("demo.native.mp4")
    cues = parse_vtt(vtt.read_text(encoding="utf-8"))
    assert [c.text for c in cues] == ["从外缘起针,针脚短而齐。", "一批一批向内顺序排列。"]
    assert all(0 <= c.start < c.end <= probed["duration_s"] for c in cues)


def test_fps_alone_implies_720p_delivery(tiny_dir, tmp_path):
    info = run_json("--model", str(tiny_dir), *BASE, "--fps", "30", "--out", str(tmp_path / "x.mp4"))
    assert info["delivery"]["fps"] == 30.0 and info["delivery"]["label"] == "AI生成"


def test_bad_delivery_options_fail_before_the_engine_runs(tiny_dir, tmp_path):
    with pytest.raises(CommandError, match="AI 标识过长"):
        call_command("generate_clip", "--model", str(tiny_dir), *BASE, "--deliver", "720p", "--label", "很长" * 200,
                     "--out", str(tmp_path / "x.mp4"))
    with pytest.raises(CommandError, match="不存在"):
        call_command("generate_clip", "--model", str(tiny_dir), *BASE, "--deliver", "1080p",
                     "--vtt", str(tmp_path / "missing" / "x.vtt"), "--out", str(tmp_path / "x.mp4"))
    assert list(tmp_path.iterdir()) == []
