"""Steps said in parallel and verbs jieba glues to their neighbours (issue 11, fifth session, r9-steps).
Sentences written for these tests (none from an evaluation set), from several crafts."""
from functools import partial

import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec
from tests import prompting_steps

SPEC = default_spec()


def result(text):
    return normalize(text, spec=SPEC).to_dict()


actions = partial(prompting_steps.actions, spec=SPEC)


@pytest.mark.parametrize("text,verb,count", [
    ("香点着了,朝东拜三拜,朝西拜三拜,再插进香炉。", "拜", 2),          # the same preposition, another direction
    ("两根签子,一根插在左边,一根插在右边,然后刷油。", "插", 2),       # the same numeral + classifier, another place
    ("上头的人一拉,底下的跟着拉,绳子就绷直了。", "拉", 2),             # a 的-phrase naming a position: who
    ("黄豆倒进缸里泡一夜。绿的就拿温水泡,泡软了磨浆。", "泡", 2),      # a 的-phrase with a material of its own
])
def test_the_same_verb_in_a_parallel_clause_is_another_step(text, verb, count):
    acts = actions(text)
    assert sum(1 for a in acts if a == verb) == count, acts


@pytest.mark.parametrize("text,verb", [
    ("刮灰,刮三遍。", "刮"),                            # the step said again
    ("辫子一圈一圈地甩,快的时候一秒钟甩两圈。", "甩"),    # X的时候 says when, no subject
    ("嗓子里打颤音,一颤一颤往上走。", "颤"),              # 一V一V: one clause, one manner
])
def test_the_same_verb_said_again_without_a_parallel_subject_stays_one_step(text, verb):
    acts = actions(text)
    assert sum(1 for a in acts if a.startswith(verb)) <= 1, acts


@pytest.mark.parametrize("text,verb", [
    ("豆浆煮开了,加点盐巴,搅匀。", "加"),        # jieba's 加点/n before the thing added
    ("锅里先加点清水,再下面条。", "加"),          # 加点 + 水 glued by the noun repair
    ("竹片晒干以后,滴点桐油,抹匀。", "滴"),       # 滴点/n, another verb + 点
])
def test_a_verb_plus_dian_glued_by_jiebas_dictionary_is_the_verb(text, verb):
    assert verb in actions(text), actions(text)


def test_a_verb_object_word_and_hand_verb_glued_as_a_name_is_cut():
    # 加水煮/nr in jieba's dictionary: a verb-object word + a hand verb
    acts = actions("米淘好,各加水煮开,再捞出来。")
    assert any(a.startswith("煮") or a.startswith("加") for a in acts), acts


@pytest.mark.parametrize("text,not_verb", [
    ("泥有点黏,再揉一揉。", "有"),           # 有点: a degree
    ("踩着鼓点跺脚,一圈一圈转。", "鼓"),     # 鼓点: the drum's beat (a thing's head before 点)
])
def test_dian_words_that_are_no_verb_plus_a_little_stay_whole(text, not_verb):
    assert not_verb not in actions(text), actions(text)


@pytest.mark.parametrize("text,verb", [
    ("先把豆子下锅煮,再撒一把盐,煮好了捞出来晾干。", "煮"),   # a step between the verb and its recap
    ("布先折起来,再拿夹子夹紧,折好了放进染缸。", "折"),
    ("剑坯先烧红,再拿锤子打,烧好了夹出来。", "烧"),
])
def test_v_hao_le_after_a_step_of_the_same_verb_is_a_recap_not_a_step(text, verb):
    acts = actions(text)
    assert sum(1 for a in acts if a.startswith(verb)) == 1, acts
    assert len(acts) >= 3, acts


@pytest.mark.parametrize("text,job,first", [
    ("酿酒先蒸粮食,蒸熟了摊开晾凉,再拌酒曲。", "酿酒", "蒸"),
    ("织布先上经线,再穿综,然后来回投梭。", "织布", "上"),
    ("编筐先破竹子,劈成篾条,再起底。", "编筐", "破"),
])
def test_a_two_character_job_name_before_xian_is_no_step(text, job, first):
    acts = actions(text)
    assert job not in acts and acts and acts[0].startswith(first), acts
