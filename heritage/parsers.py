"""The API's JSON parser: every endpoint takes a JSON object, so any other JSON value (a list, a string, a
number) is refused here with a 400 instead of reaching a view that calls ``request.data.get``."""
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class ObjectJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        if not isinstance(data, dict):
            raise ParseError(_("请求体必须是 JSON 对象。"), code="not_an_object")
        return data
