"""Unit tests of the pure-Python normalizer: quantities, units, ranges, traditional characters,
fillers, warnings, order, defaults, prompt rendering and the API's shape."""
import pytest

from generation.prompting import normalize, render_prompt
from generation.prompting.extract import tokenize
from generation.prompting.quantities import parse_cn_number
from generation.prompting.spec import default_spec
from generation.prompting.tokens import normalize_chars

SPEC = default_spec()


def params_of(text, technique=None):
    return [s["params"] for s in normalize(text, technique, spec=SPEC).to_dict()["steps"]]


def quantities(text):
    from generation.prompting.tokens import finder_for

    return [(q.name, q.value) for q in finder_for(SPEC).find(normalize_chars(text))]


# --- the seed example ---------------------------------------------------------------------------
def test_seed_example():
    d = normalize("哎呀那个针要斜一点进去,不然容易断。", "suxiu-zhengqiang", spec=SPEC).to_dict()
    (step,) = d["steps"]
    assert step["action"] == "进针" and step["tool"] == "绣针"
    assert step["params"] == {"angle_deg": 30, "needle_no": 12, "speed_mm_s": 2}
    assert sorted(step["defaults"]) == ["angle_deg", "needle_no", "speed_mm_s"]  # nothing here was spoken
    assert step["notes"] == ["不然容易断"] and d["warnings"] == ["不然容易断"]
    assert "嗯" not in d["text"][step["start"]:step["end"]] and "哎呀" not in d["text"][step["start"]:step["end"]]
    assert "12号绣针" in d["prompt"] and "30°" in d["prompt"] and "每秒2毫米" in d["prompt"]


# --- quantities before segmentation ------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("斜30°进针", [("angle_deg", 30)]),
    ("间距0.5mm", [("spacing_mm", 0.5)]),
    ("用十二号针", [("needle_no", 12)]),
    ("用8号线", [("thread_no", 8)]),
    ("两三毫米长", [("length_mm", [2, 3])]),
    ("三到五度", [("angle_deg", [3, 5])]),
    ("二十来度", [("angle_deg", [18, 22])]),
    ("三十度左右", [("angle_deg", [27, 33])]),
    ("宽两厘米", [("width_mm", 20)]),
    ("深1.5mm", [("depth_mm", 1.5)]),
    ("厚零点八毫米", [("thickness_mm", 0.8)]),
    ("每秒两毫米", [("speed_mm_s", 2)]),
    ("2mm/s", [("speed_mm_s", 2)]),
    ("烧二十分钟", [("duration_s", 1200)]),
    ("一个多小时", [("duration_s", [3600, 7200])]),
    ("煮个半小时", [("duration_s", 1800)]),
    ("十几分钟", [("duration_s", [660, 1140])]),
    ("铁水一千六百度", [("temperature_c", 1600)]),
    ("烧到八百度", [("temperature_c", 800)]),
    ("温度七八十度", [("temperature_c", [70, 80])]),
    ("800℃", [("temperature_c", 800)]),
    ("每分钟打二十下", [("rate_per_min", 20)]),
    ("绣六排", [("rows", 6)]),
    ("刷三遍", [("count", 3)]),
    ("劈成十六分之一", [("thread_split", 16)]),
    ("丝线取1/16", [("thread_split", 16)]),
    ("劈成八股", [("thread_split", 8)]),
    ("五到三度", [("angle_deg", [3, 5])]),
    # data/eval/README.md: count covers 次、下、遍、层、块、锤、道、根、个…; 一 with a movement's
    # classifier is one event (「拍一下醒木」), with a thing's it is the article (几张纸: no number)
    ("按一下", [("count", 1)]),
    ("三四个角", [("count", [3, 4])]),
])
def test_quantities(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text", ["斜一点进去", "一针一线", "一点点", "千万别断", "有一点斜", "几张纸", "拿一张纸",
                                  "按一下就松手", "一下一下地按"])
def test_not_quantities(text):
    assert quantities(text) == []


def test_cn2an_only_on_spans_never_whole_text():
    d = normalize("针要斜一点进去,一针一针地绣", spec=SPEC).to_dict()
    assert d["text"] == "针要斜一点进去,一针一针地绣"
    assert "斜1点" not in d["prompt"]


def test_parse_cn_number_ranges():
    assert parse_cn_number("两三") == (2.0, 3.0)
    assert parse_cn_number("二三十") == (20.0, 30.0)
    assert parse_cn_number("十一二") == (11.0, 12.0)
    assert parse_cn_number("二十几") == (21.0, 29.0)
    assert parse_cn_number("一百二十") == 120.0
    assert parse_cn_number("零点五") == 0.5
    assert parse_cn_number("点") is None


def test_jieba_alone_would_split_quantities_but_we_keep_them_whole():
    words = [t[2] for t in tokenize(SPEC, "斜30°0.5mm十二号针")]
    assert "30°" in words and "0.5mm" in words and "十二号" in words and "针" in words


# --- characters, fillers, warnings, order ----------------------------------------------------------
def test_traditional_characters_map_to_simplified_and_spans_stay_on_the_input():
    text = "上繃的時候要把緞子繃平,四邊用繃釘釘住。"
    d = normalize(text, spec=SPEC).to_dict()
    assert d["steps"][0]["action"] == "上绷" and "绷钉" in [s["tool"] for s in d["steps"]]
    assert [t["text"] for t in d["terms"]] == ["上繃", "緞子", "繃釘"]
    assert all(text[t["start"]:t["end"]] == t["text"] for t in d["terms"])
    assert len(normalize_chars(text)) == len(text)


def test_full_width_digits():
    assert quantities("斜３０度") == [("angle_deg", 30)]


def test_fillers_never_make_a_step():
    d = normalize("嗯……那个,就是说,对吧,你知道,哎呀。", spec=SPEC).to_dict()
    assert d["steps"] == [] and d["warnings"] == ["未识别出动作步骤"]


def test_steps_in_order_with_markers():
    d = normalize("第一步劈丝,第二步穿针,第三步绣,最后收针。", spec=SPEC).to_dict()
    assert [s["action"] for s in d["steps"]] == ["劈丝", "穿针", "绣", "收针"]
    assert [s["order"] for s in d["steps"]] == [1, 2, 3, 4]
    d = normalize("先劈丝再穿针然后绣", spec=SPEC).to_dict()
    assert [s["action"] for s in d["steps"]] == ["劈丝", "穿针", "绣"]


def test_before_reorders():
    d = normalize("穿针之前要先劈丝,劈成两三股。", spec=SPEC).to_dict()
    assert [s["action"] for s in d["steps"]] == ["劈丝", "穿针"]
    assert d["steps"][0]["params"] == {"thread_split": [2, 3]}


def test_topic_then_how():
    d = normalize("点蓝嘛,拿蓝枪舀一点釉料。", "jingtailan", spec=SPEC).to_dict()
    assert [(s["action"], s["tool"], s["material"]) for s in d["steps"]] == [("点蓝", "蓝枪", "珐琅釉")]
    d = normalize("先劈丝,再拿针。", "suxiu", spec=SPEC).to_dict()
    assert [s["action"] for s in d["steps"]] == ["劈丝", "拿"]


def test_same_action_again_merges_and_new_tool_repeats_it():
    d = normalize("先在木胎上披麻,干了以后刮灰,刮三遍。", "qiqi", spec=SPEC).to_dict()
    assert [s["action"] for s in d["steps"]] == ["披麻", "刮灰"] and d["steps"][1]["params"] == {"count": 3}
    d = normalize("磨光先用砂石磨,再用黄石,最后用木炭打磨。", "jingtailan", spec=SPEC).to_dict()
    assert [(s["action"], s["tool"]) for s in d["steps"]] == [("磨光", "砂石"), ("磨光", "黄石"), ("磨光", "木炭")]


def test_hand_tool_material_relation():
    d = normalize("左手拿绷子,右手用十二号针沿着花瓣边缘扎下去。", "suxiu", spec=SPEC).to_dict()
    first, second = d["steps"]
    assert (first["hand"], first["action"], first["tool"]) == ("left", "拿", "绣绷")
    assert (second["hand"], second["action"], second["tool"]) == ("right", "进针", "绣针")
    assert second["relation"] == "沿着花瓣边缘"
    assert second["params"]["needle_no"] == 12 and "needle_no" not in second["defaults"]


def test_both_hands():
    d = normalize("两只手拿着花棒", "datiehua", spec=SPEC).to_dict()
    assert d["steps"][0]["hand"] == "both"


def test_warning_before_any_step_attaches_to_first_step():
    d = normalize("小心别扎到手。先劈丝。", spec=SPEC).to_dict()
    assert d["steps"][0]["notes"] == ["小心别扎到手"]


# --- defaults: recorded as defaults, per technique, craft, global ---------------------------------
def test_spoken_value_wins_over_vague_default():
    (p,) = params_of("刀要斜一点,大概四十五度,斜着拿", "laran-dianla")
    assert p["angle_deg"] == 45


def test_defaults_fall_back_technique_craft_global():
    assert SPEC.level_value("spacing_mm", "dense", "suxiu-zhengqiang", "suxiu") == 0.5  # technique
    assert SPEC.level_value("spacing_mm", "dense", "suxiu-other", "suxiu") == 0.3  # craft
    assert SPEC.level_value("spacing_mm", "dense", None, None) == 1  # global
    d = normalize("针脚密一点,绣", craft="苏绣", spec=SPEC).to_dict()
    assert d["steps"][0]["params"]["spacing_mm"] == 0.3 and "spacing_mm" in d["steps"][0]["defaults"]
    # free text too short to tell the craft: no default at all, never another craft's
    d = normalize("针脚密一点,绣", spec=SPEC).to_dict()
    assert d["craft"] is None and "spacing_mm" not in d["steps"][0]["params"]
    d = normalize("针脚密一点,绣", "suxiu-zhengqiang", spec=SPEC).to_dict()
    assert d["steps"][0]["params"]["spacing_mm"] == 0.5


def test_craft_from_slug_alias_and_terms():
    assert SPEC.craft_for("miaozu-laran") == "laran"
    assert SPEC.craft_for("laran-dianla") == "laran"
    assert SPEC.craft_for("jingtailan-qiasi") == "jingtailan"
    assert SPEC.craft_for("苏绣") == "suxiu"
    assert SPEC.craft_for("unknown-thing") is None
    # free text: a craft is detected only when its words clearly lead (issue 11: no vote of one word)
    assert normalize("点蜡用铜刀", spec=SPEC).craft is None
    assert normalize("蜡染嘛,先点蜡,用铜刀蘸蜡液画在土布上", spec=SPEC).craft == "laran"
    assert normalize("点蜡用铜刀", craft="苗族蜡染", spec=SPEC).craft == "laran"


def test_ambiguous_form_resolved_by_craft():
    d = normalize("掐丝的时候丝要立着", "jingtailan", spec=SPEC).to_dict()
    assert d["steps"][0]["material"] == "铜丝"
    d = normalize("先劈丝,丝要细", "suxiu", spec=SPEC).to_dict()
    assert d["steps"][0]["material"] == "丝线"


# --- prompts ------------------------------------------------------------------------------------
def test_render_prompt_per_technique_with_camera_and_slow_motion():
    d = normalize("先把红纸对折两三次,再用剪刀沿着画稿剪出锯齿纹。", "jianzhi-yinke", spec=SPEC).to_dict()
    prompt = render_prompt(d, spec=SPEC)
    assert prompt.startswith("一位剪纸传承人") and "俯拍镜头" in prompt and "慢动作" in prompt
    assert "第1步" in prompt and "第2步" in prompt and "2–3次" in prompt and "剪刀" in prompt
    assert "微距镜头" in render_prompt(d, "macro", spec=SPEC)
    with pytest.raises(ValueError):
        render_prompt(d, "fisheye", spec=SPEC)


def test_render_prompt_per_step():
    d = normalize("先劈丝,再用十二号针扎下去", "suxiu", spec=SPEC).to_dict()
    one = render_prompt(d, step=2, spec=SPEC)
    assert "12号绣针" in one and "劈丝" not in one and "第1步" not in one and one.startswith("一位苏绣传承人")
    with pytest.raises(ValueError):
        render_prompt(d, step=9, spec=SPEC)


def test_render_prompt_is_derived_from_the_structure():
    d = normalize("右手用十二号针斜着扎下去", "suxiu", spec=SPEC).to_dict()
    d["steps"][0]["params"]["needle_no"] = 9
    assert "9号绣针" in render_prompt(d, spec=SPEC)


def test_to_dict_is_the_cli_contract():
    d = normalize("先劈丝", spec=SPEC).to_dict()
    assert list(d)[:6] == ["spec_version", "text", "terms", "steps", "prompt", "warnings"]
    assert d["spec_version"] == "1.1.0"
    step = d["steps"][0]
    for key in ("order", "hand", "action", "tool", "material", "params", "defaults", "start", "end"):
        assert key in step


def test_normalize_rejects_bytes():
    with pytest.raises(TypeError):
        normalize(b"\xe5\x8a\x88")


# --- spec data ----------------------------------------------------------------------------------
def test_lexicon_size_categories_sources():
    lex = SPEC.doc["lexicon"]
    terms = lex["terms"]
    assert len(terms) >= 200
    crafts = {c for t in terms for c in t["crafts"]} - {"general"}
    assert len(crafts) >= 8
    assert {t["category"] for t in terms} == {"technique", "tool", "material", "action", "body"}
    assert all(t["source"] in lex["sources"] for t in terms)
    assert any(t["traditional"] for t in terms)
