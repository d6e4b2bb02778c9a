"""Public gallery views (no login). Thin: parse the request, call a selector, render."""
from __future__ import annotations

import mimetypes

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from heritage.throttling import question_allowed

from . import selectors
from .cache import public_page
from .iiif import build_manifest
from generation.postprocess.roles import SUBTITLE_ROLES
from heritage.media import stream_field_file
from .qa import StepText, answer_question
from .search import display_body, highlight, search_documents
from .tokens import same_vocabulary


def _int(value, default=None):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _querystring(request) -> str:
    """The current filters without the page number, for pagination links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_safe
@public_page
def home(request):
    context = selectors.gallery_home(
        category=request.GET.get("category", ""), region=request.GET.get("region", ""),
        page=request.GET.get("page", 1),
    )
    context["querystring"] = _querystring(request)
    return render(request, "gallery/home.html", context)


@require_safe
@public_page
def craft_detail(request, slug):
    return render(request, "gallery/craft.html", selectors.craft_page(slug=slug))


def _ask(question: str, steps: list[selectors.StepView], current: int | None) -> dict:
    numbered = [v for v in steps if v.step is not None]
    texts = [StepText(v.step.order, v.step.title, v.step.description) for v in numbered]
    answer = answer_question(question, texts, current)
    messages = {
        "end": _("已经是最后一步了。"),
        "start": _("这已经是第一步。"),
        "none": _("没有找到回答这个问题的步骤,请换个说法,例如「下一步怎么走针?」。"),
    }
    if answer.order is None:
        return {"found": False, "reason": answer.reason, "message": messages.get(answer.reason, messages["none"])}
    view = next(v for v in numbered if v.step.order == answer.order)
    return {
        "found": True,
        "reason": answer.reason,
        "order": view.step.order,
        "anchor": view.anchor,
        "title": view.step.title,
        "description": view.step.description,
        "matched": list(answer.matched),
        "message": _("第%(order)s步「%(title)s」:%(description)s") % {
            "order": view.step.order, "title": view.step.title, "description": view.step.description},
    }


@require_safe
@public_page
@same_vocabulary()
def technique_detail(request, slug):
    context = selectors.technique_page(slug=slug)
    question = request.GET.get("q", "").strip()
    if question:  # the question box without JavaScript
        context["question"] = question
        allowed, wait = question_allowed(request)
        context["answer"] = (_ask(question, context["steps"], _int(request.GET.get("step"))) if allowed
                             else _too_many_questions(wait))
    return render(request, "gallery/technique.html", context, status=200 if not question or allowed else 429)


def _too_many_questions(wait: int | None) -> dict:
    return {"found": False, "reason": "throttled",
            "message": _("提问太频繁了,请 %(s)s 秒后再问。") % {"s": wait or 60}}


@require_safe
@public_page
@same_vocabulary()
def technique_ask(request, slug):
    """JSON for the question box: ?q=下一步怎么走针?&step=2"""
    context = selectors.technique_page(slug=slug)
    question = request.GET.get("q", "").strip()
    if not question:
        return JsonResponse({"found": False, "reason": "empty", "message": _("请输入问题。")}, status=400)
    allowed, wait = question_allowed(request)
    if not allowed:
        response = JsonResponse(_too_many_questions(wait), status=429, json_dumps_params={"ensure_ascii": False})
        response["Retry-After"] = str(wait or 60)
        return response
    return JsonResponse(_ask(question, context["steps"], _int(request.GET.get("step"))),
                        json_dumps_params={"ensure_ascii": False})


@require_safe
@public_page
def technique_manifest(request, slug):
    context = selectors.technique_page(slug=slug)
    manifest = build_manifest(technique=context["technique"], craft=context["craft"], steps=context["steps"],
                              narrations=context["narrations"], absolute=request.build_absolute_uri)
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Type"] = 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
    response["Access-Control-Allow-Origin"] = "*"  # IIIF viewers load manifests cross-origin
    return response


@require_safe
@public_page
@same_vocabulary()
def search(request):
    text = request.GET.get("q", "").strip()
    category = request.GET.get("category", "")
    region = request.GET.get("region", "")
    technique = request.GET.get("technique", "")
    results = search_documents(text=text, category=category, region=region, technique_slug=technique,
                               public_technique_ids=selectors.public_technique_ids(),
                               public_narration_ids=selectors.public_narration_ids())
    page = selectors.paginate(results, request.GET.get("page", 1), per_page=20)
    for doc in page:  # what the visitor reads: their language, parameters as 「温度 1600 ℃」
        doc.snippet = highlight(display_body(doc), text)
        if doc.step_id:
            doc.step_title = highlight(doc.step.title, text)
        if doc.record_id:  # a narrated video: its place on its technique's page (#narration-<record>)
            doc.url = selectors.record_gallery_url(doc.record)
    return render(request, "gallery/search.html", {
        "q": text, "category": category, "region": region, "technique": technique, "page": page,
        "searched": bool(text or category or region or technique), "browsing": not text,
        "querystring": _querystring(request),
        **selectors.search_facets(),
    })


@require_safe
def record_media(request, record_id, role):
    """A file of a public record. 404 for anything not public (unknown, unsigned, withdrawn, draft)."""
    archive_file = selectors.public_record_file(record_id=record_id, role=role)
    if archive_file is None or not archive_file.file:
        raise Http404
    mime = archive_file.mime or "application/octet-stream"
    if role in SUBTITLE_ROLES:
        mime = "text/vtt; charset=utf-8"
    return stream_field_file(request, archive_file.file, content_type=mime, proxy=role in SUBTITLE_ROLES)


@require_safe
def footage_media(request, footage_id):
    footage = selectors.public_footage(footage_id=footage_id)
    if footage is None:
        raise Http404
    content_type = mimetypes.guess_type(footage.file.name)[0] or "video/mp4"
    return stream_field_file(request, footage.file, content_type=content_type)
