"""One rule, one place (nlp-persons2): a person named by its ending, where a subject or a hand's owner stands.

``generation.prompting.persons`` answers the two shared questions (``person_shaped``: the word ends like a person's
name; ``person_position``: where the token stands); roles (tool and material of a step), extract (a verb-tagged
X手 / 绣 + 娘 read as the person) and breaks (the clause cut in text without punctuation) ask it. The sentences are
this file's own, over several crafts (dragon boat, waist drum, weaving, embroidery, bamboo work, opera, pottery,
calligraphy, qin), none from an evaluation set or probe."""
from __future__ import annotations

import pytest

from generation.prompting import normalize
from generation.prompting.evaluation import strip_punctuation
from generation.prompting.extract import tokenize_doc
from generation.prompting.persons import (HEAD, NOUN, OWNED, OWNER_POSITIONS, PLACE, SUBJECT_POSITIONS, info_is_person,
                                          person_position, person_shaped)
from generation.prompting.spec import default_spec
from generation.prompting.words import PERSON_TAIL_CHARS


# --- the word's shape -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("word,tag", [("鼓手", "v"), ("舵手", "n"), ("划手", ""), ("小工", "n"), ("学生", "n"),
                                      ("农家", "n"), ("弓箭手", "n")])
def test_subject_endings_are_person_shaped(word, tag):
    assert person_shaped(word, tag)


@pytest.mark.parametrize("word", ["绣娘", "艄公", "篾匠", "琴师"])
def test_every_person_ending_is_read_with_the_tail_set(word):
    assert person_shaped(word, "", PERSON_TAIL_CHARS)
    assert not person_shaped(word, "")  # (the default set is the endings that need the place: 手 工 生 家)


@pytest.mark.parametrize("word,tag", [
    ("扳手", "n"), ("把手", "n"), ("佛手", "n"),  # things named X手
    ("左手", "n"), ("双手", "n"), ("两手", "n"),  # counted hands
    ("手", "n"), ("弓箭射手", "n"),  # too short, too long
    ("后生", "t"), ("老家", "s"), ("东家", "ns"),  # jieba's place and time tags
])
def test_things_hands_and_tagged_words_are_not_person_shaped(word, tag):
    assert not person_shaped(word, tag, PERSON_TAIL_CHARS)


def test_a_person_wherever_it_stands_stays_one_function():
    assert info_is_person(("篾匠", None)) and info_is_person(("绣娘们", None)) and info_is_person(("咱们", None))
    assert not info_is_person(("面人", None)) and not info_is_person(("鼓手", None))  # 鼓手: the place decides


# --- where the token stands ------------------------------------------------------------------------------------------

def test_positions_on_kinds_given_by_hand():
    words = ["，", "对面", "的", "舵手", "左手"]
    kinds = ["P", "N", None, "V", "H"]
    assert person_position(words, kinds, 3) == OWNED
    assert person_position(["舵手", "双手"], ["V", "H"], 0) == HEAD
    assert person_position(["然后", "鼓手"], ["M", "V"], 1) == HEAD  # a sequence marker opens the clause
    assert person_position(["敲", "完", "了", "鼓", "老", "鼓手"], ["T", None, None, None, None, "V"], 5) == OWNED
    assert person_position(["三十", "个", "划手"], [None, None, "V"], 2) == OWNED
    assert person_position(["底下", "织手"], [None, "V"], 1) == PLACE
    assert person_position(["腰鼓", "鼓手"], ["N", "V"], 1) == NOUN
    assert person_position(["一", "挥手"], [None, "V"], 1) is None  # after a numeral 一: the verb 挥手
    assert person_position(["洗", "手"], ["V", "N"], 1, lo=1) == HEAD  # nothing before it in its clause


@pytest.mark.parametrize("text,word,where", [
    ("对面的舵手左手扶着船帮。", "舵手", OWNED),
    ("两个鼓手双手抡起鼓槌。", "鼓手", OWNED),
    ("舵手双手握紧船桨。", "舵手", HEAD),
    ("绳子一拉就撒手，右手去接。", "撒手", None),
])
def test_positions_on_sentences(text, word, where):
    spec = default_spec()
    doc = tokenize_doc(spec, text)
    at = person_position(doc.words, doc.kinds, doc.words.index(word), 0, spec.pos_tags())
    assert at == where
    assert (at in SUBJECT_POSITIONS) == (where in (HEAD, OWNED))
    assert (at in OWNER_POSITIONS) == (where is not None)


# --- the three readings ask it: the person is never the step's action, tool or material ----------------------------

def _fields(text: str) -> list[tuple]:
    return [(s["action"], s.get("tool"), s.get("material"), s.get("hand")) for s in normalize(text).to_dict()["steps"]]


@pytest.mark.parametrize("text,person,hand", [
    ("舵手双手握紧船桨，使劲往后划。", "舵手", "both"),  # the clause head
    ("对面的舵手左手扶着船帮。", "舵手", "left"),  # after 的
    ("两个鼓手双手抡起鼓槌。", "鼓手", "both"),  # after a count
    ("一位老艄公右手握着篙子。", "艄公", "right"),  # after 老
    ("三个小工两只手扶着木料。", "小工", "both"),
    ("然后绣娘左手托着绷子，右手拿针往下扎。", "绣娘", "left"),  # after a sequence marker
    ("先把竹篾泡软，篾匠左手按住竹片，右手拿刀劈开。", "篾匠", "left"),
    ("学生们左手按着宣纸，右手提笔。", "学生", "left"),  # before 们
])
@pytest.mark.parametrize("asr", [False, True], ids=["punctuated", "unpunctuated"])
def test_a_subject_person_is_no_action_tool_or_material(text, person, hand, asr):
    steps = _fields(strip_punctuation(text) if asr else text)
    assert steps
    for action, tool, material, _ in steps:
        assert person not in (action or "") and person not in (tool or "") and person not in (material or ""), steps
    assert any(h == hand for *_, h in steps), steps


def test_an_agent_noun_before_a_hand_in_text_without_punctuation():
    steps = _fields("安塞腰鼓鼓手双手抡起鼓槌往下砸")  # after a noun: the hands are the drummer's
    assert steps[0][0] == "抡" and steps[0][1] == "鼓槌" and steps[0][3] == "both"
    assert all("鼓手" not in (a or "") for a, *_ in steps)
    steps = _fields("敲完了鼓老鼓手双手举槌")  # after 老, jieba's 鼓老 / 鼓手 notwithstanding
    assert all("鼓手" not in (a or "") for a, *_ in steps)


def test_a_person_after_a_place_word_goes_with_the_hand_in_text_without_punctuation():
    # breaks: 底下 + 织 / 手 before 左手 is the hand's owner, so the cut falls before it; not a step 织手 of its own
    steps = _fields("把经线绷紧了底下织手左手拿梭子往里穿")
    assert all("织手" not in (a or "") and m != "手" for a, _, m, _ in steps), steps
    assert any(a == "穿" and t == "梭子" and h == "left" for a, t, _, h in steps), steps


def test_a_verb_x_shou_after_a_numeral_is_the_action_not_the_hand_owner():
    # 「他一挥手左手就按住琴弦」: 挥手 after 一 stands where no owner stands (the same answer breaks gives), so it is
    # the verb it is, not a person owning the left hand
    for text in ("他一挥手左手就按住琴弦", "他一挥手，左手就按住琴弦。"):
        actions = [a for a, *_ in _fields(text)]
        assert "挥手" in actions and "按住" in actions, actions


def test_a_person_x_shou_heading_its_clause_before_gen_zhe():
    actions = [a for a, *_ in _fields("划手跟着锣声一齐划桨。")]
    assert "划手" not in actions and "划桨" in actions
