"""A one-character verb jieba tags as something else (t1): jieba's dictionary tags the character alone as a noun, a
morpheme or a name (屈/nr, 踩/zg, 衬/n, 吊/zg) but has it heading a verb + complement word it tags as a verb (屈起/v,
踩住/v, 衬出/v, 吊起/v): ``resegment.verb_char`` / ``mistagged_verb``. Read so only in a verb slot: one of the two
characters of 一A一B (``resegment._resegment``'s alternation, ``extract._split_alternations``), and before 在/进 +
a place after its subject (``extract.open_kinds``, with ``resegment._repair_tokens`` keeping it out of the noun
before it). Sentences written for this file, in crafts none of the evaluation items it was motivated by belong to."""
from generation.prompting.resegment import mistagged_verb, verb_char
from generation.prompting.spec import get_spec
from tests.prompting_steps import actions


def test_the_dictionary_fallback_reads_verb_compounds_not_the_tag_alone():
    pos = get_spec().pos_tags()
    assert pos.get("踩", "")[:1] != "v" and mistagged_verb(pos, "踩")  # 踩/zg, 踩住/v
    assert pos.get("屈", "")[:1] != "v" and verb_char(pos, "屈")  # 屈/nr, 屈起/v
    assert verb_char(pos, "拉") and not mistagged_verb(pos, "拉")  # a verb by its own tag: no fallback
    for w in ("心", "意", "上", "下", "个", "针"):
        assert not mistagged_verb(pos, w)


def test_an_alternation_with_a_character_jieba_tags_a_morpheme_is_two_steps():
    acts = actions("织布的时候脚下踏板一踩一放,梭子就过去了。")
    assert "踩" in acts and "放" in acts
    assert acts.index("放") == acts.index("踩") + 1


def test_an_alternation_jieba_cuts_as_a_name_after_one():
    # jieba: 一/屈一伸 (屈一伸/nr)
    acts = actions("打太极的时候手腕一屈一伸,慢慢往外推。")
    assert "屈" in acts and "伸" in acts
    assert acts.index("伸") == acts.index("屈") + 1


def test_a_measure_or_a_fixed_phrase_makes_no_alternation():
    acts = actions("跳的时候一步一撩,脚底板要轻。")
    assert "步" not in acts and "一步一撩" not in acts
    acts = actions("他一心一意地刻,刻了三天。")
    assert "心" not in acts and "意" not in acts and "刻" in acts


def test_a_mistagged_verb_before_where_it_goes_is_the_step():
    acts = actions("描好的花样衬在绸子底下,再绷上绷子。")
    assert acts[0] == "衬"
    acts = actions("扎好的布整摞吊进染缸里泡着,泡透了再提起来。")
    assert "吊" in acts and "进" not in acts


def test_a_noun_opening_its_clause_before_a_place_stays_a_noun():
    assert "洞" not in actions("眼打好了,洞在正中间,再穿线。")
    assert "洞" not in actions("洞在正中间。")
