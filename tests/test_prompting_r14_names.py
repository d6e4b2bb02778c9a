"""Names jieba cuts apart, r14 (issue 11; ``generation/prompting/resegment.py``, ``words.py``): the repair of jieba's
cut joins a noun's last character back when jieba read it as another part of speech. Every sentence is written for
this file (none is in the evaluation set), about crafts other than the ones the rules were found on (潮州铁枝木偶,
汉剧, 评书, 藏戏), each rule with guards it must not touch."""
from generation.prompting import normalize
from tests.prompting_steps import step as step_of


def result(text):
    return normalize(text).to_dict()


def terms(text):
    return [t["text"] for t in result(text)["terms"]]


# 1. a classifier right after a one-character noun or adjective (no numeral or demonstrative before it, which a
# classifier needs) is the noun's last character: 铜|枝, 大|绺

def test_a_copper_rod_held_is_the_rod_not_the_copper():
    text = "捏住铜枝往上一提，灯笼就亮了。"
    assert step_of(text, "捏住")["material"] == "铜枝"
    assert "铜枝" in terms(text)


def test_an_adjective_and_a_classifier_after_a_count_name_a_lock_of_hair():
    text = "绣好的锦缎上钉一个小绺，再钉两个大绺。"
    got = [s["material"] for s in result(text)["steps"] if s["surface"] == "钉"]
    assert got == ["小绺", "大绺"]
    assert {"小绺", "大绺"} <= set(terms(text))


def test_a_jar_mouth_is_one_noun():
    assert "罐口" in terms("左手托着陶罐，罐口朝下扣在桌上。")


def test_ge_after_a_verb_stays_a_classifier():
    # guard: 个 after a verb or adjective is the dropped 一 of a count (「飞个线」「弯成个圈」), never a name's end
    assert step_of("先把布面绷平，再飞个线过去。", "飞")["material"] == "线"
    assert step_of("把钢丝弯成个圈，两头拧紧。", "弯")["material"] == "钢丝"


def test_a_count_of_strokes_stays_a_count():
    # guard: 下 counts the action
    got = step_of("刨子推个三五下就平了。", "推")
    assert got["tool"] == "刨子" and got["material"] is None


def test_a_classifier_after_a_numeral_still_counts():
    # guard: 「两片」 counts; the noun after it stays whole
    got = step_of("拿起两片锡片贴在壶身上。", "贴")
    assert got["material"] == "锡片"


# 2. a preposition takes a noun: a one-character verb and a classifier right after it, with no noun or numeral
# after them, are one noun (吹|口)

def test_the_mouthpiece_after_ba_is_what_is_wiped():
    text = "唢呐吹之前，先拿软布把吹口擦干净。"
    got = step_of(text, "擦")
    assert got["tool"] == "软布" and got["material"] == "吹口"
    assert "吹口" in terms(text)


def test_the_mouthpiece_after_gen_is_a_term():
    assert "吹口" in terms("哨片要跟吹口对齐，再拿线绑紧。")


def test_blowing_a_breath_after_a_preposition_stays_a_verb():
    # guard: a noun after the classifier (口气) makes 吹 the verb and 口 its count
    got = step_of("对着炭盆吹口气，炭就红了。", "吹")
    assert "吹口" not in terms("对着炭盆吹口气，炭就红了。") and got["material"] == "口气"
