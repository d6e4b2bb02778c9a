"""Transcript → terms, ordered steps and parameters.

Pipeline (each stage is linear in the length of the text):
  1. normalize characters without moving any (traditional → simplified, full-width → ASCII);
  2. find quantities with regular expressions (``quantities.py``);
  3. segment the text between quantities with the spec's own jieba tokenizer (HMM off);
  4. cut the token stream into units at punctuation and sequence markers (先/再/然后/第一步…);
  5. each unit with an action verb starts a step; a unit without one adds its parameters, tool or
     material to the step it belongs to; warnings (不然容易断) become notes on the step; fillers
     (嗯, 那个, 就是说, 对吧) never make a step;
  6. vague degree words (斜一点, 慢慢…) and tools/actions with implied values fill parameters the speaker
     did not say, each recorded in the step's ``defaults``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, compress

from .quantities import Quantity, QuantityFinder
from .spec import HAND_TERMS, Spec, TermInfo, char_table

PUNCT = set(",。;;!!??、…\n\r\t::“”\"'‘’()()[]【】《》<>·~ 　") | {",", "."}
FILLERS = {"嗯", "啊", "呃", "哎", "哎呀", "哎哟", "唉", "哦", "噢", "呀", "吧", "呢", "嘛", "啦", "哈", "哇", "诶", "欸",
           "那个", "这个", "就是", "就是说", "对吧", "对", "是吧", "你知道", "你看", "我跟你说", "怎么说呢", "然后呢",
           "反正", "其实", "所以说", "的话", "这样", "那样", "这么", "那么", "一般", "一般来说", "我们", "咱们", "你",
           "我", "他", "她", "要", "得", "的", "地", "了", "着", "过", "把", "将", "给", "就", "也", "都", "还", "再说",
           "好", "好了", "行", "是", "这", "那", "呗", "嘿", "喏"}
# Markers that start a new unit (and say where the step sits in the order).
SEQ_MARKERS = {"先", "首先", "再", "然后", "接着", "接下来", "之后", "随后", "最后", "最后呢", "完了", "完了以后",
               "第一步", "第二步", "第三步", "第四步", "第五步", "第六步", "第七步", "第八步", "第九步", "第十步",
               "第一", "第二", "第三", "第四", "第五", "其次", "等到", "等", "以后", "以后呢", "之后呢"}
SKIP = FILLERS | SEQ_MARKERS
TOPIC_PARTICLES = {"嘛", "呢", "的话", "啊", "呀"}
WARNING_CUES = ("不然", "要不然", "要不", "否则", "免得", "以免", "小心", "注意", "千万", "容易")
TOOL_LEAD = {"用", "以", "拿", "拿着", "持", "握", "握着", "使", "使用", "捏着", "攥着", "借助", "靠"}
RELATION_MARKERS = {"沿", "沿着", "顺着", "从", "垂直于", "平行于", "贴着", "绕着", "围着", "对着", "朝着", "朝", "往",
                    "向", "在", "由"}
RELATION_END = {"上", "下", "里", "边", "中", "内", "外", "处", "方向", "周围", "中间", "边缘", "上面", "下面", "里面",
                "旁边", "到", "为止", "底下", "面上"}
BEFORE_WORDS = {"之前", "以前"}
# Verbs that mean 进针/出针 only when a needle is in the unit (「针要斜一点进去」).
CONTEXT_ACTIONS = {"进去": "进针", "下去": "进针", "扎": "进针", "扎下去": "进针", "刺": "进针", "穿过去": "进针",
                   "出来": "出针", "拉出来": "出针", "挑出来": "出针"}
NEEDLE_TOOLS = {"绣针"}
# 「每针」「一针接一针」: after a numeral or 每, 针 counts stitches and is not the needle.
MEASURE_FORMS = {"针"}
MEASURE_PREV = {"一", "每", "两", "几", "半", "这", "那", "哪", "多少"}




@dataclass
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

    def extend(self, start: int, end: int) -> None:
        if start < 0:
            return
        self.start = start if self.start < 0 else min(self.start, start)
        self.end = max(self.end, end)


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
        finder = QuantityFinder(spec.units, spec.cues, spec.approx_ratio)
        spec._finder = finder
    return finder


def normalize_chars(text: str) -> str:
    norm = text.translate(char_table())
    if len(norm) != len(text):  # pragma: no cover - the table maps one character to one character
        raise AssertionError("character normalization must keep every index")
    return norm


QSENT = "\x00"  # placeholder character for a quantity's span in the text jieba sees
WHITESPACE = {" ", "\n", "\r", "\t", "\r\n", "\u3000", "\xa0", "\u2003", "\u2002", "\u200b", "\ufeff", "\x0b", "\x0c"}


@dataclass
class Doc:
    """The text as parallel arrays over jieba's tokens (a quantity is one token): cheap to build in C
    (``lcut``, ``accumulate``, ``map``), walked in Python only at the tokens that matter."""

    words: list
    starts: list  # len(words) + 1 offsets into the text
    kinds: list  # per token: "P" punctuation, "M" sequence marker, "R" relation marker, "B" 之前, "C" context
    #              verb, "T" lexicon term, "Q" quantity, or None for every other word
    quantities: dict  # token index → Quantity
    interesting: list  # indices of tokens whose kind is not None, ascending


def kind_table(spec: Spec) -> dict:
    table = getattr(spec, "_kinds", None)
    if table is None:
        table = {}
        for w in CONTEXT_ACTIONS:
            table[w] = "C"
        for w in BEFORE_WORDS:
            table[w] = "B"
        for w in RELATION_MARKERS:
            table[w] = "R"
        for w in SEQ_MARKERS:
            table[w] = "M"
        for w in spec.terms:
            table[w] = "T"
        for w in PUNCT | WHITESPACE:
            table[w] = "P"
        spec._kinds = table
    return table


def tokenize_doc(spec: Spec, norm: str, counters: Counters | None = None) -> Doc:
    """Quantities first, then jieba (HMM off) on the rest.

    The quantity spans are blanked with a placeholder (same length, a character jieba never joins to a
    word), so one ``lcut`` covers the whole text and every offset stays valid; each blanked span then
    becomes one token."""
    tk = spec.ensure_tokenizer()
    quantities = finder_for(spec).find(norm)
    if quantities:
        pieces, pos = [], 0
        for q in quantities:
            pieces.append(norm[pos:q.start])
            pieces.append(QSENT * (q.end - q.start))
            pos = q.end
        pieces.append(norm[pos:])
        blanked = "".join(pieces)
    else:
        blanked = norm
    raw = tk.lcut(blanked, HMM=False)
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
    interesting = list(compress(range(len(words)), kinds))
    if counters is not None:
        counters.chars += len(norm)
        counters.tokens += len(words)
        counters.quantities += len(quantities)
    return Doc(words, starts, kinds, qmap, interesting)


def tokenize(spec: Spec, norm: str, counters: Counters | None = None) -> list[tuple]:
    """(start, end, word, quantity-or-None, TermInfo-or-None) per token (for tests and tools)."""
    doc = tokenize_doc(spec, norm, counters)
    get = spec.terms.get
    return [(doc.starts[i], doc.starts[i + 1] if i + 1 < len(doc.starts) else len(norm),
             norm[doc.starts[i]:doc.starts[i + 1]] if i in doc.quantities else w, doc.quantities.get(i),
             None if i in doc.quantities else get(w))
            for i, w in enumerate(doc.words)]


def split_units(doc: Doc, counters: Counters | None = None) -> list[tuple[int, int]]:
    """Token ranges cut at punctuation and before sequence markers."""
    words, kinds = doc.words, doc.kinds
    units, a = [], 0
    for i in doc.interesting:
        k = kinds[i]
        if k == "P":
            if i > a:
                units.append((a, i))
            a = i + 1
        elif k == "M" and i > a and _has_content(words, kinds, a, i):
            units.append((a, i))
            a = i
    if len(words) > a:
        units.append((a, len(words)))
    if counters is not None:
        counters.units += len(units)
    return units


def _has_content(words, kinds, a, b) -> bool:
    for j in range(a, b):
        if kinds[j] == "Q" or words[j] not in SKIP:
            return True
    return False


def extract(spec: Spec, text: str, technique: str | None = None, craft: str | None = None,
            counters: Counters | None = None):
    """Returns (norm, terms, steps, warnings, craft)."""
    norm = normalize_chars(text)
    doc = tokenize_doc(spec, norm, counters)
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    lookup = spec.terms.get
    ambiguous = spec.ambiguous
    terms = []
    term_at: dict[int, TermInfo] = {}
    craft_votes: dict[str, int] = {}
    fix = []  # (token index, term index) of forms whose meaning depends on the craft
    for k in doc.interesting:
        if kinds[k] != "T":
            continue
        w = words[k]
        if w in MEASURE_FORMS and k and words[k - 1] in MEASURE_PREV:
            continue  # 「每针」「一针接一针」
        info = lookup(w)
        term_at[k] = info
        if w in ambiguous:
            fix.append((k, len(terms)))
        else:
            for c in info.crafts:
                if c != "general":
                    craft_votes[c] = craft_votes.get(c, 0) + 1
        terms.append({"text": text[starts[k]:starts[k + 1]], "category": info.category, "start": starts[k],
                      "end": starts[k + 1], "canonical": info.canonical})
    if craft is None and craft_votes:
        craft = max(sorted(craft_votes), key=lambda c: craft_votes[c])
    for k, ti in fix:
        info = spec.resolve(words[k], term_at[k], craft)
        term_at[k] = info
        terms[ti]["category"], terms[ti]["canonical"] = info.category, info.canonical

    vague_hits = [(m.start(), m.end(), m.group(0)) for m in spec.vague_re.finditer(norm)]
    vi = 0
    inter = doc.interesting
    steps: list[Step] = []
    pending: Step | None = None  # content met before the first action
    pending_notes: list[str] = []
    warnings: list[str] = []
    for a, b in split_units(doc, counters):
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
            continue
        marker = kinds[a] == "M"
        ii = inter[bisect_left(inter, s):bisect_right(inter, e)]
        piece = _read_unit(spec, doc, term_at, s, e, ii, norm, hits, craft)
        piece.topic = any(words[j] in TOPIC_PARTICLES for j in range(e + 1, b))
        prev = steps[-1] if steps else None
        if piece.from_technique and prev is not None and not (piece.tool or piece.hand or piece.material):
            # 「每个月牙大概两毫米宽」: a technique named in passing adds to the step being described
            piece.action, piece.from_technique = None, False
        if piece.action is not None:
            if prev is not None and _compatible(prev, piece) and (
                    _same_action(prev, piece) or (prev.from_technique and piece.general_action)
                    or (prev.topic and _is_empty(prev) and piece.general_action)):
                # 「点蓝嘛,拿蓝枪舀一点釉料」: a general verb right after a named action is how it is done
                # 「刮灰,刮三遍」「上漆要薄薄一层,用发刷…刷」: the same step said again
                _merge(prev, piece, prefer_piece=False)
                continue
            if pending is not None:
                _merge(piece, pending, prefer_piece=True)
                pending = None
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
        elif prev is not None:
            _merge(prev, piece, prefer_piece=False)
        elif pending is None:
            pending = piece
        else:
            _merge(pending, piece, prefer_piece=False)
    # A technique named as the topic that gathered nothing is no step (「双面绣要两面都好看」).
    steps = [st for st in steps if not (st.from_technique and _is_empty(st) and not st.notes)]
    steps = _reorder(steps)
    for step in steps:
        _apply_defaults(spec, step, technique, craft)
    return norm, terms, steps, warnings, craft


def _is_empty(step: Step) -> bool:
    return not (step.params or step.tool or step.material or step.hand or step.relation or step.vague)


def _compatible(a: Step, b: Step) -> bool:
    return all(getattr(a, k) is None or getattr(b, k) is None or getattr(a, k) == getattr(b, k)
               for k in ("hand", "tool", "material"))


def _conflicts(a: Step, b: Step) -> bool:
    return not _compatible(a, b)


def _same_action(a: Step, b: Step) -> bool:
    """The same action said again: same term, or the spoken verb begins the previous one
    (「刮」 after 刮灰, 「推」 after 推光, 「刷」 after 刷色)."""
    if a.action == b.action:
        return True
    return bool(b.surface) and not b.from_technique and (
        a.action.startswith(b.surface) or (a.surface or "").startswith(b.surface))


def _merge(into: Step, other: Step, *, prefer_piece: bool) -> None:
    for attr in ("hand", "tool", "material", "relation", "manner"):
        if getattr(into, attr) is None:
            setattr(into, attr, getattr(other, attr))
    for name, value in other.params.items():
        into.params.setdefault(name, value)
    into.vague.extend(other.vague)
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
    for i in ii:
        k = kinds[i]
        if k == "Q":
            q = qmap[i]
            step.params.setdefault(q.name, q.value)
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
            if step.hand is None and info.canonical in HAND_TERMS:
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
            crafts = info.crafts
            general = "general" in crafts
            if craft and not general and craft not in crafts:
                continue  # another craft's verb (「舀」 is 打铁花's) does not make a step here
            # the craft's own verb wins over a general one in the same clause (「放在蜡锅里…熔开」)
            if action_idx is None or (step.general_action and not general):
                step.action, step.surface, step.general_action = info.canonical, words[i], general
                action_idx = i
    if step.action is None:
        for i in context:
            w = words[i]
            if has_needle or w in ("扎", "刺", "扎下去"):
                step.action, step.surface = CONTEXT_ACTIONS[w], w
                action_idx = i
                break
    if step.action is None and e > s:
        # A technique named as what is done (「这里就是打籽」) counts as the action; a technique
        # named alone (「剪纸嘛,…」) is the topic, not a step.
        for i in ii:
            info = term_at.get(i)
            if info is not None and info.category == "technique":
                step.action, step.surface, step.from_technique = info.canonical, words[i], True
                break
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
            if step.tool in inside_tools and step.tool not in outside.get("tool", ()):
                step.tool = (outside.get("tool") or [None])[0]
            if step.material in inside_tools and step.material not in outside.get("material", ()) and not locative:
                step.material = (outside.get("material") or [None])[0]
    for _, _, word in hits:
        if word in spec.vague:
            param, level = spec.vague[word]
            step.vague.append((param, level))
        elif word in spec.manner and step.manner is None:
            step.manner = spec.manner[word]
    return step


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
