"""Steps and roles the fresh writers' dev4 and dev6 lost (nlp-fresh-e), each a general rule.

Sentences written for this test, none from the evaluation sets."""
import pytest

from tests.prompting_steps import step_starting as _step
from tests.prompting_steps import steps as _steps


# (1) a verb that puts the thing into a vessel glued to the vessel (jieba's 装坛/n, 下锅/n): the word is the step,
# the vessel its tool
@pytest.mark.parametrize("text, verb, vessel", [
    ("最后装坛,加点盐。", "装坛", "坛"),
    ("跟红枣一块下锅,熬半天。", "下锅", "锅"),
    ("洗好了下锅。", "下锅", "锅"),
    ("晾透了装瓮,埋到地下。", "装", "瓮"),
])
def test_a_verb_glued_to_a_vessel_is_the_step_and_the_vessel_its_tool(text, verb, vessel):
    assert _step(text, verb)["tool"] == vessel


# (2) a thing jieba tags oddly: a word in 子 it reads as an idiom (槌子/i), a character its dictionary does not know
# (counted, before 的, after a preposition, or opening a clause before its verb): a noun
@pytest.mark.parametrize("text, verb, slot, thing", [
    ("右手拿根小槌子。", "拿", "tool", "小槌子"),
    ("槌子往鼓边上一磕。", "磕", "tool", "槌子"),
    ("先削个尜,尜搁地上。", "削", "material", "尜"),
    ("先削个尜,尜搁地上。", "搁", "material", "尜"),
    ("把尜削尖。", "削尖", "material", "尜"),
])
def test_a_thing_jieba_tags_oddly_is_a_noun(text, verb, slot, thing):
    assert _step(text, verb)[slot] == thing


# (3) 对准 + a thing before the verb: the thing aimed at is what the verb works, not a thing carried over
@pytest.mark.parametrize("text, verb, material", [
    ("对准木楔敲下去。", "敲", "木楔"),
    ("镊子夹住虫子,对准伤口往下一放。", "放", "伤口"),
])
def test_the_thing_aimed_at_is_worked(text, verb, material):
    assert _step(text, verb)["material"] == material


# (4) 把 + a character heading a stuff's name that jieba tags a verb (料/v) + the verb: the character is the object
@pytest.mark.parametrize("text, verb", [
    ("把料搁在案板上。", "搁"),
    ("把料倒进缸里。", "倒"),
])
def test_a_stuff_character_after_ba_is_the_object(text, verb):
    assert _step(text, verb)["material"] == "料"


# (5) a thing's move said with 就 (where it lands) whose verb the next clause says again after 再/又: two steps
@pytest.mark.parametrize("text, verb", [
    ("球就顺着胳膊滚到肩膀上,再从后背滚到右边胳膊上。", "滚"),
    ("球就滚到肩膀上,再从后背滚到右边胳膊上。", "滚"),
])
def test_a_move_said_again_after_zai_is_two_steps(text, verb):
    assert sum(s["action"].startswith(verb) for s in _steps(text)) == 2


def test_a_consequence_followed_by_another_verb_stays_no_step():
    assert [s["action"] for s in _steps("粉就扑到脸上,再拍匀。")] == ["拍匀"]


# (6) after 进, one-character pieces jieba left apart to the clause's end, the last a vessel (烤/花/炉): one vessel
@pytest.mark.parametrize("text, verb, vessel", [
    ("画好了进烤花炉,烧一夜。", "进", "烤花炉"),
    ("碗晾干了进烘窑。", "进", "烘窑"),
])
def test_pieces_after_jin_ending_in_a_vessel_are_the_vessel(text, verb, vessel):
    assert _step(text, verb)["tool"] == vessel
