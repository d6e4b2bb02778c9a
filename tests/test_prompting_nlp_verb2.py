"""Two verbs in one clause (issue 11, nlp-verb2; ``extract.split_units``, ``_own_predicate``, ``_second_predicate``):
when the first verb is a step of its own. It is when it has something of its own before the second verb takes
over: an object or a result before 把/将 (「蘸点水把…抹光」), its object or result inside the word itself before a
second verb of two characters (「拌匀晾晒」) or before a one-character verb with its own object (「围坐喝米酒」). A
holding verb (拿/用) is still no step of its own (the helper-verb convention), and a verb character before one noun
character is a noun jieba cut apart (弓/毛), not a second verb. Every sentence is written for this file (none is in
the evaluation set or a probe), two crafts for each reading."""
from tests.prompting_steps import surfaces


def test_a_spec_verb_with_its_object_before_ba_is_a_step_of_its_own():
    # pottery and smithing: 蘸 (a verb the spec names) + its object, then 把 + the thing + the next verb
    assert surfaces("师傅蘸点清水把泥坯抹光。") == ["蘸", "抹光"]
    assert surfaces("铜片烧红了蘸点水把它敲平。") == ["烧", "蘸", "敲平"]


def test_a_spec_verb_with_its_result_before_ba_is_a_step_of_its_own():
    # woodblock printing: 刻 + 完了, then 把 + the block + 翻过来
    assert surfaces("刻完了把版子翻过来。") == ["刻完", "翻过来"]


def test_after_a_technique_and_a_modal_the_verb_after_ba_is_found():
    # embroidery and wood carving: the technique (a verb the spec names) + 要/得, then 把 + what + the verb
    assert "劈开" in surfaces("刺绣要把丝线劈开。")
    assert "刨平" in surfaces("雕刻得把木料刨平。")


def test_a_holding_verb_before_ba_stays_the_lead():
    # the helper-verb convention: 拿/用 + a tool before 把 is no step of its own
    assert surfaces("拿刷子把浆糊刷匀。") == ["刷匀"]
    assert surfaces("用竹片把泥刮平。") == ["刮平"]


def test_a_spec_verb_of_two_characters_after_another_is_the_next_step():
    # rice-flour food and cotton bleaching: a verb + result word, then a verb the spec names (晾晒/T)
    assert surfaces("米粉拌匀晾晒，再上笼蒸。") == ["拌匀", "晾晒", "蒸"]
    assert surfaces("棉纱漂白晾晒。") == ["漂白", "晾晒"]


def test_a_one_character_verb_with_its_own_object_after_a_two_character_verb_is_the_next_step():
    # festival custom and ballad singing: a posture word (围坐, 盘坐), then a verb with its own object
    assert surfaces("一家人围坐喝米酒。") == ["围坐", "喝"]
    assert surfaces("艺人盘坐弹三弦。") == ["盘坐", "弹"]
    assert surfaces("新娘跪拜敬米酒。") == ["跪拜", "敬"]


def test_a_verb_character_before_one_noun_character_is_no_second_verb():
    # jieba cuts 弓毛 and 整鸡 apart (弓/v 毛/n, 整/v 鸡/n): the noun stays the object of the first verb
    assert surfaces("手指顶住弓毛。") == ["顶住"]
    assert surfaces("供桌上摆上整鸡。") == ["供", "摆上"]


def test_a_listed_verb_closing_a_clause_that_says_where_it_goes_is_a_step():
    # noodle making and dance/painting: 带 and 看 are no step said in passing (STOP_VERBS), but closing a clause
    # after 往/朝着/对着 + a place they are the motion itself
    assert surfaces("擀好的面皮从案板这头往那头带。") == ["带"]
    assert surfaces("舞者的眼睛朝着台口看,手往上托。") == ["看", "托"]
    assert surfaces("画师眼睛对着灯光看,再下笔。") == ["看", "下笔"]


def test_a_listed_verb_said_to_the_listener_or_mid_clause_stays_no_step():
    assert surfaces("你往这儿看,这是刻刀。") == []
    assert surfaces("他往台下看了一眼。") == []
    assert surfaces("师傅说这块料子不行。") == []
