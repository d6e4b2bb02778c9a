"""What a step works, named as its verb's object (branch nlp-objects, issue 11; ``roles._named_work``,
``carry._carry_dropped_object``). The annotation convention: the material is what the step acts on, the song
sung and the dance danced included (唱盘王歌 → 盘王歌). A craft word or technique term after an open verb,
closing its clause, is that thing (夹着花丝), and so is a dance, song, tune or step by its name's last character
(跳长鼓舞/i, 唱起长调) even where jieba does not know it as a noun; what V成/V出 yields is no such object. A form
performed is no thing that a later step of the sentence takes up (走梅花步,再上桩: 上桩 works no 梅花步).
Every sentence here is written for these tests (none is from an evaluation or probe file)."""
import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec

SPEC = default_spec()


def steps(text):
    return normalize(text, spec=SPEC).to_dict()["steps"]


def step(text, action):
    found = [s for s in steps(text) if s["action"] == action]
    assert found, (action, steps(text))
    return found[0]


@pytest.mark.parametrize("text,action,material", [
    # 传统舞蹈: the dance danced, not the ground gone round (火塘) nor the dancer (新娘子)
    ("姑娘们围着火塘跳竹竿舞。", "跳", "竹竿舞"),
    ("新娘子跳芦笙舞。", "跳", "芦笙舞"),
    ("先跳摆手舞,跳完了再唱梯玛歌。", "跳", "摆手舞"),
    # 传统音乐: the tune sung
    ("阿妈坐在毡房里唱起长调。", "唱起", "长调"),
    # 传统技艺: a craft's own stuff the lexicon lists as a technique term, held by a tool
    ("师傅左手拿镊子夹着花丝。", "夹", "花丝"),
])
def test_a_named_thing_after_an_open_verb_is_its_material(text, action, material):
    assert step(text, action)["material"] == material


@pytest.mark.parametrize("text,action,result", [
    ("他屈膝蹲成马步。", "蹲", "马步"),       # 传统体育: the stance reached
    ("匠人千锤万打出金箔。", "打出", "金箔"),  # 传统技艺: the thing made
])
def test_what_a_verb_yields_is_not_its_material(text, action, result):
    assert step(text, action)["material"] != result


@pytest.mark.parametrize("text,action,form", [
    ("舞狮的人先走梅花步,再上桩。", "上桩", "梅花步"),  # 传统体育、游艺与杂技
    ("演员先走圆场步,再甩水袖。", "甩", "圆场步"),      # 传统戏剧
])
def test_a_form_performed_is_not_carried_to_the_next_step(text, action, form):
    assert step(text, action)["material"] != form


@pytest.mark.parametrize("text,action,material", [
    ("他剪下一块巴掌大的红布。", "剪", "红布"),        # 传统美术 (剪纸): not 巴掌
    ("揉好一团拳头大的面。", "揉", "面"),              # 传统技艺 (面食): not 拳头
    ("师傅搓着一根指头粗的麻绳。", "搓", "麻绳"),      # 传统技艺 (绳编): not 指头
])
def test_a_size_said_by_another_thing_names_no_object(text, action, material):
    """N + 大/粗/长… + 的 says how big the noun after 的 is: that noun is what the verb works."""
    assert step(text, action)["material"] == material


@pytest.mark.parametrize("text,action,material", [
    ("祭台上再插上新的旗子。", "插", "旗子"),          # 民俗
    ("伤口洗净了换上干净的纱布。", "换上", "纱布"),    # 传统医药
    ("筐沿上再编上新的竹篾。", "编上", "竹篾"),        # 传统技艺 (竹编)
])
def test_an_adjective_and_de_before_the_object_are_skipped(text, action, material):
    """V + adjective + 的 + N: N is what the verb works (the material was None, 竹篾 the tool)."""
    assert step(text, action)["material"] == material


def test_a_result_described_by_an_adjective_is_not_the_material():
    """V出 + adjective + 的 + N makes N (「推出匀匀的褶子」): not what is worked."""
    assert step("拿拇指往两边推出匀匀的褶子。", "推出")["material"] != "褶子"
