"""The API's JSON parser: every endpoint takes a JSON object, so any other JSON value (a list, a string, a
number) is refused here with a 400 instead of reaching a view that calls ``request.data.get``."""
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import JSONParser, MultiPartParser


class ObjectJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
            if not isinstance(data, dict):
                raise ParseError(_("请求体必须是 JSON 对象。"), code="not_an_object")
            _refuse_control_characters(data)
        except RecursionError:
            # ([[[[…]]]] nested past Python's stack: json.loads raises RecursionError, which is no ValueError and
            # was a 500; no body of this API nests more than a few levels)
            raise ParseError(_("请求体的 JSON 嵌套过深。"), code="too_deep") from None
        return data


def _refuse_control_characters(data) -> None:
    """A text in the body holding a control character is a 400 naming its field (heritage.inputs: the curator's
    forms refuse the same characters with the same message)."""
    from .inputs import NoControlCharacters, control_character_errors

    errors = control_character_errors(data)
    if errors:
        raise ValidationError(errors, code=NoControlCharacters.code)


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
        _refuse_control_characters(result.data)
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
                message = (_("未知字段;可用的字段:%(known)s。") % {"known": known} if known
                           else _("未知字段;这个操作不读取请求体中的任何字段。"))
                raise ValidationError({key: [message] for key in unknown}, code="unknown_field")
        return super().to_internal_value(data)


class NoBody(RefuseUnknownFields, serializers.Serializer):
    """The body of an operation that reads none: an empty object, or none at all."""


def refuse_body(request) -> None:
    """For an operation that reads no body (an action: cancel, archive, export, resolve): a body key is a 400 naming
    it (``RefuseUnknownFields``), as on every other endpoint; no body, or an empty one, goes on."""
    NoBody(data=request.data).is_valid(raise_exception=True)


def structured(field) -> bool:
    """Whether a body field holds an object or a list of objects (a nested serializer, a list of them, a
    ``DictField``): what a form (multipart) carries as one part whose text is JSON (``json_parts``)."""
    from rest_framework import serializers

    if isinstance(field, serializers.ListField):
        return structured(field.child)
    return isinstance(field, (serializers.BaseSerializer, serializers.DictField))


def json_parts(data, fields):
    """A form body (multipart) as the dict a JSON body would be: a field that holds an object or a list of objects
    (``structured``) is a part whose text is JSON, as OpenAPI reads such a property of a multipart body (its
    default encoding, which the schema states: ``heritage.schema._json_part_encoding``); DRF would look for
    ``input.text``-style keys instead and find none. A list comes as one part (the JSON list) or one part per
    item. A part left empty is not given (a form has no null); a part that is no JSON, or an object given twice,
    is a 400 naming the field. Every other field is read as DRF reads it from a form (``Field.get_value``: an
    empty field is null or not given), and a key that is no field is kept (``RefuseUnknownFields`` names it). A
    JSON body, or a form without such a part, is returned as it is."""
    import json

    from rest_framework import serializers
    from rest_framework.exceptions import ValidationError
    from rest_framework.fields import empty

    if not hasattr(data, "getlist") or not any(name in data and structured(f) for name, f in fields.items()):
        return data
    plain, errors = {key: data.get(key) for key in data if key not in fields}, {}
    for name, field in fields.items():
        if not structured(field):
            value = field.get_value(data)
            if value is not empty:
                plain[name] = value
            continue
        parts = [part for part in data.getlist(name) if not (isinstance(part, str) and not part.strip())]
        if not parts:
            continue
        many = isinstance(field, (serializers.ListSerializer, serializers.ListField))
        if len(parts) > 1 and not many:
            errors[name] = [_("%(name)s 只能给出一次(一个 JSON 部分)。") % {"name": name}]
            continue
        try:
            values = [json.loads(part) for part in parts]
        except (TypeError, ValueError):  # a file, or text that is no JSON
            errors[name] = [_("表单中的 %(name)s 须是 JSON 文本(对象或列表)。") % {"name": name}]
            continue
        except RecursionError:  # (nested past Python's stack, as ObjectJSONParser says)
            errors[name] = [_("请求体的 JSON 嵌套过深。")]
            continue
        plain[name] = values[0] if len(values) == 1 and (not many or isinstance(values[0], list)) else values
    if errors:
        raise ValidationError(errors, code="invalid")
    return plain


class FormJSONParts:
    """A serializer mixin: a form body's object and list fields are read as JSON parts (``json_parts``)."""

    def to_internal_value(self, data):
        return super().to_internal_value(json_parts(data, self.fields))
