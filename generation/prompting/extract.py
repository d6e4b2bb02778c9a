"""Transcript → terms, ordered steps and parameters.

Pipeline (each stage is linear in the length of the text):
  1. normalize characters without moving any (traditional → simplified, full-width → ASCII);
  2. find quantities with regular expressions (``quantities.py``);
  3. segment the text between quantities with the spec's own jieba tokenizer (HMM off; the cut runs in
     jieba-rs when rjieba is installed, same words: ``segment.py``);
  4. cut the token stream into units at punctuation and sequence markers (先/再/然后/第一步…);
  5. each unit with an action verb starts a step; a unit without one adds its parameters, tool or
     material to the step it belongs to; warnings (不然容易断) become notes on the step; fillers
     (嗯, 那个, 就是说, 对吧) never make a step;
  6. vague degree words (斜一点, 慢慢…) and tools/actions with implied values fill parameters the speaker
     did not say, each recorded in the step's ``defaults``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress

from .names import (_coordinated_names, _craft_names, _led_tool_names, _nominal_topic, _object_names, _quoted_names,
                    _slot_nouns, _suffix_names, _technique_compounds)
from .resegment import _repair_tokens, _resegment
from .spec import HAND_TERMS, Spec, TermInfo
from .tokens import (Counters, Doc, Step, _all_stuff, _head, _is_body, _is_material_word, _is_tool_word, finder_for,
                     kind_table, normalize_chars)
from .words import (AFTER_VERB_WORDS, AGENT_NOUN_SUFFIX, AGENT_SUFFIX, ARM_WORDS, ASPECT_AFTER_VERB, ATTACH_VERBS,
                    BARE_OBJECT_TAGS, BIND_VERBS, BODY_CHARS, BODY_TURN, BOTH_HAND_WORDS, COMPLEMENTS,
                    CONSEQUENCE_TAIL, CONSUMED_HEADS, CONTEXT_ACTIONS, CONTEXT_HAND_VERBS, CONTINUE_MARKERS,
                    COUNT_PREV, DEGREE_MARKERS, DEGREE_NEXT_KINDS, DEMONSTRATIVES, DIMENSION_CHARS,
                    DIRECTIONAL_COMPLEMENTS, DIRECTION_CHARS, DIRECTION_COMPOUNDS, DIRECTION_VERBS, DIRECTION_WORDS,
                    FILLERS, FILLER_CHARS, FULL_STOPS, FUNCTION_COMPLEMENTS, FUNCTION_TAGS, HAND_CHARS, HAND_JOINERS,
                    HAND_PARTS, HAND_PART_CHARS, HAND_PLACE_MARKERS, INSIDE, INSTRUMENT_HEADS, INSTRUMENT_LEADS,
                    JOB_OPENERS, LIMB_CHARS, LINKING_ADVERBS, LOAD_VERBS, LOCATIVES, LOCATIVE_SUFFIX, MAKING_VERBS,
                    MANNER_ADVERBS, MANNER_HANDS, MANNER_VERBS, MANUAL_VERBS, MARKED_VERBS, MATERIAL_HEADS,
                    MEASURE_FORMS, MEASURE_PREV, MEDIUM_HEADS, MISHAP_CHARS, MODALS, MOTION_WORDS, NEEDLE_TOOLS,
                    NEGATIONS, NUMERAL_CHARS, OBJECT_MARKERS, PAIR_COUNTS, PART_WORDS, PERSON_PRONOUNS, PLACE_MARKERS,
                    PLACE_SIDES, PLACE_SUFFIX, POS_TAGS, PREDICATE_ADVERBS, PUNCT, PURPOSE_LINKS, PUT_VERBS, QSENT,
                    RAW_STUFF_HEADS, RELATION_END, REPEAT_MARKERS, RESULT_COMPLEMENTS, RESULT_VERBS,
                    ROUTE_PREPOSITIONS, SENTENCE_ENDS, SHAPE_SUFFIX, SIDE_FILLERS, SIDE_WORDS, SKIP, SPEECH_VERBS,
                    STATE_RESULTS, STOP_NOUNS, STOP_VERBS, STRIKE_VERBS, TOOL_HEADS, TOOL_LEAD, TOPIC_PARTICLES,
                    TREAT_VERBS, UNKNOWN_NAME_TAGS, WAIT_ENDS, WAIT_SUBJECTS, WAIT_WORDS, WARNING_CUES, WEAR_VERBS,
                    WIELD_VERBS, WITNESS_FILLERS, WITNESS_VERBS, _CRAFT_KINDS, _FINISH_KINDS, _FINISH_WORDS,
                    _HOLD_BEFORE, _LEAD_IN, _OPENING)


def tokenize_doc(spec: Spec, norm: str, counters: Counters | None = None, *, join_terms: bool = True) -> Doc:
    """Quantities first, then jieba (HMM off) on the rest, then the repairs of jieba's cut and the kinds
    words take by position (``_finish_doc``)."""
    return _finish_doc(spec, _base_tokens(spec, norm, counters), join_terms, counters)


def _base_tokens(spec: Spec, norm: str, counters: Counters | None = None) -> tuple:
    """(words, starts, kinds, quantities) as jieba (HMM off) cuts the text, a quantity one token.

    The quantity spans are blanked with a placeholder (same length, a character jieba never joins to a
    word), so one ``lcut`` covers the whole text and every offset stays valid; each blanked span then
    becomes one token."""
    cut = spec.ensure_segmenter().cut
    quantities = finder_for(spec).find(norm)
    if quantities:
        pieces, pos = [], 0
        for q in quantities:
            pieces.append(norm[pos:q.start])
            if q.keep:
                ks, ke = q.keep
                pieces.extend((QSENT * (ks - q.start), norm[ks:ke], QSENT * (q.end - ke)))
            else:
                pieces.append(QSENT * (q.end - q.start))
            pos = q.end
        pieces.append(norm[pos:])
        blanked = "".join(pieces)
    else:
        blanked = norm
    raw = cut(blanked)  # the spec's jieba tokenizer's lcut(HMM=False), in jieba-rs where installed
    starts = [0]
    starts.extend(accumulate(map(len, raw)))
    qmap = {}
    if quantities:
        index = dict(zip(starts, range(len(starts))))
        words, new_starts, prev = [], [], 0
        for q in quantities:
            i, j = index[q.start], index[q.end]
            words.extend(raw[prev:i])
            new_starts.extend(starts[prev:i])
            if q.keep:
                ks, ke = index[q.keep[0]], index[q.keep[1]]
                qmap[len(words)] = q
                words.append(QSENT)
                new_starts.append(q.start)
                words.extend(raw[ks:ke])
                new_starts.extend(starts[ks:ke])
                qmap[len(words)] = q
                words.append(QSENT)
                new_starts.append(q.keep[1])
            else:
                qmap[len(words)] = q
                words.append(QSENT)
                new_starts.append(q.start)
            prev = j
        words.extend(raw[prev:])
        new_starts.extend(starts[prev:])
        starts = new_starts
    else:
        words = raw
    table = kind_table(spec)
    kinds = list(map(table.get, words))
    for i in qmap:
        kinds[i] = "Q"
    if counters is not None:
        counters.chars += len(norm)
        counters.quantities += len(quantities)
    return words, starts, kinds, qmap


def _finish_doc(spec: Spec, base: tuple, join_terms: bool, counters: Counters | None) -> Doc:
    """jieba's tokens (quantities as one token each) → the Doc: repairs, then kinds by position."""
    table = kind_table(spec)
    words, starts, kinds, qmap, compounds = _repair_tokens(spec, table, *base, join_terms)
    n = len(words)
    tags = None
    pos_tags = spec.pos_tags()
    # only verbs, nouns and bare 上/下/时/时候 are looked at here: the candidates first, in C
    cand = [i for i, (k, w) in enumerate(zip(kinds, words)) if k in _FINISH_KINDS or w in _FINISH_WORDS]
    for i in cand:
        kind = kinds[i]
        if kind == "V" and len(words[i]) == 2 and words[i][1] in AGENT_SUFFIX and i + 1 < n \
                and (i == 0 or kinds[i - 1] in ("P", "M")):
            # 「鼓手坐在船头」「划手跟着鼓点…」: at the head of a clause and followed by a verb, X手 is
            # the person doing it (jieba tags 鼓手 and 划手 as verbs), not the action
            tags = tags or spec.pos_tags()
            if kinds[i + 1] in ("V", "T", "C") and tags.get(words[i + 1], "")[:1] == "v":
                kinds[i] = None
                continue
        if kind == "N" and i and words[i - 1] in PREDICATE_ADVERBS and len(words[i]) == 2:
            # an adverb modifies a predicate, so the word after it is used as a verb (jieba tags
            # verb-object compounds such as 下锅 or 穿线 as nouns): 「泡好了就下锅」
            kinds[i] = "V"
        elif kind == "N" and i + 1 < n and (words[i + 1] in ASPECT_AFTER_VERB or (
                words[i + 1][:1] == "成" and len(words[i]) == 1)) and (
                len(words[i]) == 1 or pos_tags.get(words[i], "")[:2] in ("ng", "vn")) and (
                i == 0 or len(words[i]) == 1 or kinds[i - 1] in (None, "P", "M", "O", "H") or words[i - 1] in MANNER_ADVERBS):
            # a noun does not take 了/着/过 or a result complement: a one-character word jieba tags as
            # a noun (锤, 锯, 量) is used as a verb when one follows it (「再锤成细圆条」「量了再锯」)
            kinds[i] = "V"
        elif kind == "N" and i and (words[i - 1] in MANNER_ADVERBS or words[i - 1] in MODALS) and (
                len(words[i]) == 1 or pos_tags.get(words[i], "")[:2] in ("ng", "vn")) and (
                i + 1 == n or kinds[i + 1] in ("P", "Q", "N", "T")):
            # 「慢慢锯」「要刨」: after a manner adverb or a modal the word is the predicate
            kinds[i] = "V"
        elif kind is None and words[i] in DIRECTION_VERBS and i + 1 < n and kinds[i + 1] != "P" and (
                i == 0 or kinds[i - 1] in ("P", "M") or words[i - 1] in PREDICATE_ADVERBS
                or words[i - 1] in MODALS or (len(words[i - 1]) == 2 and words[i - 1][0] in PREDICATE_ADVERBS
                                              and words[i - 1][1] in MODALS)):
            # 上/下 after a noun is where (「板上」); at the head of a clause or after 要/再/就 (or
            # 才能/就要) it is the verb (「要上三遍」「下黄丹」「才能上桩」)
            kinds[i] = "V"
    for i in cand:
        w = words[i]
        if w == "时候" and i > 1 and words[i - 1] == "的" and kinds[i - 2] == "N" and len(words[i - 2]) == 1 \
                and pos_tags.get(words[i - 2], "")[:1] in ("n", "v"):
            kinds[i - 2] = "V"  # 「量的时候」: one character before 的时候 is what is being done
        if w == "时" and i and kinds[i - 1] == "V" and (i + 1 == n or kinds[i + 1] in ("P", "H", None, "N")):
            kinds[i] = "P"  # 「演奏时，乐手…」: written 时 after a verb ends the time clause like 的时候
        if kinds[i] == "V" and i + 1 < n and words[i + 1] in AGENT_NOUN_SUFFIX:
            kinds[i] = None  # 「传承人」「演奏者」 cut as 传承 / 人: a verb + 人/者 names the person
        if w == "时候" and i > 1 and words[i - 1] == "的" and (kinds[i - 2] == "V" or (
                # 「吹笛子的时候,…」: the time clause's verb with its object
                i > 2 and kinds[i - 2] in ("N", "T") and (kinds[i - 3] == "V" or (
                    kinds[i - 3] == "T" and pos_tags.get(words[i - 3], "")[:1] == "v"))
                and (i == 3 or kinds[i - 4] in ("P", "M", None)))):
            # 「拉的时候,左手扶着板子」: a 的时候 clause ends where it says when; what follows is a
            # predicate of its own (its hand and object are not the time clause's); a technique
            # named there (「制胎的时候用锤子…」) stays the topic the next words describe
            kinds[i] = "P"
        elif (kinds[i] == "V" or (kinds[i] == "T" and pos_tags.get(w, "")[:1] == "v")) and i + 2 < n:
            j = i + 1
            if words[j] in RESULT_COMPLEMENTS or words[j] in FUNCTION_COMPLEMENTS:
                j += 1
            if words[j] == "的" and j + 1 < n and kinds[j + 1] != "P" and words[j + 1] != "时候":
                # 「顺着印好的墨点缝」「锤成的长条」: a verb in a relative clause names a thing, it is
                # no action of its own
                kinds[i] = None
        if kinds[i] == "V" and i and kinds[i - 1] == "R" and i + 1 < n and words[i + 1] in RELATION_END \
                and len(w) == 1:
            kinds[i] = None  # 「从折边开剪」: after a relation marker, 折 + 边 is a place, not an action
    interesting = list(compress(range(len(words)), kinds))
    if counters is not None:
        counters.tokens += len(words)
    return Doc(words, starts, kinds, qmap, interesting, compounds)


def open_kinds(doc: Doc) -> None:
    """For a craft the spec does not describe in full, where any verb can be an action: words jieba
    tags as nouns, classifiers or idioms that are hand verbs in their place become verbs."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    changed = False
    for i in range(n):
        w = words[i]
        if kinds[i] in (None, "N", "A") and len(w) >= 2 and w[0] in CONTEXT_HAND_VERBS and (
                # 「就抖起来了」「捞出来」「压实」: a hand verb with its direction or result (jieba: l, n)
                w[1:] in DIRECTIONAL_COMPLEMENTS or (len(w) == 2 and w[1] in RESULT_COMPLEMENTS)
                # 「塞进墨模」: a hand verb with 进/入, where it goes (jieba: 塞进/nr)
                or (len(w) == 2 and w[1] in "进入")
                # 「右手炒茶」: after the hand that does it, a verb-object word is the action
                or (len(w) == 2 and i and kinds[i - 1] == "H" and kinds[i] is not None)):
            kinds[i] = "V"
            changed = True
        elif kinds[i] in (None, "N", "A") and len(w) == 3 and w[1] == "一" and w[0] == w[2] and (
                POS_TAGS.segment.get(w[0], "")[:1] in ("v", "a") or w[0] in CONTEXT_HAND_VERBS) and w[0] not in STOP_VERBS:
            kinds[i] = "V"  # 「琴弦先松一松」: a verb said twice with 一 (jieba: 松一松/nr) is the verb done briefly
            changed = True
        elif kinds[i] == "V" and i and (kinds[i - 1] == "L" or words[i - 1] in TOOL_LEAD) \
                and (len(w) == 1 or (len(w) == 2 and words[i - 1][-1:] in ("着", "住"))) \
                and (i + 1 == n or kinds[i + 1] == "P"):
            # 「右手执弓，…」「握着把手,…」: what a holding verb (with its aspect: 握着) takes, with
            # nothing after it, is a thing
            kinds[i] = "N"
            changed = True
        elif kinds[i] in ("V", None) and i and words[i - 1] in ("拿", "用") and kinds[i - 1] in ("L", "V", "T", None) \
                and 1 <= len(w) <= 3 and w not in COMPLEMENTS and w not in AFTER_VERB_WORDS and w not in SKIP \
                and i + 1 < n and (kinds[i + 1] == "O" or words[i + 1] in ("往", "朝") or words[i + 1] == "一"
                                   or (len(words[i + 1]) == 2 and words[i + 1][0] == "一"
                                       and (words[i + 1][1] in CONTEXT_HAND_VERBS
                                            or POS_TAGS.segment.get(words[i + 1][1], "")[:1] == "v"))) \
                and POS_TAGS.segment.get(w, "x")[:1] not in FUNCTION_TAGS:
            # 「拿湿布把坯子擦一遍」「拿筘把纬线打紧」「拿醒木往桌上一拍」「拿筘一打」: what stands between 拿/用 and
            # 把 (or a path, or a quick 一V) is the thing taken in hand, whatever jieba tags it (抹布/v, 筘/g)
            kinds[i] = "N"
            changed = True
        elif len(w) == 2 and w[0] == "一" and (w[1] in CONTEXT_HAND_VERBS or (
                POS_TAGS.segment.get(w[1], "")[:1] == "v" and w[1] not in STOP_VERBS
                and (POS_TAGS.segment.get(w, "") not in ("m", "mq") or any(
                    # 「往台口一站」: after a path, jieba's numeral + classifier 一站/m is 一 + the verb
                    words[j] in ("往", "朝", "向") for j in range(max(0, i - 4), i))))) and kinds[i] != "Q" and (
                i + 1 == n or kinds[i + 1] == "P" or words[i + 1] in LINKING_ADVERBS):
            # 「举珠的人一晃,龙头就追」: 一 + a hand verb with nothing after it is a quick action
            kinds[i] = "V"
            changed = True
        elif kinds[i] in (None, "N") and len(w) == 1 and i + 2 < n and words[i + 1] == "个" and kinds[i + 2] == "Q":
            kinds[i] = "V"  # 「一回灸个二十分钟」: a word before 个 + a quantity is what is done that long
            changed = True
        elif kinds[i] == "N" and len(w) == 2 and w[0] in DIRECTION_VERBS and i and kinds[i - 1] in ("N", "T") \
                and (i + 1 == n or kinds[i + 1] in ("P", "Q", "M")):
            kinds[i] = "V"  # 「香油跟药材下锅」: 上/下 + a noun after the thing moved is the verb (下锅, 上色)
            changed = True
        elif kinds[i] == "V" and i and ((words[i - 1][-1:] in ("成", "作") and kinds[i - 1] in ("V", "T")
                                         or (words[i - 1] == "成" and i >= 2 and kinds[i - 2] in ("V", "T")))
                                        or (words[i - 1] == "的" and i > 1 and kinds[i - 2] in ("N", "T"))):
            kinds[i] = "N"  # 「卷成漏斗」「狮头的把手」: what a thing becomes, or what a noun owns, is a thing
            changed = True
        elif kinds[i] == "N" and len(w) == 2 and w[0] in CONTEXT_HAND_VERBS and w[1] not in "子儿头" and i \
                and words[i - 1] in ("了", "、", "就", "再", "先", "然后") and (i + 1 == n or kinds[i + 1] in ("P", "Q", "M")):
            kinds[i] = "V"  # 「晒干了钻眼、穿线」: a verb-object word jieba tags as a noun, where a predicate goes
            changed = True
        elif kinds[i] in (None, "N") and len(w) == 1 and w in CONTEXT_HAND_VERBS and i + 2 < n and words[i + 1] in ("在", "到", "进") \
                and (i == 0 or kinds[i - 1] in ("N", "T", "P", "H") or words[i - 1] in MANNER_VERBS) \
                and kinds[i + 2] in ("N", "T", None):
            kinds[i] = "V"  # 「线套在轴上」: a hand verb jieba tags as a classifier, before where it goes
            changed = True
        elif kinds[i] == "V" and len(w) == 1 and i and words[i - 1] in COUNT_PREV:
            kinds[i] = None  # 「每遍晾个十五天」: after 每/几/各 a character is a classifier (遍/v), not a verb
            changed = True
        elif kinds[i] == "V" and len(w) == 2 and w[0] in "不没" and w not in MANNER_VERBS:
            kinds[i] = None  # 「急不得」「不动」: a negated verb says what is not done, it is no action
            changed = True
        elif (kinds[i] is None or (kinds[i] == "N" and len(w) == 2 and w[1] in RESULT_COMPLEMENTS
                                   and (i + 1 == n or kinds[i + 1] == "P" or words[i + 1] == "了"))) \
                and i >= 2 and kinds[i - 2] == "O" and len(words[i - 1]) == 1 and kinds[i - 1] is None \
                and 1 <= len(w) <= 2 and (POS_TAGS.segment.get(w, "")[:1] == "v" or (
                    len(w) == 2 and POS_TAGS.segment.get(w[0], "x")[:1] not in FUNCTION_TAGS and w[1] in RESULT_COMPLEMENTS)):
            kinds[i] = "V"  # 「把它烫平」「把它熨平/n」: after 把 and a one-character object, the verb + result
            changed = True
        elif kinds[i] in (None, "N", "A") and w not in SKIP and _verb_in_place(doc, i):
            kinds[i] = "V"
            changed = True
            if i + 1 < n and words[i + 1] in AFTER_VERB_WORDS and len(words[i + 1]) >= 2:
                kinds[i + 1] = None  # 「量出去」: the direction of the verb, no action of its own
    if changed:
        doc.interesting[:] = list(compress(range(n), kinds))


def _verb_in_place(doc: Doc, i: int) -> bool:
    """Words jieba tags otherwise that stand where a predicate stands (``open_kinds``):

    * a verb of looking or practising right after a sequence marker (「先看风」「先练马步」);
    * after 先/再/然后/就, a two-character noun opening with a verb character and ending its clause is a
      verb-object word (「再分水」: jieba's 分水/n);
    * a one-character noun before a directional complement (「从这条线量出去」: nouns take no direction);
    * a one-character word jieba tags as a name (纳/nr, 拓/nr) after a modal or an adverb and before a
      quantity, its object or the clause end (「得纳八十一针」);
    * 和 with no noun after it (「三比七和的」「和匀了」) is to mix, not 'and'."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    w, k = words[i], kinds[i]
    pos = POS_TAGS.segment
    if k == "N" and len(w) == 2 and i + 1 < n and kinds[i + 1] == "B" and (i == 0 or kinds[i - 1] in ("P", "M")) \
            and (w[0] in DIRECTION_VERBS or (pos.get(w[0], "")[:1] == "v" and w[0] not in STOP_VERBS)):
        return True  # 「下锅以前米要先淘」: what comes before 以前/之前 at the clause head is an action
    if i == 0 or k in ("V", "Q", "P", "T", "H", "M"):
        return False
    prev = words[i - 1]
    nxt_kind = kinds[i + 1] if i + 1 < n else "P"
    if len(w) == 1 and ((w in CONTEXT_HAND_VERBS and w not in MANUAL_VERBS) or pos.get(w, "") == "zg") \
            and k in (None, "N") and w not in SKIP and w not in COMPLEMENTS and kinds[i - 1] != "Q" and (
                (prev[-1:] not in NUMERAL_CHARS and i + 1 < n and (
                    words[i + 1] in ASPECT_AFTER_VERB or words[i + 1] in ("完", "好", "到")
                    or (len(words[i + 1]) == 1 and (words[i + 1] in RESULT_COMPLEMENTS or pos.get(words[i + 1], "") == "a"))
                    or (words[i + 1] == "的" and i + 2 < n and words[i + 2] == "时候")
                    or (kinds[i + 1] == "Q" or (pos.get(words[i + 1], "") in ("m", "mq")
                                                and words[i + 1][0] in NUMERAL_CHARS and i + 2 < n and kinds[i + 2] == "P"))))
                or (nxt_kind == "P" and (prev == "地" or prev in MANNER_ADVERBS or (
                    len(prev) == 4 and prev[:2] == prev[2:] and kinds[i - 1] is None)))
                or (prev == "一" and (nxt_kind == "P" or words[i + 1] in LINKING_ADVERBS))):
        # 「踩熟了」「踩的时候」「一圈一圈地踩」「一点一点剔」「脚一踩,」: a hand or foot verb jieba tags as a
        # morpheme (踩/zg, 剔/zg) where a predicate stands
        return True
    if len(w) == 1 and w in CONTEXT_HAND_VERBS and k in (None, "N") and i + 2 < n and words[i + 1] in ("在", "到", "进") \
            and (prev in ("了", "就", "再", "先", "然后", "又") or (
                # 「打腰鼓,鼓挎在左边」: after the one word that opens the clause (its subject), with no other verb
                len(prev) == 1 and (i == 1 or kinds[i - 2] in ("P", "M")) and not any(
                    kinds[j] == "V" or (kinds[j] == "T" and pos.get(words[j], "")[:1] == "v")
                    for j in range(i + 1, _clause_end(words, kinds, i))))):
        return True  # 「绳搓好了套在脚趾上」: a hand verb (套/q) after 了/就 before where it goes
    if len(w) == 1 and k == "N" and pos.get(w, "") == "n" and i + 2 < n and words[i + 1] == "进" \
            and (kinds[i + 2] in ("N", "T") or pos.get(words[i + 2], "")[:1] == "n") and kinds[i - 1] in ("P", "M") \
            and w not in MATERIAL_HEADS and w not in TOOL_HEADS and w not in STOP_NOUNS and w not in BODY_CHARS \
            and w not in LIMB_CHARS and w not in HAND_CHARS:
        return True  # 「码进坛子」: a one-character word opening its clause right before 进 + a vessel is the verb (码/n)
    if len(w) == 1 and k is None and pos.get(w, "") in ("zg", "vg") and i + 2 < n and words[i + 1] in ("进", "到", "在") \
            and (kinds[i + 2] in ("N", "T") or pos.get(words[i + 2], "")[:1] == "n") \
            and (kinds[i - 1] in ("P", "M") or prev in ("了", "就", "再", "先", "然后", "又")
                 or (kinds[i - 1] in ("N", "T") and i >= 2 and kinds[i - 2] == "O")):
        # 「扎紧以后丢进染缸」「把蚕茧丢进锅里」: a verb morpheme (丢/zg) opening its clause, or right after 把 +
        # its noun, before where it goes
        return True
    if len(w) == 2 and k is None and pos.get(w, "") in ("nr", "ns", "nz") and pos.get(w[0], "")[:1] == "v" \
            and w[0] not in STOP_VERBS and w[1] in RESULT_COMPLEMENTS:
        return True  # 「把边修齐」: a verb and its result jieba reads as a name (修齐/nr)
    if k in (None, "N", "A") and len(w) >= 3 and w[1:] in DIRECTIONAL_COMPLEMENTS and pos.get(w[0], "")[:1] == "v" \
            and w[0] not in STOP_VERBS and w[0] not in RESULT_VERBS and prev not in LINKING_ADVERBS:
        return True  # 「再翻过来」 (not after 就/才/便, a consequence: 「空竹就滚起来了」): a verb and its direction jieba tags as an idiom (翻过来/l)
    if k in (None, "N") and len(w) == 3 and w[0] in "往朝向" and w[1] in "上下里外前后" and pos.get(w[2], "")[:1] == "v" \
            and w[2] not in STOP_VERBS:
        return True  # 「身子往后仰」: 往 + a direction + a verb, one word jieba tags as a noun (往后仰/n)
    if w in SPEECH_VERBS and k is None and nxt_kind != "P" and (nxt_kind == "Q" or (
            pos.get(words[i + 1], "") in ("m", "mq") and words[i + 1][0] in NUMERAL_CHARS)):
        return True  # 「讲一段帽赞」「唱两句」: speech with a counted object is a performance, an action
    if w in MARKED_VERBS and kinds[i - 1] == "M":
        return nxt_kind != "V"
    if k == "N" and len(w) == 2 and (prev == "就" or kinds[i - 1] == "M") and nxt_kind in ("P", "Q", "M") \
            and ((pos.get(w[0], "")[:1] in ("v", "z") and w[0] not in STOP_VERBS) or w[0] == "过") \
            and w[1] not in "子儿头":  # (过: jieba's aspect particle is the verb 'pass through' in 过筛, 过油)
        return True
    if len(w) == 1 and k in (None, "N") and i + 1 < n and words[i + 1] in AFTER_VERB_WORDS and len(words[i + 1]) >= 2 \
            and (pos.get(w, "")[:1] == "n" or (pos.get(w, "") == "zg" and w in CONTEXT_HAND_VERBS)) and (w in CONTEXT_HAND_VERBS or (w not in MATERIAL_HEADS and w not in TOOL_HEADS)) \
            and w not in BODY_CHARS \
            and kinds[i - 1] != "Q" and prev[-1] not in NUMERAL_CHARS and pos.get(prev, "") not in ("m", "mq"):
        return True  # 「把它揭/zg 下来」; (「一场戏下来」: after a numeral and classifier it is a noun)
    if len(w) == 1 and k is None and pos.get(w, "") in ("nr", "ns", "nrt") \
            and (prev in MODALS or prev in MANNER_ADVERBS or prev in PREDICATE_ADVERBS or kinds[i - 1] == "M") \
            and nxt_kind in ("P", "Q", "N", "T"):
        return True
    if w == "和" and kinds[i - 1] not in ("P", "M") and (nxt_kind == "P" or (i + 1 < n and words[i + 1] in ("的", "了", "匀", "好"))):
        return True
    return False


def _after_hand(spec: Spec, doc: Doc, i: int) -> bool:
    """Token i follows a hand word, with at most a finger or other body word and manner adverbs between
    (「左手叉」「左手手指轻轻点」)."""
    j = i - 1
    while j >= 0 and i - j <= 3 and doc.kinds[j] != "H" and (
            doc.words[j] in MANNER_ADVERBS or POS_TAGS.segment.get(doc.words[j], "")[:1] == "d"
            or (doc.words[j] in spec.terms and spec.terms[doc.words[j]].category == "body")):
        j -= 1
    return j >= 0 and doc.kinds[j] == "H"


def _step_kinds(spec: Spec, doc: Doc) -> None:
    """For a craft the spec does not describe in full, after ``open_kinds``: verbs by their place in
    the clause.

    * no step: the verbs of a 等 clause with a third-person or noun subject (「等它凉了才点卤」: the
      condition), a verb with a mishap as its result and no 把 object (「手都练肿了」「皮也磨破了」),
      and a bare intransitive verb after a thing + 就 (「板子就响了」「银就化进去了」: what follows
      from the step, not one);
    * a step: 和 right after a sequence marker (「先和面」: to mix, not 'and'); a one-character word
      after a hand and before 在/到/住/着 (「右手护在胸口」); a verb + 下/起 + head, waist or body
      (「低下头」: jieba's noun); 一 + one character ending a clause after a direction or a body part
      (「右手往前一指」「眼睛一瞪」); 点 (jieba's numeral) after 才/就/再/先 before a noun (「才点卤」)."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    pos = spec.pos_tags()
    changed = False
    for i in range(n):
        w, k = words[i], kinds[i]
        if w in WAIT_WORDS and i + 2 < n and (words[i + 1] in WAIT_SUBJECTS or kinds[i + 1] in ("N", "T")):
            j = i + 2
            while j < n and kinds[j] != "P" and words[j] not in WAIT_ENDS:
                if words[j] == "了" and j > i + 2 and (kinds[j - 1] is None or kinds[j - 1] in ("V", "C", "T")):
                    break  # 「等它凉了敲开模子」: the condition ends at 了, what follows is done
                if kinds[j] in ("V", "C") or (kinds[j] == "T" and pos.get(words[j], "")[:1] in ("v", "a")):
                    kinds[j] = None
                    changed = True
                j += 1
            continue
        if k in ("V", "T") and (pos.get(w, "")[:1] in ("v", "a", "n") or k == "V") and (
                (len(w) <= 2 and w[-1] in MISHAP_CHARS and (len(w) == 1 or w[0] not in MISHAP_CHARS)
                 and (i + 1 == n or words[i + 1] in ("了", "啦") or kinds[i + 1] == "P"))
                or (i + 1 < n and words[i + 1] in MISHAP_CHARS and (i + 2 == n or words[i + 2] in ("了", "啦")
                                                                    or kinds[i + 2] == "P"))):
            a = i
            while a > 0 and kinds[a - 1] != "P":
                a -= 1
            if not any(words[j] in OBJECT_MARKERS for j in range(a, i)):
                kinds[i] = None
                if i + 1 < n and words[i + 1] in MISHAP_CHARS:
                    kinds[i + 1] = None
                changed = True
                continue
        b = i - 1  # 「油就顺着槽流出来了」: a relation and its noun may come between 就 and the verb
        if b >= 3 and kinds[b] in ("N", "T", None) and kinds[b - 1] == "R" and words[b - 1] not in ("往", "朝", "向"):
            b -= 2
        if k in ("V", "C") and b >= 1 and words[b] in ("就", "便") and kinds[b - 1] in ("N", "T", "A") \
                and words[b - 1][-1:] not in AGENT_NOUN_SUFFIX and words[b - 1][-1:] not in AGENT_SUFFIX \
                and not _is_body(spec, words[b - 1]) and b - 1 not in doc.roles:
            j = i + 1
            while j < n and (words[j] in CONSEQUENCE_TAIL or (kinds[j] is None and pos.get(words[j], "")[:1] in ("s", "f"))
                             or (kinds[j] in ("N", "T") and words[j - 1][-1:] in ("到", "在") and j + 1 < n
                                 and pos.get(words[j + 1], "") == "f")):
                j += 1  # (「粉就扑到脸上」「面就落到案板上」: where it lands)
            if j > i + 1 and (j == n or kinds[j] == "P"):  # (「龙头就追。」: a bare verb may be a role's move)
                kinds[i] = None
                for t in range(i + 1, j):
                    if kinds[t] in ("V", "C"):
                        kinds[t] = None
                changed = True
                continue
        if (k == "V" or (k == "T" and pos.get(w, "")[:1] == "v")) and i and words[i - 1] in OBJECT_MARKERS and i + 1 < n \
                and (kinds[i + 1] in ("N", "T") or (kinds[i + 1] is None and pos.get(words[i + 1], "")[:1] == "n")) \
                and any(kinds[j] == "V" or (kinds[j] == "T" and pos.get(words[j], "")[:1] == "v")
                        for j in range(i + 2, _clause_end(words, kinds, i))):
            kinds[i] = None  # 「把杂毛挑出去」: 把 takes a noun; a verb-tagged word right after it is its modifier
            changed = True
            continue
        if k in ("V", "T") and w in ROUTE_PREPOSITIONS and i + 1 < n and kinds[i + 1] in ("N", "T", None) \
                and not (_is_material_word(words[i + 1]) or _is_tool_word(words[i + 1]) or _is_body(spec, words[i + 1])) \
                and words[i + 1] not in ("住", "着", "了", "紧", "好") and words[i + 1] not in RESULT_COMPLEMENTS \
                and not (len(words[i + 1]) == 1 and pos.get(words[i + 1], "")[:1] == "a") \
                and any(kinds[j] == "V" or (kinds[j] == "T" and pos.get(words[j], "")[:1] == "v")
                        for j in range(i + 2, _clause_end(words, kinds, i))):
            # 「按比例兑好」「照着画稿剪」: by what, a preposition before the verb (「按扁了包上馅」: 按 + its result
            # is the verb)
            kinds[i] = None
            changed = True
            continue
        if k == "V" and ((len(w) == 1 and w in DIMENSION_CHARS and i + 2 < n and words[i + 1] == "个"
                          and kinds[i + 2] == "Q") or (len(w) == 2 and w[0] == "乱")):
            kinds[i] = None  # 「杆子还得长个二十公分」: a size; 「红绸乱飞」: how a thing goes, not a step
            changed = True
            continue
        o = i + 1
        if i and pos.get(words[i - 1], "") == "q" and i + 3 < n and kinds[i + 1] in ("N", "T") and len(words[i + 1]) <= 2:
            o = i + 2  # 「放个装粉的小盒子」: after a classifier, a verb and its object before 的 describe the thing
        if (k == "V" or (k == "T" and pos.get(w, "")[:1] == "v" and o == i + 2)) and o + 1 < n and words[o] == "的" and words[o + 1] not in STOP_NOUNS and (
                kinds[o + 1] in ("N", "T") or (kinds[o + 1] is None and pos.get(words[o + 1], "")[:1] == "n")):
            kinds[i] = None  # 「放个装粉的小盒子」: a verb in a relative clause names a thing
            changed = True
            continue
        if w == "时候" and k != "P" and i >= 4 and words[i - 1] == "的" and kinds[i - 2] in ("N", "T") \
                and words[i - 3] in ("到", "在") and kinds[i - 4] == "V" and i + 1 < n and kinds[i + 1] == "V":
            kinds[i] = "P"  # 「跳到快板的时候跺脚」: the time clause ends at 的时候, like 「拉的时候,…」
            changed = True
            continue
        if k in ("N", "T", None) and len(w) == 2 and (pos.get(w[0], "")[:1] in ("v", "a") or w[0] in CONTEXT_HAND_VERBS) \
                and w[0] not in STOP_VERBS and w[1] not in "子儿头" and pos.get(w, "")[:1] != "v" and (
                    (i + 2 < n and words[i + 1] == "、" and kinds[i + 2] == "V")
                    or (i >= 2 and words[i - 1] == "、" and _listed_action(words, kinds, i - 2))) \
                and (k is None or pos.get(w[1], "")[:1] in ("n", "") or w[1] in MATERIAL_HEADS):
            kinds[i] = "V"  # 「抖袖、翻袖、甩袖」「齐毛、切毛」: a verb-object word listed with actions is one
            changed = True
            continue
        if k in (None, "N") and len(w) == 1 and i >= 2 and words[i - 1] == words[i - 2] and len(words[i - 1]) == 2 \
                and words[i - 1][0] == "一" and i + 1 < n and (words[i + 1] in ("进", "在", "到", "上") or kinds[i + 1] == "P") \
                and w not in SKIP and w not in COMPLEMENTS and pos.get(w, "")[:1] not in ("q", "m", "f", "u", "p", "d"):
            kinds[i] = "V"  # 「一个一个码进榨槽」: after a reduplicated classifier, where the verb goes
            changed = True
            continue
        if k in ("V", "T") and i + 1 < n and words[i + 1] in ("那段", "这段", "那一段", "这一段", "那场", "这场", "那出", "这出") \
                and (k == "V" or pos.get(w, "")[:1] == "v"):
            kinds[i] = None  # 「奔马那段要抖弓」「喝酒那段,…」: a verb before 那段 names a passage of the piece, no step
            changed = True
            continue
        if k in ("V", "T") and ((len(w) == 2 and w[0] in SPEECH_VERBS and w[1] == "完" and i + 1 < n and words[i + 1] == "了")
                                or (w in SPEECH_VERBS and i + 2 < n and words[i + 1] == "完" and words[i + 2] == "了")):
            kinds[i] = None  # 「一段说完了,再…」「讲完了把本子包好」: when the telling is over, no step of its own
            changed = True
            continue
        if k == "V" and i + 1 < n and words[i + 1] == "处":
            kinds[i] = None  # 「说到要紧处」: a verb or adjective before 处 names a place in the piece
            changed = True
            continue
        if (k == "V" or (k == "T" and pos.get(w, "")[:1] == "v")) and i and words[i - 1] == "一" and i + 1 < n \
                and words[i + 1] == "就是" and i + 2 < n and kinds[i + 2] == "Q" \
                and doc.quantities[i + 2].name == "duration_s":
            # 「一放就是一年」: how long it is left, no step of its own (「手腕一转就是一片阴影」: what one
            # movement makes, the movement is a step)
            kinds[i] = None
            changed = True
            continue
        if k in ("V", "T") and w in ("上", "进", "下") and i + 2 < n \
                and ((kinds[i + 1] in ("N", "T") and not _is_body(spec, words[i + 1])) or _is_tool_word(words[i + 1])) \
                and not _is_material_word(words[i + 1]) and (w == "进" or len(words[i + 1]) >= 2) \
                and (kinds[i + 2] == "V" or (kinds[i + 2] == "T" and pos.get(words[i + 2], "")[:1] == "v")):
            # 「上甑子蒸」「进炉烤」: into the vessel the next verb works in, the verb's place (上锅/下锅 are
            # verb-object words of their own: 「先上锅蒸」 is two steps)
            kinds[i] = None
            changed = True
            continue
        if len(w) == 1 and k in (None, "N", "V") and i + 2 < n and words[i + 1] == "个" and len(words[i + 2]) == 1 \
                and (i + 3 == n or kinds[i + 3] == "P") and pos.get(w, "")[:1] in ("v", "a") and w not in STOP_VERBS \
                and kinds[i + 2] in (None, "N", "V") and pos.get(words[i + 2], "")[:1] in ("v", "n", "a") \
                and (i == 0 or kinds[i - 1] in ("P", "M", "H") or words[i - 1] in PREDICATE_ADVERBS):
            # 「亮个相」「作个揖」: a verb-object word split by 个 closing its clause: the verb is the step (亮 is
            # no manner here), the character after 个 its object
            kinds[i], kinds[i + 2] = "V", "N"
            changed = True
            continue
        if k in (None, "N") and len(w) == 1 and i >= 1 and w not in SKIP and w not in COMPLEMENTS \
                and w not in DIRECTION_WORDS and pos.get(w, "x")[:1] not in FUNCTION_TAGS \
                and ((words[i - 1] in DIRECTION_WORDS and i >= 2 and words[i - 2] in ("往", "朝", "向"))
                     or (len(words[i - 1]) == 2 and words[i - 1][0] in "往朝向" and words[i - 1][1] in DIRECTION_WORDS)) \
                and (i + 1 == n or kinds[i + 1] in ("P", "Q", "N", "T") or words[i + 1] in ("了", "着")):
            kinds[i] = "V"  # 「把琴码往里挪半寸」: right after 往 + a direction, one character (挪/ns) is the verb
            changed = True
            continue
        if len(w) == 1 and k in ("V", "T") and i >= 2 and kinds[i - 1] == "Q" and doc.quantities[i - 1].name == "count" \
                and len(words[i - 2]) == 1 and (kinds[i - 2] == "V" or (kinds[i - 2] == "T" and pos.get(words[i - 2], "")[:1] == "v")) \
                and (i + 1 == n or kinds[i + 1] == "P") and w != words[i - 2]:
            kinds[i] = "N"  # 「鞠三个躬」「磕三个头」: the character after V + a count closing the clause is V's object
            changed = True
            continue
        if k is None and len(w) == 1 and pos.get(w, "") == "p" and i and kinds[i - 1] == "M" and i + 1 < n \
                and kinds[i + 1] in ("N", "T") and (i + 2 == n or kinds[i + 2] == "P"):
            kinds[i] = "V"  # 「先迈左脚,再跟右脚」: a coverb (跟/p) with its noun as the whole clause after 先/再 is the verb
            changed = True
            continue
        if k == "N" and len(w) == 2 and i >= 2 and pos.get(w[0], "")[:1] == "v" and w[0] not in STOP_VERBS \
                and w[1] not in "子儿头" and w not in spec.terms and kinds[i - 1] in ("N", "T", None, "R") \
                and _after_v_dao_place(words, kinds, i) and (i + 1 == n or kinds[i + 1] == "P"):
            kinds[i] = "V"  # 「编到脚跟收口」: after V到 + where, a verb-object word (收口/n) closing the clause is the next step
            changed = True
            continue
        if w == "点" and k is None and (i == 0 or kinds[i - 1] in ("P", "M")) and i + 2 < n and (
                words[i + 1] in ("上", "着") or (pos.get(words[i + 1], "") in ("m", "mq") and (
                    pos.get(words[i + 2], "") == "q" or (len(words[i + 1]) == 2 and words[i + 1][0] in NUMERAL_CHARS
                                                         and words[i + 1][0] != "一")))):
            kinds[i] = "V"  # 「点三炷香」「点上卤水」: 点 (jieba's numeral) opening a clause before a count or 上/着 is the verb
            changed = True
            continue
        if w == "过" and k is None and i and pos.get(w, "") == "ug" and kinds[i - 1] in ("N", "T") \
                and pos.get(words[i - 1], "")[:1] == "n" and i + 1 < n \
                and (kinds[i + 1] == "Q" or pos.get(words[i + 1], "") in ("m", "mq")):
            kinds[i] = "V"  # 「把药粉过一遍细筛」: the aspect 过 follows a verb; after a noun, before a count, it is the verb
            changed = True
            continue
        if k in ("N", None) and 2 <= len(w) <= 3 and (w[1:] in DIRECTION_COMPOUNDS or w[1] in DIRECTION_CHARS
                                                      or w[1] in RESULT_COMPLEMENTS) \
                and pos.get(w[0], "")[:1] == "v" and w[0] not in STOP_VERBS and w not in spec.terms \
                and (i + 1 == n or kinds[i + 1] == "P" or words[i + 1] in ("了", "啦")) \
                and i >= 2 and kinds[i - 1] in ("N", "T") and (kinds[i - 2] == "O" or (
                    i >= 3 and kinds[i - 2] in ("N", "T", None) and len(words[i - 2]) <= 2 and kinds[i - 3] == "O")):
            # 「把炉门关上」「再把口子缝上」: after 把 and its noun, the word closing the clause is the predicate
            # (jieba's 关上/s, 缝上/n: a verb with its direction or result)
            kinds[i] = "V"
            changed = True
            continue
        if k in ("N", "T", None) and (len(w) == 2 or (len(w) == 3 and pos.get(w[1:], "")[:1] == "n")) \
                and w[0] in CONTEXT_HAND_VERBS and i >= 2 and words[i - 1] == "一" \
                and (kinds[i - 2] in ("M", "H") or words[i - 2] in MOTION_WORDS or words[i - 2] in DIRECTION_WORDS
                     or _is_body(spec, words[i - 2])) \
                and (i + 1 == n or kinds[i + 1] in ("P", "V") or words[i + 1] in LINKING_ADVERBS) \
                and pos.get(w, "")[:1] in ("n", "v") and (k != "T" or spec.terms[w].category != "action"):
            # 「先一拍板」「先一拍桌子」「手腕一甩袖」: after a sequence marker, a hand or a direction, 一 + a word a
            # hand verb opens (jieba's 拍板/n, a clapper; 拍桌子/n) is that verb and its object done once, the step
            kinds[i] = "V"
            changed = True
            continue
        if k in ("T", "L") and len(w) == 1 and w in TOOL_LEAD and i and words[i - 1] == "一" \
                and (i + 1 == n or kinds[i + 1] == "P" or words[i + 1] in LINKING_ADVERBS):
            kinds[i] = "V"  # 「对折一捏」「往手心一攥」: a holding verb done once, with nothing held after it, is the step
            changed = True
            continue
        if k is not None and k != "N":
            continue
        if w == "和" and i and (kinds[i - 1] == "M" or words[i - 1] in ("再", "就", "才")) and i + 1 < n \
                and kinds[i + 1] in ("N", "T"):
            kinds[i] = "V"
            changed = True
        elif len(w) == 1 and i and kinds[i - 1] == "H" and i + 1 < n and words[i + 1] in ("在", "到", "住", "着") \
                and pos.get(w, "") in ("v", "zg", "vg") and w not in STOP_VERBS:
            kinds[i] = "V"
            changed = True
        elif len(w) == 1 and i and i + 1 < n and words[i + 1] in ("在", "到", "住", "着") and _after_hand(spec, doc, i) \
                and pos.get(w, "")[:1] in ("v", "z", "n", "m", "q") and w not in STOP_VERBS \
                and w not in BODY_CHARS and w not in HAND_CHARS and w not in LIMB_CHARS and w not in PLACE_SUFFIX \
                and w not in NUMERAL_CHARS and w not in DIRECTION_WORDS and w not in "心背面边侧尖根腕" \
                and not (w in spec.terms and spec.terms[w].category == "body"):
            # 「左手叉在腰上」(叉/n)「左手手指轻轻点在弦上」(点/m): a character jieba takes for a noun or a
            # numeral, after a hand (its finger, a manner adverb between) and before where it goes, is the
            # hand's verb
            kinds[i] = "V"
            changed = True
        elif len(w) == 3 and w[1] in "下起" and w[2] in BODY_TURN and pos.get(w[0], "")[:1] in ("v", "a") \
                and w[0] not in STOP_VERBS:
            kinds[i] = "V"
            changed = True
        elif len(w) == 1 and i >= 2 and words[i - 1] == "一" and (i + 1 == n or kinds[i + 1] == "P"
                                                                   or words[i + 1] in LINKING_ADVERBS) \
                and (words[i - 2] in MOTION_WORDS or words[i - 2][:1] in "往朝向" or kinds[i - 2] == "H"
                     or (words[i - 2] in DIRECTION_WORDS and i >= 3 and words[i - 3] in ("往", "朝", "向"))
                     or _is_body(spec, words[i - 2])) \
                and w not in NUMERAL_CHARS and pos.get(w, "")[:1] not in ("q", "m", "f") and w not in SKIP \
                and w not in DIRECTION_WORDS:
            kinds[i] = "V"
            changed = True
        elif w == "点" and i + 1 < n and words[i - 1:i] and (words[i - 1] in ("才", "就", "再", "先") or kinds[i - 1] == "M") \
                and kinds[i + 1] in ("N", "T") and len(words[i + 1]) == 1:
            kinds[i] = "V"
            changed = True
    if changed:
        doc.interesting[:] = list(compress(range(n), kinds))


def _manner_hands(doc: Doc) -> None:
    """A word that says how the hand acts (反手/v, 顺手/d, 空手/n …) is no step and no hand: its kind
    is cleared, so the verb after it is the action (「反手往里挑」 → 挑)."""
    kinds = doc.kinds
    hit = False
    for i, w in enumerate(doc.words):
        if (w in MANNER_HANDS and kinds[i] is not None and kinds[i] not in ("P", "Q")) or (
                w in HAND_PART_CHARS and i and kinds[i] in ("V", "T", "N") and (
                    (kinds[i - 1] == "H" and doc.words[i - 1][-1] == "手")
                    or (i >= 2 and doc.words[i - 1] == "的" and kinds[i - 2] == "H"))):
            kinds[i] = None  # (「两个手|掌往里一合」: the palm of the hand, no verb)
            hit = True
    if hit:
        doc.interesting[:] = list(compress(range(len(kinds)), kinds))


def _after_v_dao_place(words: list, kinds: list, i: int) -> bool:
    """Token i follows V到/V在 + a place of one or two words (「编到脚跟」「编到边上」「编到口沿」)."""
    for j in range(i - 1, max(0, i - 3) - 1, -1):
        if kinds[j] in ("V", "T") and len(words[j]) == 2 and words[j][1] in "到在" and j < i - 1:
            return True
        if words[j] in ("到", "在") and j >= 1 and kinds[j - 1] in ("V", "T") and j < i - 1:
            return True
        if kinds[j] not in ("N", "T", None, "R") or words[j] in SKIP:
            return False
    return False


def _listed_action(words: list, kinds: list, j: int) -> bool:
    """The list item ending at token j (before a 、) is an action: a verb, or a verb and its object."""
    return kinds[j] == "V" or (j > 0 and kinds[j - 1] == "V" and kinds[j] in ("N", "T", None) and len(words[j]) <= 2
                               and words[j - 1] != "、")


def _clause_end(words: list, kinds: list, i: int) -> int:
    """The end of token i's clause (a list's 、 does not end it)."""
    j = i
    while j < len(kinds) and (kinds[j] != "P" or words[j] == "、"):
        j += 1
    return j


def _job_name_opening(spec: Spec, doc: Doc) -> None:
    """「打月饼先和面」「过年包饺子,先剁馅」: the text's first verb with its object, followed by 先 (in
    the same clause or opening the next), names the whole job the steps make up: no step of its own."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    pos = spec.pos_tags()
    v = next((i for i in range(n) if kinds[i] in ("V", "T") and pos.get(words[i], "")[:1] == "v"), None)
    if v is None or any(kinds[j] in ("M", "H", "L", "O", "R") for j in range(v)):
        return
    j = v + 1
    if j < n and (kinds[j] in ("N", "A", "T") or (kinds[j] is None and len(words[j]) == 1
                                                  and pos.get(words[j], "")[:1] in ("n", "q"))) \
            and pos.get(words[j], "")[:1] != "v":
        j += 1
    elif not (len(words[v]) >= 3 or words[v][-1:] in ("子",)):
        return  # the verb's object must be said (or be inside a three-character verb-object word)
    while j < n and (words[j] in MODALS or words[j] in FILLERS or words[j] in TOPIC_PARTICLES) \
            and words[j] not in DEMONSTRATIVES:
        j += 1
    appositive = None
    if j + 1 < n and words[j] in DEMONSTRATIVES and kinds[j + 1] in ("N", "T", None) and words[j + 1] not in SKIP:
        appositive = j + 1  # 「包粽子这个活儿,先…」: the job's name with its apposition (no thing worked)
        j += 2
        while j < n and (words[j] in FILLERS or words[j] in TOPIC_PARTICLES):
            j += 1
    named = False
    if j < n and kinds[j] == "P" and words[j] not in ("、",) and j == v + 2 and appositive is None \
            and (kinds[v + 1] == "A" or (len(words[v + 1]) >= 2 and _head(words[v + 1]) in INSTRUMENT_HEADS)) \
            and all(kinds[t] is None and pos.get(words[t], "")[:1] in ("t", "n", "ns") for t in range(v)) \
            and sum(1 for t in range(j, n) if kinds[t] == "V" or (kinds[t] == "T" and pos.get(words[t], "")[:1] == "v")) >= 2:
        # 「扭东北秧歌,手绢是魂儿…」「拉马头琴,琴夹在腿中间…」: the text opens with the craft or the instrument
        # played as its own clause, and steps follow: the job named, no step of its own
        named = True
    if j < n and kinds[j] == "P":
        j += 1
    if named or (j < n and words[j] in JOB_OPENERS):
        if len(words[v]) == 1 and v + 1 < n and len(words[v + 1]) == 1 and kinds[v + 1] in ("N", "T") \
                and v + 1 not in doc.quantities:
            # 「乌铜走银啊」 cut 走/银: the one-character verb and object are one name, a term
            words[v:v + 2] = [words[v] + words[v + 1]]
            kinds[v:v + 2] = ["A"]
            del doc.starts[v + 1]
            doc.quantities.update({j - 1: q for j, q in [(j, doc.quantities.pop(j)) for j in list(doc.quantities) if j > v]})
            doc.compounds.update({j - 1: c for j, c in [(j, doc.compounds.pop(j)) for j in list(doc.compounds) if j > v]})
            doc.roles.difference_update(r := {j for j in doc.roles if j > v})
            doc.roles.update(j - 1 for j in r)
            n -= 1
        else:
            kinds[v] = "A" if len(words[v]) >= 2 else None  # (「包饺子」 stays a term)
            if appositive is not None:
                kinds[appositive] = None
        doc.interesting[:] = list(compress(range(n), kinds))


def tokenize(spec: Spec, norm: str, counters: Counters | None = None) -> list[tuple]:
    """(start, end, word, quantity-or-None, TermInfo-or-None) per token (for tests and tools)."""
    doc = tokenize_doc(spec, norm, counters)
    get = spec.terms.get
    return [(doc.starts[i], doc.starts[i + 1] if i + 1 < len(doc.starts) else len(norm),
             norm[doc.starts[i]:doc.starts[i + 1]] if i in doc.quantities else w, doc.quantities.get(i),
             None if i in doc.quantities else get(w))
            for i, w in enumerate(doc.words)]


def _hand_is_place(words: list, i: int) -> bool:
    """The hand word at token i is a place (「往左手手心一塞」「交到右手」「把艾绒放在左手手心里」): it
    follows a marker of motion, or a verb glued to one (贴到, 塞进), or 在 with a part of the hand after
    it. The hand that acts is named elsewhere or not at all."""
    if i == 0:
        return False
    prev = words[i - 1]
    if prev in HAND_PLACE_MARKERS or (len(prev) >= 2 and prev[-1] in "到进"):
        return True
    return prev[-1:] == "在" and i + 1 < len(words) and words[i + 1] in HAND_PARTS


def _side_hands(doc: Doc, hand_of: dict) -> dict:
    """Token index → 左手/右手/双手 for a hand named by its side with the words jieba left apart
    (「左边这只手」「右边手」「左面的手」): 手 after a side word, with only a demonstrative, a classifier
    or 的 between; and for a hand named by the place a hand was said to be at before (「左手在绷子底下
    托着…底下的手接住了」「右手在上面捏住…上面那只手」): that hand. ``hand_of`` maps the hand words."""
    words, kinds = doc.words, doc.kinds
    found = {}
    at_place = {}  # below/above → the hand said to be there, latest
    for i, w in enumerate(words):
        if kinds[i] == "H" and w in hand_of and i + 1 < len(words) and words[i + 1] == "在":
            for j in range(i + 2, min(i + 6, len(words))):
                if kinds[j] == "P":
                    break
                if words[j] in PLACE_SIDES:
                    at_place[PLACE_SIDES[words[j]]] = hand_of[w]
                    break
            continue
        if w in BOTH_HAND_WORDS and kinds[i] in (None, "N"):
            found[i] = "双手"
            continue
        if kinds[i] in (None, "N", "T") and kinds[i] != "H" and (
                (len(w) == 2 and w[0] in "左右" and w[1] in ARM_WORDS) or (
                w in ARM_WORDS and i and words[i - 1] in ("左", "右") and kinds[i - 1] in (None, "N"))):
            found[i] = SIDE_WORDS[w[0] if len(w) == 2 and w[0] in "左右" else words[i - 1]]
            continue
        if w != "手" or kinds[i] not in (None, "N"):
            continue
        if i and kinds[i - 1] == "Q" and i - 1 in doc.quantities and doc.quantities[i - 1].raw in PAIR_COUNTS:
            found[i] = "双手"  # 「俩只手」: the count of two said of the hands
            continue
        j = i - 1
        while j >= 0 and i - j <= 3 and words[j] in SIDE_FILLERS:
            j -= 1
        if j >= 0 and words[j] in SIDE_WORDS and kinds[j] in (None, "N"):
            found[i] = SIDE_WORDS[words[j]]
        elif j >= 0 and j < i - 1 and words[j] in PLACE_SIDES and PLACE_SIDES[words[j]] in at_place \
                and (j == 0 or kinds[j - 1] in ("P", "M")):
            found[i] = at_place[PLACE_SIDES[words[j]]]  # 「底下的手」: opening its clause, never 「在底下的手」
    return found


def split_units(doc: Doc, counters: Counters | None = None, *, open_split: bool = False,
                pos: dict | None = None) -> list[tuple[int, int]]:
    """Token ranges cut at punctuation, before sequence markers and before a second hand; with
    ``open_split`` (crafts the spec does not describe in full) also before 把/将 when a verb came
    before it in the unit (「腰上绑着腰带把经线绷紧」: two actions) and before 就/才/便 between two
    predicates (「泡好了就下锅」), and before 拿/用… when a verb came before it (「放石臼里拿木槌捶」:
    a serial verb phrase, each verb its own step); ``pos`` (jieba's tags) says which spec words are
    verbs."""
    words, kinds = doc.words, doc.kinds
    units, a = [], 0
    hand_at = -1  # a hand word in the current unit
    verb_seen = pred_seen = real_verb = False
    last_verb = -1
    for i in doc.interesting:
        k = kinds[i]
        if open_split:
            if k == "O" and verb_seen and i > a:
                units.append((a, i))
                a = i
                verb_seen = pred_seen = real_verb = False
                continue
            if words[i] in TOOL_LEAD and real_verb and i > a and kinds[i - 1] != "H" and _verb_after(doc, i, pos):
                units.append((a, i))
                a = i
                verb_seen = pred_seen = real_verb = False
            is_verb = k == "V" or (k == "T" and pos is not None and pos.get(words[i], "")[:1] == "v"
                                   and words[i] not in TOOL_LEAD)
            if is_verb and last_verb >= a and (last_verb + 1 < i or (
                    # 「再翻过来削另一面」: a verb with its direction, then the next verb
                    len(words[last_verb]) >= 3 and words[last_verb][-2:] in DIRECTIONAL_COMPLEMENTS) or (
                    # 「展开贴到窗户上」: a two-character verb with its direction or result 开, then the next verb
                    len(words[last_verb]) == 2 and words[last_verb][1] in "开起出下回"
                    and (words[last_verb][0] in CONTEXT_HAND_VERBS or (pos or {}).get(words[last_verb][0], "")[:1] == "v")
                    and len(words[i]) <= 2 and kinds[last_verb] in ("V", "T"))) \
                    and _serial_break(doc, last_verb, i):
                # 「上锅蒸」「捧住泥往上一拉」「揭起一张往墙上贴」: a second predicate after the first
                # one's object or complement is the next action (a serial verb phrase)
                cut_at = i - 1 if kinds[i - 1] == "R" or words[i - 1] == "一" or words[i - 1] in NEGATIONS else i
                while cut_at - 1 > last_verb and kinds[cut_at - 1] == "R":
                    cut_at -= 1
                if cut_at > a:
                    units.append((a, cut_at))
                    a = cut_at
                    verb_seen = pred_seen = False
            if is_verb:
                real_verb = True
                last_verb = i
            if k in ("V", "T") and pred_seen and i - 1 > a and words[i - 1] in LINKING_ADVERBS:
                # 「泡好了就下锅」「晾透了才上色」: a predicate after 就/才/便 is a second action
                units.append((a, i - 1))
                a = i - 1
                verb_seen = False
            if k == "V":
                verb_seen = True
            if k == "V" or (k == "T" and not (pos is not None and pos.get(words[i], "")[:1] == "n")):
                pred_seen = True  # (a noun term is no predicate: 「纺好的线就绕在…」 is one clause)
            elif k == "P" or k == "M":
                verb_seen = pred_seen = real_verb = False
        if k == "P":
            if i > a:
                units.append((a, i))
            a = i + 1
            hand_at = -1
        elif k == "M" and i > a and _has_content(words, kinds, a, i) and not (i == a + 1 and kinds[a] == "H"):
            # (a hand alone before the marker is the subject of what follows: 「右手再往上一提」)
            units.append((a, i))
            a = i
            hand_at = -1
        elif k == "H" and not (open_split and _hand_is_place(words, i)):
            # 「左手扶布右手推刀」: each hand that does its own thing starts its own unit; so does a hand
            # named after a predicate of its clause (「唱大鼓左手拿板」, text with no punctuation), unless
            # it is what the predicate uses (「用左手按住」)
            if hand_at >= a and words[i] != words[hand_at] and (_has_verb(kinds, hand_at, i) or (
                    # 「左掌在前右掌护肘」 (no punctuation): a second hand after what the first one is said
                    # to do or where it is starts its own unit, unless the two are joined (左手跟右手)
                    open_split and i - hand_at >= 3 and kinds[i - 1] not in ("L", "O", "R")
                    and not any(w[-1:] in HAND_JOINERS or w in HAND_JOINERS for w in words[hand_at + 1:i]))):
                units.append((a, i))
                a = i
            elif open_split and hand_at < a and i > a and kinds[i - 1] not in ("L", "O", "R") \
                    and words[i - 1] not in TOOL_LEAD and last_verb >= a and _verb_after(doc, i, pos, reach=3):
                units.append((a, i))
                a = i
            hand_at = i
    if len(words) > a:
        units.append((a, len(words)))
    if counters is not None:
        counters.units += len(units)
    return units


def _serial_break(doc: Doc, v1: int, v2: int) -> bool:
    """Between two verbs of one clause (v1 < v2, something between them): does v2 start a new
    predicate? Not when the first verb opens a degree complement (「捶到不粘手」「揉得很匀」), when
    the first is a holding verb whose tool the second uses (拿/用…: split elsewhere), or when the
    second is a result complement of the first (「抹在…上」)."""
    words, kinds = doc.words, doc.kinds
    if words[v1] in TOOL_LEAD or words[v1] in INSTRUMENT_LEADS:
        return False
    for j in range(v1 + 1, v2):
        w = words[j]
        if w in DEGREE_MARKERS or kinds[j] == "L" or kinds[j] == "O":
            return False
        if w in PURPOSE_LINKS and not (w == "好" and j + 1 < v2 and words[j + 1] == "了") \
                and not (w in ("来", "去") and j == v1 + 1 and words[v1][-1:] + w in DIRECTION_COMPOUNDS):
            # (「搓好了套在…」: 好了 is the first verb's result, not 'so that'; 「提起来往下一放」: 来 ends the
            # direction 起来, it is no 'in order to')
            return False
    return True


def _verb_after(doc: Doc, i: int, pos: dict | None, reach: int = 4) -> bool:
    """A verb follows token i in its clause, at most ``reach`` tokens on (bounded: linear)."""
    words, kinds = doc.words, doc.kinds
    for j in range(i + 1, min(len(words), i + 1 + reach)):
        k = kinds[j]
        if k == "P":
            return False
        if k == "V" or (k == "T" and pos is not None and pos.get(words[j], "")[:1] == "v"):
            return True
    return False


def _has_verb(kinds, a, b) -> bool:
    return any(kinds[j] in ("V", "L", "T", "C") for j in range(a + 1, b))


def _has_content(words, kinds, a, b) -> bool:
    for j in range(a, b):
        if kinds[j] == "Q" or words[j] not in SKIP:
            return True
    return False


def _witnessed(words, kinds, i) -> bool:
    """Whether token ``i`` is what an experiential 过 after a seeing, hearing or tasting verb takes
    (「看过皮影」「听过几回评书」「见过舞龙」), with at most two counting words between."""
    j = i - 1
    for _ in range(2):
        if j >= 0 and (kinds[j] == "Q" or words[j] in WITNESS_FILLERS):
            j -= 1
    if j < 0:
        return False
    w = words[j]
    if w == "过":
        return j > 0 and words[j - 1] in WITNESS_VERBS
    return len(w) >= 2 and w.endswith("过") and w[:-1] in WITNESS_VERBS


def _craft_evidence(words, kinds):
    """The spec's words a craft is detected from: every term and craft name, except an occurrence the
    speaker only once saw, heard or tasted (the same word said elsewhere still counts)."""
    for i, (w, k) in enumerate(zip(words, kinds)):
        if k in _CRAFT_KINDS and not _witnessed(words, kinds, i):
            yield w


def extract(spec: Spec, text: str, technique: str | None = None, craft: str | None = None,
            counters: Counters | None = None, *, detect: bool = True, norm: str | None = None):
    """Returns (norm, terms, steps, warnings, craft, notes, detected).

    ``craft`` is a catalogue key when the craft is known (it is then never overridden); with
    ``detect`` and no craft, the catalogue's words decide (``Spec.detect_craft``), and when no craft
    clearly leads there is none: no craft-specific defaults, a neutral scene. ``norm``: the caller's
    ``normalize_chars(text)`` when it has it (one translation of the text, not two)."""
    if norm is None:
        norm = normalize_chars(text)
    base = _base_tokens(spec, norm, counters)
    detected = None
    if craft is None and detect:
        # the craft is found from jieba's own pieces (the spec's words inside a compound count)
        detected = spec.detect_craft(_craft_evidence(base[0], base[2]))
        craft = detected.key if detected is not None else None
    # a craft the spec describes in full keeps its own words apart (「深色线」 stays 深色 + 线 = 丝线)
    doc = _finish_doc(spec, base, craft is None or craft not in spec.crafts_with_actions, counters)
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    # For a craft whose own actions the spec describes, a verb outside them with nothing of its own
    # says how the step before is done; for any other craft every verb can be a step.
    described = craft is not None and craft in spec.crafts_with_actions
    if not described:
        _resegment(spec, doc, norm)
        open_kinds(doc)
        _step_kinds(spec, doc)
        _job_name_opening(spec, doc)
        _manner_hands(doc)
    lookup = spec.terms.get
    ambiguous = spec.ambiguous
    terms = []
    term_at: dict[int, TermInfo] = {}
    fix = []  # (token index, term index) of forms whose meaning depends on the craft
    for k in doc.interesting:
        if kinds[k] not in ("T", "H"):
            continue
        w = words[k]
        if w in MEASURE_FORMS and k and words[k - 1] in MEASURE_PREV:
            continue  # 「每针」「一针接一针」
        info = spec_info = lookup(w)
        if info is None:
            # a compound headed by a tool or material the spec knows is that kind of thing, by the
            # name said (熟桐油 is a 桐油)
            head = doc.compounds[k]
            info = spec_info = TermInfo(w, head.category, head.crafts)
        if not described and info.category in ("action", "tool", "material") and info.canonical != w \
                and w not in ambiguous:
            # a craft the spec does not describe in full: the word as said (刷 stays 刷, not 涂; 刷子
            # stays 刷子, not 漆刷); the spec's name stays on the term
            info = TermInfo(w, info.category, info.crafts)
        elif w not in ambiguous and "general" not in info.crafts and craft not in info.crafts \
                and info.category != "body" and info.canonical != w \
                and (w not in info.canonical or info.category != "tool"):
            # another craft's (or, with no craft, any craft's) synonym keeps what was said: 泥料 is
            # 紫泥 only in 紫砂 (a tool's short form, 针 for 绣针, still takes the name)
            info = TermInfo(w, info.category, info.crafts)
        term_at[k] = info
        if w in ambiguous:
            fix.append((k, len(terms)))
        # the term keeps the spec's name (直针 → 齐针) even where the step keeps the word as said
        terms.append({"text": text[starts[k]:starts[k + 1]], "category": info.category, "start": starts[k],
                      "end": starts[k + 1], "canonical": spec_info.canonical})
    for k, ti in fix:
        info = spec.resolve(words[k], term_at[k], craft)
        terms[ti]["category"], terms[ti]["canonical"] = info.category, info.canonical
        if info is term_at[k] and not described and info.category in ("action", "tool", "material") \
                and info.canonical != words[k]:
            # a form several crafts name differently (刷子: 漆刷 in lacquer, 棕刷 in print), in a craft
            # none of them is: the step keeps the word as said (the term keeps a spec name)
            info = TermInfo(words[k], info.category, info.crafts)
        term_at[k] = info

    if not described:
        hand_of = getattr(spec, "_hand_forms", None)
        if hand_of is None:  # every form of a hand the spec knows → 左手/右手/双手 (built once per spec)
            hand_of = spec._hand_forms = {w: info.canonical for w, info in spec.terms.items()
                                          if info.canonical in HAND_TERMS}
        for k, form in _side_hands(doc, hand_of).items():
            # 「左边这只手往下压」: the hand named by its side is that hand
            if k and kinds[k - 1] == "Q" and doc.quantities.get(k - 1) is not None \
                    and doc.quantities[k - 1].raw in PAIR_COUNTS:
                del doc.quantities[k - 1]  # 「俩只手」: no count of the work
                kinds[k - 1] = None
            kinds[k] = "H"
            term_at[k] = lookup(form)
            terms.append({"text": text[starts[k]:starts[k + 1]], "category": "body", "start": starts[k],
                          "end": starts[k + 1], "canonical": form})
        terms.sort(key=lambda t: t["start"])
        doc.interesting[:] = list(compress(range(len(kinds)), kinds))
    vague_hits = [(m.start(), m.end(), m.group(0)) for m in spec.vague_re.finditer(norm)]
    vi = 0
    inter = doc.interesting
    steps: list[Step] = []
    pending: Step | None = None  # content met before the first action
    pending_notes: list[str] = []
    pending_hand: str | None = None  # a hand named in a clause with no action: the next step's
    pending_open: Step | None = None  # a step read by part of speech before any other step
    forward_lead: str | None = None  # 拿X said at the end of the unit before, for this unit's verb
    warnings: list[str] = []
    for a, b in split_units(doc, counters, open_split=not described, pos=spec.pos_tags()):
        s = a
        while s < b and kinds[s] != "Q" and words[s] in SKIP:
            s += 1
        if s == b:
            continue
        e = b - 1
        while e > s and kinds[e] != "Q" and words[e] in SKIP:
            e -= 1
        u_start, u_end = starts[s], starts[e + 1]
        hits = []
        while vi < len(vague_hits) and vague_hits[vi][0] < u_end:
            if vague_hits[vi][0] >= u_start:
                hits.append(vague_hits[vi])
            vi += 1
        if kinds[s] != "Q" and words[s].startswith(WARNING_CUES):
            note = norm[u_start:u_end]
            warnings.append(note)
            if steps:
                steps[-1].notes.append(note)
            else:
                pending_notes.append(note)
            # a quantity said in a warning (「注意别超过八百度」) is still a parameter of the step
            said = {doc.quantities[j].name: doc.quantities[j].value for j in range(s, e + 1) if j in doc.quantities}
            if said:
                target = steps[-1] if steps else pending
                if target is None:
                    pending = target = Step()
                for name, value in said.items():
                    _set_param(target, name, value, warnings)
            continue
        marker = kinds[a] == "M"
        if not described and _topic_before_marker(doc, term_at, s, e, b):
            continue  # 「锥子先扎个眼」: the noun alone before 先/再 is the topic of the next unit
        if not described and (a == 0 or words[a - 1] in PUNCT) and _nominal_topic(doc, s, e, b):
            continue  # 「弹三弦的,左手按弦…」: who plays, the topic of what follows, no step
        ii = inter[bisect_left(inter, s):bisect_right(inter, e)]
        piece = _read_unit(spec, doc, term_at, s, e, ii, norm, hits, craft)
        if piece.action is None and marker and s == e and s in term_at and term_at[s].category == "technique":
            # 「最后刷漆」: a technique said alone after 然后/最后… is the next step (not a topic)
            info = term_at[s]
            piece.action, piece.surface = (words[s], words[s]) if not described else (info.canonical, words[s])
            if not described:
                _compound_object(piece)
        if forward_lead is not None:
            if piece.material != forward_lead and not any(words[j] in TOOL_LEAD for j in range(s, e + 1)):
                # 「拿线」「把坯子从车盘上割下来」: what was taken in hand is what this verb works with (before
                # a place the thing comes from)
                piece.tool = forward_lead
            forward_lead = None
        forward_lead = piece.forward_lead
        piece.topic = not TOPIC_PARTICLES.isdisjoint(words[e + 1:b])
        prev = steps[-1] if steps else None
        if piece.from_technique and marker:
            piece.from_technique = False  # 「最后刷漆」: a technique after 然后/最后… is the next step
        if piece.from_technique and prev is not None and not marker and not (piece.tool or piece.hand or piece.material):
            # 「每个月牙大概两毫米宽」: a technique named in passing adds to the step being described
            piece.action, piece.from_technique = None, False
        if piece.action is not None and piece.open_action and prev is None and pending_open is None \
                and pending is None and described:
            # before the first step: held until the next clause shows whether a spec action follows
            # (「铁水要烧到一千六百度,然后用柳木棒舀起来」: how the next step's material is prepared)
            pending_open = piece
            continue
        if pending_open is not None:
            if piece.action is not None and not piece.open_action and _compatible(pending_open, piece):
                _merge(piece, pending_open, prefer_piece=True, warnings=warnings)
                piece.extend(pending_open.start, pending_open.end)
            else:
                steps.append(pending_open)
                prev = pending_open
            pending_open = None
        if piece.action is not None and piece.open_action and prev is not None and not marker and described \
                and _compatible(prev, piece) and not (piece.tool or piece.material or piece.hand):
            # 「刀要竖着,一刀下去要刻透」: a verb with nothing of its own, said without 然后/再…, goes on
            # describing the step before
            _merge(prev, piece, prefer_piece=False, warnings=warnings)
            continue
        if piece.action is not None:
            if prev is not None and _compatible(prev, piece) and (
                    (_same_action(prev, piece) and not (marker and not described and words[a] in REPEAT_MARKERS
                                                        and not piece.params))
                    or (prev.from_technique and piece.general_action
                                                   and not (piece.open_action and not described))
                    or (prev.topic and _is_empty(prev) and piece.general_action and (described or prev.from_technique)
                        # 「水袖功啊,先把袖子抖开」: 先 opens the steps of the technique named, the first one
                        and not (not described and marker and words[a] in JOB_OPENERS))):
                # 「点蓝嘛,拿蓝枪舀一点釉料」: a general verb right after a named action is how it is done
                # 「刮灰,刮三遍」「上漆要薄薄一层,用发刷…刷」: the same step said again
                _merge(prev, piece, prefer_piece=False, warnings=warnings)
                continue
            if pending is not None:
                _merge(piece, pending, prefer_piece=True, warnings=warnings)
                pending = None
            if pending_hand is not None and piece.hand is None:
                piece.hand = pending_hand
            pending_hand = None
            piece.notes.extend(pending_notes)
            pending_notes = []
            steps.append(piece)
        elif _is_empty(piece):
            continue
        elif prev is not None and marker and _conflicts(prev, piece):
            # 「先用砂石磨,再用黄石」: the previous action again, with another tool or material
            piece.action, piece.surface, piece.general_action = prev.action, prev.surface, prev.general_action
            piece.notes.extend(pending_notes)
            pending_notes = []
            steps.append(piece)
        elif prev is not None and piece.lead_only and pending is None and not piece.params:
            pending = piece  # 「用樟木,手工雕」: the instrument goes with the verb that follows
        elif prev is not None:
            if piece.hand and not described and prev.hand is None and kinds[s] == "H" and s < e \
                    and pending_hand is None and words[s + 1] not in LOCATIVES and words[s + 1] not in PLACE_SUFFIX:
                # 「往里挽;左手叉在腰上」: a hand that opens a clause whose verb was not read is who does
                # the next action, never the step before's hand
                pending_hand = piece.hand
                piece.hand = None
                piece.tool = piece.material = None
            if piece.hand and prev.hand and piece.hand != prev.hand:
                # 「右手剪刀不动」: the other hand's tool is not this step's; 「两只手一上一下,就抖起来了」:
                # a hand named with no action of its own is who does the next one
                if not described:
                    pending_hand = piece.hand
                piece.tool = piece.material = None
                piece.hand = None
            _merge(prev, piece, prefer_piece=False, warnings=warnings)
        elif pending is None:
            pending = piece
        else:
            _merge(pending, piece, prefer_piece=False, warnings=warnings)
    if pending_open is not None:
        steps.append(pending_open)
    notes = []
    if pending is not None and pending.params:
        # quantities said with no step anywhere: kept as a step-less note, never dropped
        if steps:
            _merge(steps[0], pending, prefer_piece=False, warnings=warnings)
        else:
            notes.append({"text": norm[max(pending.start, 0):pending.end], "params": dict(pending.params)})
            for name, value in pending.extra_params:
                notes.append({"text": norm[max(pending.start, 0):pending.end], "params": {name: value}})
            warnings.append("有数量没有对应的动作,记为说明:" + norm[max(pending.start, 0):pending.end])
    for st in steps:
        for name, value in st.extra_params:
            notes.append({"text": norm[max(st.start, 0):st.end], "params": {name: value}})
    # A technique named as the topic that gathered nothing is no step (「双面绣要两面都好看」).
    steps = [st for st in steps if not (st.from_technique and _is_empty(st) and not st.notes)]
    steps = _reorder(steps)
    if not described:
        _hand_of_held_tool(steps)
        _carry_held_tool(steps, norm, spec)
    if not described:
        _carry_hand(steps, norm)
        _carry_worn_tool(steps, norm)
        _carry_serial_roles(steps, norm)
        _carry_dropped_object(spec, steps, norm)
    seen = {(t["start"], t["end"]) for t in terms}
    extra = []
    for st in steps:
        for a, b, cat in st.open_terms:
            if (a, b) not in seen:
                seen.add((a, b))
                extra.append({"text": text[a:b], "category": cat, "start": a, "end": b, "canonical": norm[a:b],
                              "open": True})
    if not described:
        # a craft the spec does not describe in full: every noun said (two characters or more) and
        # every craft name is a candidate term, so the speaker's own vocabulary is listed
        for k in doc.interesting:
            kind = kinds[k]
            if kind in ("N", "A") and len(words[k]) >= 2:
                a, b = starts[k], starts[k + 1]
                if (a, b) not in seen:
                    seen.add((a, b))
                    w = norm[a:b]
                    # the contract's categories: a noun headed by a tool or material word is that, any
                    # other noun (and a craft's name) a candidate technique term
                    cat = "technique" if kind == "A" else (
                        "tool" if _is_tool_word(w) else "material" if _is_material_word(w) else "technique")
                    extra.append({"text": text[a:b], "category": cat, "start": a, "end": b, "canonical": w,
                                  "open": True})
        for k in _object_names(spec, doc):
            a, b = starts[k], starts[k + 1]
            if (a, b) not in seen:
                seen.add((a, b))
                w = norm[a:b]
                cat = "tool" if _is_tool_word(w) else "material" if _is_material_word(w) else "technique"
                extra.append({"text": text[a:b], "category": cat, "start": a, "end": b, "canonical": w, "open": True})
        for a, b in _technique_compounds(spec, doc):
            if (starts[a], starts[b]) not in seen:
                seen.add((starts[a], starts[b]))
                extra.append({"text": text[starts[a]:starts[b]], "category": "technique", "start": starts[a],
                              "end": starts[b], "canonical": norm[starts[a]:starts[b]], "open": True})
        for a, b in _suffix_names(spec, doc):
            if (starts[a], starts[b]) not in seen and not any(t["start"] <= starts[a] and starts[b] <= t["end"]
                                                               for t in terms):
                seen.add((starts[a], starts[b]))
                # jieba's pieces that end the name are not names of their own (蹚泥步: not 泥步)
                extra = [t for t in extra if not (starts[a] <= t["start"] and t["end"] == starts[b])]
                w = norm[starts[a]:starts[b]]
                extra.append({"text": text[starts[a]:starts[b]], "category": "tool" if w[-1] in "刀针" else "technique",
                              "start": starts[a], "end": starts[b], "canonical": w, "open": True})
        for a, b in _craft_names(spec, doc):
            if (starts[a], starts[b]) not in seen:
                seen.add((starts[a], starts[b]))
                extra.append({"text": text[starts[a]:starts[b]], "category": "technique", "start": starts[a],
                              "end": starts[b], "canonical": norm[starts[a]:starts[b]], "open": True})
        for a, b in _slot_nouns(spec, doc):
            if (starts[a], starts[b]) not in seen:
                seen.add((starts[a], starts[b]))
                w = norm[starts[a]:starts[b]]
                cat = "tool" if _is_tool_word(w) else "material" if _is_material_word(w) else "technique"
                extra.append({"text": text[starts[a]:starts[b]], "category": cat, "start": starts[a],
                              "end": starts[b], "canonical": w, "open": True})
        for a, b in _coordinated_names(norm, doc):
            if (a, b) not in seen and not any(t["start"] <= a and b <= t["end"] for t in terms):
                seen.add((a, b))
                w = norm[a:b]
                cat = "tool" if _is_tool_word(w) else "material" if _is_material_word(w) else "technique"
                extra.append({"text": text[a:b], "category": cat, "start": a, "end": b, "canonical": w, "open": True})
        for a, b in _led_tool_names(spec, norm, doc):
            if (a, b) not in seen and not any(t["start"] <= a and b <= t["end"] for t in terms):
                seen.add((a, b))
                extra = [t for t in extra if not (a <= t["start"] and t["end"] <= b and (t["start"], t["end"]) != (a, b))]
                extra.append({"text": text[a:b], "category": "tool", "start": a, "end": b, "canonical": norm[a:b],
                              "open": True})
        for a, b in _quoted_names(norm):
            if (a, b) not in seen and not any(t["start"] <= a and b <= t["end"] for t in terms):
                seen.add((a, b))
                # the pieces jieba cut the name into are not names of their own (趟泥步: not 泥步)
                extra = [t for t in extra if not (a <= t["start"] and t["end"] <= b and (t["start"], t["end"]) != (a, b))]
                w = norm[a:b]
                cat = "tool" if _is_tool_word(w) else "material" if _is_material_word(w) else "technique"
                extra.append({"text": text[a:b], "category": cat, "start": a, "end": b, "canonical": w, "open": True})
    if extra:
        terms = sorted(terms + extra, key=lambda t: t["start"])
    for step in steps:
        _apply_defaults(spec, step, technique, craft)
    return norm, terms, steps, warnings, craft, notes, detected


def _is_empty(step: Step) -> bool:
    return not (step.params or step.tool or step.material or step.hand or step.relation or step.vague)


def _compatible(a: Step, b: Step) -> bool:
    return all(getattr(a, k) is None or getattr(b, k) is None or getattr(a, k) == getattr(b, k)
               for k in ("hand", "tool", "material", "role"))


def _conflicts(a: Step, b: Step) -> bool:
    return not _compatible(a, b)


def _same_action(a: Step, b: Step) -> bool:
    """The same action said again: same term, or the spoken verb begins the previous one
    (「刮」 after 刮灰, 「推」 after 推光, 「刷」 after 刷色)."""
    if a.action == b.action:
        return True
    if len(b.surface or "") >= 2 and (b.surface[-1] in "好完" or b.surface[-1] in RESULT_COMPLEMENTS
                                      or b.surface[-1] in STATE_RESULTS) and b.surface[:-1] in (a.surface, a.action):
        # 「缝一圈,缝完了翻过来」「烤一烤,烤软了弯成圆」: V好/V完, or V with its result, right after V says how
        # the step ends, it is the same step
        return True
    return bool(b.surface) and not b.from_technique and (
        a.action.startswith(b.surface) or (a.surface or "").startswith(b.surface))


def _set_param(step: Step, name: str, value, warnings: list | None) -> None:
    old = step.params.get(name)
    if old is None:
        step.params[name] = value
    elif old != value and warnings is not None:
        # a second value for the same parameter of one step is kept as a note, not silently dropped
        step.extra_params.append((name, value))
        warnings.append(f"同一步骤的 {name} 有两个值:{old} 与 {value},步骤采用前者,后者记为说明")


def _merge(into: Step, other: Step, *, prefer_piece: bool, warnings: list | None = None) -> None:
    for attr in ("hand", "tool", "material", "relation", "manner", "role"):
        if getattr(into, attr) is None:
            setattr(into, attr, getattr(other, attr))
    if "count" not in into.params and "count" in other.params:
        into.counted = other.counted
    for name, value in other.params.items():
        _set_param(into, name, value, warnings)
    into.vague.extend(other.vague)
    into.open_terms.extend(other.open_terms)
    into.extra_params.extend(other.extra_params)
    into.notes.extend(other.notes)
    into.extend(other.start, other.end)
    into.before_next = into.before_next or other.before_next


def _read_unit(spec: Spec, doc: Doc, term_at: dict, s: int, e: int, ii: list, norm: str, hits: list,
               craft: str | None = None) -> Step:
    """One unit: tokens s..e (inclusive, fillers trimmed at both ends); ``ii`` its interesting tokens."""
    words, kinds, starts, qmap = doc.words, doc.kinds, doc.starts, doc.quantities
    step = Step()
    step.extend(starts[s], starts[e + 1])
    has_needle = False
    action_idx = None
    markers, context = [], []
    cut = _degree_start(doc, s, e)
    for i in ii:
        k = kinds[i]
        if k == "Q":
            q = qmap[i]
            old = step.params.setdefault(q.name, q.value)
            if old is q.value and q.counted:
                step.counted = q.counted
            if old is not q.value and old != q.value:
                # 「一斤油下半斤丹」: a second value of the same name in one clause is kept as a note
                step.extra_params.append((q.name, q.value))
            continue
        if k == "R":
            markers.append(i)
        elif k == "C":
            context.append(i)
        elif k == "B" and i >= e - 1:
            step.before_next = True
        info = term_at.get(i)
        if info is None:
            continue
        cat = info.category
        if cat == "body":
            if step.hand is None and info.canonical in HAND_TERMS and not (
                    craft not in spec.crafts_with_actions and _hand_is_place(words, i)):
                step.hand = HAND_TERMS[info.canonical]
        elif cat == "tool":
            j = i - 1
            if j > s and words[j] in FILLERS:
                j -= 1
            lead = j >= s and words[j] in TOOL_LEAD
            if step.tool is None or lead:
                step.tool = info.canonical
            has_needle = has_needle or info.canonical in NEEDLE_TOOLS
        elif cat == "material":
            if step.material is None:
                step.material = info.canonical
        elif cat == "action":
            if i >= cut:
                continue  # 「捶到不粘手」: a verb in the degree complement says how far, it is no action
            if i > s and words[i - 1] in NEGATIONS and not described_craft(spec, craft):
                continue  # 「左手不按弦」: what is not done is no action
            crafts = info.crafts
            general = "general" in crafts
            if craft and not general and craft not in crafts and craft in spec.lexicon_crafts:
                # another craft's verb (「舀」 is 打铁花's) does not make a step in a craft the lexicon
                # has words of; a craft it has none of (a catalogue craft known only by its name and
                # scene) reads verbs as a craft in no catalogue does (「下缸」 in 黄酒 is a step)
                continue
            # the craft's own verb wins over a general one in the same clause (「放在蜡锅里…熔开」)
            # 「右手拿毛刷…刷」: after a holding verb, the next verb is what is done
            if action_idx is None or (step.general_action and not general) or step.surface in TOOL_LEAD:
                step.action, step.surface, step.general_action = info.canonical, words[i], general
                action_idx = i
    described = craft is not None and craft in spec.crafts_with_actions
    if step.action is None:
        for i in context:
            w = words[i]
            if has_needle or (described and w in ("扎", "刺", "扎下去")):
                step.action, step.surface = CONTEXT_ACTIONS[w], w
                action_idx = i
                break
    if not described and not step.from_technique:
        # a craft the spec does not describe in full: the verbs said come before a technique's name
        _open_read(spec, doc, term_at, s, e, step, action_idx, False, cut, craft=craft)
    if step.action is None and e > s:
        # A technique named as what is done (「这里就是打籽」) counts as the action; a technique
        # named alone (「剪纸嘛,…」) is the topic, not a step.
        for i in ii:
            info = term_at.get(i)
            if info is not None and info.category == "technique":
                step.action, step.surface, step.from_technique = info.canonical, words[i], True
                action_idx = i
                break
    if described and not step.from_technique:
        _open_read(spec, doc, term_at, s, e, step, action_idx, True, cut)
    if markers:
        rel = _relation(spec, doc, term_at, markers, e, action_idx)
        if rel is not None:
            r0, r1 = rel
            step.relation = norm[starts[r0]:starts[r1 + 1]]
            # a tool or material inside the relation (「沿着画稿」「往花棚上」) is where, not what with
            locative = words[r0] in ("在", "由")  # 「描在绣底上」 names the ground worked on
            inside_tools, outside = set(), {}
            for i in ii:
                info = term_at.get(i)
                if info is None:
                    continue
                if r0 <= i <= r1:
                    inside_tools.add(info.canonical)
                else:
                    outside.setdefault(info.category, []).append(info.canonical)
            # (for a craft the spec does not describe, the open reading already decided: a vessel or
            # fixture the thing goes into is the tool, 「往拉丝板的眼里一穿」)
            if described and step.tool in inside_tools and step.tool not in outside.get("tool", ()):
                step.tool = (outside.get("tool") or [None])[0]
            if step.material in inside_tools and step.material not in outside.get("material", ()) and not locative:
                step.material = (outside.get("material") or [None])[0]
    if step.action is not None and not step.from_technique and not described:
        _with_result(doc, s, e, step)
        _compound_object(step)
    for _, _, word in hits:
        if word in spec.vague:
            param, level = spec.vague[word]
            step.vague.append((param, level))
        elif word in spec.manner and step.manner is None:
            step.manner = spec.manner[word]
    return step


def described_craft(spec: Spec, craft: str | None) -> bool:
    return craft is not None and craft in spec.crafts_with_actions


def _with_result(doc: Doc, s: int, e: int, step: Step) -> None:
    """「双臂放平」「把线拉紧」: a one-character result complement jieba left apart from the verb said
    is part of the action (the word as said; a spec term's own name is kept when it differs)."""
    words, kinds = doc.words, doc.kinds
    surface = step.surface or ""
    if len(surface) != 1 or step.action != surface:
        return
    for j in range(s, e):
        if words[j] == surface:
            nxt = j + 1
            if words[nxt] in RESULT_COMPLEMENTS and len(words[nxt]) == 1 and (
                    nxt == e or kinds[nxt + 1] in ("P", "Q", "N", "M") or words[nxt + 1] in ("了", "点", "一点", "些")):
                step.action = step.surface = surface + words[nxt]
            return


def _compound_object(step: Step) -> None:
    """A two-character verb-object compound names its own object (离合词: 浸米, 髹漆, 上釉, 穿线,
    下缸, 运刀): the second character, when it heads a material or a tool and the first does not,
    is the step's material or tool where the clause named none. Only for crafts the spec does not
    describe in full (a described craft's actions carry their own defaults)."""
    surface = step.surface or ""
    if len(surface) != 2 or surface[0] in MATERIAL_HEADS or surface[0] in TOOL_HEADS:
        return
    obj = surface[1]
    if obj in INSTRUMENT_HEADS:
        slot = "material"  # 「按弦」「敲鼓」: a musical instrument or its string is what the hand plays
    elif obj in MATERIAL_HEADS and obj not in TOOL_HEADS:
        slot = "material"
    elif obj in TOOL_HEADS and obj not in MATERIAL_HEADS:
        slot = "tool"
    else:
        return
    if getattr(step, slot) is None and step.tool != obj and step.material != obj:
        setattr(step, slot, obj)


def _degree_start(doc: Doc, s: int, e: int) -> int:
    """Index of 到/得 opening a degree complement after the unit's first verb (「捶到不粘手」「熬得起泡」),
    or e + 1: the verbs after it say how far the action goes, they are not actions. 到 before a noun
    (「放到炉上」) is where, not how far."""
    words, kinds = doc.words, doc.kinds
    for j in range(s, e):
        if len(words[j]) == 2 and words[j][1] in DEGREE_MARKERS and kinds[j] in ("V", "T") \
                and kinds[j + 1] in ("V", "T", "C"):
            return j + 1  # 「熬到化开」 with 熬到 one word: what follows says how far
        if j == s:
            continue
        if words[j] in DEGREE_MARKERS and kinds[j - 1] in ("V", "T") and kinds[j + 1] in DEGREE_NEXT_KINDS \
                and words[j + 1] not in ("了",) and not (words[j] == "到" and "从" in words[s:j - 1]):
            # (「从小指到食指依次往外弹」: 从…到… is a range of where, not how far)
            for k in range(j + 1, e + 1):
                if kinds[k] in ("V", "T"):
                    return j
                if kinds[k] in ("N", "P", "Q", "L", "O"):
                    break
            return e + 1
    return e + 1


def _split_tool_word(doc: Doc, j: int, e: int):
    """After 拿/用: two single characters that jieba left apart and that end in a tool character
    (「拿毛刷从中间刷」 cut as 毛 / 刷) are one tool word, when something still follows in the clause.
    Returns (word, index after it) or (None, j)."""
    words, kinds = doc.words, doc.kinds
    if j + 2 <= e and len(words[j]) == 1 and len(words[j + 1]) == 1 and kinds[j] not in ("Q", "P", "H") \
            and kinds[j + 1] != "Q" and words[j + 1] in TOOL_HEADS and words[j] not in TOOL_HEADS \
            and words[j] not in COMPLEMENTS:
        return words[j] + words[j + 1], j + 2
    return None, j


def _lead_slot_word(doc: Doc, term_at: dict, j: int, e: int) -> bool:
    """Token j stands alone between a holding or using word and a verb (「拿大笔蘸」): a word of two
    characters or more that is no function word, quantity, term of another kind or verb itself."""
    words, kinds = doc.words, doc.kinds
    if j >= e or len(words[j]) < 2 or kinds[j] is not None or j in doc.quantities:
        return False
    w = words[j]
    if w in SKIP or w in COMPLEMENTS or w in NEGATIONS or w in MODALS or w in PREDICATE_ADVERBS \
            or w in DIRECTION_COMPOUNDS or w in MANNER_ADVERBS or w in STOP_NOUNS:
        return False
    tag = POS_TAGS.roles.get(w, "")
    if tag[:1] in ("v", "p", "c", "u", "r", "d", "q", "y", "e", "x") or tag == "mq":
        return False
    nxt = j + 1
    return kinds[nxt] == "V" or (kinds[nxt] == "T" and nxt in term_at and term_at[nxt].category == "action")


def _noun_phrase(doc: Doc, term_at: dict, j: int, e: int, body: bool = False):
    """The noun phrase starting at token j (up to three nouns, 「篾」「刀」 → 篾刀): (text, lexicon info or
    None, index after it); a single lexicon term gives its canonical name. With ``body``, a body part
    the lexicon knows is a noun too (what a verb takes: 「抓住对方的肩膀」), kept as said."""
    words, kinds = doc.words, doc.kinds
    while j <= e and kinds[j] not in ("T", "N") and (
            words[j] in COMPLEMENTS or (kinds[j] == "Q" and j < e) or (
                words[j] in DEMONSTRATIVES and j < e
                and (kinds[j + 1] in ("N", "T") or POS_TAGS.roles.get(words[j + 1], "")[:1] == "n")) or (kinds[j] is None and POS_TAGS.roles.get(words[j], "") in ("m", "mq") and j < e
                                        and words[j + 1] not in COMPLEMENTS
                                        and (kinds[j + 1] in ("N", "T") or POS_TAGS.roles.get(words[j + 1], "")[:1] == "n"))):
        j += 1  # 「拿一根鼓槌」「顶着一摞碗」: a numeral and classifier before the noun
    parts, infos, k = [], [], j
    while k <= e and len(parts) < 3:
        kind = kinds[k]
        info = term_at.get(k)
        if kind == "N" or (info is not None and (info.category in ("tool", "material") or (
                body and info.category == "body" and not parts))) or (
                kind is None and k < e and kinds[k + 1] == "N" and POS_TAGS.roles.get(words[k], "")[:1] == "n") or (
                kind is None and k == j and len(words[k]) >= 2 and POS_TAGS.roles.get(words[k], "") in UNKNOWN_NAME_TAGS):
            # 「马莲」「草」: a name jieba tags as a person or place, before a noun, is part of it;
            # where a noun stands (after 拿/把/a verb), such a name is the noun (「拿松明子扎」)
            # 「马莲」「草」: a name jieba tags as a person or place, before a noun, is part of it
            parts.append(words[k])
            infos.append(info)
            k += 1
            continue
        break
    if parts and k <= e and len(parts) < 3 and words[k] in SHAPE_SUFFIX and kinds[k] in (None, "N") \
            and (k == e or not (kinds[k + 1] == "N" or (
                k + 1 in term_at and term_at[k + 1].category in ("tool", "material")))):
        parts.append(words[k])  # 「银」「块」 → 银块: a shape suffix jieba left apart, right after its noun
        infos.append(None)
        k += 1
    while len(parts) > 1 and parts[-1] in LOCATIVE_SUFFIX:
        parts.pop()  # 「银窝里」 → 银窝
        infos.pop()
        k -= 1
    if not parts:
        return None, None, j
    if len(parts) == 1 and infos[0] is not None:
        if infos[0].category == "body":
            return parts[0], None, k
        return infos[0].canonical, infos[0], k
    return "".join(parts), None, k


def _placed_theme(spec: Spec, topic, spec_topic, ba_obj, lead_word, lead_tool, lead_info):
    """What a putting clause moves: the noun before the verb, what 把 names, or what is taken in hand
    (拿/握…, not 用: 「拿绸带斜挂在腰上」); None where that is a body part (「中指落在弦上」)."""
    for cand in (ba_obj, topic, spec_topic):
        if cand is not None:
            return None if _is_body(spec, cand[0]) else cand[0]
    if lead_tool is not None and lead_word not in INSTRUMENT_LEADS and not _is_body(spec, lead_tool):
        return lead_tool
    return None


def _mark_open_terms(doc: Doc, s: int, e: int, step: Step) -> None:
    """Open-vocabulary action, tool and material named in the unit (two characters or more) are
    terms too, so what the speaker named is listed even when the spec does not know it."""
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    wanted = {}
    for cat, value in (("action", step.action if step.open_action else None), ("tool", step.tool),
                       ("material", step.material)):
        if value and len(value) >= 2:
            wanted[value] = cat
    if not wanted:
        return
    for a in range(s, e + 1):
        if kinds[a] in ("T", "H", "Q", "P"):
            continue
        text = ""
        for b in range(a, min(e + 1, a + 3)):
            text += words[b]
            cat = wanted.pop(text, None)
            if cat is not None:
                step.open_terms.append((starts[a], starts[b + 1], cat))
                break
        if not wanted:
            return


def _bare_object(doc: Doc, j: int, e: int):
    """The one or two one-character words j..e closing a clause after its verb, as one noun, or None."""
    words, kinds = doc.words, doc.kinds
    if j > e or e - j > 1:
        return None
    chars = []
    for k in range(j, e + 1):
        w = words[k]
        if len(w) != 1 or kinds[k] not in (None, "N") or w in FILLERS or w in COMPLEMENTS or w in NEGATIONS \
                or w in PREDICATE_ADVERBS or w in LOCATIVES or w in DIRECTION_CHARS or w in RESULT_COMPLEMENTS \
                or w in MANNER_VERBS:
            return None
        chars.append(w)
    if not (any(c in MATERIAL_HEADS or c in TOOL_HEADS for c in chars) or POS_TAGS.roles.get(chars[-1], "") in BARE_OBJECT_TAGS):
        return None
    return "".join(chars)


def _made_thing(material, object_np) -> bool:
    """The material is the verb's object and names no stuff (花样, 架子, 字): a thing the action makes,
    which yields to stuff or a ground the clause names."""
    if object_np is None or material != object_np[0]:
        return False
    info = object_np[1]
    return not (_is_material_word(material) if info is None else info.category == "material")


def _named_in_place(doc: Doc, term_at: dict, a: int, e: int, canonical: str) -> bool:
    """The term ``canonical`` stands in tokens a..e after a place marker (在/往/到/从…) that comes first."""
    words, kinds = doc.words, doc.kinds
    marker = False
    for k in range(a, e + 1):
        if kinds[k] == "R" and words[k] in PLACE_MARKERS:
            marker = True
        elif kinds[k] in ("V", "O", "L"):
            return False
        elif marker and k in term_at and term_at[k].canonical == canonical:
            return True
    return False


def _topic_before_marker(doc: Doc, term_at: dict, s: int, e: int, b: int) -> bool:
    """Tokens s..e are a bare noun phrase (nouns and tool/material terms, up to three) opening a clause
    (after punctuation or at the start) and followed right away by a sequence marker at b (先/再…):
    the topic of the unit the marker opens, not a unit of its own."""
    words, kinds = doc.words, doc.kinds
    if b >= len(words) or kinds[b] != "M" or e - s > 2 or (s > 0 and kinds[s - 1] != "P"):
        return False
    return all(kinds[k] == "N" or (kinds[k] == "T" and k in term_at and term_at[k].category in ("tool", "material"))
               for k in range(s, e + 1))


def _open_read(spec: Spec, doc: Doc, term_at: dict, s: int, e: int, step: Step, action_idx,
               described: bool = False, cut: int | None = None, craft: str | None = None) -> None:
    """Open vocabulary: any verb can be the action, any noun a tool (after 用/拿/持/执/握…, or a noun
    whose head is a tool word) or a material (after 把/将, the verb's object, or the topic)."""
    words, kinds, qmap = doc.words, doc.kinds, doc.quantities
    POS_TAGS.roles = spec.pos_tags()
    verbs, lead_word, lead_tool, lead_info, ba_obj, topic, place = [], None, None, None, None, None, None
    spec_topic = None  # a tool the spec knows, named before any verb (「琵琶是横抱的」「艾条点着了」)
    has_object = False  # the verb has an object of its own after it
    after_relation = False
    result_np = None  # the noun after V成 (「切成小块」): the result, material only where nothing else is
    place_at = -1  # where the place phrase starts (after the verb: where the thing moved ends up)
    topic_at = -1
    body_topic = None
    object_np = None  # (noun, info) taken as the material because it is the verb's object
    lead_at = lead_end = -1  # where 拿/用 + its noun stand
    verb_obj = None  # the verb's own object when it names a thing, stuff or an implement (「擦银壶」「刮泥坯」)
    if cut is None:
        cut = _degree_start(doc, s, e)
    if not described and step.tool is not None:
        # 「腰鼓有34公分长,拿绸带斜挂在腰上」: a tool said in a clause of its own that states something of
        # it (有/是, a measure) is described there, not used by the later clause's verb
        bound = action_idx if action_idx is not None else e + 1
        for t in range(s, bound):
            if kinds[t] == "T" and t in term_at and term_at[t].canonical == step.tool:
                stop = next((j for j in range(t + 1, bound) if kinds[j] == "P"), None if action_idx is not None else bound)
                if stop is not None and t + 1 < stop and words[t + 1] in ("有", "是") \
                        and any(j in qmap for j in range(t + 2, stop)):
                    step.tool = None
                break
    i = s
    if not described and s > 1 and kinds[s - 1] == "M" and (kinds[s] in ("V", "C", "L") or s == action_idx):
        # 「锥子先扎个眼」「哨片先搁水里泡软」「麦秆先用水泡软」: a noun alone before the sequence marker is
        # this clause's topic
        k = s - 2
        while k >= 0 and k > s - 5 and kinds[k] in ("N", "T"):
            k -= 1
        if k + 1 < s - 1 and _topic_before_marker(doc, term_at, k + 1, s - 2, s - 1):
            np, info, _ = _noun_phrase(doc, term_at, k + 1, s - 2)
            if np is not None:
                topic, topic_at = (np, info), k + 1
                if step.tool == np and not _is_tool_word(np):
                    step.tool = None
    if s > 0 and kinds[s - 1] == "O":
        # 「把竹篾泡进…」: the unit was trimmed after 把; what it names is what is worked
        np, info, nxt = _noun_phrase(doc, term_at, s, e)
        if np is None and s < e and kinds[s] == "T" and s in term_at \
                and term_at[s].category not in ("action", "tool", "material", "body"):
            # 「右手一甩,把水袖抖开」: what 把 names is a thing, whatever kind of term it is (never the
            # subject: the hand said before goes on)
            np, info, nxt = words[s], None, s + 1
        if np is not None:
            ba_obj = (np, info)
            if step.material is not None and step.material != np and not described \
                    and _named_in_place(doc, term_at, nxt, e, step.material) \
                    and not any(words[k][:1] in LOAD_VERBS for k in range(nxt, e + 1)):
                # 「把刷子在清水里涮一涮」: the water named in the place is where (a medium), what 把 names
                # is what is worked (not where it loads a tool: 「把毛笔往墨汁里一蘸」)
                if step.tool in (None, np):
                    step.tool = step.material
                step.material = None
            if step.material is None and not described:
                step.material = np
                if step.tool == np:
                    step.tool = None
            i = nxt
    while i <= e:
        k = kinds[i]
        w = words[i]
        if (k == "L" or w in TOOL_LEAD) and k != "V":
            np, info, nxt = _noun_phrase(doc, term_at, i + 1, e)
            if np is None or (len(np) == 1 and nxt == i + 2):
                joined, after = _split_tool_word(doc, i + 1, e)
                if joined is not None:
                    np, info, nxt = joined, None, after
            if np is None and _lead_slot_word(doc, term_at, i + 1, e):
                # 「拿大笔蘸白粉」: a word jieba tags as something else, between 拿/用 and the verb, is
                # what is taken in hand (its tag says nothing of what it is here)
                np, info, nxt = words[i + 1], None, i + 2
            if np is not None:
                if nxt + 1 <= e and words[nxt] == "的" and words[nxt + 1] in PART_WORDS:
                    nxt += 2  # 「握一根竹竿的头」: where the thing is taken, no topic of its own
                lead_word = lead_word or w
                if lead_tool is None:
                    lead_tool, lead_info, lead_at, lead_end = np, info, i, nxt
                i = nxt
                continue
        elif k == "O":
            np, info, nxt = _noun_phrase(doc, term_at, i + 1, e)
            if np is None and i + 1 < e and kinds[i + 1] == "T" and i + 1 in term_at \
                    and term_at[i + 1].category not in ("action", "tool", "material", "body"):
                # 「拿毛巾把影人捂一会儿」: what 把 names is a thing, whatever kind of term it is
                np, info, nxt = words[i + 1], None, i + 2
            elif np is None and i + 1 < e and kinds[i + 1] is None and len(words[i + 1]) == 1 \
                    and words[i + 1] not in COMPLEMENTS and words[i + 1] not in FILLERS \
                    and words[i + 1] not in NEGATIONS and kinds[i + 2] in ("V", "T") \
                    and POS_TAGS.roles.get(words[i + 1], "x")[:1] not in FUNCTION_TAGS.difference("rd"):
                # 「拿木槌把边敲平」「拿熨斗把它烫平」: one character between 把 and the verb is what is worked
                # (它 stands for what the step before worked: ``_carry_dropped_object``)
                np, info, nxt = words[i + 1], None, i + 2
            if np is not None and not described and lead_tool is not None and step.material is not None \
                    and step.material in (lead_tool, lead_info.canonical if lead_info is not None else lead_tool):
                # 「拿布把壶身擦亮」: where 把 names what is worked, what 拿/用 named is what with
                step.material = None
                if step.tool is None:
                    step.tool = lead_tool
            if np is not None and step.material is None and not described:
                step.material = np  # 「把竹篾泡进石灰水里」: what 把 names is what is worked
                if step.tool == np and lead_tool is not None:
                    step.tool = None  # 「拿手帕把扇子一盖」: the thing 把 names is not what with
            if np is not None:
                ba_obj = ba_obj or (np, info)
                i = nxt
                continue
        elif k == "R":
            after_relation = True  # 「在绣地上」「往里」: where, not what
            if place is None and w in PLACE_MARKERS:
                np, info, nxt = _noun_phrase(doc, term_at, i + 1, e)
                if np is not None:
                    place = (np, info, nxt <= e and words[nxt] in INSIDE)
                    place_at = i
                    i = nxt
                    continue
        elif k == "V" or (k == "C" and not described) or (k == "T" and i != action_idx and spec.pos_tags().get(w, "")[:1] == "v"
                          and (i not in term_at or term_at[i].category == "action")):
            if k == "C" and i > s and (kinds[i - 1] in ("V", "L") or (
                    kinds[i - 1] == "T" and spec.pos_tags().get(words[i - 1], "")[:1] == "v")):
                pass  # 「拿出来」「捞出来」: the direction of the verb before it, no action of its own
            elif not (i > s and words[i - 1] in NEGATIONS) and i < cut:  # 「剪刀不动」 is no action
                verbs.append(i)
            after_relation = False
        elif k == "T" and not verbs and topic is None and spec_topic is None and not after_relation \
                and (action_idx is None or i < action_idx) and i in term_at and term_at[i].category == "tool":
            spec_topic = (term_at[i].canonical, term_at[i])
        elif k == "N" and i in doc.roles:
            step.subject = True  # 「上手弹三弦」: who does it, not what is worked
            step.role = step.role or w
        elif (k == "N" or (k is None and i == s and len(w) >= 2 and POS_TAGS.roles.get(w, "") in UNKNOWN_NAME_TAGS
                           and i < e and kinds[i + 1] in ("V", "T", "C"))
              or (k == "T" and not described and i == s and i < e and kinds[i + 1] == "V" and i in term_at
                  and term_at[i].category not in ("action", "tool", "material", "body")
                  and POS_TAGS.roles.get(w, "")[:1] == "n")) \
                and not verbs and topic is None and not after_relation:
            # (a name jieba tags as a person or place opening the clause before its verb is a noun:
            # 「壶盖/ns 盖上去」; so is a term the lexicon lists as a technique's word: 「水袖搭在手腕上」)
            np, info, nxt = _noun_phrase(doc, term_at, i, e)
            if np is None and k == "T":
                np, info, nxt = w, None, i + 1
            if np is not None and nxt <= e and words[nxt] == "的" and (action_idx is None or i < action_idx):
                # 「影人的脖签往上提」: N的N2 as the topic names N2; 「舞狮头的两只手」「上场的时候」: N的
                # before a hand or a time is a modifier, no topic
                np2, info2, nxt2 = _noun_phrase(doc, term_at, nxt + 1, e)
                if np2 is None:
                    i = nxt + 1
                    continue
                np, info, nxt = np2, info2, nxt2
            if np is not None:
                topic = (np, info)
                topic_at = i
                step.subject = step.subject or action_idx is None or i < action_idx
                i = nxt
                continue
        elif k == "P":
            pass
        elif body_topic is None and not verbs and (k == "H" or (
                k == "T" and i in term_at and term_at[i].category == "body")) \
                and (action_idx is None or i < action_idx) and not HAND_CHARS.intersection(w):
            body_topic = w  # 「两肘往下沉」「腰往后弯」: a limb (not a hand) named before the verb
        i += 1
    general = step.general_action or step.action is None
    if step.action is not None and step.surface in TOOL_LEAD and verbs:
        general = True  # 「拿起錾子轻轻敲」: the holding verb is how, the later verb is what
    chosen = None
    if general and verbs and (action_idx is None or step.surface in TOOL_LEAD or step.action is None):
        cands = [v for v in verbs if not (v + 1 <= e and words[v + 1] == "着" and v != verbs[-1])
                 and not _adverbial_verb(doc, v, e)]
        chosen = cands[0] if cands else verbs[0]
        surface = words[chosen]
        nxt = chosen + 1
        if len(surface) == 1 and nxt <= e and len(words[nxt]) == 1 and kinds[nxt] in ("N", "V") \
                and words[nxt] not in COMPLEMENTS:
            surface += words[nxt]  # 「拉」「坯」 → 拉坯
            nxt += 1
        elif len(surface) == 1 and nxt <= e and words[nxt] in RESULT_COMPLEMENTS and (
                nxt == e or kinds[nxt + 1] in ("P", "Q", "N", "M") or words[nxt + 1] in ("了", "点", "一点", "些")):
            surface += words[nxt]  # 「放」「平」 → 放平: the result is part of the action said
            nxt += 1
        if len(surface) == 2 and surface[1] in FUNCTION_COMPLEMENTS and surface not in spec.terms:
            surface = surface[0]  # 「熬到」 → 熬 (a result complement stays: 分开, 压干, 揭起)
        if len(surface) == 3 and surface[1] == "一" and surface[0] == surface[2]:
            surface = surface[0]  # 「松一松」「试一试」 → 松, 试
        if len(surface) == 2 and surface[0] == "一" and (surface[1] in CONTEXT_HAND_VERBS or spec.pos_tags().get(
                surface[1], "")[:1] == "v"):
            surface = surface[1]  # 「一晃」 → 晃
        if len(surface) > 2 and surface[0] in "往向朝" and surface[1] in "上下里外前后":
            surface = surface[2:]  # 「往下走」 → 走
        step.action, step.surface, step.general_action = surface, surface, True
        step.open_action = True
        action_idx = chosen
    if action_idx is not None and not described and step.action is not None:
        # the verb's object: 「蘸了墨汁」 → material; 「倒进钢槽」 → where (a vessel is a tool)
        nxt = action_idx + 1
        verb = words[action_idx]
        into = verb[-1:] in "进到在入" or verb in DIRECTION_VERBS or (
            nxt <= e and words[nxt] in ("进", "到", "在", "入", "进去"))
        np, info, after = _noun_phrase(doc, term_at, nxt, e, body=True)
        if nxt + 1 <= e and words[nxt] in ("好", "完") and words[nxt + 1] == "了":
            np = None  # 「劈好了上机」: after V好了 the clause goes on with a new predicate
        r = nxt
        while r <= e and kinds[r] == "Q":
            r += 1  # 「迈一步成弓步」
        if np is not None and (verb[-1:] == "成" or (r <= e and words[r] == "成")):
            # 「馅切成小块」「银子化成水」: what follows 成 is the result, not what is worked (it is
            # only where the clause names nothing else: 「捣成浆」)
            if step.material == (info.canonical if info is not None else np):
                step.material = None
            result_np, np = np, None
        if np is None:
            j = nxt
            while j < e and words[j] in COMPLEMENTS:
                j += 1
            if j + 2 <= e and words[j] in PERSON_PRONOUNS and words[j + 1] == "的":
                # 「托住他的胳膊肘」: a person's 的 before the object names whose; the object is worked
                np, info, after = _noun_phrase(doc, term_at, j + 2, e, body=True)
                if np is None:
                    after = nxt
            if np is not None:
                pass
            elif j + 1 < e and kinds[j] in ("T", "N") and words[j + 1] == "的" and (
                    j not in term_at or term_at[j].category != "action"):
                np, info, after = words[j], None, j + 1  # 「提着影人的脖签」: a term of any kind before 的
            elif _bare_object(doc, j, e) is not None and j > action_idx:
                # 「蘸了料」「下黄丹」「敲鼓边」: one-character words jieba left untagged as nouns, closing the
                # clause right after the verb, are its object when a character heads a tool or a material
                # or jieba tags the last one a noun morpheme
                np, info, after = _bare_object(doc, j, e), None, e + 1
            elif j <= e + 1 and j < len(words) and words[j] == "地" and j > action_idx \
                    and (j + 1 >= len(words) or kinds[j + 1] == "P"):
                # 地 closing the clause after the verb is the ground (the particle 地 stands before a
                # verb): 「手撑住地」
                np, info, after = "地", None, j + 1
        if np is not None and after < e and words[after] == "的":
            # 「抓住对方的肩膀」「拍这头的鼓面」: N1的N2 names N2 (what N1 has)
            np2, info2, after2 = _noun_phrase(doc, term_at, after + 1, e, body=True)
            if np2 is None and after + 1 <= e and words[after + 1] in PART_WORDS:
                after = after + 2  # 「握一根竹竿的头」「捏住丝线的一头」: a part of N1 names where N1 is taken
            elif np2 is not None and np2 in PART_WORDS:
                after = after2
            elif np2 is not None:
                if step.tool is not None and step.tool == np and lead_tool != np:
                    step.tool = None  # 「调好二胡的弦」: whose string it is, not what with
                if topic is not None and topic_at > action_idx and topic[0] == np2:
                    topic = None  # (N2 after the verb is its object, no topic: 「托着琵琶的琴头」)
                np, info, after = np2, info2, after2
        has_object = np is not None
        if np is not None:
            tool_like = _is_tool_word(np) if info is None else info.category == "tool"
            if after <= e and words[after] in LOCATIVES:
                into = True  # 「放石臼里」「搁锅里」: a noun with a locative after it is where
            if into:
                if place is None:
                    place = (np, info, after <= e and words[after] in INSIDE)
                    place_at = nxt
            elif info is not None and info.category == "tool" and verb[:1] in STRIKE_VERBS and lead_tool is None \
                    and step.tool in (None, np) and _head(np) not in INSTRUMENT_HEADS and not _all_stuff(np):
                # 「拍一下醒木」「磕两下梆子」: a clapper or block the lexicon lists as a tool, struck down or
                # together, is what the striking is done with (a drum or gong struck is what is played)
                step.tool = np
            elif tool_like and _is_tool_word(np) and (verb in TOOL_LEAD or verb[:1] in WIELD_VERBS):
                # (a thing the spec lists as a tool but whose name does not say so is held up as
                # what is worked: 「举着龙灯」)
                if step.tool is None:
                    step.tool = np  # 「抡锤」「推刀」: the verb moves the tool it names
            elif step.material is None:
                # 「抱琵琶」「搅车盘」「顶碗」: what any other verb takes as its object is what is worked,
                # even a thing that is elsewhere a tool (unless 拿/用… named it as what with)
                step.material = np
                object_np = (np, info)
                if step.tool == np and lead_tool != np:
                    step.tool = None
            if not into and nxt <= e and kinds[nxt] != "Q" and POS_TAGS.roles.get(words[nxt], "") not in ("m", "mq", "q") \
                    and words[nxt] not in ("个", "一个") and (
                        (info is None and (_is_material_word(np) or _is_tool_word(np)))
                        or (info is not None and info.category in ("material", "tool"))):
                verb_obj = (np, info)  # a thing there before the verb (no 个: 「扎个架子」 makes one)
    elif chosen is not None and step.material is None:
        np, info, _ = _noun_phrase(doc, term_at, chosen + 1, e)
        if np is not None and not _is_tool_word(np) and not (info is not None and info.category == "tool"):
            step.material = np
    elif step.action is None and lead_word is not None and lead_word not in INSTRUMENT_LEADS:
        step.action, step.surface, step.general_action = lead_word, lead_word, True  # 「右手持刀」
    if not described and lead_tool is not None and action_idx is not None and action_idx < lead_at \
            and lead_end > e and e + 1 < len(words) and kinds[e + 1] == "O" \
            and not any(v > lead_at for v in verbs):
        # 「拉完了拿线把坯子割下来」: 拿X closing a unit cut before 把 is what the next unit's verb works with
        step.forward_lead = lead_tool
        for slot in ("tool", "material"):
            if getattr(step, slot) in (lead_tool, lead_info.canonical if lead_info is not None else lead_tool):
                setattr(step, slot, None)
        lead_tool = lead_info = lead_word = None
    if step.action is None:
        if not described and lead_tool is not None and lead_word in INSTRUMENT_LEADS and not verbs \
                and topic is None and ba_obj is None and step.hand is None:
            # 「龙头嘛,用樟木,手工雕」: 用X said alone is what the next clause's verb works with
            step.lead_only = True
            if (lead_info is None and _is_material_word(lead_tool) and not _is_tool_word(lead_tool)) or (
                    lead_info is not None and lead_info.category == "material"):
                step.material, step.tool = step.material or lead_tool, None
            elif step.tool is None:
                step.tool = lead_tool
        return
    if not described and lead_info is not None and lead_info.category == "tool" and craft not in lead_info.crafts \
            and "general" not in lead_info.crafts and _head(lead_tool) in RAW_STUFF_HEADS \
            and _all_stuff(lead_tool):
        # 「拿竹篾编个筐」「拿木炭埋住」: wood, cane, plant stuff and fuel another craft's lexicon lists as
        # a tool is stuff here (a head like 纸 in 水砂纸 does not outrank the lexicon); only a name that is
        # stuff through and through: 醒木, a block named by its use, stays the tool the lexicon says
        lead_info = None
    if lead_tool is not None and ((lead_info is None and _is_material_word(lead_tool) and not _is_tool_word(lead_tool))
                                  or (lead_info is not None and lead_info.category == "material")) \
            and not (ba_obj is not None and step.material is not None and step.material != lead_tool
                     and lead_info is None and _head(lead_tool) not in CONSUMED_HEADS) \
            and not (verb_obj is not None and verb_obj[0] != lead_tool and _head(lead_tool) not in CONSUMED_HEADS
                     and _head(lead_tool) not in MEDIUM_HEADS and action_idx is not None and action_idx > lead_at
                     and words[action_idx][:1] not in BIND_VERBS and words[action_idx][:1] not in ATTACH_VERBS) \
            and not (lead_info is None and _head(lead_tool) not in CONSUMED_HEADS and place is not None
                     and not place[2] and lead_at < place_at < (action_idx if action_idx is not None else -1)
                     and words[action_idx][:1] not in BIND_VERBS and words[action_idx][:1] not in ATTACH_VERBS):
        # (「用绒布把银镯擦亮」: where 把 names what is worked, a solid thing taken in hand — cloth, paper,
        # wood — is what works it, a tool; stuff that is used up, 「用胶水把…粘上」, stays material; so is
        # one brought to a ground the clause names before the verb, 「用烙铁在葫芦上烫出花纹」, unless the verb
        # binds or sticks it there: 「拿麻绳在架子上绕三圈」)
        if step.material is None and topic is not None and topic_at < lead_at and not has_object \
                and _head(lead_tool) in MEDIUM_HEADS and not _is_tool_word(topic[0]) \
                and not _is_body(spec, topic[0]) and not (topic[1] is not None and topic[1].category == "tool"):
            # 「麦秆先用水泡软」「豆腐用油炸」: the thing named before 用 + a medium it is treated in is what is
            # worked; the medium is what with
            step.material, topic = topic[0], None
            if step.tool is None:
                step.tool = lead_tool
        elif step.material is None or _made_thing(step.material, object_np):
            # 「用深色线绣」: what is used up is material (「拿高粱秆扎个架子」: the frame is what is made)
            step.material = lead_tool
        if step.tool == lead_tool and step.material == lead_tool:
            step.tool = None
        lead_tool = None
    if lead_tool is not None and not verbs and lead_info is None and not _is_tool_word(lead_tool) \
            and step.surface == lead_word and lead_word not in INSTRUMENT_LEADS:
        # 「握着把子」「捏着签子」: holding is the whole action, so what is held is what it works on
        # (a tool-headed thing stays the tool: 「各拿一根鼓槌」)
        if step.material is None or step.material == lead_tool:
            step.material = lead_tool
            lead_tool = None
    if step.tool is None and lead_tool is not None:
        step.tool = lead_tool
        if step.material == lead_tool:
            step.material = None  # 「用白芨浆粘」: what is used is not what is worked
            if verb_obj is not None and verb_obj[0] != lead_tool:
                step.material = verb_obj[0]  # 「拿竹片刮泥坯」: the verb's own object is
                if step.tool == step.material:
                    step.tool = None
    if step.material is None and ba_obj is not None and chosen is not None:
        step.material = ba_obj[0]
    dest = place if place is not None and action_idx is not None and place_at > action_idx else None
    if dest is None and place is None and action_idx is not None and not described:
        for j in range(action_idx + 1, min(e, action_idx + 3)):
            if words[j] in ("在", "到") and _is_body(spec, words[j + 1], True):
                dest = (words[j + 1], None, False)  # 「挂在肩上」「背在身后」: one word, body + locative
                break
    if dest is not None and not described:
        # 「银窝放到炉上」「放酒精灯上烤」: a place after the verb is where something is put: a support or a
        # vessel, a tool, when the verb is a putting verb or a thing is named as what moves there
        np, info, inside = dest
        body_place = _is_body(spec, np, True)
        put = words[action_idx][:1] in PUT_VERBS
        theme = _placed_theme(spec, topic if topic_at < action_idx else None, spec_topic, ba_obj, lead_word,
                              lead_tool, lead_info)
        if theme is not None and not put and _is_tool_word(theme):
            theme = None  # 「针扎在布上」: an instrument that goes somewhere is still what with
        if theme is not None and step.material in (None, np):
            # the thing named before the verb (or taken in hand) is what is put: it is worked
            # even when it is an instrument elsewhere (「长鼓斜挎在身前」「哨片搁水里」)
            step.material = theme
            if step.tool == theme:
                step.tool = None
            if lead_tool == theme:
                lead_tool = None
            topic = None
        if (theme is not None or put) and step.tool is None and not body_place \
                and (info is None or info.category == "tool") and np != step.material:
            step.tool = np
        if body_place:
            place = None  # 「长鼓斜挎在身前」「挂在腰上」: a body part as the place is a position
    elif place is not None and not described and _is_body(spec, place[0]):
        place = None
    if place is not None and not described and not place[2] and _head(place[0]) in INSTRUMENT_HEADS \
            and step.material is None:
        step.material, place = place[0], None  # 「中指落在弦上」: the string or drum played there is worked
        if step.tool == step.material:
            step.tool = None
    if place is not None and not described:
        np, info, inside = place
        if (info is not None and info.category == "tool") or (info is None and (_is_tool_word(np) or inside)):
            if step.tool is None:
                step.tool = np  # 「糖块搁锅里」「银料搁银窝里」: the vessel (what a thing is put inside)
        elif info is None and (step.material is None or (
                place_at < (action_idx if action_idx is not None else 0) and _made_thing(step.material, object_np))) \
                and not (dest is not None and action_idx is not None and place_at > action_idx
                         and (words[place_at] in ("在", "到") or words[action_idx][-1:] in ("在", "到"))
                         and words[action_idx][:1] not in MAKING_VERBS):
            # 「在塑料布上画(花样)」: the ground worked on (the pattern is what is made); where the thing
            # ends up after a verb that makes nothing there (「夹在指头缝里」「绷在框上」) is a place, a support
            step.material = np
        elif dest is not None and step.material is None and place_at > (action_idx if action_idx is not None else e):
            step.put_at = np
    if topic is not None and not described and step.material is None and HAND_CHARS.intersection(topic[0]) \
            and _is_body(spec, topic[0]):
        topic = None  # 「手撑住…」: the hand is who acts, never what is worked
    if topic is not None and not described and step.material is None and info_is_person(topic):
        topic = None  # 「师傅拿起刨子推」「老师傅拿刀刻」: who works, never what is worked
    if topic is not None and not described and step.material is None:
        np, info = topic
        if not _is_tool_word(np) and not (info is not None and info.category != "material"):
            step.material = np  # 「银料搁银窝里」「米泡透了」: the topic is what is worked
            topic = None
    if result_np is not None and step.material is None and topic is None and spec_topic is None:
        step.material = result_np
    if body_topic is not None and not described and step.material is None and topic is None and not has_object \
            and ba_obj is None and lead_word is None:
        # 「两条胳膊往前平举」「两肘往下沉」: with no object, the limb named before the verb is what moves
        step.material = body_topic
    if not described:
        _mark_open_terms(doc, s, e, step)
    if not described and step.material is None and not has_object and ba_obj is None and lead_word is None \
            and not any(words[j] in MOTION_WORDS or words[j][:1] in "往朝向" for j in range(s, e + 1)):
        # 「琵琶是横抱的」「艾条点着了」「勾牌挂在左手上」: a thing named before a verb that takes no
        # object of its own and moves nothing along a path is what the verb works on, not what with
        # (「刮痧板蘸点油」 has its object, 「刀斜着往里进」 a path: the thing is the tool there)
        # (only a thing whose name does not say tool: 槌, 刀, 针 are instruments by their head)
        held = topic if topic is not None and topic[1] is not None else spec_topic
        if held is not None and step.tool in (None, held[0]) and not _is_tool_word(held[0]):
            step.material, step.tool = held[0], None
            topic = None
        changed = topic if topic is not None and topic_at < (action_idx if action_idx is not None else e + 1) \
            else spec_topic
        if changed is not None and step.material is None and step.tool in (None, changed[0]) \
                and ((len(step.surface or "") >= 2 and step.surface[-1] in STATE_RESULTS) or (
                    action_idx is not None and action_idx < e and words[action_idx + 1] in STATE_RESULTS)):
            # 「锅烧热」「刀磨快了」: a verb with a result of state and no object changes the thing named
            # before it, which is then what is worked, even an instrument
            step.material, step.tool = changed[0], None
            topic = None
    if topic is not None:
        np, info = topic
        if (info is not None and info.category == "tool") or (info is None and _is_tool_word(np)):
            if step.tool is None and (chosen is not None or not described):
                step.tool = np  # 「刀斜着往里进」「刮痧板蘸点油」
        elif step.material is None and chosen is not None and info is not None and info.category == "material":
            step.material = np  # 「糖稀熬到…」 (a material the spec knows, before a verb read here)


def info_is_person(topic) -> bool:
    """A topic naming a person (师傅, 老师傅, 手艺人, 演员, 他): who acts, not a thing; not a figure made
    of some stuff (泥人, 面人, 糖人) nor anything the lexicon knows."""
    np, info = topic
    if info is not None:
        return False
    core = np[1:] if len(np) > 2 and np[0] in "老小" else np
    if core in PERSON_PRONOUNS or core in ("师傅", "师父", "徒弟", "学徒", "老师", "人家", "大家"):
        return True
    return len(np) >= 2 and np[-1] in AGENT_NOUN_SUFFIX and np[-1] != "家" and np[0] not in MATERIAL_HEADS


def _adverbial_verb(doc: Doc, v: int, e: int) -> bool:
    """「槌子交替敲鼓面」「轮流踩」: a two-character verb right before a one-character hand verb (with
    nothing between them, no result or direction of its own) says how that verb is done."""
    words, kinds = doc.words, doc.kinds
    w = words[v]
    return len(w) == 2 and v + 1 <= e and kinds[v + 1] in ("V", "T") and len(words[v + 1]) == 1 \
        and words[v + 1] in CONTEXT_HAND_VERBS and w[1] not in RESULT_COMPLEMENTS \
        and w[1] not in FUNCTION_COMPLEMENTS and w[1] not in DIRECTION_CHARS and w[0] not in CONTEXT_HAND_VERBS


def _relation(spec, doc: Doc, term_at: dict, markers: list, e: int, action_idx) -> tuple[int, int] | None:
    words, qmap = doc.words, doc.quantities
    for i in markers:
        w = words[i]
        stop = e + 1
        if action_idx is not None and action_idx > i:
            stop = action_idx
        stop = min(stop, i + 8)
        end = None
        for j in range(i + 1, stop):
            info = term_at.get(j)
            if info is not None and info.category == "action":
                break
            if j in qmap or words[j] in spec.vague or words[j] in spec.manner:
                break
            if words[j] in FILLERS and end is None:
                continue
            end = j
            if w in ("在", "由") and words[j] in RELATION_END:
                break
        if end is None:
            continue
        if w in ("在", "由") and words[end] not in RELATION_END:
            continue
        return (i, end)
    return None


def _after_verb(q: Step, norm: str) -> bool:
    """The step's material is said after its verb (「打鼓面」), not before it as what moves (「纸动」)."""
    said = norm[max(q.start, 0):q.end]
    v = said.find(q.surface or "\x00")
    m = said.find(q.material or "\x00")
    return 0 <= v < m


def _held_in_clause(p: Step, norm: str) -> bool:
    """The step's tool is taken in hand in its own clause (拿/握/用… or a wielding verb right before it)."""
    said = norm[max(p.start, 0):p.end]
    at = said.find(p.tool)
    while at >= 0:
        if _HOLD_BEFORE.search(said[:at]) or _OPENING.fullmatch(said[:at]):
            return True  # (or the tool opens the clause: 「刻刀斜着往里一推,再往上一挑」)
        at = said.find(p.tool, at + 1)
    return False


def _carry_held_tool(steps: list[Step], norm: str = "", spec: Spec | None = None) -> None:
    """「两只手各拿一根鼓槌,一分钟擂个一百来下」: what a step takes in hand (拿/握/持 + tool) is
    what the next step works with, in the same hand, unless that step names its own tool or hand.

    「拿起刻刀,先冲一刀,再切」「拿鞭头往左肩上一磕,再往右脚后跟一碰」: a tool taken in hand stays in
    hand over the following steps of the same sentence, until a step names its own tool (replaced), a
    subject of its own or another hand, puts something down (放/搁/放下…), or works the tool itself;
    stuff that is used up or a medium (「用水泡软,再晒干」) is not held."""
    for p, q in zip(steps, steps[1:]):
        held = p.tool or p.material
        if norm and held and p.surface in TOOL_LEAD and p.surface not in INSTRUMENT_LEADS and q.put_at \
                and q.material is None and q.tool in (None, held) and not q.subject and not q.role \
                and q.hand in (None, p.hand) and p.end >= 0 and q.start >= p.end \
                and not any(ch in SENTENCE_ENDS for ch in norm[p.end:q.start]):
            # 「左手拿两块铜板,夹在指头缝里」: what is taken up, then put somewhere by a verb with no object
            # of its own, is what that verb puts there (the place is a support, not what is worked)
            q.material, q.tool = held, None
            continue
        if spec is not None and norm and p.surface in TOOL_LEAD and p.surface not in INSTRUMENT_LEADS \
                and p.tool is None and p.material and q.tool is None and q.material is None \
                and q.relation is not None and not q.subject and not q.role and q.hand in (None, p.hand) \
                and (q.surface or "")[:1] not in PUT_VERBS and (q.surface or "")[:1] not in ATTACH_VERBS \
                and q.surface not in TOOL_LEAD and p.end >= 0 and q.start >= p.end \
                and not any(ch in SENTENCE_ENDS for ch in norm[p.end:q.start]) \
                and _head(p.material) not in CONSUMED_HEADS and _head(p.material) not in MEDIUM_HEADS \
                and not _is_body(spec, p.material) \
                and not (p.material in spec.terms and spec.terms[p.material].category != "tool"):
            # 「拿起烙铁,顺着线慢慢烫」: a thing taken up alone, then a verb that names nothing of its own
            # but where it goes (顺着/往/在…), is what that verb works with, whatever its name's head
            # (not stuff that is used up, nor a thing the lexicon calls a material, nor one put or stuck
            # somewhere: 「拿起一张纸,往墙上一贴」)
            p.tool, p.material = p.material, None
        if (p.surface in TOOL_LEAD or p.action in TOOL_LEAD) and p.tool and q.tool is None \
                and (q.hand is None or q.hand == p.hand) and q.material != p.tool:
            q.tool = p.tool
            if q.hand is None:
                q.hand = p.hand
    if not norm:
        return
    n = 0
    while n < len(steps) - 1:
        p = steps[n]
        n += 1
        if not p.tool or p.end < 0 or _head(p.tool) in CONSUMED_HEADS or _head(p.tool) in MEDIUM_HEADS \
                or not _held_in_clause(p, norm):
            continue
        last = p
        worked = p.material  # the thing worked with the tool so far
        for q in steps[n:]:
            if q.start < last.end or any(ch in SENTENCE_ENDS for ch in norm[last.end:q.start]) \
                    or q.subject or q.role or (q.hand is not None and q.hand != p.hand) \
                    or (q.surface or "")[:1] in PUT_VERBS or (q.surface or "") in TOOL_LEAD or q.material == p.tool \
                    or (q.surface or "")[:1] in SPEECH_VERBS:
                break  # another subject or hand, a thing put down or taken up, words said or sung: the
                # tool is no longer what the step works with
            if re.search(re.escape(p.tool) + "(?:" + "|".join(NEGATIONS) + ")", norm[max(last.start, 0):q.end]):
                break  # 「剪刀不动纸动」: the tool is said to stay still, what moves is the other thing
            if (q.tool is not None and q.tool != p.tool) or _LEAD_IN.search(norm[q.start:q.end]):
                break  # replaced (「最后用筘打紧」: a tool taken in the step's own clause, named or not)
            if q.material is not None and q.material != (worked or last.material) \
                    and not (last is p and ((p.surface or "")[:1] in LOAD_VERBS or p.surface in TOOL_LEAD)) \
                    and not (worked is None and (q.surface or "")[:1] not in ATTACH_VERBS
                             and (q.surface or "")[:1] not in BIND_VERBS and _after_verb(q, norm)):
                break  # 「…,把春联对齐了按上去」: another thing worked, by hand (a tool just taken up or
                # loaded by 蘸 is used by the next step on its own thing: 「拿起錾子,先划线」; so is one that
                # has worked nothing named yet: 「右手的槌从腰后头绕过来打鼓面」)
            q.tool = p.tool
            last = q
            worked = worked or q.material


def _hand_of_held_tool(steps: list[Step]) -> None:
    """「右手拿锤,左手拿錾,锤子往錾子上敲」: a step with no hand of its own that works with a tool a hand
    took up before (拿/握/持… + the tool, the same name or one the other begins) is done by the hand
    that holds it, not by the hand named last (the hand that holds vs the hand that acts)."""
    held: list[tuple[str, str]] = []  # (tool, hand) taken in hand so far, latest last
    for q in steps:
        if q.hand is None and q.tool and held and not (q.surface in TOOL_LEAD or q.action in TOOL_LEAD):
            for tool, hand in reversed(held):
                if q.tool.startswith(tool) or tool.startswith(q.tool):
                    q.hand = hand
                    break
        if (q.surface in TOOL_LEAD or q.action in TOOL_LEAD) and q.tool and q.hand:
            held = [(t, h) for t, h in held if t != q.tool and h != q.hand] + [(q.tool, q.hand)]


def _carry_worn_tool(steps: list[Step], norm: str) -> None:
    """「右手戴上指甲拨」「戴好顶针再缝」: what a step puts on the hand (戴) is what the next step of the same
    hand works with, in the same sentence, unless that step names its own tool."""
    for p, q in zip(steps, steps[1:]):
        if (p.surface in WEAR_VERBS or p.action in WEAR_VERBS) and p.material and q.tool is None \
                and q.material != p.material and (q.hand is None or p.hand is None or q.hand == p.hand) \
                and p.end >= 0 and q.start >= p.end and not any(ch in SENTENCE_ENDS for ch in norm[p.end:q.start]):
            q.tool = p.material


def _carry_serial_roles(steps: list[Step], norm: str) -> None:
    """Two roles a step hands on to the next one (crafts not described in full):

    * 「竹条放火上烤」「哨片搁水里泡」: a putting step followed right away, with no pause, by a verb that
      names nothing of its own: that verb works the thing put, with the place (fire, vessel) as its tool;
    * 「刀磨快了再切」: an instrument brought to a state (热/红/快…) is what the next step of the same
      sentence works with, when that step names nothing of its own (「大锅烧热,再下糖」: the pot is where)."""
    for p, q in zip(steps, steps[1:]):
        if p.end < 0 or q.start < p.end or not p.material or q.tool or q.material == p.material:
            continue
        between = norm[p.end:q.start]
        if not q.material and (p.surface or "")[:1] in PUT_VERBS and not between.strip() and q.hand in (None, p.hand):
            q.material = p.material
            if (q.surface or "")[:1] in TREAT_VERBS:
                q.tool = p.tool  # (the fire, the vessel; a support is not what 「搁在石板上捶」 beats with)
        elif p.tool is None and p.surface and not q.material and _is_tool_word(p.material) \
                and not any(ch in SENTENCE_ENDS for ch in between):
            said = norm[max(p.start, 0):p.end]
            at = said.find(p.surface)
            result = p.surface[-1] if len(p.surface) >= 2 else (
                said[at + len(p.surface)] if 0 <= at and at + len(p.surface) < len(said) else "")
            if result in STATE_RESULTS:
                q.tool = p.material


def _carry_dropped_object(spec: Spec, steps: list[Step], norm: str) -> None:
    """「毽子抛起来,用脚接住往上踢」「药包蒸热了,拿毛巾裹着敷在腰上」: Chinese drops an object the sentence
    has already named; a step that names no material of its own, in the same sentence, works what the
    step before worked (a thing, not a body part: 「胳膊甩开,右脚往前一踏」 moves no arm; not a person:
    艺人; not after a verb-object word that names its own: 刷漆)."""
    for p, q in zip(steps, steps[1:]):
        if (q.material and q.material not in ("它", "它们")) or not p.material or p.end < 0 or q.start < p.end or q.subject or q.role \
                or q.tool == p.material or _is_body(spec, p.material) or _is_body(spec, p.material.rstrip("子")) \
                or (p.material[-1] == "人" and p.material not in spec.terms) \
                or any(ch in SENTENCE_ENDS for ch in norm[p.end:q.start]):
            continue
        if q.surface and len(q.surface) >= 2 and (q.surface[-1] in MATERIAL_HEADS or q.surface[-1] in TOOL_HEADS):
            continue  # 「刷漆」「下锅」: a verb-object word names its own object
        q.material = p.material


def _carry_hand(steps: list[Step], norm: str) -> None:
    """「右手不戴指甲,就拿指头弹」「左手接住了,再往上送」: the hand named as the subject goes on doing
    the next actions of the same sentence (Chinese drops a subject it has just said) until another
    hand is named or the sentence ends, and into the next sentence when it opens with 然后/接着/再…
    and names no one."""
    for p, q in zip(steps, steps[1:]):
        if q.hand is not None or p.hand is None or p.end < 0 or q.start < p.end or q.subject:
            continue
        between = norm[p.end:q.start]
        stop = max(between.rfind(ch) for ch in FULL_STOPS)
        if stop != -1:
            # a new sentence that opens with 然后/接着/再… and names no one goes on with the same hand
            # (「右手拿平口刀…削出来。然后换圆口刀,反手往里挑」); any other sentence starts afresh
            rest = norm[p.end + stop + 1:q.end].lstrip(" \u3000")
            while rest[:1] and rest[:1] in FILLER_CHARS:
                rest = rest[1:].lstrip(" \u3000,\uff0c")
            if not rest.startswith(CONTINUE_MARKERS) or any(ch in FULL_STOPS for ch in between[:stop]):
                continue
        q.hand = p.hand


def _reorder(steps: list[Step]) -> list[Step]:
    """「穿针之前先劈丝」: a step said to come before the next one is moved after it."""
    out = list(steps)
    i = 0
    while i < len(out) - 1:
        if out[i].before_next:
            out[i], out[i + 1] = out[i + 1], out[i]
            out[i + 1].before_next = False
            i += 2
        else:
            i += 1
    return out


def _apply_defaults(spec: Spec, step: Step, technique: str | None, craft: str | None) -> None:
    if craft not in spec.crafts_with_actions and not technique:
        # the spec's degree values are written for the crafts it describes; for any other craft (or
        # none) 「慢慢」 says nothing measurable, and no tool implies a value
        return
    for param, level in step.vague:
        if param in step.params:
            continue
        value = spec.level_value(param, level, technique, craft)
        if value is not None:
            step.params[param] = value
            step.defaults.append(param)
    keys = []
    if step.tool:
        keys.append(f"tool:{step.tool}")
    if step.action:
        keys.append(f"action:{step.action}")
    if step.material:
        keys.append(f"material:{step.material}")
    for name, value in spec.implied_values(keys, technique, craft).items():
        if name not in step.params:
            step.params[name] = value
            step.defaults.append(name)

