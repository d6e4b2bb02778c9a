"""A count of turns keeps its word in the prompt: 「转三圈」 is 「共3圈」 and 「转半圈」 「共半圈」, not 「共3次」 and
「共0.5次」 (a turn is no stroke); strokes and other events still read 「共N次」, things their classifier."""
import pytest

from generation.prompting import normalize


def _prompt(text):
    return normalize(text).to_dict()["prompt"]


@pytest.mark.parametrize("text, said", [
    ("把泥坯放上转盘,用手带着转三圈", "共3圈"),
    ("龙灯的龙头先原地转两圈再往前走", "共2圈"),
    ("手腕一翻,扇子转半圈停住", "共半圈"),
    ("陀螺抽起来以后绕场子转一周", "共1圈"),
    ("纺车摇上二十转就停一下", "共20转"),
])
def test_turns_keep_their_word(text, said):
    prompt = _prompt(text)
    assert said in prompt, prompt
    assert "0.5" not in prompt


@pytest.mark.parametrize("text, said", [
    ("用木槌在坯上拍三下", "共3次"),
    ("錾子沿着线敲二十锤", "共20次"),
    ("一次剪五张纸", "5张纸"),
])
def test_strokes_and_things_unchanged(text, said):
    prompt = _prompt(text)
    assert said in prompt, prompt
