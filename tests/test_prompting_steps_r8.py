"""Steps defined, recapped and lasted (issue 11, fifth session, r8-steps). Sentences written for these
tests (none from an evaluation set), from several crafts."""
import pytest

from generation.prompting import normalize
from generation.prompting.spec import default_spec

SPEC = default_spec()


def result(text):
    return normalize(text, spec=SPEC).to_dict()


def actions(text):
    return [s["action"] for s in result(text)["steps"]]


@pytest.mark.parametrize("text,name,verb", [
    ("刻版是拿刻刀把线条刻出来。", "刻版", "刻"),              # the spec's action word, 是 + 拿…把
    ("拉坯就是把泥团放在转盘中间往上提。", "拉坯", "放"),       # 就是 + 把
    ("勾边是拿细笔把轮廓描一遍,再上色。", "勾边", "描"),        # a verb and its object jieba left apart
    ("修面就是用刨子把板面刨平。", "修面", "刨"),
])
def test_a_name_defined_by_shi_and_a_ba_or_na_clause_is_a_term_and_its_verb_the_step(text, name, verb):
    out = result(text)
    acts = [s["action"] for s in out["steps"]]
    assert name not in acts and not any(a == name[:1] for a in acts), acts
    assert acts and acts[0].startswith(verb), acts
    assert any(t["text"] == name for t in out["terms"]), out["terms"]
