"""Empty tool and material slots filled (nlp-s23-things; carry.py). Sentences written for these tests; each test of a
rule failed on the code before this branch, the guards held before and after."""
import pytest

from tests.prompting_steps import steps

FIELDS = ("surface", "tool", "material")


# --- a thing held, then struck with by the next verb: the striker, the tool of both (carry._strikes_with_held) -------
@pytest.mark.parametrize("text, expected", [
    ("右手捏根小竹棍，轻轻敲两下。", [("捏", "小竹棍", None), ("敲", "小竹棍", None)]),
    ("他捏着一根木签，嗒嗒地敲。", [("捏着", "木签", None), ("敲", "木签", None)]),
    ("左手拿着一块鹅卵石，使劲砸。", [("拿着", "鹅卵石", None), ("砸", "鹅卵石", None)]),
    ("右手握着一截竹子，轻轻敲。", [("握着", "竹子", None), ("敲", "竹子", None)]),
])
def test_a_thing_held_then_struck_with_is_the_tool(text, expected):
    assert steps(text, fields=FIELDS) == expected


def test_a_wrist_swung_between_is_passed_over():
    got = steps("筷子捏在指头缝里，手腕一抖，轻轻敲。", fields=FIELDS)
    assert got[0] == ("捏", "筷子", None)
    assert got[-1] == ("敲", "筷子", None)


@pytest.mark.parametrize("text, held", [
    ("右手拿着小锣，敲两下。", "小锣"),        # an instrument held is played, no striker
    ("右手捏着两块竹板，一碰就响。", "竹板"),    # knocked together: what is held is struck
    ("右手攥着拳头，使劲砸。", "拳头"),         # the fist is the hand itself
])
def test_an_instrument_or_things_knocked_together_are_no_striker(text, held):
    got = steps(text, fields=FIELDS)
    assert all(s[1] != held for s in got)


def test_a_longer_verb_is_no_stroke():
    # 打转 turns the tray round, it strikes with nothing
    got = steps("两只手端着簸箕打转。", fields=FIELDS)
    assert got[0][1] is None


# --- a word jieba tags a verb, counted and closing its clause, is a thing (extract._counted_thing) ------------------
@pytest.mark.parametrize("text, expected", [
    ("先拿两个挂钩,挂在梁上。", ("拿", "挂钩", None)),
    ("拿三个护膝,绑在腿上。", ("拿", None, "护膝")),
])
def test_a_counted_word_jieba_tags_a_verb_is_the_thing(text, expected):
    assert steps(text, fields=FIELDS)[0] == expected


@pytest.mark.parametrize("text, surfaces", [
    ("搅两下拌匀。", ["搅", "拌匀"]),  # a count of strokes, then a verb and its result
    ("切两刀装盘。", ["切", "装"]),    # a count of strokes, then a verb and its object
])
def test_a_verb_after_a_count_of_strokes_stays_a_verb(text, surfaces):
    assert [s[0] for s in steps(text, fields=FIELDS)] == surfaces


# --- a noun before the sequence marker and a modal after it is the clause's topic (roles._open_read) ---------------
@pytest.mark.parametrize("text, expected", [
    ("面团先要揉匀。", ("揉匀", None, "面团")),
    ("坯子先得晾干。", ("晾干", None, "坯子")),
    ("锥子先要扎个眼。", ("扎", "锥子", "眼")),  # (an implement stays the tool)
])
def test_topic_before_marker_and_modal(text, expected):
    assert steps(text, fields=FIELDS)[0] == expected


def test_topic_before_modal_and_marker_still_read():
    assert steps("龟板要先砸碎。", fields=FIELDS)[0] == ("砸碎", None, "龟板")


@pytest.mark.parametrize("text, held", [
    ("左手端着碗，敲两下。", "碗"),          # a vessel held is struck itself
    ("右手捏着一张面皮，轻轻拍。", "面皮"),  # 拍 pats the thing held as often as it strikes with it
])
def test_a_vessel_or_a_thing_patted_is_no_striker(text, held):
    assert all(s[1] != held for s in steps(text, fields=FIELDS))
