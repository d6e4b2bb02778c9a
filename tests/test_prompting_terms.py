"""Issue 11, r3-terms: craft and technique names a master says that no word list knows, and which hand
does each step. One test per rule, with sentences written for these tests (none is in an evaluation
file or a probe file)."""
from functools import partial

from generation.prompting import normalize
from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()


def out(text, **kw):
    return normalize(text, spec=SPEC, **kw).to_dict()


def term_texts(text, **kw):
    return [t["text"] for t in out(text, **kw)["terms"]]


# --- a name the transcript puts in quotation marks is a term --------------------------------------
def test_a_quoted_name_is_a_term_whatever_jieba_cuts_it_into():
    terms = term_texts("这一手我们师傅叫'倒提壶',壶嘴朝下慢慢提。")
    assert "倒提壶" in terms
    terms = term_texts("刨花要刨得薄,老木匠管这个叫“飞刨花”,一刨子下去一丈长。")
    assert "飞刨花" in terms
    terms = term_texts("起针先来个「回马针」,再往前走。")
    assert "回马针" in terms
    # the pieces of a quoted name are not names of their own
    terms = term_texts("我们这里讲究'跌打滚',三个字连着做。")
    assert "跌打滚" in terms and "打滚" not in terms


def test_words_quoted_as_speech_or_a_sentence_are_no_term():
    assert "慢一点" not in term_texts("师傅就说'慢一点',我才敢下刀。")
    assert "别抖" not in term_texts("他喊我'手别抖',我就捏紧了刀。")
    assert not any("你看" in t for t in term_texts("那个'你看好',然后把线拉直。"))


# --- a tool taken in hand by a name no word list knows is a term ----------------------------------
def test_a_tool_taken_in_hand_by_its_own_name_is_a_term():
    terms = term_texts("右手拿斜角凿先把轮廓铲出来,再换弯头锉修一遍。")
    assert "斜角凿" in terms and "弯头锉" in terms
    terms = term_texts("左手扶着竹筒,右手拿细齿锯锯开。")
    assert "细齿锯" in terms
    terms = term_texts("他拿拨浪子敲了一下。")  # a name that ends in 子
    assert "拨浪子" in terms


def test_what_follows_a_taking_verb_is_no_tool_name_when_it_is_no_noun():
    from generation.prompting.extract import tokenize_doc
    from generation.prompting.names import _led_tool_names
    from generation.prompting.tokens import normalize_chars

    for text in ("用力拍三下,再用清水刷一遍。", "拿稳刀,别晃。", "他用一把刀慢慢削。", "先用刷刷一遍。",
                 "案板用松木面板用柏木", "用手掌拍", "拿起来就刷"):
        norm = normalize_chars(text)
        found = [norm[a:b] for a, b in _led_tool_names(SPEC, norm, tokenize_doc(SPEC, norm))]
        assert found == [], (text, found)


steps = partial(prompting_steps.steps, spec=SPEC)


# --- hands -------------------------------------------------------------------------------------------
def test_what_ba_names_is_no_new_subject_so_the_hand_goes_on():
    # 影人 and 水袖 are technique words of the lexicon: after 把 they are what is worked, not who acts
    s = steps("右手往上一提,把影人翻过来,再往前一送。")
    assert [x["hand"] for x in s] == ["right", "right", "right"]
    assert s[1]["material"] == "影人"
    s = steps("左手轻轻一抖,把水袖甩出去。")
    assert s[-1]["hand"] == "left" and s[-1]["material"] == "水袖"


def test_a_hand_that_is_where_something_goes_is_not_the_hand_that_acts():
    s = steps("右手拿着手绢往左手手心一塞,左手一攥。")
    assert [x["hand"] for x in s][-2:] == ["right", "left"]  # 塞 by the right hand, into the left
    s = steps("把线头交到右手,再拉紧。")
    assert s[0]["hand"] is None
    s = steps("把艾绒放在左手手心里,右手搓成团。")
    assert s[0]["hand"] is None and s[-1]["hand"] == "right"
    # 在 + the hand with nothing after it: the hand holds what lies there (the evaluation set's convention)
    s = steps("绣绷搁在左手上,右手走针。")
    assert s[0]["hand"] == "left" and s[-1]["hand"] == "right"
    # what a coverb with 着 points at (照着, 对着): 「对着左手手心拍」 names no hand that acts
    s = steps("左手托住鼓,右手举起槌,照着左手那面鼓敲两下。")
    assert s[-1]["hand"] == "right", s
    assert steps("对着左手手心拍三下。")[0]["hand"] is None


def test_one_hand_glued_to_its_verb_by_jieba_still_acts():
    # jieba's 手扶/b (手扶拖拉机) and 手握/v after 一只/另一只: the hand and its verb
    s = steps("一只手扶着竹筒,另一只手往下按。")
    assert [x["action"] for x in s][:1] == ["扶"] and s[0]["material"] == "竹筒"
    s = steps("一只手握着刻刀,另一只手转木头。")
    assert s[0]["action"].startswith("握") and s[0]["tool"] == "刻刀"


def test_a_word_for_how_the_hand_acts_is_no_step_and_no_hand():
    s = steps("右手拿刻刀,反手往里挑。")
    assert [x["action"] for x in s] == ["拿", "挑"] and s[-1]["hand"] == "right"
    s = steps("顺手一抹,泥就平了。")
    assert [x["action"] for x in s] == ["抹"] and s[0]["hand"] is None


def test_a_hand_opening_a_clause_whose_verb_was_not_read_does_not_go_back_to_the_step_before():
    # 叉在腰上 is not read as an action: 右手 must not become the hand of 抖开 (said before it, with no hand)
    s = steps("先把绸子抖开,右手叉在腰上,左手往上一扬。")
    assert s[0]["action"] == "抖开" and s[0]["hand"] is None
    assert s[-1]["hand"] == "left"
    # a hand with a place after it (「两只手上各一根」) still says something of the step before
    s = steps("三根竹签插好,两只手上各攥一根。")
    assert any(x["hand"] == "both" for x in s)


# --- names joined by 跟/和/与 that share their head -----------------------------------------------------
def test_two_names_joined_by_a_conjunction_that_share_their_head_are_terms():
    terms = term_texts("常用的就是顺皴跟逆皴。")
    assert "顺皴" in terms and "逆皴" in terms
    terms = term_texts("白鹤式和黑虎式要连着打。")
    assert "白鹤式" in terms and "黑虎式" in terms
    terms = term_texts("底料是糯米粉跟面粉。")  # a word of its own before the connector is the left name
    assert "糯米粉" in terms and "米粉" not in terms


def test_pronouns_places_and_numbers_joined_by_a_conjunction_are_no_terms():
    assert term_texts("上头和下头要对齐。") == []
    assert not any("一刀" in t for t in term_texts("一刀和一刀之间留空。"))
    assert term_texts("我跟他说过。") == []


# --- coined names of a technique or a form, said without quotation marks ---------------------------------
def test_a_coined_name_ending_in_a_technique_suffix_is_one_term():
    for text, name in (("脚下走的是蹚泥步,一步一步往前蹭。", "蹚泥步"), ("师傅教的是滚刀法,刀口贴着木头滚。", "滚刀法"),
                       ("起手就是白鹤亮翅式,两只手往上一分。", "白鹤亮翅式"), ("他用的是一种盘扣针,针脚特别密。", "盘扣针")):
        terms = term_texts(text)
        assert name in terms, (text, terms)
    assert "泥步" not in term_texts("脚下走的是蹚泥步。")  # jieba's piece that ends the name


def test_verbs_with_their_object_and_general_words_are_no_coined_name():
    from generation.prompting.extract import tokenize_doc
    from generation.prompting.names import _suffix_names
    from generation.prompting.tokens import normalize_chars

    for text in ("这是老手法了。", "拿一把小刀。", "跟着练功。", "先下针再走针。", "推着刻推刀不动。", "从折边开剪剪刀不动",
                 "按琴式画好样", "换个办法。", "再往下走一步。"):
        norm = normalize_chars(text)
        doc = tokenize_doc(SPEC, norm)
        found = ["".join(doc.words[a:b]) for a, b in _suffix_names(SPEC, doc)]
        assert found == [], (text, found)


def test_a_name_after_a_naming_verb_ends_where_the_next_clause_begins_in_text_with_no_punctuation():
    assert "外拐" in term_texts("我们管这个叫外拐拿膝盖往上颠")  # a taking verb begins the next clause
    assert "缠丝手" in term_texts("这个叫缠丝手两只手往里绕")  # a hand
    # no name where a verb's tail ends what follows the naming verb
    assert "拓锅温升到" not in term_texts("这叫拓锅温升到一百度")


def test_the_hand_said_as_subject_goes_on_over_a_semicolon_not_over_a_full_stop():
    s = steps("右手捏着线头往外一拉;拉直了往钩上一挂。")  # 拉 … 拉直 is one step (r3-order's V+result rule)
    assert [x["hand"] for x in s] == ["right"] * len(s) and [x["action"] for x in s][-1] == "挂"
    s = steps("右手捏着线头往外一拉。把它往钩上一挂。")  # (「拉直了」 would be the same step as 拉: one step over the stop)
    assert s[0]["hand"] == "right" and s[-1]["hand"] is None
    s = steps("左手托住碗底;碗口朝下一扣。")  # a new subject after the semicolon: no hand carried
    assert s[-1]["hand"] is None


def test_the_hand_that_holds_a_tool_does_the_step_that_works_with_it():
    s = steps("右手拿锤,左手拿錾,锤子往錾子上敲。")
    assert s[-1]["action"] == "敲" and s[-1]["hand"] == "right"
    s = steps("右手拿着刀,左手把竹子转一圈,刀往下削。")
    assert s[1]["hand"] == "left" and s[-1]["hand"] == "right"
    # a tool nobody took in hand: nothing to say which hand
    s = steps("左手把竹子转一圈,刀往下削。")
    assert s[-1]["hand"] in (None, "left")


def test_a_hand_named_by_its_side_is_that_hand():
    s = steps("左边这只手往下压,右边这只手往上抬。")
    assert [x["hand"] for x in s] == ["left", "right"]
    s = steps("右边手拿刀,左边手按住。")
    assert [x["hand"] for x in s] == ["right", "left"]
    # a side with something else than a hand after it says nothing of the hand
    s = steps("左边的线往下压。")
    assert s[0]["hand"] is None


def test_a_hand_named_by_the_place_a_hand_was_said_to_be_at_is_that_hand():
    s = steps("右手在上面捏住,左手在下面托着,上面那只手往下按。")
    assert [x["hand"] for x in s] == ["right", "left", "right"]
    s = steps("左手在布底下顶着,右手在上头缝,底下的手往上一推。")
    assert s[-1]["hand"] == "left"
    # no hand was said to be there: nothing to resolve
    s = steps("底下的手往上一推。")
    assert s[0]["hand"] is None


def test_a_place_noun_closed_by_a_locative_jieba_tags_as_an_adverb_is_a_term():
    # 边 is tagged d (边…边…) by jieba; after 从 before the verb, 「X边」 is a place of the work
    assert "纸边" in term_texts("右手拿剪子从纸边开剪。")


# --- a craft's name jieba cuts into two characters ------------------------------------------------------
def test_a_one_character_name_before_the_work_is_the_crafts_name():
    assert "羌绣" in term_texts("羌绣用的是挑花。")
    assert "徽雕" in term_texts("徽雕分砖雕木雕石雕。")
    assert "汴绣" in term_texts("做汴绣要有耐心。")


def test_a_material_or_a_verb_before_the_work_is_no_crafts_name():
    for text, wrong in (("布绣好了晾着。", "布绣"), ("用针绣。", "针绣"), ("线绣完了剪掉。", "线绣"), ("先绣再剪。", "先绣")):
        assert wrong not in term_texts(text), text


def test_a_character_jieba_takes_for_a_noun_after_a_hand_and_before_where_it_goes_is_the_verb():
    s = steps("右手叉在腰上,左手往外一甩。")
    assert [(x["action"], x["hand"]) for x in s] == [("叉", "right"), ("甩", "left")]
    s = steps("右手食指轻轻点在鼓面上。")
    assert s[0]["action"] == "点" and s[0]["hand"] == "right"
    assert steps("左手心在上,右手心在下。") == []  # the palm is where, no verb


def test_from_x_to_y_is_a_range_of_where_not_a_degree_complement():
    s = steps("右手的指头从拇指到小指挨个往下按。")
    assert [(x["action"], x["hand"]) for x in s] == [("按", "right")]


# --- a thing jieba's dictionary takes for a person, a place or a time ------------------------------------
def test_a_word_jieba_tags_as_a_person_or_a_time_where_a_thing_stands_is_a_term():
    assert "石青" in term_texts("生漆里调石青,调匀。")  # 石青/nr after a verb
    assert "卯眼" in term_texts("榫头要比卯眼大一点。")  # 卯眼/t after 比


def test_a_persons_name_or_a_direction_is_no_such_term():
    assert "王师傅" not in term_texts("我跟王师傅学的刻。")
    assert "过去" not in term_texts("把线递过去。")


def test_both_hands_said_as_a_pair_or_by_both_sides():
    assert steps("左右手轮流敲。")[0]["hand"] == "both"
    s = steps("俩只手捧着碗。")
    assert s[0]["hand"] == "both" and "count" not in s[0]["params"]  # two hands, no count of the work
    assert steps("两边的手一起往外拉。")[0]["hand"] == "both"
    # the palm after a hand word is part of the hand, no step of its own
    assert [x["action"] for x in steps("两个手掌往里一合。")] == ["合"]


def test_a_palm_a_fist_or_an_arm_said_with_a_side_is_that_sides_hand():
    s = steps("左掌往前一推,右掌护肘。")
    assert [x["hand"] for x in s] == ["left", "right"]
    assert steps("右拳往前一冲。")[0]["hand"] == "right"
    s = steps("左胳膊夹着鼓,右手拿槌敲。")
    assert [x["hand"] for x in s] == ["left", "right"]
    # the palm of a hand already named is no verb
    assert [x["action"] for x in steps("左手的掌根往下压。")] == ["压"]


def test_with_no_punctuation_a_second_hand_after_what_the_first_one_does_starts_its_own_clause():
    s = steps("左掌在前右掌往外一推")
    assert s[-1]["action"] == "推" and s[-1]["hand"] == "right"
    # two hands joined by 跟/和 are one subject
    s = steps("左手跟右手一起往外拉")
    assert s[-1]["hand"] in ("left", "both")


def test_the_hand_goes_on_into_a_sentence_that_opens_with_a_continuation_marker():
    s = steps("右手拿着刻刀把轮廓刻出来。然后顺着纹路往里挑。")
    assert s[-1]["action"] == "挑" and s[-1]["hand"] == "right"
    s = steps("右手拿着刻刀把轮廓刻出来。纹路要顺着木头挑。")  # no marker: a new sentence starts afresh
    assert s[-1]["hand"] is None


def test_two_characters_jieba_leaves_apart_that_open_a_sentence_with_shi_are_a_name():
    assert "褙纸" in term_texts("褙纸是头一道。")
    assert "搨浆" in term_texts("嗯。搨浆是细活,急不得。")
    assert term_texts("这是我师傅教的。") == [] and term_texts("我是跟他学的。") == []


def test_text_with_no_punctuation_that_ends_right_after_taken_tool_numeral_and_verb_does_not_raise():
    # breaks._asr_noun looked two words past the numeral: past the end of 「…拿木槌一敲」 (IndexError)
    for text in ("先揉面拿木槌一敲", "右手拿签子一根挑", "左手拿板子一块拍"):
        s = steps(text)
        assert s and s[-1]["action"] in ("敲", "挑", "拍"), (text, s)


# --- r4-terms: a sentence's topic said alone, and the copula that names -------------------------------
def test_a_verbless_topic_clause_opening_a_sentence_names_the_practice():
    # what follows the last 的 is the name, whatever jieba cut it into; a mood particle closes it
    assert "羊皮筏子" in term_texts("东乡的羊皮筏子啊,羊皮要吹足气。")
    assert "汤瓶八诊" in term_texts("咱们老家的汤瓶八诊,先洗手。")
    # 过 opening a clause is the verb: its time-tagged object is the festival's name
    assert "腊八" in term_texts("过腊八,头天晚上就把米泡上。")


def test_no_topic_name_from_a_time_a_warning_a_degree_or_a_predicate():
    assert "千万别松手" not in term_texts("千万别松手,一松就散。")
    assert "花样多得很" not in term_texts("花样多得很,有十几种。")
    terms = term_texts("吹火是在台上放个装粉的小盒子,演员俯下身子。")
    assert not any(t.startswith("小盒子") and t != "小盒子" for t in terms)


def test_a_topic_clause_of_single_pieces_ending_in_a_technique_suffix_is_a_name():
    assert "转碟功" in term_texts("转碟功,碟子要转稳。")


def test_a_copula_after_a_demonstrative_or_a_pseudo_cleft_names_what_it_identifies():
    assert "阴文" in term_texts("这一下叫金鸡独立,刻的是阴文。")
    assert "劈山" in term_texts("这一下往下砸,这就是劈山。")
    assert "流水板" in term_texts("唱快了就是流水板。")
    # a degree, a refusal or a description going on is no name
    assert term_texts("这就是太稀了。") == []
    assert term_texts("那是不行的。") == []
    assert "一截" not in term_texts("花灯就是一截十多公分长的竹筒。")


def test_an_ascii_full_stop_ends_a_sentence_for_the_opening_clause_rules():
    assert "扎马" in term_texts("先站好.扎马,两脚分开.")


# --- r7-terms: names with a numeral, names defined by 就是, four-character names after 叫 ------------
def test_a_numeral_right_before_a_one_character_noun_is_part_of_a_name():
    # (no classifier between them: the numeral says which one, not how many)
    assert "二锣" in term_texts("唢呐吹的时候要配二锣,二锣打后拍。")
    assert "九钩" in term_texts("把绳子挂在九钩上再拉紧。")
    # a count (with a classifier, or 一: once) and a numeral before a verb or an adjective are no name
    terms = term_texts("一抖就散,拉六扣,再切三刀。")
    assert not any(t in terms for t in ("一抖", "六扣", "三刀"))


def test_single_pieces_that_open_a_sentence_before_jiu_shi_are_the_name_it_defines():
    assert "抹浆" in term_texts("抹浆就是拿刷子把浆抹匀。")
    assert "开榫" in term_texts("开榫就是拿凿子在木头上凿个口。")


def test_a_four_character_name_after_jiao_may_be_four_single_pieces():
    assert "拜天拜地" in term_texts("先磕头作揖,这叫拜天拜地。")
    assert "送神接神" in term_texts("祭灶的时候,这叫送神接神。")


# --- r7-terms: a thing said to be made of something or given a size is in view ----------------------
def categories(text):
    return {t["text"]: t["category"] for t in out(text)["terms"]}


def test_a_noun_said_to_be_made_of_something_is_a_thing_in_view():
    assert categories("风筝是竹子扎的,再糊上纸。").get("风筝") == "tool"
    assert categories("马鞭是牛皮编的,一抖就响。").get("马鞭") == "tool"
    assert "马鞭" in out("马鞭是牛皮编的,一抖就响。")["prompt"]


def test_a_noun_given_a_length_is_a_thing_in_view():
    assert categories("水烟袋有一尺来长,铜做的。").get("水烟袋") == "tool"
    assert categories("绣绷有一尺宽,先把布绷上。").get("绣绷") == "tool"
    assert categories("纸鸢就是一截两米多长的竹架子糊上纸。").get("纸鸢") == "tool"
    # a heat or a time is no size; a general word or a demonstrative is no thing
    assert categories("温度是八十度,火要小。").get("温度") != "tool"
    assert "手艺" not in categories("手艺是师傅教的。")


def test_a_topic_given_a_size_in_the_next_words_is_a_thing_in_view():
    # with or without the comma (speech-recogniser output): only pronouns and adverbs before the size
    assert categories("草鞋,我们这边一般一尺来长。先搓草绳。").get("草鞋") == "tool"
    assert categories("草鞋我们这边一般一尺来长先搓草绳").get("草鞋") == "tool"
    assert categories("剪纸,我们一般剪三张。").get("剪纸") != "tool"  # (a count is no size)
