"""Steps around a doer named by a 的-phrase (nlp-merge).

1. A clause that opens with a verb (and its object) closed by 的, then 一边/那边/这边… or a person (「炒茶的一边在锅里
   炒」「拉线的那边往回收」「跳的人往圈里跳」), names who does the work: no step. The verb after it is the step, with the
   place said between them; said again there (炒茶的…炒), it is not merged into the doer's phrase and dropped with it.
2. 子 that jieba leaves alone after a one-character verb it does not list with it (铰/子, 敲/子, 压/子) ends that
   noun: a thing, no step (jieba lists nearly every one-character verb + 子 it has as a noun); only 子 (抡槌: the object).
3. 「再用锤子,使劲砸」: what 再用/再拿 takes in hand, with a verb opening the next clause of the sentence, is that verb's
   tool, not the step before said again with it (「先用砂石磨,再用黄石。」 still is).
Sentences written for these tests (none from an evaluation set)."""
import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec

SPEC = default_spec()


def _steps(text):
    return normalize(text, spec=SPEC).to_dict()["steps"]


def _actions(text):
    return [s["action"] for s in _steps(text)]


@pytest.mark.parametrize("text, verbs", [
    ("炒茶的一边在锅里炒,一边拿手抖。", ["炒", "抖"]),                # 制茶
    ("舂米的一边往臼里舂,一边唱号子。", ["舂", "唱"]),                # 舂米
    ("翻醅的一边往缸里翻,一边拿耙子搅。", ["翻", "搅"]),              # 酿醋
    ("推磨的一边往前推,添豆的一边往磨眼里添豆子。", ["推", "添"]),    # 豆腐
    ("先把锅烧热。炒茶的人在锅里炒。", ["烧", "炒"]),                  # 制茶, a person after 的
    ("竹竿一开一合,跳的人往圈里跳。", ["跳"]),                        # 竹竿舞
])
def test_the_verb_after_a_doer_phrase_is_a_step_of_its_own(text, verbs):
    """The doer's phrase holds the same verb as the step said after it: the step is kept, in its place."""
    got = _actions(text)
    at = 0
    for v in verbs:
        found = [i for i, a in enumerate(got) if i >= at and v in (a or "")]
        assert found, (v, got)
        at = found[0] + 1


@pytest.mark.parametrize("text, doer, verbs", [
    ("打铁的一边往砧子上敲,拉风箱的一边鼓风。", "拉", ["敲", "鼓风"]),   # 打铁
    ("扶坯的一边往里推,一边拿刀削。", "扶", ["推", "削"]),               # 制陶
    ("拉线的那边往回收,放线的这边往外放。", "拉", ["收", "放"]),        # 放风筝
    ("抬轿的那头往上抬,扶杠的这头往前推。", "扶", ["抬", "推"]),        # 抬阁
])
def test_a_doer_phrase_is_no_step(text, doer, verbs):
    got = _actions(text)
    assert len(got) == len(verbs), got
    assert all(v in (a or "") for v, a in zip(verbs, got)), got
    assert not any((a or "").startswith(doer) for a in got), got


@pytest.mark.parametrize("text, step, place, other", [
    ("舂米的一边往臼里舂,一边唱号子。", "舂", "臼", "唱"),       # 舂米
    ("炒茶的一边在锅里炒,一边拿手抖。", "炒", "锅", "抖"),       # 制茶
])
def test_the_place_goes_with_the_step_not_the_next(text, step, place, other):
    """What the doer's clause says (往臼里) is the step's, never the next step's tool or material."""
    got = _steps(text)
    mine = [s for s in got if step in (s["action"] or "")]
    assert mine, got
    nxt = [s for s in got if other in (s["action"] or "")]
    assert nxt and all(place not in (s.get("tool") or "") + (s.get("material") or "") for s in nxt), got


def _roles(step):
    return (step.get("tool") or "", step.get("material") or "")


@pytest.mark.parametrize("text, verb, noun", [
    ("左手拿着铰子,右手拿槌敲。", "敲", "铰子"),         # 锣鼓 (the cymbals held, then struck)
    ("铰子一拍,锣跟着响。", "拍", "铰子"),               # 锣鼓
    ("用木敲子轻轻敲凿子。", "敲", "木敲子"),            # 木雕
    ("把鞋面套在楦子上,拿压子压实。", "压", "压子"),     # 布鞋
    ("绑跷的一边往跷子上绑绳子,一边拿手拽紧。", "绑", None),  # 高跷, with the doer's phrase (1.)
])
def test_a_verb_character_and_zi_are_one_noun(text, verb, noun):
    got = _steps(text)
    assert not any(noun and verb != noun[-2] and (s["action"] or "")[:1] == noun[-2] for s in got), got  # (铰, 压)
    mine = [s for s in got if (s["action"] or "").startswith(verb)]
    assert mine, got
    if noun:
        assert any(noun in _roles(s) for s in mine), got
    assert not any(r == "子" for s in got for r in _roles(s)), got


def test_only_zi_joins_a_verb_before_it():
    """Another bound character after a verb is what the verb works (抡 + 槌), never one noun with it."""
    got = _steps("右手抡槌往鼓心砸。")
    assert any("槌" == s.get("tool") for s in got), got


@pytest.mark.parametrize("text, verbs, tool", [
    ("先拿钳子夹住,再用锤子,使劲砸。", ["夹", "砸"], "锤子"),                  # 打铁
    ("先拿刨子刨平,再用砂纸跟木锉,轻轻打磨。", ["刨", "打磨"], "砂纸"),        # 木作
    ("先用砂石磨,再用黄石,磨到发亮。", ["磨", "磨"], "黄石"),                  # 磨漆 (another tool: another step)
    ("先用砂石磨,再用黄石。", ["磨", "磨"], "黄石"),                            # nothing follows: the step again
])
def test_a_tool_taken_again_goes_to_the_next_clauses_verb(text, verbs, tool):
    got = _steps(text)
    assert [s["action"][:len(v)] for s, v in zip(got, verbs)] == verbs and len(got) == len(verbs), got
    assert tool in (got[-1].get("tool") or ""), got
