"""One-character names the speaker lists and counts, t2 (issue 11; ``generation/prompting/names.py``
``_counted_names``): 「结、掼、勾、戗这四样」「六样盘拐绷蹬挑磕」. Every sentence is written for this file (none is in
the evaluation set), about crafts other than the ones the rule was found on (缂丝, 踢毽子), with guards it must not
touch."""
from generation.prompting import normalize


def terms(text):
    return [t["text"] for t in normalize(text).to_dict()["terms"]]


def test_a_list_joined_by_commas_before_its_count_names_each_character():
    got = terms("舞狮的基本功是跳、扑、滚、翻这四样，先练跳。")
    assert {"跳", "扑", "滚", "翻"} <= set(got)


def test_a_list_said_in_a_row_after_its_count_names_each_character_the_speaker_explains():
    got = terms("皮影耍签子就四样推拉挑转，推要稳，拉要匀，挑要轻，转要活。")
    assert {"推", "拉", "挑", "转"} <= set(got)


def test_a_list_of_another_length_names_nothing():
    # guard: three characters before 这四样 are not the four the count announces
    got = terms("舞狮讲究跳、扑、滚这四样，先练跳。")
    assert not {"扑", "滚"} & set(got)


def test_things_counted_are_no_list_of_characters():
    # guard: 「三样东西」 counts things named after it, not one-character names
    got = terms("编竹篮要准备三样东西，竹篾、刀和水，东西备齐了再编。")
    assert "东" not in got and "西" not in got


def test_characters_after_a_count_not_said_again_name_nothing():
    # guard: the speaker never comes back to 扑滚翻腾: no list of names
    got = terms("舞龙有五种跳扑滚翻腾，先练跳。")
    assert not {"扑", "滚", "翻", "腾"} & set(got)
