"""tokens.normalize_chars skips the translation of a text with no character the table maps (a speed change, tenth
session): the gate must let through every character the table maps, so the result is the translation's."""
from generation.prompting.spec import char_table, char_table_chars
from generation.prompting.tokens import normalize_chars


def test_the_gate_matches_every_character_the_table_maps():
    table, chars = char_table(), char_table_chars()
    missed = [k for k in table if chars.search(chr(k)) is None]
    assert not missed


def test_a_text_is_normalized_as_the_table_translates_it():
    table = char_table()
    for text in ("左手按住木板右手拿凿子凿", "左手按住線,再繃緊", "ＡＢＣ１２３\u3000左手", "拿𠀾刀切,再切",
                 "先泡一夜,再蒸", "", "abc"):
        assert normalize_chars(text) == text.translate(table), text
    # a text with nothing to map is given back as it is
    text = "先泡一夜,再蒸两个钟头"
    assert normalize_chars(text) == text
    assert normalize_chars("左手按住線") == "左手按住线"
