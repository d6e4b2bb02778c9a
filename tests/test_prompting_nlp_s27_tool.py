"""The tool of a step, s27-tool (issue 11): each rule shown on sentences of this file's own (none is in the evaluation
set or a probe); every test marked "before" failed on the code before its rule (main 39140b6, its output quoted in the
comment).

1. ``roles._open_read`` (the place after the verb, ``words.FRAME_HEADS``): a frame a thing is stretched, sewn, nailed,
   mounted or pasted onto after the verb (「白布绷在木框上」) is the tool, as a vessel or a support whose name says tool
   already was, also where the thing is a word the lexicon lists as a material (which left the frame a bare place);
   a frame named before the verb, on the path 往…上, is not made the tool."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("surface", "tool", "material")


@pytest.mark.parametrize("text, verb, frame, thing", [
    ("白布绷在木框上。", "绷", "木框", "白布"),  # before: 绷 with no tool
    ("牛皮钉在木框上晾干。", "钉", "木框", "牛皮"),  # before: 钉 with no tool
    ("宣纸裱在木框上。", "裱", "木框", "宣纸"),  # before: 裱 with no tool
    ("棉纸糊在竹框上。", "糊", "竹框", "棉纸"),  # before: 糊 with no tool
])
def test_a_frame_the_thing_ends_up_on_is_the_tool(text, verb, frame, thing):
    got = steps(text, fields=FIELDS)
    assert (verb, frame, thing) in got, got


def test_a_frame_before_the_verb_is_no_tool():
    # 往…上 before the verb: the frame is where the oil goes, not what with (unchanged by the rule)
    got = steps("往窗框上刷一层桐油。", fields=FIELDS)
    assert all(tool is None for _, tool, _ in got), got
