"""nlp-verbs (issue 11): verbs jieba tags as things, or glues to the noun before them, are read as verbs where what
follows them only a verb takes. Sentences of this file's own, none from an evaluation or probe file; several are
said with no punctuation, as a speech recogniser writes them."""
import pytest

from generation.prompting import normalize


def _actions(text):
    return [s["action"] for s in normalize(text).to_dict()["steps"]]


# 1. A one-character verb jieba tags as a noun (夹/n, 挎/n) after a noun is not that noun's last character when
# the place it puts the thing (在 + a place) is followed by the next clause's subject, a hand or a noun, rather than
# by the verb the place belongs to: 「X夹在…里手指头…」 is X + 夹, where 「木夹在架子上排好」 is the clip 木夹.
@pytest.mark.parametrize("text, action", [
    ("腰鼓挎在腰的左边两手各拿一根鼓槌", "挎"),                    # 腰鼓舞
    ("篾条夹在腿缝里手指头一根一根往上挑", "夹"),                  # 竹编
    ("拿竹夹子夹在晾衣绳上晒的人就不用管了", "夹"),                # 扎染 (a verb before 的 names a person)
])
def test_verb_before_place_then_new_subject(text, action):
    assert action in _actions(text), _actions(text)


def test_noun_before_place_and_its_verb_stays_a_noun():
    acts = _actions("木夹在架子上排好。")  # the clips are laid out: 木夹 is a thing, 排 the verb
    assert "排" in acts and "夹" not in acts, acts


# 2. 把 + its object + a verb + its result is a whole predicate: a noun right after it, with a verb or a path after
# the noun, is the next clause's subject or tool (no punctuation), not the object of the first verb.
@pytest.mark.parametrize("text, first, second", [
    ("先把宣纸夹好棕刷蘸水往上刷", "夹", "蘸"),                    # 拓印
    ("先把红纸夹好刻刀顺着墨线刻", "夹", "刻"),                    # 剪纸
])
def test_ba_result_then_new_subject(text, first, second):
    acts = _actions(text)
    assert first in acts and second in acts and acts.index(first) < acts.index(second), acts


# 3. A verb + object word jieba tags as a noun (烧香/n, 钻眼/n, 扬帆/nz) right after a finished predicate (a verb
# with 了, or a verb + object word of its own, 点火/v, 起锚/v) and before the next verb or the clause end is the next
# predicate of the series.
@pytest.mark.parametrize("text, action", [
    ("香客点火烧香，磕头。", "烧香"),                              # 庙会
    ("梳背磨光了钻眼穿铜丝，再上油。", "钻眼"),                    # 木梳
    ("船工起锚扬帆，慢慢出港。", "扬帆"),                          # 渔家
])
def test_verb_object_word_in_series(text, action):
    assert action in _actions(text), _actions(text)


@pytest.mark.parametrize("text", [
    "摆上供品，磕头。",        # 供品 is what is laid out, no action of its own
    "他先宣读祭文并整理供品。",  # 整理 (jieba: n) is read as a verb by its place, and takes 供品 as its object
])
def test_verb_object_word_after_plain_verb_is_its_object(text):
    acts = _actions(text)
    assert "供品" not in acts, acts


# 4. One character jieba tags as a noun, a name or a classifier (化/n, 施/nr, 点/m) that its dictionary has as a verb
# is the verb where a counted object (a numeral, a classifier and a noun) or 到 + a degree follows it.
@pytest.mark.parametrize("text, action", [
    ("坯上施一层白釉再入窑", "施"),                                # 陶瓷
    ("锡块化到三百度就倒进模子", "化"),                            # 锡器
    ("祠堂里摆好供品点三炷香", "点"),                              # 祭祖
])
def test_counted_object_makes_a_verb(text, action):
    assert action in _actions(text), _actions(text)


def test_classifier_after_a_verb_stays_a_classifier():
    acts = _actions("锅里加点三年的陈醋。")  # 加点: 点 counts what is added, 一 left out
    assert "点" not in acts, acts


# 5. A one-character verb with its own measure of stuff (把/点/个 + a noun, 一 left out) is a predicate of its own:
# after the state a degree complement reaches (炒到…焦黄) and after another verb (磨碎), said with no pause.
@pytest.mark.parametrize("text, first, second", [
    ("花生炒到外皮焦黄撒点盐", "炒", "撒"),                      # 炒货
    ("豆子炒到噼啪响撒把糖", "炒", "撒"),                        # 节令食俗
    ("辣椒晒干磨碎加点花椒", "磨碎", "加"),                      # 辣酱
])
def test_counted_stuff_verb_after_degree_or_verb(text, first, second):
    acts = _actions(text)
    assert first in acts and second in acts and acts.index(first) < acts.index(second), acts


def test_complement_verb_after_degree_stays_the_degree():
    acts = _actions("茶叶炒到发黄起个泡")  # 起 (a complement verb) says the state reached
    assert "起" not in acts, acts


# 6. An overview of a process said with no pause (a lead, the names of the steps, 等…工序 or a count of steps) is
# read as the list a writer punctuates: the same steps as with 、 between the names.
@pytest.mark.parametrize("said, written, names", [
    ("紫陶的做法大概要经过选土练泥拉坯晾坯和烧窑等工序",                       # 紫陶
     "紫陶的做法大概要经过选土、练泥、拉坯、晾坯和烧窑等工序", ("选土", "烧窑")),
    ("绿茶的制作须依次经过采叶摊青杀青揉捻干燥等五道工序",                     # 绿茶
     "绿茶的制作须依次经过采叶、摊青、杀青、揉捻、干燥等五道工序", ("揉捻", "干燥")),
    ("风筝主要工序有扎架糊纸画彩三步老师傅先扎",                               # 风筝
     "风筝主要工序有扎架、糊纸、画彩三步，老师傅先扎", ("扎架", "糊纸")),
])
def test_overview_said_without_pauses(said, written, names):
    acts = _actions(said)
    assert acts == _actions(written), (acts, _actions(written))
    assert all(n in acts for n in names), acts


def test_no_overview_marks_across_de():
    # 「切制前的水处理」: a name with 的 in it is no two-character name; the stretch is left as it was
    from generation.prompting.breaks import restore_breaks
    from generation.prompting.spec import get_spec
    said, _ = restore_breaks(get_spec(), "这药要经过净制切制前的水处理切制干燥等工序才行")
    assert "理、" not in said and "、干燥" not in said, said


# 7. A verb character jieba tags as a name or a noun (施/nr) is not glued to the noun before it as that noun's last
# character where a counted object follows it (a numeral and classifier, then the noun counted): only a verb takes
# one (「竹夹两个」 is a count alone; a tool's or stuff's head, 夹, is left to the tool names' rules).
@pytest.mark.parametrize("text, action", [
    ("瓶身施一层青釉，再入窑烧。", "施"),                         # 瓷器
    ("砖坯外头通体施一层黄釉。", "施"),                           # 琉璃
])
def test_verb_char_before_counted_object_is_not_glued(text, action):
    assert action in _actions(text), _actions(text)


def test_bare_yi_is_no_count():
    acts = _actions("右手持竹签敲击竹鼓一开口便唱。")  # 竹鼓 is the drum: 一开口 is 'as soon as she opens her mouth'
    assert "鼓" not in acts, acts
