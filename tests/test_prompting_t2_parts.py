"""A noun and its part jieba cuts into two one-character words, t2 (issue 11; ``generation/prompting/names.py``
``_part_nouns``): 鞋|襻, 醋|糟. Every sentence is written for this file (none is in the evaluation set), about crafts
other than the ones the rule was found on (板鞋竞速, 老陈醋), with guards it must not touch."""
from generation.prompting import normalize


def terms(text):
    return [t["text"] for t in normalize(text).to_dict()["terms"]]


def test_a_garment_strap_sewn_is_one_noun():
    # 上衣 says 衣 as a noun's last character; 襻 (a strap) is read as a verb by jieba
    assert "衣襻" in terms("旗袍先缝好上衣，再缝衣襻，最后熨平。")


def test_a_tool_and_the_verb_it_serves_stay_apart():
    # guard: after 拿 the noun is the tool and the next word its verb
    assert "针扎" not in terms("绣花先穿好绣针，拿针扎，一针一针走。")


def test_a_subject_and_its_predicate_stay_apart():
    # guard: 动 is said again as a word of its own (a verb), and no verb takes 刀动
    got = terms("刻刀磨快了，刀不动手动，慢慢刻。")
    assert "刀动" not in got and "手动" not in got
