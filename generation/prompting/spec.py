"""The action-description spec (《非遗动作描述规范》) as data, and the indexes built from it.

A spec is a plain dict with four documents, the same shape as the files in ``data/``:
``lexicon`` (terms), ``parameters`` (vocabulary, units, cues), ``defaults`` (vague degree words and
implied values) and ``templates`` (prompt templates). The Django side can build the same dict from the
curator-edited tables (see ``models.SpecVersion.to_spec_dict``); this module never imports Django.

Everything expensive (jieba's main dictionary, the user dictionary, the lookup tables) is built once
per process per spec version and cached.
"""
from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import jieba

from .native import SOURCE_DIR as PACKAGE_DIR
from .segment import Segmenter, segmenter_for
from .words import BODY_POINTS, BODY_POINTS_UNKNOWN

DATA_DIR = PACKAGE_DIR / "data"  # not __file__: a compiled spec module lives in var/native (native.py)
SPEC_FILES = {"lexicon": "lexicon.json", "parameters": "parameters.json", "defaults": "defaults.json",
              "templates": "templates.json"}
CATEGORIES = ("technique", "tool", "material", "action", "body")
PARAMETER_NAMES = (
    "angle_deg", "speed_mm_s", "needle_no", "thread_no", "thread_split", "spacing_mm", "rows", "count",
    "length_mm", "width_mm", "depth_mm", "thickness_mm", "duration_s", "temperature_c", "rate_per_min",
    "weight_g", "ratio",
)
HAND_TERMS = {"左手": "left", "右手": "right", "双手": "both"}
# Frequency given to every lexicon form in the dedicated tokenizer: high enough that jieba keeps a term
# whole instead of splitting it into dictionary words.
TERM_FREQ = 200_000

jieba.setLogLevel(logging.WARNING)
log = logging.getLogger(__name__)


def load_default_spec_dict() -> dict:
    """The spec kept as files in the repository."""
    doc = {}
    for key, name in SPEC_FILES.items():
        with open(DATA_DIR / name, encoding="utf-8") as fh:
            doc[key] = json.load(fh)
    with open(DATA_DIR / "spec.json", encoding="utf-8") as fh:
        manifest = json.load(fh)
    with open(DATA_DIR / "crafts.json", encoding="utf-8") as fh:
        doc["defaults"]["catalogue"] = json.load(fh)
    doc["version"] = str(manifest["version"])
    doc["name"] = manifest.get("name", "")
    doc["about"] = manifest.get("about", "")
    return doc


def spec_version_of(doc: dict) -> str:
    if doc.get("version"):
        return str(doc["version"])
    return "lexicon-{}".format(doc["lexicon"].get("version", "0"))


@dataclass(frozen=True)
class CraftInfo:
    """The craft a normalization run is styled for. ``key`` is the catalogue key, or None for a craft
    that is in no catalogue (a name a curator created): then there are no craft-specific defaults and
    the scene is neutral. ``source`` says how it was decided: given (by the caller or the archive),
    detected (free text, from the catalogue's words) or none."""

    key: str | None
    name: str
    category: str | None = None
    scene: str | None = None
    source: str = "none"

    @property
    def label(self) -> str:
        return self.key or self.name


@dataclass(frozen=True, slots=True)  # (no per-term dict: read on every token and step, cheaper to read)
class TermInfo:
    canonical: str
    category: str
    crafts: tuple[str, ...]


def _trad_to_simp_table() -> dict[int, str]:
    """A length-preserving character table: traditional → simplified (OpenCC's TSCharacters, first
    candidate, single characters only) and full-width ASCII → ASCII. Keeping every character at its
    index means spans found on the normalized text index the input as given."""
    table: dict[int, str] = {}
    try:
        import opencc

        path = Path(opencc.__file__).resolve().parent / "dictionary" / "TSCharacters.txt"
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 2 or len(parts[0]) != 1:
                    continue
                simp = parts[1].split(" ")[0]
                if len(simp) == 1 and simp != parts[0]:
                    table[ord(parts[0])] = simp
    except (ImportError, OSError):  # pragma: no cover - opencc is a declared requirement
        pass
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    # Keep Chinese full-width punctuation that carries clause structure as it is.
    for ch in ",;:!?()":
        table.pop(ord(chr(ord(ch) + 0xFEE0)), None)
    return table


_TABLE_LOCK = threading.Lock()
_TABLE: dict[int, str] | None = None
_TABLE_CHARS: re.Pattern | None = None


def char_table() -> dict[int, str]:
    global _TABLE
    with _TABLE_LOCK:
        if _TABLE is None:
            _TABLE = _trad_to_simp_table()
        return _TABLE


def char_table_chars() -> re.Pattern:
    """A character class of what ``char_table()`` may map: its keys in the BMP and every character beyond it (a
    class of the table's few non-BMP keys would make the scan slow). A text with none of them is its own
    translation, found by one scan in C: ``str.translate`` with a dict pays a raised and cleared KeyError for each
    character the table lacks, most of a text."""
    global _TABLE_CHARS
    table = char_table()
    with _TABLE_LOCK:
        if _TABLE_CHARS is None:
            bmp = "".join(re.escape(chr(k)) for k in sorted(table) if k <= 0xFFFF)
            _TABLE_CHARS = re.compile(f"[{bmp}\U00010000-\U0010FFFF]")
        return _TABLE_CHARS


@dataclass
class Spec:
    """The indexes one normalization run needs, built once from a spec dict."""

    version: str
    doc: dict
    terms: dict[str, TermInfo] = field(default_factory=dict)
    # forms that belong to several terms (「丝」: 丝线 in embroidery, 铜丝 in cloisonné), by craft
    ambiguous: dict[str, list[TermInfo]] = field(default_factory=dict)
    canonical: dict[str, TermInfo] = field(default_factory=dict)
    tokenizer: jieba.Tokenizer | None = None
    segmenter: Segmenter | None = None

    # --- construction ---------------------------------------------------------------------------
    @classmethod
    def from_dict(cls, doc: dict) -> "Spec":
        spec = cls(version=spec_version_of(doc), doc=doc)
        table = char_table()
        for entry in doc["lexicon"]["terms"]:
            category = entry["category"]
            if category not in CATEGORIES:
                raise ValueError(f"term {entry['term']!r}: unknown category {category!r}")
            info = TermInfo(entry["term"], category, tuple(entry.get("crafts") or ()))
            spec.canonical[info.canonical] = info
            forms = [entry["term"], *entry.get("synonyms", []), *entry.get("traditional", [])]
            for form in forms:
                form = form.strip().translate(table)
                if not form:
                    continue
                other = spec.terms.setdefault(form, info)
                if other is not info and other.canonical != info.canonical:
                    spec.ambiguous.setdefault(form, [other])
                    if info not in spec.ambiguous[form]:
                        spec.ambiguous[form].append(info)
        # crafts the lexicon has words of (a catalogue craft may have none: then only its name and scene)
        spec.lexicon_crafts = {c for e in doc["lexicon"]["terms"] for c in e.get("crafts") or ()}
        params = doc["parameters"]
        defaults = doc["defaults"]
        spec.units = params["units"]
        spec.cues = params.get("cues", {})
        spec.approx_ratio = params.get("approximate", {}).get("suffix_ratio", {})
        spec.vague = {k.translate(table): v for k, v in defaults.get("vague", {}).items()}
        spec.manner = {k.translate(table): v for k, v in defaults.get("manner", {}).items()}
        spec.levels = defaults.get("levels", {})
        spec.implied = defaults.get("implied", {})
        spec.default_material = {k: v for k, v in defaults.get("default_material", {}).items() if k != "about"}
        spec.craft_aliases = {}
        for craft, aliases in defaults.get("craft_aliases", {}).items():
            spec.craft_aliases[craft] = craft
            for alias in aliases:
                spec.craft_aliases[alias.lower()] = craft
        spec.catalogue = {}
        spec.scenes = {}
        catalogue = defaults.get("catalogue") or {}
        if catalogue:
            spec.scenes = dict(catalogue.get("scenes") or {})
            for entry in catalogue.get("crafts") or []:
                key = entry["key"]
                spec.catalogue[key] = entry
                for alias in [key, entry["name"], *entry.get("aliases", [])]:
                    spec.craft_aliases.setdefault(alias.strip().lower().translate(table), key)
        # words that identify a craft in free text: its names (weight 3) and its own terms (weight 1)
        spec.craft_words = {}
        for alias, key in spec.craft_aliases.items():
            if len(alias) >= 2 and not alias.isascii():
                spec.craft_words.setdefault(alias, {})[key] = 3
        for form, info in spec.terms.items():
            crafts = [c for c in info.crafts if c != "general"]
            if len(form) >= 2 and crafts and form not in spec.ambiguous and info.category != "body":
                for c in crafts:
                    spec.craft_words.setdefault(form, {}).setdefault(c, 1)
        spec.craft_re = _alternation(list(spec.craft_words))
        # the craft words that are some craft's name (weight 3): ``craft.detect`` asks this of every term it meets,
        # so it is decided once here rather than per token
        spec.craft_names = frozenset(w for w, weights in spec.craft_words.items() if any(v >= 3 for v in weights.values()))
        # a catalogue craft's own identifying words, cited from a public page (its ``words_source``; the
        # crafts the lexicon has words of are identified by those): weight 1, found in the text as said.
        # They are no lexicon forms and the tokenizer does not get them: jieba's total grows with every
        # word it is given, and a few hundred more words re-cut text that has none of them.
        spec.catalogue_words = {}
        # each such word's term category, by the field it is listed in (the first listing wins)
        spec.catalogue_category = {}
        for entry in catalogue.get("crafts") or []:
            if entry.get("words_source"):
                for word_field in CATALOGUE_WORD_FIELDS:
                    for word in entry.get(word_field) or ():
                        word = word.strip().translate(table)
                        if len(word) >= 2 and not word.isascii():
                            spec.catalogue_words.setdefault(word, {})[entry["key"]] = 1
                            spec.catalogue_category.setdefault(word, CATALOGUE_WORD_FIELDS[word_field])
        spec.catalogue_re = _trie_pattern(spec.catalogue_words)
        # the lexicon's technique names that open with a numeral (三道弯, 八次发酵): a quantity found first may
        # take their numeral and classifier (三道) out of the words jieba sees, so they are looked for in the
        # text by the same scan as the catalogue's words (``named_re``)
        spec.numeral_forms = {form: info for form, info in spec.terms.items()
                              if len(form) >= 3 and form[0] in NUMERAL_FORM_CHARS and info.category == "technique"}
        spec.named_re = _trie_pattern({**spec.catalogue_words, **spec.numeral_forms})
        spec.named_at, spec.named_pairs = _trie_starts({**spec.catalogue_words, **spec.numeral_forms})
        # crafts the spec describes in full (their own prompt style and action terms)
        spec.crafts_with_actions = set(doc["templates"].get("crafts", {}))
        spec.templates = doc["templates"]
        spec.parameters = params["parameters"]
        spec.vague_re = _alternation(list(spec.vague) + list(spec.manner))
        return spec

    def ensure_tokenizer(self) -> jieba.Tokenizer:
        """jieba's main dictionary plus every lexicon form, in a tokenizer of our own (the global
        ``jieba.dt`` is left alone for other code)."""
        if self.tokenizer is None:
            tk = jieba.Tokenizer()
            tk.initialize()
            for form in self.terms:
                tk.add_word(form, freq=TERM_FREQ)
            for word in EXTRA_WORDS + tuple(sorted(BODY_POINTS_UNKNOWN)):
                tk.add_word(word, freq=TERM_FREQ // 2)
            for word in self.craft_words:
                if word not in self.terms:
                    tk.add_word(word, freq=TERM_FREQ // 2)
            self.tokenizer = tk
        return self.tokenizer

    def ensure_segmenter(self) -> Segmenter:
        """The cut normalization runs (``segment.py``): ``segmenter.cut(text)`` is this spec's
        ``tokenizer.lcut(text, HMM=False)``, in jieba-rs when rjieba is installed."""
        if self.segmenter is None:
            self.segmenter = segmenter_for(self.ensure_tokenizer())
        return self.segmenter

    def pos_tags(self) -> dict:
        """jieba.posseg's word → part-of-speech table over this spec's tokenizer (jieba's main
        dictionary, plus the spec's words tagged by their category)."""
        tags = getattr(self, "_pos_tags", None)
        if tags is None:
            import jieba.posseg

            tags = dict(jieba.posseg.POSTokenizer(self.ensure_tokenizer()).word_tag_tab)
            for form in BODY_POINTS:
                tags[form] = "n"  # (印堂/ns, 丹田/nr in jieba's table: no place, no person)
            for form, info in self.terms.items():
                tags[form] = "v" if info.category == "action" else "n"
            from .words import MANUAL_VERBS, MISTAGGED_VERBS

            for w in MANUAL_VERBS | MISTAGGED_VERBS:
                if tags.get(w, "")[:1] != "v" and w not in self.terms:
                    tags[w] = "v"
            self._pos_tags = tags
        return tags

    # --- look-ups -------------------------------------------------------------------------------
    def resolve(self, form: str, info: TermInfo, craft: str | None) -> TermInfo:
        """The term a form means in a craft (ambiguous forms only)."""
        if craft and form in self.ambiguous:
            for candidate in self.ambiguous[form]:
                if craft in candidate.crafts:
                    return candidate
        return info

    def craft_info(self, name: str | None, *, source: str = "given") -> CraftInfo | None:
        """A craft named by a caller: a catalogue key, a Chinese name or alias (or a technique slug
        that begins with one), a name that contains a known alias (「南京云锦木机妆花手工织造技艺」), or
        else an unknown craft kept by its name (no craft-specific defaults, neutral scene)."""
        if not name or not name.strip():
            return None
        name = name.strip()
        key = self.craft_for(name)
        if key is None:
            folded = name.lower().translate(char_table())
            best = None
            for m in self.craft_re.finditer(folded):
                word = m.group(0)
                keys = self.craft_words.get(word, {})
                named = [k for k, w in keys.items() if w >= 3]
                if len(named) == 1 and (best is None or len(word) > len(best[0])):
                    best = (word, named[0])
            if best is not None and not _makes_a_performed_craft(name, best[0], self.catalogue.get(best[1]) or {}):
                key = best[1]
        if key is None:
            return CraftInfo(None, name, None, None, source)
        return self._info(key, source)

    def _info(self, key: str, source: str) -> CraftInfo:
        entry = self.catalogue.get(key) or {}
        style = self.templates.get("crafts", {}).get(key, {})
        name = style.get("craft_name") or display_name(entry, key)
        return CraftInfo(key, name, entry.get("category"), entry.get("scene"), source)

    def craft_for(self, technique: str | None) -> str | None:
        if not technique:
            return None
        slug = technique.strip().lower()
        if slug in self.craft_aliases:
            return self.craft_aliases[slug]
        parts = slug.split("-")
        for i in range(len(parts) - 1, 0, -1):
            key = "-".join(parts[:i])
            if key in self.craft_aliases:
                return self.craft_aliases[key]
        return None

    def level_value(self, param: str, level: str, technique: str | None, craft: str | None):
        """A vague degree word's default: technique, then craft, then global."""
        scopes = []
        if technique:
            scopes.append(self.levels.get("techniques", {}).get(technique, {}))
        if craft:
            scopes.append(self.levels.get("crafts", {}).get(craft, {}))
        scopes.append(self.levels.get("global", {}))
        for scope in scopes:
            value = scope.get(param, {}).get(level)
            if value is not None:
                return value
        return None

    def implied_values(self, keys: list[str], technique: str | None, craft: str | None) -> dict:
        """Defaults implied by a tool, action or material (e.g. ``tool:绣针`` → needle_no 12)."""
        out: dict = {}
        scopes = []
        if technique:
            scopes.append(self.implied.get("techniques", {}).get(technique, {}))
        if craft:
            scopes.append(self.implied.get("crafts", {}).get(craft, {}))
        scopes.append(self.implied.get("global", {}))
        for scope in scopes:
            for key in keys:
                for name, value in scope.get(key, {}).items():
                    out.setdefault(name, value)
        return out


# The numerals a lexicon name may open with (三道弯, 九蒸九晒): see ``numeral_forms``.
NUMERAL_FORM_CHARS = frozenset("一二两三四五六七八九十百千万半")

# The catalogue fields that hold a craft's identifying words → the term category a word listed there has.
CATALOGUE_WORD_FIELDS = {"tools": "tool", "materials": "material", "actions": "action", "terms": "technique"}

# Words the tokenizer must keep whole for extraction (markers, cues) although they are not terms.
EXTRA_WORDS = ("针距", "间距", "间隔", "第一步", "第二步", "第三步", "第四步", "第五步", "第六步", "第七步", "第八步", "第九步", "第十步",
               "然后", "接着", "最后", "首先", "之后", "不然", "要不然", "否则", "垂直于", "平行于", "沿着", "顺着")


def _trie_pattern(words) -> re.Pattern:
    """One pattern for many words (each of two characters or more), as a trie: the longest word wins
    where one is the start of another. A lookahead of two character classes (the words' first and
    second characters) comes first, so that the trie's branch of a few hundred first characters is
    tried only where a word could start; an alternation of the words would try each one everywhere."""
    words = [w for w in words if len(w) >= 2]
    if not words:
        return re.compile(r"(?!x)x")
    first = re.escape("".join(sorted({w[0] for w in words})))
    second = re.escape("".join(sorted({w[1] for w in words})))
    return re.compile(f"(?=[{first}][{second}])" + _trie_body(words))


def _trie_body(words) -> str:
    """The regular expression of ``words`` (none empty) as a trie of their characters: one branch per first
    character, then per next character, a word's end made optional where a longer word goes on (the longest
    word wins). Shared by ``_trie_pattern`` and ``_alternation``."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _trie_starts(words) -> tuple:
    """Where a word of ``_trie_pattern(words)`` can start (for ``trie_spans``): a pattern that takes one character of
    the words' first characters before one of their second characters, and the words' first two characters."""
    words = [w for w in words if len(w) >= 2]
    if not words:
        return re.compile(r"(?!x)x"), frozenset()
    first = re.escape("".join(sorted({w[0] for w in words})))
    second = re.escape("".join(sorted({w[1] for w in words})))
    return re.compile(f"[{first}](?=[{second}])"), frozenset(w[:2] for w in words)


def trie_spans(starts: re.Pattern, pairs: frozenset, trie: re.Pattern, text: str) -> list:
    """``[m.span() for m in trie.finditer(text)]`` for a ``_trie_pattern`` and its ``_trie_starts``: the same spans.
    A scan with the trie enters it at every character (its look-ahead first), and where the look-ahead's two classes
    hold, its top branch tests each of its few hundred first characters in turn (several thousand instructions an
    attempt, most of them failing: the classes pass far more pairs than the words begin with). ``starts`` opens with
    a character class, which the engine scans for in C; the trie is tried only where the two characters there begin
    one of its words (``pairs``, a set), left to right, on after the end of each word found, as ``finditer`` does."""
    out = []
    end = 0
    for c in starts.finditer(text):
        at = c.start()
        if at < end or text[at:at + 2] not in pairs:
            continue
        m = trie.match(text, at)
        if m is not None:
            out.append((at, m.end()))
            end = m.end()
    return out


def _alternation(words: list[str]) -> re.Pattern:
    """The longest of ``words`` where one starts, as the alternation of them longest first (the same matches, in
    ``finditer`` the same spans), written as a trie of their characters with no look-ahead before it: the pattern
    opens with one branch per first character, which the engine scans for in C, and at a start tests a branch per
    character there instead of every word in turn (``_alternation_plain`` is the plain one, for the tests)."""
    words = {w for w in words if w}
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(_trie_body(words))


def _alternation_plain(words: list[str]) -> re.Pattern:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(re.escape(w) for w in words))


# 「古琴斫制技艺」 contains 古琴 (古琴艺术, music) but is the making of the instrument: a name that adds a
# making word to a performed craft's name is another craft (kept by its name: no defaults, neutral scene).
PERFORMED_CATEGORIES = frozenset({"传统音乐", "传统舞蹈", "传统戏剧", "曲艺", "传统体育、游艺与杂技", "民间文学", "民俗"})
_MAKING = re.compile(r"制作|斫制|制造|锻制|铸造|雕刻|扎制|技艺|工艺|手艺")


def display_name(entry: dict, key: str = "") -> str:
    """How a prompt names a catalogue craft: its own name when short and specific (秦腔, 川剧, 木偶戏), else
    its first alias (景德镇手工制瓷技艺 → 景德镇制瓷, 古琴艺术 → 古琴)."""
    name, aliases = entry.get("name") or key, entry.get("aliases") or []
    if not aliases or (len(name) <= 4 and not name.endswith(("艺术", "技艺"))):
        return name
    return aliases[0]


def _makes_a_performed_craft(name: str, alias: str, entry: dict) -> bool:
    if entry.get("category") not in PERFORMED_CATEGORIES:
        return False
    return bool(_MAKING.search(name.replace(alias, "", 1)))


_CACHE: dict[str, Spec] = {}
_CACHE_LOCK = threading.Lock()
_PROVIDER = None


def set_spec_provider(provider) -> None:
    """Let the Django app supply the active curator-edited spec. ``provider()`` returns None (use the
    files) or ``(cache_key, load)`` where ``load()`` returns the spec document; ``load`` is called only
    when that key is not cached yet. Pure-Python callers leave it unset and get the files in ``data/``."""
    global _PROVIDER
    _PROVIDER = provider


def spec_from_dict(doc: dict, *, cache_key: str | None = None) -> Spec:
    key = cache_key or spec_version_of(doc)
    with _CACHE_LOCK:
        spec = _CACHE.get(key)
    if spec is None:
        spec = Spec.from_dict(doc)
        spec.ensure_segmenter()
        with _CACHE_LOCK:
            spec = _CACHE.setdefault(key, spec)
    return spec


def get_spec() -> Spec:
    """The spec to use now: the provider's (the active SpecVersion in the database) if one is set and
    returns something, otherwise the repository's default files."""
    if _PROVIDER is not None:
        provided = _PROVIDER()
        if provided is not None:
            key, load = provided
            with _CACHE_LOCK:
                spec = _CACHE.get(key)
            if spec is not None:
                return spec
            try:
                return spec_from_dict(load(), cache_key=key)
            except (KeyError, TypeError, ValueError, AttributeError, re.error):
                # A broken edit must not stop normalization: say so in the log, use the files.
                log.exception("active spec %s is not usable; using the repository's default files", key)
                fallback = default_spec()
                with _CACHE_LOCK:
                    _CACHE[key] = fallback
                return fallback
    return default_spec()


def default_spec() -> Spec:
    with _CACHE_LOCK:
        spec = _CACHE.get("__files__")
    if spec is None:
        spec = spec_from_dict(load_default_spec_dict(), cache_key="__files__")
    return spec


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()
