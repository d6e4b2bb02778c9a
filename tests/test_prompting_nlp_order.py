"""Steps found, nlp-order (issue 11; ``generation/prompting/extract.py``): verbs jieba tags as something else, or
hides in a construction, so that the clause started no step and the order check lost a step. Each rule reads part
of speech, position and function words, never a list of the words that failed. Every sentence is written for this
file (none is in the evaluation set or the probes)."""
from tests.prompting_steps import actions, steps


# A verb + object word jieba tags as a noun (鸣锣/n) opening its clause, before the count of the act

def test_a_gong_struck_nine_times_is_a_step():
    assert actions("祭祀开始,鸣锣九声,众人跪拜。") == ["鸣锣", "跪拜"]


def test_a_salute_fired_three_times_is_a_step():
    assert "鸣枪" in actions("寨老站定,鸣枪三响,龙舟出发。")


def test_a_material_counted_is_still_no_step():
    # (guard) a thing named with its count opening the clause is listed, not done
    assert [s["action"] for s in steps("材料备齐:绣线三股,绣针一根。")] == ["备齐"]
