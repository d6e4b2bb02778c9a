"""一A一B alternations of two verbs (session r15): 「一推一拉」「一抡一扫」 are two steps, one per verb, in the same
hand with the same tool and material (extract._split_alternations); only where jieba tags both characters as
verbs. Sentences written for this file, in crafts none of the evaluation items it was motivated by belong to."""
from generation.prompting import normalize
from tests.prompting_steps import actions, steps


def test_an_alternation_of_two_verbs_is_two_steps_in_the_same_hand_with_the_same_tool():
    got = steps("右手捏着刨子一推一收,刨花就卷出来了。")
    acts = [s["action"] for s in got]
    i = acts.index("推")
    assert acts[i + 1] == "收"
    assert got[i]["hand"] == got[i + 1]["hand"] == "right"
    assert got[i]["tool"] == got[i + 1]["tool"] == "刨子"
    assert "一推一收" not in acts


def test_both_hands_and_the_material_go_to_both_verbs():
    got = steps("纺线的时候左手一抽一送,线就出来了。")
    pair = [s for s in got if s["action"] in ("抽", "送")]
    assert [s["action"] for s in pair] == ["抽", "送"]
    assert all(s["hand"] == "left" and s["material"] == "线" for s in pair)
    got = steps("撑船的时候双手握着竹篙一撑一收。")
    pair = [s for s in got if s["action"] in ("撑", "收")]
    assert [s["action"] for s in pair] == ["撑", "收"] and all(s["tool"] == "竹篙" for s in pair)


def test_the_prompt_names_each_verb_once_as_a_step():
    prompt = normalize("和面的时候两只手一揉一压,面就筋道了。").prompt
    assert "揉" in prompt and "压" in prompt and "一揉一压" not in prompt


def test_an_adjective_in_the_pair_keeps_it_one_step():
    # 紧 is an adjective to jieba: 「一松一紧」 is one alternating action, not two verbs
    got = actions("绷线的时候右手一松一紧,线就匀了。")
    assert "一松一紧" in got and "紧" not in got


def test_directions_and_set_phrases_make_no_steps():
    assert not {"来", "去"} & set(actions("锯子一来一去,木头就锯开了。"))
    got = actions("师傅一心一意地刻,两个花样刻得一模一样。")
    assert not {"心", "意", "模", "样", "一心一意", "一模一样"} & set(got)
    assert not {"五", "十", "一五一十"} & set(actions("他把做法一五一十讲给徒弟听。"))
    assert "一上一下" not in actions("两只手一上一下握着竹竿。")
