"""Issue 11 (nlp-spoken): false steps of colloquial speech — the work a text opens on (「滚元宵,…」) names the work
whose steps follow, no step of its own. Every sentence here was written for these tests (none is taken
from an evaluation or probe file); each rule is shown on several crafts."""
from functools import partial

from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()

steps = partial(prompting_steps.steps, fields=("surface", "tool", "material"), spec=SPEC)
surfaces = partial(prompting_steps.surfaces, spec=SPEC)


def test_the_work_the_text_opens_on_is_no_step_when_its_verb_is_done_after():
    # rice cakes, straw sandals, glutinous rice: 「V O(啊/嘛),」 opening the text names the work; its verb is said
    # again as a step later
    assert surfaces("蒸年糕，米粉先拿温水拌匀，倒进笼屉里蒸。") == ["拌匀", "倒进", "蒸"]
    assert surfaces("编草鞋嘛，稻草先捶软，再一根一根编。") == ["捶软", "编"]
    # what the opener names is the work's, not the next step's thing
    assert steps("我们打糍粑，糯米蒸熟了倒进石臼里打。")[0] == ("蒸熟", None, "糯米")


def test_an_opening_verb_said_once_stays_a_step():
    # sauce making: 晒酱 is not said again, it stays
    assert surfaces("晒酱，黄豆煮烂了捏成块。")[0] == "晒酱"


def test_a_job_named_before_tou_yi_yang_is_no_step():
    # waist drum, pickling, dragon lantern: 「V O 头一样是…」 (speech's 头一样, the first thing) names the job, as 头一步 does
    assert surfaces("打腰鼓头一样是系鼓带，鼓带要系紧。") == ["系"]
    assert surfaces("腌咸菜头一样是晒菜，晒蔫了再揉盐。")[0] == "晒菜"
    assert "耍" not in surfaces("耍龙灯头一样是练步子，步子稳了再学转。")
