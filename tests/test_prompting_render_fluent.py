"""The prompt reads as fluent, faithful Chinese (render.py and carry.py, issue 11, r6-render): one movement
is said as the speaker said it (「敲一下」), never 「共1次」; a direction said before the verb stays
(「往后撤」); a thing moved along a path goes before the verb with 把 (「把米倒进去」); what 拿/用 take up
is what the verb works with (「用砂纸磨」); a limb that moves is no complement of the verb before it; a
place, an instrument, a thing dipped into or laid aside is not carried as the object of the next step.
Sentences about crafts not in the evaluation set."""
from functools import partial

from generation.prompting import normalize, render_prompt
from generation.prompting.carry import _carry_dropped_object
from generation.prompting.tokens import Step
from generation.prompting.spec import default_spec

from tests.test_prompting_render import desc, steps_of
from tests.prompting_steps import steps as read_steps

SPEC = default_spec()


# --- one movement --------------------------------------------------------------------------------------
def test_one_movement_is_said_with_its_classifier_not_as_a_total():
    d = desc("拿木槌敲一下楔子", [{"clause": "拿木槌敲一下楔子", "action": "敲", "tool": "木槌", "material": "楔子",
                                  "params": {"count": 1}}],
             [("木槌", "木槌", "tool"), ("楔子", "楔子", "material")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "用木槌敲一下楔子"


def test_one_step_of_a_limb_keeps_the_limb_the_path_and_the_step():
    d = desc("右腿往后撤一步", [{"clause": "右腿往后撤一步", "action": "撤", "material": "右腿", "params": {"count": 1}}])
    assert steps_of(render_prompt(d, spec=SPEC)) == "右腿往后撤一步"


def test_one_event_said_away_from_the_verb_is_just_the_verb():
    d = desc("啪一下摔下去", [{"clause": "啪一下摔下去", "action": "摔", "params": {"count": 1}}])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert "共1" not in p and "摔" in p


# --- a direction said before the verb ----------------------------------------------------------------------
def test_a_bare_direction_before_the_verb_is_said():
    d = desc("两只手往外一推", [{"clause": "两只手往外一推", "action": "推", "hand": "both"}])
    assert steps_of(render_prompt(d, spec=SPEC)) == "双手往外推"


# --- a complement with an object ----------------------------------------------------------------------------
def test_a_thing_moved_into_a_place_goes_before_the_verb_with_ba():
    d = desc("糯米倒进去", [{"clause": "糯米倒进去", "action": "倒进去", "material": "糯米"}],
             [("糯米", "糯米", "material")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "把糯米倒进去"


def test_chu_lai_still_takes_its_object_inside():
    d = desc("抽出蚕丝来", [{"clause": "抽出蚕丝来", "action": "抽出来", "material": "蚕丝"}], [("蚕丝", "蚕丝", "material")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "抽出蚕丝来"


def test_a_verb_that_moves_the_doer_fronts_nothing_with_ba():
    d = desc("跑过桥去", [{"clause": "跑过桥去", "action": "跑过去", "material": "桥"}])
    assert "把桥" not in render_prompt(d, spec=SPEC)


# --- what 拿 takes up -------------------------------------------------------------------------------------
def test_a_material_taken_up_with_na_is_what_the_verb_works_with():
    d = desc("拿砂纸磨光", [{"clause": "拿砂纸磨光", "action": "磨光", "material": "砂纸"}], [("砂纸", "砂纸", "material")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "用砂纸磨光"


# --- a limb is no complement ----------------------------------------------------------------------------
def test_a_limb_that_goes_out_is_its_own_step_not_a_complement():
    d = desc("左手一推,右肩出去", [{"clause": "左手一推", "action": "推", "hand": "left"},
                                  {"clause": "右肩出去", "action": "出去", "material": "右肩"}])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert "推出右肩" not in p and "右肩出去" in p


# --- what is carried to the next step ------------------------------------------------------------------
_materials = partial(read_steps, fields=("action", "material"))


def test_a_place_is_not_carried_as_the_next_steps_object():
    text = "捞出来凉水里泡,再晾干。"
    p = Step(action="捞", surface="捞", material="凉水", start=0, end=6)
    q = Step(action="泡", surface="泡", start=6, end=7)
    r = Step(action="晾干", surface="晾干", start=9, end=11)
    _carry_dropped_object(SPEC, [p, q, r], text)
    assert q.material is None and r.material is None
    p = Step(action="捞", surface="捞", material="竹篾", start=0, end=5)  # (「竹篾捞出来」: the thing, carried)
    q = Step(action="泡", surface="泡", start=6, end=7)
    _carry_dropped_object(SPEC, [p, q], "竹篾捞出来,泡。")
    assert q.material == "竹篾"


def test_an_instrument_is_not_carried_as_the_next_steps_object():
    steps = _materials("先拿热水烫一遍,再摊开晾干。")
    assert all(m != "热水" for a, m in steps if a in ("摊开", "晾干"))


def test_a_thing_laid_aside_is_not_what_the_next_tool_works():
    steps = _materials("把刨子放下,拿起凿子凿。")
    assert steps[-1][1] != "刨子"


def test_what_is_dipped_into_is_not_what_is_stuck_on():
    steps = _materials("金纸蘸浆糊,一张一张贴上去。")
    assert ("贴上去", "浆糊") not in steps


def test_a_thing_worked_is_still_carried():
    assert ("切", "萝卜") in _materials("萝卜洗干净,拿刀切。")


def test_a_tongue_is_what_moves_not_what_is_worked():
    d = normalize("舌头往上一卷,再吹。", None).to_dict()
    assert all(s["material"] != "舌头" for s in d["steps"] if s["action"] == "吹")
    assert "卷舌头" not in d["prompt"]
