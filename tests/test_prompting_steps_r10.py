"""A held posture said with 着 is the step; a comparison (像…一样) is no step (issue 11, fifth session,
r10-steps). Sentences written for these tests (none from an evaluation set), from several crafts."""
from functools import partial

import pytest

from generation.prompting.evaluation import strip_punctuation
from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()


steps = partial(prompting_steps.steps, spec=SPEC)
actions = partial(prompting_steps.actions, spec=SPEC)


def held(text, verb):
    return next((s for s in steps(text) if s["action"] in (verb, verb + "着")), None)


@pytest.mark.parametrize("text,verb,material", [
    ("琵琶横抱,右手食指按着品位,左手慢慢推。", "按", "品位"),        # 按着/p after a finger
    ("扎风筝的时候,竹条贴着纸面,拿浆糊一点点糊。", "贴", "纸面"),    # 贴着 (a relation) after a thing
    ("舞龙的人,一只手托着龙身,另一只手往上举。", "托", "龙身"),
])
def test_a_held_posture_closing_its_clause_is_the_step(text, verb, material):
    s = held(text, verb)
    assert s is not None, actions(text)
    assert s["material"] == material, s


@pytest.mark.parametrize("text,verb", [
    ("刻刀贴着木纹推过去。", "贴"),                        # a verb after it: how it is pushed
    ("两只手贴着胸口、胸口贴着鼓,慢慢往下压。", "贴"),     # a chain of the same posture: how it presses
])
def test_a_posture_before_its_verb_stays_manner(text, verb):
    assert verb not in actions(text), actions(text)


@pytest.mark.parametrize("text,verb,noun", [
    ("跳秧歌的时候手拉着手转圈。", "拉", "手"),          # jieba's 手拉/着手
    ("变脸的演员头顶着一摞碗,碗不能掉。", "顶", "碗"),   # jieba's 头顶/着
    ("两个人背靠着背坐好。", "靠", None),                 # jieba's 背靠/着/背 (a verb after it: manner)
])
def test_jieba_glue_across_zhe_is_cut(text, verb, noun):
    s = held(text, verb)
    if noun is None:
        assert "背靠" not in actions(text), actions(text)
        return
    assert s is not None, actions(text)
    assert s["material"] == noun, s


def test_a_body_part_listed_with_actions_is_their_subject():
    # 「食指弯着」: a finger before its verb, in a list with 、, is who bends, not a verb-object word (食 + 指)
    acts = actions("拉二胡,拇指顶、食指弯着、中指抬。")
    assert "弯" in acts and "食指" not in acts, acts


@pytest.mark.parametrize("text,verb,hand,absent", [
    ("打腰鼓,两只胳膊像摇橹一样往前摆。", "摆", "both", "摇橹"),
    ("右手像握鸡蛋那样握着鼓槌,手腕放松。", "握着", "right", None),
    ("剪纸的时候左手转纸,就跟转方向盘似的,右手剪刀不动。", None, None, "方向盘"),
    ("肩膀好像挑着担子一样往下沉。", "沉", None, "挑"),
])
def test_a_comparison_is_no_step_and_lends_no_noun(text, verb, hand, absent):
    for t in (text, strip_punctuation(text)):
        ss = steps(t)
        words = [x for s in ss for x in (s["action"], s["tool"], s["material"]) if x]
        if absent:
            assert not any(absent in w for w in words), (t, ss)
        if verb:
            s = next((s for s in ss if s["action"] == verb), None)
            assert s is not None, (t, ss)
            if hand:
                assert s["hand"] == hand, (t, s)


def test_ge_with_another_hand_is_no_comparison_without_yiyang():
    # 跟 without 一样 joins two hands or follows: 「左手跟着右手往下压」 keeps its step
    assert "压" in actions("左手跟着右手往下压。"), actions("左手跟着右手往下压。")
