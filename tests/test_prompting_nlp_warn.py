"""nlp-warn (issue 11): what the master says must not be done, or what goes wrong otherwise, is no step and
names no role of a step done. Sentences of this file's own, none from an evaluation or probe file."""
import pytest

from generation.prompting import normalize


def _surfaces(text):
    return [s["surface"] for s in normalize(text).to_dict()["steps"]]


def _steps(text):
    return normalize(text).to_dict()["steps"]


@pytest.mark.parametrize("text, gone, kept", [
    # a verb phrase between the prohibition and the verb (风筝; 徽墨)
    ("做好的风筝千万别放太阳底下晒，挂在屋里阴干。", "晒", "阴干"),
    ("墨锭千万别搁火边上烤，放在阴凉处晾干。", "烤", "晾干"),
    # a noun between (说唱; 木雕)
    ("演唱的人不用弦乐伴奏，只敲鼓。", "伴奏", "敲"),
    # the written prohibitives 切忌/切勿 (茶艺; 木雕)
    ("沿壶边慢慢注水，切忌直冲壶心。", "直冲", "注水"),
    ("刻刀顺着木纹走，切勿逆着纹路硬推。", "硬推", "走"),
])
def test_prohibited_verb_is_no_step(text, gone, kept):
    got = _surfaces(text)
    assert not any(gone in s for s in got), got
    assert any(kept in s for s in got), got


def test_prohibitive_itself_is_no_step():
    assert "切忌" not in _surfaces("沿壶边慢慢注水，切忌直冲壶心。")
    assert "切勿" not in _surfaces("刻刀顺着木纹走，切勿逆着纹路硬推。")


@pytest.mark.parametrize("text, gone", [
    ("线要绷紧，不然绣出来会皱。", "皱"),        # 刺绣
    ("泥要揉透，否则烧出来会裂。", "裂"),        # 陶艺
])
def test_otherwise_clause_is_no_step(text, gone):
    got = _surfaces(text)
    assert got and not any(gone in s for s in got), got


@pytest.mark.parametrize("text, role, value", [
    ("沿壶边慢慢注水，切忌直冲壶心。", "material", "壶心"),   # 茶艺
    ("晾的时候不能拿火烤，要放在阴凉处。", "tool", "火"),      # 制墨
])
def test_prohibited_step_gives_no_role(text, role, value):
    assert all(s[role] != value for s in _steps(text)), _steps(text)


@pytest.mark.parametrize("text, kept", [
    ("坯子不能吹太阳要勤翻", "翻"),              # 要 turns the clause to what is done
    ("两手莫甩过肩膀膝盖一屈一伸", "屈"),        # a stroke 一V after the prohibition is done
    ("舍不得扔的边角料，就倒进缸里。", "倒"),    # 舍不得 forbids nothing
])
def test_what_is_done_after_a_prohibition_stays(text, kept):
    got = _surfaces(text)
    assert any(kept in s for s in got), got
