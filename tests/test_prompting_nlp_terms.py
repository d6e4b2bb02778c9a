"""Craft terms and the words a prompt keeps, nlp-terms (issue 11; ``render.py``, ``resegment.py``, ``words.py``,
``nonsteps.py``): three general rules for failures of the fresh dev data (dev3 and the dev probe halves), each
shown on crafts other than the items that showed it. Every sentence is written for this file (none is in the
evaluation set or a probe)."""
from generation.prompting import normalize
from tests.prompting_steps import actions, steps


def _out(text):
    return normalize(text).to_dict()


def _terms(text):
    return [t["text"] for t in _out(text)["terms"]]


# 1. render: a noun of no known kind (an open term that is neither a tool nor a material by its head) said right
# after a step's verb that has no object is that step's object in the prompt (the piece sung, the dance danced),
# not left out

def test_the_piece_sung_reaches_the_prompt():
    # 曲艺
    assert "唱莲花落" in _out("艺人站上台口,先唱莲花落,再说一段笑话。")["prompt"]


def test_the_tune_sung_reaches_the_prompt():
    # 传统音乐
    assert "唱长调" in _out("歌手清了清嗓子,唱长调,唱完喝口奶茶。")["prompt"]


def test_the_dance_danced_reaches_the_prompt():
    # 传统舞蹈
    assert "跳起傩舞" in _out("巫师跳起傩舞,脚下踩着七星步。")["prompt"]


def test_an_open_noun_away_from_the_verb_is_not_pasted():
    # (guard) words between the verb and the noun: no object slot, the noun is not the step's object
    prompt = _out("记者在祭台前看见老艺人敲响了好几回云锣。")["prompt"]
    assert "敲响记者" not in prompt and "敲响祭台" not in prompt


# 2. resegment: what a numeral and classifier count runs to the end of its clause, so a character jieba left after
# the counted noun there (扇/q, 袋/q) is that noun's last character

def test_a_counted_fan_keeps_its_last_character():
    # 民俗 (a fan held)
    assert "蒲草扇" in _terms("老汉蹲在场院里,手里攥着一把蒲草扇,慢慢扇火。")


def test_a_counted_bag_keeps_its_last_character():
    # a bag hung on the waist
    got = steps("他腰间挂着一只牛皮袋,走起来晃荡。")
    assert got[0]["material"] == "牛皮袋"


def test_a_result_after_a_counted_noun_is_not_joined():
    # (guard) 好 is a result complement, not the noun's last character
    assert "布袋装好" not in _terms("几个布袋装好。")


# 3. the naming verbs are one list (words.NAMING_VERBS, read by names and nonsteps), with the written ones: what
# 俗称/谓之/称之为… introduce is a name, the naming verb itself is neither a step nor a noun

def test_a_name_after_weizhi_is_a_term_and_no_step():
    text = "茶汤分三次注满,谓之凤凰点头。"
    assert "凤凰点头" in _terms(text)
    assert "谓之" not in _terms(text)
    assert "点头" not in actions(text)


def test_a_name_after_suchen_is_a_term():
    assert "撩水花" in _terms("这一手俗称撩水花,手腕一抖就成。")


def test_chengzhiwei_is_no_step():
    text = "老辈人称之为跑马灯,小伙子举着灯绕场跑。"
    assert "称之为" not in actions(text)
    assert "跑马灯" in _terms(text)


def test_one_list_of_naming_verbs():
    # (one rule, one place) nonsteps reads the naming verbs of words.py
    from generation.prompting import nonsteps
    from generation.prompting.words import NAMING_VERBS

    for verb in NAMING_VERBS:
        assert nonsteps._NAMING.search("这" + verb + "打坯"), verb
