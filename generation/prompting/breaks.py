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
from bisect import bisect_right

from .extract import _has_content, _held_tool, _verb_after, parallel_words, tokenize_doc
from .overview import _LEAD as _OVERVIEW_LEAD, _TRAIL as _OVERVIEW_TRAIL
from .persons import OWNER_POSITIONS, person_position, person_shaped
from .resegment import _alternated as alternated, mistagged_verb, verb_char, verb_object_word
from .spec import Spec
from .tokens import Doc, _is_body, kind_table, normalize_chars
from .words import (ASR_GRIP_CHARS, ASR_GRIP_ENDS, AWAY_COMPLEMENTS, COMPLEMENTS, CONTEXT_HAND_VERBS, COORD_STOP,
                    COPULAS, DIMENSION_CHARS,
                    DIRECTION_CHARS, DIRECTION_COMPOUNDS, DIRECTION_WORDS, EACH_ADVERBS, FACING_COVERBS, FUNCTION_TAGS,
                    INSTRUMENT_LEADS, MODALS, NEGATIONS, NUMERAL_CHARS, OBJECT_MARKERS, ONE_ADVERBS,
                    PAIRED_OPENERS, PERSON_NOUNS, PERSON_TAIL_CHARS, PIECE_CLASSIFIERS, PLACE_SUFFIX, PUNCT,
                    RESULT_COMPLEMENTS, ROUTE_MARKERS, ROUTE_PREPOSITIONS, SEQ_MARKERS, SPEECH_PARTICLES, THAT_ONE_CLASSIFIERS,
                    TOOL_LEAD,
                    TOOL_NAME_SUFFIX, WARNING_CUES, WHITESPACE)

ASR_RUN = 20  # characters with no punctuation or space: longer than any written clause
ASR_SHORT = 8  # a text this long with no punctuation or space at all is read the same way
ASR_BREAK = ","
# sequence words that open the next clause (「…压干再拿到焙墙上晒」「…接着上色」)
ASR_OPEN_MARKERS = SEQ_MARKERS - {"之后", "以后", "以后呢", "之后呢", "完了", "完了以后"}
# …and those that close the clause they end (「晾干之后上色」「钉完了以后捻缝」)
ASR_CLOSE_MARKERS = {"之后", "以后", "以后呢", "之后呢", "完了以后"}
# sentence-final particles: in speech they end a phrase (「龙头嘛用樟木」「画青花啊毛笔蘸了料」; words.SPEECH_PARTICLES)
ASR_PARTICLES = SPEECH_PARTICLES
# a verdict that closes the clause it judges (「…就对了」「…就行了」)
ASR_VERDICTS = ("就对了", "就行了", "就好了", "就够了", "就成了", "就可以了", "就得了")
# …and the words after 就 that make one (「压两毫米深就够了」, where jieba cut 就 off)
ASR_VERDICT_HEADS = frozenset("对行好够成可得")
# what still belongs to a size said with its dimension (「一寸来长的段」「三毫米厚了」「三尺长哦」)
ASR_DIMENSION_KEEP = frozenset({"的", "地", "得", "了", "点", "一点", "些", "一些"})
# discourse words that open a new phrase (「…你看这就平了」)
ASR_DISCOURSE = {"你看", "你瞧", "我跟你说", "你知道", "我告诉你", "怎么说呢"}
# an adverb after a new subject: 「…往下一压料就淌开了」
ASR_SUBJECT_ADVERBS = {"就", "才", "便", "也", "都", "又", "跟着"}
ASR_VERB_KINDS = {"V", "C", "A"}


def _asr_long_runs(norm: str) -> list[tuple[int, int]]:
    """(start, end) of every stretch of at least ``ASR_RUN`` characters with no punctuation or space
    (one regular-expression scan: text with ordinary punctuation costs next to nothing)."""
    first = _ASR_RUN_AT_START.match(norm)
    runs = [first.span()] if first is not None else []
    runs += [m.span(1) for m in _ASR_RUN_RE.finditer(norm)]
    if not runs and len(norm) >= ASR_SHORT and _ASR_BREAK_RE.search(norm) is None:
        runs.append((0, len(norm)))  # no punctuation at all: the whole text (「左手按住木板右手拿凿子凿」)
    return runs


_ASR_BREAK_CLASS = "[" + "".join(sorted(re.escape(c) for c in PUNCT | WHITESPACE if len(c) == 1)) + "]"
_ASR_BREAK_RE = re.compile(_ASR_BREAK_CLASS)
# (a run is tried only where one starts, at the text's start or after a break: tried at every character, the
# repeat re-read the rest of each clause shorter than ``ASR_RUN`` once per character of it; same spans. The run
# after a break is group 1 of a pattern opening with the break's class, which sre scans for in C: one opening with
# a look-behind, ``(?<![^…])``, entered the pattern at every character, s24-speedA)
_ASR_RUN_AT_START = re.compile(f"[^{_ASR_BREAK_CLASS[1:-1]}]{{{ASR_RUN},}}")
_ASR_RUN_RE = re.compile(f"{_ASR_BREAK_CLASS}([^{_ASR_BREAK_CLASS[1:-1]}]{{{ASR_RUN},}})")


def restore_breaks(spec: Spec, text: str, *, norm: str | None = None) -> tuple[str, list[int]]:
    """``text`` with a comma (``ASR_BREAK``) put where a clause starts inside each stretch of at least
    ``ASR_RUN`` characters with no punctuation (or the whole text, ``ASR_SHORT`` characters or more,
    when it has none at all), and before each space between two Chinese characters; with the offsets
    of the commas in the new text (ascending; empty, and ``text`` returned as it is, when there is no
    such place). The caller maps offsets back (``core._map_back``). ``norm``: ``normalize_chars(text)``
    when the caller has it."""
    if norm is None:
        norm = normalize_chars(text)
    runs = _asr_long_runs(norm)
    spaces = _asr_spaces(norm) if " " in norm or "\u3000" in norm else []
    if not runs and not spaces:
        return text, []
    doc = tokenize_doc(spec, norm) if runs else None
    cuts = _asr_cuts(spec, doc, norm, runs) if runs else []
    marks = _asr_listed_pairs(spec, doc, norm, runs, cuts) if runs else ()
    listed = _asr_overview_marks(norm, runs) if runs else ()
    if listed:
        # (an overview's members are marked as a writer lists them; no comma goes inside the list)
        for a, b, at in listed:
            cuts = [c for c in cuts if not a < c < b]
            marks = set(marks) | at
    if marks:
        cuts = sorted(set(cuts) | marks)
    if spaces:
        listed = _asr_listed_spaces(spec, norm, spaces)
        if listed:  # the space itself becomes the list mark: one character for one, no offset moves
            text = "".join(ASR_LIST_MARK if k in listed else ch for k, ch in enumerate(text))
            spaces = [k for k in spaces if k not in listed]
        cuts = sorted(set(cuts) | set(spaces))
    if not cuts:
        return text, []
    pieces, added, pos = [], [], 0
    for c in cuts:
        pieces.append(text[pos:c])
        added.append(c + len(added))
        pieces.append(ASR_LIST_MARK if c in marks else ASR_BREAK)
        pos = c
    pieces.append(text[pos:])
    return "".join(pieces), added


# 「四平马子午马」「花旁大旁」「直槌横槌」: two names side by side, the second as long as the first and ending in
# the same character (the overlapping scan of ``_asr_listed_pairs``: a name of one or two characters, its head, the
# other name's characters, the head again)
_ASR_PAIR_RE = re.compile(r"(?=([\u4e00-\u9fff]{1,2})([\u4e00-\u9fff])([\u4e00-\u9fff]{1,2})\2)")
# what a listed name's own characters never are (a pronoun, particle, preposition, conjunction, interjection)
_ASR_PAIR_BAD_TAGS = frozenset("urpcyex")
# …nor an adverb that opens a predicate (「越抽越欢」「就响当当」)
_ASR_PAIR_ADVERBS = frozenset(ASR_SUBJECT_ADVERBS | set("还越"))
# …nor a copula or a modal verb of one character (「甩髯是髯口」「挂撑要撑」「故有底有」)
_ASR_PAIR_PREDICATES = frozenset(w for w in COPULAS | MODALS if len(w) == 1)


def _asr_listed_pairs(spec: Spec, doc: Doc, norm: str, runs: list, cuts: list) -> set:
    """Offsets inside the long runs where the second of two names said side by side with no pause begins,
    each of two or three characters and ending in the same one (「舞狮先练马步四平马子午马站稳了」
    「钹有闷打亮打侧击」「叩击直槌横槌都得练」: two kinds of one thing, where a writer puts 、): the list mark goes
    there (``restore_breaks``), so the names listed are read as with punctuation (``names._coordinated_names``).
    Not a word said again (「松香松香擀成面」), no numeral, pronoun, particle, negation or adverb of sequence
    (「一层一层」「越抽越欢」「不动纸动」「再喷水再撒粉」), no body part or place as the head (「中指无名指」),
    the second not led by 拿/让…, a complement (「揉熟揉」「接住接」) or a noun's suffix (「拿锉子锉」)."""
    tags = spec.pos_tags()
    starts = doc.starts
    out = set()
    for lo, hi in runs:
        for m in _ASR_PAIR_RE.finditer(norm, lo, hi):
            x, head, y = m.groups()
            a = m.start()
            c, d = a + len(x) + 1, a + 2 * len(x) + 2
            if len(x) != len(y) or x == y or d > hi or any(a < k < d and k != c for k in cuts):
                continue
            k = bisect_right(starts, a) - 1
            if starts[k] != a or norm[c - 2:c + 1] in tags or norm[c - 1:c + 2] in tags:
                continue  # (the first name begins a word: not 「右手拿锣槌敲锣」 across 右手|拿; no word of three
                # characters goes across the mark: 「拉马头琴头一样」)
            if tags.get(head, "x")[:1] in FUNCTION_TAGS or head in ASR_BODY_END or head in PLACE_SUFFIX \
                    or head in COORD_STOP:
                continue
            if y[0] in TOOL_NAME_SUFFIX or y[0] in ASR_PIVOTS or y[0] in COMPLEMENTS or y[0] in RESULT_COMPLEMENTS \
                    or y[0] in AWAY_COMPLEMENTS or any(ch in TOOL_LEAD for ch in x + y):
                continue
            if head in x or head in y or x[-1] in DIRECTION_CHARS or (len(x) == 2 and (
                    x[0] == x[1] or y[0] == y[1] or x[1] in TOOL_NAME_SUFFIX or x[1] in COMPLEMENTS
                    or x[1] in RESULT_COMPLEMENTS)):
                continue  # (「锉子锉刃口锉」「拿软毛刷轻轻刷」; a noun, or a verb and its complement, before a verb or
                # a noun said again: 「弓子擦松香擦」「裹满釉浆待釉」「码进蒸笼蒸」)
            if any(ch in COORD_STOP or ch in NUMERAL_CHARS or ch in NEGATIONS or ch in _ASR_PAIR_ADVERBS
                   or ch in _ASR_PAIR_PREDICATES or tags.get(ch, "x")[:1] in _ASR_PAIR_BAD_TAGS for ch in x + y + head):
                continue
            out.add(c)
    return out


# (nlp-verbs) what may join the last member of an overview said with no pause (「升炼和制剂」), and the noun suffixes
# that make a member of three characters (「起谱子」)
_ASR_LIST_JOINERS = frozenset("和及与")
_ASR_MEMBER_SUFFIXES = frozenset("子儿头")


def _asr_overview_marks(norm: str, runs: list) -> list:
    """(nlp-verbs) The overviews of a process said with no pause (「须依次经过宰杀烫毛煺毛打气……片鸭等工序」
    「概括为塑坯剪饶贴饶三步」): between a lead that introduces a process's parts and the words for them after the list
    (``overview``'s lead and trail), the names of the steps, each of two characters (three with a noun suffix: 起谱子),
    the last one perhaps joined by 和/及/与. Where the stretch reads so, with at least three names, a list mark goes
    between each two (``restore_breaks``), so the list is read as written (``overview``). A stretch with anything else
    in it (的, a numeral, a character that is no Chinese one, a length that does not divide so) is left alone.
    Returns (start, end, offsets of the marks) for each list."""
    found = []
    for lo, hi in runs:
        for t in _OVERVIEW_TRAIL.finditer(norm, lo, hi):
            end = t.start()
            lead = next((k for k in range(end - 6, max(lo, end - 40) - 1, -1)
                         if _OVERVIEW_LEAD.search(norm, max(0, k - 12), k)), None)
            if lead is None:
                continue
            if any(not "\u4e00" <= ch <= "\u9fff" or ch in "的地得了着" or ch in NUMERAL_CHARS for ch in norm[lead:end]):
                continue
            at, pos = set(), lead
            while pos < end:
                ch = norm[pos]
                if ch in _ASR_LIST_JOINERS and pos + 3 == end and at:
                    pos += 1  # 「和制剂」: the joiner before the last name
                    continue
                size = 3 if pos + 2 < end and norm[pos + 2] in _ASR_MEMBER_SUFFIXES else 2
                if pos + size > end:
                    at = None
                    break
                if pos > lead and norm[pos - 1] not in _ASR_LIST_JOINERS:
                    at.add(pos)
                pos += size
            if at is not None and len(at) >= 2:
                found.append((lead, end, at))
    return found


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


ASR_LIST_MARK = "\u3001"


def _asr_listed_spaces(spec: Spec, norm: str, spaces: list) -> set:
    """The spaces (of ``_asr_spaces``) between two names listed side by side that share their last
    character (「花旁 大旁」「四平马 子午马」「点刻 线刻」: two kinds of one thing, where the writer put 、):
    the left one a whole chunk of two to four characters (an adverb before it set aside: 再点刻), the right
    one as long as it takes to reach the shared head (two to four); no numeral, no other function word
    (不, 跟, 从…), no body part (不烫手 右手), the right one not led by 拿/让… (先描线 拿勾线笔, 憋住气
    让气…), not a word said again (坛子 坛子是瓷的).
    The space is read as 、, so
    the names listed are read as with punctuation (``names._coordinated_names``), not as two clauses."""
    tags = spec.pos_tags()
    out, n = set(), len(norm)
    for k in spaces:
        a = k
        while a > 0 and k - a < 5 and "\u4e00" <= norm[a - 1] <= "\u9fff":
            a -= 1
        if not 2 <= k - a <= 4 or a > 0 and "\u4e00" <= norm[a - 1] <= "\u9fff":
            continue
        head = norm[k - 1]
        if tags.get(head, "x")[:1] in FUNCTION_TAGS or k + 1 >= n:
            continue
        h = norm.find(head, k + 2, k + 5)
        left, right = norm[a:k], norm[k + 1:h + 1]
        if tags.get(left[0], "x")[:1] in FUNCTION_TAGS:
            left = left[1:]  # 「再点刻 线刻」: the adverb before the first name is no part of it
        if h == -1 or left.endswith(right) or head in ASR_BODY_END or right[0] in ASR_PIVOTS or right[0] in TOOL_LEAD \
                or not all("\u4e00" <= ch <= "\u9fff" and ch not in NUMERAL_CHARS
                           and tags.get(ch, "x")[:1] not in FUNCTION_TAGS for ch in left + right):
            continue
        out.add(k)
    return out


def _asr_is_verb(doc: Doc, tags: dict, i: int) -> bool:
    k = doc.kinds[i]
    return k in ASR_VERB_KINDS or (k in ("T", "L") and tags.get(doc.words[i], "")[:1] == "v")


def _asr_cuts(spec: Spec, doc: Doc, norm: str, runs: list) -> list[int]:
    """Character offsets (in ``norm``) where a clause starts inside the long runs: the walk of
    ``_asr_walk``, plus the cuts inside a word jieba glued across the boundary (「晾凉拌上」 cut 晾/凉拌/上):
    each word the cheap test of ``_asr_glued_words`` picks is re-cut (``_asr_split_doc``) and the same walk
    is run once more over the re-cut tokens; a cut it gives inside one of those words is kept (「晾凉,拌上」),
    every other difference is dropped. Text with no such word pays for the test alone."""
    tags = spec.pos_tags()
    cuts = _asr_walk(spec, doc, tags, norm, runs)
    glued = _asr_glued_words(spec, doc, tags, runs, cuts)
    if glued:
        split = _asr_split_doc(spec, doc, glued)
        inner = {doc.starts[i] + 1 for i, _ in glued}
        again = [c for c in _asr_walk(spec, split, tags, norm, runs) if c in inner]
        if again:
            cuts = sorted(set(cuts) | set(again))
    return cuts


def _asr_walk(spec: Spec, doc: Doc, tags: dict, norm: str, runs: list) -> list[int]:
    """Character offsets (in ``norm``) where a clause starts inside the long runs: one walk over the
    tokens, each rule looking a few tokens (at most six) around the place, plus the chained repetitions
    (``_asr_chains``); never inside a quantity. The rules read the tokens' kinds (hand, sequence marker,
    relation, quantity, verb, noun) and jieba's tags, no list of sentences."""
    words, kinds, starts = doc.words, doc.kinds, doc.starts
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
            elif i > last_cut + 1 and _asr_sound_opens(doc, tags, i):
                cut = True  # (s23-nopunct) 「…右手捏根筷子嗒嗒敲两下」「…拿在右手啪地打开」: a sound opens a phrase
            elif verb_seen and norm.endswith(ASR_VERDICTS, 0, s) and w not in ASR_PARTICLES:
                cut = True  # 「…拉到不松不紧就对了一朵花要挑两百针」: 就对了/就行了 closes the clause it judges
            elif verb_seen and prev_w == "了" and (_asr_is_verb(doc, tags, i) or k in ("H", "M", "O", "L", "R")):
                cut = True  # 「劈好了上机」「钉完了捻缝」: a finished predicate, then the next one
            elif verb_seen and prev_w == "了" and i >= 3 and words[i - 2][-1:] in ASR_DONE_ENDS \
                    and (len(words[i - 2]) >= 2 or _asr_is_verb(doc, tags, i - 3) or tags.get(words[i - 2], "")[:1] == "a") \
                    and (k in ("N", "T") or w.startswith("每")) and w not in ASR_SUBJECT_ADVERBS \
                    and (words[i - 2][-1:] in RESULT_COMPLEMENTS or i + 1 < n and _asr_is_verb(doc, tags, i + 1)):
                cut = True  # 「摊好了锅烧热」: a predicate with its result and 了 is over; a new subject follows
            elif _asr_after_ba_result(doc, tags, i, last_cut):
                cut = True  # 「把纸夹好刷子蘸上色」: 把 + its object + a verb + its result is a whole predicate
            elif (verb_seen or prev_k == "Q" or _asr_noun(doc, tags, i - 1) or prev_w in ASR_PRONOUNS
                  or (tags.get(prev_w, "")[:1] == "a" and i - 1 > last_cut)) \
                    and k == "H" and prev_k not in ("L", "O", "R") and prev_w not in TOOL_LEAD:
                cut = True  # a new subject hand (「…按住右手抡锤」「…一共三根我左手捏…」「左手高右手低」)
                if prev_w in ASR_PRONOUNS and i - 1 > last_cut:
                    s = starts[i - 1]  # the speaker's 我 goes with the hand
                elif i - 1 > last_cut + 1 and _asr_hand_owner(doc, tags, i - 1):
                    s = starts[i - 1]  # 「…腰鼓鼓手双手抡起」: the person whose hands they are goes with them
                elif i - 2 > last_cut + 1 and _asr_hand_owner(doc, tags, i - 2, split=True):
                    s = starts[i - 2]  # 「…三十六个舞生左手执籥」: jieba's 舞 / 生, one person
                elif i - 1 > last_cut + 1 and _asr_fronted_hold(doc, tags, i):
                    s = starts[i - 1]  # 「扇子右手拿手绢左手拿」: what the hand holds is said before it
            elif verb_seen and w in PERSON_NOUNS and i > last_cut + 1 and prev_w not in ASR_PIVOTS \
                    and prev_k not in ("O", "L", "R", "T") and tags.get(prev_w, "")[:1] not in ("p", "c", "u") \
                    and i + 1 < n and (_asr_is_verb(doc, tags, i + 1) or words[i + 1] in TOOL_LEAD
                                       or tags.get(words[i + 1], "")[:1] == "d" and i + 2 < n
                                       and _asr_is_verb(doc, tags, i + 2)):
                cut = True  # 「…就出炉师傅拿小锤点徒弟抡大锤打」: who does the next thing is a new subject
            elif verb_seen and _asr_body_subject(doc, tags, i):
                cut = True  # 「…捧着笙斗手指头按…」「…拿一根琴竹手腕要放松」: a body part that does the next thing
            elif verb_seen and (_asr_is_verb(doc, tags, i - 1) or prev_w in ("下去", "上去", "进去", "出来", "起来")) \
                    and tags.get(w, "") in ("f", "s") and len(w) >= 2 and i + 1 < n and words[i + 1] == "的":
                cut = True  # 「把针扎下去底下的手接住了」: where a new subject is, after a finished predicate
            elif verb_seen and prev_w == "的" and i >= 2 and _asr_is_verb(doc, tags, i) \
                    and (_asr_is_verb(doc, tags, i - 2) or kinds[i - 2] is None and tags.get(words[i - 2], "") == "f"
                         or kinds[i - 2] is None and tags.get(words[i - 2], "") == "v" and len(words[i - 2]) == 1):
                cut = True  # 「芦笙是边吹边跳的吹的时候…」: 是…的 ends its sentence before the next verb
            elif (prev_w == "的" and i - 2 > last_cut and _asr_final_de(doc, tags, i - 1, last_cut + 1)
                  or len(prev_w) >= 3 and prev_w[-1] == "的" and i - 1 > last_cut and _asr_doubled(prev_w[:-1])) \
                    and _asr_opens_after_de(doc, tags, i):
                cut = True  # 「鼓是牛皮蒙的要竖起来放」「绷得紧紧的刷上胶」「刷厚了要起皱的刷完…」: a 的 that ends its
                # sentence (是…的, 要…的, a state said twice), then the next clause
            elif last_verb >= max(last_cut, 0) and _asr_manner_repeat(doc, tags, i) and prev_w not in COMPLEMENTS and (
                    _asr_nounish(doc, tags, i - 1) and kinds[i - 1] != "Q" and _asr_object_of(doc, tags, last_verb, i - 1)
                    or _asr_directed_verb(doc, tags, i - 1)) \
                    and not (last_verb >= 1 and (words[last_verb - 1] in TOOL_LEAD or kinds[last_verb - 1] == "O")):
                cut = True  # 「木槌敲凿子一槌一槌往下打」: a manner said twice (一X一X) opens the next predicate
            elif last_verb > last_cut and _asr_manner_repeat(doc, tags, i) and _asr_manner_leads(doc, tags, i) and (
                    _asr_is_verb(doc, tags, i - 1) and prev_w not in COMPLEMENTS and prev_w not in TOOL_LEAD
                    and prev_w[-1:] not in ASR_MANNER_TAKERS
                    or i - 3 == last_verb and _asr_nounish(doc, tags, i - 1) and kinds[i - 1] != "Q"
                    and words[i - 2] in ("上", "下", "好", "完", "了")) \
                    and not (last_verb >= 1 and (words[last_verb - 1] in TOOL_LEAD or kinds[last_verb - 1] == "O")):
                cut = True  # 「在漆里浸透一张一张往骨架上贴」「调上胶一层一层上色」: after a verb (or a verb, 上/好…
                # and its object) a manner said twice leads the next predicate (not 「切成一块一块」: what it became)
            elif verb_seen and _asr_sudden_if(doc, tags, i) and prev_w != "了" and not (i >= 2 and words[i - 2] == "一") and (
                    _asr_is_verb(doc, tags, i - 1) and prev_w not in TOOL_LEAD and prev_w not in MODALS
                    or prev_w in COMPLEMENTS or prev_w in DIRECTION_COMPOUNDS
                    or _asr_nounish(doc, tags, i - 1) and kinds[i - 1] != "Q" and _asr_object_of(doc, tags, last_verb, i - 1)):
                cut = True  # 「千万别伸手去扶一扶就砸了」「再换右转一练就是半个钟头」: 一 + a verb + 就/才 opens a
                # clause of its own (as soon as…), after a predicate (a noun just before it is its subject: 墨斗一弹;
                # after 了 it is what that brings about: 「扎松了一煮就散」; 「一推一扳」 is one pair)
            elif last_pred > last_cut and _asr_numbered(doc, tags, norm, i) \
                    and _asr_said(doc, norm, i - 2) != _asr_said(doc, norm, i) \
                    and _asr_said(doc, norm, i - 1) != _asr_said(doc, norm, i) \
                    and _asr_nounish(doc, tags, i - 1) and kinds[i - 1] != "Q" and prev_w not in COMPLEMENTS \
                    and not _asr_glued_verb(tags, prev_w) and _asr_object_of(doc, tags, last_pred, i - 1) \
                    and _asr_predicate_ahead(doc, tags, i) and not (
                        words[last_pred] in TOOL_LEAD and not any(_asr_noun(doc, tags, j) for j in (i + 1, i + 2))):
                # (not 「拿墨斗一弹」「拿木槌一下一下敲」: what was taken is used by the verb that follows)
                cut = True  # 「右手拿大板两块竹板一碰」: a new numbered subject after a predicate and its object
            elif verb_seen and w[:1] == "每" and i - 1 > last_cut and prev_w[:1] != "每" and not _asr_is_verb(doc, tags, i - 1) \
                    and prev_k not in ("O", "L", "R", "M", "H", "Q") and prev_w not in MODALS \
                    and prev_w not in ASR_SUBJECT_ADVERBS and prev_w not in ASR_DAY_TAKERS \
                    and tags.get(prev_w, "")[:1] not in ("p", "c", "d", "u", "r", "m", "q") \
                    and _asr_each_opens(doc, tags, i):
                cut = True  # 「右手拿根小槌子每句唱到尾巴」: after a predicate and its object, 每 + what is counted opens
                # the next clause (a rate after a quantity is the rule below; 「给每根」「把每张」 stay)
            elif verb_seen and w in ASR_THAT_TIMES and i - 1 > last_cut and prev_w not in ASR_DAY_TAKERS \
                    and prev_k not in ("O", "L", "R", "M") and (_asr_nounish(doc, tags, i - 1) or tags.get(prev_w, "") == "vn"
                                                                or len(prev_w) >= 2 and tags.get(prev_w, "")[:1] == "v"
                                                                and i - 2 > last_cut and _asr_nounish(doc, tags, i - 2)) \
                    and _asr_predicate_ahead(doc, tags, i):
                cut = True  # 「头顶扎一撮红缨比赛那天把牛牵到…」: the day (or time) of the next thing opens its clause, with
                # the event that names it (比赛那天) when that stands between
                if len(prev_w) >= 2 and tags.get(prev_w, "")[:1] in ("v", "n") and i - 2 > last_cut \
                        and _asr_nounish(doc, tags, i - 2):
                    s = starts[i - 1]
            elif verb_seen and i - 1 > last_cut and _asr_route_again(doc, tags, i, last_cut):
                cut = True  # 「手腕子往里翻往外翻」「朝天弹朝地弹」「往上提往下压」: a route said again after the verb of
                # the first opens the second clause of the pair
            elif verb_seen and k == "M" and w in ASR_OPEN_MARKERS \
                    and prev_w not in MODALS and prev_w not in ASR_SUBJECT_ADVERBS:
                cut = True  # 「…压干再拿到焙墙上晒」 (not 「影人要先拿…」: 先 goes with its verb)
                if i - 2 > last_cut and _asr_noun(doc, tags, i - 1) and (
                        _asr_noun(doc, tags, i - 2) or kinds[i - 2] == "Q"):
                    s = starts[i - 1]  # 「捞出渣子油再熬」: the noun before 再 is its subject
            elif _asr_into_vessel(prev_w) and len(w) >= 2 and _asr_is_verb(doc, tags, i) and w not in COMPLEMENTS \
                    and w not in MODALS and w not in DIRECTION_COMPOUNDS:
                cut = True  # 「药下锅加满清水」「香油跟药材下锅熬到…」: into the pot is a step done; the next verb is another
                # (not 「下锅煮」「上笼蒸」: a one-character verb is what is done in the vessel)
            elif verb_seen and _asr_result_verb(doc, tags, i - 1) and _asr_is_verb(doc, tags, i) \
                    and w not in ASR_AFTER_ONE_VERB and w not in COMPLEMENTS:
                cut = True  # 「锅烧热抓一把叶子」: a predicate with its result, then the next one
            elif last_pred > last_cut and _asr_time_clause_ahead(doc, tags, i) and _asr_nounish(doc, tags, i - 1) \
                    and kinds[i - 1] != "Q" and _asr_object_of(doc, tags, last_pred, i - 1) and words[last_pred][-1] != "到":
                cut = True  # 「握着把子跑圆场的时候…」: a predicate and its object, then the time of the next thing
                # (not 「唱到英雄出征的时候」: 到 takes the time as its object)
            elif verb_seen and _asr_is_verb(doc, tags, i - 1) and _asr_counted_thing(spec, doc, tags, norm, i) \
                    and i + 2 < n and words[i + 1] in MODALS and _asr_is_verb(doc, tags, i + 2):
                cut = True  # 「…拿松明子扎一把要扎三十来根」: so many things, then what each must have, is a new subject
            elif verb_seen and w in ASR_CAUSATIVES and i + 1 < n and words[i + 1] in ASR_CAUSED \
                    and prev_w not in MODALS and prev_w not in ASR_SUBJECT_ADVERBS and prev_k not in ("O", "L", "R", "M"):
                cut = True  # 「…捏两根手签让它贴着亮子走」: what the hands make it do is the next clause
            elif last_verb >= max(last_cut, 0) and _asr_verb_object_done(doc, tags, last_verb, i) and kinds[i] in ("V", "C", "A") \
                    and _asr_is_verb(doc, tags, i) and w not in TOOL_LEAD and w not in MODALS and w not in COMPLEMENTS \
                    and w not in DIRECTION_COMPOUNDS:
                cut = True  # 「擀成薄片切成细条」: a verb after a complete verb and object is the next predicate
            elif verb_seen and _asr_directed_verb(doc, tags, i - 1) and _asr_is_verb(doc, tags, i) \
                    and w not in ASR_AFTER_ONE_VERB and w not in COMPLEMENTS and w not in MODALS and w not in TOOL_LEAD:
                cut = True  # 「把琴放下喝口奶茶」「捞出来晾着」: a predicate with its direction, then the next one
            elif verb_seen and w in ASR_WARNING_NEGATIONS and prev_w not in MODALS and prev_w not in ASR_SUBJECT_ADVERBS \
                    and prev_k not in ("O", "L", "R", "M"):
                cut = True  # 「…要带点弯别伸直了」: a warning after a predicate is a clause of its own
                if i - 1 > last_cut and _asr_subject_before(doc, tags, i, last_verb):
                    s = starts[i - 1]  # 「…樟木软凿子别吃太深」: with what it is about
            elif (w in ASR_DISCOURSE or w.startswith(WARNING_CUES)
                  or (tags.get(w, "") == "c" and len(w) >= 2)) and _has_content(words, kinds, last_cut + 1, i):
                cut = True  # 「所以」「不然」「你看」 open a phrase of their own
                if w.startswith(ASR_WARNING_ADVERBS) and i - 1 > last_cut and _asr_subject_before(doc, tags, i, last_verb):
                    s = starts[i - 1]  # 「…烫得很手千万别凑上去」: the noun before 千万 is what the warning is about
            elif verb_seen and w[-1:] in ("天", "日") and len(w) >= 2 and prev_w not in ASR_DAY_TAKERS \
                    and prev_k not in ("O", "L", "R", "M") and ASR_NEXT_DAY.fullmatch(w) is not None:
                cut = True  # 「…泡一宿第二天上甑蒸」: the next day's work opens a clause (not 「泡到第二天」)
            elif verb_seen and k == "Q" and _asr_rate_head(doc, tags, norm, i):
                cut = True  # 「…打和音一秒钟打四五下」: a rate (one unit of time, a verb, a count) opens its clause
                s = max(s, doc.quantities[i].start)
            elif w in PAIRED_OPENERS and i - 3 > last_cut and w in words[max(last_cut, 0):i - 2]:
                cut = True  # 「一边往封子里灌一边拿棍子筑」「一会儿高高举起来一会儿斜着拿」: the correlative said again
                # opens the second clause of the pair (not 「一边烤一边弯」: one bare verb between, one clause)
            elif last_pred > last_cut and _asr_pair_opens(doc, tags, i) and prev_k not in ("H", "O", "L", "R", "M") \
                    and prev_w not in MODALS and prev_w not in ASR_SUBJECT_ADVERBS and prev_w not in ASR_PRONOUNS \
                    and prev_w not in PERSON_NOUNS and tags.get(prev_w, "")[:1] not in ("p", "c", "r"):
                cut = True  # 「先捏个锅底一边拿手转板子一边…」「捏着胳膊上的铁枝一推一拉」: after a complete predicate a
                # correlative pair or an alternation opens the next clause (its subject said before it stays with it)
            elif i - 2 > last_cut and _asr_shared_out(doc, tags, i - 1, last_cut + 1) and w not in ASR_DIMENSION_KEEP \
                    and w not in ASR_PARTICLES and w not in COMPLEMENTS and w not in ASR_AFTER_ONE_VERB:
                cut = True  # 「两只手各拿一面钹往中间一合」「左右手各攥一根剩下那根…」: what is shared out ends the clause
            elif i >= 2 and kinds[i - 2] == "Q" and prev_w in DIMENSION_CHARS and w not in ASR_DIMENSION_KEEP \
                    and w not in ASR_PARTICLES and not norm.startswith(ASR_VERDICTS, s) \
                    and not (w == "就" and i + 1 < n and words[i + 1][:1] in ASR_VERDICT_HEADS):
                cut = True  # 「棒子一根七寸长每根凿三个眼」「一尺来长一寸宽」: a size said with its dimension ends the
                # clause (a size that qualifies a noun takes 的: 「一寸来长的段」)
            elif prev_k == "Q" and _asr_noun(doc, tags, i) and i + 1 < n and _asr_closing_measure(spec, doc, norm, i - 1) \
                    and (verb_seen or doc.quantities[i - 1].name in ASR_TIMED_QUANTITIES) \
                    and _asr_noun_predicate(doc, tags, i + 1, (
                        _asr_event_measure(spec, doc, norm, i - 1) or doc.quantities[i - 1].name in ASR_TIMED_QUANTITIES)):
                cut = True  # 「跨一步棒子举过头顶」「温度25度上下湿度要大」: how often, how long, how hot ends the
                # predicate; a new subject and its predicate follow
            elif verb_seen and prev_k == "Q" and (_asr_is_verb(doc, tags, i) or w == "每") \
                    and w[:1] not in DIMENSION_CHARS and not _asr_rate_head(doc, tags, norm, i - 1):
                cut = True  # 「刷七遍每遍晾个十五天」: a quantity ends the predicate it measures
            elif (_asr_placed_stroke(spec, doc, tags, i - 1, last_cut) and k != "Q" and _asr_stroke_result(doc, tags, i)):
                cut = True  # (nlp-s21-steps) 「舌头一顶牙就翻出来」「往板凳上一站当当当」「在小鼓上一点演员一听」: jieba's
                # numeral 一顶/m after the body part that does it or the place it is done at is 一 + the stroke
            elif ((i >= 2 and words[i - 2] == "一" and len(prev_w) == 1 and (
                    _asr_is_verb(doc, tags, i - 1) or _asr_framed_stroke(doc, tags, i - 1, last_cut)))
                  # 「往罐里一晃赶紧抽出来」: jieba's one word 一晃
                  or (len(prev_w) == 2 and prev_w[0] == "一" and prev_k != "Q" and tags.get(prev_w, "") not in ("m", "mq")
                      and prev_w not in ONE_ADVERBS  # 「一定要押韵」: an adverb, no sudden action
                      and (prev_w[1] in CONTEXT_HAND_VERBS or tags.get(prev_w[1], "")[:1] == "v"))) \
                    and k != "Q" and w not in ASR_AFTER_ONE_VERB and kinds[i] != "M" and tags.get(w, "") != "m" \
                    and _asr_result_follows(doc, tags, i):
                cut = True  # 「墨斗一弹」「麻绳一拉」: the sudden action ends its clause, its result follows
            elif last_verb > last_cut and w in ASR_FRAME_LEADS and _asr_frame_opens(doc, tags, i, last_verb):
                cut = True  # 「…撕干净拿抹布擦」「…拉风箱把火吹旺」: a predicate is complete, a new 把/拿/用 frame opens
            elif verb_seen and k == "L" and w not in INSTRUMENT_LEADS | {"以"} and _asr_nounish(doc, tags, i - 1) \
                    and _verb_after(doc, i, None, reach=6):
                cut = True  # 「…生漆调鹿角霜拿牛角批刮」: a verb and its object, then 拿 + a tool + a verb
            elif last_verb > last_cut and k == "R" and w not in ("在", "到", "由") and _asr_nounish(doc, tags, i - 1) \
                    and _asr_object_of(doc, tags, last_verb, i - 1) and not _asr_held(doc, last_cut + 1, i):
                cut = True  # 「揭起一张往墙上一贴」: a predicate and its object, then where the next one goes
            elif last_verb > last_cut and w == "在" and _asr_nounish(doc, tags, i - 1) and kinds[i - 1] != "Q" \
                    and _asr_object_of(doc, tags, last_verb, i - 1) and not _asr_held(doc, last_cut + 1, i) \
                    and _asr_place_then_verb(doc, tags, i):
                cut = True  # 「蘸了蜡在布上画一笔」: a predicate and its object, then where the next verb is done
            elif verb_seen and i - 1 > last_cut and _asr_is_verb(doc, tags, i - 1) and words[i - 1] not in TOOL_LEAD \
                    and (_asr_routed(doc, i - 1, last_cut + 1) or _asr_directed_verb(doc, tags, i - 1) and (
                        w in PERSON_NOUNS or _is_body(spec, w) or prev_w[-2:] in DIRECTION_COMPOUNDS)) \
                    and (_asr_noun(doc, tags, i) or w in PERSON_NOUNS or _is_body(spec, w)) and not _asr_placed(doc, i) \
                    and _asr_noun_predicate(doc, tags, i + 1, True):
                cut = True  # 「两条腿蹲下去膝盖弯到…」「手腕子往下弹针尖直上直下」: a predicate with its route (往/朝/
                # 向…) or a direction compound takes no object; a noun with its own predicate is the next subject (after
                # 提起/放下 only a body part or a person: 「提起经线」 is the object)
            elif verb_seen and prev_w in DIRECTION_COMPOUNDS and _asr_noun(doc, tags, i) and i + 1 < n and (
                    kinds[i + 1] == "R" or words[i + 1] in ASR_SUBJECT_ADVERBS or _asr_is_verb(doc, tags, i + 1)):
                cut = True  # 「把气泡揉出去泥往车盘正中一摔」: a direction ends the predicate; a new subject follows
            elif verb_seen and _asr_noun(doc, tags, i) and i + 1 < n and _asr_disposed(doc, tags, i - 1, last_cut + 1):
                cut = True  # 「把渣子滤掉水黑黑的」「把药汁滗出来渣子再添水」: 把 took the object; the noun after is a new subject
            elif verb_seen and _asr_result_ends(doc, tags, i - 1) and _asr_noun(doc, tags, i) and i + 1 < n and (
                    kinds[i + 1] == "R" and words[i + 1] not in ("在", "到") or words[i + 1] in ASR_SUBJECT_ADVERBS):
                cut = True  # 「往版上刷匀纸往版上一覆」: a result ends the predicate; a new subject goes somewhere
            elif last_pred > last_cut and k in ("N", "T") and _is_body(spec, w) and prev_k not in ("O", "L", "R", "H") \
                    and not (prev_k == "Q" and doc.quantities[i - 1].name == "count") \
                    and prev_w not in ("的", "一", "把", "将", "用", "拿") and prev_w not in TOOL_LEAD \
                    and i + 1 < n and (_asr_is_verb(doc, tags, i + 1) or kinds[i + 1] == "R" or words[i + 1] == "一"
                                       or words[i + 1] in ASR_SUBJECT_ADVERBS or mistagged_verb(tags, words[i + 1])) \
                    and _asr_nounish(doc, tags, i - 1) and _asr_object_of(doc, tags, last_pred, i - 1):
                cut = True  # 「右手握命杆胳膊伸直」: a predicate and its object, then a body part as the next subject (its
                # verb may be one jieba tags no verb: 「脚掌踩着」)
            elif verb_seen and k in ("N", "T") and tags.get(w, "")[:1] == "n" and prev_k not in ("O", "L", "R") \
                    and not _asr_is_verb(doc, tags, i - 1) and prev_w not in ("的", "一", "把", "将") \
                    and i + 2 < n and words[i + 1] in ASR_SUBJECT_ADVERBS and _asr_is_verb(doc, tags, i + 2):
                cut = True  # 「…颜色就不对了」: a new subject, an adverb, its verb
            elif verb_seen and k in ("N", "T") and tags.get(w, "")[:1] == "n" and prev_k not in ("O", "L", "R", "H") \
                    and not _asr_is_verb(doc, tags, i - 1) and prev_w not in ("的", "一", "把", "将", "个", "了", "着", "过") \
                    and tags.get(prev_w, "")[:1] not in ("p", "c", "m", "q") \
                    and (prev_k != "Q" or _asr_event_measure(spec, doc, norm, i - 1)) \
                    and not (prev_w in ASR_DIRECTIONS and _asr_is_verb(doc, tags, i - 2)) \
                    and not (prev_w in ASR_COUNTED_CLASSIFIERS and i >= 2 and _asr_is_verb(doc, tags, i - 2)) \
                    and (_asr_subject_predicate(doc, tags, i + 1)
                         or _asr_done_predicate(doc, tags, i + 1) and not (i >= 2 and words[i - 2] in TOOL_LEAD)):
                cut = True  # 「…盖到白布上刷子蘸了…」「…七八层篾片要刮到…」: a new subject with a modal, 一 + verb or its verb
            elif i >= 3 and last_cut <= i - 2 and prev_w in TOOL_LEAD and kinds[i - 2] == "H" \
                    and kinds[i - 3] in ("N", "T") and _asr_noun(doc, tags, i - 3) \
                    and (not _asr_nounish(doc, tags, i) or _asr_numbered(doc, tags, norm, i) and i + 2 < n and any(
                        words[m] in ("在", "到") or _asr_is_verb(doc, tags, m) for m in (i + 1, i + 2))):
                cut = True  # 「扇子右手拿扭的时候…」「铜板左手拿着一块夹在…」: the thing, the hand, 拿: the hold is said
            elif last_verb > last_cut and w in ("上", "下") and i + 2 < n and len(words[i + 1]) == 1 \
                    and _asr_noun(doc, tags, i + 1) and _asr_is_verb(doc, tags, i + 2) and words[i + 2] not in TOOL_LEAD \
                    and _asr_nounish(doc, tags, i - 1) and kinds[i - 1] != "Q" and words[last_verb] not in TOOL_LEAD \
                    and (_asr_object_of(doc, tags, last_verb, i - 1)
                         or i - 2 > last_verb and words[last_verb + 1] in COMPLEMENTS
                         and _asr_object_of(doc, tags, last_verb + 1, i - 1)):
                cut = True  # 「拌上黄酒上笼蒸」「留一截下锅煮」: 上/下 + a one-character noun + a verb after an object is the verb
            elif last_pred > last_cut and _asr_frame_final(doc, tags, i - 1, max(last_cut, 0)) and (
                    _asr_is_verb(doc, tags, i) and w not in ASR_NOT_NEXT and w[:1] != prev_w
                    and (len(w) >= 2 and w[0] != w[1] or w in CONTEXT_HAND_VERBS)
                    or kinds[i] in ("N", "T") and _asr_subject_predicate(doc, tags, i + 1)):
                cut = True  # 「拿铁丝绑接头缠三道」「往版上刷铺上纸」: a bare verb closes its 拿/往 frame; the next predicate
            elif last_pred > last_cut and _asr_place_done(doc, tags, i - 1, last_cut + 1) and _asr_opens_after_place(doc, tags, i):
                cut = True  # 「含到嘴里两边嘴角各塞两颗」「挎在左肩上右手攥拳头」: V在/到 + where closes the predicate
            elif verb_seen and i - 3 >= last_cut and _asr_grip_done(spec, doc, tags, i, last_cut):
                cut = True  # (s25-steps) 「右手攥住鞭杆猛地往后一拽」「左手捏着手帕角往上一抛」: the hand's grip and what
                # it grips is a clause of its own before the move made with it
            elif inside and _asr_listed_works(doc, tags, i):
                cut = True  # (s23-nopunct) 「最后刷漆画鳞」「先洗手焚香」「钻眼穿线」: two works said as a verb and its
                # object each, one after the other (a writer puts 、 between): the second is a step of its own
            elif _asr_parallel_opener(doc, tags, i, last_cut) >= 0:
                cut = True  # 「一块夹在拇指根上一块夹在…」「朝天弹朝地弹」「上联贴右边下联贴左边」: the verb said again
                # after an opener parallel to the one before its first saying starts the second clause of the pair;
                # the first opener starts the first clause (「刷匀上联贴右边」: 上联 is no object of 刷匀)
                first = _asr_parallel_opener(doc, tags, i, last_cut)
                if first > last_cut + 1 and _has_content(words, kinds, last_cut + 1, first):
                    cuts.append(starts[first])
        if cut and i >= 1 and (i + 1 == n or kinds[i + 1] == "H") and len(w) == 1 and _held_tool(doc, i):
            cut = False  # (s26-slots) 「左手握弓右手拉弦」: a tool's one-character name jieba tags a verb (弓), right after
            # the verb of the hand that holds it and before the next hand, is what that hand holds (extract._held_tool)
        if not cut and inside and last_cut < 0 and runs[r][0] == 0 and _asr_title_ends(doc, tags, i):
            cut = True  # 「熬膏药香油跟药材下锅」「站桩马步两脚分开」: the opening verb and object name what is shown
        if not cut and inside and i > last_cut and _asr_glued_after_one(doc, tags, i):
            cuts.append(s + 1)  # 「往头顶上一扎扎紧了」「对着火把一吹火就扑出去」: the cut falls inside jieba's word
            last_cut = i
            verb_seen = False
        elif not cut and inside and verb_seen and i > last_cut and _asr_glued_body(doc, tags, i):
            cuts.append(s + _asr_glued_body(doc, tags, i))  # 「一抖袖子手一扯」: a body part joined to the object before
            last_cut = i
            verb_seen = False
        elif not cut and inside and i > last_cut and _asr_glued_subject(doc, tags, i):
            cuts.append(s + _asr_glued_subject(doc, tags, i))  # 「底下垫着蜡板刀要立直」: the subject joined to the object
            last_cut = i
            verb_seen = False
        elif cut:
            if s == starts[i] and i - 1 > last_cut and (w[:1] in ASR_BODY_CHARS or _is_body(spec, w)):
                s -= _asr_body_head(tags, prev_w, w)  # 「先抖袖手腕子一抖」「再扬袖右胳膊往上」: the body word begins before
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
    return [c for c in cuts if not _asr_open_place(doc, tags, c)]



def _asr_grip_done(spec: Spec, doc: Doc, tags: dict, i: int, lo: int) -> bool:
    """(s25-steps) Token i opens the move made with what a hand grips (「右手攥住鞭杆猛地往后一拽」「左手捏着手帕角往上一
    抛」「两只手各握一根竹竿的头往垫木上一敲」), where a writer puts a comma after the grip: the clause so far (from ``lo``,
    the last cut, or a clause mark) is a hand (各/也 after it), a grip verb (``ASR_GRIP_CHARS``, with 住/着/紧) and its
    object (nouns, a numeral and classifier, 的 + where on it), and token i a route (往/朝/向), 把, 拿/用 or an adverb
    (not 在/到: where it is held; not a bare verb, which may follow the next clause's subject glued to the object); not
    a hold on a body part (捏住手腕), which is the move's own."""
    words, kinds = doc.words, doc.kinds
    w = words[i]
    if not (kinds[i] in ("R", "O") or w[:1] in ROUTE_MARKERS or w in ("拿", "用") or (tags.get(w, "") == "d" and len(w) >= 2)):
        return False  # (not before a bare verb: 「捏着针针尖搁…」, jieba's 针针尖, holds the next clause's subject)
    j = i - 1
    nouns = 0
    while j > lo and (kinds[j] in ("N", "T", "Q") and tags.get(words[j], "n")[:1] != "v" or words[j] == "的"
                      or tags.get(words[j], "")[:1] in ("m", "q", "f")) and words[j][:1] not in ASR_GRIP_CHARS:
        if kinds[j] in ("N", "T"):
            if kinds[j + 1] in ("N", "T") and j + 1 < i:
                return False  # 「捏着针针尖搁…」: a second noun right after the object is the next clause's subject
            if _is_body(spec, words[j]):
                return False  # 「右手捏住手腕往里推」: a hold on the body is the push's own (massage, bone-setting)
            nouns += 1
        j -= 1
    if not nouns or i - j > 6:
        return False
    if words[j] in ASR_GRIP_ENDS:
        j -= 1
    g = words[j]
    if j <= lo or g[:1] not in ASR_GRIP_CHARS or not (len(g) == 1 or g[1:] in ASR_GRIP_ENDS):
        return False
    j -= 1
    if words[j] in ("各", "也", "都", "就", "还"):
        j -= 1
    return j >= max(lo, 0) and kinds[j] == "H" and (j == lo or j == 0 or kinds[j - 1] == "P" or words[j - 1] in ASR_PRONOUNS)


def _asr_work_word(tags: dict, w: str) -> bool:
    """(s23-nopunct) A word of two characters that is a verb and its object: a verb character, then a noun character
    (洗手, 焚香, 钻眼, 穿线, 刷漆), the whole no noun jieba names with a suffix (刷子) nor a word of time or place,
    the second character no result (烧热/v, 热/n: 「往锅里倒油烧热了」 heats the oil poured, one clause)."""
    return len(w) == 2 and tags.get(w[0], "")[:1] == "v" and tags.get(w[1], "")[:1] == "n" \
        and tags.get(w, "")[:1] in ("v", "n") and w[1] not in "子儿头" and w[1] not in ASR_RESULTS \
        and w[0] not in TOOL_LEAD \
        and w[0] not in DIRECTION_CHARS and w[0] not in COPULAS and w[0] not in MODALS


def _asr_listed_works(doc: Doc, tags: dict, i: int) -> bool:
    """(s23-nopunct) Token i starts the second of two works said one after the other with no pause, each a verb and
    its object: token i - 1 is such a word (``_asr_work_word``), and token i is one too (「洗手焚香」「钻眼穿线」) or a
    verb of one character with an object of one character that ends the phrase (「刷漆画鳞」: 画 + 鳞, no noun after
    it). Where a writer puts 、 (「钻眼、穿线」) each is a step; run together, the first was read as the object or
    the manner of the second. Not after 把/拿/用/往… (the word is then a thing: 「拿刷漆」), nor where the second is
    a complement or a direction, nor a word said again (「洗手洗手」)."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    if i < 1 or not _asr_work_word(tags, words[i - 1]):
        return False
    w = words[i]
    if w == words[i - 1] or kinds[i] in ("Q", "M", "H", "O", "L", "R", "P"):
        return False
    if i >= 2 and (kinds[i - 2] in ("O", "L", "R") or words[i - 2] in TOOL_LEAD or words[i - 2] == "的"):
        return False
    if _asr_work_word(tags, w):
        return True
    if len(w) != 1 or tags.get(w, "")[:1] != "v" or w in ASR_NOT_NEXT or i + 1 >= n:
        return False
    o = words[i + 1]
    if len(o) != 1 or tags.get(o, "")[:1] != "n" or kinds[i + 1] in ("Q", "H", "P"):
        return False
    if i + 2 < n and kinds[i + 2] != "P":
        t = tags.get(words[i + 2], "")[:1]
        if t == "n" or kinds[i + 2] in ("N", "T"):
            return False  # 「刷漆画鳞片」 a longer object: no such short work
    return True


# what an onomatopoeia after it is no phrase of its own for: it is named, said or counted (「叫嘎达」「一声啪」)
ASR_SOUND_TAKERS = frozenset(("的", "地", "得", "一", "是", "叫", "说", "个", "声", "着", "了"))


def _asr_sound_opens(doc: Doc, tags: dict, i: int) -> bool:
    """(s23-nopunct) Token i is an onomatopoeia (jieba's o: 啪, 嗒, 嘭, 叮当) said after a word that does not take it (no
    particle, 一, 叫/说/是, preposition or another sound: 「嗒嗒」 is one sound), and not named by a copula after it (「嘎达是…」):
    a writer puts a comma before it, for the sound is a phrase of its own (「啪的一声」「叮叮当当的」) or leads the next
    predicate as its manner (「啪地打开」「嗒嗒敲两下」)."""
    words = doc.words
    if tags.get(words[i], "") != "o":
        return False
    prev = words[i - 1]
    if prev in ASR_SOUND_TAKERS or tags.get(prev, "")[:1] in ("o", "p", "u", "c", "m", "q") \
            or doc.kinds[i - 1] in ("O", "L", "R", "Q", "M"):
        return False
    return not (i + 1 < len(words) and (words[i + 1] in COPULAS or words[i + 1] == "说"))

ASR_PARALLEL_REACH = 12  # tokens looked back for the first clause of a parallel pair (bounded: linear)


def _asr_parallel(a: list, b: list, kinds: list, ia: int) -> bool:
    """Two openers said before the same verb are parallel (nlp-missed): one word said again (一块…一块), two words of
    two characters that differ in one place only (上联/下联, 这边/那边, 前头/后头), or the same coverb before two
    different words (朝天/朝地, 往上/往下)."""
    if len(a) == 1:
        return parallel_words(a[0], b[0])
    return a[0] == b[0] and a[1] != b[1] and kinds[ia] == "R" and len(a[1]) == len(b[1]) == 1


def _asr_parallel_opener(doc: Doc, tags: dict, i: int, last_cut: int) -> int:
    """The index of the first opener (-1 when none) where token ``i`` opens the second clause of a parallel pair said without punctuation (nlp-missed): the tokens
    from ``i`` (one, or a coverb and one character) stand right before a verb, and the same verb was said in this
    clause right after an opener parallel to them (``_asr_parallel``), with something said after it (its place or
    object). Not a verb, a quantity or a hand as the opener (hands have their own rule), not a manner said twice."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    for m in (1, 2):
        v = i + m
        if v >= n or not (_asr_is_verb(doc, tags, v) or verb_char(tags, words[v])) or any(
                kinds[x] in ("P", "Q", "H", "M", "V") or _asr_is_verb(doc, tags, x) for x in range(i, v)):
            continue
        if m == 1 and (len(words[i]) < 2 or tags.get(words[i], "") == "q") \
                or tags.get(words[i], "") == "m" and words[i][:1] != "一":
            continue  # (a classifier or one character is no opener: 「从这棵树拉到那棵树」; a numeral only 一块…一块)
        for j in range(max(last_cut, 0, i - ASR_PARALLEL_REACH), i - m):
            if words[j + m] == words[v] and all(kinds[x] not in ("P", "Q", "H", "M") for x in range(j, j + m)) \
                    and _asr_parallel(words[j:j + m], words[i:i + m], kinds, j):
                return j
    return -1


ASR_GLUE_LOCATIVES = frozenset("上中里下")


def _asr_glued_words(spec: Spec, doc: Doc, tags: dict, runs: list, cuts: list) -> list[tuple[int, bool]]:
    """The tokens that may be a dictionary word jieba made across a clause boundary, as (index, join): a
    word of two characters inside a long run and not next to a cut, whose second character can open the
    next clause (a verb, not before a count or 个; or a noun before its modal, negation or adverb) and
    whose first character closes what comes before it: a result after a one-character verb (晾|凉拌上 →
    晾凉|拌上, ``join``: it becomes part of the verb's token), the verb 一 makes sudden (一|扣留罐 → 一扣|留罐),
    a locative after a noun (绷子|上绷紧 → 绷子上|绷紧, 铜胎|上手不能 → 铜胎上|手不能), a bare verb after where it
    is done (往里|吹气要 → 往里吹|气要). The cheap test of ``_asr_cuts``: only these are re-cut and walked."""
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    out, r, cut_set, n = [], 0, set(cuts), len(words)
    for i in range(1, n - 1):
        w = words[i]
        if len(w) != 2 or kinds[i] in ("P", "Q") or w[0] == w[1]:
            continue
        s = starts[i]
        while r < len(runs) and runs[r][1] <= s:
            r += 1
        if r == len(runs):
            break
        if not runs[r][0] < s or s in cut_set or s + 2 in cut_set or s + 2 >= runs[r][1]:
            continue
        a, b = w
        ta, tb = tags.get(a, ""), tags.get(b, "")
        if tb[:1] not in ("v", "n") or not ta:
            continue
        prev, nxt = words[i - 1], words[i + 1]
        if tb[:1] == "v":  # the second character opens the next clause: a verb (not with a count) …
            if b in MODALS or kinds[i + 1] in ("Q", "P") or nxt == "个":
                continue
        elif not (nxt in MODALS or nxt in NEGATIONS or nxt in ASR_SUBJECT_ADVERBS):
            continue  # … or a noun with its modal, negation or adverb (气要细, 手不能抖)
        if a in ASR_RESULTS and tb[:1] == "v" and len(prev) == 1 and _asr_is_verb(doc, tags, i - 1) \
                and prev not in MODALS and prev not in TOOL_LEAD:
            out.append((i, True))  # the result joins its verb: 晾|凉拌上 → 晾凉|拌上
        elif prev == "一" and kinds[i - 1] != "Q" and (a in CONTEXT_HAND_VERBS or ta[:1] == "v") and tb[:1] == "v" \
                or a in ASR_GLUE_LOCATIVES and _asr_noun(doc, tags, i - 1) \
                or ta[:1] == "v" and tb[:1] == "n" and (prev in PLACE_SUFFIX or prev[-1:] == "着" or tags.get(prev, "") in ("f", "s")):
            out.append((i, False))  # 一扣|留罐, 绷子上|绷紧, 铜胎上|手不能抖, 往里吹|气要细
    return out


def _asr_split_doc(spec: Spec, doc: Doc, split: list) -> Doc:
    """``doc`` with each token of ``split`` ((index, join), ascending: two-character words) cut into its
    two characters, each taking its own kind (``kind_table``); with ``join`` the first character joins the
    token before it (晾 凉拌 → 晾凉 拌) and the count of tokens stays. Quantities keep their (shifted) indices."""
    table = kind_table(spec)
    words, kinds, starts = list(doc.words), list(doc.kinds), list(doc.starts)
    spread = []
    for i, join in split:
        w = words[i]
        if join:
            words[i - 1] += w[0]
            kinds[i - 1] = "V"  # a verb with its result (晾凉, 放凉), whatever jieba's dictionary says of the pair
            words[i], kinds[i] = w[1], table.get(w[1])
            starts[i] += 1
        else:
            spread.append(i)
    quantities = doc.quantities
    if spread:
        at, shift, index = set(spread), 0, {}
        w2, k2, s2 = [], [], []
        for i, w in enumerate(words):
            index[i] = i + shift
            if i in at:
                w2.extend(w)
                k2.extend((table.get(w[0]), table.get(w[1])))
                s2.extend((starts[i], starts[i] + 1))
                shift += 1
            else:
                w2.append(w)
                k2.append(kinds[i])
                s2.append(starts[i])
        s2.append(starts[-1])
        words, kinds, starts = w2, k2, s2
        quantities = {index[i]: q for i, q in quantities.items()}
    return Doc(words, starts, kinds, quantities, [j for j, k in enumerate(kinds) if k is not None])


def _asr_open_place(doc: Doc, tags: dict, c: int) -> bool:
    """A cut at offset c would part a verb that ends in 进/到/在/入/至 (放进, 搁到, 倒在) from the place it
    takes: it needs one, so the clause goes on."""
    j = bisect_right(doc.starts, c - 1) - 1
    if j < 0 or doc.starts[j] + len(doc.words[j]) != c:
        return False
    w = doc.words[j]
    return (len(w) >= 2 and w[-1] in ASR_PLACE_MARKERS and _asr_is_verb(doc, tags, j)) \
        or (w in ASR_PLACE_MARKERS and j >= 1 and _asr_is_verb(doc, tags, j - 1))


# a later day named as when the next work is done (第二天, 第三日, 次日, 隔天; not 头天, often 'the day before')
ASR_NEXT_DAY = re.compile("(?:第[一二两三四五六七八九十]+|次|隔|转)[天日]")
ASR_DAY_TAKERS = {"到", "在", "的", "是", "等", "过", "至"}
ASR_PRONOUNS = {"我", "你", "他", "她", "咱", "俺"}
# verbs whose object is who does the next thing (「叫徒弟拿锤」「让病人坐好」「教徒弟…」)
ASR_PIVOTS = frozenset("叫让请帮教给使派喊等由被陪带领")
# 让它/叫他…: a causative with the one made to act opens its clause
ASR_CAUSATIVES = {"让", "叫", "使"}
ASR_CAUSED = {"它", "他", "她", "它们", "他们", "人", "人家"}
# warnings said after what they are about (「手千万别凑上去」, not 「不然…」「否则…」, which open their clause)
ASR_WARNING_ADVERBS = ("千万",)
# a warning's negation that opens its clause after a predicate (「…别伸直了」「…不要碰」)
ASR_WARNING_NEGATIONS = {"别", "可别", "不要", "千万不要", "千万别"}


def _asr_subject_before(doc: Doc, tags: dict, i: int, v: int) -> bool:
    """Token i-1, just before a warning at i, is a noun that is no object of the predicate at v
    (「烫得很手」「嗯肩膀」, not 「盖紧盖子千万别…」): it is the warning's subject."""
    j = i - 1
    if not (_asr_noun(doc, tags, j) or doc.kinds[j] == "H"):
        return False
    return v < 0 or not _asr_object_of(doc, tags, v, j)
# the words that open a 把/拿/用 frame: what is worked on, or what it is worked with, then its verb
ASR_FRAME_LEADS = OBJECT_MARKERS | {"拿", "用", "拿着", "拿起"}


def _asr_frame_opens(doc: Doc, tags: dict, i: int, v: int) -> bool:
    """Token i (把/拿/用) opens a new frame after the predicate at v: the predicate has what completes it
    (an object, a complement or place after it, or a result in its own word: 「撕干净」「搁到铁砧上」
    「拉风箱」「抹平」) and no frame of its own is still open (「把宝卷拿黄布包着」), the word just before
    is no modal, adverb, negation, pronoun, preposition, conjunction, 是 or 的 (「得拿」「就把」「跟拿毛笔一样」
    「是拿…」「拽花的把…」: there it is the predicate of what came before),
    and a noun phrase follows (「把火」「拿湿抹布」, not 「拿出来」「把的时候」)."""
    words, kinds = doc.words, doc.kinds
    prev = words[i - 1]
    if i - 1 == v and not (_asr_result_verb(doc, tags, v) or prev[-2:] in DIRECTION_COMPOUNDS):
        return False
    if any(kinds[j] == "O" or words[j] in TOOL_LEAD for j in range(v + 1, i)):
        return False
    if v >= 1 and (words[v - 1] in TOOL_LEAD or kinds[v - 1] == "O"):
        return False  # 「拿抹布把…」 (抹 tagged a verb): the "predicate" is what 拿 takes
    if prev in MODALS or prev in ASR_SUBJECT_ADVERBS or prev in NEGATIONS or prev in ASR_PRONOUNS \
            or prev in ("是", "的") or kinds[i - 1] in ("O", "L", "R", "H", "M") or tags.get(prev, "")[:1] in ("p", "c", "d", "r"):
        return False
    if i + 1 >= len(words):
        return False
    t = tags.get(words[i + 1], "")
    return kinds[i + 1] in ("N", "Q", "H", "T") or (t[:1] in ("n", "a", "m", "q") and kinds[i + 1] != "P")
# directions that end a predicate (「揉出去」「拿出来」): a noun after one is no object of it


def _asr_said(doc: Doc, norm: str, j: int) -> str:
    """The text of token j (a quantity's token stands for the words it spans)."""
    if j < 0:
        return ""
    q = doc.quantities.get(j) if doc.kinds[j] == "Q" else None
    return norm[q.start:q.end] if q is not None else doc.words[j]


def _asr_numbered(doc: Doc, tags: dict, norm: str, i: int) -> bool:
    """Token i opens a numbered noun phrase: a numeral (「一根」 split by the tokenizer), or a count that
    the tokenizer read as one quantity (「两块竹板」「五块小板」)."""
    w = doc.words[i]
    if tags.get(w, "") == "m" and w[:1] in NUMERAL_CHARS:
        return True
    q = doc.quantities.get(i) if doc.kinds[i] == "Q" else None
    return q is not None and q.name == "count" and norm[q.start:q.start + 1] in NUMERAL_CHARS


def _asr_glued_verb(tags: dict, w: str) -> bool:
    """``w`` is a word jieba does not know, made of a thing it knows and a verb of one character after it
    (「镊子夹」「钳子夹」「筷子挑」): the verb of a tool just taken, not a noun; what is counted after it is
    what the verb takes (「拿镊子夹一团棉球」), not a new subject."""
    return len(w) >= 3 and w not in tags and tags.get(w[:-1], "")[:1] == "n" and verb_char(tags, w[-1])


def _asr_rate_head(doc: Doc, tags: dict, norm: str, i: int) -> bool:
    """Token i is the time of a rate: one unit of time (「一秒钟」「一分钟」), then a verb and a count
    (「打四五下」「磨个四十下」); the three are one quantity, wherever the number reader cut them."""
    q = doc.quantities.get(i) if i >= 0 and doc.kinds[i] == "Q" else None
    if q is None or q.name != "duration_s" or norm[q.start:q.start + 1] not in ("一", "每") or i + 2 >= len(doc.words):
        return False
    j = i + 1
    if not _asr_is_verb(doc, tags, j):
        return False
    j += 1
    if doc.words[j] == "个" and j + 1 < len(doc.words):
        j += 1
    c = doc.quantities.get(j) if doc.kinds[j] == "Q" else None
    return c is not None and c.name in ("count", "rate_per_min")


def _asr_event_measure(spec: Spec, doc: Doc, norm: str, j: int) -> bool:
    """Token j is a quantity of the action itself, by its unit's kind in the spec: a movement
    (「一步」「三下」「两圈」) or a time (「两天」), not how often (「三道」, also 「三道竹篾」) nor a count
    of things (「两勺」「三根」): the noun after those is often what they count."""
    q = doc.quantities.get(j) if j >= 0 and doc.kinds[j] == "Q" else None
    if q is None or q.name not in ("count", "duration_s"):
        return False
    said = norm[q.start:q.end]
    for size in (3, 2, 1):
        kind = spec.units.get(said[-size:])
        if kind:
            return kind[0] in ("count", "time")
    return False


# quantities of the work that never count the noun after them (「烧到八百度」「一分钟六十转」「转个三圈」):
# a noun right after one is the next clause's subject (「…25度上下湿度要大」「…七八十度蜡刀蘸了蜡」)
ASR_CLOSING_QUANTITIES = frozenset({"temperature_c", "angle_deg", "rate_per_min", "speed_mm_s"})
# …and those with a time (how long; 「…一站就是半个钟头腿抖也不许起来」): they close their clause even where
# no verb was read before them (a correction, 「哎不是七八十度蜡刀蘸了蜡」, starts a clause of its own)
ASR_TIMED_QUANTITIES = ASR_CLOSING_QUANTITIES | {"duration_s"}


def _asr_closing_measure(spec: Spec, doc: Doc, norm: str, j: int) -> bool:
    """Token j is a quantity that ends the predicate it measures: a movement or a time
    (``_asr_event_measure``), a temperature, angle, rate or speed (``ASR_CLOSING_QUANTITIES``), or how
    many times (遍、道、回: 「刷六到八遍颜色才够蓝」; but 「缠三道竹篾」 counts the noun after it, so the
    caller asks more of the predicate then)."""
    q = doc.quantities.get(j) if j >= 0 and doc.kinds[j] == "Q" else None
    if q is None:
        return False
    if q.name in ASR_CLOSING_QUANTITIES or _asr_event_measure(spec, doc, norm, j):
        return True
    if q.name != "count":
        return False
    said = norm[q.start:q.end]
    for size in (2, 1):
        kind = spec.units.get(said[-size:])
        if kind:
            return kind[0] == "times"
    return False


def _asr_noun_predicate(doc: Doc, tags: dict, j: int, bare: bool) -> bool:
    """What starts at token j is the predicate of the noun before it: a verb (only when ``bare``; not
    拿/用, which take the noun as their tool), a modal (「要匀」「要刮到」「要一点一点点」), 就/才/都/也…
    (「就成了」「才够蓝」), another adverb before a verb or an adjective, a relation (「往勺里…」「在胸前…」),
    or 一 and a one-character verb (「一顶」)."""
    words, n = doc.words, len(doc.words)
    if j >= n:
        return False
    w = words[j]
    if w not in MODALS and (_asr_is_verb(doc, tags, j) or len(w) >= 2 and doc.kinds[j] is None and tags.get(w, "") == "v"):
        return bare and w not in TOOL_LEAD  # (「臂力跟不上」: a verb jieba knows, not the spec)
    if doc.kinds[j] == "R" or w in ASR_SUBJECT_ADVERBS or w in MODALS:
        return True  # 「花棒往勺里…」「水就成了」「湿度要大」
    if j + 1 >= n:
        return False
    t = tags.get(words[j + 1], "")
    if tags.get(w, "")[:1] == "d":
        return _asr_is_verb(doc, tags, j + 1) or t[:1] in ("a", "v") or words[j + 1] in NEGATIONS
    return w == "一" and len(words[j + 1]) == 1 and _asr_is_verb(doc, tags, j + 1)


def _asr_final_de(doc: Doc, tags: dict, j: int, lo: int) -> bool:
    """The 的 at token j ends its sentence (the clause began at ``lo``): after a state said twice
    (「紧紧的」「黏糊糊的」「一块一块的」), or after a verb or adjective in a clause with 是 (也是, 不是…) or a
    modal before it (「鼓是牛皮蒙的」「不是扇风的」「要烫伤人的」); a 的 after a noun (「男的」「上头的」) names
    who, and a 的 after a verb with nothing before it (「舞狮尾的」) is the subject of what follows."""
    words = doc.words
    prev = words[j - 1]
    if _asr_doubled(prev) or j - 2 >= lo and words[j - 2] == prev:
        return True
    if not (_asr_is_verb(doc, tags, j - 1) or tags.get(prev, "")[:1] in ("v", "a")):
        return False
    return any(words[m][-1:] == "是" or words[m] in ("要", "会") for m in range(lo, j - 1))


def _asr_shared_out(doc: Doc, tags: dict, j: int, lo: int) -> bool:
    """Token j ends an object shared out by 各 (``EACH_ADVERBS``) in the clause begun at ``lo``: 各 + a
    verb + a count (「各拿一面」「各攥一根」), or 各 + a count alone (「各一把」), with the noun it counts
    (「各拿一面钹」) unless that noun is the next subject (「各塞两颗|舌头一顶」: 一 + a verb or 就/才 after it)."""
    words, kinds, n = doc.words, doc.kinds, len(doc.words)

    def subject(k: int) -> bool:  # token k is a noun with 就/才… or 一 + a verb after it: the next subject
        nxt = words[k + 1] if k + 1 < n else ""
        return _asr_noun(doc, tags, k) and (
            nxt in ASR_SUBJECT_ADVERBS or len(nxt) == 2 and nxt[0] == "一" and tags.get(nxt[1], "")[:1] == "v")

    m = j
    if _asr_noun(doc, tags, j):
        if subject(j):
            return False  # the cut falls before it
        m = j - 1
    elif _asr_noun(doc, tags, j + 1) and not subject(j + 1):
        return False  # 「各拿一面|钹」: the noun counted comes next, the clause ends after it
    if m - 1 < lo or not (kinds[m] == "Q" and doc.quantities[m].name == "count"
                          or tags.get(words[m], "") in ("m", "mq") and words[m][:1] in NUMERAL_CHARS):
        return False
    if words[m - 1] in EACH_ADVERBS:
        return True
    return m - 2 >= lo and words[m - 2] in EACH_ADVERBS and (
        _asr_is_verb(doc, tags, m - 1) or tags.get(words[m - 1], "")[:1] == "v")


# words.ROUTE_MARKERS, and 望 as a speaker may say it (「望下一蹲」)
ASR_ROUTES = ROUTE_MARKERS | {"望"}


def _asr_routed(doc: Doc, v: int, lo: int) -> bool:
    """The verb at v has its way said just before it in the clause begun at ``lo``: 往/朝/向 (``ASR_ROUTES``)
    and at most two words of direction or 一 between, no noun (「往下一蹲」「往另一边拧」; not 「往锅里倒油」)."""
    words = doc.words
    for m in range(v - 1, max(lo, v - 4) - 1, -1):
        if words[m] in ASR_ROUTES:
            return True
        if doc.kinds[m] in ("V", "C", "A", "P", "O", "L", "H", "N", "T"):
            return False  # (「往锅里倒油」: a place named by a noun takes what is put there as the object)
    return False


def _asr_placed(doc: Doc, i: int) -> bool:
    """Token i is glued to a place word after it (「地上」「锅里」: where, not who): 上/里/下… follow."""
    return i + 1 < len(doc.words) and doc.words[i + 1] in PLACE_SUFFIX


# what a verb ends in when the manner said twice after it is what it made (「切成一块一块」「码得一层一层」)
ASR_MANNER_TAKERS = frozenset("成得到")


def _asr_manner_leads(doc: Doc, tags: dict, i: int) -> bool:
    """After the manner said twice that starts at token i (``_asr_manner_repeat``) comes its predicate: a
    verb, a relation (往/在…) or an adverb or 地 (「一张一张往骨架上贴」「一层一层上色」)."""
    words = doc.words
    e = i + 4 if words[i] == "一" else i + 2
    if e >= len(words):
        return False
    w = words[e]
    return _asr_is_verb(doc, tags, e) or doc.kinds[e] == "R" or w == "地" or tags.get(w, "")[:1] == "d"


def _asr_sudden_if(doc: Doc, tags: dict, i: int) -> bool:
    """Token i is 一 before a verb of one character, and 就/才 comes within three words (「一扶就砸了」
    「一开口就是」「一松龙身子就断了」; jieba's 练就 in 「一练就是」): as soon as that is done, what follows."""
    words, n = doc.words, len(doc.words)
    if words[i] != "一" or i + 2 >= n:
        return False
    v = words[i + 1]
    if not (tags.get(v, "")[:1] == "v" or tags.get(v[:1], "")[:1] == "v") or len(v) > 2:
        return False
    if v[-1] in ("就", "才"):
        return True
    for j in range(i + 2, min(n, i + 5)):
        if doc.kinds[j] == "P":
            return False
        if words[j][:1] in ("就", "才"):
            return True
    return False


def _asr_doubled(w: str) -> bool:
    """A state said twice in one word: 紧紧, 黏糊糊, 叮叮当当 (平平的 is one word of jieba's)."""
    n = len(w)
    return n == 2 and w[0] == w[1] or n == 3 and w[1] == w[2] or n == 4 and w[0] == w[1] and w[2] == w[3]


def _asr_opens_after_de(doc: Doc, tags: dict, i: int) -> bool:
    """Token i, after a 的 that ends its sentence, opens the next clause: a verb, a hand, a sequence
    marker, a quantity, a pronoun, a time, a numeral, or a noun with its predicate."""
    words, kinds = doc.words, doc.kinds
    w, k, t = words[i], kinds[i], tags.get(words[i], "")
    if w in ("时候", "时", "是", "了") or w in ASR_PARTICLES:
        return False
    if k in ("H", "M", "Q") or t[:1] in ("r", "t", "m") or _asr_is_verb(doc, tags, i):
        return True
    return _asr_noun(doc, tags, i) and _asr_noun_predicate(doc, tags, i + 1, True)


def _asr_subject_predicate(doc: Doc, tags: dict, j: int) -> bool:
    """What starts at token j is the predicate of a subject just before it: a modal and a verb
    (「要刷」「能剖」), 一 and a one-character verb (「一剖」「一覆」), or a verb with 了/着 or 在/到 after it
    (「灯挂在…」: where the subject goes)."""
    words, n = doc.words, len(doc.words)
    if j + 1 >= n:
        return False
    w = words[j]
    if w in MODALS:
        if j + 2 < n and tags.get(words[j + 1], "")[:1] == "d" and words[j + 1] not in NEGATIONS:
            j += 1  # 「盐要多敷」「线要慢慢拉」: an adverb between the modal and its verb
        return _asr_is_verb(doc, tags, j + 1) or words[j + 1] in TOOL_LEAD
    if w == "一":
        return len(words[j + 1]) == 1 and _asr_is_verb(doc, tags, j + 1)
    return _asr_is_verb(doc, tags, j) and words[j] not in TOOL_LEAD and words[j + 1] in ("了", "着", "在", "到")


def _asr_done_predicate(doc: Doc, tags: dict, j: int) -> bool:
    """What starts at token j is a predicate that a subject just before it does to itself: a verb with a
    direction or its end after it (「叶子折下来」「骨架扎好了」), or a verb and where (「糖块搁锅里」)."""
    words, n = doc.words, len(doc.words)
    if j + 1 >= n or not _asr_is_verb(doc, tags, j) or words[j] in TOOL_LEAD or words[j] in MODALS:
        return False
    nxt, w = words[j + 1], words[j]
    if nxt in DIRECTION_COMPOUNDS or nxt in ("好", "完", "好了", "完了") or len(w) == 2 and w[1] in "好完" and nxt == "了":
        return True
    return j + 2 < n and _asr_noun(doc, tags, j + 1) and words[j + 2] in PLACE_SUFFIX


def _asr_time_clause_ahead(doc: Doc, tags: dict, i: int) -> bool:
    """Tokens from i to 的时候 (at most three, no punctuation) say what is done at that time, with a verb
    (「跑圆场的时候」「炒菜的时候」): the start of a time clause."""
    words, kinds = doc.words, doc.kinds
    for j in range(i, min(len(words) - 2, i + 3)):
        if kinds[j] == "P" or words[j] in ("的", "了"):
            return j > i and words[j] == "的" and words[j + 1] in ("时候", "时")
        if j == i and not (_asr_is_verb(doc, tags, j) or tags.get(words[j], "")[:1] in ("v", "n")):
            return False
    return False


def _asr_glued_after_one(doc: Doc, tags: dict, i: int) -> bool:
    """Token i is a word jieba made of the one-character verb that 一 makes sudden and the first
    character of what follows (「一扎扎紧了」 cut 一/扎扎/紧, 「一按扣出来」 一/按扣/出来, 「一吹火就…」
    一/吹火/就): the sudden action ends there, and its second character starts the next clause: the
    verb again or another with its complement or result, or a noun that is the next subject (then 就/才…
    follows; not a body part, which the action moves: 「一转身就」)."""
    words, kinds = doc.words, doc.kinds
    w = words[i]
    if len(w) != 2 or i < 1 or i + 1 >= len(words) or words[i - 1] != "一" or kinds[i - 1] == "Q" or kinds[i] == "Q" \
            or kinds[i + 1] in ("Q", "P") or not (w[0] in CONTEXT_HAND_VERBS or tags.get(w[0], "")[:1] == "v"):
        return False
    nxt, second = words[i + 1], tags.get(w[1], "")
    if w[1] in CONTEXT_HAND_VERBS or second[:1] == "v":
        return nxt in DIRECTION_COMPOUNDS or nxt in RESULT_COMPLEMENTS or nxt in ("了", "到", "成")
    return second[:1] == "n" and w[1] not in ASR_BODY_CHARS and nxt in ASR_SUBJECT_ADVERBS


def _asr_glued_body(doc: Doc, tags: dict, i: int) -> int:
    """Token i is a noun the repairs joined from a word and a body part after it (「袖子」「手」 →
    袖子手, 「蹀步」「脚跟」 → 步脚跟) with a predicate right after it: the body part is the next
    subject (「…一抖袖子手一扯」「…走蹀步脚跟挨着脚尖」), as ``_asr_body_subject`` reads a body part that
    stands alone. The offset of the body part in the token, or 0."""
    words, kinds = doc.words, doc.kinds
    w = words[i]
    if len(w) < 3 or w in tags or kinds[i] not in ("N", "T", None) or i + 1 >= len(words):
        return 0
    for a in range(len(w) - 1, 0, -1):
        body, head = w[a:], w[:a]
        if len(body) <= 3 and tags.get(body, "")[:1] == "n" and (body[0] in ASR_BODY_CHARS or body[-1] in ASR_BODY_END) \
                and head[-1] not in ASR_BODY_CHARS and (head in tags or len(head) == 1):
            nxt = words[i + 1]
            ok = _asr_is_verb(doc, tags, i + 1) and nxt not in COMPLEMENTS or nxt in MODALS or nxt == "一" \
                or nxt in ASR_SUBJECT_ADVERBS or kinds[i + 1] == "R" or nxt[:1] == "往" or tags.get(nxt, "")[:1] == "d"
            return a if ok else 0
    return 0


# where the work goes in a verb-object word (下锅, 上笼, 进窑, 出锅): that word is a whole step
ASR_INTO_CHARS = frozenset("上下入进出")
ASR_VESSEL_CHARS = frozenset("锅笼甑缸窑屉灶炉")


def _asr_into_vessel(w: str) -> bool:
    """「下锅」「上笼」「进窑」: one word that puts the work into (or takes it out of) its vessel."""
    return len(w) == 2 and w[0] in ASR_INTO_CHARS and w[1] in ASR_VESSEL_CHARS


def _asr_glued_subject(doc: Doc, tags: dict, i: int) -> int:
    """Token i is a noun the repairs joined from the object of the predicate before and a noun after
    it (「蜡板」「刀」 → 蜡板刀, 「下锅」「水」 → 下锅水) with a modal or a subject's adverb and then a verb
    after it (「…垫着蜡板刀要立直」「粽子下锅水要没过…」): the second noun is the next subject. The head
    is a dictionary word of two characters or more after a verb (or a 下锅 word), the tail a noun of one
    or two characters. The offset of the tail in the token, or 0. (Not 再: 「放进结晶池再晒」.)"""
    words, kinds, n = doc.words, doc.kinds, len(doc.words)
    w = words[i]
    if len(w) < 3 or w in tags or kinds[i] not in ("N", "T", None) or i + 2 >= n:
        return 0
    nxt = words[i + 1]
    if not (nxt in MODALS or nxt in ASR_SUBJECT_ADVERBS) or not (
            _asr_is_verb(doc, tags, i + 2) or tags.get(words[i + 2], "")[:1] == "v"
            or tags.get(words[i + 2], "")[:1] == "d" and i + 3 < n and _asr_is_verb(doc, tags, i + 3)):
        return 0
    prev = words[i - 1] if i else ""
    for a in range(len(w) - 1, len(w) - 3, -1):
        head, tail = w[:a], w[a:]
        if len(head) < 2 or tags.get(tail, "")[:1] != "n" or tags.get(tail, "") == "ng" or head not in tags:
            continue
        if _asr_into_vessel(head) or tags.get(head, "")[:1] == "n" and (
                _asr_is_verb(doc, tags, i - 1) or prev in ("着", "了") and _asr_is_verb(doc, tags, i - 2)):
            return a
    return 0


# who speaks, opening a text before its title (「我们纳鞋底…」)
ASR_SPEAKERS = {"我们", "俺们", "咱们", "咱", "我", "俺"}


def _asr_title_ends(doc: Doc, tags: dict, i: int) -> bool:
    """The text opens with a verb and its object of two to four characters (「熬膏药」「滚元宵」「包粽子」
    「站桩」, after 我们/俺们), naming what is shown, and token i is a new subject (a noun, a count, a hand,
    a pronoun) with its verb within four tokens: the title ends before i (「熬膏药,香油跟药材下锅…」
    「包粽子,两片粽叶叠着…」). Not 拿/用 + a tool (「拿刀切菜」: the verb after it is the tool's)."""
    words, kinds = doc.words, doc.kinds
    j = 1 if words[0] in ASR_SPEAKERS else 0
    if not j < i <= j + 2 or sum(map(len, words[j:i])) not in (2, 3, 4) or any(kinds[m] in ("Q", "P", "H") for m in range(j, i)):
        return False
    first = words[j]
    if first in TOOL_LEAD or kinds[j] in ("O", "L", "R", "M", "A") or not (
            _asr_is_verb(doc, tags, j) or len(first) >= 2 and tags.get(first[0], "")[:1] == "v" and kinds[j] in ("N", "T", None)):
        return False  # (a craft's own name opening the text is no verb: 「八卦掌头一样…」)
    if i == j + 2 and not (_asr_nounish(doc, tags, i - 1) and kinds[i - 1] != "Q" or tags.get(words[i - 1], "") == "t"):
        return False  # the verb's object (「滚元宵」: jieba tags 元宵 a time word), not a second verb (「上灰是…」)
    w = words[i]
    if not (_asr_noun(doc, tags, i) or kinds[i] in ("Q", "H") or tags.get(w, "") in ("r", "m") and w not in ("这", "那")
            or tags.get(w, "")[:1] == "n" and kinds[i] is None):
        return False
    return _asr_predicate_ahead(doc, tags, i)


def _asr_counted_thing(spec: Spec, doc: Doc, tags: dict, norm: str, i: int) -> bool:
    """Token i counts things (「一把」「两块」: a numeral with a classifier of things in the spec's units),
    not movements, times or how often (「一遍」「三下」: those measure the verb before)."""
    said = _asr_said(doc, norm, i)
    if not said or said[0] not in NUMERAL_CHARS:
        return False
    if doc.kinds[i] != "Q" and tags.get(doc.words[i], "")[:1] != "m":
        return False
    kind = spec.units.get(said[-1:])
    return bool(kind) and kind[0] == "item"


def _asr_goes_somewhere(doc: Doc, tags: dict, j) -> bool:
    """Token j is a verb with where its subject goes after it (「搁」「在」, or one word: 「放到」「挂在」)."""
    if j is None or j + 1 >= len(doc.words) or not _asr_is_verb(doc, tags, j) or doc.words[j] in TOOL_LEAD:
        return False
    w = doc.words[j]
    return doc.words[j + 1] in ("在", "到") or (len(w) == 2 and w[1] in "在到")


def _asr_place_then_verb(doc: Doc, tags: dict, i: int) -> bool:
    """After 在 at i: a place that ends in a locative (「布上」「锅里」「手心里」) and then a verb (not a
    complement of the verb before, as in 「放在桌上」, which is checked by the caller's object)."""
    words, kinds = doc.words, doc.kinds
    for j in range(i + 1, min(len(words) - 1, i + 5)):
        if kinds[j] == "P":
            return False
        if words[j] in PLACE_SUFFIX or tags.get(words[j], "")[:1] in ("f", "s"):
            return _asr_is_verb(doc, tags, j + 1) and words[j + 1] not in TOOL_LEAD
    return False


def _asr_verb_object_done(doc: Doc, tags: dict, v: int, i: int) -> bool:
    """The predicate at v is complete with its object just before i: a verb with its result or
    complement (「擀成」「切成」「刷匀」) and a noun of two characters or more after it (「薄片」; not
    「上笼蒸」「蘸水刷」, where the one-character verb and noun lead into the next verb), nothing else
    between, and no tool lead before it in the clause (「拿刀切开西瓜…」 is one frame)."""
    words, kinds = doc.words, doc.kinds
    j = i - 1
    if j <= v or not _asr_noun(doc, tags, j) or len(words[j]) < 2:
        return False
    if words[v] in TOOL_LEAD or (v >= 1 and (words[v - 1] in TOOL_LEAD or kinds[v - 1] == "O")):
        return False
    if words[i][:1] in PLACE_SUFFIX:
        return False  # 「粘到铜胎上手不能抖」: 上手 is the place's 上 and a new subject
    w, ends = words[v], (COMPLEMENTS | ASR_RESULTS) - {"了", "着", "过", "个", "得"}
    done = (len(w) == 2 and w[1] in ends) or (j == v + 2 and words[v + 1] in ends)
    return done and (j == v + 1 or j == v + 2 and words[v + 1] in ends)


# a classifier said right after a verb without its 一 (「捏块手帕」「拿根竹签」「抓把米」): the noun after it is
# that verb's object, never a new subject
ASR_COUNTED_CLASSIFIERS = PIECE_CLASSIFIERS | THAT_ONE_CLASSIFIERS


# a time pointed at (that day, that year): with the event before it (比赛那天, 出殡那天), the time of the next clause
ASR_THAT_TIMES = frozenset(("那天", "这天", "当天", "那年", "那晚", "当晚", "那会儿", "那阵子", "那一天"))


def _asr_route_again(doc: Doc, tags: dict, i: int, last_cut: int) -> bool:
    """Token i opens a route (往/朝/向, alone or in jieba's word with its verb: 往下压) said again in its clause: the
    same coverb opened a route earlier in the clause, the token just before i is that route's verb (alone, or the
    word 往上提 itself), and a verb follows within two tokens (or is i's own word). Not a verb that takes 往 as its
    complement (开往, 送往)."""
    words, kinds = doc.words, doc.kinds
    w, prev = words[i], words[i - 1]
    c = w[:1]
    if c not in ROUTE_MARKERS or prev[-1:] in ROUTE_MARKERS or not _asr_is_verb(doc, tags, i - 1):
        return False
    glued = len(w) >= 3 and _asr_is_verb(doc, tags, i)
    if not (w == c and kinds[i] == "R" or glued):
        return False
    if not glued and not any(_asr_is_verb(doc, tags, m) or verb_char(tags, words[m])
                             for m in range(i + 1, min(len(words), i + 4))):
        return False
    for j in range(max(last_cut + 1, 0), i):
        if words[j][:1] != c or kinds[j] == "P":
            continue
        if (words[j] == c and kinds[j] == "R" and j < i - 1) or (j == i - 1 and len(prev) >= 3):
            return True
    return False


def _asr_each_opens(doc: Doc, tags: dict, i: int) -> bool:
    """Token i is 每 + what is counted and its verb comes right after (「每句唱到」「每 根 捆两道」), so the
    clause it opens is about each one; not 每 + a verb (「每过一梭」: when, inside what follows)."""
    words = doc.words
    if len(words[i]) >= 2:
        return i + 1 < len(words) and _asr_is_verb(doc, tags, i + 1)
    return i + 2 < len(words) and len(words[i + 1]) == 1 and tags.get(words[i + 1], "")[:1] in ("q", "m", "n", "p") \
        and not _asr_is_verb(doc, tags, i + 1) and _asr_is_verb(doc, tags, i + 2)


def _asr_manner_repeat(doc: Doc, tags: dict, i: int) -> bool:
    """A manner phrase said twice starts at token i: 一 X 一 X (「一槌一槌」) or 一X 一X (「一只一只」)."""
    words = doc.words
    if words[i] == "一":
        end = i + 4
        ok = end <= len(words) and words[i + 2] == "一" and words[i + 1] == words[i + 3] != "一"
    else:
        end = i + 2
        ok = len(words[i]) >= 2 and words[i][0] == "一" and end <= len(words) and words[i + 1] == words[i]
    return ok and (end == len(words) or words[end] != "的")  # 「勒成一段一段的」 is how it comes out


def _asr_predicate_ahead(doc: Doc, tags: dict, i: int) -> bool:
    """A verb (or 一 + verb) comes within four tokens after i, before any punctuation."""
    for j in range(i + 1, min(len(doc.words), i + 5)):
        if doc.kinds[j] == "P":
            return False
        if _asr_is_verb(doc, tags, j):
            return True
    return False


def _asr_noun(doc: Doc, tags: dict, j: int) -> bool:
    # (j may run past the last word: 「右手拿签子一根挑」 with no punctuation ends right after the verb)
    return 0 <= j < len(doc.kinds) and doc.kinds[j] in ("N", "T") and tags.get(doc.words[j], "")[:1] == "n"


def _asr_result_verb(doc: Doc, tags: dict, j: int) -> bool:
    """Token j is a two-character verb with its result (烧热, 晒干, 压实)."""
    return j >= 0 and len(doc.words[j]) == 2 and doc.words[j][1] in ASR_RESULTS and _asr_is_verb(doc, tags, j)


# one-character directions that end a predicate when they end a verb's word (放下, 捞出, 拿开, 收起)
ASR_DIRECTIONS = set("下上出进开起回")


def _asr_directed_verb(doc: Doc, tags: dict, j: int) -> bool:
    """Token j is a verb with its direction: a verb word ending in one (「放下」「捞出来」), or a
    two-character direction right after a verb (「坐」「下来」)."""
    if j < 0:
        return False
    w = doc.words[j]
    if _asr_is_verb(doc, tags, j) and len(w) >= 2 and (w[-1] in ASR_DIRECTIONS or w[-2:] in DIRECTION_COMPOUNDS):
        return True
    return w in DIRECTION_COMPOUNDS and _asr_is_verb(doc, tags, j - 1)


def _asr_result_ends(doc: Doc, tags: dict, j: int) -> bool:
    """Token j ends a predicate with a state it brings about (「压实」, or 「刷」「匀」): a noun after it
    is no object of it; not the results that take one (捧住泥, 按住针, 拉紧线, 拿好刀)."""
    if j < 1:
        return False
    w = doc.words[j]
    if w[-1:] in ASR_OBJECT_RESULTS:
        return False
    return _asr_result_verb(doc, tags, j) or (len(w) == 1 and w in ASR_RESULTS and _asr_is_verb(doc, tags, j - 1))


# results after which the verb still takes its object (「捧住泥」「拉紧线」「抓牢绳子」「剪开布」)
ASR_OBJECT_RESULTS = set("住紧开起好完正稳牢")


# what a verb brings about (「烧热」「晾凉」「捣烂」), besides the complements of ``RESULT_COMPLEMENTS``
ASR_RESULTS = RESULT_COMPLEMENTS | set("热凉化烂熟红")
# what a predicate with 了 after it ends in when it is over (「摊好了」「熬化了」「点着了」「对上了」): a noun after it
# is a new subject, with a verb right after it when the end is no result complement (「点着了火头离皮肤一寸」)
ASR_DONE_ENDS = ASR_RESULTS | set("着上穿")


def _asr_framed_stroke(doc: Doc, tags: dict, j: int, last_cut: int) -> bool:
    """(nlp-s21-steps) 「把芭蕉扇一丢躺在…」「拿镜子一照字才看得清」: a one-character word jieba tags a noun or a
    morpheme (丢/zg, 照/n) after 一, in a clause that opened a 把/拿/用 frame or a path (往/朝/向) with no verb
    since, is the quick action that frame needs (``extract._quick_stroke`` reads it so in its clause)."""
    w = doc.words[j]
    if doc.kinds[j] not in (None, "N") or not "\u4e00" <= w <= "\u9fff" or tags.get(w, "x")[:1] in ASR_STROKE_NOT \
            or w in COMPLEMENTS or w in DIRECTION_WORDS or tags.get("一" + w, "")[:1] == "m" \
            or (j + 1 < len(doc.words) and doc.words[j + 1] == "一") or (j >= 3 and doc.words[j - 3] == "一"):
        return False  # (「一耙一耙收起来」: 一A一A says how the verb after it is done)
    for m in range(j - 2, max(last_cut - 1, j - 8, -1), -1):
        if doc.kinds[m] == "P" or (_asr_is_verb(doc, tags, m) and doc.words[m] not in TOOL_LEAD):
            return False
        if doc.kinds[m] == "O" or doc.words[m] in ("拿", "用") or doc.words[m] in ("往", "朝", "向"):
            return m + 1 < j - 1
    return False


def _asr_placed_stroke(spec: Spec, doc: Doc, tags: dict, j: int, last_cut: int) -> bool:
    """(nlp-s21-steps) Token j is jieba's numeral 一X (一顶/m, 一站/m, 一点/m) whose X is a verb of the hand or body,
    right after the body part that makes it (舌头一顶) or the place it is made at (在/往 + where + 上/里: 「在小鼓上一点」
    「往板凳上一站」), with no verb between that place and it: the sudden stroke, not a count."""
    words, kinds = doc.words, doc.kinds
    w = words[j]
    if len(w) != 2 or w[0] != "一" or kinds[j] == "Q" or tags.get(w, "") not in ("m", "mq") or j < 1 or j - 1 <= last_cut - 1 \
            or not (w[1] in CONTEXT_HAND_VERBS or tags.get(w[1], "")[:1] == "v") or w in ONE_ADVERBS:
        return False
    prev = words[j - 1]
    if _is_body(spec, prev) and kinds[j - 1] in ("N", "T") and (j < 2 or kinds[j - 2] in ("P", "M") or j - 2 < last_cut):
        return True  # (the body part opens its clause: not 「按住舌头一顶」, its object)
    if prev not in PLACE_SUFFIX:
        return False
    for m in range(j - 2, max(last_cut - 1, j - 6, -1), -1):
        if _asr_is_verb(doc, tags, m) or kinds[m] == "P":
            return False
        if words[m] in ("在", "往", "朝", "向"):
            return True
    return False


def _asr_stroke_result(doc: Doc, tags: dict, i: int) -> bool:
    """(nlp-s21-steps) After a sudden stroke, token i starts what it brings about, not its object: a new subject with
    its adverb or its own 一 + verb (「牙就翻出来」「演员一听」), or anything that is no noun (「当当当」)."""
    words, kinds = doc.words, doc.kinds
    if not (_asr_noun(doc, tags, i) or _asr_unlisted(doc, tags, i)):
        return kinds[i] not in ("Q", "M") and words[i] not in COMPLEMENTS
    for m in range(i + 1, min(len(words), i + 4)):
        if kinds[m] in ("P", "Q"):
            return False
        if words[m] in ASR_SUBJECT_ADVERBS or words[m] == "一" or _asr_is_verb(doc, tags, m):
            return True
    return False


def _asr_unlisted(doc: Doc, tags: dict, j: int) -> bool:
    # a noun the kinds read that jieba's dictionary lacks (no tag to read)
    return 0 <= j < len(doc.kinds) and doc.kinds[j] == "N" and doc.words[j] not in tags


# jieba's tags of what is never a quick action after 一: function words, numerals, classifiers, locatives
ASR_STROKE_NOT = frozenset("qmurdpcyexf")


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


# results and directions that end a 把 clause (滤掉, 拿出来, 揉匀, 拉紧): after them no object follows
ASR_DISPOSAL_ENDS = frozenset("掉好完干净匀平开起出下来紧直实透")


def _asr_disposed(doc: Doc, tags: dict, j: int, lo: int) -> bool:
    """Token j ends a 把/将 clause that began at or after ``lo``: a two-character verb with its result
    or direction (「滤掉」「揉匀」), or a direction compound after a one-character verb (「滗」「出来」),
    with 把/将 and what it takes just before that verb (at most three tokens, no other verb). A noun
    after it is no object (把 named it), so it is the subject of the next clause."""
    if j < 1:
        return False
    words, kinds = doc.words, doc.kinds
    w = words[j]
    if len(w) == 2 and w[1] in ASR_DISPOSAL_ENDS and _asr_is_verb(doc, tags, j) and w not in DIRECTION_COMPOUNDS:
        v = j
    elif w in DIRECTION_COMPOUNDS and len(words[j - 1]) == 1 and _asr_is_verb(doc, tags, j - 1):
        v = j - 1
    else:
        return False
    for m in range(v - 1, max(lo, v - 4) - 1, -1):
        if kinds[m] == "O":
            return m < v - 1
        if _asr_is_verb(doc, tags, m) or kinds[m] in ("P", "H", "L", "R"):
            return False
    return False


# the last character of a body part: the subject of what follows, not an object (「手腕往上一翻」)
ASR_BODY_END = set("手脚指腕肘膝鼻嘴肩臂腿")


# body parts by their characters (besides the hands of the spec): 手腕 手指头 手心 脚尖 肩膀 大腿 腰 身子 胳膊
ASR_BODY_CHARS = ASR_BODY_END | set("腰身膊胸")


def _asr_body_head(tags: dict, prev: str, w: str) -> int:
    """How many characters of the token before a body part that starts a clause belong to it: a side
    said alone (「右」 + 「胳膊」), or a body character that ends jieba's word before (「袖手」 + 「腕子」
    → 袖 + 手腕子, when 手腕子 is a word); else 0."""
    if prev in ("左", "右"):
        return 1
    # (jieba may leave the body character alone too: 「虎口里」 + 「手」 + 「腕子」)
    return 1 if prev and prev[-1] in ASR_BODY_CHARS and tags.get(prev[-1] + w, "")[:1] == "n" else 0


def _asr_after_ba_result(doc: Doc, tags: dict, i: int, last_cut: int) -> bool:
    """(nlp-verbs) Token i is a noun with a verb (or the path or place of one) right after it, following 把/将 + the
    object + a verb + its result (「把纸夹好刷子蘸上色」「把红纸夹好刻刀顺着墨线刻」): 把 has taken the verb's object before it and the result closes
    the predicate, so the noun can be no object of that verb; it is the next clause's subject (or what it is done
    with). The 把 is looked for at most four tokens before the verb, in the same clause; the noun must not be what 拿/用
    takes (「拿好刷子蘸」 has no 把)."""
    words, kinds = doc.words, doc.kinds
    if i < 4 or i + 1 >= len(words) or words[i - 1] not in RESULT_COMPLEMENTS or kinds[i] not in ("N", "T") \
            or tags.get(words[i], "")[:1] != "n" or not (_asr_is_verb(doc, tags, i + 1) or kinds[i + 1] == "R") \
            or not (_asr_is_verb(doc, tags, i - 2) or (len(words[i - 2]) == 1 and verb_char(tags, words[i - 2]))):
        # (the verb may be a character jieba tags as a noun, 夹/n: after 把 + its object and before a result it is
        # the predicate 把 needs)
        # 「把纸夹好」: jieba's 纸夹/n right after 把 is the object and the verb (``resegment`` cuts it in extract)
        return len(words[i - 2]) == 2 and words[i - 2][1] in CONTEXT_HAND_VERBS and kinds[i - 3] == "O" \
            and words[i - 3] in OBJECT_MARKERS and kinds[i] in ("N", "T") and tags.get(words[i], "")[:1] == "n" \
            and words[i - 1] in RESULT_COMPLEMENTS and (_asr_is_verb(doc, tags, i + 1) or kinds[i + 1] == "R")
    for j in range(i - 3, max(last_cut, i - 7), -1):
        if kinds[j] == "P":
            return False
        if kinds[j] == "O" and words[j] in OBJECT_MARKERS:
            return j < i - 3  # (an object between 把 and the verb)
    return False


def _asr_body_subject(doc: Doc, tags: dict, i: int) -> bool:
    """Token i is a body part that is the subject of what follows, like a hand: a noun of at most three
    characters that begins or ends with a body part's character, not right after a verb, 把/拿 or a
    relation (then it is an object: 「按住手腕」「把手腕…」「往胸前…」「戴上指甲」), a count (「两根手签」) or
    another body word (「手腕子」 read as 手 + 腕子), and a predicate comes next (a verb,
    a modal, an adverb or a relation: 「手腕要放松」「手心朝下」「手指头按…」)."""
    words, kinds = doc.words, doc.kinds
    w = words[i]
    if not (2 <= len(w) <= 3 or w in ASR_BODY_CHARS) or not (w[0] in ASR_BODY_CHARS or w[-1] in ASR_BODY_CHARS):
        return False
    if kinds[i] not in ("N", "T", None) or tags.get(w, "")[:1] != "n" or i + 1 >= len(words):
        return False
    prev = words[i - 1]
    if _asr_is_verb(doc, tags, i - 1) or kinds[i - 1] in ("O", "L", "R", "H", "P") or prev in TOOL_LEAD \
            or prev in ("的", "一", "个", "着", "了") or tags.get(prev, "")[:1] in ("p", "v") \
            or (len(prev) == 2 and prev[1] in COMPLEMENTS) or (prev in COMPLEMENTS and _asr_is_verb(doc, tags, i - 2)):
        return False  # an object (「戴上指甲」) or part of one
    if kinds[i - 1] == "Q" and doc.quantities[i - 1].name == "count" or prev[:1] in ASR_BODY_CHARS or prev[-1:] in ASR_BODY_CHARS:
        return False  # 「两根手签」「手腕子」: the head of a counted noun, or of a longer body word
    if len(w) == 1 and (kinds[i - 1] in ("N", "T") or tags.get(prev, "")[:1] in ("q", "m")):
        return False  # 「壶身」 cut apart: one character after a noun is the end of that noun
    nxt = words[i + 1]
    return _asr_is_verb(doc, tags, i + 1) or nxt in MODALS or nxt in ASR_SUBJECT_ADVERBS or kinds[i + 1] == "R" \
        or tags.get(nxt, "")[:1] == "d"


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


# after a bare verb, these still belong to it: complements, directions, results, aspect, modals
ASR_NOT_NEXT = None  # set below, once ASR_AFTER_ONE_VERB is known


# coverbs with 着 that open a frame of what is followed or faced (「照着稿子剪」「对着样子描」)
ASR_FACING_LEADS = frozenset(c + "着" for c in FACING_COVERBS)


def _asr_frame_final(doc: Doc, tags: dict, j: int, lo: int) -> bool:
    """Token j is a bare one-character verb that closes a frame opened at or after ``lo`` by 拿/用 + what
    is used (「拿铁丝绑」「用刷子刷」) or 往/在/从… + where (「往版上刷」「在布上画」): only nouns, places and
    modifiers between the lead and the verb. What the frame's verb acts on was named in the frame, so a
    verb after it is the next predicate, not its object."""
    words, kinds = doc.words, doc.kinds
    if j <= lo or len(words[j]) != 1 or words[j] in TOOL_LEAD or not _asr_is_verb(doc, tags, j):
        return False
    if j - 2 >= lo and (words[j - 1] in PLACE_SUFFIX or tags.get(words[j - 1], "") == "f") and _asr_noun(doc, tags, j - 2):
        return True  # 「清水里漂」「锅里炒」: a place said just before the verb is its frame
    for m in range(j - 1, max(lo, j - 5) - 1, -1):
        w, k = words[m], kinds[m]
        if m < j - 1 and (w in TOOL_LEAD and w not in ("捏", "握", "持", "执", "攥", "靠") or k == "R" and w not in ("由",)
                          or w in ROUTE_PREPOSITIONS or w in ASR_FACING_LEADS):
            return True  # (「照着稿子剪」「对着样子描」: what the verb follows or faces)
        if k in ("N", "T", "Q") or w in PLACE_SUFFIX or tags.get(w, "")[:1] in ("n", "f", "s", "a", "m", "q", "b"):
            continue
        return False
    return False


def _asr_hand_owner(doc: Doc, tags: dict, j: int, split: bool = False) -> bool:
    """Token j, right before a hand, is a person by its ending (鼓手, 绣娘, 艄公: ``persons.person_shaped``) where an
    owner stands (``persons.OWNER_POSITIONS``: after a noun, 的, a count or 老/小), so the hand is its own
    (「安塞腰鼓鼓手双手…」), not a verb X手 ending the clause before (「…松手右手接住」: after a hand or a verb). With
    ``split``, tokens j and j + 1 are one character each, a verb and the ending, as jieba cuts a name it lacks
    (舞 / 生, 织 / 手)."""
    words = doc.words
    w = words[j]
    if split:
        if len(w) != 1 or len(words[j + 1]) != 1 or tags.get(w, "")[:1] != "v":
            return False
        w += words[j + 1]
    return person_shaped(w, tags.get(w, ""), PERSON_TAIL_CHARS) \
        and person_position(words, doc.kinds, j, 0, tags) in OWNER_POSITIONS


def _asr_fronted_hold(doc: Doc, tags: dict, i: int) -> bool:
    """A hand at i with a noun before it and a bare 拿/拿着… after it (nothing held named after the verb):
    the noun is what the hand holds, said first (「扇子右手拿」「板子左手握着」), and goes with the hand."""
    words, n = doc.words, len(doc.words)
    if not (_asr_noun(doc, tags, i - 1) and i + 1 < n and words[i + 1] in TOOL_LEAD):
        return False
    j = i + 2
    if j >= n or not _asr_nounish(doc, tags, j) or doc.kinds[j] == "H":
        return True
    # 「扇子右手拿手绢左手拿扭…」, not 「右手拿扇子左手拿手绢…」: the next hand's 拿 is bare too
    return j + 2 < n and doc.kinds[j + 1] == "H" and words[j + 2] in TOOL_LEAD and (
        j + 3 >= n or not _asr_nounish(doc, tags, j + 3))


# what ties a place to the verb before it as its complement (「夹在指缝里」「含到嘴里」「放进缸里」)
ASR_PLACE_MARKERS = ("在", "到", "进", "入", "至")
ASR_PLACE_REACH = 6  # tokens of the place between the marker and its locative, at most (「捏在拇指食指跟中指中间」)


def _asr_place_done(doc: Doc, tags: dict, j: int, lo: int) -> bool:
    """Token j is the locative that ends the place of a verb (在/到/进… right after the verb, 「夹在指头缝里」「挎在
    左肩上」「放入缸底」; the verb may be jieba's last character of a noun before, 「铜片夹|在」; no verb inside the
    place): the predicate is complete there."""
    words = doc.words
    w = words[j]
    if not (w in PLACE_SUFFIX or tags.get(w, "")[:1] in ("f", "s")
            or len(w) >= 2 and w[-1] in PLACE_SUFFIX and tags.get(w, "")[:1] == "n"):
        return False
    for k in range(j - 1, max(lo, j - ASR_PLACE_REACH) - 1, -1):
        m = words[k]
        if m in ASR_PLACE_MARKERS:
            if k - 1 < lo or doc.kinds[k - 1] in ("H", "P", "Q"):
                return False
            if k >= 2 and words[k - 2] in TOOL_LEAD:
                return False  # 「拿木梳在背上压出羽毛」: the tool taken, then where the next verb is done
            v = words[k - 1]
            # (jieba's noun + verb: 「铜片夹」「金叶夹」, three characters or more; not a thing of two, 木梳, 阿胶)
            return _asr_is_verb(doc, tags, k - 1) or verb_char(tags, v[-1]) and (len(v) == 1 or len(v) >= 3 and tags.get(v, "")[:1] != "v")
        if len(m) >= 2 and m[-1] in ASR_PLACE_MARKERS and _asr_is_verb(doc, tags, k):
            return True  # 「放在」「缠到」: jieba's one word
        if _asr_is_verb(doc, tags, k) or doc.kinds[k] == "P":
            return False
    return False


def _asr_opens_after_place(doc: Doc, tags: dict, i: int) -> bool:
    """What starts at token i, after a predicate closed by its place, is a clause of its own: a verb (not a
    complement, a modal or a direction of the verb before, nor one with 了 after it, what the thing comes to in
    that place; 拿/用 open a frame), a hand or a noun (a locative
    before it: 「两边嘴角」) with its own predicate (「鼻子吸气」「嘴角各塞」), or 一 and a one-character verb
    (「一碰叮当响」)."""
    words, n = doc.words, len(doc.words)
    w = words[i]
    if w in COMPLEMENTS or w in MODALS or w in DIRECTION_COMPOUNDS or w in ASR_AFTER_ONE_VERB or w in ASR_PARTICLES \
            or w in ("的", "地", "得"):
        return False
    if _asr_is_verb(doc, tags, i):
        return i + 1 >= n or words[i + 1] != "了"  # (「坩埚放到炉子上烧化了」: what it comes to there)
    j = i
    if tags.get(w, "")[:1] == "f" and i + 1 < n and (_asr_noun(doc, tags, i + 1) or doc.kinds[i + 1] == "H"):
        j = i + 1  # 「两边嘴角」
    if doc.kinds[j] == "H" or _asr_noun(doc, tags, j):
        return j + 1 < n and (_asr_noun_predicate(doc, tags, j + 1, True) or words[j + 1] == "各"
                              or verb_object_word(tags, words[j + 1]))
    return w == "一" and i + 1 < n and len(words[i + 1]) == 1 and _asr_is_verb(doc, tags, i + 1)


def _asr_pair_opens(doc: Doc, tags: dict, i: int) -> bool:
    """Token i opens a pair: a correlative said again within six tokens (「一边拿手转板子一边」, words.PAIRED_OPENERS),
    or 一 + a verb + 一 + a verb, an alternation (「一推一拉」「一屈一伸」, ``resegment._alternated``)."""
    words, n = doc.words, len(doc.words)
    w = words[i]
    if w in PAIRED_OPENERS:
        return w in words[i + 2:i + 8]
    return w == "一" and i + 3 < n and words[i + 2] == "一" and len(words[i + 1]) == 1 and len(words[i + 3]) == 1 \
        and words[i + 1] != words[i + 3] and alternated(tags, words[i + 1]) and alternated(tags, words[i + 3])


def _asr_held(doc: Doc, a: int, i: int) -> bool:
    """The clause so far only takes a tool (「拿钉子顺着线戳」): its place and verb come next."""
    return not any((doc.kinds[j] in ASR_VERB_KINDS or doc.kinds[j] == "T") and doc.words[j] not in TOOL_LEAD
                   for j in range(a, i))


# after 一 + a one-character verb, these still belong to it (「一拉就开」「一压下去」)
ASR_AFTER_ONE_VERB = {"就", "了", "着", "过", "下", "上", "到", "开", "起", "好", "下去", "上去", "进去", "出来", "起来",
                      "一", "得", "成", "完", "住", "紧", "平", "的"}
ASR_INTERJECTIONS = {"嗯", "呃", "哎", "哎呀", "唉", "哎哟", "诶", "欸"}
# after a word said twice, these say the second one is the next clause's verb (「捶捶到不粘手」)
ASR_NOT_NEXT = ASR_AFTER_ONE_VERB | COMPLEMENTS | RESULT_COMPLEMENTS | DIRECTION_COMPOUNDS | MODALS | TOOL_LEAD | {"来", "去"}
ASR_CHAIN_NEXT = set("到得完好了个成干透起开")


# what follows a character said twice that makes the pair one word: a plural (娃娃们) or 'every one' (箭箭不落空,
# 人人都会, 回回也): no clause starts at the second character
ASR_EVERY_NEXT = frozenset("们都不也皆")


def _asr_chains(spec: Spec, norm: str, runs: list, doc: Doc) -> list[int]:
    """「车盘车盘转起来了」「蒸蒸到外硬内软」: speakers start a clause with the word that ended the one
    before; where a word of two or three characters is said twice running (also across the locative
    that ended the first: 「搁银窝里银窝放到…」), a one-character noun twice (「敲鼓鼓搁在…」, not a body
    part: 拇指指端), or a one-character verb twice with a complement after it, the second one starts a
    clause. Not numerals and classifiers (「一层一层」), not inside a quantity."""
    tags = spec.pos_tags()
    kinds_of = kind_table(spec)
    qspans = [(q.start, q.end) for q in doc.quantities.values()]
    at = {st: k for k, st in enumerate(doc.starts)}  # character offset → the token starting there
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
            if not hit and norm[p - 1] == c and norm[p + 1] in ASR_EVERY_NEXT:
                continue  # 「讲娃娃们笑得…」「箭箭不落空」: a doubled noun that is one word, or 'every one' (XX都/不/也)
            if not hit and norm[p - 1] == c and p - 1 > a and (kinds_of.get(c) == "N" or (
                    kinds_of.get(c) == "T" and tags.get(c, "")[:1] == "n")) \
                    and norm[p - 2] not in NUMERAL_CHARS and c not in ASR_BODY_END:
                hit = True  # 「拿鼓键子敲鼓鼓搁在鼓架子上」: a one-character noun said twice running
            if not hit and norm[p - 1] == c and p - 1 > a and norm[p - 2] not in NUMERAL_CHARS \
                    and c not in ASR_BODY_END and tags.get(c, "")[:1] in ("n", "v") \
                    and _asr_goes_somewhere(doc, tags, at.get(p + 1)):
                hit = True  # 「敲鼓鼓搁在鼓架子上」: a one-character word twice, the second with its verb and place
            if not hit and norm[p - 1] == c and p - 1 > a and norm[p - 2] not in NUMERAL_CHARS \
                    and (c in CONTEXT_HAND_VERBS or tags.get(c, "")[:1] == "v") \
                    and (norm[p + 1] in ASR_CHAIN_NEXT or norm[p + 1].isdigit() or norm[p + 1] in NUMERAL_CHARS
                         # 「再揉揉光了」: the second one with its result (光, 匀, 平…) and 了
                         or (norm[p + 1] in RESULT_COMPLEMENTS and p + 2 < b and norm[p + 2] == "了")):
                hit = True
            if hit and not any(qs < p < qe for qs, qe in qspans):
                out.append(p)
    return out
