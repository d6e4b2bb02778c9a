"""The page messages (base.html) as assistive technology meets them."""
import re

import pytest

pytestmark = pytest.mark.django_db


def test_page_messages_keep_their_list_semantics(client, gallery_factory):
    """walk12 (axe listitem on the signing screen after an action): the messages are list items of a list that is
    a polite live region, not a list whose role="status" takes the list away from its items."""
    from django.contrib.messages import constants
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.session = client.session
    request._messages = FallbackStorage(request)
    request._messages.add(constants.SUCCESS, "已签署。感谢您的确认。")
    html = render_to_string("base.html", {}, request=request)
    ul = re.search(r'<ul class="messages"[^>]*>', html).group(0)
    assert 'role="status"' not in ul and 'aria-live="polite"' in ul
    assert '<li class="msg-success">已签署。感谢您的确认。</li>' in html
