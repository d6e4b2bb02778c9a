"""The craft named in free text (branch nlp-craft, ``generation/prompting/craft.py``): a name is weighed by its role
and position. A name said in passing (a time, a comparison or negation, a thing handled, the modifier of another
noun away from the opening) does not make the text that craft's; several words of one craft beat one name of
another said in passing; when no craft clearly leads the answer is "unsure" (no craft, a neutral scene, no
craft-specific defaults). Every sentence here is written for these tests (none is from an evaluation or probe
file); the crafts are of eight categories."""
import pytest

from generation.prompting import normalize
from generation.prompting.craft import ASIDE, OPENING, PASSING, PLAIN, name_role
from generation.prompting.spec import default_spec

SPEC = default_spec()


def detected(text):
    d = normalize(text, spec=SPEC).to_dict()
    return d["craft"] if d["craft_source"] == "detected" else None


@pytest.mark.parametrize("text,named", [
    # a festival said as a time (民俗)
    ("山楂要中秋前后摘,摘回来切成片,摊在竹匾上晒干。", "zhongqiu"),
    # a comparison: 跟…不一样 (传统戏剧), 比 (传统音乐), 像…一样 (传统体育), 跟…一样 (曲艺)
    ("唱腔跟京剧不一样,拖腔要长,一口气唱下来。", "jingju"),
    ("定弦比二胡低五度,右手拉弓要慢,左手揉弦。", "erhu"),
    ("扎马步要像练太极拳一样沉住气,膝盖别过脚尖。", "taijiquan"),
    ("说书的时候醒木一拍,跟相声演员一样先压住场子。", "xiangsheng"),
    # a negation (传统美术)
    ("这不是苏绣,针脚粗,拿大针一针一针往下扎。", "suxiu"),
    # a thing taken and used (传统技艺)
    ("拿一张宣纸垫在底下,右手握着拓包一下一下拍。", "xuanzhi"),
    # the modifier of another noun, away from the opening (传统美术)
    ("先把泥揉熟,再捏出手脚,最后上色。这手艺是跟唐卡的老师傅学的。", "tangka"),
])
def test_a_name_said_in_passing_does_not_make_the_text_that_craft(text, named):
    """Each of these was read as the craft it names in passing (its scene and defaults in the prompt)."""
    d = normalize(text, spec=SPEC).to_dict()
    assert d["craft"] is None and d["craft_source"] == "none", (named, d["craft"])
    assert all(not s["defaults"] for s in d["steps"]), d["steps"]


def test_a_name_said_in_passing_gives_the_neutral_scene():
    d = normalize("定弦比二胡低五度,右手拉弓要慢,左手揉弦。", spec=SPEC).to_dict()
    assert d["craft_name"] is None
    assert "二胡艺术" not in d["prompt"] and "演奏" not in d["prompt"], d["prompt"]


def test_three_words_of_one_craft_beat_a_name_of_another_said_in_a_comparison():
    """捞纸, 纸帘, 纸槽 are 宣纸's words; 二胡 is only what the work is compared with (jieba cuts 「比拉|二胡」:
    the comparison's 比 glued to the verb after it still counts)."""
    assert detected("捞纸的时候纸帘要平,一抄一抬,抄完放到纸槽边上,这活比拉二胡还难。") == "xuanzhi"


def test_the_name_in_the_opening_beats_a_name_said_in_a_comparison():
    assert detected("皮影的牛皮要先泡软刮薄,刮皮的刀跟剪纸用的刻刀差不多。") == "piyingxi"


@pytest.mark.parametrize("text,key", [
    ("剪纸先把红纸对折,拿剪刀沿着画好的线剪,剪完再展开。", "jianzhi"),   # the topic, first word
    ("评剧的唱腔讲究字正腔圆。", "pingju"),                                # a modifier in the opening
    ("端午那天一早去河边,龙舟下水,鼓手坐船头,桨手跟着鼓点一齐划。", "duanwu"),  # a time, and its 龙舟
    ("你看过皮影吗?皮影的牛皮要先刮薄。", "piyingxi"),                     # seen once, then the topic
])
def test_a_name_that_is_the_topic_is_still_detected(text, key):
    assert detected(text) == key


def test_two_crafts_named_alike_are_unsure():
    assert detected("上午学剪纸,下午学皮影,两样都得天天练。") is None


def test_name_roles_by_position():
    """The roles themselves, on tokens as jieba would give them."""
    tags = SPEC.pos_tags()
    words = ["这", "活", "跟", "京剧", "不一样", ",", "评剧", "的", "唱腔", "长"]
    kinds = [None, "V", None, "A", None, "P", "A", None, "N", None]
    assert name_role(words, kinds, 3, True, tags) == ASIDE
    assert name_role(words, kinds, 6, True, tags) == OPENING
    assert name_role(words, kinds, 6, False, tags) == PLAIN  # opens its clause: the clause's topic
    words = ["学", "的", "是", "评剧", "的", "唱腔"]
    kinds = ["V", None, None, "A", None, "N"]
    assert name_role(words, kinds, 3, False, tags) == PASSING
    words = ["拿", "一张", "宣纸", "垫", "着"]
    kinds = ["L", None, "A", "V", None]
    assert name_role(words, kinds, 2, True, tags) == PASSING
    words = ["中秋", "前后", "摘"]
    kinds = ["A", None, "V"]
    assert name_role(words, kinds, 0, True, tags) == PASSING
