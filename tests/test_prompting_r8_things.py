"""Tools and materials on found steps, r8-things (issue 11; ``generation/prompting/roles.py``, ``words.py``): what
is taken up to wind or tie with is bound into the work (「拿荆条扎」); a wrist, a palm or an untagged limb before a
verb with no object is what moves (「手腕一翻」「胯往左一摆」); one character after 拿 before the verb is the thing
taken in hand (「拿戽舀水」「拿粗箩过」); 摇 wields an instrument (「摇串铃」); an oar heads an implement (「桨往后划」);
a rod pinched is handled, not worked with (「捏两根腿签」), and 手 / 杆 is one noun; a one-character object after where
and how many (「按下头两个孔」) or read as an organisation (渣); farm and kitchen implements (匾 箕 耙 …) head tools.
Every sentence is written for this file (none is in the evaluation set), about crafts of every kind, each rule with a
case it must not touch."""
from tests.prompting_steps import step as step_of, steps


# what is taken up to wind, tie or wrap with (拿/用 + a name that says neither tool nor stuff) is material

def test_a_thing_taken_up_to_tie_with_is_bound_into_the_work():
    got = step_of("篱笆拿荆条扎,一档要扎五道。", "扎")
    assert got["material"] == "荆条"


def test_a_band_taken_up_to_wind_from_a_place_is_the_material_not_the_place():
    got = step_of("拿布带从脚踝往上绑,绑三道。", "绑")
    assert got["material"] == "布带" and got["tool"] is None


def test_a_tool_taken_up_to_sew_stays_the_tool():
    # guard: a name that says tool (针) is what the binding verb works with
    got = steps("鞋帮子拿大针缝,一针一针缝紧。")[0]
    assert got["tool"] == "大针"


def test_what_ba_names_stays_the_material_of_the_binding():
    # guard: 把 names what is wound; the thing taken up stays what with
    got = steps("拿皮绳把刀柄缠紧。")[0]
    assert got["material"] == "刀柄"


# a wrist or palm, or a limb jieba leaves untagged, named before a verb with no object is what moves

def test_a_wrist_before_a_verb_with_no_object_is_what_moves():
    got = step_of("扭秧歌的时候,手腕一翻,扇子就转起来了。", "翻")
    assert got["material"] == "手腕"


def test_an_untagged_limb_opening_its_clause_is_what_moves():
    got = step_of("胯往左一摆,腰跟着扭。", "摆")
    assert got["material"] == "胯"


def test_a_hand_before_the_verb_is_who_acts_not_what_moves():
    # guard: 手 (not a wrist or palm) stays the hand acting
    got = step_of("筛子端平,手一抖,粉就撒匀了。", "抖")
    assert got["material"] != "手"


def test_a_wrist_with_an_object_after_the_verb_leaves_the_object_the_material():
    # guard: the verb's own object is what is worked
    got = step_of("手腕压住鼓面,另一只手敲。", "压住")
    assert got["material"] == "鼓面"


# after 拿/用: one character jieba reads as a noun morpheme, or an adjective glued to a one-character noun,
# before the verb is the thing taken in hand

def test_one_noun_character_after_na_before_the_verb_is_the_tool():
    got = step_of("拿戽舀水。", "舀")
    assert got["tool"] == "戽" and got["material"] == "水"


def test_an_adjective_and_a_one_character_noun_after_na_are_one_tool():
    got = steps("拿粗箩过两遍。")[0]
    assert got["tool"] == "粗箩"


def test_na_with_its_direction_is_no_tool():
    # guard: 拿来 takes nothing named in hand
    got = steps("拿来晒干。")[0]
    assert got["tool"] is None


# 摇 wields what it shakes when its name says an implement that works another thing (刀): the tool; a bell or a fan
# shaken is what the hand performs with, the tool too (nlp-held, tests/test_prompting_nlp_held.py; an instrument
# played, words.INSTRUMENT_HEADS, is not)

def test_a_bell_shaken_is_the_tool():
    got = step_of("跳的时候左手摇串铃。", "摇")
    assert got["tool"] == "串铃" and got["material"] is None


def test_a_knife_shaken_by_a_ritual_dancer_is_the_tool():
    got = step_of("端公右手摇着师刀,左手拿牛角。", "摇")
    assert got["tool"] == "师刀"


def test_a_thing_shaken_whose_name_says_no_instrument_stays_the_material():
    # guard: 花篮 is what the dance shows, not what with
    got = step_of("右手摇着花篮。", "摇")
    assert got["material"] == "花篮" and got["tool"] is None


# an oar (橹, 桨, 桡, 篙) heads an implement: named before the verb that moves it, it is the tool

def test_a_paddle_named_before_the_stroke_is_the_tool():
    got = steps("划龙船的时候,桨一下一下往后划。")[-1]
    assert got["tool"] == "桨" and got["material"] != "桨"


def test_a_scull_pushed_and_pulled_is_the_tool():
    got = steps("船娘站在船尾,橹一推一扳,船就往前走。")
    assert any(s["tool"] == "橹" for s in got) and not any(s["material"] == "橹" for s in got)


def test_a_paddle_ba_names_is_what_is_worked():
    # guard: 把 names the oar being made
    got = step_of("先把木桨刨光,再刷桐油。", "刨光")
    assert got["material"] == "木桨" and got["tool"] is None


# what the fingers pinch is the piece handled (a puppet's rod), but for a needle, knife or brush; a rod jieba
# reads as a classifier (手 / 杆) is one noun with what it belongs to

def test_a_rod_pinched_in_the_fingers_is_the_material():
    got = step_of("演木偶的时候,右手捏两根腿签。", "捏")
    assert got["material"] == "腿签" and got["tool"] is None


def test_a_needle_pinched_stays_the_tool():
    # guard: 针 is what the fingers pinch to work with
    got = step_of("左手捏着针,右手拉线。", "捏着")
    assert got["tool"] == "针" and got["material"] is None


def test_a_rod_read_as_a_classifier_joins_its_noun():
    got = step_of("演布袋戏,右手捏住两根脚杆。", "捏住")
    assert got["material"] == "脚杆"
    got = step_of("左手举着那根头杆。", "举")
    assert got["material"] == "头杆"  # (a puppet's rod held up is handled for itself: nlp-things)


# a one-character object jieba misses after the verb: after where on the thing and how many (「按下头两个孔」),
# or read as an organisation (渣/nt)

def test_a_hole_after_where_and_how_many_is_the_object():
    got = step_of("吹洞箫,右手按下头两个孔。", "按")
    assert got["material"] == "孔"


def test_dregs_jieba_reads_as_an_organisation_are_the_object():
    got = step_of("豆浆煮开了,滤掉渣。", "滤掉")
    assert got["material"] == "渣"


def test_where_and_how_many_with_no_noun_after_is_no_object():
    # guard: 「放上头两层」 names no thing after the count
    got = steps("蒸笼里放上头两层。")[0]
    assert got["material"] is None


# farm and kitchen implements that sift, rake, fork, cut or take blows (匾 箩 箕 杈 耙 镰 …) head tools

def test_a_winnowing_basket_held_while_shaking_is_the_tool():
    got = step_of("两手端着簸箕颠,谷壳就飞出去了。", "颠")
    assert got["tool"] == "簸箕" and got["material"] is None


def test_a_rake_named_before_its_stroke_is_the_tool():
    got = step_of("木耙一耙一耙往前推。", "推")
    assert got["tool"] == "木耙"


def test_a_flat_basket_ba_names_is_what_is_washed():
    # guard: what 把 names is worked, whatever its head
    got = step_of("先把竹匾洗干净,晾干。", "洗")
    assert got["material"] == "竹匾" and got["tool"] is None
