"""OpenAPI: every operation documents the error statuses the API can answer with, in the one error shape
``heritage.errors`` produces (a drf-spectacular post-processing hook, so no view has to repeat them)."""
from __future__ import annotations

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "required": ["detail", "code"],
}
# A 400 is either {"detail", "code"} or, for a body that failed validation, the errors keyed by field.
BAD_REQUEST = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "additionalProperties": True,
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


def canonical_paths(endpoints):
    """A drf-spectacular preprocessing hook: every API path answers with and without its trailing slash
    (``heritage.api.both_spellings``); the schema lists the canonical spelling only, so no path is listed twice."""
    return [endpoint for endpoint in endpoints if not getattr(endpoint[3], "api_alias", False)]


def error_responses(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    _closed_bodies(schemas, generator)
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("BadRequest", BAD_REQUEST)
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for code, (name, description) in STATUSES.items():
                responses.setdefault(code, {
                    "description": description,
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                })
    return result


def _closed_bodies(schemas, generator):
    """Request bodies whose serializer refuses unknown keys (``heritage.parsers.RefuseUnknownFields``) say so."""
    from .parsers import RefuseUnknownFields

    for component in getattr(generator.registry, "_components", {}).values():
        schema = schemas.get(component.name)
        if isinstance(component.object, RefuseUnknownFields) and schema and "properties" in schema:
            schema["additionalProperties"] = False


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
