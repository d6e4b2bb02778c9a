"""The prompt says values, counts and objects the way a person says them (render.py, issue 11, branch render2):
an approximation as 约 and the number said, never the range the reading widened it to; a converted traditional
unit rounded, a length in 毫米, 厘米 or 米 by its size; a duration in one unit; a count of things said right
before a noun with that noun; a verb that holds the object's first character says it once; a noun that ends
with its localizer gets no second one. Sentences written for this file (crafts and wordings of no eval item);
descriptions built by hand, as in test_prompting_render, so that each rule is tested apart from extraction."""
from generation.prompting import normalize, render_prompt
from generation.prompting.extend import missing_facts
from generation.prompting.render import fmt_duration, value_text
from generation.prompting.spec import default_spec

from tests.test_prompting_render import desc, steps_of

SPEC = default_spec()


def one_step(text, **step):
    d = desc(text, [{"clause": text, **step}])
    return steps_of(render_prompt(d, spec=SPEC))


# --- an approximation is said as the number said ------------------------------------------------------------
def test_an_approximate_angle_is_said_with_yue_not_as_the_widened_range():
    # 「斜着四十度左右下刀」: the reading widens it to 36–44°
    p = one_step("斜着四十度左右下刀", action="下刀", params={"angle_deg": [36, 44]})
    assert "约40°" in p and "36" not in p and "44" not in p


def test_an_approximate_count_and_temperature_are_said_with_yue():
    assert one_step("捶个一百来下", action="捶", params={"count": [90, 110]}) == "捶,共约100次"
    assert "温度约800℃" in one_step("炉子烧到八百度上下", action="烧", params={"temperature_c": [720, 880]})


def test_a_range_said_as_a_range_stays_a_range():
    assert "2–3毫米" in one_step("刻两三毫米深", action="刻", params={"depth_mm": [2, 3]})
    assert "每分钟40–50次" in one_step("一分钟摇四五十下", action="摇", params={"rate_per_min": [40, 50]})


# --- a length in a unit that fits its size, a conversion rounded ---------------------------------------------
def test_a_length_in_chi_or_cun_is_rounded_in_centimetres():
    p = one_step("竹子截一尺半长", action="截", material="竹子", params={"length_mm": 499.95})
    assert "约50厘米" in p and "499" not in p
    assert "约1.7厘米" in one_step("针扎进去半寸", action="扎", params={"depth_mm": 16.67})


def test_a_length_is_said_in_millimetres_centimetres_or_metres_by_its_size():
    assert one_step("往上拔到三十公分高", action="拔", params={"length_mm": 300}) == "往上拔,长30厘米"
    assert one_step("绳子放出去二十米", action="放", params={"length_mm": 20000}) == "放,长20米"
    assert one_step("刻三毫米深", action="刻", params={"depth_mm": 3}) == "刻,深3毫米"
    assert one_step("压到零点七五毫米厚", action="压", params={"thickness_mm": 0.75}) == "压,厚0.75毫米"


# --- a duration in one unit -------------------------------------------------------------------------------------
def test_an_approximate_duration_longer_than_a_clip_is_context_in_one_unit():
    p = one_step("酱坯晒个把钟头", action="晒", material="酱坯", params={"duration_s": [3240, 3960]})
    assert "此道工序实际约需1小时" in p and "分钟" not in p and "约需约" not in p


def test_durations_are_said_in_one_unit_or_with_the_rest_in_the_next():
    assert fmt_duration([1800, 3600]) == "30–60分钟"
    assert fmt_duration(828) == "13分钟48秒"
    assert fmt_duration(5400) == "1.5小时" and fmt_duration(10800) == "3小时" and fmt_duration(90000) == "25小时"
    assert fmt_duration([172800, 259200]) == "2–3天"


# --- a count of things goes with its noun -----------------------------------------------------------------------
def test_a_count_of_things_said_before_the_noun_is_said_with_it():
    d = desc("右手捏住三根竹签", [{"clause": "右手捏住三根竹签", "action": "捏住", "hand": "right", "tool": "竹签",
                                   "params": {"count": 3}, "count_unit": "根"}], [("竹签", "竹签", "tool")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert "3根竹签" in p and "共3根" not in p


def test_a_count_said_with_another_noun_stays_a_total():
    # 「三根」 is said of the sticks, not of the thread the step works
    d = desc("棒子三根一组,绑上红线", [{"clause": "棒子三根一组,绑上红线", "action": "绑", "material": "红线",
                                        "params": {"count": 3}, "count_unit": "根"}], [("红线", "红线", "material")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert "3根红线" not in p and "共3根" in p


def test_a_count_said_before_the_noun_must_be_that_count():
    # 「一股麻线搓成三股」: 一股 is said before the noun, the count is the 三股 it becomes
    d = desc("一股麻线搓成三股", [{"clause": "一股麻线搓成三股", "action": "搓", "material": "麻线",
                                    "params": {"count": 3}, "count_unit": "股"}], [("麻线", "麻线", "material")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert "3股麻线" not in p and "共3股" in p


# --- the object said once ---------------------------------------------------------------------------------------
def test_a_verb_holding_the_objects_first_character_says_it_once():
    d = desc("绸子拿稳,双手舞绸", [{"clause": "双手舞绸", "action": "舞绸", "hand": "both", "material": "绸子"}],
             [("绸子", "绸子", "material")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert "舞绸子" in p and "舞绸绸子" not in p


def test_a_verb_object_word_whose_object_is_the_nouns_head_takes_the_whole_noun():
    d = desc("红纸叠好,再剪纸", [{"clause": "再剪纸", "action": "剪纸", "material": "红纸"}], [("红纸", "红纸", "material")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "剪红纸"


def test_a_noun_ending_with_its_localizer_gets_no_second_one():
    d = desc("把楔子插在石缝里", [{"clause": "把楔子插在石缝里", "action": "插", "material": "楔子", "tool": "石缝里"}],
             [("楔子", "楔子", "material"), ("石缝里", "石缝里", "tool")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert "石缝里上" not in p and "插在石缝里" in p


# --- the rewrite rule reads the same values -----------------------------------------------------------------------
def test_the_extension_rule_reads_each_value_as_the_prompt_says_it():
    d = normalize("竹篾劈成一寸宽,斜着三十度左右往下削,削个二十来下。", None, craft="竹编").to_dict()
    assert missing_facts(d, d["prompt"]) == []
    assert value_text(SPEC, "width_mm", 33.33) == "约3.3厘米"


# --- 把X takes no bare verb of one character ------------------------------------------------------------------
def test_ba_keeps_the_result_or_direction_said_after_the_verb():
    d = desc("左手把竹篾压平", [{"clause": "左手把竹篾压平", "action": "压", "hand": "left", "material": "竹篾"}],
             [("竹篾", "竹篾", "material")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "左手把竹篾压平"
    d = desc("把蓝布卷起来", [{"clause": "把蓝布卷起来", "action": "卷", "material": "蓝布"}], [("蓝布", "蓝布", "material")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "把蓝布卷起来"


def test_ba_with_no_result_said_becomes_the_verbs_object():
    d = desc("把木料锯成三段", [{"clause": "把木料锯成三段", "action": "锯", "material": "木料"}], [("木料", "木料", "material")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert p == "锯木料" and "把木料锯" not in p


# --- a thing's size goes with the thing -------------------------------------------------------------------------
def test_two_measures_on_one_step_are_the_size_of_the_thing_worked():
    d = desc("这块樟木长六十公分宽三十公分重五公斤,先刨樟木",
             [{"clause": "先刨樟木", "action": "刨", "material": "樟木",
               "params": {"length_mm": 600, "width_mm": 300, "weight_g": 5000}}], [("樟木", "樟木", "material")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert p == "刨樟木(长60厘米、宽30厘米、重5千克)"


def test_a_weight_is_the_things_not_the_motions():
    d = desc("挑一块五斤的猪肉", [{"clause": "挑一块五斤的猪肉", "action": "挑", "material": "猪肉",
                                   "params": {"weight_g": 2500}}], [("猪肉", "猪肉", "material")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "挑猪肉(重2.5千克)"


def test_one_length_stays_the_motions_parameter():
    d = desc("把泥坯往上拉到二十公分", [{"clause": "把泥坯往上拉到二十公分", "action": "拉", "material": "泥坯",
                                         "params": {"length_mm": 200}}], [("泥坯", "泥坯", "material")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert p.endswith(",长20厘米") and "(" not in p


def test_ba_goes_before_a_bare_direction():
    d = desc("瓦片朝外摆到架子上", [{"clause": "瓦片朝外摆到架子上", "action": "摆到", "material": "瓦片", "tool": "架子",
                                     "relation": "朝外"}], [("瓦片", "瓦片", "material"), ("架子", "架子", "tool")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert p.startswith("把瓦片朝外摆到") and "朝外把" not in p
