"""A tool said as the subject of its clause (session r15): the noun before a verb with no object of its own is the
step's tool when its name says implement, which now also covers an abrasive sheet (砂纸, 砂布: words.ABRASIVE_SHEETS
in STUFF_NAMED_TOOLS, and no result of state makes it what is worked, roles._open_read), a tool's tip (刀尖, 针尖:
words.HANDLE_SUFFIX) and a pole or lever (杠: words.TOOL_HEADS). Not a person, a body part, stuff being changed or
a tool that is itself brought to a state (「刀磨快了」). Sentences written for this file, in crafts none of the
evaluation items it was motivated by belong to."""
from functools import partial

from tests.prompting_steps import step, steps


step_of = partial(step, by="action")


def test_an_abrasive_sheet_before_the_verb_is_the_tool_even_with_a_result():
    got = step_of("椅子腿刨圆了,砂纸打磨亮。", "打磨")
    assert got["tool"] == "砂纸" and got["material"] != "砂纸"


def test_a_blade_brought_to_a_state_is_still_what_is_worked():
    got = step_of("刀磨快了再刻花。", "磨")
    assert got["material"] == "刀" and got["tool"] is None


def test_a_tools_tip_before_the_verb_is_the_tool():
    got = step_of("右手刀尖往里一挑,竹节就开了。", "挑")
    assert got["tool"] == "刀尖" and got["material"] != "刀尖" and got["hand"] == "right"
    assert step_of("左手按住布,针尖顺着画好的线走。", "走")["tool"] == "针尖"


def test_a_tip_put_somewhere_is_what_is_worked():
    got = steps("刀尖放火上烤一烤。")
    assert got[0]["material"] == "刀尖"


def test_a_pole_before_the_verb_is_the_tool():
    got = step_of("大伙抬起木杠,杠子往下压,榨箱里的油就流出来了。", "压")
    assert got["tool"] == "杠子" and got["material"] != "杠子"


def test_no_person_body_part_or_changed_stuff_is_taken_as_the_tool():
    assert all(s["tool"] != "泥巴" for s in steps("坯子晾干了,泥巴干了再修。"))
    assert all(s["tool"] != "师傅" for s in steps("师傅压下去,油就出来了。"))
    assert step_of("鞋尖往上翘。", "翘")["tool"] is None
