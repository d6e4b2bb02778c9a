"""What 把 names, whatever jieba tags it (s23-carry; extract._ba_object_kinds): 把/将 takes a noun phrase before its
verb, so a word jieba tags an adjective or a verb right between 把 and the verb is the thing, and a modifier closed
by 的 right after 把 says what the thing is like (its verbs make no step; the word after 的 is the thing).
Sentences written for these tests; each failed on the code before the rule (old output in the comments)."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("surface", "tool", "material")


@pytest.mark.parametrize("text, verb, thing", [
    ("把包装拆开,再把纸盒压扁。", "拆开", "包装"),  # old: a step 包装 and 拆开 with no material
    ("把炒货倒进竹筐里。", "倒进", "炒货"),  # old: a step 炒货 and 倒进 with no material
])
def test_word_tagged_a_verb_right_after_ba_is_the_thing(text, verb, thing):
    got = steps(text, fields=FIELDS)
    assert any(surface == verb and material == thing for surface, _, material in got), got
    assert all(surface != thing for surface, _, _ in got), got


@pytest.mark.parametrize("text, verb, thing, modifier", [
    ("把烘干的包装叠好。", "叠好", "包装", "烘干"),  # old: steps 烘干, 包装, 叠好, none with a material
    ("把蒸熟的炒货摊开。", "摊开", "炒货", "蒸熟"),  # old: a step 炒货 and 摊开 with no material
])
def test_noun_after_de_in_the_ba_phrase_is_the_thing(text, verb, thing, modifier):
    got = steps(text, fields=FIELDS)
    assert any(surface == verb and material == thing for surface, _, material in got), got
    assert all(surface not in (thing, modifier) for surface, _, _ in got), got


@pytest.mark.parametrize("text, not_thing", [
    ("把剪好的压平晾干。", "压平"),  # a verb with its result after 的 is the step's own, no thing
    ("把它切好的时候再晾。", "时候"),  # a time clause, no modifier of a thing
])
def test_no_thing_read_where_de_closes_no_noun(text, not_thing):
    got = steps(text, fields=FIELDS)
    assert all(material != not_thing for _, _, material in got), got
