"""The prompt reads as fluent, faithful Chinese (render.py and carry.py, issue 11, r9-render): a finger, a
wrist, a foot or the neck said as what moves before the verb stays in the step (「右手食指往下按」, not
「右手按」), and the hand the reading carried on is not said where the speaker named a finger or a foot
alone; a verb that holds its own object (淬火, 进水, 降温: fire, water, heat) takes no other, neither the
noun after it nor the thing worked before. Sentences about crafts not in the evaluation set."""
from generation.prompting import normalize, render_prompt
from generation.prompting.carry import _carry_dropped_object
from generation.prompting.spec import default_spec
from generation.prompting.tokens import Step

from tests.test_prompting_render import desc, steps_of

SPEC = default_spec()


# --- a limb said as the subject ----------------------------------------------------------------------------
def test_a_finger_said_after_the_hand_stays_in_the_step():
    d = desc("右手食指往下一按", [{"clause": "右手食指往下一按", "action": "按", "hand": "right"}])
    assert steps_of(render_prompt(d, spec=SPEC)) == "右手食指往下按"


def test_a_body_part_alone_is_what_moves_not_a_carried_hand():
    d = desc("拿起吉他,脖子一歪,手腕轻轻地抖", [
        {"clause": "拿起吉他", "action": "拿起", "hand": "right", "tool": "吉他"},
        {"clause": "脖子一歪", "action": "歪", "hand": "right"},
        {"clause": "手腕轻轻地抖", "action": "抖", "hand": "right"}])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert "脖子歪" in p and "手腕抖" in p and "右手歪" not in p


def test_two_fingers_said_together_and_counted_are_no_total():
    d = desc("左手两根指头捏住琴弦", [{"clause": "左手两根指头捏住琴弦", "action": "捏住", "hand": "left",
                                      "material": "琴弦", "params": {"count": 2}, "count_unit": "根"}],
             [("琴弦", "琴弦", "material")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert p == "左手两根指头捏住琴弦"


def test_fingers_joined_by_gen_or_dun_hao_are_one_subject():
    d = desc("拇指跟中指捏紧", [{"clause": "拇指跟中指捏紧", "action": "捏紧"}])
    assert steps_of(render_prompt(d, spec=SPEC)) == "拇指跟中指捏紧"
    d = desc("右手拇指、食指捏住铁丝", [{"clause": "右手拇指、食指捏住铁丝", "action": "捏住", "hand": "right",
                                         "material": "铁丝"}], [("铁丝", "铁丝", "material")])
    assert steps_of(render_prompt(d, spec=SPEC)) == "右手拇指、食指捏住铁丝"


def test_a_limb_that_is_the_object_of_a_verb_before_is_no_subject():
    d = desc("徒弟握住病人的胳膊往上抬", [{"clause": "往上抬", "action": "抬", "hand": "both"}])
    assert "胳膊" not in steps_of(render_prompt(d, spec=SPEC))


def test_a_finger_inside_a_tool_word_is_no_subject():
    d = desc("用手指头抹匀", [{"clause": "用手指头抹匀", "action": "抹匀", "tool": "手指头"}],
             [("手指头", "手指头", "tool")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert not p.startswith("指头")


def test_a_limb_the_reading_has_as_material_is_said_once():
    d = desc("膝盖往上一顶", [{"clause": "膝盖往上一顶", "action": "顶", "material": "膝盖"}])
    assert steps_of(render_prompt(d, spec=SPEC)).count("膝盖") == 1


def test_normalized_text_keeps_the_toe():
    p = normalize("跳完了脚尖点地,再转一圈。", None).to_dict()["prompt"]
    assert "脚尖" in p


# --- a verb that holds its own object ------------------------------------------------------------------------
def test_the_thing_worked_is_not_carried_onto_a_verb_with_its_own_object():
    text = "把铁条锻好,然后淬火。"
    p = Step(action="锻好", surface="锻好", material="铁条", start=0, end=5)
    q = Step(action="淬火", surface="淬火", start=9, end=11)
    _carry_dropped_object(SPEC, [p, q], text)
    assert q.material is None
    p = Step(action="锻好", surface="锻好", material="铁条", start=0, end=5)  # (a verb with no object: carried)
    q = Step(action="折弯", surface="折弯", start=9, end=11)
    _carry_dropped_object(SPEC, [p, q], "把铁条锻好,然后折弯。")
    assert q.material == "铁条"


def test_the_noun_after_a_verb_with_its_own_object_is_the_next_subject():
    text = "先把瓶口烧软,吹好了降温瓶口就硬了"
    d = desc(text, [{"clause": "先把瓶口烧软", "action": "烧软", "material": "瓶口"},
                    {"clause": "降温瓶口", "action": "降温", "material": "瓶口"}], [("瓶口", "瓶口", "material")])
    p = steps_of(render_prompt(d, spec=SPEC))
    assert "降温瓶口" not in p and "降温" in p and "瓶口" in p
    # a thing no other step shows is never dropped (a fact the prompt must keep)
    d = desc("吹好了降温瓶口就硬了", [{"clause": "降温瓶口", "action": "降温", "material": "瓶口"}],
             [("瓶口", "瓶口", "material")])
    assert "瓶口" in render_prompt(d, spec=SPEC)


# --- the scans the renderer skips: each skip is read off the pattern it stands for ------------------------
def _chars(items, last: bool = False):
    """The characters a parsed regular expression (``re._parser`` items) can hold (``last``: can end a match
    with), or None where that is any character (a negated class, a wildcard); with ``last``, also whether the
    items can match nothing."""
    from re import _constants as c

    def one(op, av):  # (characters, can be empty) of one item
        if op is c.LITERAL:
            return {chr(av)}, False
        if op is c.IN:
            if any(o is c.NEGATE for o, _ in av):
                return None, False
            out = set()
            for o, a in av:
                if o is c.LITERAL:
                    out.add(chr(a))
                elif o is c.RANGE:
                    out.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    return None, False
            return out, False
        if op is c.BRANCH:
            got = [seq(alt) for alt in av[1]]
            if any(g[0] is None for g in got):
                return None, False
            return set().union(*(g[0] for g in got)), any(g[1] for g in got)
        if op is c.SUBPATTERN:
            return seq(av[-1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            chars, empty = seq(av[2])
            return chars, empty or av[0] == 0
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True
        return None, False

    def seq(items):
        out, empty = set(), True
        for op, av in (reversed(items) if last else items):
            chars, can_be_empty = one(op, av)
            if chars is None:
                return None, False
            out |= chars
            if last and not can_be_empty:
                return out, False
        return out, empty and last

    return seq(items)[0]


def test_the_limb_scan_is_skipped_only_where_it_cannot_match():
    # _limb_said reads _LIMB_BEFORE (its $ at the verb) only where the character before the verb can end a
    # match, and only where one of a limb word's characters is among the 16 before it
    from re import _parser

    from generation.prompting import render

    finals = _chars(_parser.parse(render._LIMB_BEFORE.pattern), last=True)
    assert finals is not None and finals <= render._LIMB_FINALS and "\n" in render._LIMB_FINALS
    assert {w[-1] for w in render.LIMB_SUBJECTS} <= render._LIMB_FINALS
    # and a limb is still read before a verb said after a manner (软软地), a direction or an adverb
    d = desc("右手食指往下一按", [{"clause": "右手食指往下一按", "action": "按", "hand": "right"}])
    assert steps_of(render_prompt(d, spec=SPEC)) == "右手食指往下按"


def test_a_marker_phrase_holds_no_clause_break():
    # _role reads the marker (用, 把, 在…) in the six characters before a noun without cutting them at their
    # last clause break: a match holds none, so it lies after it
    from re import _parser

    from generation.prompting import render

    held = _chars(_parser.parse(render._LEAD.pattern))
    breaks = _chars(_parser.parse(render._CLAUSE_BREAK.pattern))
    assert held is not None and breaks and not held & breaks


def test_a_performing_limb_is_searched_from_where_one_can_start():
    # (_performed scans for a limb word's first character, in C, and reads _LIMB from there: its look-behind,
    # which reads the text before, is zero-width, so a match starts at its limb word)
    from re import _parser

    from generation.prompting import render

    head, words = _parser.parse(render._LIMB.pattern)
    assert _parser.SubPattern(_parser.State(), [head]).getwidth() == (0, 0)
    assert _chars(_parser.parse(render._LIMB_START.pattern)) == {w[0] for w in render.PERFORMING_LIMBS}
