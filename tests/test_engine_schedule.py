"""The expert split comes from the real scheduler timesteps and the switch rule t >= boundary * 1000."""

import torch

import dataclasses

from generation.engine import PRESETS, GenerationRequest, expert_split, uses_high_noise_expert
from generation.engine.sampler import expert_plan, make_scheduler
from tests.engine_fixtures import tiny_engine, tiny_engine_dir  # noqa: F401  (fixtures)


# The official Wan2.2-T2V-A14B schedule at 40 steps, shift 12 (wan/utils/fm_solvers_unipc.py,
# FlowUniPCMultistepScheduler built with shift=1 and set_timesteps(40, shift=12) as wan/text2video.py
# does): sigmas linspace(0.999…, 0, 41) without the last point, shifted s' = 12s / (1 + 11s), timesteps
# = int64(s' · 1000) (truncated). Written down here, not computed, so the test cannot follow the code.
OFFICIAL_A14B_TIMESTEPS = [
    999, 997, 995, 993, 990, 988, 985, 982, 979, 976, 972, 969, 965, 961, 956, 952, 947, 941, 936, 929,
    922, 915, 907, 898, 888, 877, 865, 852, 837, 819, 799, 776, 749, 717, 678, 631, 571, 492, 386, 235,
]
# wan/text2video.py: the high-noise model while t >= boundary · num_train_timesteps = 875.
OFFICIAL_A14B_SPLIT = {"high": 26, "low": 14}


def test_golden_official_a14b_schedule():
    from generation.engine.sampler import set_schedule

    preset = PRESETS["wan2.2-t2v-a14b"]
    scheduler = make_scheduler("unipc", preset.flow_shift)
    set_schedule(scheduler, preset.num_steps)
    assert scheduler.timesteps.tolist() == OFFICIAL_A14B_TIMESTEPS
    assert scheduler.sigmas[-1].item() == 0.0  # final sigma zero, as the official sampler
    plan = expert_plan(scheduler.timesteps, preset.boundary, 1000)
    assert {"high": plan.count("high"), "low": plan.count("low")} == OFFICIAL_A14B_SPLIT
    assert expert_split(preset) == OFFICIAL_A14B_SPLIT
    # diffusers' own grid (set_timesteps(40) alone) is not the official one: it ends at 242, not 235
    plain = make_scheduler("unipc", preset.flow_shift)
    plain.set_timesteps(40)
    assert plain.timesteps.tolist() != OFFICIAL_A14B_TIMESTEPS


def test_official_a14b_split_is_26_high_14_low():
    from generation.engine.sampler import set_schedule

    preset = PRESETS["wan2.2-t2v-a14b"]
    assert (preset.num_steps, preset.flow_shift, preset.boundary) == (40, 12.0, 0.875)
    assert expert_split(preset) == {"high": 26, "low": 14}
    scheduler = make_scheduler("unipc", 12.0)
    set_schedule(scheduler, 40)
    plan = expert_plan(scheduler.timesteps, 0.875, 1000)
    assert plan == ["high"] * 26 + ["low"] * 14  # one switch, high-noise expert first
    assert scheduler.timesteps[25] >= 875 > scheduler.timesteps[26]


def test_a14b_official_defaults():
    p = PRESETS["wan2.2-t2v-a14b"]
    assert (p.guidance_high, p.guidance_low, p.num_frames, p.fps) == (4.0, 3.0, 81, 16)
    assert (1280, 720) in p.sizes and (832, 480) in p.sizes


def test_switch_rule_boundary():
    assert uses_high_noise_expert(875.0, 0.875, 1000)
    assert not uses_high_noise_expert(874.9, 0.875, 1000)
    assert uses_high_noise_expert(torch.tensor(999), 0.875, 1000)


def test_the_shift_comes_from_the_preset_not_the_folder(tiny_engine):
    # the tiny folder's scheduler_config.json says flow_shift 3.0 (as the Diffusers release does);
    # with shift 3 four steps would split 2/2, with the preset's 12 they split 3/1
    assert tiny_engine.components.scheduler_config["flow_shift"] == 3.0
    assert expert_split(dataclasses.replace(PRESETS["tiny"], flow_shift=3.0)) == {"high": 2, "low": 2}
    assert expert_split(PRESETS["tiny"]) == {"high": 3, "low": 1}
    seen = []
    tiny_engine.generate(GenerationRequest(prompt="x", width=32, height=32, num_frames=5),
                         progress=lambda step, total, expert: seen.append(expert))
    assert seen == ["high", "high", "high", "low"]
