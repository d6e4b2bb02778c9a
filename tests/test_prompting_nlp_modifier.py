"""Step precision: what the prompt shows as steps.

1. A verb inside a modifier closed by 的, with its result and 了/过 (「穿好了的针」「捶扁了的铜片」), is a relative clause
   describing the noun, not an action done now: no step of its own; the noun is the real verb's object. A 的 ending
   the sentence (「这只鸟是用手捏的」) closes no modifier: that verb stays the step.
2. 「V好了 / V完了」 ends its clause: a place or vessel said after it (进炉, 往鞋底上, 在水里) belongs to the next verb,
   never the first verb's object or tool.
Sentences written for these tests (none from an evaluation set)."""
import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec

SPEC = default_spec()


def _steps(text):
    return [(s["action"], s.get("tool"), s.get("material")) for s in normalize(text, spec=SPEC).to_dict()["steps"]]


@pytest.mark.parametrize("text, modifier, verb, noun", [
    ("换一根穿好了的针接着绣。", "穿", "绣", None),               # 刺绣
    ("捶扁了的铜片剪成条。", "捶", "剪", None),                  # 锻铜 (条, what it becomes, is read as the material)
    ("把晒干了的竹篾编成筐底。", "晒", "编", "竹篾"),             # 竹编
    ("拿一根削尖了的竹签在泥坯上刻花纹。", "削", "刻", None),       # 泥塑
    ("煮透了的茧子放进冷水里抽丝。", "煮", "抽", None),            # 缫丝
])
def test_a_verb_in_a_modifier_closed_by_de_is_no_step(text, modifier, verb, noun):
    got = _steps(text)
    assert not any(a[:1] == modifier for a, _, _ in got), got
    assert any(a[:1] == verb for a, _, _ in got), got
    if noun:
        assert any(noun in (t, m) for _, t, m in got), got


@pytest.mark.parametrize("text, verb", [
    ("这只鸟是用手捏的。", "捏"),          # 面塑: 是…的 says how it was made, the step stays
    ("这些花纹都是一刀一刀刻出来的。", "刻"),  # 木雕
    ("灯笼骨架扎好了糊上红的绸子。", "糊"),    # 灯彩: 红的 describes the silk, 糊上 has its complement
    ("旧鼓皮割掉换上新的牛皮。", "换"),        # 制鼓
])
def test_a_verb_before_a_closing_de_or_an_objects_quality_stays_the_step(text, verb):
    got = _steps(text)
    assert any(a[:1] == verb for a, _, _ in got), got


@pytest.mark.parametrize("text, first, place, second", [
    ("瓷盘画好了进炉烧。", "画", "炉", "烧"),          # 瓷器彩绘
    ("坯子晾干了进窑烧。", "晾", "窑", "烧"),          # 制陶
    ("鞋面绣完了往鞋底上缝。", "绣", "鞋底", "缝"),     # 布鞋
    ("铜丝掐好了在胎上粘牢。", "掐", "胎", "粘"),      # 掐丝
])
def test_after_a_completed_verb_the_place_is_the_next_verbs(text, first, place, second):
    got = _steps(text)
    firsts = [s for s in got if s[0][:1] == first]
    assert firsts and all(place not in (t or "") and place not in (m or "") for _, t, m in firsts), got
    assert any(a[:1] == second for a, _, _ in got), got
