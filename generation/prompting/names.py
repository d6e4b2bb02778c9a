"""Term names the text itself coins: names with a craft suffix (``_suffix_names``), craft and object names,
coordinated names (甲和乙), quoted names (「…」), names led by a tool word (``_led_tool_names``), slot nouns,
technique compounds (with a one-character technique named by its definition, 「猱是…」) and things a verb reaches
(``_reached_things``: 髹上 + 底漆), one-character names listed and counted (``_counted_names``: 结、掼、勾、戗这四样)
and a noun and its part jieba cut apart (``_part_nouns``: 鞋|襻). ``extract()`` runs them once per text; constants
live in ``words.py``.

jieba's tag table is read as ``dict.get(tags, word, "")`` throughout (per token in most walks): compiled, that calls
dict's own lookup directly, where ``tags.get(word, "")`` looks the method up and makes a bound method at every read."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import chain, compress, islice

from .spec import Spec, _trie_pattern
from .tokens import Doc
from .words import (from_pos_table, ASPECT_AFTER_VERB, BEFORE_WORDS, BODY_CHARS, COMPLEMENTS, COORD_RE, COORD_STOP, COPULAS, CRAFT_HEADS,
                    CRAFT_NAME_LEADS, DEFINING_DEMONSTRATIVES, DEMONSTRATIVES, DIRECTION_CHARS, DIRECTION_VERBS,
                    DIRECTION_WORDS, FILLERS, FUNCTION_TAGS, GENERIC_SUFFIX_WORDS, GENRE_HEADS, GENRE_NOUN_HEADS, HAND_CHARS, LED_TOOL_RE,
                    HMM_PAIR_CLOSED, LED_TOOL_STOP, LOCATIVES, MANNER_VERBS, MANUAL_VERBS, MATERIAL_HEADS, MEASURE_PREV, METHOD_LEADS,
                    METHOD_WORDS,
                    MISTAGGED_NOUN_TAGS, MODALS, NAME_ENDS, NAMING_VERBS, NEGATIONS, NUMERAL_CHARS, OBJECT_CHAR_TAGS,
                    OBJECT_MARKERS, OPENING_NAME_NEXT, OPENING_PRONOUNS, PERSON_LEADS, PIECE_CLASSIFIERS, PRACTICE_VERBS, PLACE_SUFFIX, POS_TAGS, PREDICATE_ADVERBS,
                    PUNCT, PURPOSE_VERBS,
                    QUOTE_PAIRS, REACH_ENDS, RESULT_COMPLEMENTS, RESULT_VERBS, ROUTE_PREPOSITIONS, SAYING_SOURCES, SAYING_VERBS,
                    SENTENCE_CHARS,
                    SENTENCE_ENDS, SKIP, SLOT_LOCATIVES, SLOT_PREPOSITIONS, SPEECH_LEADS, SPEECH_VERBS, STATE_RESULTS,
                    STOP_NOUNS, STOP_VERBS, SUFFIX_NAME_STOP, SUFFIX_NAME_TAGS, TECHNIQUE_SUFFIX, TECHNIQUE_WORDS,
                    TOOL_HEADS, TOOL_LEAD, TOOL_NAME_SUFFIX, TOPIC_NAME_TAGS, TOPIC_PARTICLES, UNKNOWN_NAME_TAGS,
                    _COMPOUND_CLOSED)


# (the candidate scans below: a naming verb or copula, the kinds that may stand in a slot)
_NAMING_OR_COPULA = frozenset(NAMING_VERBS | COPULAS)
_SLOT_KINDS = frozenset((None, "N", "T"))
# the kinds no piece of a name is: punctuation, a quantity, a sequence or relation marker, a hand, a tool's lead (用, 拿)
# or an object marker (把)
_NOT_NAME_KINDS = frozenset(("P", "Q", "M", "H", "R", "O", "L"))


# the leads of the means before which a word of two characters with a technique's suffix is its name (「以飞步绕场」)
_MEANS_LEADS = frozenset(("以", "用"))


def _suffix_names(spec: Spec, doc: Doc):
    """Token spans (start, end) of a coined name of a technique or a form, said without quotation marks
    or a naming verb (「脚下是蹚泥步」「这里用回旋针」「先练个站桩功」): a word of one or two characters
    ending in 法/功/步/式/拳/掌/针/刀 with what jieba glued before it (one piece before a word of two
    characters: 蹚 + 泥步; up to two before one character: 白鹤 + 亮翅 + 式), three to five characters in
    all. The pieces before stop at what takes the name as its object or points at it (是, 用, 练, 按,
    个, 这…), at numbers, places, hands, a verb with its complement and punctuation; a verb before a
    tool the lexicon knows is its object (「刻推刀」), the same character twice is a verb and its object
    (「剪剪刀」); an adjective before a general word (「老手法」) is no name, nor is a general word
    (办法, 方式) or a verb and its object (练功, 出拳)."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    n = len(words)
    # (only a word ending in a suffix can close a name: the others are skipped in C)
    # (compiled, a test inside the loop costs far less per token than compress over chained maps: each map step is
    # a call; the words are read when the walk reaches them, as before)
    for k in range(1, n):
        if words[k][-1:] not in TECHNIQUE_SUFFIX:
            continue
        w = words[k]
        if not 1 <= len(w) <= 2 or w[-1] not in TECHNIQUE_SUFFIX or w in GENERIC_SUFFIX_WORDS \
                or kinds[k] in _NOT_NAME_KINDS:
            continue
        if len(w) == 2 and words[k - 1] in _MEANS_LEADS and w not in TECHNIQUE_WORDS:
            yield k, k + 1  # 「以飞步绕场」「以跳步前进」: after 以/用, the way it is done (whatever jieba tags it)
            continue
        if len(w) == 2 and dict.get(tags, w, "")[:1] == "v":
            continue  # (练功, 出拳, 下针: a verb and its object, no name)
        known_tool = w in spec.terms and spec.terms[w].category == "tool"
        a, size = k, len(w)
        while a > 0 and k - a < 3 - len(w):
            p = words[a - 1]
            if known_tool and a == k and dict.get(tags, p, "")[:1] == "v":
                break  # 「按住针」: a verb before a tool it names is its object, no name
            if a < k and len(p) == 1 and len(words[a]) == 1 and dict.get(tags, p, "")[:1] == "v" \
                    and dict.get(tags, words[a], "")[:1] == "v":
                break  # 「推着刻推刀」: two verbs in a row, the second with its object
            if kinds[a - 1] in _NOT_NAME_KINDS or p in SUFFIX_NAME_STOP or p in TOOL_LEAD \
                    or p in ROUTE_PREPOSITIONS or p[-1] == w[0] or p[-1] in "住着了到起开" \
                    or not all("\u4e00" <= ch <= "\u9fff" for ch in p) or dict.get(tags, p, "x")[:1] in SUFFIX_NAME_TAGS \
                    or p in NEGATIONS or (p in COMPLEMENTS and p != "回") or p in SKIP or size + len(p) > 5 \
                    or (p in spec.terms and spec.terms[p].category == "body"):
                break
            a -= 1
            size += len(p)
        if a == k or size < 3:
            continue
        if len(w) == 2 and w[0] in "手刀针步技功" and len(words[a]) == 1 and dict.get(tags, words[a], "")[:1] == "a" \
                and a == k - 1:
            continue  # 「老手法」「好刀法」: an adjective before a general word
        yield a, k + 1


def _craft_names(spec: Spec, doc: Doc):
    """Token spans (start, end) of a craft's name jieba cut into two characters (「苗绣里有个绝活」「核雕
    用的是橄榄核」「做汴绣要有耐心」): a one-character word that is no verb, no material, tool or body
    part and no function word, then 绣/雕/塑/画 alone, opening a clause or after 做/学/是/的…, with no
    complement after it (「布绣好了」 is a cloth embroidered)."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    n = len(words)
    # (only a word before 绣/雕/塑/画 can open one: the others are skipped in C)
    for k in range(n - 1):
        if words[k + 1] not in CRAFT_HEADS:
            continue
        x, h = words[k], words[k + 1]
        if len(x) != 1 or len(h) != 1 or h not in CRAFT_HEADS or not "\u4e00" <= x <= "\u9fff":
            continue
        if not (k == 0 or kinds[k - 1] in ("P", "M") or words[k - 1] in CRAFT_NAME_LEADS):
            continue
        t = dict.get(tags, x, "")
        if t[:1] in FUNCTION_TAGS or t[:1] in ("v", "a", "f", "s") or x in MATERIAL_HEADS or x in TOOL_HEADS \
                or x in BODY_CHARS or x in HAND_CHARS or x in SKIP or x in NUMERAL_CHARS or x in PLACE_SUFFIX \
                or (x in spec.terms and spec.terms[x].category != "technique"):
            continue
        nxt = words[k + 2] if k + 2 < n else ""
        if (nxt in COMPLEMENTS and nxt not in LOCATIVES) or nxt in ASPECT_AFTER_VERB:
            continue
        yield k, k + 2
    yield from _genre_names(tags, doc)


# the tags of a word jieba's dictionary lacks (a person's or place's name) or holds as a set phrase
_GENRE_NAME_TAGS = frozenset(UNKNOWN_NAME_TAGS | {"i", "l"})


def _genre_names(tags: dict, doc: Doc):
    """(nlp-s21-terms) Token spans (start, end) of the name of a form, genre or craft that jieba's dictionary lacks
    (``words.GENRE_HEADS``): a word ending in 戏/剧/歌/曲/调/舞/节/绣/雕/塑/画 that jieba tags as a person or a place
    (two to four characters: 「邕剧的南派功夫」「望果节就是…」) or as a set phrase of three (「小时候拍手歌是这么玩的」;
    one of four says what is done: 唱歌跳舞), no numeral or demonstrative opening it (一出戏, 这歌), no verb and its
    object (唱大戏), or such
    a name of two or three characters jieba cut off before 戏/剧/歌 said alone as a noun (「这点布依戏开台」). Not a
    word some rule already reads (a term, a hand, a quantity)."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    # (only a word jieba tags as a name or a set phrase can be one: the others are skipped in C)
    for k in [i for i, w in enumerate(words) if dict.get(tags, w, "") in _GENRE_NAME_TAGS]:  # (a comprehension: cheaper compiled)
        w = words[k]
        if kinds[k] is not None or not all("\u4e00" <= ch <= "\u9fff" for ch in w):
            continue
        if w[0] in NUMERAL_CHARS:
            continue  # (一出戏: a count of plays; 这歌, 那首歌: the one pointed at)
        if dict.get(tags, w[0], "")[:1] == "v" and dict.get(tags, w[1:], "")[:1] == "n":
            continue  # (唱大戏, 耍把戏: a verb and its object)
        if w[-1] in GENRE_HEADS and (2 <= len(w) <= 4 if tags[w] in UNKNOWN_NAME_TAGS else len(w) == 3):
            yield k, k + 1  # (a set phrase of four characters says what is done: 唱歌跳舞, 载歌载舞)
        elif 2 <= len(w) <= 3 and k + 1 < n and words[k + 1] in GENRE_NOUN_HEADS and kinds[k + 1] in (None, "N") \
                and dict.get(tags, words[k + 1], "")[:1] == "n" and dict.get(tags, w, "") in UNKNOWN_NAME_TAGS:
            yield k, k + 2


def _legend_names(tags: dict, doc: Doc):
    """(s26-terms) Token indices of a word of four characters that jieba's dictionary holds whole and tags as a person's
    name (nr: its tag for many set phrases and story names, 左右开弓, 盘古开天), said as a clause of its own or as what a
    verb before it names, closing the clause (「讲到盘古开天,」「一磕,左右开弓,」), where no rule reads it: the name of
    a story, a piece or a set move. Not a reduplication (老老少少: everyone), nor one said of a subject before it
    (「汽车呼啸而过」)."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    for k in range(1, n):
        w = words[k]
        if len(w) != 4 or kinds[k] is not None or dict.get(tags, w, "") != "nr":
            continue
        if w[0] == w[1] or w[2] == w[3] or not all("\u4e00" <= ch <= "\u9fff" for ch in w):
            continue
        if (k + 1 == n or kinds[k + 1] == "P") and (kinds[k - 1] == "P" or dict.get(tags, words[k - 1], "")[:1] == "v"):
            yield k


def _object_names(spec: Spec, doc: Doc):
    """Token indices of a word of two or more characters that jieba tags as a person, a place or a time
    (its dictionary lacks it: 鹿角霜/nr, 卯眼/t) where a thing stands: right after a verb, 把/将, 用/拿,
    or 比, or right before a locative (「生漆调鹿角霜」「比卯眼稍微大」). Not after a word that leads a
    person's name (跟, 问, 师傅 …). One of three characters or more tagged as a person or a place also where it
    opens a clause or the text as what the clause is about (「冬不拉一响」「阿凡提的故事嘛」; not a plural, 老先生们,
    nor one opened by an adjective or an adverb, 老太太, 越往后)."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    # (only a word jieba tags as a person, a place or a time can be one: the others are skipped in C)
    for k in range(1, len(words)):
        if dict.get(tags, words[k], "") not in MISTAGGED_NOUN_TAGS:
            continue
        w = words[k]
        if len(w) < 2 or kinds[k] not in (None, "N") or dict.get(tags, w, "") not in MISTAGGED_NOUN_TAGS \
                or not all("\u4e00" <= ch <= "\u9fff" for ch in w) or w in STOP_NOUNS \
                or all(ch in DIRECTION_WORDS or ch in DIRECTION_CHARS for ch in w):
            continue  # (过去/t, 下来/t: a direction; 东西: no name)
        prev, nxt = words[k - 1], (words[k + 1] if k + 1 < len(words) else "")
        if prev in PERSON_LEADS:
            continue
        verb_before = kinds[k - 1] == "V" or (kinds[k - 1] == "T" and dict.get(tags, prev, "")[:1] == "v"
                                               and prev not in TOOL_LEAD)
        if verb_before or prev in OBJECT_MARKERS or kinds[k - 1] in ("L", "O") or prev in TOOL_LEAD or prev == "比" \
                or nxt in SLOT_LOCATIVES:
            yield k
        elif kinds[k - 1] == "P" and nxt and kinds[k + 1] != "P" and _topic_name(tags, w, nxt):
            yield k  # (nlp-s21-terms) 「。冬不拉一响,…」: such a name opening a clause, what it is about
    if len(words) > 1 and kinds[0] is None and kinds[1] != "P" and _topic_name(tags, words[0], words[1]) \
            and all("\u4e00" <= ch <= "\u9fff" for ch in words[0]):
        yield 0  # (「阿凡提的故事嘛,…」: opening the text)


_COMPASS = frozenset("东南西北中")


def _topic_name(tags: dict, w: str, nxt: str) -> bool:
    """``w``, opening a clause before ``nxt``, is a name jieba's dictionary lacks (``_object_names``): three characters
    or more tagged as a person or a place, not a plural (老先生们), a kind of person (庄稼人), a compass point
    (东南西北) or a word an adjective or an adverb opens (老太太, 越往后)."""
    return len(w) >= 3 and dict.get(tags, w, "") in UNKNOWN_NAME_TAGS and nxt != "们" and w[-1] != "人" \
        and dict.get(tags, w[0], "")[:1] not in ("a", "d") and not all(ch in _COMPASS for ch in w)


def _coordinated_names(norm: str, doc: Doc):
    """Character spans (start, end) of names listed side by side: 「X、Y」 where the two share their
    last character (the head of a Chinese compound: 「花旁、大旁」「四平马、子午马」「文狮、武狮」)
    are two kinds of one thing, each a name of the craft, whatever pieces jieba cut them into. The
    first item runs back to the clause start (two to four characters); the second is as long as it
    takes to reach the shared head (two to four characters). Two names joined by 跟/和/与/及/或 count
    the same way (「抬錾跟落錾」), each as long as the right one."""
    qspans = [(q.start, q.end) for q in doc.quantities.values()]
    pos = norm.find("\u3001")
    while pos != -1:
        a = pos
        while a > 0 and pos - a < 5 and "\u4e00" <= norm[a - 1] <= "\u9fff":
            a -= 1
        head = norm[pos - 1] if pos else ""
        j = norm.find(head, pos + 2, pos + 5) if pos else -1
        if j != -1 and pos - a > j - pos and (a > 0 and "\u4e00" <= norm[a - 1] <= "\u9fff" or pos - a > 4):
            # 「练马步四平马、子午马」: no clause start before the first name (a recogniser's text, where
            # ``breaks`` put the list mark back): it is as long as the second
            a = pos - (j - pos)
        if 2 <= pos - a <= 4 and (a == 0 or not "\u4e00" <= norm[a - 1] <= "\u9fff" or pos - a == j - pos) \
                and norm[a] != "第" and dict.get(POS_TAGS.segment, head, "x")[:1] not in FUNCTION_TAGS:
            right = norm[pos + 1:j + 1] if j != -1 else ""
            if right and all("\u4e00" <= ch <= "\u9fff" for ch in right) \
                    and right != norm[a:pos] and not any(qa < j + 1 and pos + 1 < qb or qa < pos and a < qb
                                                         for qa, qb in qspans):
                yield a, pos
                yield pos + 1, j + 1
        pos = norm.find("\u3001", pos + 1)
    yield from _glued_names(doc)
    yield from _user_names(doc)
    yield from _numeral_dictionary_names(norm, doc)
    # 「抬錾跟落錾」「粗拉和细拉」「平推与斜推」: two names joined by 跟/和/与/及/或 that share their head are
    # two kinds of one thing too; the right one runs to the shared head (two or three characters) and
    # the left one is as long (jieba's cut before it, 「分抬」, does not decide where it starts)
    for m in COORD_RE.finditer(norm):
        c = m.start()
        for size in (2, 3):
            left, right = norm[c - size:c], norm[c + 1:c + 1 + size]
            if c - size < 0 or len(right) < size or left[-1] != right[-1] or left == right:
                continue
            if not all("\u4e00" <= ch <= "\u9fff" and ch not in COORD_STOP for ch in left + right):
                continue
            if dict.get(POS_TAGS.segment, left[-1], "x")[:1] in FUNCTION_TAGS or left[-1] in PLACE_SUFFIX \
                    or dict.get(POS_TAGS.segment, left, "")[:1] in ("f", "s") or dict.get(POS_TAGS.segment, right, "")[:1] in ("f", "s") \
                    or any(qa < c + 1 + size and c - size < qb for qa, qb in qspans):
                continue
            a = c - size
            k = bisect_right(doc.starts, c) - 2  # the token that ends at the connector
            if 0 <= k and doc.starts[k + 1] == c and doc.starts[k] < a and c - doc.starts[k] <= 4 \
                    and all("\u4e00" <= ch <= "\u9fff" and ch not in COORD_STOP for ch in norm[doc.starts[k]:a]):
                a = doc.starts[k]  # 「糯米粉跟面粉」: a word of its own before the connector is the left name
            yield a, c
            yield c + 1, c + 1 + size
            break


def _glued_names(doc: Doc):
    """Character spans (start, end) of a noun of two characters whose first character jieba glued to the verb
    before it (nlp-s21-terms2): a verb of two characters whose second character is a noun alone, then a
    one-character noun closing the clause (「做青|团,」「押头|韵。」「滤出头|汁,」): the verb's noun character and
    the noun are the name the text coins (青团, 头韵, 头汁), whatever the dictionary lacks. Not a verb and its
    result (拉开|弓, 划破|皮: the second character a verb), nor a form's name (上梁歌: ``_genre_names``), nor two
    characters the dictionary holds as other than a noun (set apart as ``_coordinated_names`` does: listed,
    the verb kept)."""
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    tags = POS_TAGS.segment
    n = len(words)
    # (only a two-character word before a one-character one can be such a verb: those pairs are found in C; of them,
    # only a verb whose second character is a noun, ``_glued_verbs``, drawn once from the table: one in ten)
    verbs = from_pos_table(_glued_verbs)
    for k in [i for i in range(n - 1) if len(words[i]) == 2 and len(words[i + 1]) == 1 and words[i] in verbs]:
        v, o = words[k], words[k + 1]
        if o in GENRE_HEADS or dict.get(tags, v, "x")[:1] != "v" or dict.get(tags, v[1], "x")[:1] != "n" \
                or dict.get(tags, o, "x")[:1] != "n" or dict.get(tags, v[1] + o, "n")[:1] != "n" \
                or kinds[k + 1] in _NOT_NAME_KINDS or not _clause_edge(words, kinds, k + 2):
            continue  # (the clause edge, a call, read last)
        yield starts[k] + 1, starts[k + 1] + 1


def _glued_verbs(tags: dict) -> frozenset:
    """The words of two characters ``_glued_names`` reads as a verb with a noun's character glued to it: tagged a verb,
    the second character a noun (its first two tests, computed once per part-of-speech table: ``words.from_pos_table``)."""
    return frozenset(w for w, t in tags.items() if len(w) == 2 and t[:1] == "v" and dict.get(tags, w[1], "x")[:1] == "n")


# the verb a thing's name stands before as what uses something (「皮雕用的是…」「发绣不用丝线」)
_USE_VERBS = frozenset(("用", "不用"))


def _user_names(doc: Doc):
    """Character spans (start, end) of the two characters said before 用/不用 when jieba left the second one a word
    alone (nlp-s21-terms2): a thing or a work the text names by what it uses, its name unknown to the dictionary
    (「皮|雕用的是牛皮」「雕偶|头用樟木」「发|绣不用丝线」「藏医药|浴用的是…」: 皮雕, 偶头, 发绣, 药浴). The second
    character a noun or a verb, no modal (篾要用), particle (红的用) or adverb (先用); neither a hand, a numeral
    nor a demonstrative (两手用), the first no particle, preposition or pronoun."""
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    tags = POS_TAGS.segment
    for i in [j for j in range(2, len(words)) if words[j] in _USE_VERBS]:  # (a comprehension: cheaper compiled)
        p, q = words[i - 2], words[i - 1]
        if len(q) != 1 or q in MODALS or dict.get(tags, q, "x")[:1] not in ("n", "v") or kinds[i - 1] in _NOT_NAME_KINDS \
                or kinds[i - 2] in _NOT_NAME_KINDS or not "\u4e00" <= p[-1] <= "\u9fff" or p[-1] in NUMERAL_CHARS \
                or p[-1] in HAND_CHARS or dict.get(tags, p[-1], "x")[:1] in _NOT_USER_TAGS:
            continue
        yield starts[i] - 2, starts[i]


# (the character before: no particle, preposition, conjunction, pronoun or numeral; an adverb's character may open a
# name, 偶 of 偶头)
_NOT_USER_TAGS = frozenset("uypcrmqex")


# the numerals a dictionary name may hold (三棒鼓, 洗三, 十番锣鼓) and the tags of such names: a proper noun of
# a thing (nz); not n (一针, 两条腿), l (退一步), nor i (一五一十: a set phrase, read by _numeral_phrases as a clause)
_NAME_NUMERALS = frozenset("一二三四五六七八九十百千")
_NUMERAL_NAME_TAGS = frozenset(("nz",))


def _numeral_names(tags: dict) -> tuple:
    """The dictionary's proper nouns (nz) of two to four characters holding a numeral, no sum of money (十块钱), and a
    pattern that finds where one starts (computed once per part-of-speech table, ``words.from_pos_table``: a pass only
    runs the pattern, in C)."""
    names = frozenset(w for w, t in tags.items() if t in _NUMERAL_NAME_TAGS and 2 <= len(w) <= 4
                      and not _NAME_NUMERALS.isdisjoint(w) and w[-1] != "钱")
    # (a trie, as the spec's word patterns: an alternation of ~1,000 words would try each one everywhere)
    if not names:
        return names, None
    # (the trie behind a class of the names' first characters, read from the character that class matched: the
    # same starts as a lookahead ``(?=trie)`` at every position, but the regex engine skips to a first character
    # in a C scan instead of trying the lookahead at each position, about 1/20 of the time; a match is that one
    # character, so each start is found once)
    first = re.escape("".join(sorted({w[0] for w in names})))
    return names, re.compile("[" + first + "](?<=(?=" + _trie_pattern(names).pattern + ").)")


def _numeral_dictionary_names(norm: str, doc: Doc):
    """Character spans (start, end) of a name with a numeral that jieba's dictionary holds as a proper noun (nz) but
    that the text's tokens cut apart, a quantity or a one-character verb taking its numeral (nlp-s21-terms2:
    「三棒鼓,就是…」 三棒 read as a count, 「要洗三」 洗|三): the dictionary's name, its ends where tokens begin (two
    to four characters). Not a name the tokens keep whole (listed already), nor a sum of money the dictionary
    lists (十块钱)."""
    names, pattern = from_pos_table(_numeral_names)
    if pattern is None:
        return
    starts = doc.starts
    bounds = starts + [len(norm)]
    n = len(starts)
    # only where such a name starts (found by the pattern, in C) and a token starts too
    for m in pattern.finditer(norm):
        a = m.start()
        k = bisect_left(starts, a)
        if k == n or starts[k] != a:
            continue
        for j in range(k + 2, min(k + 5, n + 1)):
            b = bounds[j]
            if b - a > 4:
                break
            if norm[a:b] in names:
                yield a, b


# every opening quotation mark (``QUOTE_PAIRS``' keys, single characters), for ``_quoted_names``
_QUOTE_OPENERS = re.compile("[" + "".join(map(re.escape, QUOTE_PAIRS)) + "]")


def _quoted_names(norm: str):
    """Character spans (start, end) of names the transcript puts in quotation marks (「叫'打坯'」
    「脚下用的是'趟泥步'」「要'杵捣'」): two to six Chinese characters and nothing else between a pair
    of marks are a name the speaker sets apart, a term of the craft, whatever jieba cut it into. A
    quotation after a speech verb or a colon (「师傅说'慢点'」), or one with a pronoun, a negation or a
    particle of mood in it, is words spoken, not a name."""
    for mark in QUOTE_PAIRS:  # (a substring test each, in C, where most texts have no mark: cheaper than the scan's first
        if mark in norm:      # search, which tests every character against the marks)
            break
    else:
        return
    i, n = 0, len(norm)
    search = _QUOTE_OPENERS.search
    while i < n:
        m = search(norm, i)  # (the next opening mark, found in C: most texts have none)
        if m is None:
            return
        i = m.start()
        close = QUOTE_PAIRS[norm[i]]
        j = norm.find(close, i + 1, i + 9)
        if j == -1:
            i += 1
            continue
        said = norm[i + 1:j]
        before = norm[i - 1] if i else ""
        if 2 <= len(said) <= 6 and all("\u4e00" <= ch <= "\u9fff" for ch in said) \
                and before not in SPEECH_LEADS and (not SENTENCE_CHARS.intersection(said) or _named_with_le(norm, i, j)):
            yield i + 1, j
        i = j + 1


# (s26-terms) what stands before a quotation that names (a copula, a naming verb's last character) where the name may
# hold 了 inside it
_NAMING_BEFORE_QUOTE = frozenset("是叫为作")
_QUOTE_CLOSERS = frozenset(QUOTE_PAIRS.values())


def _named_with_le(norm: str, i: int, j: int) -> bool:
    """(s26-terms) The quotation norm[i:j + 1] is a name though 了 is in it (「再经“打开子”“打了细”两道锤打」「最后是“打了
    细”」): 了 is its only particle and stands inside it, between a verb and what it makes (打了细, not 慢了, words said),
    and the quotation is named: after a copula or a naming verb, or one of quotations set side by side (a list of
    names)."""
    said = norm[i + 1:j]
    if SENTENCE_CHARS.intersection(said) != {"了"} or said[0] == "了" or said[-1] == "了":
        return False
    return (i > 0 and (norm[i - 1] in _NAMING_BEFORE_QUOTE or norm[i - 1] in _QUOTE_CLOSERS)) \
        or (j + 1 < len(norm) and norm[j + 1] in QUOTE_PAIRS)


def _led_tool_names(spec: Spec, norm: str, doc: Doc):
    """Character spans (start, end) of a tool the speaker takes in hand by a name no word list knows
    (「拿平口刀」「换圆口刀」「右手拿排笔蘸」「用细齿锯锯开」「拿鼓键子」): after a taking verb, two to four
    characters up to the first tool head (刀笔锯锉刷…, with 子/头 when it follows) or up to a 子 name
    the tool, whatever jieba cut them into. A number, a classifier, a particle, a body part or a medium
    in the span (「拿一把刀」「用手刷」「用水刷」「拿稳刀」) makes it no name, and so do two nouns of
    the dictionary side by side (「用桐木底板」: two names), or a verb said twice (「刷刷」)."""
    tags = spec.pos_tags()
    ends = dict(zip(islice(doc.starts, 1, None), doc.words))  # (where each token ends → the token, in C)
    n = len(norm)
    for m in LED_TOOL_RE.finditer(norm):
        a = m.end()
        if a >= n or norm[a] in LED_TOOL_STOP or not "\u4e00" <= norm[a] <= "\u9fff":
            continue
        if norm[a] in TOOL_HEADS and norm[a + 1:a + 2] and norm[a + 1] in TOOL_NAME_SUFFIX:
            yield a, a + 2  # a head with its suffix: 「拿锉子」「用钻头」
            continue
        b = a + 1
        while b < n and b - a < 4 and "\u4e00" <= norm[b] <= "\u9fff" and norm[b] not in LED_TOOL_STOP \
                and norm[b] not in TOOL_HEADS and norm[b] != "子":
            b += 1
        if b >= n or not (norm[b] in TOOL_HEADS or norm[b] == "子") or norm[b] == norm[b - 1]:
            continue
        b += 1
        if b < n and (norm[b] in TOOL_NAME_SUFFIX if norm[b - 1] != "子" else norm[b] in TOOL_HEADS):
            b += 1  # 「毛刷子」, 「节子板」
        if any(len(ends[c]) >= 2 and c - len(ends[c]) >= a and b - c >= 2
               and (ends[c] in spec.terms or dict.get(tags, ends[c], "")[:1] == "n") and norm[c:b] in tags
               for c in range(a + 2, b - 1) if c in ends):
            continue  # 「桐木底板」「松木面板」: two nouns side by side, each a name of its own
        yield a, b


# the closed classes no piece of a slot noun is (``_slot_nouns``), joined once at import: the union of these eight sets,
# built afresh on each call that met a word new to the memo, cost ~25,000 instructions a call (~270 words copied seven
# times over)
_SLOT_CLOSED = frozenset(SKIP | COMPLEMENTS | MEASURE_PREV | NEGATIONS | PREDICATE_ADVERBS | STOP_NOUNS | PLACE_SUFFIX
                         | MODALS)


def _slot_nouns(spec: Spec, doc: Doc):
    """Token spans (a, a + 2) of two single characters jieba left apart that stand where a noun stands,
    so name a thing or a place of the craft (a compound its dictionary lacks): after a preposition of
    place or a V到 and before a verb, 把 or the clause end (「从折边开剪」「滑到甲尖,」); before a locative
    (「歌圩上对歌」); opening a clause before 的 (「底骨的中线」); after a one-character verb that opens
    its clause, up to the clause end (「下黄丹,」: its object)."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    n = len(words)

    memo = getattr(spec, "_slot_words", None)
    if memo is None:
        memo = spec._slot_words = {}
    new = set(words).difference(memo)
    closed = _SLOT_CLOSED
    for w in new:
        ok = len(w) == 1 and w not in DIRECTION_WORDS and dict.get(tags, w, "x")[:1] not in FUNCTION_TAGS \
            and not (w in spec.terms and spec.terms[w].category == "body")
        # (may open the pair, may close it: a locative may close it, 「锅边」, whatever jieba tags it:
        # 边/d, the adverb of 边…边…, still closes 「折边」)
        place = len(w) == 1 and w in PLACE_SUFFIX and w not in DIRECTION_WORDS
        memo[w] = (ok and w not in closed, (ok or place) and (w not in closed or w in PLACE_SUFFIX))
    # (the word's flags from the memo and its kind, untagged, a noun or a term, read once before the walk; one
    # comprehension: compiled, far cheaper per token than compress over chained maps, each map step a call)
    props, slot_kind = [memo[w] for w in words], [k in _SLOT_KINDS for k in kinds]
    pairs = [a for a in range(n - 1) if props[a][0] and slot_kind[a] and props[a + 1][1] and slot_kind[a + 1]]
    for a in pairs:
        prev, nxt = (words[a - 1] if a else ""), (words[a + 2] if a + 2 < n else None)
        nk = kinds[a + 2] if a + 2 < n else "P"
        start = a == 0 or kinds[a - 1] == "P"
        if not start and words[a + 1] in PLACE_SUFFIX and prev not in SLOT_PREPOSITIONS:
            continue  # (「锅边」 after 从/在…; elsewhere 边/上 after a character says where)
        if (prev in SLOT_PREPOSITIONS or (len(prev) == 2 and prev[1] == "到" and kinds[a - 1] in ("V", "T"))) \
                and (nk in ("P", "V", "O") or dict.get(tags, nxt or "", "")[:1] == "v"):
            yield a, a + 2
        elif nxt in SLOT_LOCATIVES and kinds[a - 1] not in ("N", "T", "V") and len(prev) >= 2:
            yield a, a + 2
        elif start and nxt == "的":
            yield a, a + 2
        elif nk == "P" and len(prev) == 1 and kinds[a - 1] in ("V", "T") and (a < 2 or kinds[a - 2] in ("P", "M")) \
                and (dict.get(tags, prev, "")[:1] == "v" or prev in DIRECTION_VERBS):
            yield a, a + 2
    yield from _hmm_pairs(spec, doc)


# the words before a noun's slot (「个满盖魔王」「跟巴依老爷」「把奶食…」) beside a clause's start and 的
_HMM_PAIR_LEADS = frozenset(("的", "把", "将", "用", "拿", "跟", "和", "同")) | frozenset(SLOT_PREPOSITIONS)


def _hmm_pairs(spec: Spec, doc: Doc):
    """Token spans (a, a + 2) of two single characters jieba (HMM off) left apart that its own HMM would join into
    one word it does not know (「谈经」「藏枢」「奶食」: a name the dictionary lacks, the evidence jieba's default cut
    itself gives), standing in a noun's slot: before 的 (「谈|经的时候」), or after a clause's start, 的, a classifier,
    把/用/拿/跟 or a preposition of place and before a noun, a locative or the clause end (「把奶|食、白酒」). Neither
    character a function word, adjective, locative, numeral, direction, modal, copula, complement, adverb or body
    part; not a noun and its predicate (「龙|扎」), a verb and its result (「控|干的」), a verb opening the pair before
    its object (「放|臼里」), nor a pair the name runs on from (「薄|背|刀」)."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    if n < 2:
        return
    tags = spec.pos_tags()
    freq = spec.ensure_tokenizer().FREQ
    closed = _HMM_CLOSED
    for a in range(n - 1):
        x, y = words[a], words[a + 1]
        if len(x) != 1 or len(y) != 1 or x in closed or y in closed:
            continue
        if kinds[a] not in _HMM_KINDS or kinds[a + 1] not in _HMM_KINDS:
            continue
        nxt = words[a + 2] if a + 2 < n else ""
        nk = kinds[a + 2] if a + 2 < n else "P"
        if y in RESULT_COMPLEMENTS:
            continue  # (a verb and its result: 「控|干的」)
        prev = words[a - 1] if a else ""
        if nxt == "的":
            if a and kinds[a - 1] != "P" and dict.get(tags, prev, "")[:1] in FUNCTION_TAGS:
                continue  # (「刚熔|封的罐子」: an adverb before it, a verb phrase that describes)
        else:
            if kinds[a] in ("V", "T"):
                continue  # (a verb and its object: 「放|臼里」「唱|亚鲁王」)
            if not (a == 0 or kinds[a - 1] == "P" or prev in _HMM_PAIR_LEADS or dict.get(tags, prev, "")[:1] == "q"):
                continue
            if not (nk in ("N", "T", "P") or nxt in SLOT_LOCATIVES):
                continue
        if not ("\u4e00" <= x <= "\u9fff" and "\u4e00" <= y <= "\u9fff"):
            continue
        tx, ty = dict.get(tags, x, "x")[:1], dict.get(tags, y, "x")[:1]
        if tx in _HMM_NOT_TAGS or ty in _HMM_NOT_TAGS or (tx == "n" and ty == "v"):
            continue
        if len(nxt) == 1 and nxt != "的" and nxt not in SLOT_LOCATIVES and "\u4e00" <= nxt <= "\u9fff":
            continue  # (the name runs on: 「薄|背|刀」「湿|抹|布」, a pair is only part of it)
        w = x + y
        if w in freq or any(c in spec.terms and spec.terms[c].category == "body" for c in w):
            continue
        if _hmm_word(w):
            yield a, a + 2


_HMM_KINDS = frozenset((None, "N", "T", "V"))
# the tags no piece is: a function word's, an adjective's (a predicate or a result: 「黄|变」「缠|紧」「打|扁」) and a
# locative's or time word's (「初|沸」「初|展」)
_HMM_NOT_TAGS = frozenset(FUNCTION_TAGS | {"a", "f"})
_HMM_CLOSED = frozenset(NUMERAL_CHARS | DIRECTION_WORDS | PLACE_SUFFIX | SKIP | COMPLEMENTS | MEASURE_PREV | NEGATIONS
                        | PREDICATE_ADVERBS | MODALS | COPULAS | TOOL_LEAD | OBJECT_MARKERS | ROUTE_PREPOSITIONS
                        | SLOT_PREPOSITIONS | STOP_NOUNS | HMM_PAIR_CLOSED)


def _hmm_word(w: str) -> bool:
    """Whether jieba's HMM (``finalseg``, what its default cut applies to a run of characters its dictionary
    does not join) reads the two characters as one word."""
    from jieba import finalseg
    return sum(1 for _ in finalseg.cut(w)) == 1


# the prepositions of place before a thing and a locative after it (「扣在纸垛上」「坐到竹担上」)
_PLACE_PREPOSITIONS = frozenset(("在", "到", "从", "往", "由", "朝", "向"))


def _placed_pairs(spec: Spec, doc: Doc):
    """Token spans (a, a + 2) of two single characters jieba left apart between a preposition of place and a
    locative (「扣在纸垛上,」「人坐到竹担上,」「搁在刨凳上」): what stands there is a thing, one noun its dictionary
    lacks, whatever jieba tags its pieces (垛/v, 担/v). Not a direction or a place word (「到外硬内软」「从下往上」), a
    function word, a numeral or a body part; a piece read as a verb only where the clause ends after the
    locative (「在布缝上一圈」: 缝上, a verb and its complement)."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    n = len(words)
    if n < 4:
        return  # (a preposition, two characters and a locative: four tokens at least; islice takes no negative end)
    for a in range(1, n - 2):
        if words[a - 1] not in _PLACE_PREPOSITIONS:
            continue
        x, y = words[a], words[a + 1]
        if len(x) != 1 or len(y) != 1 or words[a + 2] not in SLOT_LOCATIVES:
            continue
        if not ("\u4e00" <= x <= "\u9fff" and "\u4e00" <= y <= "\u9fff") or x in NUMERAL_CHARS or y in NUMERAL_CHARS \
                or x in DIRECTION_WORDS or y in DIRECTION_WORDS or x in PLACE_SUFFIX or y in PLACE_SUFFIX:
            continue
        if any(kinds[j] not in (None, "N", "T", "V") or dict.get(tags, words[j], "x")[:1] in FUNCTION_TAGS
               or dict.get(tags, words[j], "")[:1] in ("f", "s") or (words[j] in spec.terms and spec.terms[words[j]].category == "body")
               for j in (a, a + 1)):
            continue
        if "V" in (kinds[a], kinds[a + 1]) and not (a + 3 == n or kinds[a + 3] == "P"):
            continue
        yield a, a + 2


def _nominal_topic(doc: Doc, s: int, e: int, b: int) -> bool:
    """「弹三弦的,…」「打鼓的,…」: a whole clause that is only a verb (and its object) closed by 的
    names the one who does it (a 的 nominalization), the topic of the sentence, not an action."""
    words, kinds = doc.words, doc.kinds
    if b - 1 <= e or words[b - 1] != "的" or e - s > 2 or b >= len(words) or words[b] not in PUNCT:
        return False
    if kinds[s] not in ("V", "T") or (kinds[s] == "T" and dict.get(POS_TAGS.roles, words[s], "")[:1] != "v"):
        return False
    return all(kinds[j] in ("N", "T") and words[j] not in ("是", "得") for j in range(s + 1, e + 1))


# classifiers that count a verb's times or goes, never its object (「打个」「敲下」「转遍」)
_ACTION_CLASSIFIERS = frozenset("个下次遍回趟番阵声顿把")
# (s27-terms) what names a time by the work done then, after a verb and its object (「开书之前」「出锅前」; 「换把的时候」:
# 的 + 时候/时)
_TIME_AFTER = frozenset(BEFORE_WORDS | {"前", "以后", "之后", "时"})
_TIME_NOUNS = frozenset(("时候", "时"))


def _technique_compounds(spec: Spec, doc: Doc):
    """Token spans (start, end) that name a technique the way the craft's own vocabulary does (离合词
    and manner compounds, which jieba leaves in one-character pieces): a one-character verb and its
    one-character object (「出痧」「摊青」「吹脸」「顶碗」), and a one-character manner word before a
    one-character verb (「横抱」「湿磨」「高碰」). Function words, classifiers, numbers and places never
    make one."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    closed = _COMPOUND_CLOSED
    n = len(words)
    # (a word of two characters or more that is no naming verb nor copula and opens no sentence is read by no
    # rule below: those are skipped in C)
    for k in range(n - 1):
        if len(words[k]) != 1 and words[k] not in _NAMING_OR_COPULA and k and words[k - 1] not in SENTENCE_ENDS:
            continue
        w, w2 = words[k], words[k + 1]
        if (w in NAMING_VERBS or (w in COPULAS and k and (words[k - 1] in DEMONSTRATIVES or words[k - 1] == "的"
                                                        or (w == "就是" and kinds[k - 1] != "P")))) \
                and kinds[k + 1] != "P":
            # 「这叫倒糖饼儿」「才叫陈宣」: what a naming verb introduces, up to the clause end, is a name
            b, size = k + 1, 0
            # (three words, or as many single pieces as make four characters: 「这叫敬天敬地」 cut 敬/天/敬/地;
            # the last of the four is no particle where the first and third are one word, the 一X一Y / VXVY
            # pattern of a four-character set phrase: 地 of 敬天敬地 is the earth)
            while b < n and (b < k + 4 or size + len(words[b]) <= 4) and kinds[b] not in NAME_ENDS \
                    and (words[b] not in FILLERS or (b == k + 4 and size == 3 and words[k + 1] == words[k + 3]
                                                     and (b + 1 == n or kinds[b + 1] == "P"))) \
                    and words[b] not in TOOL_LEAD and (b == k + 1 or words[b] not in COPULAS):
                size += len(words[b])
                b += 1
            said = "".join(words[k + 1:b])
            # (a naming verb's name that no punctuation closes, 「这叫盘踢连着盘」「叫倒糖饼儿小铜勺舀」: it ends where the
            # next clause begins, if it does within the words read)
            cut = _unclosed_name_end(doc, tags, k + 1, b) if w in NAMING_VERBS and b < n and kinds[b] != "P" else 0
            if b > k + 4 and b < n and kinds[b] != "P":
                if cut:
                    yield k + 1, cut
                continue  # (four single pieces make a name only where punctuation closes it: 「这是毽托托上再缝」)
            # (with no punctuation, 「这叫外拐拿膝盖…」「叫三指功左手…」: a hand, a marker, a quantity or a
            # taking verb after the name is where the next clause begins)
            # (where no punctuation closes it, a short name only, with no verb's tail: not 「拓锅温升到」)
            open_end = b < n and kinds[b] != "P" and (len(said) > 4 or said[-1:] in "到在着了过上下起来去成好完"
                                                       or w in COPULAS)
            # (a copula's name closes its clause: 「就是一截十多公分长」 is a description going on; what it
            # says is a name, not a degree, a manner or a refusal: 「这就是太稀了」「那是不行的」)
            if w in COPULAS and any(dict.get(tags, x, "")[:1] in ("a", "r", "p", "c", "u", "y") or x in NEGATIONS
                                    or (len(x) == 1 and dict.get(tags, x, "")[:1] == "d")
                                    for x in words[k + 1:b]):
                continue
            # (「所谓断纹就是…」「叫冲刀是往前推」: a copula after the name says what it is, the name ends before it)
            closed_by = b == n or kinds[b] in NAME_ENDS or (b > k + 1 and (words[b] in TOOL_LEAD or words[b] in COPULAS))
            if not open_end and closed_by and (2 <= len(said) <= 6 or (
                    # 「这叫拓」: one character named so is a name too (not a word of degree or manner)
                    b == k + 2 and len(said) == 1 and dict.get(tags, said, "")[:1] in ("n", "v", "z") and said not in closed
                    and said not in MANNER_VERBS)):
                yield k + 1, b
                continue
            if cut:
                yield k + 1, cut
                continue
        if (k == 0 or words[k - 1] in SENTENCE_ENDS) and kinds[k] not in ("P", "Q", "M", "H", "L", "O", "R"):
            if len(w) == 1 and k + 2 < n and (w2 in COPULAS or (w2 in DEFINING_DEMONSTRATIVES
                                                                 and words[k + 2] in TECHNIQUE_WORDS)) \
                    and dict.get(tags, w, "g")[:1] in ("v", "g", "z") and "\u4e00" <= w <= "\u9fff" and w not in closed \
                    and w not in SPEECH_VERBS and w not in STOP_VERBS:
                # 「猱是左手大拇指按着弦」「搭这个手法,手心朝下」: one character opening a sentence that defines it
                # (a verb, or a character jieba's dictionary lacks; a noun so said is a thing described) is a
                # technique's name (the one-character 手法 of the zither, tea-roasting, shuttlecock)
                yield k, k + 1
                continue
            # 「站桩,马步两脚分开…」「扔高,两根杆子…」: a sentence that opens with a short clause of one or
            # two words and a comma names what it is about, the technique the master goes on to describe
            b = k + 1
            if b < n and kinds[b] not in ("P", "Q") and len(w) == 1:
                b += 1
            said = "".join(words[k:b])
            if b < n and words[b] in (",", "\uff0c") and 2 <= len(said) <= 3 \
                    and not any(words[j] in closed or kinds[j] in ("Q", "M", "H", "L", "O", "R") for j in range(k, b)):
                yield k, b
                continue
            # 「绩麻是细活」「抬錾是从背面往外顶」「翻浆就是…」: two or three characters jieba left apart that
            # open a sentence and are said to be something (是/就是) are the name of what the master goes on
            # to define (「摇橹桨就是…」: three pieces)
            if b == k + 2 and b + 1 < n and words[b] not in COPULAS and len(words[b]) == 1 \
                    and words[b + 1] in COPULAS:
                b += 1
            if k + 2 <= b < n and words[b] in COPULAS and all(len(words[j]) == 1 for j in range(k, b)) \
                    and not any((words[j] in closed and not (j == k and words[j] in COMPLEMENTS))
                                or kinds[j] in ("Q", "M", "H", "L", "O", "R", "P")
                                or dict.get(tags, words[j], "x")[:1] in FUNCTION_TAGS or words[j] in NUMERAL_CHARS
                                for j in range(k, b)):
                yield k, b  # (a complement opening the sentence is its verb: 「起针是…」「开耙就是…」)
                continue
        if len(w) == 1 and kinds[k] in ("V", "C", "T") and (k == 0 or kinds[k - 1] == "P") \
                and kinds[k + 1] in ("N", "T") and len(w2) >= 2 and (k + 2 == n or kinds[k + 2] == "P") \
                and dict.get(tags, w, "")[:1] == "v" and w not in STOP_VERBS and w not in TOOL_LEAD:
            yield k, k + 2  # 「滚元宵,…」「扎纸马,…」: a clause that is only a verb and its object names the work
            continue
        if w == "点" and dict.get(tags, w, "") == "m" and len(w2) == 1 \
                and (dict.get(tags, w2, "")[:1] == "n" and kinds[k + 1] in (None, "N", "T") or kinds[k + 1] == "N") and (k + 2 == n or kinds[k + 2] == "P") \
                and not (k and (kinds[k - 1] in ("V", "T", "C", "Q", "H") or words[k - 1] in NUMERAL_CHARS
                                or dict.get(tags, words[k - 1], "")[:1] in ("v", "m", "r", "d"))):
            # (nlp-s21-terms) 「种瓜点豆,」「白的点花,」: 点, which jieba's dictionary holds as a numeral (一点), is the
            # verb (to dot, to sow) when no verb, numeral or pronoun stands before it (放点盐, 这点) and a
            # one-character noun (or one the kinds read as a thing: 花) closes the clause after it: the verb and
            # its object name the work
            yield k, k + 2
            continue
        if len(w) == 1 and len(w2) == 1 and kinds[k] is None and k and (kinds[k - 1] in ("P", "M") or words[k - 1] in MODALS) \
                and w not in PLACE_SUFFIX and dict.get(tags, w, "") == "f" \
                and (dict.get(tags, w2, "")[:1] == "v" or w2 in DIRECTION_CHARS or kinds[k + 1] in ("V", "C")) \
                and (w2 not in STOP_VERBS or w2 in DIRECTION_CHARS) \
                and (k + 2 == n or kinds[k + 2] != "Q" or dict.get(tags, w2, "")[:1] == "v"):
            # (s26-terms) 「薄荷要后下,」「初烘温度…」: a one-character word of position (初/后/前; not 上/里, a place's)
            # opening a predicate (after punctuation, a marker or a modal: no postposition closing a clause, 发酵后)
            # before a one-character verb says at which stage it is done: the two name the stage
            yield k, k + 2
            continue
        if k + 2 < n and (words[k + 2] in _TIME_AFTER or (words[k + 2] == "的" and k + 3 < n and words[k + 3] in _TIME_NOUNS)) \
                and len(w) == 1 and len(w2) == 1 and (k == 0 or kinds[k - 1] in ("P", "M")) \
                and dict.get(tags, w, "")[:1] == "v" and (w not in STOP_VERBS or w in DIRECTION_CHARS) \
                and "\u4e00" <= w2 <= "\u9fff" and (w2 not in closed or kinds[k + 1] == "O") \
                and kinds[k + 1] not in ("P", "Q", "M", "R", "L", "H"):
            # (s27-terms) 「开书之前,」「出锅前」「换把的时候」: a one-character verb and its one-character object opening a
            # clause before a word of time name the stage of the work by which the time is told, whatever the verb's
            # own use elsewhere (开 a complement, 换 a taking verb); an object marker right before 的/之前 marks nothing
            # and is the noun (把, the hand's place on the neck)
            yield k, k + 2
            continue
        if len(w) != 1 or len(w2) != 1 or (w in closed and w not in DIRECTION_CHARS) or w2 in closed or kinds[k] in ("P", "Q", "M", "R", "O", "L", "H") \
                or kinds[k + 1] in ("P", "Q", "M", "R", "O", "L", "H"):
            continue
        t, t2 = dict.get(tags, w, ""), dict.get(tags, w2, "")
        after = words[k + 2] if k + 2 < len(words) else ""
        if after == "儿" and w2 not in tags and "\u4e00" <= w2 <= "\u9fff" and kinds[k + 1] == "N" \
                and (k + 3 == n or kinds[k + 3] == "P") and (k == 0 or kinds[k - 1] == "P") \
                and (t[:1] == "v" or kinds[k] in ("V", "T")) and w not in TOOL_LEAD:
            # (s23-terms) 「打尜儿,」: a verb and a thing the dictionary lacks (a noun by ``extract._rare_noun_slot``)
            # with its 儿, the clause alone, name the work as 「滚元宵,」 does
            yield k, k + 3
            continue
        if (k and words[k - 1] in NEGATIONS) or after in LOCATIVES or (
                len(after) == 1 and dict.get(tags, after, "") in OBJECT_CHAR_TAGS):
            continue  # 「不粘手」, 「搁锅里」 (where), 「拿毛刷」 (the noun goes on)
        verb = (t[:1] == "v" or kinds[k] in ("V", "C") or w in MANUAL_VERBS) and (
            w not in STOP_VERBS or w in DIRECTION_CHARS) and w not in TOOL_LEAD and w not in RESULT_VERBS \
            and w not in MODALS  # (a direction verb does make one: 「出痧」「上桩」「起势」)
        closing = k + 2 == n or kinds[k + 2] == "P"
        # (the work that names its doer or its time, opening its clause before 的: a verb and its object or a
        # second verb, 「灌封的一边往封子里灌」「建盏的泥」「落段的时候」)
        named = after == "的" and (k == 0 or kinds[k - 1] == "P" or words[k - 1] in PURPOSE_VERBS)
        if verb and (t2 in OBJECT_CHAR_TAGS or (t2 == "q" and (
                w2 in TOOL_HEADS or w2 in MATERIAL_HEADS or ((closing or named) and w2 not in _ACTION_CLASSIFIERS)))
                or (closing and t2[:1] == "v" and kinds[k + 1] == "N")) and w2 not in MANUAL_VERBS \
                or verb and named and t2[:1] == "v" and kinds[k + 1] is None \
                or verb and closing and k and words[k - 1] in PRACTICE_VERBS and t2[:1] == "v" \
                and w2 not in COMPLEMENTS:
            # (closing the clause right after a verb, a character jieba tags as a classifier counts nothing, and
            # one it tags as a verb that the kinds read as a noun is a thing: 「才能上桩。」「在胸前绕花,」; what
            # is practised or learnt is a skill, its object whatever jieba tags it: 「再练甩发:」, 发 the hair)
            yield k, k + 2
        elif (t == "a" or w in MANNER_VERBS) and kinds[k] is None and (t2[:1] == "v" or w2 in MANUAL_VERBS) \
                and kinds[k + 1] in ("V", "T", "C"):
            yield k, k + 2


# the tags of a word that opens a predicate (an adverb, a preposition, a conjunction: 连着, 还, 就, 往)
_PREDICATE_OPENING_TAGS = frozenset("dpc")
# the tags a word of a short name never has (an adverb, a preposition, a conjunction, a particle, a pronoun)
_NOT_NAME_TAGS = frozenset("dpcuyr")


def _unclosed_name_end(doc: Doc, tags: dict, a: int, b: int) -> int:
    """Where the name a naming verb introduces at token a ends when no punctuation closes it (a recogniser's text:
    「这叫盘踢连着盘十来下」「老成都叫倒糖饼儿小铜勺舀了糖汁」), 0 where it cannot be told. The name is the longest run
    of the words a..b-1 (two to four characters, not ending in a verb's tail 到/着/了…, with no adverb, preposition,
    particle or pronoun in it) after which a clause begins: with an adverb, a preposition or a conjunction (连着,
    还, 就), or with a noun of two characters or more and its verb (小铜勺 + 舀: the next clause's subject or
    instrument)."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    for c in range(b, a, -1):
        said = "".join(words[a:c])
        if not 2 <= len(said) <= 4 or said[-1] in "到在着了过上下起来去成好完" \
                or any(dict.get(tags, words[j], "x")[:1] in _NOT_NAME_TAGS or kinds[j] is not None and kinds[j] not in
                       ("N", "T", "V", "C") for j in range(a, c)):
            continue
        x = words[c]
        if dict.get(tags, x, "x")[:1] in _PREDICATE_OPENING_TAGS:
            return c
        if len(x) >= 2 and kinds[c] in (None, "N", "T") and (dict.get(tags, x, "")[:1] == "n" or kinds[c] == "T") \
                and c + 1 < n and (kinds[c + 1] == "V" or dict.get(tags, words[c + 1], "")[:1] == "v"):
            return c
    return 0


# the adverbs that may stand between a saying's source and its verb (「老辈人都爱讲」「老话也说」)
_SAYING_ADVERBS = frozenset(("都", "也", "常", "爱", "总", "老", "常常", "都爱", "最爱", "就"))


def _saying_names(spec: Spec, doc: Doc):
    """Token spans (start, end) of the saying, the legend or its hero that a tradition's source is said to tell
    (「老话讲轻胶十万杵,」「老辈人讲杜康造酒,是这么个来历」「老辈人都爱讲刘伯温的故事」「老辈人讲墨斗是鲁班…」): right
    after ``words.SAYING_SOURCES`` and a verb of telling (``words.SAYING_VERBS``; adverbs may stand between), with no
    pause, up to the clause end, a 的 or a copula, two to six characters (a count may be in it: 十万杵). A pause after
    the verb (「老人讲,以前…」: what follows is a story told, not its name), a pronoun, a negation, a particle or a hand
    in it names nothing."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    n = len(words)
    if n < 3:
        return  # (a source, its verb and what is told: three tokens at least)
    for k in range(1, n - 1):
        if words[k] not in SAYING_VERBS:
            continue
        j = k - 1
        while j > 0 and k - j <= 2 and words[j] in _SAYING_ADVERBS:
            j -= 1
        if not (words[j] in SAYING_SOURCES or (j and words[j - 1] + words[j] in SAYING_SOURCES)):
            continue
        b = k + 1
        while b < n and kinds[b] != "P" and words[b] != "的" and words[b] not in COPULAS and b - k <= 6:
            b += 1
        said = doc.starts[b] - doc.starts[k + 1]  # (its length in characters: a quantity is one token)
        if not 2 <= said <= 6 or any(
                kinds[x] in ("M", "H", "R", "O", "L") or words[x] in NEGATIONS or words[x] in FILLERS
                or dict.get(tags, words[x], "")[:1] in ("r", "u", "y")
                or (kinds[x] != "Q" and not all("\u4e00" <= ch <= "\u9fff" for ch in words[x])) for x in range(k + 1, b)):
            continue
        yield k + 1, b


# (s23-terms) jieba's tags of a set expression (l: 放大镜, 年年有余; i: an idiom) and what may follow one that stands as
# a noun: its 的, or the verb it does (一 + a verb: 「放大镜一照」)
_SET_PHRASE_TAGS = frozenset(("l", "i"))
# the tags of a numeral word that is no count but a name's opening (七叶/t of 七叶一枝花; 一幅/d, 那根/mq count)
_NUMBERED_NAME_TAGS = frozenset(("t", "n", "nz"))


def _set_phrase_names(spec: Spec, doc: Doc):
    """Token spans (k, k + 1) of a set expression jieba's dictionary holds as a whole (tagged l or i: 放大镜, 年年有余)
    said where a noun stands (s23-terms): right after 的 or a count (「拿三十倍的放大镜一照」「捏个年年有余的鱼」)
    and before 的, a verb, or 一 and the verb it does. Three characters or more, no term or kind of its own already.
    Elsewhere such words are mostly speech (千万别, 一口气, 差不多, 就行了: no noun's slot), never names."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    n = len(words)
    for k in range(1, n - 1):
        w = words[k]
        if len(w) < 3 or kinds[k] is not None or dict.get(tags, w, "") not in _SET_PHRASE_TAGS:
            continue
        prev, nxt = words[k - 1], words[k + 1]
        if not (prev == "的" or dict.get(tags, prev, "")[:1] == "q" or kinds[k - 1] == "Q"
                or (len(prev) == 2 and prev[0] in NUMERAL_CHARS)):
            continue  # (a count before it: 个, 一幅, 那根, a quantity)
        if nxt == "的" or nxt == "一" or kinds[k + 1] in ("V", "T", "C"):
            if len(prev) == 2 and prev[0] in NUMERAL_CHARS and kinds[k - 1] != "Q" \
                    and dict.get(tags, prev, "") in _NUMBERED_NAME_TAGS:
                yield k - 1, k + 1  # (a numeral and a noun, no count, open the name: 「七叶|一枝花」)
            else:
                yield k, k + 1


# jieba's tags of a word that makes what 的 joins no name but whose or where (a pronoun, a person's or a place's
# name, a place, a time, a direction, a distinguishing word: 「他的手法」「城里的做法」「以前的做法」「传统的工艺」)
_NOT_METHOD_TAGS = frozenset(("r", "nr", "ns", "s", "t", "f", "b"))


def _method_names(spec: Spec, doc: Doc):
    """Token spans (start, end) of the name of a way of working said before 的 and a word for it (「用的是挑二压二
    的编法」「靠的是推光的工艺」「这里要用到游丝描的手法」「讲究推皮走刀的刀工」): ``words.METHOD_WORDS`` and any word
    of two characters ending in 法. The name runs back to the word that takes it (a copula, 用/靠/讲究, a
    demonstrative: ``words.METHOD_LEADS``), to punctuation or the text's start, two to five characters; not
    whose or where the way is (a pronoun, a person, a place or a time, an adjective alone: 「他的手法」「城里的
    做法」「老的做法」), no negation or aspect particle, no quantity, hand or body part."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    n = len(words)
    if n < 3:
        return
    # (only a 的 can close one: the other tokens are skipped in C)
    for k in range(1, n - 1):
        if words[k] != "的":
            continue
        w = words[k + 1]
        if w not in METHOD_WORDS and not (len(w) == 2 and w[1] == "法"):
            continue
        a, size = k, 0
        while a > 0 and kinds[a - 1] != "P" and words[a - 1] != "的" and words[a - 1] not in METHOD_LEADS:
            size += len(words[a - 1])
            a -= 1
            if size > 5:
                break
        if not 2 <= size <= 5 or any(
                kinds[j] in ("Q", "M", "H", "L", "O", "R") or words[j] in NEGATIONS or words[j] in ASPECT_AFTER_VERB
                or words[j] in STOP_NOUNS or words[j] in PERSON_LEADS or words[j] in BODY_CHARS
                or dict.get(tags, words[j], "")[:2] in _NOT_METHOD_TAGS or dict.get(tags, words[j], "")[:1] in _NOT_METHOD_TAGS
                or not all("\u4e00" <= ch <= "\u9fff" for ch in words[j]) for j in range(a, k)):
            continue
        if any(dict.get(tags, words[j], "")[:1] == "d" for j in range(a, k)) or (
                k - a == 1 and words[a] in tags and tags[words[a]][:1] != "v"):
            continue  # (「最常见的针法」; a word of the dictionary alone that is no verb says which or whose:
            # 「老的做法」「传统的技法」「刺绣的针法」)
        yield a, k


def _topic_names(spec: Spec, doc: Doc):
    """Token spans (start, end) of what a sentence opens with as its topic, said alone before a comma
    (「俺们那儿的跑旱船,…」「汤瓶八诊,…」「叼羊啊,…」「过端节,…」): a first clause with no predicate, no
    hand, marker or quantity names the practice the master goes on to describe, whatever jieba cut it
    into. What comes after its last 的 is the name (the rest says whose or where), a pronoun, filler or
    aspect character opening it is not part of it (过 opening a clause is the verb: an aspect particle
    opens none), a particle of mood closing it neither; the name is two to five characters and not a
    time, a place, a direction or a general word alone. A first clause whose last character is a
    technique's suffix (法/功/步/式…) names it even with verbs inside (「甩发功,…」「倒踢腿法,…」)."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    closed = _COMPOUND_CLOSED
    n = len(words)
    # (a sentence's first token only: the others are skipped in C)
    for s in range(n):
        if s and words[s - 1] not in SENTENCE_ENDS:
            continue
        c = s
        while c < n and kinds[c] != "P":
            c += 1
        if c >= n or words[c] not in (",", "\uff0c"):
            continue
        e = c
        if e - 1 > s and words[e - 1] in TOPIC_PARTICLES:
            e -= 1
        h = max((j + 1 for j in range(s, e) if words[j] == "的"), default=s)
        if any(kinds[j] in ("V", "C", "Q", "M", "H", "L", "O", "R") or dict.get(tags, words[j], "x")[:1] not in TOPIC_NAME_TAGS
               and dict.get(tags, words[j], "")[:1] not in ("r", "u") and words[j] not in FILLERS for j in range(s, h)):
            continue  # (what 的 follows says whose or where: 「俺们亳州的」, never a predicate: 「放个装粉的」)
        verb = False
        while h < e and (words[h] in FILLERS or dict.get(tags, words[h], "")[:1] in ("r", "u")):
            verb = h == s and dict.get(tags, words[h], "")[:1] == "u"  # (过 opening the clause: the verb, 过端节)
            h += 1
        size = sum(len(words[j]) for j in range(h, e))
        if not 2 <= size <= 5 or not all("\u4e00" <= ch <= "\u9fff" for j in range(h, e) for ch in words[j]):
            continue
        last = words[e - 1]
        if last in TECHNIQUE_SUFFIX and 3 <= size <= 4 and all(len(words[j]) == 1 for j in range(h, e)) \
                and not any(kinds[j] in ("Q", "M", "H", "L", "O", "R") or words[j] in closed
                            or dict.get(tags, words[j], "x")[:1] in FUNCTION_TAGS for j in range(h, e)):
            yield h, e  # (jieba's single pieces: a name its dictionary lacks)
            continue
        if any(kinds[j] in ("V", "C", "Q", "M", "H", "L", "O", "R") or words[j] in closed
               or (dict.get(tags, words[j], "x")[:1] not in TOPIC_NAME_TAGS
                   and not (dict.get(tags, words[j], "") == "m" and h < j < e - 1)) for j in range(h, e)):
            continue  # (a predicate, an adjective, an adverb, a classifier: 「笔大,」「樟木软,」「一截,」)
        said = "".join(words[h:e])
        if any(ch in NEGATIONS or ch == "得" for ch in said) \
                or any(said.endswith(g) for g in GENERIC_SUFFIX_WORDS) or any(said.endswith(g) for g in STOP_NOUNS):
            continue  # (「千万别松手,」「花样多得很,」: a warning, a degree said; 「老法子,」: a general word)
        if e - h == 1 and ((dict.get(tags, last, "")[:1] == "t" and not verb) or dict.get(tags, last, "")[:1] in ("f", "s")
                           or kinds[h] == "N"):
            continue  # (今天, 后头: no name; a noun alone is listed already)
        yield h, e


def _opening_name_next(words: list, kinds: list, e: int) -> bool:
    """What may follow the name a text opens with (``_opening_names``): ``words.OPENING_NAME_NEXT`` (an adverb, a negation,
    a copula, a topic particle), and (s26-terms) the speaker's pronoun, the subject of what is said of the name (a topic
    and its comment: 「花竹帽我们毛南话叫…」), or a pause before the copula (「牡帕密帕,是…」)."""
    if words[e] in OPENING_NAME_NEXT or words[e] in OPENING_PRONOUNS:
        return True
    j = e
    while j < len(words) and kinds[j] == "P" and words[j] in (",", "\uff0c", " "):
        j += 1
    return j > e and j < len(words) and words[j] in COPULAS


def _opening_names(spec: Spec, doc: Doc):
    """(nlp-fresh-a) The name a text opens with, jieba having cut it into pieces its dictionary lacks as one word:
    the text's first words before an adverb, a negation, a copula or a topic particle
    (``words.OPENING_NAME_NEXT``: 「发绣不用丝线…」「三句半就四个人上台…」), one of them a single character, or the object
    of a one-character verb opening the text as its own clause (「做米塑,先…」「说长子鼓书,俺…」: the job named). Two to
    four characters, at least two pieces, no pronoun, function word, numeral (一抖就散), time or place, marker, hand, quantity,
    complement (杀完青, 捏进针) or punctuation among them, no verb in a verb's object (让木偶走路), nor a general word or a
    person at its end. Yields one (start, end) token span at most."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    n = len(words)
    lead = n > 2 and len(words[0]) == 1 and kinds[0] in ("V", "T", None) and dict.get(tags, words[0], "")[:1] == "v" \
        and words[0] not in PERSON_LEADS  # (让木偶走路: a person or a figure made to act)
    for s in [1, 0] if lead else [0]:  # lists, not tuples: Cython types a tuple of ints as a C tuple of that size
        e = s
        while e < n and e - s < 4 and len(words[e]) <= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in words[e]) \
                and kinds[e] not in ("Q", "M", "H", "L", "O", "R", "P") and e not in doc.quantities \
                and (dict.get(tags, words[e], "")[:1] not in ("r", "p", "c", "u", "d", "f", "t", "s", "y", "e", "m")
                     # (s26-terms) a festival's 节 (jieba: a time) closing the name: 「花朝|节是…」
                     or (e > s and words[e] in GENRE_HEADS and dict.get(tags, words[e], "") == "t")) \
                and words[e] not in OPENING_NAME_NEXT and words[e] not in FILLERS and words[e] not in NEGATIONS \
                and words[e] not in MODALS and words[e] not in COMPLEMENTS and words[e] not in DIRECTION_WORDS \
                and not (s and dict.get(tags, words[e], "")[:1] == "v"):
            e += 1
        if e - s < 2 or e >= n or not 2 <= sum(len(words[j]) for j in range(s, e)) <= 4:
            continue
        if s:
            if words[e] not in (",", "\uff0c"):
                continue
        elif not _opening_name_next(words, kinds, e) or all(len(words[j]) > 1 for j in range(s, e)):
            continue
        said = "".join(words[s:e])
        if any(said.endswith(g) for g in STOP_NOUNS) or any(said.endswith(g) for g in GENERIC_SUFFIX_WORDS) \
                or said[-1] in "人们":
            continue
        yield s, e
        return


# (s26-terms) the word that closes the name of a practice as the heritage lists give it (「福鼎白茶制作技艺」)
_HERITAGE_HEAD = "技艺"
# the tags of a piece no such name has (a pronoun, a preposition, a conjunction, a particle, an adverb, a numeral)
_NOT_HERITAGE_TAGS = frozenset("rpcudym")


def _heritage_names(tags: dict, doc: Doc):
    """(s26-terms) Token spans (start, end) of the name of a practice as the heritage lists give it, opening a
    sentence (「福鼎白茶制作技艺的核心…」「尼木藏香制作技艺流传于…」): the sentence's first words up to one that ends in
    技艺, at most twelve characters with three or more before the word of making (制作, 锻制) and 技艺, no punctuation,
    quantity, marker, hand, pronoun, preposition, conjunction, particle, adverb or numeral among them. The whole is the
    practice's name (its product, 白茶, is in it), whatever pieces jieba cut it into."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    for s in range(n):
        if s and words[s - 1] not in SENTENCE_ENDS:
            continue
        size = 0
        for e in range(s, min(n, s + 6)):
            w = words[e]
            if kinds[e] in _NOT_NAME_KINDS or not all("\u4e00" <= ch <= "\u9fff" for ch in w) \
                    or dict.get(tags, w, "")[:1] in _NOT_HERITAGE_TAGS:
                break
            size += len(w)
            if size > 12:
                break
            if w.endswith(_HERITAGE_HEAD):
                own = "".join(words[s:e + 1])[:-len(_HERITAGE_HEAD)]
                # (the word of making before 技艺 is no part of what is made: 制作/vn)
                own = own[:-2] if len(own) > 2 and dict.get(tags, own[-2:], "")[:1] == "v" else own
                if len(own) >= 3:  # (a place's or a maker's name and the product; not 传统技艺, 民间技艺: a kind)
                    yield s, e + 1
                break


# 「头一步是放样」「第二步选竹」「头一式虎举」「头一样先学握弓」「最后一道是上油」: an ordinal step (头/第N/最后,
# 一, then 步/样/式/招/道) and what it is (是/就是), with the verb of learning it (先学, 练) left out
_ORDINAL_STEP = re.compile("(?:头|第[一二三四五六七八九十]{1,2}|最后)一?[步样式招道]"
                           "(?:是|就是)?(?:先|要|得)?(?:学|练)?")


def _named_steps(spec: Spec, norm: str, doc: Doc):
    """Token spans (start, end) of the name a master gives a step of the work by where it stands: what an
    ordinal step is said to be, up to the clause end (「头一步是放样,」「头一式虎举,」「头一样练走圈,」),
    and a clause that is only a sequence marker and two single characters jieba left apart, a verb and
    its object (「然后撑台,」「再组船,」「最后过泥,」「先开面,」: a verb-object compound its dictionary lacks,
    the craft's name for the step). The name is two to four characters with no quantity, marker, hand,
    place, object marker or function word in it; the object is no complement, direction or result
    state (「再放下,」「再抹平,」 name no step)."""
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    tags = spec.pos_tags()
    n = len(words)
    closed = _COMPOUND_CLOSED  # (a direction opening the clause is its verb: 「最后过泥」)
    if "步" in norm or "样" in norm or "式" in norm or "招" in norm or "道" in norm:
        index = dict(zip(starts[:n], range(n)))
        for m in _ORDINAL_STEP.finditer(norm):
            a = index.get(m.end())
            if a is None:
                continue
            b = a
            while b < n and kinds[b] != "P":
                b += 1
            size = (starts[b] if b < n else len(norm)) - starts[a]
            if not 2 <= size <= 4 or any(
                    kinds[j] in ("Q", "M", "H", "L", "O", "R") or j > a and (words[j] in COMPLEMENTS or words[j] in SKIP)
                    or words[j] in NEGATIONS or words[j] in PREDICATE_ADVERBS
                    or dict.get(tags, words[j], "x")[:1] in FUNCTION_TAGS and dict.get(tags, words[j], "")[:1] != "q"
                    or not all("\u4e00" <= ch <= "\u9fff" for ch in words[j]) for j in range(a, b)):
                continue
            yield a, b
    for k in compress(range(n - 2), [kd == "M" for kd in kinds]):  # (the markers only)
        if len(words[k + 1]) != 1 or len(words[k + 2]) != 1 \
                or (k + 3 < n and kinds[k + 3] != "P"):
            continue
        v, o = words[k + 1], words[k + 2]
        tv, to = dict.get(tags, v, ""), dict.get(tags, o, "")
        if not ("\u4e00" <= v <= "\u9fff" and "\u4e00" <= o <= "\u9fff") or (v in SKIP and v not in DIRECTION_CHARS) \
                or v in NEGATIONS \
                or v in MODALS or v in PREDICATE_ADVERBS or v in TOOL_LEAD or v in OBJECT_MARKERS \
                or not (tv[:1] == "v" or tv in ("zg", "ug", "vn") or kinds[k + 1] in ("V", "T")):
            continue
        if o in closed or o in DIRECTION_CHARS or o in RESULT_COMPLEMENTS or o in STATE_RESULTS or o in NUMERAL_CHARS \
                or not (to in OBJECT_CHAR_TAGS or to in ("q", "a")) \
                or (o in spec.terms and spec.terms[o].category == "body"):
            continue
        yield k + 1, k + 3


# 「坐到毡子上」「倒进树洞里」: the postpositions after which a noun is a place a thing is put on or in (not
# 前/后, which follow times as well: 「端午前后」; not 中, which follows processes: 「过程中」)
_THING_PLACES = frozenset(("里", "上", "内", "底下", "里面", "里头", "上面", "上头"))
# 「一张…的金箔」「两根布带子」: the classifiers that count pieces of a concrete thing (not 个, 次, 下…)
_THING_CLASSIFIERS = PIECE_CLASSIFIERS | frozenset("截支把只")


def _thing_nouns(doc: Doc, tags: dict, is_body) -> dict:
    """The words the text handles as things, each with the category a term of it gets (a noun with no tool or
    material head is a candidate technique otherwise): a noun a verb or preposition puts before a place
    postposition (「坐到毡子上」「倒进树洞里」) is where a thing goes, a ``tool``; the object of 把/将 right
    before its verb (「把金箔裹到药丸上」) and a noun counted by a piece classifier, right after it or after its
    的 phrase (「两根布带子」「一张三寸见方的金箔」), is a thing handled, a ``material``. Chinese marks concrete
    things so whatever the craft; a technique is never put somewhere, disposed of with 把, nor counted in
    pieces. Not: a noun before 里/上 that no verb, preposition, 的 or classifier leads to (「苗绣里有个绝活」
    「甩髯是髯口功里最见功夫的」: the domain), 上 before a noun (「大伙上
    杠子」: the verb), a noun before 的 or 、 (「一条普通的龙舟」「把人物、花鸟的边勾」: not the head), a body part
    (``is_body``). One word, one category: the first use that marks it decides."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    out = {}
    for k in range(1, n):
        if kinds[k] not in ("N", "A") or len(words[k]) < 2 or words[k] in out:
            continue
        w = words[k]
        nxt = words[k + 1] if k + 1 < n else ""
        if nxt == "的" or nxt == "、" or is_body(w):
            continue
        prev = words[k - 1]
        if nxt in _THING_PLACES:
            if (prev == "的" or _counting(prev) or (dict.get(tags, prev, "")[:1] in ("v", "p") and prev not in COPULAS)) \
                    and not (k + 2 < n and kinds[k + 2] in ("N", "T", "A")):
                out[w] = "tool"
        elif prev in OBJECT_MARKERS:
            if k + 1 < n and (kinds[k + 1] in ("V", "R") or dict.get(tags, nxt, "")[:1] in ("v", "m")):
                out[w] = "material"
        else:
            # the classifier right before, or before a 的 phrase of up to four words in the same clause
            j = k - 1
            if words[j] == "的":
                while j > 0 and k - j <= 5 and kinds[j] != "P" and not _counting(words[j]):
                    j -= 1
            if _counting(words[j]):
                out[w] = "material"
    return out


def _handle_names(doc: Doc, tags: dict):
    """Token spans (k - 1, k + 1) of a noun ending in 把 that jieba cut off as the object marker (「右手抓住锁把,
    往上一甩」「抱着稻把往桶上摔」: a handle, a bundle): 把 takes the noun it disposes of next, so a 把 followed by a
    clause's end or by 往/在/到/朝 marks nothing and is the head of the noun before it, one character that is a
    noun (jieba's n) or stands in a verb's object slot (抓住锁: two verbs in a row)."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    for k in range(2, n):
        if words[k] != "把" or kinds[k] != "O":
            continue
        if not (k + 1 == n or kinds[k + 1] == "P" or words[k + 1] in _AFTER_HANDLE):
            continue
        h = words[k - 1]
        if len(h) != 1 or not "\u4e00" <= h <= "\u9fff" or h in NUMERAL_CHARS or kinds[k - 1] in _NOT_THING_KINDS:
            continue
        if dict.get(tags, h, "")[:1] == "n" or (kinds[k - 1] == "V" and kinds[k - 2] in ("V", "T")
                                           and dict.get(tags, words[k - 2], "")[:1] == "v" and len(words[k - 2]) >= 2):
            yield k - 1, k + 1


# what may follow a noun's 把 (and never the object the marker 把 needs)
_AFTER_HANDLE = frozenset(("往", "在", "到", "朝", "上", "里"))


def _counting(w: str) -> bool:
    """「一张」「两根」「三块」: a numeral (or 这/那/每) and a piece classifier said as one word."""
    return len(w) >= 2 and w[-1] in _THING_CLASSIFIERS and all(c in NUMERAL_CHARS or c.isdigit() for c in w[:-1])


_NOT_THING_TAGS = frozenset("rumydcpa")
_NOT_THING_KINDS = frozenset("PQMROLH")


def _reached_things(spec: Spec, doc: Doc):
    """Token spans (start, end) of a thing a verb reaches that jieba's dictionary lacks, cut into two single
    characters (「先髹上底漆,」「别打到鼓钉上」「坐到竹担上」): after a verb's 上/到 (a verb word ending in
    it, or the one-character complement after a one-character verb), two single characters that close the
    clause or stand before a locative are one noun, the place or the thing the verb gets to. No function
    word, numeral, adjective or locative is either character (「蒸到外硬内软」「挂在腰上」)."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    closed = _COMPOUND_CLOSED
    n = len(words)
    if n < 3:
        return
    # (only a word ending in 上/到 can come before the span: the others are skipped in C)
    for j in range(n - 2):
        if words[j][-1:] not in REACH_ENDS:
            continue
        v, a, b = words[j], words[j + 1], words[j + 2]
        if len(a) != 1 or len(b) != 1 or not (j + 3 == n or kinds[j + 3] == "P" or words[j + 3] in LOCATIVES):
            continue
        if len(v) == 1:
            if not j or len(words[j - 1]) != 1 or words[j - 1] in closed:
                continue  # (「打到」: the complement right after a one-character verb)
        elif dict.get(tags, v, "")[:1] != "v":
            continue
        if a in closed or b in closed or b in LOCATIVES or a in NUMERAL_CHARS \
                or not ("\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff") \
                or kinds[j + 1] in _NOT_THING_KINDS or kinds[j + 2] in _NOT_THING_KINDS \
                or dict.get(tags, a, "")[:1] in _NOT_THING_TAGS or dict.get(tags, b, "")[:1] in _NOT_THING_TAGS:
            continue
        yield j + 1, j + 3


# a numeral that counts a name's position, not a number of things (「七徽」「二钹」「八诊」)
_ORDINAL_NUMERALS = frozenset("二三四五六七八九十")


# (s24-values) the adverbs after which a clause's subject ends (「三七先磨成细粉」「要二细就拉六扣」), and the tags of the
# one character after a numeral that, there, make the two a name (细/a; 七 of 三七 is a numeral word of its own)
_SUBJECT_ADVERBS = frozenset(("就", "先", "才"))
_NUMBERED_SUBJECT_TAGS = frozenset(("a", "n", "ng"))


def _numeral_pairs(table: dict) -> frozenset:
    """jieba's words of two numerals (三七, 二八), read from its part-of-speech table once per table."""
    return frozenset(w for w in table if len(w) == 2 and w[0] in _ORDINAL_NUMERALS and w[1] in _ORDINAL_NUMERALS)


def _takes_subject(words: list, kinds: list, tags: dict, k: int) -> bool:
    """Token k opens a clause (the text's start, punctuation or a sequence marker before it) or is what a verb
    before it takes (「要二细」)."""
    return k == 0 or kinds[k - 1] in ("P", "M") or (dict.get(tags, words[k - 1], "")[:1] == "v" and kinds[k - 1] != "Q")


def _done_after(kinds: list, a: int) -> bool:
    """A verb of a step follows the adverb at token a (「先磨成细粉」「就拉六扣」; not 「七三就行」, a ratio said so)."""
    return a + 1 < len(kinds) and kinds[a + 1] in ("V", "T", "C")


def _numbered_names(spec: Spec, doc: Doc):
    """Token spans (k, k + 2) of a name with a numeral in it (「在七徽把弦按住」「头钹对二钹」「汤瓶八诊」):
    Chinese counts things with a classifier (三根弦, 两片钹), so a numeral jieba left alone right before
    a one-character noun, with no classifier between them, says which one (the seventh mark, the
    second cymbal): the two are one name. 一 (一抖, 一扣: once), 两, 半 and 几 count; a classifier, a
    verb or an adjective after the numeral (二比一, 拉六扣, 二细) is no name's head. (s22-terms) So too a numeral that
    opens a clause right before a noun of two characters (「四弦琴抱在怀里」「五花茶嘛,…」): no classifier, so no count.
    (s24-values) And a numeral with an adjective or a noun of one character, or two numerals jieba holds as one word,
    right before 就/先/才 and a step's verb, where a clause opens or a verb takes it (「三七先磨成细粉」「客人要二细就拉
    六扣」): a count says how many of a thing, and no thing follows, so the numeral names what the clause is about (not
    「七三就行」, a ratio)."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    n = len(words)
    for k in range(n - 1):  # (the numerals only)
        if words[k] not in _ORDINAL_NUMERALS:
            continue
        h = words[k + 1]
        if len(h) == 1 and k + 2 < n and words[k + 2] in _SUBJECT_ADVERBS and kinds[k] is None \
                and kinds[k + 1] is None and dict.get(tags, h, "") in _NUMBERED_SUBJECT_TAGS and _takes_subject(words, kinds, tags, k) \
                and _done_after(kinds, k + 2):
            yield k, k + 2  # (s24-values) 「客人要二细就拉六扣」: a numeral and an adjective or noun before 就: a name
            continue
        if len(h) == 2 and (k == 0 or kinds[k - 1] == "P") and kinds[k] is None and kinds[k + 1] in (None, "N", "T") \
                and dict.get(tags, h, "")[:1] == "n" and h[-1] not in "人们" and all("\u4e00" <= ch <= "\u9fff" for ch in h) \
                and (k + 2 >= n or words[k + 2] not in NUMERAL_CHARS):
            yield k, k + 2  # (s22-terms) opening a clause, before a noun of two characters: 「四弦琴抱在怀里」「五花茶嘛」
            continue
        if len(h) != 1 or kinds[k] is not None \
                or kinds[k + 1] not in (None, "N", "T") or dict.get(tags, h, "") not in OBJECT_CHAR_TAGS:
            continue
        if k and (words[k - 1][-1:] in NUMERAL_CHARS or kinds[k - 1] == "Q"):
            continue  # (a number of more digits: 二十, 三四)
        if k + 2 < n and words[k + 2] in NUMERAL_CHARS:
            continue  # (「三煮九蒸」: a count said in a row)
        yield k, k + 2
    pairs = from_pos_table(_numeral_pairs)
    if pairs.isdisjoint(words):
        return  # (most texts say no numeral word of two numerals: one set test in C)
    for k in range(n - 1):
        if words[k] in pairs and words[k + 1] in _SUBJECT_ADVERBS and kinds[k] is None \
                and _takes_subject(words, kinds, tags, k) and _done_after(kinds, k + 1):
            yield k, k + 1  # (s24-values) 「三七先磨成细粉」: two numerals, no classifier, before 先: a name


# what a size said of a thing measures (「有二尺来长」「有二十多斤」): a thing in view, never a time or a heat
_SIZE_PARAMS = frozenset({"length_mm", "weight_g", "width_mm", "thickness_mm", "depth_mm"})


def _sized_topic_ends(doc: Doc, tags: dict):
    """「布老虎,我们这边一般一尺来长」「布老虎我们这边一般一尺来长」: token indices e where a noun before e is
    given a size: at e a comma or nothing, then only pronouns, adverbs and fillers up to a length or a
    weight (the size is the noun's)."""
    words, kinds = doc.words, doc.kinds
    for j, q in doc.quantities.items():
        if q.name not in _SIZE_PARAMS:
            continue
        e = j
        while e > 0 and j - e < 4 and kinds[e - 1] is None and (
                dict.get(tags, words[e - 1], "")[:1] in ("r", "d") or words[e - 1] in FILLERS):
            e -= 1
        if e > 0 and words[e - 1] in (",", "\uff0c"):
            yield e - 1
        elif e < j:
            yield e


# the verbs a thing is said to be made of or to measure by (「是芦苇做的」「有二尺来长」)
_DESCRIBING = frozenset(("是", "就是", "有"))


def _described_things(spec: Spec, doc: Doc):
    """Token spans (start, end) of a thing the master shows and describes (「哨子是芦苇做的」「石锁是青石凿的」
    「甩发有二尺来长」「刀杆有二十多米高」「花灯就是一截十多公分长的竹筒」): a noun that opens a clause (or
    follows 的) said to be made of something (是 + a noun + a verb + 的, closing the clause) or given a
    size (有 + a length or a weight, or 是/就是 with one in its clause) is an object in view, a tool or a
    material, not a technique. The noun is one word of two to four characters or two single pieces
    jieba left apart (甩/发, 刀/杆); no hand, body part, pronoun, number or general word."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    quantities = doc.quantities
    n = len(words)
    ends = [k for k, w in enumerate(words) if w in _DESCRIBING]
    if quantities:
        ends.extend(_sized_topic_ends(doc, tags))
    for e in ends:
        if e < 1 or e + 1 >= n:
            continue
        if 2 <= len(words[e - 1]) <= 4:
            s = e - 1
        elif e >= 2 and len(words[e - 1]) == 1 and len(words[e - 2]) == 1:
            s = e - 2
        else:
            continue
        if s and kinds[s - 1] != "P" and words[s - 1] != "的":
            continue
        if any(kinds[j] not in (None, "N", "T", "V", "A") or not "\u4e00" <= words[j][0] <= "\u9fff"
               or words[j] in STOP_NOUNS or words[j] in FILLERS or words[j] in DEMONSTRATIVES
               or words[j][0] in NUMERAL_CHARS or dict.get(tags, words[j], "")[:1] in ("r", "t", "f", "s", "m")
               or (j == s and dict.get(tags, words[j], "x")[:1] in FUNCTION_TAGS)
               or (words[j] in spec.terms and spec.terms[words[j]].category == "body") for j in range(s, e)):
            continue
        if e == s + 1 and kinds[s] == "V":
            continue  # (one word, a verb: 「打是…」)
        if words[e] not in _DESCRIBING:
            yield s, e
            continue
        v = e
        c = v + 1
        while c < n and kinds[c] != "P":
            c += 1
        # 是 + a noun + a verb + 的, closing the clause: what it is made of
        made = words[v] == "是" and c == v + 4 and words[v + 3] == "的" and kinds[v + 1] in (None, "N", "T") \
            and dict.get(tags, words[v + 1], "")[:1] == "n" and (kinds[v + 2] in ("V", "T") or dict.get(tags, words[v + 2], "")[:1] == "v")
        sized = any(kinds[j] == "Q" and quantities[j].name in _SIZE_PARAMS for j in range(v + 1, min(c, v + 4))) \
            and (words[v] != "有" or kinds[v + 1] == "Q")
        if made or sized:
            yield s, e


# the numerals of a set phrase (挑一压一, 一韵到底, 一板三眼)
_PHRASE_NUMERALS = frozenset("一二三四五六七八九十")
# the tags jieba's dictionary gives a set phrase (idiom, fixed expression)
_SET_PHRASE_TAGS = frozenset(("i", "l"))


def _clause_edge(words: list, kinds: list, k: int) -> bool:
    """Token k is outside the text or a clause break."""
    return k < 0 or k >= len(words) or kinds[k] == "P"


def _numeral_phrases(spec: Spec, doc: Doc) -> list:
    """Character spans of the four-character set phrases with numerals that name a technique, a rule or a metre
    (「挑一压一,」「一韵到底,」「慢板是一板三眼,」): not counts of the work. Three shapes, each closing its clause:
    two different one-character verbs each with the same numeral, as a clause of its own (挑一压一: pick up one,
    press down one; not directions, 上一下一); 一 + a one-character noun + 到底, as a clause of its own (one rhyme
    all through); a numeral and one character that a quantity took (一板) right before a numeral and one more
    character jieba left as a word (三眼); that quantity is no count of the work and is dropped. Run before the
    steps are read, so the spans are characters (tokens are still joined after it)."""
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    n = len(words)
    tags = spec.pos_tags()
    spans = []
    for k in range(n):  # (the numerals jieba left alone)
        if words[k] not in _PHRASE_NUMERALS:
            continue
        if words[k] == "一" and k + 2 < n and words[k + 2] == "到底" and len(words[k + 1]) == 1 \
                and dict.get(tags, words[k + 1], "")[:1] == "n" and _clause_edge(words, kinds, k - 1) \
                and _clause_edge(words, kinds, k + 3):
            spans.append((starts[k], starts[k + 3]))
        elif 1 <= k and k + 2 < n and words[k + 2] == words[k] and len(words[k - 1]) == 1 \
                and len(words[k + 1]) == 1 and words[k - 1] != words[k + 1] \
                and words[k - 1] not in DIRECTION_WORDS and words[k + 1] not in DIRECTION_WORDS \
                and dict.get(tags, words[k - 1], "")[:1] == "v" and dict.get(tags, words[k + 1], "")[:1] == "v" \
                and _clause_edge(words, kinds, k - 2) and _clause_edge(words, kinds, k + 3):
            spans.append((starts[k - 1], starts[k + 3]))
        elif words[k] == "一" and k + 3 < n and words[k + 2] == "一" and len(words[k + 1]) == 1 \
                and len(words[k + 3]) == 1 and words[k + 1] != words[k + 3] \
                and words[k + 1] not in DIRECTION_WORDS and words[k + 3] not in DIRECTION_WORDS \
                and kinds[k + 1] not in _NOT_NAME_KINDS and kinds[k + 3] not in _NOT_NAME_KINDS \
                and _clause_edge(words, kinds, k - 1) and _clause_edge(words, kinds, k + 4):
            spans.append((starts[k], starts[k + 4]))  # 「一板一叮,」: a clause of its own, two things each once
    for k in [i for i, w in enumerate(words) if dict.get(tags, w, "") in _SET_PHRASE_TAGS]:  # (a comprehension: cheaper compiled)
        w = words[k]
        if len(w) == 4 and w[0] in _PHRASE_NUMERALS and w[2] in _PHRASE_NUMERALS and w[1] != w[3] \
                and not (w[1] in _PHRASE_NUMERALS or w[3] in _PHRASE_NUMERALS) \
                and _clause_edge(words, kinds, k - 1) \
                and (_clause_edge(words, kinds, k + 1) or (words[k + 1] == "的" and _clause_edge(words, kinds, k + 2))):
            spans.append((starts[k], starts[k + 1]))  # 「…,一板三眼的,」: the dictionary's set phrase as a clause
    for k, q in list(doc.quantities.items()):
        raw = q.raw
        if len(raw) == 2 and raw[0] in _PHRASE_NUMERALS and k + 1 < n and kinds[k + 1] is None \
                and len(words[k + 1]) == 2 and words[k + 1][0] in _PHRASE_NUMERALS \
                and dict.get(tags, words[k + 1], "") == "m" and _clause_edge(words, kinds, k + 2):
            spans.append((starts[k], starts[k + 2]))
            del doc.quantities[k]
            kinds[k] = None
        elif len(raw) == 2 and (raw[0] in _PHRASE_NUMERALS or raw[0] == "两") and raw[0] != "一" and q.name == "count" \
                and not q.counted \
                and k + 2 < n and words[k + 1] == "一" and len(words[k + 2]) == 1 \
                and dict.get(tags, words[k + 2], "")[:1] == "v" and words[k + 2] not in DIRECTION_WORDS \
                and _clause_edge(words, kinds, k + 3) and (_clause_edge(words, kinds, k - 1) or words[k - 1] in COPULAS):
            # 「脚底下是三步一踢:」: so many of one move, then one of another, as a clause: the move's name,
            # no count of the work (a count of things, 「两块一碰」, is what is counted)
            spans.append((starts[k], starts[k + 3]))
            del doc.quantities[k]
            kinds[k] = None
    return spans


# what may stand between a one-character verb and its one-character object in a verb-object word said apart
_SPLITTERS = frozenset(("个", "好", "着", "了"))
_ASPECT_SPLITTERS = frozenset(("着", "了"))
# tags of a character that is no object closing the clause (了, 的, 吧, 啊, pronouns, numerals …)
_NO_OBJECT_TAGS = frozenset("uyexcprmq")


def _split_compounds(spec: Spec, doc: Doc):
    """(start token, end token, the word) of a one-character verb-object word said apart, 个 or the result
    好 between its verb and its object, the object closing the clause (「勾个边」「亮个相」「打个结」「拉好坯」
    「掐好丝」), or the aspect particle 着/了 where the object is a morpheme that is no word alone or the two
    make the dictionary's verb said of a part of the body (「悬着灸」「胳膊脱了臼」; nlp-s21-terms): the word (勾边, 亮相, 拉坯) names the technique as the craft's vocabulary does (离合词; see
    ``_technique_compounds`` for the word said whole). Not a taking verb (拿个碗), a copula or a verb of saying
    or being (是个, 有个), nor after a negation; 好 not before an adverb (弄好就)."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    n = len(words)
    if n < 3:
        return
    for k in range(1, n - 1):
        if words[k] not in _SPLITTERS:
            continue
        v, o = words[k - 1], words[k + 1]
        if len(v) != 1 or len(o) != 1 or not (k + 2 == n or kinds[k + 2] == "P"):
            continue
        tv, to = dict.get(tags, v, ""), dict.get(tags, o, "x")
        if not (kinds[k - 1] in ("V", "T", "C") or tv[:1] == "v") or v in STOP_VERBS or v in TOOL_LEAD \
                or v in COPULAS or (k >= 2 and words[k - 2] in NEGATIONS):
            continue
        if kinds[k + 1] in _NOT_NAME_KINDS or to[:1] in _NO_OBJECT_TAGS \
                or (o in _COMPOUND_CLOSED and not (words[k] == "个" and o in PLACE_SUFFIX)) \
                or (words[k] == "好" and to[:1] == "d"):
            continue  # (after the classifier 个 a locative's character is a thing: 「勾个边」)
        if words[k] in _ASPECT_SPLITTERS and (
                to[:1] == "v" or o in HAND_CHARS or o in MATERIAL_HEADS
                or not (to == "g" or (dict.get(tags, v + o, "")[:1] == "v" and k >= 2 and (
                    words[k - 2][-1] in BODY_CHARS
                    or (words[k - 2] in spec.terms and spec.terms[words[k - 2]].category == "body"))))):
            # (an aspect particle parts only a verb and its object: 「悬着灸」 a morpheme that is no word alone, or
            # the dictionary's word said of a part of the body, 「胳膊脱了臼」 a condition; not two verbs, 「转着走」,
            # a hand or a stuff handled, 「洗了手」「加了水」, nor a plain verb and object, 「进了城」)
            continue
        yield k - 1, k + 2, v + o


# a count of kinds (「这四样」「六样」「五道」): a numeral of three to nine and a classifier of kinds
_KIND_COUNT = re.compile(r"[三四五六七八九3-9](?:样|种|道|招)")
_KIND_NUMBERS = {ch: k for k, chs in enumerate(("", "", "", "三3", "四4", "五5", "六6", "七7", "八8", "九9")) for ch in chs}


def _counted_names(spec: Spec, norm: str):
    """Character spans (start, end) of one-character names the speaker lists and counts (「结、掼、勾、戗这四样
    是基本功」「蒸、酵、熏、淋、陈五道」「基本的就六样盘拐绷蹬挑磕」): a count of kinds (three to nine, 样/种/道/招)
    with exactly that many single characters listed right before it (each after a 、, 这/那 may come between)
    or right after it (said in a row, each a word of its own that the text says again later, as the speaker
    explains them) names each of them a term. A list of another length, a character that is no Chinese one or
    a function word, or characters after the count not each said again (「三样东西」) names nothing."""
    tags = spec.pos_tags()
    for m in _KIND_COUNT.finditer(norm):
        k = _KIND_NUMBERS[norm[m.start()]]
        # before: c1、c2、…、ck (这|那)? count
        e = m.start() - (1 if m.start() and norm[m.start() - 1] in "这那" else 0)
        span = norm[max(e - (2 * k - 1), 0):e]
        if len(span) == 2 * k - 1 and all(span[i] == "、" for i in range(1, len(span), 2)) \
                and (e - 2 * k < 0 or norm[e - 2 * k] != "、") \
                and all("\u4e00" <= ch <= "\u9fff" and dict.get(tags, ch, "x")[:1] in "vnaz" for ch in span[::2]):
            start = e - len(span)
            for i in range(0, len(span), 2):
                yield start + i, start + i + 1
            continue
        # after: count c1c2…ck said in a row, each a word of its own to jieba and each said again later
        # (the speaker goes on to explain them: 「外边踢叫拐」)
        span = norm[m.end():m.end() + k]
        if len(span) == k and all(dict.get(tags, ch, "x")[:1] in "vnaz" and ch in norm[m.end() + k:] for ch in span):
            for i in range(k):
                yield m.end() + i, m.end() + i + 1


# what may come right after a noun and its part: the clause ends, a list goes on or a place word follows
_PART_NOUN_AFTER = frozenset(("里", "上", "中", "内"))


def _part_nouns(spec: Spec, doc: Doc):
    """Token spans (start, end) of a noun and its part jieba cut into two one-character words (「抓住锁|把,」
    「脚套进鞋|襻里」「跟醋|糟、稻壳拌匀」): a one-character word the text also says as the last character of a
    longer noun (石锁, 板鞋, 新醋: the craft's own thing) and a one-character word jieba reads as no noun, then the
    clause ends, a list goes on or a place word follows, are one noun, when a verb or a preposition takes it. A
    second character that is a complement, an aspect particle or a modal (「锁上,」「醋好了」), one the text says
    again as a word of its own (刀不动皮|动), a pair after 拿/用 (拿针|扎: the tool and its verb), one with no verb or
    preposition before it, or a first character said in no longer noun names nothing."""
    words, kinds = doc.words, doc.kinds
    tags = spec.pos_tags()
    heads = None
    # (only a pair before punctuation or a place word can be one: those tokens are found in C)
    inter = doc.interesting
    ends = chain([j for j, w in enumerate(words) if w in _PART_NOUN_AFTER], [j for j in inter if kinds[j] == "P"])
    for j in ends:
        if j < 2:
            continue
        k = j - 2
        w, y = words[k], words[k + 1]
        if len(w) != 1 or len(y) != 1 or kinds[k] in ("P", "Q", "M") or kinds[k + 1] in ("P", "Q", "M"):
            continue
        if y in COMPLEMENTS or y in ASPECT_AFTER_VERB or y in RESULT_COMPLEMENTS or y in MODALS \
                or dict.get(tags, y, "x") not in ("v", "p", "zg", "vg", "ng") or w in COMPLEMENTS \
                or dict.get(tags, w, "x")[:1] not in "nv":
            continue
        if k == 0 or words[k - 1] in TOOL_LEAD or not (kinds[k - 1] in ("V", "T", "C") or words[k - 1] in
                                                        ROUTE_PREPOSITIONS or dict.get(tags, words[k - 1], "x")[:1] in "vp"):
            continue  # (what a verb or a preposition takes, not a subject and its predicate (皮|动) nor a tool
            #           and the verb it serves (拿针|扎))
        if not "\u4e00" <= w <= "\u9fff" or not "\u4e00" <= y <= "\u9fff" or words.count(y) != 1:
            continue  # (a character the text also says as a word of its own is a verb: 刀不动皮|动)
        if heads is None:  # (the last characters of the text's nouns of two characters or more, once per text)
            heads = {v[-1] for v, kd in zip(words, kinds)
                     if len(v) >= 2 and (kd in ("N", "T") or dict.get(tags, v, "")[:1] == "n")}
        if w in heads:
            yield k, k + 2
