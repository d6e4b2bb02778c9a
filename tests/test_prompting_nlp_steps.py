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


# 2. An item of a 、 list of actions that jieba cut into a one-character verb and its object is one action, named as
# the speaker listed it (not the verb alone, nor its object read as the verb); 上 + a thing listed among actions
# (上漆, 上彩) is one too.
@pytest.mark.parametrize("text, action", [
    ("竹编要经过砍竹、剖篾、刮青、编织、锁口等工序。", "锁口"),       # 竹编
    ("做花灯先扎架、糊纸、上漆、描花。", "上漆"),                      # 花灯
])
def test_listed_verb_object_item_is_one_action(text, action):
    assert action in _actions(text), _actions(text)


# ... not an item of a list of things (the object of 把, or of the verb the list runs on into).
def test_first_listed_item_is_named_as_listed():
    assert _actions("做宣纸要经过浸料、蒸煮、踩料、捞纸、焙纸等工序。")[0] == "浸料"       # 宣纸 (not 浸)


def test_listed_things_are_not_joined_into_actions():
    assert "奶食" not in _actions("一边绕着走一边把奶食、白酒洒出去。")     # 祭祀
