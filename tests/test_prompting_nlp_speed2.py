"""nlp-speed2: speed work on the normalizer that must leave every result as it was."""
from generation.prompting import breaks

# sentences written for these tests (in no eval set): a short clause, a long unpunctuated stretch at the start,
# one in the middle, one at the end, and a text with no punctuation at all
TEXTS = [
    "先把竹片削薄,然后左手扶着竹片右手拿刀慢慢地往下削一直削到两头一样厚为止,再晾干。",
    "师傅一边说话一边把泥巴揉匀再搓成长条盘在转盘上面慢慢往上收口,最后修坯。",
    "烧窑。火要旺,窑门先封上然后每隔半个钟头看一回火色火色发白了就可以停火",
    "左手按住木板右手拿凿子凿",
    "",
]


def _maximal_runs(text: str) -> list:
    """Every maximal stretch of ``ASR_RUN`` characters or more with no break character, read one by one."""
    out, start = [], None
    for k, ch in enumerate(text + "\n"):
        if breaks._ASR_BREAK_RE.match(ch):
            if start is not None and k - start >= breaks.ASR_RUN:
                out.append((start, k))
            start = None
        elif start is None:
            start = k
    return out


def test_long_runs_are_the_maximal_unpunctuated_stretches():
    for text in TEXTS:
        runs = _maximal_runs(text)
        if not runs and len(text) >= breaks.ASR_SHORT and breaks._ASR_BREAK_RE.search(text) is None:
            runs = [(0, len(text))]
        assert breaks._asr_long_runs(text) == runs, text


def test_run_pattern_is_tried_only_where_a_run_starts():
    # inside a stretch the pattern never matches (the scan does not re-read the rest of a clause at every
    # character); at the stretch's start it takes all of it
    # (s24-speedA: the pattern opens with the break before the run, group 1 the run; a run at the text's start is
    # ``_ASR_RUN_AT_START``'s)
    text = TEXTS[0]
    (a, b), = _maximal_runs(text)
    if a:
        assert breaks._ASR_RUN_RE.match(text, a - 1).span(1) == (a, b)
    else:
        assert breaks._ASR_RUN_AT_START.match(text).span() == (a, b)
    assert all(breaks._ASR_RUN_RE.match(text, k) is None for k in range(a, b))


def test_hot_records_have_no_instance_dict():
    # the records every rule reads (a term's reading, a quantity, the token arrays) are slotted: an attribute
    # read goes to its slot, never through a per-instance dict
    from generation.prompting.quantities import Quantity
    from generation.prompting.spec import TermInfo
    from generation.prompting.tokens import Doc

    records = [TermInfo("绣针", "tool", ("suxiu",)), Quantity(0, 3, "length_mm", 2, "两毫米"),
               Doc(["拿", "针"], [0, 1, 2], ["L", "T"], {}, [0, 1])]
    for record in records:
        assert not hasattr(record, "__dict__"), type(record).__name__
    assert TermInfo("绣针", "tool", ("suxiu",)) == records[0] and hash(records[0]) == hash(TermInfo("绣针", "tool", ("suxiu",)))
