"""Carrying across steps, after every unit is read: a tool taken in hand stays held over the following steps of
the sentence (``_carry_held_tool``, ``_hand_of_held_tool``), a worn tool (``_carry_worn_tool``), serial roles, a
dropped object and the hand said once (``_carry_hand``). Constants live in ``words.py``."""
from __future__ import annotations

import re
from bisect import bisect_left

from .spec import Spec
from .tokens import Step, _head, _is_body, _is_body_motion, _is_material_word, _is_speech, _is_tool_word
from .words import (ARM_WORDS, ATTACH_VERBS, BIND_VERBS, BODY_OBJECT_CHARS, COMPLEMENTS, CONSUMED_HEADS,
                    CONTEXT_HAND_VERBS, CONTINUE_MARKERS, FILLER_CHARS, FOLLOW_LEADS, FULL_STOPS, GRASP_VERBS, INSTRUMENT_HEADS, INSTRUMENT_LEADS,
                    LIMB_MOVERS, LOAD_VERBS, MATERIAL_HEADS, MEDIUM_HEADS, NEGATIONS, OWN_OBJECT_CHARS,
                    PERFORMED_SUFFIX, PERFORMING_LIMBS, PIECE_CLASSIFIERS, PINCH_VERBS, POUR_CHARS, PUT_VERBS,
                    RESULT_COMPLEMENTS, SENTENCE_ENDS, SPEECH_VERBS, SPRINKLE_VERBS, STATE_RESULTS, STRIKE_ENDINGS, STRIKE_WITH_VERBS,
                    STRIKE_VERBS, STRUCK_HEADS, SWAP_VERBS, SWINGING_LIMBS, TOOL_HEADS, TOOL_LEAD, TREAT_VERBS,
                    VESSEL_CLASSIFIERS, VESSEL_ENTRY, WEAR_VERBS, WORKING_HEADS, _HOLD_BEFORE, _LEAD_IN, _OPENING)

# a sentence end in a string, found by a scan in C (a walk over its characters makes and hashes a string per
# CJK character)
_SENTENCE_END = re.compile("[%s]" % "".join(sorted(map(re.escape, SENTENCE_ENDS))))


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
    if norm and spec is not None:
        _held_thing_used(spec, steps, norm)
    for p, q in zip(steps, steps[1:]):
        held = p.tool or p.material
        if norm and held and p.surface in TOOL_LEAD and p.surface not in INSTRUMENT_LEADS and q.put_at \
                and q.material is None and q.tool in (None, held) and not q.subject and not q.role \
                and q.hand in (None, p.hand) and p.end >= 0 and q.start >= p.end \
                and _SENTENCE_END.search(norm[p.end:q.start]) is None:
            # 「左手拿两块铜板,夹在指头缝里」: what is taken up, then put somewhere by a verb with no object
            # of its own, is what that verb puts there (the place is a support, not what is worked)
            q.material, q.tool = held, None
            continue
        if spec is not None and norm and p.surface in TOOL_LEAD and p.surface not in INSTRUMENT_LEADS \
                and p.tool is None and p.material and q.tool is None and q.material is None \
                and q.relation is not None and not q.subject and not q.role and q.hand in (None, p.hand) \
                and (q.surface or "")[:1] not in PUT_VERBS and (q.surface or "")[:1] not in ATTACH_VERBS \
                and q.surface not in TOOL_LEAD and p.end >= 0 and q.start >= p.end \
                and _SENTENCE_END.search(norm[p.end:q.start]) is None \
                and _head(p.material) not in CONSUMED_HEADS and _head(p.material) not in MEDIUM_HEADS \
                and not _is_body(spec, p.material) \
                and not (p.material in spec.terms and spec.terms[p.material].category != "tool"):
            # 「拿起烙铁,顺着线慢慢烫」: a thing taken up alone, then a verb that names nothing of its own
            # but where it goes (顺着/往/在…), is what that verb works with, whatever its name's head
            # (not stuff that is used up, nor a thing the lexicon calls a material, nor one put or stuck
            # somewhere: 「拿起一张纸,往墙上一贴」)
            p.tool, p.material = p.material, None
        if (p.surface in TOOL_LEAD or p.action in TOOL_LEAD or p.surface in SWAP_VERBS) and p.tool \
                and q.tool is None \
                and (q.hand is None or q.hand == p.hand) and q.material != p.tool \
                and not _moves_own_limb(q, norm):
            # (not onto a step whose subject is a limb that holds nothing: 「右手握着刻刀,左脚往前迈一步」)
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
            if q.start < last.end or _SENTENCE_END.search(norm[last.end:q.start]) is not None \
                    or q.subject or q.role or (q.hand is not None and q.hand != p.hand) \
                    or (q.surface or "")[:1] in PUT_VERBS or (q.surface or "") in TOOL_LEAD or q.material == p.tool \
                    or (q.surface or "")[:1] in SPEECH_VERBS or _moves_own_limb(q, norm):
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


_CLAUSE_BREAKS = re.compile("[,，;；:：]")


def _held_thing_used(spec: Spec, steps: list[Step], norm: str) -> None:
    """「右手拿根筷子,在碟边上轻轻点」「端着木桶,一进一出地接鼓声」: a thing taken in hand that the holding step
    reads as its object (its name does not say tool), then the next step of the same sentence and hand
    working another thing of its own, is what that step works with: the tool of both.

    Not stuff, a medium or a thing the lexicon calls a material (「拿一张纸,剪个花样」: the paper is cut), not a
    body part or a person, not onto a step that puts, sticks or takes up again, nor onto one with a subject,
    another hand, a limb of its own, words said or the whole body moving, nor onto one whose own object is an
    instrument (that is handled itself). Steps between that still work the
    held thing (「一进一出」) are passed over; a vessel held and then poured or splashed from (「端起盆子泼过去」)
    holds what is worked.

    「右手捏根筷子,嗒嗒敲两下」「鼓签子捏在指头缝里,手腕一抖,轻轻敲」: a thing held (also pinched: 捏) and then
    struck with by the next verb of the sentence, one that strikes (``STRIKE_WITH_VERBS``) and names nothing of its
    own, is the striker, the tool of both (``_strikes_with_held``); an instrument or a vessel held is struck itself
    (「拿着小锣,敲两下」). A wrist or an arm swung between (``words.LIMB_MOVERS``: 手腕一抖) is the holding hand's."""
    pos = spec.pos_tags()
    for n, p in enumerate(steps):
        x = p.material
        if p.surface in PINCH_VERBS:
            if p.tool is None and x and p.end >= 0:
                _strikes_with_held(spec, steps, n, norm)
            continue
        if p.surface in GRASP_VERBS and p.tool is None and x and p.end >= 0 \
                and _strikes_with_held(spec, steps, n, norm):
            continue
        if p.surface not in GRASP_VERBS or p.tool is not None or not x or p.end < 0 \
                or _is_material_word(x) or _head(x) in CONSUMED_HEADS or _head(x) in MEDIUM_HEADS \
                or _is_body(spec, x) or _is_body(spec, x, True) or x[-1] == "人" \
                or (x in spec.terms and spec.terms[x].category not in ("tool", "technique")) \
                or not (x in spec.terms or pos.get(x, "")[:1] == "n" or pos.get(x[-2:], "")[:1] == "n"):
            continue  # (nor a name glued from other words: 「拿清水掺上香料」)
        if "一手" in norm[max(p.start - 4, 0):p.end] or "一只手" in norm[max(p.start - 5, 0):p.end]:
            continue  # 「一手端着茶盘,…」: the other hand does what comes next
        last = p
        for q in steps[n + 1:]:
            if q.start < last.end or _SENTENCE_END.search(norm[p.end:q.start]) is not None \
                    or _CLAUSE_BREAKS.findall(norm, p.end, q.start)[1:] \
                    or (q.subject and not norm.startswith(FOLLOW_LEADS, q.start)) \
                    or q.role or q.hand not in (None, p.hand) or q.tool not in (None, x):
                break  # (the next clause only; 「跟着板眼…点」: what is followed is no subject)
            if q.material is None or x.startswith(q.material) or q.material.startswith(x):
                if q.tool is not None:
                    break
                last = q
                continue  # 「端着木桶,一进一出」: the held thing still moved
            if _is_tool_word(q.material) or (q.material in spec.terms and spec.terms[q.material].category == "tool"):
                break  # 「一手端着茶碗…把扇子往桌上一拍」: an instrument handled itself is in the other hand
            surface = q.surface or ""
            if surface[:1] in PUT_VERBS or surface[:1] in ATTACH_VERBS or surface[:1] in POUR_CHARS \
                    or surface in TOOL_LEAD or surface in GRASP_VERBS or _moves_own_limb(q, norm) \
                    or _is_body_motion(surface) or _speaks(q):
                break
            p.tool, p.material = x, None
            q.tool = x
            if q.hand is None:
                q.hand = p.hand
            break


def _strikes_with_held(spec: Spec, steps: list[Step], n: int, norm: str) -> bool:
    """「右手捏根筷子,嗒嗒敲两下」「琴竹捏在虎口里,手腕子一抖,轻轻敲」「攥着木棍,使劲砸」: step n holds a thing (its
    material) and the next step of the sentence and hand that works anything strikes with it (its verb a character
    of ``words.STRIKE_WITH_VERBS``, alone or with ``STRIKE_ENDINGS``: 敲, 敲打, 砸; not 拍, which pats the thing held as
    often, nor 磕/碰, which knock the things held together, nor a longer verb: 打开, 打转) and names no thing, no tool
    and no place it strikes of its own: the thing held is what strikes, the tool of both. Steps between that only
    swing the holding wrist or arm (``LIMB_MOVERS``, ``SWINGING_LIMBS``: 手腕一抖) are passed over. Not an instrument
    (``STRUCK_HEADS``, ``INSTRUMENT_HEADS``: 拿着小锣敲, played, the material), a vessel (``VESSEL_CLASSIFIERS``: 端着碗
    敲, the bowl is struck), a body part or the fist (``ARM_WORDS``), stuff used up or a medium. True where it read
    so."""
    p = steps[n]
    x = p.material
    if not x or _instrument(x) \
            or _head(x)[-1:] in VESSEL_CLASSIFIERS or _is_body(spec, x) \
            or _is_body(spec, x, True) or x in ARM_WORDS or _head(x) in ARM_WORDS \
            or _head(x) in CONSUMED_HEADS or _head(x) in MEDIUM_HEADS:
        # (「右手攥成拳头往下一砸」: the fist is the hand itself)
        return False
    last = p
    for q in steps[n + 1:]:
        if q.start < last.end or _SENTENCE_END.search(norm, last.end, q.start) is not None \
                or _CLAUSE_BREAKS.findall(norm, last.end, q.start)[1:] or q.role \
                or q.hand not in (None, p.hand) or q.tool is not None or q.relation:
            return False  # (the next clause only)
        m = q.material
        if m is not None and (m in LIMB_MOVERS or m in SWINGING_LIMBS):
            last = q
            continue  # 「手腕子一抖」: the holding hand's wrist swings what it holds (the limb is its subject)
        if q.subject:
            return False
        surface = q.surface or ""
        if m is not None or surface[:1] not in STRIKE_WITH_VERBS or surface[1:] not in STRIKE_ENDINGS:
            return False  # (「拿着铰子,磕着打拍子」: what is knocked together is played, no striker)
        at = norm.find(surface, max(q.start, 0), q.end)
        longer = norm[at:at + len(surface) + 1] if at >= 0 else ""
        if len(longer) > len(surface) and longer[len(surface):] not in STRIKE_ENDINGS \
                and spec.pos_tags().get(longer, "")[:1] == "v":
            return False  # 「端着匾子打转」: the verb said is a longer one (打转, 打开), no stroke
        p.tool, p.material = x, None
        q.tool = x
        if q.hand is None:
            q.hand = p.hand
        return True
    return False


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
                and p.end >= 0 and q.start >= p.end and _SENTENCE_END.search(norm[p.end:q.start]) is None:
            q.tool = p.material


def _carry_serial_roles(steps: list[Step], norm: str) -> None:
    """Two roles a step hands on to the next one (crafts not described in full):

    * 「竹条放火上烤」「哨片搁水里泡」: a putting step followed right away, with no pause, by a verb that
      names nothing of its own: that verb works the thing put, with the place (fire, vessel) as its tool;
    * 「刀磨快了再切」: an instrument brought to a state (热/红/快…) is what the next step of the same
      sentence works with, when that step names nothing of its own (「大锅烧热,再下糖」: the pot is where)."""
    for p, q in zip(steps, steps[1:]):
        if p.tool and not q.tool and p.end >= 0 and q.start >= p.end and len(p.surface or "") >= 2 \
                and p.surface[0] in VESSEL_ENTRY and p.tool in p.surface[1:] and q.surface \
                and q.surface[0] not in VESSEL_ENTRY and not norm[p.end:q.start].strip(" 里中内") \
                and q.hand in (None, p.hand):
            # 「上锅蒸」「下锅煮」「上臼里捣」: the vessel a verb-object step puts the thing in (上/下/进 + the
            # vessel) is where, with what, the verb said right after it works
            q.tool = p.tool
            continue
        if p.tool and not q.tool and p.end >= 0 and q.start >= p.end and not norm[p.end:q.start].strip() \
                and ((p.surface or "")[:1] in PUT_VERBS or (len(p.surface or "") == 2 and p.surface[1] == "进")) \
                and (q.surface or "")[:1] in TREAT_VERBS and q.hand in (None, p.hand) \
                and (not q.material or q.material == p.material or not p.material):
            # 「放锅里煮」「倒进染斗里泡」: put into a vessel and treated there at once: the vessel is where the
            # treating verb works, whether or not the thing put is named
            q.tool = p.tool
            if not q.material and p.material:
                q.material = p.material
            continue
        if p.end < 0 or q.start < p.end or not p.material or q.tool or q.material == p.material:
            continue
        between = norm[p.end:q.start]
        if not q.material and (p.surface or "")[:1] in PUT_VERBS and not between.strip() and q.hand in (None, p.hand):
            q.material = p.material
            if (q.surface or "")[:1] in TREAT_VERBS:
                q.tool = p.tool  # (the fire, the vessel; a support is not what 「搁在石板上捶」 beats with)
        elif p.tool is None and p.surface and not q.material and _is_tool_word(p.material) \
                and _SENTENCE_END.search(between) is None:
            said = norm[max(p.start, 0):p.end]
            at = said.find(p.surface)
            result = p.surface[-1] if len(p.surface) >= 2 else (
                said[at + len(p.surface)] if 0 <= at and at + len(p.surface) < len(said) else "")
            if result in STATE_RESULTS:
                q.tool = p.material


def _speaks(q: Step) -> bool:
    """The step says, sings or recites words (唱, 念完, 说); 背 is also to carry on the back."""
    return _is_speech(q.surface)


# 蘸/沾 load the tool or the thing in hand with what they name (「蘸胶一片一片贴上去」): the next step works
# the loaded thing, not what was dipped into; 放下/搁下… lay their thing aside (「把刷子放下,拿起錾子敲」)
DIP_CHARS = "蘸沾"
SET_DOWN = ("放下", "搁下", "撂下", "扔下", "放回", "搁回", "收起", "放一边", "放到一边", "搁一边")
# 「清水里漂」「锅上」: a noun right before a localizer is where, not what (not 上去/上来: 「贴上去」)
_PLACE_AFTER = re.compile("[里中内]|上(?![去来])")
_QUANT = "一二两三四五六七八九十几半个根把张块条片只支双对些每这那"
_INSTRUMENT_BEFORE = re.compile("(?:用|拿|使|以|借)着?[%s]*$" % _QUANT)


def _not_worked(p: Step, norm: str) -> bool:
    """The step's material is no thing it worked and would hand on: said as a place (X里, X上) or an
    instrument (用X, 拿X, outside the step's own verb) in its clause, dipped into (蘸X) or laid aside."""
    surface = p.surface or ""
    if surface[:1] in DIP_CHARS or surface.startswith(SET_DOWN):
        return True
    said = norm[max(p.start, 0):p.end]
    v = said.find(surface) if surface else -1
    tools = [(i, i + len(p.tool)) for i in _occurrences(said, p.tool)] if p.tool else []
    found = list(_occurrences(said, p.material))
    # an occurrence inside the tool's name is not the thing where another is (「鼓键子敲鼓」: the second 鼓)
    free = [at for at in found if not any(a <= at < b for a, b in tools)]
    for at in free or found:
        if _PLACE_AFTER.match(said, at + len(p.material)):
            continue
        lead = _INSTRUMENT_BEFORE.search(said, max(0, at - 6), at)
        if lead is None or 0 <= v <= lead.start() < v + len(surface):
            return False  # said as what the verb works (「拿起碗」: 拿 is the verb, 碗 its object)
    return bool(found)


def _occurrences(said: str, word: str):
    at = said.find(word)
    while at >= 0:
        yield at
        at = said.find(word, at + 1)


# pieces counted one by one: 一 + a classifier of pieces, twice (一张一张; not 一下一下, a count of strokes)
_PIECES = re.compile("一([%s])一\\1" % "".join(sorted(PIECE_CLASSIFIERS)))


def _counted_pieces(q: Step, norm: str) -> int:
    """Where, in the step's clause before its verb, pieces are counted one by one (「一张一张往架子上贴」
    「瓦片一块一块往上码」): the position of the count in ``norm``, or -1."""
    a = max(q.start, 0)
    said = norm[a:q.end]
    v = said.find(q.surface) if q.surface else -1
    m = _PIECES.search(said, 0, v if v >= 0 else len(said))
    return a + m.start() if m is not None else -1


def _counted_topic(steps: list[Step], norm: str) -> None:
    """「木条一根一根往上钉」: the noun right before a count of pieces is what the verb puts piece by piece,
    the material, even when its head names a tool (板, 条, 签); a tool is never counted out so. Run before
    a held tool is carried on."""
    for q in steps:
        if q.material or not q.tool or q.start < 0:
            continue
        at = _counted_pieces(q, norm)
        if at >= 0 and norm.endswith(q.tool, max(q.start, 0), at):
            q.material, q.tool = q.tool, None


def _instrument(word: str | None) -> bool:
    """The name is an instrument's: its head a struck one (鼓, 锣, 板) or another (琴, 弦, 笛)."""
    if not word:
        return False
    last = _head(word)[-1:]
    return last in STRUCK_HEADS or last in INSTRUMENT_HEADS


def _carry_struck_instrument(steps: list[Step]) -> None:
    """「下手打扬琴…琴竹捏在虎口里,手腕子一抖,轻轻敲」「我打云锣。…左手提着架子,右手拿小槌子敲」: a step that
    strikes (a ``words.STRIKE_WITH_VERBS`` character, alone or with ``STRIKE_ENDINGS``: 敲, 打, 击) with a striker
    (its tool) and names nothing struck (no material, no place) strikes the instrument an earlier step of the text
    struck (its verb a ``STRIKE_VERBS`` character, its material an instrument: ``STRUCK_HEADS``,
    ``INSTRUMENT_HEADS``), the latest one. Not with a striker that is an instrument itself (played), nor onto a step
    of another role (上手/下手). Run before the dropped object is carried: what the other hand holds (the frame the
    gongs hang on) is not what is struck."""
    played = None
    for q in steps:
        s = q.surface or ""
        if q.material is not None:
            if s[:1] in STRIKE_VERBS and _instrument(q.material):
                played = q.material
        elif played is not None and q.tool and q.relation is None and q.role is None \
                and s[:1] in STRIKE_WITH_VERBS and s[1:] in STRIKE_ENDINGS and not _instrument(q.tool):
            q.material = played


def _names_same(a: str | None, b: str) -> bool:
    """One name contains the other (梭, 过梭)."""
    return bool(a) and (a in b or b in a)


# 过 + a count of passes or a modifier closed by 的, before the implement passed through (「过一遍细筛」「过一百目的筛子」)
_PASS_LEAD = re.compile("过(?:[一两二三四五六七八九十几][遍道回次趟]|[^,，。;；:：!！?？ ]{1,5}?的)?")
_CLAUSE_END_CHARS = frozenset(",，。;；:：!！?？ \u3000")


def _passed_through_tool(steps: list[Step], norm: str) -> None:
    """「研好了过细筛,」「过一百目的筛子,筛两遍」「先把药粉过一遍细筛」: 过 ('pass through'), a count of passes or a
    modifier closed by 的 or nothing, then an implement closing the clause or the text (up to three characters headed by a
    ``words.WORKING_HEADS`` character: 细筛, 筛子): the implement is the tool of the step said at 过 or at the
    implement's own head (jieba's verb 筛 of 细|筛), else of the next step of the same sentence whose verb is that
    head character (「筛两遍」), where that step names no tool of its own."""
    at = norm.find("过")
    while at >= 0:
        lead = _PASS_LEAD.match(norm, at)
        a = lead.end()
        at = norm.find("过", at + 1)
        name = None
        for size in (1, 2, 3):
            w = norm[a:a + size]
            if len(w) == size and _head(w) in WORKING_HEADS and (
                    a + size == len(norm) or norm[a + size] in _CLAUSE_END_CHARS):  # (or the text's end)
                name = w
                break
        if name is None:
            continue
        head = _head(name)
        h = a + name.rfind(head)  # (where the head character is said)
        end = a + len(name)
        for q in steps:
            if q.end <= lead.start() or q.start < 0:
                continue
            v = norm.find(q.surface, max(q.start, 0), q.end) if q.surface else -1
            if v == lead.start() or (q.surface == head and v == h):
                if q.tool is None and not _names_same(q.material, name):
                    q.tool = name  # said at 过 or at the implement: 「过细筛」 (「过梭」 passes the shuttle itself)
                break
            if v >= end and q.surface[:1] == head:
                if q.tool is None and not _names_same(q.material, name) and _SENTENCE_END.search(norm, end, v) is None:
                    q.tool = name  # 「过一百目的筛子,筛两遍」
                break
            if v >= end:
                break


def _carry_dropped_object(spec: Spec, steps: list[Step], norm: str) -> None:
    """「毽子抛起来,用脚接住往上踢」「药包蒸热了,拿毛巾裹着敷在腰上」: Chinese drops an object the sentence
    has already named; a step that names no material of its own, in the same sentence, works what the
    step before worked (a thing, not a body part: 「胳膊甩开,右脚往前一踏」 moves no arm; not a person:
    艺人; not after a verb-object word that names its own: 刷漆). Pieces counted one by one before the
    verb (「一张一张往上贴」) are the thing worked before, past a step whose material was no thing it
    worked (「先在桐油里泡透」: ``_counted_pieces``). A thing named in a warning between the two is nearer
    (``_carry_warned_thing``, first)."""
    _carry_warned_thing(spec, steps, norm)
    for n, (p, q) in enumerate(zip(steps, steps[1:])):
        if (q.material and q.material not in ("它", "它们")) or not p.material or p.end < 0 or q.start < p.end or q.subject or q.role \
                or q.tool == p.material or (q.tool and (q.surface in GRASP_VERBS or q.surface in PINCH_VERBS)) \
                or _is_body(spec, p.material) \
                or _is_body(spec, p.material.rstrip("子")) \
                or (p.material[-1] == "人" and p.material not in spec.terms) \
                or p.material[-1] in PERFORMED_SUFFIX \
                or _SENTENCE_END.search(norm[p.end:q.start]) is not None:
            continue  # (「跳长鼓舞,两只手抱在胸前」: a dance, song or step performed is no thing the next verb takes)
        if q.surface and len(q.surface) >= 2 and (q.surface[-1] in MATERIAL_HEADS or q.surface[-1] in TOOL_HEADS):
            continue  # 「刷漆」「下锅」: a verb-object word names its own object
        if q.surface and len(q.surface) == 2 and q.surface[-1] in OWN_OBJECT_CHARS:
            continue  # 「刃口留着不抹,然后淬火」: 淬火 quenches, it takes no object of its own
        if q.surface and len(q.surface) >= 2 and q.surface[-1] in BODY_OBJECT_CHARS:
            continue  # 「低着头」「弯腰」: a verb with its own body part as object
        if len(p.surface) == 2 and p.surface[0] in SPRINKLE_VERBS and p.material == p.surface[1]:
            continue  # 「豆子再添水,泡一夜」: the stuff added (roles._sprinkled_stuff) is no thing the next verb works
        if _not_worked(p, norm):
            # 「捞出来清水里漂,晾干」 dries no water; 「蘸胶…贴上去」 sticks the piece, not the glue; but
            # 「纸张先在桐油里泡透,一张一张往上糊」: the pieces counted are what the step before that worked
            r = steps[n - 1] if n else None
            if r is not None and r.material and r.end >= 0 and r.end <= p.start and q.tool != r.material \
                    and _counted_pieces(q, norm) >= 0 and not _is_body(spec, r.material) \
                    and not (r.relation and r.material in r.relation) and not _not_worked(r, norm) \
                    and _SENTENCE_END.search(norm[r.end:q.start]) is None:
                q.material = r.material
            continue
        if q.relation and q.relation[:1] in "围绕":
            continue  # 「围着棺木一边转」: what the motion goes round is its ground; it works no thing before
        if p.relation and p.relation[:1] in "围绕" and p.material in p.relation:
            continue  # 「围着供桌转一圈,然后点上」: the ground gone round is held by no later step either
        if _is_body_motion(q.surface) or _speaks(q):
            continue  # 「一边吹一边跳」: the whole body moves, it works no thing; 「翻经书,念完一段」: words said
        q.material = p.material


# a clause that warns what a thing must not do or undergo (「哨子别含太深」「球不能落地」): the negation after it
_WARNED = re.compile("(?:千万)?(?:别|不能|不要|不许|莫)")
_CLAUSE_OPEN = re.compile("(?:[,，;；:：。!！?？]|时候|时)")


def _carry_warned_thing(spec: Spec, steps: list[Step], norm: str) -> None:
    """「吹的时候哨子别含太深，含进去一公分」「球不能落地,拿脚背颠」: a thing named as the subject of a warning
    (the noun that opens a clause with 别/不能/不要… after it) makes no step (what is not done is no action), but
    it is what the next step of the same sentence works where that step names nothing of its own (the verb
    drops the object the warning named). Only a noun jieba or the lexicon knows, not a body part or a person,
    and only onto a step that is no whole-body motion, no words said and no verb-object word."""
    if _WARNED.search(norm) is None:
        return  # (most texts warn of nothing: one scan in C)
    pos = spec.pos_tags()
    prev_end = 0
    for q in steps:
        lo, prev_end = prev_end, max(prev_end, q.end)
        # (the search: a warning said between the step before and this one's end, needed by everything below)
        if q.material or q.start < 0 or q.start < lo or q.subject or q.role or _WARNED.search(norm, lo, q.end) is None \
                or _is_body_motion(q.surface) \
                or _speaks(q) or (q.surface and len(q.surface) >= 2 and (
                    q.surface[-1] in MATERIAL_HEADS or q.surface[-1] in TOOL_HEADS)):
            continue
        at = norm.find(q.surface, q.start, q.end) if q.surface else -1
        seg = norm[lo:at if at >= 0 else q.start]  # (up to the verb: the warning may open the step's own unit)
        cut = None
        for cut in _SENTENCE_END.finditer(seg):
            pass
        if cut is not None:
            seg = seg[cut.end():]
        warned = None
        for warned in _WARNED.finditer(seg):
            pass
        if warned is None or not _CLAUSE_BREAKS.search(seg, warned.end()):
            continue  # (the warning's clause ends before the verb: 「哨子别含太深」 itself is no step)
        head = seg[:warned.start()]
        opener = None
        for opener in _CLAUSE_OPEN.finditer(head):
            pass
        thing = head[opener.end():] if opener is not None else head
        if not 1 <= len(thing) <= 4 or thing == q.tool or _is_body(spec, thing) or thing[-1] == "人" \
                or not (pos.get(thing, "")[:1] == "n" or (thing in spec.terms and spec.terms[thing].category in (
                    "material", "tool"))):
            continue
        q.material = thing


_LIMB_MARKERS = ("往", "朝", "向", "在", "到", "把", "将", "用", "拿", "对着", "冲着")
# limbs that hold nothing (not an arm, which swings what its hand holds: 「胳膊往上抡」)
_NON_HOLDING_LIMBS = tuple(w for w in PERFORMING_LIMBS if w not in ("胳膊", "胳臂", "臂", "肘", "肩"))


def _moves_own_limb(q: Step, norm: str) -> bool:
    """The step moves a limb of its own, said before its verb, that holds nothing (「左脚往前迈」「腰往下一沉」):
    no hand and no tool held before goes on into it."""
    m = q.material
    if not m or not any(w in m for w in _NON_HOLDING_LIMBS) or not norm or _after_verb(q, norm):
        return False
    at = norm.find(m, max(q.start, 0), q.end)
    before = norm[max(at - 3, 0):at].rstrip("左右双两一只条个")
    return at >= 0 and not before.endswith(_LIMB_MARKERS)  # (「往左脚后跟一碰」: where the hand goes, not a subject)


def _carry_hand(steps: list[Step], norm: str) -> None:
    """「右手不戴指甲,就拿指头弹」「左手接住了,再往上送」: the hand named as the subject goes on doing
    the next actions of the same sentence (Chinese drops a subject it has just said) until another
    hand is named or the sentence ends, and into the next sentence when it opens with 然后/接着/再…
    and names no one."""
    src = None  # the step a hand goes on from: the one before, past words said and whole-body moves
    for q in steps:
        if src is not None and q.hand is None and (_is_body_motion(q.surface) or _speaks(q)):
            # 「右手按着笙管,一边吹一边跳」: the dancer jumps, not the right hand; no hand sings; but
            # 「右手翻经书,念完一段翻一段」: the hand goes on past the words said
            continue
        p, src = src, q
        if p is None or q.hand is not None or p.hand is None or p.end < 0 or q.start < p.end or q.subject \
                or _moves_own_limb(q, norm):
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


_SUFFIX_CHARS = frozenset("子儿头")  # (a noun suffix jieba cut off, 铰|子, names nothing of its own)


def _carry_whole_name(spec: Spec, steps: list[Step], doc, norm: str) -> None:
    """「先抖袖」 where the text says 水袖, 袖子; 「银窝放到炉上」 cut 银|窝 where it says 银窝 whole before: jieba
    leaves one character of a two-character noun as the verb's object, and the step would carry that character.
    A step whose material is one character carries instead the noun as said: (1) where the character is a token
    of the step whose one-character neighbour makes a two-character word the text says whole, that word; else
    (2) the nearest two-character noun (or lexicon term) the text says as one word that is headed by the
    character (its last: 水袖, 绒毛; the first no verb, numeral or tool head: 补纸, 一梭, 针线 are not) or is the
    character with a suffix (袖子, 石头); no body part, not the step's tool, no tool's name where the character
    names none (水 is not 水盆). A headed noun contains its head: a reading that wanted the character still has it."""
    if not any(st.material is not None and len(st.material) == 1 for st in steps):
        return  # (most texts: every material is two characters or more)
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    pos = spec.pos_tags()
    names = []  # (offset, word)
    for k, w in enumerate(words):
        if len(w) == 2 and kinds[k] in ("N", "T") and pos.get(w, "n")[:1] == "n":
            names.append((starts[k], w))
    for st in steps:
        c = st.material
        if c is None or len(c) != 1 or c in _SUFFIX_CHARS or st.start < 0:
            continue
        if _verb_took_first(spec, st, doc, pos):
            continue
        if not names:
            continue
        # the character as a token of the step, jieba's piece of a two-character word with a one-character
        # neighbour (「银窝放到炉上」: 银|窝)
        said = set()
        for k in range(bisect_left(starts, st.start), bisect_left(starts, st.end)):
            if words[k] == c:
                if k and len(words[k - 1]) == 1:
                    said.add(words[k - 1] + c)
                if k + 1 < len(words) and len(words[k + 1]) == 1:
                    said.add(c + words[k + 1])
        best = None
        for at, w in names:
            if c not in w or w == st.surface:
                continue
            if _is_body(spec, w, True) or w == st.tool:
                continue
            if w in said:
                # 「银窝放到炉上」: the character jieba cut off, with its neighbour in the step, is the noun said whole
                # elsewhere: that one before any nearer, whatever it names (窝 tagged a verb there)
                d = -1
            elif not (w[1] == c and pos.get(w[0], "")[:1] not in ("v", "m") and w[0] not in TOOL_HEADS
                      or w[0] == c and w[1] in _SUFFIX_CHARS) or (_is_tool_word(w) and not _is_tool_word(c)):
                continue  # (a noun is headed by its last character: 水袖 is a 袖, 马步 no 马; 袖子 and 石头 are the
                #           character with its suffix)
            else:
                d = abs(at - st.start)
            if best is None or d < best[0]:
                best = (d, w)
        if best is not None:
            st.material = best[1]


def _verb_took_first(spec: Spec, st: Step, doc, pos: dict) -> bool:
    """(s25-slots) 「加开水」「脚一踩踏板」: jieba's cut XY|c of a one-character verb X and a two-character noun Yc
    (加开|水, 踩踏|板) leaves the step the verb XY and the material c. Where the step's verb is that token, said
    right before c, X alone is a verb and Yc is a word of jieba's dictionary that is the noun there (a noun whose
    first character is no complement of X: 踏板; or a word more frequent than XY: 开水 over 加开; not 握住|手, 松开|线,
    渗出|水), the step does X to Yc. True where it read so."""
    surface = st.surface or ""
    if len(surface) != 2 or st.action != surface:
        return False
    c = st.material
    words, starts = doc.words, doc.starts
    k = bisect_left(starts, st.start)
    end = bisect_left(starts, st.end)
    while k < end - 1 and not (words[k] == surface and words[k + 1] == c):
        k += 1
    if k >= end - 1:
        return False
    x, y = surface
    noun = y + c
    freq = spec.ensure_tokenizer().FREQ
    if not (pos.get(x, "")[:1] == "v" or x in CONTEXT_HAND_VERBS) or freq.get(noun, 0) <= 0 \
            or _is_body(spec, noun, True) or noun == st.tool or not (
                (pos.get(noun, "")[:1] == "n" and y not in COMPLEMENTS and y not in RESULT_COMPLEMENTS)
                or freq[noun] > freq.get(surface, 0)):
        return False
    st.material = noun
    st.action = st.surface = x
    return True
