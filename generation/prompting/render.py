"""Prompt strings derived from a structured description, through the templates kept as data.

Jobs store the structured description (``Normalization.to_dict()`` or a technique's saved
``prompt_template``); the prompt string is always derived from it with ``render_prompt`` (or, when a
curator edited it by hand, taken from ``prompt_override`` in the description: see ``final_prompt``).

Each step is one clause of plain Chinese built from its fields, for any verb: who (the hand), with
what (the tool), how (manner, angle), the action and what it is done to (the material), then the
parameters with units. No transcript fragment is pasted in; a default material is used only when the
speaker named no material at all; a duration longer than a clip can show is said as context
(「此道工序实际约需3小时」), not as motion.

Where the description carries its transcript (``text``, step and term offsets), each tool and
material keeps the part it had in the speaker's clause, read from the closed classes of Chinese
grammar around it: after 用/拿/使/以 an instrument (「用刷子蘸」), after 把/将 a disposal object (「把纸
折好」), after 在/往/顺着… or before a localizer 上/里 a place (「在布上画」「往墙上贴」), after the verb a
place complement (「放到转盘上」, its object then fronted with 把) or the object (「画鳞」「抱月琴」), the
topic of a 是…的 clause an object (「琵琶是横抱的」 → 「抱琵琶」). The speaker's word is said, with the
spec's name after it where that differs (「刷子(棕刷)」). ``plan_steps`` leaves out steps that are no
motion and carry nothing (「蒸完」, a word jieba tags as noun) and makes a bare direction the
complement of the verb before it (「拉」 + 「出来」 + 坯 → 「拉出坯来」). Without offsets (a saved template,
an edited step) the clause is built from the fields alone.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import repeat
from operator import itemgetter

import cn2an

from .resegment import verb_char
from .spec import TERM_FREQ, Spec, display_name, get_spec
from .tokens import _is_body, _is_body_motion, _is_speech
from .words import (AWAY_COMPLEMENTS, DIRECTION_CHARS as DIRECTIONAL_CHARS, DIRECTION_COMPOUNDS, LIMB_OWNER_BEFORE,
                    LIMB_SUBJECTS, OBJECT_MARKERS, OPENING_CLASSIFIERS, OPENING_CLOSING_PARTICLES, OPENING_COPULAS,
                    OPENING_DEMONSTRATIVES, OPENING_PRONOUNS, OWN_OBJECT_CHARS, PERFORMING_LIMBS, PRACTICE_VERBS, PUNCT,
                    RESULT_COMPLEMENTS, ROUND_MARKERS, GENERIC_SUFFIX_WORDS, STOP_NOUNS, TOPIC_NAME_TAGS, said_unused)

BEFORE_ACTION = {"angle_deg"}
ATTACH_TOOL = {"needle_no"}
ATTACH_MATERIAL = {"thread_no"}
# A clip shows seconds; a longer duration is the step's context.
CLIP_SECONDS = 20
# Verbs that hold rather than act: 「左手握着绣绷」.
HOLD_VERBS = {"拿", "持", "握", "执", "扶", "捏", "攥", "按住", "拿着", "握着", "扶着"}
LOCATIVE_VERBS = {"进针", "出针", "绣", "描稿", "点蜡", "画", "写", "刻", "描", "印", "绘", "戳", "扎", "钉", "点"}


def fmt_value(value) -> str:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return f"{fmt_value(value[0])}–{fmt_value(value[1])}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# --- a value as the prompt says it: the number a person would say, in a unit that fits its size -----------
# The reading widens an approximation (「三十度左右」「揉个两百来下」) to a range of the number said ×(1±ratio) and
# converts a traditional unit exactly (七寸 → 233.31 mm); the prompt says the number said with 约 (「约30°」,
# 「约23厘米」), never the widened range (27–33°) or a false precision. A length is said in 毫米, 厘米 or 米 by its
# size (200 mm → 20厘米), a weight in 克 or 千克 (10000 g → 10千克); a duration in one unit at both ends of a range
# (54分钟–1.1小时 → 约1小时).
_LENGTH_UNITS = ((1000, "米"), (10, "厘米"), (1, "毫米"))
# (the unit of the spec's phrase → the units the prompt may say it in, largest first)
_SIZED_UNITS = {"毫米": _LENGTH_UNITS, "克": ((1000, "千克"), (1, "克"))}


def _approximation(value, ratios) -> float | None:
    """The number said where a range [low, high] is one number widened by a ratio of ``ratios``, else None."""
    low, high = float(value[0]), float(value[1])
    if low <= 0 or high <= low:
        return None
    ratio = (high - low) / (high + low)
    return (high + low) / 2 if any(abs(ratio - r) < 1e-3 for r in ratios) else None


def _said_number(x: float) -> tuple:
    """(text, exact) of a number: as it is where two decimals hold it (2, 0.5, 0.75), else rounded the way a
    person says a measure, two significant figures or a whole number from 100 on (a conversion: 23.331 → 23,
    1.667 → 1.7)."""
    two = round(x, 2)
    if abs(x - two) < 1e-6:
        return f"{two:g}", True
    if abs(x) >= 100:
        return f"{round(x):d}", False
    return f"{float(f'{x:.2g}'):g}", False


def _number_text(value, ratios, size: float = 1) -> str:
    """A number or range in units of ``size`` (10 for 厘米 when the value is in mm), with 约 where it is
    an approximation or rounded."""
    if isinstance(value, (list, tuple)) and len(value) == 2:
        centre = _approximation(value, ratios)
        if centre is None:
            (a, exact_a), (b, exact_b) = _said_number(float(value[0]) / size), _said_number(float(value[1]) / size)
            return ("" if exact_a and exact_b else "约") + f"{a}–{b}"
        return "约" + _said_number(centre / size)[0]
    text, exact = _said_number(float(value) / size)
    return text if exact else "约" + text


def _unit_size(value, units) -> tuple:
    """(size, unit word) for a length or weight: by its smaller end, the largest of ``units`` it is at least one of."""
    low = float(min(value) if isinstance(value, (list, tuple)) else value)
    return next(((size, unit) for size, unit in units if low >= size), units[-1])


_TIME_UNITS = ((31536000, "年"), (2592000, "个月"), (86400, "天"), (3600, "小时"), (60, "分钟"), (1, "秒"))


def fmt_duration(value, ratios=()) -> str:
    """Seconds → the largest spoken unit that holds the value in whole or half units (10800 → 3小时, 1800 →
    30分钟, 5400 → 1.5小时), else hours or minutes with the rest in the next unit (828 → 13分钟48秒); a range in
    one unit that holds both ends (3600–7200 → 1–2小时); an approximation (``ratios``: [3240, 3960]) as 约 and
    the number said (约1小时)."""
    ends = value if isinstance(value, (list, tuple)) and len(value) == 2 else (value,)
    if len(ends) == 2:
        centre = _approximation(value, ratios)
        if centre is not None:
            return "约" + fmt_duration(centre)
    ends = [float(v) for v in ends]
    low = min(ends)
    for size, unit in _TIME_UNITS[:-1]:
        if low >= size and all((v * 2 / size).is_integer() for v in ends):
            return _number_text(value, (), size) + unit
    if len(ends) == 1 and low >= 60:
        size = 3600 if low >= 3600 else 60
        whole, rest = divmod(low, size)
        if (rest / (size // 60)).is_integer():
            return f"{whole:g}{dict(_TIME_UNITS)[size]}{rest / (size // 60):g}{'分钟' if size == 3600 else '秒'}"
    size, unit = next((t for t in _TIME_UNITS if low >= t[0]), _TIME_UNITS[-1])
    return _number_text(value, (), size) + unit


def _phrase_parts(spec: Spec, name: str) -> tuple | None:
    """(before, unit, after) of a parameter's phrase around its value (「长」, 「毫米」, 「」; 「以」, 「°」, 「角」),
    the unit being the longest unit word the text after ``{v}`` starts with; kept per spec."""
    cache = spec.__dict__.setdefault("_render_phrases", {})
    if name not in cache:
        info = spec.parameters.get(name)
        phrase = (info or {}).get("phrase", "")
        if "{v}" not in phrase:
            cache[name] = None
        else:
            before, tail = phrase.split("{v}", 1)
            units = sorted(set(spec.units) | {i.get("unit", "") for i in spec.parameters.values()}, key=len,
                           reverse=True)
            unit = next((u for u in units if u and tail.startswith(u)), "")
            cache[name] = (before, unit, tail[len(unit):])
    return cache[name]


def value_text(spec: Spec, name: str, value, count_unit: str | None = None) -> str:
    """A parameter's value with its unit as the prompt says it (「约23厘米」「30°」「3小时」「3:7」「9个」): the one
    place that says it, read by ``render_step`` and by ``extend.required_facts``. Kept per spec (values repeat)."""
    key = (name, tuple(value) if isinstance(value, list) else value, count_unit)
    cache = spec.__dict__.get("_render_values")
    if cache is None or len(cache) > 4096:
        cache = spec.__dict__["_render_values"] = {}
    try:
        shown = cache.get(key)
    except TypeError:  # (a value no reading gives, from an edited description: said, not kept)
        return _value_text(spec, name, value, count_unit)
    if shown is None:
        shown = cache[key] = _value_text(spec, name, value, count_unit)
    return shown


def _value_text(spec: Spec, name: str, value, count_unit: str | None) -> str:
    ratios = tuple(getattr(spec, "approx_ratio", {}).values())
    if name == "duration_s":
        return fmt_duration(value, ratios)
    if name == "ratio" and isinstance(value, (list, tuple)):
        return ":".join(fmt_value(v) for v in value)
    parts = _phrase_parts(spec, name)
    unit = count_unit or (parts[1] if parts else "")
    if value == 0.5 and count_unit:
        return "半" + unit  # 「转半圈」: half a turn, not 「0.5圈」
    if unit in _SIZED_UNITS:
        size, unit = _unit_size(_approximation(value, ratios) or value
                                if isinstance(value, (list, tuple)) and len(value) == 2 else value, _SIZED_UNITS[unit])
        return _number_text(value, ratios, size) + unit
    return _number_text(value, ratios) + unit


def param_phrase(spec: Spec, name: str, value, count_unit: str | None = None) -> str:
    """The parameter's phrase with its value (「长约23厘米」「以约30°角」「共9个」)."""
    parts = _phrase_parts(spec, name)
    if parts is None:
        return ""
    return parts[0] + value_text(spec, name, value, count_unit) + parts[2]


_LIMB = re.compile("(?:^|(?<=[%s,\uff0c。;\uff1b!\uff01?\uff1f、:\uff1a\\s]))(?:%s)" % (LIMB_OWNER_BEFORE, "|".join(PERFORMING_LIMBS)))
# where a match of _LIMB can start: the first character of a limb word (its look-behind reads the text before
# that; a scan for one of them runs in C, a search of _LIMB tries its look-behind at every position)
_LIMB_START = re.compile("[%s]" % "".join(sorted({w[0] for w in PERFORMING_LIMBS})))
_LIMB_START_SEARCH, _LIMB_SEARCH = _LIMB_START.search, _LIMB.search  # (bound once: read per step, compiled)


def _performed(steps: list, text: str = "") -> bool:
    """Most steps move the whole body (跳, 转身), a limb that is no hand (「左脚往前迈」「胳膊往上甩」)
    or say or sing words (唱, 念)."""
    def moves(st):
        verb = dict.get(st, "surface") or dict.get(st, "action")
        if _is_body_motion(verb) or _is_speech(verb):
            return True
        s, e = dict.get(st, "start"), dict.get(st, "end")
        if not (isinstance(s, int) and isinstance(e, int)):
            return False
        at = _LIMB_START_SEARCH(text, s, e)
        return at is not None and _LIMB_SEARCH(text, at.start(), e) is not None
    # (half of them or more: read step by step, stopping where the answer is settled; each test is pure)
    need, left = (len(steps) + 1) // 2, len(steps)
    for st in steps:
        if need <= 0 or left < need:
            break
        if moves(st):
            need -= 1
        left -= 1
    return need <= 0


def _longest(value) -> float:
    if isinstance(value, (list, tuple)):
        return max(float(v) for v in value)
    return float(value)


def style_for(spec: Spec, craft: str | None, technique: str | None, craft_name: str | None = None,
              steps: list | None = None, text: str = "") -> dict:
    """The prompt's who/scene: the spec's own style for the craft, else the catalogue's scene for its
    kind, else neutral (a craft in no catalogue gets its own name and a neutral scene). The neutral
    scene is a close-up at a plain work table, except where most ``steps`` move the whole body or
    say or sing words (a dance, a song, a rite): then a medium shot of the whole performer
    (``default_performance``), never a table."""
    tpl = spec.templates
    style = dict(tpl.get("default", {}))
    own = entry = None
    if craft:
        own = tpl.get("crafts", {}).get(craft)
        entry = getattr(spec, "catalogue", {}).get(craft)
        if own:
            style.update(own)
        elif entry is not None:
            scene = getattr(spec, "scenes", {}).get(entry.get("scene") or "", {})
            name = display_name(entry, craft)
            style["craft_name"] = name
            if scene:
                style["who"] = "一位{craft_name}" + scene.get("who", "传承人") + "进行"
                style["technique"] = scene.get("technique", style.get("technique", ""))
                style["camera"] = scene.get("camera", style.get("camera"))
                style["lighting"] = scene.get("lighting", style.get("lighting"))
        elif craft_name:
            style["craft_name"] = craft_name
    if not own and (entry is None or not entry.get("scene")) and steps and _performed(steps, text):
        style.update(tpl.get("default_performance", {}))
    if technique:
        style.update(tpl.get("techniques", {}).get(technique, {}))
    return style


# --- where a noun stood in the speaker's clause decides how the prompt says it ----------------------
# 「用刷子蘸」 instrument, 「把纸折好」 disposal, 「在布上画」 place before the verb, 「倒进钢槽」「挂在腰上」
# after it, 「抱琵琶」 object. Prepositions and localizers are closed grammatical classes.
_QUANT = "一二两三四五六七八九十几半个根把张块条片只支双对些每这那"  # (numerals, classifiers, demonstratives: 「把那个鼓槌」)
_LEAD = re.compile(r"(用|拿|使|以|持|握|借|把|将|在|到|往|于|向|朝|从|顺着|沿着|贴着|对着|随着|跟着|伴着|和着)着?[%s]*$"
                   % _QUANT)
_AFTER_VERB_PLACE = re.compile(r"(在|到|进|于)[%s]*$" % _QUANT)
INSTRUMENT = {"用", "拿", "使", "以", "持", "握", "借"}
_MARKER_CHARS = frozenset("用拿使以持握借把将在到往于向朝从顺沿贴对随跟伴和")
_MARKER_CHAR = re.compile("[%s]" % "".join(sorted(_MARKER_CHARS)))  # (one of them, found by a scan in C)
# bound once: _role runs per tool and material of every step (compiled, no method looked up per call)
_LEAD_SEARCH = _LEAD.search
_AFTER_VERB_PLACE_SEARCH = _AFTER_VERB_PLACE.search
_MARKER_CHAR_SEARCH = _MARKER_CHAR.search
DISPOSAL = OBJECT_MARKERS  # 把/将: one set (words.py)
LOCALIZERS = "上里中内下边"
_LOCALIZER_CHARS = frozenset(LOCALIZERS)
# after a bare noun only these read as a place (「墙上」「锅里」); 「布下缸」 is a verb
BARE_LOCALIZERS = "上里中内"
LOCALIZER_WORDS = {"后头", "前头", "底下", "上面", "下面", "里面", "外面", "旁边", "中间", "边上", "上头", "里头"}
# prepositions of a path or direction keep their own word (「顺着墨线」「往墙上」); others read 「在X上」
PATH = ("往", "向", "朝", "从", "顺着", "沿着", "贴着", "对着", "随着", "跟着", "伴着", "和着")  # (and what is followed)
# 「出来」「下去」: a direction alone completes the verb before it; it is no motion of its own
DIRECTIONS = DIRECTION_COMPOUNDS
# the complements an object may stand inside (「拉出坯来」「拿起刀来」); with the others it goes before with 把
OBJECT_BETWEEN = frozenset({"出来", "出去", "起来", "开来"})
# verbs that move the doer itself: what follows them is where it goes (「冲上山去」), nothing moved with 把
SELF_MOTION = frozenset("冲追跑走爬跳飞游奔赶跟迈踏钻蹿扑退")
# a relation said as a place or path starts with one of these (「往版上」「顺着一个方向」「从指面滑到甲尖」)
RELATION_LEADS = ("往", "向", "朝", "顺着", "沿着", "贴着", "从", "在", "到",
                  "跟着", "随着", "伴着", "和着", "合着", "踩着")  # (and what a beat is kept with: 「跟着鼓点」)
# (s23-terms) and what a motion goes round (「围着火塘转」「绕着地头走」: ``words.ROUND_MARKERS``), the ground the
# dancers or the bearers move round, which the clip shows
_ROUND_LEADS = tuple(sorted(ROUND_MARKERS))
RELATION_LEADS += _ROUND_LEADS


class Said:
    """The tool and material words of a transcript whose offsets agree with its text, in text order
    (``terms``: start, end, said, canonical, category), indexed once by name (the spec's and the
    speaker's) and by the characters they cover (a verb is never found inside one); the said words
    of the others (an edited description) are in ``unverified``; the words said of the spec's technique terms
    (not open-vocabulary guesses), in the description's order, in ``techniques`` (read in the same walk); with
    ``tags`` (jieba's part-of-speech table), the open technique terms that are nouns (a noun tag, or no word of
    the table: a compound the repairs joined) in ``open_nouns``, which ``_weave`` gives only as the object right
    after a step's verb."""
    __slots__ = ("terms", "by_name", "covered", "unverified", "techniques", "open_nouns")

    def __init__(self, description: dict, tags: dict | None = None):
        text = description.get("text") or ""
        self.terms, self.by_name, self.covered, self.unverified = [], {}, bytearray(len(text)), []
        self.techniques, self.open_nouns = [], []
        if not text:
            return
        by_name, covered, out, techniques = self.by_name, self.covered, self.terms, self.techniques
        for t in description.get("terms") or ():
            category = dict.get(t, "category")
            if category != "tool" and category != "material":
                if category == "technique":
                    if not dict.get(t, "open") or _practised(text, t):
                        techniques.append(dict.get(t, "text") or "")
                    elif tags is not None:
                        a, b, said = dict.get(t, "start"), dict.get(t, "end"), dict.get(t, "text") or ""
                        if len(said) >= 2 and isinstance(a, int) and isinstance(b, int) and text[a:b] == said \
                                and tags.get(said, "n")[:1] == "n":
                            self.open_nouns.append((a, b, said, dict.get(t, "canonical") or said, "technique"))
                continue
            a, b, said = dict.get(t, "start"), dict.get(t, "end"), dict.get(t, "text")
            if said and isinstance(a, int) and isinstance(b, int) and text[a:b] == said:
                canon = dict.get(t, "canonical") or said
                term = (a, b, said, canon, category)
                out.append(term)
                by_name.setdefault(canon, []).append(term)
                if said != canon:
                    by_name.setdefault(said, []).append(term)
                covered[a:b] = b"\x01" * (b - a)
            elif said:
                self.unverified.append(said)
        out.sort(key=itemgetter(0))  # already in order as a rule: a linear pass


def _practised(text: str, term: dict) -> bool:
    """Whether an open technique term is what the speaker says is practised or learnt (s23-terms): said right
    after 练/学/苦练/练习 (``words.PRACTICE_VERBS``), 「再练甩发:」「先学握弓」. What one practises is a skill, a
    technique by its name whatever the lexicon lacks, so the prompt names it as it names the spec's own
    (``_named_techniques``: 「甩发技法:」); any other open guess stays out of the prompt."""
    a, said = dict.get(term, "start"), dict.get(term, "text") or ""
    if not isinstance(a, int) or len(said) < 2 or text[a:a + len(said)] != said:
        return False
    for verb in PRACTICE_VERBS:
        if a >= len(verb) and text[a - len(verb):a] == verb:
            return True
    return False


def shown_name(name: str, said: str | None) -> str:
    """The name as the prompt says it: the speaker's word, with the spec's name after it where that
    is a different word (「刷子(棕刷)」); the spec's name where the speaker's is one character or part
    of it (「针」 → 「绣针」)."""
    if not said or said == name or len(said) < 2 or said in name:
        return name
    if name in said:
        return said
    return f"{said}({name})"


# ASCII and full-width clause punctuation; the full-width forms as escapes (\uff0c ，, \uff1b ；, \uff01 ！,
# \uff1f ？, \uff1a ：) so that no editor folds them into their ASCII twins
_CLAUSE_BREAK = re.compile("[,\uff0c。;\uff1b!\uff01?\uff1f、:\uff1a]")
_CLAUSE_BREAK_SEARCH = _CLAUSE_BREAK.search  # (bound once, as above)
def _break_start(text: str, lo: int, hi: int, last_break: re.Pattern) -> int:
    """Where text[lo:hi] goes on after its last clause break (``last_break``, from ``_last_break``,
    matches up to it at ``lo``); ``lo`` where it has none."""
    cut = last_break.match(text, lo, hi)
    return lo if cut is None else cut.end()


def _last_break(breaks: str) -> re.Pattern:
    """A pattern matching, at the start of a piece of text, up to its last clause break (one of
    ``breaks``, a character class) in the first line that holds one: what a search for ``.*[breaks]``
    finds, read in one attempt from the end back ('.' stops at a line end)."""
    return re.compile("(?:[^\n]*\n)*?[^\n]*[%s]" % breaks)


def _role(text: str, s: int, pos: int, length: int, verb_pos, verb_len: int = 1, action: str = "") -> tuple:
    """(role, localizer, marker) of the noun at ``pos`` in the clause starting at ``s``: instrument
    (用X), disposal (把X), place (在X上, before the verb), place_after (放到X上, 挂在X上), object (said
    after the verb in the same clause), topic (said bare before it), or far (another clause)."""
    end = pos + length
    nxt = text[end:end + 2]
    loc = nxt if nxt in LOCALIZER_WORDS else (nxt[:1] if nxt[:1] in _LOCALIZER_CHARS else "")
    # the marker in the six characters before the noun, read in place (``pos``, ``endpos``; the step may
    # start at its noun, after the marker: 「把那个鼓槌拿起来」). A marker phrase holds no clause break, so
    # one found there is after their last break: in the noun's clause.
    lo = max(0, pos - 6)
    m = _LEAD_SEARCH(text, lo, pos) if _MARKER_CHAR_SEARCH(text, lo, pos) is not None else None
    if m and verb_pos is not None and verb_pos <= m.start(1) < verb_pos + verb_len:
        m = None  # the marker is the step's own verb (「各拿一根鼓槌」): what follows is its object
    if m:
        mk = m.group(1)
        numeral_before = m.start(1) > lo and text[m.start(1) - 1] in _QUANT  # (no break is in _QUANT)
        if mk in INSTRUMENT:
            return "instrument", loc, mk
        if mk in DISPOSAL and not numeral_before:
            return "disposal", loc, mk
        if mk not in DISPOSAL and (verb_pos is None or pos < verb_pos):  # (no instrument either: returned above)
            return "place", loc, mk
    if verb_pos is not None and pos > verb_pos:
        verb_end = verb_pos + verb_len  # (what stands between the verb and the noun: text[verb_end:pos])
        if _CLAUSE_BREAK_SEARCH(text, verb_end, pos):
            return "far", loc, ""
        m = _AFTER_VERB_PLACE_SEARCH(text, verb_pos, pos)
        # 「挂在X」 is a place; 「放到X上」「倒进X」 too, but 「磨到丝…平」 is a degree, not a place
        if m and (m.group(1) in ("在", "于") or loc or str.endswith(action, m.group(1))):
            return "place_after", loc, m.group(1)
        if loc and verb_end >= pos:
            return "place_after", loc, ""  # 「搁锅里」
        return "object", loc, ""
    if verb_pos is not None and _CLAUSE_BREAK_SEARCH(text, end, verb_pos):
        return "far", loc, ""
    if loc and loc in BARE_LOCALIZERS:
        return "place", loc, ""
    if verb_pos is not None and str.find(text, "是", end, verb_pos) >= 0:
        return "topic_object", "", ""  # 「琵琶是横抱的」: what the clause is about is what is done to
    return "topic", "", ""


def _verb_at(text: str, s: int, e: int, surface: str, covered: bytearray):
    """Where the step's verb was said in its clause, outside the tool and material words
    (``covered``; 「刻」 in 「用刻刀…往下刻」 is the second one)."""
    i = str.find(text, surface, s, e) if surface else -1  # (str.find(text, ...): compiled, str's own find called directly)
    while i >= 0 and covered[i]:
        i = str.find(text, surface, i + 1, e)
    return i if i >= 0 else None


_REDUPLICATED = re.compile(r"(.{1,2})\1")


def _find(text, s, e, name, by_name):
    """(position, said, is_term) of a step's tool or material inside its clause, or (None, None, False)."""
    for a, b, said, canon, _ in dict.get(by_name, name, ()):
        if s <= a < e:
            return a, said, True
    if name and text:
        i = str.find(text, name, s, e)  # (compiled, str's own find called directly)
        if i >= 0:
            return i, name, False
    return None, None, False


_COUNT_BEFORE = "[0-9一二两三四五六七八九十百几俩仨]"
_COUNT_WORDS = {"俩": 2, "仨": 3}


def _counted_before(text: str, s: int, e: int, name: str, by_name: dict, classifier: str, value) -> bool:
    """Whether the count ``value`` with its ``classifier`` is said right before the noun ``name`` in the step's
    clause (at most two characters of a modifier between: 「两块铜板」「三个小方眼」; not 「一根丝劈成十六根」)."""
    pos, _, _ = _find(text, s, e, name, by_name)
    if pos is None:
        return False
    lo = max(0, pos - len(classifier) - 8)
    m = re.search("(%s+)%s[^,\uff0c。;\uff1b!\uff01?\uff1f、:\uff1a\\s]{0,2}$" % (_COUNT_BEFORE, re.escape(classifier)),
                  text[lo:pos])
    if m is None:
        return False
    said = m.group(1)
    if isinstance(value, (list, tuple)):
        return True  # (「两三根」: a range said as two numerals)
    try:
        number = _COUNT_WORDS.get(said) or (float(said) if said.isdigit() else cn2an.cn2an(said, "smart"))
    except (ValueError, KeyError, TypeError):
        return False
    return float(number) == float(value)


_NO_ROLE = ("none", "", "")
# what a thing measures (a depth is how far a cut goes)
_MEASURES = ("length_mm", "width_mm", "thickness_mm", "weight_g")
_MEASURE_SET = frozenset(_MEASURES)
_PLACE_ROLES = ("place", "place_after")


def _place(shown: str, role: tuple) -> str:
    """「在X上」 for a place before the verb; a path keeps its own preposition (「往墙上」「顺着墨线」)."""
    _, loc, mk = role
    lead = mk if mk in PATH else "在"
    return lead + shown + (loc or ("上" if lead == "在" and not _localized(shown) else ""))


def _localized(noun: str) -> bool:
    """Whether a noun already ends with its localizer (「指头缝里」「锅边」「桌面上」): no 上 is added to it."""
    return noun[-1:] in _LOCALIZER_CHARS or noun[-2:] in LOCALIZER_WORDS


def _said_role(text, s, e, name, by_name, verb_pos, verb_len, action, tags, is_tool):
    """(name as shown, role) of a step's tool or material in its clause."""
    if not name:
        return name, _NO_ROLE
    if "、" in name:
        # things joined as one object (「糯米、红豆」, ``roles.joined_things``): the part the first one had in the
        # clause is the part of all, said together
        first = name.split("、", 1)[0]
        shown, role = _said_role(text, s, e, first, by_name, verb_pos, verb_len, action, tags, is_tool)
        return shown + name[len(first):], role
    pos, said, is_term = _find(text, s, e, name, by_name)
    if pos is None:
        return name, _NO_ROLE
    if not is_term and verb_pos is not None and pos == verb_pos + verb_len:
        # a thing found glued to the verb: where it starts a longer word of its own (「放风筝」
        # 「捏住针柄」) it is no word here; else verb and thing are one compound name (「打纬刀」
        # 「刮痧板」), which is what the speaker called the thing
        nxt = text[pos + len(said):pos + len(said) + 1]
        if nxt and nxt in LOCALIZERS:
            return name, ("place_after", nxt, "")  # 「搁锅里」
        if text[pos:pos + len(said) + 1] in tags:
            return name, _NO_ROLE
        if not is_tool or (verb_len >= 2 and text[pos - 1] in DIRECTIONAL_CHARS):
            # 「画鳞」; a verb with its direction said (「拿起碗」「举起锤」) takes the thing as its
            # object: no compound name ends in a directional complement
            return name, ("object", "", "")
        word = text[verb_pos:pos + len(said)]
        role = _role(text, s, verb_pos, len(word), None)
        at_start = verb_pos == 0 or _CLAUSE_BREAK.match(text, verb_pos - 1) is not None
        if role[0] == "instrument" or (role[0] == "topic" and at_start):
            return word, role
        return name, _NO_ROLE
    return (name if said == name else shown_name(name, said)), \
        _role(text, s, pos, len(said), verb_pos, verb_len, action)


def _params_text(spec: Spec, params: dict, tool, material, count_unit: str | None = None) -> tuple:
    """(before the verb, after it, context) for a step's parameters with their units; a count of
    things said with its classifier keeps it (「九个人」: 共9个, not 共9次)."""
    phrases = spec.parameters
    before, after, context = [], [], ""
    for name, value in params.items():
        if name in ATTACH_TOOL and tool and isinstance(value, (int, float)):
            continue
        if name in ATTACH_MATERIAL and material:
            continue
        if name == "duration_s":
            shown = value_text(spec, name, value)
            if _longest(value) > CLIP_SECONDS:
                context = "此道工序实际约需" + shown.removeprefix("约")
            else:
                after.append("持续" + shown)
            continue
        if not phrases.get(name):
            continue
        phrase = param_phrase(spec, name, value, count_unit if name == "count" else None)
        if phrase:
            (before if name in BEFORE_ACTION else after).append(phrase)
    return "".join(before), after, context


def _placed(role: tuple, shown: str, name: str, action: str, tags, places: list, post: list) -> bool:
    """A tool or material said as a place (before the verb: 在X上, a path; after it: 放到X上) or as 把X
    goes to ``places``/``post``; True when it did."""
    kind = role[0]
    if kind == "place":
        places.append(_place(shown, role))
    elif kind == "place_after":
        marker = "" if str.endswith(action, role[2]) else role[2]
        post.append(marker + shown + (role[1] or ("" if _localized(shown) else _default_loc(tags, name, role[2]))))
    elif kind == "disposal":
        places.append("把" + shown)
    else:
        return False
    return True


def render_step(spec: Spec, step: dict, craft: str | None = None, *, default_material: str | None = None,
                text: str = "", said: Said | None = None) -> tuple:
    """(clause, context) for one step: the clause says what is seen; the context, a duration longer
    than a clip, is said after it. With the transcript ``text`` and its ``said`` words, each noun
    keeps the part it had in the speaker's clause (instrument, place, object) and the speaker's word."""
    # (s24-speedC) a step's fields, here and through render.py, are read as ``dict.get(step, key)``: compiled, that
    # calls dict's own get directly, where ``step.get(key)`` looks the method up first (about 40 % fewer
    # instructions per read, counted; ``map(step.get, keys)`` counted more than either)
    tool, said_material, action = dict.get(step, "tool"), dict.get(step, "material"), dict.get(step, "action") or ""
    params, relation, comp = dict.get(step, "params"), dict.get(step, "relation"), dict.get(step, "_complement") or ""
    hand_key, manner = dict.get(step, "hand"), dict.get(step, "manner")
    s, e, surface = dict.get(step, "start"), dict.get(step, "end"), dict.get(step, "surface") or action
    material = said_material or (None if dict.get(step, "_no_default") else default_material)
    given_places = dict.get(step, "_places")
    hand = spec.templates.get("hands", {}).get(hand_key, "") if hand_key else ""
    manner = manner + "地" if manner else ""
    path = "" if relation or given_places else _path_said(text, s, e, surface)
    # where the verb was said (read once: the limb before it, the parts of the tool and the material)
    offsets = text and said is not None and isinstance(s, int) and isinstance(e, int)
    v = _verb_at(text, s, e, surface, said.covered) if offsets else None
    limb = _limb_said(text, v)
    if limb is not None:
        if limb[0] in (tool, material) or (material and limb[0] in material):
            limb = None  # (the reading has it already: 「膝盖往上提」)
        else:
            if not limb[1]:
                hand = ""  # (a finger or a foot said alone is no hand the reading carried on)
            if limb[2] and params and params.get("count") == limb[2] and dict.get(step, "count_unit") == limb[3]:
                params = {k: v for k, v in params.items() if k != "count"}  # 「两个指头」 is no total
            limb = limb[0]
    limb = limb or ""
    formed = _formed_shape(text, v + len(surface)) if v is not None else ""
    if formed and ((material and material in formed) or (tool and tool in formed)):
        formed = ""  # (the reading took the shape as the thing: said once)
    if formed and params and "count" in params and (dict.get(step, "count_unit") or "") in formed:
        params = {k: v for k, v in params.items() if k != "count"}  # 「围成一个圈」 is the ring, no 「共1圈」
    if not (tool or material or params or relation or comp or given_places):
        return hand + limb + manner + path + action + formed, ""  # the common bare step: who and what (「右手慢慢地刷」)
    count_unit = dict.get(step, "count_unit")
    if tool and material and tool in material:
        tool = None  # 「提起花本」, not 「用花本提起花本」; 「造龙舟头」, not 「用龙舟造龙舟头」
    located = offsets and 0 <= s < e <= len(text)
    tags = verb_pos = None
    tool_shown, tool_role, mat_shown, mat_role = tool, _NO_ROLE, material, _NO_ROLE
    if located:
        verb_pos = v
        tags = spec.pos_tags()
        if tool:
            tool_shown, tool_role = _said_role(text, s, e, tool, said.by_name, verb_pos, len(surface), action,
                                               tags, True)
        if said_material:
            mat_shown, mat_role = _said_role(text, s, e, said_material, said.by_name, verb_pos, len(surface),
                                             action, tags, False)
    how, after, context = "", (), ""
    once = ""
    if params and not count_unit and params.get("count") == 1 and not isinstance(params["count"], bool):
        # one movement is said as the speaker said it (「拍一下」「迈一步」「转一圈」), never 「共1次」; a
        # single event said away from its verb (「啪一下拍下去」: the 一下 is 'suddenly') is just the verb
        once = _once_said(spec, text, verb_pos, len(surface), e) if located else ""
        params = {k: v for k, v in params.items() if k != "count"}
    counted = count_unit if params and "count" in params and not isinstance(params["count"], bool) else None
    if counted:
        # a count of things said with its classifier right before the noun (「两块铜板」「三个小方眼」) is the thing's,
        # said before it (「把2块铜板夹在…」), not a total of the motion (「夹…,共2块」); the thing is the object,
        # 把X or the instrument, never a place. Said with another noun (「两样」 of the raw materials), it stays 共N
        many = value_text(spec, "count", params["count"], counted)
        if said_material and said_material not in action and mat_role[0] not in _PLACE_ROLES and located \
                and _counted_before(text, s, e, said_material, said.by_name, counted, params["count"]):
            mat_shown = many + mat_shown
        elif tool and tool not in action and not said_material and tool_role[0] not in _PLACE_ROLES and located \
                and _counted_before(text, s, e, tool, said.by_name, counted, params["count"]):
            tool_shown = many + tool_shown
        else:
            many = ""
        if many:
            params = {k: v for k, v in params.items() if k != "count"}
    measures = [n for n in _MEASURES if n in params] if params and not _MEASURE_SET.isdisjoint(params) else ()
    if (len(measures) >= 2 or "weight_g" in measures) and said_material and said_material not in action \
            and mat_role[0] not in _PLACE_ROLES:
        # two measures or more (长、宽) on one step, or a weight (a motion weighs nothing), are the size of the thing
        # worked: said with it (「凿青石(长24厘米、宽14厘米、重10千克)」「挑腿子(重4–7千克)」), not as the motion's
        mat_shown += "(%s)" % "、".join("重" + value_text(spec, n, params[n]) if n == "weight_g"
                                        else param_phrase(spec, n, params[n]) for n in measures)
        params = {k: v for k, v in params.items() if k not in measures}
    if params:
        if tool and isinstance(params.get("needle_no"), (int, float)):
            tool_shown = f"{fmt_value(params['needle_no'])}号{tool_shown}"
        if material and "thread_no" in params:
            mat_shown = f"{fmt_value(params['thread_no'])}号{mat_shown}"
        how, after, context = _params_text(spec, params, tool, material, count_unit)
    hold = action in HOLD_VERBS
    pre, places, post, objects, subject = "", [], [], [], ""
    # the tool: 用X (instrument), X as the object, or the place where the action happens
    if tool and tool not in action and not _placed(tool_role, tool_shown, tool, action, tags, places, post):
        kind = tool_role[0]
        if kind == "object" or kind == "topic_object" or (hold and not material and kind != "instrument"):
            objects.append(tool_shown)
        else:
            pre = "用" + tool_shown
    # the material: the object, 把X, or the place
    if material and material not in action and not _placed(mat_role, mat_shown, material, action, tags, places,
                                                           post):
        kind = mat_role[0]
        if (kind == "none" or kind == "far") and action in LOCATIVE_VERBS:
            places.append(f"在{mat_shown}上")
        elif kind == "topic" and _is_body(spec, material):
            subject = mat_shown  # 「脚要踩着点」: the limb said before the verb is what moves (脚踩, not 踩脚)
        elif kind == "instrument" and not pre and ((mat_role[2] and mat_role[2] in "用使以借") or (mat_role[2] == "拿" and not hold)):
            pre = "用" + mat_shown  # 「拿温水洗干净」: what the verb works with, not what it works (洗温水)
        elif kind in ("object", "far") and dict.get(step, "_own_object"):
            pass  # 「淬火一进水刃口就硬了」: 进水 holds its own object; the noun after it is the next subject
        else:
            objects.append(mat_shown)
    if given_places:
        places.extend(given_places)
    if path and located:
        places.append(path)
    if relation:
        rel = _relation_text(step, verb_pos, text if located else "")
        if rel:
            (post if rel[1] else places).append(rel[0])
    verb = action
    if objects and post:
        places.append("把" + "、".join(objects))  # a place after the verb: the object goes before it
        objects = ()
    if hold and objects and not after and not str.endswith(verb, ("着", "住", "起", "好")):
        verb += "着"
    obj = "、".join(objects)
    if obj and len(verb) >= 2 and not comp and (verb[-1] == obj[0] or (
            len(verb) == 2 and len(obj) >= 2 and verb[-1] == obj[-1] and len(objects) == 1)):
        # a verb-object word whose object is the object's first character or its head (a compound's last: 船样's
        # 样) says it once, the verb with the whole object: 抖袖+袖子 → 「抖袖子」, 放样+船样 → 「放船样」
        verb = verb[:-1]
    if once and post:
        once = ""  # (「放在架子上」 says where the one movement ends)
    if once and not comp:
        verb += once  # 「拍一下醒木」「含一口松香末」
    whole = comp if len(comp) == 2 else (verb[-2:] if len(verb) >= 3 else "")
    if obj and not pre and whole in DIRECTIONS and whole not in OBJECT_BETWEEN and not post \
            and not any(p.startswith("把") for p in places) and not _is_body_motion(verb) \
            and verb[:1] not in SELF_MOTION:
        # the thing moved along a path goes before the verb with 把 (「把烟料倒进去」「把胶贴上去」); 「倒进
        # 烟料去」 splits the complement round it (only 出/起: 「拉出坯来」「拿起刀来」 read well)
        places.append("把" + obj)
        core = verb + comp
    elif comp and obj and len(comp) == 2:
        core = verb + comp[0] + obj + comp[1]  # 「拉出坯来」
    elif obj and len(verb) >= 3 and verb[-2:] in DIRECTION_COMPOUNDS and verb[-1] in "来去":
        core = verb[:-1] + obj + verb[-1]  # the verb said with its complement: 「抽出蚕丝来」, not 「抽出来蚕丝」
    else:
        core = verb + comp + obj
    if subject and any(ch in subject for ch in "手臂胳膊腕肘指"):
        hand = ""  # (「两条胳膊往前平举」: the arms said are the hands' own)
    if once and comp:
        core += once  # 「翻过来一下」
    if subject:
        limb = ""
    if len(places) > 1:
        _ba_before_direction(places)
    if len(core) == 1 and not post and places and str.startswith(places[-1], DISPOSAL_LEADS):
        # 把X takes no bare verb of one character (「把泥揉」 is no Chinese): the verb's result or direction said
        # right after it comes with it (「把皮捏起来」「把椰肉掏干净」); where none was said, X is the verb's object
        # again (「揉泥」)
        result = _result_said(text, v + len(surface)) if offsets and v is not None else ""
        if result:
            core += result
        else:
            core += places.pop()[1:]
    clause = hand + limb + subject + pre + how + manner + "".join(places) + core + formed + "".join(post)
    if after:
        clause += "," + ",".join(after)
    return clause, context


# (s23-terms) the shapes people or things are put into (「围成个圈圈」「排成一排」): a closed class of nouns of form
_FORMED_SHAPES = ("圈圈", "圆圈", "圈", "圆", "排", "行", "队")
_FORMED_COUNTS = ("一个", "个", "一")


def _formed_shape(text: str, at: int) -> str:
    """「成」 and the shape said right after a verb ending at ``at`` (「围成个圈圈」「排成一排」), as said, or "".
    What the dancers form is what the clip shows (the ring round the fire), and a 一圈 so said is no count of
    rounds (nothing is turned); the quantity reading keeps it as a count, which the caller drops."""
    if at < 0 or text[at:at + 1] != "成":
        return ""
    b = at + 1
    for count in _FORMED_COUNTS:
        if str.startswith(text, count, b):  # (str.startswith(text, ...): compiled, str's own, called directly)
            b += len(count)
            break
    for shape in _FORMED_SHAPES:
        if str.startswith(text, shape, b):
            return text[at:b + len(shape)]
    return ""


_BARE_DIRECTION = re.compile("[往朝向][前后左右上下里外回]{1,2}")


def _ba_before_direction(places: list) -> None:
    """把X goes before a bare direction (「把收口朝下放进…」, not 「朝下把收口放进…」): the direction is how the
    verb moves the thing, said right before the verb. In place."""
    for k, phrase in enumerate(places):
        if phrase.startswith(DISPOSAL_LEADS):
            j = next((i for i in range(k) if _BARE_DIRECTION.fullmatch(places[i])), None)
            if j is not None:
                places.insert(j, places.pop(k))
            return


_RESULT_CHARS = RESULT_COMPLEMENTS | AWAY_COMPLEMENTS
DISPOSAL_LEADS = tuple(DISPOSAL)


def _result_said(text: str, at: int) -> str:
    """The direction (起来, 出去) or the result (干净, 好, 平, 掉) said right after a verb ending at ``at``, or ""."""
    two = text[at:at + 2]
    if two in DIRECTIONS or (len(two) == 2 and two[0] in _RESULT_CHARS and two[1] in _RESULT_CHARS):
        return two
    return two[:1] if two[:1] in _RESULT_CHARS else ""


# a bare direction said right before the verb (「左脚往前迈」「腰往后弯」「往回一收」): where the motion goes
_PATH_BEFORE = re.compile(r"(?:往|朝|向)(?:前|后|左|右|上|下|里|外|回|两边|四边|四周|当中|中间)[上下前后左右]?(?=一?$)")
_PATH_BEFORE_SEARCH = _PATH_BEFORE.search  # (bound once: read per step, compiled)


def _path_said(text: str, s, e, surface: str) -> str:
    """The bare direction (往前, 往下, 朝外, 往回) said right before the step's verb in its clause, for a
    step whose place or path the reading left unsaid; "" where there is none."""
    if not text or not isinstance(s, int) or not isinstance(e, int) or not surface:
        return ""
    v = str.find(text, surface, s, e)  # (compiled, str's own find called directly)
    if v <= s:
        return ""
    m = _PATH_BEFORE_SEARCH(text, max(s, v - 5), v)
    return m.group(0) if m else ""


_LIMB_WORD = "|".join(LIMB_SUBJECTS)
_NUMERALS = {"一": 1, "两": 2, "二": 2, "三": 3}
# a limb said as the subject: after the clause's start, a side or hand (右手食指), a numeral and classifier
# (两个指头) or 的; 「大拇指跟食指」 two of them; then only adverbs, a bare direction, a manner (软软地,
# 侧着) or a part of the finger (根节) before the verb
_LIMB_PARTS = ("根节", "指尖", "尖")
_LIMB_ADVERBS = "先再就也都还又要得稍一"  # (and the two words 顺势, 微微)
_LIMB_WAYS = ("前", "后", "左", "右", "上", "下", "里", "外", "回")
_LIMB_BEFORE = re.compile(
    r"(?:([一两二三])([个根只]))?((?:%s)(?:(?:跟|和|与|、)(?:%s))*)"
    r"(?:%s)?(?:[%s]|顺势|微微|[往朝向](?:%s)[上下]?"
    r"|[^\s,。;!?、:]{1,2}地|[^\s,。;!?、:一]着)*$"
    % (_LIMB_WORD, _LIMB_WORD, "|".join(_LIMB_PARTS), _LIMB_ADVERBS, "|".join(_LIMB_WAYS)))
# the characters a match of _LIMB_BEFORE ends with, the one before the verb (its $ also matches before a
# final newline): the last of a limb word, of a part, an adverb, a direction, 地 or 着
_LIMB_FINALS = frozenset(w[-1] for w in LIMB_SUBJECTS + _LIMB_PARTS + _LIMB_WAYS) \
    | frozenset(_LIMB_ADVERBS + "势微上下地着\n")
_LIMB_BREAK = _last_break(",\uff0c。;\uff1b!\uff01?\uff1f:\uff1a")  # (not 、: 「拇指、食指、中指捏住」)
_LIMB_CHARSET = frozenset("".join(LIMB_SUBJECTS))
# (one of them in a string, found by a scan in C: set.isdisjoint over the string makes and hashes a string per
# CJK character)
_LIMB_CHAR = re.compile("[%s]" % "".join(sorted(map(re.escape, _LIMB_CHARSET))))
_LIMB_CHAR_SEARCH, _LIMB_BEFORE_SEARCH = _LIMB_CHAR.search, _LIMB_BEFORE.search  # (bound once: read per step, compiled)
_HAND_BEFORE = ("左手", "右手", "两手", "双手", "两只手", "一只手")


def _limb_said(text: str, v):
    """(limb, hand said with it, numeral, classifier) for a finger, a foot or a body part said as the
    subject right before the step's verb (said at ``v``, from ``_verb_at``) in its clause (「右手食指往里弹」
    「脖子先一缩」「手腕软软地垂下去」「脚尖点地」「右手两个指头捏住」), or None. The reading keeps a hand,
    not the finger that acts."""
    if not v or text[v - 1] not in _LIMB_FINALS:
        return None
    lo = max(0, v - 16)
    # (every limb word holds one of _LIMB_CHARSET: none in the 16 characters before the verb, no limb; a match
    # starts at most two characters, a numeral and a classifier, before its limb word, so not before the first
    # of them less two)
    first = _LIMB_CHAR_SEARCH(text, lo, v)
    if first is None:
        return None
    lo = _break_start(text, lo, v, _LIMB_BREAK)
    m = _LIMB_BEFORE_SEARCH(text, max(lo, first.start() - 2), v)  # (its $ is the verb's position, ``endpos``)
    if m is None:
        return None
    at = m.start()
    hand_said = str.endswith(text[max(0, at - 4):at], _HAND_BEFORE)
    if at > lo and not hand_said and text[at - 1] not in "了只":
        return None  # inside a longer word (用手指头, 手掌根) or the object of a verb before (握住病人的胳膊)
    numeral = _NUMERALS.get(m.group(1)) if m.group(1) else None
    phrase = (m.group(1) + m.group(2) if m.group(1) else "") + m.group(3)
    return phrase, hand_said, numeral, m.group(2)


def _once_said(spec: Spec, text: str, verb_pos, verb_len: int, end: int) -> str:
    """「一下」「一步」「一圈」: 一 and a movement's classifier said right after the step's verb (past an
    aspect particle 了/着/过: 「喊了一声」), or "" where the one event is said elsewhere."""
    if verb_pos is None:
        return ""
    cache = spec.__dict__.get("_render_once")
    if cache is None:
        units = getattr(spec, "units", None) or {}
        chars = "".join(sorted(u for u, v in units.items() if len(u) == 1 and v and v[0] in ("count", "times")))
        cache = spec.__dict__["_render_once"] = re.compile("[了着过]?(一[%s])" % re.escape(chars or "下"))
    m = cache.match(text, verb_pos + verb_len, max(end, verb_pos + verb_len))
    return m.group(1) if m else ""


# RELATION_LEADS by their first character, in their order (``_relation_text``)
_RELATION_LEADS_BY_CHAR = {c: tuple(w for w in RELATION_LEADS if w[0] == c) for c in {w[0] for w in RELATION_LEADS}}


def _relation_text(step: dict, verb_pos, text: str):
    """(phrase, after_verb) for a step's said place or path (「往版上」「顺着一个方向」), or None where it
    is no complete phrase (「在下」)."""
    rel = dict.get(step, "relation")
    if not rel:
        return None
    rel = rel.strip()
    if not str.startswith(rel, RELATION_LEADS):  # (str.startswith(rel, ...): compiled, str's own, called directly)
        return None
    surface = dict.get(step, "surface") or dict.get(step, "action") or ""
    if surface and surface in rel:
        rel = rel[:rel.index(surface)]
    rel = rel.rstrip("一")
    if str.endswith(rel, "一边") and str.startswith(rel, _ROUND_LEADS):
        rel = rel[:-2]  # 「围着棺木一边转一边唱」: 一边 pairs the two verbs, it is no part of the ground
    if len(rel) > 8 or _REDUPLICATED.search(rel):
        return None  # 「一点一点往下」: a manner said on the way, not a place
    # (the first of RELATION_LEADS it starts with: only those of its first character are tried, with no generator)
    for lead in dict.get(_RELATION_LEADS_BY_CHAR, rel[:1], ()):
        if str.startswith(rel, lead):
            break
    else:
        lead = next(w for w in RELATION_LEADS if rel.startswith(w))  # (none: as before)
    rest = rel[len(lead):]
    only_localizers = not rest.strip(LOCALIZERS)  # (「在下」: nothing but localizers after the lead)
    if not rest or (lead in ("在", "到", "从") and (len(rest) < 2 or only_localizers)):
        return None
    for name in (dict.get(step, "tool"), dict.get(step, "material")):
        if name and name in rel:
            return None  # the noun is said with its own part
    after = False
    if text and verb_pos is not None and lead in ("在", "到") and not only_localizers:
        i = str.find(text, rel, dict.get(step, "start") or 0, dict.get(step, "end") or len(text))
        after = i > verb_pos
    return rel, after


def _default_loc(tags: dict, noun: str, marker: str) -> str:
    """「放到X上」: 在/到 before a thing needs a localizer; a place word (jieba tag s: 原地) needs none."""
    if marker not in ("在", "到") or (tags.get(noun) or "")[:1] == "s":
        return ""
    return "上"


def _motion(spec: Spec, action: str) -> str:
    """What kind of step an action makes for the prompt: motion, direction (「出来」 alone), done
    (「蒸完」: the end of the step before), or noun (a word jieba tags as noun, a one-character
    non-verb). Kept per spec and action."""
    cache = spec.__dict__.setdefault("_render_motion", {})
    kind = cache.get(action)
    if kind is None:
        tag = spec.pos_tags().get(action) or ""
        if action in DIRECTIONS:
            kind = "direction"
        elif len(action) == 2 and action.endswith("完"):
            kind = "done"
        elif (tag[:1] == "n" or tag in ("t", "a", "ad", "an") or (len(action) == 1 and tag != "v")) \
                and not _is_body_motion(action) \
                and not (len(action) == 2 and action[1] in RESULT_COMPLEMENTS and verb_char(spec.pos_tags(), action[0])):
            # (转圈/n, 趴/zg move the body; a verb and its result is a motion whatever jieba tags it: 熨平/n)
            kind = "noun"
        else:
            kind = "motion"
        cache[action] = kind
    return kind


def plan_steps(spec: Spec, steps: list) -> list:
    """The steps the prompt says: a step that is no motion and says nothing else is left out (its
    hand is said by its neighbour); a bare direction becomes the complement of the verb before it
    (「拉」+「出来」+坯 → 「拉出坯来」); the same step said twice in a row is said once. The given
    step dicts are never changed (a merged one is a copy)."""
    kinds = spec.__dict__.get("_render_motion") or {}
    out = []
    prev = None
    copied = None
    for step in steps:
        action = dict.get(step, "action") or ""
        kind = kinds.get(action) or _motion(spec, action)
        bare = not (dict.get(step, "tool") or dict.get(step, "material") or dict.get(step, "params"))
        if kind == "motion":
            if bare and prev is not None and action == dict.get(prev, "action") \
                    and dict.get(step, "hand") == dict.get(prev, "hand") \
                    and not dict.get(prev, "tool") and not dict.get(prev, "material"):
                continue  # the same bare step said twice in a row
            out.append(step)
            prev = step
            continue
        if kind == "direction" and prev is not None and not dict.get(prev, "_complement") \
                and not dict.get(step, "tool") and not dict.get(step, "relation") \
                and dict.get(step, "hand") in (None, dict.get(prev, "hand")) \
                and not (dict.get(step, "material") and dict.get(prev, "material")) \
                and not (dict.get(step, "material") and _is_body(spec, dict.get(step, "material"))) \
                and not set(dict.get(step, "params") or ()) & set(dict.get(prev, "params") or ()):
            if prev is not copied:
                prev = copied = out[-1] = dict(prev)
            prev["_complement"] = action
            if dict.get(step, "material") and not dict.get(prev, "material"):
                prev["material"] = step["material"]
            if dict.get(step, "params"):
                prev["params"] = dict(dict.get(prev, "params") or {}, **step["params"])
            if isinstance(dict.get(step, "end"), int) and isinstance(dict.get(prev, "end"), int):
                prev["end"] = max(prev["end"], step["end"])
            continue
        if bare:
            hand = dict.get(step, "hand")
            if not hand or (prev is not None and dict.get(prev, "hand") == hand):
                continue
        out.append(step)
        prev = step
    return out


def _own_objects(steps: list) -> None:
    """A verb that holds its own object (淬火, 进水, 降温: ``words.OWN_OBJECT_CHARS``) said with a thing that
    another step shows is marked ``_own_object`` (a copy): the thing said after it is no object of its
    own (「淬火一进水刃口就硬了」: 进水, not 进水刃口); a thing no other step shows stays, never dropped."""
    for n, st in enumerate(steps):
        action, material = dict.get(st, "action") or "", dict.get(st, "material")
        if material and len(action) == 2 and action[-1] in OWN_OBJECT_CHARS and any(
                material in (dict.get(o, "material"), dict.get(o, "tool")) for o in steps if o is not st):
            steps[n] = dict(st, _own_object=True)


# what may stand between a verb and its object: nothing, or an aspect particle (跳起傩舞, 唱着长调)
_OBJECT_GAP = frozenset(("", "着", "了", "过"))


def _weave(steps: list, clauses: list, said: Said, text: str) -> set:
    """A tool or material the speaker named inside a step's clause that no step carries is given to
    that step by its part in the clause: 「锥子先扎个眼」 → 用锥子扎眼, 「在塑料布上画」 → the place.
    Returns the indices of the steps so changed."""
    carried = set(map(dict.get, steps, repeat("tool")))  # (each step's tool and material, read in C)
    carried.update(map(dict.get, steps, repeat("material")))
    changed = set()
    candidates = [t for t in said.terms if t[3] not in carried and len(t[2]) >= 2]
    candidates += [t for t in said.open_nouns if t[3] not in carried and not said.covered[t[0]]]
    if candidates:
        shown = "".join(clauses)
        candidates = [t for t in candidates if t[2] not in shown]
    if not candidates:
        return changed  # every word said is carried by a step or already said
    located = [(dict.get(st, "start"), n) for n, st in enumerate(steps)]
    located = [x for x in located if isinstance(x[0], int)]
    located.sort()
    step_starts = [p for p, _ in located]
    placed = set()
    for a, b, word, canon, category in candidates:
        if word in placed or canon in carried:
            continue
        i = bisect_right(step_starts, a)
        # the step whose clause holds the word, or the next one when the word opens its clause
        for k in (i - 1, i):
            if not 0 <= k < len(located):
                continue
            n = located[k][1]
            step, clause = steps[n], clauses[n]
            s, e = step["start"], step["end"]
            start = s
            if a < s and b <= s and not _CLAUSE_BREAK.search(text[b:s]):
                start = a  # said just before the step's verb in the same clause (「锥子先扎个眼」)
            if not start <= a < e or word in clause:
                continue
            surface = dict.get(step, "surface") or dict.get(step, "action") or ""
            verb_pos = _verb_at(text, s, e, surface, said.covered)
            if category == "technique" and (dict.get(step, "material") or dict.get(step, "tool") or verb_pos is None
                                            or text[verb_pos + len(surface):a] not in _OBJECT_GAP):
                continue  # (a noun of no known kind: only as the object right after a verb that has none)
            role = _role(text, start, a, b - a, verb_pos, len(surface), dict.get(step, "action") or "")
            if category == "technique" and role[0] != "object":
                continue
            if role[0] in ("instrument", "topic") and not dict.get(step, "tool") and category == "tool":
                step = steps[n] = dict(step)
                step["tool"] = canon
            elif role[0] == "place":
                lead = role[2] if role[2] in PATH else "在"
                step = steps[n] = dict(step)
                step["_places"] = list(dict.get(step, "_places") or ())
                step["_places"].append(
                    lead + shown_name(canon, word) + (role[1] or ("上" if lead == "在" else "")))
            elif role[0] in ("object", "disposal") and not dict.get(step, "material") and not dict.get(step, "tool"):
                step = steps[n] = dict(step)
                step["material"] = canon
                step["_no_default"] = True
            else:
                continue
            carried.add(canon)
            placed.add(word)
            changed.add(n)
            break
    return changed


def render_prompt(description: dict, camera: str | None = None, *, step: int | None = None,
                  spec: Spec | None = None) -> str:
    """One standard Chinese prompt for a whole technique: who, each step (hand, tool, action,
    material, parameters with units), camera framing, lighting, slow motion. ``camera`` is one of the
    spec's framings (close-up, macro, top-down, medium, wide) and overrides the craft's default. With
    ``step`` (an ``order``), the prompt for that one step only."""
    spec = spec or get_spec()
    if step is not None:
        chosen = [s for s in description.get("steps") or [] if dict.get(s, "order") == step]
        if not chosen:
            raise ValueError(f"no step with order {step}")
        description = dict(description, steps=chosen)
    tpl = spec.templates
    craft = description.get("craft")
    technique = description.get("technique")
    style = style_for(spec, craft, technique, description.get("craft_name"), description.get("steps"),
                      description.get("text") or "")
    cameras = tpl.get("camera", {})
    camera_key = camera or description.get("camera") or style.get("camera") or "close-up"
    if camera_key not in cameras:
        raise ValueError(f"unknown camera framing {camera_key!r}; one of: {', '.join(cameras)}")
    steps = description.get("steps") or []
    text = description.get("text") or ""
    said = Said(description, spec.pos_tags())
    said_terms, unverified = said.terms, said.unverified
    # a default material only where the speaker named none at all (never against what was said)
    default_material = None
    if not any(dict.get(s, "material") for s in steps) and not any(t[4] == "material" for t in said_terms) \
            and not (not text and any(dict.get(t, "category") == "material" for t in description.get("terms") or ())):
        default_material = spec.default_material.get(craft or "", None)
    planned = plan_steps(spec, steps) if len(steps) > 1 else list(steps)
    if not planned and steps:
        planned = [steps[0]]
    _own_objects(planned)

    def render_one(s):
        clause, context = render_step(spec, s, craft, default_material=default_material, text=text,
                                      said=said)
        return clause + (f"({context})" if context and clause else "")

    def said_once(clauses):
        out = []
        for c in clauses:
            if c and (not out or out[-1] != c):
                out.append(c)
        return out

    clauses = [render_one(s) for s in planned]
    if text and said_terms:
        for n in _weave(planned, clauses, said, text):
            clauses[n] = render_one(planned[n])
    rendered = said_once(clauses)
    if len(rendered) > 1:
        steps_text = tpl["step_joiner"].join(_numbered_steps(tpl["numbered_step"], rendered))
    else:
        steps_text = rendered[0] if rendered else style.get("technique", "")
    # tools and materials the speaker named that no step carries are still in view (never dropped)
    shown = "".join(rendered)
    seen_items = []
    # (「千万别使铁锅」: a thing said not to be used is not in view, ``words.UNUSED_RE``)
    said_nouns = [t[2] for t in said_terms if not said_unused(text, t[0])] + unverified \
        if text else \
        [dict.get(t, "text") or "" for t in description.get("terms") or ()
         if dict.get(t, "category") in ("tool", "material")]
    for name in said_nouns:  # as said (the spec's name may belong to another craft)
        if len(name) >= 2 and name not in shown and name not in seen_items:
            seen_items.append(name)
    if seen_items and rendered:
        steps_text += tpl.get("in_view", ";画面中可见{items}").format(items="、".join(seen_items[:6]))
    # technique names of the spec that the speaker said (鬅毛针, 马步, 妆花) and no step shows head the
    # steps: the prompt names the technique the master named
    named = _named_techniques(said.techniques, shown + steps_text) if text and rendered else []
    if named:
        steps_text = tpl.get("named_techniques", "{names}技法:").format(names="、".join(named)) + steps_text
    who = style.get("who", "").format(craft_name=style.get("craft_name", ""))
    technique_word = style.get("technique", "")
    if text and rendered:
        # (s22-terms) the practice the text opens with (「跳萨朗嘛,…」「昆曲的兰花指,…」) is what is shown
        opening = _opening_name(text, description.get("terms") or (), spec)
        if opening is not None:
            said_name = text[opening[0]:opening[1]]
            if said_name not in steps_text and said_name not in who:
                technique_word = opening[2] + technique_word
    return tpl["prompt"].format(
        who=who,
        technique=technique_word,
        steps=steps_text,
        camera=cameras[camera_key],
        lighting=style.get("lighting", ""),
        slow=tpl.get("slow_motion", "") if style.get("slow_motion") else "",
    )


# (s24-speedC) one of PUNCT (every one a single character), and any other character
_PUNCT_CHAR = re.compile("[%s]" % "".join(map(re.escape, sorted(PUNCT))))
_NOT_PUNCT = re.compile("[^%s]" % "".join(map(re.escape, sorted(PUNCT))))


def _first_clause(text: str) -> tuple:
    """(start, end) of the text's first clause: past the punctuation (``PUNCT``) it opens with, up to the next.
    (s24-speedC) Each found by one scan in C: a walk by character made a string per character."""
    m = _NOT_PUNCT.search(text)
    i = m.start() if m is not None else len(text)
    m = _PUNCT_CHAR.search(text, i)
    return i, (m.start() if m is not None else len(text))


def _opening_name(text: str, terms, spec: Spec):
    """(s22-terms) The practice a text opens with as the topic of its first clause (「跳萨朗嘛,…」「黑走马,…」「昆曲的
    兰花指,…」「俺这支巴乌是中音的,…」「说绕口令嘛,…」): a term of two characters or more (no body part, no action) in
    the first clause that closes it, or is followed only by particles of mood or by a copula, with nothing before it in
    the clause but the speaker's pronoun, a demonstrative and a classifier, whose-or-where before 的 (nouns and pronouns
    only), or one verb word naming the job (跳, 做, 说), which the name keeps. The latest
    such term, the longest of those ending there: (start, end, name), the name with the job's verb said before it
    (「打尜儿」), or None."""
    n = len(text)
    i, end = _first_clause(text)
    if end < n and text[end] == "、":
        return None  # (「文狮、武狮舞法不一样」: the first of a list is no topic)
    best = None
    freq = None
    for t in terms:
        # (its end first: most terms are past the first clause, and one read spares the others)
        b = dict.get(t, "end")
        if not isinstance(b, int) or b > end:
            continue
        category = dict.get(t, "category")
        if category != "technique" and category != "tool" and category != "material":
            continue
        a, said = dict.get(t, "start"), dict.get(t, "text") or ""
        if not isinstance(a, int) or a < i or len(said) < 2 or text[a:b] != said:
            continue
        if best is not None and (b < best[1] or (b == best[1] and b - a <= best[1] - best[0])):
            continue
        tail = text[b:end]
        if tail and not all(c in OPENING_CLOSING_PARTICLES for c in tail) and not tail.startswith(OPENING_COPULAS):
            continue
        if said in STOP_NOUNS or any(said.endswith(g) for g in GENERIC_SUFFIX_WORDS) or said_unused(text, a) \
                or said.startswith(OPENING_PRONOUNS):
            continue
        if freq is None:
            freq = spec.ensure_tokenizer().FREQ
        if OPENING_COMMON_FREQ <= (freq.get(said) or 0) < TERM_FREQ // 2:
            continue  # (「阿凡提的故事嘛」: a word of everyday speech (故事, 传说) names no practice)
        lead = _opening_lead(text[i:a], spec, bool(tail))
        if lead < 0:
            continue
        best = (a, b, text[a - lead:b])
    return best


# (s22-terms) A word jieba's dictionary counts this often (and the spec did not add) is everyday speech, no practice's name
OPENING_COMMON_FREQ = 1000


def _opening_lead(head: str, spec: Spec, goes_on: bool = False) -> int:
    """What stands before the practice named in a text's first clause (``_opening_name``) says only who, whose or
    where, or the job done with it; whose or where (的) only where the name closes the clause (「芦笙的簧片是响铜片」
    says what a part is). The number of its last characters the name keeps (the job's verb: 「抹石灰,」 names 抹石灰,
    not 石灰), or -1 where it says more."""
    if not head:
        return 0
    for p in OPENING_PRONOUNS:
        if head.startswith(p):
            head = head[len(p):]
            break
    if head[:1] in OPENING_DEMONSTRATIVES:
        head = head[1:]
        if head[:1] in OPENING_CLASSIFIERS:
            head = head[1:]
    if not head:
        return 0
    tags = spec.pos_tags()
    if head[-1] == "的":
        if goes_on:
            return -1
        words = spec.ensure_tokenizer().lcut(head[:-1]) if len(head) > 1 else ()
        return 0 if words and all(tags.get(w, "x")[:1] in TOPIC_NAME_TAGS or tags.get(w, "")[:1] == "r"
                                  for w in words) else -1
    return len(head) if len(head) <= 2 and tags.get(head, "")[:1] == "v" else -1


_NUMBERED_PARTS: dict = {}


def _numbered_steps(template: str, rendered: list) -> list[str]:
    """``template.format(order=i + 1, text=r)`` for each rendered step: where the template is plain text with
    ``{order}`` and ``{text}`` once each and no other brace (「第{order}步,{text}」), its pieces are cut once per
    template and each step is joined from them (a format call parses the template and builds its keywords each
    time: several times the cost); any other template is formatted."""
    parts = _NUMBERED_PARTS.get(template)
    if parts is None:
        if template.count("{order}") == 1 and template.count("{text}") == 1:
            a, rest = template.split("{order}")
            if "{text}" in rest:
                b, c = rest.split("{text}")
                if not any(ch in piece for piece in (a, b, c) for ch in "{}"):
                    parts = (a, b, c)
        _NUMBERED_PARTS[template] = parts = parts or ()
    if not parts:
        return [template.format(order=i + 1, text=r) for i, r in enumerate(rendered)]
    a, b, c = parts
    return [a + str(i) + b + r + c for i, r in enumerate(rendered, 1)]


def _named_techniques(techniques: list, shown: str, limit: int = 3) -> list[str]:
    """The spec's technique terms (not open-vocabulary guesses) as the speaker said them (``Said.techniques``),
    in text order, each once, that ``shown`` does not already contain."""
    out = []
    for said in techniques:
        if len(said) >= 2 and said not in shown and said not in out:
            out.append(said)
    return out[:limit]


def final_prompt(description: dict, camera: str | None = None, *, spec: Spec | None = None) -> str:
    """The prompt a job uses: the curator's hand edit when there is one (``prompt_override``), else
    the prompt rendered from the structure."""
    override = (description.get("prompt_override") or "").strip()
    return override or render_prompt(description, camera, spec=spec)
