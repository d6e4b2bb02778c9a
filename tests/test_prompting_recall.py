"""Steps lost to a second verb in the same clause (brief recall): two verbs of two characters or more side by side
(「擂鼓呐喊」「搬运堆放」) are two predicates, a serial verb phrase, so each is a step (``extract.split_units``); a
direction after a verb (「采集回来」) and an 'in turns' verb before one (「交替拉动」, ``words.TURN_ADVERBS``) are not.
Sentences written for this file, in crafts none of the evaluation items it was motivated by belong to."""
from tests.prompting_steps import actions


def test_two_verbs_side_by_side_are_two_steps_in_order():
    assert actions("鼓手擂鼓呐喊,龙舟就冲出去了。")[:2] == ["擂鼓", "呐喊"]
    assert actions("学徒搬运堆放木料。") == ["搬运", "堆放"]
    assert actions("师傅点火预热,再下料。")[:2] == ["点火", "预热"]
    acts = actions("艺人叩拜祷告,再开唱。")
    assert acts.index("叩拜") < acts.index("祷告") < acts.index("开唱")


def test_a_direction_after_the_verb_is_no_step_of_its_own():
    assert actions("药材采集回来。") == ["采集"]
    assert actions("木料搬运回来。") == ["搬运"]


def test_an_in_turns_verb_says_how_the_next_verb_is_done():
    # 「交替」 is no predicate before 拉动: the clause is not cut there
    assert len(actions("两个人交替拉动风箱。")) == 1
