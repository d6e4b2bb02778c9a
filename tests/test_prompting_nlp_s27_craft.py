"""Craft detection from free text (s27-craft, ``generation/prompting/craft.py`` ``detect``): an action (spreading,
drying, coating) is done in many crafts, listed or not, so one action of a craft's own is no proof that a text is
about that craft; a thing of its own, its name, or two actions of its own are. Every sentence here is written for
these tests (none is from an evaluation or probe file)."""
import pytest

from generation.prompting import normalize
from generation.prompting import craft as craft_mod
from generation.prompting.spec import default_spec

SPEC = default_spec()


def detected(text):
    d = normalize(text, spec=SPEC).to_dict()
    return d["craft"] if d["craft_source"] == "detected" else None


@pytest.mark.parametrize("text,was", [
    # 柿饼 (not in the catalogue): 小刀 and 晒干 are shared words, 摊开 an action listed only under 剪纸
    ("柿子削了皮拿小刀划个十字,一个个摊开摆在竹席上晒干,晒半个月再捏扁。", "jianzhi"),
    # a wooden comb (not in the catalogue): 水砂纸 and 生漆 are shared, 阴干 an action listed only under 漆器
    ("做木梳先锯出梳齿,拿水砂纸磨光,刷一遍生漆,放在阴凉处阴干。", "qiqi"),
    # a shoe insole: the same generic words of cutting and drying
    ("鞋垫铺开,拿小刀裁齐边,摊开晒干再纳底。", "jianzhi"),
])
def test_a_craft_not_in_the_catalogue_told_in_generic_words_gets_no_craft(text, was):
    """Each was read as ``was`` (its scene and defaults in the prompt) from shared words and one action of its own."""
    d = normalize(text, spec=SPEC).to_dict()
    assert d["craft"] is None and d["craft_source"] == "none", (was, d["craft"])
    assert all(not s["defaults"] for s in d["steps"]), d["steps"]


def test_one_own_action_was_what_decided():
    """The same text, with one own action taken as proof (the rule off), is read as 剪纸."""
    text = "柿子削了皮拿小刀划个十字,一个个摊开摆在竹席上晒干,晒半个月再捏扁。"
    old = craft_mod.OWN_ACTIONS
    try:
        craft_mod.OWN_ACTIONS = 1
        assert detected(text) == "jianzhi"
    finally:
        craft_mod.OWN_ACTIONS = old


@pytest.mark.parametrize("text,key", [
    # the craft named: its name is its own, whatever its other words are
    ("剪纸先把红纸折叠三次,拿剪刀剪出花样再展开。", "jianzhi"),
    # three actions of one craft's own, no name and no thing: still that craft
    ("拍打要匀,装嘴装把要正,压光要细。", "zisha"),
    ("刀坯先淬火,再开刃,开刃以前要折叠锻打十几回。", "longquanjian"),
])
def test_a_named_craft_or_several_actions_of_its_own_are_still_detected(text, key):
    assert detected(text) == key
