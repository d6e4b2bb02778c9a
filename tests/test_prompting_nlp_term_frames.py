"""nlp-terms2 (issue 11): technique names the speaker lists side by side are terms in text a speech recogniser
gave with no punctuation too. Sentences of this file's own, none from an evaluation or probe file."""
import pytest

from generation.prompting import normalize
from tests.prompting_steps import terms as _terms
from generation.prompting.breaks import ASR_LIST_MARK, restore_breaks
from generation.prompting.extract import tokenize_doc
from generation.prompting.names import _method_names
from generation.prompting.spec import get_spec


# 1. Two names of two or three characters said one after the other that end in the same character (the head of
# the compound: 正打/反打, 藏锋/露锋) are two kinds of one thing, as when a writer puts 、 between them: with no
# punctuation at all, each is a term of its own, not one glued name (布龙纸龙) nor a piece of one (嗓假嗓).
@pytest.mark.parametrize("text, names", [
    ("打腰鼓要会正打反打两只手换着来鼓槌别碰着鼓边", ("正打", "反打")),          # 腰鼓
    ("写大字讲究藏锋露锋起笔收笔都得下功夫", ("藏锋", "露锋")),                # 书法
    ("学唱先练真嗓假嗓一口气唱完一整句才算过关", ("真嗓", "假嗓")),            # 戏曲
    ("这龙灯有布龙纸龙两样舞的时候龙头跟着龙珠走", ("布龙", "纸龙")),          # 舞龙
])
def test_names_listed_without_punctuation_are_terms(text, names):
    got = _terms(text)
    for name in names:
        assert name in got, got


# 2. The list mark goes between the two names only (the text keeps its characters, one mark added).
def test_list_mark_is_put_back_between_the_names():
    text = "这龙灯有布龙纸龙两样舞的时候龙头跟着龙珠走"
    said, added = restore_breaks(get_spec(), text)
    assert ASR_LIST_MARK in said
    k = said.index(ASR_LIST_MARK)
    assert said[k - 2:k] == "布龙" and said[k + 1:k + 3] == "纸龙"
    assert k in added and said.replace(ASR_LIST_MARK, "").replace(",", "") == text


# 3. What only looks like such a pair is no list: a verb said again after a noun (锉子锉 刃口锉), a word said
# twice (一层一层), a punctuated text (the writer's own marks decide).
@pytest.mark.parametrize("text", [
    "先拿锉子锉刃口锉平了再把刀放进水里淬火",
    "刷漆要一层一层往上刷刷完一层晾干了再刷下一层",
    "打腰鼓,要会正打反打,两只手换着来。",
    "我拉马头琴头几年光练指法没上过台",   # (a word of the dictionary across the place: 马头琴)
])
def test_no_list_mark_where_there_is_no_list(text):
    said, _ = restore_breaks(get_spec(), text)
    assert ASR_LIST_MARK not in said, said


# 4. The name of a way of working said before 的 and a word for it (手法, 工艺, any X法 of two characters …) is a
# term, whatever jieba cut it into; whose or where the way is (a pronoun, a person, a place, a time, an adverb, a
# word of the dictionary alone that is no verb) is none.
@pytest.mark.parametrize("text, name", [
    ("编竹篮用的是挑二压二的编法,一根压一根", "挑二压二"),          # 竹编
    ("漆盒最后靠的是推光的工艺,手掌蘸油来回推", "推光"),            # 漆器
    ("画衣纹要用到游丝描的手法,笔尖要细", "游丝描"),                # 工笔画
    ("刻影人讲究推皮走刀的刀工,左手推皮右手走刀", "推皮走刀"),      # 皮影
])
def test_name_before_a_word_for_a_way_of_working_is_a_term(text, name):
    got = _terms(text)
    assert name in got, got


@pytest.mark.parametrize("text, not_name", [
    ("这是他的手法,跟别人的不一样", "他"),
    ("锯末是城里人的做法,我们不用", "城里人"),
    ("老辈传统的技法要慢慢学", "传统"),
    ("剪纸最常见的刀法有十几种", "最常见"),
])
def test_whose_or_which_way_is_no_name(text, not_name):
    spec = get_spec()
    doc = tokenize_doc(spec, text)
    named = ["".join(doc.words[a:b]) for a, b in _method_names(spec, doc)]
    assert not any(not_name in w for w in named), named


# 5. 「所谓X就是…」「叫做X是…」: the copula after the name says what it is; the name ends before it.
@pytest.mark.parametrize("text, name", [
    ("老师傅说的所谓断纹就是漆面上的裂纹", "断纹"),                  # 漆器
    ("这种编法叫做人字纹就是斜着一压一挑", "人字纹"),                # 竹编
])
def test_naming_verb_name_ends_at_the_copula(text, name):
    got = _terms(text)
    assert name in got, got


# 6. After 以/用 (the means), a word of two characters ending in a technique's suffix (步/法/针/刀…) is the way it is
# done, a term, however jieba tags it (飞步/d, 跳步/vn); the general words for a way (手法) are none.
@pytest.mark.parametrize("text, name", [
    ("狮子出场时以飞步绕场一周,锣鼓要跟上", "飞步"),     # 舞狮
    ("鼓手以快步绕着鼓走一圈,鼓槌不停", "快步"),         # 鼓舞
    ("祭祀的舞生以缓步入场,目不斜视", "缓步"),           # 祭祀乐舞
])
def test_two_character_name_after_a_lead_of_means(text, name):
    got = _terms(text)
    assert name in got, got


def test_general_word_for_a_way_after_a_lead_is_no_name():
    assert "手法" not in _terms("这位老艺人以手法细腻出名,一刀一刀刻")


# 7. A craft the spec describes in full (its own words) still names what the speaker sets apart by form: names
# listed with their kind (X纹、Y纹) and quoted names are terms there too.
@pytest.mark.parametrize("craft, text, name", [
    ("jianzhi", "剪窗花要会锯齿纹、月牙纹、柳叶纹,一刀一刀剪", "柳叶纹"),
    ("suxiu", "绣猫的毛,用的是'毛丝针',丝线要劈细", "毛丝针"),
    ("zisha", "做壶身要先打'身筒',泥片要拍匀", "身筒"),
])
def test_names_set_apart_by_form_in_a_described_craft(craft, text, name):
    got = [t["text"] for t in normalize(text, craft=craft).to_dict()["terms"]]
    assert name in got, got


@pytest.mark.parametrize("text", ["", "的", "手法", "的手法"])
def test_method_names_on_texts_too_short_for_one(text):
    spec = get_spec()
    assert list(_method_names(spec, tokenize_doc(spec, text))) == []
    normalize(text)
