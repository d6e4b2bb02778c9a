"""nlp-asr (issue 11): text as a speech recogniser gives it, with no punctuation at all, is read nearly as
well as punctuated text. Sentences of this file's own, none from an evaluation or probe file."""
import pytest

from generation.prompting import normalize


def _surfaces(text):
    return [s["surface"] for s in normalize(text).to_dict()["steps"]]


# 1. A prohibition reaches over a few words to its verb (「千万别搁太阳底下晒」), but not over where the next
# clause starts, which unpunctuated speech does not mark: a person who does the next thing (…们, a person
# noun, a pronoun), a sequence word, a hand, a particle.
@pytest.mark.parametrize("text, done, forbidden", [
    ("发酵的时候坛子不许打开我们每天摸一摸坛壁", "摸", "打开"),      # 酿酒
    ("泥坯不能晒姑娘们把它摆在架子上阴干", "摆", "晒"),            # 制陶
    ("染好的布不许暴晒俺们挂在屋檐底下阴干", "挂", "暴晒"),        # 扎染
    ("腌菜的缸子不许沾油他们每天翻一遍菜", "翻", "沾油"),          # 腌菜
])
def test_prohibition_stops_at_the_next_clause_without_punctuation(text, done, forbidden):
    got = _surfaces(text)
    assert any(done in s for s in got), got
    assert not any(forbidden in s for s in got), got


@pytest.mark.parametrize("text, gone", [
    ("糖画的勺子千万别搁凉水里泡挂在灶边晾着", "泡"),       # 糖画: the reach over a verb phrase stays
    ("刚刻好的印章千万别往桌上磕放进木盒里收好", "磕"),     # 篆刻
    ("墨锭千万别搁火边上烤放在阴凉处晾干", "烤"),           # 徽墨
])
def test_prohibition_still_reaches_over_words_without_punctuation(text, gone):
    got = _surfaces(text)
    assert got and not any(gone in s for s in got), got


def _step(text, verb):
    return next(s for s in normalize(text).to_dict()["steps"] if verb in s["surface"])


# 2. A verb with its place after 在/到/进 (「撒进坛子里」「挂到架子上」) is a complete predicate: with no punctuation,
# what follows (a new subject and its verb) is the next clause, with its own tool.
@pytest.mark.parametrize("text, verb, tool", [
    ("酒曲撒进坛子里木棍搅三圈", "搅", "木棍"),                # 酿酒
    ("老艺人把铜锣挂到架子上鼓槌敲三下", "敲", "鼓槌"),        # 锣鼓
])
def test_a_place_after_the_verb_closes_its_clause(text, verb, tool):
    assert _step(text, verb)["tool"] == tool, normalize(text).to_dict()["steps"]


@pytest.mark.parametrize("text, verb, tool", [
    ("面人拿木梳在背上压出花纹再上色", "压", "木梳"),          # 面塑: 拿 + a tool + 在…: where the next verb is done
    ("拿刷子在布上刷一层浆晾干", "刷", "刷子"),                # 扎染
])
def test_a_place_after_a_tool_taken_stays_with_the_next_verb(text, verb, tool):
    assert _step(text, verb)["tool"] == tool, normalize(text).to_dict()["steps"]


# 3. After a complete predicate, a correlative pair (一边…一边…) or an alternation (一推一拉) opens the next clause:
# the verb before it is a step of its own, not the pair's.
@pytest.mark.parametrize("text, verb", [
    ("艺人一只手撑住木偶另一只手捏着竹签一推一拉木偶的胳膊就动起来", "捏"),    # 杖头木偶
    ("泥饼搁在转盘上先捏个底一边拿脚踩转盘一边把泥条往上盘", "捏"),            # 制陶
])
def test_a_pair_after_a_predicate_opens_its_clause(text, verb):
    got = _surfaces(text)
    assert any(verb in s for s in got), got


def test_both_halves_of_a_pair_after_a_predicate_are_cut():
    from generation.prompting.breaks import restore_breaks
    from generation.prompting.spec import get_spec

    said, _ = restore_breaks(get_spec(), "竹篾浸透了先编个底一边拿手压住篾条一边往上挑")   # 竹编
    assert said.endswith("先编个底,一边拿手压住篾条,一边往上挑"), said


# 4. 拿 + a tool the spec knows (jieba does not: 竹耙子, 木梭子) after a complete predicate opens a new frame.
@pytest.mark.parametrize("text, tail", [
    ("茶叶炒软倒出来拿竹耙子摊凉", "倒出来,拿竹耙子摊凉"),     # 制茶
    ("麻线搓好绕起来拿木梭子穿", "绕起来,拿木梭子穿"),         # 织布
])
def test_a_tool_taken_after_a_predicate_opens_a_frame(text, tail):
    from generation.prompting.breaks import restore_breaks
    from generation.prompting.spec import get_spec

    said, _ = restore_breaks(get_spec(), text)
    assert said.endswith(tail), said


# 5. A verb that ends in 进/到/在 takes its place: no clause starts between them, whatever the next word looks like
# (烘房, 熏房, 煮锅 start with a verb character).
@pytest.mark.parametrize("text, kept", [
    ("泥坯搬进烘房里烘三天", "搬进烘房"),          # 制陶
    ("腌好的肉挂进熏房里熏半个月", "挂进熏房"),    # 腊肉
    ("粉条放进煮锅里煮软", "放进煮锅"),            # 粉条
])
def test_no_cut_between_a_verb_and_the_place_it_takes(text, kept):
    from generation.prompting.breaks import restore_breaks
    from generation.prompting.spec import get_spec

    said, _ = restore_breaks(get_spec(), text)
    assert kept in said, said


# 6. A predicate over with its end and 了 (熟了, 点着了), then a noun with its own verb: the noun is a new subject,
# not the object of the verb before.
@pytest.mark.parametrize("text, verb, material", [
    ("糯米蒸熟了酒曲撒上去拌匀", "撒", "酒曲"),        # 酿酒
    ("炭火点着了铜壶坐上去烧水", "点", "炭火"),        # 煮茶
])
def test_a_subject_after_a_predicate_that_is_over(text, verb, material):
    assert _step(text, verb)["material"] == material, normalize(text).to_dict()["steps"]
