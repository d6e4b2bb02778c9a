"""OpenAPI: every operation documents the error statuses the API can answer with, in the one error shape
``heritage.errors`` produces (a drf-spectacular post-processing hook, so no view has to repeat them)."""
from __future__ import annotations

import threading

from heritage.inputs import CONTROL_CLASS

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "required": ["detail", "code"],
}
# A 400 is {"detail", "code"} and, for a body that failed validation, the errors keyed by the field they name: a
# list of messages, or (a nested object, a list's items by their index) an object of the same.
BAD_REQUEST = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "required": ["detail", "code"],
    "additionalProperties": {"anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "object"}]},
}
STATUSES = {
    "400": ("BadRequest", "请求无效(参数或请求体)"),
    "401": ("Error", "未登录或令牌无效"),
    "403": ("Error", "无权执行"),
    "404": ("Error", "未找到"),
    "405": ("Error", "不允许的方法"),
    "406": ("Error", "无法提供请求的格式"),
    "413": ("Error", "请求体过大"),
    "415": ("Error", "不支持的请求体格式"),
    "429": ("Error", "请求过于频繁"),
}
# Writes can also meet the archive's state: a name or slug already taken (``heritage.errors.TAKEN_CODES``), a
# pending signer change, a row others depend on.
WRITE_STATUSES = {"409": ("Error", "与档案现有状态冲突(如名称或网址标识已被占用)")}


_EXTENSIONS_LOADED = threading.Lock()


def _load_extensions() -> None:
    """drf-spectacular imports each extension's target class the first time it is matched, and that is not
    thread-safe: two first schema requests at once (a threaded server, two fuzzers starting) raced to a 500
    (``'NoneType' object has no attribute 'startswith'``, an optional contrib's class that is not installed). Every
    target is loaded here, once, under a lock, before any view is inspected."""
    from drf_spectacular import extensions

    with _EXTENSIONS_LOADED:
        for base in (extensions.OpenApiAuthenticationExtension, extensions.OpenApiSerializerExtension,
                     extensions.OpenApiSerializerFieldExtension, extensions.OpenApiViewExtension,
                     extensions.OpenApiFilterExtension):
            for extension in base._registry:
                if isinstance(extension.target_class, str):
                    extension._load_class()


def canonical_paths(endpoints):
    """A drf-spectacular preprocessing hook: every API path answers with and without its trailing slash
    (``heritage.api.both_spellings``); the schema lists the canonical spelling only, so no path is listed twice.
    It runs before any view is inspected, so it loads the extensions first (``_load_extensions``)."""
    _load_extensions()
    return [endpoint for endpoint in endpoints if not getattr(endpoint[3], "api_alias", False)]


class AnyOf:
    """A body rule a serializer states in ``body_rules`` for the schema: at least one of the alternatives is given
    (an alternative is a field name, or a tuple of names given together), not empty. ``OneOf``: exactly one.
    The serializer (or the model's ``clean``) enforces the rule; the schema says it as ``anyOf``/``oneOf`` of
    ``required`` (``_body_rules``), so a generated client or a fuzzer knows it before sending."""

    keyword = "anyOf"

    def __init__(self, *alternatives):
        self.alternatives = [(a,) if isinstance(a, str) else tuple(a) for a in alternatives]


class OneOf(AnyOf):
    keyword = "oneOf"


class Requires:
    """A body rule: ``field`` given means ``needs`` is given too (``anyOf`` of "not ``field``" and "``needs``")."""

    def __init__(self, field: str, needs: str):
        self.field, self.needs = field, needs


def error_responses(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    _closed_bodies(schemas, generator)
    _body_rules(result, schemas, generator)
    _stated_limits(schemas, generator)
    _stated_validators(result, schemas, generator)
    _non_empty_inputs(result, schemas, generator)
    _bodies_without_files(result, schemas)  # after the rest: its copies carry what they added
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("BadRequest", BAD_REQUEST)
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") in ("path", "query"):
                    _nul_free(parameter.get("schema", {}))
                if parameter.get("in") == "query" and not parameter.get("required"):
                    # the one rule of heritage.inputs (query_int, query_uuid, query_bool, query_text, the pages'
                    # ?page=): a query parameter given empty (?retry_of=) reads as not given, never a 400
                    parameter["allowEmptyValue"] = True
            responses = operation.setdefault("responses", {})
            statuses = {**STATUSES, **WRITE_STATUSES} if method != "get" else STATUSES
            for code, (name, description) in statuses.items():
                responses.setdefault(code, {
                    "description": description,
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                })
    return result


def _closed_bodies(schemas, generator):
    """Request bodies whose serializer refuses unknown keys (``heritage.parsers.RefuseUnknownFields``) say so, and
    no body is described by a mixin's own docstring (what a serializer without one inherits)."""
    from drf_spectacular.plumbing import get_doc

    from .parsers import FormJSONParts, RefuseUnknownFields

    mixin_docs = {get_doc(RefuseUnknownFields), get_doc(FormJSONParts)}
    for component in getattr(generator.registry, "_components", {}).values():
        schema = schemas.get(component.name)
        if schema and schema.get("description") in mixin_docs:
            del schema["description"]
        if isinstance(component.object, RefuseUnknownFields) and schema and "properties" in schema:
            schema["additionalProperties"] = False


def _given(name: str, field, prop: dict) -> dict:
    """What "``name`` is given" means for the serializer's ``field``: present, not null, and not empty where
    empty reads as not given (a blank or all-space text, an empty list)."""
    from rest_framework import serializers

    constraint: dict = {}
    if prop.get("nullable") and "type" in prop:
        constraint["type"] = prop["type"]  # without ``nullable``: null is not this
    if isinstance(field, serializers.CharField) and prop.get("type") == "string" and prop.get("format") != "binary":
        constraint["minLength"] = 1
        if field.trim_whitespace:
            constraint["pattern"] = "\\S"
    elif isinstance(field, serializers.ListField):
        constraint["minItems"] = 1
    return {name: constraint} if constraint else {}


def _body_rules(result, schemas, generator):
    """The ``body_rules`` of a request serializer (``AnyOf``, ``OneOf``, ``Requires``) as ``anyOf``/``oneOf`` of
    ``required``. They hold for the row a body makes: on the component itself where only new rows are made of
    it (a POST, a nested body), else (a PUT keeps what its body leaves out) on each POST body that refers to it,
    as ``allOf`` of the component and the rules. A PUT or PATCH (``partial``) body may leave every alternative
    out (the row keeps its own), so what is stated there is what holds whatever the row holds: ``not`` every
    alternative given as none (``_cleared``)."""
    operations = [(method, op) for item in result.get("paths", {}).values() for method, op in item.items()
                  if isinstance(op, dict)]

    def refs(method):
        return {media.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
                for m, op in operations if m == method
                for media in op.get("requestBody", {}).get("content", {}).values()}

    replaced = refs("put")
    for component in getattr(generator.registry, "_components", {}).values():
        schema, serializer = schemas.get(component.name), component.object
        rules = getattr(serializer, "body_rules", ())
        if not (rules and schema and "properties" in schema):
            continue
        partial = getattr(serializer, "partial", False)
        if partial or component.name in replaced:
            # what a body that keeps what it leaves out can still say: it may not give every alternative as none
            cleared = [c for c in (_cleared(rule, serializer.fields, schema["properties"]) for rule in rules) if c]
            if cleared:
                schema["not"] = cleared[0] if len(cleared) == 1 else {"anyOf": cleared}
            # and why it says no more: the rules hold for the row as written, the body's fields over the stored ones
            for method, op in operations:
                if method in ("put", "patch") and "requestBody" in op and any(
                        media.get("schema", {}).get("$ref") == f"#/components/schemas/{component.name}"
                        for media in op["requestBody"].get("content", {}).values()):
                    op["requestBody"]["description"] = _kept_rules_words(rules, bool(cleared))
        if partial:
            continue
        clauses = [_clause(rule, serializer.fields, schema["properties"]) for rule in rules]
        stated = clauses[0] if len(clauses) == 1 else {"allOf": clauses}
        if component.name not in replaced:
            schema.update(stated)
            continue
        ref = f"#/components/schemas/{component.name}"
        for method, op in operations:
            for media in op.get("requestBody", {}).get("content", {}).values() if method == "post" else ():
                if media.get("schema", {}).get("$ref") == ref:
                    media["schema"] = {"allOf": [{"$ref": ref}, *(stated.get("allOf") or [stated])]}


# Media types that cannot carry a file: their bodies are described without the upload fields. Form media types
# cannot carry a null either: a field left empty is how a form says "none" (DRF reads "" as null where allowed).
NO_FILE_MEDIA = ("application/json", "application/x-www-form-urlencoded")
FORM_MEDIA = ("multipart/form-data", "application/x-www-form-urlencoded")


def _bodies_without_files(result, schemas):
    """Each media type of an operation gets the body it can carry. A file can only come in multipart (in JSON the
    upload field is refused, "not a file"), so where an operation also takes multipart the JSON (and urlencoded)
    body is the component less its ``format: binary`` properties (``<Name>NoFile``), and a body rule's
    alternative that needs a file is left out there (a new recording in JSON needs ``media_reference``). A form
    (multipart, urlencoded) has no null (``<Name>Form``: no ``nullable``; leave the field empty or out)."""
    for item in result.get("paths", {}).values():
        for operation in item.values():
            content = operation.get("requestBody", {}).get("content", {}) if isinstance(operation, dict) else {}
            for media in list(content):
                node = content[media].get("schema", {})
                if media in NO_FILE_MEDIA and "multipart/form-data" in content:
                    node = _variant(node, schemas, "NoFile", _no_files, _file_names)
                if media in FORM_MEDIA:
                    node = _variant(node, schemas, "Form", _no_nulls, lambda component: set())
                if media == "multipart/form-data":
                    node = _inlined(node, schemas)
                content[media] = {**content[media], "schema": node}
                if media == "multipart/form-data":
                    _json_part_encoding(content[media], schemas)


def _json_part_encoding(media: dict, schemas) -> None:
    """A multipart body's properties that hold an object or a list of objects are each a part whose text is JSON
    (``heritage.parsers.json_parts``, what the server reads): the media type's ``encoding`` says so (OpenAPI's
    default for such a property, stated so that no client has to know the default)."""
    names = sorted(_structured_properties(media.get("schema", {}), schemas, set()))
    if names:
        media["encoding"] = {name: {"contentType": "application/json"} for name in names}


def _resolved(node, schemas):
    while isinstance(node, dict) and node.get("$ref", "").startswith("#/components/schemas/"):
        node = schemas.get(node["$ref"].rsplit("/", 1)[-1], {})
    return node if isinstance(node, dict) else {}


def _is_object(node, schemas) -> bool:
    node = _resolved(node, schemas)
    if node.get("type") == "array":
        return _is_object(node.get("items", {}), schemas)
    return node.get("type") == "object" or "properties" in node or any(
        _is_object(part, schemas) for part in node.get("allOf", []) + node.get("oneOf", []))


def _structured_properties(node, schemas, seen: set) -> set:
    """The names of a body's properties (of each alternative of a ``oneOf``, each part of an ``allOf``) that hold
    an object or a list of objects."""
    node = _resolved(node, schemas)
    names = {name for name, prop in node.get("properties", {}).items() if _is_object(prop, schemas)}
    for part in node.get("allOf", []) + node.get("oneOf", []) + node.get("anyOf", []):
        names |= _structured_properties(part, schemas, seen)
    return names


def _inlined(node, schemas):
    """A multipart body with body rules (``allOf`` of its component and the rules) as one object: the component's
    properties with the rules beside them. A generator (schemathesis) reads which parts are files from the body's
    own ``properties``; behind ``allOf`` it found none and sent ``media`` as a plain field, refused "not a file"."""
    import copy

    parts = node.get("allOf") or [{}]
    name = parts[0].get("$ref", "").rsplit("/", 1)[-1]
    if name not in schemas or "properties" not in schemas[name]:
        return node
    return {**copy.deepcopy(schemas[name]), "allOf": parts[1:]}


def _file_names(component) -> set:
    return {k for k, v in component.get("properties", {}).items() if v.get("format") == "binary"}


def _no_files(component):
    files = _file_names(component)
    plain = {**component, "properties": {k: v for k, v in component["properties"].items() if k not in files}}
    if "required" in plain:
        plain["required"] = [k for k in plain["required"] if k not in files]
    return _drop_file_branches(plain, files)


def _no_nulls(component):
    return {**component, "properties": {k: {key: value for key, value in v.items() if key != "nullable"}
                                        for k, v in component["properties"].items()}}


def _variant(node, schemas, suffix: str, change, dropped):
    """``node`` (a body: a component's ``$ref``, or ``allOf`` of one and body rules) with its component replaced by
    ``change(component)`` under ``<Name><suffix>`` (where that changes anything), and the rules less the
    alternatives that need a field ``dropped(component)`` names."""
    import copy

    ref = node.get("$ref", "")
    if ref.startswith("#/components/schemas/"):
        name = ref.rsplit("/", 1)[-1]
        component = schemas.get(name, {})
        if "properties" not in component:
            return node
        changed = change(copy.deepcopy(component))
        if changed == component:
            return node
        schemas.setdefault(f"{name}{suffix}", changed)
        return {"$ref": f"#/components/schemas/{name}{suffix}"}
    if "allOf" in node:
        gone = set().union(*(dropped(schemas.get(part.get("$ref", "").rsplit("/", 1)[-1], {}))
                             for part in node["allOf"]))
        parts = [_variant(part, schemas, suffix, change, dropped) for part in node["allOf"]]
        return {**node, "allOf": [_drop_file_branches(part, gone) for part in parts]}
    return node


def _drop_file_branches(node, files: set):
    """A body rule (``anyOf``/``oneOf`` of ``required``, nested in ``allOf``) less the alternatives that need one
    of ``files``."""
    node = dict(node)
    for keyword in ("anyOf", "oneOf"):
        if keyword in node:
            kept = [b for b in node[keyword] if not set(b.get("required", [])) & files]
            if kept:
                node[keyword] = kept
    if "allOf" in node:
        node["allOf"] = [_drop_file_branches(part, files) for part in node["allOf"]]
    return node


def _kept_rules_words(rules, cleared: bool) -> str:
    """A PUT or PATCH body's rules in words: they hold for the row as written, so the body alone is not asked."""
    def names(alternative):
        return "+".join(alternative)

    said = []
    for rule in rules:
        if isinstance(rule, Requires):
            said.append(f"给出 {rule.field} 时须同时有 {rule.needs}")
        else:
            which = "、".join(names(a) for a in rule.alternatives)
            said.append(f"{which} {'恰好有一个' if rule.keyword == 'oneOf' else '至少有一个'}")
    words = ("写入后的记录须满足:" + ";".join(said) + "。请求体未给出的字段沿用已存的值,所以这些规则按写入后的记录检查"
             "(不满足时返回 400,指明字段),不要求请求体本身给出")
    return words + (";请求体只是不能把同一规则的每一项都给成空值(null、空文本;文件除外:空的文件部分不改变已存的文件)。"
                    if cleared else "。")


def _cleared(rule, fields, props) -> dict | None:
    """For a body that keeps what it leaves out (a PUT, a PATCH: the stored row may hold the alternative the body
    does not give), the part of an ``AnyOf``/``OneOf`` that holds whatever the row holds: the body does not give
    every alternative, each as none (null, blank, an empty list), e.g. ``{"speaker": null, "speaker_name": ""}``.
    None where an alternative cannot be given as none (a file part: an empty one is no file and changes nothing)
    or for a ``Requires``; those rules are the server's alone (a 400 naming the field)."""
    if isinstance(rule, Requires):
        return None
    names = [name for alternative in rule.alternatives for name in alternative]
    given = {}
    for name in names:
        constraint = _given(name, fields[name], props[name]).get(name)
        if not constraint or props[name].get("format") == "binary":
            return None
        given[name] = {"not": constraint}
    return {"required": names, "properties": given}


def _clause(rule, fields, props) -> dict:
    if isinstance(rule, Requires):
        return {"anyOf": [{"not": {"required": [rule.field]}}, {"required": [rule.needs]}]}
    branches = []
    for alternative in rule.alternatives:
        given = {}
        for name in alternative:
            given.update(_given(name, fields[name], props[name]))
        branches.append({"required": list(alternative), **({"properties": given} if given else {})})
    return {rule.keyword: branches}


# A request body's text holds no control character (the parsers refuse one: heritage.inputs.CONTROL_CLASS, the
# curator's forms' rule); one the action needs must also hold more than spaces (DRF trims it, then refuses it blank).
TEXT = f"^[^{CONTROL_CLASS}]*$"
NON_BLANK = f"^[^{CONTROL_CLASS}]*[^\\s{CONTROL_CLASS}][^{CONTROL_CLASS}]*$"

# ``heritage.middleware.RefuseBadInputMiddleware`` refuses a NUL in any path or query.
NUL_FREE = "^[^\\u0000]*$"


def _nul_free(schema: dict, pattern: str = NUL_FREE) -> None:
    """A free-text string (no format, pattern or choices of its own) says what it may not hold: a NUL in a path
    or query, a control character in a body (``TEXT``)."""
    if schema.get("type") == "string" and not {"format", "pattern", "enum"} & set(schema):
        schema["pattern"] = pattern


def _refs(node, schemas, seen: set) -> set:
    """The names of the components ``node`` refers to, and those they refer to, and so on."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[-1] not in seen:
            seen.add(ref.rsplit("/", 1)[-1])
            _refs(schemas.get(ref.rsplit("/", 1)[-1]), schemas, seen)
        for value in node.values():
            _refs(value, schemas, seen)
    elif isinstance(node, list):
        for value in node:
            _refs(value, schemas, seen)
    return seen


def _stated_limits(schemas, generator):
    """A serializer whose fields are checked elsewhere (the model's ``clean``, a service, a parameter resolver)
    states those checks' ranges and choices in ``schema_limits()``, read from where each rule lives: ``{field:
    {"minimum": ..., "maximum": ..., "enum": ...}}``, laid over the field's own (a PositiveSmallIntegerField's
    0 … 2**63-1 was schema-valid and refused). Made when the schema is, so a limit like "this year" stays true."""
    for component in getattr(generator.registry, "_components", {}).values():
        schema, stated = schemas.get(component.name), getattr(component.object, "schema_limits", None)
        if not (schema and "properties" in schema and callable(stated)):
            continue
        for name, limits in stated().items():
            if name in schema["properties"]:
                schema["properties"][name].update(limits)


def _stated_validators(result, schemas, generator):
    """A rule OpenAPI has no keyword for (a date not after today), checked by a field's validator, is said in the
    words the validator carries (``schema_note``, e.g. ``archive.validators.validate_not_future``), after the
    field's own description, in every request body whose field it checks."""
    operations = [op for item in result.get("paths", {}).values() for op in item.values() if isinstance(op, dict)]
    inputs = _refs([op.get("requestBody") for op in operations], schemas, set())
    for component in getattr(generator.registry, "_components", {}).values():
        schema, serializer = schemas.get(component.name), component.object
        if component.name not in inputs or not (schema and "properties" in schema and hasattr(serializer, "fields")):
            continue
        for name, field in serializer.fields.items():
            notes = [str(v.schema_note) for v in getattr(field, "validators", ()) if hasattr(v, "schema_note")]
            if notes and name in schema["properties"]:
                prop = schema["properties"][name]
                prop["description"] = " ".join([prop["description"], *notes] if prop.get("description") else notes)


def _non_empty_inputs(result, schemas, generator):
    """What a serializer refuses empty, the schema says, so a client (or a fuzzer) knows before sending: a string
    field that does not allow blank gets ``minLength: 1``, a list that does not allow empty ``minItems: 1`` (and
    its ``min_length``/``max_length`` as ``minItems``/``maxItems``). Only where the schema describes input: a
    component that no response uses, or a write-only field (a stored row read back is not re-validated)."""
    from rest_framework import serializers

    operations = [op for item in result.get("paths", {}).values() for op in item.values() if isinstance(op, dict)]
    inputs = _refs([op.get("requestBody") for op in operations], schemas, set())
    outputs = _refs([op.get("responses") for op in operations], schemas, set())
    for component in getattr(generator.registry, "_components", {}).values():
        schema, serializer = schemas.get(component.name), component.object
        if not (schema and "properties" in schema and isinstance(serializer, serializers.Serializer)):
            continue
        for name, field in serializer.fields.items():
            prop = schema["properties"].get(name)
            if prop is None or field.read_only or not (field.write_only or component.name in inputs - outputs):
                continue
            if isinstance(field, serializers.SlugRelatedField) and not field.allow_null and prop.get("type") == "string":
                prop.setdefault("minLength", 1)  # DRF reads "" as null for a related field
            elif isinstance(field, serializers.CharField) and prop.get("type") == "string":
                if not field.allow_blank:
                    prop.setdefault("minLength", 1)
                _nul_free(prop, TEXT)
            elif isinstance(field, (serializers.ListSerializer, serializers.ListField)) and prop.get("type") == "array":
                least = max(field.min_length or 0, 0 if field.allow_empty else 1)
                if least:
                    prop.setdefault("minItems", least)
                if field.max_length is not None:
                    prop.setdefault("maxItems", field.max_length)


# A stored file served by ``heritage.media.stream_field_file``: the whole file, or with ``Range: bytes=`` a 206
# with the part asked for; a range outside the file is a 416 with ``Content-Range: bytes */<size>`` and no body.
RANGE_NOTE = "支持 Range: bytes= 请求(视频拖动):返回 206 与所请求的部分;范围超出文件时返回 416(Content-Range: bytes */大小)。"


def _file_responses():
    from drf_spectacular.types import OpenApiTypes
    from drf_spectacular.utils import OpenApiResponse

    return {(200, "*/*"): OpenApiTypes.BINARY,
            (206, "*/*"): OpenApiResponse(OpenApiTypes.BINARY, description="所请求的部分(Range)"),
            416: OpenApiResponse(description="请求的范围超出文件(无响应体)")}


FILE_RESPONSES = _file_responses()
