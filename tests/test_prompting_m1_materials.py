"""Materials (issue 11, m1; ``generation/prompting/roles.py``): the readings that gave a step the wrong material or
none. Every sentence is written for this file (none is in the evaluation set), about crafts other than the items
that showed each class."""
from tests.prompting_steps import step, steps


def test_a_verb_glued_to_shang_and_its_object_puts_that_object_on():
    # 「打上蜡」「点上焊药」: jieba reads 上蜡/上焊药 as one verb; the object inside is what the step puts on
    assert step("鞋底纳好了,再打上蜡。", "打上蜡")["material"] == "蜡"
    assert step("竹片削好,打上蜡擦亮。", "打上蜡")["material"] == "蜡"
    assert step("灯笼骨架扎好,点上焊药。", "点上焊药")["material"] == "焊药"


def test_the_glued_object_wins_over_a_thing_carried_from_the_clause_before():
    # the thread pinched before is not what the solder step puts on
    assert step("先把铜丝掐成圈,点上焊药,再拿火吹。", "点上焊药")["material"] == "焊药"


def test_the_top_of_the_head_is_a_body_place_not_what_is_worked():
    # 「举过头顶」「甩过头顶」: 头顶 is a body word (words.BODY_WORDS); the thing said before the verb is what moves
    assert [s["material"] for s in steps("狮子头要举过头顶,左右晃三下。")] == ["狮子头", "狮子头"]
    assert step("彩带甩过头顶,画个圆。", "甩")["material"] == "彩带"


def test_a_thing_named_in_a_warning_is_what_the_next_verb_works():
    # 「哨子别含太深，含进去…」「球不能落地,拿脚背颠」: the warning makes no step; the next verb drops its object
    assert step("抖空竹,空竹不能停,拿线绳一直抖。", "抖")["material"] == "空竹"
    assert step("绣球不能落地,拿手背接住。", "接住")["material"] == "绣球"


def test_a_body_part_warned_about_is_not_carried():
    assert step("手千万别伸进去,拿火钳夹住。", "夹住")["material"] is None
