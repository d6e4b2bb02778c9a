"""Issue 11 (nlp-roles): who is the tool, who is the material, read from the argument's place in the
clause (after 成, after a demonstrative or N的, a body part as the place, the thing a putting verb
moves). Every sentence here was written for these tests (none is taken from the evaluation set)."""
from functools import partial

from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()


steps = partial(prompting_steps.steps, fields=("action", "tool", "material"), spec=SPEC)


def test_what_follows_cheng_is_the_result_not_what_is_worked():
    # 「冬瓜切成小块」: 小块 is what the melon becomes; the melon is worked
    assert steps("冬瓜切成小块") == [("切", None, "冬瓜")]
    # with nothing else named, the result is all the clause says of the stuff
    assert steps("豆子泡一夜,再磨成浆")[-1][2] == "浆"


def test_a_shape_suffix_heads_the_noun_by_its_stuff():
    # 布条 is cloth in strips: used up, a material, not an instrument
    (s,) = [x for x in steps("接口用布条缠紧") if x[0] == "缠紧"]
    assert s[2] == "布条" and s[1] is None


def test_a_demonstrative_and_a_possessor_before_the_object_are_skipped():
    assert steps("左手按那头的琴弦") == [("按", None, "琴弦")]


def test_a_body_part_after_a_possessive_is_the_object():
    assert steps("右手扣住对方的手腕") == [("扣住", None, "手腕")]


def test_a_body_part_as_the_place_is_a_position_and_what_is_hung_there_is_worked():
    # an instrument hung or carried on the body is what the step works on, the body is no material
    assert steps("小鼓挂在胸前,两手拍")[0] == ("挂", None, "小鼓")
    assert steps("二胡搁在膝盖上")[0] == ("搁", None, "二胡")
    # taken in hand and hung: the ribbon is what is hung, not an instrument
    assert steps("拿彩带斜挂在肩上") == [("挂", None, "彩带")]


def test_the_place_of_a_putting_verb_is_a_support_and_a_tool():
    assert steps("坯子放火塘上烤")[0] == ("放", "火塘", "坯子")


def test_a_noun_before_de_and_a_hand_is_a_modifier_not_the_topic():
    # 「舞龙头的两只手」: the dancer's hands; 龙珠 is held up, worked (its name does not say tool)
    assert steps("舞龙头的两只手举着龙珠") == [("举", None, "龙珠")]


def test_a_term_of_any_kind_before_de_leads_to_the_object():
    # 影人 is a technique term of shadow play; 「影人的竹签」 names the rod
    assert steps("左手提着影人的竹签") == [("提", None, "竹签")]


def test_an_unknown_name_opening_the_clause_before_its_verb_is_the_topic():
    # jieba tags 壶嘴 a place name (ns)
    assert steps("壶嘴粘上去以后再修")[0] == ("粘上", None, "壶嘴")


def test_a_limb_named_before_a_verb_without_object_is_what_moves():
    # dance and martial-art texts: the limb is the thing moved (a hand or a finger is who acts)
    assert steps("两只胳膊慢慢往上抬") == [("抬", None, "两只胳膊")]
    assert steps("腰身往左拧") == [("拧", None, "腰身")]
    assert steps("手往下压") == [("压", None, None)]


def test_di_closing_the_clause_after_a_verb_is_the_ground():
    # the particle 地 stands before a verb; after one, at the clause end, it is the ground
    assert steps("手掌拍地") == [("拍", None, "地")]
    assert steps("右手按住地,身子往上翻")[0] == ("按住", None, "地")


def test_a_noun_alone_before_a_sequence_marker_is_the_topic_of_the_next_clause():
    # 「钻子先打个孔」: jieba's 先 cuts the unit; the instrument is the topic of 打
    assert steps("钻子先打个孔,再穿线")[0][:2] == ("打", "钻子")
    # what a putting verb moves, named before 先
    assert steps("竹片先搁水里泡软了再弯")[0] == ("搁", None, "竹片")


def test_one_character_words_closing_the_clause_after_the_verb_are_its_object():
    # jieba leaves 料 (tagged a verb) and 糖 apart; at the clause end after the verb they are its object
    assert steps("刷子蘸了料") == [("蘸", "刷子", "料")]
    assert steps("大锅烧热,再下糖")[-1] == ("下", None, "糖")


def test_a_result_of_state_changes_the_thing_named_before_the_verb():
    # 「大锅烧热」: the wok is what is heated; 「刀先磨快了」: the knife is what is ground
    assert steps("大锅烧热,再下糖")[0] == ("烧热", None, "大锅")
    assert steps("刀先磨快了再切")[0] == ("磨", None, "刀")
    # with a path and no result, the thing before the verb is still the instrument
    assert steps("刀斜着往里进") == [("进", "刀", None)]


def test_a_string_or_drum_is_what_is_played_not_an_instrument_wielded():
    assert steps("左手按弦,右手拨")[0] == ("按弦", None, "弦")
    assert steps("无名指落在琴弦上") == [("落", None, "琴弦")]


def test_a_made_thing_yields_to_the_stuff_or_the_ground_the_clause_names():
    # the object 花样 / 筐 is what the action makes; the silk and the cane are what is worked
    assert steps("先在绸子上绣好花样") == [("绣好", None, "绸子")]
    assert steps("拿竹篾编个筐") == [("编", None, "竹篾")]


def test_another_crafts_tool_of_wood_cane_or_fuel_taken_in_hand_is_stuff_here():
    # 木炭 is a polishing tool of lacquer in the lexicon; in a forge text it is fuel
    assert steps("炉膛里拿木炭埋住") == [("埋住", None, "木炭")]
    # a head like 纸 does not outrank the lexicon: sandpaper stays the tool
    assert steps("干了拿水砂纸磨", craft="guqin")[-1][1] == "水砂纸"


def test_a_shape_suffix_jieba_left_apart_joins_the_noun_before_it():
    # jieba: 银 / 块
    assert steps("先把银块敲扁") == [("敲", None, "银块")]
    assert steps("把银块放进坩埚化开")[0] == ("放进", "坩埚", "银块")


def test_what_ba_names_is_not_the_tool_when_something_is_taken_in_hand():
    # 扇子 is a lexicon tool; 「把扇子一盖」 names it as what is covered, the handkerchief is what with
    assert steps("拿手帕把扇子一盖") == [("盖", "手帕", "扇子")]


def test_what_is_put_on_the_hand_is_what_its_next_action_works_with():
    assert steps("右手戴上顶针,一针一针缝") == [("戴", None, "顶针"), ("缝", "顶针", None)]


def test_yong_x_said_alone_goes_with_the_verb_that_follows():
    # 「用竹刀,」 has no verb of its own: the bamboo knife is what the next clause scrapes with
    assert steps("做坯子,用竹刀,轻轻刮")[-1] == ("刮", "竹刀", None)


def test_na_x_closing_a_unit_cut_before_ba_goes_with_the_next_verb():
    # 「烧好了拿布」「把壶身擦亮」: the cloth is what 擦亮 works with, not what 烧好 worked
    # (without punctuation a comma is restored after 烧好了, and 「V好了,」 is the action V done)
    assert steps("烧好了拿布把壶身擦亮") == [("烧", None, None), ("擦亮", "布", "壶身")]


def test_with_ba_naming_what_is_worked_what_na_names_is_the_tool_even_stuff():
    # 布 is a material in weaving crafts; here 把 names the pot, so the cloth is what wipes it
    assert steps("拿布把壶身擦亮。") == [("擦亮", "布", "壶身")]
    assert steps("右手拿棉布把铜胎擦一遍。") == [("擦", "棉布", "铜胎")]


def test_what_stands_between_na_and_ba_is_the_thing_in_hand_whatever_jieba_tags_it():
    # 湿布/v, 筘/g, 抹/布 cut apart: the thing taken in hand before 把 is no action of its own
    assert steps("拿湿布把案板擦一遍") == [("擦", "湿布", "案板")]
    assert steps("再拿筘把经线打紧")[-1][1] == "筘"
    assert steps("拿抹布把桌面擦干净")[-1][1:] == ("抹布", "桌面")


def test_a_solid_thing_taken_in_hand_before_ba_is_the_tool_stuff_used_up_is_not():
    assert steps("用绒布把铜镜擦亮") == [("擦亮", "绒布", "铜镜")]
    assert steps("用胶水把两片木板粘上")[-1][1] is None


def test_what_ba_names_is_worked_even_a_term_of_another_kind():
    # 影人 is listed as a technique's word; after 把 it is the thing worked
    assert steps("拿热毛巾把影人捂一捂")[-1][2] == "影人"


def test_a_tool_described_in_a_clause_of_its_own_is_not_the_next_verbs_tool():
    (s,) = steps("腰鼓有两尺长,拿绸带系在腰上")
    assert s[1] is None and s[2] == "绸带"


def test_a_persons_de_before_the_object_names_whose_it_is():
    assert steps("右手托住他的手肘") == [("托住", None, "手肘")]


def test_a_verb_right_after_a_putting_step_works_the_thing_put():
    # 「放炭上烤」: the thing put is what the second verb works, the place (fire) what with
    assert steps("藤条放火上烤")[-1] == ("烤", "火", "藤条")


def test_an_instrument_brought_to_a_state_is_the_next_steps_tool():
    assert steps("剪子磨快了再剪") == [("磨", None, "剪子"), ("剪", "剪子", None)]


def test_a_term_of_a_technique_opening_a_putting_clause_is_what_is_put():
    assert steps("水袖搭在左臂上")[0] == ("搭", None, "水袖")


def test_the_thing_before_yong_and_a_medium_is_worked_the_medium_is_what_with():
    # jieba's 用水 is 用 + 水; the straw is soaked, the water soaks it
    assert steps("稻草先用水泡软")[-1] == ("泡软", "水", "稻草")
    assert steps("棕丝用水泡一夜")[-1][1:] == ("水", "棕丝")


def test_a_step_that_names_no_object_works_what_the_step_before_worked():
    # the object Chinese drops after it is named once: 陀螺 is what is caught and what is spun
    out = steps("陀螺抛出去,用手接住再转")
    assert [m for _, _, m in out] == ["陀螺"] * len(out)
    # a body part moved before is not what the next step works
    assert steps("两条胳膊甩开,左脚往前一踏")[-1][2] != "胳膊"


def test_a_verb_with_its_own_body_part_or_going_round_a_ground_takes_no_dropped_object():
    # a topic Chinese drops goes on over the clauses that follow (「先把瓷片洗净,晾干,再打磨」) but not onto a
    # verb with its own body part (低头, 弯腰) nor a motion round a ground (围着…转)
    assert steps("先把瓷片洗净,晾干,再打磨")[-1][2] == "瓷片"
    assert steps("把糯米饭供上去,大家低着头拜")[-1][2] is None
    assert steps("把米酒倒进碗里,大家弯着腰敬")[-1][2] is None
    # (the ground gone round is that motion's own material, r4: never the dropped 供品)
    assert steps("把供品摆上桌,大家围着火塘转")[-1][2] == "火塘"


def test_a_fire_said_before_its_verb_is_what_heats_not_what_is_heated():
    assert steps("药汤倒回锅里,小火熬一个钟头")[-1][1:] == ("小火", None)
    assert steps("大火蒸个把钟头")[0][1:] == ("大火", None)
    assert steps("炉火烧旺了")[0][2] == "炉火"  # the fire itself burns


def test_one_character_after_ba_is_what_is_worked_and_ta_is_what_was_worked_before():
    assert steps("拿锉刀把边锉平")[-1][2] == "边"
    # 它 stands for the thing the step before worked; jieba leaves 熨平 untagged after it
    assert steps("纸泡软了,拿熨斗把它熨平")[-1] == ("熨平", "熨斗", "纸")


def test_a_hand_verb_glued_to_ge_before_a_noun_is_the_verb_and_the_held_thing_its_tool():
    # jieba's 夹个: the verb + the classifier; 钳子 is what the tongs-verb works with
    assert steps("拿钳子夹个炭块") == [("夹", "钳子", "炭块")]


def test_a_tool_taken_in_hand_is_held_over_the_following_steps_of_the_sentence():
    # r3-tools: 拿起/拿/用 + tool, then several steps that name no tool of their own
    out = steps("拿起剪刀,先剪个口子,再顺着线剪下去。")
    assert [t for _, t, _ in out] == ["剪刀"] * 3
    out = steps("右手拿起錾子,先划线,再轻轻敲,敲完了放下錾子,左手扶住铜片。")
    # (「敲完了」 right after 敲 is the same step: r3-order's V完 rule)
    assert [a for a, t, _ in out if t == "錾子"] == ["拿起", "划", "敲"]
    # put down, another hand: no longer held
    assert [t for a, t, _ in out if a in ("放下", "扶住")] == [None, None]
    # a tool loaded by 蘸 is used next; a new thing then worked by hand (把 + another thing) is no brush work
    out = steps("拿棕刷蘸了浆水,先刷纸背,再把纸贴到墙上。")
    assert out[1][:2] == ("刷", "棕刷") and out[-1] == ("贴", None, "纸")
    out = steps("用起子撬开盖子,再把颜料倒出来。")
    assert out[-1] == ("倒", None, "颜料")
    # a medium is not held: 水 stays with 泡
    out = steps("竹丝先用水泡软,再晾干")
    assert out[-1][1] is None
    # the next sentence starts afresh
    out = steps("拿起锉刀锉一锉。再磨。")
    assert out[-1][1] is None


def test_a_lexicon_tool_named_by_its_use_stays_a_tool_stuff_through_and_through_does_not():
    # r3-tools: 醒木 ends in 木 (stuff) but the lexicon lists it as a tool and 醒 is no stuff
    assert steps("讲到这里,他拿醒木往桌子上一拍")[-1][1] == "醒木"
    # 竹篾 and 炭条 are stuff in every character: taken in hand they are still what is worked
    assert steps("拿竹篾编个篮子")[-1][1:] == (None, "竹篾")
    assert steps("拿炭条盖住")[-1][1:] == (None, "炭条")


def test_the_word_between_na_and_the_verb_is_what_is_taken_in_hand_whatever_its_tag():
    # r3-tools: jieba tags 大笔 as a numeral (一大笔钱); between 拿 and 蘸 it is the brush
    assert steps("先拿大笔蘸清水打湿纸面。")[0] == ("蘸", "大笔", "清水")
    # a numeral and classifier there is still skipped to the noun
    assert steps("再拿两根竹签戳几个眼。")[0][1] == "竹签"


def test_a_thing_taken_up_alone_then_moved_along_a_path_by_the_next_verb_is_its_tool():
    # r3-tools: 烙铁 ends in 铁 (a metal, material by its head); taken up and led along the line it is
    # what the burning is done with, and it stays in hand
    assert steps("师傅拿起电烙铁,沿着画好的线慢慢烙。") == [("拿起", "电烙铁", None), ("烙", "电烙铁", None)]
    # what is taken up to be stuck somewhere is what is worked
    out = steps("拿起一张皮纸,往窗框上一糊。")
    assert out[0] == ("拿起", None, "皮纸") and all(t is None for _, t, _ in out)
    # stuff that is used up stays material
    assert steps("拿起一团泥,顺着模子边按。")[0][1:] == (None, "泥")


def test_where_a_verb_puts_its_thing_after_zai_or_dao_is_a_place_not_what_is_worked():
    # r3-tools: V在/V到 + place: a support or a place, not the material
    assert steps("他坐在门槛上。")[0][2] is None
    assert steps("把面团摊在案板上。")[0][2] == "面团"
    # a verb that makes a mark there works that ground
    assert steps("把字写在红纸上。")[0][2] in ("字", "红纸")
    assert steps("用毛笔画在绢上。")[0][2] == "绢"


def test_what_is_taken_up_and_then_put_somewhere_is_what_the_putting_verb_works():
    # r3-tools: 拿X, V在Y: X is put at Y (the material), Y a place
    out = steps("左手拿两块铜板,夹在指头缝里。")
    assert out[-1] == ("夹", None, "铜板")
    out = steps("右手拿一根红绸,系在鼓槌上。")
    assert out[-1][2] == "红绸"


def test_a_part_of_a_thing_after_de_says_where_the_thing_is_taken_not_what_is_worked():
    # r3-tools: 「木棍的头」: 头 is the end where the stick is gripped, never the material
    assert steps("两只手各握住一根木棍的头。")[0][1:] == ("木棍", None)
    assert steps("左手拿着扁担的一头。")[0][2] == "扁担"
    # a whole noun after 的 is still what N1 has
    assert steps("右手扣住对方的手腕")[0][2] == "手腕"


def test_a_thing_taken_in_hand_and_brought_to_a_ground_named_before_the_verb_is_the_tool():
    # r3-tools: 烙铁 is headed by a metal; brought to the gourd's surface it is what burns the pattern
    assert steps("用烙铁在葫芦上烫出花纹。") == [("烫出", "烙铁", "葫芦")]
    assert steps("拿绒布在壶身上来回擦。")[0][1] == "绒布"
    # what is wound or stitched there is used up: material
    assert steps("拿麻绳在架子上绕三圈。")[0][2] == "麻绳"
    assert steps("用丝线在缎面上绣。")[0][2] == "丝线"


def test_a_verb_glued_to_an_instrument_before_the_name_of_its_part_plays_that_part():
    # r3-tools: jieba's 捶鼓/敲锣 + 面/心/边: the part of the instrument played is the material
    assert steps("右手攥拳头捶鼓面。")[0][0::2] == ("捶", "鼓面")
    assert steps("拿鼓槌敲锣心。") == [("敲", "鼓槌", "锣心")]
    assert steps("用小锤敲锣边")[0][2] == "锣边"
    # 边 before a verb is 边…边…, no part
    assert steps("敲锣边唱")[0][2] == "锣"


def test_a_held_tool_is_not_what_words_are_said_or_sung_with():
    # r3-tools: the hammer stays with the striking, not with the singing that follows
    out = steps("用小锤敲锣,边敲边唱")
    assert out[0][1] == "小锤" and out[-1][0] == "唱" and out[-1][1] is None


def test_a_solid_taken_in_hand_for_a_verb_with_an_object_of_its_own_is_the_tool():
    # r3-tools: 拿/用 X + V + O: X works O (cloth, bamboo strip, board), O is the material
    assert steps("拿绒布擦银壶。") == [("擦", "绒布", "银壶")]
    assert steps("拿竹片刮泥坯。") == [("刮", "竹片", "泥坯")]
    assert steps("用木板压住纸。") == [("压住", "木板", "纸")]
    # what is wound round or tied is used up; a thing made (个 …) is no object worked
    assert steps("拿麻绳捆柴火。")[0][2] == "麻绳"
    assert steps("用高粱秆扎个架子。")[0][2] == "高粱秆"
    assert steps("拿红纸剪窗花。")[0][2] == "红纸"


def test_the_owner_before_de_is_no_tool_and_the_object_after_it_no_topic():
    # r3-tools: 「二胡的弦」: the string of the erhu is worked; the erhu is whose, not what with
    assert steps("他先调好二胡的弦。") == [("调", None, "弦")]
    assert steps("左手托着琵琶的琴头。")[0][1:] == (None, "琴头")


def test_wang_you_says_which_way_and_names_nothing_worked():
    # r3-tools: jieba's dictionary has 往右/朝右 as nouns; they are a direction
    out = steps("拿竹棍往左肩上一敲,再往右脚后跟一碰。")
    assert out[-1][0] == "碰" and "往右" not in (out[-1][2] or "") and out[-1][1] == "竹棍"
    assert "往右" not in (steps("朝右一甩,再往右一拉。")[-1][2] or "")


def test_a_support_something_is_put_on_is_not_what_the_next_verb_works_with():
    # r3-tools: 石板 holds the paper being beaten; 火 is what roasts the strip
    assert steps("纸搁在石板上捶。")[-1] == ("捶", None, "纸")
    assert steps("把锣挂在架子上敲。")[-1][1] is None
    assert steps("竹条放火上烤。")[-1] == ("烤", "火", "竹条")


def test_what_ba_names_is_worked_and_stuff_named_in_the_place_after_it_is_where():
    # r3-tools: 「把刷子在清水里涮」: the brush is rinsed (material), the water is where (a medium)
    assert steps("把刷子在清水里涮一涮。") == [("涮", "清水", "刷子")]
    assert steps("把纸在水里浸一下。")[0][2] == "纸"


def test_a_noun_term_is_no_predicate_so_jiu_after_it_opens_no_new_unit():
    # r3-tools: 「缠好的丝线就挂在钩子上」: one clause; what is hung is the thread, not what the
    # step before worked
    out = steps("右手把棉花一点点续上去,缠好的丝线就挂在钩子上。")
    assert out[-1][0] == "挂" and out[-1][2] == "丝线"
    # a verb before 就 still ends the first action
    assert [a for a, _, _ in steps("泡好了就下锅。")] == ["泡", "下锅"]


def test_kou_puts_a_thing_upside_down_somewhere_and_that_thing_is_worked():
    # r3-tools: 扣在 is a putting verb: the cup put on the waist is what is worked, the body a position
    assert steps("火罐扣在腰上。") == [("扣", None, "火罐")]
    # 扣住 + object still takes its object
    assert steps("右手扣住对方的手腕")[0][2] == "手腕"


def test_a_clapper_or_block_struck_down_is_the_tool_a_drum_struck_is_played():
    # r3-tools: 醒木 and 梆子 are what the striking is done with; a drum is what is played
    assert steps("开书之前,他重重拍了两下醒木。")[-1][1] == "醒木"
    assert steps("他敲了两下梆子。")[0][1:] == ("梆子", None)
    assert steps("双手拍腰鼓。")[0][1:] == (None, "腰鼓")


def test_a_held_tool_gives_way_to_one_the_step_takes_itself_even_unnamed():
    # r3-tools: 用筘 (one character jieba does not tag as a tool) replaces the shuttle; 用力 takes nothing
    out = steps("拿起梭子,穿过去,再拉紧,最后用筘打紧。")
    assert out[1][1] == "梭子" and out[-1][1] != "梭子"
    assert [t for _, t, _ in steps("拿起锤子,先轻轻敲,再用力砸。")] == ["锤子"] * 3


def test_a_person_named_before_the_verb_is_who_works_not_what_is_worked():
    # r3-tools: 师傅/老师傅/手艺人 open the clause as its subject
    assert steps("师傅拿起刨子推了几下。") == [("推", "刨子", None)]
    assert steps("老师傅拿刀刻。")[0][2] is None
    # a figure made of some stuff is a thing, a performer a person
    from generation.prompting.roles import info_is_person
    assert not info_is_person(("泥人", None)) and info_is_person(("演员", None))


def test_a_tool_that_opens_its_clause_is_in_hand_for_the_steps_that_follow():
    # r3-tools: the knife named as the subject is held for the next stroke too
    assert [t for _, t, _ in steps("刻刀斜着往里一推,再往上一挑。")] == ["刻刀", "刻刀"]
    assert steps("毛笔蘸了墨,先勾边,再填色。")[1][1] == "毛笔"


def test_a_held_tool_that_has_worked_nothing_named_goes_on_to_the_thing_the_next_step_names():
    # r3-tools: the stick swung round is what strikes the drumhead named next
    out = steps("右手的鼓槌从背后绕过来,打鼓面。")
    assert out[-1][1:] == ("鼓槌", "鼓面")
    # but not once it is said to stay still, nor onto what moves by itself
    out = steps("右手拿剪刀往前推,剪刀不动纸动。")
    assert out[-1][0] == "动" and out[-1][1] is None
    # nor onto a thing then stuck on by hand
    out = steps("拿棕刷蘸了浆水,先刷纸背,再把纸贴到墙上。")
    assert out[-1][1] is None


def test_a_tool_glued_to_the_hand_verb_after_it_is_cut_apart():
    # r3-tools: jieba's 钳子夹 before what it takes: the tongs + the verb 夹
    assert steps("钳子夹一块炭。") == [("夹", "钳子", "炭")]


def test_ba_closing_a_clause_is_a_handle_not_the_object_marker():
    # r3-tools: 「握住弓把,」: 把 with nothing after it in the clause names the handle
    # (r12: a handle named after its tool, 弓把 like 刀柄, held is the tool, as 「握住弓」 is)
    assert steps("左手握住弓把,右手勾住弦。")[0] == ("握住", "弓把", None)
    # 把 before what it names stays the marker
    assert steps("把弓弦拉紧。")[0][2] == "弓弦"


def test_a_noun_jieba_cut_after_ba_keeps_its_head():
    # r5-roles: 把 takes a noun phrase before its verb: a one-character verb or adjective cut from the
    # noun after it belongs to the noun (封/纸, 托/布, 画/心)
    assert steps("把封纸刷上去") == [("刷上去", None, "封纸")]
    assert steps("先把托布铺平")[0][2] == "托布"
    assert steps("把画心翻过来")[0][2] == "画心"
    # a one-character object and its verb stay apart
    assert steps("把弓弦拉紧。")[0][2] == "弓弦"


def test_three_characters_between_na_and_ba_are_the_tool():
    # r5-roles: 斜/口/铲 left apart between 拿 and 把 name one instrument
    assert steps("拿斜口铲把泥刮下来") == [("刮", "斜口铲", "泥")]


def test_a_place_noun_cut_apart_between_zai_and_its_locative_is_one_noun():
    # r5-roles: 在竹编席上 (竹编/席): one noun stands between 在 and 上
    out = steps("茶叶摊在竹编席上晾干")
    assert out[0] == ("摊", "竹编席", "茶叶")
    assert steps("米粉摊在木盘上")[0][1] == "木盘"  # one word stays as it is


def test_where_a_thing_is_spread_or_poured_is_a_support():
    # r5-roles: 摊/倒/晾 在X上 put the thing onto X, a support or vessel (a tool), like 放/搁
    assert ("倒", "草席", None) in steps("煮好了倒在草席上摊开")
    assert ("晾", "竹篙", None) in steps("洗净了晾在竹篙上")


def test_shang_opening_a_clause_before_a_vessel_is_put_onto():
    # r5-roles: 上蒸笼蒸 = put onto the steamer and steam: the steamer is what it is done in
    assert steps("第二天上瓦片烤")[0] == ("烤", "瓦片", None)
    # a verb with its own object keeps it (「上山采叶子」: 山 is no tool)
    assert steps("先上山采叶子")[0][1:] == (None, "叶子")


def test_ba_before_a_path_takes_a_thing():
    # r5-roles: what 把 takes before 往 is what is worked, even a word jieba tags a verb (排笔/v)
    assert steps("把排笔往水里一浸")[0][2] == "排笔"


def test_a_thing_before_a_verb_on_its_body_part_is_what_is_worked():
    # r5-roles: 「鸡剖开肚子」: the bird is worked, its belly only where
    assert steps("鸡先剖开肚子，掏出内脏")[0] == ("剖开", None, "鸡")
    # a person before the verb works; the body part is then what is worked
    assert steps("病人按住肚子")[0][2] == "肚子"
