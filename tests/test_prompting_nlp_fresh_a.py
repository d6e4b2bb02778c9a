"""Fresh writers' dev4 failures, round a (nlp-fresh-a): general rules, each with sentences written for this test,
none from the evaluation sets.

1. 把 + the object + a one-character verb + 进/在/到 (``resegment.ba_verb_char``, ``words.BA_VERB_NEXT``): jieba tags
   卡, 楔 nouns, and the character was glued onto the object as its last one (楔子卡, 铆钉楔), the step was 进 or none.
"""
import pytest

from generation.prompting import normalize
from tests.prompting_steps import terms as _terms


def _steps(text):
    return normalize(text).to_dict()["steps"]


@pytest.mark.parametrize("text, verb, material", [
    ("再把楔子卡进榫眼里。", "卡", "楔子"),
    ("先把竹钉卡在缝里。", "卡", "竹钉"),
    ("把铜片卡到槽里，再敲平。", "卡", "铜片"),
    ("匠人把铆钉楔进铁板。", "楔", "铆钉"),
    ("最后把鞋底纳在一起。", "纳", "鞋底"),
])
def test_ba_object_then_a_verb_character_and_where(text, verb, material):
    steps = _steps(text)
    assert steps, text
    assert steps[0]["action"].startswith(verb), steps
    assert steps[0].get("material") == material, steps


@pytest.mark.parametrize("text, verb, material", [
    ("把木楔塞进缝里。", "塞进", "木楔"),
    ("把钉子钉进木头。", "钉进", "钉子"),
])
def test_ba_object_with_a_verb_jieba_knows_is_unchanged(text, verb, material):
    steps = _steps(text)
    assert (steps[0]["action"], steps[0].get("material")) == (verb, material), steps


# 2. The name a text opens with (``names._opening_names``, ``words.OPENING_NAME_NEXT``): jieba's pieces of a name its
#    dictionary lacks, said first before 就/不用/是…, or as the object of the verb opening the text in a clause of its own.
@pytest.mark.parametrize("text, name", [
    ("说河洛大鼓,我右手拿鼓签,左手打钢板。", "河洛大鼓"),
    ("说潞安鼓书,俺右手敲鼓。", "潞安鼓书"),
    ("包装画就是在盒子上画。", "包装画"),
])
def test_the_name_a_text_opens_with_is_a_term(text, name):
    assert name in _terms(text), _terms(text)


@pytest.mark.parametrize("text, not_name", [
    ("让木偶站起来,先提头线。", "木偶站"),
    ("杀完青就揉捻。", "杀完青"),
    ("提捏进针,左手把皮捏起来。", "捏进针"),
    ("两个人就能抬起来。", "两个人"),
])
def test_no_opening_name_over_a_complement_a_causative_or_a_count(text, not_name):
    assert not any(not_name in t for t in _terms(text)), _terms(text)


# 3. Posture verbs shared out among people (``extract._posture_verb``, ``words.POSTURE_VERBS``/``POSTURE_PREFIXES``:
#    jieba's 分站/n, 各站/r), and a verb after 各/每/几 before a numeral word that counts what it takes
#    (``extract._counts_taken``: 各坐一边 was read as a classifier, 各层).
@pytest.mark.parametrize("text, verb", [
    ("几个鼓手分站两边，一齐敲鼓。", "站"),
    ("徒弟们分站两头，拉紧绳子。", "站"),
    ("两人各站一边，手里各拿一根竹竿。", "站"),
    ("他们各坐一边，对着唱。", "坐"),
    ("他们各扛一头，往前走。", "扛"),
    ("姑娘们各坐一条板凳，对着绣。", "坐"),
])
def test_a_posture_or_a_verb_shared_out_is_a_step(text, verb):
    steps = _steps(text)
    assert steps and verb in steps[0]["action"], steps


@pytest.mark.parametrize("text", ["这条线有三个分站。", "各层一样厚。"])
def test_no_step_from_a_station_or_a_classifier(text):
    assert not any(s["action"] in ("分站", "层") for s in _steps(text)), _steps(text)


# 4. A manner character jieba tags a verb (竖, 立, 松), opening its clause with one noun after it and nothing more, is the
#    verb (it was left kindless as the manner of 竖着/立着).
@pytest.mark.parametrize("text, verb, material", [
    ("接着再竖旗杆。", "竖", "旗杆"),
    ("然后立桅杆，挂上帆。", "立", "桅杆"),
    ("先松琴弦，再调音。", "松", "琴弦"),
])
def test_a_manner_verb_with_its_object_opening_the_clause(text, verb, material):
    steps = _steps(text)
    assert steps and (steps[0]["action"], steps[0].get("material")) == (verb, material), steps


def test_a_manner_said_of_fire_stays_no_step():
    assert _steps("先慢火，后大火。") == []


# 5. A foot or hand verb jieba tags a morpheme (踩/zg) after a limb, with 上/下/住 and where after it, is the verb.
@pytest.mark.parametrize("text, verb, material", [
    ("先一只脚踩上凳子。", "踩", "凳子"),
    ("他一只脚踩上门槛。", "踩", "门槛"),
])
def test_a_foot_verb_after_the_foot(text, verb, material):
    steps = _steps(text)
    assert steps and steps[0]["action"].startswith(verb) and steps[0].get("material") == material, steps


# 6. 跟 + a direction closing its clause is the verb of following (jieba's 跟上/f), not the preposition.
@pytest.mark.parametrize("text", ["左脚跟上，右脚再退。", "右脚先迈出去，左脚再跟上。", "后面的人就跟上。"])
def test_following_is_a_step(text):
    assert any(s["action"] == "跟上" for s in _steps(text)), _steps(text)


def test_follow_with_an_object_is_not_read_here():
    assert not any(s["action"] == "跟上" for s in _steps("跟上节奏。"))


# 7. A character and jieba's 一 + that character (点 + 一点/m) closing the clause: the verb said twice, done briefly.
@pytest.mark.parametrize("text", ["在布上点一点。", "每个眼里点一点，再晾干。"])
def test_a_verb_said_twice_across_jiebas_cut(text):
    steps = _steps(text)
    assert steps and steps[0]["action"] == "点", steps


def test_a_little_more_is_no_step():
    assert _steps("火再大一点。") == []


# 8. 在 + where + 上, then jieba's numeral 一点/m closing a clause with no verb: 一 + the stroke made there.
@pytest.mark.parametrize("text", ["右手在鼓心上一点。", "在鼓边上一点，鼓声就变了。"])
def test_a_stroke_on_a_place(text):
    steps = _steps(text)
    assert steps and "点" in steps[0]["action"], steps


@pytest.mark.parametrize("text", ["放在上面一点。", "在中间靠左一点。"])
def test_a_little_further_is_no_stroke(text):
    assert not any("点" in s["action"] for s in _steps(text)), _steps(text)


# 9. After a numeral + classifier, jieba's noun of a noun character + a verb character (火烧/n) before what only follows
#    a verb (了, 掉, 完…) is the counted thing and the verb (``resegment._resegment``).
@pytest.mark.parametrize("text", ["祭完了，纸船拖到河边一把火烧了。", "庙会散了，旧灯笼搬到空地上一把火烧了。"])
def test_a_fire_then_its_burning(text):
    assert any(s["action"].startswith("烧") for s in _steps(text)), _steps(text)
