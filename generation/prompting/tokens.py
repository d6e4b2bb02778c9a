"""Token records and word tests shared by every normalization stage: ``Step`` (one step read from the text),
``Counters``, ``Doc`` (the token stream: words, starts, kinds), character normalization, the kind table a spec's
terms give (``kind_table``) and the word tests (``_head``, ``_is_material_word``, ``_is_tool_word``, ``_is_body``).
Constants live in ``words.py``."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .quantities import QuantityFinder
from .spec import HAND_TERMS, Spec, TERM_FREQ, char_table, char_table_chars
from .words import (ODD_NOUN_TAGS, BEFORE_WORDS, BODY_LOCATIVES, BODY_MOTION_TAIL, BODY_MOTION_VERBS, BODY_POINTS, BODY_WORDS,
                    COLOUR_CHARS, COLOUR_NAME_FREQ, CONTEXT_ACTIONS, CONTEXT_HAND_VERBS, DIRECTION_WORDS, HANDLE_SUFFIX,
                    LIMB_CHARS, MANNER_VERBS, MATERIAL_HEADS, NOT_VERBS, OBJECT_MARKERS, PUNCT, RAW_STUFF_HEADS,
                    RELATION_MARKERS, RESULT_VERBS, SEQ_MARKERS, SHAPE_SUFFIX, SPEECH_VERBS, STOP_NOUNS, STOP_VERBS,
                    STUFF_NAMED_TOOLS, TOOL_HEADS, TOOL_LEAD, WHITESPACE, WORKING_HEADS)


@dataclass(slots=True)  # (no per-step dict: cheaper to make and to read)
class Step:
    hand: str | None = None
    action: str | None = None
    tool: str | None = None
    material: str | None = None
    relation: str | None = None
    manner: str | None = None
    params: dict = field(default_factory=dict)
    defaults: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    start: int = -1
    end: int = -1
    before_next: bool = False
    topic: bool = False  # the clause ended in a topic particle: 「点蓝嘛,…」
    from_technique: bool = False  # the action is a technique named in the clause (「擞和针就是…」)
    general_action: bool = False  # the action is a general verb (拿, 放, 刷…), not the craft's own
    surface: str = ""  # the action as spoken
    vague: list = field(default_factory=list)  # (param, level) pairs from vague words
    material_default: bool = False
    open_action: bool = False  # the action is a verb read by part of speech, not a spec term
    open_terms: list = field(default_factory=list)  # (start, end, category) of open-vocabulary names
    extra_params: list = field(default_factory=list)  # (name, value) said a second time for this step
    counted: str = ""  # the classifier of params["count"] when it counts things (个, 根): see Quantity
    lead_only: bool = False  # only 用X was said: what the next clause's verb works with
    forward_lead: str | None = None  # 拿X closing a unit cut before 把: the next unit's tool
    subject: bool = False  # a noun stands before the verb (「底下的手接住」「剪刀不动」): no hand carried
    role: str | None = None  # a parallel role subject (「上手弹三弦,下手弹琵琶」): another role, another step
    put_at: str | None = None  # where the verb puts its thing (「夹在指头缝里」): a place after V在/V到

    # The dataclass's own __init__ is generated with exec and so runs interpreted even in the compiled build (about
    # 7,600 instructions a call; one Step per unit read, ~14,000 per bench pass). This one is compiled; dataclass keeps
    # an __init__ the class defines. Same parameters, order and defaults as the fields above (a list or dict field
    # left out gets a fresh empty one): tests/test_prompting_step_init.py compares it with the generated one.
    def __init__(self, hand=None, action=None, tool=None, material=None, relation=None, manner=None, params=None,
                 defaults=None, notes=None, start=-1, end=-1, before_next=False, topic=False, from_technique=False,
                 general_action=False, surface="", vague=None, material_default=False, open_action=False,
                 open_terms=None, extra_params=None, counted="", lead_only=False, forward_lead=None, subject=False,
                 role=None, put_at=None):
        self.hand = hand
        self.action = action
        self.tool = tool
        self.material = material
        self.relation = relation
        self.manner = manner
        self.params = {} if params is None else params
        self.defaults = [] if defaults is None else defaults
        self.notes = [] if notes is None else notes
        self.start = start
        self.end = end
        self.before_next = before_next
        self.topic = topic
        self.from_technique = from_technique
        self.general_action = general_action
        self.surface = surface
        self.vague = [] if vague is None else vague
        self.material_default = material_default
        self.open_action = open_action
        self.open_terms = [] if open_terms is None else open_terms
        self.extra_params = [] if extra_params is None else extra_params
        self.counted = counted
        self.lead_only = lead_only
        self.forward_lead = forward_lead
        self.subject = subject
        self.role = role
        self.put_at = put_at

    def extend(self, start: int, end: int) -> None:
        if start < 0:
            return
        if self.start < 0 or start < self.start:
            self.start = start
        if end > self.end:
            self.end = end


@dataclass
class Counters:
    """Work done, for the linear-time property test (an operation count, not a wall time)."""

    chars: int = 0
    tokens: int = 0
    units: int = 0
    quantities: int = 0

    @property
    def operations(self) -> int:
        return self.chars + self.tokens + self.units + self.quantities


def finder_for(spec: Spec) -> QuantityFinder:
    finder = getattr(spec, "_finder", None)
    if finder is None:
        finder = QuantityFinder(spec.units, spec.cues, spec.approx_ratio,
                                hand_words=[w for w, i in spec.terms.items() if i.canonical in HAND_TERMS],
                                # the spec's added forms have TERM_FREQ or half of it
                                word_freq=spec.ensure_tokenizer().FREQ, own_freq=TERM_FREQ // 2,
                                verb_chars=[w for w, t in spec.pos_tags().items() if len(w) == 1 and t[:1] == "v"],
                                hand_verbs=CONTEXT_HAND_VERBS)
        spec._finder = finder
    return finder


# an ASCII full stop that is no decimal point (「1.5」) nor part of an ellipsis ends a sentence like 。 (the
# look-behind after the full stop, so the scan looks for 「.」 alone, in C)
_ASCII_STOP = re.compile(r"\.(?<![\d.]\.)(?![\d.])")


def _mapped_char(m: re.Match) -> str:
    c = m.group()
    return char_table().get(ord(c), c)


def normalize_chars(text: str) -> str:
    # (a text with no character the table maps is left as it is: the translation would give it back unchanged)
    # Where one is, only the characters the table may map are replaced, each by what ``str.translate`` gives it
    # (the table's character, or itself): the same text, but translate looks every character of the text up in
    # the dict and pays a raised and cleared KeyError for each it lacks, most of a text (about 90 % of this
    # function's cost over the bench corpus).
    chars = char_table_chars()
    norm = chars.sub(_mapped_char, text) if chars.search(text) is not None else text
    if "." in norm:
        norm = _ASCII_STOP.sub("\u3002", norm)
    if len(norm) != len(text):  # pragma: no cover - the table maps one character to one character
        raise AssertionError("character normalization must keep every index")
    return norm


@dataclass(slots=True)  # (no dict: its arrays are read by every rule)
class Doc:
    """The text as parallel arrays over jieba's tokens (a quantity is one token): cheap to build in C
    (``lcut``, ``accumulate``, ``map``), walked in Python only at the tokens that matter."""

    words: list
    starts: list  # len(words) + 1 offsets into the text
    kinds: list  # per token: "P" punctuation, "M" sequence marker, "R" relation marker, "B" 之前, "C" context
    #              verb, "T" lexicon term, "Q" quantity, or None for every other word
    quantities: dict  # token index → Quantity
    interesting: list  # indices of tokens whose kind is not None, ascending
    # token index → the spec's tool/material term heading a noun compound joined from jieba's pieces
    # (「熟」「桐油」 → 熟桐油, headed by 桐油)
    compounds: dict = field(default_factory=dict)
    # token indices of parallel role subjects (「上手弹三弦,下手弹琵琶」): who, never what is worked
    roles: set = field(default_factory=set)
    # token indices of the spec's terms read as verbs by their place (「清水掺上香料」): still listed as terms
    verb_terms: set = field(default_factory=set)
    # (nlp-merge) token index where a doer's 的-phrase opens its clause → the index right after it (「炒茶的一边」
    # 「跳的人」): who does the work, no step; the clause's unit is read from that index on
    doers: dict = field(default_factory=dict)


def kind_table(spec: Spec) -> dict:
    """Word → kind. Open-vocabulary kinds come from jieba.posseg's tag table (jieba's own dictionary
    plus the spec's words): "V" a verb that can start a step, "N" a noun that can be a tool or
    material by its role; the spec's own kinds override them."""
    table = getattr(spec, "_kinds", None)
    if table is None:
        tags = spec.pos_tags()
        freq = spec.ensure_tokenizer().FREQ
        table = {}
        for w, f in tags.items():
            if f[:1] == "v" and w not in STOP_VERBS and w not in MANNER_VERBS and w not in NOT_VERBS \
                    and w not in RESULT_VERBS and not (len(w) == 2 and w[0] == "变") \
                    and not w.startswith("每") and not _potential_form(w):
                table[w] = "V"
            elif f in ("n", "nz", "ng", "nrt") and w not in STOP_NOUNS:
                table[w] = "N"
            elif f in ("nr", "ns") and len(w) <= 3 and (_is_tool_word(w) or _is_material_word(w)):
                # jieba tags many unknown craft compounds as person or place names (木锤/nr, 石臼/ns);
                # head-final, a word headed by a tool or material character is that thing
                table[w] = "N"
            elif f in ("nr", "ns") and len(w) == 2 and w[1] in COLOUR_CHARS and freq.get(w, 0) < COLOUR_NAME_FREQ:
                # so are the rarer names of a colour, a dye or a herb (毛蓝/nr, 藏青/nr, 麻黄/nr): a noun; not the
                # common words jieba tags so (明白, 白白, 天黑)
                table[w] = "N"
            elif f in ODD_NOUN_TAGS and len(w) == 2 and w[1] == "子" and tags.get(w[0], "")[:1] != "v":
                table[w] = "N"  # 「拿根小槌子」: a thing named with 子 that jieba tags an idiom or a phrase (槌子/i)
        for w in BODY_POINTS:
            table[w] = "N"  # 「虎口半开」: a body point jieba tags as a place (虎口/ns) is a noun all the same
        for w in BODY_MOTION_VERBS:
            table[w] = "V"  # 「随着鼓点转圈」: jieba tags 转圈 a noun, 趴/奔 a morpheme; each moves the body
        for w in STOP_VERBS | MANNER_VERBS | RESULT_VERBS | set(spec.vague) | set(spec.manner):
            table.pop(w, None)
        for w in TOOL_LEAD:
            table[w] = "L"
        for w in OBJECT_MARKERS:
            table[w] = "O"
        for w in spec.craft_words:
            table[w] = "A"
        for w in CONTEXT_ACTIONS:
            table[w] = "C"
        for w in BEFORE_WORDS:
            table[w] = "B"
        for w in RELATION_MARKERS:
            table[w] = "R"
        for w in [w for w in table if len(w) == 2 and w[0] in "往朝向" and w[1] in DIRECTION_WORDS]:
            table[w] = "R"  # 「往右脚后跟一碰」: jieba's 往右/朝右 (nouns in its dictionary) say which way
        for w in SEQ_MARKERS:
            table[w] = "M"
        for w, info in spec.terms.items():
            table[w] = "H" if info.canonical in HAND_TERMS else "T"
        for w in PUNCT | WHITESPACE:
            table[w] = "P"
        spec._kinds = table
    return table


def _potential_form(word: str) -> bool:
    """「跟得上」「看不出来」「急不来」: a verb with 得/不 before its complement says whether something
    can be done, it describes no action."""
    return len(word) >= 3 and word[1] in "得不" and word[0] != "不"


def _is_body(spec: Spec, word: str, place: bool = False) -> bool:
    """A body part (with ``place``, also one glued to its locative: 肩上, 胸前, 身后)."""
    if place and len(word) > 1 and word[-1] in BODY_LOCATIVES and word[:-1]:
        if _is_body(spec, word[:-1]):
            return True
    if len(word) > 1 and word[-1] in "头子" and (word[:-1] in spec.terms or word[:-1] in LIMB_CHARS):
        word = word[:-1]  # 手指头, 腕子, 额头, 膀子
    info = spec.terms.get(word)
    if info is not None:
        return info.category == "body"
    return word in BODY_WORDS or (len(word) <= 3 and word[-1:] in LIMB_CHARS)


def _head(word: str) -> str:
    word = word[:-1] if len(word) > 1 and word[-1] in "子儿头" else word
    if len(word) > 1 and word[-1] in SHAPE_SUFFIX:
        word = word[:-1]
    return word[-1:]


def _all_stuff(word: str) -> bool:
    """Every character of the name is stuff or its shape (竹篾, 木炭, 炭条), no word of use or form (醒木)."""
    return all(c in MATERIAL_HEADS or c in RAW_STUFF_HEADS or c in SHAPE_SUFFIX for c in word)


def _is_material_word(word: str) -> bool:
    return _head(word) in MATERIAL_HEADS


def _is_tool_word(word: str) -> bool:
    return _head(word) in TOOL_HEADS or word[-2:] in STUFF_NAMED_TOOLS or (
        len(word) > 1 and word[-1] in HANDLE_SUFFIX and _head(word[:-1]) in TOOL_HEADS)


def _is_working_tool(word: str) -> bool:
    """A tool word whose head names an implement that works another thing (``words.WORKING_HEADS``: 刻刀, 鼓槌,
    毛笔, 刀柄), not a vessel, an instrument or a prop handled for itself (盘子, 小鼓, 扇子, 命杆)."""
    return _head(word) in WORKING_HEADS or word[-2:] in STUFF_NAMED_TOOLS or (
        len(word) > 1 and word[-1] in HANDLE_SUFFIX and _head(word[:-1]) in WORKING_HEADS)


def _is_speech(surface: str | None) -> bool:
    """The verb says, sings or recites words (唱, 念完, 说); 背 is also to carry on the back."""
    return bool(surface) and surface[:1] in SPEECH_VERBS and surface[:1] != "背"


def _is_body_motion(surface: str | None) -> bool:
    """The verb moves or settles the whole body (跳, 走过去, 蹲下): see ``words.BODY_MOTION_VERBS``."""
    if not surface:
        return False
    for n in range(len(surface), 0, -1):
        if surface[:n] in BODY_MOTION_VERBS:
            return all(ch in BODY_MOTION_TAIL for ch in surface[n:])
    return False

