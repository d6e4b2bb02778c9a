"""Issue 11 (nlp-things): the material and tool of a step on unseen text — the object after a bare classifier or a
one-character adjective, a held vessel, instrument or prop (the set's convention: what is handled for itself is the
material, an implement that works another thing is the tool), a verb the lexicon does not know ending a place phrase,
and the agent after 由. Every sentence here was written for these tests (none is taken from an evaluation or probe
file); each rule is shown on at least two crafts."""
from functools import partial

from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()

steps = partial(prompting_steps.steps, fields=("surface", "tool", "material"), spec=SPEC)
step = partial(prompting_steps.step, fields=("surface", "tool", "material"), spec=SPEC)


def test_a_bare_classifier_between_the_verb_and_its_object_is_skipped():
    # a welcome rite, a ferry song: 口/份 count the thing, the noun after them is what the verb works
    assert step("客人先喝口酥油茶", "喝")[2] == "酥油茶"
    assert step("船靠了岸,艄公接份干粮", "接")[2] == "干粮"


def test_a_classifier_glued_to_a_one_character_noun_is_left_to_the_noun():
    # 「搬进曲房」: 曲 (a classifier elsewhere) and 房 are one name jieba does not know, not 「曲」 + 房
    assert step("踩好的曲块搬进曲房码起来", "搬进")[2] == "曲房"


def test_a_one_character_adjective_before_the_object_is_part_of_its_name():
    # a banner (a festival), a quilt (noodle making)
    assert step("院里插上新旗子", "插")[2] == "新旗子"
    assert step("面揉好了盖上厚被子", "盖")[2] == "厚被子"
    # a result the verb reaches is no modifier: 「晒干稻草」 still works the straw, and the action keeps its result
    got = step("先把稻草晒干再编", "晒干")
    assert got[2] == "稻草"


def test_a_held_vessel_instrument_or_prop_is_the_material():
    # holding is the whole action: what is gripped or played is worked (a small gong, a puppet rod, a tray)
    assert steps("右手拿一面小锣") == [("拿", None, "小锣")]
    assert steps("右手握住操纵杆") == [("握住", None, "操纵杆")]
    assert steps("新娘子端个茶盘") == [("端", None, "茶盘")]
    # nlp-held: a clapper or prop taken up with 拿, or shaken with 摇, is what the hand performs with
    # (tests/test_prompting_nlp_held.py)
    assert steps("左手拿着竹板") == [("拿着", "竹板", None)]
    assert steps("右手摇着扇子") == [("摇", "扇子", None)]
    # an instrument put in the arms is what is worked, the arms only where
    assert step("琵琶抱在怀里", "抱")[1:] == (None, "琵琶")


def test_a_held_implement_that_works_another_thing_stays_the_tool():
    assert steps("右手拿起刻刀") == [("拿起", "刻刀", None)]
    assert steps("两只手各拿一根鼓槌") == [("拿", "鼓槌", None)]
    # a fiddle's bow works the strings, a screen lifts the pulp: implements too
    assert step("右手握住弓子", "握住")[1] == "弓子"


def test_an_unknown_verb_ends_a_place_phrase():
    # 「往里头灌釉」: the glaze is poured, 里头 is where — the place phrase ends at the verb the lexicon does not know
    assert step("坯子晾干了往里头灌釉", "灌")[2] == "釉"
    assert step("往坛子里灌清水和米", "灌")[2] in ("清水", "米", "水", "清水、米")  # (nlp-joined: both joined things kept)


def test_a_person_after_you_is_who_acts_not_the_place_worked():
    # a mill, a rite: the person is the agent; the verb's object is worked
    assert step("由两位师傅推动石磨", "推动")[2] == "石磨"
    assert step("由村里的老人敲响铜锣", "敲响")[2] == "铜锣"


def test_a_body_part_with_a_locative_opening_the_clause_is_where_not_what_is_worked():
    # opera make-up and a folk remedy: 额头上/脖子上 say where the paint or the oil goes; a body part is never the
    # material (额头, 脖子: a limb character with 头/子 is a body word too)
    assert steps("额头上抹匀") == [("抹匀", None, None)]
    assert steps("脖子上抹匀") == [("抹匀", None, None)]
    # what the verb puts there is still the material
    assert step("额头上贴一张红纸", "贴")[2] == "红纸"


def test_a_tool_name_jieba_tags_otherwise_after_na_is_the_tool():
    # 排笔/v (a painter's flat brush) before its verb, 木梳/b (a comb) before where the work is done: taken in hand,
    # they are what with (a tool's name is one word even when its first character is a verb)
    assert steps("先拿排笔刷一层胶") == [("刷", "排笔", "胶")]
    assert steps("用木梳在头发上梳") == [("梳", "木梳", "头发")]
    # guard: stuff whose first character is a verb may be that verb and its object (开水), it is not taken as held
    assert steps("用开水煮")[0][1] is None


def test_a_verb_read_as_the_head_of_the_tool_in_hand_gives_way_to_the_next_verb():
    # jieba cuts 牙刷/鞋刷 into 牙/鞋 + 刷: 刷 is the brush's head, the action is 蘸 and what it takes up the material
    # (a carver cleaning a piece, a cobbler)
    assert steps("用牙刷蘸点清水擦一擦")[0] == ("蘸", "牙刷", "清水")
    assert steps("拿鞋刷蘸点鞋油") == [("蘸", "鞋刷", "鞋油")]


# --- second nlp-things session: a verb describing the thing after 的 is no step of its own ---------------------------


def test_a_verb_with_the_state_it_brings_about_before_de_describes_the_tool():
    # pyrography and wood carving: 「烧红的烙铁」「磨快的刻刀」 name the tool; the step is the verb after it
    assert steps("用烧红的烙铁在葫芦上烫花纹") == [("烫", "烙铁", "葫芦")]
    assert steps("用磨快的刻刀刻线") == [("刻", "刻刀", "线")]
    # a chilli string (food): the state said before 的 is how the thing is, not a step of drying
    assert [s[0] for s in steps("把晒红的辣椒串起来")] == ["串"]


def test_a_verb_with_its_own_object_after_na_or_ba_describes_the_thing():
    # painting: the brush dipped in ink is what 描 is done with, not what 蘸 works
    got = steps("右手拿蘸了墨的毛笔描")
    assert [s[0] for s in got] == ["描"] and got[0][1] == "毛笔"
    # a horseback game: 「割了头的山羊」 names the goat; throwing it is the one step
    assert [s[0] for s in steps("把割了头的山羊扔在场子中间")] == ["扔"]


def test_a_verb_before_de_with_no_noun_or_no_later_verb_stays_a_step():
    # nothing named after 的, no other verb: the state is what the step reaches (forging)
    assert steps("铁块要烧红的")[0][0] == "烧"


def test_whose_said_without_de_leaves_the_thing_after_the_person_the_object():
    # bone-setting: the patient's arm held up is what the step works, as with 「病人的胳膊」
    assert steps("右手托住病人胳膊") == [("托住", None, "胳膊")]
    # a partner dance: 「她肩膀」 is her shoulder, held
    assert steps("右手扶住她肩膀") == [("扶住", None, "肩膀")]
    # wrestling: the opponent's belt gripped
    assert "腰带" in (steps("两只手抓住对方腰带")[0][2] or "")
