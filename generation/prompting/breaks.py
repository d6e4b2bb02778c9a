"""Clause breaks put back into text a speech recogniser wrote without punctuation.

Every rule of ``extract`` cuts clauses at punctuation, so a whole unpunctuated passage would be one
clause. ``restore_breaks`` (called first by ``core.normalize``) puts a comma where a clause plainly
starts, found from the tokens and their kinds / part of speech, in every stretch of text longer than
any clause a writer leaves unpunctuated (``ASR_RUN``), or in a whole text of ``ASR_SHORT`` characters or
more with no punctuation at all, and before a space between two Chinese characters (a recogniser's
pause). Text with ordinary punctuation has no such stretch and is returned as it is; ``core`` maps every
offset back to the caller's text.
"""
from __future__ import annotations

import re

from .extract import (COMPLEMENTS, CONTEXT_HAND_VERBS, DIMENSION_CHARS, DIRECTION_COMPOUNDS, INSTRUMENT_LEADS, MODALS, NUMERAL_CHARS,
                      PLACE_SUFFIX, PUNCT, RESULT_COMPLEMENTS, SEQ_MARKERS, TOOL_LEAD, WARNING_CUES, WHITESPACE, Doc,
                      _has_content, _is_body, _verb_after, kind_table, normalize_chars, tokenize_doc)
from .spec import Spec

ASR_RUN = 20  # characters with no punctuation or space: longer than any written clause
ASR_SHORT = 8  # a text this long with no punctuation or space at all is read the same way
ASR_BREAK = ","
# sequence words that open the next clause (「…压干再拿到焙墙上晒」「…接着上色」)
ASR_OPEN_MARKERS = SEQ_MARKERS - {"之后", "以后", "以后呢", "之后呢", "完了", "完了以后"}
# …and those that close the clause they end (「晾干之后上色」「钉完了以后捻缝」)
ASR_CLOSE_MARKERS = {"之后", "以后", "以后呢", "之后呢", "完了以后"}
# sentence-final particles: in speech they end a phrase (「龙头嘛用樟木」「画青花啊毛笔蘸了料」)
ASR_PARTICLES = {"啊", "嘛", "呢", "吧", "呀", "啦", "哈", "哦", "呐", "咯", "喽", "哇"}
# discourse words that open a new phrase (「…你看这就平了」)
ASR_DISCOURSE = {"你看", "你瞧", "我跟你说", "你知道", "我告诉你", "怎么说呢"}
# an adverb after a new subject: 「…往下一压料就淌开了」
ASR_SUBJECT_ADVERBS = {"就", "才", "便", "也", "都", "又", "跟着"}
ASR_VERB_KINDS = {"V", "C", "A"}


def _asr_long_runs(norm: str) -> list[tuple[int, int]]:
    """(start, end) of every stretch of at least ``ASR_RUN`` characters with no punctuation or space
    (one regular-expression scan: text with ordinary punctuation costs next to nothing)."""
    runs = [m.span() for m in _ASR_RUN_RE.finditer(norm)]
    if not runs and len(norm) >= ASR_SHORT and _ASR_BREAK_RE.search(norm) is None:
        runs.append((0, len(norm)))  # no punctuation at all: the whole text (「左手按住木板右手拿凿子凿」)
    return runs


_ASR_BREAK_CLASS = "[" + "".join(sorted(re.escape(c) for c in PUNCT | WHITESPACE if len(c) == 1)) + "]"
_ASR_BREAK_RE = re.compile(_ASR_BREAK_CLASS)
_ASR_RUN_RE = re.compile(f"[^{_ASR_BREAK_CLASS[1:-1]}]{{{ASR_RUN},}}")


def restore_breaks(spec: Spec, text: str) -> tuple[str, list[int]]:
    """``text`` with a comma (``ASR_BREAK``) put where a clause starts inside each stretch of at least
    ``ASR_RUN`` characters with no punctuation (or the whole text, ``ASR_SHORT`` characters or more,
    when it has none at all), and before each space between two Chinese characters; with the offsets
    of the commas in the new text (ascending; empty, and ``text`` returned as it is, when there is no
    such place). The caller maps offsets back (``core._map_back``)."""
    norm = normalize_chars(text)
    runs = _asr_long_runs(norm)
    spaces = _asr_spaces(norm) if " " in norm or "\u3000" in norm else []
    if not runs and not spaces:
        return text, []
    cuts = _asr_cuts(spec, tokenize_doc(spec, norm), norm, runs) if runs else []
    if spaces:
        cuts = sorted(set(cuts) | set(spaces))
    if not cuts:
        return text, []
    pieces, added, pos = [], [], 0
    for c in cuts:
        pieces.append(text[pos:c])
        added.append(c + len(added))
        pieces.append(ASR_BREAK)
        pos = c
    pieces.append(text[pos:])
    return "".join(pieces), added


def _asr_spaces(norm: str) -> list[int]:
    """「刮痧板蘸点油 三十度 哎不对 四十五度斜着」: a recogniser's space between two Chinese characters
    is where the speaker paused; the tokens already end there, the comma put before it tells the
    quantities and the prompt too (「三十度」 is not the oil's temperature)."""
    out, n = [], len(norm)
    for k, ch in enumerate(norm):
        if ch in (" ", "\u3000") and k and "\u4e00" <= norm[k - 1] <= "\u9fff":
            j = k
            while j < n and norm[j] in (" ", "\u3000"):
                j += 1
            if j < n and "\u4e00" <= norm[j] <= "\u9fff" and (not out or out[-1] != k):
                out.append(k)
    return out


def _asr_is_verb(doc: Doc, tags: dict, i: int) -> bool:
    k = doc.kinds[i]
    return k in ASR_VERB_KINDS or (k in ("T", "L") and tags.get(doc.words[i], "")[:1] == "v")


def _asr_cuts(spec: Spec, doc: Doc, norm: str, runs: list) -> list[int]:
    """Character offsets (in ``norm``) where a clause starts inside the long runs: one walk over the
    tokens, each rule looking a few tokens (at most six) around the place, plus the chained repetitions
    (``_asr_chains``); never inside a quantity. The rules read the tokens' kinds (hand, sequence marker,
    relation, quantity, verb, noun) and jieba's tags, no list of sentences."""
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    tags = spec.pos_tags()
    n = len(words)
    cuts = []
    r = 0
    verb_seen = False  # a predicate since the last clause start
    last_verb = -1  # the last predicate (not 拿/用) of the clause
    last_pred = -1  # the last verb, 拿/用 included
    last_cut = -1
    q_end = -1  # the end of the last quantity: no cut inside one (「拍一分钟拍个八十来下」 is one rate)
    for i in range(n):
        s = starts[i]
        while r < len(runs) and runs[r][1] <= s:
            r += 1
        if kinds[i] == "P":
            verb_seen = False
            continue
        inside = r < len(runs) and runs[r][0] < s < runs[r][1] and s >= q_end
        w, k = words[i], kinds[i]
        prev_w, prev_k = words[i - 1] if i else "", kinds[i - 1] if i else "P"
        cut = False
        if inside and prev_w in ASR_PARTICLES and last_cut == i - 1 and cuts:
            cuts[-1] = s  # 「…的时候啊左手」: the particle closes the clause before it
            last_cut = i
        elif inside and i > last_cut:
            if (prev_w in ASR_PARTICLES or prev_w in ASR_CLOSE_MARKERS or prev_w in ASR_INTERJECTIONS
                    or (prev_w in ("时候", "时") and i >= 2 and words[i - 2] == "的")) \
                    and i > last_cut + 1:
                cut = True  # after the particle, the interjection, the marker that ends a clause, 的时候
            elif w in ASR_INTERJECTIONS and _has_content(words, kinds, last_cut + 1, i):
                cut = True  # 「…捣成浆嗯就这么个顺序」
            elif verb_seen and prev_w == "了" and (_asr_is_verb(doc, tags, i) or k in ("H", "M", "O", "L", "R")):
                cut = True  # 「劈好了上机」「钉完了捻缝」: a finished predicate, then the next one
            elif verb_seen and prev_w == "了" and i >= 3 and words[i - 2][-1:] in RESULT_COMPLEMENTS \
                    and (len(words[i - 2]) >= 2 or _asr_is_verb(doc, tags, i - 3)) \
                    and (k in ("N", "T") or w.startswith("每")) and w not in ASR_SUBJECT_ADVERBS:
                cut = True  # 「摊好了锅烧热」: a predicate with its result and 了 is over; a new subject follows
            elif (verb_seen or prev_k == "Q" or _asr_noun(doc, tags, i - 1) or prev_w in ASR_PRONOUNS) \
                    and k == "H" and prev_k not in ("L", "O", "R") and prev_w not in TOOL_LEAD:
                cut = True  # a new subject hand (「…按住右手抡锤」「…一共三根我左手捏…」)
                if prev_w in ASR_PRONOUNS and i - 1 > last_cut:
                    s = starts[i - 1]  # the speaker's 我 goes with the hand
            elif verb_seen and (_asr_is_verb(doc, tags, i - 1) or prev_w in ("下去", "上去", "进去", "出来", "起来")) \
                    and tags.get(w, "") in ("f", "s") and len(w) >= 2 and i + 1 < n and words[i + 1] == "的":
                cut = True  # 「把针扎下去底下的手接住了」: where a new subject is, after a finished predicate
            elif verb_seen and prev_w == "的" and i >= 2 and _asr_is_verb(doc, tags, i) \
                    and (_asr_is_verb(doc, tags, i - 2) or kinds[i - 2] is None and tags.get(words[i - 2], "") == "f"):
                cut = True  # 「芦笙是边吹边跳的吹的时候…」: 是…的 ends its sentence before the next verb
            elif last_pred > last_cut and tags.get(w, "") == "m" and w[:1] in NUMERAL_CHARS and words[i - 2] != w \
                    and _asr_nounish(doc, tags, i - 1) and kinds[i - 1] != "Q" and prev_w not in COMPLEMENTS \
                    and _asr_object_of(doc, tags, last_pred, i - 1) \
                    and _asr_predicate_ahead(doc, tags, i) and not (
                        words[last_pred] in TOOL_LEAD and not any(_asr_noun(doc, tags, j) for j in (i + 1, i + 2))):
                # (not 「拿墨斗一弹」「拿木槌一下一下敲」: what was taken is used by the verb that follows)
                cut = True  # 「右手拿大板两块竹板一碰」: a new numbered subject after a predicate and its object
            elif verb_seen and k == "M" and w in ASR_OPEN_MARKERS \
                    and prev_w not in MODALS and prev_w not in ASR_SUBJECT_ADVERBS:
                cut = True  # 「…压干再拿到焙墙上晒」 (not 「影人要先拿…」: 先 goes with its verb)
                if i - 2 > last_cut and _asr_noun(doc, tags, i - 1) and (
                        _asr_noun(doc, tags, i - 2) or kinds[i - 2] == "Q"):
                    s = starts[i - 1]  # 「捞出渣子油再熬」: the noun before 再 is its subject
            elif verb_seen and _asr_result_verb(doc, tags, i - 1) and _asr_is_verb(doc, tags, i) \
                    and w not in ASR_AFTER_ONE_VERB and w not in COMPLEMENTS:
                cut = True  # 「锅烧热抓一把叶子」: a predicate with its result, then the next one
            elif (w in ASR_DISCOURSE or w.startswith(WARNING_CUES)
                  or (tags.get(w, "") == "c" and len(w) >= 2)) and _has_content(words, kinds, last_cut + 1, i):
                cut = True  # 「所以」「不然」「你看」 open a phrase of their own
            elif verb_seen and prev_k == "Q" and (_asr_is_verb(doc, tags, i) or w == "每") \
                    and w[:1] not in DIMENSION_CHARS:
                cut = True  # 「刷七遍每遍晾个十五天」: a quantity ends the predicate it measures
            elif ((i >= 2 and words[i - 2] == "一" and len(prev_w) == 1 and _asr_is_verb(doc, tags, i - 1))
                  # 「往罐里一晃赶紧抽出来」: jieba's one word 一晃
                  or (len(prev_w) == 2 and prev_w[0] == "一" and prev_k != "Q" and tags.get(prev_w, "") not in ("m", "mq")
                      and (prev_w[1] in CONTEXT_HAND_VERBS or tags.get(prev_w[1], "")[:1] == "v"))) \
                    and k != "Q" and w not in ASR_AFTER_ONE_VERB and kinds[i] != "M" and tags.get(w, "") != "m" \
                    and _asr_result_follows(doc, tags, i):
                cut = True  # 「墨斗一弹」「麻绳一拉」: the sudden action ends its clause, its result follows
            elif verb_seen and k == "L" and w not in INSTRUMENT_LEADS | {"以"} and _asr_nounish(doc, tags, i - 1) \
                    and _verb_after(doc, i, None, reach=6):
                cut = True  # 「…生漆调鹿角霜拿牛角批刮」: a verb and its object, then 拿 + a tool + a verb
            elif last_verb > last_cut and k == "R" and w not in ("在", "到", "由") and _asr_nounish(doc, tags, i - 1) \
                    and _asr_object_of(doc, tags, last_verb, i - 1) and not _asr_held(doc, last_cut + 1, i):
                cut = True  # 「揭起一张往墙上一贴」: a predicate and its object, then where the next one goes
            elif verb_seen and prev_w in DIRECTION_COMPOUNDS and _asr_noun(doc, tags, i) and i + 1 < n and (
                    kinds[i + 1] == "R" or words[i + 1] in ASR_SUBJECT_ADVERBS or _asr_is_verb(doc, tags, i + 1)):
                cut = True  # 「把气泡揉出去泥往车盘正中一摔」: a direction ends the predicate; a new subject follows
            elif last_pred > last_cut and k in ("N", "T") and _is_body(spec, w) and prev_k not in ("O", "L", "R", "H") \
                    and prev_w not in ("的", "一", "把", "将", "用", "拿") and prev_w not in TOOL_LEAD \
                    and i + 1 < n and (_asr_is_verb(doc, tags, i + 1) or kinds[i + 1] == "R" or words[i + 1] == "一"
                                       or words[i + 1] in ASR_SUBJECT_ADVERBS) \
                    and _asr_nounish(doc, tags, i - 1) and _asr_object_of(doc, tags, last_pred, i - 1):
                cut = True  # 「右手握命杆胳膊伸直」: a predicate and its object, then a body part as the next subject
            elif verb_seen and k in ("N", "T") and tags.get(w, "")[:1] == "n" and prev_k not in ("O", "L", "R") \
                    and not _asr_is_verb(doc, tags, i - 1) and prev_w not in ("的", "一", "把", "将") \
                    and i + 2 < n and words[i + 1] in ASR_SUBJECT_ADVERBS and _asr_is_verb(doc, tags, i + 2):
                cut = True  # 「…颜色就不对了」: a new subject, an adverb, its verb
        if cut:
            cuts.append(s)
            last_cut = i
            verb_seen = False
        if _asr_is_verb(doc, tags, i):
            verb_seen = True
            last_pred = i
            if w not in TOOL_LEAD:
                last_verb = i
        if k == "Q":
            q_end = max(q_end, doc.quantities[i].end)
    chains = _asr_chains(spec, norm, runs, doc)
    if chains:
        cuts = sorted(set(cuts) | set(chains))
    return cuts


ASR_PRONOUNS = {"我", "你", "他", "她", "咱", "俺"}
# directions that end a predicate (「揉出去」「拿出来」): a noun after one is no object of it


def _asr_predicate_ahead(doc: Doc, tags: dict, i: int) -> bool:
    """A verb (or 一 + verb) comes within four tokens after i, before any punctuation."""
    for j in range(i + 1, min(len(doc.words), i + 5)):
        if doc.kinds[j] == "P":
            return False
        if _asr_is_verb(doc, tags, j):
            return True
    return False


def _asr_noun(doc: Doc, tags: dict, j: int) -> bool:
    return j >= 0 and doc.kinds[j] in ("N", "T") and tags.get(doc.words[j], "")[:1] == "n"


def _asr_result_verb(doc: Doc, tags: dict, j: int) -> bool:
    """Token j is a two-character verb with its result (烧热, 晒干, 压实)."""
    return j >= 0 and len(doc.words[j]) == 2 and doc.words[j][1] in ASR_RESULTS and _asr_is_verb(doc, tags, j)


# what a verb brings about (「烧热」「晾凉」「捣烂」), besides the complements of ``RESULT_COMPLEMENTS``
ASR_RESULTS = RESULT_COMPLEMENTS | set("热凉化烂熟红")


def _asr_result_follows(doc: Doc, tags: dict, i: int) -> bool:
    """After 一 + verb, token i starts what it brought about: a verb (「一拉勒紧」), or a noun that is
    the subject of one (「一刷纸就贴牢」「一拉碗的粗坯就出来了」), not the verb's object (「一抖袖子」)."""
    if not _asr_noun(doc, tags, i):
        return True
    words, kinds = doc.words, doc.kinds
    for j in range(i + 1, min(len(words), i + 5)):
        if kinds[j] in ("P", "Q") or words[j] == "一":
            return False
        if words[j] in ASR_SUBJECT_ADVERBS or _asr_is_verb(doc, tags, j):
            return True
    return False


def _asr_nounish(doc: Doc, tags: dict, j: int) -> bool:
    """Token j ends a noun phrase: a noun, a quantity, a classifier phrase (「一张」)."""
    if j < 0:
        return False
    k, t = doc.kinds[j], tags.get(doc.words[j], "")
    return k in ("Q", "N") or (k in ("T", None) and t[:1] in ("n", "m", "q"))


# the last character of a body part: the subject of what follows, not an object (「手腕往上一翻」)
ASR_BODY_END = set("手脚指腕肘膝鼻嘴肩臂腿")


def _asr_object_of(doc: Doc, tags: dict, v: int, j: int) -> bool:
    """Token j is the object of the predicate at v: only 了/个/a numeral or classifier between them,
    and it names no body part (those are subjects: 「抖水袖手腕往上一翻」)."""
    if j <= v or doc.words[j][-1:] in ASR_BODY_END or doc.words[v] in DIRECTION_COMPOUNDS:
        return False
    for m in range(v + 1, j):
        w = doc.words[m]
        if not (w in ("了", "个", "一", "着") or tags.get(w, "")[:1] in ("m", "q") or doc.kinds[m] == "Q"):
            return False
    return True


def _asr_held(doc: Doc, a: int, i: int) -> bool:
    """The clause so far only takes a tool (「拿钉子顺着线戳」): its place and verb come next."""
    return not any((doc.kinds[j] in ASR_VERB_KINDS or doc.kinds[j] == "T") and doc.words[j] not in TOOL_LEAD
                   for j in range(a, i))


# after 一 + a one-character verb, these still belong to it (「一拉就开」「一压下去」)
ASR_AFTER_ONE_VERB = {"就", "了", "着", "过", "下", "上", "到", "开", "起", "好", "下去", "上去", "进去", "出来", "起来",
                      "一", "得", "成", "完", "住", "紧", "平", "的"}
ASR_INTERJECTIONS = {"嗯", "呃", "哎", "哎呀", "唉", "哎哟", "诶", "欸"}
# after a word said twice, these say the second one is the next clause's verb (「捶捶到不粘手」)
ASR_CHAIN_NEXT = set("到得完好了个成干透起开")


def _asr_chains(spec: Spec, norm: str, runs: list, doc: Doc) -> list[int]:
    """「车盘车盘转起来了」「蒸蒸到外硬内软」: speakers start a clause with the word that ended the one
    before; where a word of two or three characters is said twice running (also across the locative
    that ended the first: 「搁银窝里银窝放到…」), a one-character noun twice (「敲鼓鼓搁在…」, not a body
    part: 拇指指端), or a one-character verb twice with a complement after it, the second one starts a
    clause. Not numerals and classifiers (「一层一层」), not inside a quantity."""
    tags = spec.pos_tags()
    kinds_of = kind_table(spec)
    qspans = [(q.start, q.end) for q in doc.quantities.values()]
    out = []
    for a, b in runs:
        for p in range(a + 1, b - 1):
            c = norm[p]
            if c in NUMERAL_CHARS or not ("\u4e00" <= c <= "\u9fff"):
                continue
            hit = False
            for size in (3, 2):
                if p - size > a and p + size <= b and norm[p - size:p] == norm[p:p + size] \
                        and len(set(norm[p:p + size])) == size and not any(x in NUMERAL_CHARS for x in norm[p:p + size]):
                    hit = True
                    break
            for size in (3, 2):
                if hit or not (p - size - 1 > a and p + size <= b and norm[p - 1] in PLACE_SUFFIX):
                    continue
                if norm[p - size - 1:p - 1] == norm[p:p + size] and len(set(norm[p:p + size])) == size \
                        and not any(x in NUMERAL_CHARS for x in norm[p:p + size]):
                    hit = True  # 「搁银窝里银窝放到…」: the place named last is the next clause's topic
            if not hit and norm[p - 1] == c and p - 1 > a and (kinds_of.get(c) == "N" or (
                    kinds_of.get(c) == "T" and tags.get(c, "")[:1] == "n")) \
                    and norm[p - 2] not in NUMERAL_CHARS and c not in ASR_BODY_END:
                hit = True  # 「拿鼓键子敲鼓鼓搁在鼓架子上」: a one-character noun said twice running
            if not hit and norm[p - 1] == c and p - 1 > a and norm[p - 2] not in NUMERAL_CHARS \
                    and (c in CONTEXT_HAND_VERBS or tags.get(c, "")[:1] == "v") \
                    and (norm[p + 1] in ASR_CHAIN_NEXT or norm[p + 1].isdigit() or norm[p + 1] in NUMERAL_CHARS
                         # 「再揉揉光了」: the second one with its result (光, 匀, 平…) and 了
                         or (norm[p + 1] in RESULT_COMPLEMENTS and p + 2 < b and norm[p + 2] == "了")):
                hit = True
            if hit and not any(qs < p < qe for qs, qe in qspans):
                out.append(p)
    return out
