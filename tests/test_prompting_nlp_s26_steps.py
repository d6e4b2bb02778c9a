"""Missed steps (s26-steps): one character jieba tags a classifier, a numeral or a morpheme (套/q, 种/m, 杵/zg) standing
where a predicate stands, before a verb complement (``extract._verb_before_complement``).
Sentences written for these tests; those marked 'old:' failed on the code before the rule (old output in the comment)."""
import pytest

from tests.prompting_steps import surfaces


@pytest.mark.parametrize("text, verb", [
    # old: [] (套/q after the adverb 也, before 上 + the thing put on)
    ("冬天干活两只手也套上棉手套，不然冻裂口子。", "套"),
    # old: ['浇'] (种/m after a personal pronoun, before 下 + a counted object)
    ("开春以后他种下三棵桃树，每年浇两回水。", "种"),
    # old: ['晾干'] (码/n after a manner verb + 着: V1着V2)
    ("砖坯一块一块竖着码在架子上晾干。", "码"),
    # old: ['搁'] (杵/zg after 竖着, before 在 + a place; 杵 also heads a tool's name)
    ("扁担竖着杵在门后，箩筐搁在地上。", "杵"),
    # old: [] (套/q after a count said twice, 'one by one', before 在 + a place)
    ("铁环一个个套在竹竿上", "套"),
])
def test_character_in_a_predicates_place_before_a_complement_is_the_verb(text, verb):
    said = surfaces(text)
    assert verb in said, said


@pytest.mark.parametrize("text", [
    "柿饼切好了，一块块码在竹匾里。",  # (already a step before the rule: the rule keeps it)
    "这种手偶是套在手腕上的，手指头一动偶就动。",
])
def test_steps_kept(text):
    said = surfaces(text)
    assert "码" in said or "套" in said, said


@pytest.mark.parametrize("text, not_step", [
    # a noun character opening its clause is its subject (洞/n: 洞开/v in jieba's dictionary)
    ("洞在正中间，要钻透。", "洞"),
    # after a noun, 上 closes a place where the next verb is done
    ("庙会上唱戏，台下人挤人。", "庙"),
    # after a noun subject, a direction compound is how the subject moves by itself, no step of the hands
    ("月亮升起来就收网，鱼篓挂在船头。", "升"),
    # a noun counted once before 在 is the subject (一块块 + a noun, not one by one)
    ("一块块石头在河里。", "石"),
])
def test_no_step_where_a_subject_stands(text, not_step):
    said = surfaces(text)
    assert not any(s.startswith(not_step) for s in said), said


# (s26-steps) 点, jieba's numeral ('a bit'), where no amount can stand: opening its clause with only its object after it,
# after a manner adverb before a direction or a verb, after a place closed by its localizer before a one-character verb
@pytest.mark.parametrize("text", [
    "点豆花,豆浆煮开了先舀到桶里。",  # old: ['煮开', '舀']
    "右手拿小槌轻轻点下去，声音要脆。",  # old: ['下去']
    "拿竹签在泥坯上点戳，戳出一排小眼。",  # old: ['戳'] (now the touch and the stroke: 点戳)
])
def test_dot_where_no_amount_stands_is_the_touch(text):
    said = surfaces(text)
    assert any(s.startswith("点") for s in said), said


@pytest.mark.parametrize("text", [
    "再放点盐，搅匀。",  # after a verb: a bit
    "火小了就多加点柴。",
    "有点咸，再兑点水。",
    "点心蒸好了端上桌。",  # a word of its own
])
def test_dot_as_a_bit_stays(text):
    said = surfaces(text)
    assert not any(s.startswith("点") for s in said), said
