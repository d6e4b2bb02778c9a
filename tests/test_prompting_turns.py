"""Interview transcripts (issue 11; ``generation/prompting/turns.py``): speaker labels, the interviewer's turns and
questions put to the master are no steps, terms or parameters; the master's words around them are read as before.
Every sentence is written for this file (none is in the evaluation set or the interview probe set)."""
import pytest

from generation.prompting import normalize
from generation.prompting.spec import get_spec
from generation.prompting.turns import blank, spans
from tests.prompting_steps import steps


def surfaces(text, **kwargs):
    return [s["surface"] for s in steps(text, **kwargs)]


def terms(text, **kwargs):
    return [t["text"] for t in normalize(text, **kwargs).to_dict()["terms"]]


def aside(text, **kwargs):
    return [text[a:b] for a, b in spans(text, dictionary=get_spec().pos_tags(), **kwargs)]


def test_a_question_and_answer_labelled_gives_only_the_answers_steps():
    text = "问:您这个竹编是怎么起底的?答:先拿六根篾条十字交叉压住,再用细篾一上一下地编。"
    got = surfaces(text)
    assert got[0] == "拿" or "压住" in got
    assert "编" in "".join(got)
    assert not {"起底", "答", "问"} & set(got)
    assert not {"问", "答"} & set(terms(text))


def test_the_interviewers_turn_on_its_own_line_with_time_codes():
    text = ("[00:03:10] 记者:那这个蓝靛要泡几天?\n"
            "[00:03:14] 蒙师傅:泡个七天左右,天冷就再多泡两天。")
    out = normalize(text).to_dict()
    assert [s["surface"] for s in out["steps"]][:1] == ["泡"]
    assert "蒙师傅" not in [t["text"] for t in out["terms"]]
    assert any("略去" in w for w in out["warnings"])


def test_a_number_the_interviewer_guessed_is_not_a_parameter_the_masters_correction_is():
    text = "主持人:窑温是不是要到一千度?\n老匠人:不是,一千三百度,少一度瓷都不透。"
    out = normalize(text).to_dict()
    params = [p for s in out["steps"] + out["notes"] for p in s["params"].items()]
    assert ("temperature_c", 1300) in params
    assert all(v != 1000 for _, v in params)


def test_the_recordings_interviewer_is_known_by_name():
    # not a question: without the name the request would read as the master's 刮灰
    text = "李文静:您给我们讲讲刮灰。\n周桂香:灰要刮薄,刮三遍,每遍干透了再刮。"
    with_name = normalize(text, interviewers=["李文静"]).to_dict()
    spoken = text.index("周桂香")
    assert with_name["steps"] and all(s["start"] > spoken for s in with_name["steps"])


def test_a_name_with_a_role_in_brackets_is_a_label():
    assert aside("金秀英(传承人):先把铜丝掐成圈。") == ["金秀英(传承人):"]
    assert aside("金秀英（采访人）：铜丝要掐多圆？\n金老：掐圆为止。")[0].startswith("金秀英（采访人）：铜丝要掐多圆")


@pytest.mark.parametrize("label", ["老马:", "小吴:", "老匠人:", "欧阳明:", "张桂兰:", "赵大爷:", "A:", "受访者:"])
def test_names_titles_and_roles_before_a_colon_are_labels(label):
    assert aside(label + "先把泥坯晾干。")[0] == label


@pytest.mark.parametrize("label", ["Q:", "采访者:", "记者:", "问:"])
def test_an_interviewers_label_sets_aside_the_whole_turn(label):
    assert aside(label + "泥坯要晾几天?\n答:三天。") == [label + "泥坯要晾几天?", "答:"]


@pytest.mark.parametrize("heading", ["注意:", "左手:", "温度:", "关键:", "第一步:", "比例:"])
def test_a_heading_before_a_colon_is_the_masters_own_words(heading):
    assert aside(heading + "先把泥坯晾干。") == []


def test_a_hand_before_a_colon_still_gives_its_step_its_hand():
    got = steps("左手:捏住纸边。右手:拿剪刀剪一刀。")
    assert [s["hand"] for s in got][:1] == ["left"]


def test_a_tag_question_sets_aside_only_its_own_clause():
    assert aside("你看,线要拉紧,懂吗?") == ["懂吗?"]
    assert "拉紧" in "".join(surfaces("你看,线要拉紧,懂吗?"))


@pytest.mark.parametrize("text,tag", [("布要先泡三天对吧?", "对吧?"), ("针要斜着进是不是?", "是不是?"),
                                      ("线要拉紧懂吗?", "懂吗?"), ("泥要揉到不粘手,知道不?", "知道不?")])
def test_a_statement_ending_in_a_tag_sets_aside_only_the_tag(text, tag):
    assert aside(text) == [tag]


def test_a_tag_after_a_real_question_sets_aside_the_whole_question():
    assert aside("您这个是怎么刻的是吧?") == ["您这个是怎么刻的是吧?"]


def test_a_question_with_no_asking_word_is_read_as_said():
    # 「烧到一千度?」 alone cannot be told from the master checking himself: it is kept
    assert aside("烧到一千度?") == []


def test_the_masters_rhetorical_question_gives_no_step_and_the_answer_does():
    text = "线断了咋办呢?拿针挑出来,重新接上。"
    assert aside(text) == ["线断了咋办呢?"]
    assert "挑" in "".join(surfaces(text))


def test_offsets_index_the_callers_text_and_the_text_is_given_back_whole():
    text = "问：糖人怎么吹？\n答：先揪一块糖稀，捏个窝，再吹。"
    out = normalize(text).to_dict()
    assert out["text"] == text
    for s in out["steps"]:
        assert text[s["start"]:s["end"]] and s["start"] > text.index("答")
    for t in out["terms"]:
        assert text[t["start"]:t["end"]] == t["text"]


def test_blank_keeps_every_index_and_every_line_end():
    text = "问:多厚?\n答:两毫米。"
    found = spans(text)
    out = blank(text, found)
    assert len(out) == len(text) and out.index("\n") == text.index("\n") and out.endswith("答:两毫米。"[2:])


def test_text_with_no_colon_and_no_question_mark_is_not_touched():
    assert spans("先把泥揉匀,再拍成饼。") == []
    assert not any("略去" in w for w in normalize("把泥揉匀,再拍成饼。").to_dict()["warnings"])


def test_a_question_read_as_such_keeps_its_words():
    # the gallery reads a visitor's question for what it asks about (gallery/qa.py): nothing is set aside
    assert surfaces("直针怎么绣?", transcript=False) and not surfaces("直针怎么绣?")
