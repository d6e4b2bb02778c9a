"""The API's JSON parser: every endpoint takes a JSON object, so any other JSON value (a list, a string, a
number) is refused here with a 400 instead of reaching a view that calls ``request.data.get``."""
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser, MultiPartParser


class ObjectJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        if not isinstance(data, dict):
            raise ParseError(_("请求体必须是 JSON 对象。"), code="not_an_object")
        return data


class FormMultiPartParser(MultiPartParser):
    """multipart/form-data whose every part is a form field or a file: Django's parser skips a part it cannot read
    (no ``Content-Disposition`` name, e.g. a bare ``True`` between the boundaries), so such a body read as an empty
    form and an action whose fields are all optional (``retry``) accepted it. A body that holds more than the
    closing boundary yet gives no field and no file is a 400."""

    def parse(self, stream, media_type=None, parser_context=None):
        result = super().parse(stream, media_type, parser_context)
        if not result.data and not result.files:
            request = (parser_context or {}).get("request")
            meta = getattr(request, "META", {}) if request is not None else {}
            boundary = dict(p.split("=", 1) for p in (x.strip() for x in (media_type or "").split(";")[1:])
                            if "=" in p).get("boundary", "").strip('"')
            try:
                length = int(meta.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > len(f"--{boundary}--\r\n") + 2:  # more than an empty form
                raise ParseError(_("multipart/form-data 请求体中有无法读取的部分(每个部分须是带名称的字段或文件)。"),
                                 code="malformed_multipart")
        return result


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
