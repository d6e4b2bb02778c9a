"""Steps the speaker said that came out missing (issue 11, fourth session): a verb whose place in the
clause says it is the predicate, whatever jieba tags it. Sentences written for these tests (none from
an evaluation set), from several crafts."""
import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec

SPEC = default_spec()


def actions(text):
    return [s["action"] for s in normalize(text, spec=SPEC).to_dict()["steps"]]


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
