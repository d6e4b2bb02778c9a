"""Jieba repairs: the token-level joins by part of speech (``_repair_tokens``, run when a text is tokenized) and
the re-cut of words jieba glued or split wrongly (``_resegment``, run by ``extract()`` before kinds are read).
Each rule keeps every character index; constants live in ``words.py``."""
from __future__ import annotations

from itertools import compress

from .spec import Spec
from .tokens import Doc, _is_material_word, _is_tool_word, kind_table
from .words import (VESSELS_ENTERED, DIRECTIONAL_COMPLEMENTS, ADJ_TAGS, AFTER_VERB_WORDS, BA_VERB_NEXT, BODY_CHARS, BODY_PREV, BOUND_TAGS, BOUND_ZG_FREQ, COMPLEMENTS,
                    COMPOUND_MAX, CONTEXT_HAND_VERBS, DEMONSTRATIVES, DIRECTION_CHARS, DIRECTION_COMPOUNDS, DIRECTION_WORDS,
                    FUNCTION_TAGS, GRASP_VERBS, INSTRUMENT_HEADS, INSTRUMENT_LEADS, LOCATIVES, MANNER_ADVERBS,
                    MANUAL_VERBS, MATERIAL_HEADS, MEASURE_PREV, MODALS, NAME_CLASSIFIERS_NOT, NEGATIONS, NOUN_TAGS, NUMERAL_CHARS,
                    OBJECT_MARKERS, PIECE_CLASSIFIERS, PLACE_SUFFIX, POS_TAGS, PREDICATE_ADVERBS, PREDICATE_PREV_TAGS,
                    PUNCT, RARE_FREQ, RELATION_END, RESULT_COMPLEMENTS, SKIP, STOP_NOUNS, STOP_VERBS, TOOL_HEADS,
                    TOOL_LEAD, VERBAL_NEXT, VERB_COMPLEMENT_CHARS, VERB_GE_TAGS, VERB_NOUN_SUFFIX, _NO_PROPS, CLOSING_RESULTS, SWAP_VERBS,
                    from_pos_table)


def _repair_tokens(spec: Spec, table: dict, words: list, starts: list, kinds: list, qmap: dict,
                   join_terms: bool = True):
    """Two repairs of jieba's cut (HMM off), one linear pass, no word lists:

    * noun compounds jieba left in pieces are joined by their tags: a one-character noun (or a
      character that heads a tool or material) after a noun or after a one-character noun
      (「车」「盘」 → 车盘, 「钢」「槽」 → 钢槽, 「风箱」「炉」 → 风箱炉, 「丝」「眼」「板」 → 丝眼板), a
      one-character adjective in attributive position before a noun (「粗」「坯」 → 粗坯, 「熟」「桐油」
      → 熟桐油; not after a noun or an adverb, where it is a predicate: 「泥软」「很大」), and a noun
      whose second character jieba glued to a locative (「银」「窝里」 → 银窝 + 里);
    * a rare dictionary entry made of 先/再 and a verb or relation word (「先戴」「再往」) is cut back
      into the sequence marker and the word, so the marker starts its unit and the verb is a verb.

    Quantities, punctuation, markers, hands, craft names and the spec's actions never join; the
    spec's tools and materials join only with ``join_terms`` (not for a craft the spec describes in
    full, whose own names carry its defaults: 「深色线」 stays 深色 + 线 = 丝线 in 湘绣; nor is 先/再
    cut off there)."""
    props = _word_props(spec, table)
    # which flags apply: with or without the spec's words
    n1_at, nw_at, rc_at = (0, 2, 13) if join_terms else (1, 3, 14)
    for w in set(words).difference(props):
        props[w] = _props_of(spec, table, w)
    n = len(words)
    # only the tokens that something may join to the token before them are walked in Python; the
    # stretches between them are copied as slices
    get = props.__getitem__
    # (compiled, one comprehension costs far less per token than compress over chained maps: each map step is a call)
    cands = [i for i, w in enumerate(words) if get(w)[rc_at] and kinds[i] != "Q"]
    if not cands:
        return words, starts, kinds[:], qmap, {}  # (the kinds are changed by position afterwards)
    out_w, out_s, out_k, compounds = [], [], [], {}
    group = False  # the last output token is a compound joined here
    lp = None  # the last output token's properties (None: a compound joined here, or a quantity)
    pos = 0
    left_at = 16 if join_terms else 17
    last = -2  # the last candidate walked
    for i in cands:
        p = props[words[i]]
        if i - 1 != last and not p[6] and not (p[8] and join_terms) \
                and (i == 0 or kinds[i - 1] == "Q" or not props[words[i - 1]][left_at]):
            # (after a word no join starts from, a token that neither splits nor changes its kind stays as it is:
            # in the stretch copied with the next; after a candidate walked, the word before may be a compound)
            continue
        last = i
        if i > pos:
            out_w.extend(words[pos:i]), out_s.extend(starts[pos:i]), out_k.extend(kinds[pos:i])
            group, lp = False, (None if kinds[i - 1] == "Q" else props[words[i - 1]])
        pos = i + 1
        w, k = words[i], kinds[i]
        if p[8] and join_terms:
            # 「先戴」「再往」: a rare dictionary entry glued to a sequence marker
            out_w.extend((w[0], w[1])), out_s.extend((starts[i], starts[i] + 1))
            out_k.extend((table.get(w[0]), table.get(w[1])))
            group, lp = False, None
            continue
        if p[6] and out_w and out_k[-1] != "Q" and out_w[-1] not in MEASURE_PREV \
                and out_w[-1][-1] not in NUMERAL_CHARS and props.get(out_w[-1], _NO_PROPS)[10] is not True:
            # 「端起碗」「顶着一摞碗」: jieba tags 碗 as a classifier; right after no numeral or
            # demonstrative (「一碗」「这碗」 count), it is a noun
            k = "N"
        if not out_w or out_k[-1] == "Q":
            out_w.append(w), out_s.append(starts[i]), out_k.append(k)
            group, lp = False, p
            continue
        lw, lk = out_w[-1], out_k[-1]
        left_n1 = not group and lp is not None and lp[n1_at]
        left_nw = group or (lp is not None and lp[nw_at])
        if p[7] and (left_n1 or (not group and lp is not None and lp[6] and lk == "N" and len(out_k) >= 2
                                 and out_k[-2] == "R")):
            # 「银」「窝里」: the noun's second character was glued to the locative (also after a vessel jieba
            # tags as a classifier read as a noun just above, where a relation marker makes it a place: 「在碗」
            # 「边上」 → 碗边 + 上; not 「顶碗」「头上」)
            joined = lw + w[0]
            compounds.pop(len(out_w) - 1, None)
            out_w[-1], out_k[-1] = joined, table.get(joined, "N")
            out_w.append(w[1]), out_s.append(starts[i] + 1), out_k.append(table.get(w[1]))
            group, lp = False, None
            continue
        join = False
        right_n1 = p[n1_at] or (k == "N" and len(w) == 1 and p[6]) or (
            # 「毛」「刷」 opening 「毛刷蘸了点水」: a tool character that is also a hand verb, after a
            # one-character noun and before another verb, is the tool's head, not the predicate
            left_n1 and p[12] and (k != "T" or join_terms) and (
                (i + 1 < n and kinds[i + 1] in ("V", "T", "C"))
                # 「拿木」「铲在锅里翻」: right after 拿/用, the noun and the tool character are the implement taken in
                # hand, whatever follows (a place, a manner)
                or (len(out_w) >= 2 and out_w[-2] in TOOL_LEAD))) or (
            # 「脖」「签」, 「腰」「鼓」 closing the clause: a tool character jieba tags as a verb, after a
            # one-character noun and with nothing after it, is the noun's head
            left_n1 and p[15] and (i + 1 == n or kinds[i + 1] == "P")) or (
            # 「铁」「枝」, 「罐」「口」, 「大」「绺」: a classifier right after a one-character noun or adjective (no
            # numeral or demonstrative before it) is the noun's last character (r14)
            p[18] and (left_n1 or (not group and lp is not None and lp[4])))
        right_nw = p[nw_at]
        # (every join below needs a noun, an adjective or a verb before the token: after any other word the tests
        # are not read)
        if (left_n1 or left_nw or (lp is not None and not group and (lp[4] or lp[5]))) \
                and len(lw) + len(w) <= COMPOUND_MAX and w not in PLACE_SUFFIX and w[0] not in VERBAL_NEXT \
                and w not in OBJECT_MARKERS \
                and not (i + 1 < n and words[i + 1][:1] in VERBAL_NEXT) and not written_jing(spec.pos_tags(), words, i) \
                and not (len(w) == 1 and i + 1 < n and words[i + 1] in ("在", "进")
                         and (w in CONTEXT_HAND_VERBS or mistagged_verb(spec.pos_tags(), w))
                         and not _verb_in_clause(spec, words, kinds, i + 2)) \
                and not ba_verb_char(spec.pos_tags(), words, out_w, i) \
                and not (i + 1 < n and len(w) == 1 and words[i + 1] in AFTER_VERB_WORDS and len(words[i + 1]) >= 2) \
                and not (len(w) == 1 and w not in TOOL_HEADS and w not in MATERIAL_HEADS and verb_char(spec.pos_tags(), w)
                         and counted_object(spec.pos_tags(), words, kinds, i + 1)):
            # 「铁水化到」「铜块锤成方条」「这条线量出去」: the predicate; so is a verb character before a counted object
            # (「通体施一层化妆土」, nlp-verbs: ``counted_object``), unless it may head a tool's or a stuff's name
            # (夹: 「筷子夹一团馅」 is read by the tool names' rules)
            if right_n1:
                # 「车」「盘」, 「风箱」「炉」, 「湿纸」「饼」; not after a verb's result (「熨斗」「熨平」「绸」)
                join = (left_n1 or left_nw) and not _verb_result(spec.pos_tags(), out_w)
            elif right_nw:
                # 「龙」「身子」, 「热」「毛巾」; not a word jieba tags a noun that opens with a verb or a
                # direction (「水」「端平」, 「米」「下锅」: subject and predicate)
                join = left_n1 and p[11] and not _verb_result(spec.pos_tags(), out_w)
            if not join and lp is not None and not group and lp[4] and (right_n1 or right_nw):
                # 「粗」「坯」, 「熟」「桐油」: an adjective before a noun modifies it unless a noun,
                # an adverb or a complement marker before it makes it a predicate
                before = out_w[-2] if len(out_w) >= 2 else None
                join = before is None or (props.get(before, _NO_PROPS)[10] is not True
                                          and before not in ("到", "得", "很", "太", "最", "更", "越")
                                          and not _verb_result(spec.pos_tags(), out_w))
            if not join and p[9] and lp is not None and not group and lp[5] and (lk != "T" or join_terms):
                join = _instrument(words, kinds, out_w, out_k, i, lw, w, right_nw)
            if not join and w == VERB_NOUN_SUFFIX and len(lw) == 1 and lp is not None and not group and lp[5] \
                    and (lk != "T" or join_terms):
                # (nlp-merge) 「绑跷子」「往封子里灌」「拿着铰子」: 子 jieba left alone after a one-character verb ends
                # that noun (jieba lists nearly every such word it has as a noun); only 子 (拿板, 抡槌: the object)
                join = True
            if not join and p[18] and lp is not None and not group and lp[5] and len(lw) == 1 and len(out_w) >= 2 \
                    and (i + 1 == n or (kinds[i + 1] not in ("N", "T", "Q")
                                        and spec.pos_tags().get(words[i + 1], "")[:1] not in ("n", "m"))):
                # 「对着吹口往里送气」「嘴跟吹口斜着」: a preposition takes a noun, so a one-character verb and a
                # classifier right after it (no numeral between, none after: not 「对着火吹口气」) are one noun (r14)
                join = _after_preposition(spec.pos_tags(), out_w)
        if join and len(w) == 1 and len(lw) >= 2 and w in lw and (
                i + 1 == n or kinds[i + 1] in ("P", "Q") or words[i + 1] in RESULT_COMPLEMENTS
                or words[i + 1] in COMPLEMENTS):
            # 「锤子」「锤」「平」, 「烙铁」「烙」「平」: a thing named for what is done with it, then that doing with its
            # result, a count or nothing after it (用锤子锤平, 拿钳子钳紧, 用锯子锯两下; 「小锤子」「铁锤」 joined just
            # before, 用铁锤锤平): the thing and the verb, never one noun, and nothing joins the verb as a noun after it
            # (not 「剪子剪口」, the scissors' edge)
            out_w.append(w), out_s.append(starts[i]), out_k.append("V")
            group, lp = False, None
            continue
        if join:
            joined = lw + w
            head = spec.terms.get(w) if k == "T" else None
            if head is not None and head.category not in ("tool", "material"):
                head = None
            out_w[-1] = joined
            out_k[-1] = table.get(joined) or ("T" if head is not None else "N")
            if head is not None:
                compounds[len(out_w) - 1] = head
            else:
                compounds.pop(len(out_w) - 1, None)
            group, lp = True, None
            continue
        if k != "V" and ba_verb_char(spec.pos_tags(), words, out_w, i):
            k = "V"  # 「把锔子卡进眼里」: the 把 clause's verb (卡/n), not a noun
        out_w.append(w), out_s.append(starts[i]), out_k.append(k)
        group, lp = False, p
    if pos < n:
        out_w.extend(words[pos:]), out_s.extend(starts[pos:n]), out_k.extend(kinds[pos:])
    out_s.append(starts[n])
    # quantities are never joined: they keep their order
    out_q = dict(zip([i for i, k in enumerate(out_k) if k == "Q"], (qmap[j] for j in sorted(qmap))))
    return out_w, out_s, out_k, out_q, compounds


def _vessel_pieces(words: list, kinds: list, cuts: dict, i: int) -> int:
    """How many one-character words from i to the clause's end (two or three) name a vessel, the last a vessel
    character (烤/花/炉 after 进); 0 where they do not."""
    n = len(words)
    for k in (2, 3):
        if i + k < n and kinds[i + k] == "P" and words[i + k - 1] in VESSELS_ENTERED and all(
                len(words[j]) == 1 and j not in cuts and kinds[j] not in ("Q", "P", "H", "O", "R", "M", "L")
                and words[j] not in COMPLEMENTS and words[j] not in NUMERAL_CHARS and words[j] not in SKIP
                and words[j] not in PLACE_SUFFIX for j in range(i, i + k)):
            return k
    return 0


def ba_verb_char(pos: dict, words: list, out_w: list, i: int) -> bool:
    """「把锔子卡进眼里」「把竹钉卡在缝里」「把铆钉楔进铁板」「把鞋底纳在一起」: right after 把/将 and its object (one word,
    ``out_w[-1]``, the last output token), a one-character word jieba left alone before 进/在/到/入
    (``words.BA_VERB_NEXT``) is the clause's verb with where the thing goes, whatever jieba tags it (卡/n, 楔/n): never
    the object's last character (锔子卡, 铆钉楔). Not a locative (把锅放里边: 里), a numeral, a classifier, a pronoun
    or a function word, and not a character that heads a tool's or a stuff's name (``TOOL_HEADS``, ``MATERIAL_HEADS``:
    「把铁 + 丝 + 缠在…」 keeps 铁丝 for the later rules)."""
    w = words[i]
    if len(w) != 1 or i + 1 >= len(words) or words[i + 1] not in BA_VERB_NEXT or len(out_w) < 2 \
            or out_w[-2] not in OBJECT_MARKERS or w in PLACE_SUFFIX or w in DIRECTION_CHARS or w in COMPLEMENTS:
        return False
    if w in TOOL_HEADS or w in MATERIAL_HEADS:
        return False
    return pos.get(w, "")[:1] in ("n", "v", "g", "z", "")


def written_jing(pos: dict, words: list, i: int) -> bool:
    """「高粱经破碎后」「经水冷却后」「经勾兑后」: one-character 经 (jieba's noun, the warp) right before a verb,
    or before one word and a verb, is written Chinese's 经(过), 'having gone through': a preposition that
    marks what is done to the thing before it, no noun (the warp closes its clause: 「生丝做经」「当经」)."""
    if words[i] != "经" or i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    return pos.get(nxt, "")[:1] == "v" or (
        pos.get(nxt, "")[:1] == "n" and len(nxt) <= 2 and i + 2 < len(words) and pos.get(words[i + 2], "")[:1] == "v") \
        or _glued_after_jing(pos, nxt)


def _glued_after_jing(pos: dict, w: str) -> bool:
    """「经水冷却后」: jieba's 水冷却/l, one noun character glued to a two-character verb (cut in ``_resegment``)."""
    return len(w) == 3 and pos.get(w[0], "")[:1] == "n" and pos.get(w[1:], "")[:1] == "v" and pos.get(w, "")[:1] != "v"


def _verb_result(pos: dict, out_w: list) -> bool:
    """The last output token is a verb's result (平, 紧, 匀: ``words.CLOSING_RESULTS``), which ends the predicate,
    so the noun after it is the verb's object (not 平木板, 熨平绸面): a one-character result right after a
    one-character verb (「刨」「平」「木板」; 「小锤子」「锤」「平」「铜片」, the verb being what the thing before it is
    named for), or a verb + result jieba tags a noun right after the thing named for that verb (「熨斗」「熨平」「绸」)."""
    if len(out_w) < 2:
        return False
    w, v = out_w[-1], out_w[-2]
    if len(w) == 1:
        # (not after a verb that takes a tool: 「用平口刀」「拿圆口刀」)
        return w in CLOSING_RESULTS and len(v) == 1 and v not in TOOL_LEAD and v not in SWAP_VERBS and (
            v in CONTEXT_HAND_VERBS or verb_char(pos, v) or (len(out_w) >= 3 and v in out_w[-3]))
    return len(w) == 2 and w[1] in RESULT_COMPLEMENTS and len(v) == 2 and v[0] == w[0]


def _after_preposition(pos: dict, out_w: list) -> bool:
    """The word before the last output token is a preposition (跟, 对 + 着 as one token or two: 对着)."""
    b = out_w[-2]
    if b == "着" and len(out_w) >= 3:
        b = out_w[-3]
    elif len(b) == 2 and b[1] == "着":
        b = b[0]
    return pos.get(b, "") == "p"


def _verb_in_clause(spec: Spec, words: list, kinds: list, j: int) -> bool:
    """A verb of the same predicate stands in the clause from token j on, j being the place or result that follows
    a one-character word after a noun (「木夹在架子上排好」: 排 is the predicate, 木夹 a noun; 「琴夹在腿中间,」:
    none, so 夹 is the predicate: 琴 + 夹). (nlp-verbs) Where the place (a word ending in a locative: 上, 里, 中间) or
    the result (好, 紧) is followed by a noun or a hand, that is the next clause's subject, and a verb after it is
    that clause's (「板夹在指头缝里手腕一抖」「纸夹好刷子蘸上颜色」, said with no pause); nor is a verb before 的 a
    predicate (「夹子夹在绳子上猜的人…」: 猜的人 is a person)."""
    pos = spec.pos_tags()
    n = len(words)
    ended = j < n and words[j] in RESULT_COMPLEMENTS  # (the result closes the predicate it completes)
    while j < n and kinds[j] != "P":
        w, k = words[j], kinds[j]
        if k == "V" or (k == "T" and pos.get(w, "")[:1] == "v"):
            return not (j + 1 < n and words[j + 1] == "的")
        if k == "H" or (ended and (k in ("N", "T") or pos.get(w, "")[:1] == "n")):
            return False
        if w in LOCATIVES or (len(w) >= 2 and w[-1] in PLACE_SUFFIX and pos.get(w, "")[:1] in ("n", "s", "f")):
            ended = True
        j += 1
    return False


def counted_object(pos: dict, words: list, kinds: list, j: int) -> bool:
    """(nlp-verbs) A counted object begins at token j: a quantity, or a numeral and a classifier (「三」「炷」, 一层/m,
    一梭/n), then the noun counted (「一层化妆土」「三炷香」). Only a verb takes one right after it; a noun is
    followed by its count alone (「竹夹两个，」)."""
    n = len(words)
    if j >= n:
        return False
    w = words[j]
    if kinds[j] == "Q":
        j += 1
    elif w[0] in NUMERAL_CHARS and w[0] not in DEMONSTRATIVES and w[0] != "每":
        if all(c in NUMERAL_CHARS for c in w) and j + 1 < n and pos.get(words[j + 1], "") == "q":
            j += 2
        elif len(w) >= 2 and (pos.get(w, "") in ("m", "mq") or (len(w) == 2 and pos.get(w[1], "") == "q")):
            j += 1
        else:
            return False  # (a bare 一 before a noun is no count: 「一开口」, as soon as)
    else:
        return False
    if j + 1 < n and len(words[j]) == 1 and pos.get(words[j], "") in ("a", "b"):
        j += 1  # 「一层黄釉」: jieba's 黄/a before the noun's head
    return j < n and (kinds[j] in ("N", "T") or pos.get(words[j], "")[:1] == "n")


# the complements jieba's dictionary gives a verb of the hand (揭开, 夹住, 滤出, 屈起, 踩住): one character jieba tags
# otherwise (a noun, a morpheme, a name: 屈/nr, 踩/zg) that heads such a verb there is a verb too
DICTIONARY_VERB_COMPLEMENTS = "开住下出起上进回掉"


def verb_char(pos: dict, w: str) -> bool:
    """Whether jieba's dictionary (``pos``, the spec's part-of-speech table) has the one-character ``w`` as a
    verb: tagged one, or heading a verb + complement word tagged one (屈/nr but 屈起/v; 踩/zg but 踩住/v, 踩下/v).
    The fallback for a verb slot (一A一B) where jieba's tag of the character alone is another word's."""
    return pos.get(w, "")[:1] == "v" or mistagged_verb(pos, w)


def mistagged_verb(pos: dict, w: str) -> bool:
    """``verb_char``'s fallback alone: a one-character word jieba tags a noun, a morpheme or a name (not a verb)
    that heads a verb + complement word jieba's dictionary tags a verb (衬/n: 衬出/v; 吊/zg: 吊起/v)."""
    return len(w) == 1 and w not in SKIP and w not in COMPLEMENTS and w not in DIRECTION_WORDS \
        and pos.get(w, "")[:1] in ("n", "z", "") and any(pos.get(w + c, "")[:1] == "v" for c in DICTIONARY_VERB_COMPLEMENTS)


# the tags jieba gives a verb + object word it lists as a thing (降温/n, 扬鞭/nr, 憋住气/l)
VERB_OBJECT_TAGS = frozenset(("n", "nr", "ns", "nz", "l"))


def verb_object_word(pos: dict, w: str) -> bool:
    """A word jieba tags as a noun, a name or a set phrase that reads as a verb and its object: two or three
    characters, the first of which jieba's dictionary tags as a verb alone (降温/n: 降/v; 吸气/n, 鸣炮/n, 松手/n,
    分食/n), the second no complement or direction (滚起来/l, 翻出来/l: a verb and where it goes, read by
    ``extract._verb_in_place``'s own rule), the last no noun suffix (子/儿/头: 刷子), and the whole no tool or
    material word, where the verb names what the thing is for (剪刀, 锯条, 拉面). Whether it is the predicate is
    for its place to say (``extract._predicate_noun``)."""
    return 2 <= len(w) <= 3 and pos.get(w, "") in VERB_OBJECT_TAGS and (pos.get(w[0], "")[:1] == "v" or (
        pos.get(w[0], "") in ("zg", "vg") and _result_and_object(pos, w))) \
        and w[0] not in STOP_VERBS and w[0] not in DIRECTION_WORDS and w[-1] not in "子儿头" \
        and (w[1] not in COMPLEMENTS or _result_and_object(pos, w)) and w[1] not in DIRECTION_CHARS \
        and w[1:] not in AFTER_VERB_WORDS and not _is_tool_word(w) and not _is_material_word(w)


def _result_and_object(pos: dict, w: str) -> bool:
    """(nlp-order) A set phrase (jieba's l) of three characters: a verb, its result (住/紧/开/好) and its object (憋住气/l,
    咬紧牙/l, 放开手/l): the result character in the middle is no complement of a noun, and makes the first a verb even
    where jieba tags it a morpheme (憋/zg). (Not a noun of that shape, 居住区/n, 凉开水/ns.)"""
    return len(w) == 3 and pos.get(w, "") == "l" and w[1] in "住紧开好" and w[2] not in COMPLEMENTS \
        and w[2] not in DIRECTION_CHARS


def _alternated(pos: dict, w: str) -> bool:
    """One character of 一A一B that makes it an alternating action: a verb (jieba's tag or ``verb_char``) or an
    adjective (一松一紧); by ``verb_char``'s fallback only where 一 + the character is no numeral + classifier in
    jieba's dictionary (一步/m: 「一步一撩」 is step by step, 步 a measure, though 步出/v)."""
    t = pos.get(w, "")[:1]
    return t == "a" or t == "v" or (verb_char(pos, w) and pos.get("一" + w, "") not in ("m", "mq"))


def _word_props(spec: Spec, table: dict) -> dict:
    props = getattr(spec, "_noun_props", None)
    if props is None:
        props = spec._noun_props = {}
    return props


def _props_of(spec: Spec, table: dict, w: str) -> tuple:
    t = spec.pos_tags().get(w, "")
    k = table.get(w)
    terms = spec.terms
    closed = SKIP | COMPLEMENTS | MEASURE_PREV | NEGATIONS | PREDICATE_ADVERBS | STOP_NOUNS  # 「的时候」

    def joinable(with_terms):
        if k is None or k == "N":
            return w not in closed
        if k == "T" and with_terms and w not in spec.ambiguous:
            info = terms[w]
            # the spec's tools and materials, and a single character it knows only as another
            # craft's short name for a technique (盘 for 盘金: jieba's 车/盘) that heads a thing's name
            # (not a verb character: 掺 for 掺针 is to mix in, 「清水掺上香料」「里头掺纸筋」)
            return info.category in ("tool", "material") or (len(w) == 1 and info.category == "technique"
                                                             and (w in TOOL_HEADS or w in MATERIAL_HEADS))
        return False

    heads = TOOL_HEADS | MATERIAL_HEADS
    # a bound morpheme standing alone (醅, 缬, 榄): a piece of a noun jieba's dictionary does not have
    bound = len(w) == 1 and k is None and "\u4e00" <= w <= "\u9fff" and (
        t in BOUND_TAGS or (t == "zg" and spec.ensure_tokenizer().FREQ.get(w, 0) < BOUND_ZG_FREQ))
    thing1 = len(w) == 1 and t != "q" and (t in NOUN_TAGS or bound
                                           or (w in heads and (w not in MANUAL_VERBS or t[:1] == "n")))
    thing = len(w) >= 2 and (t in NOUN_TAGS or k in ("N", "T"))
    j_with, j_without = joinable(True), joinable(False)
    before_adj = True if t in PREDICATE_PREV_TAGS else (None if t in ("m", "r", "mq") else False)
    props = (
        thing1 and j_with, thing1 and j_without, thing and j_with, thing and j_without,
        len(w) == 1 and t in ADJ_TAGS and k is None and w not in closed,
        1 <= len(w) <= 2 and t[:1] == "v" and w not in TOOL_LEAD and w[-1] not in VERB_COMPLEMENT_CHARS
        and k in (None, "V", "T"),
        k is None and t == "q" and len(w) == 1 and w in heads,
        len(w) == 2 and w[1] in ("里", "上") and t in ("n", "s", "f") and w not in terms,
        len(w) == 2 and w[0] in ("先", "再") and w not in terms
        and spec.ensure_tokenizer().FREQ.get(w, 0) < RARE_FREQ and table.get(w[1]) in ("V", "T", "C", "R"),
        w[-1:] in TOOL_HEADS and (len(w) == 2 and thing or len(w) == 1 and w not in MANUAL_VERBS
                                  and t in ("n", "ng", "zg", "q")),
        before_adj,
        len(w) >= 2 and spec.pos_tags().get(w[0], "")[:1] not in ("v", "f", "p", "d"),
        len(w) == 1 and w in TOOL_HEADS and w in MANUAL_VERBS,
    )
    # 18: a classifier that may be a noun's last character (「铁」「枝」, 「大」「绺」), read after a one-character noun
    # or adjective only
    name_q = len(w) == 1 and t == "q" and k is None and w not in NAME_CLASSIFIERS_NOT and w not in closed
    head_verb = len(w) == 1 and k == "V" and (w in TOOL_HEADS or w in MATERIAL_HEADS) and w not in MANUAL_VERBS
    # 13/14: anything may join this word to the one before it (with/without the spec's words)
    q_noun, loc, rare, ends_tool, tool_verb = props[6], props[7], props[8], props[9], props[12]
    return props + (
        props[0] or props[2] or q_noun or loc or rare or ends_tool or tool_verb or head_verb or name_q,
        props[1] or props[3] or q_noun or loc or ends_tool or tool_verb or head_verb or name_q,
        head_verb,
        # 16/17: a join may start from this word to the next (a noun, an adjective or a verb before it: every join
        # of ``_repair_tokens`` needs one), with/without the spec's words
        props[0] or props[2] or props[4] or props[5],
        props[1] or props[3] or props[4] or props[5],
        name_q,
    )


def _instrument(words, kinds, out_w, out_k, i, lw, w, right_nw) -> bool:
    """「拿打纬刀往里打」「刮痧板蘸油」「拿刮泥板把边刮平」: a verb and a noun headed by a tool
    character, standing where a noun stands (after 拿/用…, or opening the clause) and followed by the
    predicate, name the tool the verb is done with."""
    if len(w) == 2 and not right_nw:
        return False
    before = out_w[-2] if len(out_w) >= 2 else None
    if before is not None and before not in TOOL_LEAD and out_k[-2] not in ("P", "M", "L", "O"):
        return False
    if len(lw) == 1 and before not in TOOL_LEAD:
        return False  # 「刮泥板」 opening a clause is 刮 + its object
    nxt = i + 1
    return nxt < len(words) and (kinds[nxt] in ("V", "T", "C", "O", "L", "R") or words[nxt] in TOOL_LEAD)


# (nlp-order) what follows a verb and never a noun: a result, an aspect, written 于 + where it goes (not 在/到, which
# also follow a thing: 「保温套在柜子里」; nor 着, a hold that says how the next verb is done: 「两手端着簸箕颠」)
GLUED_VERB_NEXT = frozenset(("好", "了", "过", "于", "住", "紧", "完", "成", "好了", "完了"))


def _resegment(spec: Spec, doc: Doc, norm: str) -> None:
    """For a craft the spec does not describe in full: three places where jieba's cut hides a verb,
    read by position (``open_kinds`` then reads the kinds):

    * a body part glued to the hand or foot verb it is the subject of (手提, 脚蹬, 手弹: jieba's
      dictionary nouns; 手扶, 手推 its distinguishing words; 手握 a verb), after a numeral + classifier,
      a side or the clause head, and before what only follows a verb (its object or its complement):
      「一只手提经线」 → 手 + 提, 「一只手扶着坯子」 → 手 + 扶;
    * a reduplicated classifier glued to the verb after it: 「一张一张贴」 cut 一张/一/张贴 → 张 + 贴;
    * 一A一B of two different one-character verbs (by jieba's tag or ``verb_char``: 「一屈一伸」, 屈/nr) or
      adjectives (「一松一紧」「一推一拉」) is one alternating action (not 一上一下, a direction: how, not what); where both are verbs the step it
      makes is cut into one step per verb at the end (``extract._split_alternations``);
    * two clauses in a row that open with parallel two-character subjects sharing their second
      character and followed by the same verb (「上手弹三弦,下手弹琵琶」) name two roles: each is a noun.
    """
    POS_TAGS.segment = spec.pos_tags()
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    n = len(words)
    if n < 2:
        return
    table = kind_table(spec)
    pos = spec.pos_tags()
    cuts = {}  # token index → (first piece's kind, second piece's kind)
    joins = {}  # first token index → (count of tokens, kind)
    regroups = {}  # token index → (kind, kind): its first character apart, the rest joined to the next token
    tailcuts = {}  # token index → (kind, kind): cut before its last character
    pieces = {}  # token index → [(text, kind), …]: a word in three
    shifts = {}  # token index → (kind, kind): its first character joined to the token before (高|高举 → 高高 + 举)
    # only the words that can open one of these patterns are walked in Python (a flag per word, cached
    # per spec): 一, a numeral or classifier word, a two-character word with a body part or a hand verb
    memo = getattr(spec, "_reseg_words", None)
    if memo is None:
        memo = spec._reseg_words = {}
    freq = spec.ensure_tokenizer().FREQ
    for w in set(words).difference(memo):
        memo[w] = w == "一" or w == "经" or pos.get(w, "") in ("m", "mq") or (
            len(w) == 2 and (w[0] in BODY_CHARS or w[1] in CONTEXT_HAND_VERBS or w[0] in "上里"
                             or (pos.get(w[0], "")[:1] == "v" and pos.get(w[1], "")[:1] == "n"))) or (
            len(w) >= 2 and w[-1] in OBJECT_MARKERS) or (len(w) == 2 and w[0] in "用拿") or (len(w) == 2 and w[1] == "个") \
            or (len(w) == 2 and w[1] in INSTRUMENT_HEADS) or (len(w) >= 3 and w[-1] in CONTEXT_HAND_VERBS) \
            or (len(w) == 2 and w[1] in "往朝向") or (len(w) == 3 and w[1] in LOCATIVES) \
            or (len(w) >= 2 and w[1] == "点") or (len(w) == 3 and pos.get(w, "") == "nr") \
            or (len(w) == 3 and w[1] == "着") or (len(w) == 2 and w[0] in PIECE_CLASSIFIERS) \
            or (len(w) == 3 and 0 < freq.get(w, 0) < RARE_FREQ) \
            or (len(w) == 2 and pos.get(w, "")[:1] == "n" and pos.get(w[1], "")[:1] == "v") \
            or (len(w) == 2 and pos.get(w, "")[:1] != "v" and _verb_tail(pos, w[1])) \
            or (len(w) >= 2 and w[0] == "紧" and w not in freq)
    for i in [i for i, w in enumerate(words[:n - 1]) if memo[w]]:
        w = words[i]
        k = kinds[i]
        if w[0] == "紧" and len(w) >= 2 and i and len(words[i - 1]) == 1 and kinds[i - 1] in ("V", "T") \
                and w not in freq and words[i - 1] + "紧" not in freq and doc.quantities.get(i - 1) is None \
                and i - 1 not in doc.compounds and i not in doc.compounds:
            # (s25-slots) 「攥紧竹矛」「攥紧把子」: a one-character verb + 紧 that jieba's dictionary lacks (攥紧) is cut
            # before 紧, which jieba glues to the thing held (紧把子, no word of its dictionary): the verb with its
            # result 紧 + the thing; a noun character left there and one more character of no word's, closing the
            # clause, are that thing's name (紧竹|矛,: 竹矛)
            c = words[i + 1]
            more = len(w) == 2 and pos.get(w[1], "")[:1] == "n" and len(c) == 1 and kinds[i + 1] is None \
                and "\u4e00" <= c <= "\u9fff" and c not in COMPLEMENTS and c not in SKIP and c not in PLACE_SUFFIX \
                and c not in DIRECTION_WORDS and i + 1 not in doc.quantities and i + 1 not in doc.compounds \
                and (i + 2 == n or words[i + 2] in _SPLIT_NOUN_CLAUSE_ENDS)
            shifts[i] = (table.get(words[i - 1] + "紧") or "V", "N" if more else table.get(w[1:]) or "N", more)
            continue
        if len(w) == 2 and i and k in (None, "N") and len(words[i - 1]) == 1 and kinds[i - 1] in (None, "N") \
                and _shifted_verb(spec, pos, freq, words, kinds, i) and doc.quantities.get(i - 1) is None \
                and i - 1 not in doc.compounds and i not in doc.compounds:
            # (s22-steps2) 「板凳高高举起来」「把龙骨架到台子上」: jieba's cut A|BC (高|高举/d, 龙|骨架/n) of a dictionary
            # word AB (高高, 龙骨) and a character C that heads a verb (举; 架: 架回/v), before what only a verb takes
            # (a direction or result, 到/在/进), is AB + the verb C
            shifts[i] = (table.get(words[i - 1] + w[0]) or None, "V", False)
            continue
        if w[1:2] == "点" and k != "Q" and _verb_a_little(spec, pos, w, words, kinds, i):
            # 「加点水」「里头加点胡杨碱」「滴点油」: jieba's dictionary noun 加点/滴点 (a one-character verb + 点, a
            # little), before the thing (or glued to it by the noun repair, 加点水), is the verb + 点
            rest = w[2:]
            pieces[i] = [(w[0], table.get(w[0]) or "V"), ("点", None)] + ([(rest, table.get(rest) or "N")] if rest else [])
            continue
        if w == "经" and _glued_after_jing(pos, words[i + 1]) and words[i + 1] not in spec.terms:
            # 「经水冷却后」: after written 经 (``written_jing``), jieba's 水冷却/l is the thing (水) + the verb (冷却)
            cuts[i + 1] = (table.get(words[i + 1][0]) or "N", table.get(words[i + 1][1:]) or "V")
            continue
        if len(w) == 3 and k in (None, "N") and pos.get(w, "") == "nr" and pos.get(w[:2], "")[:1] == "v" \
                and w[2] in CONTEXT_HAND_VERBS and w[:2] not in STOP_VERBS and w not in spec.terms:
            # 「各加水煮开」: a verb-object word and a hand verb jieba's dictionary has as a person's name (加水煮/nr)
            tailcuts[i] = (table.get(w[:2]) or "V", table.get(w[2]) or "V")
            continue
        if len(w) == 3 and k in (None, "N") and 0 < freq.get(w, 0) < RARE_FREQ and w not in spec.terms \
                and pos.get(w[:2], "")[:1] == "n" and verb_char(pos, w[2]) and w[2] not in STOP_VERBS \
                and w[2] not in COMPLEMENTS and words[i + 1] in GLUED_VERB_NEXT:
            # (nlp-order) 「分几个布袋装好」「左掌护于胸前」: a rare entry of jieba's dictionary (an artefact of its corpus)
            # made of a noun and a verb character, before what only follows a verb (a result, an aspect, 于), is the
            # noun + the verb
            tailcuts[i] = (table.get(w[:2]) or "N", table.get(w[2]) or "V")
            continue
        if len(w) == 2 and k in (None, "N") and i and w not in spec.terms and len(words[i - 1]) == 2 \
                and words[i - 1][0] in NUMERAL_CHARS and pos.get(words[i - 1], "") in ("m", "mq") and kinds[i - 1] != "Q" \
                and pos.get(w, "")[:1] == "n" and pos.get(w[0], "")[:1] == "n" and pos.get(w[1], "")[:1] == "v" \
                and w[1] not in STOP_VERBS and (words[i + 1] in GLUED_VERB_NEXT or words[i + 1] in ("掉", "开", "光")):
            # (nlp-fresh-a) 「一把火烧了」「一盆水泼掉」: after a numeral + classifier, jieba's noun of a noun character and a
            # verb character (火烧/n), before what only follows a verb, is the counted thing + the verb
            cuts[i] = ("N", table.get(w[1]) or "V")
            continue
        if k in ("Q", "P", "T", "H"):
            continue
        if _held_posture_cut(pos, words, kinds, i, cuts, regroups, pieces):
            continue
        if len(w) == 3 and w[1] in LOCATIVES and k in (None, "N") and w not in spec.terms and i \
                and pos.get(w, "") in ("nz", "") and (w[0] in TOOL_HEADS or pos.get(w[0], "")[:1] == "n") \
                and w[0] not in BODY_CHARS and pos.get(w[2], "")[:1] == "v" and w[2] not in STOP_VERBS \
                and (kinds[i - 1] in ("V", "T") or pos.get(words[i - 1], "")[:1] == "v"):
            # 「放锅里煮」: jieba's 锅里煮/nz after a putting verb is the place (锅 + 里) and the verb that works there
            pieces[i] = [(w[0], table.get(w[0]) or "N"), (w[1], None), (w[2], table.get(w[2]) or "V")]
            continue
        if len(w) == 2 and w[1] in "往朝向" and i and words[i - 1][-1:] in DIRECTION_CHARS \
                and words[i - 1][-1:] + w[0] in DIRECTION_COMPOUNDS and len(words[i - 1]) >= 2 \
                and pos.get(words[i - 1][0], "")[:1] == "v" and i + 1 < n and kinds[i + 1] != "P":
            # 「拿起来往上一搭」: jieba's 来往 after 拿起 is the end of the direction (起来) + 往
            cuts[i] = (None, "R")
            continue
        if len(w) == 2 and w[0] in PIECE_CLASSIFIERS and k in (None, "N") and i and i + 1 < n \
                and (words[i - 1] in TOOL_LEAD or words[i - 1] in GRASP_VERBS) and w not in spec.terms \
                and pos.get(words[i + 1], "")[:1] == "n" and kinds[i + 1] in ("N", "T") \
                and pos.get(w[1], "")[:1] in ("n", "v", "b"):
            # 「拿根竹筷子」「捏根竹针」「拿根雕刀」: after a holding verb with no numeral (一 dropped), jieba's word of
            # a classifier and the next noun's first character (根竹/n, 根雕/n) is the classifier + that noun
            regroups[i] = (None, "N")
            continue
        if len(w) == 2 and w[1] == "个" and i + 1 < n and (
                (k is None and w[0] in CONTEXT_HAND_VERBS
                 and (kinds[i + 1] in ("N", "T") or pos.get(words[i + 1], "")[:1] == "n"))
                # (nlp-actions) 「拿针线缝个三四针」「添个两块炭」「烫个五六分钟」: jieba's word of a verb character and
                # 个 that it tags a noun or a distinguishing word (缝个/n, 烫个/b) before a count is the verb + 个
                or (k in (None, "N") and kinds[i + 1] == "Q" and pos.get(w, "") in VERB_GE_TAGS
                    and pos.get(w[0], "")[:1] == "v" and w[0] not in STOP_VERBS)):
            # 「拿镊子夹个酒精棉球」: jieba's 夹个 before a noun is the verb + the classifier
            cuts[i] = ("V", None)
        elif len(w) == 2 and w[1] in CONTEXT_HAND_VERBS and k in (None, "N") and i and kinds[i - 1] == "O" \
                and w not in spec.terms and pos.get(w[0], "")[:1] == "n" \
                and (words[i + 1] in RESULT_COMPLEMENTS or words[i + 1] in ("在", "到", "进", "了", "着")) \
                and not _verb_in_clause(spec, words, kinds, i + 1):
            # 「先把纸夹好」: after 把, jieba's 纸夹/n (a clip) before a result, with no verb in the clause, is
            # the object + the verb (把 needs a predicate)
            cuts[i] = (table.get(w[0]) or "N", table.get(w[1]) or "V")
        elif len(w) == 2 and w[1] in CONTEXT_HAND_VERBS and k in (None, "N") and i \
                and (kinds[i - 1] in ("N", "T") or pos.get(words[i - 1], "")[:1] == "n") \
                and w not in spec.terms and pos.get(w[0], "")[:1] == "n" and words[i + 1] in ("住", "紧") \
                and any(words[j] in TOOL_LEAD or kinds[j] == "O" for j in range(max(0, i - 4), i - 1)):
            # 「拿四块杉树皮夹住」: 住/紧 follow a verb, never a noun: jieba's 皮夹/n (a wallet) after what
            # 拿/把 takes is the noun's last character + the hand verb
            cuts[i] = (table.get(w[0]) or "N", table.get(w[1]) or "V")
        elif len(w) == 2 and w[0] == "地" and (w[1] in CONTEXT_HAND_VERBS or pos.get(w[1], "")[:1] == "v") \
                and w[1] not in STOP_VERBS and i and (words[i - 1] in MANNER_ADVERBS or (
                    len(words[i - 1]) == 2 and words[i - 1][0] == words[i - 1][1]
                    and pos.get(words[i - 1], "")[:1] in ("a", "d", "z"))) \
                and (kinds[i + 1] in ("R", "N", "T", "P") or words[i + 1] in AFTER_VERB_WORDS):
            # 「平平地摊在木板上」: after a reduplicated adjective (平平, 稳稳) the adverbial 地 is glued to the
            # verb it modifies (jieba's 地摊/n, a street stall) → 地 + 摊
            cuts[i] = (None, table.get(w[1]) or "V")
        elif len(w) == 2 and w[0] in "用拿" and w[1] in BODY_CHARS and k in (None, "N", "V") and w not in spec.terms \
                and (kinds[i + 1] in ("V", "T", "C") or words[i + 1] == "一" or words[i + 1][:1] in CONTEXT_HAND_VERBS
                     or pos.get(words[i + 1][:1], "")[:1] == "v"):
            # 「拿手接住」「拿手一按」「拿手捡起来」: jieba's 拿手 ('good at') before a verb is 拿/用 + the hand it works with
            cuts[i] = (table.get(w[0]) or "L", table.get(w[1]) or "N")
        elif len(w) == 2 and w[0] in "用拿" and k == "N" and w not in spec.terms and i + 1 < n \
                and (w[1] in MATERIAL_HEADS or w[1] in TOOL_HEADS) and pos.get(w[1], "")[:1] == "n" \
                and (kinds[i + 1] == "V" or (kinds[i + 1] == "T" and pos.get(words[i + 1], "")[:1] == "v")):
            # 「麦秆先用水泡软」: jieba's 用水 before the verb it serves is 用 + what is used
            cuts[i] = ("L", "N")
        elif len(w) == 2 and w[1] in CONTEXT_HAND_VERBS and w[0] in BODY_CHARS and pos.get(w, "")[:1] in ("n", "b", "v") \
                and (kinds[i + 1] in ("N", "T") or words[i + 1] in AFTER_VERB_WORDS) \
                and (i == 0 or kinds[i - 1] in ("P", "M", "Q") or words[i - 1] in BODY_PREV):
            cuts[i] = (table.get(w[0], "N"), table.get(w[1]) or "V")
        elif len(w) == 2 and w[1] in CONTEXT_HAND_VERBS and i and (kinds[i - 1] == "L" or words[i - 1] in INSTRUMENT_LEADS
                                                                   or words[i - 1] in TOOL_LEAD) \
                and pos.get(w[0], "")[:1] == "n" and (kinds[i + 1] in ("N", "T", "P") or words[i + 1] in AFTER_VERB_WORDS
                                                      or words[i + 1] in RESULT_COMPLEMENTS or words[i + 1][:1] in VERBAL_NEXT
                                                      or (len(words[i + 1]) == 1 and (pos.get(words[i + 1], "") == "a"
                                                                                      or kinds[i + 1] == "V"))):
            # 「用火烤软」「拿刀切成段」: what 用/拿 names glued to the verb it serves (火烤/v, 刀切/n) → 火 + 烤
            cuts[i] = ("N", table.get(w[1]) or "V")
        elif len(w) == 2 and k in ("V", None) and w[0] in CONTEXT_HAND_VERBS and w[1] in INSTRUMENT_HEADS \
                and w not in spec.terms and i + 1 < n and len(words[i + 1]) == 1 and kinds[i + 1] in ("N", None) \
                and words[i + 1] not in LOCATIVES and words[i + 1] not in COMPLEMENTS and words[i + 1] not in SKIP \
                and i + 1 not in doc.quantities and (pos.get(words[i + 1], "")[:1] in ("n", "f") or (
                    i + 2 >= n or words[i + 2] in PUNCT)):  # (边 closing the clause is no adverb 边…边…)
            # 「捶鼓面」「敲锣心」: jieba's verb-object word (捶鼓, 敲锣) before one character naming a part of
            # the instrument is the verb + the part's name (鼓面, 锣心): the part is what is played
            regroups[i] = (table.get(w[0]) or "V", "N")
        elif len(w) >= 3 and w[-1] in CONTEXT_HAND_VERBS and k in ("N", None) and w not in spec.terms \
                and (w[:-1] in spec.terms and spec.terms[w[:-1]].category == "tool" or _is_tool_word(w[:-1])) \
                and i + 1 < n and (kinds[i + 1] in ("Q", "N", "T") or pos.get(words[i + 1], "") in ("m", "mq")):
            # 「镊子夹一团酒精棉」: jieba's 镊子夹/钳子夹 before what it takes is the tool + the hand verb
            tailcuts[i] = (table.get(w[:-1], "N"), "V")
        elif len(w) == 2 and w[0] in "上里" and i >= 2 and kinds[i - 1] in ("N", "T") \
                and any(kinds[j] == "R" and words[j] in ("在", "到", "往") for j in range(max(0, i - 3), i - 1)) \
                and w not in spec.terms and pos.get(w, "")[:1] not in ("f", "s") and w not in RELATION_END:
            # 「套在脚趾上当经」: a relation 在/到… waits for its locative; jieba glued it to the next word
            # (上当) → 上 + 当
            cuts[i] = (None, table.get(w[1]))
        elif len(w) == 2 and k == "V" and i + 2 < n and words[i + 1] in ("上", "里") and pos.get(w[0], "")[:1] == "v" \
                and pos.get(w[1], "")[:1] == "n" and w[0] not in STOP_VERBS and w not in spec.terms \
                and (kinds[i + 2] in ("V", "T", "P") or pos.get(words[i + 2], "")[:1] == "v"):
            # 「放火上烤」: a verb-object word (放火) before a locative is the verb + the place's noun (火上)
            cuts[i] = (table.get(w[0]) or "V", table.get(w[1], "N"))
        elif 2 <= len(w) <= 4 and w[-1] in OBJECT_MARKERS and k in (None, "N") and i + 2 < n \
                and w[-2] not in NUMERAL_CHARS and pos.get(w, "") not in ("m", "mq") \
                and (kinds[i + 1] in ("N", "T") or pos.get(words[i + 1], "")[:1] == "n" or (
                    len(words[i + 1]) == 1 and kinds[i + 1] is None and words[i + 1] not in SKIP
                    and words[i + 1] not in COMPLEMENTS and words[i + 1] not in NEGATIONS)) \
                and (pos.get(words[i + 2], "")[:1] == "v" or (len(words[i + 2]) == 2 and words[i + 2][1] in RESULT_COMPLEMENTS
                                                              and pos.get(words[i + 2][0], "")[:1] == "v")):
            # 「拿竹刀把边修齐」: a noun ending in 把 (jieba's 刀把, a handle) before a noun and a verb is the
            # noun + the object marker 把 (not 「一把」「那把」, a numeral or demonstrative with its classifier)
            cuts[i] = (table.get(w[:-1], "N"), "O")
        elif len(w) == 2 and i >= 2 and words[i - 1] == "一" and len(words[i - 2]) == 2 \
                and words[i - 2][0] == "一" and words[i - 2][1] == w[0] and w[1] in CONTEXT_HAND_VERBS:
            cuts[i] = (None, table.get(w[1]) or "V")
        elif pos.get(w, "") in ("m", "mq") and i + 2 < n and len(words[i + 1]) == 1 and len(words[i + 2]) == 1 \
                and (i + 3 == n or words[i + 3] in PUNCT) and all(
                    kinds[j] not in ("P", "Q", "H", "M", "T", "L", "O", "R") and words[j] not in SKIP
                    and words[j] not in COMPLEMENTS and words[j] not in PLACE_SUFFIX
                    and pos.get(words[j], "x")[:1] not in FUNCTION_TAGS for j in (i + 1, i + 2)) \
                and pos.get(words[i + 2], "")[:1] != "a":  # (「一个眼小」: the adjective is the predicate)
            joins[i + 1] = (2, "N")  # 「讲一段帽赞」: after a numeral and classifier two characters are a noun
        elif len(w) == 2 and w[0] == "一" and i + 2 < n and words[i + 1] == "一" and len(words[i + 2]) == 1 \
                and w[1] != words[i + 2] and kinds[i + 2] != "Q" and w[1] not in DIRECTION_WORDS \
                and words[i + 2] not in DIRECTION_WORDS and _alternated(pos, w[1]) and _alternated(pos, words[i + 2]):
            joins[i] = (3, "V")  # 「一开一合」 cut 一开/一/合
        elif w == "一" and i + 3 < n and words[i + 2] == "一" and len(words[i + 1]) == 1 and len(words[i + 3]) == 1 \
                and words[i + 1] != words[i + 3] and kinds[i + 1] != "Q" and kinds[i + 3] != "Q" \
                and words[i + 1] not in DIRECTION_WORDS and words[i + 3] not in DIRECTION_WORDS \
                and _alternated(pos, words[i + 1]) and _alternated(pos, words[i + 3]):
            joins[i] = (4, "V")
        elif w == "一" and i + 1 < n and len(words[i + 1]) == 3 and words[i + 1][1] == "一" \
                and words[i + 1][0] != words[i + 1][2] and kinds[i + 1] != "Q" and kinds[i + 1] not in ("T", "H") \
                and words[i + 1][0] not in DIRECTION_WORDS and words[i + 1][2] not in DIRECTION_WORDS \
                and _alternated(pos, words[i + 1][0]) and _alternated(pos, words[i + 1][2]):
            joins[i] = (2, "V")  # 「膝盖一屈一伸」 cut 一/屈一伸 (jieba's name, 屈/nr): 屈起/v makes 屈 a verb
        elif w == "一" and i >= 1 and i + 1 < n and len(words[i - 1]) == 1 and words[i + 1] == words[i - 1] \
                and kinds[i - 1] not in ("Q", "P", "H", "M") and kinds[i + 1] != "Q" and words[i - 1] not in NUMERAL_CHARS \
                and words[i - 1] not in DIRECTION_WORDS and words[i - 1] not in SKIP and i - 1 not in cuts \
                and i - 1 not in joins and (i < 2 or (i - 2 not in joins and words[i - 2][-1:] not in NUMERAL_CHARS
                                                     and kinds[i - 2] != "Q")) \
                and (pos.get(words[i - 1], "")[:1] in ("v", "n", "a") or words[i - 1] in CONTEXT_HAND_VERBS):
            joins[i - 1] = (3, "V")  # 「对着亮照一照」 cut 照/一/照 (照/n): a verb said twice with 一, done briefly
    for i, w in enumerate(words[1:], 1):  # (the 把 only)
        if w != "把":
            continue
        if kinds[i] == "O" and (i + 1 == n or kinds[i + 1] == "P") and len(words[i - 1]) == 1 \
                and kinds[i - 1] not in ("P", "Q", "H", "O", "R", "M") and words[i - 1] not in COMPLEMENTS \
                and i - 1 not in cuts and i - 1 not in joins and i - 2 not in joins and i - 1 not in regroups \
                and i - 1 not in tailcuts and (words[i - 1] in TOOL_HEADS or POS_TAGS.segment.get(words[i - 1], "")[:1] == "n"):
            joins[i - 1] = (2, "N")  # 「左手握住弓把,」: 把 closing the clause is a handle (弓把, 刀把), no object marker
    # each join below reads the word before the pieces: 拿/用, an object marker, or 在/到/进 (alone or glued to
    # its verb); only the tokens after such a word are walked (a flag per word, cached per spec)
    before = getattr(spec, "_reseg_before", None)
    if before is None:
        before = spec._reseg_before = {}
    for w in set(words).difference(before):
        before[w] = w in ("拿", "用") or w in OBJECT_MARKERS or w in ("在", "到", "进") or (
            len(w) == 2 and w[1] in ("在", "到", "进"))
    for i in range(1, n - 2):
        if not before[words[i - 1]]:
            continue
        if kinds[i + 2] == "P" and len(words[i + 1]) == 2 and kinds[i + 1] in ("N", "T") and kinds[i] in ("N", "T") \
                and words[i - 1] in ("拿", "用") and i not in joins and i + 1 not in cuts \
                and pos.get(words[i + 1][0], "")[:1] == "v" and words[i + 1][0] not in STOP_VERBS \
                and (words[i + 1] not in spec.terms or spec.terms[words[i + 1]].category not in ("action", "tool")):
            # 「拿铅笔画稿,」「拿铺针铺底,」: 拿/用 + what is taken + a noun that ends the clause leaves 拿 with no verb
            # to serve; the noun opening with a verb (画稿/n, 铺底/n) is that verb + its object (画 + 稿)
            cuts[i + 1] = (table.get(words[i + 1][0]) or "V", table.get(words[i + 1][1]) or "N")
            continue
        if words[i + 2] in OBJECT_MARKERS and kinds[i + 2] == "O" and words[i - 1] in ("拿", "用") \
                and len(words[i]) == 1 and len(words[i + 1]) == 1 and i not in cuts and i not in joins \
                and i - 1 not in joins and kinds[i] not in ("Q", "P", "H", "O", "R") \
                and words[i] not in COMPLEMENTS and words[i + 1] not in COMPLEMENTS:
            joins[i] = (2, "N")  # 「拿抹布把碗擦干净」: two characters jieba left apart (抹/布) between 拿 and 把
        elif i + 3 < n and words[i + 3] in OBJECT_MARKERS and kinds[i + 3] == "O" and words[i - 1] in ("拿", "用") \
                and len(words[i]) == len(words[i + 1]) == len(words[i + 2]) == 1 and i not in joins \
                and i - 1 not in joins and i not in cuts and i + 1 not in cuts and i + 2 not in cuts \
                and all(kinds[j] not in ("Q", "P", "H", "O", "R") and words[j] not in COMPLEMENTS
                        and words[j] not in NUMERAL_CHARS for j in (i, i + 1, i + 2)):
            joins[i] = (3, "N")  # 「拿平口凿把大形打出来」: three characters jieba left apart (平/口/凿) between 拿 and 把
        elif kinds[i - 1] == "O" and words[i - 1] in OBJECT_MARKERS and len(words[i]) == len(words[i + 1]) == 1 \
                and i not in joins and i - 1 not in joins and i not in cuts and i + 1 not in cuts \
                and kinds[i] not in ("Q", "P", "H", "O", "R", "M") and kinds[i + 1] not in ("Q", "P", "H", "O", "R", "M") \
                and words[i] not in COMPLEMENTS and words[i + 1] not in COMPLEMENTS and words[i + 1] not in PLACE_SUFFIX \
                and pos.get(words[i], "")[:1] in ("v", "n", "a") and pos.get(words[i + 1], "")[:1] == "n" \
                and kinds[i + 2] != "P" and (kinds[i + 2] in ("V", "T", "C") or pos.get(words[i + 2], "")[:1] in ("v", "d")
                                             or pos.get(words[i + 2][:1], "")[:1] == "v"):
            # 「把画心反过来」「把托纸刷上去」: 把 takes a noun phrase before its verb, so a one-character verb
            # or adjective jieba cut from the one-character noun after it (画/心, 托/纸) is a compound noun
            joins[i] = (2, "N")
        elif words[i - 1][-1:] == "进" and kinds[i - 1] in ("V", "T") and i not in joins and i - 1 not in joins \
                and _vessel_pieces(words, kinds, cuts, i) > 1:
            # 「画好了进烤花炉,」「进烘窑。」: between 进 and the clause's end, two or three characters jieba left
            # apart (烤/花/炉) that end in a vessel character (words.VESSELS_ENTERED) are the vessel
            joins[i] = (_vessel_pieces(words, kinds, cuts, i), "N")
        elif ((kinds[i - 1] == "R" and words[i - 1] in ("在", "到", "进")) or (
                # 「放进染斗里」: the relation glued to its verb (放进, 倒在) waits for its place just the same
                len(words[i - 1]) == 2 and words[i - 1][1] in ("在", "到", "进") and kinds[i - 1] in ("V", "T")
                and pos.get(words[i - 1][0], "")[:1] == "v")) and i not in joins and i - 1 not in joins:
            # 「摊在竹晒席上」: between 在/到/进 and its locative stands one place noun, so two or three
            # short words jieba left apart there (竹/晒/席, 竹编/席; 染/斗 headed by a vessel character) are one noun
            for k in (2, 3):
                if i + k < n and words[i + k] in ("上", "里") and (
                        pos.get(words[i + k - 1], "")[:1] == "n" or words[i + k - 1] in TOOL_HEADS) \
                        and len("".join(words[i:i + k])) <= 4 and any(len(words[j]) == 1 for j in range(i, i + k)) and all(
                        len(words[j]) <= 2 and j not in cuts and kinds[j] not in ("Q", "P", "H", "O", "R", "M", "L")
                        and words[j] not in COMPLEMENTS and words[j] not in NUMERAL_CHARS and words[j] not in SKIP
                        and words[j] not in PLACE_SUFFIX for j in range(i, i + k)):
                    joins[i] = (k, "N")
                    break
    counted = sorted([i for i, k in enumerate(kinds[:max(n - 2, 0)]) if k == "Q"]
                     + [i for i, w in enumerate(words[:max(n - 2, 0)]) if pos.get(w) in _COUNT_TAGS])
    for i in counted:
        # 「攥着一把蒲草扇,」「挂着一只牛皮袋,」: what a numeral and classifier count runs to the end of its clause,
        # so one character jieba left after the counted noun there (扇/q, 袋/q: no verb, complement, place,
        # direction or particle) is that noun's last character
        j = i + 1
        w, t = words[j + 1], pos.get(words[j + 1], "")
        if kinds[j] in ("N", "T") and len(words[j]) >= 2 and len(w) == 1 and (j + 2 == n or kinds[j + 2] == "P") \
                and kinds[j + 1] is None and (t[:1] in _COUNTED_TAIL_TAGS or t == "vn") and t not in ("nr", "ns") \
                and w not in COMPLEMENTS and w not in RESULT_COMPLEMENTS and w not in LOCATIVES \
                and w not in PLACE_SUFFIX and w not in DIRECTION_CHARS \
                and j not in joins and j not in cuts and j + 1 not in cuts and j - 1 not in joins:
            joins[j] = (2, "N")
    terms = spec.terms
    for j, k in enumerate(kinds[:n - 1]):
        if k != "T":
            continue
        # 「缝里塞上麻丝」: two one-character materials of the lexicon side by side (麻/T 丝/T, jieba's nouns) are one
        # thing jieba's dictionary lacks, never two (nor the first alone)
        w, nw = words[j], words[j + 1]
        if len(w) == 1 and len(nw) == 1 and kinds[j + 1] == "T" and pos.get(w, "")[:1] == "n" \
                and pos.get(nw, "")[:1] == "n" and j not in joins and j not in cuts and j + 1 not in cuts \
                and j - 1 not in joins and all(terms.get(x) is not None and terms[x].category == "material" for x in (w, nw)):
            joins[j] = (2, "N")
    # (s23-things2) 「脚套进鞋|襻里」「插根丝|茅进去」「搁上小银|钉、小银梯」「那根铁|拐往海里一扔」: a noun jieba cut
    # into two one-character words, where only a noun stands, is one noun (``_split_noun``)
    singles = getattr(spec, "_split_noun_heads", None)
    if singles is None:
        singles = spec._split_noun_heads = {}
    for w in set(words).difference(singles):
        singles[w] = len(w) == 1 and pos.get(w, "") in _SPLIT_NOUN_HEAD_TAGS
    for j in [j for j, w in enumerate(words[:n - 1]) if singles[w]]:
        if j and j not in joins and j - 1 not in joins and j not in cuts and j + 1 not in cuts \
                and j - 1 not in cuts and j + 1 not in joins and _split_noun(pos, doc, words, kinds, j):
            joins[j] = (2, "N")
    # (s26-slots) 「搓下脚上的汗|泥」「穿上八幅罗|裙」「八样米|豆」: where a noun's modifier stands (after 的, or after a
    # numeral and classifier), a character that is no word there, one jieba tags a bound morpheme, an abbreviation
    # or a classifier (汗/zg, 罗/j, 米/q: a classifier does not follow a classifier), before a one-character noun,
    # is that noun's first character
    for j in [j for j, w in enumerate(words[:n - 1]) if j and len(w) == 1 and pos.get(w, "") in _MODIFIER_PIECE_TAGS]:
        if kinds[j] is None and len(words[j + 1]) == 1 and kinds[j + 1] in ("N", "T") \
                and pos.get(words[j + 1], "")[:1] == "n" and _attributive(pos, words, kinds, j) \
                and j not in doc.quantities and j + 1 not in doc.quantities and j not in doc.compounds \
                and j + 1 not in doc.compounds and not any(x in joins or x in cuts for x in (j - 1, j, j + 1)) \
                and words[j] not in SKIP and words[j] not in COMPLEMENTS and words[j] not in PLACE_SUFFIX:
            joins[j] = (2, "N")
    if not cuts and not joins and not regroups and not tailcuts and not pieces and not shifts:
        heads = _parallel_heads(norm, words, kinds, starts)
        if not heads:
            return
    # rebuild the token arrays with the cuts and joins (quantities and compounds keep their tokens)
    out_w, out_s, out_k, out_q, out_c = [], [], [], {}, {}
    i = 0
    while i < n:
        if i + 1 in shifts and i not in cuts and i not in tailcuts and i not in regroups and i not in pieces \
                and i not in joins and i - 1 not in joins and i - 1 not in regroups:
            k1, k2, more = shifts[i + 1]
            if more and (i + 2 in cuts or i + 2 in joins or i + 2 in regroups or i + 2 in tailcuts or i + 2 in pieces
                         or i + 3 in shifts):
                more, k2 = False, table.get(words[i + 1][1:]) or "N"
            out_w.extend((words[i] + words[i + 1][0], words[i + 1][1:] + (words[i + 2] if more else ""))), \
                out_s.extend((starts[i], starts[i + 1] + 1))
            out_k.extend((k1, k2))
            i += 3 if more else 2
            continue
        if i in cuts or i in tailcuts:
            # one word in two: after its first character, or before its last (a tail cut, or a noun + 把)
            k1, k2 = cuts[i] if i in cuts else tailcuts[i]
            at = 1 if i in cuts and k2 != "O" else len(words[i]) - 1
            out_w.extend((words[i][:at], words[i][at:])), out_s.extend((starts[i], starts[i] + at))
            out_k.extend((k1, k2))
            i += 1
            continue
        if i in regroups:
            k1, k2 = regroups[i]
            out_w.extend((words[i][:1], words[i][1:] + words[i + 1])), out_s.extend((starts[i], starts[i] + 1))
            out_k.extend((k1, k2))
            i += 2
            continue
        if i in pieces:
            # one word in three: 「锅里煮」 → 锅 + 里 + 煮
            at = starts[i]
            for piece, kind in pieces[i]:
                out_w.append(piece), out_s.append(at), out_k.append(kind)
                at += len(piece)
            i += 1
            continue
        if i in joins:
            count, kind = joins[i]
            out_w.append("".join(words[i:i + count])), out_s.append(starts[i]), out_k.append(kind)
            i += count
            continue
        if i in doc.quantities:
            out_q[len(out_w)] = doc.quantities[i]
        if i in doc.compounds:
            out_c[len(out_w)] = doc.compounds[i]
        out_w.append(words[i]), out_s.append(starts[i]), out_k.append(kinds[i])
        i += 1
    out_s.append(starts[n])
    roles = []
    for a, b in _parallel_heads(norm, out_w, out_k, out_s):
        # join tokens a..b-1 (the two characters of a parallel subject) into one noun
        joined = "".join(out_w[a:b])
        out_w[a:b] = [joined]
        out_k[a:b] = ["N"]
        del out_s[a + 1:b]
        shift = b - a - 1
        if shift:
            out_q = {(j - shift if j >= b else j): q for j, q in out_q.items()}
            out_c = {(j - shift if j >= b else j): c for j, c in out_c.items() if not a <= j < b}
            roles = [j - shift for j in roles]
        roles.append(a)
    doc.roles.update(roles)
    doc.words[:], doc.starts[:], doc.kinds[:] = out_w, out_s, out_k
    doc.quantities.clear(), doc.quantities.update(out_q)
    doc.compounds.clear(), doc.compounds.update(out_c)
    doc.interesting[:] = list(compress(range(len(out_w)), out_k))


# (s26-slots) the tags of a character that is no word of its own where a noun's modifier stands: a bound morpheme,
# an abbreviation's character, a classifier (after a numeral and classifier, or after 的)
_MODIFIER_PIECE_TAGS = frozenset(("zg", "g", "j", "q"))


def _attributive(pos: dict, words: list, kinds: list, j: int) -> bool:
    """Token j stands where a noun's modifier does: right after 的, or right after a numeral and classifier (a quantity
    token, or jieba's numeral-classifier word: 八幅, 一块)."""
    b = words[j - 1]
    return b == "的" or kinds[j - 1] == "Q" or pos.get(b, "") == "mq"


# (s23-things2) the tags of a one-character noun jieba may cut from its second character, and of that character
_SPLIT_NOUN_HEAD_TAGS = frozenset(("n", "ng"))
_SPLIT_NOUN_TAIL_TAGS = frozenset(("n", "ng", "v", "zg"))
# what only a noun's own end is followed by where a verb has taken it: a list going on, a place word, the
# direction the thing goes (进去), the path it is moved along (往)
_SPLIT_NOUN_AFTER = frozenset(("、", "里", "上", "中", "内", "往"))
# a clause's end (not a title's or a quotation's: 《观石录》)
_SPLIT_NOUN_CLAUSE_ENDS = frozenset((",", "，", "。", ";", "；", "!", "！", "?", "？", " ", "\u3000"))


def _two_character_verb_heads(table: dict) -> frozenset:
    """The first characters of the words of two characters jieba's dictionary tags a verb (量: 量完/v)."""
    heads = set()
    for word, tag in table.items():
        if len(word) == 2 and tag[:1] == "v":
            heads.add(word[0])
    return frozenset(heads)


def _split_noun(pos: dict, doc: Doc, words: list, kinds: list, j: int) -> bool:
    """Tokens j, j + 1 are one noun jieba cut after its first character (「脚套进鞋|襻里」「插根丝|茅进去」
    「搁上小银|钉、小银梯」「把那根铁|拐往海里一扔」「铺开卡|垫喝酒」), because of where they stand: (1) a
    one-character noun and one more character jieba reads as a verb, a noun or a bound morpheme (襻/v, 茅/n, 拐/zg),
    said nowhere else in the text as a word of its own but after that noun (「刀不动皮|动」 is the verb again); (2)
    where only a noun stands, after a piece classifier (根, 那根, 一串) or after a verb and its complement (套进,
    铺开, 搁上), with a one-character adjective between (小银), or, for a bound morpheme closing the clause, right
    after a one-character verb (「选桥|址,」); (3) before what only follows a noun there: a list
    going on (、) or a place word (里/上/中/内); for a second character jieba tags no verb also the clause's end, a
    direction it goes (进去), the path 往 or, for a bound morpheme jieba knows in no word (垫/zg), the next verb
    (「贴着两根弦|走,」: a verb closing its clause is the verb; so is a noun character that opens verbs of jieba's
    dictionary: 「那条线|量出去」). A complement, a result, an aspect particle, a
    direction or a modal as the second character is the verb's (「倒进水烧开」)."""
    w, c = words[j], words[j + 1]
    if kinds[j] not in (None, "N", "T") or kinds[j + 1] in ("P", "Q", "M", "R", "H", "O") or len(c) != 1 \
            or j in doc.quantities or j + 1 in doc.quantities:
        return False
    ctag = pos.get(c, "")
    if ctag not in _SPLIT_NOUN_TAIL_TAGS or c in COMPLEMENTS or c in RESULT_COMPLEMENTS or c in MODALS \
            or c in PLACE_SUFFIX or c in DIRECTION_WORDS or c in SKIP or c in NEGATIONS or not "\u4e00" <= c <= "\u9fff" \
            or w in COMPLEMENTS or w in PLACE_SUFFIX:
        return False
    k = j - 1
    if len(words[k]) == 1 and pos.get(words[k], "") == "a" and k:
        k -= 1  # 「小银|钉」: an adjective before the noun
    b = words[k]
    # (the last alternative: a bound morpheme jieba knows in no word, closing the clause after a one-character verb
    # and a noun character, ends that noun: 「选桥|址,」)
    if not (pos.get(b, "") == "mq" or (len(b) == 1 and b in PIECE_CLASSIFIERS) or kinds[k] == "Q" or (
            len(b) >= 2 and kinds[k] in ("V", "T", "C") and (b[-1] in DIRECTION_CHARS or b[-1] == "开")) or (
            (b == "上" or b == "下") and k and kinds[k - 1] in ("V", "T")) or (
            len(b) == 1 and ctag == "zg" and k == j - 1 and verb_char(pos, b) and b not in COMPLEMENTS
            and (j + 2 == len(words) or words[j + 2] in _SPLIT_NOUN_CLAUSE_ENDS))):
        return False
    # a verb by jieba's tag, or a noun character that opens verbs of its dictionary (量/n: 量完/v, 量成/v), may be the
    # verb here: only what never follows a verb says it is no verb
    verbish = ctag == "v" or (ctag != "zg" and c in from_pos_table(_two_character_verb_heads))
    if j + 2 < len(words):
        a, akind = words[j + 2], kinds[j + 2]
        if verbish:
            if a not in _SPLIT_NOUN_AFTER or a == "往":
                return False  # (a verb closing its clause or going somewhere: 「贴着两根弦|走,」「那条线|量出去」)
        elif not (a in _SPLIT_NOUN_CLAUSE_ENDS or a in _SPLIT_NOUN_AFTER or a in DIRECTION_COMPOUNDS
                  or (ctag == "zg" and akind in ("V", "T"))):
            return False
    elif verbish:
        return False
    if words.count(c) != 1:
        # said again, the character is a word of its own (「刀不动皮|动」), unless it is again this noun's end
        # (「那根铁|拐往海里一扔,铁|拐就变成了船」)
        at = -1
        try:
            while True:
                at = words.index(c, at + 1)
                if not at or words[at - 1] != w:
                    return False
        except ValueError:
            pass
    return True


def _verb_tail(pos: dict, c: str) -> bool:
    """(s22-steps2) Whether the one character ``c`` heads a verb in jieba's dictionary whatever its own tag (举/v; 架/q but
    架回/v): ``verb_char`` or heading a verb + complement word tagged a verb; never a complement, a direction or a
    closed-list verb (which follow other verbs)."""
    return c not in COMPLEMENTS and c not in DIRECTION_WORDS and c not in STOP_VERBS and c not in SKIP and (
        verb_char(pos, c) or any(pos.get(c + x, "")[:1] == "v" for x in DICTIONARY_VERB_COMPLEMENTS))


# (s22-steps2) what only a verb takes right after it: where it goes or its direction
_SHIFT_NEXT = frozenset(DIRECTIONAL_COMPLEMENTS | {"到", "在", "进"})


def _shifted_verb(spec: Spec, pos: dict, freq: dict, words: list, kinds: list, i: int) -> bool:
    """(s22-steps2) jieba's overlapping cut A|BC (its DAG chose the word BC) where AB is a word of its dictionary too and
    C heads a verb (``_verb_tail``), BC no verb of its own (高|高举/d, 龙|骨架/n; not 往|下拉/v, 一|起来/v), right
    before a direction or 到/在/进 (what only a verb takes): AB + the verb C. Not where A is a numeral or a function
    word (一, 把, 的: no word AB is meant), nor a term of the spec's."""
    w, a = words[i], words[i - 1]
    return i + 1 < len(words) and words[i + 1] in _SHIFT_NEXT and pos.get(w, "")[:1] != "v" \
        and freq.get(a + w[0], 0) > 0 and pos.get(a + w[0], "x")[:1] not in FUNCTION_TAGS \
        and pos.get(a, "x")[:1] not in FUNCTION_TAGS and a not in NUMERAL_CHARS \
        and w not in spec.terms and a + w[0] not in STOP_VERBS and _verb_tail(pos, w[1])


# the tags of a character jieba leaves after a counted noun that may end that noun (an adjective, a
# classifier, a noun, or a verbal noun (tag vn): 蒲草/扇, 牛皮/袋)
_COUNTED_TAIL_TAGS = frozenset(("a", "q", "n"))
# the tags of jieba's words of a numeral and its classifier (一把, 两片)
_COUNT_TAGS = frozenset(("m", "mq"))


def _held_posture_cut(pos: dict, words: list, kinds: list, i: int, cuts: dict, regroups: dict,
                      pieces: dict) -> bool:
    """A held posture jieba glues across its 着 (r10-steps): the verb + 着 is what is done, so it is cut out.

    * 「手拉着手」「背靠着背」「手牵着手」: A + verb + 着 + the same A, cut 手拉/着手, 背靠/着/背 or 手/牵着手 → A +
      verb + 着 + A (each A the noun, the verb the step);
    * 「竿头顶着碟子」「头顶着一摞碗」: jieba's 头顶 (the top of the head) before 着 is 头 + the verb 顶着.
    Returns True when token i was cut."""
    w, n = words[i], len(words)
    if len(w) == 2 and i + 1 < n and (pos.get(w[1], "")[:1] == "v" or w[1] in CONTEXT_HAND_VERBS) \
            and w[1] not in STOP_VERBS:
        nxt = words[i + 1]
        if nxt == "着" + w[0] and kinds[i + 1] != "Q":
            cuts[i] = ("N", "V")  # 手拉/着手
            cuts[i + 1] = (None, "N")
            return True
        if nxt == "着" and i + 2 < n and words[i + 2] == w[0]:
            cuts[i] = ("N", "V")  # 背靠/着/背
            kinds[i + 2] = "N"
            return True
        if w == "头顶" and nxt == "着" and kinds[i + 1] != "Q":
            regroups[i] = ("N", "V")  # 竿/头顶/着 → 竿/头/顶着
            return True
    if len(w) == 3 and w[1] == "着" and i and words[i - 1][-1:] == w[2] and (
            pos.get(w[0], "")[:1] == "v" or w[0] in CONTEXT_HAND_VERBS) and w[0] not in STOP_VERBS:
        # 手/牵着手 → 手/牵/着/手
        pieces[i] = [(w[0], "V"), ("着", None), (w[2], "N")]
        return True
    return False


def _verb_a_little(spec: Spec, pos: dict, w: str, words: list, kinds: list, i: int) -> bool:
    """w opens with a dictionary noun of a one-character verb + 点 (加点, 滴点, 添点; not 有点, a degree, nor
    a word of the spec) and the thing follows: glued in w, or the next token."""
    head = w[:2]
    if pos.get(head, "")[:1] != "n" or pos.get(w[0], "")[:1] != "v" or w[0] in STOP_VERBS or w[0] in MODALS \
            or head in spec.terms or w[0] in TOOL_HEADS or w[0] in MATERIAL_HEADS:  # (鼓点, 墨点: a thing's dots)
        return False
    if len(w) > 2:
        return pos.get(w[2:], "")[:1] == "n" or w[2:] in spec.terms
    return i + 1 < len(words) and (kinds[i + 1] in ("N", "T") or pos.get(words[i + 1], "")[:1] == "n")


def _parallel_heads(norm: str, words: list, kinds: list, starts: list) -> list:
    """Token spans (a, b), last first, of two-character clause subjects in parallel (「上手弹三弦,下手弹
    琵琶」): consecutive clauses whose first two characters share the second one (and differ in the
    first) and are followed by the same verb character; each span made of whole tokens."""
    # (the tokens that open a clause: the first, and each after punctuation, found in C)
    heads = [i for i in range(len(words)) if (i == 0 or kinds[i - 1] == "P") and kinds[i] not in ("P", "Q", "H", "M")]
    found = []
    for c1, c2 in zip(heads, heads[1:]):
        a1, a2 = starts[c1], starts[c2]
        if a2 - a1 < 4 or a2 + 3 > len(norm):
            continue
        x, y = norm[a1:a1 + 3], norm[a2:a2 + 3]
        if x[0] == y[0] or x[1] != y[1] or x[2] != y[2] or not all("\u4e00" <= ch <= "\u9fff" for ch in x + y) \
                or x[0] in NUMERAL_CHARS or y[0] in NUMERAL_CHARS:
            continue
        spans = []
        for c, a in ((c1, a1), (c2, a2)):
            b = c
            while b < len(words) and starts[b] < a + 2:
                b += 1
            if starts[b] != a + 2 or kinds[b] not in ("V", "T") or any(kinds[j] in ("H", "T", "Q") for j in range(c, b)):
                break
            spans.append((c, b))
        if len(spans) == 2:
            found.extend(spans)
    return sorted(found, reverse=True)
