"""IIIF Presentation 3.0 manifest for an archived technique (https://iiif.io/api/presentation/3.0/).

One Canvas per public record, the demonstrations in step order then the narrated videos (口述影像), with the record's duration (and size); the video is the
painting annotation, the WebVTT subtitles (zh-Hans, en) are supplementing annotations on the canvas,
the poster is the canvas thumbnail. Labels are language maps in zh-Hans and en. ``rights`` is the
record's rights URI and ``requiredStatement`` carries the attribution and the AI notice. Every media URL
is the gallery's checked media view, so the manifest exposes nothing that is not public.
"""
from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from generation.postprocess.roles import FileRole
from heritage.langmark import name_separator

from .selectors import NarrationView, StepView

CONTEXT = "http://iiif.io/api/presentation/3/context.json"


def _lang(zh: str, en: str | None = None) -> dict:
    """A IIIF language map. Text that exists only in Chinese is given as zh-Hans only, never under "en"."""
    return {"zh-Hans": [zh], "en": [en]} if en else {"zh-Hans": [zh]}


def _english(text: str) -> str | None:
    """The English catalogue's translation of a stored Chinese text (the standard AI notice), or None."""
    if not text:
        return None
    with translation.override("en"):
        translated = translation.gettext(text)
    return translated if translated != text else None


def _canvas(view, *, canvas_id: str, label: dict, absolute) -> dict:
    """One Canvas for a public record's view (a technique step's demonstration or a narrated video): the
    served video as painting annotation, its WebVTT as supplementing annotations, its poster as thumbnail."""
    record = view.record
    facts = view.video_facts or {"width": record.clip.width, "height": record.clip.height,
                                 "duration_s": record.clip.duration_s}  # the file the viewer plays
    canvas = {
        "id": canvas_id,
        "type": "Canvas",
        "label": label,
        "width": facts["width"],
        "height": facts["height"],
        "duration": round(facts["duration_s"], 3),
        "rights": record.rights_uri,
        "requiredStatement": {"label": _lang("署名", "Attribution"), "value": _lang(record.attribution)},
        "items": [{
            "id": f"{canvas_id}/page/painting",
            "type": "AnnotationPage",
            "items": [{
                "id": f"{canvas_id}/annotation/video",
                "type": "Annotation",
                "motivation": "painting",
                "body": {
                    "id": absolute(view.video_url),
                    "type": "Video",
                    "format": view.video_file.mime or "video/mp4",
                    "width": facts["width"],
                    "height": facts["height"],
                    "duration": round(facts["duration_s"], 3),
                },
                "target": canvas_id,
            }],
        }],
    }
    subtitles = []
    for role, lang, zh_label, en_label in ((FileRole.VTT, "zh-Hans", "中文字幕", "Chinese subtitles"),
                                            (FileRole.VTT_EN, "en", "英文字幕", "English subtitles")):
        if role in view.files:
            subtitles.append({
                "id": f"{canvas_id}/annotation/{role}",
                "type": "Annotation",
                "motivation": "supplementing",
                "body": {"id": absolute(view.media_url(role)), "type": "Text", "format": "text/vtt",
                         "language": lang, "label": _lang(zh_label, en_label)},
                "target": canvas_id,
            })
    if subtitles:
        canvas["annotations"] = [{"id": f"{canvas_id}/page/subtitles", "type": "AnnotationPage", "items": subtitles}]
    if FileRole.POSTER in view.files:
        canvas["thumbnail"] = [{"id": absolute(view.media_url(FileRole.POSTER)), "type": "Image",
                                "format": view.files[FileRole.POSTER].mime or "image/jpeg"}]
    return canvas


def build_manifest(*, technique, craft, steps: list[StepView], absolute, narrations: list[NarrationView] = ()) -> dict:
    """``absolute`` turns a path into an absolute URL (request.build_absolute_uri). The canvases: the
    demonstrations in step order, then the narrated videos (口述影像, newest first), each labelled with its
    narrator."""
    manifest_id = absolute(reverse("gallery:technique_manifest", args=[technique.slug]))
    page_url = absolute(reverse("gallery:technique", args=[technique.slug]))
    canvases = []
    shown = []  # the views that became canvases (attribution, rights, notice)
    for view in steps:
        if view.record is None or view.video_file is None:
            continue
        if view.step:
            zh = f"第{view.step.order}步 {view.step.title}"
            en = f"Step {view.step.order}"  # step titles exist in Chinese only (that stays under zh-Hans)
        else:
            zh, en = f"{technique.name} 完整演示", "Full demonstration"
        canvases.append(_canvas(view, canvas_id=f"{manifest_id}/canvas/{view.anchor}", label=_lang(zh, en),
                                absolute=absolute))
        shown.append(view)
    demonstrations = len(canvases)
    for view in narrations:
        if view.video_file is None:
            continue
        zh = f"口述影像 {view.narrator}".strip()
        canvases.append(_canvas(view, canvas_id=f"{manifest_id}/canvas/narration-{view.record.pk}",
                                label=_lang(zh, "Narration"), absolute=absolute))
        shown.append(view)
    attributions: list[str] = []
    for view in shown:
        if view.record.attribution not in attributions:
            attributions.append(view.record.attribution)
    rights = next((v.record.rights_uri for v in shown if v.record.rights_uri), None)

    attribution = ";".join(attributions)
    notice = next((v.record.ai_notice for v in shown), "")
    # the names joined as the pages join them (the name separator in each language), the count in plural forms
    with translation.override("zh-hans"):
        label_zh = f"{craft.name}{name_separator()}{technique.name}"
    with translation.override("en"):
        label_en = f"{craft.name_en or craft.name}{name_separator()}{technique.name}"
        parts = [translation.ngettext(
            "%(name)s。%(n)s 段演示视频由 AI 根据传承人的口述生成,经传承人签署;它是对原始影像和口述史的补充,不替代它们。",
            "%(name)s。%(n)s 段演示视频由 AI 根据传承人的口述生成,经传承人签署;它们是对原始影像和口述史的补充,不替代它们。",
            demonstrations) % {"name": label_en, "n": demonstrations}] if demonstrations else [f"{label_en}."]
        if len(canvases) > demonstrations:
            n = len(canvases) - demonstrations
            parts.append(translation.ngettext(
                "%(n)s 段口述影像:传承人的人像随其口述录音讲述,画面由 AI 生成,经本人(或其代理人)签署。",
                "%(n)s 段口述影像:传承人的人像随其口述录音讲述,画面由 AI 生成,经本人(或其代理人)签署。",
                n) % {"n": n})
        summary_en = " ".join(parts)
    manifest = {
        "@context": CONTEXT,
        "id": manifest_id,
        "type": "Manifest",
        "label": _lang(label_zh, label_en),
        "summary": _lang(technique.summary or technique.name, summary_en),
        "metadata": [
            {"label": _lang("项目", "Craft"), "value": _lang(craft.name, craft.name_en or craft.name)},
            {"label": _lang("地区", "Region"), "value": _lang(craft.region)},
            {"label": _lang("AI 生成声明", "AI notice"), "value": _lang(notice, _english(notice))},
        ],
        "requiredStatement": {"label": _lang("署名", "Attribution"), "value": _lang(attribution)},
        "homepage": [{"id": page_url, "type": "Text", "label": _lang(technique.name), "format": "text/html"}],
        "items": canvases,
    }
    if rights:
        manifest["rights"] = rights
    return manifest
