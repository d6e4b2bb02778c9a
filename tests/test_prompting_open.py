"""Issue 11: normalization for every craft. One test per failure class the issue lists, with sentences
written for these tests (none is taken from the evaluation set), plus the 云锦 walk and a craft a
curator created that no catalogue knows."""
from functools import partial

import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()


steps = partial(prompting_steps.steps, spec=SPEC)


# --- 1. a tool, material or term not in the lexicon is kept, not replaced by another craft's ---------
def test_unknown_tool_after_a_holding_verb_is_the_tool_and_the_verb_after_it_the_action():
    (s,) = steps("左手捏着铜片,右手拿起錾子轻轻敲。")[1:]
    assert s["hand"] == "right" and s["tool"] == "錾子" and s["action"] == "敲"
    d = normalize("右手拿起錾子轻轻敲", spec=SPEC).to_dict()
    assert "击打" not in d["prompt"] and "铁花" not in d["prompt"] and "錾子" in d["prompt"]


def test_unknown_material_as_object_and_after_ba():
    (s,) = steps("把竹篾泡进石灰水里")
    assert s["material"] == "竹篾" and s["action"] in ("泡", "浸泡")
    (s,) = steps("用刨子刨那块楠木")
    assert s["tool"] == "刨子" and s["action"] == "刨"


def test_another_crafts_synonym_keeps_what_was_said():
    # 泥料 is 紫砂's name for 紫泥; said of another craft it stays 泥料
    (s,) = steps("把泥料揉上二十分钟", craft="景德镇手工制瓷技艺")
    assert s["material"] == "泥料"


# --- 2. any verb starts a step; a clause without a known verb keeps its parameters -----------------
def test_any_verb_starts_a_step_with_its_parameters():
    (s,) = steps("凿子斜着六十度往下走,每秒两毫米")
    assert s["action"] == "走" and s["tool"] == "凿子"
    assert s["params"] == {"angle_deg": 60, "speed_mm_s": 2}


def test_heating_with_any_verb_and_duration():
    (s,) = steps("把坯子烤到三百度,再烤足两个钟头")
    assert s["action"] == "烤" and s["material"] == "坯子"
    assert s["params"] == {"temperature_c": 300, "duration_s": 7200}


def test_a_quantity_with_no_step_is_a_note_with_a_warning():
    d = normalize("前后大概四十来分钟吧。", spec=SPEC).to_dict()
    assert d["steps"] == [] and d["notes"][0]["params"] == {"duration_s": [2160, 2640]}
    assert any("没有对应的动作" in w for w in d["warnings"])


# --- 3. the craft is known, or neutral; never another craft's defaults and scene --------------------
def test_craft_given_by_key_chinese_name_or_alias():
    for name in ("yunjin", "南京云锦木机妆花手工织造技艺", "云锦", "南京云锦"):
        d = normalize("一手投梭,一手打纬", craft=name, spec=SPEC).to_dict()
        assert d["craft"] == "yunjin" and d["craft_source"] == "given", name


def test_unknown_curator_craft_is_kept_by_name_with_a_neutral_scene():
    d = normalize("右手拿竹刀把泥哨的口削平,左手转着泥哨。", craft="滇南泥哨", spec=SPEC).to_dict()
    assert d["craft"] == "滇南泥哨" and d["craft_name"] == "滇南泥哨" and d["craft_source"] == "given"
    assert "滇南泥哨" in d["prompt"]
    for wrong in ("铁花", "绣针", "紫泥", "红纸", "绣绷"):
        assert wrong not in d["prompt"]
    assert all(not s["defaults"] for s in d["steps"])


def test_making_a_performed_crafts_instrument_is_not_the_performance():
    """「唢呐制作技艺」 contains 唢呐 (唢呐艺术, music) but is the making: kept by its name with a neutral
    scene, never the concert scene of the craft it contains."""
    text = "右手拿钻子在杆子上钻音孔,孔距两公分。"
    played = normalize(text, craft="唢呐", spec=SPEC).to_dict()
    assert played["craft"] == "suona" and "演奏" in played["prompt"]
    d = normalize(text, craft="唢呐制作技艺", spec=SPEC).to_dict()
    assert d["craft"] == "唢呐制作技艺" and d["craft_source"] == "given"
    assert not any(w in d["prompt"] for w in ("演奏", "舞台", "表演")), d["prompt"]


def test_a_catalogue_craft_is_named_by_its_own_short_name():
    for given, name in (("秦腔", "秦腔"), ("川剧", "川剧")):
        d = normalize("两手把水袖往上一抛。", craft=given, spec=SPEC).to_dict()
        assert d["craft_name"] == name and name in d["prompt"], d["prompt"]


def test_free_text_unsure_gives_no_craft_and_no_defaults():
    d = normalize("针往里扎,扎深一点", spec=SPEC).to_dict()
    assert d["craft"] is None and d["craft_source"] == "none"
    assert all("needle_no" not in s["params"] for s in d["steps"])  # no 12号绣针 where no needle size was said
    assert "铁花" not in d["prompt"] and "12号" not in d["prompt"]


def test_free_text_detects_a_craft_that_clearly_leads():
    d = normalize("我们做宣纸,先捞纸,纸帘在纸槽里一抄一抬,然后晒纸,贴在焙墙上。", spec=SPEC).to_dict()
    assert d["craft"] == "xuanzhi" and d["craft_source"] == "detected"


@pytest.mark.parametrize("text", [
    "竹根雕先拿刻刀刻出轮廓,再拿砂纸磨光。",      # 刻刀, 刻出, 砂纸, 磨光: words several crafts share
    "葫芦烙画先起稿,再拿砂纸磨光,刻刀刻出线条。",
])
def test_words_several_crafts_share_detect_no_craft(text):
    """Without its name or one word of its own, a craft does not lead on shared words alone (a carving
    sanded and cut was read as lacquer ware, whose described actions then dropped the carver's verbs)."""
    d = normalize(text, spec=SPEC).to_dict()
    assert d["craft"] is None and d["craft_source"] == "none", d["craft"]


def test_given_craft_is_never_overridden_by_the_text():
    d = normalize("铁水烧化了往花棚上打", craft="苏绣", spec=SPEC).to_dict()
    assert d["craft"] == "suxiu"


def test_catalogue_covers_every_category_with_sources():
    cat = SPEC.catalogue
    assert len(cat) >= 60
    cats = {e["category"] for e in cat.values()}
    assert len(cats) == 10
    sources = SPEC.doc["defaults"]["catalogue"]["sources"]
    for e in cat.values():
        assert e["source"] in sources and sources[e["source"]]["url"].startswith("http"), e["key"]
        assert e["aliases"] and e["scene"] in SPEC.scenes


def test_catalogue_follows_the_national_list_with_short_names_only():
    """Issue 11: the catalogue holds crafts of every category of the national list (grown by category
    from the notices); an alias is a short name people say, never a bare common word, and no two crafts
    share a name."""
    cat = SPEC.catalogue
    assert len(cat) >= 300
    per = {}
    for e in cat.values():
        per[e["category"]] = per.get(e["category"], 0) + 1
    assert min(per.values()) >= 10, per
    owner = {}
    for key, e in cat.items():
        for name in [e["name"], *e["aliases"]]:
            assert len(name) >= 2, (key, name)
            assert owner.setdefault(name, key) == key, (name, owner[name], key)
    for word in ("狮子", "茶", "鼓", "大鼓", "评话", "少年", "喇叭", "毛笔", "砚台", "宝剑", "吴桥", "歌圩", "宝卷"):
        assert word not in owner, word
    sources = SPEC.doc["defaults"]["catalogue"]["sources"]
    assert {"list-2006", "list-2008", "list-2014", "list-2021"} <= set(sources)


@pytest.mark.parametrize("text,key", [
    ("吹芦笙讲究气要匀,脚下一步一步踩着点。", "lushengwu"),
    ("练八极拳的,一个震脚地都要响。", "bajiquan"),
    ("汉绣要一层一层铺针,边上要齐。", "hanxiu"),
    ("香云纱要拿薯莨汁一遍遍浸,再到河泥里过一遍。", "xiangyunsha"),
    ("说乌力格尔的,拉着琴一说一晚上。", "wuligeer"),
    ("评书先得把扣子留好,下回接着说。", "pingshu"),
    ("评剧的唱腔讲究字正腔圆。", "pingju"),
])
def test_a_craft_of_the_grown_catalogue_is_detected_by_its_short_name(text, key):
    d = normalize(text, spec=SPEC).to_dict()
    assert d["craft"] == key and d["craft_source"] == "detected", d["craft"]
    assert not d["prompt"] or d["craft_name"] in d["prompt"], d["prompt"]


def test_a_detected_craft_of_the_grown_catalogue_gives_its_name_and_scene():
    d = normalize("吹芦笙的时候,双手捧着笙斗,边吹边转圈。", spec=SPEC).to_dict()
    assert d["craft"] == "lushengwu" and "芦笙舞" in d["prompt"] and "舞蹈" in d["prompt"], d["prompt"]
    assert "技艺示范" not in d["prompt"]


@pytest.mark.parametrize("text,verb", [
    ("右手按着笙管,一边吹一边跳。", "跳"),          # the quick-start walk: was 「右手跳笙斗」
    ("双手捧着鼓,敲两下就蹲下。", "蹲下"),
    ("左手拎着灯笼,绕着场子走过去。", "走过去"),
])
def test_a_whole_body_motion_takes_no_carried_thing_and_no_single_hand(text, verb):
    d = normalize(text, spec=SPEC).to_dict()
    step = next(s for s in d["steps"] if verb.startswith(s["action"]))
    assert not step.get("material") and step.get("hand") is None, step


def test_words_said_take_no_hand_and_no_carried_thing_and_the_hand_goes_on_past_them():
    d = normalize("左手摇铃,右手翻经书,念完一段翻一段", spec=SPEC).to_dict()
    said = [(s["action"], s.get("hand"), s.get("material")) for s in d["steps"]]
    assert said[2] == ("念完", None, None) and said[3][:2] == ("翻", "right"), said


def test_an_ascii_full_stop_ends_a_sentence_but_a_decimal_point_does_not():
    for stop in (".", "\u3002"):
        d = normalize(f"右手捏住泥条往上提{stop}晾一晚上", spec=SPEC).to_dict()
        assert d["steps"][-1].get("hand") is None, d["steps"]
    d = normalize("线放1.5毫米", spec=SPEC).to_dict()
    assert d["steps"][0]["params"].get("length_mm") == 1.5, d["steps"]


def test_a_limb_said_before_its_verb_is_rendered_as_the_one_that_moves():
    for text, said, wrong in (("唱完一段,脚要踩着点。", "脚踩", "踩脚"), ("脚往下使劲踩。", "脚", "踩脚")):
        d = normalize(text, spec=SPEC).to_dict()
        assert said in d["prompt"] and wrong not in d["prompt"], d["prompt"]


@pytest.mark.parametrize("text", [
    "下午去沙县出差。",          # a place
    "中午吃了碗螺蛳粉。",        # a food
    "晚饭吃了北京烤鸭。",
    "我老家在吴桥。",            # a place that was an alias
    "他小时候吹过喇叭。",        # a common word that was an alias
    "拿毛笔写了几个字。",
    "我见过几回舞龙,那年在庙会上。",  # a craft only seen once
    "那年听过一场评剧,唱得真好。",
])
def test_a_word_place_or_food_in_passing_detects_no_craft(text):
    d = normalize(text, spec=SPEC).to_dict()
    assert d["craft"] is None and d["craft_source"] == "none", d["craft"]


def test_a_craft_only_seen_once_does_not_count_but_said_again_it_does():
    d = normalize("我小时候在戏台下看过皮影,后来学了剪纸,剪纸要先折。", spec=SPEC).to_dict()
    assert d["craft"] == "jianzhi"
    d = normalize("你看过皮影吗?皮影的牛皮要先刮薄。", spec=SPEC).to_dict()
    assert d["craft"] == "piyingxi"


def test_dev_free_text_detects_no_craft_but_its_own():
    """Precision first (issue 11): on the dev split, a craft detected from free text is the transcript's
    own (its name or an alias) or none. guqin-03 (古琴斫制技艺, in no catalogue) is its lacquering, where
    漆器's own words lead; it is the one exception, and was before the catalogue grew."""
    from generation.prompting.evaluation import load_split

    wrong, right = [], 0
    for item in load_split("dev"):
        d = normalize(item["text"], spec=SPEC).to_dict()
        if d["craft_source"] != "detected":
            continue
        own = {SPEC.craft_info(n).key for n in [item["craft"], *item.get("craft_aliases", [])]}
        if d["craft"] in own:
            right += 1
        else:
            wrong.append(f"{item['id']} -> {d['craft']}")
    assert set(wrong) <= {"guqin-03 -> qiqi"}, wrong
    # 33: yunjin-03 and nianhua-01 led only on words other crafts share (丝线/投梭/经线, 颜色/趟子) and are
    # no longer detected (their scores unchanged or better: nianhua-01's steps are read as said)
    assert right >= 33


def test_a_catalogue_craft_the_lexicon_has_no_words_of_reads_verbs_as_an_unknown_craft():
    """下缸 is a dyeing verb in the lexicon (浸染 of 蜡染/扎染). Given a craft the lexicon describes it is
    another craft's verb and makes no step; given a catalogue craft known only by name and scene
    (绍兴黄酒) it is read as for a craft in no catalogue: the step is kept as said."""
    text = "凉到三十度左右下缸,再拌酒药。"
    unknown = [s["action"] for s in steps(text, craft="自家米酒")]
    known = [s["action"] for s in steps(text, craft="绍兴黄酒酿制技艺")]
    assert "下缸" in unknown and known == unknown, (known, unknown)
    assert normalize(text, craft="绍兴黄酒酿制技艺", spec=SPEC).craft == "huangjiu"
    assert "下缸" not in [s["action"] for s in steps(text, craft="苏绣")]


# --- 4. two hands doing different things are two steps ------------------------------------------------
def test_each_hand_its_own_step_and_tool():
    s = steps("左手按住木板,右手拿刨子往前推")
    assert [(x["hand"], x["tool"]) for x in s] == [("left", None), ("right", "刨子")]
    assert s[0]["material"] == "木板" and s[1]["action"] == "推"


def test_two_hands_in_one_clause_without_comma():
    s = steps("左手扶着坯子右手拿刀往下切")
    assert [x["hand"] for x in s] == ["left", "right"] and s[1]["tool"] == "刀" and s[1]["action"].endswith("切")


# --- 5. spoken quantities -----------------------------------------------------------------------------
@pytest.mark.parametrize("text,name,value", [
    ("一分钟捶个六十来下", "rate_per_min", [54, 66]),
    ("每分钟转三十转", "rate_per_min", 30),
    ("转速一百二十转/分", "rate_per_min", 120),
    ("油熬到一百八上下", "temperature_c", [162, 198]),
    ("炉温九百", "temperature_c", 900),
    ("这一步要一刻钟", "duration_s", 900),
    ("焖个半个钟头", "duration_s", 1800),
    ("晾两天", "duration_s", 172800),
    ("得一个半小时", "duration_s", 5400),
    ("留一公分半", "length_mm", 15),
    ("长三寸", "length_mm", 99.99),
    ("宽三公分到四公分", "width_mm", [30, 40]),
    ("敲五十锤", "count", 50),
    ("刷三遍", "count", 3),
    ("贴六层", "count", 6),
    ("切十二块", "count", 12),
    ("搓三股", "count", 3),
    ("编八排", "rows", 8),
    ("灰和水二比一", "ratio", [2, 1]),
    ("称三斤", "weight_g", 1500),
])
def test_spoken_quantities(text, name, value):
    d = normalize(text, spec=SPEC).to_dict()
    got = {k: v for s in d["steps"] for k, v in s["params"].items()} or \
        {k: v for n in d["notes"] for k, v in n["params"].items()}
    assert got.get(name) == value, got


@pytest.mark.parametrize("text,name,value", [
    ("针距两毫米,哎不对不对,是三毫米", "spacing_mm", 3),
    ("刷四遍,不是四遍,是五遍", "count", 5),
    ("烧到七百度,说错了,八百度", "temperature_c", 800),
])
def test_correction_keeps_the_later_value(text, name, value):
    d = normalize(text, spec=SPEC).to_dict()
    got = [s["params"] for s in d["steps"]] + [n["params"] for n in d["notes"]]
    assert any(p.get(name) == value for p in got), got
    assert not any(p.get(name) not in (None, value) for p in got), got


# --- 6. prompts: plain clauses, no pasted fragment, no contradicting default, long durations as context
def test_prompt_is_a_plain_clause_for_any_verb():
    d = normalize("右手用木槌一下一下敲凿子,每分钟四十下左右", craft="东阳木雕", spec=SPEC).to_dict()
    p = d["prompt"]
    assert "右手用木槌" in p and "每分钟" in p and "将" not in p
    assert d["craft"] == "dongyangmudiao" and "雕刻" in p


def test_long_duration_is_context_not_motion():
    d = normalize("把酒醅蒸上三个钟头", spec=SPEC).to_dict()
    assert "此道工序实际约需3小时" in d["prompt"] and "持续10800秒" not in d["prompt"]


def test_no_default_material_against_what_was_said():
    d = normalize("用刀把泥片拍平", craft="紫砂", spec=SPEC).to_dict()
    assert "紫泥" not in d["prompt"] and "泥片" in d["prompt"]


def test_no_pasted_fragment_in_the_prompt():
    text = "嗯那个你看啊,左手扶着竹筒,右手用刻刀顺着墨线一点一点往下刻,刻深两毫米"
    d = normalize(text, spec=SPEC).to_dict()
    assert "嗯那个" not in d["prompt"] and "一点一点往下" not in d["prompt"]
    assert "刻刀" in d["prompt"] and "深2毫米" in d["prompt"]


# --- the 云锦 walk (issue 11): a curator's craft and technique, normalized inside the archive ----------
@pytest.mark.django_db
def test_yunjin_walk_in_the_archive(client, curator):
    from archive.models import Category, Craft, Technique
    from generation.prompting.services import craft_key_for

    craft = Craft.objects.create(name="南京云锦", slug="nanjing-yunjin", category=Category.CRAFTSMANSHIP,
                                 region="江苏省南京市")
    Technique.objects.create(craft=craft, name="妆花", slug="zhuanghua")
    assert craft_key_for("zhuanghua") == "南京云锦"
    client.force_login(curator)
    text = "嗯,织妆花嘛,左手把小梭子从经线底下穿过去,右手拿竹筘往怀里打两下,一寸要织一百多梭。"
    r = client.post("/curator/normalize/", {"text": text, "technique": "zhuanghua", "action": "analyze"})
    html = r.content.decode()
    assert r.status_code == 200
    assert 'data-testid="craft-used">项目 云锦' in html
    prompt = html.split('data-testid="prompt">', 1)[1].split("</p>", 1)[0]
    assert "云锦" in prompt and "织" in prompt and "梭" in prompt
    for wrong in ("铁花", "打铁花", "绣针", "紫泥"):
        assert wrong not in prompt
    # the curator may name another craft; it is used as given
    r = client.post("/curator/normalize/", {"text": text, "technique": "zhuanghua", "craft": "滇南织锦",
                                            "action": "analyze"})
    assert 'data-testid="craft-used">项目 滇南织锦' in r.content.decode()


@pytest.mark.django_db
def test_curator_edits_the_prompt_by_hand_and_reverts(client, curator):
    client.force_login(curator)
    text = "右手拿锤子敲铜片,敲三十下。"
    form = {"text": text, "action": "preview", "step_count": "1", "s0-action": "敲", "s0-hand": "right",
            "s0-tool": "锤子", "s0-material": "铜片", "s0-p0-name": "count", "s0-p0-value": "30",
            "prompt_override": "一位铜匠用锤子敲打铜片三十下,特写镜头。"}
    html = client.post("/curator/normalize/", form).content.decode()
    assert 'data-testid="prompt">一位铜匠用锤子敲打铜片三十下,特写镜头。' in html and 'prompt-edited' in html
    html = client.post("/curator/normalize/", dict(form, action="revert")).content.decode()
    assert "prompt-edited" not in html and "右手用锤子敲铜片" in html


# --- nlp-tune: a verb-object compound names its own object (离合词) ----------------------------------
def test_verb_object_compound_gives_its_object():
    # 施釉: the glaze is what is worked; 投梭: the shuttle is the tool it moves
    s = steps("先拉坯,再施釉。")[-1]
    assert s["action"] == "施釉" and s["material"] == "釉"
    s = steps("接着投梭,一梭一梭往前送。")[0]
    assert s["action"] == "投梭" and s["tool"] == "梭"
    # a compound whose first character is itself a noun head (刀刻) is no verb-object compound
    for st in steps("刀刻的地方要深一点"):
        assert st.get("material") != "刻"


# --- nlp-tune: 就/才/便 between two predicates of one clause: two actions ----------------------------
def test_linking_adverb_between_two_predicates_starts_a_second_step():
    got = steps("豆子泡好了就下锅,煮半个钟头。")
    assert [s["action"] for s in got] == ["泡", "下锅", "煮"]
    assert got[0]["material"] == "豆子" and got[1]["tool"] == "锅"
    got = steps("漆晾透了才上色")
    assert [s["action"] for s in got] == ["晾透", "上色"]  # the result complement (透) is part of the action said
    # 就 with no second predicate after it starts nothing
    assert len(steps("这一步就好了")) <= 1


# --- nlp-tune: 上/下 at the head of a clause or after a modal is the verb, after a noun the place ----
def test_direction_word_as_verb_by_its_position():
    got = steps("这层底漆要上两遍,干透了再上面漆。")
    assert got[0]["action"] == "上"
    # after a noun 上 is where, not a step: one step only (刻)
    got = steps("在木板上刻")
    assert [s["action"] for s in got] == ["刻"]


# --- nlp-tune: a verb the spec keeps for needlework context (扎) is a verb for any other craft ------
def test_context_verb_is_an_open_verb_for_other_crafts():
    (s,) = steps("灯笼骨架拿竹条扎")
    assert s["action"] == "扎"


# --- nlp-tune: a verb inside a degree complement (V到/V得 …) is how far, not a second action --------
def test_degree_complement_verb_is_no_action():
    assert [(s["action"], s["material"]) for s in steps("面要揉到不粘手")] == [("揉", "面")]
    assert [s["action"] for s in steps("皮子晒得发硬")] == ["晒"]
    # 到 before a noun is where the thing goes: the verb stays the action, the place is kept
    (s,) = steps("把坯子放到架子上")
    assert s["action"].startswith("放") and s["material"] == "坯子"


# --- nlp-tune: serial verbs: V1 … 拿/用 X V2 is two steps, the tool goes to the second ---------------
def test_serial_verb_phrase_with_a_tool_lead_is_two_steps():
    got = steps("面团放在案板上拿擀面杖擀")
    assert [s["action"] for s in got] == ["放在", "擀"]
    assert got[1]["tool"] == "擀面杖" and got[0]["tool"] != "擀面杖" and got[0]["material"] == "面团"
    # 用 + tool with no verb after it is how the verb before it is done: one step
    got = steps("刨木头要用刨子")
    assert len(got) == 1 and got[0]["tool"] == "刨子"


# --- nlp-tune: X手 at the head of a clause before a verb is the person, not the action ---------------
def test_agent_noun_before_a_verb_is_not_the_action():
    got = steps("鼓手坐在台前,两手抬平")
    assert got[0]["action"] == "坐" and all(s["action"] != "鼓手" for s in got)


# --- nlp-tune: the tool taken in hand is what the next step works with -------------------------------
def test_held_tool_carries_to_the_next_step_of_the_same_hand():
    got = steps("右手握住木槌,朝着桩子砸下去")
    assert got[-1]["action"] == "砸" and got[-1]["tool"] == "木槌" and got[-1]["hand"] == "right"
    # another hand's step does not take it
    got = steps("右手拿起梳子,左手按住头发")
    assert got[1]["hand"] == "left" and got[1]["tool"] is None


# --- nlp-tune: a compound jieba tags as a name (木锤/nr) is a noun by its head character ------------
def test_name_tagged_compound_headed_by_a_tool_is_a_noun():
    got = steps("皮子铺在案板上拿木锤砸")
    assert got[-1]["action"] == "砸" and got[-1]["tool"] == "木锤"


# --- nlp-tune: after 拿/用, two single characters ending in a tool character are one tool word -------
def test_tool_word_split_by_the_tokenizer_is_joined_after_a_tool_lead():
    (s,) = steps("右手拿排刷顺着木纹刷")
    assert s["tool"] == "排刷" and s["hand"] == "right" and s["action"] == "刷"
    (s,) = steps("用竹刷往下刷")  # 竹 alone is a noun: the tool word still takes its head
    assert s["tool"] == "竹刷"
    (s,) = steps("用线缝")  # one character with no tool head after it stays what it is
    assert s["material"] == "线"


# --- nlp-tune: for crafts the spec does not describe, the fixture a thing goes into is the tool -------
def test_fixture_in_a_relation_is_the_tool_for_other_crafts():
    s = steps("铜丝往拉丝板的小眼里穿")[-1]
    assert s["tool"] == "拉丝板"


@pytest.mark.parametrize("craft, text", [
    ("蒙古族长调民歌", "先吸一大口气,一个字拖上七八秒,嗓子里带着颤。"),
    ("川江号子", "领头的喊一句,大伙跟着应一声,脚下一步一步踩稳。"),
])
def test_a_song_is_sung_not_played(craft, text):
    """A vocal craft's prompt shows a singer whose face and breath the shot can see, never a player's
    fingers on an instrument (the catalogue's music scene), whatever the steps are."""
    prompt = normalize(text, craft=craft, spec=SPEC).to_dict()["prompt"]
    assert "演唱者" in prompt and "演唱示范" in prompt, prompt
    assert "演奏" not in prompt and "乐器" not in prompt, prompt


def test_an_instrumental_craft_keeps_the_players_scene():
    prompt = normalize("左手按弦,右手拨弦,一拨一按要跟上。", craft="古琴艺术", spec=SPEC).to_dict()["prompt"]
    assert "演奏者" in prompt and "乐器" in prompt, prompt
