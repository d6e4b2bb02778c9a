"""nlp-glue (issue 11): text without punctuation, where jieba glued the last character of one clause and the
first of the next into one dictionary word (晾|凉拌|上 for 晾凉,拌上; 一|扣留|罐 for 一扣,留罐). The break rules
of ``breaks`` cut between tokens, so they could not cut there; ``breaks._asr_cuts`` now re-cuts such a word
(a cheap test first: ``_asr_glued_words``) and keeps the cut where the same break rules accept it.
Sentences of this file's own, none from an evaluation or probe file."""
import pytest

from generation.prompting import normalize
from generation.prompting.breaks import restore_breaks
from generation.prompting.core import get_spec


def _said(text):
    return restore_breaks(get_spec(), text)[0]


# 1. A result the verb brings about (晾凉, 放凉), glued to the next verb (凉拌): the result joins its verb, the
# verb with its result then closes its clause as one jieba word would (「锅烧热,抓一把」).
@pytest.mark.parametrize("text, said", [
    ("蒸好的糯米摊在竹席上晾凉拌上酒曲装进坛子里封好", "晾凉,拌上酒曲"),   # 米酒
    ("绿豆粉煮成糊倒进盆里放凉拌上辣油就能吃了", "放凉,拌上辣油"),         # 凉粉
])
def test_result_glued_to_the_next_verb_is_cut(text, said):
    assert said in _said(text)


# 2. The one-character verb that 一 makes sudden, glued to the next verb (一扣留 for 一扣,留).
@pytest.mark.parametrize("text, said", [
    ("印模蘸了颜料往布上一扣留出的白地就是花纹", "一扣,留出"),             # 蓝印花布
    ("花模子刻好了往糕团上一扣留下一朵梅花再上屉蒸", "一扣,留下"),         # 糕团
])
def test_sudden_verb_glued_to_the_next_verb_is_cut(text, said):
    assert said in _said(text)


# 3. The locative that closes a place (上/中/里/下), glued to the next verb or to the next subject (上绷, 上手).
@pytest.mark.parametrize("text, said", [
    ("把绢绷到架子上绷紧了拿笔蘸墨勾线", "架子上,绷紧了"),                 # 绢画
    ("竹丝一根一根排到瓷胎上手要稳不能歪", "瓷胎上,手要稳"),               # 瓷胎竹编
])
def test_locative_glued_to_what_follows_is_cut(text, said):
    assert said in _said(text)


# 4. A bare verb after where it is done (往里吹), glued to the noun that is the next subject (吹气要足).
@pytest.mark.parametrize("text, said", [
    ("木桶箍好了先往里灌水要灌满看看漏不漏", "往里灌,水要灌满"),           # 箍桶
    ("吹唢呐先把哨片含好往里吹气要足腮帮子鼓起来", "往里吹,气要足"),       # 唢呐
])
def test_verb_after_its_place_glued_to_the_next_subject_is_cut(text, said):
    assert said in _said(text)


# What stays one word: a verb with its count (一拍打两下), 拿 + a quality (拿光滑的), a word after a modal or 个.
@pytest.mark.parametrize("text, kept", [
    ("两只手端着鼓往鼓边上一拍打两下再换手", "一拍打两下"),
    ("漆面刷完了拿光滑的石头打磨一遍再刷第二道", "拿光滑的石头"),
    ("印章蘸好了印泥往纸上一扣留个红印子等干了再盖", "一扣留个红印子"),
])
def test_words_that_read_whole_are_not_cut(text, kept):
    assert kept in _said(text)


def test_glued_cut_gives_the_step_of_the_second_clause():
    # without the cut, 晾凉拌上 is one clause and 拌 with its material is read from jieba's 凉拌
    steps = normalize("蒸好的糯米摊在竹席上晾凉拌上酒曲装进坛子里封好").to_dict()["steps"]
    assert any(s["surface"].startswith("拌") for s in steps), [s["surface"] for s in steps]


def test_punctuated_text_is_left_as_it_is():
    text = "蒸好的糯米摊在竹席上晾凉，拌上酒曲，装进坛子里封好。"
    assert restore_breaks(get_spec(), text) == (text, [])
