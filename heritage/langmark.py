"""``lang`` marks on Chinese text in English pages, the one rule (WCAG 3.1.2): when the interface is
English, text that stays Chinese (names of crafts and people, places, transcripts, prompts) carries
``lang="zh-Hans"`` so screen readers pronounce it as Chinese and fonts pick Chinese glyphs.

Templates use the ``zh`` filter (archive/templatetags/archive_tags.py) around such text; the choices of
a form's <select> (a recording, a technique) and text fields holding Chinese are marked by
``LangMarkingFormRenderer`` (``FORM_RENDERER``), since an <option> or a field's value holds text only;
``mark_in`` builds a heading such as 「Edit craft: 剪纸」 with the name marked. Text without a Chinese character is left as it is (an English name)."""
from __future__ import annotations

import re

from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html
from django.utils.translation import get_language

LANG = "zh-Hans"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def english() -> bool:
    return (get_language() or "").startswith("en")


def needs_mark(text) -> bool:
    """In an English page, does ``text`` stay Chinese (holds a Han character)?"""
    return english() and text not in (None, "") and bool(_HAN.search(str(text)))


def mark_in(template: str, **values):
    """``template % values`` as safe HTML: the template (a translated sentence such as 「编辑项目:%(obj)s」)
    escaped, each value escaped and marked where it stays Chinese (a heading naming an object)."""
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe

    from django.utils.safestring import SafeData

    return mark_safe(conditional_escape(str(template)) % {
        k: v if isinstance(v, SafeData) else conditional_escape(mark(str(v))) for k, v in values.items()})


def separator() -> str:
    """The list separator of the active language: 「、」 in Chinese, 「, 」 in English (the same message as
    templates' {% translate "、" context "list separator" %})."""
    from django.utils.translation import pgettext

    return pgettext("list separator", "、")


def name_separator() -> str:
    """Between a craft's and a technique's name: 「·」 in Chinese, 「 · 」 in English (the same message as
    templates' {% translate "·" context "name separator" %})."""
    from django.utils.translation import pgettext

    return pgettext("name separator", "·")


def shown_title(obj):
    """The one rule for showing a review's or an archive record's stored title (「苏绣·正抢针法 · 平抢运针」,
    composed once by ``review.services.review_open`` and kept as it was signed) on a page, as safe HTML. In
    Chinese: the stored title as it is. In English: its parts (split at 「·」, spaced or not) joined by the
    English name separator 「 · 」, the leading craft name in its English name when the craft has one (the
    other parts are proper names kept in Chinese, each marked ``lang``). The stored title never changes."""
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe

    title = str(getattr(obj, "title", "") or "")
    if not english() or not title:
        return mark(title)
    parts = [p for p in (part.strip() for part in _NAME_SEPARATORS.split(title)) if p]
    technique = getattr(obj, "technique", None)
    craft = getattr(technique, "craft", None)
    if parts and craft is not None and getattr(craft, "name_en", "") and parts[0] == craft.name:
        parts[0] = craft.name_en
    return mark_safe(conditional_escape(name_separator()).join(conditional_escape(mark(p)) for p in parts))


_NAME_SEPARATORS = re.compile(r"\s*[·・•]\s*")


def mark_list(items):
    """Names as safe HTML joined by the language's separator, each marked where it stays Chinese
    (「<span lang="zh-Hans">姚建萍</span>, <span lang="zh-Hans">顾文霞</span>」 in English)."""
    from django.utils.html import conditional_escape
    from django.utils.safestring import mark_safe

    return mark_safe(conditional_escape(separator()).join(conditional_escape(mark(str(i))) for i in items))


def mark(text):
    """``text`` wrapped in <span lang="zh-Hans"> where it needs the mark, else as it is ("" for None)."""
    if text in (None, ""):
        return ""
    return format_html('<span lang="{}">{}</span>', LANG, text) if needs_mark(text) else text


class LangMarkingFormRenderer(DjangoTemplates):
    """Django's default form renderer; in English pages a <select>'s Chinese choices, and a text field or
    text area holding Chinese, get ``lang``."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget and widget.get("type") not in ("hidden", "file", "password") and isinstance(widget.get("value"), str) \
                and needs_mark(widget["value"]):
            widget["attrs"] = {**widget.get("attrs", {}), "lang": LANG}
        if widget and widget.get("optgroups") and english():
            for _group, options, _index in widget["optgroups"]:
                for option in options:
                    if needs_mark(option.get("label")):
                        option["attrs"] = {**option.get("attrs", {}), "lang": LANG}
        return super().render(template_name, context, request=request)
