"""Clause breaks in unpunctuated (speech-recogniser) text, brief r5-asr: a verb-object word that puts
the work into its vessel (下锅, 下缸) is a step done before the next verb (``breaks._asr_into_vessel``),
and a subject the repairs glued to the object before it (缎子 + 针 → 缎子针) starts the next clause
(``breaks._asr_glued_subject``). The sentences are written for these tests, not taken from the set."""
from functools import partial

from generation.prompting.breaks import restore_breaks
from generation.prompting.spec import get_spec
from tests.prompting_steps import steps as read_steps


def _broken(text: str) -> str:
    return restore_breaks(get_spec(), text)[0]


_steps = partial(read_steps, fields=("action", "tool", "material"))


def test_into_the_pot_then_a_two_character_verb_is_two_steps():
    assert "下锅,翻炒" in _broken("切好的肉片下锅翻炒两分钟加点盐出锅装盘")
    steps = _steps("切好的肉片下锅翻炒两分钟加点盐出锅装盘")
    assert steps[0][0] == "下锅" and steps[0][2] == "肉片"
    assert steps[1][0] == "翻炒"


def test_into_the_vat_then_stirring_is_two_steps():
    assert "下缸,搅动" in _broken("白布泡透了下缸搅动十来分钟捞出来晾干")


def test_guard_a_one_character_verb_is_done_in_the_pot():
    # 「下锅煮」: the boiling is done in the pot, one clause
    assert "下锅煮" in _broken("豆腐切成块下锅煮十分钟再撒上葱花")


def test_subject_glued_to_the_object_before_starts_a_clause():
    assert "绷着缎子,针要垂直" in _broken("绣架上绷着缎子针要垂直扎下去")
    steps = _steps("绣架上绷着缎子针要垂直扎下去")
    assert steps[0][2] == "缎子"
    assert steps[-1][0].startswith("扎") and steps[-1][1] == "针"


def test_guard_a_one_character_head_stays_one_noun():
    # 「马尾巴就掉」: 马 is no object of 松, 马尾巴 is one subject
    assert "马尾巴就掉" in _broken("手一松马尾巴就掉下来了要重新绑")


def test_punctuated_text_is_left_as_it_is():
    text = "切好的肉片下锅，翻炒两分钟。"
    assert _broken(text) == text


def test_a_verb_after_its_place_closes_its_frame():
    # 「石灰水里泡」: the place said before the bare verb is its frame; 晾干 is the next step
    assert "石灰水里泡,晾干了" in _broken("竹条捞出来石灰水里泡晾干了再编")
    assert "冷水里淬,打磨干净" in _broken("铁片夹出来冷水里淬打磨干净再开刃")


def test_a_verb_after_what_it_follows_closes_its_frame():
    # 「照着图样剪」: 照着 opens the frame as 拿/往 do; 蘸 is the next step
    assert "照着图样剪,蘸浆糊" in _broken("师傅照着图样剪蘸浆糊贴到窗户上")
    actions = [a for a, _, _ in _steps("师傅照着图样剪蘸浆糊贴到窗户上")]
    assert "剪" in actions and "蘸" in actions


def test_guard_a_verb_after_its_place_keeps_its_object():
    # 「照着样子剪窗花」: a noun after the verb is its object, no new clause
    assert "剪窗花" in _broken("剪纸的照着样子剪窗花再贴上去")


def test_a_noun_after_a_finished_ba_clause_is_the_next_subject():
    # 把 named the object; a noun after 滤掉/拉紧/筛出来 is the subject of the next clause
    assert "把豆渣滤掉,豆浆倒进锅里" in _broken("第二天把豆渣滤掉豆浆倒进锅里煮")
    assert "把线拉紧,针从背面" in _broken("绣娘先把线拉紧针从背面扎下去")
    assert "筛出来,碱水慢慢" in _broken("把草木灰筛出来碱水慢慢淋下去")
    steps = _steps("第二天把豆渣滤掉豆浆倒进锅里煮")
    assert steps[0][2] == "豆渣" and any(m == "豆浆" for _, _, m in steps[1:])


def test_guard_a_verb_that_takes_a_goal_keeps_its_noun():
    # 穿过 takes where the thread goes: 针眼 is no new subject
    assert "穿过针眼打个结" in _broken("把线穿过针眼打个结再开始绣")


def test_a_side_said_alone_goes_with_the_body_part_that_starts_the_clause():
    # jieba cuts 右 from 胳膊: the clause starts before 右, not between them
    assert "抖开彩绸,右胳膊往上一抡" in _broken("舞者抖开彩绸右胳膊往上一抡彩绸就飘起来了")
    assert "亮扇,右胳膊往外一推" in _broken("演员转身亮扇右胳膊往外一推扇面就展开了")


def test_guard_a_side_inside_a_place_is_no_clause_start():
    assert "搭在右胳膊上" in _broken("舞者把彩绸搭在右胳膊上往前走三步再转身")


def test_the_person_who_does_the_next_thing_starts_a_clause():
    text = "铁块烧红了就出炉师傅拿火钳夹住徒弟抡锤往下砸"
    broken = _broken(text)
    assert "出炉,师傅拿火钳" in broken and "夹住,徒弟抡锤" in broken
    steps = _steps(text)
    assert ("夹住", "火钳", None) in steps
    assert "掀开轿帘,新娘慢慢走出来" in _broken("唢呐一响新郎掀开轿帘新娘慢慢走出来")


def test_guard_a_person_after_a_pivot_verb_is_its_object():
    # 叫/让 + who: that person does the next thing inside the same clause
    assert "叫徒弟" in _broken("师傅打好样子叫徒弟拿锤子来敲")
    assert "再让病人翻过身来" in _broken("推拿之前先揉开筋骨再让病人翻过身来趴着")
