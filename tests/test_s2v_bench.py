"""bench/s2v_gpu.py keeps working (CPU smoke run, tiny model; its numbers mean nothing) and its FLOP count."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_s2v_bench_smoke(tmp_path):
    out = tmp_path / "s2v.json"
    proc = subprocess.run([sys.executable, "bench/s2v_gpu.py", "--tiny", "--device", "cpu", "--warmup", "0",
                           "--iters", "1", "--json-out", str(out)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    row = json.loads(out.read_text())
    assert row["s_per_step"] > 0 and row["step_tflop"] > 0 and row["tokens"]["motion"] > 0


def test_s2v_step_flops_at_1024x704():
    sys.path.insert(0, str(ROOT / "bench"))
    from s2v_gpu import step_flops, token_counts

    from generation.engine.s2v.config import S2V_14B_TRANSFORMER

    t = token_counts(1024, 704, 80)
    # 20 latent frames × 44 × 64 noisy; 44 × 64 reference; FramePack 44·64 + 22·32 + 4·11·16 motion
    assert (t["noisy"], t["reference"], t["motion"]) == (56320, 2816, 4224)
    s, n, d, f, L = 63360, 56320, 5120, 13824, 512
    block = 12 * s * d * d + 4 * s * s * d + 4 * L * d * d + 4 * s * L * d + 4 * s * d * f
    inject = 4 * n * d * d + 4 * 20 * 5 * d * d + 4 * n * 5 * d
    assert step_flops(1024, 704, 80, S2V_14B_TRANSFORMER) == 2 * (40 * block + 12 * inject)
    assert round(step_flops(1024, 704, 80, S2V_14B_TRANSFORMER) / 1e15, 2) == 9.81
