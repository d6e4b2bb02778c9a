"""nlp-material, second pass (issue 11): an instrument, vessel or prop that is played or moved is what the step
works, its material, not what with. Sentences of this file's own, none from an evaluation or probe file."""
import pytest

from generation.prompting import normalize


def _steps(text):
    return normalize(text).to_dict()["steps"]


def _step(text, action):
    steps = [s for s in _steps(text) if s["action"] == action]
    assert steps, _steps(text)
    return steps[0]


# 1. What a striking verb (打, 敲, 击, 拍…) plays: an instrument, clapper or vessel held or struck (no implement
# that works another thing), with no other thing struck in the clause (a beat kept is none), is the material.
@pytest.mark.parametrize("text, action, material", [
    ("唱快板的右手打着竹板。", "打", "竹板"),                  # 快板书
    ("说书人左手执铜板打节拍。", "打", "铜板"),                # 山东快书
    ("老艺人以鱼鼓击节。", "击节", "鱼鼓"),                    # 道情
    ("鼓师先用左手打板,右手再敲鼓。", "打板", "板"),           # 京剧锣鼓
    ("艺人拿两块竹板打拍子。", "打", "竹板"),                  # 莲花落
])
def test_struck_instrument_is_material(text, action, material):
    step = _step(text, action)
    assert step["material"] == material and step["tool"] != material, step


@pytest.mark.parametrize("text, action, tool, material", [
    ("拿木槌打鼓。", "打鼓", "木槌", "鼓"),                    # an implement striking an instrument keeps its role
    ("拿扇子往桌上一敲。", "敲", "扇子", None),               # what a place names is struck: the fan strikes
    ("用小锤敲铜片。", "敲", "小锤", "铜片"),
])
def test_striking_implement_stays_tool(text, action, tool, material):
    step = _step(text, action)
    assert step["tool"] == tool, step
    if material is not None:
        assert step["material"] == material, step


# 2. A vessel, instrument or prop named before a verb that puts, hangs, throws or grips it (放, 挎, 扣, 抛, 攥…)
# is the thing moved: the material, even where its name says tool; an implement that works stays the tool.
@pytest.mark.parametrize("text, action, material", [
    ("手鼓斜挎在右肩上。", "挎", "手鼓"),                      # 维吾尔族手鼓
    ("瓷盘往桌上一扣。", "扣", "瓷盘"),                        # 瓷器
    ("琵琶竖放在琴架上。", "放在", "琵琶"),                    # 琵琶 (竖: jieba tags it a verb)
    ("铜盆搁在灶台上。", "搁", "铜盆"),                        # 铜器
    ("铜铃往上一抛。", "抛", "铜铃"),                          # 杂技
    # a prop the lexicon lists as a tool, opening the clause
    ("手绢往空中一抛。", "抛", "手绢"),                        # 东北秧歌
    ("绣球往台下一抛。", "抛", "绣球"),                        # 壮族抛绣球
    ("火把往地上一扔。", "扔", "火把"),                        # 彝族火把节
])
def test_handled_topic_is_material(text, action, material):
    step = _step(text, action)
    assert step["material"] == material and step["tool"] != material, step


@pytest.mark.parametrize("text, action, tool", [
    ("刻刀斜着往里进。", "进", "刻刀"),
    ("鼓槌往鼓面上一落。", "落", "鼓槌"),
])
def test_working_topic_stays_tool(text, action, tool):
    steps = [s for s in _steps(text) if s["action"] == action]
    if steps:
        assert steps[0]["tool"] == tool and steps[0]["material"] != tool, steps[0]


# 3. After a two-character verb, a name jieba cut into a one-character verb and a one-character noun closing the
# clause (哭|词, 拜|词) is the verb's object, the material; a hand verb, a direction or a one-character verb before
# stuff (加水, 上油) stays a verb with its object.
@pytest.mark.parametrize("text, action, material", [
    ("哭嫁的新娘吟唱哭词。", "吟唱", "哭词"),                  # 土家族哭嫁
    ("婚礼上歌师吟唱拜词。", "吟唱", "拜词"),                  # 婚俗
])
def test_name_cut_after_verb_is_material(text, action, material):
    assert _step(text, action)["material"] == material


@pytest.mark.parametrize("text, action, not_material", [
    ("先搅拌加水。", "搅拌", "加水"),
    ("揉匀上油。", "揉", "上油"),
])
def test_verb_and_stuff_after_verb_stay_apart(text, action, not_material):
    assert _step(text, action)["material"] != not_material


@pytest.mark.parametrize("text, action", [
    ("卖艺的先卖身葬父。", "卖身"),      # a verb-object word has its object: 葬|父 is a second verb, no name
])
def test_verb_object_word_takes_no_cut_name(text, action):
    steps = [s for s in _steps(text) if s["action"] == action]
    assert not steps or steps[0]["material"] != "葬父", steps


# 1b. Not every verb of 打/敲 strikes: 打眼 drills, 打斗 fights; the thing named stays where it was.
@pytest.mark.parametrize("text, action, not_material", [
    ("木架是先打眼再扣榫。", "打眼", "木架"),
    ("两个布袋木偶打斗。", "打斗", "斗"),
])
def test_other_work_of_strike_verbs(text, action, not_material):
    steps = [s for s in _steps(text) if s["action"] == action]
    assert not steps or steps[0]["material"] != not_material, steps


# 4. A thing named before a verb with 得 and the state it is brought to (烧得通红, 磨得飞快) is what the verb works,
# the material, even an instrument, as with the result said after the verb (烧红, 磨快).
@pytest.mark.parametrize("text, action, material", [
    ("铁锅先烧得通红。", "烧", "铁锅"),                        # 炒茶
    ("铜勺烧得滚烫,再舀糖稀。", "烧", "铜勺"),                  # 糖画
    ("镰刀磨得飞快。", "磨", "镰刀"),                          # 农事
])
def test_state_after_de_makes_topic_material(text, action, material):
    step = _step(text, action)
    assert step["material"] == material and step["tool"] != material, step


# guard: a vessel with a locative before the putting verb is where things are put, not the thing moved
@pytest.mark.parametrize("text", ["竹匾里摆上两层。", "铁锅里搁上两勺。"])
def test_vessel_with_locative_is_no_handled_topic(text):
    steps = _steps(text)
    assert steps and steps[0]["material"] not in ("竹匾", "铁锅"), steps
