"""``{% submission_key %}``: the hidden one-time key of a create form (heritage/once.py). A form shown again after
invalid input keeps the key it was posted with."""
from django import template
from django.utils.html import format_html

from heritage.once import FIELD, new_key, posted_key

register = template.Library()


@register.simple_tag(takes_context=True)
def submission_key(context):
    request = context.get("request")
    key = (posted_key(request) if request is not None else "") or new_key()
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, key)
