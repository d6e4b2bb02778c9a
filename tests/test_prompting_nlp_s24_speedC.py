"""s24-speedC: ``render.render_step`` / ``render.Said`` read a step's and a term's fields in one call and
``render._opening_name`` finds its first clause by two scans. The kinds and prompts are those main 7bab2d0 gave
(recorded on sentences written for this test)."""
from __future__ import annotations

import random

import pytest

from generation.prompting import normalize
from generation.prompting.extract import tokenize_doc
from generation.prompting.render import Said, render_step
from generation.prompting.spec import get_spec

CASES = [
    ('先把料搁在案板上,再拿那把刀切成小块。',
     ['M', 'O', 'N', 'T', 'R', 'N', None, 'P', 'M', 'T', None, None, 'N', None, 'N', 'P'],
     '一位非遗传承人进行技艺示范。第1步,把料搁在案板上;第2步,拿着刀切成小块。特写镜头,柔和的自然侧光,背景为素净的工作台,慢动作。'),
    ('绣娘左手托着绷子,右手捏针从底下往上扎。',
     [None, None, 'H', 'T', 'T', 'P', 'H', 'T', 'T', 'R', None, 'R', None, 'C', 'P'],
     '一位非遗传承人进行技艺示范。第1步,左手托着绷子;第2步,右手用针在绷子上从底下往上扎。特写镜头,柔和的自然侧光,背景为素净的工作台,慢动作。'),
    ('量的时候要仔细,拿蘸了水的毛笔描一遍。',
     ['V', None, 'P', None, None, 'P', 'T', None, None, None, None, 'T', 'V', 'Q', 'P'],
     '一位非遗传承人进行技艺示范。用毛笔描一遍。特写镜头,柔和的自然侧光,背景为素净的工作台,慢动作。'),
    ('切成指头粗的条条肉,放到锅里慢慢炖。',
     ['V', 'T', None, None, 'N', 'P', 'T', 'N', None, None, 'V', 'P'],
     '一位非遗传承人进行技艺示范。第1步,切条条肉;第2步,把条条肉放到锅里;第3步,用锅炖条条肉。特写镜头,柔和的自然侧光,背景为素净的工作台,慢动作。'),
    ('老师傅把烧红的铁块夹出来,用锤子砸扁了再淬火。',
     [None, 'O', 'V', None, None, 'T', 'N', 'C', 'P', 'L', 'T', 'V', None, None, 'M', 'T', 'P'],
     '一位非遗传承人进行技艺示范。第1步,夹铁块;第2步,用锤子砸铁块;第3步,用锤子淬火。特写镜头,柔和的自然侧光,背景为素净的工作台,慢动作。'),
    ('演奏时乐手要坐直,传承人在旁边看着。',
     ['V', 'P', 'N', None, 'V', None, 'P', None, None, 'R', None, 'V', 'P'],
     '一位非遗传承人进行技艺示范。第1步,演奏;第2步,坐直;第3步,在旁边看;画面中可见乐手。特写镜头,柔和的自然侧光,背景为素净的工作台,慢动作。'),
]


@pytest.mark.parametrize("text,kinds,prompt", CASES)
def test_kinds_and_prompt_as_the_old_walks_gave(text, kinds, prompt):
    spec = get_spec()
    assert tokenize_doc(spec, text).kinds == kinds
    assert normalize(text).prompt == prompt


def test_render_step_reads_every_field():
    spec = get_spec()
    text = "先把料搁在案板上,再用刀切两块。"
    step = {"action": "切", "surface": "切", "tool": "刀", "material": "料", "hand": "right", "manner": "慢慢",
            "params": {"count": 2}, "count_unit": "块", "start": 9, "end": 15, "relation": None,
            "_places": ["在案板上"], "_no_default": True, "_own_object": False, "_complement": ""}
    said = Said({"text": text, "terms": []}, spec.pos_tags())
    clause, context = render_step(spec, step, text=text, said=said)
    assert context == ""
    assert "在案板上" in clause and "刀" in clause and "切" in clause
    bare = render_step(spec, {"action": "切"}, text="", said=None)
    assert bare == ("切", "")


def test_said_reads_a_terms_span_fields():
    text = "拿刷子刷一遍"
    said = Said({"text": text, "terms": [
        {"category": "tool", "start": 1, "end": 3, "text": "刷子", "canonical": "棕刷"},
        {"category": "material", "start": 0, "end": 1, "text": "漆"},  # (its offsets disagree: unverified)
        {"category": "tool", "start": 1, "end": 3, "text": "刷子"}]}, None)
    assert said.terms == [(1, 3, "刷子", "棕刷", "tool"), (1, 3, "刷子", "刷子", "tool")]
    assert said.unverified == ["漆"]
    assert list(said.covered) == [0, 1, 1, 0, 0, 0]
    assert [t[3] for t in said.by_name["刷子"]] == ["棕刷", "刷子"]


def test_first_clause_as_the_character_walk_found_it():
    from generation.prompting.render import _first_clause
    from generation.prompting.words import PUNCT

    def walk(text):
        n, i = len(text), 0
        while i < n and text[i] in PUNCT:
            i += 1
        end = i
        while end < n and text[end] not in PUNCT:
            end += 1
        return i, end

    rng = random.Random(11)
    chars = sorted(PUNCT) + list("跳舞嘛的绣花针\U00020000a-^]\\")
    for _ in range(500):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 10)))
        assert _first_clause(text) == walk(text), text
