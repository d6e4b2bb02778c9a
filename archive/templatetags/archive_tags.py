from django import template

from archive.models import fmt_ms

register = template.Library()


@register.filter
def timecode(ms):
    """Milliseconds -> 00:01:02.345 (empty for None)."""
    if ms in (None, ""):
        return ""
    return fmt_ms(int(ms))
