"""Steps defined, recapped and lasted (issue 11, fifth session, r8-steps). Sentences written for these
tests (none from an evaluation set), from several crafts."""
from functools import partial

import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()


def result(text):
    return normalize(text, spec=SPEC).to_dict()


actions = partial(prompting_steps.actions, spec=SPEC)


@pytest.mark.parametrize("text,name,verb", [
    ("刻版是拿刻刀把线条刻出来。", "刻版", "刻"),              # the spec's action word, 是 + 拿…把
    ("拉坯就是把泥团放在转盘中间往上提。", "拉坯", "放"),       # 就是 + 把
    ("勾边是拿细笔把轮廓描一遍,再上色。", "勾边", "描"),        # a verb and its object jieba left apart
    ("修面就是用刨子把板面刨平。", "修面", "刨"),
])
def test_a_name_defined_by_shi_and_a_ba_or_na_clause_is_a_term_and_its_verb_the_step(text, name, verb):
    out = result(text)
    acts = [s["action"] for s in out["steps"]]
    assert name not in acts and not any(a == name[:1] for a in acts), acts
    assert acts and acts[0].startswith(verb), acts
    assert any(t["text"] == name for t in out["terms"]), out["terms"]


@pytest.mark.parametrize("text,recap", [
    ("先把茶叶倒进锅里炒,手掌贴着锅翻,炒完了倒出来摊凉。", "炒完"),   # a step between the verb and its recap
    ("拿针穿上线,在布上绣花,左手绷紧布,绣完了剪断线头。", "绣完"),
    ("右手拿刨子刨木板,左手按住板头,刨完了拿砂纸打磨。", "刨完"),      # V完 + a tool lead
])
def test_v_wan_le_after_a_step_of_the_same_verb_is_a_recap_not_a_step(text, recap):
    acts = actions(text)
    assert recap not in acts, acts
    assert len(acts) >= 3, acts


@pytest.mark.parametrize("text,kept", [
    ("左手按弦,右手拨,弹完了手放平。", "弹完"),      # 弹 was no step before: it stays
    ("先起稿,再拿刻刀刻,最后题字,全部写完。", None),  # nothing after: the text's end, nothing dropped
])
def test_v_wan_that_recaps_no_step_or_ends_the_text_stays(text, kept):
    acts = actions(text)
    if kept:
        assert kept in acts, acts
    else:
        assert acts[-1].startswith("写") or "题字" in acts, acts


@pytest.mark.parametrize("text,verb", [
    ("右手拉弓。先拉个过门,再唱。", "拉"),    # 拉弓 then 拉 with an object of its own: two steps
    ("右手抡锤。先抡个圆,再砸下去。", "抡"),
])
def test_a_verb_object_word_said_again_with_another_object_is_another_step(text, verb):
    acts = actions(text)
    assert verb in acts and len(acts) == 3, acts


@pytest.mark.parametrize("text,verb", [
    ("把豆子泡软,上锅蒸熟,拌上曲,一晒就是两个月。", "晒"),       # 一V就是 + a duration: V is done that long
    ("扎马步,两脚分开,一蹲就是一个钟头。", "蹲"),
])
def test_yi_v_jiu_shi_a_duration_is_the_step_with_its_duration(text, verb):
    steps = result(text)["steps"]
    found = [s for s in steps if s["action"] == verb]
    assert found and "duration_s" in found[0]["params"], steps


def test_yi_v_jiu_shi_a_duration_right_after_a_step_of_that_verb_is_no_new_step():
    steps = result("右手拉弓,手腕放松,一拉就是两个钟头。")["steps"]
    assert [s["action"] for s in steps] == ["拉弓", "放松"], steps
