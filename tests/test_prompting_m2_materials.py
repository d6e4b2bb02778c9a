"""Short material names (issue 11, m2; ``generation/prompting/carry.py``, ``_carry_whole_name``): a step whose
material is one character jieba cut off a two-character noun carries the noun as the text says it. Every sentence
is written for this file (none is in the evaluation set), about crafts other than the items that showed the class
(豫剧 水袖, 苗族银饰 银窝, 格萨尔 帽子, 湖笔 绒毛)."""
from tests.prompting_steps import step


def test_a_verb_object_word_carries_the_noun_said_for_its_object():
    # 「抖绸」「修坯」「敲锣」: the one character after the verb is the 绸子, 坯子, 铜锣 the text names
    assert step("长绸子拿在手里,先抖绸,再把绸子往上一抛。", "抖绸")["material"] == "绸子"
    assert step("坯子晾到半干,先修坯,刀要稳。", "修坯")["material"] == "坯子"
    assert step("铜锣挂在架上,敲锣,一下一下。", "敲锣")["material"] == "铜锣"


def test_a_noun_jieba_cut_in_two_in_the_step_is_the_noun_said_whole_before():
    # 「锡窝放到炭炉上」: jieba cuts 锡|窝 here, after saying 锡窝 whole: the crucible is what is put on the stove
    assert step("锡料搁锡窝里,锡窝放到炭炉上,慢慢化开。", "放到")["material"] == "锡窝"


def test_a_noun_not_headed_by_the_character_is_not_carried():
    # 锡窝 is no 锡 (a noun is headed by its last character): the tin that melts stays 锡
    assert step("锡料搁锡窝里,锡窝放到炭炉上,慢慢化开。", "化开")["material"] == "锡"
