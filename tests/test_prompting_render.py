"""Prompt rendering rules (generation/prompting/render.py, issue 11): each noun keeps the part it had
in the speaker's clause, the speaker's word is said, steps that are no motion are left out or joined
to their verb. Descriptions are built by hand (sentences of crafts not in the evaluation set) so each
rule is tested on its own, apart from extraction."""
from generation.prompting import normalize, render_prompt
from generation.prompting.extend import missing_facts
from generation.prompting.spec import default_spec

SPEC = default_spec()


def desc(text, steps, terms=()):
    """A description as the normalizer writes it: each step's clause is the part of ``text`` given
    as ``clause`` (its offsets), its verb ``surface`` is found in it; ``terms`` are (said, canonical,
    category) found in the text."""
    out_steps = []
    for n, st in enumerate(steps, start=1):
        st = dict(st)
        clause = st.pop("clause")
        start = text.index(clause)
        out_steps.append({"order": n, "hand": None, "tool": None, "material": None, "params": {},
                          "relation": None, "manner": None, "surface": st.get("action"),
                          "start": start, "end": start + len(clause), **st})
    out_terms = []
    for said, canon, cat in terms:
        i = text.index(said)
        out_terms.append({"text": said, "category": cat, "start": i, "end": i + len(said), "canonical": canon})
    return {"text": text, "steps": out_steps, "terms": out_terms, "craft": None}


def steps_of(prompt):
    return prompt.split("示范。", 1)[1].split("。", 1)[0]


def test_instrument_after_yong_or_na_is_said_with_yong():
    d = desc("拿木槌敲楔子", [{"clause": "拿木槌敲楔子", "action": "敲", "tool": "木槌", "material": "楔子"}],
             [("木槌", "木槌", "tool"), ("楔子", "楔子", "material")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "用木槌敲楔子"


def test_a_held_thing_said_after_the_verb_is_its_object():
    d = desc("右手抱起月琴", [{"clause": "右手抱起月琴", "action": "抱", "hand": "right", "tool": "月琴"}],
             [("月琴", "月琴", "tool")])
    p = render_prompt(d, spec=SPEC)
    assert "用月琴" not in p and "右手抱月琴" in p


def test_a_topic_of_a_shi_de_clause_is_the_object():
    d = desc("柳琴是斜着抱的,左手按弦", [{"clause": "柳琴是斜着抱的", "action": "抱", "hand": "left", "tool": "柳琴"}],
             [("柳琴", "柳琴", "tool")])
    p = render_prompt(d, spec=SPEC)
    assert "抱柳琴" in p and "用柳琴" not in p


def test_the_marker_that_is_the_verb_itself_makes_an_object():
    d = desc("两只手各拿一根鼓棒", [{"clause": "两只手各拿一根鼓棒", "action": "拿", "hand": "both", "tool": "鼓棒"}],
             [("鼓棒", "鼓棒", "tool")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "双手拿着鼓棒"


def test_a_place_before_the_verb_is_a_place_not_a_tool():
    d = desc("纸浆捞起来在竹帘上晾干", [{"clause": "在竹帘上晾干", "action": "晾干", "tool": "竹帘"}],
             [("竹帘", "竹帘", "tool")])
    p = render_prompt(d, spec=SPEC)
    assert "在竹帘上晾干" in p and "用竹帘" not in p


def test_a_place_after_the_verb_puts_the_object_before_it():
    d = desc("坯子放到转盘上", [{"clause": "坯子放到转盘上", "action": "放到", "tool": "转盘", "material": "坯子"}],
             [("坯子", "坯子", "material"), ("转盘", "转盘", "tool")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "把坯子放到转盘上"
    d = desc("面团搁蒸笼里", [{"clause": "面团搁蒸笼里", "action": "搁", "tool": "蒸笼", "material": "面团"}],
             [("面团", "面团", "material"), ("蒸笼", "蒸笼", "tool")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "把面团搁蒸笼里"


def test_what_is_drawn_is_an_object_where_to_draw_is_a_place():
    drawn = desc("再用毛笔画花瓣", [{"clause": "再用毛笔画花瓣", "action": "画", "tool": "毛笔", "material": "花瓣"}],
                 [("毛笔", "毛笔", "tool"), ("花瓣", "花瓣", "material")])
    assert steps_of(render_prompt(drawn, spec=SPEC)) == "用毛笔画花瓣"
    where = desc("在扇面上画", [{"clause": "在扇面上画", "action": "画", "material": "扇面"}],
                 [("扇面", "扇面", "material")])
    assert steps_of(render_prompt(where, spec=SPEC)) == "在扇面上画"


def test_a_disposal_object_keeps_ba():
    d = desc("用竹刀把泥条压平", [{"clause": "用竹刀把泥条压平", "action": "压平", "tool": "竹刀", "material": "泥条"}],
             [("竹刀", "竹刀", "tool"), ("泥条", "泥条", "material")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "用竹刀把泥条压平"


def test_the_speakers_word_is_said_with_the_specs_name():
    d = desc("笤帚蘸了浆水", [{"clause": "笤帚蘸了浆水", "action": "蘸", "tool": "棕刷", "material": "浆水"}],
             [("笤帚", "棕刷", "tool"), ("浆水", "浆水", "material")])
    p = render_prompt(d, spec=SPEC)
    assert "笤帚(棕刷)" in p and "画面中可见" not in p
    assert missing_facts(d, p, spec=SPEC) == []


def test_a_tool_named_in_the_action_or_the_material_is_said_once():
    d = desc("右手抡锤", [{"clause": "右手抡锤", "action": "抡锤", "hand": "right", "tool": "锤"}])
    assert steps_of(render_prompt(d, spec=SPEC)) == "右手抡锤"
    d = desc("把纸捻提起来", [{"clause": "把纸捻提起来", "action": "提起", "tool": "纸捻", "material": "纸捻"}],
             [("纸捻", "纸捻", "material")])
    assert "用纸捻" not in render_prompt(d, spec=SPEC)


def test_a_bare_direction_completes_the_verb_before_it():
    text = "两只手往上一提,壶身就出来了"
    d = desc(text, [{"clause": "两只手往上一提", "action": "提", "hand": "both"},
                    {"clause": "壶身就出来了", "action": "出来", "material": "壶身"}],
             [("壶身", "壶身", "material")])
    p = render_prompt(d, spec=SPEC)
    assert "双手往上提出壶身来" in p and "第2步" not in p  # (the direction said before the verb stays)


def test_steps_that_are_no_motion_are_left_out():
    text = "豆子磨成浆,磨完了过滤,豆腐"
    d = desc(text, [{"clause": "豆子磨成浆", "action": "磨", "material": "豆子"},
                    {"clause": "磨完了", "action": "磨完"},
                    {"clause": "过滤", "action": "过滤"},
                    {"clause": "豆腐", "action": "豆腐"}])
    p = render_prompt(d, spec=SPEC)
    assert "磨完" not in p and "第3步" not in p and "过滤" in p and "第3步,豆腐" not in p


def test_a_tool_said_in_the_clause_is_woven_into_its_step():
    text = "砂纸先打磨一遍"
    d = desc(text, [{"clause": "打磨一遍", "action": "打磨"}], [("砂纸", "砂纸", "tool")])
    p = render_prompt(d, spec=SPEC)
    assert "用砂纸打磨" in p and "画面中可见" not in p


def test_a_said_path_is_rendered_a_manner_on_the_way_is_not():
    text = "往墙上一贴"
    d = desc(text, [{"clause": text, "action": "贴", "relation": "往墙上一贴", "hand": "left"}])
    assert steps_of(render_prompt(d, spec=SPEC)) == "左手往墙上贴"
    text = "顺着墨线一点一点往下凿"
    d = desc(text, [{"clause": text, "action": "凿", "relation": "顺着墨线一点一点往下"}])
    assert "一点一点" not in render_prompt(d, spec=SPEC)


def test_a_description_without_text_renders_from_its_fields():
    d = {"steps": [{"order": 1, "action": "刻", "hand": "right", "tool": "刻刀", "material": "木板",
                    "params": {"depth_mm": 2}}], "craft": None}
    assert steps_of(render_prompt(d, spec=SPEC)) == "右手用刻刀在木板上刻,深2毫米"


def test_whole_sentences_of_other_crafts():
    d = normalize("左手把铜片按住,右手拿锤子一下一下敲,敲个五十来下", spec=SPEC).to_dict()
    p = d["prompt"]
    assert "左手把铜片按住" in p and "右手用锤子敲" in p and missing_facts(d, p, spec=SPEC) == []


def test_a_term_whose_offsets_do_not_fit_the_text_is_still_in_view():
    d = desc("拿木槌敲楔子", [{"clause": "拿木槌敲楔子", "action": "敲", "tool": "木槌", "material": "楔子"}],
             [("木槌", "木槌", "tool")])
    d["terms"].append({"text": "墨斗", "category": "tool", "start": 40, "end": 42, "canonical": "墨斗"})
    p = render_prompt(d, spec=SPEC)
    assert "画面中可见墨斗" in p and missing_facts(d, p, spec=SPEC) == []


def test_a_technique_the_speaker_named_heads_the_steps_when_no_step_shows_it():
    text = "打籽绣呢,把线在针上绕两圈,再扎下去。"
    d = desc(text, [{"action": "绕", "clause": "把线在针上绕两圈", "material": "线"},
                    {"action": "扎", "clause": "再扎下去"}],
             terms=[("打籽绣", "打籽绣", "technique"), ("线", "线", "material")])
    prompt = render_prompt(d, spec=SPEC)
    assert "打籽绣技法:" in prompt and prompt.index("打籽绣") < prompt.index("绕")


def test_an_open_vocabulary_guess_or_a_technique_already_shown_is_not_repeated():
    # (s22-terms: the guess is said after the steps; the practice a text opens with as its topic, 「盘金绣就是…」, is
    # what the prompt says is demonstrated, render._opening_name)
    text = "先把金线盘起来,盘金绣就是这样。"
    d = desc(text, [{"action": "盘", "clause": "把金线盘起来", "material": "金线"}],
             terms=[("盘金绣", "盘金绣", "technique"), ("金线", "金线", "material")])
    d["terms"][0]["open"] = True  # a guess from the words around it, not a term of the spec
    assert "盘金绣" not in render_prompt(d, spec=SPEC)
    d["terms"][0]["open"] = False
    d["steps"][0]["material"] = "盘金绣"  # now a step shows it: said once only
    assert render_prompt(d, spec=SPEC).count("盘金绣") == 1


# --- fifth session: classifiers, a step that starts at its noun, complements with an object, the scene


def test_a_verb_with_a_directional_complement_takes_its_object_before_lai():
    # 「一根一根抽出来」 with the silk carried over from the clause before: 「抽出蚕丝来」, not 「抽出来蚕丝」
    d = desc("把藤条一根一根抽出来", [{"action": "抽出来", "material": "藤条", "clause": "一根一根抽出来"}])
    prompt = render_prompt(d, spec=SPEC)
    assert "抽出藤条来" in prompt and "抽出来藤条" not in prompt


def test_ba_before_a_step_that_starts_at_its_noun_is_still_the_disposal():
    # the step's clause starts at the noun, after 「把那个」: the marker is still read (the clause bounds it)
    d = desc("他先把那个唢呐拿起来", [{"action": "拿起", "tool": "唢呐", "clause": "唢呐拿起来"}])
    prompt = render_prompt(d, spec=SPEC)
    assert "把唢呐拿起" in prompt and "用唢呐" not in prompt


def test_ba_after_a_demonstrative_or_numeral_is_a_classifier():
    for text, tool in (("用一把铲子铲。", "铲子"), ("拿那把小锯子锯。", "小锯子"), ("拿这把刨子刨。", "刨子")):
        step = normalize(text, None).steps[0]
        assert step["tool"] == tool and step["material"] is None, (text, step)
    step = normalize("抓一把盐撒下去", None).steps[0]
    assert step["surface"] == "抓" and step["material"] == "盐"


def test_an_unknown_craft_that_is_danced_or_sung_gets_a_performers_scene_not_a_work_table():
    p = normalize("先唱两句,然后双脚往前一跳,转个身,两只胳膊往外甩开。", None).prompt
    assert "工作台" not in p and "中景" in p and "全身" in p
    # handwork whose words only contain a limb character (针脚, 壶肩) keeps the close-up at the table
    p = normalize("针脚要密,壶肩那里刮平,再刷一遍清漆。", None).prompt
    assert "工作台" in p and "特写" in p


def test_a_whole_body_verb_jieba_tags_as_a_noun_is_a_step_and_what_it_follows_is_said_with_its_marker():
    # 转圈 is a noun in jieba's dictionary: the text gave no step at all (an empty prompt)
    result = normalize("随着鼓点转圈,再趴下", None)
    assert [s["surface"] for s in result.steps][:1] == ["转圈"]
    assert "随着鼓点转圈" in result.prompt and "趴下" in result.prompt
    assert "用锣鼓" not in normalize("跟着锣鼓往前走。", None).prompt


def test_a_holding_verb_with_its_direction_takes_the_thing_as_its_object_not_a_compound_name():
    # 「拿起碗」 was read as one compound name glued to the verb (like 打纬刀): 「用拿起碗拿起」
    prompt = normalize("拿起碗,往锅里倒", None).prompt
    assert "拿起碗" in prompt and "用拿起碗" not in prompt
    assert "用打纬刀" in normalize("用打纬刀打紧", None).prompt


def test_a_limb_that_holds_nothing_takes_no_hand_nor_tool_held_before():
    # 「右手握着刻刀,左脚往前迈一步」 gave 「右手左脚用刻刀往前迈一步」: the foot steps, the chisel stays in hand
    steps = normalize("左手攥着鼓槌,右脚往旁边跨一步。", None).steps
    assert steps[-1]["tool"] is None and steps[-1]["hand"] is None
    steps = normalize("右手提着灯笼,腰往下一沉。", None).steps
    assert steps[-1]["tool"] is None and steps[-1]["hand"] is None
    # an arm swings what its hand holds, and a limb where the hand goes is no subject
    assert normalize("右手拿起木槌,胳膊往上抡。", None).steps[-1]["tool"] == "木槌"
    last = normalize("右手拿着烟袋,往左膝盖上一磕。", None).steps[-1]
    assert last["hand"] == "right"
