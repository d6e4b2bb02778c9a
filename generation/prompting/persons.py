"""Who acts, read by a word's ending and by where it stands: the one place of that rule (nlp-persons2).

Three readers ask it, each about its own tokens: ``roles`` (a step's tool or material that names who acts is
cleared, ``_drop_persons``), ``extract`` (a verb-tagged 鼓手/v, 织 / 手 or 绣/T + 娘 that names the person, not the
action, ``_finish_doc``) and ``breaks`` (in text without punctuation the cut before a hand takes the hand's owner
with it). They share the two questions answered here and keep only what must FOLLOW the word, which is what
differs between them (a hand word or 们; a verb or 就 after X手; a hand only):

* ``info_is_person(topic)``: a person wherever the word stands (师傅, 木匠, 绣娘, 咱们);
* ``person_shaped(word, tag, endings)``: the word may name a person by its ending (鼓手, 小工, 学生, 农家, 艄公), so the
  place decides; never a thing named so (扳手, 把手), a counted hand (左手, 双手), a tool, a body word, nor a word
  jieba tags a place, time or function word;
* ``person_position(words, kinds, i, lo, tags)``: where token i stands, read on the token before it: ``HEAD`` of
  its clause, ``OWNED`` (after 的, a count or 老/小: 「对面的骑手」「两个鼓手」「老艄公」),
  after a ``PLACE`` word (「底下织手」) or after a ``NOUN`` (「安塞腰鼓鼓手」, text with no punctuation). A subject
  stands at ``SUBJECT_POSITIONS``; a hand's owner at any of the four (``OWNER_POSITIONS``).

Django-free and on normalize()'s path (``native.MODULES``)."""
from __future__ import annotations

from .tokens import _is_tool_word
from .words import (BODY_WORDS, HAND_COUNT_CHARS, HAND_NAMED_THINGS, MATERIAL_HEADS, NOT_PERSON_TAGS, PERSON_CLASSIFIER_CHARS,
                    PERSON_ENDINGS, PERSON_NOUNS, PERSON_PLACES, PERSON_PREFIX_CHARS, PERSON_PRONOUN_CHARS, PERSON_PRONOUNS,
                    PERSON_SUFFIXES, POS_TAGS, SUBJECT_PERSON_SUFFIXES)

HEAD = "head"  # nothing before it in its clause, or punctuation or a sequence marker (然后)
OWNED = "owned"  # after 的, a count or a classifier of people (个, 位, 名)
PLACE = "place"  # after a place word (底下, 旁边: ``words.PERSON_PLACES``)
NOUN = "noun"  # after a noun, an adjective or a term jieba tags a noun (text with no punctuation: 腰鼓鼓手)
SUBJECT_POSITIONS = frozenset((HEAD, OWNED))
OWNER_POSITIONS = frozenset((HEAD, OWNED, PLACE, NOUN))


def info_is_person(topic) -> bool:
    """A topic naming a person (师傅, 老师傅, 手艺人, 演员, 他, 咱们, 大夫, 货郎, 木匠): who acts, not a thing; not a
    figure made of some stuff (泥人, 面人, 糖人) nor anything the lexicon knows. By the word's form (nlp-persons): a
    pronoun jieba tags r that opens with 我/你/他/她/俺/咱/您, or a noun ending in a person suffix
    (``words.PERSON_SUFFIXES``, ``PERSON_ENDINGS``) that jieba tags no place, time or function word. The endings
    that need the place as well (鼓手, 小工: ``SUBJECT_PERSON_SUFFIXES``) are ``person_shaped`` + ``person_position``."""
    np, info = topic
    if info is not None:
        return False
    if len(np) >= 3 and np[-1] == "们":
        np = np[:-1]  # 「孩子们」「艺人们」: N们 names people
    core = np[1:] if len(np) > 2 and np[0] in PERSON_PREFIX_CHARS else np
    if core in PERSON_PRONOUNS or core in PERSON_NOUNS:
        return True
    if len(np) < 2:
        return False
    tag = dict.get(POS_TAGS.roles, np, "")  # (compiled, dict's own lookup called directly: no method looked up per call)
    if np[0] in PERSON_PRONOUN_CHARS and (tag == "r" or (len(np) == 2 and np[1] == "们")):
        return True  # 「咱们左手…」「他们」「俺们」
    if tag in NOT_PERSON_TAGS:
        return False  # 武汉/ns, 东汉/t, 或者/c
    if np[-1] == "人" and np[0] in MATERIAL_HEADS:
        return False  # a figure of some stuff (泥人, 面人, 糖人), no person
    return np[-1] in PERSON_SUFFIXES or str.endswith(np, PERSON_ENDINGS)


def person_shaped(word: str, tag: str, endings: frozenset = SUBJECT_PERSON_SUFFIXES) -> bool:
    """``word`` (two or three characters, jieba's ``tag``) ends like a person's name (``endings``: 鼓手, 小工, 学生,
    绣娘, 艄公), so where it stands decides whether it is one. Never a thing named X手 (扳手, 把手:
    ``words.HAND_NAMED_THINGS``), a counted hand (左手, 双手: ``HAND_COUNT_CHARS``), a tool, a body word, nor a word
    jieba tags a place, time, numeral or function word (``NOT_PERSON_TAGS``)."""
    return 2 <= len(word) <= 3 and word[-1] in endings and word not in HAND_NAMED_THINGS \
        and word[0] not in HAND_COUNT_CHARS and tag not in NOT_PERSON_TAGS and word not in BODY_WORDS \
        and not _is_tool_word(word)


def person_position(words: list, kinds: list, i: int, lo: int = 0, tags: dict | None = None) -> str | None:
    """Where token i (a word ``person_shaped`` says may be a person) stands in the clause that opens at token ``lo``,
    read on the token before it: ``HEAD`` (nothing before it in the clause, punctuation or a sequence marker),
    ``OWNED`` (的, a count, 个/位/名, or 老/小, which make the word a noun: 「一位老鼓手」「敲完了鼓老鼓手双手…」, no verb
    X手 follows 老), ``PLACE`` (a place word,
    ``words.PERSON_PLACES``), ``NOUN`` (a noun, an adjective, a term ``tags`` says is a noun) or None (a verb, an
    adverb …: then the word is what that verb works, or a verb itself)."""
    j = i - 1
    if j < lo:
        return HEAD
    kind = kinds[j]
    if kind == "P" or kind == "M":
        return HEAD
    prev = words[j]
    if prev == "的" or kind == "Q" or prev[-1:] in PERSON_CLASSIFIER_CHARS or prev in PERSON_PREFIX_CHARS:
        return OWNED
    if prev in PERSON_PLACES:
        return PLACE
    if kind == "N" or kind == "A" or (kind == "T" and tags is not None and tags.get(prev, "")[:1] == "n"):
        return NOUN
    return None
