"""One clip across several processes (GPUs): sequence parallelism through diffusers' context-parallel API.

Started with torchrun (python -m torch.distributed.run --nproc_per_node N manage.py generate_clip …
--context-parallel N): every process loads the checkpoint and runs the same loop; inside each expert
the video tokens are split across the processes and attention is Ulysses (an all-to-all swaps the
sequence split for a head split around each attention, `ContextParallelConfig(ulysses_degree=N)`, with
the Wan transformer's own `_cp_plan` saying where to split and gather). Text encoding, the scheduler and
the VAE run whole on every process; only rank 0 writes results. NCCL on GPUs; gloo on CPU (it has
the all-to-all Ulysses needs), which is how the tests run it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from unittest import mock

import torch

from .errors import InvalidRequest


@dataclass(frozen=True)
class DistInfo:
    rank: int
    world_size: int
    local_rank: int
    device: str


def launched_by_torchrun() -> bool:
    """torchrun (torch.distributed.run) started this process; the launcher's own test, so the engine
    never reads the environment itself."""
    import torch.distributed as dist

    return dist.is_available() and dist.is_torchelastic_launched()


def init_distributed(device: str | None = None) -> DistInfo:
    """Join the process group torchrun set up (NCCL on CUDA, gloo on CPU); one GPU per local rank."""
    import torch.distributed as dist

    if not launched_by_torchrun():
        raise InvalidRequest("context parallelism needs torchrun: python -m torch.distributed.run "
                             "--nproc_per_node N manage.py generate_clip … --context-parallel N")
    local = dist.get_node_local_rank()  # the launcher's LOCAL_RANK, read by torch
    use_cuda = (device or ("cuda" if torch.cuda.is_available() else "cpu")).startswith("cuda")
    if use_cuda:
        if torch.cuda.device_count() <= local:
            raise InvalidRequest(f"local rank {local} needs GPU {local}, but only {torch.cuda.device_count()} are visible")
        torch.cuda.set_device(local)
        device = f"cuda:{local}"
    else:
        device = "cpu"
    if not dist.is_initialized():
        dist.init_process_group(backend="nccl" if use_cuda else "gloo")
    rank, world = dist.get_rank(), dist.get_world_size()
    return DistInfo(rank, world, local, device)


@contextlib.contextmanager
def _accelerator_count_at_least_one():
    # diffusers 0.42.1 ModelMixin._resolve_parallel_config picks each rank's device as
    # `rank % torch.accelerator.device_count()`, which is a ZeroDivisionError on a CPU-only build
    # (device_count() == 0), although the gloo backend runs context parallelism fine there. Until
    # upstream guards it (e.g. `torch.device(device_type, rank % max(1, device_count))`, or no index for
    # the CPU device type), we present a count of 1 for the duration of the call, on CPU-only builds only.
    if torch.accelerator.device_count() > 0:
        yield
        return
    with mock.patch.object(torch.accelerator, "device_count", return_value=1):
        yield


def enable_context_parallel(models, degree: int) -> None:
    """Ulysses context parallelism of `degree` on each transformer (the process group must be up and
    have exactly `degree` processes)."""
    import torch.distributed as dist
    from diffusers import ContextParallelConfig

    if degree < 2:
        return
    if not dist.is_initialized() or dist.get_world_size() != degree:
        have = dist.get_world_size() if dist.is_initialized() else 1
        raise InvalidRequest(f"--context-parallel {degree} needs {degree} processes started by torchrun, got {have}")
    for model in models:
        heads = int(model.config.num_attention_heads)
        if heads % degree:
            raise InvalidRequest(f"Ulysses splits the {heads} attention heads across processes: "
                                 f"{degree} does not divide {heads}")
        with _accelerator_count_at_least_one():
            model.enable_parallelism(config=ContextParallelConfig(ulysses_degree=degree))


def tokens_per_frame_check(num_tokens: int, degree: int) -> str | None:
    """The video sequence is split evenly: a problem message when it cannot be."""
    if degree > 1 and num_tokens % degree:
        return (f"context parallelism over {degree} processes needs the video token count ({num_tokens}) to be a "
                f"multiple of {degree}; choose another size or frame count")
    return None


# -- a long-lived group: rank 0 takes the jobs, the other ranks follow ------------------------------------
# A worker given several GPUs (manage.py gpu_workers --gpus-per-worker N) runs N processes under torchrun.
# Rank 0 is the job worker: before each generation it sends the request to the others, which run the
# same generation with it (the collectives inside the experts pair up); rank 0 alone reports progress,
# decides cancellation (Engine shares its decision with every rank at each check) and writes the clip.

def _send(message) -> None:
    import torch.distributed as dist

    dist.broadcast_object_list([message], src=0)


def _receive():
    import torch.distributed as dist

    box = [None]
    dist.broadcast_object_list(box, src=0)
    return box[0]


def agree(flag: bool) -> bool:
    """Rank 0's flag, on every rank (a collective: every rank must call it at the same point)."""
    import torch.distributed as dist

    backend = dist.get_backend()
    t = torch.tensor([1 if flag else 0], dtype=torch.int32,
                     device=f"cuda:{torch.cuda.current_device()}" if backend == "nccl" else "cpu")
    dist.broadcast(t, src=0)
    return bool(t.item())


class GroupLeader:
    """Rank 0's engine: generate() first sends the request to the followers; everything else is the engine's."""

    def __init__(self, engine):
        self.engine = engine

    def generate(self, request, progress=None, should_cancel=None, *, keep_float: bool = False):
        _send(("generate", request, keep_float))
        return self.engine.generate(request, progress=progress, should_cancel=should_cancel, keep_float=keep_float)

    def close(self) -> None:
        _send(("stop",))

    def __getattr__(self, name):
        return getattr(self.engine, name)


def follow(engine) -> int:
    """A follower rank's loop: run each generation rank 0 sends until it says stop; returns how many ran."""
    from .errors import EngineError

    done = 0
    while True:
        message = _receive()
        if message[0] != "generate":
            return done
        try:
            engine.generate(message[1], keep_float=message[2])
        except EngineError:
            pass  # rank 0 meets the same error at the same point and reports it
        done += 1


def group_threads() -> list[str]:
    """Names of this process's threads that belong to a process group's backend (gloo's loops, NCCL's
    watchdogs), read from /proc on Linux; [] elsewhere. After shutdown_distributed() it should be []."""
    import os

    names = []
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return names
    for tid in tasks:
        try:
            with open(f"/proc/self/task/{tid}/comm") as fh:
                name = fh.read().strip()
        except OSError:
            continue  # the thread ended meanwhile
        if "gloo" in name or "nccl" in name.lower():
            names.append(name)
    return sorted(names)


def shutdown_distributed() -> None:
    """Leave the process group and free its groups while the interpreter is still whole.

    The caller drops every engine first (`engine = None`): a context-parallel transformer holds the device
    mesh and through it the groups, whose backend threads destroy_process_group() does not stop. Groups
    still alive when the interpreter finalizes are torn down by exit handlers and can abort the process
    ("terminate called without an active exception": on CPU about one exit in ten, seen in CI). With no
    engine holding them, the collection below frees them and joins their threads; anything left is logged.
    """
    import gc
    import logging

    import torch.distributed as dist

    if dist.is_initialized():
        dist.destroy_process_group()
    gc.collect()
    left = group_threads()
    if left:
        logging.getLogger(__name__).warning(
            "process group threads still running after shutdown (%s): something still holds an engine",
            ", ".join(left))
