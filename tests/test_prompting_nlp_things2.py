"""Issue 11 (nlp-things2): the tool and material of a step on unseen text — written 时 closing a time clause before
把/将/用, the thing a verb works where its object is only what the work yields (V出…来, V个…), and nouns jieba cuts into
pieces. Every sentence here was written for these tests (none is taken from an evaluation or probe file); each rule
is shown on at least two crafts."""
from functools import partial

from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()

steps = partial(prompting_steps.steps, fields=("surface", "tool", "material"), spec=SPEC)
step = partial(prompting_steps.step, fields=("surface", "tool", "material"), spec=SPEC)


def test_written_shi_after_the_lexicons_action_ends_the_time_clause():
    # pottery, scroll mounting: 「V时」 before 将/把/用 says when; 时 is never what the verb works
    assert step("上釉时将坯子浸入釉浆。", "上釉")[2] != "时"
    assert step("上釉时将坯子浸入釉浆。", "浸入")[1:] == ("釉浆", "坯子")
    assert all(s[2] != "时" and s[1] != "时" for s in steps("裱画时用排刷把浆糊刷匀。"))
    assert step("裱画时用排刷把浆糊刷匀。", "刷匀")[1:] == ("排刷", "浆糊")


def test_what_v_chu_brings_out_or_v_ge_makes_yields_to_the_thing_named_before_the_verb():
    # sugar making, oil pressing, a kite's line: the thing worked is said first, the verb's object is only the yield
    assert step("甘蔗榨出汁来,倒进锅里熬。", "榨出")[2] == "甘蔗"
    assert step("花生榨出油来。", "榨出")[2] == "花生"
    assert step("麻绳打个结,挂在墙上。", "打")[2] == "麻绳"
    # no thing before the verb, or an implement or a person there: the verb's object stays what is worked
    assert step("拿小刀刻出花纹。", "刻出")[1:] == ("小刀", "花纹")
    assert step("锥子扎个眼。", "扎")[1:] == ("锥子", "眼")
    assert step("师傅刻出花来。", "刻出")[2] == "花"


def test_a_tool_character_after_a_noun_taken_in_hand_is_the_implements_head():
    # stir-frying, stone carving: jieba cuts 木铲/竹凿 into a noun and a verb when a place follows; right after 拿/用
    # the two are the implement taken in hand (no step of 拿 working 木)
    assert steps("拿木铲在锅里翻。") == [("翻", "木铲", None)]
    assert step("拿竹凿在石上凿。", "凿")[1] == "竹凿"
    assert [s[0] for s in steps("拿竹凿在石上凿。")] == ["凿"]


def test_an_implement_taken_in_hand_works_and_the_vessel_named_in_the_place_is_only_where():
    # dyeing, paper making, cooking: 拿/用 + an implement, then 在 + a vessel the lexicon lists as a tool + 里
    assert steps("师傅拿长木棍在染缸里慢慢搅。") == [("搅", "长木棍", None)]
    assert steps("拿竹棍在纸槽里搅。") == [("搅", "竹棍", None)]
    assert steps("拿木勺在炒锅里翻。") == [("翻", "木勺", None)]
    # with no implement in hand, the vessel is still the tool
    assert steps("豆子在炒锅里翻。") == [("翻", "炒锅", "豆子")]


def test_guo_and_a_sieve_glued_into_one_noun_is_the_sifting_step_with_its_sieve():
    # a sesame-powder snack, herbal powder: jieba's 过筛/n and 过筛子/nr made no step at all
    assert steps("炒熟的芝麻粉过筛,装进罐里。")[0] == ("过筛", "筛", "芝麻粉")
    assert step("药粉研细了再过筛子。", "过筛子")[1:] == ("筛子", "药粉")


def test_a_gap_between_fingers_a_thing_is_put_in_is_no_tool():
    # clappers (a storytelling art), embroidery thread: 在指头缝里 is where the hand holds it, not what with
    assert steps("把两片竹板夹在指头缝里。") == [("夹", None, "竹板")]
    assert step("把线头夹在手指缝里,再穿针。", "夹")[1:] == (None, "线头")
    # a support or vessel a thing is put on stays the tool
    assert steps("把银料放到炉上。") == [("放到", "炉", "银料")]


def test_written_shi_after_an_object_is_never_glued_to_it():
    # farming, tea picking: 「V + N + 时」 says when; jieba's noun 时 is no last character of the object
    assert steps("晒谷子时,要用木耙翻。") == [("晒", None, "谷子"), ("翻", "木耙", "谷子")]
    assert step("采茶叶时,只掐嫩芽。", "采")[2] == "茶叶"


def test_a_vessel_taken_up_after_v_ge_is_no_yield():
    # 「新娘子端个茶盘」 (in test_prompting_nlp_things) and a dish at a feast: a vessel after V个 is taken up, not made
    assert steps("厨子端个碗。") == [("端", None, "碗")]
    assert steps("新娘子端个大茶盘。") == [("端", None, "大茶盘")]


def test_stuff_named_with_a_locative_before_v_ge_is_where_not_what_is_worked():
    # opera costume, tailoring: 「缎面上钉一个亮片」 puts the sequin on the satin; the thing after V个 stays the material
    assert steps("绣好的缎面上钉一个亮片。") == [("钉", None, "亮片")]
    assert steps("裁好的绸布上缝一个纽扣。") == [("缝", None, "纽扣")]


def test_a_support_whose_name_says_tool_is_the_tool_where_a_thing_is_put():
    # pottery, festival food, dyeing: 木板 is a carving craft's material in the lexicon, but put onto it is a support
    assert steps("坯子搁在木板上晾。") == [("搁", "木板", "坯子"), ("晾", "木板", "坯子")]
    assert step("蒸好的年糕放在木板上晾凉。", "放在")[1:] == ("木板", "年糕")
    assert step("染好的布搁在木板上晾干。", "搁")[1:] == ("木板", "布")


def test_two_verbs_describing_the_noun_after_de_are_no_steps():
    # fish skin craft, herbal medicine: after 将/把, 「V1V2的N」 says what the thing is like (the lexicon's 晾干 or
    # jieba's 磨碎 among them); the clause's own verb works that thing
    assert steps("将洗净晾干的鱼剖开。") == [("剖开", None, "鱼")]
    assert steps("将晒干磨碎的药材倒进锅里。") == [("倒进", "锅", "药材")]
