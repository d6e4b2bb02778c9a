"""bench/engine_gpu.py keeps working (CPU smoke run with a tiny model; its numbers mean nothing)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(tmp_path, *args):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "bench/engine_gpu.py", "--tiny", "--device", "cpu", "--warmup", "1", "--iters", "1",
         "--json-out", str(out), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    return proc, (json.loads(out.read_text()) if out.exists() else None)


def test_bench_script_smoke(tmp_path):
    proc, report = _run(tmp_path, "--variants", "stock,engine,engine+fp8")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert {"torch", "cuda", "cudnn", "diffusers"} <= set(report["env"])
    assert report["matmul_peak_tflops"] > 0
    [row] = report["results"]  # one size per call
    assert row["step_tflop"] > 0 and row["tolerance_rel_l2"] == 0.02
    assert row["stock"]["s_per_step"] > 0 and row["engine"]["s_per_step"] > 0
    assert row["stock"]["sdpa"] and row["engine"]["sdpa"]  # the kernel actually run, from the profiler
    assert row["engine"]["check"]["rel_l2"] <= 0.02
    assert "speedup_vs_stock" in row["engine"]
    assert "FAILED" in proc.stdout and "needs a CUDA GPU" in row["engine+fp8"]["error"]  # CPU: reason given


def test_bench_reports_a_numerics_mismatch_as_failed_not_as_a_speed(tmp_path):
    proc, report = _run(tmp_path, "--variants", "stock,engine", "--tolerance", "1e-12")
    assert proc.returncode == 1
    [row] = report["results"]
    assert row["engine"]["failed"] == "numerics" and "s_per_step" not in row["engine"]
    assert "speedup_vs_stock" not in row["engine"]
    assert "engine: FAILED output differs from stock" in proc.stdout.replace("  ", " ").replace("  ", " ")


def test_bench_refuses_bad_arguments(tmp_path):
    for args in (["--size", "1280x721"], ["--size", "big"], ["--variants", "turbo"], ["--frames", "80"]):
        proc = subprocess.run([sys.executable, "bench/engine_gpu.py", "--device", "cpu", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)


def test_step_flops_formula():
    sys.path.insert(0, str(ROOT / "bench"))
    from engine_gpu import step_flops

    from generation.engine.config import A14B_TRANSFORMER

    # 1280×720×81: N = 21·45·80 = 75 600 tokens; see docs/PERFORMANCE.md
    n, d, f, L = 75600, 5120, 13824, 512
    expected = 2 * 40 * (12 * n * d * d + 4 * n * n * d + 4 * L * d * d + 4 * n * L * d + 4 * n * d * f)
    assert step_flops(1280, 720, 81, A14B_TRANSFORMER) == expected
    assert round(expected / 1e15, 2) == 13.05


def test_fast_modes_bench_smoke(tmp_path):
    out = tmp_path / "fast.json"
    proc = subprocess.run([sys.executable, "bench/engine_fast.py", "--device", "cpu", "--width", "32", "--height", "32",
                           "--frames", "5", "--steps", "6", "--json-out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = json.loads(out.read_text())["results"]
    assert "needs a CUDA GPU" in rows["fp8"]["skipped"]
    for mode in ("first_block_cache", "taylorseer_cache", "lora_preview"):
        assert rows[mode]["speedup_denoise"] > 0 and rows[mode]["max_diff_255"] >= 0
    assert rows["lora_preview"]["steps"] == 4 and rows["lora_preview"]["psnr_db"] < 100
