"""Argument roles inside one unit: ``_read_unit`` reads a unit's action, and ``_open_read`` with its helpers
decides which noun is the tool, the material, the place or the body part (「用刀切木头」「在案板上揉面」), with the
relation (``_relation``) and the degree. Constants live in ``words.py``."""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import chain

from .persons import SUBJECT_POSITIONS, info_is_person, person_position, person_shaped
from .quantities import CORRECTION_CUES
from .spec import HAND_TERMS, Spec
from .tokens import (Doc, Step, _all_stuff, _head, _is_body, _is_body_motion, _is_material_word, _is_tool_word,
                     _is_working_tool)
from .words import (AIM_MARKERS, FRAME_HEADS, VESSEL_ENTRY_VERBS, VESSELS_ENTERED, ABRASIVE_SHEETS, ACTION_CLASSIFIERS, APPLY_VERBS, ATTACH_VERBS, AWAY_COMPLEMENTS, BARE_OBJECT_TAGS, BEAT_CHARS, BEAT_NOUNS, BEAT_WORDS, BIND_VERBS, CLAUSE_COMMAS,
                    COMPLEMENTS, CONSUMED_HEADS, CONTEXT_ACTIONS, CONTEXT_HAND_VERBS, COORD_RE, DEGREE_ADVERBS, DEGREE_MARKERS,
                    DEGREE_NEXT_KINDS, DEMONSTRATIVES, DIRECTION_CHARS, DIRECTION_COMPOUNDS, DIRECTION_VERBS,
                    FACING_COVERBS, FILLERS, BOTH_HAND_JOINERS, JOIN_COMPARISONS, JOIN_WORDS, FUNCTION_COMPLEMENTS, FUNCTION_TAGS, HAND_CHARS, HAND_PARTS, HANDLED_VERBS,
                    HAND_PLACE_MARKERS, HANG_VERBS, INSIDE, INSTRUMENT_HEADS, INSTRUMENT_LEADS, LIMB_CHARS,
                    LIMB_MOVERS, LOAD_VERBS, LOCATIVES, LOCATIVE_SUFFIX, MADE_COMPLEMENTS, MAKING_VERBS, MANNER_ADVERBS, MANNER_VERBS,
                    MATERIAL_HEADS, MEDIUM_HEADS, MODALS, OBJECT_MARKERS, MODIFIER_OPENING_TAGS, MODIFIER_REACH, MODIFIER_STOP_KINDS, MOTION_WORDS, NEEDLE_TOOLS, NEGATIONS, PART_WORDS, PERFORMED_SUFFIX,
                    SUBJECT_NEXT_WORDS, PERSON_PRONOUNS, PINCHED_TOOL_HEADS, PLACE_MARKERS, PLACE_SIDES, POS_TAGS, PREDICATE_ADVERBS,
                    PUT_VERBS, QUALITY_NOUNS, TEMPERATURE_SUFFIX, RATIO_NUMERALS, RAW_STUFF_HEADS, REACH_CHARS, RELATION_END, RESULT_COMPLEMENTS,
                    ROD_SUFFIX, ROUND_MARKERS, SHAPE_SUFFIX, SIZE_WORDS, SKIP, SPREAD_VERBS, STATE_RESULTS, STOP_NOUNS,
                    STRIKE_AT_VERBS, TOPIC_MODALS, FILL_VERBS, VESSEL_CLASSIFIERS, NUMERAL_CHARS, BODY_POINT_WORDS, SIZE_COMPARISONS, SIDE_DEICTICS, STRIKE_ENDINGS, STRIKE_VERBS, GROUND_WORDS, HEAT_LEVELS, STRUCK_HEADS, SWAP_VERBS, THAT_ONE_CLASSIFIERS, TOOL_HEADS, TOOL_LEAD, TOPIC_PARTICLES,
                    UNKNOWN_NAME_TAGS, WIELD_VERBS, CLOSING_RESULTS, SPRINKLE_VERBS, POSTURE_VERBS)


def _hand_is_place(words: list, i: int) -> bool:
    """The hand word at token i is a place (「往左手手心一塞」「交到右手」「把艾绒放在左手手心里」): it
    follows a marker of motion, or a verb glued to one (贴到, 塞进), or 在 with a part of the hand after
    it. The hand that acts is named elsewhere or not at all."""
    if i == 0:
        return False
    prev = words[i - 1]
    if prev in HAND_PLACE_MARKERS or (len(prev) >= 2 and prev[-1] in "到进"):
        return True
    if (prev == "着" and i >= 2 and words[i - 2] in FACING_COVERBS) \
            or (prev[-1:] == "着" and prev[:-1] in FACING_COVERBS):
        return True  # 「照着左手那两块敲」「对着左手手心拍」: what the hand faces, not the hand that acts
    return prev[-1:] == "在" and i + 1 < len(words) and words[i + 1] in HAND_PARTS

def _other_side_next(term_at: dict, words: list, i: int, e: int) -> bool:
    """The hand term at token i is followed by the other side's hand, right after it or after one joiner
    (「左手右手」「左手和右手」「右手跟左手」): the two hands are named together, so both act."""
    j = i + 1
    if j <= e and words[j] in BOTH_HAND_JOINERS:
        j += 1
    if j > e:
        return False
    info, here = dict.get(term_at, j), dict.get(term_at, i)
    return info is not None and info.canonical in HAND_TERMS and HAND_TERMS[info.canonical] not in (
        "both", HAND_TERMS[here.canonical])


def _read_unit(spec: Spec, doc: Doc, term_at: dict, s: int, e: int, ii: list, norm: str, hits: list,
               craft: str | None = None) -> Step:
    """One unit: tokens s..e (inclusive, fillers trimmed at both ends); ``ii`` its interesting tokens (and any
    拿/用… a rule left untagged)."""
    words, kinds, starts, qmap = doc.words, doc.kinds, doc.starts, doc.quantities
    step = Step()
    step.start, step.end = starts[s], starts[e + 1]  # (Step.extend on a new step: the unit's span)
    has_needle = False
    action_idx = None
    markers, context = [], []
    # (most units hold no 到/得: the substring search ``_degree_start`` opens with, done here, spares the call; a plain
    # loop: compiled, ``any`` over a generator expression makes a generator object for every unit)
    said = "".join(words[s:e])
    cut = e + 1
    for m in DEGREE_MARKERS:
        if m in said:
            cut = _degree_start(doc, s, e)
            break
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
        # (``dict.get(term_at, i)``, here and throughout the module for the term and tag tables: compiled, that
        # calls dict's own lookup directly, where ``term_at.get(i)`` looks the method up at every read)
        info = dict.get(term_at, i)
        if info is None:
            continue
        cat = info.category
        if cat == "body":
            if step.hand is None and info.canonical in HAND_TERMS and not (
                    craft not in spec.crafts_with_actions and _hand_is_place(words, i)):
                step.hand = HAND_TERMS[info.canonical]
                if step.hand != "both" and _other_side_next(term_at, words, i, e):
                    step.hand = "both"  # 「左手右手各攥一根」「左手和右手一起握住」: the two hands together
        elif cat == "tool":
            j = i - 1
            if j > s and words[j] in FILLERS:
                j -= 1
            lead = j >= s and words[j] in TOOL_LEAD
            if step.tool is None or lead:
                step.tool = info.canonical
            has_needle = has_needle or info.canonical in NEEDLE_TOOLS
        elif cat == "material":
            if step.material is None and not (i < e and len(words[i]) == 1 and kinds[i + 1] == "N" and _modifies_noun(words[i + 1])
                                              and craft not in spec.crafts_with_actions):
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
        _open_read(spec, doc, term_at, s, e, step, action_idx, False, cut, craft=craft, ii=ii)
        # 「孩子们坐进竹篮」「由两名后生推动」: a person is who acts, never what is worked (``_drop_persons``, below)
    if step.action is None and e > s:
        # A technique named as what is done (「这里就是打籽」) counts as the action; a technique
        # named alone (「剪纸嘛,…」) is the topic, not a step.
        for i in ii:
            info = dict.get(term_at, i)
            if info is not None and info.category == "technique" and not (
                    # 「扎花的花样多得很」: a technique before 的 and a noun says what kind of thing, it is no
                    # action; 「錾花的时候,左手…」: before 的时候 it says when the steps that follow are done
                    i + 2 < len(words) and words[i + 1] == "的" and (doc.kinds[i + 2] in ("N", "T") or words[i + 2] == "时候")) \
                    and not (i > s and words[i - 1] == "的" and not (i + 1 < len(words) and words[i + 1] in TOPIC_PARTICLES)):
                # (「花鼓灯里的兰花,右手…」: a technique after 的 is a thing named, a figure of the dance, the
                # next verbs are no part of it; 「湘绣的鬅毛针啊,…」 with a topic particle is what is described)
                step.action, step.surface, step.from_technique = info.canonical, words[i], True
                action_idx = i
                break
    if described and not step.from_technique and _open_reads(doc, term_at, s, e, action_idx, ii):
        _open_read(spec, doc, term_at, s, e, step, action_idx, True, cut, ii=ii)
    if markers:
        rel = _relation(spec, doc, term_at, markers, e, action_idx)
        if rel is not None:
            r0, r1 = rel
            step.relation = norm[starts[r0]:starts[r1 + 1]]
            # a tool or material inside the relation (「沿着画稿」「往花棚上」) is where, not what with
            locative = words[r0] in ("在", "由")  # 「描在绣底上」 names the ground worked on
            inside_tools, outside = set(), {}
            for i in ii:
                info = dict.get(term_at, i)
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
            if words[r0] in ROUND_MARKERS and step.material is None and not described and (
                    _is_body_motion(step.surface) or (step.surface or "")[:1] in "转绕"):
                # 「围着篝火跳」「绕着供桌转一圈」: what the body goes round is the ground the motion works (a
                # thing the clause already reads as the tool stays that)
                ground = _noun_phrase(doc, term_at, r0 + 1, r1)[0]
                if ground != step.tool:
                    step.material = ground
            if words[r0] in AIM_MARKERS and step.material is None and not described and r0 < r1 \
                    and (action_idx is None or r0 < action_idx) and kinds[r0 + 1] in ("N", "T"):
                # 「对准木楔敲下去」「对准伤口往下一放」: what the verb is aimed at is what it works, not a thing
                # carried over from the clause before
                target = _noun_phrase(doc, term_at, r0 + 1, r1)[0]
                if target and target != step.tool:
                    step.material = target
    if not described and step.action is not None and step.material is None and step.tool is None:
        # (a plain loop: compiled, ``any`` over a generator expression makes a generator object for every unit)
        for i in range(s, e + 1):
            if kinds[i] in ("N", "H", "O", "L") or (
                    i in term_at and i != action_idx and term_at[i].category != "action"):
                break
        else:
            # 「泥巴呢,先揉熟」「黄土跟沙子三比一,拌匀」: a clause that names nothing works the noun said as a
            # clause of its own right before it
            topic = _clause_topic(doc, term_at, s)
            if topic is not None and not _is_tool_word(topic[0]) and not _is_body(spec, topic[0]) \
                    and not info_is_person(topic) and (topic[1] is None or topic[1].category == "material"):
                step.material = topic[0]
    if step.action is not None and not step.from_technique and not described:
        _with_result(doc, s, e, step)
        _compound_object(step, spec)
        _struck_instrument(step)
    for _, _, word in hits:
        if word in spec.vague:
            param, level = spec.vague[word]
            step.vague.append((param, level))
        elif word in spec.manner and step.manner is None:
            step.manner = spec.manner[word]
    if step.material is not None or step.tool is not None:
        _drop_persons(spec, doc, s, e, step)
        _drop_non_things(doc, s, e, step)
    return step


# the words ``_drop_non_things`` drops from either slot, and with them every word it reads at all (a heat level
# moves to the tool, a beat word is kept when taken in hand): the second set is its first test
_NON_THING_PLACES_QUALITIES = frozenset(LOCATIVES).union(PLACE_SIDES, SIDE_DEICTICS, QUALITY_NOUNS)
_NON_THING_WORDS = _NON_THING_PLACES_QUALITIES.union(HEAT_LEVELS, BEAT_NOUNS)
# (s27-material) the heads of a thing named before a verb with no object of its own that is worked there though
# its name says tool (``_open_read``): an instrument played (笛, 鼓, 琴) or a board or clapper (板, 铃, 梆)
_PLAYED_OR_BOARD_HEADS = frozenset(INSTRUMENT_HEADS) | STRUCK_HEADS


def _drop_non_things(doc: Doc, s: int, e: int, step: Step) -> None:
    """What is never the thing worked, whatever reading put it in the material slot (nlp-s21-roles): a heat level
    (「改小火」「转文火煮」) says how the fire burns, the tool's slot where that is free, else nothing; a place word
    alone (后头, 上面, 那边: 「后头大家帮一句」) says where, a beat kept (「打拍子」「跟着鼓点抖」) how often and a quality
    (「声音发尖」「起个头」: ``words.QUALITY_NOUNS``; a temperature, 锅温, 水温) what a thing is like, never what, in either slot (a beat word taken in
    hand, 「拿拍子拍」, names a paddle: kept)."""
    material, tool = step.material, step.tool
    if material not in _NON_THING_WORDS and tool not in _NON_THING_WORDS \
            and (material or "")[-1:] != TEMPERATURE_SUFFIX and (tool or "")[-1:] != TEMPERATURE_SUFFIX:
        return  # (neither is one of the words below nor ends in 温: most steps, a lookup each spares the tests)
    words = doc.words
    if step.material in HEAT_LEVELS:
        if step.tool is None:
            step.tool = step.material
        step.material = None
    for field in ("material", "tool"):
        np = getattr(step, field)
        if np is not None and (np in _NON_THING_PLACES_QUALITIES or (len(np) == 2 and np[1] == TEMPERATURE_SUFFIX) or (
                np in BEAT_NOUNS and not any(words[k] == np and words[k - 1] in TOOL_LEAD
                                               for k in range(max(s, 1), min(e + 1, len(words)))))):
            setattr(step, field, None)

def _modifies_noun(nxt: str) -> bool:
    """「拿两根布带子把船挎上」「搁一个铁环」: a one-character stuff the lexicon lists (布, 铁) right before a
    noun jieba cut apart from it (带子, 环) is what that noun is made of, a modifier: the phrase (布带子, 铁环),
    read by the open reading, is the thing, not the stuff alone (a longer name stands alone before a noun that
    is no part of it: 「拿黑颜色通身刷上」). Not before a place, a part or a noun of no thing (布上面, 布边,
    面的时候)."""
    return nxt not in LOCATIVE_SUFFIX and nxt not in LOCATIVES and nxt not in PART_WORDS and nxt not in STOP_NOUNS


def described_craft(spec: Spec, craft: str | None) -> bool:
    return craft is not None and craft in spec.crafts_with_actions


def _with_result(doc: Doc, s: int, e: int, step: Step) -> None:
    """「双臂放平」「把线拉紧」: a one-character result complement jieba left apart from the verb said
    is part of the action (the word as said; a spec term's own name is kept when it differs)."""
    words, kinds = doc.words, doc.kinds
    surface = step.surface or ""
    if surface[:1] == "上" and step.action == surface and 2 <= len(surface) <= 3:
        for j in range(s + 1, min(e + 1, len(words))):
            if words[j] == surface:
                if len(words[j - 1]) == 1 and kinds[j - 1] == "V" and _on_object_word(doc, j):
                    step.action = step.surface = words[j - 1] + surface  # 「点」「上焊药」 → 点上焊药
                return
        return
    if len(surface) != 1 or step.action != surface:
        return
    for j in range(s, e):
        if words[j] == surface:
            nxt = j + 1
            if words[nxt] in RESULT_COMPLEMENTS and len(words[nxt]) == 1 and (
                    nxt == e or kinds[nxt + 1] in ("P", "Q", "N", "M") or words[nxt + 1] in ("了", "点", "一点", "些")):
                step.action = step.surface = surface + words[nxt]
            elif _bare_object_char(doc, nxt) or _on_object_word(doc, nxt):
                step.action = step.surface = surface + words[nxt]  # 「放」「样」 → 放样; 「打」「上蜡」 → 打上蜡
            return


def _bare_object_char(doc: Doc, j: int) -> bool:
    """「头一步是放样,」「然后撑台,」: one character jieba tags as a noun or a classifier (样/n, 台/q), left
    untagged, right after a one-character verb and closing its clause, is the verb's object: the two are the
    verb-object word said (放样, 撑台), not a measure (个, 下, 遍 are complements)."""
    words, kinds = doc.words, doc.kinds
    w = words[j]
    return len(w) == 1 and kinds[j] is None and w not in COMPLEMENTS and w not in SKIP \
        and w not in _MEASURE_ONLY and dict.get(POS_TAGS.roles, w, "") in ("n", "ng", "q") \
        and (j + 1 == len(words) or kinds[j + 1] == "P")


_MEASURE_ONLY = ACTION_CLASSIFIERS | {"会"}  # (一会: a while)


def _on_object_word(doc: Doc, j: int) -> bool:
    """「再打上蜡」「点上焊药」: jieba glues the direction 上 to the object after a one-character verb (上蜡/v,
    上焊药/v): the verb, 上 and the object are the action said (打上蜡), not two verbs."""
    w = doc.words[j]
    return 2 <= len(w) <= 3 and w[0] == "上" and doc.kinds[j] in ("V", "T") \
        and dict.get(POS_TAGS.roles, w, "")[:1] == "v" and dict.get(POS_TAGS.roles, w[1:], "")[:1] == "n"

def _compound_object(step: Step, spec: Spec) -> None:
    """A two-character verb-object compound names its own object (离合词: 浸米, 髹漆, 上釉, 穿线,
    下缸, 运刀): the second character, when it heads a material or a tool and the first does not,
    is the step's material or tool where the clause named none; a first character that also heads a
    tool (刷漆) still takes a material after it. A three-character one: ``_compound_object3``. Only for
    crafts the spec does not describe in full (a described craft's actions carry their own defaults;
    read there, the gold set's material and tool precision fell)."""
    surface = step.surface or ""
    if 3 <= len(surface) <= 4 and surface[1] == "上" and _glued_on_object(spec, step, surface):
        return
    if len(surface) == 3:
        _compound_object3(spec, step, surface)
        return
    if len(surface) != 2 or surface[0] in MATERIAL_HEADS:
        return
    obj = surface[1]
    if _sprinkled_stuff(spec, step, surface):
        return
    if surface[0] in VESSEL_ENTRY_VERBS and obj in VESSELS_ENTERED:
        # 「装坛」「下锅」「进窑」: the vessel a verb-object word puts the thing into is its tool
        if step.tool is None and step.material != obj:
            step.tool = obj
        return
    if surface[0] in TOOL_HEADS:
        # 「刷漆」「车线」: a verb that also heads a tool (刷, 车, 锯) before stuff it spreads or works
        if obj in MATERIAL_HEADS and obj not in TOOL_HEADS and step.material is None and step.tool != obj:
            step.material = obj
        return
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

def _sprinkled_stuff(spec: Spec, step: Step, surface: str) -> bool:
    """「渣子再添水」「往梁上洒酒」「撒盐盖上」: a two-character action, a sprinkling or adding verb
    (words.SPRINKLE_VERBS) glued to a character jieba tags a noun (no body part, nothing whose name says tool): that
    noun is the stuff added, the step's material, over the thing named before the verb or the place it goes to
    (what receives it). True where it read so."""
    obj = surface[1]
    if surface[0] not in SPRINKLE_VERBS or dict.get(POS_TAGS.roles, obj, "")[:1] != "n" or _is_body(spec, obj) \
            or _is_tool_word(obj):
        return False
    step.material = obj
    if step.tool == obj:
        step.tool = None
    return True


def _glued_on_object(spec: Spec, step: Step, surface: str) -> bool:
    """「再打上蜡」「点上焊药」「抹上油」: a one-character verb, the direction 上 and the object jieba glued to it
    (``_on_object_word``: 上蜡/v, 上焊药/v) name what the step puts on, its material where the clause named
    none (a thing carried over from the clause before is not what is put on here). Only where jieba reads 上 and
    the object as one verb (the glue ``_with_result`` joined); not a body part, nor a thing whose name says tool."""
    obj = surface[2:]
    pos = spec.pos_tags()
    if dict.get(pos, surface[1:], "")[:1] != "v" or dict.get(pos, obj, "")[:1] != "n" \
            or _is_body(spec, obj, True) or _is_tool_word(obj):
        return False
    if step.material is None:
        step.material = obj
        if step.tool == obj:
            step.tool = None
    return True


def _compound_object3(spec: Spec, step: Step, surface: str) -> None:
    """「踢毽子」「放鞭炮」「上夹板」: a one-character verb glued to a two-character noun names what it
    works; the noun is the step's material where the clause named none (not a body part: 「抬头」 moves
    one, nor a thing taken in hand to work with: 拿, 用)."""
    obj = surface[1:]
    if surface[0] == "过" and _is_working_tool(obj):
        if step.tool is None and step.material != obj:
            step.tool = obj  # 「再过筛子」: what is passed through is the implement (``extract``: 过 + a sieve)
        return
    if step.material is not None or surface[0] in TOOL_LEAD:
        return
    pos = spec.pos_tags()
    if dict.get(pos, surface[0], "")[:1] != "v" or dict.get(pos, obj, "")[:1] != "n" or _is_body(spec, obj, True):
        return
    step.material = obj
    if step.tool == obj:
        step.tool = None


def _degree_start(doc: Doc, s: int, e: int) -> int:
    """Index of 到/得 opening a degree complement after the unit's first verb (「捶到不粘手」「熬得起泡」),
    or e + 1: the verbs after it say how far the action goes, they are not actions. 到 before a noun
    (「放到炉上」) is where, not how far."""
    words, kinds = doc.words, doc.kinds
    said = "".join(words[s:e])
    if not any(m in said for m in DEGREE_MARKERS):  # (compiled, a loop in C: no call per marker as with map)
        return e + 1  # (no 到/得 in the unit, a substring search each in C: most units; the markers are single characters)
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
    if j < e and len(words[j]) == 1 and kinds[j] is None and words[j] not in COMPLEMENTS:
        tag = dict.get(POS_TAGS.roles, words[j], "")
        if tag in BARE_OBJECT_TAGS and kinds[j + 1] in ("V", "T"):
            return words[j], j + 1  # 「拿筘打紧」: one character jieba reads as a noun morpheme, before the verb
        if j + 2 <= e and tag == "a" and kinds[j + 1] == "N" and len(words[j + 1]) == 1 and kinds[j + 2] in ("V", "T"):
            return words[j] + words[j + 1], j + 2  # 「拿细箩过一遍」: an adjective glued to its one-character noun
    return None, j


def _tool_head_glued(doc: Doc, term_at: dict, np: str, j: int) -> bool:
    """「拿软毛刷轻轻刷掉」「拿大布刷把河泥刷上去」: after 拿/用 + a noun whose name says no tool, one character
    that heads a tool (刷, 锤, 铲) and that jieba read as the verb is the tool's head when the clause still has
    its verb or 把 after it: the noun and the character are the thing taken in hand (软毛刷), not the noun
    brushed on (「拿布刷干净」「拿水刷一遍」 have no verb after 刷: there 刷 is what is done)."""
    words, kinds = doc.words, doc.kinds
    if len(words[j]) != 1 or words[j] not in TOOL_HEADS or kinds[j] not in ("V", "T") or _is_tool_word(np) \
            or len(np) > 3:  # (a longer run is no one name: 「拿黑颜色通身刷上」)
        return False
    for k in range(j + 1, min(len(words), j + 6)):
        kind = kinds[k]
        if kind == "P":
            return False
        if kind == "O" or kind == "V" or (kind == "T" and k in term_at and term_at[k].category == "action"):
            return True
    return False


def _whose_thing(spec: Spec, doc: Doc, term_at: dict, j: int, e: int, np, nxt: int):
    """「拿手里的棒子一磕」「握住病人的胳膊往下拽」: after 拿/握…, a place (手里, 怀里) or a person (病人, 孩子) then
    的 says where or whose; the noun after 的 is what is taken hold of. (noun, info, index after it), or None.
    ``np``/``nxt``: what ``_noun_phrase`` read at j (None where it read nothing)."""
    words = doc.words
    if np is None:
        w = words[j] if j <= e else ""
        if not (len(w) >= 2 and (_is_place_word(w) or (w[-1] in LOCATIVE_SUFFIX and _is_body(spec, w[:-1])))):
            return None
        np, nxt = w, j + 1
        if _that_one(doc, nxt, e):
            return np + words[nxt], None, nxt + 1  # 「握住背后那根」: the one there
    elif _that_one(doc, nxt, e):
        return np + words[nxt], None, nxt + 1  # 「捏脖子那根」: the one at the neck, not the neck
    elif not info_is_person((np, None)):
        return None
    if nxt + 1 > e or words[nxt] != "的" or words[nxt + 1] in PART_WORDS:
        return None
    np2, info2, after = _noun_phrase(doc, term_at, nxt + 1, e, body=True)
    return None if np2 is None else (np2, info2, after)


def _that_one(doc: Doc, k: int, e: int) -> bool:
    """Token k is a demonstrative glued to a classifier (那根, 这块) closing the clause: after a noun or a place it
    names the thing of that kind there (「捏脖子那根」: the rod at the neck)."""
    w = doc.words[k] if k <= e else ""
    return len(w) == 2 and w[0] in "这那" and w[1] in THAT_ONE_CLASSIFIERS and (k == e or doc.kinds[k + 1] == "P")


def _lead_slot_word(doc: Doc, term_at: dict, j: int, e: int) -> bool:
    """Token j stands alone between a holding or using word and a verb (「拿大笔蘸」): a word of two
    characters or more that is no function word, quantity, term of another kind or verb itself."""
    words, kinds = doc.words, doc.kinds
    if j < e and len(words[j]) >= 2 and kinds[j] == "V" and j not in doc.quantities \
            and (_is_tool_word(words[j]) or (_is_material_word(words[j]) and dict.get(POS_TAGS.roles, words[j][0], "")[:1] != "v")) \
            and words[j] not in TOOL_LEAD \
            and (kinds[j + 1] == "V" or (kinds[j + 1] == "T" and j + 1 in term_at
                                         and term_at[j + 1].category == "action")):
        # 「拿湿布/v 蘸水」「拿牙刷/v 蘸点油」「拿排笔/v 蘸胶水」: a word jieba tags a verb but headed by a tool or
        # stuff character, where 拿/用 wants its noun and a verb follows, is the thing taken in hand (stuff not when
        # its first character is a verb: 「用开水煮」's 开水 may be 开 + its object; a tool's name is one: 排笔)
        return True
    if j >= e or len(words[j]) < 2 or kinds[j] is not None or j in doc.quantities:
        return False
    w = words[j]
    if w in SKIP or w in COMPLEMENTS or w in NEGATIONS or w in MODALS or w in PREDICATE_ADVERBS \
            or w in DIRECTION_COMPOUNDS or w in MANNER_ADVERBS or w in STOP_NOUNS:
        return False
    tag = dict.get(POS_TAGS.roles, w, "")
    if tag[:1] in ("v", "p", "c", "u", "r", "d", "q", "y", "e", "x") or tag == "mq":
        return False
    nxt = j + 1
    return kinds[nxt] == "V" or (kinds[nxt] == "T" and nxt in term_at and term_at[nxt].category == "action") or (
        kinds[nxt] == "R" and _is_tool_word(w))  # 「拿木梳/b 在背上压」: a tool's name before where the work is done


def _noun_phrase(doc: Doc, term_at: dict, j: int, e: int, body: bool = False, slot: bool = False):
    """The noun phrase starting at token j (up to three nouns, 「篾」「刀」 → 篾刀): (text, lexicon info or
    None, index after it); a single lexicon term gives its canonical name. With ``body``, a body part
    the lexicon knows is a noun too (what a verb takes: 「抓住对方的肩膀」), kept as said. With ``slot``
    (where only a noun can stand: after 把, or after a verb with its complement), one character jieba
    tags a verb before a one-character noun is the noun's modifier (「把杂/v 毛/n」「顶住弓/v 毛/n」),
    not a verb with its object (拉坯)."""
    words, kinds = doc.words, doc.kinds
    if slot and j < e and kinds[j] == "V" and kinds[j + 1] == "N" and len(words[j]) == 1 and len(words[j + 1]) == 1 \
            and j + 1 not in term_at and (j + 1 == e or kinds[j + 2] != "N"):
        return words[j] + words[j + 1], None, j + 2
    while j <= e and kinds[j] not in ("T", "N") and (
            words[j] in COMPLEMENTS or (kinds[j] == "Q" and j < e) or (
                words[j] in DEMONSTRATIVES and j < e
                and (kinds[j + 1] in ("N", "T") or dict.get(POS_TAGS.roles, words[j + 1], "")[:1] == "n")) or (
                # (s24-values) a rare count word before its noun (「过一梭地纬」「那串小铃铛」): ``extract._rare_counts``
                kinds[j] is None and j < e and words[j] in POS_TAGS.counts
                and (kinds[j + 1] in ("N", "T") or dict.get(POS_TAGS.roles, words[j + 1], "") == "a"
                     or dict.get(POS_TAGS.roles, words[j + 1], "") in UNKNOWN_NAME_TAGS)) or (kinds[j] is None and j < e and (
                    dict.get(POS_TAGS.roles, words[j], "") in ("m", "mq") or (len(words[j]) == 1 and len(words[j + 1]) >= 2 and dict.get(POS_TAGS.roles, words[j], "") == "q"))
                                        and words[j + 1] not in COMPLEMENTS
                                        and (kinds[j + 1] in ("N", "T") or dict.get(POS_TAGS.roles, words[j + 1], "")[:1] == "n"))):
        j += 1  # 「拿一根鼓槌」「顶着一摞碗」「喝口奶茶」: a numeral and classifier (or a classifier alone) before the noun
    if j < e and kinds[j] in ("N", None) and j and len(words[j]) == 1 and words[j] in CLOSING_RESULTS \
            and kinds[j - 1] in ("V", "T") and len(words[j - 1]) == 1 and words[j - 1] not in TOOL_LEAD \
            and kinds[j + 1] in ("N", "T"):
        j += 1  # 「抹平墙面」「锤平铜片」: a result jieba tags a noun (平/n), right after a one-character verb, closes the verb
    parts, infos, k = [], [], j
    if j < e and kinds[j] is None and kinds[j + 1] == "N" and _modifier_adjective(doc, j):
        parts.append(words[j])  # 「插上小彩旗」「盖上厚棉被」: a one-character adjective before its noun is part of the name
        infos.append(None)
        k += 1
    while k <= e and len(parts) < 3:
        kind = kinds[k]
        info = dict.get(term_at, k)
        if k == j and info is not None and info.category == "technique" and words[k] in BODY_POINT_WORDS:
            parts.append(words[k])  # 「按手上的穴位」「在穴位上揉」: a point on the body is the spot worked (no technique)
            infos.append(None)
            k += 1
            break
        if kind == "N" or (info is not None and (info.category in ("tool", "material") or (
                body and info.category == "body" and not parts))) or (
                kind is None and k < e and kinds[k + 1] == "N" and dict.get(POS_TAGS.roles, words[k], "")[:1] == "n") or (
                kind is None and k == j and len(words[k]) >= 2 and dict.get(POS_TAGS.roles, words[k], "") in UNKNOWN_NAME_TAGS) or (
                kind == "A" and k == j and info is None and dict.get(POS_TAGS.roles, words[k], "")[:1] == "n" and k > 0 and (
                    kinds[k - 1] in ("O", "L", "Q") or dict.get(POS_TAGS.roles, words[k - 1], "") in ("m", "mq", "q")
                    or words[k - 1][-1:] == "的"
                    or (kinds[k - 1] in ("V", "T") and words[k - 1][-1:] not in MADE_COMPLEMENTS))):
            # 「马莲」「草」: a name jieba tags as a person or place, before a noun, is part of it;
            # where a noun stands (after 拿/把/a verb), such a name is the noun (「拿松明子扎」)
            # 「马莲」「草」: a name jieba tags as a person or place, before a noun, is part of it;
            # a craft's own name jieba tags a noun is a thing right after 把, 拿/用, a classifier or a verb (not
            # after V出/V成: 「打出金箔」 makes it)
            # (「把金箔裹到药丸上」「手持太平鼓」); so is one right after 的 (「三寸见方的金箔」)
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
    elif len(parts) == 1 and len(parts[0]) == 1 and k <= e and words[k] in ROD_SUFFIX and kinds[k] is None \
            and (k == e or kinds[k + 1] == "P"):
        parts.append(words[k])  # 「手」「杆」 → 手杆: a rod jieba reads as a classifier, closing the phrase
        infos.append(None)
        k += 1
    while len(parts) > 1 and parts[-1] in LOCATIVE_SUFFIX:
        parts.pop()  # 「银窝里」 → 银窝
        infos.pop()
        k -= 1
    if not parts:
        return None, None, j
    if k < e and words[k] in SIZE_COMPARISONS and words[k + 1] == "的" and k + 2 <= e:
        # 「切成鸡蛋大的小块」「搓成指头粗的条」: a thing then a size then 的 only says how big the noun after 的 is
        np2 = _noun_phrase(doc, term_at, k + 2, e, body, slot)
        if np2[0] is not None:
            return np2
    if len(parts) == 1 and infos[0] is not None:
        if infos[0].category == "body":
            return parts[0], None, k
        return infos[0].canonical, infos[0], k
    return "".join(parts), None, k


def _modifier_adjective(doc: Doc, j: int) -> bool:
    """Token j is one character jieba tags an adjective (小, 厚, 新, 长), untagged here, that modifies the noun
    after it: not a result or state the verb before it reaches (「晒干」「擦亮」: 干, 亮 close the verb)."""
    w = doc.words[j]
    if len(w) != 1 or dict.get(POS_TAGS.roles, w, "") != "a" or w in COMPLEMENTS:
        return False
    return not (j > 0 and doc.kinds[j - 1] in ("V", "T") and (w in RESULT_COMPLEMENTS or w in STATE_RESULTS))


def _is_place_word(w: str) -> bool:
    """A word that says where on a thing (后头, 上头, 后边, 左边): a locative, a side, or a word jieba tags f."""
    return w in LOCATIVES or w in PLACE_SIDES or dict.get(POS_TAGS.roles, w, "") == "f"


def _counted_after_place(doc: Doc, term_at: dict, j: int, e: int):
    """「堵住后头那俩孔」「按后边那个孔跟前面三个孔」: after a place word that follows the verb, a demonstrative or a
    count (那俩, 那个, 三个) then a noun: the noun is the verb's object, the place only where on the thing it is.
    (noun, info, index after it), or None where no demonstrative or count stands at j."""
    words, kinds = doc.words, doc.kinds
    k = j
    if k < e and words[k] in DEMONSTRATIVES:
        k += 1
    while k < e and k < j + 3 and (kinds[k] == "Q" or (kinds[k] is None and dict.get(POS_TAGS.roles, words[k], "") in ("m", "mq", "q"))):
        k += 1
    if k == j or k > e:
        return None
    np, info, after = _noun_phrase(doc, term_at, k, e)
    if np is not None:
        return np, info, after
    w = words[k]
    if len(w) == 1 and kinds[k] is None and dict.get(POS_TAGS.roles, w, "") in BARE_OBJECT_TAGS and (
            k == e or kinds[k + 1] == "P" or COORD_RE.fullmatch(words[k + 1]) is not None):
        return w, None, k + 1
    return None


def _located_head(doc: Doc, term_at: dict, j: int, e: int, first, body: bool = False):
    """「边上的毛边」「树根上的泥巴」「锅底下的灰」: a place word, or a noun with a locative after it, then 的
    before a noun, says where that noun is: the noun after 的 heads the phrase. ``first`` is what
    ``_noun_phrase`` read from token j; returns the phrase (noun, lexicon info or None, index after it),
    ``first`` where there is no such place."""
    words = doc.words
    np, _, k = first
    if np is None:
        if j > e or not (words[j] in LOCATIVES or dict.get(POS_TAGS.roles, words[j], "") in ("f", "s")):
            return first
    elif k > e or not (words[k] in LOCATIVE_SUFFIX or words[k] in LOCATIVES):
        return first
    k = (j if np is None else k) + 1
    if k < e and words[k] == "的":
        np2, info2, after = _noun_phrase(doc, term_at, k + 1, e, body=body)
        if np2 is not None and np2 not in PART_WORDS:
            return np2, info2, after
    return first


def _modified_head(doc: Doc, term_at: dict, j: int, e: int):
    """「多出来的木头」「刷过油的木桶」「一截长约一尺的单袖」「装粉的小盒子」: a modifier closed by 的 (a relative
    clause, a measure, a state; a few words of the clause, no other clause's marker) before a noun that closes
    the clause or has a locative after it: the noun after 的 heads the phrase. (noun, lexicon info or None, index
    after it), or None."""
    words, kinds = doc.words, doc.kinds
    opening = dict.get(POS_TAGS.roles, words[j], "") if j <= e else ""
    if j > e or kinds[j] in MODIFIER_STOP_KINDS or kinds[j] in ("R", "N") or words[j] == "的" \
            or not (kinds[j] in ("Q", "V", "C") or opening[:1] in MODIFIER_OPENING_TAGS):
        # (a noun or a place before 的 says whose or where, 「刘伯温的故事」「台边的立柱」: no modifier read here;
        # 的 right after the verb makes the verb itself the modifier, 「筛下来的粉」)
        return None
    for k in range(j + 1, min(e, j + MODIFIER_REACH) + 1):
        if kinds[k] in MODIFIER_STOP_KINDS or words[k] in NEGATIONS:
            return None
        if words[k] == "的":
            if all(kinds[m] == "Q" or dict.get(POS_TAGS.roles, words[m], "") in ("m", "mq", "q") for m in range(j, k)):
                return None  # 「一年的农事」: a count or a time alone says how much, not what the thing is like
            np, info, after = _noun_phrase(doc, term_at, k + 1, e)
            if np is None or np in PART_WORDS or info_is_person((np, info)) or not (
                    after > e or kinds[after] == "P" or words[after] in LOCATIVES):
                return None
            return np, info, after
    return None


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
        # (s23-terms: and a tool or material of one character jieba's dictionary lacks, a thing's own name: 「执籥」)
        if value and (len(value) >= 2 or (cat != "action" and "\u4e00" <= value <= "\u9fff"
                                          and value not in POS_TAGS.roles)):
            wanted[value] = cat
    if wanted:
        # a value is found only as a run of the unit's words: one absent from their text (a substring
        # search in C) is never popped below, and the walk is skipped when none is there
        joined = "".join(words[s:e + 1])
        wanted = {value: cat for value, cat in wanted.items() if value in joined}
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
                or w in AWAY_COMPLEMENTS \
                or w in MANNER_VERBS:
            return None
        chars.append(w)
    if not (any(c in MATERIAL_HEADS or c in TOOL_HEADS for c in chars) or dict.get(POS_TAGS.roles, chars[-1], "") in BARE_OBJECT_TAGS):
        return None
    return "".join(chars)


def _yields_result(words: list, v: int, j: int) -> bool:
    """The verb at v makes what follows it up to j (V成/V出, or 成 between): 「蹲成马步」「打出金箔」「推出匀匀的皱纹」
    name a result, not what is worked."""
    if "成" in words[v] or words[v][-1] == "出":
        return True
    for k in range(v + 1, j):  # (a plain loop: compiled, ``any`` over a generator expression makes a generator)
        if words[k] == "成":
            return True
    return False


def _named_work(doc: Doc, term_at: dict, v: int, j: int, e: int) -> bool:
    """Token j, closing the clause right after an open verb at v (one the lexicon does not list as an action),
    names a thing and not an action: a craft word or technique term that jieba tags a noun or that names a form
    performed (花丝, 芦笙舞, 长调), or a word of three or more characters jieba does not know as a noun that names
    one (长鼓舞/i; ``words.PERFORMED_SUFFIX``)."""
    words, kinds = doc.words, doc.kinds
    if j > e or kinds[v] != "V" or not (j == e or kinds[j + 1] == "P") or _yields_result(words, v, j):
        return False
    w = words[j]
    if kinds[j] in ("T", "A"):
        info = dict.get(term_at, j)
        return len(w) >= 2 and (info is None or info.category not in ("action", "body", "tool", "material")) \
            and (dict.get(POS_TAGS.roles, w, "")[:1] == "n" or w[-1] in PERFORMED_SUFFIX)
    return kinds[j] is None and len(w) >= 3 and w[-1] in PERFORMED_SUFFIX


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
    if e > s and words[e] in TOPIC_MODALS:
        e -= 1  # 「龟板要先砸碎」「坯子得先晾干」: a modal between the noun and the marker
    if b >= len(words) or kinds[b] != "M" or e - s > 2 or (s > 0 and kinds[s - 1] != "P"):
        return False
    return all(kinds[k] == "N" or (kinds[k] == "T" and k in term_at and term_at[k].category in ("tool", "material"))
               for k in range(s, e + 1))


def _clause_topic(doc: Doc, term_at: dict, s: int):
    """「泥巴呢,先揉熟」「黄土跟沙子三比一,拌匀」: the clause before the unit (which starts right after a
    comma) is a noun phrase alone (nouns, a second one after 跟/和, a quantity such as a ratio, a topic
    particle), with no verb: the topic the unit's verb works. (noun, info) of its first noun, or None."""
    words, kinds = doc.words, doc.kinds
    if s > 2 and kinds[s - 1] == "M":
        s -= 1  # (「泥巴,先揉熟」: the unit may start after its sequence marker)
    if s < 2 or kinds[s - 1] != "P" or words[s - 1] not in CLAUSE_COMMAS:
        return None
    k = s - 2
    while k > 0 and kinds[k] is None and (words[k] in FILLERS or words[k] in CORRECTION_CUES):
        k -= 1
    if k < s - 2 and kinds[k] == "P" and words[k] in CLAUSE_COMMAS:
        s = k + 1  # 「粘土跟细沙二比一,哎不对,三比一掺起来」: past a clause that only corrects a number
    k = s - 2
    while k >= 0 and k > s - 9 and (kinds[k] in ("N", "Q") or (
            kinds[k] is None and (words[k] in TOPIC_PARTICLES or COORD_RE.fullmatch(words[k]) is not None
                                  or words[k] == "比" or (len(words[k]) == 1 and words[k] in RATIO_NUMERALS))) or (
            kinds[k] == "T" and k in term_at and term_at[k].category in ("tool", "material"))):
        k -= 1
    if k >= 0 and kinds[k] != "P":
        return None
    k += 1
    if k > s - 2 or kinds[k] not in ("N", "T"):
        return None
    np, info, _ = _noun_phrase(doc, term_at, k, s - 2)
    return (np, info) if np is not None else None


def _term_verb(pos: dict, term_at: dict, w: str, i: int) -> bool:
    """The spec's term at token i is read as a verb by ``_open_read`` (where it is not the unit's action): jieba's
    table tags it a verb, and it names an action or no term at all."""
    return dict.get(pos, w, "")[:1] == "v" and (i not in term_at or term_at[i].category == "action")


# the kinds of token at which ``_open_read``'s walk reads something that can reach the step for a craft the spec
# describes in full: what 拿/用… take in hand (L), a verb, a noun (the topic, a role); a relation, 把, a hand
# or a context verb alone change nothing there
_DESCRIBED_READ_KINDS = frozenset(("L", "V", "N"))


def _open_reads(doc: Doc, term_at: dict, s: int, e: int, action_idx, ii: list) -> bool:
    """For a craft the spec describes in full: can ``_open_read`` change the unit's step? Only where its walk
    meets a token of ``_DESCRIBED_READ_KINDS``, a 拿/用… word, a term read as a verb other than the action
    (``_term_verb``), or an untagged word of two characters or more opening the unit (a name jieba does not
    know, the topic). Where it meets none, no branch of its walk that reaches the step is taken, so it is not
    called (about two units in five of a described craft: 「刺入」「绣三针」); ``tests/test_prompting_open_reads.py`` checks
    that on every split."""
    kinds, words = doc.kinds, doc.words
    if kinds[s] is None and s < e and len(words[s]) >= 2:
        return True
    pos = POS_TAGS.roles
    for i in ii:
        k = kinds[i]
        if k in _DESCRIBED_READ_KINDS or words[i] in TOOL_LEAD or (
                k == "T" and i != action_idx and _term_verb(pos, term_at, words[i], i)):
            return True
    return False


def _open_read(spec: Spec, doc: Doc, term_at: dict, s: int, e: int, step: Step, action_idx,
               described: bool = False, cut: int | None = None, craft: str | None = None, ii=None) -> None:
    """Open vocabulary: any verb can be the action, any noun a tool (after 用/拿/持/执/握…, or a noun
    whose head is a tool word) or a material (after 把/将, the verb's object, or the topic). ``ii``: the
    unit's tagged tokens and untagged 拿/用… (``_read_unit``'s), the only ones after s the walk reads."""
    words, kinds, qmap = doc.words, doc.kinds, doc.quantities
    pos = POS_TAGS.roles  # (the spec's own: extract() sets it at the start of every text)
    verbs = []
    lead_word = lead_tool = lead_info = ba_obj = topic = place = None
    spec_topic = None  # a tool the spec knows, named before any verb (「琵琶是横抱的」「艾条点着了」)
    has_object = False  # the verb has an object of its own after it
    after_relation = False
    modified_np = None  # the verb's object read past a modifier closed by 的 (``_modified_head``)
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
    mk = s - 2 if s > 2 and words[s - 1] in TOPIC_MODALS and kinds[s - 1] is None and kinds[s - 2] == "M" else s - 1
    # (「泥先要揉熟」「坯子先得晾干」: the modal after the marker; the unit starts at the verb)
    if not described and mk > 0 and kinds[mk] == "M" and (kinds[s] in ("V", "C", "L") or s == action_idx):
        # 「锥子先扎个眼」「哨片先搁水里泡软」「麦秆先用水泡软」: a noun alone before the sequence marker is
        # this clause's topic
        m = mk - 2 if mk > 1 and words[mk - 1] in TOPIC_MODALS else mk - 1  # (「龟板要先砸碎」: past the modal)
        k = m
        while k >= 0 and k > m - 3 and kinds[k] in ("N", "T"):
            k -= 1
        if k + 1 <= m and _topic_before_marker(doc, term_at, k + 1, m, mk):
            np, info, _ = _noun_phrase(doc, term_at, k + 1, m)
            if np is not None:
                topic, topic_at = (np, info), k + 1
                if step.tool == np and not _is_tool_word(np):
                    step.tool = None
    if s > 0 and kinds[s - 1] == "O":
        # 「把竹篾泡进…」: the unit was trimmed after 把; what it names is what is worked
        np, info, nxt = _located_head(doc, term_at, s, e, _noun_phrase(doc, term_at, s, e, slot=True))
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
    if ii is None:
        ii = [j for j in range(s, e + 1) if kinds[j] is not None or words[j] in TOOL_LEAD]
    # an untagged word after the first (but 拿/用…), punctuation or a quantity: no branch below reads it, so
    # only s and ``ii`` are walked; a branch that reads a phrase resumes the walk after it
    resume = i
    for i in (ii if kinds[s] is not None else chain((s,), ii)):
        if i < resume:
            continue
        k = kinds[i]
        w = words[i]
        if (k == "P" or k == "Q") and w not in TOOL_LEAD:
            continue
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
            held = _whose_thing(spec, doc, term_at, i + 1, e, np, nxt)
            if held is not None:
                np, info, nxt = held
                if _is_body(spec, np) or (i == action_idx and np[-2:-1] in ("这", "那")):
                    # 「握住病人的胳膊往下拽」: another's limb taken hold of is what is worked, never what with;
                    # so is what a holding verb that is the step's action holds (「捏脖子那根」)
                    if step.material is None or np.startswith(step.material):
                        step.material = np
                    if step.tool is not None and np.startswith(step.tool):
                        step.tool = None  # (「捏着竹竿那根」: the one at the pole is held, not the pole as a tool)
                    resume = nxt
                    continue
            if np is not None and nxt <= e and _tool_head_glued(doc, term_at, np, nxt):
                if step.material == (info.canonical if info is not None else np):
                    step.material = None  # (the stuff the lexicon named is the tool's modifier: 大布 in 大布刷)
                np, info, nxt = np + words[nxt], None, nxt + 1
            if np is not None and action_idx is not None and i < action_idx < nxt and not described and any(
                    kinds[k] == "V" or (k in term_at and term_at[k].category == "action") for k in range(nxt, cut)):
                # 「用牙/刷 蘸点油」: the verb the lexicon read is the head of the tool taken in hand; the verb after it
                # in the clause is the action (「拿软毛/刷 轻轻,」 with none after it keeps its reading)
                step.action = step.surface = None
                step.general_action = False
                action_idx = None
            if np is not None:
                if nxt + 1 <= e and words[nxt] == "的" and words[nxt + 1] in PART_WORDS:
                    nxt += 2  # 「握一根竹竿的头」: where the thing is taken, no topic of its own
                lead_word = lead_word or w
                if lead_tool is None:
                    lead_tool, lead_info, lead_at, lead_end = np, info, i, nxt
                resume = nxt
                continue
        elif k == "O":
            np, info, nxt = _located_head(doc, term_at, i + 1, e, _noun_phrase(doc, term_at, i + 1, e, slot=True))
            if np is None and i + 1 < e and kinds[i + 1] == "T" and i + 1 in term_at \
                    and term_at[i + 1].category not in ("action", "tool", "material", "body"):
                # 「拿毛巾把影人捂一会儿」: what 把 names is a thing, whatever kind of term it is
                np, info, nxt = words[i + 1], None, i + 2
            elif np is None and i + 1 < e and kinds[i + 1] is None and len(words[i + 1]) == 1 \
                    and words[i + 1] not in COMPLEMENTS and words[i + 1] not in FILLERS \
                    and words[i + 1] not in NEGATIONS and kinds[i + 2] in ("V", "T") \
                    and dict.get(pos, words[i + 1], "x")[:1] not in FUNCTION_TAGS.difference("rd"):
                # 「拿木槌把边敲平」「拿熨斗把它烫平」: one character between 把 and the verb is what is worked
                # (它 stands for what the step before worked: ``_carry_dropped_object``)
                np, info, nxt = words[i + 1], None, i + 2
            if np is not None and not described and lead_tool is not None and step.material is not None \
                    and step.material in (lead_tool, lead_info.canonical if lead_info is not None else lead_tool):
                # 「拿布把壶身擦亮」: where 把 names what is worked, what 拿/用 named is what with
                step.material = None
                if step.tool is None:
                    step.tool = lead_tool
            if np is not None and step.material is not None and step.material != np and not described \
                    and (lead_tool is None or step.material not in (
                        lead_tool, lead_info.canonical if lead_info is not None else lead_tool)) \
                    and _named_before(doc, term_at, s, i, step.material, lead_at, lead_end):
                # 「照着画稿把花样描到…」「等它颜色回浅一点就把图样描上去」: stuff the lexicon names before 把 (what
                # is followed, or another clause's thing) gives way to what 把 names (what 拿/用 took stays: below)
                step.material = None
            if np is not None and step.material is None and not described:
                step.material = np  # 「把竹篾泡进石灰水里」: what 把 names is what is worked
                if step.tool == np and lead_tool is not None:
                    step.tool = None  # 「拿手帕把扇子一盖」: the thing 把 names is not what with
            if np is not None:
                ba_obj = ba_obj or (np, info)
                resume = nxt
                continue
        elif k == "R":
            after_relation = True  # 「在绣地上」「往里」: where, not what
            if place is None and w in PLACE_MARKERS:
                np, info, nxt = _noun_phrase(doc, term_at, i + 1, e)
                if np is not None and info_is_person((np, info)):
                    resume = nxt  # 「由两名后生推动轮架」「由一名僧人敲响引磬」: who does it, no place worked
                    continue
                if np is not None and i + 2 <= e and words[i + 1] + words[i + 2] in SIDE_DEICTICS:
                    resume = nxt  # 「左手在那头接住」: which side, no thing worked there
                    continue
                if np is not None:
                    place = (np, info, nxt <= e and words[nxt] in INSIDE)
                    place_at = i
                    resume = nxt
                    continue
        elif k == "V" or (k == "C" and not described) or (k == "T" and i != action_idx and _term_verb(pos, term_at, w, i)):
            if k == "C" and i > s and (kinds[i - 1] in ("V", "L") or (
                    kinds[i - 1] == "T" and dict.get(pos, words[i - 1], "")[:1] == "v")):
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
        elif (k == "N" or (k is None and i == s and len(w) >= 2 and dict.get(pos, w, "") in UNKNOWN_NAME_TAGS
                           and i < e and kinds[i + 1] in ("V", "T", "C"))
              or (k == "T" and not described and i == s and i < e and kinds[i + 1] == "V" and i in term_at
                  and term_at[i].category not in ("action", "tool", "material", "body")
                  and dict.get(pos, w, "")[:1] == "n")) \
                and not verbs and topic is None and not after_relation and (i == s or words[i - 1] != "得"):
            # (a name jieba tags as a person or place opening the clause before its verb is a noun:
            # 「壶盖/ns 盖上去」; so is a term the lexicon lists as a technique's word: 「水袖搭在手腕上」)
            np, info, nxt = _located_head(doc, term_at, i, e, _noun_phrase(doc, term_at, i, e))
            if np is None and k == "T":
                np, info, nxt = w, None, i + 1
            if np is not None and nxt <= e and words[nxt] == "的" and (action_idx is None or i < action_idx):
                # 「影人的脖签往上提」: N的N2 as the topic names N2; 「舞狮头的两只手」「上场的时候」: N的
                # before a hand or a time is a modifier, no topic
                np2, info2, nxt2 = _noun_phrase(doc, term_at, nxt + 1, e)
                if np2 is None:
                    resume = nxt + 1
                    continue
                np, info, nxt = np2, info2, nxt2
            if np is not None and nxt <= e and words[nxt] in LOCATIVES and _is_body(spec, np):
                resume = nxt + 1  # 「额头上抹匀」「额头上贴…」: where on the body the work is done, no topic (a body
                continue          # part is never what is worked)
            if np is not None:
                topic = (np, info)
                topic_at = i
                step.subject = step.subject or action_idx is None or i < action_idx
                resume = nxt
                continue
        elif k == "P":
            pass
        elif body_topic is None and not verbs and (k == "H" or (
                k == "T" and i in term_at and term_at[i].category == "body") or (
                k is None and i == s and i < e and len(w) == 1 and w in LIMB_CHARS
                and (words[i + 1] in MOTION_WORDS or words[i + 1] == "一"))) \
                and (action_idx is None or i < action_idx) and (not HAND_CHARS.intersection(w) or w in LIMB_MOVERS):
            # 「两肘往下沉」「腰往后弯」: a limb (not a hand) named before the verb; a wrist or palm moves as one
            # (「手腕一抖」), and so does a limb jieba left untagged opening the clause (「胯往一边送」)
            body_topic = w
    general = step.general_action or step.action is None
    if step.action is not None and step.surface in TOOL_LEAD and verbs:
        general = True  # 「拿起錾子轻轻敲」: the holding verb is how, the later verb is what
    chosen = None
    if general and verbs and (action_idx is None or step.surface in TOOL_LEAD or step.action is None):
        chosen = verbs[0]  # the first verb that is neither V着 before another verb nor adverbial, else the first
        for v in verbs:
            if not (v + 1 <= e and words[v + 1] == "着" and v != verbs[-1]) and not _adverbial_verb(doc, v, e):
                chosen = v
                break
        surface = words[chosen]
        nxt = chosen + 1
        if len(surface) == 1 and nxt <= e and ((len(words[nxt]) == 1 and (kinds[nxt] in ("N", "V") or _bare_object_char(
                doc, nxt)) and words[nxt] not in COMPLEMENTS) or _on_object_word(doc, nxt)):
            surface += words[nxt]  # 「拉」「坯」 → 拉坯; 「点」「上焊药」 → 点上焊药
            nxt += 1
        elif len(surface) == 1 and nxt <= e and words[nxt] in RESULT_COMPLEMENTS and (
                nxt == e or kinds[nxt + 1] in ("P", "Q", "N", "M") or words[nxt + 1] in ("了", "点", "一点", "些")):
            surface += words[nxt]  # 「放」「平」 → 放平: the result is part of the action said
            nxt += 1
        if len(surface) == 2 and surface[1] in FUNCTION_COMPLEMENTS and surface not in spec.terms:
            surface = surface[0]  # 「熬到」 → 熬 (a result complement stays: 分开, 压干, 揭起)
        if len(surface) == 3 and surface[1] == "一" and surface[0] == surface[2]:
            surface = surface[0]  # 「松一松」「试一试」 → 松, 试
        if len(surface) == 2 and surface[0] == "一" and (surface[1] in CONTEXT_HAND_VERBS or dict.get(pos, 
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
        np, info, after = _noun_phrase(doc, term_at, nxt, e, body=True, slot=len(verb) == 2 and (
            verb[1] in RESULT_COMPLEMENTS or verb[1] in DIRECTION_CHARS or _split_object_name(spec, doc, nxt, e)))
        if np is not None and info is None and after <= e and words[after] != "的" and info_is_person((np, None)) \
                and (owned := _noun_phrase(doc, term_at, after, e, body=True))[0] is not None \
                and not info_is_person(owned[:2]):
            np, info, after = owned  # 「托住病人胳膊」「抓住对方腰带」: whose, said without 的: the thing after is the object
        if nxt + 1 <= e and words[nxt] in ("好", "完") and words[nxt + 1] == "了":
            np = None  # 「劈好了上机」: after V好了 the clause goes on with a new predicate
        elif np is not None and nxt <= e and words[nxt] == "得" and info is None:
            np, after = None, e + 1  # 「泡得黏糊糊的」「举得高高的」: after V得 comes how, never what is worked
        elif np is not None and info is None and _is_place_word(np):
            np, info, after = _counted_after_place(doc, term_at, after, e) or (np, info, after)
            if topic is not None and topic_at > action_idx and topic[0] == np:
                topic = None  # (the noun after the place is the verb's object, no topic)
        r = nxt
        while r <= e and kinds[r] == "Q":
            r += 1  # 「迈一步成弓步」
        if np is not None and (verb[-1:] == "成" or (r <= e and words[r] == "成")):
            # 「馅切成小块」「银子化成水」: what follows 成 is the result, not what is worked (it is
            # only where the clause names nothing else: 「捣成浆」)
            if step.material == (info.canonical if info is not None else np):
                step.material = None
            if after + 1 < e and words[after] in SIZE_WORDS and words[after + 1] == "的" \
                    and (sized := _doubled_noun(doc, after + 2, e) or _noun_phrase(doc, term_at, after + 2, e))[0] \
                    is not None:
                np = sized[0]  # 「剁成核桃大的块块」: a thing the size is said by is no result; the noun after 的 is
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
            elif j + 1 <= e and j == nxt and words[j] in PERSON_PRONOUNS \
                    and (owned := _noun_phrase(doc, term_at, j + 1, e, body=True))[0] is not None \
                    and not info_is_person(owned[:2]):
                np, info, after = owned  # 「握住他手腕」: whose, said without 的
            if np is not None:
                pass
            elif j + 1 < e and kinds[j] in ("T", "N") and words[j + 1] == "的" and (
                    j not in term_at or term_at[j].category != "action"):
                np, info, after = words[j], None, j + 1  # 「提着影人的脖签」: a term of any kind before 的
            elif j > action_idx and j + 2 <= e and words[j + 1] == "的" and kinds[j] is None \
                    and dict.get(POS_TAGS.roles, words[j], "")[:1] in ("a", "z") and not _yields_result(words, action_idx, j) \
                    and (described_np := _noun_phrase(doc, term_at, j + 2, e, body=True))[0] is not None:
                # 「插上新的旗子」「换上干净的布」: an adjective and 的 before the object say what it is like
                np, info, after = described_np
            elif j > action_idx and j + 3 <= e and not _yields_result(words, action_idx, j) \
                    and (sized := _sized_object(doc, term_at, j, e)) is not None:
                # 「夹起一张三寸见方的金箔」「夹起一张巴掌大的金箔」: a size (a quantity or a thing, and a size word) then 的
                # says what the object is like; the noun after 的 is the object
                np, info, after = sized
            elif j > action_idx and not _yields_result(words, action_idx, j) \
                    and (modified := _modified_head(doc, term_at, j, e)) is not None:
                # 「削掉多出来的木头」「舀进刷过油的木桶里」: the noun after 的 is the object; the vessel gone into is read
                # as a place now, the thing worked only where no other rule names one (「放个装粉的小盒子」)
                if into or (modified[2] <= e and words[modified[2]] in LOCATIVES):
                    np, info, after = modified
                else:
                    modified_np = modified[0]
            elif j > action_idx and _named_work(doc, term_at, action_idx, j, e):
                # 「夹着花丝」「跳芦笙舞」: a craft, a technique or a dance or song named as an open verb's
                # object, closing the clause, is what the verb works or performs
                np, info, after = words[j], None, j + 1
            elif (bare := _bare_object(doc, j, e)) is not None and j > action_idx:
                # 「蘸了料」「下黄丹」「敲鼓边」: one-character words jieba left untagged as nouns, closing the
                # clause right after the verb, are its object when a character heads a tool or a material
                # or jieba tags the last one a noun morpheme
                np, info, after = bare, None, e + 1
            elif j < e and j > action_idx and (words[j] in LOCATIVES or words[j] in PLACE_SIDES) and kinds[j + 1] == "Q" \
                    and (bare := _bare_object(doc, j + 2, e)) is not None:
                # 「按上头三个孔」「扎底下两个眼」: where on the thing, then how many, then the one-character noun
                # closing the clause: that noun is the object
                np, info, after = bare, None, e + 1
            elif j < e and j > action_idx and _is_place_word(words[j]) \
                    and (counted := _counted_after_place(doc, term_at, j + 1, e)) is not None:
                np, info, after = counted  # 「按后边那个孔跟前面三个孔」
                if topic is not None and topic_at > action_idx and topic[0] == np:
                    topic = None
            elif j < e and j > action_idx and (owner := _place_owner(doc, term_at, j, e)) is not None:
                # 「按手上的穴位」「盯着前手的虎口」: a place (a word of place, or a locative before a noun) then 的
                # says where the noun after 的 is: that noun is the object (N1的N2 below names N2)
                np, info, after = owner
            elif into and j < e and j > action_idx and kinds[j] is None and len(words[j]) <= 2 \
                    and words[j] not in FILLERS and words[j] not in COMPLEMENTS and (
                        (words[j + 1] in LOCATIVES and dict.get(pos, words[j], "x")[:1] not in FUNCTION_TAGS)
                        or (j + 1 < e and len(words[j]) == 1 and len(words[j + 1]) == 1 and kinds[j + 1] == "N"
                            and words[j + 2] in LOCATIVES and dict.get(pos, words[j], "x")[:1] not in "pcurmq")):
                # 「伸进醪里」「伸进鞠里头」: a word jieba does not know (or one character it reads as an
                # adverb, glued to the one-character noun after it), between a verb going into and a
                # locative, is the place gone into
                after = j + 1 if words[j + 1] in LOCATIVES else j + 2
                np, info = "".join(words[j:after]), None
            elif j <= e + 1 and j < len(words) and words[j] == "地" and j > action_idx \
                    and (j + 1 >= len(words) or kinds[j + 1] == "P"):
                # 地 closing the clause after the verb is the ground (the particle 地 stands before a
                # verb): 「手撑住地」
                np, info, after = "地", None, j + 1
        if np is not None:
            np, info, after = _located_head(doc, term_at, nxt, e, (np, info, after), body=True)  # 「刮掉锅底上的灰」
        if np is not None and after + 1 < e and words[after] in SIZE_WORDS and words[after + 1] == "的" \
                and (sized := _noun_phrase(doc, term_at, after + 2, e))[0] is not None:
            np, info, after = sized  # 「剪下一块巴掌大的红布」: a thing the size is said by is no object; the noun after 的 is
        if np is not None and after < e and words[after] == "的":
            # 「抓住对方的肩膀」「拍这头的鼓面」: N1的N2 names N2 (what N1 has)
            np2, info2, after2 = _noun_phrase(doc, term_at, after + 1, e, body=True)
            if np2 is None and after + 1 <= e and words[after + 1] in PART_WORDS:
                after = after + 2  # 「握一根竹竿的头」「捏住丝线的一头」: a part of N1 names where N1 is taken
            elif np2 is not None and np2 in PART_WORDS and not info_is_person((np, info)):
                after = after2  # (「托住孩子的腰」: a person's 腰 is the body part held, below)
            elif np2 is not None:
                if step.tool is not None and step.tool == np and lead_tool != np:
                    step.tool = None  # 「调好二胡的弦」: whose string it is, not what with
                if topic is not None and topic_at > action_idx and topic[0] == np2:
                    topic = None  # (N2 after the verb is its object, no topic: 「托着琵琶的琴头」)
                np, info, after = np2, info2, after2
        if np is not None and topic is not None and topic_at < action_idx and nxt <= e \
                and ((verb[-1:] == "出" and (_is_material_word(np) if info is None else info.category == "material"))
                     or (words[nxt] in ("个", "一个") and (
                         _is_material_word(topic[0]) if topic[1] is None else topic[1].category == "material"))) \
                and _worked_topic(spec, topic) and not any(words[k] in LOCATIVES for k in range(topic_at, action_idx)):
            # 「甘蔗榨出汁来」「麻绳打个结」: with the thing worked named before the verb, the stuff V出 brings out or
            # what V个 makes is what the work yields; the topic is what is worked (「拿小刀刻出花纹」, no topic, keeps
            # it; V个 only after stuff: 「新娘子端个茶盘」 takes a tray up, who carries it is no material; a topic with a
            # locative is where: 「锦缎上钉一个小绺」)
            if step.material == (info.canonical if info is not None else np):
                step.material = None
            result_np, np = np, None
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
            elif tool_like and _is_tool_word(np) and (((verb in TOOL_LEAD or verb[:1] in WIELD_VERBS)
                                                       and _is_working_tool(np)) or verb in SWAP_VERBS
                                                      or (verb[:1] == "摇" and _head(np) not in INSTRUMENT_HEADS)):
                # (a thing the spec lists as a tool but whose name does not say so is held up as
                # what is worked: 「举着龙灯」; so is a vessel, instrument or prop gripped: 「握住弓把」; a bell or
                # fan shaken, 「摇铜铃」「摇着蒲扇」, is what the hand performs with, but not an instrument played
                # (words.INSTRUMENT_HEADS: 「摇拨浪鼓」))
                if step.tool is None:
                    step.tool = np  # 「抡锤」「推刀」「换三四种錾子」: the verb moves or takes up the tool it names
            elif step.material is None:
                # 「抱琵琶」「搅车盘」「顶碗」: what any other verb takes as its object is what is worked,
                # even a thing that is elsewhere a tool (unless 拿/用… named it as what with)
                step.material = np
                object_np = (np, info)
                if step.tool == np and lead_tool != np:
                    step.tool = None
            if not into and nxt <= e and kinds[nxt] != "Q" and dict.get(pos, words[nxt], "") not in ("m", "mq", "q") \
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
    if lead_tool is not None and lead_info is None and ba_obj is None and verb_obj is None and action_idx is not None \
            and action_idx > lead_at and words[action_idx][:1] in BIND_VERBS and step.material is None \
            and not _is_tool_word(lead_tool) and not _is_material_word(lead_tool) and not _is_body(spec, lead_tool):
        # 「火把拿松明子扎」「拿绑带从脚脖子往上缠」: what is taken up to wind, tie or wrap with (a name that says
        # neither tool nor stuff) is bound into the work, the material (「拿针缝」: a tool by its name stays one)
        step.material = lead_tool
        if step.tool == lead_tool:
            step.tool = None
        lead_tool = None
    if lead_tool is not None and lead_info is None and ba_obj is None and action_idx is not None and lead_word in INSTRUMENT_LEADS \
            and action_idx > lead_at and words[action_idx][:1] in APPLY_VERBS \
            and (step.material is None or (
                (words[action_idx][-1:] in MADE_COMPLEMENTS or (action_idx < e and words[action_idx + 1] in MADE_COMPLEMENTS))
                and any(step.material in words[k] for k in range(action_idx + 1, e + 1)))) \
            and not _is_tool_word(lead_tool) and not _is_body(spec, lead_tool):
        # 「用胭脂画出鼻梁线」「以佛青勾出轮廓」「用墨汁画出眉毛」: stuff taken up with 用/以 (not a tool by its name)
        # and laid on by painting, smearing or drawing is the material; the figure it makes, or the ground it
        # covers (画出…, 涂满…), named after the verb, is no stuff worked
        step.material = lead_tool
        if step.tool == lead_tool:
            step.tool = None
        lead_tool = None
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
    if lead_tool is not None and not verbs and (lead_info is None or (lead_info.category == "tool" and not described)) \
            and (not _is_working_tool(lead_tool) or (lead_word[:1] == "捏" and _head(lead_tool) not in PINCHED_TOOL_HEADS)) \
            and step.surface == lead_word and lead_word not in INSTRUMENT_LEADS:
        # 「握着把子」「捏着签子」「左手拿简板」: holding is the whole action, so what is held is what it works on
        # (an implement that works another thing stays the tool: 「各拿一根鼓槌」; a vessel, instrument or prop
        # gripped is handled for itself, even one another craft's lexicon lists as a tool: 「握住命杆」「攥着扇子」;
        # what the fingers pinch is the piece handled, 「捏两根手签」, but for a needle, knife or brush: 「捏针」)
        if lead_word[:1] == "拿" and _is_tool_word(lead_tool) and _head(lead_tool) not in INSTRUMENT_HEADS:
            # 「左手拿板」「右手拿扇子」「左手拿罐子」: 拿 takes up a thing whose name heads an implement, a
            # clapper, a vessel or a prop (words.TOOL_HEADS) to perform or work with: the tool (stuff taken up
            # stays what is handled: 「左手拿手绢」; so does an instrument played, words.INSTRUMENT_HEADS:
            # 「右手拿一面小锣」; a grip verb keeps the thing handled: 「握住命杆」)
            if step.material == lead_tool:
                step.material = None
        elif step.material is None or step.material == lead_tool:
            step.material = lead_tool
            if step.tool == lead_tool:
                step.tool = None
            lead_tool = None
    if lead_tool is not None and step.tool is not None and step.tool != lead_tool and not described \
            and (_is_tool_word(lead_tool) if lead_info is None else lead_info.category == "tool") \
            and _named_in_place(doc, term_at, lead_end, e, step.tool):
        # 「拿木耙在缸里搅」: an implement taken in hand works; the vessel the lexicon lists as a tool, named only
        # where (在…里), is where the work is done
        step.tool = None
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
    if described:
        # a craft the spec describes in full: every rule below but the topic's reads a craft it does not
        if topic is not None:
            _topic_slot(step, topic, chosen, described)
        return
    if place is not None and action_idx is not None and ba_obj is None and lead_word is None \
            and (not has_object or place_at == action_idx + 1) and (place_at > action_idx or not place[2]) \
            and _body_at_place(spec, doc, term_at, s, action_idx, place, topic, topic_at, spec_topic, body_topic):
        # 「两只脚套进麻袋里」「拇指肚儿按在弓柄上」「左手在琴杆上按」: where the body itself (a limb named
        # before the verb, or the hand) goes or presses, the thing there is what it works; the
        # limb is who acts, and the thing is no support or vessel of a tool
        step.material = place[0]
        if step.tool == place[0]:
            step.tool = None
        topic = body_topic = place = None
    if action_idx is not None and len(words[action_idx]) <= 2 and words[action_idx][:1] in STRIKE_AT_VERBS \
            and (path := next((k for k in range(s, action_idx) if words[k] == "往"), None)) is not None \
            and (struck := _struck_with_along(spec, doc, path, topic, topic_at, ba_obj, lead_tool, lead_at, lead_info,
                                              place if place is not None and place_at == path else None)) is not None:
        # 「把扇子往桌上一拍」「拿枢往车轮上一敲」: a thing struck down along a path onto another is what strikes
        # (the tool); the thing it lands on, named on the path, is what is struck
        thing, target = struck
        if step.material == thing:
            step.material = None
        if step.tool in (None, thing):
            step.tool = thing
        if target is not None and step.material is None:
            step.material = target
            place = None
        if topic is not None and topic[0] == thing:
            topic = None
        if lead_tool == thing:
            lead_tool = None
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
        put = words[action_idx][:1] in PUT_VERBS or words[action_idx][:1] in SPREAD_VERBS
        theme = _placed_theme(spec, topic if topic_at < action_idx else None, spec_topic, ba_obj, lead_word,
                              lead_tool, lead_info)
        if words[action_idx][:1] in STRIKE_AT_VERBS and not inside and not body_place and np not in GROUND_WORDS \
                and not _is_place_word(np) and (info is None or info.category not in ("body", "action")) \
                and not info_is_person((np, info)) and step.material in (None, theme, np) and ba_obj is None \
                and (theme is None or theme == lead_tool or _is_tool_word(theme)):
            # 「烟袋锅子磕在炕沿上」「鼓槌砸在鼓口边上」: what a striking verb lands on after 在/到 is what is struck (the
            # material); the thing named before the verb or taken in hand strikes it (the tool); not the ground, a
            # body part, nor a vessel struck inside (「砸在臼里」); not where 把 or a thing of no tool's name is what
            # lands (「把泥巴砸在板上」: the clay thrown is worked, the board a support)
            if theme is not None and theme != np and step.tool is None:
                step.tool = theme
            step.material = np
            if step.tool == np:
                step.tool = None
            theme = None
            dest = place = None
    if dest is not None and not described:
        np, info, inside = dest
        body_place = _is_body(spec, np, True)
        if theme is not None and not put and words[action_idx][:1] not in HANG_VERBS and _is_working_tool(theme):
            theme = None  # 「针扎在布上」: an implement that goes somewhere is still what with (「三弦抱在怀里」: a held instrument is worked)
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
                and (info is None or info.category == "tool" or _is_tool_word(np)) and np != step.material \
                and not any(_is_body(spec, np[:k]) for k in range(2, min(len(np), 4))):
            # (「把铜板夹在指头缝里」: a body part's gap or side the thing is put in is no support or vessel)
            # (a support whose name says tool is one even where a craft's lexicon lists the word as its
            # material: 「坯子搁在木板上晾」)
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
        if action_idx is not None and words[action_idx][:1] in REACH_CHARS and place_at > action_idx \
                and step.material is None and not (info is not None and info.category == "tool") \
                and not (info is None and _is_tool_word(np)):
            # 「右手伸进面团里抓一把」「手伸进灯身里头」: what a hand reaches into is what it works (a vessel
            # reached into stays the tool: 「手伸进缸里搅」)
            step.material = np
            if step.tool == np:
                step.tool = None
        elif (info is not None and info.category == "tool") or (info is None and (
                _is_tool_word(np) or inside or (dest is not None and np[-1] in FRAME_HEADS))):
            # (s27-tool: a frame the thing ends up on after the verb, 「画布绷在木框上」, is what the work is done on,
            # words.FRAME_HEADS; not one named before the verb, 「往窗框上刷漆」: there it is what is worked)
            if step.tool is None and topic is not None and topic_at < place_at and step.material is None \
                    and not _is_body(spec, topic[0]) and not info_is_person(topic) and (
                        (topic[1] is None and _is_tool_word(topic[0])) or (topic[1] is not None and topic[1].category == "tool")):
                # 「帘子往槽里一插」「模子漂在水坑里」: an implement named before the verb that goes into the
                # place is what the work is done with; the trough or pool is only where
                step.tool, topic = topic[0], None
            elif step.tool is None:
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
    if topic is not None and not described and _head(topic[0]) == "火" and len(topic[0]) >= 2 \
            and (topic[1] is None or topic[1].category != "material") \
            and (step.surface or "")[:1] not in "烧生点升着旺灭":
        # 「小火熬一个钟头」「大火蒸」: the fire said before the verb is what heats, never what is heated
        # (「炉火烧旺了」: the fire itself burns)
        if step.tool is None:
            step.tool = topic[0]
        topic = None
    if topic is not None and not described and object_np is not None and step.material == object_np[0] \
            and action_idx is not None and topic_at < action_idx and _is_body(spec, object_np[0]) \
            and not _is_body(spec, topic[0], True) and not info_is_person(topic) and not _is_tool_word(topic[0]) \
            and (topic[1] is None or topic[1].category == "material") and not HAND_CHARS.intersection(topic[0]):
        # 「鱼剖开肚子」「鸡褪掉毛」: a thing named before a verb whose object is a body part (its own part)
        # is what is worked, the part only where
        step.material, topic = topic[0], None
    if not described and not has_object and ba_obj is None and lead_word is None \
            and action_idx is not None and kinds[action_idx] in ("V", "T"):
        # 「上甑蒸」「上磨石磨」「米泡透了上笼屉蒸」: the same put-onto 上/下 before a noun jieba leaves untagged
        # or the lexicon lists (one or two tokens), opening the clause or after V了
        a = action_idx - 1
        while a > s and a >= action_idx - 2 and words[a - 1] not in ("上", "下"):
            a -= 1
        if a > s and a < action_idx and words[a - 1] in ("上", "下") and (topic is None or topic_at < a - 1) and (
                a - 1 == s or kinds[a - 2] in ("M", "P") or words[a - 2] == "了" or words[a - 2][:1] == "第"
                or dict.get(POS_TAGS.roles, words[a - 2], "")[:1] in ("t", "d", "c")) \
                and all(kinds[k] == "N" or (kinds[k] == "T" and k in term_at and term_at[k].category in ("tool", "material"))
                        or (kinds[k] is None and dict.get(POS_TAGS.roles, words[k], "") in BARE_OBJECT_TAGS)
                        for k in range(a, action_idx)):
            vessel = "".join(words[a:action_idx])
            named = term_at[a].canonical if a + 1 == action_idx and a in term_at else vessel
            if not _is_body(spec, vessel, True) and step.tool in (None, vessel, named):
                step.tool = vessel
                if step.material == vessel:
                    step.material = None
                step.tool = named
                if spec_topic is not None and spec_topic[0] in (vessel, named):
                    spec_topic = None
    if topic is not None and not described and step.tool is None and not has_object and ba_obj is None \
            and action_idx is not None and s < topic_at < action_idx and words[topic_at - 1] in ("上", "下") \
            and (topic_at - 1 == s or kinds[topic_at - 2] in ("M", "P") or words[topic_at - 2][:1] == "第"
                 or dict.get(POS_TAGS.roles, words[topic_at - 2], "")[:1] in ("t", "d", "c")) and kinds[action_idx] in ("V", "T") and not _is_body(spec, topic[0]) \
            and (topic[1] is None or topic[1].category in ("tool", "material")):
        # 「上甑子蒸」「下锅煮」: 上/下 opening the clause before a noun and a verb with no object of its own
        # is the verb 'put onto, into': the noun is the vessel or support the work is done in, a tool
        step.tool, topic = topic[0], None
    if topic is not None and not described and step.material is None:
        np, info = topic
        if not _is_tool_word(np) and not (info is not None and info.category != "material"):
            step.material = np  # 「银料搁银窝里」「米泡透了」: the topic is what is worked
            topic = None
    if modified_np is not None and step.material is None and topic is None and step.tool != modified_np:
        step.material = modified_np
    if result_np is not None and step.material is None and topic is None and spec_topic is None:
        step.material = result_np
    if body_topic is not None and not described and step.material is None and topic is None and not has_object \
            and ba_obj is None and lead_word is None:
        # 「两条胳膊往前平举」「两肘往下沉」: with no object, the limb named before the verb is what moves
        step.material = body_topic
    pair = step.material
    if not described and step.tool is None and lead_word is not None and pair is not None and len(pair) == 2 \
            and pair[0] in TOOL_HEADS and pair[1] in MATERIAL_HEADS and pair[1] not in TOOL_HEADS \
            and pair[0] not in MATERIAL_HEADS \
            and any(words[j] == lead_word and words[j + 1] == pair for j in range(s, min(e, len(words) - 1))):
        # 「拿针线缝」「用笔墨描」: a pair of an instrument and the stuff it lays (针 + 线) taken in hand: the
        # stuff is used up in the work, the instrument is what works
        step.tool = pair[0]
    if not described:
        _mark_open_terms(doc, s, e, step)
    if not described and step.material is None and not has_object and ba_obj is None and lead_word is None \
            and (topic is not None or spec_topic is not None) \
            and not any(words[j] in MOTION_WORDS or words[j][:1] in "往朝向" for j in range(s, e + 1)):
        # 「琵琶是横抱的」「艾条点着了」「勾牌挂在左手上」: a thing named before a verb that takes no
        # object of its own and moves nothing along a path is what the verb works on, not what with
        # (「刮痧板蘸点油」 has its object, 「刀斜着往里进」 a path: the thing is the tool there)
        # (only a thing whose name does not say tool: 槌, 刀, 针 are instruments by their head; but one headed by
        # an instrument played or a board, 「笛子吹起来」「隔板一抽」「板子先锯好」, is itself worked, unless its name
        # says the very work, 「刮板轻轻刮」「压板压住」: s27-material)
        held = topic if topic is not None and (topic[1] is not None or _head(topic[0]) in _PLAYED_OR_BOARD_HEADS) \
            else spec_topic
        if held is not None and step.tool in (None, held[0]) and (not _is_tool_word(held[0]) or (
                _head(held[0]) in _PLAYED_OR_BOARD_HEADS and (step.surface or "")[:1] not in held[0])):
            step.material, step.tool = held[0], None
            topic = None
        changed = topic if topic is not None and topic_at < (action_idx if action_idx is not None else e + 1) \
            else spec_topic
        if changed is not None and step.material is None and step.tool in (None, changed[0]) \
                and changed[0][-2:] not in ABRASIVE_SHEETS \
                and ((len(step.surface or "") >= 2 and step.surface[-1] in STATE_RESULTS) or (
                    action_idx is not None and action_idx < e and words[action_idx + 1] in STATE_RESULTS)
                     or _state_after_de(doc, action_idx, e)):
            # 「锅烧热」「刀磨快了」: a verb with a result of state and no object changes the thing named
            # before it, which is then what is worked, even an instrument
            step.material, step.tool = changed[0], None
            topic = None
    if not described and action_idx is not None and step.tool is None and len(words[action_idx]) <= 2 \
            and words[action_idx][:1] in FILL_VERBS and action_idx < e:
        j = action_idx + 1
        w = words[j] if j not in qmap else qmap[j].raw  # (「装两坛」: a count of vessels, one quantity token)
        vessel = w[1] if len(w) == 2 and w[0] in NUMERAL_CHARS and w[1] in VESSEL_CLASSIFIERS else (
            words[j + 1] if w in NUMERAL_CHARS and j < e and words[j + 1] in VESSEL_CLASSIFIERS else None)
        after = j + 1 if len(w) == 2 else j + 2
        if vessel is not None and (after > e or kinds[after] not in ("N", "T")):
            # 「先盛一碗供上」「舀一瓢浇下去」: a vessel said as the measure filled, with no stuff named after it, is
            # the vessel the verb fills (the tool)
            step.tool = vessel
            if step.material == vessel:
                step.material = None
    if not described and action_idx is not None and step.tool is None and step.material is not None \
            and len(words[action_idx]) == 1 and words[action_idx] in FILL_VERBS and len(step.material) <= 2 \
            and step.material[:1] in VESSELS_ENTERED and step.material[1:] in ("", "子") \
            and action_idx < e and words[action_idx + 1] == step.material:
        # 「装缸」「装坛子」「盛碗里」: what a filling verb takes right after it, a vessel, is what it fills: the tool
        step.tool, step.material = step.material, None
    if topic is not None and not described and action_idx is not None and topic_at < action_idx \
            and not _named_as_place(doc, topic_at, topic[0]) and _handled_topic(step, topic):
        topic = None
    elif topic is None and not described and action_idx is not None and step.tool is not None \
            and step.material is None and lead_word is None:
        # 「手绢往上一抛」: the lexicon's tool term opening the clause is its topic, read by _read_unit
        t = next((i for i in range(s, action_idx) if kinds[i] == "T" and i in term_at
                  and term_at[i].canonical == step.tool), None)
        if t is not None and not any(words[i] in OBJECT_MARKERS or words[i] in TOOL_LEAD for i in range(s, t)) \
                and not _named_as_place(doc, t, words[t]):
            _handled_topic(step, (step.tool, term_at[t]))
    if topic is not None:
        _topic_slot(step, topic, chosen, described)


def _named_before(doc: Doc, term_at: dict, s: int, b: int, name: str, lead_at: int, lead_end: int) -> bool:
    """``name`` (a step's material) is a lexicon term said in the unit before token b (its 把), as said or by its
    canonical name, and not inside what 拿/用 took (tokens lead_at..lead_end: 「拿酒精棉球把…擦」)."""
    return any(k in term_at and (term_at[k].canonical == name or doc.words[k] == name)
               and not lead_at <= k < lead_end for k in range(s, b))


def _doubled_noun(doc: Doc, k: int, e: int):
    """A one-character word said twice, then a noun (「坨坨肉」: jieba cuts apart the doubled word it lacks), at token k
    where a noun must stand (after 的): (the three as one noun, None, index after), or None."""
    words, kinds = doc.words, doc.kinds
    if k + 2 <= e and len(words[k]) == 1 and words[k + 1] == words[k] and kinds[k] is None and kinds[k + 1] is None \
            and kinds[k + 2] == "N":
        return words[k] + words[k + 1] + words[k + 2], None, k + 3
    return None


def _sized_object(doc: Doc, term_at: dict, j: int, e: int):
    """After the verb, token j opens a size — a quantity and a size word (三寸见方, 两寸长), or after how many (a
    numeral with its measure word jieba tags m/mq/q: 一张, 一片) a noun and a size word (巴掌大) — then 的 and a noun:
    that noun, the object (noun, lexicon info or None, index after it), or None."""
    words, kinds = doc.words, doc.kinds
    k = j
    while k < e and kinds[k] is None and dict.get(POS_TAGS.roles, words[k], "") in ("m", "mq", "q"):
        k += 1
    if k + 2 > e:
        return None
    if kinds[k] == "Q" and words[k + 1] in SIZE_WORDS:
        k += 3  # (a quantity, a size word, 的)
    elif k > j and kinds[k] in ("N", "T") and words[k + 1] in SIZE_WORDS:
        k += 3  # 「一张巴掌大的」: after how many, a thing the size is said by is no object
    else:
        return None
    if k > e or words[k - 1] != "的":
        return None
    got = _doubled_noun(doc, k, e) or _noun_phrase(doc, term_at, k, e, body=True)
    return got if got[0] is not None else None


def _place_owner(doc: Doc, term_at: dict, j: int, e: int):
    """After the verb, token j opens a place before 的: a word of place jieba tags s/f then 的 (「手上的穴位」: the
    noun after 的, as ``_located_head`` reads it), or a locative, a noun and 的 (「前手的虎口」: the noun, whose 的
    the caller reads). (noun, lexicon info or None, index after it), or None."""
    words, kinds = doc.words, doc.kinds
    if words[j + 1] == "的":
        got = _located_head(doc, term_at, j, e, (None, None, j), body=True)
        return got if got[0] is not None else None
    if j + 2 < e and dict.get(POS_TAGS.roles, words[j], "") == "f" and kinds[j + 1] in ("N", "T"):
        got = _noun_phrase(doc, term_at, j + 1, e, body=True)
        if got[0] is not None and got[2] < e and words[got[2]] == "的":
            return got
    return None


def _struck_with_along(spec: Spec, doc: Doc, path: int, topic, topic_at: int, ba_obj, lead_tool, lead_at: int,
                       lead_info, place):
    """A striking verb after a path 往… (token ``path``): what moves along it and strikes — named by 把 or taken
    in hand before the path (拿/用), or the noun opening the clause — when its name or the lexicon says implement
    (words.TOOL_HEADS: 扇子, 槌), or it was taken in hand; stuff or a body part thrown down (「把泥巴往板上一摔」
    「手往桌上一拍」) is no such thing. (thing, target or None): the target is the noun the path names (``place``), not
    the ground, a place word, a body part or a person. None where no such thing moves."""
    if ba_obj is not None:
        thing, info = ba_obj
        held = False
    elif lead_tool is not None and lead_at < path:
        thing, info, held = lead_tool, lead_info, True
    elif topic is not None and topic_at < path:
        thing, info = topic
        held = False
    else:
        return None
    if _is_body(spec, thing) or info_is_person((thing, info)) or not (
            held or (_is_tool_word(thing) if info is None else info.category == "tool")):
        return None
    target = None
    if place is not None:
        np, pinfo, inside = place
        if not inside and np != thing and np not in GROUND_WORDS and not _is_place_word(np) \
                and not _is_body(spec, np, True) and not info_is_person((np, pinfo)) \
                and (pinfo is None or pinfo.category not in ("body", "action")):
            target = np
    return thing, target


def _body_at_place(spec: Spec, doc: Doc, term_at: dict, s: int, a: int, place, topic, topic_at: int, spec_topic,
                   body_topic) -> bool:
    """The body itself moves to or presses on the place ``place`` (``_open_read``'s: noun, info, inside) of the
    unit s.. whose verb is at a: a body part named before the verb as its topic (「脚套进…」; a word after a body
    term, 「拇指肚儿」), or with no topic a hand or limb named there (「左手在…上按」). Not a posture verb
    (words.POSTURE_VERBS: what one sits or stands on is a support), nor where the place is itself a body part, the
    ground, a place word or a person, nor a vessel gone into."""
    words, kinds = doc.words, doc.kinds
    np, info = place[0], place[1]
    if words[a][:1] in POSTURE_VERBS:
        return False  # 「盘腿坐到草垫子上」「人站在磨盘上」: what one sits or stands on is a support (the tool)
    if _is_body(spec, np, True) or np in GROUND_WORDS or _is_place_word(np) or info_is_person((np, info)) \
            or (info is not None and info.category in ("body", "action")):
        return False
    if place[2] and (_is_tool_word(np) if info is None else info.category == "tool"):
        return False  # 「手伸进缸里搅」: a vessel the hand goes into stays what the work is done in
    if topic is not None:
        if topic_at >= a:
            return False
        if _is_body(spec, topic[0]):
            return True
        b = topic_at - 1
        return b >= s and (kinds[b] == "H" or (b in term_at and term_at[b].category == "body"))
    if spec_topic is not None:
        return False
    return body_topic is not None or any(kinds[k] == "H" for k in range(s, a))


def _split_object_name(spec: Spec, doc: Doc, j: int, e: int) -> bool:
    """「念诵祭词」「敲响引磬」: after a two-character verb, one character jieba tags a verb and one it tags a noun,
    closing the clause, are one name jieba cut apart (祭|词, 引|磬), the verb's object, not a second verb with its
    own object: the verb before takes an object (its second character is no noun: 卖身, 打眼 have theirs, 「卖身葬父」
    「打眼扣榫」 are two verbs), the verb character is no hand, putting or striking verb, direction or action of the
    lexicon, and the noun no stuff a one-character verb adds or works (「搅拌加水」「揉匀上油」 keep their second verb)."""
    words, kinds = doc.words, doc.kinds
    if j >= e or kinds[j] != "V" or kinds[j + 1] != "N" or len(words[j]) != 1 or len(words[j + 1]) != 1:
        return False
    if j + 2 <= e and kinds[j + 2] != "P":
        return False
    v, n = words[j], words[j + 1]
    if v in CONTEXT_HAND_VERBS or v in PUT_VERBS or v in HANDLED_VERBS or v in STRIKE_VERBS or v in DIRECTION_CHARS \
            or v in spec.terms or n in MATERIAL_HEADS or n in TOOL_HEADS or n in MEDIUM_HEADS:
        return False
    return spec.pos_tags().get(words[j - 1][-1:], "n")[:1] != "n"


def _state_after_de(doc: Doc, v, e: int) -> bool:
    """「锅烧得通红」「刀磨得飞快」「铜片烧得滚烫」: the verb at v, then 得 (jieba may glue it to the verb: 烧得), then
    a state (a word ending in a result of state, ``words.STATE_RESULTS``, or one jieba tags a state word, 通红/z,
    滚烫/z), after at most one degree adverb (很, 挺): the state the thing named before the verb is brought to."""
    if v is None or v >= e:
        return False
    words = doc.words
    j = v + 1
    if words[v][-1:] != "得" or len(words[v]) < 2:
        if words[j] != "得":
            return False
        j += 1
    if j <= e and words[j] in DEGREE_ADVERBS:
        j += 1
    if j > e or doc.kinds[j] == "P":
        return False
    w = words[j]
    return (w[-1] in STATE_RESULTS and len(w) <= 2) or dict.get(POS_TAGS.roles, w, "") == "z"


def _named_as_place(doc: Doc, i: int, np: str) -> bool:
    """The noun np said from token i has a locative right after it (「蒸笼里放上…」「案板上摆…」): where, not what
    is put."""
    words = doc.words
    said, j = "", i
    while j < len(words) and len(said) < len(np):
        said += words[j]
        j += 1
    rest = said[len(np):] if said.startswith(np) else ""
    if rest:
        return rest in LOCATIVES or rest in LOCATIVE_SUFFIX
    return j < len(words) and (words[j] in LOCATIVES or words[j] in LOCATIVE_SUFFIX)


def _handled_topic(step: Step, topic) -> bool:
    """「琵琶竖放在琴架上」「盘子往桌上一扣」「手鼓斜挎在肩上」: a vessel, instrument or prop named before a verb that
    puts, hangs, throws or grips it (``words.HANDLED_VERBS``), with nothing else worked, is the thing moved: the
    material, even where its name or the lexicon says tool (an implement that works another thing stays the tool:
    「刀斜着往里进」)."""
    np, info = topic
    if step.material is not None or step.tool not in (None, np) or _is_working_tool(np):
        return False
    if not ((info is not None and info.category == "tool") or (info is None and _is_tool_word(np))):
        return False
    if not any(c in HANDLED_VERBS for c in (step.surface or "")[:2]):
        return False
    step.material, step.tool = np, None
    return True


def _struck_instrument(step: Step) -> None:
    """「左手打着竹板」「拿两块铜板打拍子」「以鱼鼓击节」: what a striking verb (``words.STRIKE_VERBS``) takes in
    hand or strikes, an instrument, vessel or prop and no implement that works another thing, is what is played:
    the material, where the clause names no other thing struck (only a beat kept: 节拍, 拍子, 鼓点) and
    no place it strikes."""
    tool, surface = step.tool, step.surface or ""
    if tool is None or surface[:1] not in STRIKE_VERBS or _is_working_tool(tool) or not _is_tool_word(tool) \
            or step.relation is not None:
        return  # (「拿扇子往桌上一敲」: what a place phrase names is struck, the thing in hand strikes it)
    if surface[1:] == tool:
        if tool not in STRUCK_HEADS:
            return  # (a verb-object word names what it plays only with an instrument struck: 打板, not 打斗)
    elif surface[1:] not in STRIKE_ENDINGS:
        return  # (「打眼」「打磨」 name other work; 击节, 敲响, 敲打 still strike)
    if step.material is None or step.material[-1] in BEAT_CHARS or step.material in BEAT_WORDS:
        step.material, step.tool = tool, None


def _topic_slot(step: Step, topic, chosen, described: bool) -> None:
    """The noun named before the verb that no rule took (``_open_read``'s last): the tool where its name or the
    lexicon says so, a material the lexicon knows where the verb was read here."""
    np, info = topic
    if (info is not None and info.category == "tool") or (info is None and _is_tool_word(np)):
        if step.tool is None and (chosen is not None or not described):
            step.tool = np  # 「刀斜着往里进」「刮痧板蘸点油」
    elif step.material is None and chosen is not None and info is not None and info.category == "material":
        step.material = np  # 「糖稀熬到…」 (a material the spec knows, before a verb read here)


def _worked_topic(spec: Spec, topic) -> bool:
    """The topic names a thing that can be worked: no implement (by its name or the lexicon), no body part, no
    person (「锥子扎个眼」「手指头掐个印」「师傅刻出花来」 keep the verb's object)."""
    np, info = topic
    if info is not None:
        return info.category == "material"
    return not _is_tool_word(np) and not _is_body(spec, np) and not _is_body(spec, np, True) \
        and not info_is_person(topic)


def _subject_person(doc: Doc, s: int, e: int, np: str) -> bool:
    """``np`` (X手, X工, X生, X家: ``words.SUBJECT_PERSON_SUFFIXES``, ``persons.person_shaped``) stands in the unit
    where a subject stands (``persons.SUBJECT_POSITIONS``: the clause head, after 的, a count or 老/小), so it names
    who acts when a hand word or 们 follows it (before a verb or 就/都/也 too for X手: 「对面的骑手追过来」「小工两只手
    扶着」「学生们」); 花生 before a verb stays the thing."""
    tag = dict.get(POS_TAGS.roles, np, "")
    if not person_shaped(np, tag):
        return False
    if np[-1] == "手" and tag in ("n", "nr"):
        return True  # jieba's dictionary nouns X手 (骑手, 射手, 弓箭手, 舵手): people, wherever they stand
    words, kinds = doc.words, doc.kinds
    for i in range(s, min(e + 1, len(words) - 1)):
        if words[i] != np or person_position(words, kinds, i, s) not in SUBJECT_POSITIONS:
            continue
        nxt, nk = words[i + 1], kinds[i + 1]
        if nk == "H" or nxt == "们":
            return True
        if np[-1] == "手" and (nxt in SUBJECT_NEXT_WORDS or nk == "V" or (
                nk == "T" and dict.get(POS_TAGS.roles, nxt, "")[:1] == "v")):
            return True
    return False


def _drop_persons(spec: Spec, doc: Doc, s: int, e: int, step: Step) -> None:
    """Who acts is never the step's tool or material, whatever put it there (a verb's object, a place, a topic, a
    term of another reading): 「东郎右手握着长刀」「对面的骑手追过来」「大夫左手拿…」 (nlp-persons). A longer word
    ending in a person (「铺上席子病人趁热…」, two nouns glued in text with no punctuation) keeps its first noun."""
    terms = spec.terms
    material, tool = step.material, step.tool
    if (material is None or material in terms) and (tool is None or tool in terms):
        return  # (a name the lexicon lists is never who acts: most steps end here, before the per-field walk)
    for field in ("material", "tool"):
        np = getattr(step, field)
        if np is None or np in terms:
            continue
        if len(np) <= 3:
            if info_is_person((np, None)) or _subject_person(doc, s, e, np):
                setattr(step, field, None)
            continue
        for k in (3, 2):
            tail, head = np[-k:], np[:-k]
            if len(head) >= 2 and tail not in spec.terms and info_is_person((tail, None)):
                # 「席子病人」 → 席子; 「落地后生」 (a verb first) → nothing
                keep = dict.get(POS_TAGS.roles, head, "")[:1] == "n" and not info_is_person((head, None))
                setattr(step, field, head if keep else None)
                break

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
            info = dict.get(term_at, j)
            if (info is not None and info.category == "action") or doc.kinds[j] == "V":
                break  # (a verb the lexicon does not know ends the phrase too: 「往里头灌釉」 is where, then what)
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


_JOIN_CHAR = re.compile("[%s]" % "".join(sorted({c for w in JOIN_WORDS for c in w})))
_join_char_search = _JOIN_CHAR.search  # (bound once: compiled, ``_JOIN_CHAR.search(…)`` looks the method up per step)


def joined_things(spec: Spec, doc: Doc, term_at: dict, norm: str, step: Step) -> None:
    """「把糯米跟红豆一起泡」「用竹篾和铁丝扎」「塞进艾叶、丁香」「香油跟黄丹倒进锅里」: a noun joined by a
    conjunction or the listing comma (``JOIN_WORDS``) to the step's tool or material, as said in the step's own
    clause, is a second thing the same verb works: the field keeps both, in the order said, as 「A、B」 (one
    string: the JSON contract's field stays a string). Not a comparison or relation after the pair (「跟头发丝一样」,
    ``JOIN_COMPARISONS``), a pair that only describes the noun after 的 (「额头与鼻梁的白线」), a body part, a
    person or a place joined to the thing, nor a thing the step only carried over from the clause before."""
    if step.start < 0 or (not step.material and not step.tool) \
            or _join_char_search(norm, max(0, step.start - 2), step.end + 2) is None:
        return  # (a joined thing stands right beside the name said in the step's span: no join word there, none)
    words = doc.words
    n = len(words)
    for slot in ("material", "tool"):
        name = getattr(step, slot)
        if not name or step.start < 0 or "、" in name:
            continue
        found = _said_in_step(doc, term_at, norm, step, name)
        if found is None:
            continue
        a, b = found
        if _is_body(spec, name) and not _verb_object(doc, step, a):
            continue  # 「嘴跟吹口斜着」「大腿跟地面平」: a body part not the verb's object is how it stands to a thing
        last = _clause_last(doc, b)
        after, before = [], []
        k = b
        while k <= last and words[k] in JOIN_WORDS and words[k] != step.surface and len(after) < 3:
            # (「拿冷开水和成团」: 和 is the step's own verb there, no conjunction)
            part = _joined_part(spec, doc, term_at, k + 1, last)
            if part is None:
                break
            np, k = part
            after.append(np)
        if after and k < n and (words[k] in JOIN_COMPARISONS or words[k] == "的"):
            after = []
        k = a
        while k - 2 >= 0 and words[k - 1] in JOIN_WORDS and len(before) < 3:
            part = _joined_before(spec, doc, term_at, k - 2)
            if part is None:
                break
            np, k = part
            before.insert(0, np)
        if before and b < n and (words[b] in JOIN_COMPARISONS or words[b] == "的"):
            before = []
        parts = [p for p in before + [name] + after if p]
        if len(parts) < 2 or len(set(parts)) < len(parts):
            continue
        other = step.tool if slot == "material" else step.material
        if other and other in parts:
            continue
        setattr(step, slot, "、".join(parts))


def _verb_object(doc: Doc, step: Step, a: int) -> bool:
    """The noun at token a is the object right after the step's verb (「抓住对方的肩膀」: an owner and 的 between)."""
    i = a - 1
    if i >= 2 and doc.words[i] == "的":
        i -= 2
    return i >= 0 and bool(step.surface) and doc.words[i].endswith(step.surface)


def _said_in_step(doc: Doc, term_at: dict, norm: str, step: Step, name: str):
    """(first token, token after) of ``name`` (a term's canonical name or the text itself) said inside the step's
    span, or None."""
    starts = doc.starts
    lo, hi = bisect_left(starts, step.start), bisect_left(starts, step.end)
    for i in range(lo, min(hi, len(doc.words))):
        info = dict.get(term_at, i)
        if info is not None and info.canonical == name:
            return i, i + 1
        if str.startswith(norm, name, starts[i]):  # (compiled, str's own C function: no method looked up per token)
            j = bisect_left(starts, starts[i] + len(name), i + 1)
            if j < len(starts) and starts[j] == starts[i] + len(name):
                return i, j
    return None


def _clause_last(doc: Doc, j: int) -> int:
    """The last token of the clause that goes on at token j (a listing comma 、 does not end it)."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    while j < n and not (kinds[j] == "P" and words[j] != "、"):
        j += 1
    return j - 1


def _joined_thing(spec: Spec, np: str, info) -> bool:
    """A noun that may be a second thing worked: not a body part, a person, a place or a word of no thing."""
    return not (_is_body(spec, np, True) or info_is_person((np, info)) or _is_place_word(np) or np in STOP_NOUNS
                or np in PART_WORDS or (info is not None and info.category not in ("tool", "material")))


def _joined_part(spec: Spec, doc: Doc, term_at: dict, j: int, last: int):
    """(noun, index after it) of the thing said at token j after a joining word, or None."""
    if j > last:
        return None
    words, kinds = doc.words, doc.kinds
    info = dict.get(term_at, j)
    if (kinds[j] in ("V", "T") or words[j] in COMPLEMENTS) and not (
            info is not None and info.category in ("tool", "material")):
        return None  # 「配颜色、过梭」: a verb after the comma opens a clause of its own
    np, info, after = _noun_phrase(doc, term_at, j, last)
    if np is None:
        w = words[j]
        if kinds[j] in (None, "N") and len(w) >= 2 and dict.get(POS_TAGS.roles, w, "")[:1] == "n" and w not in SKIP:
            np, info, after = w, None, j + 1  # 「艾叶、丁香」: a noun jieba knows, untagged here
        else:
            return None
    if after - j > 3 or not _joined_thing(spec, np, info) or (after - 1 > j and words[after - 1] in JOIN_COMPARISONS) \
            or (info is None and len(np) > 2 and np[-1] in JOIN_COMPARISONS) \
            or any(_is_body(spec, words[t], True) for t in range(j + 1, after)):
        # (「大腿跟地面平」 read as one noun phrase: a comparison all the same; 「腰带脚底下」 with no punctuation:
        # the body part after the thing opens the next clause)
        return None
    return np, after


def _joined_before(spec: Spec, doc: Doc, term_at: dict, j: int):
    """(noun, its first token) of the thing that ends at token j before a joining word, or None: the longest noun
    phrase (up to three tokens) that ends there."""
    words, kinds = doc.words, doc.kinds
    best = None
    for s in range(j, max(-1, j - 3), -1):
        if kinds[s] == "P" or words[s] in JOIN_WORDS:
            break
        np, info, after = _noun_phrase(doc, term_at, s, j)
        if np is None or after != j + 1:
            if s == j:
                w = words[j]
                if kinds[j] in (None, "N") and len(w) >= 2 and dict.get(POS_TAGS.roles, w, "")[:1] == "n" and w not in SKIP:
                    best = (w, None, j)
                    continue
            break
        if best is not None and np == best[0]:
            break  # (token s was skipped, a numeral or a complement: no part of the name)
        best = (np, info, s)
    if best is None or not _joined_thing(spec, best[0], best[1]):
        return None
    k = best[2] - 1
    tag = dict.get(POS_TAGS.roles, words[k], "") if k >= 0 else ""
    if k >= 0 and (kinds[k] in ("N", "R") or (kinds[k] is None and (tag[:1] == "n" or tag in ("t", "b", "u")))):
        # 「冬稻茎」「与之结为夫妇」: the phrase goes on before (a modifier, an object pronoun's particle), it is no
        # whole name here; 「在秋收、谷子进仓后」: after a place or time preposition the pair says when or where
        return None
    return best[0], best[2]
