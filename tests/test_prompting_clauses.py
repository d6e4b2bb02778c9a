"""Clause structure in transcripts of any craft (issue 11, session 2026-11-29): serial verbs, result
complements, time clauses, relative clauses, the hand as an unspoken subject, and verbs jieba tags as
nouns. Every sentence here is written for this file (none is in the evaluation set), across crafts
the spec does not describe in full, so the open-vocabulary rules are what is tested."""
from tests.prompting_steps import actions, steps


# --- serial verbs: a second predicate after the first one's object is the next action ----------------
def test_serial_verbs_in_one_clause_are_steps_in_order():
    got = actions("竹丝编好了先泡软再蒸,蒸透了再晾")
    assert got.index("泡软") < got.index("蒸") < got.index("晾")
    # (p2: 「上锅蒸」 is one step, 蒸 on the pot: 上 + a steamer right before the verb is where it is done)
    got = actions("竹丝编好了先上锅蒸,蒸透了再晾")
    assert "上锅" not in got and got.index("蒸") < got.index("晾")
    got = steps("左手按住竹片往刀口上一推")
    assert [s["action"] for s in got] == ["按住", "推"] and got[0]["material"] == "竹片"


def test_holding_verb_is_not_a_step_of_its_own_before_the_verb_it_serves():
    got = steps("右手拿锉刀来回锉")
    assert [s["action"] for s in got] == ["锉"] and got[0]["tool"] == "锉刀" and got[0]["hand"] == "right"


def test_degree_complement_is_not_a_second_step():
    assert actions("面团揉到不粘手为止") == ["揉"]


# --- the action keeps the result the speaker said ------------------------------------------------------
def test_result_complement_stays_on_the_action():
    assert actions("两腿分开,双臂放平") == ["分开", "放平"]
    assert actions("把纸浆压干") == ["压干"]
    # a complement that only says where or how far is not part of the action
    assert actions("把蜡块熬到化开") == ["熬"]


# --- time and relative clauses ---------------------------------------------------------------------
def test_time_clause_verb_is_a_step_and_the_next_predicate_keeps_its_own_hand():
    got = steps("刨的时候左手压住木板,右手推刨子")
    assert [s["action"] for s in got][:2] == ["刨", "压住"]
    assert got[1]["hand"] == "left" and got[2]["hand"] == "right"


def test_verb_in_a_relative_clause_names_a_thing_not_an_action():
    assert actions("顺着画好的线慢慢锯") == ["锯"]


# --- verbs jieba tags as nouns or classifiers ----------------------------------------------------------
def test_noun_tagged_word_in_verb_position_is_the_verb():
    assert actions("趁热再锤成薄片") == ["锤"]
    assert "量" in actions("量的时候拿尺子贴着木料")
    assert actions("绳子套在桩上") == ["套"]


# --- the hand as an unspoken subject ---------------------------------------------------------------
def test_hand_carries_over_the_sentence_until_another_subject():
    got = steps("右手不戴手套,就拿指尖捻,捻匀了再绕到锭子上。")
    assert {s["hand"] for s in got} == {"right"}
    # a new sentence names no hand: none is carried
    got = steps("右手拿梭子穿过去。拉紧纬线。")
    assert got[-1]["hand"] is None
    # a noun subject before the verb stops the carry
    got = steps("左手托住碗坯,坯子自己转")
    assert got[0]["hand"] == "left" and got[-1]["hand"] is None


def test_hand_named_without_an_action_is_who_does_the_next_one():
    got = steps("右手往上一提,两只手一前一后,就抖起来了")
    assert got[-1]["hand"] == "both"


def test_spoken_surface_is_kept_next_to_the_action():
    for s in steps("把竹篾泡软,再晒干"):
        assert s["surface"]


# --- what is no action ---------------------------------------------------------------------------------
def test_potential_complement_says_whether_not_what():
    assert actions("线要拉得紧,手跟不上可不行") == ["拉"]
    assert "看不出来" not in actions("补过的地方看不出来")


def test_direction_after_a_verb_is_no_step_of_its_own():
    assert actions("把糖块捞出来晾凉") == ["捞", "晾凉"]
    assert actions("竹片拿出来晒") == ["晒"]


def test_word_after_cheng_or_a_possessive_de_is_a_thing():
    got = steps("把荷叶卷成漏斗")
    assert [s["action"] for s in got] == ["卷"]
    assert "把手" not in actions("狮头的把手要握紧")


def test_verbs_jieba_tags_otherwise_in_their_place():
    assert actions("填进去,压实") == ["填", "压实"]
    assert "晃" in actions("拿旗的人一晃,后面的就跟上")
    assert actions("一次熏个十来分钟") == ["熏"]
    assert actions("豆子跟清水下锅") == ["下锅"]


def test_same_action_after_a_sequence_marker_is_done_again():
    assert actions("先把铜块锤成方条,再锤成细条") == ["锤", "锤"]
    # said again without a marker, it is the same step described once more
    assert actions("竹篾刮一刮,刮三遍") == ["刮"]


def test_verb_object_words_and_hand_verbs_jieba_tags_as_nouns():
    assert actions("晾干了钻眼、穿绳") == ["晾干", "钻眼", "穿绳"]
    assert actions("腰鼓斜挎在身前") == ["挎"]
    # 改用/换成 say what comes next, they are no action themselves; V 跟 V is two actions
    assert actions("火大了就改用翻跟抖") == ["翻", "抖"]


# --- written Chinese: full-width punctuation, 时, agent nouns -------------------------------------------
def test_full_width_punctuation_cuts_clauses_like_ascii():
    fw = steps("左手按住竹片，右手拿刀往下削；削完了再磨。")
    ascii_ = steps("左手按住竹片,右手拿刀往下削;削完了再磨.")
    assert [s["action"] for s in fw] == [s["action"] for s in ascii_]
    assert [s["hand"] for s in fw][:2] == ["left", "right"] and len(fw) >= 3
    # a new sentence after a full-width 。/！/？ carries no hand
    assert steps("右手拿梭子穿过去！拉紧纬线。")[-1]["hand"] is None


def test_written_style_time_clause_and_agent_noun():
    got = steps("传承人用左手按住宣纸，右手持刷子轻刷")
    assert [s["action"] for s in got][0] == "按住" and "传承" not in [s["action"] for s in got]
    got = steps("演奏时，乐手右手执弓，左手按弦")
    acts = [(s["action"], s["hand"], s["tool"]) for s in got]
    assert ("执", "right", "弓") in acts and acts[-1][:2] == ("按弦", "left")


def test_a_word_several_crafts_name_differently_is_kept_as_said_in_another_craft():
    got = steps("油纸伞要拿刷子刷桐油，刷两遍")
    assert got[0]["tool"] == "刷子"


def test_written_light_verbs_prepositions_and_results():
    got = steps("将竹坯进行打磨，再对其进行上色。")
    assert [s["action"] for s in got] == ["打磨", "上色"] and got[0]["material"] == "竹坯"
    assert actions("待漆面阴干后，再刷第二遍")[0] == "阴干"
    assert actions("通过反复锻打，使铁片变薄") == ["锻打"]
    got = steps("匠人采用錾子在铜片上錾出花纹")
    assert "采用" not in [s["action"] for s in got] and got[-1]["tool"] == "錾子"


def test_text_without_punctuation_a_hand_after_a_predicate_starts_the_next_step():
    got = steps("唱大鼓左手拿板右手拿鼓键子敲鼓")
    hands = [s["hand"] for s in got]
    assert "left" in hands and got[-1]["hand"] == "right" and got[-1]["tool"] == "鼓键子"
    # a hand used by the predicate stays with it
    got = steps("用左手按住纸")
    assert [(s["action"], s["hand"]) for s in got] == [("按住", "left")]
