"""Who acts is never what is worked, what works it, nor the act (nlp-persons, issue 11).

A speaker names who does the work (大夫, 货郎, 艄公, 绣娘, 骑手, 小工, 鼓手, 咱们 …): one general rule reads such a word
as a person, not one more list entry per word — by its last character (a person-noun suffix: 匠 师 员 者 人 郎 婆 娘
嫂 爷 姐 哥 汉 夫 公, 奶奶, 子弟; the weaker 手 工 生 家 only where the place says a subject: at the head of its clause,
after 的 or a count, before a hand word or a verb), by jieba's tag (a pronoun 我/你/他/她/俺/咱…), never a word
the lexicon knows, a body part, a tool named X手 (扳手) or stuff (花生 before a verb stays the thing). Sentences
of our own, on crafts and rites of several categories."""
from functools import partial

import pytest

from generation.prompting import roles
from tests.prompting_steps import steps as read_steps


_steps = partial(read_steps, fields=("action", "hand", "tool", "material"))


def _things(text, **kwargs):
    got = _steps(text, **kwargs)
    return got, {w for s in got for w in (s[2], s[3]) if w}, [s[0] for s in got]


@pytest.mark.parametrize("text, person, action", [
    # 传统医药: a doctor taking up a cup, a herbalist his moxa stick
    ("拔罐的时候,大夫右手拿着火罐,左手把酒精棉点着。", "大夫", "拿"),
    # 民俗 / 传统音乐: a peddler shaking his drum as he walks
    ("卖糖的货郎一边走一边摇着拨浪鼓。", "货郎", "摇"),
    # 传统体育: the boatman rowing, the rider holding the reins
    ("船上的艄公两手握着橹往外推。", "艄公", "推"),
    ("对面的骑手追过来,一把抓住缰绳。", "骑手", "抓住"),
    # 传统技艺: a carpenter's labourer holding the timber (工 at the head of its clause, before a hand word)
    ("小工两只手扶着木料,师傅在那头拉锯。", "小工", "扶"),
    # a pronoun jieba tags r, before the hand word
    ("咱们左手捏着竹片,右手往泥坯上刮。", "咱们", "刮"),
    # 传统技艺: 木匠 (a material character first is still a person: only a figure, 泥人/面人, is a thing)
    ("老木匠右手推着刨子,一下一下往前刨。", "木匠", "刨"),
])
def test_person_is_no_tool_or_material(text, person, action):
    got, things, actions = _things(text)
    assert any(a and a.startswith(action) for a in actions), got
    assert not any(person in w for w in things), got


@pytest.mark.parametrize("text, person", [
    # 传统音乐 (no punctuation, as a recogniser gives it): the drummer before his hands is no act
    ("安塞腰鼓鼓手双手抡起鼓槌往下砸", "鼓手"),
    # 传统舞蹈, no punctuation: a name jieba lacks, cut 舞 / 生 (as it cuts 织 / 手), before the hand is one person
    ("祭祀的时候一共四排二十四个舞生左手拿着羽毛右手举起木棍", "舞"),
    # 老 + X手 is a person, whatever follows (「一位老鼓手告诉我们」)
    ("一位老鼓手告诉我们鼓槌要握在中间。", "鼓手"),
    # 民俗 (written): the officiant, one word jieba tags a verbal noun, is no act
    ("礼毕,主祭人向神位三鞠躬,再献上花篮。", "主祭人"),
    # 传统美术: 绣 / 娘 cut apart before a hand word is the embroiderer, not 绣 with 娘 as its material
    ("绣娘左手托着绷子,右手把针往上一提。", "娘"),
])
def test_person_is_no_action(text, person):
    got, things, actions = _things(text)
    assert person not in actions and not any(person in w for w in things), got
    assert not any(a and person in a for a in actions), got


def test_thing_words_ending_like_a_person_stay_things():
    # negative cases: a tool named X手, a thing ending in 生 before a verb, a figure of stuff, a hand
    assert not roles.info_is_person(("扳手", None))
    assert not roles.info_is_person(("泥人", None))
    assert not roles.info_is_person(("它", None))
    got, things, _ = _things("花生炒熟了,倒进石臼里舂碎。")
    assert "花生" in things, got
    got, things, _ = _things("用扳手把螺丝拧紧。")
    assert "扳手" in things, got
    got, things, _ = _things("鲜奶倒进锅里,小火煮开。")
    assert "鲜奶" in things, got


@pytest.mark.parametrize("word", ["大夫", "货郎", "艄公", "绣娘", "木匠", "老汉", "奶奶", "他们", "俺们", "八旗子弟"])
def test_person_words(word):
    assert roles.info_is_person((word, None)), word
