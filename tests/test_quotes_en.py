"""Every English message quotes with English quotation marks “ ”, never straight ASCII quotes "…" (walk16: 37
messages — saved/deleted notices, form errors, the transcript and parameter help — used "…" while the rest,
notifications included, used “ ”). Read from the compiled English catalogue the site serves, so a new message
is checked too; quotes of HTML attributes inside a message are markup, not text, and are left out."""
import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "locale"
TAG = re.compile(r"<[a-z][^<>]*>|</[a-z]+>")


def english_messages() -> dict[str, str]:
    catalogue = gettext.translation("django", localedir=LOCALE, languages=["en"])._catalog
    return {str(k): v for k, v in catalogue.items() if k and isinstance(v, str)}


def test_the_check_sees_markup_apart_from_text():
    assert '"' not in TAG.sub("", 'Edit <a href="/x/">%(title)s</a>')
    assert '"' in TAG.sub("", 'Saved "%(obj)s".')


def test_no_english_message_uses_straight_double_quotes():
    messages = english_messages()
    assert len(messages) > 500
    straight = sorted(text for text in messages.values() if '"' in TAG.sub("", text))
    assert straight == []


def test_the_quoted_messages_are_balanced():
    unbalanced = sorted(text for text in english_messages().values() if text.count("“") != text.count("”"))
    assert unbalanced == []
