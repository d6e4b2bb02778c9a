"""Steps, r8-steps (issue 11; ``generation/prompting/extract.py``, ``resegment.py``): what a beat, a tune or a
breath is kept with is no step and nothing worked (「跟着节拍在碗边上敲」「随着呼吸起伏」); a classifier said without
its numeral stays apart from the thing taken in hand (「拿根竹筷子」). Every sentence is written for this file
(none is in the evaluation set), about crafts of every kind."""
from tests.prompting_steps import steps, surfaces as actions


# what is followed: 跟着/随着/伴着/踩着 + a beat, up to where or the verb

def test_a_beat_jieba_tags_as_a_verb_is_no_step():
    got = steps("右手拿根竹筷子 跟着节拍在碗边上轻轻敲")
    assert [s["surface"] for s in got] == ["拿", "敲"]
    assert got[1]["tool"] == "竹筷子" and got[1]["hand"] == "right"


def test_what_is_followed_is_neither_tool_nor_material():
    got = steps("右手拿根竹筷子，跟着鼓点在碗边上轻轻敲")
    assert got[-1]["surface"] == "敲" and got[-1].get("material") != "鼓点" and got[-1].get("tool") == "竹筷子"
    got = steps("舞者随着鼓声慢慢转身。")
    assert [s["surface"] for s in got] == ["转身"] and got[0].get("material") is None


def test_a_breath_followed_is_no_step():
    assert actions("太极推手的时候两臂随着呼吸慢慢起伏。")[-1:] == ["起伏"]
    assert "呼吸" not in actions("两臂随着呼吸慢慢起伏。")


def test_the_beat_stepped_on_is_followed_when_a_move_comes_after():
    got = steps("秧歌队踩着鼓点往前跳三步。")
    assert [s["surface"] for s in got] == ["跳"] and got[0].get("material") != "鼓点"


def test_a_person_before_the_lead_does_it_and_takes_no_tool_held_before():
    got = steps("鼓手两只手各拿一根鼓槌使劲擂,纤夫们跟着号子一齐往前拉。")
    assert got[-1]["surface"] == "拉" and got[-1].get("tool") is None


def test_a_lead_with_no_noun_or_no_verb_after_is_left():
    # guards: 「跟着甩」 is the motion itself; 「踩着刀刃」 is stepped on (no beat); nothing done after 「跟着哼」
    assert actions("左脚迈出去,左手跟着甩。")[-1:] == ["甩"]
    got = steps("光着脚踩着刀梯往上爬。")
    assert "踩" in [s["surface"] for s in got]


# a classifier without its numeral, glued by jieba to the noun's first character

def test_a_bare_classifier_stays_apart_from_the_thing_held():
    got = steps("左手拿根竹筷子搅一搅。")
    assert "竹筷子" in (got[0].get("tool"), got[0].get("material"))


# 一 + a verb-object word jieba reads as a noun, heading its clause or after a person named by 的

def test_once_a_verb_object_word_heading_its_clause_is_a_step():
    assert "翻掌" in actions("四指并拢,一翻掌,顺势往下按。")
    assert "吹哨子" in actions("领队的一吹哨子,队伍就停下来。")


def test_once_with_a_noun_after_it_is_no_step():
    # guard: 「一刷子下去」 counts a stroke of the brush (a noun after 一 before its direction), no 刷子 step
    assert "刷子" not in actions("一刷子下去,墙面就白了。")


# adverbs of place or extent jieba tags as verbs (从头/v, 正当中/v) are no steps

def test_from_the_start_is_no_step_and_the_verb_after_it_is():
    got = actions("把经文从头背到尾。")
    assert "从头" not in got and got[-1:] == ["背"]


def test_right_in_the_middle_is_no_step_and_the_verb_after_it_is():
    assert actions("堂屋正当中摆一张供桌。") == ["摆"]


def test_a_head_said_with_its_own_localizer_is_left():
    # guard: 「从头上套下去」 is 从 + 头上 (the head), not the adverb
    assert actions("把绳子从头上套下去。") == ["套下去"]


# a body part heading its clause and one word closing it: a morpheme verb (踩/zg) or a verb-object word (吸气/n)

def test_a_body_part_and_a_verb_object_word_jieba_tags_as_a_noun_is_a_step():
    assert "吸气" in actions("吹唢呐换气的时候,鼻子吸气,腮帮子鼓着。")
    assert actions("练气功,嘴巴吸气,鼻子呼气。")[-2:] == ["吸气", "呼气"]


def test_a_body_part_and_a_morpheme_verb_closing_its_clause_is_a_step():
    assert "踩" in actions("踩高跷起步,左脚踩,右脚跟上。")


def test_body_parts_listed_alone_are_no_steps():
    # guard: 「脚跟,脚尖」 name places of the foot, no movement
    got = actions("手心朝上,脚跟,脚尖。")
    assert not any(a in ("跟", "尖", "脚跟", "脚尖") for a in got)


# a one-character object jieba left untagged, closing the clause right after a one-character verb

def test_a_verb_and_its_bare_object_closing_the_clause_are_the_action_said():
    got = actions("做衣裳头一步是放样,然后裁布。")
    assert got[0] == "放样" and got[-1:] == ["裁"]
    assert actions("搭戏棚先撑台,再盖顶。")[0] == "撑台"


def test_a_measure_after_the_verb_is_no_object():
    # guard: 个 and 下 after the verb count or direct it, they name nothing worked
    assert actions("鼓槌往下敲个,停一停。")[0] == "敲"


# a one-character verb, then 上 glued by jieba to the object (上蜡/v, 上焊药/v): one action said

def test_a_verb_and_on_glued_to_its_object_are_one_action():
    assert actions("木雕刻完拿砂纸磨光,再打上蜡。")[-1] == "打上蜡"
    assert "点上焊药" in actions("银片先剪好,点上焊药,拿火枪吹。")


def test_on_with_its_object_alone_is_left():
    # guard: 「上油」 after its own clause's verb is a step of its own, nothing glued before it
    assert actions("把木头刨平再上油。") == ["刨平", "上油"]


# subjects that share out the work (一个/一半/有的) opening two clauses in a row: both words are predicates

def test_a_shared_out_predicate_jieba_tags_otherwise_is_a_step_like_the_one_after_it():
    assert actions("说对口快板的时候,一个问,一个接。")[-2:] == ["问", "接"]
    assert actions("舞狮队出发前,一半背鼓,一半拿锣。")[-2:] == ["背鼓", "拿"]


def test_shared_out_things_with_no_verb_are_no_steps():
    # guard: 「一个人,一个鼓」 counts people and drums, nothing is done
    assert actions("一个人,一个鼓。") == []
