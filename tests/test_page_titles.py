"""<title> follows one rule in both languages (walk8): the page's own label in the active language, then the
name of what the page shows (a craft by its English name in an English page when it has one, other proper names
kept in Chinese), joined by " · " (``page_title`` in archive/templatetags/archive_tags.py). Before, English
titles were a bare Chinese name (curator pages), or ran an English craft name into a Chinese technique with a
Chinese middle dot (「Suzhou embroidery·正抢针」), or put the Chinese craft name inside an English title."""
import re

import pytest
from django.urls import reverse

from review import services
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


def _title(client, url):
    html = client.get(url).content.decode()
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_titles_name_the_page_then_the_object_in_the_visitors_language(client, rv, make_clip):
    rv.craft.name_en = "Suzhou embroidery"
    rv.craft.save()
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.curator)
    craft_url = reverse("curator:craft_detail", args=[rv.craft.slug])
    technique_url = reverse("curator:technique_detail", args=[rv.technique.slug])
    assert _title(client, craft_url) == "非遗项目 · 苏绣 · heritage"
    assert _title(client, technique_url) == "技法 · 苏绣 · 正抢针 · heritage"
    client.cookies["django_language"] = "en"
    assert _title(client, craft_url) == "Craft · Suzhou embroidery · heritage"
    assert _title(client, technique_url) == "Technique · Suzhou embroidery · 正抢针 · heritage"
    assert _title(client, reverse("review:detail", args=[review.pk])) == \
        "Review · Suzhou embroidery · 正抢针 · 起针 · heritage"
    client.force_login(rv.inheritor_user)
    assert _title(client, reverse("review:sign", args=[review.pk])) == \
        "Sign-off · Suzhou embroidery · 正抢针 · 起针 · heritage"


def test_log_out_reads_as_english_in_english(client, rv):
    """Log out names the person (walk9: it showed the login name): an inheritor account by the inheritor's
    name (Chinese, marked in an English page), another by its full name, else the login name."""
    client.force_login(rv.inheritor_user)
    assert "退出(姚建萍)" in client.get("/").content.decode()
    client.cookies["django_language"] = "en"
    html = client.get("/").content.decode()
    assert 'Log out (<span lang="zh-Hans">姚建萍</span>)' in html and "Log out(" not in html and "(yao)" not in html
    rv.curator.first_name, rv.curator.last_name = "Wen", "Li"
    rv.curator.save()
    client.force_login(rv.curator)
    assert "Log out (Wen Li)" in client.get("/").content.decode()
    client.force_login(rv.reviewer)
    assert "Log out (reviewer1)" in client.get("/").content.decode()


def test_the_signing_screen_in_english_has_english_punctuation(client, rv, make_clip):
    """The phone signing screen glued Chinese-style punctuation onto translated words in English
    (「Signed by:顾文霞(signed by proxy 顾小霞 on their behalf)」, 「Your request for changes(Time point 00:00):」,
    「Current state:…。」): each sentence is now one message with its own punctuation."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    url = reverse("review:sign", args=[review.pk])
    client.force_login(rv.proxy_user)
    client.cookies["django_language"] = "en"
    html = client.get(url).content.decode()
    assert 'Signed by: <strong><span lang="zh-Hans">顾文霞</span></strong> (signed on their behalf by the proxy ' \
           '<span lang="zh-Hans">顾小霞</span>)' in html
    client.cookies["django_language"] = "zh-hans"
    assert "签署人:<strong>顾文霞</strong>(由代理人 顾小霞 代为签署)" in client.get(url).content.decode()
    client.cookies["django_language"] = "en"
    client.post(url, {"decision": "changes", "comment": "颜色偏暗", "at": "00:00"})
    html = client.get(url).content.decode()
    assert "Your request for changes (at 00:00):" in html
    client.force_login(rv.reviewer)
    review.refresh_from_db()
    services.review_reject(review=review, actor=rv.curator, text="不符合规范")
    client.force_login(rv.proxy_user)
    html = client.get(url).content.decode()
    assert "Current state: Rejected. Nothing for you to do right now." in html and "。" not in html.split("<main", 1)[1].split("</main>")[0]


def test_the_curator_menu_offers_the_normalize_screen_only_to_who_may_use_it(client, rv):
    """walk8: a reviewer (who reads the archive screens) had 口述规范化 in the curator menu and got a 403 page."""
    client.force_login(rv.reviewer)
    html = client.get(reverse("curator:home")).content.decode()
    assert reverse("prompting:normalize") not in html and reverse("curator:craft_list") in html
    assert client.get(reverse("prompting:normalize")).status_code == 403
    client.force_login(rv.curator)
    assert reverse("prompting:normalize") in client.get(reverse("curator:home")).content.decode()


def test_curator_and_review_pages_in_english_keep_english_punctuation(client, rv, make_clip):
    """walk8, crawling the English pages: 「Status:Archived」, 「Research and AI reconstruction(Consent date …)」,
    「Likeness consent:May be shown publicly(…)」 and the delete page's 「Inheritor:姚建萍」 glued a Chinese-style
    colon or parenthesis onto English words; each is one message now, with its own punctuation per language."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    client.force_login(rv.curator)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    assert 'Status: <span class="state state-draft" data-state="draft">Draft</span>' in html
    html = client.get(reverse("curator:recording_detail", args=[rv.recording.pk])).content.decode()
    assert "(consent date 2023-05-01)" in html and "(Consent date" not in html
    html = client.get(reverse("curator:craft_delete", args=[rv.craft.slug])).content.decode()
    assert "Inheritor: " in html and "Inheritor:" + "姚" not in html
    client.cookies["django_language"] = "zh-hans"
    html = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    assert '状态:<span class="state state-draft" data-state="draft">草稿</span>' in html
    html = client.get(reverse("curator:recording_detail", args=[rv.recording.pk])).content.decode()
    assert "(授权日期 2023-05-01)" in html
    assert "传承人:" in client.get(reverse("curator:craft_delete", args=[rv.craft.slug])).content.decode()


def test_a_recording_without_its_file_says_so_in_english_sentences(client, rv):
    """walk8: 「This system holds no file for this recording:馆藏 A-17。Clicking a segment cannot play it.」"""
    rv.recording.media_reference = "馆藏 A-17"
    rv.recording.save()
    client.force_login(rv.curator)
    url = reverse("curator:recording_detail", args=[rv.recording.pk])
    client.cookies["django_language"] = "en"
    html = client.get(url).content.decode()
    assert ('This system holds no file for this recording: <span lang="zh-Hans">馆藏 A-17</span>. '
            'Clicking a segment cannot play it.') in html
    client.cookies["django_language"] = "zh-hans"
    assert "本系统中没有这条录音的文件:馆藏 A-17。点击片段不能播放。" in client.get(url).content.decode()


def test_a_generation_jobs_title_names_what_it_generates(client, rv, make_clip):
    """Every job page was titled 「生成任务」 alone: two jobs open side by side could not be told apart."""
    rv.craft.name_en = "Suzhou embroidery"
    rv.craft.save()
    job = make_clip().job
    client.force_login(rv.curator)
    url = reverse("generation:job_detail", args=[job.pk])
    assert _title(client, url) == "生成任务 · 苏绣 · 正抢针 · 起针 · heritage"
    client.cookies["django_language"] = "en"
    assert _title(client, url).startswith("Generation job · Suzhou embroidery · 正抢针 · 起针 · ")


def test_the_generation_jobs_list_is_plural_in_english(client, rv):
    client.force_login(rv.curator)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("generation:job_list")).content.decode()
    assert "<h1>Generation jobs</h1>" in html and _title(client, reverse("generation:job_list")) == \
        "Generation jobs · heritage"
    assert f'<a href="{reverse("generation:job_list")}">Generation jobs</a>' in html
    assert ">Generation job<" not in html


def test_edit_page_titles_follow_the_rule(client, rv):
    """walk9: the edit pages' <title> was 「Edit craft: 苏绣」 (a colon, the craft's Chinese name in English);
    now the rule: label · names (a craft by its English name in English). The heading keeps its wording."""
    rv.craft.name_en = "Suzhou embroidery"
    rv.craft.save()
    client.force_login(rv.curator)
    pages = {
        reverse("curator:craft_edit", args=[rv.craft.slug]): ("编辑项目 · 苏绣", "Edit craft · Suzhou embroidery"),
        reverse("curator:technique_edit", args=[rv.technique.slug]):
            ("编辑技法 · 苏绣 · 正抢针", "Edit technique · Suzhou embroidery · 正抢针"),
        reverse("curator:inheritor_edit", args=[rv.inheritor.pk]): ("编辑传承人 · 姚建萍", "Edit inheritor · 姚建萍"),
        reverse("curator:recording_edit", args=[rv.recording.pk]): ("编辑录音 · 姚建萍谈正抢针",
                                                                    "Edit recording · 姚建萍谈正抢针"),
    }
    for url, (zh, en) in pages.items():
        client.cookies["django_language"] = "zh-hans"
        assert _title(client, url) == f"{zh} · heritage"
        client.cookies["django_language"] = "en"
        assert _title(client, url) == f"{en} · heritage"
    assert "<h1>Edit craft: " in client.get(reverse("curator:craft_edit", args=[rv.craft.slug])).content.decode()


def test_the_inbox_title_is_its_heading(client, rv):
    """walk9: the inbox's <title> said 审核 while its heading said 审核与签署."""
    client.force_login(rv.curator)
    html = client.get(reverse("review:inbox")).content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()
    assert heading == "审核与签署" and _title(client, reverse("review:inbox")) == "审核与签署 · heritage"
    client.cookies["django_language"] = "en"
    html = client.get(reverse("review:inbox")).content.decode()
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()
    assert _title(client, reverse("review:inbox")) == f"{heading} · heritage"
