"""Steps said in parallel and verbs jieba glues to their neighbours (issue 11, fifth session, r9-steps).
Sentences written for these tests (none from an evaluation set), from several crafts."""
import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec

SPEC = default_spec()


def result(text):
    return normalize(text, spec=SPEC).to_dict()


def actions(text):
    return [s["action"] for s in result(text)["steps"]]


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
