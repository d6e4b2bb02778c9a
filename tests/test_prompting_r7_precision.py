"""Steps that are no steps, r7-precision (issue 11; ``generation/prompting/nonsteps.py``): a span summed up
(「一段拉下来二十来分钟」), a bare direction that says a result or a stroke's measure (「糕自己就掉下来了」
「一刀下去两毫米」), a doer or a thing named by a verb opening its clause (「捏泥的师傅…」「扎好的叫…」).
What each said (a quantity) stays on a neighbouring step. Every sentence is written for this file (none is in
the evaluation set), about crafts of every kind."""
from tests.prompting_steps import steps, surfaces as actions


# a span summed up: 一 + 段/场/天… + V下来

def test_a_span_summed_up_is_no_step_of_its_own():
    got = steps("两只手甩绸子,一场跳下来半个钟头。")
    assert [s["surface"] for s in got] == ["甩"] and got[0]["params"].get("duration_s") == 1800


def test_a_span_summed_up_hands_its_quantities_to_the_step_before():
    got = steps("左手打板,右手敲鼓,一段唱下来二十来分钟。")
    assert [s["surface"] for s in got] == ["打板", "敲"]
    assert got[-1]["params"].get("duration_s") == [1080, 1320]


def test_a_verb_with_its_own_xialai_is_a_step():
    # guard: 「把…取下来」 is done, no span before it
    assert "取" in "".join(actions("面人捏好了,从竹签上一把取下来。"))


# a bare direction: a result after 就, or the measure of each stroke

def test_a_result_said_by_its_subject_is_no_step():
    assert actions("模子底下轻轻一敲,糕自己就掉下来了。") == ["敲"]
    assert actions("嘴唇贴着竹片一吹,调子就跟着出来了。") == ["吹"]


def test_a_stroke_measure_is_no_step_and_keeps_its_length():
    got = steps("刻刀斜着推,一刀下去两毫米。")
    assert [s["surface"] for s in got] == ["推"]
    assert got[0]["params"].get("length_mm") == 2


def test_a_direction_done_by_a_hand_is_a_step():
    # guard: no 就 before it, no stroke: 「右脚出去」 is the dancer's step
    assert "出去" in actions("左脚迈出去,右脚跟着出去。")


# a doer or a thing named by a verb, opening its clause

def test_a_doer_named_by_a_verb_is_no_step():
    assert actions("捏泥的师傅先把泥揉熟。") == ["揉"]


def test_a_thing_named_by_what_was_done_to_it_is_no_step():
    assert actions("扎好的叫灯笼骨,糊上红纸挂起来。") == ["糊", "挂"]


def test_a_verb_whose_object_holds_a_de_is_a_step():
    # guards: 「按住他的手腕」 (a pronoun), 「开出一个人脸的大样,」 (no predicate after the noun)
    assert actions("按住他的手腕往下压。")[0] == "按住"
    assert actions("开出一个人脸的大样,再换小刀。")[0] == "开出"


# a count of things read as a verb: a number + 个 opening the clause

def test_a_count_of_things_is_no_step_and_its_count_stays():
    got = steps("锣鼓队一共四排,二十个鼓手,双手拿槌敲鼓。")
    assert [s["surface"] for s in got] == ["敲"]
    assert got[0]["params"].get("count") == 20


def test_a_counted_motion_after_a_verb_is_a_step():
    # guard: 「再来一个转身」 counts a motion done (a verb before the number)
    assert "转身" in actions("翻一个跟头,再来一个转身。")


# a quality: a verb right after a degree adverb

def test_a_verb_after_a_degree_adverb_is_no_step():
    assert actions("錾花这道工序最磨人,左手扶錾子,右手拿锤敲。") == ["扶", "敲"]
    assert actions("拉胡琴,揉弦最见功夫,左手指头要软。") == ["揉弦"]


def test_a_degree_adverb_before_a_manner_is_no_quality():
    # guard: 「很快地往下一按」: 很 qualifies 快, the verb after is done
    assert actions("右手很快地往下一按。") == ["按"]


# the same verb again right after a comma: its extent

def test_the_same_verb_again_after_a_comma_is_the_extent_of_the_step_before():
    got = steps("糖浆倒在石板上摊凉,凉到四十度再拉。")
    assert [s["surface"] for s in got] == ["倒", "摊凉", "拉"]
    assert got[1]["params"].get("temperature_c") == 40


def test_the_same_verb_after_a_full_stop_is_a_new_sentence():
    # guard: a full stop between, the verb said again is not read as an extent
    assert actions("木板往下压。压到底再松手。") == ["压", "松手"]


def test_a_verb_before_a_degree_complement_is_no_step():
    assert actions("铁水烫得很,手别凑上去,拿勺子舀起来。") == ["舀"]


def test_a_degree_complement_with_more_after_it_is_done():
    # guard: 「打得很高」 says how high the stroke goes; the stroke is done
    assert actions("铁水舀起来,往上一泼,打得很高。")[-1] == "打"
