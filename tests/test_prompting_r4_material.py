"""The material field (issue 11, r4): what a verb-object compound names as the thing it works. Sentences
written for these tests (none from an evaluation set), from crafts of several kinds."""
from functools import partial

import pytest

from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()


steps = partial(prompting_steps.steps, fields=("action", "tool", "material"), spec=SPEC)


def material_of(text, action, craft=None):
    got = steps(text, craft=craft)
    for a, _, m in got:
        if a == action:
            return m
    raise AssertionError(got)


# --- a one-character verb glued to a two-character noun (roles._compound_object3) ---------------------
@pytest.mark.parametrize("text,action,material", [
    ("过年那天先放鞭炮,再贴春联。", "放鞭炮", "鞭炮"),      # a festival custom
    ("过年那天先放鞭炮,再贴春联。", "贴春联", "春联"),
    ("端午节先包粽子,再划龙舟。", "包粽子", "粽子"),          # food, then a boat race
    ("端午节先包粽子,再划龙舟。", "划龙舟", "龙舟"),
])
def test_a_verb_and_its_two_character_noun_name_the_material(text, action, material):
    assert material_of(text, action) == material


# --- a verb that also heads a tool, before stuff it spreads (roles._compound_object) -------------------
def test_a_tool_headed_verb_before_a_material_names_the_material():
    # 刷 heads a tool (刷子), but in 「刷漆」 it is the verb and 漆 the stuff spread (a box maker)
    assert material_of("木箱钉好以后刷漆,刷两遍。", "刷漆") == "漆"


# --- guards ----------------------------------------------------------------------------------------
def test_a_body_part_after_the_verb_is_no_material():
    # 「抬头」: the head moves, nothing is worked
    assert material_of("演员先抬头,再甩袖。", "抬头") is None


def test_a_tool_headed_verb_before_a_tool_is_left_alone():
    # 「刷锅」: 锅 heads a tool too; the open reading keeps what it found, the compound adds nothing
    got = steps("锅用完了先刷锅,再晾干。")
    assert got[0][:2] == ("刷", "锅"), got


def test_a_clause_that_names_its_material_keeps_it():
    # 「髹漆」 with the thing lacquered named in the clause: the compound does not replace it
    assert material_of("胎体做好以后髹漆,一遍要薄。", "髹漆", craft="qiqi") == "胎体"


# --- a thing hung from a support or held clamped in a place is worked (roles._open_read, HANG_VERBS) -----
@pytest.mark.parametrize("text,material", [
    ("堂鼓先吊到木架子上,再拿鼓槌敲。", "堂鼓"),     # opera percussion: the drum hung on its stand
    ("两根竹竿夹在板凳缝里。", "竹竿"),              # poles clamped in a bench's gap
])
def test_a_thing_hung_or_clamped_somewhere_is_the_material(text, material):
    got = steps(text)
    assert got[0][2] == material and got[0][1] != material, got


def test_an_instrument_stuck_into_a_ground_stays_the_tool():
    # 扎 is no hanging verb: the needle is what with, the cloth what is worked
    assert steps("绣花针扎在布上。")[0] == ("扎", "绣花针", "布")


def test_clamping_with_an_implement_keeps_the_implement_as_tool():
    got = steps("拿筷子夹起一块豆腐。")
    assert got[0][1] == "筷子", got


# --- what a hand reaches into is what it works (roles._open_read, REACH_CHARS) ---------------------------
@pytest.mark.parametrize("text,material", [
    ("右手伸进面团里抓一把。", "面团"),            # a noodle maker feels the dough
    ("手伸进灯身里头,扶住灯骨。", "灯身"),          # a lantern maker reaches inside the lantern
    ("手伸进醪里试试。", "醪"),                      # a brewer tries the mash (a word jieba does not know)
    ("手伸进鞠里头。", "鞠"),                        # a one-character word jieba leaves untagged before 里头
])
def test_what_a_hand_reaches_into_is_the_material(text, material):
    got = steps(text)
    assert got[0][0] == "伸进" and got[0][2] == material and got[0][1] != material, got


def test_a_vessel_a_hand_reaches_into_stays_the_tool():
    assert steps("手伸进缸里搅一搅。")[0] == ("伸进", "缸", None)


def test_a_thing_poured_into_a_vessel_keeps_the_vessel_as_tool():
    assert steps("米倒进缸里。")[0][1] == "缸"


# --- what the body goes round is the ground the motion works (roles._read_unit, ROUND_MARKERS) -----------
@pytest.mark.parametrize("text,action,material", [
    ("几个人手牵着手围着篝火跳。", "跳", "篝火"),   # a round dance: 围着… before the verb goes with it
    ("围着供桌转一圈,然后点上。", "转", "供桌"),     # a rite
])
def test_the_ground_a_body_goes_round_is_the_material(text, action, material):
    assert material_of(text, action) == material


def test_the_ground_gone_round_goes_on_to_no_later_step():
    assert material_of("围着供桌转一圈,然后点上。", "点") is None


def test_a_cord_bound_round_a_post_leaves_the_post_alone():
    # 缠 binds; it is no motion of the body round a ground
    assert material_of("拿麻绳绕着木桩缠三圈。", "缠") != "木桩"
