"""The engine is pure PyTorch: importing and running it never imports Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import sys, tempfile
from generation.engine import GenerationRequest, load_engine
from generation.engine.tiny import build_tiny_checkpoint
path = tempfile.mkdtemp()
build_tiny_checkpoint(path)
result = load_engine(path, device="cpu").generate(GenerationRequest(prompt="x", width=32, height=32, num_frames=5,
                                                                   num_steps=2))
assert result.frames.shape == (5, 32, 32, 3)
loaded = sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
print("DJANGO", loaded)
"""


def test_engine_runs_without_django():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": "/tmp"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "DJANGO []" in proc.stdout


def test_presets_import_without_torch():
    """Forms and the API read generation.engine.config (plain data) without paying for torch."""
    code = ("import sys; import generation.engine.config as c; from generation.engine import PRESETS; "
            "assert PRESETS is c.PRESETS; print('TORCH', 'torch' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": "/tmp"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "TORCH False" in proc.stdout
