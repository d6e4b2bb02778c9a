"""Issue 11 (nlp-terms2): terms and prompt words for crafts the spec does not know, from the text's structure.

A noun the open-vocabulary rules list with no tool or material head was a candidate *technique* term, and the
prompt's 「画面中可见…」 shows only tools and materials, so a thing the master sat on, put something into or
counted in pieces never reached the prompt. Chinese marks such nouns as things whatever the craft
(``names._thing_nouns``): a place postposition after a verb or 的 (坐到X上, 倒进X里), the object of 把 before its
verb, a piece classifier before the noun (一块…的X). Every sentence here was written for these tests (none is
taken from an evaluation or probe file); each rule is shown on at least two crafts."""
from generation.prompting import normalize
from generation.prompting.spec import default_spec

SPEC = default_spec()


def _category(text: str, word: str) -> set:
    return {t["category"] for t in normalize(text, spec=SPEC).terms if t["text"] == word}


def test_a_noun_a_verb_puts_before_a_place_postposition_is_a_tool_and_in_view():
    # a chanting rite (a prayer cushion), a fiddle player (a straw mat)
    out = normalize("开唱前先跪坐到蒲团上,双手合十。", spec=SPEC)
    assert {t["category"] for t in out.terms if t["text"] == "蒲团"} == {"tool"}
    assert "蒲团" in out.prompt
    out = normalize("拉琴的先盘腿坐到草垫子上,眼睛一闭。", spec=SPEC)
    assert {t["category"] for t in out.terms if t["text"] == "草垫子"} == {"tool"}
    assert "草垫子" in out.prompt


def test_a_noun_counted_by_a_piece_classifier_is_a_material_and_in_view():
    # a festival snack (a stick of candied haws), a rice cake (the classifier before a 的 phrase)
    out = normalize("递过来一串刚蘸好的冰糖葫芦,趁热吃。", spec=SPEC)
    assert _category("递过来一串刚蘸好的冰糖葫芦,趁热吃。", "冰糖葫芦") == {"material"}
    assert "冰糖葫芦" in out.prompt
    out = normalize("端上来一块刚出锅的米糕,趁热切。", spec=SPEC)
    assert {t["category"] for t in out.terms if t["text"] == "米糕"} == {"material"}
    assert "米糕" in out.prompt


def test_the_object_of_ba_before_its_verb_is_a_material():
    # shadow puppets stacked away (a craft's own word, otherwise a technique name), roof tiles taken off
    out = normalize("老汉把皮影一层层码好,收起来。", spec=SPEC)
    assert {t["category"] for t in out.terms if t["text"] == "皮影"} == {"material"}
    assert "皮影" in out.prompt
    assert _category("修屋顶先把瓦片一片片揭下来。", "瓦片") == {"material"}


def test_a_domain_or_a_verb_is_no_place():
    # 「X里」 after a copula names the domain (not a place), and 上 before a noun is the verb 上
    assert _category("翻身是基本功里最难的一样。", "基本功") != {"tool"}


def _terms(text: str) -> list:
    return [t["text"] for t in normalize(text, spec=SPEC).terms]


def test_a_ba_with_no_object_after_it_ends_the_noun_before_it():
    # a boatman's scull handle (ferry songs), a straw bundle (a harvest rite): jieba cuts 橹 | 把 and 草 | 把
    assert "橹把" in _terms("艄公握住橹把往怀里一拉")
    assert "草把" in _terms("抱起一捆草把往车上扔")
    # 把 before its object is the marker, and a hesitation after it takes nothing
    assert not any(t.endswith("把") for t in _terms("先把,嗯,线绕好"))
