"""Verbs jieba lists as things (issue 11, nlp-recall; ``extract._predicate_noun``, ``resegment.verb_object_word``):
a word jieba tags as a noun, a name or a set phrase that stands where the clause's predicate stands is its verb —
a verb + object word (降温/n, 分食/n) after an adverb or after the clause's subject alone, and one character
jieba tags as a thing (卡/n, 夹/n) before 在/到/进 and a place with no other verb in its clause. Every sentence is
written for this file (none is in the evaluation set or a probe), two crafts for each reading; the guards (a
tool or material word, a noun phrase, a word before 的, a verb with its complement) keep their nouns."""
from tests.prompting_steps import surfaces
from generation.prompting.resegment import verb_object_word
from generation.prompting.spec import get_spec


def test_a_verb_object_word_after_an_adverb_is_the_step():
    # ceramics and iron casting: 慢慢 + 降温/n closing the clause
    assert surfaces("瓷坯出了窑，搁在架子上慢慢降温。") == ["搁", "降温"]
    assert surfaces("铁锅离了火，盖上盖子慢慢降温。") == ["离", "盖", "降温"]


def test_a_verb_object_word_after_its_subject_alone_is_the_step():
    # festival food: the people who eat, then 分食/n closing the clause or before what is shared
    assert surfaces("糯米饭蒸熟以后，全村人分食。") == ["蒸熟", "分食"]
    assert surfaces("龙船到了岸边，村民分食供品。") == ["分食"]


def test_one_character_before_where_it_is_put_is_the_verb():
    # bamboo weaving and woodblock printing: 先 + 卡/n + 在 + a place, no other verb in the clause
    assert surfaces("竹片先卡在木槽里，再拿绳子捆紧。") == ["卡", "捆紧"]
    assert surfaces("刻好的版子先卡在台子上，拿刷子刷墨。") == ["卡", "刷墨"]


def test_after_shi_a_character_the_dictionary_has_as_a_verb_is_the_step():
    # embroidery: 是 + 夹/n (夹住/v) + 在 + where; shadow puppets keep their 插
    assert surfaces("绣绷是夹在腿上的，两只手在上面绣。") == ["夹", "绣"]
    assert surfaces("皮影的杆子是插在身子里的。") == ["插"]


def test_the_guards_keep_the_nouns():
    # before 的 it names the time; in a noun phrase or as the subject it is a thing; a tool word stays a tool
    assert surfaces("降温的时候不能开窗。") == []
    assert "降温" not in surfaces("这个降温很要紧。")
    assert surfaces("师傅手里拿着一把刻刀。") == ["拿着"]
    pos = get_spec().pos_tags()
    assert verb_object_word(pos, "降温") and verb_object_word(pos, "分食")
    # a tool or material (剪刀, 锯条), a noun suffix (刷子) and a verb with its direction (翻出来) are no verb + object
    assert not any(verb_object_word(pos, w) for w in ("剪刀", "锯条", "刷子", "翻出来", "滚起来"))
