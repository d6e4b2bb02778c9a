"""Craft and technique terms, round 2, nlp-s21-terms2 (issue 11; ``names.py``): general classes of term the
normalizer missed over the tunable splits, each rule shown on crafts and wording of this file's own (no sentence is in
the evaluation set or a probe); every positive test failed before its rule."""
from generation.prompting import normalize


def _terms(text):
    return [t["text"] for t in normalize(text).to_dict()["terms"]]


# 1. names._glued_names: a noun of two characters whose first character jieba glued to the verb before it, the
# second a one-character noun closing the clause (做青|饼, 点出头|浆): the two are the name the text coins

def test_noun_glued_to_a_verb_object_word_is_a_term():
    # 民俗: the spring cake of mugwort, its first character glued to 做 (做青, the tea-maker's verb)
    assert "青饼" in _terms("清明前后家家做青饼,先把艾叶捣烂。")


def test_noun_glued_after_a_verb_and_complement_is_a_term():
    # 传统技艺: the first curd of a tofu maker, 出头 glued after 点
    assert "头浆" in _terms("豆浆烧开了,先点出头浆,再点二浆。")


def test_a_verb_and_its_result_keeps_its_object_apart():
    # (guard) 拉开|弓, 划破|皮: the verb's second character is a result, no noun
    assert "开弓" not in _terms("猎人拉开弓,一箭射出去。")
    assert "破皮" not in _terms("刀口划破皮,赶紧包上。")


def test_a_noun_not_closing_its_clause_is_no_glued_name():
    # (guard) the noun after the verb is the subject of what follows, no name
    assert "鼓腰" not in _terms("敲鼓腰里挂着铜铃。")
