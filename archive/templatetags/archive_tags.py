from django import template

from heritage.timecode import format_ms

register = template.Library()


@register.filter
def timecode(ms):
    """Milliseconds -> 00:01:02.345 (empty for None)."""
    if ms in (None, ""):
        return ""
    return format_ms(int(ms))
