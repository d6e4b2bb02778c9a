"""In English, text that stays Chinese on the curator screens (names of crafts, people and places,
transcripts, prompts, choices of a <select>, a field's Chinese value) carries ``lang="zh-Hans"`` and the page
``<html lang="en">`` (WCAG 3.1.2; the rule: heritage/langmark.py). Found walking the curator screens in
English: a screen reader read every Chinese name with English pronunciation rules."""
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from review import services
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db

HAN = re.compile(r"[\u3400-\u9fff]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Unmarked(HTMLParser):
    """Chinese text (element text, or a text field's value, alt, or an option) not inside ``lang="zh…"``.
    <title> cannot hold markup and <pre> JSON mixes English keys with Chinese values: both are left out."""

    def __init__(self):
        super().__init__()
        self.stack, self.found, self.html_lang = [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        lang = a.get("lang", self.stack[-1][1] if self.stack else None)
        for key in ("value", "alt"):
            if (a.get(key) and HAN.search(a[key]) and a.get("type") != "hidden"
                    and not (lang or "").startswith("zh")):
                self.found.append(f"<{tag} {key}={a[key]!r}>")
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not HAN.search(data) or any(t in ("title", "pre", "script", "style") for t, _ in self.stack):
            return
        if not ((self.stack[-1][1] if self.stack else None) or "").startswith("zh"):
            self.found.append(f"{'/'.join(t for t, _ in self.stack[-3:])}: {data.strip()[:60]}")


def _unmarked(html: str):
    p = _Unmarked()
    p.feed(html)
    return p.html_lang, p.found


def test_curator_screens_in_english_mark_the_chinese_they_keep(client, rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    job = review.clip.job
    client.force_login(rv.curator)
    client.cookies["django_language"] = "en"
    urls = [
        reverse("curator:craft_list"), reverse("curator:craft_detail", args=[rv.craft.slug]),
        reverse("curator:craft_edit", args=[rv.craft.slug]),
        reverse("curator:inheritor_list"), reverse("curator:inheritor_detail", args=[rv.deceased.pk]),
        reverse("curator:inheritor_edit", args=[rv.deceased.pk]),
        reverse("curator:technique_list"), reverse("curator:technique_detail", args=[rv.technique.slug]),
        reverse("curator:technique_edit", args=[rv.technique.slug]),
        reverse("curator:recording_list") + "?q=正抢", reverse("curator:recording_detail", args=[rv.recording.pk]),
        reverse("curator:recording_create"),
        reverse("generation:job_list"), reverse("generation:job_detail", args=[job.pk]),
        reverse("generation:generate"), reverse("prompting:normalize"),
        reverse("review:inbox"), reverse("review:detail", args=[review.pk]),
    ]
    problems = {}
    for url in urls:
        resp = client.get(url)
        assert resp.status_code == 200, url
        lang, found = _unmarked(resp.content.decode())
        assert lang == "en", url
        if found:
            problems[url] = found[:5]
    assert problems == {}


def test_zh_marks_only_text_that_stays_chinese(rf):
    from django.utils import translation

    from heritage.langmark import mark, mark_in

    with translation.override("en"):
        assert mark("苏绣") == '<span lang="zh-Hans">苏绣</span>'
        assert mark("Su embroidery") == "Su embroidery" and mark(None) == ""
        assert mark_in("Edit craft: %(obj)s", obj="<苏绣>") == 'Edit craft: <span lang="zh-Hans">&lt;苏绣&gt;</span>'
    with translation.override("zh-hans"):
        assert mark("苏绣") == "苏绣"  # a Chinese page needs no mark
