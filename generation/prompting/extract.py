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

Stages live in their own modules (docs/ARCHITECTURE.md, "Normalization"): constants in ``words.py``, token
records and word tests in ``tokens.py``, jieba repairs in ``resegment.py``, term names in ``names.py``,
argument roles in ``roles.py``, carrying over steps in ``carry.py``; this module keeps the pipeline.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress
from operator import itemgetter

from .carry import (_carry_dropped_object, _carry_hand, _carry_held_tool, _carry_serial_roles,
                    _carry_struck_instrument, _carry_whole_name, _carry_worn_tool, _counted_topic, _hand_of_held_tool,
                    _passed_through_tool)
from .craft import detect as detect_craft
from .names import (_coordinated_names, _heritage_names, _legend_names, _opening_names, _counted_names, _craft_names, _described_things, _led_tool_names, _method_names,
                    _named_steps, _nominal_topic, _numbered_names, _numeral_phrases, _object_names, _part_nouns,
                    _placed_pairs, _quoted_names, _saying_names,
                    _reached_things, _set_phrase_names, _slot_nouns, _split_compounds, _suffix_names, _technique_compounds, _thing_nouns,
                    _handle_names,
                    _topic_names)
from .nonsteps import cut_likened, likened, non_steps, unused
from .notices import QUANTITY_WITHOUT_ACTION, TWO_VALUES, notice
from .persons import HEAD, OWNED, OWNER_POSITIONS, PLACE, info_is_person, person_position, person_shaped
from .quantities import CORRECTION_CUES
from .resegment import (DICTIONARY_VERB_COMPLEMENTS, _repair_tokens, _resegment, counted_object, mistagged_verb,
                        verb_char, verb_object_word, written_jing)
from .roles import _compound_object, _hand_is_place, _read_unit, _topic_before_marker, joined_things
from .spec import HAND_TERMS, Spec, TermInfo, trie_spans
from .tokens import (Counters, Doc, Step, _head, _is_body, _is_material_word, _is_tool_word, _is_working_tool,
                     finder_for, kind_table, normalize_chars)
from .words import (from_pos_table, MOVE_ON_MARKERS, CLAUSE_COMMAS, ODD_NOUN_BEFORE, VESSEL_ENTRY_VERBS, VESSELS_ENTERED, AFTER_VERB_WORDS, FOLLOW_PREPOSITIONS, NUMERAL_ADVERB_TAILS, POSTURE_PREFIXES, POSTURE_VERBS, AGENT_NOUN_SUFFIX, AGENT_SUFFIX, ARM_WORDS, ASPECT_AFTER_VERB, ASPECT_BEFORE_DE,
                    BEAT_CHARS, BEAT_LEADS, BODY_CHARS, BODY_LOCATIVES, BODY_MOTION_VERBS, BODY_MOVERS, BODY_TURN, BODY_WORDS,
                    BOTH_HAND_WORDS, COMPLEMENTS, CONSEQUENCE_TAIL, CONTEXT_HAND_VERBS, CONTEXT_STOP_VERBS, COPULAS, COUNT_PREV,
                    DEGREE_MARKERS, DEMONSTRATIVES, DIMENSION_CHARS, DIRECTIONAL_COMPLEMENTS, DIRECTION_CHARS, GOAL_PLACE_CHARS,
                    DIRECTION_COMPOUNDS, DIRECTION_VERBS, DIRECTION_WORDS, DISTRIBUTIVES, DOER_AFTER_DE, DOER_SIDE_CHARS, DONE_STOP_VERBS, EXCHANGE_STOP_VERBS, FILLERS, FULL_STOPS,
                    FUNCTION_COMPLEMENTS, FUNCTION_TAGS, GRASP_VERBS, HANDLED_VERBS, HOLD_CHARS, HAND_CHARS, HAND_JOINERS, HAND_PART_CHARS, INSTRUMENT_HEADS,
                    INSTRUMENT_LEADS, JOB_OPENERS, LIMB_CHARS, LINKING_ADVERBS, LOCATIVES, MANNER_ADVERBS, MANNER_HANDS,
                    MANNER_VERBS, MANUAL_VERBS, MARKED_VERBS, MATERIAL_HEADS, PATH_CLOSING_VERBS, MEASURE_FORMS, MEASURE_PREV,
                    MISHAP_ADVERBS, MISHAP_CHARS, MODALS, MOTION_WORDS, NEGATIONS, NUMERAL_CHARS, OBJECT_MARKERS, MODIFIER_REACH, MODIFIER_STOP_KINDS,
                    ONSET_VERBS, PAIR_COUNTS, PATH_LEADS, PERSON_SUFFIXES, PERSON_TAIL_CHARS, THING_CLASSIFIERS, PLACE_SIDES, PLACE_SUFFIX, POINT_BEFORE, POS_TAGS, PREDICATE_ADVERBS,
                    PUNCT, PURPOSE_LINKS, QSENT, RARE_FREQ, RELATION_END, REPEAT_MARKERS, RESULT_COMPLEMENTS, RESULT_VERBS,
                    ROUND_MARKERS, ROUTE_MARKERS, ROUTE_PREPOSITIONS, SIDE_DEICTICS, SIDE_FILLERS, SIDE_WORDS, SIMULTANEOUS_MARKERS, SKIP,
                    SPEECH_VERBS, STATE_RESULTS, STOP_NOUNS, STOP_VERBS, SWAP_VERBS, TECHNIQUE_VERB_NEXT, TOOL_HEADS,
                    PLACE_MARKERS, TOOL_LEAD, TOPIC_PARTICLES, TURN_ADVERBS, VERB_COMPLEMENT_ODD_TAGS, VERB_COMPLEMENT_SECONDS,
                    UNKNOWN_NAME_TAGS, WAIT_ENDS, WAIT_SUBJECTS, WAIT_WORDS, WARNING_CUES,
                    _FINISH_KINDS, _FINISH_WORDS, VESSEL_ENTRY)


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
    # (each token's start: a plain loop, compiled, costs less than accumulate over map(len))
    starts, at = [0], 0
    for w in raw:
        at += len(w)
        starts.append(at)
    qmap = {}
    if quantities:
        # (each quantity's ends are token starts: found by bisection in the ascending starts)
        words, new_starts, prev = [], [], 0
        for q in quantities:
            i, j = bisect_left(starts, q.start), bisect_left(starts, q.end)
            words.extend(raw[prev:i])
            new_starts.extend(starts[prev:i])
            if q.keep:
                ks, ke = bisect_left(starts, q.keep[0]), bisect_left(starts, q.keep[1])
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
    kinds = [dict.get(table, w) for w in words]  # (dict.get(table, w): compiled, dict's own get, no method call)
    for i in qmap:
        kinds[i] = "Q"
    if counters is not None:
        counters.chars += len(norm)
        counters.quantities += len(quantities)
    return words, starts, kinds, qmap


def _counted_thing(q, pos_tags: dict, w: str) -> bool:
    """「拿两个制钱,」「拿三个护膝,」: a two-character word ``w`` jieba tags a verb, right after a count of things (a
    numeral and a classifier of things, ``words.THING_CLASSIFIERS``: the quantity ``q``) and closing its clause, is
    the thing counted, a noun: its second character is one jieba's dictionary calls a noun (钱, 膝), so the word is
    no verb with its result or direction. Not after a count of strokes or times (「切两刀装盘」「搅两下拌匀」: the verb
    said next; 两回 too, though 「添两回开水」 adds a thing)."""
    raw = q.raw or ""
    if q.name != "count" or len(raw) < 2 or raw[-1] not in THING_CLASSIFIERS:
        return False
    for c in raw[:-1]:
        if c not in NUMERAL_CHARS:
            return False
    return dict.get(pos_tags, w[1], "")[:1] == "n"


# the kinds of the word that takes what a count word counts as its object: a verb, a term, 把/将, 拿/用
_COUNT_TAKERS = frozenset(("V", "T", "C", "O", "L"))


def _rare_counts(spec: Spec) -> frozenset:
    """The count words jieba's dictionary lists as rare words of their own (一梭/n, 那串/nr: a numeral or a
    demonstrative and one more character, no more frequent than ``words.RARE_FREQ``), built once per spec."""
    counts = getattr(spec, "_rare_counts", None)
    if counts is None:
        freq = spec.ensure_tokenizer().FREQ
        counts = spec._rare_counts = frozenset(
            w for w in spec.pos_tags() if len(w) == 2 and w[0] in NUMERAL_CHARS and 0 < freq.get(w, 0) <= RARE_FREQ)
    return counts


def _counts_before_things(words: list, starts: list, kinds: list, qmap: dict, compounds: dict, counts: frozenset,
                          pos_tags: dict) -> int:
    """(s24-values) 「过一梭地纬,」「把那串小铃铛绑在…」: a count word of ``_rare_counts`` that a verb, 把 or 拿 takes,
    right before what it counts (a noun, after a one-character adjective at most), is no thing of its own: its kind is cleared, so the noun after
    it is what the step works. Two one-character pieces jieba left after it, no verb's, the second a noun, closing
    the clause (地|纬) are that noun, one word (the thing counted: its dictionary lacks the name). Returns the number
    of tokens."""
    n = len(words)
    i = 0
    while i < n - 1:
        t = i - 1 if i < 2 or words[i - 1] not in ("着", "了") else i - 2  # (「提着那串…」: the verb before its aspect)
        if words[i] not in counts or not i or not (
                kinds[t] in _COUNT_TAKERS or dict.get(pos_tags, words[t], "")[:1] == "v" or words[t] == "过"):
            i += 1  # (only where a thing is taken, after a verb or 把/拿: opening a clause, 「一梭彩绒过完了」, it is left)
            continue
        j = i + 1
        if len(words[j]) == 1 and dict.get(pos_tags, words[j], "") == "a" and j + 1 < n:
            j += 1  # (「那串小铃铛」: an adjective before the noun)
        if len(words[j]) >= 2 and (kinds[j] in ("N", "T") or (
                kinds[j] is None and dict.get(pos_tags, words[j], "") in UNKNOWN_NAME_TAGS)):
            kinds[i] = None  # (a noun, or a name jieba's dictionary lacks and tags a person's or a place's: 干辣椒/nr)
        elif j == i + 1 and j + 1 < n and len(words[j]) == 1 and len(words[j + 1]) == 1 and kinds[j] is None \
                and kinds[j + 1] == "N" and "\u4e00" <= words[j] <= "\u9fff" and (j + 2 == n or kinds[j + 2] == "P"):
            kinds[i] = None
            _join_tokens(words, kinds, starts, (qmap, compounds), j)
            kinds[j] = "N"
            n -= 1
        i += 1
    return n


def _finish_doc(spec: Spec, base: tuple, join_terms: bool, counters: Counters | None) -> Doc:
    """jieba's tokens (quantities as one token each) → the Doc: repairs, then kinds by position."""
    table = kind_table(spec)
    words, starts, kinds, qmap, compounds = _repair_tokens(spec, table, *base, join_terms)
    n = len(words)
    # (a plain loop: compiled, ``infer_types`` makes it a C loop, cheaper than ``words.index`` and its ValueError)
    for ba in range(1, len(words)):
        if words[ba] == "把" and words[ba - 1][-1:] in NUMERAL_CHARS and ba - 1 not in qmap:
            kinds[ba] = None  # 「拿那把刀」「用一把剪子」: after a demonstrative or numeral 把 counts
            if kinds[ba - 1] == "N" and len(words[ba - 1]) == 1:
                kinds[ba - 1] = None
    tags = None
    pos_tags = spec.pos_tags()
    counts = _rare_counts(spec)
    if not counts.isdisjoint(words):  # (most texts say none: one set test in C)
        _counts_before_things(words, starts, kinds, qmap, compounds, counts, pos_tags)
        n = len(words)  # (its joins keep ``n`` the length; ``len``, not its return value: compiled, ``n`` and ``i``
        # below stay C integers, each ``words[i]`` a direct list read, where a Python int index went through
        # PyNumber_AsSsize_t: no walk below iterates a list of indices)
    # (both rules below read a one-character word with no kind; a rule sets only the kind of the token it is at, so
    # the kinds read ahead stay as the walk finds them)
    for i in range(n):
        if kinds[i] is not None:
            continue
        w = words[i]
        if len(w) != 1:
            continue
        if "\u4e00" <= w <= "\u9fff" and w not in pos_tags and (
                (i and dict.get(pos_tags, words[i - 1], "")[:1] in ("q", "m"))
                or (i + 1 < n and words[i + 1] == "的")
                or (i and words[i - 1] in ODD_NOUN_BEFORE)
                or ((i == 0 or words[i - 1] in CLAUSE_COMMAS or words[i - 1] in FULL_STOPS)
                    and i + 1 < n and kinds[i + 1] == "V")):
            # 「削个尜」「尜搁地上」「往尜的尖头上剁」: a character jieba's dictionary does not know, counted, owning
            # a thing, after a preposition or opening a clause before its verb, is a thing (a craft's own noun)
            kinds[i] = "N"
        elif i and words[i - 1] in OBJECT_MARKERS and i + 1 < n \
                and kinds[i + 1] in ("V", "T") and (w in MATERIAL_HEADS or w in TOOL_HEADS):
            # 「把料搁在案板上」: after 把, a character that heads a stuff's or a tool's name and that the kinds leave
            # aside (料/v, no verb) before the verb is the object
            kinds[i] = "N"
    # only verbs, nouns and bare 上/下/时/时候 are looked at here: the candidates first, in C
    # (compiled, a comprehension over the kinds costs about a third of compress over chained maps: each map step is a call)
    # (a flag per token, not a list of indices: the walks below index by a C integer)
    cand = [k in _FINISH_KINDS or words[i] in _FINISH_WORDS for i, k in enumerate(kinds)]
    # (a spec term is a candidate for the second walk only: no rule of this one reads one; skipped in C, each kind
    # read when the walk reaches it, as a rule here may change the next token's)
    for i in range(n):
        if not cand[i]:
            continue
        kind = kinds[i]
        if kind == "T":
            continue
        if kind == "V":
            # (the rules for a verb; no rule for a noun or for 上/下 below reads one)
            if words[i][-1] in AGENT_SUFFIX and i + 1 < n \
                    and person_shaped(words[i], dict.get(pos_tags, words[i], ""), AGENT_SUFFIX) \
                    and person_position(words, kinds, i) == HEAD:
                # 「鼓手坐在船头」「划手跟着鼓点…」: at the head of a clause and followed by a verb, X手 is
                # the person doing it (jieba tags 鼓手 and 划手 as verbs), not the action
                tags = tags or spec.pos_tags()
                if kinds[i + 1] in ("V", "T", "C") and tags.get(words[i + 1], "")[:1] == "v":
                    kinds[i] = None
                    continue
            if words[i] == "花" and not _spends(words, kinds, i):
                kinds[i] = "N"  # 「马齿花、蜘蛛花」「采叶子和花」「花就花了」: the flower (or the pattern), not 'spend'
                continue
            if len(words[i]) == 2 and i - 1 in qmap and (i + 1 == n or kinds[i + 1] == "P") \
                    and _counted_thing(qmap[i - 1], pos_tags, words[i]):
                kinds[i] = "N"  # 「拿两个制钱,」: what is counted out is a thing, not an action
                continue
            if i + 1 < n and words[i][-1:] in PERSON_TAIL_CHARS and len(words[i]) == 2:
                if _agent_noun(spec, words, kinds, pos_tags, i, i + 1):
                    kinds[i] = None  # 「两个鼓手分站两边」「鼓手两只手抡槌」: the person, see _agent_noun
                    continue
            elif len(words[i]) == 1 and i + 2 < n and words[i + 1] in PERSON_TAIL_CHARS \
                    and _agent_noun(spec, words, kinds, pos_tags, i, i + 2):
                kinds[i] = kinds[i + 1] = None  # (jieba's 织 / 手 for a word it does not know: 「底下织手就挖花」「绣/娘左手…」)
                continue
            elif len(words[i]) >= 3 and words[i][-1] in AGENT_NOUN_SUFFIX and words[i][-1] != "家":
                kinds[i] = "N"  # 「主祭人向神位鞠躬」: a word jieba tags a verb (主祭人/vn) ending in 人/者… names the person
            continue
        if kind == "N" and i and words[i - 1] in PREDICATE_ADVERBS and len(words[i]) == 2:
            # an adverb modifies a predicate, so the word after it is used as a verb (jieba tags
            # verb-object compounds such as 下锅 or 穿线 as nouns): 「泡好了就下锅」
            kinds[i] = "V"
        elif kind == "N" and len(words[i]) == 2 and words[i][0] in VESSEL_ENTRY_VERBS \
                and words[i][1] in VESSELS_ENTERED and dict.get(pos_tags, words[i], "")[:1] == "n" \
                and not (i + 1 < n and words[i + 1] in ("的", "里", "中", "内")) \
                and not (i and words[i - 1] in ("的", "个", "这", "那")):
            # 「最后装坛」「跟红枣一块下锅」「洗好了下锅」: jieba's one noun for a verb that puts the thing into a
            # vessel and the vessel (装坛/n, 下锅/n) is a verb-object word, the step (roles: the vessel its tool)
            kinds[i] = "V"
        elif kind == "N" and len(words[i]) == 2 and words[i][0] in DIRECTION_VERBS and words[i][1] in TOOL_HEADS \
                and i + 1 < n and (i == 0 or kinds[i - 1] in ("P", "M") or words[i - 1] == "了") \
                and (kinds[i + 1] == "V" or (kinds[i + 1] == "T" and dict.get(pos_tags, words[i + 1], "")[:1] == "v")):
            # 「泡软了下锅煮」「下锅熬」: jieba's 下锅/上锅 (a noun to it) opening a clause before a verb puts the
            # thing into the vessel, a verb-object word: the vessel is where the next verb works
            kinds[i] = "V"
        elif kind == "N" and i + 1 < n and (words[i + 1] in ASPECT_AFTER_VERB or (
                words[i + 1][:1] == "成" and len(words[i]) == 1)) and (
                len(words[i]) == 1 or dict.get(pos_tags, words[i], "")[:2] in ("ng", "vn")) and (
                i == 0 or len(words[i]) == 1 or kinds[i - 1] in (None, "P", "M", "O", "H") or words[i - 1] in MANNER_ADVERBS) \
                and not (words[i + 1] == "过" and any(words[j] in TOOL_LEAD for j in range(max(0, i - 2), i))):
            # a noun does not take 了/着/过 or a result complement: a one-character word jieba tags as
            # a noun (锤, 锯, 量) is used as a verb when one follows it (「再锤成细圆条」「量了再锯」); not the
            # thing taken in hand before 过, the verb 'pass through' (「拿细箩过一遍」)
            kinds[i] = "V"
        elif kind == "N" and i and (words[i - 1] in MANNER_ADVERBS or words[i - 1] in MODALS) and (
                len(words[i]) == 1 or dict.get(pos_tags, words[i], "")[:2] in ("ng", "vn")) and (
                i + 1 == n or kinds[i + 1] in ("P", "Q", "N", "T") or (len(words[i]) == 1 and (
                    # 「再换个大的」「再换深一点的线」「先换一根」: one character after the adverb, then 个, an
                    # adjective or a numeral before its object (jieba's 换/nz)
                    words[i + 1] == "个" or (len(words[i + 1]) == 1 and dict.get(pos_tags, words[i + 1], "") == "a")
                    or (dict.get(pos_tags, words[i + 1], "") in ("m", "mq") and words[i + 1][0] in NUMERAL_CHARS)))):
            # 「慢慢锯」「要刨」: after a manner adverb or a modal the word is the predicate
            kinds[i] = "V"
        elif kind is None and words[i] in DIRECTION_VERBS and i + 1 < n and kinds[i + 1] != "P" and (
                i == 0 or kinds[i - 1] in ("P", "M") or words[i - 1] in PREDICATE_ADVERBS
                or words[i - 1] in MODALS or (len(words[i - 1]) == 2 and words[i - 1][0] in PREDICATE_ADVERBS
                                              and words[i - 1][1] in MODALS)
                # 「描好了上梭子」「晾干了下染缸」: after a verb with its result and 了 (the step before done), 上/下
                # before a noun is the next verb (not 「敲了下鼓面」, a bare one-character verb + 了下: once)
                or (words[i - 1] == "了" and i >= 2 and kinds[i + 1] in ("N", "T")
                    and words[i - 2][-1] in RESULT_COMPLEMENTS)
                # 「一齐下桨」「赶紧上笼」: after a two-character adverb, before a one-character noun
                or (len(words[i - 1]) == 2 and dict.get(pos_tags, words[i - 1], "") == "d" and words[i - 1] not in NEGATIONS
                    and kinds[i + 1] in ("N", "T") and len(words[i + 1]) == 1)):
            # 上/下 after a noun is where (「板上」); at the head of a clause or after 要/再/就 (or
            # 才能/就要) it is the verb (「要上三遍」「下黄丹」「才能上桩」)
            kinds[i] = "V"
    # (each H from the third token on; the rule changes only kinds before it. A plain loop: compiled, a C loop, where
    # ``kinds.index("H", …)`` compared each None with "H" through Python's rich comparison)
    for h in range(2, len(kinds)):
        if kinds[h] == "H" and kinds[h - 2] == "T" and len(words[h - 1]) == 1 and words[h - 1] in PERSON_TAIL_CHARS \
                and len(words[h - 2]) == 1 and _agent_noun(spec, words, kinds, pos_tags, h - 2, h):
            kinds[h - 2] = kinds[h - 1] = None  # 「绣娘左手托着…」: a craft's one-character verb (绣/T) + 娘 owns the hand
    # each rule below needs a word of its own at the token (时, 时候) or beside it (人/者… or 的 after it, 的 two
    # after it, a relation marker before it): only the candidates where one stands are walked (the words found
    # in C; no rule below makes a relation marker)
    near = set()
    for j, w in enumerate(words):
        if w not in _FINISH_NEAR:
            continue
        if w == "的":
            near.add(j - 1)
            near.add(j - 2)
            near.add(j - 3)  # (a verb with 了 and its own object before 的: 「拿蘸了水的毛笔」)
        elif words[j] in AGENT_NOUN_SUFFIX:
            near.add(j - 1)
        else:
            near.add(j)  # (时, 时候)
    near.update([j + 1 for j, k in enumerate(kinds) if k == "R"])
    for i in range(n):
        if not cand[i] or i not in near:
            continue
        w = words[i]
        if kinds[i] != "V" and kinds[i] != "T" and w != "时候" and w != "时":
            continue  # (each rule below reads 时/时候, or a verb or term: a noun or a bare 上/下 meets none)
        if w == "时候" and i > 1 and words[i - 1] == "的" and kinds[i - 2] == "N" and len(words[i - 2]) == 1 \
                and dict.get(pos_tags, words[i - 2], "")[:1] in ("n", "v"):
            kinds[i - 2] = "V"  # 「量的时候」: one character before 的时候 is what is being done
        if w == "时" and i and (kinds[i - 1] == "V" or (kinds[i - 1] == "T" and words[i - 1] in spec.terms
                                                          and spec.terms[words[i - 1]].category == "action")) \
                and (i + 1 == n or kinds[i + 1] in _AFTER_TIME_KINDS):
            # 「演奏时，乐手…」「施釉时将器物…」: written 时 after a verb (or the lexicon's action) ends the time
            # clause like 的时候; what follows (a subject, 把/将, 用, 在, 先) is the next clause, 时 no object
            kinds[i] = "P"
        if kinds[i] == "V" and i + 1 < n and words[i + 1] in AGENT_NOUN_SUFFIX:
            kinds[i] = None  # 「传承人」「演奏者」 cut as 传承 / 人: a verb + 人/者 names the person
        if w == "时候" and i > 1 and words[i - 1] == "的" and (kinds[i - 2] == "V" or (
                # 「吹笛子的时候,…」: the time clause's verb with its object
                i > 2 and kinds[i - 2] in ("N", "T") and (kinds[i - 3] == "V" or (
                    kinds[i - 3] == "T" and dict.get(pos_tags, words[i - 3], "")[:1] == "v"))
                and (i == 3 or kinds[i - 4] in ("P", "M", None)))):
            # 「拉的时候,左手扶着板子」: a 的时候 clause ends where it says when; what follows is a
            # predicate of its own (its hand and object are not the time clause's); a technique
            # named there (「制胎的时候用锤子…」) stays the topic the next words describe
            kinds[i] = "P"
        elif i + 2 < n and (words[i + 1] == "的" or words[i + 2] == "的" or (i + 3 < n and words[i + 3] == "的")) \
                and (kinds[i] == "V" or (kinds[i] == "T" and dict.get(pos_tags, w, "")[:1] == "v")):
            # (的 one to three words on, checked first: nothing below changes without it)
            j = i + 1
            # (a one-character adjective jieba tags so, 扁/尖, with 了/过 after it is a state the verb brought about too:
            # 「捶扁了的铜片」; without them it may describe the object, 「编上新的竹篾」)
            state = (words[j] in STATE_RESULTS or (len(words[j]) == 1 and dict.get(pos_tags, words[j], "") == "a"
                                                   and j + 1 < n and words[j + 1] in ASPECT_BEFORE_DE)) \
                and words[j] not in RESULT_COMPLEMENTS
            if words[j] in RESULT_COMPLEMENTS or words[j] in FUNCTION_COMPLEMENTS or state:
                j += 1
                if j + 1 < n and words[j] in ASPECT_BEFORE_DE and words[j + 1] == "的":
                    j += 1  # 「穿好了的针」「捶扁了的铜片」: the result, then 了/过, before 的
            if words[j] == "的" and j + 1 < n and kinds[j + 1] != "P" and words[j + 1] != "时候" and (
                    not state or ((kinds[j + 1] in ("N", "T") or dict.get(pos_tags, words[j + 1], "")[:1] == "n")
                                  and _verb_later(words, kinds, pos_tags, j + 2))):
                # 「顺着印好的墨点缝」「锤成的长条」: a verb in a relative clause names a thing, it is no action of
                # its own; so does one with the state it brings about, before another verb (「用烧红的铁钎烫」)
                kinds[i] = None
            elif (o := _relative_to_noun(words, kinds, pos_tags, i)) is not None:
                # 「拿蘸了水的毛笔描」「把刚出锅的糖稀倒在石板上」「将洗净控干的鱼剖开」: right after 把/将/用/拿 (which take a
                # noun), verbs with their result or own object before 的 and a noun describe that noun, before the
                # clause's own verb: no action of their own
                for t in range(i, o):
                    if kinds[t] == "V" or kinds[t] == "T":
                        kinds[t] = None
        if kinds[i] == "V" and i and kinds[i - 1] == "R" and i + 1 < n and words[i + 1] in RELATION_END \
                and len(w) == 1:
            kinds[i] = None  # 「从折边开剪」: after a relation marker, 折 + 边 is a place, not an action
    # (each 的 from the second token to the fourth from the end: ``n`` is ``len(words)``, kept by the joins above; a
    # plain loop, compiled a C loop, where ``words.index`` ended in a ValueError)
    for de in range(1, len(words) - 3):
        if words[de] == "的" and kinds[de + 1] == "V" and len(words[de + 1]) == 1 and words[de + 2] == words[de + 1] \
                and kinds[de + 3] in ("N", "T"):
            # 「切成指头粗的条条肉」: after 的 a noun phrase stands; a one-character word said twice before a noun
            # (jieba cuts the doubled word it lacks apart and tags it a verb) is that noun's modifier, no verb
            kinds[de + 1] = kinds[de + 2] = None
    interesting = list(compress(range(len(words)), kinds))
    if counters is not None:
        counters.tokens += len(words)
    return Doc(words, starts, kinds, qmap, interesting, compounds)


def _verb_later(words: list, kinds: list, pos_tags: dict, j: int) -> bool:
    """A verb (or a term jieba tags as one) stands at or after token j in its clause."""
    for t in range(j, _clause_end(words, kinds, j)):
        if kinds[t] == "V" or (kinds[t] == "T" and dict.get(pos_tags, words[t], "")[:1] == "v"):
            return True
    return False


def _closes_modifier(words: list, kinds: list, i: int) -> int | None:
    """After the verb at token i, what it brings about (a one-character result, a direction: 下来/出来, or 不/得 + a
    result: 「磨不实的」) and/or 了/过, then a 的 with a noun after it (not 时候): 「晒干了的竹篾」「筛下来的粉」「浸过的
    叶片」, a relative clause describing that noun, no action of its own. The index of that 的, else None.
    A 的 closing the sentence (「是用手捏的。」) or a time clause (「晒干了的时候」) is no modifier; nor is an adjective
    after a verb that has its complement already (「换上白的纱布」「编上新的竹篾」: the object's quality)."""
    n = len(words)
    w = words[i]
    j = i + 1
    state = False
    if len(w) >= 2 and (w[-1] in DIRECTION_CHARS or w[-1] in RESULT_COMPLEMENTS):
        pass  # (its result said: only 了/过 may follow before 的)
    elif j + 1 < n and words[j] in ("不", "得") and len(words[j + 1]) == 1:
        j += 2
    elif j < n and (words[j] in DIRECTION_COMPOUNDS or (len(words[j]) == 1 and words[j] in RESULT_COMPLEMENTS)):
        j += 1
    elif j < n and len(words[j]) == 1 and (words[j] in STATE_RESULTS or dict.get(POS_TAGS.segment, words[j], "") == "a"):
        # a state (红, 扁) is what the verb brought about with 了/过 after it (「捶扁了的铜片」) or before another verb
        # (「染红的布晾干」); else it may be the object's quality (「蘸红的黄的点花」)
        j += 1
        state = True
    if j < n and words[j] in ASPECT_BEFORE_DE:
        j += 1
        state = False
    # (the noun described; or none said, the 的-phrase the subject an adverb follows: 「煮不透的就不能要」「揉好的就搁
    # 一边」)
    if j > i + 1 and j + 1 < n and words[j] == "的" and words[j + 1] != "时候" and (
            kinds[j + 1] in ("N", "T") or dict.get(POS_TAGS.segment, words[j + 1], "")[:1] in ("n", "d")) \
            and not (state and not _verb_later(words, kinds, POS_TAGS.segment, j + 2)):
        return j
    return None


def _relative_to_noun(words: list, kinds: list, pos_tags: dict, i: int) -> int | None:
    """Token i, a verb right after 把/将/用/拿 (``_takes_a_noun``), opens a phrase describing the noun after a 的
    within three tokens: between them only verbs, one-character results or states, 了/过 and at most one noun
    (the verb's own object); a noun after 的 and a verb later in the clause. The index of 的, or None."""
    if not _takes_a_noun(words, i, pos_tags):
        return None
    nouns = 0
    for o in range(i + 1, min(i + 4, len(words) - 1)):
        w = words[o]
        if w == "的":
            after = kinds[o + 1] in ("N", "T") or (kinds[o + 1] is None and dict.get(pos_tags, words[o + 1], "")[:1] == "n")
            return o if after and _verb_later(words, kinds, pos_tags, o + 2) else None
        tag = dict.get(pos_tags, w, "")
        if kinds[o] in ("N", "T") and tag[:1] != "v" or (kinds[o] is None and tag[:1] == "n"):
            nouns += 1
            if nouns > 1:
                return None
        elif not (kinds[o] == "V" or (kinds[o] in ("T", None) and tag[:1] == "v") or w in FUNCTION_COMPLEMENTS
                  or w in RESULT_COMPLEMENTS or w in STATE_RESULTS
                  or (len(w) == 1 and tag[:1] in ("v", "a"))):
            return None
    return None


def _takes_a_noun(words: list, i: int, pos_tags: dict) -> bool:
    """The word before token i (past one single-character adverb: 刚, 已) is 把/将 or a lead of what is used
    (用/以/拿…), which takes a noun: a verb at i opens a phrase describing that noun."""
    for m in (i - 1, i - 2):
        if m < 0:
            return False
        w = words[m]
        if w in OBJECT_MARKERS or w in INSTRUMENT_LEADS or w == "拿":
            return True
        if len(w) != 1 or dict.get(pos_tags, w, "") != "d":
            return False
    return False


# the words the rules of ``_finish_doc``'s second walk read at a token or beside it
_FINISH_NEAR = frozenset({"的", "时", "时候"} | AGENT_NOUN_SUFFIX)
# what may follow a written 时 that closes a time clause: punctuation, a hand, a noun, an untagged word, and the
# openers of a clause of its own (把/将, 用/以, 在/往, 先/再)
_AFTER_TIME_KINDS = frozenset(("P", "H", None, "N", "O", "L", "R", "M"))


# the kinds ``open_kinds``' rules read (every rule but the one for 一 + a verb asks for one of them)
_OPEN_READ_KINDS = frozenset((None, "N", "A", "V"))


def _rare_noun_slot(words: list, kinds: list, i: int) -> bool:
    """Whether a character jieba's dictionary lacks stands where a thing is named (s23-terms): after a taking or holding
    verb (``words.TOOL_LEAD``: 「左手执籥」), after a classifier (「削个尜」) or before 儿/的 (「打尜儿」「尜的尖头」). Such a
    character (籥, 尜, 燋) is a thing's or a move's own name, no function word; the Cantonese ones (喺, 咁, 咗, 嘅) stand
    in none of these places."""
    prev = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return prev in TOOL_LEAD or dict.get(POS_TAGS.segment, prev, "")[:1] == "q" or nxt in ("儿", "的")


def open_kinds(doc: Doc) -> None:
    """For a craft the spec does not describe in full, where any verb can be an action: words jieba
    tags as nouns, classifiers or idioms that are hand verbs in their place become verbs."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    changed = False
    for i in range(n):
        k = kinds[i]
        w = words[i]
        if k not in _OPEN_READ_KINDS and (k == "P" or k == "Q" or w[:1] != "一" or len(w) != 2):
            # (no rule below reads punctuation or a quantity as anything else; a token of another kind than
            # None/N/A/V can only be 一 + a verb, the rule that reads no kind of its own)
            continue
        size = len(w)  # (read by most rules: once)
        if k is None and size == 1 and "\u4e00" <= w <= "\u9fff" and w not in POS_TAGS.segment \
                and _rare_noun_slot(words, kinds, i):
            # (s23-terms) 「左手执籥」「打尜儿」: a character outside jieba's dictionary where a thing is named is a noun
            kinds[i] = "N"
            changed = True
        elif k == "N" and written_jing(POS_TAGS.segment, words, i):
            kinds[i] = None  # 「经水冷却后」: written 经, a preposition, no noun (``resegment.written_jing``)
            changed = True
        elif k in (None, "N") and size == 1 and i + 1 < n and words[i + 1] == "一" + w and kinds[i + 1] != "Q" \
                and "\u4e00" <= w <= "\u9fff" and (i + 2 == n or kinds[i + 2] == "P") \
                and dict.get(POS_TAGS.segment, w, "x")[:1] not in ("r", "p", "c", "u", "d"):
            # (nlp-fresh-a) 「在布上点一点」「每个眼里刷一刷」: a character and jieba's 一 + that character (一点/m) closing the
            # clause are the verb said twice with 一, done briefly (as 松一松), not a noun and an amount
            kinds[i] = "V"
            kinds[i + 1] = None
            changed = True
        elif k is None and size >= 2 and w[0] in FOLLOW_PREPOSITIONS and (w[1:] in DIRECTION_COMPOUNDS or w[1:] in "上进") \
                and i and (kinds[i - 1] in ("M", "N") or words[i - 1] in LINKING_ADVERBS) and (i + 1 == n or kinds[i + 1] == "P"):
            kinds[i] = "V"  # (nlp-fresh-a) 「左脚再跟上。」: 跟 + a direction closing its clause follows, a step (跟上/f)
            changed = True
        elif k is None and size == 1 and w in MANNER_VERBS and dict.get(POS_TAGS.segment, w, "")[:1] == "v" \
                and (i == 0 or kinds[i - 1] in ("P", "M")) and i + 1 < n and kinds[i + 1] in ("N", "T") \
                and len(words[i + 1]) >= 2 and (i + 2 == n or kinds[i + 2] == "P"):
            # (nlp-fresh-a) 「再竖旗杆」「然后立桅杆,」「先松琴弦。」: a manner character jieba tags a verb (竖着, 立着 say how),
            # opening its clause with a noun after it and nothing more, is the verb and the noun its object
            kinds[i] = "V"
            changed = True
        elif k is None and size == 1 and w in MANNER_VERBS and dict.get(POS_TAGS.segment, w, "")[:1] == "v" and i \
                and _placed_manner_verb(doc, i):
            # (nlp-s21-steps2) 「再往河里竖木桩」「手里横着一根竹竿」: a manner character jieba tags a verb, right after
            # the place the thing goes (a locative closing it), with its object closing the clause, is the verb
            kinds[i] = "V"
            changed = True
        elif k in (None, "N") and size == 2 and w[1] in POSTURE_VERBS and w[0] in POSTURE_PREFIXES \
                and _posture_verb(words, kinds, i):
            kinds[i] = "V"  # 「两个鼓手分站两边」「两人各站一头」: jieba's 分站/n, 各站/r is the posture the people take
            changed = True
        elif k in (None, "N", "A") and size >= 2 and w[0] in CONTEXT_HAND_VERBS \
                and (
                # 「就抖起来了」「捞出来」「压实」: a hand verb with its direction or result (jieba: l, n); not one that
                # describes the noun after 的 (「将洗净晾干的鱼剖开」: ``_finish_doc`` read it so)
                w[1:] in DIRECTIONAL_COMPLEMENTS or (size == 2 and w[1] in RESULT_COMPLEMENTS)
                # 「塞进墨模」: a hand verb with 进/入, where it goes (jieba: 塞进/nr)
                or (size == 2 and w[1] in "进入")
                # (nlp-s21-steps2) 「底下塞上羊毛」「猪按倒在门口」: a hand verb with 上/倒 that jieba tags a place or an
                # adverb (塞上/s, 按倒/d), before what it puts on or where it puts it
                or (size == 2 and w[1] in "上倒" and dict.get(POS_TAGS.segment, w, "") in _GLUED_PUT_TAGS and i + 1 < n
                    and (kinds[i + 1] in ("N", "T") or dict.get(POS_TAGS.segment, words[i + 1], "")[:1] == "n"
                         or words[i + 1] in ("在", "到")))
                # 「右手炒茶」: after the hand that does it, a verb-object word is the action
                or (size == 2 and i and kinds[i - 1] == "H" and k is not None)) \
                and _relative_to_noun(words, kinds, POS_TAGS.segment, i) is None and _closes_modifier(words, kinds, i) is None:
            kinds[i] = "V"
            changed = True
        elif k in (None, "N", "A") and size == 3 and w[1] == "一" and w[0] == w[2] and (
                dict.get(POS_TAGS.segment, w[0], "")[:1] in ("v", "a") or w[0] in CONTEXT_HAND_VERBS) and w[0] not in STOP_VERBS:
            kinds[i] = "V"  # 「琴弦先松一松」: a verb said twice with 一 (jieba: 松一松/nr) is the verb done briefly
            changed = True
        elif kinds[i] == "V" and w in SWAP_VERBS and i + 2 < n and kinds[i + 1] in ("N", "T") \
                and _is_tool_word(words[i + 1]) and kinds[i + 2] == "V":
            # 「再换尖刀挖眼睛」: 换 + an instrument + a verb takes the instrument in hand for that verb, as 拿 does
            kinds[i] = "L"
            changed = True
        elif kinds[i] == "V" and i and (kinds[i - 1] == "L" or words[i - 1] in TOOL_LEAD) \
                and (size == 1 or (size == 2 and words[i - 1][-1:] in ("着", "住"))) \
                and (i + 1 == n or kinds[i + 1] == "P"):
            # 「右手执弓，…」「握着把手,…」: what a holding verb (with its aspect: 握着) takes, with
            # nothing after it, is a thing
            kinds[i] = "N"
            changed = True
        elif k == "V" and size == 1 and i >= 2 and words[i - 2] in ("拿", "用") and kinds[i - 1] in ("N", "T") \
                and i + 1 < n and kinds[i + 1] == "V" and len(words[i + 1]) >= 2 \
                and dict.get(POS_TAGS.segment, words[i - 1][-1] + w, "")[:1] == "n":
            # (s22-steps) 「拿右脚掌踩住球」: after 拿/用 + a noun, a character jieba tags a verb that ends a noun of its
            # dictionary with the noun's last character (脚掌/n), before the verb, is the end of the thing taken
            kinds[i] = "N"
            changed = True
        elif k == "V" and i >= 2 and (i + 1 == n or kinds[i + 1] == "P") and _held_thing(doc, i):
            kinds[i] = "N"  # (s22-steps) 「攥住飘带,」「拿起那张长弓,」: what a grip verb takes, closing the clause, is a thing
            changed = True
        elif k == "V" and size == 1 and i and (i + 1 == n or kinds[i + 1] in ("P", "H")) and _held_tool(doc, i):
            kinds[i] = "N"  # (s26-slots) 「左手扶着弓,」「拉开弓,」「左手握弓右手…」: the thing the hand holds or draws
            changed = True
        elif k in ("V", None) and i and words[i - 1] in ("拿", "用") and kinds[i - 1] in ("L", "V", "T", None) \
                and 1 <= size <= 3 and w not in COMPLEMENTS and w not in AFTER_VERB_WORDS and w not in SKIP \
                and i + 1 < n and (kinds[i + 1] == "O" or words[i + 1] in ("往", "朝") or words[i + 1] == "一"
                                   or (len(words[i + 1]) == 2 and words[i + 1][0] == "一"
                                       and (words[i + 1][1] in CONTEXT_HAND_VERBS
                                            or dict.get(POS_TAGS.segment, words[i + 1][1], "")[:1] == "v"))) \
                and dict.get(POS_TAGS.segment, w, "x")[:1] not in FUNCTION_TAGS:
            # 「拿湿布把坯子擦一遍」「拿筘把纬线打紧」「拿醒木往桌上一拍」「拿筘一打」: what stands between 拿/用 and
            # 把 (or a path, or a quick 一V) is the thing taken in hand, whatever jieba tags it (抹布/v, 筘/g)
            kinds[i] = "N"
            changed = True
        elif k == "V" and size == 2 and i and words[i - 1] in ("拿", "用") and i + 1 < n and len(words[i + 1]) == 2 \
                and words[i + 1][0] == w[0] and words[i + 1][1] in RESULT_COMPLEMENTS:
            # 「用熨斗熨平」: a thing named for what is done with it (jieba's 熨斗/v), then that doing with its result
            # (熨平/n), as 「用锤子锤平」: the thing taken in hand and the verb
            kinds[i], kinds[i + 1] = "N", "V"
            changed = True
        elif k == "V" and i and kinds[i - 1] == "O" and words[i - 1] in OBJECT_MARKERS and i + 1 < n \
                and words[i + 1] in ROUTE_MARKERS:
            kinds[i] = "N"  # 「把发根往头顶上一扎」: 把 takes a noun phrase, so what stands before the path is a thing
            changed = True
        elif size == 2 and w[0] == "一" and (w[1] in CONTEXT_HAND_VERBS or (
                dict.get(POS_TAGS.segment, w[1], "")[:1] == "v" and w[1] not in STOP_VERBS
                and (dict.get(POS_TAGS.segment, w, "") not in ("m", "mq") or any(
                    # 「往台口一站」: after a path, jieba's numeral + classifier 一站/m is 一 + the verb
                    words[j] in ROUTE_MARKERS for j in range(max(0, i - 4), i))))) and k != "Q" and (
                i + 1 == n or kinds[i + 1] == "P" or words[i + 1] in LINKING_ADVERBS):
            # 「举珠的人一晃,龙头就追」: 一 + a hand verb with nothing after it is a quick action
            kinds[i] = "V"
            changed = True
        elif size == 2 and w[0] == "一" and k != "Q" and i >= 2 and words[i - 1] in PLACE_SUFFIX \
                and (i + 1 == n or kinds[i + 1] == "P") and w[1] not in STOP_VERBS \
                and any(dict.get(POS_TAGS.segment, w[1] + c, "")[:1] == "v" for c in DICTIONARY_VERB_COMPLEMENTS) \
                and any(words[j] == "在" for j in range(max(0, i - 4), i - 1)) \
                and not any(kinds[j] in ("V", "T") and dict.get(POS_TAGS.segment, words[j], "")[:1] == "v"
                            for j in range(_clause_start(words, kinds, i), i)):
            # (nlp-fresh-a) 「在鼓心上一点。」: 在 + where + 上/里, then jieba's numeral 一点/m closing a clause with no verb
            # is 一 + the stroke made there (点出/v: a verb), not 'a little' (「放在上面一点」 has its verb)
            kinds[i] = "V"
            changed = True
        elif k is None and size == 1 and i >= 2 and words[i - 1] == "是" and _named_first_step(doc, i):
            kinds[i] = "V"  # (nlp-s21-steps) 「头一步是选壳」「头一样是选桥址」: the step named after its ordinal
            changed = True
        elif k is None and w == "过" and i and i + 1 < n and _passed_through(doc, i):
            kinds[i] = "V"  # (s22-steps) 「还要过一梭底纬」「再过一遍凉水」: 过 with no verb before it, then a count, is the verb
            changed = True
        elif k in (None, "N") and size == 1 and _quick_stroke(doc, i):
            kinds[i] = "V"  # (nlp-s21-steps) 「把扇子一丢」「拿放大镜一照」: 一 + the one character a 把/拿 clause needs
            changed = True
        elif k == "V":
            # (past here a verb meets only the rules for a verb, any other word only the others)
            if i and ((words[i - 1][-1:] in ("成", "作") and kinds[i - 1] in ("V", "T")
                       or (words[i - 1] == "成" and i >= 2 and kinds[i - 2] in ("V", "T")))
                      or (words[i - 1] == "的" and i > 1 and kinds[i - 2] in ("N", "T"))):
                kinds[i] = "N"  # 「卷成漏斗」「狮头的把手」: what a thing becomes, or what a noun owns, is a thing
                changed = True
            elif size == 1 and i and words[i - 1] in COUNT_PREV \
                    and not (i + 1 < n and (kinds[i + 1] == "Q" or _counts_taken(words[i + 1]))):
                # 「每遍晾个十五天」: after 每/几/各 a character is a classifier (遍/v), not a verb; a classifier
                # takes no number after it, so before a quantity it is the verb (「两边各塞两颗」「每人发三张」), and
                # so before a numeral + classifier jieba keeps as one word (「左手右手各抓一根」: 一根/m is no Q; ``_counts_taken``)
                kinds[i] = None
                changed = True
            elif size == 2 and w[0] in "不没" and w not in MANNER_VERBS:
                kinds[i] = None  # 「急不得」「不动」: a negated verb says what is not done, it is no action
                changed = True
        elif k in (None, "N") and size == 1 and i + 2 < n and words[i + 1] == "个" and kinds[i + 2] == "Q":
            kinds[i] = "V"  # 「一回灸个二十分钟」: a word before 个 + a quantity is what is done that long
            changed = True
        elif k == "N" and size == 2 and w[0] in DIRECTION_VERBS and i and kinds[i - 1] in ("N", "T") \
                and (i + 1 == n or kinds[i + 1] in ("P", "Q", "M")):
            kinds[i] = "V"  # 「香油跟药材下锅」: 上/下 + a noun after the thing moved is the verb (下锅, 上色)
            changed = True
        elif kinds[i] == "V" and i and ((words[i - 1][-1:] in ("成", "作") and kinds[i - 1] in ("V", "T")
                                         or (words[i - 1] == "成" and i >= 2 and kinds[i - 2] in ("V", "T")))
                                        or (words[i - 1] == "的" and i > 1 and kinds[i - 2] in ("N", "T"))):
            kinds[i] = "N"  # 「卷成漏斗」「狮头的把手」: what a thing becomes, or what a noun owns, is a thing
            changed = True
        elif kinds[i] == "N" and size == 2 and w[1] not in "子儿头" and i \
                and (w[0] in CONTEXT_HAND_VERBS or (dict.get(POS_TAGS.segment, w[0], "") == "v" and w[0] not in STOP_VERBS
                                                    # (「放好了配料」: a verb + a stuff word is the thing)
                                                    and w[1] not in MATERIAL_HEADS)) \
                and (words[i - 1] in ("了", "、", "就", "再", "先", "然后") or (
                    # 「把里头刮干净,碾平。」: a verb and its result (碾平/n) alone in its clause
                    w[1] in RESULT_COMPLEMENTS and kinds[i - 1] in ("P", "M"))) \
                and (i + 1 == n or kinds[i + 1] in ("P", "Q", "M")):
            # 「晒干了钻眼、穿线」「晾干了脱模」: a verb-object word jieba tags as a noun, where a predicate goes
            kinds[i] = "V"
            changed = True
        elif k in (None, "N") and size == 1 and i + 2 < n and words[i + 1] in ("在", "到", "进") \
                and (w in CONTEXT_HAND_VERBS or (i and kinds[i - 1] != "P" and mistagged_verb(POS_TAGS.segment, w))) \
                and (i == 0 or kinds[i - 1] in ("N", "T", "P", "H") or words[i - 1] in MANNER_VERBS
                     # (nlp-order) 「金箔夹在两层纸之间」: a craft's own word that is a thing is a subject like any noun
                     or (kinds[i - 1] == "A" and dict.get(POS_TAGS.segment, words[i - 1], "")[:1] == "n")
                     # 「一块夹在拇指跟食指中间」「整摞吊进缸里」: a numeral and classifier as the subject (jieba's
                     # 一块/m, 整摞/m)
                     or (len(words[i - 1]) == 2 and dict.get(POS_TAGS.segment, words[i - 1], "") in ("m", "mq")
                         and (words[i - 1][0] in NUMERAL_CHARS or words[i - 1][0] == "整"))) \
                and kinds[i + 2] in ("N", "T", None, "Q"):  # (nlp-order: where it goes may open with its count)
            # 「线套在轴上」: a hand verb jieba tags as a classifier, before where it goes; or, after its subject, a
            # character jieba tags a noun or a morpheme that its dictionary has as a verb (衬/n: 衬出/v; 吊/zg: 吊起/v,
            # ``resegment.mistagged_verb``): 「画稿衬在绢底下」「整摞吊进缸里」, not 「洞在正中间」
            kinds[i] = "V"
            changed = True
        elif k in (None, "N") and size == 1 and i + 1 < n and _mistagged_motion(doc, i):
            kinds[i] = "V"  # (s23-steps) 「飞到海上往下丢」: a verb jieba tags a noun opening its clause before 到
            changed = True
        elif (k is None or (k == "N" and size == 2 and w[1] in RESULT_COMPLEMENTS
                                   and (i + 1 == n or kinds[i + 1] == "P" or words[i + 1] == "了"))) \
                and i >= 2 and kinds[i - 2] == "O" and len(words[i - 1]) == 1 and kinds[i - 1] is None \
                and 1 <= size <= 2 and (dict.get(POS_TAGS.segment, w, "")[:1] == "v" or (
                    size == 2 and dict.get(POS_TAGS.segment, w[0], "x")[:1] not in FUNCTION_TAGS and w[1] in RESULT_COMPLEMENTS)):
            kinds[i] = "V"  # 「把它烫平」「把它熨平/n」: after 把 and a one-character object, the verb + result
            changed = True
        elif k in (None, "N") and size == 1 and i >= 2 and kinds[i - 2] == "O" and kinds[i - 1] in ("N", "T") \
                and i + 1 < n and dict.get(POS_TAGS.segment, w, "") in ("zg", "vg", "v") and w not in STOP_VERBS \
                and w not in SKIP and w not in COMPLEMENTS and (
                    dict.get(POS_TAGS.segment, words[i + 1], "") in ("a", "ad") or words[i + 1] in ASPECT_AFTER_VERB
                    or words[i + 1] in DIRECTIONAL_COMPLEMENTS or words[i + 1] in AFTER_VERB_WORDS):
            # 「把椰肉掏干净」「把线头揪出来」: 把 + its object + one character (a verb morpheme, 掏/zg) with a
            # result, direction or aspect after it is the predicate the 把 construction needs
            kinds[i] = "V"
            changed = True
        elif k in (None, "N", "A") and w not in SKIP and _verb_in_place(doc, i):
            kinds[i] = "V"
            changed = True
            if i + 1 < n and words[i + 1] in AFTER_VERB_WORDS and len(words[i + 1]) >= 2:
                kinds[i + 1] = None  # 「量出去」: the direction of the verb, no action of its own
        elif k in (None, "N") and size == 1 and i + 1 < n and words[i + 1] in _COMPLEMENT_NEXT \
                and _verb_before_complement(doc, i):
            kinds[i] = "V"  # (s26-steps) 「两只手也套上靴子」「竖着杵在左腿上」: a verb jieba tags otherwise
            changed = True
    if changed:
        doc.interesting[:] = list(compress(range(n), kinds))


# (s26-steps) what a verb takes right after it and a noun does not: where it goes (在/到/进 + a place), a direction or
# result before its object (上/下/起/住/开/出/掉 + a thing or a count), a direction compound (下来, 上去)
_PLACING_NEXT = frozenset(("在", "到", "进"))
_OBJECT_COMPLEMENT_NEXT = frozenset("上下起住开出掉")
# the jieba tags a verb character gets in its place that no noun of jieba's has alone: a classifier (套/q), a numeral
# (种/m), an unknown morpheme (杵/zg, 吊/zg), a bound verb or noun morpheme (vg, ng), no tag at all
_NON_NOUN_VERB_TAGS = frozenset(("q", "m", "zg", "vg", "ng", ""))
_COMPLEMENT_NEXT = _PLACING_NEXT | _OBJECT_COMPLEMENT_NEXT | DIRECTION_COMPOUNDS  # (read first: one lookup per token)
# the words ``_verb_before_complement`` never reads as the verb: function words, complements, directions, places,
# body and hand words, numerals and what stands before a count
_NEVER_VERB_BEFORE_COMPLEMENT = frozenset(SKIP).union(COMPLEMENTS, DIRECTION_WORDS, STOP_VERBS, NUMERAL_CHARS, PLACE_SUFFIX,
                                                      LOCATIVES, BODY_CHARS, LIMB_CHARS, HAND_CHARS, MEASURE_PREV,
                                                      POINT_BEFORE, DIRECTION_CHARS)


def _verb_before_complement(doc: Doc, i: int) -> bool:
    """(s26-steps) Token i, one character, stands where a predicate stands and a verb complement follows it: it is
    the verb, whatever jieba tags it. The complement: 在/到/进 and a place, 上/下/起/住/开/出/掉 and an object (a
    thing or a count), or a direction compound (下来, 上去). Where a predicate stands:

    * where only a predicate stands: after a sequence marker or an adverb (就, 也, 再, 轻轻), after a manner verb + 着
      (「竖着杵在」: V1着V2, the second the verb), after a personal pronoun (「他种下」);
    * where a subject may stand too: after a noun or a hand (「布带套在脖子上」), a numeral + classifier, 是 (「是套在
      手上的」), or opening its clause.

    The character: a tag no noun of jieba's has alone (a classifier, a numeral, a morpheme: 套/q, 种/m, 杵/zg), or a
    noun or name that jieba's dictionary has as a verb with a complement (绞/n: 绞起/v; ``resegment.mistagged_verb``);
    after a manner verb + 着 or a count said twice (``_one_by_one``), any noun tag (「竖着码进锅里」「一块块码在笼屉里」:
    no object stands between 竖着 and 进). Never a function
    word, a complement, a direction, a place, body or hand word or a numeral character; nor, where a subject may
    stand, a tool's or a material's head or a noun jieba counts with (杵, 种: the subject itself); the spec's own
    words are terms, never read here."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    w = words[i]
    if not ("\u4e00" <= w <= "\u9fff") or w in _NEVER_VERB_BEFORE_COMPLEMENT:
        return False
    pos = POS_TAGS.segment
    # the complement after it
    nxt = words[i + 1]
    after = kinds[i + 2] if i + 2 < n else "P"
    after_tag = dict.get(pos, words[i + 2], "") if i + 2 < n else ""
    if nxt in _PLACING_NEXT:
        if after not in ("N", "T", "H", "Q", None) or (after is None and after_tag[:1] not in ("n", "s", "f", "r")):
            return False
    elif nxt in _OBJECT_COMPLEMENT_NEXT:
        if not (after in ("N", "T", "H", "Q") or (after is None and after_tag in ("m", "mq")
                                                     and words[i + 2][:1] in NUMERAL_CHARS)):
            return False
    elif nxt not in DIRECTION_COMPOUNDS:
        return False
    tag = dict.get(pos, w, "")
    prev = words[i - 1] if i else ""
    if (prev == "着" and i >= 2 and words[i - 2] in MANNER_VERBS) or _one_by_one(words, kinds, i - 1):
        return tag[:1] not in FUNCTION_TAGS or tag[:1] in "qm"
    if not (tag in _NON_NOUN_VERB_TAGS or (tag[:1] == "n" and mistagged_verb(pos, w))):
        return False
    if i and (kinds[i - 1] == "M" or prev in PREDICATE_ADVERBS or prev in MANNER_ADVERBS or prev in ("了", "都")
              or (prev == "着" and i >= 2 and len(words[i - 2]) == 1 and dict.get(pos, words[i - 2], "")[:1] == "v")
              or (dict.get(pos, prev, "") == "r" and prev not in DEMONSTRATIVES and len(prev) <= 2
                  and prev[:1] not in "这那哪每各其")):
        return True
    # where a subject may stand too (a noun character opening its clause is its subject: 「洞在正中间」); there 上/下
    # may close a place (「歌圩上对歌」: where the verb after it is done), not the verb's direction, and a direction
    # compound says how the subject itself moves (「月亮升起来就点火」), no step of the hands
    if w in MATERIAL_HEADS or w in TOOL_HEADS or w in STOP_NOUNS or nxt in PLACE_SUFFIX \
            or (nxt in DIRECTION_COMPOUNDS and (not i or kinds[i - 1] != "H")):
        return False
    if i == 0 or kinds[i - 1] == "P":
        return tag[:1] != "n"
    if kinds[i - 1] in ("H", "N", "T") or prev == "是":
        return True  # (「木偶是套在手上的」: the 是…的 of how it is done)
    return dict.get(pos, prev, "") in ("m", "mq") and prev[:1] in NUMERAL_CHARS and kinds[i - 1] != "Q"


def _one_by_one(words: list, kinds: list, j: int) -> bool:
    """(s26-steps) Token j closes a numeral + classifier said twice (一块块, 一捆 一捆): 'one by one', how the verb
    after it is done; a noun after it would be counted by it once (一块石头), not one by one."""
    if j < 0 or kinds[j] == "Q":
        return False
    w = words[j]
    if len(w) == 3 and w[0] == "一" and w[1] == w[2]:
        return True
    return len(w) == 2 and w[0] == "一" and j >= 1 and words[j - 1] == w and kinds[j - 1] != "Q" \
        and dict.get(POS_TAGS.segment, w, "") in ("m", "mq")


def _mistagged_motion(doc: Doc, i: int) -> bool:
    """(s23-steps) Token i, one character jieba tags a noun or a morpheme that its dictionary has as a verb with a
    complement (飞/n: 飞出/v, 化/n: 化开/v; ``resegment.mistagged_verb``), opening its clause before 到 and where it
    goes or what it reaches (「飞到海上往下丢」), is the verb: a clause opens with its subject or its verb, and a
    one-character thing is no subject that 到 follows alone (the rule of ``open_kinds`` for 在/到/进 reads the word
    after a subject, and never a clause's first word there: 「洞在正中间」). Not a character that is also a
    complement or a direction (上, 出: ``mistagged_verb``)."""
    words, kinds = doc.words, doc.kinds
    return words[i + 1] == "到" and (i == 0 or kinds[i - 1] == "P") and i + 2 < len(words) \
        and kinds[i + 2] not in ("P", "V") and mistagged_verb(POS_TAGS.segment, words[i])


# (nlp-s21-steps) the last character of a step's ordinal before 是 (头一步是, 第二道是, 头一样是)
_ORDINAL_ENDS = frozenset("步样道")
# how many verbs of two characters jieba's dictionary must have opening with a character it tags otherwise (选/zg:
# 选择, 选取, 选用 …) for it to be read as a verb after a step's ordinal
_VERB_HEAD_MIN = 10


# (s22-steps) the verbs that take a thing in hand (拿起, 攥, 握住), not those of means (用, 靠, 使: 「用力」)
_GRIP_LEADS = frozenset(TOOL_LEAD - INSTRUMENT_LEADS)
# what stands between a grip verb and the thing it takes: the verb's own result or aspect, said apart by jieba (攥|住)
_GRIP_ENDS = frozenset(("住", "着", "起", "紧"))


def _held_thing(doc: Doc, i: int) -> bool:
    """(s22-steps) Token i, a word jieba tags a verb (飘带/v, 弓/v), closing its clause right after a grip verb (拿起,
    攥, 握住) and its result or aspect said apart (「右手攥住飘带,」), or after a grip verb and the determiner,
    numeral, classifier or adjective of a noun phrase (「拿起那张长弓,」): the thing gripped, which jieba's
    dictionary also has as a verb. (Right after the grip verb itself: the rule above it.)"""
    words = doc.words
    pos = POS_TAGS.segment
    if words[i - 1] in _GRIP_ENDS:
        return words[i - 2] in _GRIP_LEADS
    j = i - 1
    while j > 0 and i - j <= 3 and dict.get(pos, words[j], "")[:1] in ("q", "r", "a", "m") and doc.kinds[j] != "Q" \
            and words[j] not in NEGATIONS:
        j -= 1
    return j < i - 1 and words[j] in _GRIP_LEADS


def _held_tool(doc: Doc, i: int) -> bool:
    """(s26-slots) Token i, one character that heads tools' names (弓, 锤, 锯, 刨: ``words.TOOL_HEADS``) and that jieba
    tags a verb, right after a verb of the hand that takes a thing, with nothing after it in its clause (punctuation,
    the end, or in unpunctuated text the next clause's hand): the thing held, as the verb's object, not a second verb
    (a one-character verb does not close a clause after a verb of holding that has no object). The verbs: a grip verb
    (``_GRIP_LEADS``, ``words.GRASP_VERBS``: 握, 拿着), a verb of holding or carrying up (扶, 提, 举, 抡, 托 …) alone or
    with its aspect or result (着, 住, 起, 紧: 扶|着, 举起), or a verb of the hand with 开/满, which opens or draws
    what it takes (拉开, 拉满). Not a verb done while holding (「压着刷,」「拉着锯,」: 压, 拉 hold nothing here)."""
    words = doc.words
    if words[i] not in TOOL_HEADS:
        return False
    lead = words[i - 1]
    if lead in _GRIP_ENDS and i >= 2:
        lead = words[i - 2] + lead
    if lead in _GRIP_LEADS or lead in GRASP_VERBS:
        return True
    if lead[0] in HOLD_CHARS and (len(lead) == 1 or lead[1:] in _GRIP_ENDS):
        return True
    return len(lead) == 2 and lead[1] in "开满" and lead[0] in CONTEXT_HAND_VERBS


def _passed_through(doc: Doc, i: int) -> bool:
    """(s22-steps) 过 at i (jieba's aspect particle, ug) is the verb 'pass (through), go over' where no verb stands
    right before it to take the aspect (「泡过一遍水」 is 泡 + its aspect) and a count of the pass follows: a count
    quantity (「再过一遍凉水」) or 一 + a noun jieba keeps as one word (「还要过一梭底纬」: 一梭/n), or, after a modal or
    an adverb, the thing passed through and the verb done in it (「还得过香油回火」). Not before a
    time (「过两天」「过一会儿」: 'after'), which is a duration or a numeral word (一会儿/m, 一阵/m)."""
    words, kinds = doc.words, doc.kinds
    pos = POS_TAGS.segment
    pk, pw = kinds[i - 1], words[i - 1]
    # a modal after an adverb (「还得」「也要」) stands before a predicate; any other verb or 得 takes 过 as its aspect
    modal = pw in MODALS and (pw != "得" or (i >= 2 and words[i - 2] in PREDICATE_ADVERBS))
    if not modal and (pk in ("V", "C") or dict.get(pos, pw, "")[:1] == "v" or pw in ("着", "的", "得", "地")):
        return False
    nw, nk = words[i + 1], kinds[i + 1]
    if nk == "Q":
        return doc.quantities[i + 1].name == "count"
    if nk in ("N", "T") and (modal or pk == "M" or pw in PREDICATE_ADVERBS) and i + 2 < len(words) \
            and _verb_token(pos, kinds[i + 2], words[i + 2]):
        return True  # 「还得过香油回火」「再过清水冲一遍」: what it passes through, then what is done with it there
    return len(nw) == 2 and nw[0] == "一" and dict.get(pos, nw, "")[:1] in ("n", "q")


def _named_first_step(doc: Doc, i: int) -> bool:
    """(nlp-s21-steps) 「头一步是选壳」「头一样是选桥址,…」: after a step's ordinal (a word or a count ending in 步/样/道)
    and 是, one character jieba tags a morpheme or a noun (选/zg) that opens many verbs of its dictionary, with a noun
    after it, is the step's verb, its object the noun."""
    words, kinds = doc.words, doc.kinds
    w, j = words[i], i - 2
    if i + 1 >= len(words) or not (kinds[i + 1] in ("N", "T") or dict.get(POS_TAGS.segment, words[i + 1], "")[:1] == "n"):
        return False
    q = doc.quantities.get(j) if kinds[j] == "Q" else None
    if not (words[j][-1:] in _ORDINAL_ENDS and words[j][:1] in "一头第" or q is not None and q.raw[-1:] in _ORDINAL_ENDS):
        return False
    pos = POS_TAGS.segment
    if dict.get(pos, w, "")[:1] not in ("z", "n") or w in SKIP or w in COMPLEMENTS:
        return False
    return _verb_head_count(w) >= _VERB_HEAD_MIN


def _verb_head_count(w: str) -> int:
    """How many words of two characters jieba's dictionary tags a verb open with the one character ``w`` (read only in
    ``_named_first_step``'s rare slot; counted once per part-of-speech table, ``words.from_pos_table``)."""
    return from_pos_table(_verb_heads).get(w, 0)


def _verb_heads(table: dict) -> dict:
    heads: dict = {}
    for word, tag in table.items():
        if len(word) == 2 and tag[:1] == "v":
            heads[word[0]] = heads.get(word[0], 0) + 1
    return heads


def _quick_stroke(doc: Doc, i: int) -> bool:
    """(nlp-s21-steps) 「把芭蕉扇一丢」「拿放大镜一照,」「往锅里一撒」: after a 把 + its object, a thing taken with
    拿/用, or a path (往/朝/向) earlier in the clause, a bare 一 and one character jieba tags a noun or a morpheme
    (丢/zg, 照/n) is the quick action that clause needs, not a count: nothing but punctuation, a verb or 就/才/便
    follows it (one character more would be read as
    its object: 拉坯), and 一 + the character is no numeral word of jieba's dictionary (一点/m, 一步/m)."""
    words, kinds = doc.words, doc.kinds
    w = words[i]
    pos = POS_TAGS.segment
    if i < 3 or words[i - 1] != "一" or kinds[i - 1] is not None or not "\u4e00" <= w <= "\u9fff" \
            or w in STOP_VERBS or w in SKIP or w in COMPLEMENTS or w in DIRECTION_WORDS \
            or dict.get(pos, w, "x")[:1] in FUNCTION_TAGS or dict.get(pos, "一" + w, "")[:1] == "m":
        return False
    n = len(words)
    if i + 1 < n and not (kinds[i + 1] == "P" or words[i + 1] in LINKING_ADVERBS
                          or (kinds[i + 1] in ("V", "T") and len(words[i + 1]) >= 2)):
        return False
    for j in range(i - 2, max(-1, i - 8), -1):
        if kinds[j] == "P":
            return False
        if (kinds[j] == "V" or (kinds[j] == "T" and dict.get(pos, words[j], "")[:1] == "v")) and words[j] not in TOOL_LEAD:
            return False  # (the clause has its verb: 「刷一遍」; a thing the spec names, 灯笼, is no verb)
        if (kinds[j] == "O" and words[j] in OBJECT_MARKERS) or words[j] in ("拿", "用") or words[j] in ROUTE_MARKERS:
            return j + 1 < i - 1
    return False


# (nlp-s21-steps2) jieba's tags of a hand verb + 上/倒 it did not take for a verb: a place (塞上/s, frontier land), an
# adverb (按倒/d); never a locative (顶上/f: on top)
_GLUED_PUT_TAGS = frozenset(("s", "ns", "d"))


def _placed_manner_verb(doc: Doc, i: int) -> bool:
    """(nlp-s21-steps2) Token i (竖, 横, 立 …: ``MANNER_VERBS``, tagged a verb) follows a place closed by a locative
    (河里, 手里/s, 架子上) in a clause with no verb before it, and what follows it to the clause's end is its object:
    a noun of two characters or more, or 着 + a count + a noun (「手里横着一根竹竿」). Then it puts the thing there
    (not 「竖着放」, how the verb after it is done: a verb follows)."""
    words, kinds = doc.words, doc.kinds
    n, prev = len(words), words[i - 1]
    if not (prev in LOCATIVES or (len(prev) == 2 and prev[1] in PLACE_SUFFIX and kinds[i - 1] in (None, "N")
                                  and dict.get(POS_TAGS.segment, prev, "") in ("s", "f", "ns", ""))):
        return False
    j = i + 1
    if j < n and words[j] == "着":
        j += 1
        if j >= n or not (kinds[j] == "Q" or dict.get(POS_TAGS.segment, words[j], "") in ("m", "mq")):
            return False
        j += 1
    if j >= n or kinds[j] not in ("N", "T") or len(words[j]) < 2 or (j + 1 < n and kinds[j + 1] != "P"):
        return False
    for m in range(i - 2, -1, -1):
        if kinds[m] in ("P", "M"):
            return True
        if kinds[m] in ("V", "L") or (kinds[m] == "T" and dict.get(POS_TAGS.segment, words[m], "")[:1] == "v"):
            return False
    return True


def _posture_verb(words: list, kinds: list, i: int) -> bool:
    """(nlp-fresh-a) A distributive + a posture verb jieba glued into a noun or a pronoun (分站/n, 各站/r:
    ``words.POSTURE_PREFIXES``, ``POSTURE_VERBS``) right after the people who take it (a person word, 人, N们) and
    before where or how many (a place, a numeral word, a quantity, 在/到/着, or the clause's end) is that verb."""
    if not i:
        return False
    p = words[i - 1]
    if not (p in ("人", "们") or info_is_person((p, None)) or person_shaped(p, dict.get(POS_TAGS.segment, p, ""), PERSON_TAIL_CHARS)):
        return False
    if i + 1 == len(words) or kinds[i + 1] in ("P", "Q") or words[i + 1] in ("在", "到", "着") \
            or _counts_taken(words[i + 1]):
        return True
    return dict.get(POS_TAGS.segment, words[i + 1], "")[:1] in ("m", "f", "s")


def _counts_taken(w: str) -> bool:
    """(nlp-fresh-a) A numeral + classifier word (一边, 一头, 两排, 一根) after 每/几/各 + a character: it counts what the
    character takes, so that character is the verb (「两人各坐一边」「各扛一头」), not a classifier (每遍, 各层); never a
    numeral word that is an adverb or a likeness (一样, 一起, 一直: ``words.NUMERAL_ADVERB_TAILS``)."""
    return len(w) == 2 and w[0] in "一二两三四五六七八九十半" and w[1] not in NUMERAL_ADVERB_TAILS \
        and "\u4e00" <= w[1] <= "\u9fff"


def _verb_in_place(doc: Doc, i: int) -> bool:
    """Words jieba tags otherwise that stand where a predicate stands (``open_kinds``):

    * a verb of looking or practising right after a sequence marker (「先看风」「先练马步」);
    * after 先/再/然后/就, a two-character noun opening with a verb character and ending its clause is a
      verb-object word (「再分水」: jieba's 分水/n);
    * after 并 or V后, a two-character noun opening with a verb character is the next predicate (「并整理缎带」
      「蒸熟后切块」);
    * a one-character noun before a directional complement (「从这条线量出去」: nouns take no direction);
    * a one-character word jieba tags as a name (纳/nr, 拓/nr) after a modal or an adverb and before a
      quantity, its object or the clause end (「得纳八十一针」);
    * 和 with no noun after it (「三比七和的」「和匀了」) is to mix, not 'and'."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    w, k = words[i], kinds[i]
    size = len(w)  # (read by most tests: once)
    pos = POS_TAGS.segment
    if k == "N" and size == 2 and i + 1 < n and kinds[i + 1] == "B" and (i == 0 or kinds[i - 1] in ("P", "M")) \
            and (w[0] in DIRECTION_VERBS or (dict.get(pos, w[0], "")[:1] == "v" and w[0] not in STOP_VERBS)):
        return True  # 「下锅以前米要先淘」: what comes before 以前/之前 at the clause head is an action
    if i == 0 or k in ("V", "Q", "P", "T", "H", "M"):
        return False
    prev = words[i - 1]
    nxt_kind = kinds[i + 1] if i + 1 < n else "P"
    if size == 1 and ((w in CONTEXT_HAND_VERBS and w not in MANUAL_VERBS) or dict.get(pos, w, "") == "zg") \
            and k in (None, "N") and w not in SKIP and w not in COMPLEMENTS and kinds[i - 1] != "Q" and (
                (prev[-1:] not in NUMERAL_CHARS and i + 1 < n and (
                    words[i + 1] in ASPECT_AFTER_VERB or words[i + 1] in ("完", "好", "到")
                    or (len(words[i + 1]) == 1 and (words[i + 1] in RESULT_COMPLEMENTS or dict.get(pos, words[i + 1], "") == "a"))
                    # (nlp-fresh-a) 「一只脚踩上凳子」「手扶上栏杆」: after a limb or a hand, with 上/下/住 and where after it
                    or (words[i + 1] in ("上", "下", "住") and (prev[-1:] in LIMB_CHARS or prev[-1:] == "手")
                        and i + 2 < n and kinds[i + 2] in ("N", "T"))
                    or (words[i + 1] == "的" and i + 2 < n and words[i + 2] == "时候")
                    or (kinds[i + 1] == "Q" or (dict.get(pos, words[i + 1], "") in ("m", "mq")
                                                and words[i + 1][0] in NUMERAL_CHARS and i + 2 < n and kinds[i + 2] == "P"))))
                or (nxt_kind == "P" and (prev == "地" or prev in MANNER_ADVERBS or (
                    len(prev) == 4 and prev[:2] == prev[2:] and kinds[i - 1] is None)))
                or (prev == "一" and (nxt_kind == "P" or words[i + 1] in LINKING_ADVERBS))):
        # 「踩熟了」「踩的时候」「一圈一圈地踩」「一点一点剔」「脚一踩,」: a hand or foot verb jieba tags as a
        # morpheme (踩/zg, 剔/zg) where a predicate stands
        return True
    if size == 1 and w in CONTEXT_HAND_VERBS and k in (None, "N") and i + 2 < n and words[i + 1] in ("在", "到", "进") \
            and (prev in ("了", "就", "再", "先", "然后", "又") or (
                # 「打腰鼓,鼓挎在左边」: after the one word that opens the clause (its subject), with no other verb
                len(prev) == 1 and (i == 1 or kinds[i - 2] in ("P", "M")) and not any(
                    kinds[j] == "V" or (kinds[j] == "T" and dict.get(pos, words[j], "")[:1] == "v")
                    for j in range(i + 1, _clause_end(words, kinds, i))))):
        return True  # 「绳搓好了套在脚趾上」: a hand verb (套/q) after 了/就 before where it goes
    if size == 1 and k == "N" and dict.get(pos, w, "") == "n" and i + 2 < n and words[i + 1] == "进" \
            and (kinds[i + 2] in ("N", "T") or dict.get(pos, words[i + 2], "")[:1] == "n") and kinds[i - 1] in ("P", "M") \
            and w not in MATERIAL_HEADS and w not in TOOL_HEADS and w not in STOP_NOUNS and w not in BODY_CHARS \
            and w not in LIMB_CHARS and w not in HAND_CHARS:
        return True  # 「码进坛子」: a one-character word opening its clause right before 进 + a vessel is the verb (码/n)
    if size == 1 and k is None and dict.get(pos, w, "") in ("zg", "vg") and i + 2 < n and words[i + 1] in ("进", "到", "在") \
            and (kinds[i + 2] in ("N", "T") or dict.get(pos, words[i + 2], "")[:1] == "n") \
            and (kinds[i - 1] in ("P", "M") or prev in ("了", "就", "再", "先", "然后", "又")
                 or (kinds[i - 1] in ("N", "T") and i >= 2 and kinds[i - 2] == "O")):
        # 「扎紧以后丢进染缸」「把蚕茧丢进锅里」: a verb morpheme (丢/zg) opening its clause, or right after 把 +
        # its noun, before where it goes
        return True
    if size == 1 and k is None and dict.get(pos, w, "") in ("zg", "vg") and i >= 2 and words[i - 2] in TOOL_LEAD \
            and kinds[i - 1] in ("N", "T") and w not in TOOL_HEADS and w not in MATERIAL_HEADS \
            and w not in COMPLEMENTS and w not in DIRECTION_WORDS:
        # 「拿脚掌踩中间」「拿纱布滤出汁来」 (nlp-missed): 拿/用 + what is taken leaves a verb to serve; a verb
        # morpheme jieba tags as no verb (踩/zg, 滤/zg) right after the thing taken is that verb (not a tool's
        # head jieba left apart: 用挑/棒)
        return True
    if size == 1 and k is None and nxt_kind in ("N", "T") and dict.get(pos, w, "") == "zg" \
            and (prev in LOCATIVES or kinds[i - 1] == "H" or prev[-1] in LIMB_CHARS or prev[-1] in HAND_CHARS) \
            and w not in COMPLEMENTS and w not in DIRECTION_WORDS and _verbless_clause(words, kinds, i):
        # (s27-drops) 「左脚踩大锣」「中间垫上皮纸」「从山上叼石子」: right after where it is done (a locative) or the limb
        # or hand that does it, a character jieba tags a morpheme (踩/zg, 垫/zg, 叼/zg) before its object, in a clause
        # with no verb of its own, is that clause's predicate (jieba's zg is also a noun's piece, 「鸟飞」「蛟龙」, and a
        # name's, 「关公巡城」「嘉兴掼牛」: those follow no place or limb)
        return True
    if size == 2 and k is None and w[0] in DIRECTION_CHARS and w[1] in GOAL_PLACE_CHARS \
            and dict.get(pos, w, "") in ("ns", "f", "") and _clause_head(words, kinds, i) \
            and (nxt_kind == "P" or words[i + 1] == "一"):
        # (s27-drops) 「再下山。」「下山一问,」: a direction verb and the place it goes to (下山/ns, 上岸/f) opening its
        # clause and closing it, or before 一 + the move it leads to, is the move (jieba's place name; not 下山的路, a
        # path, nor 「先上山采叶子」, where going there is part of the verb after it)
        return True
    if size == 2 and k is None and dict.get(pos, w, "") in ("nr", "ns", "nz") and w[1] in RESULT_COMPLEMENTS and (
            (dict.get(pos, w[0], "")[:1] == "v" and w[0] not in STOP_VERBS)
            # 「两只手五指张开,」: closing its clause right after a hand (its fingers between), whatever its
            # first character is tagged (张/q), the name is the hand's verb and its result
            or (nxt_kind == "P" and (kinds[i - 1] == "H" or (i >= 2 and kinds[i - 2] == "H")))):
        return True  # 「把边修齐」: a verb and its result jieba reads as a name (修齐/nr)
    if size == 2 and k is None and dict.get(pos, w, "") in ("nr", "ns", "nz") and w[1] in "开上起住紧" \
            and w[0] not in STOP_VERBS and dict.get(pos, w[0], "x")[:1] in ("v", "q", "n") \
            and (kinds[i - 1] == "M" or prev in _PREDICATE_OPENERS) and nxt_kind in ("H", "T", "N"):
        # 「再张开两条胳膊」「再蒙上眼睛」: after 再/先/就, a verb and its result or direction jieba reads as a
        # name (张开/nr, 蒙上/ns; 张 alone is a classifier to it) before its object
        return True
    if size == 2 and k is None and w[1] in VERB_COMPLEMENT_SECONDS and dict.get(pos, w, "") in VERB_COMPLEMENT_ODD_TAGS \
            and w[0] not in STOP_VERBS and w[0] not in RESULT_VERBS \
            and (dict.get(pos, w[0], "")[:1] == "v" or (w[1] == "起" and dict.get(pos, w[0], "") == "q")) \
            and kinds[i - 1] != "R" and prev not in PLACE_MARKERS and _odd_verb_complement(doc, i, pos):
        # (nlp-actions) 「院子里架起一口锅」「缝里塞上棉絮」「艺人立于台前」「把庙门关上。」: a verb and its direction or
        # result jieba's dictionary has as a place, an adverb or a name (架起/s, 塞上/s, 立于/d), before its object or
        # where it stands with no verb after it in its clause, or closing the clause after 把 + its object (not
        # 「挂在树上」「树下一群孩子围着看」: a place after 在, or with its clause's own verb after it)
        return True
    if k in (None, "N", "A") and size >= 3 and w[1:] in DIRECTIONAL_COMPLEMENTS and dict.get(pos, w[0], "")[:1] == "v" \
            and w[0] not in STOP_VERBS and w[0] not in RESULT_VERBS and prev not in LINKING_ADVERBS:
        return True  # 「再翻过来」 (not after 就/才/便, a consequence: 「空竹就滚起来了」): a verb and its direction jieba tags as an idiom (翻过来/l)
    if k in (None, "N") and size == 3 and w[0] in "往朝向" and w[1] in "上下里外前后" and dict.get(pos, w[2], "")[:1] == "v" \
            and w[2] not in STOP_VERBS:
        return True  # 「身子往后仰」: 往 + a direction + a verb, one word jieba tags as a noun (往后仰/n)
    if w in SPEECH_VERBS and k is None and nxt_kind != "P" and (nxt_kind == "Q" or (
            dict.get(pos, words[i + 1], "") in ("m", "mq") and words[i + 1][0] in NUMERAL_CHARS)):
        return True  # 「讲一段帽赞」「唱两句」: speech with a counted object is a performance, an action
    if w in MARKED_VERBS and kinds[i - 1] == "M":
        return nxt_kind != "V"
    if w in PATH_CLOSING_VERBS and k is None and nxt_kind == "P" and _after_path(doc, i):
        return True
    if k == "N" and w[0] == "过" and size <= 3 and _is_working_tool(w[1:]):
        # 「面粉过筛。」「再过筛子」: jieba's one noun for 过 and a sieve, wherever it stands, is the verb 'pass
        # through' with the implement passed through (``roles._compound_object``/``_compound_object3`` read its tool)
        return True
    if k == "N" and size == 2 and (prev == "就" or kinds[i - 1] == "M" or prev in MODALS or prev in ONSET_VERBS) \
            and nxt_kind in ("P", "Q", "M") \
            and ((dict.get(pos, w[0], "")[:1] in ("v", "z") and w[0] not in STOP_VERBS) or w[0] == "过") \
            and (w[1] not in "子儿头" or (w[1] == "头" and prev in MODALS and prev not in ("要", "需要"))):
        # (过: jieba's aspect particle is the verb 'pass through' in 过筛, 过油; 「还得剃头」: after a modal, a
        # verb + 头 is the verb-object word, 剃头, 挠头, where 石头 opens with no verb; not after 要, also
        # 'need': 「要钻头」)
        return True
    if k == "N" and size == 2 and (prev == "并" or (prev == "后" and i >= 2 and kinds[i - 2] in ("V", "T"))) \
            and dict.get(pos, w[0], "")[:1] in ("v", "z") and w[0] not in STOP_VERBS and w[1] not in "子儿头":
        # (written text, wr2) 「敬献花篮并整理缎带」「蒸熟后切块」「并领唱《赶秋歌》」: what 并 ('and also') or V后
        # ('after V-ing') is followed by is the next predicate, so a noun of jieba's that opens with a verb
        # character (整理/n, 切块/n, 领唱/n) is that verb
        return True
    if size == 1 and k in (None, "N") and i + 1 < n and words[i + 1] in AFTER_VERB_WORDS and len(words[i + 1]) >= 2 \
            and (dict.get(pos, w, "")[:1] == "n" or (dict.get(pos, w, "") == "zg" and w in CONTEXT_HAND_VERBS)) and (w in CONTEXT_HAND_VERBS or (w not in MATERIAL_HEADS and w not in TOOL_HEADS)) \
            and w not in BODY_CHARS \
            and (kinds[i - 1] != "Q" or (w in CONTEXT_HAND_VERBS and doc.quantities[i - 1].name != "count")) \
            and prev[-1] not in NUMERAL_CHARS and dict.get(pos, prev, "") not in ("m", "mq"):
        # 「把它揭/zg 下来」; (「一场戏下来」: after a numeral and classifier it is a noun; 「烧到八百度夹出来」:
        # after a temperature, a time or a length, a hand verb is the next step)
        return True
    if size == 1 and k is None and dict.get(pos, w, "") in ("nr", "ns", "nrt") \
            and (prev in MODALS or prev in MANNER_ADVERBS or prev in PREDICATE_ADVERBS or kinds[i - 1] == "M") \
            and nxt_kind in ("P", "Q", "N", "T"):
        return True
    if size == 1 and k in (None, "N") and _counted_verb(doc, i, pos):
        return True
    if w == "和" and kinds[i - 1] not in ("P", "M") and (nxt_kind == "P" or (
            i + 1 < n and (words[i + 1] in ("的", "了", "匀", "好") or words[i + 1][:1] == "成"))):
        # (「拿温水和成团」: 和 before what it is mixed into, 成…, is to mix: 'and' joins no 成)
        return True
    return _predicate_noun(words, kinds, i, pos)


def _verbless_clause(words: list, kinds: list, i: int) -> bool:
    """(s27-drops) No other token of token i's clause is a verb: read as one (V), a verb of context (C), or a term
    jieba tags a verb (拿/T). (The clause runs between breaks; a list's 、 is one.)"""
    pos = POS_TAGS.segment
    a = i
    while a > 0 and kinds[a - 1] != "P":
        a -= 1
    n = len(kinds)
    for j in range(a, n):
        kj = kinds[j]
        if kj == "P" and j > i:
            break
        if j != i and (kj == "V" or kj == "C" or (kj == "T" and dict.get(pos, words[j], "")[:1] == "v")):
            return False
    return True


def _odd_verb_complement(doc: Doc, i: int, pos: dict) -> bool:
    """(nlp-actions, ``_verb_in_place``) Where a verb + complement jieba tags otherwise (架起/s) stands as the
    predicate: before its object (a count, a noun, a place word) with no other verb after it in its clause, or
    closing its clause after 把 + its object."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    if i + 1 >= n or kinds[i + 1] == "P":
        return i >= 2 and kinds[i - 2] == "O" and kinds[i - 1] in ("N", "T", "A")
    nxt = words[i + 1]
    if not (kinds[i + 1] in ("Q", "N", "T") or dict.get(pos, nxt, "")[:1] in ("n", "s")
            or (dict.get(pos, nxt, "") in ("m", "mq") and nxt[0] in NUMERAL_CHARS)
            # (「立于鼓前」: a one-character noun jieba tags otherwise (鼓/v) before a locative is where it stands)
            or (len(nxt) == 1 and i + 2 < n and dict.get(pos, words[i + 2], "") == "f")):
        return False
    return not any(kinds[j] == "V" or (kinds[j] == "T" and dict.get(pos, words[j], "")[:1] == "v")
                   for j in range(i + 1, _clause_end(words, kinds, i)))


def _counted_verb(doc: Doc, i: int, pos: dict) -> bool:
    """(nlp-verbs) One character jieba tags as no verb (化/n, 施/nr, 点/m) that its dictionary has as a verb
    (``resegment.verb_char``; for a numeral or classifier, heading a verb + complement word: 点出/v) is the verb
    where what follows it only a verb takes: the degree it reaches, 到 + a quantity (「铁水化到一千三百度」), or
    a counted object, a numeral and classifier and the noun counted (「通体施一层化妆土」「供品前点三炷香」). Not
    inside a noun phrase (after a numeral, a demonstrative, 每/几/各, 的 or a classifier: 「这点水」) nor right
    after a verb, where a classifier counts that verb's object with its 一 left out (「加点三年的陈醋」)."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    w = words[i]
    t = dict.get(pos, w, "")
    if i + 2 >= n or w in SKIP or w in DIRECTION_WORDS or w in NUMERAL_CHARS or w in STOP_VERBS or w in COUNT_PREV \
            or (w in COMPLEMENTS and t not in ("m", "q", "mq")):
        # (a complement or preposition before a counted noun is none of these verbs: 「在一块布上」「成三段」; a
        # classifier among them, 点, is)
        return False
    if not (verb_char(pos, w) or (t in ("m", "q", "mq")
                                  and any(dict.get(pos, w + c, "")[:1] == "v" for c in DICTIONARY_VERB_COMPLEMENTS))):
        return False
    if i:
        prev = words[i - 1]
        if kinds[i - 1] in ("Q", "O", "L", "R") or prev[-1] in NUMERAL_CHARS or prev in COUNT_PREV \
                or prev in ("的", "之") or dict.get(pos, prev, "") in ("m", "mq", "q", "r") or _verb_token(pos, kinds[i - 1], prev):
            return False
    if words[i + 1] == "到":
        return kinds[i + 2] == "Q"
    return counted_object(pos, words, kinds, i + 1)


_PATH_OPENERS = ROUTE_MARKERS | frozenset(("朝着", "对着", "从"))  # 往/朝/向 and the longer path openers
_LISTENERS = frozenset(("你", "您", "你们"))


def _after_path(doc: Doc, i: int) -> bool:
    """The clause before ``i`` says where a motion goes or comes from (往/朝/向/对着/从 + a place) and holds no verb
    (``_verb_in_place``: 「从锅底往锅边上带」「眼睛对着亮看」), said by no one talking to the listener (「你往这儿看」)."""
    words, kinds = doc.words, doc.kinds
    path = False
    for j in range(i - 1, -1, -1):
        k = kinds[j]
        if k in ("P", "M") or words[j] in LINKING_ADVERBS:
            break
        if k == "V" or k == "L" or k == "O" or words[j] in _LISTENERS:
            return False
        if words[j] in _PATH_OPENERS or (words[j] in ("对", "冲") and words[j + 1] == "着"):
            path = True  # (jieba may cut 对着 apart)
    return path


# the three places a one-character verb jieba tags as a thing puts what it moves (``_predicate_noun``)
_PLACED_AT = frozenset(("在", "到", "进"))
# what closes a predicate right after its verb: the aspect particles and a brief try
_CLOSING_PARTICLES = frozenset(("了", "着", "过", "一下"))


def _adverbial(pos: dict, kinds: list, words: list, j: int) -> bool:
    """Token j is what stands before a predicate only: a sequence marker, an adverb (jieba's d/ad, not a
    negation: 不/没 + a noun is no predicate), a modal or a verb of phase; not 就/才/便, after which what happens
    is a consequence, no step (「篾条就绞在一起了」)."""
    w = words[j]
    if w in LINKING_ADVERBS:
        return False
    return kinds[j] == "M" or w in MANNER_ADVERBS or w in PREDICATE_ADVERBS or w in MODALS or w in ONSET_VERBS \
        or (dict.get(pos, w, "") in ("d", "ad") and w not in NEGATIONS)


def _nominal(pos: dict, kind, w: str) -> bool:
    """A token that names a thing or a person: a noun, a hand, a craft word, or a term jieba tags no verb."""
    return kind == "N" or kind == "H" or (kind in ("T", "A") and dict.get(pos, w, "")[:1] != "v")


def _predicate_noun(words: list, kinds: list, i: int, pos: dict) -> bool:
    """A word jieba tags as a thing standing where the clause's predicate stands is its verb (``_verb_in_place``):

    * a verb + object word (``resegment.verb_object_word``: 降温/n, 吸气/n, 松手/n) after an adverb, a modal or a
      sequence marker, or after 一 (as soon as), closing its clause or followed by an aspect particle or a
      quantity (「慢慢降温。」「再鸣炮三响」「一松手,」); or right after the clause's subject alone (a noun, a
      hand or a person opening the clause), closing the clause or before an aspect particle or its object
      (「鼻子吸气。」「亲友分食。」「村民分食供品」);
    * one character before 在/到/进 and a place, with no other verb in the clause, after an adverb (「先卡在凳上」),
      or after 是 or the clause's subject alone when jieba's dictionary has it as a verb with a complement
      (套/q: 套住/v, 「木偶是套在手上的」; 夹/n: 夹住/v, 「金箔夹在纸里」).
    Never after a numeral, a classifier, a determiner or 的 (inside a noun phrase: 「这个松手」 is no clause), nor
    before 的 (a noun that names what is done: 「吸气的时候」 keeps its own rule)."""
    if kinds[i] == "A":
        return False  # a craft's own name (剪纸, 刺绣) is no verb of a step
    n = len(words)
    w, pk = words[i], kinds[i - 1]
    nw = words[i + 1] if i + 1 < n else ""
    nk = kinds[i + 1] if i + 1 < n else "P"
    # the token before i opens its clause (after punctuation, a sequence marker or a conjunction: 「同时鼻子吸气」)
    opens = i == 1 or kinds[i - 2] in ("P", "M") or dict.get(pos, words[i - 2], "") == "c"
    if len(w) >= 2:
        if not verb_object_word(pos, w) or (len(w) == 3 and w[-1] in PERSON_SUFFIXES):
            return False  # (演奏者/n is a person, no 演 + its object: nlp-persons)
        closes = nk == "P" or nw in _CLOSING_PARTICLES
        if words[i - 1] == "一":
            return nk == "P" or nw in LINKING_ADVERBS
        if _adverbial(pos, kinds, words, i - 1):
            return closes or nk == "Q"
        if pk == "P" and _opens_counted(words, kinds, i, pos):
            return True
        if _in_verb_series(words, kinds, i, pos):
            return True
        if closes and _led_or_alone(words, kinds, i, pos):
            return True
        # (after the subject alone: closing the clause, or before its object: 「村民分食供品」; a term jieba tags a
        # verb is no subject nor object: 「拿树枝蘸水」)
        return opens and _nominal(pos, pk, words[i - 1]) and (
            nk == "P" or nw in _CLOSING_PARTICLES or _nominal(pos, nk, nw))
    if nw not in _PLACED_AT or i + 2 >= n or kinds[i + 2] in ("P", "Q") or w in SKIP or w in COMPLEMENTS \
            or w in DIRECTION_WORDS or w in NUMERAL_CHARS or dict.get(pos, w, "x")[:1] not in ("n", "q", "m", "z", "") \
            or any(kinds[j] == "V" for j in range(i + 2, _clause_end(words, kinds, i))):
        return False
    if _adverbial(pos, kinds, words, i - 1):
        return True
    return (words[i - 1] == "是" or (opens and _nominal(pos, pk, words[i - 1]))) \
        and any(dict.get(pos, w + c, "")[:1] == "v" for c in DICTIONARY_VERB_COMPLEMENTS)


def _led_or_alone(words: list, kinds: list, i: int, pos: dict) -> bool:
    """(s22-steps) A verb + object word jieba tags as a thing (``verb_object_word``), closing its clause, is its
    predicate where nothing but a predicate can stand before it:

    * right after a route and its side (「往里吹气,」「再朝下哈气。」): a route leads to an act;
    * alone in its clause, after a clause whose verb it follows in a run of steps (「撒上盐，封口，」) or after the
      time of another act (「下针的时候憋住气,」). Not after a list's 、 (「宣纸、画稿,」 names things), nor after a
      clause with no verb (「材料呢,画稿,」)."""
    pw = words[i - 1]
    if pw in DIRECTION_WORDS and i >= 2 and words[i - 2] in ROUTE_MARKERS:
        return True
    if len(pw) == 2 and pw[0] in ROUTE_MARKERS and pw[1] in DIRECTION_WORDS:
        return True  # (jieba's one word 往下/朝里)
    if pw == "时候" and i >= 2 and words[i - 2] == "的":
        return True
    if kinds[i - 1] != "P" or pw not in _CLAUSE_COMMAS or i < 2:
        return False
    return any(_verb_token(pos, kinds[j], words[j]) for j in range(_clause_start(words, kinds, i - 2), i - 1))


# (s22-steps) the marks that end a clause in a run of steps (not a list's 、, a sentence's end, a quotation)
_CLAUSE_COMMAS = frozenset((",", "，", ";", "；"))


def _verb_token(pos: dict, kind, w: str) -> bool:
    """A verb: the kind of one, or a term jieba tags as one."""
    return kind == "V" or (kind == "T" and dict.get(pos, w, "")[:1] == "v")


def _in_verb_series(words: list, kinds: list, i: int, pos: dict) -> bool:
    """(nlp-verbs) A verb + object word jieba tags as a thing (``verb_object_word``: 钻眼/n, 鸣炮/n, 降温/n) in a
    series of predicates said with no pause between them is one of them: after a completed predicate (a verb with 了,
    or a verb + object word, which has its object) and before the next verb, the clause end or the count of the act
    (「梳背磨光了钻眼镶铜片」「鸭坯入炉转体出炉」「香客点火烧香，」). Not before a noun, where a verb + object word modifies it (「降温速度」
    「钻眼位置」), nor where its clause opens, where a noun before a verb is its subject as often (「松香擀成面」)."""
    n = len(words)
    nk = kinds[i + 1] if i + 1 < n else "P"
    nw = words[i + 1] if i + 1 < n else ""
    nverb = nk != "P" and _verb_token(pos, nk, nw)
    pw, pk = words[i - 1], kinds[i - 1]
    if pw == "了" or (len(pw) == 2 and pk in ("V", "T") and dict.get(pos, pw, "")[:1] == "v" and (
            dict.get(pos, pw[1], "")[:1] == "n" or pw[1] in TOOL_HEADS or pw[1] in MATERIAL_HEADS)):
        # (after 了, or after a word jieba's dictionary has as a verb whose second character is a thing, 入炉/v, 刷色/v,
        # 点火/v: a verb + object word, which has its object; any other verb before it may take it as its object,
        # 「摆上供品」「拣去杂质」, and so may a noun read as a verb by its place, 「并整理供品」: 整理/n)
        return nverb or nk in ("P", "Q", "M") or nw in _CLOSING_PARTICLES
    return False


def _opens_counted(words: list, kinds: list, i: int, pos: dict) -> bool:
    """(nlp-order) A verb + object word jieba tags as a thing (``verb_object_word``) opening its clause is its
    predicate when the count of the act follows it, a number only a verb takes here (「鸣锣九声」「鸣炮三十四响」).
    A noun opening a clause as its topic is followed by its predicate instead (「降温要慢」「吸气的时候」)."""
    if i + 1 >= len(words):
        return False
    nw = words[i + 1]
    return kinds[i + 1] == "Q" or nw[:1].isdigit() or (nw[:1] in NUMERAL_CHARS and dict.get(pos, nw, "") in ("m", "mq"))


def _after_hand(spec: Spec, doc: Doc, i: int) -> bool:
    """Token i follows a hand word, with at most a finger or other body word and manner adverbs between
    (「左手叉」「左手手指轻轻点」)."""
    j = i - 1
    while j >= 0 and i - j <= 3 and doc.kinds[j] != "H" and (
            doc.words[j] in MANNER_ADVERBS or dict.get(POS_TAGS.segment, doc.words[j], "")[:1] == "d"
            or (doc.words[j] in spec.terms and spec.terms[doc.words[j]].category == "body")):
        j -= 1
    return j >= 0 and doc.kinds[j] == "H"


# what is spent after the verb 花 (「花钱」「花了三天」「花个把月」「花工夫」); 花 with none of it is the flower
_SPENT = {"钱", "时间", "工夫", "功夫", "心思", "心血", "力气", "精力", "大价钱", "本钱", "银子"}


def _spends(words: list, kinds: list, i: int) -> bool:
    """花 at words[i] is the verb 'spend': what is spent (a quantity or a word of _SPENT) follows it, after
    了/掉/个/上/得 at most."""
    if i and (words[i - 1][-1:] in ("个", "朵", "种", "枝", "束", "的") or words[i - 1] in ("和", "跟", "与")):
        return False  # 「一个花一个花地挖」「一朵花」「采叶子和花」: counted or joined, a thing
    j = i + 1
    if j < len(words) and words[j] in ("了", "掉", "个", "上", "得", "过"):
        j += 1
    return j < len(words) and (kinds[j] == "Q" or words[j] in _SPENT or words[j][:1] in NUMERAL_CHARS)


# what follows a person named X手 where a verb X手 cannot stand (「织手就挖花」: a place word and 就 before the
# next verb), and at the head of its clause (「划手跟着鼓点」)
_AGENT_NEXT = {"就", "也", "都", "们", "便", "跟着", "一齐"}
_AGENT_HEAD_NEXT = {"跟着", "们", "一齐"}


def _agent_noun(spec: Spec, words: list, kinds: list, tags: dict, i: int, j: int) -> bool:
    """words[i:j] (a verb-tagged 鼓手, or X + 手 / 生 / 娘 as jieba cut a name it lacks) names a person
    (``persons.person_shaped``), not the verb X手 (洗手, 伸手), where ``persons.person_position`` and what follows say so:
    before a hand word as its owner (``OWNER_POSITIONS``: 「安塞腰鼓鼓手双手抡起」「绣娘左手托着…」; not 「…松手右手接住」,
    a verb before); X手 after 的 or a count (「下头的织手」「两个鼓手」「六十来个鼓手」), after a place word with
    就/也/都/们 after it (「底下织手就挖花」), or heading its clause with 跟着/们/一齐 or a body part + 里/上 after it, who
    does the next verb (「划手跟着鼓点一齐下桨」「鼓手腰里挂着鼓」)."""
    word = words[i] if j == i + 1 else words[i] + words[i + 1]
    if not person_shaped(word, tags.get(word, ""), PERSON_TAIL_CHARS):
        return False
    at = person_position(words, kinds, i, 0, tags)
    if kinds[j] == "H":
        return at in OWNER_POSITIONS
    if word[-1] not in AGENT_SUFFIX:
        return False  # (the other person endings, 工/生/娘…, only so: 加工, 发生 are verbs)
    nxt = words[j]
    if at == OWNED:
        return kinds[j] != "P"
    if at == PLACE:
        return nxt in _AGENT_NEXT
    if at == HEAD:
        # (not 就 here: 「伸手就抓」 is the verb)
        return nxt in _AGENT_HEAD_NEXT or (
            j + 1 < len(words) and words[j + 1] in BODY_LOCATIVES and _is_body(spec, nxt))
    return False


_PUNCT_OR_QUANTITY = frozenset(("P", "Q"))
# what a quantity right after 按/照 measures when it is the pressing itself (a count, a time, a rate), not the
# standard a later verb follows (``_step_kinds``, the rule of ROUTE_PREPOSITIONS)
_PRESS_MEASURES = frozenset(("count", "duration_s", "rate_per_min"))


# a word's own tag that cannot head what 把 names (a count, a pronoun, a function word, a place or a time word)
_BA_NO_HEAD_TAGS = frozenset("qmurdpcyexfs")


def _ba_object_kinds(doc: Doc) -> None:
    """(s23-carry) 把/将 takes a noun phrase before its verb, whatever jieba tags the words in it:

    * 「把明火/a 甩掉」「把松香/v 化开」: one word of two characters or more, tagged an adjective or a verb, right
      between 把 and a verb is the thing 把 names (a noun), not a step of its own;
    * 「把刻好的印版/v 放平」「把嚼烂的草药敷上」: a modifier closed by 的 right after 把 (opening with a verb or an
      untagged word, not a noun 把 names itself; a few words, no other clause's marker) says what the thing is
      like: its verbs (刻好, 嚼) make no step, and the word after 的, before the verb, is the thing (a noun, where
      jieba tags it a verb; not a verb with its result, 「把剪好的压平」).
    Not 的时候/时 (「把它切好的时候」: a time clause); the word after 的 is no pronoun, count or function word."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    pos = POS_TAGS.segment
    changed = False
    for i in doc.interesting:
        if kinds[i] != "O" or words[i] not in OBJECT_MARKERS or i + 2 >= n:
            continue
        j = i + 1
        de = -1
        for m in range(j + 1, min(n - 1, j + MODIFIER_REACH)):
            if kinds[m] in MODIFIER_STOP_KINDS or words[m] in NEGATIONS:
                break
            if words[m] == "的":
                de = m
                break
        w = words[j]
        if de < 0:
            if kinds[j] in (None, "V") and len(w) >= 2 and dict.get(pos, w, "x")[:1] in ("a", "v") \
                    and (kinds[j + 1] == "V" or (kinds[j + 1] == "T" and dict.get(pos, words[j + 1], "")[:1] == "v")):
                kinds[j] = "N"  # 「把明火甩掉」 (not 「将洗净晾干的鱼」: a modifier, below)
                changed = True
            continue
        if kinds[j] != "V" and kinds[j] != "C" and kinds[j] is not None:
            continue  # (「把托纸刷上去破了的地方…」: 把 names a noun of its own, the 的 is another clause's)
        if words[de + 1] in ("时候", "时") or kinds[de + 1] not in (None, "V", "N", "T") \
                or dict.get(pos, words[de + 1], "x")[:1] in _BA_NO_HEAD_TAGS or de + 2 >= n:
            continue
        h = de + 1
        m = h + 1
        while m < n and kinds[m] != "P" and kinds[m] != "V" and kinds[m] != "T":
            m += 1
        if m >= n or kinds[m] == "P":
            continue  # (「把包装拆开的盒子压扁」 cut 盒子压扁: no verb of the clause's own after the thing, nothing changed)
        if kinds[h] == "V" or kinds[h] is None:
            w, nxt = words[h], words[h + 1]
            if len(w) < 2 or w[-1] in RESULT_COMPLEMENTS or w[-1] in STATE_RESULTS or w[-1] in COMPLEMENTS \
                    or not (kinds[h + 1] == "V" or kinds[h + 1] == "T" or kinds[h + 1] == "R" or kinds[h + 1] is None
                            or (len(nxt) == 2 and nxt[0] == nxt[1])):
                continue  # (「把剪好的压平晾干」: a verb with its result after 的 is the step's own)
            kinds[h] = "N"  # 「把刻好的印版端端平平放在桌上」「把嚼烂的七叶一枝花敷上」: the word after 的 is the thing
        for m in range(j, de):
            if kinds[m] == "V" or kinds[m] == "C":
                kinds[m] = None  # 「把嚼烂的…」: the modifier's verb makes no step
        changed = True
    if changed:
        doc.interesting[:] = list(compress(range(n), kinds))


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
    pos = spec.pos_tags()  # (tag tables: dict.get(pos, w) throughout this module, dict's own get called directly when compiled)
    changed = False
    # no rule below reads punctuation or a quantity as anything else: they are skipped in C (the filter reads
    # each kind when the walk reaches it, as the test it replaces did); the rules stand in runs, each under the
    # kinds its rules read, so a token meets only the tests of its own kind
    for i in range(n):
        w, k = words[i], kinds[i]
        if k in _PUNCT_OR_QUANTITY:
            continue
        if w in WAIT_WORDS and i + 2 < n and (words[i + 1] in WAIT_SUBJECTS or kinds[i + 1] in ("N", "T")):
            j = i + 2
            while j < n and kinds[j] != "P" and words[j] not in WAIT_ENDS:
                if words[j] == "了" and j > i + 2 and (kinds[j - 1] is None or kinds[j - 1] in ("V", "C", "T")):
                    break  # 「等它凉了敲开模子」: the condition ends at 了, what follows is done
                if kinds[j] in ("V", "C") or (kinds[j] == "T" and dict.get(pos, words[j], "")[:1] in ("v", "a")):
                    kinds[j] = None
                    changed = True
                j += 1
            continue
        if k == "V" or k == "T" or k == "C":  # (each rule of this run reads a verb, a term or a complement)
            if k in ("V", "T") and not (
                    # 「捣烂了和到粉里」「分开捣烂」: a hand verb whose result is 烂, with no subject's 都/也 before it, is
                    # done on purpose (pounding, stewing), not a mishap
                    w[0] in MANUAL_VERBS and (w[1:] == "烂" or (len(w) == 1 and i + 1 < n and words[i + 1] == "烂"))
                    and not (i and words[i - 1] in MISHAP_ADVERBS)) and (
                    (len(w) <= 2 and w[-1] in MISHAP_CHARS and (len(w) == 1 or w[0] not in MISHAP_CHARS)
                     and (i + 1 == n or words[i + 1] in ("了", "啦") or kinds[i + 1] == "P"))
                    or (i + 1 < n and words[i + 1] in MISHAP_CHARS and (i + 2 == n or words[i + 2] in ("了", "啦")
                                                                        or kinds[i + 2] == "P"))) \
                    and (k == "V" or dict.get(pos, w, "")[:1] in ("v", "a", "n")):
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
            if (k == "V" or k == "C") and b >= 3 and kinds[b] in ("N", "T", None) and kinds[b - 1] == "R" \
                    and words[b - 1] not in ROUTE_MARKERS:
                b -= 2  # (b is read only for a verb, just below)
            if k in ("V", "C") and b >= 1 and words[b] in ("就", "便") and kinds[b - 1] in ("N", "T", "A") \
                    and words[b - 1][-1:] not in AGENT_NOUN_SUFFIX and words[b - 1][-1:] not in AGENT_SUFFIX \
                    and not _is_body(spec, words[b - 1]) and b - 1 not in doc.roles:
                j = i + 1
                while j < n and (words[j] in CONSEQUENCE_TAIL or (kinds[j] is None and dict.get(pos, words[j], "")[:1] in ("s", "f"))
                                 or (kinds[j] in ("N", "T") and words[j - 1][-1:] in ("到", "在") and j + 1 < n
                                     and dict.get(pos, words[j + 1], "") == "f")):
                    j += 1  # (「粉就扑到脸上」「面就落到案板上」: where it lands)
                if j > i + 1 and (j == n or kinds[j] == "P") and not _moves_on(words, kinds, i, j):
                    # (「龙头就追。」: a bare verb may be a role's move)
                    kinds[i] = None
                    for t in range(i + 1, j):
                        if kinds[t] in ("V", "C"):
                            kinds[t] = None
                    changed = True
                    continue
            if i and words[i - 1] in OBJECT_MARKERS and (k == "V" or (k == "T" and dict.get(pos, w, "")[:1] == "v")) and i + 1 < n \
                    and (kinds[i + 1] in ("N", "T") or (kinds[i + 1] is None and dict.get(pos, words[i + 1], "")[:1] == "n")) \
                    and any(kinds[j] == "V" or (kinds[j] == "T" and dict.get(pos, words[j], "")[:1] == "v")
                            for j in range(i + 2, _clause_end(words, kinds, i))):
                kinds[i] = None  # 「把杂毛挑出去」: 把 takes a noun; a verb-tagged word right after it is its modifier
                changed = True
                continue
            if i and words[i - 1] in OBJECT_MARKERS and k == "T" and dict.get(pos, w, "")[:1] == "v" and i + 1 < n \
                    and (kinds[i + 1] == "V" or (kinds[i + 1] == "T" and dict.get(pos, words[i + 1], "")[:1] == "v")):
                # (nlp-order) 「把泛音挤出来」: 把 takes a noun, so a term jieba tags a verb, right after it and
                # before the clause's verb, is what that verb works, not the step
                kinds[i] = "N"
                changed = True
                continue
            if i and len(w) == 1 and words[i - 1] in PATH_LEADS and (k == "V" or (k == "T" and dict.get(pos, w, "")[:1] == "v")) \
                    and i + 1 < n and (kinds[i + 1] == "V" or (kinds[i + 1] == "T" and dict.get(pos, words[i + 1], "")[:1] == "v")):
                kinds[i] = None  # 「顺着缝灌进去」「照着画描」: what 顺着/照着 follows is a thing; the verb after it is the step
                changed = True
                continue
            if i and len(w) <= 2 and words[i - 1] in _SOURCE_PREPOSITIONS and (k == "V" or (k == "T" and dict.get(pos, w, "")[:1] == "v")) \
                    and i + 1 < n and kinds[i + 1] != "P" and any(
                        kinds[j] == "V" or (kinds[j] == "T" and dict.get(pos, words[j], "")[:1] == "v")
                        for j in range(i + 1, _clause_end(words, kinds, i))):
                # (nlp-order) 「从折边开剪」「从剪口撕开」: 从/自 takes where from, a place; a verb jieba cut off right after it
                # (折/边) or a verb + object word naming the place (剪口) is no step, the verb after it is
                kinds[i] = None
                changed = True
                continue
            if k in ("V", "T") and w in ROUTE_PREPOSITIONS and i + 1 < n and (kinds[i + 1] in ("N", "T", None) or (
                    # 「烟料和胶按一比一配好」「一份按一斤多算」: a ratio or a measure after it is the standard the
                    # verb after it follows (not a count or a time of pressing: 「按两下就松开」「按三分钟」)
                    kinds[i + 1] == "Q" and doc.quantities[i + 1].name not in _PRESS_MEASURES)) \
                    and not (_is_material_word(words[i + 1]) or _is_tool_word(words[i + 1]) or _is_body(spec, words[i + 1])) \
                    and words[i + 1] not in ("住", "着", "了", "紧", "好") and words[i + 1] not in RESULT_COMPLEMENTS \
                    and not (len(words[i + 1]) == 1 and dict.get(pos, words[i + 1], "")[:1] == "a") \
                    and not (w[0] == "按" and i and (kinds[i - 1] == "H" or _is_body(spec, words[i - 1]))
                             and (words[i + 1] in PLACE_SIDES or words[i + 1] in LOCATIVES or words[i + 1][0] == "第")) \
                    and any(kinds[j] == "V" or (kinds[j] == "T" and dict.get(pos, words[j], "")[:1] == "v") or words[j] == "算"
                            for j in range(i + 2, _clause_end(words, kinds, i))):
                # 「按比例兑好」「照着画稿剪」: by what, a preposition before the verb (「按扁了包上馅」: 按 + its result
                # is the verb), or before 算 (「按一斤多算」: counted by); (s25-steps) 按 right after a hand or a body
                # part, its subject, and before where it presses (a side, a place, an ordinal) is the press
                # (「右手中指按第一个、食指按第二个」「左手按上头四个孔右手按下头四个孔」; still 「右手按比例兑好」)
                kinds[i] = None
                changed = True
                continue
            if k == "V" and ((len(w) == 1 and w in DIMENSION_CHARS and i + 2 < n and words[i + 1] == "个"
                              and kinds[i + 2] == "Q") or (len(w) == 2 and w[0] == "乱")):
                kinds[i] = None  # 「杆子还得长个二十公分」: a size; 「红绸乱飞」: how a thing goes, not a step
                changed = True
                continue
            o = i + 1
            if (k == "V" or k == "T") and i + 3 < n and kinds[i + 1] in ("N", "T") and len(words[i + 1]) <= 2 and i \
                    and dict.get(pos, words[i - 1], "") == "q":
                o = i + 2  # 「放个装粉的小盒子」: after a classifier, a verb and its object before 的 describe the thing
            if (k == "V" or (k == "T" and o == i + 2 and dict.get(pos, w, "")[:1] == "v")) and o + 1 < n and words[o] == "的" and words[o + 1] not in STOP_NOUNS and (
                    kinds[o + 1] in ("N", "T") or (kinds[o + 1] is None and dict.get(pos, words[o + 1], "")[:1] == "n")):
                kinds[i] = None  # 「放个装粉的小盒子」: a verb in a relative clause names a thing
                changed = True
                continue
            if (k == "V" or (k == "T" and dict.get(pos, w, "")[:1] == "v")) and (o := _closes_modifier(words, kinds, i)) is not None:
                # 「以水浸过的叶片揩拭」「筛下来的粉铺进蒸笼」 (nlp-modifier): a verb with what it brought about, closed by
                # 的 before a noun, describes that noun (also where the cut was repaired after _finish_doc read it); its
                # complement is no step either
                for t in range(i, o):
                    if kinds[t] in ("V", "C", "T"):
                        kinds[t] = None
                changed = True
                continue
        if w == "时候" and k != "P" and i >= 4 and words[i - 1] == "的" and kinds[i - 2] in ("N", "T") \
                and words[i - 3] in ("到", "在") and kinds[i - 4] == "V" and i + 1 < n and kinds[i + 1] == "V":
            kinds[i] = "P"  # 「跳到快板的时候跺脚」: the time clause ends at 的时候, like 「拉的时候,…」
            changed = True
            continue
        if k is None or k == "N" or k == "T":  # (the two rules of this run read an untagged word, a noun or a term)
            if k in ("N", "T", None) and (len(w) == 2 or (len(w) == 3 and k != "T" and verb_object_word(pos, w)
                                                                   and dict.get(pos, w[1:], "")[:1] == "n")) and (
                        (i + 2 < n and words[i + 1] == "、" and kinds[i + 2] == "V")
                        or (i >= 2 and words[i - 1] == "、" and _listed_action(words, kinds, i - 2))) \
                    and (dict.get(pos, w[0], "")[:1] in ("v", "a") or w[0] in CONTEXT_HAND_VERBS or w[0] in DIRECTION_VERBS) \
                    and (w[0] not in STOP_VERBS or w[0] in DIRECTION_VERBS) and w[1] not in "子儿头" and dict.get(pos, w, "")[:1] != "v" \
                    and not (k == "T" and i + 1 < n and kinds[i + 1] == "V" and _is_body(spec, w)) \
                    and (k is None or dict.get(pos, w[1], "")[:1] in ("n", "") or w[1] in MATERIAL_HEADS or len(w) == 3):
                # 「抖袖、翻袖、甩袖」「齐毛、切毛」: a verb-object word listed with actions is one (nlp-order: also one of
                # three characters, 「走台步、跑圆场」, a verb and a two-character noun, its object: not 写字台, 弹簧床)
                kinds[i] = "V"
                changed = True
                continue
            if k in (None, "N") and len(w) == 1 and i >= 2 and words[i - 1] == words[i - 2] and len(words[i - 1]) == 2 \
                    and words[i - 1][0] == "一" and i + 1 < n and (words[i + 1] in ("进", "在", "到", "上") or kinds[i + 1] == "P") \
                    and w not in SKIP and w not in COMPLEMENTS and dict.get(pos, w, "")[:1] not in ("q", "m", "f", "u", "p", "d"):
                kinds[i] = "V"  # 「一个一个码进榨槽」: after a reduplicated classifier, where the verb goes
                changed = True
                continue
        if k == "V" or k == "T":  # (each rule of this run reads a verb or a term)
            if k in ("V", "T") and i + 1 < n and words[i + 1] in ("那段", "这段", "那一段", "这一段", "那场", "这场", "那出", "这出") \
                    and (k == "V" or dict.get(pos, w, "")[:1] == "v"):
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
            if k in ("V", "T") and w in ("上", "进", "下") and i + 2 < n \
                    and ((kinds[i + 1] in ("N", "T") and not _is_body(spec, words[i + 1])) or _is_tool_word(words[i + 1])) \
                    and not _is_material_word(words[i + 1]) and (w == "进" or len(words[i + 1]) >= 2) \
                    and (kinds[i + 2] == "V" or (kinds[i + 2] == "T" and dict.get(pos, words[i + 2], "")[:1] == "v")):
                # 「上甑子蒸」「进炉烤」: into the vessel the next verb works in, the verb's place (上锅/下锅 are
                # verb-object words of their own: 「先上锅蒸」 is two steps)
                kinds[i] = None
                changed = True
                continue
        if k is None or k == "N" or k == "V":  # (the two rules of this run read an untagged word, a noun or a verb)
            if len(w) == 1 and k in (None, "N", "V") and i + 2 < n and words[i + 1] == "个" and len(words[i + 2]) == 1 \
                    and (i + 3 == n or kinds[i + 3] == "P") and dict.get(pos, w, "")[:1] in ("v", "a") and w not in STOP_VERBS \
                    and kinds[i + 2] in (None, "N", "V") and dict.get(pos, words[i + 2], "")[:1] in ("v", "n", "a") \
                    and (i == 0 or kinds[i - 1] in ("P", "M", "H") or words[i - 1] in PREDICATE_ADVERBS):
                # 「亮个相」「作个揖」: a verb-object word split by 个 closing its clause: the verb is the step (亮 is
                # no manner here), the character after 个 its object
                kinds[i], kinds[i + 2] = "V", "N"
                changed = True
                continue
            if k in (None, "N") and len(w) == 1 and i >= 1 and w not in SKIP and w not in COMPLEMENTS \
                    and w not in DIRECTION_WORDS and dict.get(pos, w, "x")[:1] not in FUNCTION_TAGS \
                    and ((words[i - 1] in DIRECTION_WORDS and i >= 2 and words[i - 2] in ROUTE_MARKERS)
                         or (len(words[i - 1]) == 2 and words[i - 1][0] in "往朝向" and words[i - 1][1] in DIRECTION_WORDS)
                         # 「往台子那边跑」: 往 + a noun + that side (那边/这边) + one verb character
                         or (words[i - 1] in SIDE_DEICTICS and i >= 3 and words[i - 3] in ROUTE_MARKERS
                             and (kinds[i - 2] in ("N", "T") or dict.get(pos, words[i - 2], "")[:1] == "n"))) \
                    and (i + 1 == n or kinds[i + 1] in ("P", "Q", "N", "T") or words[i + 1] in ("了", "着")):
                kinds[i] = "V"  # 「把琴码往里挪半寸」: right after 往 + a direction, one character (挪/ns) is the verb
                changed = True
                continue
            if k in (None, "N") and len(w) == 3 and w[0] == w[1] and dict.get(pos, w[0], "")[:1] == "v" and w[0] not in STOP_VERBS \
                    and dict.get(pos, w[2], "")[:1] in ("n", "v") and w not in spec.terms:
                # 「拿出来透透气」「晾晾干」: a one-character verb said twice (done briefly) with its object or result, one
                # word to jieba (透透气/n), is the verb
                kinds[i] = "V"
                changed = True
                continue
        if len(w) == 1 and k in ("V", "T") and i >= 2 and kinds[i - 1] == "Q" and doc.quantities[i - 1].name == "count" \
                and len(words[i - 2]) == 1 and (kinds[i - 2] == "V" or (kinds[i - 2] == "T" and dict.get(pos, words[i - 2], "")[:1] == "v")) \
                and (i + 1 == n or kinds[i + 1] == "P") and w != words[i - 2]:
            kinds[i] = "N"  # 「鞠三个躬」「磕三个头」: the character after V + a count closing the clause is V's object
            changed = True
            continue
        if k is None or k == "N":  # (each rule of this run reads an untagged word or a noun)
            if k is None and len(w) == 1 and i and kinds[i - 1] == "M" and dict.get(pos, w, "") == "p" and i + 1 < n \
                    and kinds[i + 1] in ("N", "T") and (i + 2 == n or kinds[i + 2] == "P"):
                kinds[i] = "V"  # 「先迈左脚,再跟右脚」: a coverb (跟/p) with its noun as the whole clause after 先/再 is the verb
                changed = True
                continue
            if k == "N" and len(w) == 2 and i >= 2 and dict.get(pos, w[0], "")[:1] == "v" and w[0] not in STOP_VERBS \
                    and w[1] not in "子儿头里上下中内外边前后旁" and w not in spec.terms and kinds[i - 1] in ("N", "T", None, "R") \
                    and _after_v_dao_place(words, kinds, i) and (i + 1 == n or kinds[i + 1] == "P"):
                kinds[i] = "V"  # 「编到脚跟收口」: after V到 + where, a verb-object word (收口/n) closing the clause is the
                # next step; a word ending in a localizer is still the place (「夹在指头缝里」: 缝里)
                changed = True
                continue
            if w == "点" and k is None and (i == 0 or kinds[i - 1] in ("P", "M")) and i + 2 < n and (
                    words[i + 1] in ("上", "着")
                    # 「点上焊药,」: jieba's 上焊药/v, the direction glued to the object
                    or (words[i + 1][:1] == "上" and 2 <= len(words[i + 1]) <= 3 and kinds[i + 1] in ("V", "T")
                        and dict.get(pos, words[i + 1], "")[:1] == "v" and dict.get(pos, words[i + 1][1:], "")[:1] == "n")
                    or (dict.get(pos, words[i + 1], "") in ("m", "mq") and (
                        dict.get(pos, words[i + 2], "") == "q" or (len(words[i + 1]) == 2 and words[i + 1][0] in NUMERAL_CHARS
                                                             and words[i + 1][0] != "一")))):
                kinds[i] = "V"  # 「点三炷香」「点上卤水」: 点 (jieba's numeral) opening a clause before a count or 上/着 is the verb
                changed = True
                continue
            if w == "点" and k is None and i and kinds[i - 1] not in ("V", "C", "Q", "L", "O") \
                    and words[i - 1][-1:] not in NUMERAL_CHARS and words[i - 1] not in POINT_BEFORE \
                    and dict.get(pos, words[i - 1], "")[:1] not in ("m", "r", "a", "v", "d", "q", "u") and (
                        # 「在眼睛上点一下」: 点 before a count of strokes
                        (i + 1 < n and kinds[i + 1] == "Q" and doc.quantities[i + 1].name == "count")
                        # 「点出来」「点上」: before its direction
                        or (i + 1 < n and (words[i + 1] in DIRECTION_COMPOUNDS or words[i + 1] in ("上", "出")))
                        # 「拿小锤点,」: closing its clause after the thing that does it
                        or ((i + 1 == n or kinds[i + 1] == "P") and kinds[i - 1] in ("N", "T"))
                        # (s26-steps) 「在穴位上点按」: after the place (a localizer closing it), before a one-character
                        # verb, the touch and the stroke that follows it
                        or (i + 1 < n and (words[i - 1] in LOCATIVES or (words[i - 1][-1] in PLACE_SUFFIX and dict.get(
                            pos, words[i - 1], "") in ("f", "s"))) and len(words[i + 1]) == 1 and (
                            kinds[i + 1] == "V" or (kinds[i + 1] == "T" and dict.get(pos, words[i + 1], "")[:1] == "v")))):
                # 点 (jieba's numeral) with no number, demonstrative, adjective or verb before it (「一点」「有点」
                # 「深点」「加点」 are 'a bit') is the touch of a brush, a hammer or a finger
                kinds[i] = "V"
                changed = True
                continue
            if w == "过" and k is None and i and dict.get(pos, w, "") == "ug" and (
                    (kinds[i - 1] in ("N", "T") and dict.get(pos, words[i - 1], "")[:1] == "n")
                    # 「在清水里过一下」: after the place (a localizer), no verb for the aspect to follow
                    or (kinds[i - 1] is None and dict.get(pos, words[i - 1], "") == "f" and words[i - 1] in LOCATIVES)) and i + 1 < n \
                    and (kinds[i + 1] == "Q" or dict.get(pos, words[i + 1], "") in ("m", "mq")):
                kinds[i] = "V"  # 「把药粉过一遍细筛」: the aspect 过 follows a verb; after a noun, before a count, it is the verb
                changed = True
                continue
            if k is None and len(w) == 1 and i + 1 < n and len(words[i + 1]) == 1 and kinds[i + 1] == "N" \
                    and (i + 2 == n or kinds[i + 2] == "P") and _clause_head(words, kinds, i) \
                    and (w in ("过", "起") or (dict.get(pos, w, "") in ("v", "vg") and w not in STOP_VERBS) or (
                        # (a bound morpheme may be a noun, 「鸟飞,」: a verb after a marker or a hand verb)
                        dict.get(pos, w, "") == "zg" and (w in CONTEXT_HAND_VERBS or kinds[i - 1] == "M"
                                                    or words[i - 1] in _PREDICATE_OPENERS))) \
                    and w not in DIRECTION_WORDS and dict.get(pos, words[i + 1], "")[:1] == "n":
                # 「配颜色、过梭」「再组船,」「荡两下,起帘,」: a verb character (过/ug, 起/v: an aspect or a
                # complement to jieba, 组/zg a morpheme) opening its clause with one character of object and
                # nothing else is a verb-object word jieba cut in two: the verb is the step
                kinds[i] = "V"
                changed = True
                continue
        if k == "T" and len(w) == 1 and i and i + 1 < n and w not in TOOL_HEADS and w not in MATERIAL_HEADS \
                and spec.terms[w].category == "technique" \
                and (kinds[i + 1] in ("N", "T") or words[i + 1] in ("上", "进", "好", "匀", "到", "在")) \
                and (kinds[i - 1] in ("N", "T", "M") or words[i - 1] in LOCATIVES or words[i - 1] in _PREDICATE_OPENERS
                     or dict.get(pos, words[i - 1], "") in ("f", "s")):
            # 「清水掺上香料」「灰膏里头掺纸筋」: one character the spec knows only as another craft's short name
            # for a technique (掺 for 掺针), with its object or complement after it, is the verb (to mix in);
            # the term is still listed
            kinds[i] = "V"
            doc.verb_terms.add(i)
            changed = True
            continue
        if k is None or k == "N" or k == "T":  # (each rule of this run reads an untagged word, a noun or a term)
            if k == "T" and len(w) == 1 and i and i + 1 < n and words[i + 1] in TECHNIQUE_VERB_NEXT \
                    and (words[i - 1] in MANNER_ADVERBS or (i >= 2 and words[i - 1] == words[i - 2] and words[i - 1][:1] == "一")
                         or (kinds[i - 1] in ("P", "M") and words[i + 1] in _OPENING_TECHNIQUE_NEXT and i + 2 < n
                             and kinds[i + 2] in ("N", "T"))) \
                    and w not in MATERIAL_HEADS and spec.terms[w].category == "technique":
                # 「慢慢盘出包浆」「一圈一圈盘到盆里」: after a manner adverb or a reduplicated 一X (how it is done) and before
                # its complement, another craft's one-character technique name (盘 for 盘金), a tool's head too, is the verb; so is
                # one opening its clause before where it puts a thing (nlp-order: 「盘进缸里」; not 「盘上…」, on the plate)
                kinds[i] = "V"
                doc.verb_terms.add(i)
                changed = True
                continue
            if k is None and len(w) == 1 and i and i + 1 < n and dict.get(pos, w, "") in ("v", "vn", "q", "zg", "vg") \
                    and w not in COPULAS and w not in _NOT_ON_HANDS and kinds[i - 1] not in ("V", "C", "L", "O", "Q") \
                    and (kinds[i - 1] != "T" or _body_word(spec, words[i - 1])) \
                    and (kinds[i + 1] == "H" or (words[i + 1] in _OTHER_HAND and i + 2 < n and words[i + 2] == "手")) \
                    and _clause_end(words, kinds, i) <= i + 3:
                # 「两根棍子管两只手」「小指头并在一起管另一只手」「中指套两只手」: a character jieba tags as a
                # classifier or a verbal noun (套/q, 管/vn) with a hand as its object closing the clause is the verb
                kinds[i] = "V"
                changed = True
                continue
            if k in (None, "N") and len(w) == 1 and i + 1 < n and (words[i + 1] in _SET_RESULTS or (
                    words[i + 1] == "到" and i + 2 < n and kinds[i + 2] == "Q")) \
                    and (i + 2 == n or words[i + 2] in ("了", "啦") or kinds[i + 2] in ("P", "Q")) \
                    and _closes_modifier(words, kinds, i) is None \
                    and dict.get(pos, w, "") in _VERB_READ_TAGS and (w not in STOP_VERBS or w in ("过", "对", "和")
                                                               or w in DONE_STOP_VERBS) \
                    and w not in MATERIAL_HEADS and w not in TOOL_HEADS and w not in BODY_CHARS and w not in STOP_NOUNS \
                    and w not in NUMERAL_CHARS and w not in DIRECTION_WORDS and w not in PLACE_SUFFIX \
                    and (_clause_head(words, kinds, i) or (
                        # after its subject heading the clause (「骨头对好了」), or a manner said twice (「一截一截绞紧」)
                        kinds[i - 1] in ("N", "T") and len(words[i - 1]) >= 2 and (i == 1 or kinds[i - 2] in ("P", "M", "N", "T")))
                         or (len(words[i - 1]) == 2 and words[i - 1][0] == "一" and i >= 2 and words[i - 2] == words[i - 1])):
                # 「和好了」「骨头对好了」「一梭彩绒过完了」「一截一截绞紧」「铁水化到一千六百度」: a character jieba reads
                # as a conjunction, a preposition, an aspect or a noun (和/c, 对/p, 过/ug, 绞/n, 化/n), where a
                # predicate stands, with a result (好, 完, 紧 + 了 or the clause end) or 到 + a value: the verb
                # (s23-steps: so is a stop-listed verb a step may be, ``DONE_STOP_VERBS``, 「药粉称好,」: 称 with a result weighs)
                kinds[i] = "V"
                changed = True
                continue
            if k in ("N", None) and 2 <= len(w) <= 3 and (w[1:] in DIRECTION_COMPOUNDS or w[1] in DIRECTION_CHARS
                                                          or w[1] in RESULT_COMPLEMENTS) \
                    and dict.get(pos, w[0], "")[:1] == "v" and w[0] not in STOP_VERBS and w not in spec.terms \
                    and (i + 1 == n or kinds[i + 1] == "P" or words[i + 1] in ("了", "啦")) \
                    and i >= 2 and kinds[i - 1] in ("N", "T") and (kinds[i - 2] == "O" or (
                        i >= 3 and kinds[i - 2] in ("N", "T", None) and len(words[i - 2]) <= 2 and kinds[i - 3] == "O")):
                # 「把炉门关上」「再把口子缝上」: after 把 and its noun, the word closing the clause is the predicate
                # (jieba's 关上/s, 缝上/n: a verb with its direction or result)
                kinds[i] = "V"
                changed = True
                continue
            if k in ("N", "T", None) and (len(w) == 2 or (len(w) == 3 and dict.get(pos, w[1:], "")[:1] == "n")) \
                    and i >= 1 and words[i - 1] == "一" and (
                        (w[0] in CONTEXT_HAND_VERBS and (
                            i == 1 or kinds[i - 2] in ("M", "H", "P") or words[i - 2] in MOTION_WORDS
                            or words[i - 2] in DIRECTION_WORDS or words[i - 2] == "的" or _is_body(spec, words[i - 2])))
                        or ((i == 1 or kinds[i - 2] == "P" or words[i - 2] == "的") and dict.get(pos, w[0], "")[:1] == "v"
                            and w[0] not in STOP_VERBS and (dict.get(pos, w[1:], "")[:1] == "n" or (k == "N" and w not in pos)))) \
                    and (i + 1 == n or kinds[i + 1] in ("P", "V") or words[i + 1] in LINKING_ADVERBS) \
                    and (dict.get(pos, w, "")[:1] in ("n", "v") or (w not in pos and k == "N")) \
                    and (k != "T" or spec.terms[w].category != "action"):
                # 「先一拍板」「先一拍桌子」「手腕一甩袖」: after a sequence marker, a hand or a direction, 一 + a word a
                # hand verb opens (jieba's 拍板/n, a clapper; 拍桌子/n) is that verb and its object done once, the step;
                # so at the head of its clause (「,一翻掌,」: 翻掌 joined by the noun repair) or after a person named
                # by 的 (「领头的一吹哨子,」)
                kinds[i] = "V"
                changed = True
                continue
        if k in ("T", "L") and len(w) == 1 and w in TOOL_LEAD and i and words[i - 1] == "一" \
                and (i + 1 == n or kinds[i + 1] == "P" or words[i + 1] in LINKING_ADVERBS):
            kinds[i] = "V"  # 「对折一捏」「往手心一攥」: a holding verb done once, with nothing held after it, is the step
            changed = True
            continue
        if k is None or k == "N" or k == "R":  # (each rule of this run reads an untagged word, a noun or a relation)
            if k in (None, "N") and i and (i + 1 == n or kinds[i + 1] == "P") and (i == 1 or kinds[i - 2] in ("P", "M")) \
                    and w not in spec.terms and _body_word(spec, words[i - 1]) and (
                        (len(w) == 1 and dict.get(pos, w, "") in ("v", "vg", "zg") and w not in STOP_VERBS
                         and w not in BODY_CHARS and w not in PLACE_SUFFIX)
                        or (len(w) == 2 and dict.get(pos, w, "")[:1] == "n" and dict.get(pos, w[0], "") in ("v", "vg", "zg")
                            and w[0] not in STOP_VERBS and w[1] not in "子儿头")):
                # 「脚踩,杠子压」「鼻子吸气,」: a body part heading its clause and one word closing it, a verb character
                # jieba tags as a morpheme (踩/zg) or a verb-object word it tags as a noun (吸气/n), is the movement
                kinds[i] = "V"
                changed = True
                continue
            if k in (None, "N") and i and words[i - 1] in DISTRIBUTIVES and (i == 1 or kinds[i - 2] in ("P", "M")) \
                    and i + 3 < n and kinds[i + 1] == "P" and words[i + 2] == words[i - 1] \
                    and (kinds[i + 3] == "V" or (kinds[i + 3] == "T" and dict.get(pos, words[i + 3], "")[:1] == "v")) \
                    and w not in SKIP and dict.get(pos, w[0], "x")[:1] not in FUNCTION_TAGS.difference("q"):
                # 「一个问,一个答」「一半背鼓,一半拿槌」: the same subject that shares out the work opens two clauses in a
                # row; where the second one's word is a verb, so is the first one's (问/n, 背鼓 unknown to jieba)
                kinds[i] = "V"
                changed = True
                continue
            if len(w) == 2 and w[1] == "着" and k in (None, "R") and _held_verb(spec, pos, words, kinds, i):
                kinds[i] = "V"  # 「左手大拇指按着弦」「木腿贴着小腿」: V着 + its object closing the clause is the step
                changed = True
                continue
        if k is not None and k != "N":
            continue
        if w == "和" and i and (kinds[i - 1] == "M" or words[i - 1] in ("再", "就", "才")) and i + 1 < n \
                and kinds[i + 1] in ("N", "T"):
            kinds[i] = "V"
            changed = True
        elif len(w) == 1 and i and kinds[i - 1] == "H" and i + 1 < n and words[i + 1] in ("在", "到", "住", "着") \
                and dict.get(pos, w, "") in ("v", "zg", "vg") and w not in STOP_VERBS:
            kinds[i] = "V"
            changed = True
        elif len(w) == 1 and i and i + 1 < n and words[i + 1] in ("在", "到", "住", "着") and _after_hand(spec, doc, i) \
                and dict.get(pos, w, "")[:1] in ("v", "z", "n", "m", "q") and w not in STOP_VERBS \
                and w not in BODY_CHARS and w not in HAND_CHARS and w not in LIMB_CHARS and w not in PLACE_SUFFIX \
                and w not in NUMERAL_CHARS and w not in DIRECTION_WORDS and w not in "心背面边侧尖根腕" \
                and not (w in spec.terms and spec.terms[w].category == "body"):
            # 「左手叉在腰上」(叉/n)「左手手指轻轻点在弦上」(点/m): a character jieba takes for a noun or a
            # numeral, after a hand (its finger, a manner adverb between) and before where it goes, is the
            # hand's verb
            kinds[i] = "V"
            changed = True
        elif len(w) == 3 and w[1] in "下起" and w[2] in BODY_TURN and dict.get(pos, w[0], "")[:1] in ("v", "a") \
                and w[0] not in STOP_VERBS:
            kinds[i] = "V"
            changed = True
        elif len(w) == 1 and i >= 2 and words[i - 1] == "一" and (i + 1 == n or kinds[i + 1] == "P"
                                                                   or words[i + 1] in LINKING_ADVERBS) \
                and (words[i - 2] in MOTION_WORDS or words[i - 2][:1] in "往朝向" or kinds[i - 2] == "H"
                     or (words[i - 2] in DIRECTION_WORDS and i >= 3 and words[i - 3] in ROUTE_MARKERS)
                     or _is_body(spec, words[i - 2])
                     # 「脖子先一缩」: a body part, 先/再, then 一 + the movement
                     or (kinds[i - 2] == "M" and i >= 3 and _body_word(spec, words[i - 3]))) \
                and w not in NUMERAL_CHARS and dict.get(pos, w, "")[:1] not in ("q", "m", "f") and w not in SKIP \
                and w not in DIRECTION_WORDS:
            kinds[i] = "V"
            changed = True
        elif w in CONTEXT_STOP_VERBS and k is None and i and _stop_verb_acts(words, kinds, i):
            kinds[i] = "V"  # 「一边摇一边讲」「都得练」「还要再称」: a stop verb whose place makes it the step
            changed = True
        elif k is None and w in EXCHANGE_STOP_VERBS and _exchange_acts(pos, words, kinds, i):
            kinds[i] = "V"  # (s27-narrative) 「给了他一颗…」「去问一个猎人」「先请家先」: the exchange with its object
            changed = True
        elif k is None and i and words[i - 1] in SIMULTANEOUS_MARKERS and dict.get(pos, w, "")[:1] == "v" \
                and w not in MODALS and w not in COPULAS and _stop_verb_acts(words, kinds, i):
            kinds[i] = "V"  # (nlp-s21-steps) 「一边洗一边念叨」「边做边听」: any verb after the second 边 of a pair is done
            changed = True  # at the same time as the first, a step, whatever list of stop verbs holds it
        elif w == "点" and i + 1 < n and words[i - 1:i] and (words[i - 1] in ("才", "就", "再", "先") or kinds[i - 1] == "M") \
                and kinds[i + 1] in ("N", "T") and len(words[i + 1]) == 1:
            kinds[i] = "V"
            changed = True
        elif w == "点" and k is None and (i == 0 or kinds[i - 1] == "P") and i + 1 < n and kinds[i + 1] in ("N", "T") \
                and (i + 2 == n or kinds[i + 2] == "P"):
            kinds[i] = "V"  # (s26-steps) 「点豆腐,」: opening its clause, with only its object after it, 点 counts nothing
            changed = True
        elif w == "点" and k is None and i and (
                # 「脚尖点地」「指尖点着鼓面」: 点 (jieba's numeral) right after a body part has no number to
                # count: it is the touch
                (_body_word(spec, words[i - 1]) and kinds[i - 1] != "Q"
                 and (i + 1 == n or kinds[i + 1] in ("P", "N", "T", "Q") or words[i + 1] in ("地", "着", "在", "到", "了")))
                # 「在碟边上轻轻点」: after a manner adverb or 地, closing its clause, or (s26-steps) before a verb, a
                # direction or the thing touched (「轻轻点下去」: a reduplicated manner adverb leaves no amount to count)
                or ((words[i - 1] in MANNER_ADVERBS or words[i - 1] == "地") and (
                    i + 1 == n or kinds[i + 1] in ("P", "V", "C", "N", "T") or words[i + 1] in DIRECTION_COMPOUNDS))):
            kinds[i] = "V"
            changed = True
    if not BEAT_LEADS.isdisjoint(words):  # (after the loop: the verb after what is followed may be one it found)
        for i in range(n):
            if words[i] in BEAT_LEADS and kinds[i] != "R" and _beat_followed(pos, doc, i):
                changed = True
    if changed:
        doc.interesting[:] = list(compress(range(n), kinds))


_BEAT_ENDS = frozenset(("在", "往", "朝", "向", "到", "从", "对着", "冲着"))


def _stop_verb_acts(words: list, kinds: list, i: int) -> bool:
    """(nlp-steps) A verb of ``CONTEXT_STOP_VERBS`` (称 对 比 练 做 学 讲 说) at token i is the step where its place
    says so: right after the second 一边/边 of a clause that has two (「一边摇一边讲」「一边打一边做」: both are done at
    once), or, for ``DONE_STOP_VERBS``, closing its clause right after a modal, 再 or 去 (「直槌横槌都得练」「还要再称」
    「拿到台子那儿去对」); 「我跟你讲」「称为」「对着」 stay what they were."""
    n = len(words)
    prev = words[i - 1]
    if prev in SIMULTANEOUS_MARKERS:
        a = i - 2
        while a >= 0 and kinds[a] != "P":
            if words[a] in SIMULTANEOUS_MARKERS:
                return True
            a -= 1
        return False
    return words[i] in DONE_STOP_VERBS and (i + 1 == n or kinds[i + 1] == "P") \
        and (prev in MODALS or prev == "再" or prev == "去")


def _exchange_acts(pos: dict, words: list, kinds: list, i: int) -> bool:
    """(s27-narrative) A verb of ``EXCHANGE_STOP_VERBS`` (给 问 请) at token i is the step when its own object follows
    it (after 了: a noun, a term, a pronoun or a count, 「问一个猎人」「请家先」; not a demonstrative, 「问这个」), 给
    only with what is given too (了 after it or a count within two words: 「给了他一颗枣核」; 「给孩子洗身子」 is for
    whom the next verb is done), nothing after it in its clause
    is a verb (a verb or a term jieba tags a verb; 像/是 aside: 「问他怎么做」 stays a question), and not said to or by
    the listener (你 before it in its clause: 「你问我」)."""
    n = len(words)
    w = words[i]
    j = i + 1
    if j < n and words[j] == "了":
        j += 1
    if j >= n or words[j][:1] in "这那哪" or not (
            kinds[j] in ("N", "T", "Q") or dict.get(pos, words[j], "")[:1] in ("n", "r", "m", "q")):
        return False
    if w == "给" and j == i + 1 and not any(
            kinds[t] == "Q" or dict.get(pos, words[t], "")[:1] == "m" for t in range(j, min(j + 3, n))):
        return False
    e = j
    while e < n and kinds[e] != "P":
        k = kinds[e]
        if k == "V" or k == "C" or ((k is None or k == "T") and words[e] not in COPULAS and words[e] != "像"
                                    and dict.get(pos, words[e], "")[:1] == "v"):
            return False
        e += 1
    a = i - 1
    while a >= 0 and kinds[a] != "P":
        if words[a] == "你" or words[a] == "您":
            return False
        a -= 1
    return True


def _beat_followed(pos: dict, doc: Doc, i: int) -> bool:
    """「跟着节拍在碗边上敲」「随着呼吸慢慢起伏」「伴着二胡唱」「踩着鼓点往前跳」: after a lead of what is kept with
    (``BEAT_LEADS``, jieba may cut it as V + 着), the words up to where (在/往…) or the next verb are what is
    followed, when a verb of the clause comes after them: the lead becomes a relation (what follows it is
    no subject, tool or material) and a word jieba tags as a verb there (节拍/v, 呼吸/v) a noun, no step.
    「左手跟着甩」 (no noun), 「踩着刀刃往上爬」 (踩着 before no beat) and 「跟着哼」 (no verb after) are left.
    A person named X手 opening the clause right before the lead (「划手跟着鼓点一齐下桨」) is who does it (a role:
    what the hand before held is not carried to another person)."""
    words, kinds = doc.words, doc.kinds
    w, n = words[i], len(words)
    if len(w) == 2:
        if w[1] != "着":
            return False
        j0 = i + 1
    elif i + 1 < n and words[i + 1] == "着":
        j0 = i + 2
    else:
        return False
    j = j0
    while j < n and kinds[j] in ("N", "T", "V", None) and words[j] not in _BEAT_ENDS and words[j] not in SKIP \
            and words[j][:1] not in "往朝向":
        if j > j0 and (kinds[j] == "V" or (kinds[j] == "T" and dict.get(pos, words[j], "")[:1] == "v")):
            break
        if j == j0 and (kinds[j] == "V" or (kinds[j] == "T" and dict.get(pos, words[j], "")[:1] == "v")) \
                and (len(words[j]) < 2 or dict.get(pos, words[j], "")[:1] != "v"):
            return False  # 「跟着甩」「跟着穿过去」: the verb itself
        j += 1
    if j == j0 or j - j0 > 3 or kinds[j0] is None or (w[0] == "踩" and words[j - 1][-1] not in BEAT_CHARS):
        return False
    e = _clause_end(words, kinds, j)
    if not any(kinds[t] == "V" or (kinds[t] == "T" and dict.get(pos, words[t], "")[:1] == "v") for t in range(j, e)):
        return False
    for t in range(i, j0):
        kinds[t] = "R" if t == i else None
    if i and kinds[i - 1] is None and words[i - 1][-1] in AGENT_SUFFIX \
            and person_shaped(words[i - 1], dict.get(pos, words[i - 1], ""), AGENT_SUFFIX) \
            and person_position(words, kinds, i - 1) == HEAD:
        kinds[i - 1] = "N"
        doc.roles.add(i - 1)
    for t in range(j0, j):
        if kinds[t] == "V":
            kinds[t] = "N"
    return True


# coverbs of a path, a direction, a standard or a company: 「顺着纹路」「照着画稿」「跟着鼓点」 stay relations
_NOT_HELD = frozenset("照对朝冲向顺沿随跟趁凭本为接依")


def _held_verb(spec: Spec, pos: dict, words: list, kinds: list, i: int) -> bool:
    """「左手大拇指按着弦」「木腿贴着小腿」「手心靠着碗底」 (r10-steps): a V着 jieba tags as a preposition (按着/p)
    or the lexicon as a relation (贴着), after its subject (a hand, a body part or a thing) and before a
    noun that closes the clause with no verb of its own after it, is the verb: the held posture is the
    step. With a verb after it (「针贴着指甲进去」「按着顺序摆」), or listed with 、 before the verb (「手贴着茶、茶
    贴着锅,往锅边上带」), it stays how that verb is done."""
    w = words[i]
    if w[0] in _NOT_HELD or not i or not (
            kinds[i - 1] in ("N", "T", "H") or _is_body(spec, words[i - 1])):
        return False
    if w[0] == "按" and kinds[i - 1] != "H" and not _is_body(spec, words[i - 1]):
        return False  # (按着 after a thing is 'according to': 「图样按着尺寸」)
    if any(words[k] == w and words[k + 1] == words[i - 1] for k in range(max(0, i - 4), i - 1)) \
            or any(words[k] == w and words[k - 1] == words[i + 1] for k in range(i + 3, min(len(words), i + 6))):
        return False  # 「手贴着茶、茶贴着锅」: a chain of the same posture, how the next verb is done
    j, noun = i + 1, False
    while j < len(words) and kinds[j] != "P":
        kj = kinds[j]
        if kj in ("V", "C", "M", "L", "O", "H") or (kj == "T" and dict.get(pos, words[j], "")[:1] == "v"):
            return False
        noun = noun or kj in ("N", "T")
        j += 1
    # 「手贴着茶、茶贴着锅,从锅底往锅边上带」: postures listed with 、 say how the verb after them is done
    return noun and not (j < len(words) and words[j] == "、")


def _body_word(spec: Spec, w: str) -> bool:
    """A body part as the subject of a movement: the spec's, or a noun of at most two characters opening
    with a limb, hand or body character (脖子, 脚尖, 头)."""
    return _is_body(spec, w) or (len(w) <= 2 and w[:1] in BODY_MOVERS and w not in STOP_NOUNS
                                 and dict.get(POS_TAGS.segment, w, "")[:1] == "n")


def _manner_hands(doc: Doc) -> None:
    """A word that says how the hand acts (反手/v, 顺手/d, 空手/n …) is no step and no hand: its kind
    is cleared, so the verb after it is the action (「反手往里挑」 → 挑)."""
    kinds = doc.kinds
    hit = False
    for i, w in enumerate(doc.words):
        if (w in MANNER_HANDS and kinds[i] is not None and kinds[i] not in ("P", "Q")) or (
                w in HAND_PART_CHARS and i and kinds[i] in ("V", "T", "N") and (
                    (kinds[i - 1] == "H" and doc.words[i - 1][-1] == "手" and not _moved_to(doc, i))
                    or (i >= 2 and doc.words[i - 1] == "的" and kinds[i - 2] == "H"))):
            kinds[i] = None  # (「两个手|掌往里一合」: the palm of the hand, no verb)
            hit = True
    if hit:
        doc.interesting[:] = list(compress(range(len(kinds)), kinds))


def _moved_to(doc: Doc, i: int) -> bool:
    """(nlp-s21-steps) 「左手背到身后」「两只手背到后头」: a hand, a verb of putting or holding that is also a part of the
    hand (背: the back of the hand) and 到 + where: the hand is put there, the character is the verb."""
    return doc.words[i] in HANDLED_VERBS and i + 2 < len(doc.words) and doc.words[i + 1] == "到" \
        and doc.kinds[i + 2] != "P"


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


# the results after which a character is read as the verb that reaches them (``_step_kinds``), and the tags
# jieba gives such a character (和/c, 对/p, 过/ug, 绞/n, 组/zg)
_SET_RESULTS = frozenset("好完紧匀透平实齐牢准")
_SOURCE_PREPOSITIONS = frozenset("从自")  # (nlp-order) 'from': a place follows, never the verb
_OPENING_TECHNIQUE_NEXT = frozenset("进到在成出")  # (nlp-order) what a technique name opening its clause is put by
_VERB_READ_TAGS = frozenset(("n", "c", "p", "ug", "zg", "vg", "v", "ng"))

# a hand as an object after one character (``_step_kinds``): 「另一只手」 as jieba cuts it, and the characters
# that relate to a hand without acting on it (像/比/跟…: a comparison or a company)
_OTHER_HAND = frozenset(("另一只", "一只", "这只", "那只"))
_NOT_ON_HANDS = frozenset("是有像比跟和同为当在到给")

# words after which a predicate opens (a clause done, a sequence or a linking adverb)
_PREDICATE_OPENERS = frozenset(("了", "就", "再", "先", "又", "然后", "还要", "再去"))


def _clause_head(words: list, kinds: list, i: int) -> bool:
    """Token i opens a predicate: the text's first word, or after a clause break, a sequence marker, 了 or
    就/再/先/又 (not 才, a state: 「这刀子才攒劲」)."""
    return i == 0 or kinds[i - 1] in ("P", "M") or words[i - 1] in _PREDICATE_OPENERS


def _clause_start(words: list, kinds: list, i: int) -> int:
    """The first token of token i's clause (a list's 、 does not end one)."""
    j = i
    while j > 0 and (kinds[j - 1] != "P" or words[j - 1] == "、"):
        j -= 1
    return j


def _clause_end(words: list, kinds: list, i: int) -> int:
    """The end of token i's clause (a list's 、 does not end it)."""
    j = i
    while j < len(kinds) and (kinds[j] != "P" or words[j] == "、"):
        j += 1
    return j


# (nlp-steps) what the second character of a listed verb-object item never is: a particle, a numeral, a pronoun…
_PAIR_OBJECT_BAD_TAGS = frozenset("uyxmpcdr")


def _listed_pairs(spec: Spec, doc: Doc) -> None:
    """(nlp-steps) 「纺线、闯杼、掏综、织布」「宰杀、烫毛、灌汤、入炉」: an item of a 、 list of actions that jieba cut into
    two one-character words, a verb (闯/v, 掏/zg) and its object (杼/g, 综/vn), is one verb-object action: the two
    become one verb word, so that the step is named as the speaker listed it (not 闯 alone, nor 综 read as the
    verb). Only beside a listed action (``_item_acts``), and where one half is the verb and the other untagged (no
    spec term, no noun: 烫/毛 is read as a verb and its object already)."""
    words, kinds = doc.words, doc.kinds
    if "、" not in words:
        return
    pos = spec.pos_tags()
    i = 1
    changed = False
    while i + 1 < len(words):
        n = len(words)
        w1, w2 = words[i], words[i + 1]
        # (a verb + a noun jieba tags so, 烫/毛, is read as verb and object already: only a half left untagged)
        if len(w1) == 1 and len(w2) == 1 and ((kinds[i] == "V" and kinds[i + 1] is None)
                                              or (kinds[i] is None and kinds[i + 1] == "V")) \
                and i not in doc.verb_terms and i + 1 not in doc.verb_terms \
                and (words[i - 1] == "、" or (i + 2 < n and words[i + 2] == "、" and (
                    kinds[i - 1] in ("P", "M") or words[i - 1] == "有"
                    or (dict.get(pos, words[i - 1], "")[:1] in ("p", "c") and words[i - 1] not in OBJECT_MARKERS)))) \
                and (i + 2 == n or words[i + 2] == "等" or kinds[i + 2] == "P") \
                and (dict.get(pos, w1, "")[:1] == "v" or dict.get(pos, w1, "") in ("zg", "vg") or w1 in MANUAL_VERBS) \
                and w1 not in STOP_VERBS and w1 not in NUMERAL_CHARS and w2 not in PUNCT \
                and w2 not in ASPECT_AFTER_VERB and dict.get(pos, w2, "x")[:1] not in _PAIR_OBJECT_BAD_TAGS:
            # a neighbouring item of the list is an action itself: not a list of things
            if (words[i - 1] == "、" and _item_acts(pos, words, kinds, i - 2, -1)) \
                    or (i + 2 < n and words[i + 2] == "、" and _item_acts(pos, words, kinds, i + 3, 1)):
                _join_next(doc, i)
                kinds[i] = "V"
                if doc.verb_terms:
                    doc.verb_terms.difference_update(r := {j for j in doc.verb_terms if j > i})
                    doc.verb_terms.update(j - 1 for j in r)
                changed = True
        i += 1
    if changed:
        doc.interesting[:] = list(compress(range(len(words)), kinds))


def _item_acts(pos: dict, words: list, kinds: list, j: int, step: int) -> bool:
    """(nlp-steps) The 、 list item whose first (step 1) or last (step -1) token is j names an action: one of its
    one or two tokens is a verb, or a term jieba tags as a verb or opens with a verb character (经线, 浆线); the
    item is bounded (punctuation or 等 within those three tokens: not the last of a list of things running on into
    its predicate, 「把奶食、白酒洒向…」)."""
    acts = False
    for k in range(3):
        if j < 0 or j >= len(words) or kinds[j] == "P" or words[j] == "等":
            return acts
        if k == 2:
            return False  # (an item is one or two words)
        if kinds[j] == "V" or (kinds[j] == "T" and (dict.get(pos, words[j], "")[:1] == "v"
                                                    or dict.get(pos, words[j][:1], "")[:1] == "v")):
            acts = True
        j += step
    return False


def _job_name_opening(spec: Spec, doc: Doc) -> None:
    """「打月饼先和面」「过年包饺子,先剁馅」: the text's first verb with its object, followed by 先 (in
    the same clause or opening the next), names the whole job the steps make up: no step of its own."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    pos = spec.pos_tags()
    v = next((i for i in range(n) if kinds[i] in ("V", "T") and dict.get(pos, words[i], "")[:1] == "v"), None)
    if v is None or any(kinds[j] in ("M", "H", "L", "O", "R") for j in range(v)):
        return
    j = v + 1
    if j < n and (kinds[j] in ("N", "A", "T") or (kinds[j] is None and len(words[j]) == 1
                                                  and dict.get(pos, words[j], "")[:1] in ("n", "q"))) \
            and dict.get(pos, words[j], "")[:1] != "v":
        j += 1
    elif not (len(words[v]) >= 3 or words[v][-1:] in ("子",) or (
            # 「扎灯先扎骨架」「吹火先得备松香」: a two-character verb-object word right before 先
            len(words[v]) == 2 and j < n and words[j] in JOB_OPENERS and dict.get(pos, words[v][0], "")[:1] == "v"
            and dict.get(pos, words[v][1], "")[:1] == "n")):
        return  # the verb's object must be said (or be inside a verb-object word)
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
            and all(kinds[t] is None and dict.get(pos, words[t], "")[:1] in ("t", "n", "ns") for t in range(v)) \
            and sum(1 for t in range(j, n) if kinds[t] == "V" or (kinds[t] == "T" and dict.get(pos, words[t], "")[:1] == "v")) >= 2:
        # 「扭东北秧歌,手绢是魂儿…」「拉马头琴,琴夹在腿中间…」: the text opens with the craft or the instrument
        # played as its own clause, and steps follow: the job named, no step of its own
        named = True
    if j < n and kinds[j] == "P":
        j += 1
    if named or (j < n and words[j] in JOB_OPENERS):
        if len(words[v]) == 1 and v + 1 < n and len(words[v + 1]) == 1 and kinds[v + 1] in ("N", "T") \
                and v + 1 not in doc.quantities:
            # 「乌铜走银啊」 cut 走/银: the one-character verb and object are one name, a term
            _join_next(doc, v)
            kinds[v] = "A"
            n -= 1
        else:
            kinds[v] = "A" if len(words[v]) >= 2 else None  # (「包饺子」 stays a term)
            if appositive is not None:
                kinds[appositive] = None
        doc.interesting[:] = list(compress(range(n), kinds))


def _doer_phrases(spec: Spec, doc: Doc) -> None:
    """(nlp-merge) 「炒茶的一边在锅里炒」「拉线的那边往回收」「抬轿的那头往上抬」「跳的人往圈里跳」: a clause that opens
    with a verb (and at most one word, its object) closed by 的, then the side one stands at or a person
    (``words.DOER_AFTER_DE``), names who does the work, no step: the verb's kind is dropped (the unit is not cut
    there) and the clause's unit is read from after the phrase (``doc.doers``), so the verb said after it is the
    step, with the place said between; the same verb said in both (炒茶的…炒) is no longer merged into the doer's
    and dropped with it by ``non_steps``."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    pos = spec.pos_tags()
    changed = False
    for i, w in enumerate(words[1:n - 1], 1):
        if w != "的":
            continue
        nxt = words[i + 1]
        if nxt in DOER_AFTER_DE:
            end = i + 2
        elif nxt in ("那", "这") and i + 2 < n and words[i + 2] in DOER_SIDE_CHARS:
            end = i + 3
        else:
            continue
        c = i - 1 if i < 2 or kinds[i - 2] in ("P", "M") else i - 2
        if c and kinds[c - 1] not in ("P", "M"):
            continue  # (the phrase opens its clause, after punctuation or a sequence marker)
        w = words[c]
        if len(w) > 3 or w in SKIP or w in TOOL_LEAD or not (
                kinds[c] in ("V", "C", "A") or dict.get(pos, w, "")[:1] == "v" or verb_object_word(pos, w)
                or (len(w) == 1 and verb_char(pos, w))):
            continue
        if c + 1 < i and (kinds[c + 1] not in ("N", "T", None) or words[c + 1] in SKIP or len(words[c + 1]) > 2
                          or len(w) > 1):
            continue  # (the verb and one word of its object: 舂/米, 扶/杠)
        for j in range(c, i):
            if kinds[j] in ("V", "C") or (kinds[j] == "T" and dict.get(pos, words[j], "")[:1] == "v"):
                kinds[j] = None
        doc.doers[c] = end
        changed = True
    if changed:
        doc.interesting[:] = list(compress(range(n), kinds))


def _join_tokens(words: list, kinds: list, starts: list, maps: tuple, v: int) -> None:
    """Tokens v and v + 1 of the parallel lists become one word (the kind of v kept, v + 1's dropped); the keys
    after v of each token-index dict in ``maps`` (quantities, compounds) move down by one. The one token join:
    ``_join_next`` on a Doc, ``_counts_before_things`` on the lists before the Doc is made."""
    words[v:v + 2] = [words[v] + words[v + 1]]
    del kinds[v + 1]
    del starts[v + 1]
    for m in maps:
        m.update({j - 1: x for j, x in [(j, m.pop(j)) for j in list(m) if j > v]})


def _join_next(doc: Doc, v: int) -> None:
    """Tokens v and v + 1 become one word (the indices of quantities, compounds and roles after them move
    down by one); its kind is left to the caller."""
    _join_tokens(doc.words, doc.kinds, doc.starts, (doc.quantities, doc.compounds), v)
    doc.roles.difference_update(r := {j for j in doc.roles if j > v})
    doc.roles.update(j - 1 for j in r)


DEFINING_LEADS = OBJECT_MARKERS | TOOL_LEAD


def _defined_names(spec: Spec, doc: Doc) -> None:
    """「印坯是把泥片按进模子里」「刻版就是拿刻刀把线条刻出来」: a step's name opening its clause, then 是/就是
    and a clause of 把/将 or 拿/用… with a verb of its own, is defined by that clause:
    the verb said there is the step and the name is a term (two characters or more), no step of its own.
    The name is a verb (or the spec's action word), alone or with a one-character object jieba left apart
    (刮 + 浆, 炒 + 炭), two to four characters. (「吹脸是在台上放…」: after 是在 the place is read with the
    name's step as before.)"""
    words, kinds = doc.words, doc.kinds
    if "是" not in words and "就是" not in words:
        return
    pos = spec.pos_tags()
    terms = spec.terms
    changed = False
    # (from the last: joining a name moves only the tokens after it)
    for c in reversed([c for c, w in enumerate(words) if w in COPULAS]):
        if c < 1 or c + 2 >= len(words) or words[c + 1] not in DEFINING_LEADS:
            continue
        a = c - 1
        while a > 0 and kinds[a - 1] != "P":
            a -= 1
        if c - a not in (1, 2) or not 2 <= sum(map(len, words[a:c])) <= 4:
            continue
        w0 = words[a]
        verbal = kinds[a] == "V" or (kinds[a] == "T" and (terms[w0].category == "action" if w0 in terms
                                                          else dict.get(pos, w0, "")[:1] == "v"))
        if not verbal or (c - a == 2 and (len(words[a + 1]) != 1 or kinds[a + 1] not in ("N", "T", None)
                                            or words[a + 1] in SKIP)):
            continue
        end = _clause_end(words, kinds, c)
        if not any(kinds[j] == "V" or (kinds[j] == "T" and j != c + 1 and (
                terms[words[j]].category == "action" if words[j] in terms else dict.get(pos, words[j], "")[:1] == "v"))
                for j in range(c + 2, end)):
            continue  # (「利坯就是拿利坯刀车那个坯」: no verb read in the clause, the name stays the step)
        if c - a == 2:
            _join_next(doc, a)
        kinds[a] = "A"
        changed = True
    if changed:
        doc.interesting[:] = list(compress(range(len(kinds)), kinds))


def tokenize(spec: Spec, norm: str, counters: Counters | None = None) -> list[tuple]:
    """(start, end, word, quantity-or-None, TermInfo-or-None) per token (for tests and tools)."""
    doc = tokenize_doc(spec, norm, counters)
    get = spec.terms.get
    return [(doc.starts[i], doc.starts[i + 1] if i + 1 < len(doc.starts) else len(norm),
             norm[doc.starts[i]:doc.starts[i + 1]] if i in doc.quantities else w, doc.quantities.get(i),
             None if i in doc.quantities else get(w))
            for i, w in enumerate(doc.words)]


# the words ``_side_hands`` reads besides the hand terms (a side + a one-character arm word: 左掌, 右拳)
_SIDE_HAND_WORDS = frozenset(BOTH_HAND_WORDS | ARM_WORDS | {"手"}
                             | {side + a for side in "左右" for a in ARM_WORDS if len(a) == 1})


def _side_hands(doc: Doc, hand_of: dict) -> dict:
    """Token index → 左手/右手/双手 for a hand named by its side with the words jieba left apart
    (「左边这只手」「右边手」「左面的手」): 手 after a side word, with only a demonstrative, a classifier
    or 的 between; and for a hand named by the place a hand was said to be at before (「左手在绷子底下
    托着…底下的手接住了」「右手在上面捏住…上面那只手」): that hand. ``hand_of`` maps the hand words."""
    words, kinds = doc.words, doc.kinds
    found = {}
    at_place = {}  # below/above → the hand said to be there, latest
    # only a hand, 手, an arm word or a side + arm word can be read below: the others are skipped in C
    for i, w in enumerate(words):
        if kinds[i] != "H" and w not in _SIDE_HAND_WORDS:
            continue
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


_UNIT_CUT_KINDS = frozenset(("P", "M", "H"))  # what cuts a unit in ``split_units`` without ``open_split``


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
    # without ``open_split`` only punctuation, markers and hands cut a unit here: the others are skipped at once
    for i in doc.interesting:
        k = kinds[i]
        if not open_split and k not in _UNIT_CUT_KINDS:
            continue
        if open_split:
            if k == "O" and verb_seen and i > a:
                units.append((a, i))
                a = i
                verb_seen = pred_seen = real_verb = False
                continue
            if words[i] in TOOL_LEAD and real_verb and i > a and kinds[i - 1] != "H" and (_verb_after(doc, i, pos) or (
                    # 「泡软了拿出来」: a holding verb with only its direction, closing the clause, is the
                    # action itself (taking out), no tool for another verb
                    len(words[i]) == 1 and i + 1 < len(words) and words[i + 1] in DIRECTIONAL_COMPLEMENTS
                    and (i + 2 == len(words) or kinds[i + 2] == "P"))):
                units.append((a, i))
                a = i
                verb_seen = pred_seen = real_verb = False
            is_verb = k == "V" or (k == "T" and pos is not None and dict.get(pos, words[i], "")[:1] == "v"
                                   and words[i] not in TOOL_LEAD) or _shaped_hand(words, i)
            if is_verb and last_verb >= a and (last_verb + 1 < i or (
                    # 「袖子轮着甩」「低着头默祷」: a verb with 着 (one word) right before another verb: two predicates
                    len(words[last_verb]) >= 2 and words[last_verb][-1] == "着"
                    or len(words[last_verb]) == 3 and words[last_verb][1] == "着") or (
                    # 「再翻过来削另一面」: a verb with its direction, then the next verb
                    len(words[last_verb]) >= 3 and words[last_verb][-2:] in DIRECTIONAL_COMPLEMENTS) or (
                    # 「下锅煮」: jieba's verb-object word 上锅/下锅, then the verb that works in the vessel
                    len(words[last_verb]) == 2 and words[last_verb][0] in DIRECTION_VERBS
                    and words[last_verb][1] in TOOL_HEADS and kinds[last_verb] == "V") or (
                    # 「展开贴到窗户上」: a two-character verb with its direction or result 开, then the next verb
                    len(words[last_verb]) == 2 and words[last_verb][1] in "开起出下回"
                    and (words[last_verb][0] in CONTEXT_HAND_VERBS or (pos or {}).get(words[last_verb][0], "")[:1] == "v")
                    and len(words[i]) <= 2 and kinds[last_verb] in ("V", "T")) or (
                    # 「往台子那边跑交到裁判手里」「一会儿跪扑过去」(no punctuation): a one-character motion of the
                    # whole body, then a verb with where it goes: the body gets there, then the next move (not
                    # 「跳摆手」: the dance danced)
                    len(words[last_verb]) == 1 and words[last_verb] in BODY_MOTION_VERBS and kinds[i] == "V"
                    and len(words[i]) >= 2 and (words[i][-1] in "到在进给" or words[i][1:] in DIRECTIONAL_COMPLEMENTS)) or (
                    # 「焚香诵经」「拌匀堆积」 (recall): two verbs of two characters or more side by side, each a
                    # predicate of its own (not a direction, 「采集回来」, nor an 'in turns' verb, 「交替踩下」: how);
                    # 「围坐吃年饭」 (nlp-verb2): a one-character verb with its own object after such a verb
                    kinds[last_verb] == "V" and len(words[last_verb]) >= 2 and words[last_verb] not in TURN_ADVERBS
                    # (not after a verb that ends in 到/得, a degree the second says: 「熬到化开」)
                    and words[last_verb][-1] not in DEGREE_MARKERS
                    and _second_predicate(doc, i, is_verb))) \
                    and _serial_break(doc, last_verb, i):
                # 「上锅蒸」「捧住泥往上一拉」「揭起一张往墙上贴」: a second predicate after the first
                # one's object or complement is the next action (a serial verb phrase)
                cut_at = i - 1 if kinds[i - 1] == "R" or words[i - 1] == "一" or words[i - 1] in NEGATIONS else i
                while cut_at - 1 > last_verb and kinds[cut_at - 1] == "R":
                    cut_at -= 1
                if cut_at == i and i - 2 > last_verb and words[i - 2] in ROUND_MARKERS and kinds[i - 1] in ("N", "T"):
                    cut_at = i - 2  # 「手牵着手围着篝火跳」: what the next verb goes round goes with it
                for d in (2, 3):
                    # 「米泡透了上甑蒸」: 上/下 + the vessel before the second verb goes with it (put onto
                    # the steamer, then steam), not with the first predicate
                    # (nlp-modifier) so do 进 + the kiln (「画好了进炉烧」) and a place a relation marker leads
                    # (「绣完了往鞋底上缝」「打好了在水里淬火」): after 了 the first verb's clause is done
                    u = cut_at - d
                    if u > last_verb and ((words[u] in VESSEL_ENTRY and kinds[u] != "Q") or kinds[u] == "R") \
                            and words[u - 1] in ("了", "好") and u - 1 > last_verb \
                            and all(kinds[x] in ("N", "T") or (pos or {}).get(words[x], "")[:1] == "n" or (
                                kinds[x] is None and len(words[x]) == 1 and words[x] not in SKIP
                                and (pos or {}).get(words[x], "x")[:1] not in FUNCTION_TAGS)
                                    for x in range(u + 1, cut_at)):
                        cut_at = u
                        break
                if cut_at > a:
                    units.append((a, cut_at))
                    a = cut_at
                    verb_seen = pred_seen = False
            if is_verb:
                real_verb = True
                last_verb = i
            if k in ("V", "T") and pred_seen and i - 1 > a and (words[i - 1] in LINKING_ADVERBS or (
                    # 「烧到了就开始降温」: 就/才/便 + a verb of phase (开始, 接着) + the predicate
                    words[i - 1] in ONSET_VERBS and i - 2 > a and words[i - 2] in LINKING_ADVERBS)):
                # 「泡好了就下锅」「晾透了才上色」: a predicate after 就/才/便 is a second action
                cut_at = i - 1 if words[i - 1] in LINKING_ADVERBS else i - 2
                units.append((a, cut_at))
                a = cut_at
                verb_seen = False
            if k == "V" or (is_verb and (words[i] in TOOL_LEAD or _own_predicate(doc, i))):
                verb_seen = True
            if k == "V" or (k == "T" and not (pos is not None and dict.get(pos, words[i], "")[:1] == "n")):
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
    if (words[v1] in TOOL_LEAD or words[v1] in INSTRUMENT_LEADS) and not _shaped_hand(words, v1):
        return False
    for j in range(v1 + 1, v2):
        w = words[j]
        if w in DEGREE_MARKERS and j + 2 == v2 and kinds[j + 1] == "Q":
            continue  # 「烧到八百度夹出来」: the degree is the quantity reached; the verb after it is the next step
        if w == "到" and j == v1 + 1 and (words[v1] in BODY_MOTION_VERBS or _mistagged_motion(doc, v1)) \
                and not (v2 + 1 < len(words) and words[v2 + 1] in LOCATIVES):
            # 「跑到台口一个转身」: where the body goes, no degree; the verb after it is the next step (not a
            # character of the place before its locative, 「坐到竹担上」)
            continue
        if w in DEGREE_MARKERS and j + 1 < v2 and _counted_stuff(doc, v2):
            # 「炒到噼啪响撒把糖」「炒到里头焦黄喷点清水」 (nlp-verbs): the degree says a state the thing reaches; a verb
            # after that state with its own measure of stuff (把/点/个 + a noun, 一 left out) is someone's next act
            continue
        if w in DEGREE_MARKERS or kinds[j] == "L" or kinds[j] == "O":
            return False
        if w in PURPOSE_LINKS and not (w == "好" and j + 1 < v2 and words[j + 1] == "了") \
                and not (w in ("来", "去") and j == v1 + 1 and words[v1][-1:] + w in DIRECTION_COMPOUNDS):
            # (「搓好了套在…」: 好了 is the first verb's result, not 'so that'; 「提起来往下一放」: 来 ends the
            # direction 起来, it is no 'in order to')
            return False
    return True


# a classifier said right after a verb with its 一 left out, before the stuff it measures (「撒把糖」「加点水」「掺个三两」)
_DROPPED_ONE_CLASSIFIERS = frozenset(("把", "点", "个", "些", "一点", "一些", "一把"))


def _counted_stuff(doc: Doc, v: int) -> bool:
    """(nlp-verbs) The verb at v (one character, no complement or direction verb: not 「起个泡」) takes its own object
    measured by a classifier with its 一 left out: 「撒把糖」「喷点清水」「加点水」."""
    words, kinds = doc.words, doc.kinds
    w = words[v]
    return len(w) == 1 and kinds[v] in ("V", "T") and w not in COMPLEMENTS and w not in DIRECTION_VERBS \
        and w not in RESULT_VERBS and v + 2 < len(words) and words[v + 1] in _DROPPED_ONE_CLASSIFIERS \
        and (kinds[v + 2] in ("N", "T") or dict.get(POS_TAGS.segment, words[v + 2], "")[:1] in ("n", "z"))


def _second_predicate(doc: Doc, i: int, is_verb: bool) -> bool:
    """Right after a verb of two characters or more (``split_units``): is the verb at ``i`` a predicate of its
    own? One of two characters or more that is no direction (「焚香诵经」, recall), also a term the spec names
    and jieba tags a verb (「拌匀堆积」); one of one character with its own object after it (「围坐吃年饭」
    「盘坐弹三弦」: the first verb has its object or result in itself, the second takes its own), also one measured
    by a classifier with its 一 left out (「打碎加点水」, nlp-verbs: ``_counted_stuff``)."""
    words, kinds = doc.words, doc.kinds
    w = words[i]
    if len(w) >= 2:
        return w not in AFTER_VERB_WORDS and (kinds[i] == "V" or (kinds[i] == "T" and is_verb))
    # (an object of two characters or more: a verb character before one noun character is mostly a noun jieba
    # cut apart, 浮/色, 弓/毛)
    return kinds[i] == "V" and i + 1 < len(words) and (
        (kinds[i + 1] in ("N", "T") and len(words[i + 1]) >= 2) or _counted_stuff(doc, i))


def _own_predicate(doc: Doc, i: int) -> bool:
    """A verb the spec names (a term jieba tags as a verb) with something after it before 把/将, an object or a
    result (「蘸点水把米团翻过来」「刻完了把纸揭开」), a modal or a time (「刺绣要把丝线劈开」「施釉时将器物裹满釉浆」):
    the verb after 把 is a step of its own, so 把 cuts there (``split_units``), as it does after any other verb."""
    return i + 1 < len(doc.words) and doc.kinds[i + 1] != "O"


def _shaped_hand(words: list, i: int) -> bool:
    """A holding verb of one character with the result 成 (「攥成拳头」「握成拳」): the hand takes a shape, a
    predicate and a step of its own, not a lead taking a tool for the next verb (``split_units``)."""
    return len(words[i]) == 1 and words[i] in TOOL_LEAD and i + 1 < len(words) and words[i + 1] == "成"


def _verb_after(doc: Doc, i: int, pos: dict | None, reach: int = 4) -> bool:
    """A verb follows token i in its clause, at most ``reach`` tokens on (bounded: linear)."""
    words, kinds = doc.words, doc.kinds
    for j in range(i + 1, min(len(words), i + 1 + reach)):
        k = kinds[j]
        if k == "P":
            return False
        if k == "V" or (k == "T" and pos is not None and dict.get(pos, words[j], "")[:1] == "v"):
            return True
    return False


def _verb_next_clause(doc: Doc, b: int, pos: dict) -> bool:
    """(nlp-merge) Token b is a comma (no full stop: the same sentence) and a verb opens the clause after it, within
    four tokens (「再用錾子跟木敲子,轻敲慢打」)."""
    return b < len(doc.words) and doc.kinds[b] == "P" and doc.words[b] not in FULL_STOPS and _verb_after(doc, b, pos)


def _has_verb(kinds, a, b) -> bool:
    return any(kinds[j] in ("V", "L", "T", "C") for j in range(a + 1, b))


def _has_content(words, kinds, a, b) -> bool:
    for j in range(a, b):
        if kinds[j] == "Q" or words[j] not in SKIP:
            return True
    return False


# a speaker taking back what was just said (「塞锯末,哎不对,塞的是谷糠」); 不是 alone is plain negation; 错了 right
# after a verb other than saying (「千万莫唱错了词」「别把颜色挖错了」: the verb done wrong, its result) takes nothing
# back (说错了, 记错了, 搞错了, 哎错了 do)
_STEP_CORRECTION = re.compile("|".join(c if c != "错了" else r"(?<![^\W说讲记搞弄哎嗯啊呀哦噢唉我])错了"
                                       for c in CORRECTION_CUES if c != "不是"))
_CORRECTION_REACH = 80  # characters after a step that a correction and the verb said again may take
_V_DE_SHI = re.compile(r"的是([^\s,.;!?:、。，；！？：的了]{1,4})")  # (ASCII and full-width punctuation end X)


def _retract_corrected(steps: list, norm: str) -> set:
    """「往里塞锯末,哎不对,我们这边塞的是谷糠」「敲锣心,哎不对,…是敲锣边」: a step the speaker takes back
    (a correction cue after it, before the sentence ends) gives way to the same verb said again in that
    sentence; said as 「V的是X」 with no step of its own, X is what the step works. The retracted step's
    hand and tool go on in its replacement when that names none, and so does each parameter it said. Returns the ids of the steps taken back
    (with any step read from the words between the cue and the verb said again)."""
    gone: set = set()
    if not steps or _STEP_CORRECTION.search(norm) is None:
        return gone  # (one scan of the text: most say nothing they take back)
    for n, p in enumerate(steps):
        if p.end < 0 or not p.surface or id(p) in gone:
            continue
        stop = min(len(norm), p.end + _CORRECTION_REACH)  # (bounded: linear in the text's length)
        for ch in FULL_STOPS:
            at = norm.find(ch, p.end, stop)
            if at != -1:
                stop = at
        cue = _STEP_CORRECTION.search(norm, p.end, stop)
        if cue is None or (n + 1 < len(steps) and 0 <= steps[n + 1].start < cue.start()):
            continue  # no correction, or another step comes before it
        later = [q for q in steps[n + 1:n + 4] if cue.end() <= q.start < stop]
        again = next((q for q in later if q.surface[:1] == p.surface[:1] or q.action == p.action), None)
        if again is not None:
            again.hand = again.hand or p.hand
            again.tool = again.tool or p.tool
            for name, value in p.params.items():  # 「揉三分钟,哎不对,是搓」: what was measured stays said
                if name not in again.params:
                    again.params[name] = value
            gone.add(id(p))
            gone.update(id(q) for q in later[:later.index(again)])  # (「落段的时候是」 before 敲 said again)
            continue
        said = norm.find(p.surface[:1] + "的是", cue.end(), stop)
        m = _V_DE_SHI.match(norm, said + 1) if said != -1 else None
        if m is not None:
            p.material = m.group(1)
    return gone


def _drop_non_steps(steps: list, norm: str, warnings: list) -> list:
    """The steps whose verb is not done (``nonsteps.non_steps``: a correction cue, a prohibited verb, a name,
    a saying, a time said by a verb, a distance, a sound) are no steps; what each said (quantities, notes) goes
    to the step before it, else to the step after, so nothing said is dropped."""
    warned: set = set()
    gone = non_steps(steps, norm, warned)
    if not gone:
        return steps
    kept = [st for st in steps if id(st) not in gone]
    if not kept:
        return steps  # (a text whose every verb is such keeps them: its prompt is not left empty)
    last = None
    waiting = []
    for n, st in enumerate(steps):
        if id(st) in gone:
            # the thing it names (「哨子…吹之前得先搁温水里泡」) goes to the next step of its sentence that
            # names none, else to the step before
            nxt = next((q for q in steps[n + 1:] if id(q) not in gone), None)
            if id(st) in warned:
                pass  # 「切忌直冲壶心」「不能拿火烤」: what must not be done or goes wrong names no role of a step done
            elif nxt is not None and not any(ch in norm[max(st.end, 0):max(nxt.start, st.end)] for ch in FULL_STOPS):
                _give_roles(nxt, st)
            elif last is not None:
                _give_roles(last, st)
            if last is not None:
                _give_said(last, st, warnings)
            else:
                waiting.append(st)
            continue
        for w in waiting:
            _give_said(st, w, warnings)
        waiting = []
        last = st
    return kept


def _give_roles(into: Step, other: Step) -> None:
    if into.tool is None:
        into.tool = other.tool
    if into.material is None:
        into.material = other.material


def _give_said(into: Step, other: Step, warnings: list) -> None:
    if "count" not in into.params and "count" in other.params:
        into.counted = other.counted
    for name, value in other.params.items():
        _set_param(into, name, value, warnings)
    into.extra_params.extend(other.extra_params)
    into.notes.extend(other.notes)


_TERM_KINDS = frozenset(("T", "H"))  # the tokens ``extract`` makes a term of
_TERMS_KEPT = 20000  # words kept per spec, craft and kind of reading by ``_terms_said_as``
_SPAN = itemgetter("start", "end")  # a term's span
_CRAFTS_KEPT = 2000  # crafts (with their kind of reading) kept per spec there


def _terms_said_as(spec: Spec, described: bool, craft: str | None) -> dict:
    """word → the TermInfo a step reads a spec term as in this craft (``_term_as_said``), kept per spec."""
    tables = spec.__dict__.get("_terms_said_as")
    if tables is None:
        tables = spec.__dict__["_terms_said_as"] = {}
    table = tables.get((described, craft))
    if table is None:
        table = {}
        if len(tables) < _CRAFTS_KEPT:  # (a craft may be any name a caller gives)
            tables[(described, craft)] = table
    return table


def _term_as_said(info: TermInfo, w: str, ambiguous: dict, described: bool, craft: str | None) -> TermInfo:
    """The spec term ``info`` of the word said ``w`` as a step reads it in this craft."""
    if not described and info.category in ("action", "tool", "material") and info.canonical != w \
            and w not in ambiguous:
        # a craft the spec does not describe in full: the word as said (刷 stays 刷, not 涂; 刷子
        # stays 刷子, not 漆刷); the spec's name stays on the term
        return TermInfo(w, info.category, info.crafts)
    if w not in ambiguous and "general" not in info.crafts and craft not in info.crafts \
            and info.category != "body" and info.canonical != w \
            and (w not in info.canonical or info.category != "tool"):
        # another craft's (or, with no craft, any craft's) synonym keeps what was said: 泥料 is
        # 紫泥 only in 紫砂 (a tool's short form, 针 for 绣针, still takes the name)
        return TermInfo(w, info.category, info.crafts)
    return info


def extract(spec: Spec, text: str, technique: str | None = None, craft: str | None = None,
            counters: Counters | None = None, *, detect: bool = True, norm: str | None = None):
    """Returns (norm, terms, steps, warnings, craft, notes, detected).

    ``craft`` is a catalogue key when the craft is known (it is then never overridden); with
    ``detect`` and no craft, the catalogue's words decide (``craft.detect``), and when no craft
    clearly leads there is none: no craft-specific defaults, a neutral scene. ``norm``: the caller's
    ``normalize_chars(text)`` when it has it (one translation of the text, not two)."""
    if norm is None:
        norm = normalize_chars(text)
    # the part-of-speech tables every stage reads are this spec's, whatever text or spec ran before in the
    # process (they were set only by the stages that read them first: a described craft's text run first
    # read the empty table)
    POS_TAGS.segment = POS_TAGS.roles = spec.pos_tags()
    POS_TAGS.counts = _rare_counts(spec)
    base = _base_tokens(spec, norm, counters)
    # the catalogue's identifying words said in the text (one scan: detection counts them, and for a craft
    # not described in full they are terms; with them the lexicon's names with a numeral, which a quantity
    # may have cut: 三道弯)
    said_catalogue = trie_spans(spec.named_at, spec.named_pairs, spec.named_re, norm)
    detected = None
    if craft is None and detect:
        # the craft is found from jieba's own pieces (the spec's words inside a compound count), each name
        # weighed by its role (``craft.detect``)
        detected = detect_craft(spec, base[0], base[1], base[2], norm, said_catalogue)
        craft = detected.key if detected is not None else None
    # a craft the spec describes in full keeps its own words apart (「深色线」 stays 深色 + 线 = 丝线)
    doc = _finish_doc(spec, base, craft is None or craft not in spec.crafts_with_actions, counters)
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    # For a craft whose own actions the spec describes, a verb outside them with nothing of its own
    # says how the step before is done; for any other craft every verb can be a step.
    described = craft is not None and craft in spec.crafts_with_actions
    phrases: list = []
    if not described:
        _resegment(spec, doc, norm)
        open_kinds(doc)
        _ba_object_kinds(doc)
        _step_kinds(spec, doc)
        _listed_pairs(spec, doc)
        _defined_names(spec, doc)
        _job_name_opening(spec, doc)
        _manner_hands(doc)
        if "的" in words:
            _doer_phrases(spec, doc)
        phrases = _numeral_phrases(spec, doc)  # (挑一压一, 一板三眼: named, no count of the work)
    lookup = spec.terms.get
    ambiguous = spec.ambiguous
    terms = []
    term_at: dict[int, TermInfo] = {}
    fix = []  # (token index, term index) of forms whose meaning depends on the craft
    said_as = _terms_said_as(spec, described, craft)
    # only terms and hands name a term: the other tokens are skipped in C
    term_idx = [k for k in doc.interesting if kinds[k] in _TERM_KINDS]
    if doc.verb_terms:
        term_idx = sorted(doc.verb_terms.union(term_idx))
    for k in term_idx:
        w = words[k]
        if w in MEASURE_FORMS and k and words[k - 1] in MEASURE_PREV:
            continue  # 「每针」「一针接一针」
        spec_info = lookup(w)
        info = said_as.get(w) if spec_info is not None else None
        if info is not None:
            pass  # (the term as this craft reads it, decided below once per spec, craft and word)
        elif spec_info is None:
            # a compound headed by a tool or material the spec knows is that kind of thing, by the
            # name said (熟桐油 is a 桐油)
            head = doc.compounds[k]
            info = spec_info = TermInfo(w, head.category, head.crafts)
        else:
            info = _term_as_said(spec_info, w, ambiguous, described, craft)
            if len(said_as) < _TERMS_KEPT:
                said_as[w] = info
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

    like_spans: list = []
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
        # 「像吊着线一样」: how the next verb is done, no step (its terms are listed above)
        like_spans = likened(words, kinds)
        doc.interesting[:] = list(compress(range(len(kinds)), kinds))
    if unused(words, kinds, starts, norm):  # 「不用丝线」: what is not used is no tool or material
        doc.interesting[:] = list(compress(range(len(kinds)), kinds))
    vague_hits = [(m.start(), m.end(), m.group(0)) for m in spec.vague_re.finditer(norm)]
    vi = 0
    inter = doc.interesting
    # each unit's tokens that ``_read_unit`` and ``_open_read`` look at: the tagged ones, and any 拿/用… a rule
    # left untagged (``_open_read`` reads what such a word takes in hand)
    leads = [k for k, w in enumerate(words) if w in TOOL_LEAD and kinds[k] is None]
    if leads:
        inter = sorted(inter + leads)
    steps: list[Step] = []
    pending: Step | None = None  # content met before the first action
    pending_notes: list[str] = []
    pending_hand: str | None = None  # a hand named in a clause with no action: the next step's
    pending_open: Step | None = None  # a step read by part of speech before any other step
    forward_lead: str | None = None  # 拿X said at the end of the unit before, for this unit's verb
    warnings: list[str] = []
    last_said = None  # (s, e) of the unit just before, when it had an action (for ``_parallel_units``)
    units = split_units(doc, counters, open_split=not described, pos=spec.pos_tags())
    for a, b in (units if described else cut_likened(units, like_spans)):
        s = a
        while s < b and words[s] in SKIP and kinds[s] not in ("Q", "V"):
            s += 1
        if s == b:
            continue
        if doc.doers and s in doc.doers:
            s = doc.doers[s]  # 「炒茶的一边在锅里炒」: who does it, no part of the step (``_doer_phrases``)
            while s < b and words[s] in SKIP and kinds[s] not in ("Q", "V"):
                s += 1
            if s == b:
                continue
        said_before, last_said = last_said, None
        e = b - 1
        while e > s and words[e] in SKIP and kinds[e] not in ("Q", "V"):
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
                _compound_object(piece, spec)
        if forward_lead is not None:
            if piece.material != forward_lead and not any(words[j] in TOOL_LEAD for j in range(s, e + 1)):
                # 「拿线」「把坯子从车盘上割下来」: what was taken in hand is what this verb works with (before
                # a place the thing comes from)
                piece.tool = forward_lead
            forward_lead = None
        forward_lead = piece.forward_lead
        piece.topic = e + 1 < b and not TOPIC_PARTICLES.isdisjoint(words[e + 1:b])  # (fillers trimmed at the end)
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
                and _compatible(prev, piece) and not (piece.tool or piece.material or piece.hand or piece.params) \
                and not _completed_verb(piece.surface):
            # 「刀要竖着,一刀下去要刻透」: a verb with nothing of its own, said without 然后/再…, goes on
            # describing the step before (nlp-order: not a verb with its own result or direction, 「底下的手接住了」,
            # another move)
            _merge(prev, piece, prefer_piece=False, warnings=warnings)
            continue
        if piece.action is not None:
            last_said = (s, e)
            if prev is not None and _compatible(prev, piece) and (pending is None or _compatible(prev, pending)) and (
                    (_same_action(prev, piece) and not (marker and not described and words[a] in REPEAT_MARKERS
                                                        # (「再拌一遍」: once more is the repeat too)
                                                        and (not piece.params or piece.params == {"count": 1}))
                     and not (not described and marker and _other_object(prev, piece))
                     and not (marker and _other_route(norm, prev, piece))
                     and not (not described and not marker and said_before is not None
                              and _parallel_units(doc, said_before, s, e, piece)))
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
        elif prev is not None and marker and not described and pending is None and not piece.params \
                and _conflicts(prev, piece) and _verb_next_clause(doc, b, spec.pos_tags()):
            # (nlp-merge) 「再用錾子跟木敲子,轻敲慢打」: what is taken in hand for the verb of the next clause of the
            # sentence is that verb's, not the step before said again (below)
            pending = piece
        elif prev is not None and marker and _conflicts(prev, piece):
            # 「先用砂石磨,再用黄石」: the previous action again, with another tool or material
            piece.action, piece.surface, piece.general_action = prev.action, prev.surface, prev.general_action
            piece.notes.extend(pending_notes)
            pending_notes = []
            steps.append(piece)
        elif prev is not None and piece.lead_only and pending is None and not piece.params:
            pending = piece  # 「用樟木,手工雕」: the instrument goes with the verb that follows
        elif prev is not None:
            if piece.hand and not described and prev.hand is None and kinds[s] == "H" \
                    and (s < e or any(i == b for i, _ in like_spans)) \
                    and pending_hand is None and words[s + 1] not in LOCATIVES and words[s + 1] not in PLACE_SUFFIX:
                # 「往里挽;左手叉在腰上」: a hand that opens a clause whose verb was not read is who does
                # the next action, never the step before's hand (so is a hand before a comparison: 「…烧到
                # 三百度右手像捏毛笔那样捏着」)
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
            warnings.append(notice(QUANTITY_WITHOUT_ACTION, text=norm[max(pending.start, 0):pending.end]))
    # A technique named as the topic that gathered nothing is no step (「双面绣要两面都好看」).
    steps = [st for st in steps if not (st.from_technique and _is_empty(st) and not st.notes)]
    retracted = _retract_corrected(steps, norm)
    if retracted:  # (most texts take nothing back)
        steps = [st for st in steps if id(st) not in retracted]
    steps = _drop_non_steps(steps, norm, warnings)
    # (after the steps that are no steps gave what they said to a step kept: a second value of a name that step
    # already has reaches the notes there, never lost: 「场子30米长,20米宽」 read under 打 dropped as a name)
    for st in steps:
        for name, value in st.extra_params:
            notes.append({"text": norm[max(st.start, 0):st.end], "params": {name: value}})
    steps = _reorder(steps)
    if not described:
        _counted_topic(steps, norm)
        _hand_of_held_tool(steps)
        _carry_held_tool(steps, norm, spec)
    if not described:
        _carry_hand(steps, norm)
        _carry_worn_tool(steps, norm)
        _carry_serial_roles(steps, norm)
        if "过" in norm:
            _passed_through_tool(steps, norm)
        _carry_struck_instrument(steps)
        _carry_dropped_object(spec, steps, norm)
        _carry_whole_name(spec, steps, doc, norm)
    if any(st.action is not None and len(st.action) == 4 and st.action[0] == "一" for st in steps):
        steps = _split_alternations(steps)  # (after the carrying passes: the second verb takes what they gave)
    seen = set(map(_SPAN, terms))  # (each term's (start, end), read in C)
    extra = []
    for st in steps:
        for a, b, cat in st.open_terms:
            if (a, b) not in seen:
                seen.add((a, b))
                # (a body part a step took as its tool or material, 「虎口要圆」, is listed as what it is)
                extra.append({"text": text[a:b], "category": "body" if norm[a:b] in BODY_WORDS else cat, "start": a,
                              "end": b, "canonical": norm[a:b], "open": True})
    if not described:
        # a craft the spec does not describe in full: every noun said (two characters or more) and
        # every craft name is a candidate term, so the speaker's own vocabulary is listed
        def coined(a: int, b: int, category: str | None = None) -> None:
            """A name the text coins over tokens a..b (once): the contract's categories, a noun headed by a
            tool or material word is that, any other noun (and a craft's name) a candidate technique term."""
            if (starts[a], starts[b]) in seen:
                return
            seen.add((starts[a], starts[b]))
            w = norm[starts[a]:starts[b]]
            cat = category or ("body" if w in BODY_WORDS else "tool" if _is_tool_word(w)
                               else "material" if _is_material_word(w) else things.get(w, "technique"))
            extra.append({"text": text[starts[a]:starts[b]], "category": cat, "start": starts[a],
                          "end": starts[b], "canonical": w, "open": True})

        # nouns the text puts somewhere, disposes of with 把 or counts in pieces are things, not techniques
        things = _thing_nouns(doc, spec.pos_tags(), lambda w: w in BODY_WORDS or _body_word(spec, w)
                              or w[-1] in LIMB_CHARS or w[-1] in BODY_CHARS)
        for k in doc.interesting:
            kind = kinds[k]
            if kind in ("N", "A") and len(words[k]) >= 2:
                coined(k, k + 1, things.get(words[k], "technique") if kind == "A" else None)
        for k in _object_names(spec, doc):
            coined(k, k + 1)
        for k in _legend_names(spec.pos_tags(), doc):
            coined(k, k + 1, "technique")
        for a, b in _technique_compounds(spec, doc):
            coined(a, b, "technique")
        for a, b in _topic_names(spec, doc):
            coined(a, b)
        for a, b in _opening_names(spec, doc):
            coined(a, b, "technique")
        for a, b in _heritage_names(spec.pos_tags(), doc):
            if (starts[a], starts[b]) not in seen:
                # (s26-terms) 「福鼎白茶制作技艺…」: the practice's name as listed; jieba's pieces of it are no names of
                # their own (尼木 of 尼木藏香制作技艺)
                extra = [t for t in extra if not (starts[a] <= t["start"] and t["end"] <= starts[b])]
                coined(a, b, "technique")
        for a, b in _method_names(spec, doc):
            coined(a, b, "technique")
        for a, b in _suffix_names(spec, doc):
            if (starts[a], starts[b]) in seen:
                # named already (「走的是蹚泥步」: the copula's name): jieba's pieces that end it are still
                # no names of their own
                extra = [t for t in extra if not (starts[a] < t["start"] and t["end"] == starts[b])]
            elif not any(t["start"] <= starts[a] and starts[b] <= t["end"] for t in terms):
                seen.add((starts[a], starts[b]))
                # jieba's pieces that end the name are not names of their own (蹚泥步: not 泥步)
                extra = [t for t in extra if not (starts[a] <= t["start"] and t["end"] == starts[b])]
                w = norm[starts[a]:starts[b]]
                extra.append({"text": text[starts[a]:starts[b]], "category": "tool" if w[-1] in "刀针" else "technique",
                              "start": starts[a], "end": starts[b], "canonical": w, "open": True})
        for a, b in _craft_names(spec, doc):
            coined(a, b, "technique")
        for a, b in _numbered_names(spec, doc):
            coined(a, b)
        for a, b in _part_nouns(spec, doc):
            coined(a, b)
        for a, b, word in _split_compounds(spec, doc):
            a, b = starts[a], starts[b]
            if (a, b) not in seen:
                # 「勾个边」: the word said apart (勾边) is the term's name, the text as said
                seen.add((a, b))
                extra.append({"text": text[a:b], "category": "technique", "start": a, "end": b, "canonical": word,
                              "open": True})
        for a, b in phrases:
            if (a, b) not in seen and not any(t["start"] <= a and b <= t["end"] for t in terms):
                seen.add((a, b))
                extra.append({"text": text[a:b], "category": "technique", "start": a, "end": b,
                              "canonical": norm[a:b], "open": True})
        for a, b in _described_things(spec, doc):
            # a thing said to be made of something or given a size is in view: a tool, or a material by
            # its head (never the technique category a noun gets by default)
            w = norm[starts[a]:starts[b]]
            cat = "material" if _is_material_word(w) else "tool"
            for t in extra:
                if t["start"] == starts[a] and t["end"] == starts[b] and t["category"] == "technique":
                    t["category"] = cat
            coined(a, b, cat)
        for a, b in _reached_things(spec, doc):
            coined(a, b)
        for a, b in _named_steps(spec, norm, doc):
            coined(a, b, "technique")
        for a, b in _saying_names(spec, doc):
            coined(a, b, "technique")
        for a, b in _set_phrase_names(spec, doc):
            coined(a, b)
        for a, b in _slot_nouns(spec, doc):
            coined(a, b)
        for a, b in _placed_pairs(spec, doc):
            coined(a, b)
        for a, b in _handle_names(doc, spec.pos_tags()):
            # 「抓住锁把,」: 把 with no object after it ends the noun before it (a handle, a bundle)
            coined(a, b, "tool")
        for a, b in _coordinated_names(norm, doc):
            extra = _set_apart(extra, seen, terms, text, norm, a, b, pieces=False)
        for a, b in _led_tool_names(spec, norm, doc):
            if (a, b) not in seen and not any(t["start"] <= a and b <= t["end"] for t in terms):
                seen.add((a, b))
                extra = [t for t in extra if not (a <= t["start"] and t["end"] <= b and (t["start"], t["end"]) != (a, b))]
                extra.append({"text": text[a:b], "category": "tool", "start": a, "end": b, "canonical": norm[a:b],
                              "open": True})
        if said_catalogue:
            # a catalogue craft's own word (its product, tool, material or technique: 千两茶, 篾篓) said where
            # jieba's words begin and end (not 当海 across 当|海上): a term, of the category its list gives;
            # the pieces jieba cut it into are no names of their own
            bounds = set(starts)
            catalogue_category = spec.catalogue_category
            for a, b in said_catalogue:
                if a not in bounds or b not in bounds:
                    continue
                w = norm[a:b]
                info = spec.numeral_forms.get(w)
                category = info.category if info is not None else catalogue_category[w]
                if (a, b) in seen:
                    # a noun listed already with the category a noun gets by default: its list's category
                    for t in extra:
                        if t["start"] == a and t["end"] == b and t["category"] == "technique":
                            t["category"] = category
                elif not any(t["start"] <= a and b <= t["end"] for t in terms):
                    seen.add((a, b))
                    extra = [t for t in extra if not (a <= t["start"] and t["end"] <= b)]
                    if info is not None:
                        # (the lexicon's own name: a term of the spec, not an open one)
                        extra.append({"text": text[a:b], "category": category, "start": a, "end": b,
                                      "canonical": info.canonical})
                    else:
                        extra.append({"text": text[a:b], "category": category, "start": a, "end": b, "canonical": w,
                                      "open": True})
        for a, b in _counted_names(spec, norm):
            if (a, b) not in seen:
                # 「结、掼、勾、戗这四样」: each listed character a technique (no other rule names one character)
                seen.add((a, b))
                extra.append({"text": text[a:b], "category": "technique", "start": a, "end": b,
                              "canonical": norm[a:b], "open": True})
        for a, b in _quoted_names(norm):
            extra = _set_apart(extra, seen, terms, text, norm, a, b, pieces=True)
    else:
        # a craft the spec describes in full has its own words, but what the speaker sets apart by its form, names
        # listed with their kind (「接针、切针、缠针」) or quoted, is a name of the craft all the same
        for a, b in _coordinated_names(norm, doc):
            extra = _set_apart(extra, seen, terms, text, norm, a, b, pieces=False)
        for a, b in _quoted_names(norm):
            extra = _set_apart(extra, seen, terms, text, norm, a, b, pieces=True)
    if extra:
        terms = sorted(terms + extra, key=lambda t: t["start"])
    for step in steps:
        _apply_defaults(spec, step, technique, craft)
        # (after the carrying passes, which compare single names, and after the values a material implies)
        joined_things(spec, doc, term_at, norm, step)
    return norm, terms, steps, warnings, craft, notes, detected


def _set_apart(extra: list, seen: set, terms: list, text: str, norm: str, a: int, b: int, *, pieces: bool) -> list:
    """``extra`` with the name the text sets apart by its form over characters a..b (listed with its kind, quoted)
    as an open term, once, unless a term of the spec covers it; with ``pieces`` the pieces jieba cut it into are no
    names of their own (趟泥步: not 泥步)."""
    if (a, b) in seen or any(t["start"] <= a and b <= t["end"] for t in terms):
        return extra
    seen.add((a, b))
    if pieces:
        extra = [t for t in extra if not (a <= t["start"] and t["end"] <= b and (t["start"], t["end"]) != (a, b))]
    w = norm[a:b]
    cat = "tool" if _is_tool_word(w) else "material" if _is_material_word(w) else "technique"
    extra.append({"text": text[a:b], "category": cat, "start": a, "end": b, "canonical": w, "open": True})
    return extra


def _is_empty(step: Step) -> bool:
    return not (step.params or step.tool or step.material or step.hand or step.relation or step.vague)


def _compatible(a: Step, b: Step) -> bool:
    """No slot (hand, tool, material, role) both steps fill with different values (the four written out:
    this runs for every pair of units considered for a merge)."""
    x, y = a.hand, b.hand
    if x is not None and y is not None and x != y:
        return False
    x, y = a.tool, b.tool
    if x is not None and y is not None and x != y:
        return False
    x, y = a.material, b.material
    if x is not None and y is not None and x != y:
        return False
    x, y = a.role, b.role
    return x is None or y is None or x == y


def _conflicts(a: Step, b: Step) -> bool:
    return not _compatible(a, b)


def _other_object(a: Step, b: Step) -> bool:
    """「右手拉弓。先拉个过门」「右手抡锤。先抡个圆」: the verb of a verb-object word said again after 先/再/然后
    (the caller checks the marker) with an object of its own that is not that word's object is another step
    (「刮灰,刮三遍」 has none: the same step)."""
    sa, sb = a.surface or "", b.surface or ""
    return (b.material is not None and a.material is None and len(sa) == len(sb) + 1 and sa.startswith(sb)
            and sa[-1] not in b.material and sa[-1] not in RESULT_COMPLEMENTS and sa[-1] not in DIRECTION_CHARS
            and sa[-1] not in STATE_RESULTS and sa[-1] not in "好完")


# (nlp-s21-steps) a route and the side it goes to (往左, 朝上, 向里): 「先往左转三圈,再往右转三圈」
_ROUTE_RE = re.compile("[往朝向]([左右上下里外前后])")


def _other_route(norm: str, a: Step, b: Step) -> bool:
    """(nlp-s21-steps) 「先往左转三圈,再往右转三圈」「先朝上推两下,再朝下推两下」: the same verb said again after
    先/再/然后 with a route to another side than the step before's is another step (the caller checks the marker),
    not the step said again: each names its own side (the step before's last route, this one's first)."""
    if a.start < 0 or b.start < 0:
        return False
    before = _ROUTE_RE.findall(norm, a.start, a.end)
    if not before:
        return False
    m = _ROUTE_RE.search(norm, b.start, b.end)
    return m is not None and m.group(1) != before[-1]


def _parallel_units(doc: Doc, before: tuple, s: int, e: int, piece: Step) -> bool:
    """「朝天弹,朝地弹」「一块夹在…中间,一块夹在…中间」「泡它四个钟头。白的就拿清水泡」「前头的一动,后头的跟着
    动」: the same verb in the next clause, said of another thing, place or direction, is another step (not the
    step said again, 「刮灰,刮三遍」): the clause, after a clause break, opens before its verb either with the
    word the clause before opened with (a preposition, a numeral + classifier; not a bare 一, 「一颤一颤」), the
    rest differing, or with a 的-phrase naming a position (后头的: who) or, with a tool or material of its own,
    what it is about (白的…拿清水; 「漂蓝的染两道,毛蓝的染四道」 stay one step, the same work counted)."""
    words, kinds = doc.words, doc.kinds
    ps, pe = before
    w = words[s]
    if kinds[s] in ("V", "T", "C", "Q", "H", "M", "L", "O", "P") or w == "一" or dict.get(POS_TAGS.segment, w, "")[:1] == "v":
        return False  # the clause opens with its verb (or a hand, a tool lead: 「用…」 is the same step's)
    j = s - 1
    while j > pe and words[j] in SKIP:
        j -= 1
    if j <= pe or kinds[j] != "P":
        return False  # one clause cut in two (「打颤音一颤一颤往上翻」)
    if s + 2 <= e and words[s + 1] == "的":
        return words[s + 2] not in ("时候", "话") and (w[0] in DIRECTION_WORDS or w in LOCATIVES or w in PLACE_SIDES
                                                       or bool(piece.tool or piece.material))
    return parallel_words(w, words[ps]) and ps < pe and s < e and words[ps:pe + 1] != words[s:e + 1]


def parallel_words(x: str, y: str) -> bool:
    """Two clause openers said in parallel (``_parallel_units``; ``breaks`` reads it for text with no punctuation):
    one word said again (一块…一块), or two words of two characters that differ in one place only (这边/那边, 上联/下联,
    前头/后头: nlp-missed)."""
    return x == y or (len(x) == len(y) == 2 and (x[0] == y[0]) != (x[1] == y[1]))


def _moves_on(words: list, kinds: list, i: int, j: int) -> bool:
    """「球就顺着胳膊滚到肩膀上,再从后背滚到右边胳膊上」: a thing's move said as what follows (就 + the verb + where it
    lands) whose verb the next clause, opened by 再/又/然后 (``words.MOVE_ON_MARKERS``), says again is the first of
    the moves shown, a step, not a consequence."""
    if j + 1 >= len(words) or words[j + 1] not in MOVE_ON_MARKERS:
        return False
    e = _clause_end(words, kinds, j + 1)
    return words[i] in words[j + 2:e + 1]


def _completed_verb(surface: str | None) -> bool:
    """(nlp-order) A verb said with its own result or direction (接住, 翻过来, 装上去): a move of its own, where a bare
    verb or a bare direction (「一刀下去」) may say how the step before is done."""
    return surface is not None and len(surface) >= 2 and surface[0] not in DIRECTION_WORDS \
        and surface[0] not in MANNER_VERBS and (  # (「干透了」: a state reached, no move)
        surface[1:] in DIRECTIONAL_COMPLEMENTS or (len(surface) == 2 and surface[1] in RESULT_COMPLEMENTS))


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
        warnings.append(notice(TWO_VALUES, name=name, old=old, value=value))


def _merge(into: Step, other: Step, *, prefer_piece: bool, warnings: list | None = None) -> None:
    # (the six slots written out, no getattr/setattr per slot)
    if into.hand is None:
        into.hand = other.hand
    if into.tool is None:
        into.tool = other.tool
    if into.material is None:
        into.material = other.material
    if into.relation is None:
        into.relation = other.relation
    if into.manner is None:
        into.manner = other.manner
    if into.role is None:
        into.role = other.role
    _give_said(into, other, warnings)
    into.vague.extend(other.vague)
    into.open_terms.extend(other.open_terms)
    into.extend(other.start, other.end)
    into.before_next = into.before_next or other.before_next


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


def _split_alternations(steps: list[Step]) -> list[Step]:
    """「一推一拉」「一抡一扫」「一提一放」: an alternation of two different verbs is two steps, one per verb, in
    the same hand, with the same tool, material and place (the second a copy without the first's quantities,
    notes and names). Only where jieba's tags make both characters verbs: 「一松一紧」 (紧 an adjective)
    stays one step, a pair of directions (一上一下, 一来一去, 一进一出: how, not what) was never joined
    (``resegment``), and 一心一意, 一模一样, 一五一十 join nothing."""
    pos = POS_TAGS.roles
    out = []
    for st in steps:
        a = st.action
        if a is not None and len(a) == 4 and a[0] == "一" and a[2] == "一" and a[1] != a[3] \
                and verb_char(pos, a[1]) and verb_char(pos, a[3]):
            st.action = st.surface = a[1]
            out.append(st)
            out.append(Step(hand=st.hand, action=a[3], tool=st.tool, material=st.material, relation=st.relation,
                            manner=st.manner, start=st.start, end=st.end, general_action=st.general_action,
                            surface=a[3], open_action=st.open_action, subject=st.subject, role=st.role,
                            put_at=st.put_at))
        else:
            out.append(st)
    return out


_IMPLIED_KEPT = 20000  # (technique, craft, tool, action, material) combinations kept per spec


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
    # what a tool, action and material imply, read once per spec for each such combination
    implied_of = spec.__dict__.get("_implied_of")
    if implied_of is None:
        implied_of = spec.__dict__["_implied_of"] = {}
    key = (technique, craft, step.tool, step.action, step.material)
    implied = implied_of.get(key)
    if implied is None:
        keys = []
        if step.tool:
            keys.append(f"tool:{step.tool}")
        if step.action:
            keys.append(f"action:{step.action}")
        if step.material:
            keys.append(f"material:{step.material}")
        implied = tuple(spec.implied_values(keys, technique, craft).items())
        if len(implied_of) < _IMPLIED_KEPT:
            implied_of[key] = implied
    for name, value in implied:
        if name not in step.params:
            step.params[name] = value
            step.defaults.append(name)

