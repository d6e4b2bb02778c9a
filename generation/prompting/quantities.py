"""Quantities found BEFORE segmentation.

jieba splits 「30°」, 「0.5mm」 and 「十二号针」 apart whatever the user dictionary says (jieba issues #873,
#749), so spoken quantities are located with regular expressions on the normalized text first, and
Chinese numerals are converted on those spans only (``cn2an(span, "smart")``), never on the whole text
(a whole-text transform turns 「斜一点」 into 「斜1点」).

Every repetition in the patterns is bounded, so each match attempt costs a bounded amount of work and a
scan is linear in the length of the text.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import cn2an

CN_DIGITS = "零〇一二两三四五六七八九"
CN_CHARS = CN_DIGITS + "十百千万"
CN_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000}

NUM = rf"(?:\d{{1,9}}(?:\.\d{{1,6}})?|[{CN_CHARS}几][{CN_CHARS}点几]{{0,11}}|半)"
RANGE_SEP = r"(?:到|至|~|-|—|–|～|或)"
# Words after which a bare number is a temperature (「熬到一百五」「烧至一千二」「炉温八百」).
HEAT_CUES = ("熬到", "熬至", "烧到", "烧至", "加热到", "加热至", "烤到", "烤至", "升到", "升至", "温度到", "温度在",
             "温度", "炉温", "油温", "水温", "火候到", "烧成", "煮到", "炼到", "熔到", "化到")
# Words that correct the quantity said just before (「三毫米,哎不对,是四毫米」).
CORRECTION_CUES = ("不对", "不是", "说错", "错了", "应该是", "我是说", "改成", "哦不", "更正", "记错")
LENGTH_NAMES = ("spacing_mm", "width_mm", "depth_mm", "thickness_mm", "length_mm")


DEFAULT_NAMES = {"length_mm", "count", "duration_s"}


def _kind_of(name: str) -> str:
    if name.endswith("_mm"):
        return "length"
    if name in ("angle_deg", "temperature_c"):
        return "degree"
    if name in ("count", "rows"):
        return "count"
    return name


@dataclass
class Quantity:
    start: int
    end: int
    name: str  # parameter name from the spec's vocabulary
    value: object  # number or [low, high] in the canonical unit
    raw: str
    keep: tuple | None = None  # (start, end) of words inside the span that are not the quantity
    #                            (「一分钟拍个八十下」: 拍个), left to the tokenizer


def _num(x: float):
    x = round(float(x), 2)
    return int(x) if x == int(x) else x


@functools.lru_cache(maxsize=8192)
def parse_cn_number(s: str):
    """A Chinese or Arabic numeral span → number, (low, high) for spoken ranges (两三, 二三十, 十几),
    or None when it is not a number (一点 as 'a little' never reaches here: it has no unit)."""
    if not s:
        return None
    if s == "半":
        return 0.5
    if s[0].isdigit():
        try:
            return float(s)
        except ValueError:
            return None
    if "几" in s:
        # 十几 → 11..19, 二十几 → 21..29, 几十 → 20..90
        if s.endswith("几") and s[:-1] and "几" not in s[:-1]:
            base = parse_cn_number(s[:-1])
            if isinstance(base, float) and base >= 10:
                step = 10 ** int(math.log10(base)) // 10 or 1
                return (base + step, base + 9 * step)
        if s.startswith("几") and len(s) == 2 and s[1] in CN_UNIT:
            return (2.0 * CN_UNIT[s[1]], 9.0 * CN_UNIT[s[1]])
        return None
    # adjacent digits: 两三 → 2..3, 三四十 → 30..40, 十一二 → 11..12
    m = re.fullmatch(rf"([{CN_DIGITS}])([{CN_DIGITS}])([十百千万]?)", s)
    if m and s[:2] not in ("一十",):
        a, b = CN_VALUE[m.group(1)], CN_VALUE[m.group(2)]
        if b == a + 1 and a > 0:
            mult = CN_UNIT.get(m.group(3), 1)
            return (float(a * mult), float(b * mult))
    m = re.fullmatch(rf"十([{CN_DIGITS}])([{CN_DIGITS}])", s)
    if m:
        a, b = CN_VALUE[m.group(1)], CN_VALUE[m.group(2)]
        if b == a + 1 and a > 0:
            return (10.0 + a, 10.0 + b)
    if s.endswith("点") or s.startswith("点"):
        return None
    try:
        value = cn2an.cn2an(s, "smart")
    except Exception:  # cn2an raises its own ValueError subclasses and others on odd input
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class QuantityFinder:
    """Compiled patterns for one spec's unit vocabulary."""

    def __init__(self, units: dict, cues: dict, approx_ratio: dict):
        self.units = units
        self.cues = cues
        self.approx_ratio = approx_ratio
        self.thread_cues = "".join(cues.get("thread_no", ["线"]))
        # one alternation per group of parameter names: cue word → parameter name
        self._cue_re = {}
        for names in (LENGTH_NAMES, ("temperature_c",)):
            words = {c: n for n in reversed(names) for c in cues.get(n, ())}
            alt = "|".join(re.escape(c) for c in sorted(words, key=len, reverse=True)) or "(?!x)x"
            self._cue_re[names] = (re.compile(alt), words)
        unit_alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
        approx_alt = "|".join(re.escape(a) for a in sorted(approx_ratio, key=len, reverse=True)) or "(?!x)x"
        # The leading look-ahead lets the scan skip, in C, every position that cannot start a quantity.
        heat_alt = "|".join(re.escape(c) for c in sorted(HEAT_CUES, key=len, reverse=True))
        self.pattern = re.compile(
            rf"(?=[\d{CN_CHARS}几半每一劈分走进打敲拉大约差能{''.join(sorted({c[0] for c in HEAT_CUES}))}])"
            rf"(?:(?P<pre>每秒钟?|一秒钟?|每分钟|一分钟|每小时|一小时|一个钟头)?"
            rf"(?P<gap>走|进|打|敲|拉|大概|约|差不多|能|[^\d{CN_CHARS}几半每劈分\s,。;,;!?!?、]{{1,2}}个?){{0,1}}"
            rf"(?<!第)(?P<n1>{NUM})(?:(?:{unit_alt})?{RANGE_SEP}(?P<n2>{NUM}))?(?P<half>个半)?个?(?P<lai>来|多)?"
            rf"(?P<unit>{unit_alt})(?![a-zA-Z])(?P<half2>半(?![个天年月]))?"
            # 「一尺八」「一米二」: a digit after 尺/米 is tenths of it
            rf"(?P<tail>(?<=[尺米])[一二两三四五六七八九](?![十百千万\d个天年月尺米寸]))?(?P<more>多)?"
            rf"(?P<post>/s|/秒|每秒钟?|/min|/分钟?|每分钟)?(?P<approx>{approx_alt})?"
            # 「糖稀熬到一百五上下」: a number after a heating verb is a temperature, whatever the verb
            rf"|(?P<heat>{heat_alt})(?:大概|约|差不多|个)?(?P<h1>{NUM})(?:{RANGE_SEP}(?P<h2>{NUM}))?"
            rf"(?P<hunit>度|℃|摄氏度)?(?P<happrox>{approx_alt}|多)?"
            # 劈成十六丝 / 分成16股 → thread_split
            rf"|(?P<split_pre>劈|分)(?:成|为|开成){{0,1}}(?P<split_n>{NUM})(?:股|丝|绒|份)"
            # 十六分之一 / 1/16 of a thread
            rf"|(?P<frac_den>{NUM})分之(?P<frac_num>{NUM})"
            # 水和泥三比一 → ratio [3, 1]; 皮料七成,草料三成 → [7, 3]
            rf"|(?P<r1>{NUM})比(?P<r2>{NUM})"
            rf"|(?P<c1>[一二两三四五六七八九])成[^。;;,,]{{0,6}}[,,]?[^。;;,,]{{0,6}}?(?P<c2>[一二两三四五六七八九])成"
            rf"|(?<![\d.])(?P<slash_num>\d{{1,3}})/(?P<slash_den>\d{{1,4}})(?![\d/]))"
        )

    def find(self, text: str) -> list[Quantity]:
        out: list[Quantity] = []
        for m in self.pattern.finditer(text):
            q = self._convert(m, text)
            if q is None:
                continue
            if out and self._corrects(text, out[-1], q):
                # the later value replaces the earlier one, under the earlier's name (said with its cue)
                prev = out.pop()
                q.name = prev.name
            out.append(q)
        return out

    @staticmethod
    def _corrects(text: str, prev: Quantity, q: Quantity) -> bool:
        if _kind_of(prev.name) != _kind_of(q.name) or q.start - prev.end > 16:
            return False
        between = text[prev.end:q.start]
        if any(c in between for c in CORRECTION_CUES):
            return True
        # 「不是三毫米,是四毫米」
        return "不是" in text[max(0, prev.start - 3):prev.start] and "是" in between

    # --- one match → a named, converted value ----------------------------------------------------
    def _convert(self, m: re.Match, text: str) -> Quantity | None:
        split_n, frac_den, slash_den = m.group("split_n", "frac_den", "slash_den")
        if split_n:
            v = parse_cn_number(split_n)
            if isinstance(v, tuple):
                return Quantity(m.start(), m.end(), "thread_split", [_num(v[0]), _num(v[1])], m.group(0))
            if not isinstance(v, float) or v < 2:
                return None
            return Quantity(m.start(), m.end(), "thread_split", _num(v), m.group(0))
        if frac_den or slash_den:
            den = parse_cn_number(frac_den or slash_den)
            num = parse_cn_number(m.group("frac_num") or m.group("slash_num"))
            if not isinstance(den, float) or num != 1.0 or den < 2:
                return None
            window = text[max(0, m.start() - 8): m.end() + 3]
            if not any(c in window for c in "丝线绒劈股"):
                return None
            return Quantity(m.start(), m.end(), "thread_split", _num(den), m.group(0))

        if m.group("heat"):
            return self._heat(m)
        if m.group("r1") or m.group("c1"):
            a = parse_cn_number(m.group("r1") or m.group("c1"))
            b = parse_cn_number(m.group("r2") or m.group("c2"))
            if not isinstance(a, float) or not isinstance(b, float) or not a or not b:
                return None
            return Quantity(m.start(), m.end(), "ratio", [_num(a), _num(b)], m.group(0))
        raw1, raw2, unit, pre, lai, more, approx = m.group("n1", "n2", "unit", "pre", "lai", "more", "approx")
        v1 = parse_cn_number(raw1)
        if v1 is None:
            return None
        v2 = parse_cn_number(raw2) if raw2 else None
        if raw2 and v2 is None:
            return None
        kind, factor = self.units[unit]
        # 「一下」「一针一线」「一层」: a bare Chinese 一 with a counting word is idiom, not a count.
        if kind in ("count", "rows") and raw1 in ("一", "两") and not raw2 and pre is None:
            if raw1 == "一":
                return None
        if isinstance(v1, tuple):
            low, high = v1
        elif v2 is not None:
            low, high = v1, (v2[1] if isinstance(v2, tuple) else v2)
        else:
            low = high = v1
        if low > high:  # 「五到三度」
            low, high = high, low
        if (m.group("half") or m.group("half2")) and low == high:
            low = high = low + 0.5  # 一个半小时, 一公分半
        if m.group("tail") and low == high:
            low = high = low + CN_VALUE[m.group("tail")] / 10
        if unit == "年" and high > 100:
            return None  # 「2006年」 is a date
        if lai == "多" or more:
            place = 10 ** int(math.log10(high)) if high >= 10 and high % 10 == 0 else 1
            high = high + place
        elif lai == "来" or approx:
            ratio = self.approx_ratio.get(approx or "来", 0.1)
            low, high = low * (1 - ratio), high * (1 + ratio)
        name = self._name(kind, unit, m, text, low)
        if name is None:
            return None
        low, high = low * factor, high * factor
        value = _num(low) if low == high else [_num(low), _num(high)]
        start, keep = m.start(), None
        if m.group("gap"):
            if pre:
                keep = (m.start("gap"), m.end("gap"))
            else:
                start = m.start("n1")  # 「打个二三十锤」: the verb before the number stays a word
        return Quantity(start, m.end(), name, value, m.group(0), keep)

    def _heat(self, m: re.Match) -> Quantity | None:
        v1 = parse_cn_number(m.group("h1"))
        if v1 is None or (m.group("h1") in ("一", "两", "半") and not m.group("hunit")):
            return None
        v2 = parse_cn_number(m.group("h2")) if m.group("h2") else None
        low, high = v1 if isinstance(v1, tuple) else (v1, v1)
        if v2 is not None:
            high = v2[1] if isinstance(v2, tuple) else v2
        if not m.group("hunit") and high < 30:
            return None  # 「烧到第三遍」 is no temperature
        approx = m.group("happrox")
        if approx == "多":
            place = 10 ** int(math.log10(high)) if high >= 10 and high % 10 == 0 else 1
            high = high + place
        elif approx:
            ratio = self.approx_ratio.get(approx, 0.1)
            low, high = low * (1 - ratio), high * (1 + ratio)
        value = _num(low) if low == high else [_num(low), _num(high)]
        # the heating verb stays a word (it can be the step's action)
        return Quantity(m.start("h1"), m.end(), "temperature_c", value, m.group(0))

    def _name(self, kind: str, unit: str, m: re.Match, text: str, value: float) -> str | None:
        pre, post = m.group("pre") or "", m.group("post") or ""
        if kind == "length":
            if pre.endswith(("秒", "秒钟")) or post:
                return "speed_mm_s"
            return self._cue(text, m, LENGTH_NAMES, "length_mm")
        if kind == "degree":
            if value > 180 or self._cue(text, m, ("temperature_c",), None):
                return "temperature_c"
            return "angle_deg"
        if kind == "temperature":
            return "temperature_c"
        if kind == "weight":
            return "weight_g"
        if kind == "time":
            if pre or post:
                return None
            return "duration_s"
        if kind in ("count", "rows") and (pre.endswith(("分钟", "分")) or post in ("/min", "/分", "/分钟", "每分钟")):
            return "rate_per_min"
        if kind == "number":
            nxt = text[m.end(): m.end() + 1]
            if nxt and nxt in self.thread_cues:
                return "thread_no"
            return "needle_no"
        if kind == "rows":
            return "rows"
        if kind == "count":
            if pre.endswith(("分钟",)):
                return "rate_per_min"
            return "count"
        return None

    def _cue(self, text: str, m: re.Match, names: tuple, default):
        """The parameter whose cue word stands nearest the quantity (8 characters before it, 3 after);
        on a tie, the earlier name in ``names``."""
        pattern, name_of = self._cue_re[names]
        at = m.start("n1") if m.group("n1") else m.start()  # words before the number, gap included
        before = text[max(0, at - 8): at]
        best, best_dist = default, 99
        for c in pattern.finditer(before):
            best, best_dist = name_of[c.group(0)], len(before) - c.end()
        c = pattern.search(text, m.end(), m.end() + 3)
        if c is not None and c.start() - m.end() < best_dist:
            best = name_of[c.group(0)]
        return best
