"""Chinese search over the public gallery: jieba tokens in a PostgreSQL tsvector (GIN index), an
icontains fallback on SQLite; filters; only public techniques are found."""
import pytest
from django.db import connection
from django.urls import reverse

from gallery.search import search_index_rebuild
from gallery.tokens import index_terms, tsquery
from tests.gallery_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed_world(gallery_world):
    search_index_rebuild()
    return gallery_world


def _results(client, **params):
    response = client.get(reverse("gallery:search"), params)
    assert response.status_code == 200
    return response.content.decode().split('class="results"')[1].split("</ol>")[0]


def test_tokens_are_jieba_words_plus_bigrams():
    terms = index_terms("苏绣·正抢针法")
    assert "苏绣" in terms and "针法" in terms and "·" not in "".join(terms)
    assert tsquery("苏绣的针法") == "'苏绣' & '针法'"
    assert tsquery("!!!") is None
    assert tsquery("苏绣的针法", any_word=True) == "'苏绣' | '针法'"
    assert "'" not in tsquery("a'b 针法").replace("'针法'", "").replace("'", "", 0)  # quotes stripped from words


def test_search_in_chinese_finds_steps_and_techniques(client, indexed_world):
    html = _results(client, q="正抢针")
    assert "正抢针法" in html and 'href="/techniques/zhengqiang/' in html
    html = _results(client, q="怎么劈丝")
    assert "#step-2" in html and "<mark>劈丝</mark>" in html
    html = _results(client, q="蜡染 蜂蜡")
    assert "点蜡" in html and "苏绣" not in html


def test_search_never_shows_unpublished_techniques(client, indexed_world):
    html = _results(client, q="乱针绣")
    assert "/techniques/luanzhen/" not in html


def test_search_filters_by_category_region_and_technique(client, indexed_world):
    html = _results(client, q="布", category="craftsmanship")
    assert "点蜡" in html and "正抢针法" not in html
    html = _results(client, q="布", region="江苏省苏州市")
    assert "正抢针法" in html and "点蜡" not in html
    html = _results(client, technique="dianla")
    assert "浸染" in html and "正抢针" not in html


def test_search_paginates(client, gallery_factory):
    craft = gallery_factory.craft("湘绣", "xiangxiu", region="湖南省长沙市")
    technique = gallery_factory.technique(craft, "鬅毛针", "pengmao", [(f"走针{i}", f"第{i}次走针,针脚斜向。") for i in range(1, 26)])
    gallery_factory.record(technique, technique.steps.first())
    search_index_rebuild()
    first = client.get(reverse("gallery:search"), {"q": "走针"}).content.decode()
    assert "找到 25 条结果" in first and first.count('class="result ') == 20
    second = client.get(reverse("gallery:search"), {"q": "走针", "page": 2}).content.decode()
    assert 'rel="prev"' in second and "q=%E8%B5%B0%E9%92%88" in second


def test_saving_a_step_refreshes_the_index(client, gallery_world, django_capture_on_commit_callbacks):
    search_index_rebuild()
    step = gallery_world["zhengqiang"].steps.get(order=4)
    assert "#step-4" not in _results(client, q="缂丝")
    with django_capture_on_commit_callbacks(execute=True):
        step.description = "用缂丝的方法在背面藏好线头。"
        step.save()
    assert "#step-4" in _results(client, q="缂丝")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_postgres_index_is_a_gin_tsvector(indexed_world):
    from gallery.models import SearchDocument

    with connection.cursor() as cur:
        cur.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'archive_searchdoc_vector_gin'")
        assert "gin" in cur.fetchone()[0].lower()
    doc = SearchDocument.objects.get(key=f"step:{indexed_world['zhengqiang'].steps.get(order=2).pk}")
    with connection.cursor() as cur:
        cur.execute("SELECT vector::text FROM archive_searchdocument WHERE id = %s", [doc.pk])
        vector = cur.fetchone()[0]
    assert "'劈丝'" in vector and "'丝线'" in vector


def test_highlight_escapes_and_marks():
    from gallery.search import highlight

    assert str(highlight("先<b>劈丝</b>再穿针", "劈丝")) == "先&lt;b&gt;<mark>劈丝</mark>&lt;/b&gt;再穿针"
    assert str(highlight("a" * 300, "")).endswith("…")


def test_words_found_in_different_pages_still_answer(client, indexed_world):
    """湘绣 针法: no one page holds both words (the craft says 苗族蜡染, its techniques never say 针法), so
    requiring every word in one document answered nothing; now the pages with any of the words are
    answered. A query whose words share a page still answers only those (蜡染 蜂蜡 above)."""
    html = _results(client, q="苗族蜡染 针法")
    assert "苗族蜡染" in html and "正抢针法" in html
    assert "乱针绣" not in html  # still only public techniques
    html = _results(client, q="蜡染 蜂蜡")
    assert "点蜡" in html and "正抢针法" not in html


def test_english_placeholder_suggests_an_english_query(client, indexed_world):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get(reverse("gallery:search")).content.decode()
    assert 'placeholder="e.g. embroidery stitch, batik, cloisonné"' in body and "苏绣 针法" not in body


NARRATED = "乱针绣先用铅笔起稿,再以长短交叉的针脚铺色。"


def _narration_link(record):
    return f'href="/techniques/{record.technique.slug}/#narration-{record.pk}"'


def test_a_public_narrated_video_is_found_by_its_technique_and_transcript(client, gallery_world, gallery_factory):
    """乱针绣 has no public demonstration (a draft and a withdrawn take); its only public thing is a
    narrated video (口述影像). Its technique page shows it (it used to be a 404, and search linked the craft
    page): search finds the video by the technique's name and by words of its transcript, and links it (and
    the technique) on the technique page, which answers."""
    narrated = gallery_factory.record(gallery_world["luanzhen"], kind="s2v", source_text=NARRATED)
    search_index_rebuild()
    html = _results(client, q="乱针绣")
    assert _narration_link(narrated) in html and "口述影像" in html
    assert 'href="/techniques/luanzhen/"' in html  # the technique's own row: its page is public now
    page = client.get("/techniques/luanzhen/")
    assert page.status_code == 200 and f'id="narration-{narrated.pk}"' in page.content.decode()
    html = _results(client, q="交叉 针脚")
    assert _narration_link(narrated) in html and "<mark>交叉</mark>" in html
    html = _results(client, technique="luanzhen")
    assert _narration_link(narrated) in html


def test_narrated_videos_are_public_at_query_time(client, gallery_world, gallery_factory):
    """Never public: a withdrawn narrated video, even of a technique with public demonstrations (正抢针法);
    and one withdrawn after indexing is gone at the next query, with no re-indexing."""
    from django.utils import timezone

    from records.models import ArchiveEvent

    withdrawn = gallery_factory.record(gallery_world["zhengqiang"], kind="s2v", withdrawn=True, source_text=NARRATED)
    public = gallery_factory.record(gallery_world["luanzhen"], kind="s2v", source_text=NARRATED)
    search_index_rebuild()
    html = _results(client, q="交叉")
    assert _narration_link(public) in html and _narration_link(withdrawn) not in html
    assert _narration_link(withdrawn) not in _results(client, q="正抢针法")
    # what a withdrawal writes (review.services → records.archiving.record_withdrawal); nothing re-indexes
    public.signoff.withdrawn_at = timezone.now()
    public.signoff.save(update_fields=["withdrawn_at"])
    ArchiveEvent.objects.create(record=public, event_type=ArchiveEvent.Type.WITHDRAWAL, agents=[])
    assert _narration_link(public) not in _results(client, q="交叉")


def test_archiving_a_narrated_video_indexes_it(client, gallery_world, gallery_factory,
                                               django_capture_on_commit_callbacks):
    search_index_rebuild()
    assert "narration" not in _results(client, q="交叉")
    with django_capture_on_commit_callbacks(execute=True):
        narrated = gallery_factory.record(gallery_world["luanzhen"], kind="s2v", source_text=NARRATED)
    assert _narration_link(narrated) in _results(client, q="交叉")


def test_browsing_lists_a_craft_whose_only_public_thing_is_a_narrated_video(client, gallery_world, gallery_factory):
    craft = gallery_factory.craft("湘绣", "xiangxiu", region="湖南省长沙市")
    technique = gallery_factory.technique(craft, "鬅毛针", "pengmao", [("走针", "针脚斜向。")])
    search_index_rebuild()
    assert "/crafts/xiangxiu/" not in _results(client)
    narrated = gallery_factory.record(technique, kind="s2v", source_text="鬅毛针用来绣狮虎的毛。")
    search_index_rebuild()
    html = _results(client)
    assert 'href="/crafts/xiangxiu/"' in html and _narration_link(narrated) not in html  # browsing: no videos
    assert 'href="/techniques/pengmao/"' in html  # its technique has a page (the narration), listed as any other


def test_english_search_marks_the_chinese_it_keeps(client, indexed_world):
    """Found walking the English gallery (walk6): the search form's region choices and the results'
    snippets stayed Chinese without lang="zh-Hans", and a technique choice mixed the craft's English name
    with the technique's Chinese one in one <option>; now grouped by craft (<optgroup>), the name marked."""
    client.cookies["django_language"] = "en"
    response = client.get(reverse("gallery:search"), {"q": "正抢"})
    html = response.content.decode()
    assert '<option value="江苏省苏州市" lang="zh-Hans"' in html
    assert '<optgroup label="苏绣">' in html and '<option value="zhengqiang" lang="zh-Hans"' in html
    assert 'class="snippet" lang="zh-Hans"' in html


def test_english_craft_page_words_the_narration_label_in_english(client, gallery_world, gallery_factory):
    """The 口述影像 card's label began with a literal 「AI生成 · 」 even in English (walk6)."""
    gallery_factory.record(gallery_world["luanzhen"], kind="s2v", source_text=NARRATED)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("gallery:technique", args=["luanzhen"])).content.decode()  # where it plays (walk14)
    label = html.split('<p class="attribution">')[1].split("</p>")[0]
    assert "AI生成" not in label and "<strong>AI-generated</strong>" in label


def test_a_narrated_videos_title_in_english_results_is_shown_by_the_one_rule(client, gallery_world, gallery_factory):
    """walk11/api6: search results showed a narrated video's stored title as it is (「苏绣·乱针绣」 on an English
    page); it is heritage.langmark.shown_title, as on the craft page and the record: the craft in its English
    name, each part kept in Chinese marked ``lang``, the English name separator."""
    technique = gallery_world["luanzhen"]
    craft = technique.craft
    craft.name_en = "Suzhou embroidery"
    craft.save(update_fields=["name_en"])
    technique.name = f"{craft.name}·乱针绣"  # the record's stored title is 「苏绣·乱针绣 #n」
    technique.save(update_fields=["name"])
    record = gallery_factory.record(technique, kind="s2v", source_text=NARRATED)
    search_index_rebuild()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = _results(client, q="交叉 针脚")
    assert f'#narration-{record.pk}">Suzhou embroidery · <span lang="zh-Hans">{record.title.split("·")[1]}</span></a>' \
        in html, html
