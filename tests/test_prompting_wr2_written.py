"""Written text about a craft, second round (session 10, brief wr2): who acts is never what is worked (a person
noun, N们), written 经 is no noun, and after 并 or V后 a verb jieba tags as a noun is the
next step. Every sentence is written for this file (none is in a probe set or a split)."""
import pytest

from generation.prompting.roles import info_is_person
from tests.prompting_steps import actions, step, steps


# --- a person is who acts, never what is worked (roles.info_is_person, one rule) -----------------------------

@pytest.mark.parametrize("word", ["后生", "长老", "喇嘛", "妇女", "双方", "人们", "孩子们", "艺人们", "师傅们"])
def test_written_people_and_plurals_are_persons(word):
    assert info_is_person((word, None))


@pytest.mark.parametrize("word", ["竹们", "们", "泥人", "竹篮", "鼓槌"])
def test_things_are_no_persons(word):
    # (们 after a single character or alone names nobody; a figure made of clay is a thing)
    assert not info_is_person((word, None))


@pytest.mark.parametrize("text, said", [
    ("孩子们轮流坐进竹筐。", "坐"),
    ("长老们依次叩拜。", "叩拜"),
    ("两名后生依次跪下。", "跪下"),
])
def test_a_person_before_the_verb_is_no_material(text, said):
    assert step(text, said, fields=("material",)) == (None,)


def test_the_person_the_verb_is_said_of_is_no_material_and_the_thing_stays():
    # (what 把 names is still worked)
    assert step("艺人们把泥料揉熟。", "揉", fields=("material",)) == ("泥料",)


@pytest.mark.parametrize("text, said, thing", [
    ("由两名后生抬起花轿。", "抬起", "花轿"),
    ("由两位老艺人敲响铜锣。", "敲响", "铜锣"),
])
def test_written_you_and_a_person_gives_no_person_material(text, said, thing):
    # the person is who acts; the verb's object is what is worked (nlp-things: 由 + a person is no place)
    assert step(text, said, fields=("material",)) == (thing,)


def test_you_and_a_person_before_ba_keeps_what_ba_names():
    assert step("由老人把香点燃。", "点燃", fields=("material",)) == ("香",)


def test_you_as_from_still_reads_a_direction():
    # 由里向外: a place word after 由 is no person, the step is still read
    assert actions("由里向外刷。") == ["刷"]


# --- written 经 ('having gone through') is no noun --------------------------------------------------------------

@pytest.mark.parametrize("text, said, material", [
    ("糯米经浸泡后上甑蒸熟。", "浸泡", "糯米"),
    ("这批茶叶经揉捻后摊开晾干。", "揉捻", "茶叶"),
])
def test_written_jing_is_not_glued_to_the_thing_before_it(text, said, material):
    assert step(text, said, fields=("material",)) == (material,)


def test_written_jing_before_a_glued_noun_and_verb_cuts_it():
    # jieba's 水冷却/l after 经 is 水 + 冷却: the cooling is a step, the iron what is cooled
    assert step("烧好的铁块经水冷却后用榔头一敲。", "冷却", fields=("material",)) == ("铁块",)


def test_the_warp_closing_its_clause_stays_a_noun():
    from generation.prompting.resegment import written_jing

    assert not written_jing({}, ["生丝", "做", "经"], 2)
    assert not written_jing({"线": "n"}, ["经", "线"], 0)


# --- after 并 or V后, a verb jieba tags as a noun is the next step ------------------------------------------------

@pytest.mark.parametrize("text, said, material", [
    ("主持人宣读祭文并整理供品。", "整理", "供品"),
    ("面团蒸熟后切块，装进竹篮。", "切块", "面团"),
])
def test_after_bing_or_v_hou_a_noun_tagged_verb_is_a_step(text, said, material):
    assert step(text, said, fields=("material",)) == (material,)


def test_a_noun_after_v_hou_that_opens_with_no_verb_is_no_step():
    assert actions("布晾干后颜色变深。") == ["晾干"]


def test_steps_in_order_with_bing():
    assert [s[0] for s in steps("他先宣读祭文并整理供品。", fields=("action",))] == ["宣读", "整理"]
