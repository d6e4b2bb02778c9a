"""nlp-fresh-c: clause starts put back in text without punctuation (``breaks.restore_breaks``), tuned on dev6
read without punctuation. Each rule: (1) 每 + what is counted + its verb, after a predicate and its object,
opens the next clause (not 每 + a verb: 「每过一遍」 is when, inside what follows); (2) an adverb written with
一 and a verb-like character (一定, 一直…, ``words.ONE_ADVERBS``) is no sudden action 一 + verb, so no cut
after it; (3) a body character jieba left alone before the rest of its word (手 | 腕子) goes with the body part
that starts the next clause. The sentences are written for these tests, not taken from any split or probe."""
from generation.prompting import normalize
from generation.prompting.breaks import restore_breaks
from generation.prompting.spec import get_spec


def _restored(text: str) -> str:
    return restore_breaks(get_spec(), text)[0]


def _actions(text: str) -> list:
    return [s["action"] for s in normalize(text, None).to_dict()["steps"]]


# (1) 每 + a counted thing opens a clause
def test_each_opens_clause_after_object():
    assert "竹签,每根捆两道" in _restored("左手拿起一把竹签每根捆两道")


def test_each_word_opens_clause_after_object():
    assert "木板,每块刷一层桐油" in _restored("师傅搬来一摞木板每块刷一层桐油")


def test_each_keeps_the_hold_as_a_step():
    acts = _actions("右手拿根小木槌每句唱到末尾敲一下")
    assert "拿" in acts


def test_each_before_a_verb_is_no_cut():
    assert _restored("他就喊这叫收口每过一遍拿竹刀刮平") == "他就喊这叫收口每过一遍,拿竹刀刮平"


# (2) 一定/一直… are adverbs
def test_one_adverb_is_no_sudden_action():
    assert "一定,要" not in _restored("第二段唱腔一定要拖长一点再收住")


def test_one_adverb_keeps_its_verb():
    assert "一直," not in _restored("这时候火候一直要盯着锅里慢慢翻")


def test_sudden_action_still_cuts():
    assert _restored("墨斗一弹线就印上了") == "墨斗一弹,线就印上了"


# (3) the body character jieba left alone
def test_lone_body_character_goes_with_its_part():
    r = _restored("鼓槌握在掌心里手腕子一抖就敲下去")
    assert "手,腕子" not in r and ",手腕子" in r


# (4) a route said again (往/朝/向 + where + verb, then the same coverb) opens the second clause of the pair
def test_route_again_opens_clause():
    assert "往上提,往下压" in _restored("拉坯的时候两只手往上提往下压")


def test_route_again_after_lone_coverb():
    assert "往里翻,往外翻" in _restored("跳这一段的时候手腕子往里翻往外翻")


def test_route_again_with_different_coverbs_is_no_pair():
    assert "往前走往" not in _restored("先往锅里倒一瓢水朝灶口添柴火")  # no 往…往: nothing from this rule


# (5) a classifier right after a verb counts that verb's object, no new subject after it
def test_classifier_after_verb_keeps_object():
    r = _restored("走两步停一下左手攥块绸子搭在肩上右手往外推")
    assert "攥块,绸子" not in r and "左手攥块绸子搭在肩上" in r


# (6) a character said twice that is one word (a plural, 'every one') starts no clause at its second saying
def test_doubled_plural_is_one_word():
    assert "娃,娃们" not in _restored("晚上大人在炕头上一段接一段地讲娃娃们听得直乐")


def test_doubled_every_one_is_one_word():
    assert "枪,枪" not in _restored("他端起那杆猎枪瞄准靶子枪枪不落空打中了十个")


def test_chained_noun_still_starts_clause():
    assert "敲锣,锣挂在" in _restored("拿锣槌子敲锣锣挂在木架子上再敲鼓")


# (7) a time pointed at (那天, 当晚…) after a predicate and its object opens the next clause, with its event
def test_that_day_opens_clause_with_its_event():
    assert "彩带,出嫁那天" in _restored("姑娘先在辫子上系一根彩带出嫁那天把盖头蒙在头上")


def test_that_day_after_object_opens_clause():
    assert "灯笼,当晚" in _restored("男人们先去祠堂里挂灯笼当晚点起火把绕村走一圈")


def test_that_day_after_until_stays():
    assert "到,那天" not in _restored("先把米泡上三天一直等到那天再上锅蒸")
