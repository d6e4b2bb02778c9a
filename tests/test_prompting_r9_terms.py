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
