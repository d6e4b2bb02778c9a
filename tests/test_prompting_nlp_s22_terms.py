"""Terms and the words a prompt must keep, s22-terms (issue 11; ``render.py``, ``names.py``): general causes of term and
prompt_include failures counted over the tunable splits, each rule shown on crafts and wording of this file's own (no
sentence is in the evaluation set or a probe); every test failed before its rule."""
from generation.prompting import normalize


def _prompt(text):
    return normalize(text).prompt


def _demonstrated(text):
    """What the prompt's first sentence says is demonstrated (「一位…进行X示范」)."""
    head = _prompt(text).split("示范", 1)[0]
    return head.split("进行", 1)[1] if "进行" in head else head


# 1. render._opening_name: the practice a text opens with as its first clause's topic (a dance, a game, a dish, an
# instrument, a tale) is what the prompt says is demonstrated, where no step shows it

def test_a_dance_named_with_its_verb_and_a_particle_is_demonstrated():
    # 传统舞蹈: 跳X嘛, then the moves
    assert "踩月亮" in _prompt("跳踩月亮嘛,大家先排成一排,左脚往前迈一步,右脚跟着点地。")


def test_a_dance_named_where_the_craft_is_known_is_demonstrated():
    # 传统舞蹈: 跳X, then the moves; the scene's craft is another name of the dance, the name said is kept
    assert "竹竿舞" in _demonstrated("跳竹竿舞,两个人蹲着把竹竿一开一合,跳的人看准了往里一蹦。")


def test_a_dish_made_is_demonstrated():
    # 传统技艺: 做X, then the steps
    assert "酸汤粑" in _prompt("做酸汤粑,先把糯米泡一夜,磨成浆,沥干了揉成团,上锅蒸半个钟头。")


def test_a_craft_object_named_with_its_job_is_demonstrated_with_the_verb():
    # 传统美术: 扎X, the job and the thing made, said as the first clause
    assert _demonstrated("扎纸龙,先拿竹篾扎个架子,接头拿纸条缠住,再糊彩纸。").startswith("扎纸龙")


def test_an_everyday_word_is_not_demonstrated():
    # (guard) 「X的故事嘛」: 故事 is everyday speech, no practice's name
    assert not _demonstrated("老猎人的故事嘛,他拉开弓一箭射过去,把野猪射倒了。").startswith("故事")


def test_a_part_defined_after_whose_is_not_demonstrated():
    # (guard) 「X的Y是…」 says what a part is: no practice named
    assert "琴弦" not in _demonstrated("月琴的琴弦是丝做的,左手按弦,右手拿拨子弹。")


def test_the_first_of_a_list_is_not_demonstrated():
    # (guard) 「甲、乙…」: the first of a list is no topic
    assert "红绸" not in _demonstrated("红绸、绿绸各拿一条,两只手往上一甩,绸子就飘起来了。")


def test_an_action_clause_names_nothing():
    # (guard) a first clause that works a thing (把 + object + verb) names no practice
    assert "豆腐" not in _demonstrated("先把豆腐切成小块,码在竹匾里,放三天。")


# 2. names._numbered_names: a numeral that opens a clause right before a noun of two characters, with no classifier
# between them, counts nothing: the two are one name (a drink, an instrument)

def _terms(text):
    return [t["text"] for t in normalize(text).terms]


def test_a_numeral_before_a_two_character_noun_opening_a_clause_is_a_name():
    # 民俗: a rice spirit named by its number
    assert "三花酒" in _terms("三花酒倒进碗里,端起来敬客人。")


def test_a_numeral_with_a_classifier_is_no_name():
    # (guard) 三根 counts the poles
    assert not any(t.startswith("三") for t in _terms("三根竹竿搭成架子,顶上拿麻绳捆紧。"))
