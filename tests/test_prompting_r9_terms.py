"""Terms, quantities and the prompt, r9 (issue 11): rules for the ``term``, ``param`` and ``prompt_include``
checks. Every sentence is written for this file (none is in the evaluation set), about crafts other than the
evaluation items the rules were found on."""
from generation.prompting import normalize


# a one-character technique named at the head of its definition: 「X是…」, 「X这个手法,…」

def terms(text):
    return [(t["text"], t["category"]) for t in normalize(text).to_dict()["terms"]]


def test_one_character_defined_by_shi_is_a_technique_term():
    assert ("掤", "technique") in terms("掤是两臂撑圆往外送。")


def test_one_character_before_zhege_shoufa_is_a_technique_term():
    assert ("捺", "technique") in terms("捺这个手法,掌心朝下,顺着锅壁往下按。")


def test_a_noun_a_speech_verb_or_a_pronoun_so_said_is_no_technique():
    # guards: what is made of something (面是…), hearsay (说是…), and 这个 with no word for a technique
    assert not any(w in ("面", "说", "学") for w, _ in terms("面是糯米粉和的,两手搓圆。") + terms(
        "说是老辈传下来的,右手拿刀刻。") + terms("学这个要三年,右手拿刀刻。"))


# a thing a verb reaches (V上, V到) that jieba cut into two single characters, closing the clause or before a
# locative, is one noun

def test_a_thing_reached_after_dao_is_one_term():
    assert "鼓圈" in [w for w, _ in terms("鼓槌别敲到鼓圈上。")]


def test_a_part_a_tool_hits_is_one_term():
    assert "筘座" in [w for w, _ in terms("梭子别撞到筘座上。")]


def test_no_place_state_or_amount_after_dao_is_a_term():
    # guards: a locative after the noun (锅里), an outcome (外硬内软), an amount (半干)
    said = [w for t in ("把面团放到锅里蒸。", "馍要蒸到外硬内软。", "漆要晾到半干。") for w, _ in terms(t)]
    assert not {"锅里", "外硬", "半干"} & set(said)


# the work that names its doer or its time: a one-character verb and a character jieba tags a classifier or a
# verb, opening its clause before 的

def test_a_verb_and_its_classifier_tagged_object_before_de_is_a_term():
    assert "起段" in [w for w, _ in terms("起段的时候,先敲一下醒木。")]


def test_two_verbs_naming_the_doer_before_de_are_a_term():
    assert "熔封" in [w for w, _ in terms("熔封的一边往罐口里灌,一边拿刀刮。")]


def test_a_verb_pair_inside_its_clause_before_de_is_no_term():
    # guard: 刚 before it, the pair does not open its clause (it describes the jar)
    assert "熔封" not in [w for w, _ in terms("手里刚熔封的罐子放凉。")]
