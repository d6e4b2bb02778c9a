"""manage.py build_tiny_engine and generate_clip, as a curator or operator would run them."""

import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from generation.engine.tiny import folder_bytes

ROOT = Path(__file__).resolve().parents[1]


def run_json(*args) -> dict:
    out = io.StringIO()
    call_command(*args, "--json", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "tiny"
    info = run_json("build_tiny_engine", str(path))
    assert info["path"] == str(path)
    return path


def test_tiny_checkpoint_layout_and_size(tiny_dir):
    for part in ("model_index.json", "transformer/config.json", "transformer_2/diffusion_pytorch_model.safetensors",
                 "vae/config.json", "text_encoder/model.safetensors", "tokenizer/tokenizer.json",
                 "scheduler/scheduler_config.json"):
        assert (tiny_dir / part).is_file(), part
    assert folder_bytes(tiny_dir) < 20 * 1024 * 1024
    index = json.loads((tiny_dir / "model_index.json").read_text())
    assert index["boundary_ratio"] == 0.875 and index["transformer_2"] == ["diffusers", "WanTransformer3DModel"]


def test_generate_clip_writes_mp4_and_reports(tiny_dir, tmp_path):
    args = ["generate_clip", "--model", str(tiny_dir), "--prompt", "艺人用竹篾编织竹篮", "--negative", "模糊",
            "--seed", "9", "--width", "64", "--height", "48", "--frames", "9", "--steps", "4"]
    first = run_json(*args, "--out", str(tmp_path / "a.mp4"))
    second = run_json(*args, "--out", str(tmp_path / "b.mp4"))
    data = (tmp_path / "a.mp4").read_bytes()
    assert first["sha256"] == hashlib.sha256(data).hexdigest() == second["sha256"]
    assert data[4:8] == b"ftyp"
    for key, value in {"width": 64, "height": 48, "frames": 9, "fps": 16, "steps": 4,
                       "expert_steps": {"high": 3, "low": 1}, "device": "cpu", "mode": "resident"}.items():
        assert first[key] == value, key
    assert first["seconds"] > 0 and first["peak_memory_bytes"] > 0
    probe = _probe(tmp_path / "a.mp4")
    assert "Video: h264" in probe and "yuv420p" in probe and "64x48" in probe


def _probe(path) -> str:
    import imageio_ffmpeg

    proc = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(path)],
                          capture_output=True, text=True)
    return proc.stderr


def test_generate_clip_mode_override(tiny_dir, tmp_path):
    info = run_json("generate_clip", "--model", str(tiny_dir), "--prompt", "剪纸", "--seed", "1", "--width", "32",
                    "--height", "32", "--frames", "5", "--steps", "2", "--mode", "swap", "--out",
                    str(tmp_path / "s.mp4"))
    assert info["mode"] == "swap"


@pytest.mark.parametrize("extra, message", [
    (["--width", "100"], "width must be a multiple of 16"),
    (["--frames", "10"], "frames must be of the form 4k+1"),
    (["--steps", "0"], "steps must be a positive integer"),
])
def test_generate_clip_rejects_bad_requests(tiny_dir, tmp_path, extra, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("generate_clip", "--model", str(tiny_dir), "--prompt", "剪纸", "--out",
                     str(tmp_path / "x.mp4"), *extra)
    assert not (tmp_path / "x.mp4").exists()


def test_generate_clip_rejects_empty_prompt_and_missing_model(tiny_dir, tmp_path):
    with pytest.raises(CommandError, match="prompt is empty"):
        call_command("generate_clip", "--model", str(tiny_dir), "--prompt", " ", "--out", str(tmp_path / "x.mp4"))
    with pytest.raises(CommandError, match="does not exist"):
        call_command("generate_clip", "--model", str(tmp_path / "none"), "--prompt", "剪纸", "--out",
                     str(tmp_path / "x.mp4"))


def test_generate_clip_as_a_process(tiny_dir, tmp_path):
    """The documented command line, in a fresh process: one JSON line on stdout, exit 0."""
    proc = subprocess.run(
        [sys.executable, "manage.py", "generate_clip", "--model", str(tiny_dir), "--prompt", "木版年画印制",
         "--seed", "2", "--width", "48", "--height", "32", "--frames", "5", "--steps", "3",
         "--out", str(tmp_path / "p.mp4"), "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    assert info["frames"] == 5 and info["steps"] == 3 and sum(info["expert_steps"].values()) == 3
