"""Missed steps (s25-steps): a verb said again by another hand that an earlier rule read as a preposition.
Sentences written for these tests; each failed on the code before the rule (old output in the comments)."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("action", "hand")


@pytest.mark.parametrize("text, hands", [
    # old: [('按', 'left')] (the right hand's 按 read as 'according to', before the 按 after 、)
    ("笛子横过来，左手无名指按第六个孔，右手拇指按第二个、中指按第四个。", ["left", "right"]),
    # old: [('吹', None), ('按', 'right')] (the left hand's 按 lost the same way)
    ("巴乌横着吹，左手食指按第一个、右手食指按第四个，气要匀。", ["left", "right"]),
    # old: the right hand's 按 lost before the later 吹 of the same run (no punctuation)
    ("葫芦丝竖着拿，左手按上头三个孔右手按下头三个孔嘴含住吹口吹", ["left", "right"]),
])
def test_press_after_its_hand_before_where_it_presses_is_a_step(text, hands):
    got = steps(text, fields=FIELDS)
    assert [h for a, h in got if a == "按"] == hands, got


@pytest.mark.parametrize("text", [
    "右手按比例兑好颜料。",  # a standard after 按: still 'according to', no step
    "烟料和胶按一比一兑好,再上锅熬。",
    "唱的时候按节拍敲,一板一眼。",
])
def test_press_before_a_standard_stays_a_preposition(text):
    got = steps(text, fields=FIELDS)
    assert all(a != "按" for a, _ in got), got


# Unpunctuated text (breaks._asr_grip_done): a hand's grip and what it grips is a clause of its own before the move made
# with it, as a writer puts a comma there.
@pytest.mark.parametrize("text, grip, move", [
    # old: [('缠', …), ('抽', 'right', …), ('转', …)] (the grip joined to the pull)
    ("打陀螺先把鞭绳缠好右手攥住鞭杆猛地往后一抽陀螺就转起来了", "攥住", "抽"),
    # old: [('举', 'both', …), ('抬起', …)]
    ("舞龙的时候两只手各握一根木把往上一举龙头就抬起来了", "握", "举"),
    # old: [('甩', 'right', …)]
    ("扇子舞右手捏着扇骨往外一甩扇面就开了", "捏着", "甩"),
])
def test_grip_before_its_move_is_a_step_in_unpunctuated_text(text, grip, move):
    got = steps(text, fields=("surface", "hand"))
    said = [s for s, _ in got]
    assert grip in said and move in said and said.index(grip) < said.index(move), got
    assert dict(got)[grip] == dict(got)[move] is not None, got


def test_no_grip_clause_for_na():
    # 拿: no grip step of its own (the writers disagree on it)
    said = [s for s, _ in steps("唱大鼓的时候右手拿鼓槌往鼓面上敲一板一眼", fields=("surface", "hand"))]
    assert "拿" not in said, said


def test_no_cut_before_a_bare_verb_after_the_object():
    # jieba's 针针尖 holds the next clause's subject: no cut before 搁 (old: none either)
    from generation.prompting.breaks import restore_breaks
    from generation.prompting.spec import default_spec
    text, _ = restore_breaks(default_spec(), "右手捏着针针尖搁灯火上烧烧到通红发白")
    assert "尖,搁" not in text, text
