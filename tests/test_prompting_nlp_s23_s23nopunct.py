"""Text with no punctuation (s23-nopunct): speech-recogniser output, read with the clause breaks ``breaks.restore_breaks``
puts back. Counted over the tunable splits' checks that pass with punctuation and fail without (437 at the start); the
cause kept here, two works each said as a verb and its object run together where a writer puts 、 (「钻眼、穿线」),
15 of them over five splits and four writers: ``breaks._asr_listed_works`` cuts between the two.

Sentences written for this test, none from the evaluation sets."""
import pytest

from generation.prompting.breaks import restore_breaks
from generation.prompting.core import get_spec
from tests.prompting_steps import actions as _actions


@pytest.mark.parametrize("text, want", [
    ("木料晾干了刨平钻孔穿绳就能挂起来了", ["晾干", "刨平", "钻孔", "穿绳", "挂"]),
    ("竹片削好了先泡一夜再钻眼穿线串成一挂", ["削", "泡", "钻眼", "穿线", "串", "挂"]),
    ("先洗手焚香然后才开始念经", ["洗手", "焚香", "念经"]),
])
def test_two_works_run_together_are_two_steps(text, want):
    assert _actions(text) == want


@pytest.mark.parametrize("text, joined", [
    # a verb and its object, then a verb whose object is longer: one predicate with its manner, no list
    ("拉完了张嘴唱一句接一句往下唱", "张嘴唱"),
    # 拿 + the word: the word is what is taken, no work of its own
    ("师傅先拿刷漆的刷子蘸一点清油再往木板上刷", "拿刷漆"),
    # a verb and its result (烧热: 热/n in jieba's dictionary) is no work of its own: the oil poured is heated
    ("往锅里倒油烧热了再放葱", "倒油烧热了"),
])
def test_a_work_word_before_its_own_verb_stays(text, joined):
    said, _ = restore_breaks(get_spec(), text)
    assert joined in said


def test_punctuated_text_is_left_as_it_is():
    text = "晒干了钻眼、穿线，伞骨就串起来了。"
    assert restore_breaks(get_spec(), text) == (text, [])


# --- a sound opens its phrase (``breaks._asr_sound_opens``): 13 onomatopoeias a writer put after punctuation, over
# six splits and seven writers, most read into the clause before when the punctuation is gone

@pytest.mark.parametrize("text, want", [
    ("左手扶稳鼓身右手攥着鼓槌咚咚敲三下", ["扶稳", "攥", "敲"]),
    ("右手把折扇举到胸前啪地打开转个圈再合上", ["举", "打开", "转", "合"]),
])
def test_a_sound_opens_the_next_phrase(text, want):
    assert _actions(text) == want


@pytest.mark.parametrize("text, joined", [
    # a sound said twice is one sound: the cut goes before its first saying only
    ("左手扶稳鼓身右手攥着鼓槌咚咚敲三下", ",咚咚敲"),
    # a name given by 叫 is no phrase of its own
    ("这一路打法我们老辈子都叫啪啪掌要打得又脆又响", "叫啪啪掌"),
])
def test_a_sound_stays_with_what_names_or_repeats_it(text, joined):
    said, _ = restore_breaks(get_spec(), text)
    assert joined in said
