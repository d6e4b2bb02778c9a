from django import template

from heritage.timecode import format_ms

register = template.Library()


@register.filter
def timecode(ms):
    """Milliseconds -> 00:01:02.345 (empty for None)."""
    if ms in (None, ""):
        return ""
    return format_ms(int(ms))


@register.filter
def mmss(ms):
    """Milliseconds -> 01:02, as a person reads and types a time point (empty for None)."""
    from heritage.timecode import format_mmss

    return "" if ms in (None, "") else format_mmss(int(ms))


@register.filter
def mmss_seconds(seconds):
    """Seconds (a player's time) -> 01:02, as ``mmss`` shows milliseconds (empty for None)."""
    return "" if seconds in (None, "") else mmss(round(float(seconds) * 1000))


@register.filter
def as_json(value):
    """A Python value as pretty JSON text for a form field (autoescaped by the template): a dict prefills a
    JSON textarea as JSON, never as Python repr with single quotes."""
    import json

    if value in (None, "", {}, []):
        return ""
    return json.dumps(value, ensure_ascii=False, indent=2)


def _english() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "").startswith("en")


@register.filter
def zh(text):
    """Chinese text (a person's or place's name, a technique name, a transcript) on a page: in English mode
    it is marked ``lang="zh-Hans"`` so screen readers and fonts treat it as Chinese (WCAG 3.1.2); text
    without a Chinese character is left as it is. The rule: heritage/langmark.py."""
    from heritage.langmark import mark

    return mark(text)


@register.filter
def shown_title(obj):
    """A review's or an archive record's stored title as a page shows it: heritage.langmark.shown_title."""
    from heritage.langmark import shown_title as rule

    return rule(obj)


@register.filter
def person(user):
    """The name an account is shown by (the header's 退出): archive.roles.person_name."""
    from archive.roles import person_name

    return person_name(user)


@register.filter
def zh_lang(text):
    """` lang="zh-Hans"` for an element (an <option>) whose text stays Chinese in an English page, else ""."""
    from django.utils.safestring import mark_safe

    from heritage.langmark import LANG, needs_mark

    return mark_safe(f' lang="{LANG}"') if needs_mark(text) else ""


@register.simple_tag
def local_name(obj, with_other: bool = False, plain: bool = False):
    """An object's name in the visitor's language: ``name_en`` in English mode when it is stored, else the
    Chinese ``name`` (marked ``lang`` in English mode). ``with_other`` adds the other language's name
    after it in a <small>; ``plain`` gives text without markup (for <title>)."""
    from django.utils.html import format_html

    name, name_en = obj.name, getattr(obj, "name_en", "") or ""
    english = _english()
    if plain:
        return name_en if english and name_en else name
    if english and name_en:
        main = name_en
        other = format_html(' <small lang="zh-Hans">{}</small>', name) if with_other else ""
        return format_html("{}{}", main, other)
    main = zh(name)
    other = format_html(' <small lang="en">{}</small>', name_en) if with_other and name_en else ""
    return format_html("{}{}", main, other)



TITLE_SEPARATOR = " · "


@register.simple_tag
def page_title(label, *shown):
    """The one rule for a page's <title> (templates/base.html adds the site name): the page's own label in the
    active language first, then what the page shows by its name: an object with an English name (a craft's
    ``name_en``) by the visitor's language as ``local_name`` gives it, any other proper name (a person, a
    technique, a recording, a review's title) kept as it is stored, in Chinese; parts joined by `` · ``. So
    an English title never puts an untranslated label beside a name, and a Chinese one reads the same way."""
    parts = [str(label).strip()] if str(label or "").strip() else []
    for obj in shown:
        if obj in (None, ""):
            continue
        text = local_name(obj, plain=True) if hasattr(obj, "name_en") else str(obj)
        text = text.strip()
        if text:
            parts.append(text)
    return TITLE_SEPARATOR.join(parts)


@register.filter
def in_section(path: str, section: str) -> bool:
    """Is the page at ``path`` the section ``section`` or one of its pages (a sub-navigation's current link,
    ``aria-current``)? A section whose address is its parent's home (``/curator/``) is current only there."""
    if not section or not path:
        return False
    return path == section or (path.startswith(section) and section.count("/") > 2)
