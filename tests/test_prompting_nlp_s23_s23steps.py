"""Steps lost on text nobody here wrote, counted by cause over the tunable splits' action/order failures (s23-steps).

Sentences written for this test, none from the evaluation sets."""
import pytest

from tests.prompting_steps import actions as _actions


# A one-character verb jieba tags a noun (飞/n; its dictionary has 飞出/v), opening its clause before 到 and where it
# goes, is the verb (``extract._mistagged_motion``), and the verb after the place it reached is the next step
# (``extract._serial_break``), as after 跑到/走到
@pytest.mark.parametrize("text, verbs", [
    ("鸽子先在院里转两圈,飞到屋顶上往下跳。", ["转", "飞", "跳"]),
    ("燕子衔了泥,飞到屋檐下往窝里塞。", ["衔", "飞", "塞"]),
])
def test_a_verb_jieba_tags_a_noun_opening_its_clause_before_dao_is_a_step(text, verbs):
    assert _actions(text) == verbs


@pytest.mark.parametrize("text, verbs", [
    ("先钻个眼,洞在正中间。", ["钻"]),  # a thing opening its clause before 在 (洞/n has no verb in the dictionary)
    ("先把面和好,面到了时候再揉。", ["和", "揉"]),  # 面 before 到 + 了: no place reached
    ("他跑到台口往下一蹲。", ["跑", "蹲"]),  # a body motion verb: the rule before this one
])
def test_other_motions_keep_their_reading(text, verbs):
    assert _actions(text) == verbs


# A verb of the stop lists that a step may be (称 weighs, 对 aligns: ``words.DONE_STOP_VERBS``) with a result closing
# its clause after its subject is the step, as 「骨头对好了」 was (``extract._step_kinds``)
@pytest.mark.parametrize("text, verb", [
    ("大料花椒称好了，一起下锅。", "称"),
    ("药粉称好，拌进蜂蜜里。", "称"),
])
def test_a_stop_listed_verb_with_its_result_is_a_step(text, verb):
    assert verb in _actions(text)
