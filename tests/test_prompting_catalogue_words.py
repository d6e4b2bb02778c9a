"""The catalogue's own identifying words (r7-catalogue): a craft the lexicon has no words of is found
from free text by the tools, materials, actions and terms its catalogue entry cites a page for
(``words_source``), matched in the text as said. The sentences are written for these tests."""
import json

import pytest

from generation.prompting import normalize
from generation.prompting.spec import Spec, _trie_pattern, default_spec, load_default_spec_dict

SPEC = default_spec()


def detected(text, spec=SPEC):
    d = normalize(text, spec=spec).to_dict()
    return d["craft"] if d["craft_source"] == "detected" else None


@pytest.mark.parametrize("text,key", [
    ("打着竹板说,节子板一响,三字头、五字垛一句赶一句。", "kuaibanshu"),
    ("女的一个人唱,右手敲竹鼓,左手打檀板,这叫唱月琴。", "sichuanqingyin"),
    ("刻好花版,把防染浆刮上去,揭版以后晾干再下缸,出来是蓝底白花。", "lanyinhuabu"),
    ("先练小念头,再练寻桥、标指,最后上木人桩。", "yongchunquan"),
    ("砚石是龙尾山的歙石,有罗纹也有眉纹,金星的最贵。", "sheyan"),
])
def test_a_craft_is_found_from_three_of_its_catalogue_words_without_its_name(text, key):
    assert detected(text) == key


@pytest.mark.parametrize("text", [
    "他家墙上挂着一把鸳鸯钺。",      # one word of a craft, said in passing
    "晚上吃了两个桃子,桃核扔了。",
])
def test_one_catalogue_word_in_passing_detects_no_craft(text):
    assert detected(text) is None


def test_catalogue_words_need_a_cited_page_and_are_not_given_to_the_tokenizer():
    """Only an entry with ``words_source`` lends its words; they are matched in the text, and the
    tokenizer is not given them (each word given to jieba re-weighs every other cut)."""
    doc = load_default_spec_dict()
    spec = Spec.from_dict(doc)
    text = "打着竹板说,节子板一响,三字头、五字垛一句赶一句。"
    assert detected(text, spec) == "kuaibanshu"
    assert "五字垛" in spec.catalogue_words and "五字垛" not in spec.ensure_tokenizer().FREQ
    for entry in doc["defaults"]["catalogue"]["crafts"]:
        entry.pop("words_source", None)
    assert detected(text, Spec.from_dict(json.loads(json.dumps(doc)))) is None


def test_every_catalogue_word_source_is_a_cited_page():
    cat = SPEC.doc["defaults"]["catalogue"]
    for entry in cat["crafts"]:
        if "words_source" in entry:
            src = cat["sources"][entry["words_source"]]
            assert src["url"].startswith("http") and src["title"] and src["detail"], entry["key"]
            assert any(entry[f] for f in ("tools", "materials", "actions", "terms")), entry["key"]


def test_the_trie_pattern_finds_the_longest_word_and_nothing_else():
    pat = _trie_pattern(["田黄", "田黄石", "薄意"])
    assert pat.findall("一块田黄石刻薄意,另一块是田黄") == ["田黄石", "薄意", "田黄"]
    assert pat.findall("田野里黄石头") == []
    assert _trie_pattern([]).findall("任何文字") == []
