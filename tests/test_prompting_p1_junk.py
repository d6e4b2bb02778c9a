"""Junk steps (issue 11, p1; ``generation/prompting/nonsteps.py`` and the preposition rule of
``extract._step_kinds``): words read as verbs that show no action are no steps: a verdict (算输/算赢/算数), a
mistake (错), a feeling (疼/想/僵), a function character (每, 全靠), a classifier counted after a verb (拉九扣), a bare
出来 or a fall before the catch, and 按 + a ratio or a measure before the verb it rules. What they said stays on
a neighbouring step. Every sentence is written for this file (none is in the evaluation set), about crafts other
than the items that showed each class."""
from types import SimpleNamespace

from tests.prompting_steps import steps, surfaces as actions
from generation.prompting.nonsteps import non_steps


def test_a_verdict_after_suan_is_no_step():
    assert actions("牛角号吹响了,先把绣球抢到手的才算赢。") == ["吹响", "抢"]
    assert actions("鼓手站在鼓后头,右手抡槌敲鼓心,哪个先停哪个就算输。") == ["站", "抡槌", "敲", "停"]
    assert actions("漆面拿砂纸磨,磨到能照出人影才算数。") == ["磨"]


def test_da_suan_is_no_verdict():
    assert actions("我打算先把竹子泡一夜。") == ["泡"]


def test_a_mistake_is_no_step_but_a_stroke_of_cuo_is():
    assert actions("剪刀沿着墨线剪,错一分整张纸就废了。") == ["剪"]
    assert actions("这个火候错不得,先把铁烧红。") == ["烧"]
    assert actions("两块竹板往两边一错,声音就响了。") == ["错"]


def test_a_feeling_is_no_step():
    assert actions("针扎下去,疼是有点疼,忍一忍。") == ["扎下去", "忍"]
    assert actions("手里的竹板一打,想到哪儿唱到哪儿。") == ["打", "唱"]


def test_a_stiff_body_is_no_step_and_its_duration_stays():
    got = steps("腰鼓背在身上,练上一天腰都僵了。")
    assert [s["surface"] for s in got] == ["背"] and got[0]["params"]["duration_s"] == 86400


def test_relying_on_a_hand_is_no_step():
    assert actions("小锣往胸前一挂,敲一下,全靠手指头捏住锣边。") == ["挂", "敲", "捏住"]


def test_a_classifier_after_a_verb_and_a_number_is_no_step():
    assert actions("打糍粑,木槌砸三下翻一翻,一共砸九扣。") == ["打", "砸", "翻", "砸"]


def test_the_same_number_before_two_verbs_counts_two_steps():
    # 「九蒸九晒」: 晒 after 九 after 蒸 is a step of its own (read on the steps as given)
    norm = "九蒸九晒"
    zheng = SimpleNamespace(surface="蒸", action="蒸", start=1, end=2)
    shai = SimpleNamespace(surface="晒", action="晒", start=3, end=4)
    assert non_steps([zheng, shai], norm) == set()


def test_a_bare_chulai_is_no_step():
    assert actions("陶坯进窑烧一夜,出来再上一道釉。") == ["烧", "上"]
    assert actions("先把线头穿过针眼,出来以后打个结。") == ["穿", "打"]


def test_a_fall_before_the_catch_is_no_step():
    assert actions("瓷碗扔上去,落下来拿竹竿顶住。") == ["扔上去", "顶住"]
    assert actions("碟子抛起来,掉下来拿手接住。") == ["抛起来", "接住"]


def test_an_before_a_ratio_is_the_standard_and_the_ratio_stays():
    got = steps("糖和水按一比二熬好。")
    assert [s["surface"] for s in got] == ["熬"] and got[0]["params"]["ratio"] == [1, 2]


def test_an_with_a_count_is_pressed():
    assert actions("拿手指按两下就松开。") == ["按", "松开"]
