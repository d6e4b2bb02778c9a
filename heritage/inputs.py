"""Bad input, one place. Query parameters are read through these helpers; anything they refuse (and any NUL
byte in the path or query string, see ``RefuseBadInputMiddleware``) raises ``BadInput``, a Django
``BadRequest``. The HTML pages answer it with the 400 page (``heritage.errors.bad_request``), the API with
``{"detail", "code"}`` (``heritage.errors.api_exception_handler``) — never a 500."""
from __future__ import annotations

import re

from django.core.exceptions import BadRequest, ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

# PostgreSQL `integer`: the narrowest integer column a query parameter can reach.
INT_MAX = 2**31 - 1


class BadInput(BadRequest):
    def __init__(self, message: str, *, param: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message, self.param, self.code = message, param, code


# C0 control characters other than tab and the line breaks, and DEL: PostgreSQL cannot store NUL at all, and none
# of them is text anyone typed (a terminal colour code pasted, a UTF-16 file read as UTF-8 is full of NULs).
CONTROL_CLASS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"  # (also the API schema's pattern: heritage.schema.TEXT)
CONTROL_CHARACTERS = re.compile(f"[{CONTROL_CLASS}]")


@deconstructible
class NoControlCharacters:
    """A form field's validator: refuses a value holding a control character (NUL included), naming it. The
    curator's forms put it in place of Django's NUL check (archive.forms.ClearMessagesMixin), whose Chinese
    message read "empty strings are not allowed" (walk17)."""

    message = gettext_lazy("不能含有控制字符(U+%(code)04X,第 %(position)d 个字)。请删除它后重试;"
                           "从别处粘贴的文字有时会带上这种看不见的字符。")
    # a text of several lines (a description, a transcript sent as text) is told the line, as the transcript import is
    message_line = gettext_lazy("第 %(line)d 行含有控制字符 U+%(code)04X(该行第 %(position)d 个字)。请删除它后重试;"
                                "从别处粘贴的文字有时会带上这种看不见的字符。")
    code = "control_character"

    def __call__(self, value) -> None:
        found = self._found(str(value))
        if found:
            raise ValidationError(found[0], code=self.code, params=found[1])

    def __eq__(self, other) -> bool:
        return isinstance(other, NoControlCharacters)

    def problem(self, value: str) -> str | None:
        """The message for ``value`` (a text), or None when it holds no control character."""
        found = self._found(value)
        return None if found is None else str(found[0] % found[1])

    def _found(self, value: str):
        params = control_character_at(value)
        if params is None:
            return None
        return (self.message_line if "\n" in value.replace("\r", "\n") else self.message), params


def control_character_at(text: str) -> dict | None:
    """Where the first control character of ``text`` is: ``{"code", "line", "position"}`` (line from 1, counting
    \\r\\n, \\r and \\n alike; position within the line, from 1), or None. What every message of the rule names
    (the forms, the API, the transcript import)."""
    m = CONTROL_CHARACTERS.search(text)
    if m is None:
        return None
    before = text[:m.start()].replace("\r\n", "\n").replace("\r", "\n")
    return {"code": ord(m.group()), "line": before.count("\n") + 1, "position": len(before) - before.rfind("\n")}


def control_character_errors(data):
    """The API's side of the same rule: every text in a request body (objects and lists walked) that holds a
    control character, as DRF's field errors keyed like the body (``{"input": {"text": [message]}}``, a list item
    by its index); None when there is none. The JSON and form parsers (heritage.parsers) refuse such a body
    before any view reads it, with NoControlCharacters' message, as the curator's forms do."""
    check = NoControlCharacters()
    if isinstance(data, str):
        message = check.problem(data)
        return [message] if message else None
    if hasattr(data, "lists"):  # a form (a QueryDict): every value given for a key
        errors = {}
        for key, values in data.lists():
            found = next((e for e in map(control_character_errors, values) if e), None)
            if found:
                errors[str(key)] = found
        return errors or None
    if isinstance(data, dict):
        errors = {str(key): e for key, value in data.items() if (e := control_character_errors(value))}
        return errors or None
    if isinstance(data, list):
        errors = {i: e for i, e in enumerate(map(control_character_errors, data)) if e}
        return errors or None
    return None


def refuse_nul(value: str, param: str | None = None) -> str:
    if "\x00" in value:
        raise BadInput(_("请求中含有不允许的空字符(NUL)。"), param=param)
    return value


def query_int(params, name: str, *, default: int | None = None, min_value: int = 0,
              max_value: int = INT_MAX) -> int | None:
    """An integer query parameter, or ``default`` when absent or empty; anything else is refused, and so is one
    given more than once (which of the values was meant is not guessed). ``integer_parameter`` is its schema."""
    if hasattr(params, "getlist") and len(params.getlist(name)) > 1:
        raise BadInput(_("参数 %(name)s 只能给出一次。") % {"name": name}, param=name)
    raw = params.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise BadInput(_("参数 %(name)s 必须是整数。") % {"name": name}, param=name) from None
    if not min_value <= value <= max_value:
        raise BadInput(_("参数 %(name)s 超出范围(%(lo)s … %(hi)s)。") % {"name": name, "lo": min_value, "hi": max_value},
                       param=name)
    return value


def query_int_schema(min_value: int = 0, max_value: int = INT_MAX) -> dict:
    """The OpenAPI schema of a parameter read by ``query_int`` with these bounds (for ``OpenApiParameter``)."""
    return {"type": "integer", "minimum": min_value, "maximum": max_value}


def plain_int(raw, *, max_value: int = INT_MAX) -> int | None:
    """``raw`` as a non-negative integer when it is ASCII digits within ``max_value``, else None (for optional
    values that are ignored rather than refused when malformed: ``str.isdigit`` also accepts 「²」, which
    ``int`` cannot read, and a long run of digits overflows the column)."""
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 19:
        return None
    value = int(raw)
    return value if value <= max_value else None


def query_page(params, name: str = "page") -> int:
    """A page number: a wrong one is not an error worth a 400 page, it means page 1."""
    try:
        return query_int(params, name, default=1, min_value=1) or 1
    except BadInput:
        return 1


def query_uuid(params, name: str):
    import uuid

    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadInput(_("参数 %(name)s 必须是 UUID。") % {"name": name}, param=name) from None


def query_bool(params, name: str) -> bool | None:
    """``true``/``false`` (also ``1``/``0``, ``yes``/``no``) in any case, or None when absent or empty; anything
    else is refused."""
    raw = refuse_nul(params.get(name) or "", name).strip().lower()
    if not raw:
        return None
    if raw in ("true", "1", "yes"):
        return True
    if raw in ("false", "0", "no"):
        return False
    raise BadInput(_("参数 %(name)s 必须是 true 或 false。") % {"name": name}, param=name)


def query_choice(params, name: str, choices) -> str:
    """A filter with a fixed set of values (the schema's ``enum``): one of them, or "" when absent or empty; any
    other value is refused, naming the choices (an unknown value must not read as an empty list)."""
    value = query_text(params, name)
    if value and value not in choices:
        raise BadInput(_("参数 %(name)s 必须是以下之一:%(choices)s。") % {"name": name, "choices": ", ".join(choices)},
                       param=name)
    return value


def query_choices(params, name: str, choices) -> list[str]:
    """``query_choice`` for a comma-separated list of values (``status=queued,running``): each one of ``choices``,
    or [] when absent or empty; any other value is refused, naming the choices."""
    values = [v.strip() for v in query_text(params, name).split(",") if v.strip()]
    if any(v not in choices for v in values):
        raise BadInput(_("参数 %(name)s 必须是以下之一(可用逗号分隔多个):%(choices)s。") % {
            "name": name, "choices": ", ".join(choices)}, param=name)
    return values


def query_choices_schema(choices) -> dict:
    """The OpenAPI schema of a parameter read by ``query_choices``: one choice, or several joined by commas."""
    import re

    one = "|".join(re.escape(c) for c in choices)
    return {"type": "string", "pattern": f"^({one})(,({one}))*$"}


def query_text(params, name: str, *, default: str = "", max_length: int = 200) -> str:
    return refuse_nul(params.get(name, default) or default, name).strip()[:max_length]


class SlugRelatedField(serializers.SlugRelatedField):
    """The API's ``SlugRelatedField`` for writes (a craft or technique named by its slug): a NUL in the slug is a
    field error like any unknown slug. DRF's own field lets it reach the query, where PostgreSQL refuses it with
    a 500 (DRF's ``CharField`` refuses NUL; its related fields do not)."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("invalid")
        return super().to_internal_value(data)
