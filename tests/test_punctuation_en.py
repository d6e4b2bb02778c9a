"""English pages keep English punctuation (punct2). The rule (walk8): a sentence with its punctuation is ONE
translatable message, Chinese punctuation in the Chinese message and ASCII punctuation with its spaces in the
English one; a template never glues punctuation around a translated word ({% translate "步骤" %}:{{ n }} read
「Steps:3」 in English). This test renders every kind of page in English with data in every state and looks, in
the text outside Chinese proper names (``lang="zh-Hans"``), for full-width punctuation and for ASCII
punctuation glued to the next or previous word: 「Crafts:5」, 「姚建萍(Proxy 顾小霞,女儿)」, 「Note:…」."""
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from review import services
from tests.gallery_fixtures import *  # noqa: F401,F403
from tests.populated_fixtures import *  # noqa: F401,F403
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {"p", "div", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "option",
         "section", "summary", "label", "button", "form", "ul", "ol", "table", "figcaption", "nav", "header",
         "footer", "main", "details", "dl", "blockquote", "select", "fieldset", "legend", "caption", "textarea"}
SKIP = {"script", "style", "title", "pre", "code", "textarea", "template"}
FORMAT = re.compile(r"\bh?h?:?mm:ss(\.mmm)?\b")  # a time format (mm:ss, h:mm:ss.mmm) is no glued colon
NAME = "Ж"  # stands for a run of text marked lang="zh-Hans" (a Chinese name, a transcript, a user's words)
FULL_WIDTH = re.compile(r"[\u3000-\u303f\uff00-\uffef]")
GLUED = [
    ("glued (", re.compile(r"[^\s(\[\"'“‘/—–\-]\(")),
    ("glued )", re.compile(r"\)[^\s.,;:!?)\]\"'”’…·/\-]")),
    ("glued :", re.compile(r"[^\W\d_]:[^\s/]")),
    ("glued ,", re.compile(r"[^\W\d_],\S|,[^\W\d_]")),
    ("glued ;", re.compile(r";\S")),
    ("glued .", re.compile(r"[a-z" + NAME + r"]\.[A-Z" + NAME + "]")),
]


class _Text(HTMLParser):
    """The page's visible text as lines (one per block), with each run marked ``lang="zh…"`` as NAME;
    also the labels a screen reader reads (aria-label, title, placeholder, alt) outside such runs."""

    def __init__(self):
        super().__init__()
        self.stack, self.lines, self.attrs, self.line = [], [], [], []

    def _zh(self):
        return bool(self.stack) and (self.stack[-1][1] or "").startswith("zh")

    def _break(self):
        text = "".join(self.line).strip()
        if text:
            self.lines.append(re.sub(rf"{NAME}+", NAME, re.sub(r"\s+", " ", text)))
        self.line = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        lang = a.get("lang", self.stack[-1][1] if self.stack else None)
        if not (lang or "").startswith("zh"):
            for key in ("aria-label", "title", "placeholder", "alt"):
                if a.get(key):
                    self.attrs.append(f"<{tag} {key}> {a[key]}")
        if tag in BLOCK:
            self._break()
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        if tag in BLOCK:
            self._break()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if any(t in SKIP for t, _ in self.stack):
            return
        self.line.append(NAME if self._zh() and data.strip() else data)


def punctuation_problems(html: str) -> list[str]:
    p = _Text()
    p.feed(html)
    p._break()
    found = []
    for line in p.lines + p.attrs:
        line = FORMAT.sub("TIME", line)
        for ch in set(FULL_WIDTH.findall(line)):
            found.append(f"full-width {ch}: {line[:120]}")
        for label, rx in GLUED:
            m = rx.search(line)
            if m:
                found.append(f"{label}: …{line[max(0, m.start() - 40):m.end() + 40]}…")
    return found


def test_the_check_finds_glued_and_full_width_punctuation():
    html = ('<html lang="en"><body><p>Steps:3</p><p>Signed by <span lang="zh-Hans">顾文霞</span>(proxy)</p>'
            '<p>Done。</p><p lang="zh-Hans">说明:姚建萍(女儿)。</p><p>Time point 00:03, see <a>this</a> (here).</p>'
            '<button aria-label="Play(slow)">x</button></body></html>')
    found = punctuation_problems(html)
    assert len(found) == 4, found
    assert any("Steps:3" in f for f in found) and any("Ж(proxy" in f for f in found)
    assert any("full-width 。" in f for f in found) and any("Play(slow)" in f for f in found)


@pytest.fixture
def every_state(populated_archive):
    """Every page below has data: the archived review signed by a proxy, one with a change request, one in
    review with a comment (tests/populated_fixtures.py)."""
    built = populated_archive(signer="proxy", comment=True, changes=True)
    return {**built, "by_proxy": built["signed"]}


def test_every_page_in_english_has_english_punctuation(client, rv, every_state):
    w = every_state
    pages = {
        None: ["/", reverse("gallery:craft", args=[rv.craft.slug]), reverse("gallery:technique", args=["dianla"]),
               reverse("gallery:technique", args=[rv.technique.slug]), reverse("gallery:search") + "?q=针",
               reverse("gallery:search"), reverse("login")],
        rv.curator: [
            reverse("curator:home"), reverse("curator:craft_list"),
            reverse("curator:craft_detail", args=[rv.craft.slug]), reverse("curator:craft_delete", args=[rv.craft.slug]),
            reverse("curator:inheritor_list"), reverse("curator:inheritor_create"),
            reverse("curator:inheritor_detail", args=[rv.inheritor.pk]),
            reverse("curator:inheritor_detail", args=[rv.deceased.pk]),
            reverse("curator:technique_list"), reverse("curator:technique_detail", args=[rv.technique.slug]),
            reverse("curator:technique_edit", args=[rv.technique.slug]),
            reverse("curator:recording_list"), reverse("curator:recording_detail", args=[rv.recording.pk]),
            reverse("curator:transcript_edit", args=[rv.recording.pk]), reverse("curator:footage_list"),
            reverse("curator:footage_detail", args=[w["footage"].pk]), reverse("curator:recording_create"),
            reverse("generation:pool"), reverse("generation:compare") + f"?jobs={w['job'].pk}",
            reverse("generation:compare"), reverse("prompting:normalize") + f"?technique={rv.technique.slug}",
            reverse("generation:job_list"), reverse("generation:job_detail", args=[w["job"].pk]),
            reverse("generation:generate") + f"?technique={rv.technique.slug}",
            reverse("review:inbox"), reverse("review:detail", args=[w["pending"].pk]),
            reverse("review:detail", args=[w["by_proxy"].pk]), reverse("review:detail", args=[w["changes"].pk]),
            reverse("review:record", args=[w["record"].pk]), reverse("review:notifications"),
        ],
        rv.reviewer: [reverse("review:inbox"), reverse("review:detail", args=[w["pending"].pk])],
        rv.inheritor_user: [reverse("review:inbox"), reverse("review:sign", args=[w["pending"].pk]),
                            reverse("review:sign", args=[w["changes"].pk]), reverse("review:notifications")],
        rv.proxy_user: [reverse("review:sign", args=[w["by_proxy"].pk])],
    }
    problems = {}
    for user, urls in pages.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        client.cookies["django_language"] = "en"
        for url in urls:
            resp = client.get(url)
            assert resp.status_code == 200, (url, resp.status_code)
            found = punctuation_problems(resp.content.decode())
            if found:
                problems[f"{getattr(user, 'username', 'public')} {url}"] = found
    assert not problems, "\n".join(f"{u}:\n  " + "\n  ".join(f) for u, f in problems.items())


def test_the_chinese_pages_keep_their_punctuation(client, rv, every_state):
    """The same messages in Chinese: no space is added, the full-width punctuation stays."""
    w = every_state
    client.force_login(rv.curator)
    client.cookies["django_language"] = "zh-hans"
    assert "非遗项目:3" in client.get(reverse("curator:home")).content.decode()
    assert '<span class="cell-label">步骤:</span>1' in client.get(reverse("curator:technique_list")).content.decode()
    assert "工作进程(0)" in client.get(reverse("generation:pool")).content.decode()
    assert "顾文霞(代理人 顾小霞,女儿)" in client.get(reverse("review:detail", args=[w["by_proxy"].pk])).content.decode()
    client.cookies["django_language"] = "en"
    html = client.get(reverse("review:detail", args=[w["by_proxy"].pk])).content.decode()
    assert ('<span lang="zh-Hans">顾文霞</span> (proxy <span lang="zh-Hans">顾小霞</span>, '
            '<span lang="zh-Hans">女儿</span>)') in html
    html = client.get(reverse("curator:craft_delete", args=[rv.craft.slug])).content.decode()
    assert 'Inheritor: <span lang="zh-Hans">姚建萍(苏绣)</span>' in html


def test_review_and_record_api_refusals_speak_english(client, rv, archived_record):
    """Three API answers were plain Chinese strings whatever the language asked for: opening a review
    without a clip number, the export refusal for a non-curator, the review list refused to a visitor."""
    from rest_framework.test import APIClient

    record = archived_record()
    api = APIClient()
    api.cookies["django_language"] = "en"  # (heritage/middleware.py: the cookie or ?lang=, never Accept-Language)
    api.force_authenticate(rv.curator)
    resp = api.post("/api/v1/reviews", {"clip": "x"}, format="json")
    assert resp.status_code == 400 and resp.json() == {"detail": "clip must be the number of a video.",
                                                      "code": "invalid"}
    api.force_authenticate(rv.reviewer)
    resp = api.post(f"/api/v1/archive-records/{record.pk}/export", format="json")
    assert resp.status_code == 403 and resp.json()["detail"] == "Only curators can export records."
    api.force_authenticate(rv.public)
    resp = api.get("/api/v1/reviews")
    assert resp.status_code == 403 and resp.json()["detail"] == "You do not have review rights."


def test_the_narrated_video_page_in_english(client, rv):
    """The 口述影像 page's introduction quoted the video's Chinese label with 「」 in English (found walking);
    the label stays Chinese, marked, in English quotation marks."""
    client.force_login(rv.curator)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("generation:s2v") + f"?recording={rv.recording.pk}").content.decode()
    assert punctuation_problems(html) == []
    assert '“<span lang="zh-Hans">AI生成 · 由传承人口述录音驱动</span>”' in html
