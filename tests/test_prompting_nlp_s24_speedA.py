"""s24-speedA: regular expressions that let the engine scan for where a match can start, with the same matches.

The quantity pattern opens with its class of first characters and reads the quantity in a look-ahead (group
``all``); ``spec._alternation`` is a trie of its words. Each is checked against the pattern it replaced."""
import random
import re

from generation.prompting import spec as spec_module
from generation.prompting.spec import get_spec
from generation.prompting.tokens import finder_for

# sentences written for these tests (in no eval set)
TEXTS = [
    "先把篾条劈成十六丝,再拿两三根并排,每根隔开一毫米左右。",
    "炉子烧到九百度上下,大概一个半小时以后,铁水就化开了,不对,是一个钟头。",
    "一分钟之后加三勺糖,熬到一百二十度,搅个四五十下,水和面三比一。",
    "米三份,水一份,三七开也行;一半一半地掺,对半分开,再晾三天三夜。",
    "他打了二三十锤,一尺二寸长,八分厚,一张三寸见方的纸,转一圈拍四五十下。",
    "1.5mm的针,烧 800 度,45°斜着进,1/16的线,两斤四两,十几分钟,每秒两毫米。",
    "稍微斜一点,轻一点往下压,别太深,慢慢地一下子提起来,匀匀地刷一薄层。",
]


def _search_loop(pattern, text, end_group):
    found, pos = [], 0
    while pos < len(text):
        m = pattern.search(text, pos)
        if m is None:
            break
        found.append(m)
        pos = max(m.end(end_group), m.start() + 1)
    return found


def _as_before(pattern: re.Pattern) -> re.Pattern:
    """The pattern as it was written before: ``(?=[starts])`` and the quantity, matched in full."""
    source = pattern.pattern
    starts = source[:source.index("]") + 1]
    head, tail = starts + "(?<=(?=(?P<all>", ")).)"
    assert source.startswith(head) and source.endswith(tail)
    return re.compile(f"(?={starts})" + source[len(head):-len(tail)])


def test_the_quantity_pattern_finds_what_the_look_ahead_one_found():
    finder = finder_for(get_spec())
    for new in (finder.pattern, finder._no_per):
        old = _as_before(new)
        names = [g for g in old.groupindex]
        rnd = random.Random(11)
        texts = TEXTS + ["".join(rnd.sample(t, len(t))) for t in TEXTS for _ in range(20)]
        for text in texts:
            a, b = _search_loop(old, text, 0), _search_loop(new, text, "all")
            assert [m.span() for m in a] == [m.span("all") for m in b], text
            assert [[m.span(g) for g in names] for m in a] == [[m.span(g) for g in names] for m in b], text
            for at in range(len(text)):  # (``_no_per`` is used with match)
                x, y = old.match(text, at), new.match(text, at)
                assert (x and x.span()) == (y and y.span("all")), (text, at)


def test_quantities_are_found_in_the_sentences():
    # (the values main gave before the change: the whole quantity's span and text, read from group ``all``)
    finder = finder_for(get_spec())
    assert [(q.start, q.end, q.name, q.value, q.raw) for q in finder.find(TEXTS[3])] == [
        (1, 7, "ratio", [3, 1], "三份,水一份"), (8, 11, "ratio", [3, 7], "三七开"), (14, 18, "ratio", [1, 1], "一半一半"),
        (21, 23, "ratio", [1, 1], "对半"), (28, 32, "duration_s", 259200, "三天三夜")]
    assert [(q.start, q.end, q.name, q.value, q.raw) for q in finder.find(TEXTS[1])] == [
        (4, 9, "temperature_c", [810, 990], "烧到九百度上下"), (31, 35, "duration_s", 3600, "一个钟头")]


def test_the_trie_alternation_matches_like_the_plain_one():
    spec = get_spec()
    rnd = random.Random(5)
    word_lists = [list(spec.vague) + list(spec.manner), list(spec.craft_words),
                  ["一", "一下", "一下子", "下子", "子", "一点", "点一下", "a", "ab", "abc", "b.c", "(x)"]]
    for words in word_lists:
        plain, trie = spec_module._alternation_plain(words), spec_module._alternation(words)
        pool = sorted({w for w in words if w})
        texts = TEXTS + ["".join(rnd.choice(pool) + rnd.choice(["", "的", "了", "一"]) for _ in range(12))
                         for _ in range(50)]
        for text in texts:
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in trie.finditer(text)], text
    assert spec_module._alternation([]).search("一下") is None


def test_long_runs_are_found_as_by_the_look_behind_pattern():
    from generation.prompting import breaks
    inner = breaks._ASR_BREAK_CLASS[1:-1]
    before = re.compile(f"(?<![^{inner}])[^{inner}]{{{breaks.ASR_RUN},}}")  # the pattern it replaced
    rnd = random.Random(7)
    texts = [t.replace(",", "").replace("。", "")[:rnd.randint(0, 60)] for t in TEXTS for _ in range(10)]
    texts += ["".join(rnd.choice("一二三木料,。 \nab") for _ in range(rnd.randint(0, 70))) for _ in range(500)]
    for text in TEXTS + texts:
        runs = [m.span() for m in before.finditer(text)]
        if not runs and len(text) >= breaks.ASR_SHORT and breaks._ASR_BREAK_RE.search(text) is None:
            runs = [(0, len(text))]
        assert breaks._asr_long_runs(text) == runs, text
