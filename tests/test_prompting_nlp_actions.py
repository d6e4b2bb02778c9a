"""nlp-actions (issue 11): expected actions the normalizer missed on the least-tuned probes, counted by cause.
Sentences of this file's own, none from an evaluation or probe file."""
import pytest

from generation.prompting import normalize


def _actions(text):
    return [s["action"] for s in normalize(text).to_dict()["steps"]]


# 1. A verb and its direction or result that jieba's dictionary has as a place, an adverb or a name (架起/s, 塞上/s,
# 关上/s, 立于/d, 蒙上/ns), standing where a predicate stands: before its object or where it stands, with no other verb
# after it in its clause, or after 把 + its object closing the clause.
@pytest.mark.parametrize("text, action", [
    ("院子里架起一口大锅，再往锅里倒水。", "架起"),                # 庙会 / 祭灶
    ("缝隙里塞上棉絮，再刷一层桐油。", "塞上"),                    # 木器
    ("艺人立于台前，左手执板，右手击鼓。", "立"),                  # 鼓书
    ("烧完香先把庙门关上，再回家吃饭。", "关上"),                  # 庙会
    ("灶台边树起一根竹竿，顶上挂红布。", "树起"),                  # 祭祀
])
def test_verb_complement_tagged_as_place_or_adverb(text, action):
    acts = _actions(text)
    assert any(action in a or a in action for a in acts), acts


@pytest.mark.parametrize("text, absent", [
    ("灯笼挂在树上，风一吹就晃。", "树上"),       # a place after 在
    ("树下一群孩子围着看热闹。", "树下"),         # a place with a verb of its own clause after it
    ("会上大家轮流发言。", "会上"),
])
def test_place_word_stays_a_place(text, absent):
    acts = _actions(text)
    assert absent not in acts, acts


def test_verb_complement_before_a_place_of_one_character_and_its_locative():
    acts = _actions("开场时，鼓手立于鼓后，双手举槌。")  # 鼓 (jieba: v) + 后: where the drummer stands
    assert "立" in "".join(acts), acts


# 2. jieba's word of a verb character and 个 (缝个/n, 添个/n, 烫个/b) before a count or a noun is the verb and the
# classifier of what it does ('do a couple of'), as 夹个 already was for the hand verbs.
@pytest.mark.parametrize("text, action", [
    ("鞋面贴好了，边上拿针线缝个三四针。", "缝"),                    # 布鞋
    ("火小了往炉膛里添个两块炭，再接着烧。", "添"),                  # 铁匠 / 烧炭
    ("药膏抹匀了拿热毛巾烫个五六分钟。", "烫"),                      # 膏药
])
def test_verb_and_ge_before_a_count(text, action):
    acts = _actions(text)
    assert action in acts, acts
