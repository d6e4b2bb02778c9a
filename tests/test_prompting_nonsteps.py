"""Verbs said but not done are no steps (issue 11, r6-precision; ``generation/prompting/nonsteps.py``): a
correction cue, a prohibited verb, a name after 叫, a saying quoted, a verb that only says when (V之前), a
distance (离/隔 + a number), a sound described. What each said (a quantity) stays on a neighbouring step.
Every sentence is written for this file (none is in the evaluation set), about crafts of every kind."""
from tests.prompting_steps import steps, surfaces as actions


def test_a_correction_cue_is_no_step_and_the_corrected_value_stays():
    got = steps("砂纸磨三遍,哎说错了,磨五遍。")
    assert [s["surface"] for s in got] == ["磨"] and got[0]["params"]["count"] == 5


def test_a_prohibited_verb_is_no_step():
    assert actions("铜片放平,手千万别碰上去。") == ["放平"]
    assert actions("壶身慢慢转,火别在壶底停。") == ["转"]


def test_the_result_complement_of_a_prohibited_verb_is_no_step():
    assert "死" not in actions("篾条缠三道,不敢缠太死。")
    assert "死" not in actions("辫子扎好,千万别扎死了。")


def test_bie_inside_a_word_is_no_prohibition():
    assert actions("别人敲锣他就跳。") == ["敲锣", "跳"]


def test_a_name_after_jiao_is_no_step():
    got = actions("竹丝一根压一根往里编,这叫挑压。")
    assert got == ["压", "编"]


def test_a_person_after_jiao_does_the_verb():
    assert actions("师傅叫徒弟拉锯。") == ["拉锯"]
    assert "磨" in actions("拉完了叫徒弟把锯条磨一磨。")


def test_a_saying_quoted_is_no_step():
    got = actions("先刷浆,老话讲三蒸三晒,刷完晾干。")
    assert "讲" not in got and "蒸" not in got and "晒" not in got and got[0] == "刷浆"


def test_a_verb_before_qian_only_says_when():
    # said again later, where it is done: the first mention only says when
    assert actions("上弦之前先擦松香,再上弦。") == ["擦", "上弦"]
    assert actions("打之前先把鼓面拍湿,打的时候槌要稳。") == ["拍", "打"]
    # said once, it stays a step, after what is done before it
    assert actions("下锅以前豆子要先泡一夜") == ["泡", "下锅"]


def test_a_distance_with_li_or_ge_is_a_measure_of_the_step():
    got = steps("灯头离纸面两寸,慢慢烤。")
    assert [s["surface"] for s in got] == ["烤"] and got[0]["params"]["length_mm"] > 60
    got = steps("两根竹竿隔三尺,插在地上。")
    assert [s["surface"] for s in got] == ["插"] and "spacing_mm" in got[0]["params"]


def test_a_sound_described_is_no_step():
    got = actions("锣槌敲一下锣边,声音发闷就换一面锣。")
    assert "发闷" not in got and got[0] == "敲"


def test_a_mishap_after_jiu_and_its_condition_are_no_steps():
    # the failure after 就 and the verb of the condition before it (一V, V了, V过)
    assert actions("竹篾要一根一根削薄,削厚了一弯就断。") == ["削薄"]
    assert actions("锡水倒进模子里,手要稳,一晃就歪了。") == ["倒进"]
    assert actions("泥坯慢慢阴干,晒急了就裂。") == ["阴干"]
    # the condition in the clause before, its mishap in a short clause after
    # (下锅, going into the pot, is a step of its own since r7-roles; the mishap and its condition are not)
    assert [a for a in actions("面团揉匀了下锅炸,炸过了头,油条就发苦。") if a != "下锅"] == ["揉匀", "炸"]


def test_a_failure_avoided_is_no_step():
    assert "崩" not in actions("瓷坯先阴干,阴干了上窑不容易崩。")
    assert actions("刀柄缠上布条,省得磨手。") == ["缠"]


def test_a_result_that_is_no_mishap_keeps_its_steps():
    assert actions("刷子蘸了墨一刷,花样就印到纸上了。") == ["蘸", "刷", "印"]
    # a stroke whose result is meant stays a step
    assert "压" in actions("先消毒,刀往下一压,皮就破了,再挤出血。")


def _every_match_holds(items, anchors) -> bool:
    """Whether every string a parsed regular expression (``re._parser`` items) matches holds a character
    of ``anchors``: a literal one, or one in each branch, group or required repetition of one."""
    from re import _constants as c

    for op, av in items:
        if op is c.LITERAL and chr(av) in anchors:
            return True
        if op is c.BRANCH and all(_every_match_holds(alt, anchors) for alt in av[1]):
            return True
        if op is c.SUBPATTERN and _every_match_holds(av[-1], anchors):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1 and _every_match_holds(av[2], anchors):
            return True
    return False


def test_the_naming_and_saying_searches_are_skipped_only_where_they_cannot_match():
    # (``non_steps`` skips them in a text with none of their anchor characters)
    from re import _parser

    from generation.prompting import nonsteps

    for pattern, anchors in ((nonsteps._NAMING, nonsteps._NAMING_ANCHORS), (nonsteps._SAYING, nonsteps._SAYING_ANCHORS)):
        assert _every_match_holds(_parser.parse(pattern.pattern), anchors), pattern.pattern
    assert not _every_match_holds(_parser.parse(nonsteps._SAYING.pattern), ("话", "老"))
    # and the names and sayings are still read
    assert actions("这一下叫挑压,左手按住。") == ["按住"]
    assert "讲" not in actions("老话讲三煮九蒸,米先泡一夜。")


def _literal_heads(items) -> set:
    """The literal text each alternative of a parsed regular expression starts with (a group or a branch
    first, read through)."""
    from re import _constants as c

    op, av = items[0]
    if op is c.SUBPATTERN:
        return _literal_heads(av[-1])
    if op is c.BRANCH:
        return set().union(*(_literal_heads(alt) for alt in av[1]))
    head = ""
    for op, av in items:
        if op is not c.LITERAL:
            break
        head += chr(av)
    return {head}


def test_the_prohibition_mishap_and_recap_reads_are_skipped_only_where_they_cannot_match():
    # (``non_steps`` reads a prohibition only in words that hold one of its anchor characters, a mishap only
    # where 就 is said, 「V之前」 only after one of its words, a recap only at 完 or 好)
    from re import _parser

    from generation.prompting import nonsteps

    assert _every_match_holds(_parser.parse(nonsteps._PROHIBITION.pattern), nonsteps._PROHIBITION_ANCHORS)
    assert _every_match_holds(_parser.parse(nonsteps._MISHAP.pattern), ("就",))
    assert _literal_heads(_parser.parse(nonsteps._BEFORE.pattern)) <= set(nonsteps._BEFORE_WORDS)
    assert nonsteps._MISHAP_FIRST == {w[0] for w in nonsteps._MISHAP_WORDS}
