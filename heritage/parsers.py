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


class RefuseUnknownFields:
    """A serializer mixin: a body key that is not one of the serializer's fields is a 400 naming it (with the
    fields it may have), instead of being dropped: a script's typo (``"mod": "append"``) must not silently turn
    into the default (a transcript replaced whole). The schema says so (``additionalProperties: false``,
    ``heritage.schema.error_responses``)."""

    def to_internal_value(self, data):
        from collections.abc import Mapping

        from rest_framework.exceptions import ValidationError

        if isinstance(data, Mapping):
            unknown = sorted(str(key) for key in data if key not in self.fields)
            if unknown:
                known = "、".join(sorted(self.fields))
                raise ValidationError({key: [_("未知字段;可用的字段:%(known)s。") % {"known": known}]
                                       for key in unknown}, code="unknown_field")
        return super().to_internal_value(data)
