"""A hand's grasp before the next verb (issue 11, nlp-grasp). The helper-verb convention stays: a hand that takes a
thing (拿/握着/攥住…, ``words.TOOL_LEAD``) and then does something with it is one step, the second verb's, the thing
its tool (measured: making the grasp a step of its own there cost 8 pool checks and 28 steps given for 9 probe
checks). Two readings are no such lead: a holding verb with the result 成 (「攥成拳头」「握成拳」) is the hand taking a
shape, a step of its own before the stroke (``extract._shaped_hand``); and one character after a lead that takes the
path or pattern a motion follows (顺着/沿着/照着…, ``words.PATH_LEADS``) and before the verb is that path, not a step,
whatever jieba tags it (「顺着缝灌进」). Every sentence is written for this file (none is in the evaluation set or a
probe), two crafts for each reading."""
from tests.prompting_steps import steps, surfaces

FIELDS = ("surface", "hand", "tool", "material")


def test_a_hand_made_into_a_fist_is_a_step_before_the_stroke():
    # martial arts and storytelling: 握成拳 / 攥成拳头, then the stroke, both with the hand said
    assert steps("拳师站好马步，右手握成拳往前一冲。", fields=("surface", "hand"))[-2:] == [
        ("握", "right"), ("冲", "right")]
    assert steps("说书的讲到气头上，左手攥成拳头往桌上一敲。", fields=("surface", "hand")) == [
        ("攥", "left"), ("敲", "left")]


def test_a_held_tool_stays_the_next_verbs_tool():
    # woodwork, carving, forging: a hand takes a tool and works with it: one step, the tool its tool
    assert steps("左手握着刨子往前推。", fields=FIELDS) == [("推", "left", "刨子", None)]
    assert steps("右手拿刻刀往下刻。", fields=FIELDS) == [("刻", "right", "刻刀", None)]
    assert steps("右手攥着木槌往下一砸。", fields=FIELDS) == [("砸", "right", "木槌", None)]
    # a fist named without 成 is what strikes, no shape made (drumming)
    assert surfaces("左手攥拳头捶鼓面。") == ["捶"]


def test_one_character_after_a_path_lead_is_the_path_not_the_step():
    # wax casting and lacquer: 顺着/沿着 + 缝/v + the pouring verb
    assert surfaces("化开的蜡顺着缝灌进模子里。") == ["灌进"]
    assert surfaces("漆灰沿着缝灌进去，再刮平。") == ["灌进去", "刮平"]
    # paper-cut pattern and embroidery: 照着 + 画/v + the verb
    assert surfaces("纸样贴好了，照着画描一遍。") == ["贴好", "描"]
    assert surfaces("绣娘照着画绣。") == ["绣"]


def test_the_path_rule_keeps_verbs_that_close_the_clause():
    # a verb alone after the lead is the step (singing along); a noun path is untouched
    assert surfaces("跟着唱。") == ["唱"]
    assert surfaces("师傅顺着纹理劈开竹子。") == ["劈开"]
