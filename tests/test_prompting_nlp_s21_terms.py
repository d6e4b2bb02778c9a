"""Craft and technique terms, nlp-s21-terms (issue 11; ``names.py``): general classes of term the normalizer missed
over the tunable splits, each rule shown on crafts and wording of this file's own (no sentence is in the evaluation
set or a probe); every test failed before its rule."""
from generation.prompting import normalize
from tests.prompting_steps import terms as _terms


def _params(text):
    return [s["params"] for s in normalize(text).to_dict()["steps"]]


# 1. names._numeral_phrases: a number-patterned set phrase said as a clause of its own names a metre, a move or a
# rule of the craft (一X一Y, NX一Y, the dictionary's 一X三Y), not counts of the work

def test_one_x_one_y_clause_is_a_term():
    # 传统音乐: a drum stroke and a gong stroke in turn, the pattern of a gong-and-drum piece
    assert "一鼓一锣" in _terms("鼓手和锣手面对面站着,一鼓一锣,轮着敲下去。")


def test_n_steps_one_move_clause_is_a_term():
    # 传统舞蹈: the step pattern of a circle dance
    assert "两步一跺" in _terms("跳锅庄大家围成圈,脚下是两步一跺:左脚迈出去,右脚跟上来。")


def test_n_steps_one_move_is_no_count():
    # (the same phrase) the numeral of the pattern counts no work
    params = _params("跳锅庄大家围成圈,脚下是两步一跺:左脚迈出去,右脚跟上来。")
    assert all(p.get("count") != 2 for p in params)


def test_dictionary_set_phrase_with_numerals_is_a_term():
    # 传统戏剧: the metre of a slow aria, the dictionary's own phrase
    assert "一板三眼" in _terms("老生唱慢三眼,琴师拉胡琴托着,一板三眼的,一句要拖好久。")


def test_a_reduplicated_or_directional_pattern_is_no_term():
    # (guard) 一下一下 and 一上一下 say how often and which way, no name
    terms = _terms("师傅拿锤子在铁砧上敲,一下一下,手腕一上一下,敲了半天。")
    assert not any(t.startswith("一下") or t.startswith("一上") for t in terms)


def test_counted_pieces_then_one_move_is_no_term():
    # (guard) 两块 counts the clappers, 一碰 the move: no name
    assert not any("一碰" in t for t in _terms("艺人左手拿着竹板,两块一碰,声音就出来了。"))


# 2. names._genre_names (through _craft_names): the name of a form, genre or craft that jieba's dictionary lacks, tagged
# as a person or a place (or a set phrase of three characters), ending in a genre's head (戏/剧/歌/曲/调/舞/节/绣…),
# or cut off before 戏/剧/歌 said alone

def test_a_song_tagged_as_a_name_is_a_term():
    # 传统音乐: 咸水歌 (tagged as a person's name) after a place word, no verb before it
    assert "咸水歌" in _terms("我们这边咸水歌开口先拖一个长音。")


def test_a_tune_tagged_as_a_name_after_a_verb_of_saying_is_a_term():
    # 传统音乐: 紫竹调
    assert "紫竹调" in _terms("老琴师常说紫竹调要拉得软。")


def test_a_name_cut_off_before_a_drama_head_is_a_term():
    # 传统戏剧: 毛南 + 戏, cut apart by jieba
    assert "毛南戏" in _terms("逢年过节,毛南戏开场先打锣鼓。")


def test_a_set_phrase_of_four_ending_in_a_dance_is_no_term():
    # (guard) 唱歌跳舞 says what is done, no genre's name
    assert "唱歌跳舞" not in _terms("节日里寨子的人围着火塘唱歌跳舞,一直到天亮。")


# 3. names._technique_compounds: what 练/学 takes is a skill's name, a one-character verb and its one-character object
# closing the clause whatever jieba tags the object (发, the hair, tagged a verb)

def test_the_skill_practised_is_a_term():
    # 传统技艺 (梳头): winding the hair
    assert "绕发" in _terms("梳头娘姨教徒弟,先练绕发,手指要灵。")


def test_a_verb_and_its_complement_practised_is_no_skill():
    # (guard) 甩起 is a verb and its result, no name
    assert "甩起" not in _terms("徒弟先练甩起,胳膊要直。")


# 4. names._split_compounds: the aspect particle 着/了 parts a verb-object word too (a condition or a technique named
# by a verb and a morpheme: the dictionary's word, or an object that is no word alone)

def test_a_verb_object_word_parted_by_le_is_a_term():
    # 传统医药 / 体育: 抽筋 said of a leg, 抽了筋
    terms = normalize("赛跑的时候左腿抽了筋,先把脚尖往回扳。").to_dict()["terms"]
    assert any(t["canonical"] == "抽筋" for t in terms)


def test_a_plain_verb_and_object_parted_by_le_is_no_term():
    # (guard) 进了城: going into town, said of no part of the body
    assert not any("进了城" in t for t in _terms("老人讲古,阿凡提骑着毛驴进了城。"))


def test_a_hand_washed_is_no_term():
    # (guard) 洗了手: a hand handled, no name
    assert not any("洗了手" in t for t in _terms("他洗了手,再揉面。"))


# 5. names._technique_compounds: 点, held by jieba's dictionary as a numeral, is the verb (to dot, to sow) before a
# one-character noun closing the clause when no verb, numeral or pronoun stands before it

def test_dot_sowing_is_a_term():
    # 农事 (二十四节气): sowing melon seeds in holes
    assert "点瓜" in _terms("老汉在田头撒完肥点瓜,一窝两粒。")


def test_a_little_salt_is_no_term():
    # (guard) 放点盐, 加点水: a little of a stuff
    terms = _terms("锅里放点盐,再加点水。")
    assert "点盐" not in terms and "点水" not in terms


# 6. names._object_names: a name of three characters or more that jieba tags as a person or a place, opening a clause
# or the text as what it is about, is a term (an instrument, a hero of a tale)

def test_an_instrument_opening_a_clause_is_a_term():
    # 传统音乐: 热瓦甫, tagged as a person's name
    assert "热瓦甫" in _terms("弹唱的时候,热瓦甫一响,大家就跟着拍手。")


def test_a_hero_opening_a_clause_is_a_term():
    # 民间文学
    assert "阿凡提" in _terms("老人讲古,阿凡提骑着毛驴进了城。")


def test_people_opening_a_clause_are_no_term():
    # (guard) 老太太们: people, a plural
    assert not any("老太太" in t for t in _terms("节日里,老太太们围着火塘坐。"))
