"""Steps the speaker said that came out missing (issue 11, fourth session): a verb whose place in the
clause says it is the predicate, whatever jieba tags it. Sentences written for these tests (none from
an evaluation set), from several crafts."""
from functools import partial

import pytest

from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()


actions = partial(prompting_steps.actions, spec=SPEC)


@pytest.mark.parametrize("text,verb", [
    ("两只手各捏三粒米,往碗里放。", "捏"),          # 各 + a verb + a quantity: the verb, not a classifier
    ("两头各钉两颗钉子。", "钉"),
])
def test_a_verb_after_ge_before_a_quantity_is_a_step(text, verb):
    assert verb in actions(text), actions(text)


@pytest.mark.parametrize("text,verb", [
    ("先把南瓜瓤掏干净,再切块。", "掏"),          # 把 + object + a verb morpheme (掏/zg) + its result
    ("把鱼鳞刮干净,抹上盐。", "刮"),
])
def test_a_verb_morpheme_after_ba_and_its_object_with_a_result_is_a_step(text, verb):
    assert verb in actions(text), actions(text)


@pytest.mark.parametrize("text,verb", [
    ("炉子烧旺了就开始化铁。", "化铁"),           # 就 + 开始 + a verb-object word jieba tags as a noun
    ("锅烧热了就开始炒。", "炒"),
])
def test_the_predicate_after_a_verb_of_phase_is_its_own_step(text, verb):
    acts = actions(text)
    assert any(verb.startswith(a) or a.startswith(verb) for a in acts[1:]), acts


@pytest.mark.parametrize("text", [
    "糯米粉拿温水和成团,搓成圆子。",
    "面粉倒进盆里,拿凉水和成面团。",
])
def test_he_before_cheng_is_to_mix(text):
    assert "和" in actions(text), actions(text)


@pytest.mark.parametrize("text", [
    "馒头蒸熟了拿出来,晾一晾。",
    "竹篾泡软了拿出来,再劈。",
])
def test_taking_out_after_a_step_is_its_own_step(text):
    acts = actions(text)
    assert "拿" in acts and acts.index("拿") == 1, acts


def test_a_holding_verb_before_another_verb_is_still_no_step():
    acts = actions("泡软了拿刀削。")
    assert "拿" not in acts and "削" in acts, acts


@pytest.mark.parametrize("text,verb,thing", [
    ("拿两块榆树皮夹住,再用线缠。", "夹住", "榆树皮"),   # jieba's 榆树/皮夹/住: 皮 + 夹 before 住
    ("拿两块柏树皮夹住,晾一夜。", "夹住", "柏树皮"),
])
def test_a_hand_verb_glued_to_the_noun_before_zhu_is_cut_off(text, verb, thing):
    acts = actions(text)
    assert verb in acts or verb[0] in acts, acts


@pytest.mark.parametrize("text", [
    "糯米饭平平地摊在竹匾上。",     # jieba's 地摊 (a stall) after a reduplicated adjective: 地 + 摊
    "面团稳稳地摊在案板上。",
])
def test_the_adverbial_de_glued_to_its_verb_is_cut(text):
    assert "摊" in actions(text), actions(text)


@pytest.mark.parametrize("text,verb", [
    ("肩膀先一耸,再往下一沉。", "耸"),      # a body part, 先, then 一 + the movement
    ("脖子先一缩,头再往前一探。", "缩"),
])
def test_a_body_part_then_xian_yi_and_a_movement_is_a_step(text, verb):
    assert verb in actions(text), actions(text)


@pytest.mark.parametrize("text", [
    "脚尖点地,身子往后一仰。",          # 点 right after a body part is the touch, no numeral
    "鼓槌在鼓边上轻轻点,再往鼓心敲。",    # 点 after a manner adverb closing its clause
])
def test_dian_after_a_body_part_or_a_manner_adverb_is_the_touch(text):
    assert "点" in actions(text), actions(text)


def test_dian_as_a_little_is_no_step():
    assert actions("盐多放一点,水少一点。") == ["放"], actions("盐多放一点,水少一点。")
    assert actions("手艺先一看就懂。") == []


@pytest.mark.parametrize("text,first,second", [
    ("两个人抬着走,走到河边放下。", "抬", "走"),     # V着 (one word) right before another verb: two predicates
    ("他弯着腰插秧。", "弯着腰", "插秧"),            # V着N (jieba's 弯着腰) right before a verb
])
def test_a_verb_with_zhe_right_before_another_verb_leaves_both_steps(text, first, second):
    acts = actions(text)
    assert first in acts and second in acts and acts.index(first) < acts.index(second), acts


@pytest.mark.parametrize("text,verb", [
    ("接到绣球的后生要往山坡那边跑。", "跑"),      # 往 + a noun + 那边 + one verb character
    ("龙头抬起来往河这边游。", "游"),
])
def test_a_verb_after_wang_a_place_and_its_side_is_a_step(text, verb):
    assert verb in actions(text), actions(text)


def test_a_verb_with_tou_after_a_modal_is_a_step_and_a_noun_with_tou_is_not():
    assert "挠头" in actions("唱到这儿,丑角得挠头。"), actions("唱到这儿,丑角得挠头。")
    assert actions("院里要石头。") == [] and "钻头" not in actions("打眼还要钻头。")


def test_a_verb_jieba_reads_as_a_name_closing_a_hand_clause_is_the_step():
    # 张开/nr (张 a surname to jieba, a classifier 张/q): after a hand and its fingers, the hand's verb
    acts = actions("左手五指张开,右手握拳。")
    assert acts[:1] == ["张开"], acts
