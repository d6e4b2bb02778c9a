"""nlp-steps (issue 11): the right steps in the right order. Sentences of this file's own, none from an evaluation
or probe file; the crafts are named beside each."""
import pytest

from generation.prompting import normalize


def _actions(text):
    return [s["action"] for s in normalize(text).to_dict()["steps"]]


# 1. A verb of the stop lists (称 对 比 练 做 学 讲 说) is a step where its place says so: the second verb of a
# 一边…一边… / 边…边… frame (both are done at once), or one closing its clause right after a modal, 再 or 去.
@pytest.mark.parametrize("text, verb", [
    ("说书先生拍一下醒木,一边比划一边讲,讲到热闹处声音放大。", "讲"),    # 评书
    ("两个人对坐着,边弹边说,弦子不能停。", "说"),                         # 苏州评弹
    ("棉布摊在桌上,一边量一边做,做完了再熨平。", "做"),                  # 旗袍制作
    ("马步扎稳了,刀枪棍棒都得练。", "练"),                                # 少林功夫
    ("药材切成片晒干,抓药之前还要再称。", "称"),                           # 中药炮制
])
def test_stop_verb_is_a_step_where_its_place_says_so(text, verb):
    assert verb in _actions(text), _actions(text)


# ... and stays no step elsewhere: a remark (「我跟你讲」), a naming verb, a modal before a longer predicate.
@pytest.mark.parametrize("text, verb", [
    ("我跟你讲,泥坯先晾干,再上釉。", "讲"),                                # 陶瓷
    ("这种针法称为平针,一针挨一针往前绣。", "称"),                         # 刺绣
    ("这个要练好些年,先从劈竹子开始。", "练"),                              # 竹编
])
def test_stop_verb_stays_no_step_elsewhere(text, verb):
    assert verb not in _actions(text), _actions(text)
