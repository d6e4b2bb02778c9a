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
CN_CHARS = CN_DIGITS + "十百千万廿卅"
CN_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_CHARS_SET = frozenset(CN_CHARS)
CN_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000}

# (a 千 before 克 is the unit 千克: 「十二千克」)
# (after the first character, up to 11 more, never ending in the 千 of 千克: 克 is no numeral, so only the last
# character taken can be that 千; written as a run of one class, which the engine takes in one step)
NUM = rf"(?:个把|[百千万]把|仨俩|[俩仨](?![{CN_CHARS}])|\d{{1,9}}(?:\.\d{{1,6}}|)(?:[万千](?!克)|)|[{CN_CHARS}几](?:[{CN_CHARS}点几]{{1,11}}(?!(?<=千)克)|)|半)"
# the characters a NUM is made of, in at most 16 of them: 「(?=[NUM_CHARS]{1,16}比)」 before a NUM that a 比 must
# follow fails at once where none does (a NUM said in full is tried only where it can be followed so)
NUM_CHARS = rf"\d.{CN_CHARS}点几个把仨俩半"
# the characters a NUM can start with: a look-ahead on them before the look-behinds and the alternation of NUM
# fails at once where no number starts (most places the `gap` branch's backtracking tries)
NUM_FIRST = rf"个\d{CN_CHARS}几半俩仨"
RANGE_SEP = r"(?:到|至|~|-|—|–|～|或|、)"  # 「三、四遍」 as written down
# Words after which a bare number is a temperature (「熬到一百五」「烧至一千二」「炉温八百」).
HEAT_CUES = ("熬到", "熬至", "烧到", "烧至", "加热到", "加热至", "烤到", "烤至", "升到", "升至", "温度到", "温度在",
             "温度", "炉温", "油温", "水温", "火候到", "烧成", "煮到", "炼到", "熔到", "化到")
# Words that correct the quantity said just before (「三毫米,哎不对,是四毫米」).
CORRECTION_CUES = ("不对", "不是", "说错", "错了", "应该是", "我是说", "改成", "哦不", "更正", "记错", "不不", "搞错",
                   "讲错", "口误")
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


@dataclass(slots=True)  # (no per-quantity dict: cheaper to make and to read)
class Quantity:
    start: int
    end: int
    name: str  # parameter name from the spec's vocabulary
    value: object  # number or [low, high] in the canonical unit
    raw: str
    keep: tuple | None = None  # (start, end) of words inside the span that are not the quantity
    #                            (「一分钟拍个八十下」: 拍个), left to the tokenizer
    one_event: bool = False  # 「拍一下」: 一 with a movement's classifier (may turn out to be 'per')
    scale: float = 0.0  # canonical units per number said (寸 → 33.33): a corrected bare number uses it
    counted: str = ""  # the classifier of a count of things (九个人 → 个): rendered 「共9个」, not 「共9次」

    # Compiled, as tokens.Step's (the dataclass's generated __init__ runs interpreted): the fields above, in order,
    # with their defaults (tests/test_prompting_step_init.py).
    def __init__(self, start, end, name, value, raw, keep=None, one_event=False, scale=0.0, counted=""):
        self.start = start
        self.end = end
        self.name = name
        self.value = value
        self.raw = raw
        self.keep = keep
        self.one_event = one_event
        self.scale = scale
        self.counted = counted


def _scaled(value, f: float):
    """A value (a number or [low, high]) times ``f``."""
    if isinstance(value, list):
        return [_num(value[0] * f), _num(value[1] * f)]
    return _num(value * f)


def _num(x: float):
    x = float(x)
    if x.is_integer():
        return int(x)  # (a whole number, most values said: rounding it to hundredths, costly in C, changes nothing)
    if -0.01 < x < 0.01:
        return float(f"{x:.3g}")  # 「0.1微米」: 0.0001 mm, three significant digits (hundredths would make it 0)
    x = round(x, 2)
    return int(x) if x == int(x) else x


# Two adjacent digits said as a range: consecutive (两三, 七八, 十一二) or the fixed spoken pairs
# 三五 ("three to five"), 三两 and 一两 ("one or two", "two or three").
SPOKEN_WORDS = {"俩": 2.0, "仨": 3.0, "仨俩": (2.0, 3.0)}
SPOKEN_PAIRS = {(3, 5): (3, 5), (3, 2): (2, 3), (1, 2): (1, 2)}


def _pair(a: int, b: int):
    if b == a + 1 and a > 0:
        return (a, b)
    return SPOKEN_PAIRS.get((a, b))


def _place(n: float) -> int:
    """The lowest place a whole number is said to (二十 → 10, 一千一百 → 100, 一万六千 → 1000, 3 → 1):
    「多」 adds up to one of it."""
    if n != int(n):
        return 0.5 if n % 1 == 0.5 else 1  # 半个多小时: [0.5, 1] hour
    # (the place is the whole number over what is left of it once its trailing zeros are dropped: Python ints
    # throughout, where a counter ``place = 1; place *= 10`` would be a C long in the compiled build, whose
    # ``infer_types`` types such a variable, and overflow past 10**18)
    n = whole = int(n)
    while n >= 10 and n % 10 == 0:
        n //= 10
    return whole // n if n else 1


@functools.lru_cache(maxsize=8192)
def parse_cn_number(s: str):
    """A Chinese or Arabic numeral span → number, (low, high) for spoken ranges (两三, 二三十, 十几,
    一百五六十), or None when it is not a number (一点 as 'a little' never reaches here: it has no
    unit)."""
    if not s:
        return None
    if s == "半":
        return 0.5
    if s[0].isdigit():
        if s[-1] in "万千":  # 「2.5万到3万次」
            head = parse_cn_number(s[:-1])
            return head * CN_UNIT[s[-1]] if isinstance(head, float) else None
        try:
            return float(s)
        except ValueError:
            return None
    if s in CN_UNIT:  # 「百把斤」「上千下」: a bare 百 is one hundred
        return float(CN_UNIT[s])
    if s == "百十":  # 「百十来斤」「百十个」: a hundred or so
        return 100.0
    if s in SPOKEN_WORDS:  # 俩 (两个), 仨 (三个), 仨俩 (two or three)
        return SPOKEN_WORDS[s]
    if "廿" in s or "卅" in s:  # 廿三 = 二十三
        return parse_cn_number(s.replace("廿", "二十").replace("卅", "三十").replace("十十", "十"))
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
    # a spoken range of two adjacent digits, after an optional whole number that ends in a place
    # (两三 → 2..3, 三四十 → 30..40, 十一二 → 11..12, 二十五六 → 25..26, 一百五六十 → 150..160,
    # 一千二三 → 1200..1300): the pair counts in the place after the prefix's last one, or in the
    # place said after it
    m = _PAIR_RE.fullmatch(s)
    if m and m.group(1) not in ("一十",):
        pair = _pair(CN_VALUE[m.group(2)], CN_VALUE[m.group(3)])
        if pair is not None:
            prefix, place = m.group(1), m.group(4)
            base = parse_cn_number(prefix) if prefix else 0.0
            if isinstance(base, float):
                if place:
                    mult = CN_UNIT[place]
                elif prefix:
                    mult = CN_UNIT[prefix[-1]] // 10 or 1
                else:
                    mult = 1
                if not prefix or CN_UNIT[prefix[-1]] > mult:
                    return (base + pair[0] * mult, base + pair[1] * mult)
    if s.endswith("点") or s.startswith("点"):
        return None
    if len(s) >= 2 and all(c in CN_VALUE for c in s):
        return None  # digit by digit (四二拍, 一九五八): a code or a year, never an amount
    try:
        value = cn2an.cn2an(s, "smart")
    except Exception:  # cn2an raises its own ValueError subclasses and others on odd input
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _tail(t: str) -> tuple:
    """The digits said after 米/尺/丈/寸/斤 as (low, high) of the unit: 「一米二」 0.2, 「一米六五」 0.65, 「1米5」 0.5,
    「两尺五六」 0.5 to 0.6 (two digits in a row, as 两三 is a range)."""
    if t[0].isdigit():
        v = float("0." + t)
        return v, v
    a = CN_VALUE[t[0]]
    if len(t) == 1:
        return a / 10, a / 10
    b = CN_VALUE[t[1]]
    if b == a + 1 and a > 0:
        return a / 10, b / 10
    return a / 10 + b / 100, a / 10 + b / 100


_PAIR_RE = re.compile(rf"((?:[{CN_CHARS}]*[十百千万])?)([{CN_DIGITS}])([{CN_DIGITS}])([十百千万]?)")


CLAUSE_ENDS = ",。;!?:\uff0c\uff1b\uff01\uff1f\uff1a\n"  # ASCII and full-width
CLAUSE_ENDS_RE = re.escape(CLAUSE_ENDS)
_LAST_CLAUSE_END = re.compile(f"(?s:.*)[{CLAUSE_ENDS_RE}]")  # (up to the last one, in one attempt)
# Units that are units only in some company: 分 is minutes only in 「三分半」「三分二十秒」「两分来钟」 (not in
# 三分之一, 七分满, 十分); a bare 月 only after 个/半/多/来/把 (三月 is March); 里 not in 里头/里面; 三块钱 is
# money; 下午 and 口子 are words; 记 counts strokes (「敲两记」), not in 记住/记得/记号; a tool counts the strokes
# made with it (「捣十万杵」「筑三百棍」, like 锤/刀), not in 杵子/棍子 (the tool itself).
# Classifiers that open other words or follow 个 in them: 人 after 个 is 个's noun (「七八个人」 counts with 个), 人 in 二人转
# (a form's name), 人家, 人们, 人工 is no count, nor the subject of 各 (「两人各站一边」: who, each doing it); 面 after 两/斤
# is flour (「二两面」: 两 the weight) or the two sides (两面); 面粉/面条, 场子, 桌子, 床单, 鞭炮, 座位, 五味子, 响亮,
# 通过/通知/通红, 坛子, 袋子, 顶住/顶多, 挂起 are words of their own.
UNIT_BEFORE = {"月": "(?<=[个半多来把])", "人": "(?<!个)", "面": "(?<![两斤])"}
UNIT_AFTER = {"人": "(?![转家们工造各])", "面": "(?![粉条团食包片])", "场": "(?![子地院面])", "桌": "(?![子面])",
              "床": "(?![子单])", "鞭": "(?![炮])", "座": "(?![位])", "味": "(?![子道儿])", "响": "(?![亮])",
              "通": "(?![过知常红宵顺])", "坛": "(?![子])", "袋": "(?![子烟])", "筐": "(?![子])", "担": "(?![子心任])",
              "串": "(?![起门联通])", "堆": "(?![起上放积在])", "箱": "(?![子])", "篮": "(?![子球])",
              "顶": "(?![住上着多用替端部子])", "挂": "(?![起上着在好了钩面])", "副": "(?![手])", "尊": "(?![重敬])",
              "下": "(?![午面边头])", "杵": "(?![子])", "棍": "(?![子儿])", "块": "(?![钱])", "里": "(?![头面边])", "口": "(?![子])", "记": "(?![住得性号录者])",
              "分": rf"(?=半|[来多]钟|(?:[{CN_DIGITS}十]{{1,3}}|\d{{1,3}})秒|[{CLAUSE_ENDS_RE}]|$)"}
# Smaller units said after a larger one (「一尺二寸」「两斤四两」「三分二十秒」「一个钟头二十分钟」);
# 夜/宿 after 天 (「一天一夜」「三天三夜」) is the same days, not more.
SUB_UNITS = ("两", "寸", "分钟", "分", "秒钟", "秒", "夜", "宿")
# After one of these a number of 周 is turns, not weeks (「转一周」「绕场一周」).
TURN_VERBS = "转绕旋"
# Counts of turns keep their own word in the prompt (「转三圈」 → 「共3圈」, 「转半圈」 → 「共半圈」): a turn is not a
# stroke, and 「共0.5次」 says nothing. 周 here is a turn (转一周), said 圈.
TURN_UNITS = {"圈": "圈", "转": "转", "周": "圈"}


def _counted_unit(kind: str, unit: str) -> str:
    """The word a count keeps in the prompt: a classifier of things (九个人 → 个) or of turns; "" for strokes
    and other events, which read 「共N次」."""
    if kind == "item":
        return unit
    return TURN_UNITS.get(unit, "")


# Counts come in three kinds of classifier (parameters.json): "count" names one movement (下 步 圈 锤
# 刀 针), "times" how often (次 遍 回 趟 道), "item" a thing (个 根 块 层 张 样). Body parts (脚 拳 掌)
# are no classifier here: 「两脚分开」 names the feet far more often than 「踢两脚」 counts kicks.
# 一 with a movement counts one event (「拍一下醒木」「迈一步」), except in manner phrases (一针一针,
# 一上一下, 一下子, 一针长一针短), in 'as soon as' (一下就…, 一下马上…), at the head of a clause or after
# 每/上/下/这 (each time, which one: not how many); 一 with "times" is 'once, at a time' (「一次舀半勺」
# 「检查一遍」); 一 with a thing is the article (一个碗, 一层漆); 半 with a thing is part of one (半个图案).
# A one-event count followed by another count in its clause is 'per': 「转一圈拍四五十下」 counts 四五十.
ONE_MANNER_NEXT = "一又接比挨连子就"
ONCE_THEN = ("马上", "立刻", "立马", "便", "才", "赶紧", "赶快")
ONE_MANNER_PREV = "又接比挨连每上下这那"
# Directions after 往/朝 before 一V (「往回一转」): never the verb that 一 + a classifier counts
DIRECTION_CHARS = frozenset("上下里外前后左右回进出过起开")
# Words before a name (「这叫三响」「号称七十二变」): a number right after them is part of the name
NAME_CUES = ("叫", "叫做", "叫作", "称为", "名为", "名叫", "号称", "唤作")
# Degrees: a slant or turn word in the clause makes an angle; a liquid or fire, a temperature.
ANGLE_WORDS = "斜角倾歪偏转翻仰俯弯绕旋"
LIQUIDS = "水油汤浆酒汁液"
# 「八分厚」: before a size word 分 is a tenth of 寸 (1 寸 = 33.33 mm)
SIZE_WORDS = "厚宽长深粗高"
FEN_MM = 3.333
# 「每分钟/一秒钟/每小时 …」 before a count: a rate, converted to per minute
PER_ALT = "每(?:秒钟?|分钟|小时|个钟头|个小时)|一(?:秒钟?|分钟|小时|个钟头|个小时)"  # (grouped by the first character)
PER_MINUTE = {"分钟": 1, "分": 1, "秒": 60, "秒钟": 60, "小时": 1 / 60, "钟头": 1 / 60}


def _by_first(items) -> str:
    """An alternation of ``items``, (first character, pattern) pairs in order of preference, grouped by that
    character: the one-character items in one class, each other first character one branch keeping its items'
    order (「个小时|个钟头|…|个」 → 「个(?:小时|钟头|…|)」). Items with different first characters never match at
    the same place, so the matches and their order of preference are the plain alternation's; the engine tests a
    class and a few branches instead of every item (sre tries a plain alternation's items one by one)."""
    groups: dict = {}
    for first, pattern in items:
        groups.setdefault(first, []).append(pattern)
    singles = "".join(re.escape(f) for f, patterns in groups.items() if patterns == [re.escape(f)])
    branches = [f"[{singles}]"] if singles else []
    for first, patterns in groups.items():
        head = re.escape(first)
        if patterns == [head]:
            continue
        if all(p.startswith(head) for p in patterns):
            branches.append(head + "(?:" + "|".join(p[len(head):] for p in patterns) + ")")
        else:
            branches.append("|".join(patterns))
    return "|".join(branches) or "(?!x)x"


class QuantityFinder:
    """Compiled patterns for one spec's unit vocabulary."""

    def __init__(self, units: dict, cues: dict, approx_ratio: dict, hand_words=(), word_freq=None,
                 own_freq: float = math.inf, verb_chars=frozenset(), hand_verbs=frozenset()):
        self.units = units
        # ``verb_chars``: one-character words the tokenizer tags as verbs; ``hand_verbs``: characters that
        # are hand or body movements. A movement's classifier that is such a movement (转, 拍, 折) after 一
        # is the quick action 一V (「手腕一转」「先一拍板」), not one event counted, unless a verb stands
        # right before 一 (「转一转」「拍了一拍」「敲一锤」)
        self.verb_chars = frozenset(verb_chars)
        self.hand_verbs = frozenset(hand_verbs)
        # ``word_freq``: the tokenizer's word → frequency. A number inside a longer word of jieba's
        # own dictionary (进一步, 一下子, 三天两头, 下一步) is part of that word, not a quantity; the
        # spec's added forms (frequency ``own_freq`` and above: 九次蒸煮) do not count for that.
        freq = word_freq or {}
        # only words with a Chinese numeral in them can hold a spoken number: a set of those, built once
        num_words = [w for w, f in freq.items() if 10 <= f < own_freq and len(w) > 2
                     and any(c in CN_CHARS_SET for c in w)]
        # every short proper piece of those words → (its offset in the word, the word): a quantity
        # that is no such piece is inside no word, and one that is has only those words to check
        self.num_pieces: dict = {}
        for w in num_words:
            for i in range(len(w)):
                for j in range(i + 2, min(len(w), i + 4) + 1):
                    if j - i < len(w):
                        self.num_pieces.setdefault(w[i:j], []).append((i, w))
        self.any_word = lambda w: freq.get(w, 0) >= 10
        # 「两只手」「两条胳膊」 name the step's hands (the lexicon's hand terms): not a count
        self.hand_words = tuple(w for w in hand_words if w[:1] in CN_CHARS or w[:1] in SPOKEN_WORDS)
        self.cues = cues
        self.approx_ratio = approx_ratio
        self.thread_cues = "".join(cues.get("thread_no", ["线"]))
        # one alternation per group of parameter names: cue word → parameter name
        self._cue_re = {}
        for names in (LENGTH_NAMES, ("temperature_c",)):
            words = {c: n for n in reversed(names) for c in cues.get(n, ())}
            alt = "|".join(re.escape(c) for c in sorted(words, key=len, reverse=True)) or "(?!x)x"
            self._cue_re[names] = (re.compile(alt), words)
        unit_items = [(u[0], UNIT_BEFORE.get(u, "") + re.escape(u) + UNIT_AFTER.get(u, ""))
                      for u in sorted(units, key=len, reverse=True)]
        unit_alt = _by_first(unit_items)
        unit_alt_fen = _by_first(unit_items + [("分", f"分(?=[{SIZE_WORDS}])")])  # (and 「八分厚」's 分)
        # the characters a unit starts with (and 分, of 「八分厚」): a look-ahead on them lets a match attempt
        # skip, in one test, the whole alternation of the spec's units where none can start
        unit_first = rf"(?=[{''.join(sorted(map(re.escape, {u[0] for u in units} | {'分'})))}])"
        # (and 「七寸五分宽」's 分, a tenth of 寸 before a size word)
        sub_alt = "|".join(re.escape(u) + UNIT_AFTER.get(u, "") for u in SUB_UNITS if u in units) + f"|分(?=[{SIZE_WORDS}])"
        approx_alt = "|".join(re.escape(a) for a in sorted(approx_ratio, key=len, reverse=True)) or "(?!x)x"
        heat_alt = _by_first((c[0], re.escape(c)) for c in sorted(HEAT_CUES, key=len, reverse=True))
        # a number never starts inside another number, after 第 (ordinal), or after 月/初/星期/礼拜 (dates)
        no_num_before = rf"(?<![第月初\d.{CN_CHARS}俩仨几])(?<!星期)(?<!礼拜)"
        # the characters a quantity can start with (every alternative below begins with one)
        starts = rf"[\d{CN_CHARS}几半每一劈破分走进打敲拉大约差能个对俩仨{''.join(sorted({c[0] for c in HEAT_CUES}))}]"
        source = (rf"(?:(?:(?P<pre>{PER_ALT})|)"
            rf"(?:(?P<gap>走|进|打|敲|拉|大概|约|差不多|能|(?!破成)[^\d{CN_CHARS}俩仨几半每劈分\s,。;!?、\uff0c\uff1b\uff01\uff1f]{{1,3}}个?)|)"
            rf"(?=[{NUM_FIRST}]){no_num_before}(?P<n1>{NUM})(?:(?:来|多)?(?:(?P<unit1>{unit_first}(?:{unit_alt}))(?:(?P<half1>半)|)|){RANGE_SEP}(?P<n2>{NUM})|)(?:(?P<half>个半)|)个?(?:(?P<lai>来|多|余)|)整?"
            rf"(?:(?<=\d) )?"  # 「烧 800 度」: a space after an Arabic number
            rf"(?P<unit>{unit_first}(?:{unit_alt_fen}))(?![a-zA-Z])(?:(?P<half2>半(?![个天年月]))|)(?:(?P<lai2>(?<=分)[来多]钟)|)"
            # 「一尺八」「一米二」「一斤二」: a digit after 尺/米/丈/寸/斤 is tenths of it
            # 「一米六五」 (1.65) and 「两尺五六」 (2.5 to 2.6, two digits in a row): a second digit is hundredths, or the
            # range's other end; 「1米5」 said with Arabic digits; none after 毫米/厘米 (「隔三四毫米一针」: 一 counts the stitch)
            rf"(?:(?P<tail>(?<=[尺米丈寸斤])(?<![毫厘分微]米)(?:[一二两三四五六七八九](?:[一二三四五六七八九](?![十百千万])|)|\d{{1,2}}(?![\d.]))"
            rf"(?![十百千万\d{CN_DIGITS}个天年月尺米寸两分秒]))|)"
            rf"(?:(?P<sub>(?:零|又)?(?P<s1>[一二两三四五六七八九十]{{1,3}}|\d{{1,3}})(?P<sunit>{sub_alt}))|)"
            rf"(?:(?P<more>多|出头|余(?![下额量数]))|)"
            rf"(?:(?P<post>/s|/秒|每秒钟?|/min|/分钟?|每分钟)|)(?:(?P<approx>{approx_alt})|)"
            # 「糖稀熬到一百五上下」: a number after a heating verb is a temperature, whatever the verb
            rf"|(?P<heat>{heat_alt})(?:大概|约|差不多|个)?(?P<h1>{NUM})(?:{RANGE_SEP}(?P<h2>{NUM})|)"
            rf"(?:(?P<hunit>度|℃|摄氏度)|)(?:(?P<happrox>{approx_alt}|多)|)"
            # 劈成十六丝 / 分成16股 → thread_split
            rf"|(?P<split_pre>劈|分|破(?=成))(?:成|为|开成){{0,1}}(?P<split_n>{NUM})(?:股|丝|绒|份)"
            # (the fractions, ratios and shares below have 分, 比, 成, 份, 开 or / right after their first number: one
            # look-ahead skips all of them where none follows)
            rf"|(?=[{NUM_CHARS}]{{0,16}}[分比成份开/])(?:"
            # 十六分之一 / 1/16 of a thread
            rf"(?=[{NUM_CHARS}]{{1,16}}分之)(?P<frac_den>{NUM})分之(?P<frac_num>{NUM})"
            # 水和泥三比一 → ratio [3, 1]; 皮料七成,草料三成 → [7, 3]
            rf"|(?=[{NUM_CHARS}]{{1,16}}比){no_num_before}(?P<r1>{NUM})比(?P<r2>{NUM})"
            rf"|(?P<c1>[一二两三四五六七八九])成[^。;,\uff0c\uff1b]{{0,6}}[,\uff0c]?[^。;,\uff0c\uff1b]{{0,6}}?(?P<c2>[一二两三四五六七八九])成"
            # 掺三成沙: one share of ten, the rest implied → [3, 7] (七成热, 八成新, 一成不变 are not)
            rf"|{no_num_before}(?P<c0>[一二两三四五六七八九])成(?![热干熟满饱新不为了功])"
            # 「一份浆三份水」「米三份,水一份」: shares said with 份 → [1, 3]
            # (not 「一份一份地包」, nor 「这一份…那两份」: which share, not how much)
            rf"|(?=[{NUM_CHARS}]{{1,16}}份){no_num_before}(?<![这那每])(?P<f1>{NUM})份(?=[^\d{CN_CHARS}地的。;\uff1b])"
            rf"[^\d{CN_CHARS}。;,\uff0c\uff1b]{{0,3}}[,\uff0c]?[^\d{CN_CHARS}。;,\uff0c\uff1b]{{0,3}}?(?<![这那每])(?P<f2>{NUM})份"
            # 「三七开」「四六开」: shares of ten said as two digits
            rf"|{no_num_before}(?P<k1>[一二三四五六七八九])(?P<k2>[一二三四五六七八九])开"
            rf"|(?<![\d.])(?P<slash_num>\d{{1,3}})/(?P<slash_den>\d{{1,4}})(?![\d/]))"
            # 一半一半, 对半 → [1, 1] (no other alternative matches where it does: its place among them is free)
            rf"|(?P<half_half>一半一半|对半)"
            # 「那俩孔」「说俩字儿」: 俩/仨 are 两个/三个, a count of the noun right after them (not 他俩, 咱们仨: who; not
            # 俩手: the hands)
            rf"|(?<![他她你我咱们俩仨])(?P<pair_word>[俩仨])(?=[\u4e00-\u9fff])(?![{CN_CHARS}俩仨个来多把手脚腿胳眼耳肩]))"
        )
        # The whole quantity is read in a look-ahead behind one character of ``starts`` (group ``all``: a match
        # object's own end and text are that one character's; read ``m.end(G_ALL)``, ``m.group(G_ALL)``): a
        # pattern that opens with a class lets the engine skip, in one C loop, to the next character that can
        # start a quantity, where one that opens with a look-ahead makes a match attempt at every character
        # (the same matches: the look-ahead's first match is the one the plain pattern, which ends there, keeps)
        self.pattern = re.compile(rf"{starts}(?<=(?=(?P<all>{source})).)")
        cue_alt = "|".join(sorted(CORRECTION_CUES, key=len, reverse=True))
        # 「五分深,哎,就是差不多一公分半」: a value said again another way after 哎 … 就是 replaces the first
        self._restate = re.compile(rf"[哎唉][^\d{CN_CHARS}。;!?\uff1b\uff01\uff1f]{{0,6}}?就是")
        self._cue_any = re.compile(cue_alt)
        self._stop = re.compile(f"[{CLAUSE_ENDS_RE}]")
        self._bare_re = re.compile(
            rf"[^\d{CN_CHARS}]{{0,4}}(?:{cue_alt})[^\d{CN_CHARS}]{{0,4}}?(?P<b>{NUM})(?=[{CLAUSE_ENDS}]|$)")
        # the same without 「一分钟…」 as a rate: 「一个钟头二十分钟」 is a duration, tried when the rate
        # reading gives nothing
        self._no_per = re.compile(rf"{starts}(?<=(?=(?P<all>"
                                  + source.replace(f"(?:(?P<pre>{PER_ALT})|)", "(?:(?P<pre>(?!))|)", 1) + ")).)")

    def find(self, text: str) -> list[Quantity]:
        out: list[Quantity] = []
        search, pos, n = self.pattern.search, 0, len(text)
        # a text with no correction word (不是 is one) corrects no value: the reads of one are skipped
        correcting = self._cue_any.search(text) is not None or self._restate.search(text) is not None
        while pos < n:
            m = search(text, pos)
            if m is None:
                break
            pos = max(m.end(G_ALL), m.start() + 1)
            q = self._convert(m, text)
            if q is None and m.group(G_PRE):
                # 「一个钟头二十分钟」「一分钟之后加三勺」: no rate; read 一分钟 alone and go on after it
                m2 = self._no_per.match(text, m.start())
                q = self._convert(m2, text) if m2 is not None else None
                if q is not None:
                    pos = m2.end(G_ALL)
            if m.group(G_N1) and m.group(G_SUB) and (q is None or q.end <= m.start(G_SUB)):
                # 「一张三寸见方」「一片五寸来长」: a smaller unit of another kind after the unit is a
                # quantity of its own (一张 is the article, 三寸 the size): look again from it
                pos = m.start(G_SUB)
            if q is None or (out and q.start < out[-1].end):
                continue
            if out and correcting and self._corrects(text, out[-1], q):
                # the later value replaces the earlier one, under the earlier's name (said with its cue), unless
                # the correction names its own (「七寸五分宽,哎,不是宽,是直径七寸五」: a length, no width)
                prev = out.pop()
                if prev.name == "rate_per_min" and q.name == "count":
                    # 「一秒钟抖个五六下,哎不对,六七下」: the strokes corrected are still per second
                    q.value = _scaled(q.value, prev.scale / (q.scale or 1))
                    q.scale = prev.scale
                    q.name = prev.name
                elif not (q.name != prev.name and self._own_cue(text, prev, q)):
                    q.name = prev.name
            out.append(q)
        if correcting:
            out = self._bare_corrections(text, out)
        for i in range(1, len(out)):
            prev, q = out[i - 1], out[i]
            if prev.name == "temperature_c" and q.name == "angle_deg" and q.start - prev.end <= 16 \
                    and "。" not in text[prev.end:q.start] \
                    and not any(c in ANGLE_WORDS for c in text[max(prev.end, q.start - 4):q.start]):
                q.name = "temperature_c"  # 「不能低于一百三十度,也不能高过一百五十度」: still the heat
        for i in range(len(out) - 1, 0, -1):
            prev, q = out[i - 1], out[i]
            if prev.one_event and q.name == "count" \
                    and not any(c in text[prev.end:q.start] for c in CLAUSE_ENDS):
                del out[i - 1]  # 「转一圈拍四五十下」: per turn
        return out

    def _bare_corrections(self, text: str, out: list[Quantity]) -> list[Quantity]:
        """「烧到八百度,不对,九百」: a bare number right after a correction cue replaces the value before
        it, in that value's unit (read only in a text that holds a correction word: ``find``)."""
        result = []
        for k, q in enumerate(out):
            nxt = out[k + 1].start if k + 1 < len(out) else len(text)
            m = self._bare_re.match(text, q.end, min(nxt, q.end + 16)) if q.scale else None
            if m is not None:
                v = parse_cn_number(m.group("b"))
                if v is not None:
                    low, high = (v if isinstance(v, tuple) else (v, v))
                    low, high = low * q.scale, high * q.scale
                    q = Quantity(q.start, q.end, q.name, _num(low) if low == high else [_num(low), _num(high)],
                                 q.raw, q.keep, False, q.scale, q.counted)
            result.append(q)
        return result

    def _own_cue(self, text: str, prev: Quantity, q: Quantity) -> bool:
        """Is a cue word of ``q``'s kind said after the last correction cue before ``q`` (「哎,不是宽,是直径…」)?"""
        names = LENGTH_NAMES if q.name in LENGTH_NAMES else None
        if names is None:
            return False
        at = prev.end
        for c in self._cue_any.finditer(text, prev.end, q.start):
            at = c.end()
        for c in self._restate.finditer(text, at, q.start):
            at = c.end()
        return self._cue_re[names][0].search(text, at, q.start) is not None

    def _corrects(self, text: str, prev: Quantity, q: Quantity) -> bool:
        if q.start - prev.end > 16 or (_kind_of(prev.name) != _kind_of(q.name)
                                       and not (prev.name == "rate_per_min" and q.name == "count")):
            return False
        between = text[prev.end:q.start]
        if any(c in between for c in CORRECTION_CUES) or self._restate.search(between) is not None:
            return True
        if prev.name == "rate_per_min":
            return False  # (「不是」 below: a count after a rate is another quantity)
        # 「不是三毫米,是四毫米」 (「不是劈成八股」: before the verb the match began with, which stays a word)
        at = prev.end - len(prev.raw) if prev.name == "thread_split" else prev.start
        return "不是" in text[max(0, at - 3):at] and "是" in between

    # --- one match → a named, converted value ----------------------------------------------------
    def _convert(self, m: re.Match, text: str) -> Quantity | None:
        raw1, raw2, unit, pre, lai, more, approx = m.group(G_N1, G_N2, G_UNIT, G_PRE, G_LAI, G_MORE, G_APPROX)
        if raw1 is None:
            return self._special(m, text)
        return self._number_unit(m, text, raw1, raw2, unit, pre, lai, more, approx)

    def _special(self, m: re.Match, text: str) -> Quantity | None:
        """Heat, thread split, fractions and ratios."""
        split_n, frac_den, slash_den = m.group("split_n", "frac_den", "slash_den")
        if split_n:
            v = parse_cn_number(split_n)
            # 「一根劈成八股」: 劈 (and its 成) is the step, said before the count of strands: it stays a word (分成 is
            # no act of its own: the quantity keeps it)
            start = m.start("split_n") if m.group("split_pre") in ("劈", "破") else m.start()
            if isinstance(v, tuple):
                return Quantity(start, m.end(G_ALL), "thread_split", [_num(v[0]), _num(v[1])], m.group(G_ALL))
            if not isinstance(v, float) or v < 2:
                return None
            return Quantity(start, m.end(G_ALL), "thread_split", _num(v), m.group(G_ALL))
        if frac_den or slash_den:
            den = parse_cn_number(frac_den or slash_den)
            num = parse_cn_number(m.group("frac_num") or m.group("slash_num"))
            if not isinstance(den, float) or num != 1.0 or den < 2:
                return None
            window = text[max(0, m.start() - 8): m.end(G_ALL) + 3]
            if not any(c in window for c in "丝线绒劈股"):
                return None
            return Quantity(m.start(), m.end(G_ALL), "thread_split", _num(den), m.group(G_ALL))

        if m.group("heat"):
            return self._heat(m)
        if m.group("pair_word"):
            return Quantity(m.start(), m.end(G_ALL), "count", 2 if m.group("pair_word") == "俩" else 3,
                            m.group(G_ALL), None, False, 1.0, "个")
        if m.group("half_half"):
            return Quantity(m.start(), m.end(G_ALL), "ratio", [1, 1], m.group(G_ALL))
        if m.group("c0"):
            a = parse_cn_number(m.group("c0"))
            return Quantity(m.start(), m.end(G_ALL), "ratio", [_num(a), _num(10 - a)], m.group(G_ALL))
        if m.group("k1"):
            a, b = CN_VALUE[m.group("k1")], CN_VALUE[m.group("k2")]
            if a + b != 10:
                return None
            return Quantity(m.start(), m.end(G_ALL), "ratio", [a, b], m.group(G_ALL))
        if m.group("r1") or m.group("c1") or m.group("f1"):
            a = parse_cn_number(m.group("r1") or m.group("c1") or m.group("f1"))
            b = parse_cn_number(m.group("r2") or m.group("c2") or m.group("f2"))
            if not isinstance(a, float) or not isinstance(b, float) or not a or not b:
                return None
            return Quantity(m.start(), m.end(G_ALL), "ratio", [_num(a), _num(b)], m.group(G_ALL))
        return None

    def _number_unit(self, m: re.Match, text: str, raw1, raw2, unit, pre, lai, more, approx) -> Quantity | None:
        """A number with its unit (the main alternative)."""
        approx_word = str.endswith(raw1, "把")  # 个把钟头, 百把斤 (str.endswith(raw1, ...): compiled, str's own, per match)
        if approx_word:
            raw1 = raw1[:-1]
            v1 = 1.0 if raw1 == "个" else parse_cn_number(raw1)
        else:
            v1 = parse_cn_number(raw1)
            if v1 is None and not raw2:
                # 「七七四十九天」: the number said next to the unit is the quantity
                v1 = next((v for v in map(parse_cn_number, (raw1[i:] for i in range(1, len(raw1))
                                                             if any(c in CN_UNIT for c in raw1[i:])))
                           if v is not None), None)
        if v1 is None:
            return None
        v2 = parse_cn_number(raw2) if raw2 else None
        if raw2 and v2 is None:
            return None
        if unit not in self.units and unit == "月":
            unit = "个月"
        kind, factor = self.units[unit]
        lai2, half, half2, tail, sub, gap, unit1 = m.group(G_LAI2, G_HALF, G_HALF2, G_TAIL, G_SUB, G_GAP, G_UNIT1)
        n1_at, ue = m.start(G_N1), m.end(G_UNIT)
        end = m.end(G_ALL)
        if sub and self._sub_unit(m.group(G_SUNIT), unit)[0] != kind:
            # 「两根一寸长的」: what follows the unit is another quantity (another kind), not a smaller
            # unit of this one; this quantity ends at the unit, and nothing said after it is its own
            sub = more = approx = None
            end = m.start(G_SUB)
        if unit == "分" and ue < len(text) and text[ue] in SIZE_WORDS:
            kind, factor = "length", FEN_MM  # 「八分厚」: 分 is a tenth of 寸
        elif unit == "分" and (ue == len(text) or text[ue] in CLAUSE_ENDS):
            # 「进针五分」「刺入三分」: a bare 分 at the end of a clause is a length only after a size cue
            if self._cue(text, m, LENGTH_NAMES, None) is None:
                return None
            kind, factor = "length", FEN_MM
        if lai2:
            lai = lai2[0]  # 「两分来钟」
        if str.endswith(unit, ("月", "年")) and ue < len(text) and self.any_word(text[ue - 1:ue + 1]):
            return None  # 「一个月饼」「三年级」: 个 counts the word 月饼, not months
        end = m.end(G_ALL)
        us = m.start(G_UNIT)
        if len(unit) == 1 and us > 0 and text[us - 1] == "个" and ue == end and ue < len(text) \
                and self.any_word(text[us:ue + 1]) and "个" in self.units:
            # 「装四个轮子」「走两个圈子」: after 个 a classifier's character opens the noun that 个 counts
            unit, end = "个", us
            kind, factor = self.units[unit]
        if n1_at and text.endswith(NAME_CUES, max(0, n1_at - 2), n1_at):
            return None  # 「这叫三响」「称为五音」: a name said with a number, no quantity
        if kind == "item" and str.startswith(text, self.hand_words, n1_at):
            return None  # 「两只手捧住」: which hands is the step's hand, not a count of the work
        if not raw2 and pre is None and kind in ("count", "times", "item", "rows"):
            if raw1 == "一" and (kind != "count" or not self._one_event(m, text) or self._quick_action(m, text)) \
                    and not (kind == "times" and self._done_once(m, text)):
                return None
            if raw1 == "半" and kind == "item":
                return None
        # what is said after the last number (半, 一米二's 二, 一尺二寸's 二寸) adds to that number only:
        # 「一斤到一斤半」 is [1, 1.5] 斤
        if isinstance(v2, tuple):
            v2 = v2[1]
        last = v2 if v2 is not None else (v1[1] if isinstance(v1, tuple) else v1)
        if half or half2:
            last += 0.5  # 一个半小时, 一公分半
        last_low = last
        if tail:
            tail_low, tail_high = _tail(tail)
            last_low, last = last + tail_low, last + tail_high
        if isinstance(v1, tuple):
            low, high = v1[0], last
        elif v2 is not None:
            low, high = v1, last
            if m.group(G_HALF1):
                low += 0.5  # 「一公分半到四公分」: the first number's own half
        else:
            low, high = last_low, last
        if unit1 and raw2 and unit1 != unit and unit1 in self.units and self.units[unit1][0] == kind:
            low = low * self.units[unit1][1] / factor  # 「三四天到一个礼拜」: the first number in its own unit
        if low > high:  # 「五到三度」
            low, high = high, low
        if unit == "年" and high >= 1000 and not any(c in raw1 for c in "百千万"):
            return None  # 「2006年」「一九五八年」 are dates (三千年 is not)
        if sub:
            sunit = m.group(G_SUNIT)
            skind, sfactor = self._sub_unit(sunit, unit)
            sv = parse_cn_number(m.group(G_S1))
            if sunit in "夜宿" and unit in "天日":
                pass  # 一天一夜, 三天三夜: the nights of the same days
            elif skind == kind and sfactor < factor and isinstance(sv, float):
                high = high + sv * sfactor / factor
                if not raw2 and not isinstance(v1, tuple):
                    low = high
        if lai == "多" or lai == "余" or more:
            place = _place(high)
            high = high + place
        elif lai == "来" or approx or approx_word or (
                n1_at and text[n1_at - 1] == "上" and raw1 in CN_UNIT):  # 上百, 上千
            ratio = self.approx_ratio.get(approx or "来", 0.1)
            low, high = low * (1 - ratio), high * (1 + ratio)
        if kind == "time" and n1_at and text[n1_at - 1] in "这那":
            return None  # 「这两天」「那几年」: when, not how long
        if unit == "周" and any(c in TURN_VERBS for c in text[max(0, n1_at - 2):n1_at]):
            kind, factor = "count", 1  # 转一周: one turn
        if end - n1_at <= 4 and self._inside_word(text, n1_at, end):
            return None
        name, rate = self._name(kind, unit, m, text, high, end)
        if name is None:
            return None
        low, high = low * factor * rate, high * factor * rate
        value = _num(low) if low == high else [_num(low), _num(high)]
        start, keep = m.start(), None
        if gap:
            if pre:
                keep = (m.start(G_GAP), m.end(G_GAP))
            else:
                start = n1_at  # 「打个二三十锤」: the verb before the number stays a word
        # (every field by position: keyword arguments cost a dict per call, compiled)
        return Quantity(start, end, name, value, text[m.start():end], keep, raw1 == "一" and kind == "count",
                        factor * rate, _counted_unit(kind, unit) if name == "count" else "")

    def _sub_unit(self, sunit: str, unit: str) -> tuple:
        """(kind, factor) of a smaller unit said after ``unit``: 分 after 寸 or 尺 is a tenth of 寸 (「一寸二分」)."""
        if sunit == "分" and unit in ("寸", "尺"):
            return "length", FEN_MM
        return self.units[sunit]

    def _inside_word(self, text: str, start: int, end: int) -> bool:
        """Is text[start:end] (a quantity of at most 4 characters) part of a longer dictionary word
        that begins at most 3 characters before it and ends at most 5 after it?"""
        for offset, word in self.num_pieces.get(text[start:end], ()):
            at = start - offset
            if 0 <= at and start - at <= 3 and at + len(word) - end <= 5 and text.startswith(word, at):
                return True
        return False

    def _quick_action(self, m: re.Match, text: str) -> bool:
        """「手腕一转」「往外一转」「先一拍板」「往手心里一拍」: 一 + a movement's classifier that is itself a
        verb, with no verb before the 一 (a verb there is the one counted: 「转一转」「拍了一拍」), is the
        verb done once quickly, the clause's predicate. 「一个转身」: after 一个 the classifier's character
        opens a word of its own (转身), which 个 counts as a thing (一 with a thing is the article)."""
        unit, at = m.group(G_UNIT), m.start(G_N1)
        us, ue = m.start(G_UNIT), m.end(G_UNIT)
        if len(unit) != 1 or m.group(G_GAP):
            return False
        if text[at + 1:us] == "个":
            return self.any_word(text[us:ue + 1])
        if us != at + 1 or unit not in self.hand_verbs:
            return False
        before = text[at - 1] if at else ""
        if before == "了" and at >= 2:
            before = text[at - 2]  # 「拍了一拍」
        if before in DIRECTION_CHARS:
            return True  # 「往回一转」「往下一折」: a direction (回, 下 are also verbs) says where the verb goes
        return before not in self.verb_chars and before != unit

    def _done_once(self, m: re.Match, text: str) -> bool:
        """「刷一遍蛋液」「拿细箩过一遍」「再拌一遍」: 一 with a classifier of times right after the verb
        (or the verb and 了), closing its clause or before a short object that does, says the work is
        done once, a count; elsewhere 一遍/一次 is 'at a time', 'each time' or which time (「一次舀半勺」
        「一遍干透了再上」「一遍比一遍轻」「烧一次釉会往下沉」)."""
        at, end = m.start(G_N1), m.end(G_ALL)
        if m.group(G_PRE) or at < 1 or not self._one_event(m, text):
            return False
        stop = self._stop.search(text, end, end + 4)
        if stop is None and end + 3 < len(text):
            return False
        before = text[at - 1]
        if before == "了" and at >= 2:
            before = text[at - 2]
        # (a verb of one character: 「检查一遍」 looks the work over, it is no pass of it)
        return (before in self.verb_chars or before in "过") and not self.any_word(text[at - 2:at] if before != "了" else
                                                                                  text[at - 3:at - 1])

    @staticmethod
    def _one_event(m: re.Match, text: str) -> bool:
        """一 with a classifier of an action: one event, unless it is a manner phrase or 'each time'."""
        at, end = m.start(G_N1), m.end(G_ALL)
        if end < len(text) and text[end] in ONE_MANNER_NEXT or text.startswith(ONCE_THEN, end):
            return False
        if at == 0 or not ("\u4e00" <= text[at - 1] <= "\u9fff") or text[at - 1] in ONE_MANNER_PREV:
            return False  # at the head of a clause, or after 每/又/接
        if at >= 2 and text[at - 2] == "一":
            return False  # the second half of 一针一针, 一上一下
        unit = m.group(G_UNIT)
        near = text[max(0, at - 5):at] + text[end:end + 5]
        return "一" + unit not in near  # 一针长一针短: two parallel halves

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
            place = _place(high)
            high = high + place
        elif approx:
            ratio = self.approx_ratio.get(approx, 0.1)
            low, high = low * (1 - ratio), high * (1 + ratio)
        value = _num(low) if low == high else [_num(low), _num(high)]
        # the heating verb stays a word (it can be the step's action)
        return Quantity(m.start("h1"), m.end(G_ALL), "temperature_c", value, m.group(G_ALL), None, False, 1.0)

    def _name(self, kind: str, unit: str, m: re.Match, text: str, value: float,
              end: int | None = None) -> tuple[str | None, float]:
        """The parameter name, and the factor that turns a count per second/hour into per minute
        (``end``: where the quantity ends when it is shorter than the match)."""
        end = m.end(G_ALL) if end is None else end
        pre, post = m.group(G_PRE) or "", (m.group(G_POST) or "") if end == m.end(G_ALL) else ""
        if kind == "length":
            if pre.endswith(("秒", "秒钟")) or post:
                return "speed_mm_s", 1
            return self._cue(text, m, LENGTH_NAMES, "length_mm", end), 1
        if kind == "degree":
            at = m.start(G_N1)
            lo = max(0, at - 6)
            cut = _LAST_CLAUSE_END.match(text, lo, at)  # (the clause's words before the number)
            before = text[lo if cut is None else cut.end():at]
            if any(c in ANGLE_WORDS for c in before):
                return "angle_deg", 1  # 斜四十五度, 转三百六十度, 往后仰三十度
            if value > 180 or self._cue(text, m, ("temperature_c",), None, end) or (
                    text[end:end + 1] == "的" and end + 1 < len(text) and text[end + 1] in LIQUIDS) \
                    or any(c in LIQUIDS for c in before):  # 「蜡液保持在七十度」: a liquid's degrees are heat
                return "temperature_c", 1
            return "angle_deg", 1
        if kind == "temperature":
            return "temperature_c", 1
        if kind == "weight":
            return "weight_g", 1
        if kind == "time":
            if pre or post:
                return None, 1
            return "duration_s", 1
        if kind in ("count", "times", "item", "rows"):
            if (pre or post) and kind not in ("count", "times") and (
                    kind == "rows" or not pre or any(c in (m.group(G_GAP) or "") for c in "后内里过再")):
                return None, 1  # 「一分钟之后加三勺」: a time after which things are added is no rate; things
                # made or said in each minute are (「一分钟能唱一百二三十个字」「每分钟编十来个」)
            if post:
                return "rate_per_min", 60 if "秒" in post or post == "/s" else 1
            if pre:
                per = next(f for w, f in PER_MINUTE.items() if pre.endswith(w))
                return "rate_per_min", per
            return ("rows" if kind == "rows" else "count"), 1
        if kind == "number":
            # 号 is the size of a needle or a thread (十二号针, 用八号的线), not a day of the month
            after, before = text[end: end + 3], text[max(0, m.start() - 4): m.start()]
            for c in after:
                if c in self.thread_cues:
                    return "thread_no", 1
                if c == "针":
                    return "needle_no", 1
            if "针" in before:
                return "needle_no", 1
            if any(c in before for c in self.thread_cues):
                return "thread_no", 1
            return None, 1
        return None, 1

    def _cue(self, text: str, m: re.Match, names: tuple, default, end: int | None = None):
        """The parameter whose cue word stands nearest the quantity (8 characters before it, 3 after);
        on a tie, the earlier name in ``names``."""
        pattern, name_of = self._cue_re[names]
        at = m.start(G_N1) if m.group(G_N1) else m.start()  # words before the number, gap included
        before = text[max(0, at - 8): at]
        best, best_dist = default, 99
        for c in pattern.finditer(before):
            best, best_dist = name_of[c.group(0)], len(before) - c.end()
        # 「高三尺三,宽一尺五」: a cue after a comma belongs to the next quantity
        end = m.end(G_ALL) if end is None else end
        stop = self._stop.search(text, end, end + 3)
        c = pattern.search(text, end, stop.start() if stop else end + 3)
        if c is not None and c.start() - end < best_dist:
            best = name_of[c.group(0)]
        return best


# The pattern's group numbers of the groups read for every match (the same for every spec: units hold no groups):
# a match's method called with a number skips the look-up of a name (about ten times the cost of the call).
_GROUP = QuantityFinder({}, {}, {}).pattern.groupindex
(G_ALL, G_N1, G_N2, G_UNIT, G_UNIT1, G_PRE, G_GAP, G_LAI, G_LAI2, G_MORE, G_APPROX, G_HALF, G_HALF2, G_TAIL, G_SUB, G_SUNIT,
 G_S1, G_POST, G_HALF1) = (_GROUP[name] for name in ("all", "n1", "n2", "unit", "unit1", "pre", "gap", "lai", "lai2", "more",
                                                      "approx", "half", "half2", "tail", "sub", "sunit", "s1", "post",
                                                      "half1"))
