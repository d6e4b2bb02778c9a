"""nlp-joined (issue 11): two things joined by 跟/和/与/及/、 as one object of a step are both what the step works
(「把糯米跟红豆一起泡」), kept in the step's field as 「糯米、红豆」 and said together in the prompt. Sentences of
this file's own, none from an evaluation or probe file."""
import pytest

from generation.prompting import normalize


def _out(text, craft=None):
    return normalize(text, craft=craft).to_dict()


def _step(out, action):
    steps = [s for s in out["steps"] if s["action"] == action]
    assert steps, out["steps"]
    return steps[0]


def _held(step):
    return "、".join(x for x in (step["tool"], step["material"]) if x)


# 1. A noun joined to the step's object by a conjunction (跟/和/与/及) or the listing comma 、 is a second object of
# the same verb: both are kept, in the order said, and the prompt says both in the step's clause.
@pytest.mark.parametrize("text, action, things", [
    ("做八宝饭先把糯米跟红豆一起泡上。", "泡", ("糯米", "红豆")),        # 八宝饭
    ("捻油灰要把桐油和石灰调匀。", "调匀", ("桐油", "石灰")),            # 木船 (油灰)
    ("扎龙头用竹篾与铁丝扎牢。", "扎", ("竹篾", "铁丝")),              # 龙灯
    ("香包里塞进艾叶、丁香,缝好口子。", "塞进", ("艾叶", "丁香")),       # 香包
    ("熬黑膏药,香油跟黄丹倒进锅里。", "倒进", ("香油", "黄丹")),        # 黑膏药 (the second one read first)
])
def test_joined_objects_both_kept(text, action, things):
    out = _out(text)
    step = _step(out, action)
    held = _held(step)
    assert all(t in held for t in things), step
    # said together, in the order said, in the step's own clause
    assert "、".join(things) in out["prompt"], out["prompt"]


# 2. Not a second object: a comparison (跟…一样, 与…同宽), a person one learns from, a body part that moves
# along (跟着), a noun the pair only describes (「A与B的…」).
@pytest.mark.parametrize("text, action, absent", [
    ("丝要抽得跟头发丝一样细。", "抽", "头发丝"),
    ("我十五岁跟师傅学揉面。", "揉面", "师傅"),
    ("左手把面团往前推,右手跟着往回拉。", "推", "右手"),
    ("先画出额头与鼻梁的白线。", "画出", "鼻梁"),
])
def test_not_joined(text, action, absent):
    out = _out(text)
    step = _step(out, action)
    assert absent not in _held(step), step


# 3. The field stays one string (the JSON contract and the curator's form), and a saved or edited step with no
# transcript offsets renders the joined things as they are.
def test_joined_field_is_a_string_and_renders_without_offsets():
    from generation.prompting.render import render_prompt

    out = _out("做八宝饭先把糯米跟红豆一起泡上。")
    step = _step(out, "泡")
    assert isinstance(step["material"], str)
    bare = {"steps": [{"order": 1, "action": "泡", "material": "糯米、红豆", "params": {}}]}
    assert "泡糯米、红豆" in render_prompt(bare)
