"""`manage.py gpu_workers`: one worker per visible GPU pinned with CUDA_VISIBLE_DEVICES on queue gpu with
concurrency 1; GPUs under the minimum memory refused unless offload; one tiny-engine CPU worker without GPUs."""
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

GPUS = [{"index": 0, "name": "NVIDIA H100 80GB HBM3", "total_bytes": 80 * 1024**3},
        {"index": 1, "name": "NVIDIA GeForce RTX 4080", "total_bytes": 16 * 1024**3}]


def run(*args, gpus=()):
    out, err = StringIO(), StringIO()
    with mock.patch("generation.management.commands.gpu_workers.visible_gpus", return_value=list(gpus)):
        call_command("gpu_workers", "--dry-run", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_one_pinned_worker_per_gpu_and_small_gpus_refused_unless_offload(settings):
    settings.ENGINE_PRESET = "wan2.2-t2v-a14b"
    settings.ENGINE_MIN_GPU_MEMORY_GB = 24
    out, err = run(gpus=GPUS)
    lines = out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gpu0@")
    assert "CUDA_VISIBLE_DEVICES=0" in lines[0] and "-Q gpu" in lines[0] and "--concurrency 1" in lines[0]
    assert "GPU 1" in err and "24 GB" in err and "--mode offload" in err
    out, _ = run("--mode", "offload", gpus=GPUS)
    assert [ln.split(" ")[0].split("@")[0] for ln in out.strip().splitlines()] == ["gpu0", "gpu1"]
    assert "CUDA_VISIBLE_DEVICES=1" in out and "HERITAGE_ENGINE_MODE=offload" in out
    with pytest.raises(CommandError):
        run("--gpus", "7", gpus=GPUS)


def test_no_gpu_starts_one_cpu_worker_with_the_tiny_engine(settings, tmp_path):
    settings.ENGINE_PRESET = "wan2.2-t2v-a14b"
    out, err = run("--tiny-dir", str(tmp_path / "tiny"))
    assert out.count("celery") == 1 and out.startswith("cpu@")
    assert "HERITAGE_ENGINE_PRESET=tiny" in out and "HERITAGE_ENGINE_DEVICE=cpu" in out
    assert "微型引擎" in err and "噪声" in err


def test_several_gpus_per_worker(settings):
    settings.ENGINE_PRESET = "wan2.2-t2v-a14b"
    settings.ENGINE_MIN_GPU_MEMORY_GB = 24
    gpus = [{"index": i, "name": "NVIDIA H200", "total_bytes": 141 * 1024**3} for i in range(5)]
    out, err = run("--gpus-per-worker", "2", gpus=gpus)
    lines = out.strip().splitlines()
    assert [ln.split("@")[0] for ln in lines] == ["gpu0-1", "gpu2-3"]
    assert "CUDA_VISIBLE_DEVICES=0,1" in lines[0] and "CUDA_VISIBLE_DEVICES=2,3" in lines[1]
    assert all("HERITAGE_ENGINE_CONTEXT_PARALLEL=2" in ln for ln in lines)
    assert all("torch.distributed.run --standalone --nproc_per_node 2" in ln and "engine_group --" in ln
               and "--pool solo" in ln for ln in lines)
    assert "GPU [4]" in err  # the odd one out is named, not silently dropped
    with pytest.raises(CommandError, match="resident"):
        run("--gpus-per-worker", "2", "--mode", "offload", gpus=gpus)
    out, _ = run(gpus=gpus)
    assert "HERITAGE_ENGINE_CONTEXT_PARALLEL" not in out and len(out.strip().splitlines()) == 5
