"""The material field (issue 11, r6): pieces counted one by one before the verb (一张一张, 一根一根) are what
the verb works. Sentences written for these tests (none from an evaluation set), from crafts of several kinds."""
from functools import partial

from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()


steps = partial(prompting_steps.steps, fields=("action", "tool", "material"), spec=SPEC)
step_of = partial(prompting_steps.step, by="action", fields=("action", "tool", "material"), spec=SPEC)


# --- the noun right before the count is the material, even with a tool's head (carry._counted_topic) ---
def test_a_noun_counted_out_piece_by_piece_is_the_material_not_the_tool():
    # a bamboo-stick craft (糖人/灯彩): 签 is a tool head, but sticks put in one by one are the work
    assert step_of("竹签一根一根往上插。", "插")[1:] == (None, "竹签")
    assert step_of("竹签一根一根往上插", "插")[1:] == (None, "竹签")          # no punctuation


# --- the pieces counted are what the step before a soaking worked (carry._carry_dropped_object) -------
def test_pieces_counted_after_a_soak_are_the_thing_worked_before_the_soak():
    # drying leaves (a tea or dye craft): the leaves, not the water they were soaked in
    assert step_of("先挑好叶子,在清水里泡一泡,一片一片往竹架上铺。", "铺")[2] == "叶子"


# --- guards -------------------------------------------------------------------------------------------
def test_strokes_counted_leave_the_tool_a_tool():
    # 一下一下 counts strokes, not pieces: the mallet is still wielded (a woodworking craft)
    assert step_of("木槌一下一下往下敲。", "敲")[1:] == ("木槌", None)


def test_a_pattern_followed_is_not_what_the_counted_pieces_are():
    # paper cutting / straw pictures: what is cut along (照着花样) is no piece stuck on
    assert step_of("先照着花样剪,蘸浆一片一片贴上去。", "贴上去")[2] is None


# --- a noun said as a clause of its own is what the next clause works (roles._clause_topic) -------------
def test_a_noun_said_alone_before_a_clause_that_names_nothing_is_its_material():
    # pastry dough with a ratio (a food craft), dye leaves with a topic particle (a dyeing craft)
    # (nlp-joined: the two things joined by 跟 are both kneaded, kept as 「糯米粉、澄面」)
    assert step_of("糯米粉跟澄面三比一,揉匀。", "揉匀")[2] == "糯米粉、澄面"
    assert step_of("蓝靛叶子呢,先泡透。", "泡透")[2] == "蓝靛叶子"


def test_a_clause_that_only_corrects_the_ratio_is_passed_over():
    # a clay mix for an earthen stove (a building craft): 哎不对 corrects the number, not the stuff
    assert step_of("黄泥跟河沙二比一,哎不对,三比一拌匀。", "拌匀")[2] == "黄泥"


def test_a_tool_or_a_person_said_alone_is_no_material():
    assert step_of("刻刀,先磨快。", "磨")[1:] == ("刻刀", None)       # a tool said alone stays the tool
    assert step_of("师傅,先坐下。", "坐下")[2] is None               # who works is never what is worked
