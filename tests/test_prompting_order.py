"""Every step, in order, on long texts (issue 11, r3-order, session 2026-11-29): the verbs that started
no step in texts of six to nine steps — a quick 一V read as a count, verbs jieba glues to a noun,
coverbs and adjectives used as the clause's only predicate. Every sentence here is written for this
file (none is in the evaluation set or the probe set), in crafts the spec does not describe in full."""
from generation.prompting.tokens import finder_for
from generation.prompting.spec import get_spec
from tests.prompting_steps import actions, steps


def counts(text):
    return [(q.name, q.value) for q in finder_for(get_spec()).find(text)]


# --- 一 + a movement's classifier that is itself a verb -------------------------------------------------
def test_yi_and_a_verb_classifier_after_no_verb_is_a_quick_action_not_a_count():
    assert counts("蒲扇拿稳了,手腕往回一转") == []
    assert counts("竹片对准了往下一折") == []
    # after the verb itself (reduplicated, or with 了) it still counts one event
    assert counts("把陀螺放平了转一转") == [("count", 1)]
    assert counts("醒木在桌上拍了一拍") == [("count", 1)]
    assert counts("抡圆了胳膊敲一锤") == [("count", 1)]


def test_quick_action_starts_its_own_step_in_order():
    got = actions("先把泥团放到转盘上,手腕往回一转,再拿刮片刮平")
    assert [a[:1] for a in got] == ["放", "转", "刮"]
    assert not any(s["params"].get("count") for s in steps("先把泥团放到转盘上,手腕往回一转,再拿刮片刮平"))


def test_yige_before_a_word_opened_by_a_classifier_character_is_the_article():
    # 「一个转身」: 一个 counts the word 转身, it is no count of turns, and 转身 is the step
    assert counts("跑到台口一个转身") == []
    assert "转身" in actions("跑到台口一个转身,右手往上一举")


# --- jieba glues the hand taken to the verb's lead ----------------------------------------------------------
def test_nashou_before_a_verb_is_na_and_the_hand():
    # jieba's 拿手 ('good at') before a verb: 拿 + the hand the verb works with, the verb is the step
    got = steps("球落下来拿手接住,再往上一抛")
    assert [s["action"] for s in got][-2:] == ["接住", "抛"] and got[-2]["tool"] == "手"
    got = steps("蝈蝈笼编好了,拿手捡起来挂到檐下")
    assert got[1]["action"].startswith("捡") and got[1]["tool"] == "手"


def test_tool_glued_to_its_verb_after_na_is_cut_back():
    # jieba's 刀切/n after 拿, before 成/了: the tool + the verb it serves
    got = steps("萝卜洗净,拿刀切了,码进坛子")
    assert got[1]["action"] == "切" and got[1]["tool"] == "刀"
    assert [s["action"] for s in steps("面团擀开,拿刀切成细条")][-1] == "切"


def test_hand_verb_before_zai_is_not_joined_to_the_noun_before_it():
    # 「琴夹在腿中间」: no other predicate in the clause, so the tool character 夹 is the verb (琴 + 夹)
    assert actions("伞夹在胳肢窝底下,腾出手来")[:1] == ["夹"]
    assert actions("板夹在指缝里,手腕一抖") == ["夹", "抖"]
    # with a predicate after the place, the compound stays a noun (木夹: a wooden clip)
    assert "夹" not in actions("木夹在架子上排好")


def test_body_part_glued_to_its_verb_after_yi_is_cut_back():
    # 「一手扶着…」: jieba's 手扶/b after 一 (one hand) is the hand + its verb
    got = steps("绷子竖起来,一手扶着绷架,一手往下抽线")
    assert [s["action"][:1] for s in got][-2:] == ["扶", "抽"] and got[-2]["material"] == "绷架"


# --- a verb the rules silenced --------------------------------------------------------------------------
def test_yi_verb_jiushi_is_no_step_only_before_a_duration():
    # 「一封就是三个月」 says how long it is left; 「一剪就是一朵花」 what one movement makes: a step
    assert actions("缸口封严实了,一封就是三个月") == ["封"]
    assert actions("剪子一剪就是一朵花,再拿笔描边")[:1] == ["剪"]


def test_holding_verb_done_once_at_the_clause_end_is_a_step():
    # 「往里一攥」: 攥 holds nothing here, it is the movement (not 拿/攥 + a tool)
    assert actions("糖稀倒在手心,往里一攥,再拉成丝") == ["倒", "攥", "拉"]
    assert actions("面皮对折一捏,搁进笼屉")[:2] == ["对折", "捏"]


def test_yi_and_a_word_a_hand_verb_opens_after_a_marker_or_hand_is_the_step():
    # jieba's 拍板/n (a clapper), 拍桌子/n: after 先/再 or a hand, 一 + the word is the verb done once
    assert actions("先一拍桌子,再往后一坐") == ["拍桌子", "坐"]
    got = actions("竹板夹在指缝,开口之前先一拍板,再往前一迈")
    assert got.index("拍板") < got.index("迈")


def test_hand_verb_morpheme_before_its_direction_is_a_step():
    # 揭/zg (a morpheme in jieba's tags) before 下来: the verb with its direction
    assert actions("把旧膏药揭下来,擦干净再贴") == ["揭", "擦", "贴"]


def test_hand_verb_glued_to_jin_is_the_verb():
    # jieba's 塞进/nr: a hand verb with 进 (where it goes) is the step
    got = steps("棉絮揉成团,塞进布袋里")
    assert [s["action"][:1] for s in got] == ["揉", "塞"] and got[1]["tool"] == "布袋"


def test_word_closing_a_ba_clause_is_the_predicate():
    # jieba's 关上/s, 缝上/n after 把 + its noun: the verb with its direction, a step
    assert actions("先把炭块夹进炉膛,再把炉门关上")[-1] == "关上"
    got = steps("棉絮揉成团,塞进布袋里,再把口子缝上")
    assert got[-1]["action"] == "缝上" and got[-1]["material"] == "口子"


def test_guo_is_the_verb_where_no_verb_is_before_it():
    # jieba reads 过 as the aspect particle (过/ug) or glues it to its object (过筛/n): after a noun and
    # before a count, or opening the clause after 先, it is the verb 'pass through'
    assert actions("米粉先过筛,再加水和匀")[0] == "过筛"
    assert actions("把染好的布过一遍清水,搭到竹竿上")[:2] == ["过", "搭"]


def test_verb_object_word_split_by_ge_is_the_verb_and_its_object():
    # 「亮个相」: 亮 is read as a manner adjective elsewhere; before 个 + one character closing the clause it
    # is the verb, and the character its object (not the step's action)
    got = steps("锣鼓一停,往台口一站,亮个相")
    assert got[-1]["action"] == "亮" and got[-1]["material"] == "相"


def test_yi_and_a_verb_after_a_path_is_the_verb_even_as_jiebas_numeral():
    # jieba's 一站/m (one stop) after 往 + a place: 一 + the verb 站, a step
    assert actions("锣鼓一停,往台口一站,亮个相") == ["停", "站", "亮"]


def test_noun_glued_to_the_verb_after_ba_is_cut_back():
    # jieba's 纸夹/n (a clip) after 把, before 好, with no other verb: the object and the verb
    got = steps("先把纸夹好,再拿棕刷蘸墨往版上刷")
    assert got[0]["action"] == "夹" and got[0]["material"] == "纸"
    # a clip put somewhere stays a noun
    assert steps("把纸夹放进抽屉")[0]["material"] == "纸夹"


# --- precision: no extra step -----------------------------------------------------------------------------
def test_v_wan_after_v_is_the_same_step_done():
    # 「缝完了翻过来」: 缝完 says the sewing step is over, it is no second step
    assert actions("领口先缝一圈,缝完了翻过来熨平")[:2] == ["缝", "翻过来"]


def test_an_with_its_result_is_the_verb_not_a_preposition():
    # 「按扁了包上馅」: 按 + a one-character result (扁) is the verb; 「按比例兑好」 stays 'by'
    assert actions("剂子揪好,按扁了包上馅") [-2:] == ["按", "包"]
    assert actions("按比例兑好,搅匀") [:1] == ["兑"]


def test_wait_clause_ends_at_le_and_the_next_verb_is_done():
    # 「等它凉了敲开模子」: the condition is 它凉了; 敲开 is the step
    assert actions("铜水灌进砂型,等它凉了敲开砂型,把毛刺锉掉") == ["灌进", "敲开", "锉"]
    assert actions("等泥干了再修坯") == ["修坯"]


def test_one_character_right_after_wang_and_a_direction_is_the_verb():
    # jieba tags 挪 a place name (挪/ns); after 往里 it is the verb, with its length
    got = steps("把琴码往里挪半寸,再把弦拧紧")
    assert got[0]["action"] == "挪" and got[0]["params"].get("length_mm")


def test_reduplicated_verb_token_is_the_verb():
    # jieba's 松一松/nr: the verb said twice with 一, done briefly; the step's action is the verb
    assert actions("弦先松一松,把琴码往里挪半寸") == ["松", "挪"]


def test_dian_opening_a_clause_before_a_count_or_shang_is_the_verb():
    # jieba reads 点 as a numeral ('a little'); opening its clause before 两盏/三炷 or 上 it is 'to light, to add'
    assert actions("供桌摆好,点两盏油灯,再烧纸") == ["摆好", "点", "烧纸"]
    assert actions("豆浆煮开,点上卤水")[-1] == "点"


def test_verb_with_its_result_kai_then_the_next_verb_are_two_steps():
    # 「展开贴到…」: no word between the two verbs, but 展开 is done before 贴
    assert actions("蓝布从缸里捞出来,展开晾到竹竿上") == ["捞", "展开", "晾"]
    assert actions("渔网收上来,抖开挂到架子上")[1:] == ["抖开", "挂"]


def test_character_after_a_verb_and_its_count_is_the_object_not_a_step():
    # 「鞠三个躬」: 躬 is what 鞠 does three times, no second step
    got = steps("先鞠三个躬,再跪下")
    assert [s["action"] for s in got] == ["鞠", "跪下"] and got[0]["params"] == {"count": 3}


def test_coverb_with_its_noun_as_the_whole_clause_is_the_verb():
    # 「再跟左腿」: 跟 (jieba's preposition) with its noun, nothing else after 再: the step
    assert actions("先迈右腿,再跟左腿,转个身") [:2] == ["迈", "跟"]
    # with a verb after it, it stays the preposition
    assert "跟" not in actions("先跟师傅学揉面")


def test_verb_object_word_after_v_dao_and_a_place_is_the_next_step():
    # 「编到脚跟收口」: 到 + a noun is where the weaving reaches, not how far; 收口/n is the next step
    assert actions("篾条一根压一根往上编,编到口沿收口")[-1] == "收口"


def test_v_with_its_result_right_after_v_is_the_same_step():
    # 「烤一烤,烤软了弯成圆」: 烤软 says how the roasting ends, no second step
    assert actions("竹条放火上烤一烤,烤软了弯成圆")[-2:] == ["烤", "弯"]
    # a repeat marker keeps the second one a step of its own
    assert actions("先刮一遍,再刮平") == ["刮", "刮平"]


def test_negated_verb_is_no_step_and_keeps_its_negation():
    # 「左手不按弦」: the lexicon's action 按弦 negated is not done; 「停住不打」: the unit is not cut between
    # 不 and 打, so 打 keeps its negation
    assert [s["action"] for s in steps("左手不按弦,拿指甲往外顶")] == ["顶"]
    assert "打" not in actions("鼓点一收,停住不打,眼睛看着台下")


def test_verb_naming_a_passage_before_nei_duan_is_no_step():
    # 「赶路那段」: the passage of the piece where the character travels, not an action
    assert actions("赶路那段,脚底下碎步往前走") == ["走"]


def test_thing_jiu_and_a_bare_direction_is_a_consequence_not_a_step():
    # 「月饼就出来了」: what follows from the step (the cake comes out), said with a direction only
    assert actions("馅包好了按进模子,往案板上一磕,月饼就出来了") [-1] == "磕"


def test_opening_clause_naming_the_instrument_played_is_the_job_not_a_step():
    # 「弹古琴,…」: the text opens with the instrument played as a clause of its own, steps follow
    assert actions("弹古琴,琴放平,右手食指往里一勾,左手按住弦") [:1] != ["弹"]
    # a text that is only that clause keeps it as its step
    assert actions("拉马头琴。") == ["拉"]


def test_verb_morpheme_before_where_it_goes_is_the_verb():
    # 丢/zg before 进 + a vessel: opening its clause, or after 把 + its noun
    assert [s["action"] for s in steps("扎紧以后丢进染缸,泡上一夜")][1] == "丢"
    assert steps("先把茧子丢进锅里煮")[0]["action"] == "丢"


def test_thing_between_na_and_a_quick_action_is_the_tool():
    # 「再拿筘一打」: 筘 (jieba's morpheme) between 拿 and 一打 is what is taken in hand; 打 is the step
    got = steps("梭子一推,再拿筘一打")
    assert got[-1]["action"] == "打" and got[-1]["tool"] == "筘"


# --- long serial chains ---------------------------------------------------------------------------------
def test_chain_after_qilai_keeps_every_verb():
    # jieba's 来往 after 拿起 is 起来 + 往; 来 after 提起 ends the direction, it is no 'in order to'
    assert actions("瓦片拿起来往上一搭再一压,就卡住了") == ["搭", "压"]
    assert actions("秤砣提起来往下一放,再往外一推") == ["提起", "放", "推"]


def test_speech_verb_finished_is_a_time_not_a_step():
    # 「一段唱完了,…」: when the singing is over; the steps are what follows
    assert actions("一段唱完了,把鼓键子往鼓上一搁,再拿起板来") [:1] == ["搁"]


# --- text with no punctuation ------------------------------------------------------------------------------
def test_body_part_after_a_predicate_and_its_object_opens_a_clause_in_unpunctuated_text():
    from generation.prompting.breaks import restore_breaks

    said, _ = restore_breaks(get_spec(), "左手按住竹片右手捏两根篾条手腕一拧篾条就绞在一起了")
    assert "篾条,手腕一拧" in said
    assert actions("左手按住竹片右手捏两根篾条手腕一拧篾条就绞在一起了") == ["按住", "捏", "拧"]


def test_quick_action_said_as_one_word_ends_its_clause_in_unpunctuated_text():
    from generation.prompting.breaks import restore_breaks

    # jieba's one word 一晃 (not a count such as 一遍): what follows is the next predicate
    said, _ = restore_breaks(get_spec(), "棉球点着了往坛子里一晃赶紧抽出来把坛口封上")
    assert "一晃,赶紧" in said
    said, _ = restore_breaks(get_spec(), "髹漆一遍要薄刷完了放进荫房阴干")
    assert "一遍," not in said


def test_verb_said_twice_with_a_result_and_le_starts_a_clause_in_unpunctuated_text():
    from generation.prompting.breaks import restore_breaks

    said, _ = restore_breaks(get_spec(), "糯米粉兑上温水再搓搓匀了醒一刻钟")
    assert "再搓,搓匀了" in said


def test_de_shihou_ends_the_time_clause_in_unpunctuated_text():
    from generation.prompting.breaks import restore_breaks

    said, _ = restore_breaks(get_spec(), "收线的时候手腕往回一绕线就缠在轴上了")
    assert "的时候," in said


def test_hand_verb_after_the_one_word_subject_before_zai_is_the_verb():
    # 「鼓挎在左边」: jieba tags 鼓 a verb and 挎 a noun; the clause has no other verb, 挎 is its verb
    assert actions("打花鼓,鼓挎在左边,右手敲鼓面")[:1] == ["挎"]


def test_verb_after_cheng_is_what_the_thing_becomes():
    # 「粘成花」: 花 (jieba's verb 'spend') after V + 成 is the result, no step
    assert actions("绒条剪成段,再打尖,最后粘成花") == ["剪", "打尖", "粘"]


def test_verb_said_twice_with_yi_as_three_words_is_one_step():
    # jieba cuts 照一照 as 照/n 一 照/n: the verb done briefly; 一针一针 stays how (no step 针)
    assert actions("鸭蛋先挑好,对着亮照一照,再拿刷子刷干净") == ["挑", "照", "刷"]
    assert actions("一针一针往里缝") == ["缝"]


def test_one_character_noun_tagged_word_opening_its_clause_before_jin_is_the_verb():
    # 「码进坛子」: jieba's 码/n right before 进 + a vessel, opening the clause, is the verb; 水进缸里 is not
    assert actions("萝卜切条晾干,码进坛子里") [-1] == "码"
    assert "水" not in actions("下雨了,水进缸里")
