"""Steps found, nlp-order (issue 11; ``generation/prompting/extract.py``): verbs jieba tags as something else, or
hides in a construction, so that the clause started no step and the order check lost a step. Each rule reads part
of speech, position and function words, never a list of the words that failed. Every sentence is written for this
file (none is in the evaluation set or the probes)."""
from tests.prompting_steps import actions, steps


# A verb + object word jieba tags as a noun (鸣锣/n) opening its clause, before the count of the act

def test_a_gong_struck_nine_times_is_a_step():
    assert actions("祭祀开始,鸣锣九声,众人跪拜。") == ["鸣锣", "跪拜"]


def test_a_salute_fired_three_times_is_a_step():
    assert "鸣枪" in actions("寨老站定,鸣枪三响,龙舟出发。")


def test_a_material_counted_is_still_no_step():
    # (guard) a thing named with its count opening the clause is listed, not done
    assert [s["action"] for s in steps("材料备齐:绣线三股,绣针一根。")] == ["备齐"]


# Another craft's one-character technique name (盘 for 盘金) opening its clause before where it puts a thing

def test_a_coil_put_into_a_basin_is_the_step():
    assert actions("面搓成长条,盘进大盆里,醒一夜。") == ["搓", "盘", "醒"]


def test_a_coil_put_into_a_jar_after_rolling():
    assert actions("揉好的面团搓细,盘进瓦缸里。")[-1] == "盘"


# A hand verb after its subject before where it goes: the place may open with its count

def test_a_spool_slipped_onto_two_sticks_is_a_step():
    assert actions("线轴套在两根竹签上,再转。") == ["套", "转"]


def test_paper_clamped_between_two_boards_is_a_step():
    # (宣纸, a craft's own word, is the subject like any noun)
    assert actions("宣纸夹在两块木板之间,压一夜。") == ["夹", "压"]


# 把 takes a noun: a term jieba tags a verb right after it, before the clause's verb, is what the verb works

def test_the_block_washed_after_printing():
    got = steps("印完了,把雕版洗干净,晾干。")
    assert [s["action"] for s in got] == ["印完", "洗", "晾干"]
    assert got[1]["material"] == "雕版" or got[1]["tool"] == "雕版"


def test_the_carved_block_dried():
    assert actions("刻好了,再把刻版晾干。")[-1] == "晾干"


# A set phrase (jieba's l) of a verb, its result and its object after a sequence marker is the verb

def test_a_book_opened_is_a_step():
    assert actions("先翻开书,再念。") == ["翻开书", "念"]


def test_letting_go_of_the_hands_is_a_step():
    assert actions("他先放开手,鼓槌落下来。")[0] == "放开手"


def test_a_noun_of_that_shape_stays_a_noun():
    # (guard) 居住区/n, 凉开水/ns and 爱好者/n are things, whatever their middle character
    from generation.prompting.resegment import verb_object_word
    from generation.prompting.spec import get_spec
    pos = get_spec().pos_tags()
    assert not any(verb_object_word(pos, w) for w in ("居住区", "凉开水", "爱好者"))


# A verb + two-character noun word of three characters (jieba's noun) listed with 、 beside actions is one

def test_a_draft_listed_after_binding_the_legs():
    assert actions("进山之前先绑腿、打草稿。")[-1] == "打草稿"


def test_sitting_in_the_sun_listed_after_twisting_rope():
    assert actions("老人坐在门口搓麻绳、晒太阳。") == ["坐", "搓", "晒太阳"]


# A craft the spec describes in full: a verb outside its actions said with its own result or direction is a move of
# its own, not how the step before is done

def test_the_needle_caught_below_is_its_own_step():
    got = steps("右手把针扎下去,底下的手接住了。", craft="苏绣")
    assert [s["surface"] for s in got] == ["扎下去", "接住"]


def test_a_state_reached_still_describes_the_step_before():
    # (guard) 刻下去…刻到底: the same work said on, one step
    assert len(steps("刀刻下去,刻到底。", craft="木版年画")) == 1


# A rare entry of jieba's dictionary made of a noun and a verb character (布袋装/n, 两手端/m), before what only follows
# a verb, is the noun + the verb

def test_tea_packed_into_bags_is_a_step():
    assert actions("新茶分三个布袋装好,扎紧口子。") == ["分", "装", "扎紧"]


def test_a_jar_sealed_is_a_step():
    assert actions("坛口全部封好,搁到阴凉处。") == ["封", "搁"]


def test_grain_spread_is_a_step():
    assert actions("晒场上的谷子全部摊好了,再翻。") == ["摊", "翻"]


def test_a_hold_before_the_next_verb_is_not_cut():
    # (guard) 两手端着…颠: the hold says how the shaking is done, its tool is the basket
    got = steps("两手端着簸箕颠,谷壳就飞出去了。")
    assert [s["action"] for s in got][:1] == ["颠"] and got[0]["tool"] == "簸箕"


def test_a_noun_before_zai_is_not_cut():
    # (guard) 十字绣 stays the thing: 在 follows a thing too
    assert actions("十字绣在商场有卖。") == ["卖"]


# 从/自 takes a place: a verb jieba cut off right after it, or a verb + object word naming the place, is no step

def test_cutting_from_the_folded_edge_is_one_step():
    assert actions("拿小刀从折边往里裁。") == ["裁"]


def test_tearing_from_the_cut_is_the_step():
    assert actions("从剪口撕开,一条一条扯下来。") == ["撕开", "扯下来"]
