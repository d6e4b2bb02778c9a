"""nlp-terms3 (issue 11): three frames that name a term, with sentences of this file's own (none from an evaluation or
probe file): the name a naming verb gives where no punctuation closes it (a speech recogniser's text), the saying
or legend that the elders are said to tell (老话讲X), and a thing jieba cut into two characters between a
preposition of place and a locative (扣在纸垛上)."""
import pytest

from tests.prompting_steps import terms as _terms


# 1. With no punctuation, the name after 叫/称为 ends where the next clause begins: an adverb or a preposition
# (连着, 还, 就) or a noun and its verb (小竹签 + 挑); it is not glued to the next clause, nor lost.
@pytest.mark.parametrize("text, name, glued", [
    ("右脚往外一磕这叫外磕连着磕十来下", "外磕", "外磕连着"),                       # 踢毽子 (游艺)
    ("泥片两头一捏这叫合口还得拿手指抹平接缝", "合口", "合口还"),                  # 陶艺
    ("线头往里一塞这叫藏线就看不出来了", "藏线", "藏线就"),                        # 刺绣
])
def test_naming_verb_name_without_punctuation(text, name, glued):
    got = _terms(text)
    assert name in got, got
    assert glued not in got, got


# (with punctuation the name still ends at the mark, as before)
def test_naming_verb_name_with_punctuation_unchanged():
    got = _terms("右脚往外一磕,这叫外磕,连着磕十来下。")
    assert "外磕" in got, got


# 2. What the old saying or the elders are said to tell, right after 讲/说 with no pause, up to the clause end (or
# 的, 是), names the saying, the legend or its hero.
@pytest.mark.parametrize("text, name", [
    ("刮胎要薄,老话讲三分坯七分修,一刀都马虎不得。", "三分坯七分修"),       # 陶瓷
    ("我们村里老辈人都爱讲孟姜女的故事,一讲就是一晚上。", "孟姜女"),         # 民间文学
    ("老辈人讲蔡伦造纸,是拿树皮破布捣烂了做的。", "蔡伦造纸"),              # 造纸
])
def test_saying_names(text, name):
    got = _terms(text)
    assert name in got, got


# ... not where the verb is followed by a pause (a story told, not its name), nor a pronoun or a negation
@pytest.mark.parametrize("text, not_name", [
    ("老人讲,以前寨子里没有鼓楼,后来才修的。", "以前寨子"),
    ("老话讲她心灵手巧,一天能织两丈布。", "她心灵手巧"),
    ("老辈人说不能用铁锅熬,一熬就发黑。", "不能用铁锅熬"),
])
def test_saying_frame_names_nothing_else(text, not_name):
    got = _terms(text)
    assert not any(not_name in t for t in got), got


# 3. Two single characters between a preposition of place and a locative are one thing (a noun jieba's
# dictionary lacks), even where jieba tags a piece as a verb (垛/v), if the clause ends there.
@pytest.mark.parametrize("text, name", [
    ("一张一张揭下来,码在纸垛上,压一夜。", "纸垛"),                  # 造纸
    ("墨条搁在木托上,阴干一个月。", "木托"),                          # 制墨
])
def test_placed_pairs(text, name):
    got = _terms(text)
    assert name in got, got


# ... not directions or places (到外硬内软, 从下往上)
@pytest.mark.parametrize("text, not_name", [
    ("酒糟要晾到外硬内软才行。", "外硬"),
    ("刷子从下往上刷三遍。", "下往"),
])
def test_placed_pairs_not_directions(text, not_name):
    got = _terms(text)
    assert not_name not in got, got
