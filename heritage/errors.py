"""Error responses, one place: HTML pages get a clear page, /api/ gets JSON ``{"detail", "code"}`` (the
shape the OpenAPI schema documents for every error status; see ``heritage.schema.error_responses``)."""
from __future__ import annotations

from django.core.exceptions import BadRequest, PermissionDenied, RequestDataTooBig
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _json(detail: str, code: str, status_code: int) -> JsonResponse:
    return JsonResponse({"detail": str(detail), "code": code}, status=status_code,
                        json_dumps_params={"ensure_ascii": False})


def _size(n_bytes: int) -> str:
    mb = 1024 * 1024
    return f"{n_bytes // mb} MB" if n_bytes >= mb and n_bytes % mb == 0 else f"{max(1, n_bytes // 1024)} KB"


def _too_large_message() -> str:
    from django.conf import settings

    return _("请求体过大,上限为 %(limit)s;大的转写请作为文件上传或分批导入。") % {
        "limit": _size(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}


class RequestTooLarge(exceptions.APIException):
    status_code = 413
    default_code = "too_large"


def bad_request(request, exception=None):
    """Django's 400 (a SuspiciousOperation raised while reading the request). A body over
    ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is answered 413 with the limit, so a client knows what to change (an API
    view reading it answers the same through ``api_exception_handler``, with DEBUG on too)."""
    status_code, code = 400, getattr(exception, "code", "invalid")
    message = getattr(exception, "message", None) or _("请求无效,请检查地址或表单后重试。")
    if isinstance(exception, RequestDataTooBig):
        status_code, code, message = 413, "too_large", _too_large_message()
    if _is_api(request):
        return _json(message, code, status_code)
    return render(request, "400.html", {"message": message}, status=status_code)


def page_not_found(request, exception=None):
    if _is_api(request):
        return _json(_("未找到。"), "not_found", 404)
    from django.views.defaults import page_not_found as default

    return default(request, exception)


def api_not_found(request, *args, **kwargs):
    """Any /api/ path that no API route matches (the last pattern of ``heritage.urls``): the API's JSON 404 with
    DEBUG on too, where Django answers its HTML debug page instead of ``handler404``."""
    return page_not_found(request)


def permission_denied(request, exception=None):
    if _is_api(request):
        return _json(str(exception or "") or _("您没有执行该操作的权限。"), "permission_denied", 403)
    from django.views.defaults import permission_denied as default

    return default(request, exception)


def server_error(request):
    if _is_api(request):
        return _json(_("服务器内部错误。"), "server_error", 500)
    from django.views.defaults import server_error as default

    return default(request)


def api_exception_handler(exc, context):
    """DRF's handler, plus: Django's BadRequest (``heritage.inputs.BadInput``) is a 400, and every error that is
    not a field-by-field validation error carries a ``code`` next to ``detail``."""
    if isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge(_too_large_message())
    elif isinstance(exc, BadRequest):
        exc = exceptions.ParseError(getattr(exc, "message", None) or str(exc), code=getattr(exc, "code", "invalid"))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(_("未找到。"))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(response.data, dict) and "detail" in response.data and "code" not in response.data:
        detail = response.data["detail"]
        response.data["code"] = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    elif isinstance(exc, exceptions.ValidationError) and not isinstance(response.data, dict):
        response.data = {"detail": " ".join(str(m) for m in response.data) if isinstance(response.data, list)
                         else str(response.data), "code": "invalid"}
    elif isinstance(exc, exceptions.ValidationError):
        # Errors keyed by field, as DRF gives them, plus the documented "detail" (every message, named by
        # its field) and "code", so a client reads every 400 the same way.
        response.data = {"detail": " ".join(validation_messages(response.data)), "code": "invalid", **response.data}
    return response


def validation_messages(errors, prefix: str = "") -> list[str]:
    """The messages of DRF's field errors (nested dicts and lists), each after the path of its field."""
    if isinstance(errors, dict):
        return [m for key, value in errors.items()
                for m in validation_messages(value, prefix if key == "non_field_errors" else f"{prefix}{key}.")]
    if isinstance(errors, list):
        return [m for value in errors for m in validation_messages(value, prefix)]
    return [f"{prefix.rstrip('.')}: {errors}" if prefix else str(errors)]


def refused(detail: str, code: str, status_code: int) -> Response:
    return Response({"detail": str(detail), "code": code}, status=status_code)


# The status of a service's refusal, by its code, for every API write (uploads of recordings, footage, authority
# documents, portraits and their consent documents; transcript documents): a file of a type not accepted is a
# 415, a file or document over its size limit a 413 (as a request body over the limit is); the rest a 400.
REFUSAL_STATUSES = {"file_type": status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
                    "file_size": status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
                    "too_large": status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
                    "signer_change_pending": status.HTTP_409_CONFLICT}
# A name, slug or pair another row already holds (the model's ``unique``/``unique_together``): the body is
# well-formed, the archive's state refuses it, so a 409 — when that is all that is wrong, else the 400.
TAKEN_CODES = {"unique", "unique_together"}


def service_refusal(exc, *, code: str | None = None) -> Response:
    """A service's ``django.core.exceptions.ValidationError`` (``full_clean``: file checks, likeness-consent
    rules, transcript checks) as the API's answer: ``detail`` with every message, the first error's ``code``
    (or the code that sets the status), the messages keyed by field as DRF's own validation errors are; the
    status by ``REFUSAL_STATUSES`` (413, 415, 409), a 409 when only ``TAKEN_CODES`` refused it, else 400, whose
    ``code`` an endpoint may fix (``code``)."""
    from django.core.exceptions import NON_FIELD_ERRORS

    if hasattr(exc, "error_dict"):
        fields = {name: [m for e in errors for m in e.messages] for name, errors in exc.error_dict.items()}
        codes = [e.code for errors in exc.error_dict.values() for e in errors]
        detail = " ".join(m if name == NON_FIELD_ERRORS else f"{name}: {m}"
                          for name, messages in fields.items() for m in messages)
    else:
        fields, codes, detail = {}, [e.code for e in exc.error_list], " ".join(exc.messages)
    sized = next((c for c in codes if c in REFUSAL_STATUSES), None)
    answer = REFUSAL_STATUSES.get(sized, status.HTTP_400_BAD_REQUEST)
    if sized is None and codes and set(codes) <= TAKEN_CODES:
        answer = status.HTTP_409_CONFLICT
    code = sized or code or next((c for c in codes if c), None)
    return Response({"detail": detail, "code": code or "invalid", **fields}, status=answer)


__all__ = ["api_exception_handler", "validation_messages", "bad_request", "page_not_found", "permission_denied", "server_error",
           "refused", "service_refusal", "REFUSAL_STATUSES", "TAKEN_CODES", "status"]
