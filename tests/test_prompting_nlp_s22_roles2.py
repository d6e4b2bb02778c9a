"""The noun after a size and 的 as the object or the result (nlp-s22-roles2; roles.py, one repair in extract.py).
Sentences written for these tests; each failed on the code before this branch."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("surface", "tool", "material")


# --- a size (a quantity or a thing, and a size word), 的, then the object (roles._sized_object) -----------------------
@pytest.mark.parametrize("text, expected", [
    ("拿镊子夹起一片两寸见方的金箔。", ("夹起", "镊子", "金箔")),
    ("拿镊子夹起两寸见方的金箔。", ("夹起", "镊子", "金箔")),
    ("拿镊子夹起一张巴掌大的金箔。", ("夹起", "镊子", "金箔")),  # (not the thing the size is said by)
])
def test_noun_after_a_size_and_de_is_the_object(text, expected):
    assert steps(text, fields=FIELDS)[0] == expected


# --- a result said by a size: the noun after 的 (roles, the V成 result; extract._finish_doc) ----------------------------
@pytest.mark.parametrize("text, surfaces, material", [
    ("蒸熟以后切成核桃大的坨坨饭。", ["蒸熟", "切"], "坨坨饭"),
    ("醒好了再揪成枣子大的揪揪面。", ["醒", "揪"], "揪揪面"),
])
def test_result_named_by_its_size_is_the_noun_after_de(text, surfaces, material):
    # (the doubled word after 的, which jieba cuts apart and tags a verb, is no step of its own)
    got = steps(text, fields=FIELDS)
    assert [s[0] for s in got] == surfaces
    assert got[-1][2] == material


def test_a_named_object_outranks_the_sized_result():
    assert steps("把羊腿剁成核桃大的块块肉。", fields=FIELDS)[0] == ("剁", None, "羊腿")
