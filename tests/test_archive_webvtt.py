"""WebVTT parser/serializer (heritage/webvtt.py): round trip and every malformed case names its line."""
import pytest
from hypothesis import given, settings as hsettings, strategies as st

from heritage.webvtt import Cue, WebVTTError, format_timestamp, parse, parse_timestamp, serialize, to_plain_text


@pytest.fixture(autouse=True)
def chinese():
    """The messages are checked in Chinese whatever language an earlier test left active."""
    from django.utils import translation

    with translation.override("zh-hans"):
        yield

GOOD = """WEBVTT - 苏绣口述

NOTE 这是注释,会被跳过

1
00:00:00.000 --> 00:00:04.000
<v 沈秀芬>嗯,正抢啊,就是说一批一批地往前抢。

2
00:00:05.000 --> 00:00:09.500 align:start
针要斜一点,
大概三十度。

01:02.000 --> 01:05.250
<v 采访人>那第一批针从哪里起?</v>
"""


def test_parse_good_file():
    cues = parse(GOOD)
    assert [(c.start_ms, c.end_ms) for c in cues] == [(0, 4000), (5000, 9500), (62000, 65250)]
    assert cues[0].speaker == "沈秀芬" and cues[0].text == "嗯,正抢啊,就是说一批一批地往前抢。"
    assert cues[1].text == "针要斜一点,\n大概三十度。" and cues[1].speaker == ""
    assert cues[2].speaker == "采访人" and cues[2].text == "那第一批针从哪里起?"


def test_round_trip():
    cues = parse(GOOD)
    text = serialize(cues, title="苏绣")
    assert text.startswith("WEBVTT - 苏绣\n\n")
    again = parse(text)
    assert [(c.start_ms, c.end_ms, c.text, c.speaker) for c in again] == [(c.start_ms, c.end_ms, c.text, c.speaker) for c in cues]


def test_special_characters_survive():
    cues = [Cue(start_ms=0, end_ms=1000, text="a < b & c > d --> e", speaker="张")]
    assert parse(serialize(cues))[0].text == "a < b & c > d --> e"


@hsettings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5000), st.integers(1, 5000),
                          st.text(alphabet="正抢针嗯那个就是说斜一点abc 123,。<>&", min_size=1, max_size=30)),
                min_size=1, max_size=8))
def test_round_trip_property(parts):
    cues, t = [], 0
    for gap, length, text in parts:
        if not text.strip():
            continue
        t += gap
        cues.append(Cue(start_ms=t, end_ms=t + length, text=" ".join(text.split())))
        t += length
    if not cues:
        return
    back = parse(serialize(cues))
    assert [(c.start_ms, c.end_ms, c.text) for c in back] == [(c.start_ms, c.end_ms, c.text) for c in cues]


def test_timestamps():
    assert parse_timestamp("01:02:03.456") == 3723456
    assert parse_timestamp("02:03.456") == 123456
    assert format_timestamp(3723456) == "01:02:03.456"


@pytest.mark.parametrize("text, line, words", [
    ("WEBVT\n\n00:00:00.000 --> 00:00:01.000\nx\n", 1, "WEBVTT"),
    ("", 1, "WEBVTT"),
    ("WEBVTTX\n", 1, "WEBVTT"),
    ("WEBVTT\n\n00:00:0.000 --> 00:00:01.000\nx\n", 3, "00:00:0.000"),
    ("WEBVTT\n\n00:00:00.000 --> 00:00:61.000\nx\n", 3, "00:00:61.000"),
    ("WEBVTT\n\n00:00:00,000 --> 00:00:01.000\nx\n", 3, "格式错误"),
    ("WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nx\n", 3, "早于或等于开始时间"),
    ("WEBVTT\n\n00:00:05.000 --> 00:00:05.000\nx\n", 3, "早于或等于开始时间"),
    ("WEBVTT\n\n00:00:00.000 --> 00:00:04.000\na\n\n00:00:03.000 --> 00:00:06.000\nb\n", 6, "重叠"),
    ("WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n\n", 3, "没有文本"),
    ("WEBVTT\n\nid-1\njust text\n", 4, "缺少时间行"),
    ("WEBVTT\n\n00:00:00.000 -> 00:00:04.000\nx\n", 4, "缺少时间行"),
    ("WEBVTT\n00:00:00.000 --> 00:00:04.000\nx\n", 2, "空一行"),
])
def test_malformed_names_the_line(text, line, words):
    with pytest.raises(WebVTTError) as info:
        parse(text)
    assert info.value.line == line
    assert f"第 {line} 行" in str(info.value)
    assert words in str(info.value)


def test_bom_and_crlf():
    cues = parse("\ufeffWEBVTT\r\n\r\n00:00:00.000 --> 00:00:01.000\r\n好\r\n")
    assert cues[0].text == "好"


def test_plain_text_export():
    cues = parse(GOOD)
    text = to_plain_text(cues)
    assert text.splitlines()[0] == "[00:00:00.000] 沈秀芬:嗯,正抢啊,就是说一批一批地往前抢。"
