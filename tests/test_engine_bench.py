"""bench/engine_gpu.py keeps working (CPU smoke run with a tiny model; its numbers mean nothing)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_script_smoke(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "bench/engine_gpu.py", "--tiny", "--device", "cpu", "--variants", "stock,engine",
         "--warmup", "0", "--iters", "1", "--json-out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(out.read_text())
    assert report["matmul_peak_tflops"] > 0
    for row in report["results"]:
        assert row["step_tflop"] > 0
        assert row["stock"]["s_per_step"] > 0 and row["engine"]["s_per_step"] > 0
        assert "speedup_vs_stock" in row["engine"]


def test_step_flops_formula():
    sys.path.insert(0, str(ROOT / "bench"))
    from engine_gpu import step_flops

    from generation.engine.config import A14B_TRANSFORMER

    # 1280×720×81: N = 21·45·80 = 75 600 tokens; see docs/PERFORMANCE.md
    n, d, f, L = 75600, 5120, 13824, 512
    expected = 2 * 40 * (12 * n * d * d + 4 * n * n * d + 4 * L * d * d + 4 * n * L * d + 4 * n * d * f)
    assert step_flops(1280, 720, 81, A14B_TRANSFORMER) == expected
    assert round(expected / 1e15, 2) == 13.05
