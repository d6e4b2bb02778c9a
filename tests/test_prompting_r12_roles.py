"""Tools and materials on punctuated text, r12 (issue 11; ``generation/prompting/roles.py``, ``words.py``): a
one-character stuff before the noun jieba cut from it is that noun's modifier (「拿布带子把…」: 布带子, not 布).
Every sentence is written for this file (none is in the evaluation set), about crafts other than the ones the
rules were found on, each rule with guards it must not touch."""
from tests.prompting_steps import step as step_of, steps


# a one-character stuff (布, 铁) right before a noun jieba cut from it is what the noun is made of

def test_a_cloth_band_taken_up_is_the_band_not_the_cloth():
    got = step_of("舞龙的人拿两根布带子把龙珠绑在杆头上。", "绑")
    assert got["tool"] == "布带子" and got["material"] == "龙珠"


def test_what_ba_names_is_worked_when_the_band_is_named_by_its_stuff():
    got = step_of("踩高跷先拿布带子把跷腿捆三道。", "捆")
    assert got["material"] == "跷腿"


def test_an_iron_hoop_pushed_is_the_hoop():
    got = step_of("耍铁环的孩子拿铁钩推着铁环环往前跑。", "推")
    assert got["tool"] == "铁钩" and "铁环" in got["material"]


def test_stuff_before_a_locative_stays_the_ground():
    # guard: 布 before 上面 is where the work is done, the stuff itself
    assert step_of("在布上面绣一朵花。", "绣")["material"] == "布"


def test_stuff_alone_after_na_stays_what_is_taken():
    # guard: nothing follows 布 as a noun
    assert step_of("拿布擦一擦壶身。", "擦")["material"] == "布"


def test_a_longer_stuff_name_before_a_noun_is_not_a_modifier():
    # guard: only one character is glued; 木板 is the ground drawn on
    assert step_of("木匠在木板上画线。", "画")["material"] == "木板"


# after 拿/用 + a noun, a tool-heading character read as a verb, with the clause's verb or 把 after it, is the
# tool's head (猪鬃 + 刷 = 猪鬃刷)

def test_a_bristle_brush_before_ba_is_the_tool():
    got = step_of("漆器上漆前拿猪鬃刷把桐油刷匀。", "刷")
    assert got["tool"] == "猪鬃刷" and got["material"] == "桐油"


def test_a_brush_named_by_its_hair_before_an_adverb_and_the_verb_is_the_tool():
    got = steps("拓片拿棕毛刷轻轻扫掉浮灰。")[0]
    assert got["tool"] == "棕毛刷" and got["material"] != "棕毛"


def test_a_wool_brush_then_the_verb_with_its_glue():
    got = steps("拿羊毛刷慢慢刷上一层胶。")
    assert got[0]["tool"] == "羊毛刷" and got[-1]["material"] == "胶"


def test_the_brushing_verb_with_no_verb_after_it_stays_the_action():
    # guard: 刷 with only how much after it is what is done with the water
    got = step_of("拿清水刷一遍。", "刷")
    assert got["material"] == "清水" and got["tool"] is None


# after the verb, a place on the thing then a demonstrative or a count (后面那个, 前边那三个) is where; the noun after
# it is the object

def test_the_hole_behind_a_demonstrative_is_what_the_thumb_stops():
    assert step_of("吹唢呐的时候拇指堵住后面那个眼。", "堵住")["material"] == "眼"


def test_holes_after_a_side_and_a_demonstrative_with_count():
    assert step_of("右手扣住前边那三个孔跟后边一个孔。", "扣住")["material"] == "孔"


def test_a_string_after_a_place_and_a_classifier_is_the_material_only():
    got = step_of("弹琵琶左手按住上头那根弦。", "按住")
    assert got["material"] == "弦" and got["tool"] is None


def test_a_place_closing_the_clause_stays_a_place():
    # guard: nothing follows 后头, it is where the piece is put
    got = step_of("把竹片搁在后头。", "搁")
    assert got["material"] == "竹片"


def test_a_place_then_a_count_still_reads_the_noun():
    # guard: the earlier rule (上头 + 三个 + 孔)
    assert step_of("手指按住上头三个孔。", "按住")["material"] == "孔"


# after 拿/握…, a place (手里) or a person (病人, 孩子) then 的 says where or whose; the noun after 的 is what is taken
# hold of (another's limb: what is worked)

def test_the_stick_in_the_hand_is_what_is_taken_up():
    got = steps("接住了拿手里的棒槌一磕。")
    assert any(s["tool"] == "棒槌" for s in got)
    assert all(s["material"] != "手里" for s in got)


def test_a_patients_wrist_taken_hold_of_is_worked_not_the_patient_as_tool():
    got = step_of("按摩的时候两手握住病人的手腕往外拉。", "拉")
    assert got["tool"] is None and got["material"] == "手腕"


def test_a_childs_ankle_gripped_is_the_material():
    got = step_of("正骨的时候握住孩子的脚腕往外拽。", "拽")
    assert got["tool"] is None and got["material"] == "脚腕"


def test_a_persons_waist_is_a_body_part_not_a_part_of_a_thing():
    assert step_of("托住孩子的腰。", "托住")["material"] == "腰"


def test_a_part_of_a_thing_held_still_names_the_thing():
    # guard: 头 is where the pole is taken, the pole is what with
    assert step_of("舞狮的人握一根竹竿的头往上挑。", "挑")["tool"] == "竹竿"


# an instrument named by its use and its stuff (烙铁, 电烙铁) is a tool whatever its head says

def test_a_branding_iron_taken_up_is_the_tool():
    got = step_of("拿烙铁烫。", "烫")
    assert got["tool"] == "烙铁" and got["material"] is None


def test_an_electric_iron_is_the_tool_of_the_ironing():
    assert step_of("剪纸拿电烙铁烫一下蜡纸。", "烫")["tool"] == "电烙铁"


def test_iron_stuff_stays_material():
    # guard: 铁块 and 铁丝 are stuff
    assert step_of("铁块搁炉子里烧红。", "搁")["material"] == "铁块"
    assert step_of("拿铁丝缠三圈。", "缠")["material"] == "铁丝"


# after V得 comes how the thing ends up (a degree, 高高的, 黏糊糊), never what is worked

def test_how_high_is_not_what_is_held_up():
    assert step_of("龙头举得高高的。", "举")["material"] == "龙头"


def test_how_sticky_is_not_what_is_soaked():
    assert step_of("皮子泡得黏糊糊的。", "泡")["material"] == "皮子"


def test_a_result_glued_to_the_verb_still_takes_its_object():
    # guard: no 得, what 把 names is worked
    assert step_of("把竹篾泡软。", "泡软")["material"] == "竹篾"
    assert step_of("彩绸甩得圆圆的。", "甩")["material"] == "彩绸"


# a time, a place in the air, or a way of working (小时候, 半空, 钟头, 手工) names no thing: never a tool or material

def test_childhood_is_not_what_is_kicked():
    assert step_of("俺们小时候踢毽子是这么踢的。", "踢毽子")["material"] != "小时候"


def test_mid_air_is_where_the_ball_goes_not_what_is_thrown():
    assert step_of("皮球往半空一抛。", "抛")["material"] == "皮球"


def test_hours_are_not_what_is_boiled():
    assert step_of("铁锅里的糖熬钟头。", "熬")["material"] != "钟头"


def test_handwork_is_not_a_tool():
    assert step_of("这活全靠手工一刀一刀地刻。", "刻")["tool"] != "手工"


def test_old_folk_then_the_stuff_taken_up_still_read():
    # guard: the stuff taken up after the people named stays the material
    assert step_of("老辈人拿竹篾编筐。", "编筐")["material"] == "竹篾"


# a handle named after its tool (刀柄, 锤把) held is the tool; a handle of anything else is not

def test_a_knife_handle_gripped_is_the_tool():
    got = step_of("刻印的时候右手握住刀柄,左手按住石头。", "握住")
    assert got["tool"] == "刀柄" and got["material"] is None


def test_a_hammer_handle_held_is_the_tool():
    got = step_of("打铁的右手握着锤把,左手夹住铁条。", "握着")
    assert got["tool"] == "锤把" and got["material"] is None


def test_the_other_hand_still_works_its_own_thing():
    # guard: the piece the other hand grips stays the material
    assert step_of("刻印的时候右手握住刀柄,左手按住石头。", "按住")["material"] == "石头"


# 对准 (aim at) is a relation marker: what is aimed at is where, never the material 「对准」

def test_aiming_is_not_the_thing_smoked():
    got = steps("艾条点着了对准穴位一上一下地熏。")
    assert all(s["material"] != "对准" and s["tool"] != "对准" for s in got)
    assert got[-1]["material"] == "艾条"


def test_the_cup_aimed_then_pressed_names_no_aim():
    # guard: the cupping step keeps its cup
    got = steps("拔罐的时候罐口对准穴位往下一扣。")
    assert got[0]["tool"] == "罐" and all(s["material"] != "对准" for s in got)


# after a holding verb, a noun or a place then 那根/这块 closing the clause names the thing of that kind there

def test_the_rod_at_the_head_is_held_not_the_head():
    got = steps("提线木偶左手捏着头顶那根，右手捏着腰上那根。")[0]
    assert got["material"] == "头顶那根"


def test_the_pole_in_front_is_what_is_gripped():
    got = steps("耍龙灯的人握住前头那根，跟着龙珠跑。")[0]
    assert got["material"] == "前头那根"


def test_a_demonstrative_before_its_noun_still_reads_the_noun():
    # guard: 那根 before 竹竿 is only which pole
    assert step_of("拿起那根竹竿往上挑。", "挑")["tool"] == "竹竿"
