"""English notifications quote a review's title with English quotation marks “ ”, never the Chinese corner
quotes 「」 and never straight ASCII quotes (walk15): the messages mixed 「」, "…" and “…” in one list. Every
message id that ``notify`` is given anywhere in the project is read here from the source, so a new one is
checked too; Chinese keeps its 「」."""
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from review.models import Notification
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
APPS = ("archive", "gallery", "generation", "heritage", "records", "review")
MESSAGE = re.compile(r'message=gettext_noop\(\s*"([^"]+)"\s*\)')
VALUES = {"t": "苏绣·正抢针 · 起针", "c": "针脚太密", "who": "姚建萍", "id": "42", "files": "original"}


def notification_templates() -> list[str]:
    found = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                found.update(MESSAGE.findall(path.read_text(encoding="utf-8")))
    return sorted(found)


def test_every_notification_template_is_found():
    templates = notification_templates()
    assert len(templates) >= 10 and all("「%(t)s」" in t for t in templates), templates


@pytest.mark.parametrize("template", notification_templates())
def test_an_english_notification_quotes_the_title_in_english_quotation_marks(rv, template):
    note = Notification(user=rv.curator, verb="x", message="", template=template, params=VALUES)
    with translation.override("en"):
        text = re.sub(r"<[^>]+>", "", str(note.shown()))  # the words, without the lang marks
    assert "“" in text and "”" in text, text
    assert not re.search(r"[「」『』\"]|&quot;|&#34;", text), text
    with translation.override("zh-hans"):
        assert "「" in str(note.shown())


def test_the_english_notifications_page_has_no_corner_quotes(rv, client):
    for template in notification_templates():
        Notification.objects.create(user=rv.curator, verb="x", message="x", template=template, params=VALUES)
    client.force_login(rv.curator)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("review:notifications")).content.decode()
    items = [re.sub(r"<[^>]+>", "", i) for i in re.findall(r"<li[^>]*>(.*?)</li>", html, re.S)]
    assert len([i for i in items if "“" in i]) == len(notification_templates()), items
    assert not any(re.search(r"[「」\"]|&quot;", i) for i in items), items
