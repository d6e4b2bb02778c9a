from django import template

from archive.models import fmt_ms

register = template.Library()


@register.filter
def timecode(ms):
    """Milliseconds -> 00:01:02.345 (empty for None)."""
    if ms in (None, ""):
        return ""
    return fmt_ms(int(ms))


@register.filter
def as_json(value):
    """A Python value as pretty JSON text for a form field (autoescaped by the template): a dict prefills a
    JSON textarea as JSON, never as Python repr with single quotes."""
    import json

    if value in (None, "", {}, []):
        return ""
    return json.dumps(value, ensure_ascii=False, indent=2)
