"""Curator screen: paste or pick a transcript (or one segment), see terms, steps and parameters
highlighted on the source text with spoken values told apart from defaults, edit the steps, and save
the result as the technique's prompt template."""
from __future__ import annotations

import json
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from archive.models import Recording, Technique, TranscriptSegment
from heritage.permissions import PermissionView, allowed

from . import normalize
from .display import category_label, hand_choices, parameter_choice, parameter_label, warning_text
from .models import CAMERA_CHOICES
from .extend import extend_prompt
from .render import render_prompt
from .selectors import recording_reading
from .services import craft_key_for, technique_save_prompt_template
from .spec import PARAMETER_NAMES, get_spec
from .tokens import finder_for, normalize_chars

MAX_TEXT = 20000
MAX_PROMPT = 2000  # a hand-edited prompt (the job form's prompt field has the same bound)
MAX_STEPS = 40
RANGE_RE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(?:[-~–—～到至]\s*(-?\d+(?:\.\d+)?))?\s*$")


def can_use(user) -> bool:
    return allowed(user, "prompting.use")


def parse_value(raw: str):
    """「12」→12, 「0.5」→0.5, 「2-3」/「2~3」/「2–3」→[2, 3]; None if not a number or range."""
    m = RANGE_RE.match(raw or "")
    if not m:
        return None

    def num(s):
        v = float(s)
        return int(v) if v == int(v) else v

    lo = num(m.group(1))
    if m.group(2) is None:
        return lo
    hi = num(m.group(2))
    return [min(lo, hi), max(lo, hi)]


def highlight(text: str, result: dict) -> list[dict]:
    """Pieces of the source text: plain, a term (by category), a spoken quantity (by parameter), or what was set
    aside (the interviewer's words, speaker labels, questions: ``turns.py``)."""
    aside = [(a["start"], a["end"]) for a in result.get("aside") or []]
    marks = [(a, b, "aside", _("采访人的话、说话人标记或提问:不作为步骤")) for a, b in aside]
    marks += [(t["start"], t["end"], "term-" + t["category"],
               f"{category_label(t['category'])}: {t.get('canonical', t['text'])}") for t in result["terms"]]
    spec = get_spec()
    for q in finder_for(spec).find(normalize_chars(text)):
        if not any(a <= q.start < b for a, b in aside):  # a number in a question is not the speaker's
            marks.append((q.start, q.end, "param",
                          f"{parameter_label(q.name, spec.parameters.get(q.name))} = {q.value}"))
    step_starts = {s["start"]: s["order"] for s in result["steps"]}
    marks.sort()
    pieces, pos = [], 0
    for start, end, cls, title in marks:
        if start < pos:
            continue  # never overlaps in practice (tokens are disjoint); keep the first
        if start > pos:
            pieces.extend(_plain(text, pos, start, step_starts))
        pieces.append({"text": text[start:end], "cls": cls, "title": title,
                       "step": step_starts.get(start)})
        pos = end
    pieces.extend(_plain(text, pos, len(text), step_starts))
    return pieces


def _plain(text, a, b, step_starts):
    cuts = sorted(s for s in step_starts if a < s < b)
    out, pos = [], a
    for c in cuts + [b]:
        if c > pos:
            out.append({"text": text[pos:c], "cls": "", "title": "", "step": step_starts.get(pos)})
        pos = c
    return out


def steps_from_post(post) -> tuple[list[dict], list[str]]:
    """The edited steps from the form (``s{i}-…`` fields); errors are user-facing strings."""
    errors, steps = [], []
    try:
        count = min(int(post.get("step_count", "0")), MAX_STEPS)
    except ValueError:
        count = 0
    for i in range(count):
        p = f"s{i}-"
        if post.get(p + "delete"):
            continue
        action = (post.get(p + "action") or "").strip()[:50]
        if not action:
            errors.append(_("第 %(n)s 步缺少动作。") % {"n": i + 1})
            continue
        hand = post.get(p + "hand") or None
        if hand not in (None, "left", "right", "both"):
            hand = None
        params, defaults = {}, []
        for j in range(12):
            name = post.get(f"{p}p{j}-name") or ""
            raw = (post.get(f"{p}p{j}-value") or "").strip()
            if not name and not raw:
                continue
            if name not in PARAMETER_NAMES:
                errors.append(_("第 %(n)s 步:未知参数 %(p)s。") % {"n": i + 1, "p": name or "?"})
                continue
            value = parse_value(raw)
            if value is None:
                errors.append(_("第 %(n)s 步:参数 %(p)s 的值「%(v)s」不是数字或范围(如 30 或 2-3)。")
                              % {"n": i + 1, "p": parameter_label(name, get_spec().parameters.get(name)), "v": raw})
                continue
            params[name] = value
            if post.get(f"{p}p{j}-default"):
                defaults.append(name)
        notes = [n.strip() for n in (post.get(p + "notes") or "").splitlines() if n.strip()][:10]

        def opt(key):
            return (post.get(p + key) or "").strip()[:100] or None

        def num(key):
            try:
                return int(post.get(p + key, "-1"))
            except ValueError:
                return -1

        steps.append({"order": len(steps) + 1, "hand": hand, "action": action, "tool": opt("tool"),
                      "material": opt("material"), "params": params, "defaults": defaults,
                      "start": num("start"), "end": num("end"), "relation": opt("relation"),
                      "manner": opt("manner"), "notes": notes})
    return steps, errors


class NormalizeView(PermissionView):
    """``prompting.use``; reading a recording's transcript here also needs ``archive.read_recording``."""

    permission_required = "prompting.use"
    template_name = "prompting/normalize.html"

    def _readable(self, recording):
        if recording is not None and not self.may("archive.read_recording", recording):
            raise PermissionDenied(_("您无权读取这条录音的转写。"))
        return recording

    # --- picking the source ------------------------------------------------------------------------
    def get(self, request):
        text, technique_slug = request.GET.get("text", ""), request.GET.get("technique", "")
        recording = segment = None
        if request.GET.get("segment", "").isdigit():
            segment = TranscriptSegment.objects.select_related("recording").filter(pk=request.GET["segment"]).first()
            if segment:
                recording, text = segment.recording, segment.text
        elif request.GET.get("recording", "").isdigit():
            recording = Recording.objects.filter(pk=request.GET["recording"]).select_related("technique").first()
            if recording:
                text = recording.transcript_text()
        self._readable(recording)
        if recording and not technique_slug and recording.technique_id:
            technique_slug = recording.technique.slug
        craft = request.GET.get("craft", "").strip()[:100]
        result = (normalize(text[:MAX_TEXT], technique_slug or None, craft=craft or craft_key_for(technique_slug),
                            **recording_reading(recording, text[:MAX_TEXT])).to_dict()
                  if text.strip() else None)
        return self._render(request, text=text, technique_slug=technique_slug, recording=recording, segment=segment,
                            result=result, craft=craft)

    def post(self, request):
        text = request.POST.get("text", "")
        technique_slug = request.POST.get("technique", "")
        source = request.POST.get("source_recording", "")
        recording = self._readable(Recording.objects.filter(pk=source).first()) if source.isdigit() else None
        camera = request.POST.get("camera") or None
        if camera not in dict(CAMERA_CHOICES):
            camera = None
        action = request.POST.get("action", "analyze")
        # The craft comes from the technique (the archive's, never overridden by the text); the curator
        # may name another one here, which is then used as given.
        craft = request.POST.get("craft", "").strip()[:100]

        def page(**kw):
            # every answer keeps the recording the text came from (its hidden field, so a template saved
            # after an error or a preview still names its source and its jobs get their attribution) and
            # the craft typed
            return self._render(request, text=text, technique_slug=technique_slug, camera=camera,
                                recording=recording, craft=craft, **kw)

        if len(text) > MAX_TEXT:
            messages.error(request, _("文本过长(最多 %(n)s 字),请选择其中一个片段。") % {"n": MAX_TEXT})
            return page(result=None, status=400)
        result = normalize(text, technique_slug or None, craft=craft or craft_key_for(technique_slug),
                           **recording_reading(recording, text)).to_dict()
        if action == "analyze":
            return page(result=result)
        steps, errors = steps_from_post(request.POST)
        edited = dict(result, steps=steps)
        if errors:
            for e in errors:
                messages.error(request, e)
            return page(result=edited, status=400)
        edited["prompt"] = render_prompt(edited, camera) if steps else ""
        # a hand-edited prompt is kept with the structure and used instead of the rendered one, until
        # the curator reverts it
        override = request.POST.get("prompt_override", "").strip()
        if action != "revert" and len(override) > MAX_PROMPT:
            # never cut what the curator wrote: say so and give it back whole
            messages.error(request, _("手工修改的提示词过长:%(len)s 字,最多 %(n)s 字。请删减后再提交。")
                           % {"len": len(override), "n": MAX_PROMPT})
            edited["prompt_rendered"], edited["prompt_override"] = edited["prompt"], override
            return page(result=edited, status=400)
        if action == "revert" or override == edited["prompt"]:
            override = ""
        if override:
            edited["prompt_rendered"] = edited["prompt"]
            edited["prompt_override"] = override
            edited["prompt"] = override
        if action == "extend":
            # a preview of prompt extension (generation/prompting/extend.py) on the structure shown here;
            # a job asks for it with its own checkbox
            base = edited if steps else result
            extension = None
            if base.get("prompt_override"):
                messages.info(request, _("馆员手工修改过提示词,不做扩展。"))
            elif base.get("prompt"):
                extension = extend_prompt(base, base["prompt"]).record()
            return page(result=base, extension=extension)
        if action == "save":
            technique = Technique.objects.filter(slug=technique_slug).first()
            if technique is None:
                messages.error(request, _("请先选择要保存到的技法。"))
                return page(result=edited, status=400)
            if not steps:
                messages.error(request, _("没有步骤,无法保存为提示词模板。"))
                return page(result=edited, status=400)
            technique_save_prompt_template(technique=technique, description=edited, camera=camera, user=request.user,
                                           source_recording=recording)
            messages.success(request, _("已保存为「%(t)s」的提示词模板。") % {"t": technique})
            return redirect(reverse("prompting:normalize") + f"?technique={technique.slug}&saved=1")
        return page(result=edited)

    # --- page --------------------------------------------------------------------------------------
    def _render(self, request, *, text, technique_slug, result, camera=None, recording=None, segment=None,
                status=200, craft="", extension=None):
        techniques = Technique.objects.select_related("craft").order_by("craft__name", "name")
        technique = next((t for t in techniques if t.slug == technique_slug), None)
        steps = []
        # The form carries at most MAX_STEPS steps (what steps_from_post reads back): a long transcript found
        # hundreds, whose 18-option selects took seconds to render and whose steps past MAX_STEPS a save
        # dropped without a word. The rest are named in the source above, and the page says so.
        found_steps = (result or {}).get("steps", [])
        for i, s in enumerate(found_steps[:MAX_STEPS]):
            rows = [{"name": k, "value": _fmt(v), "default": k in s.get("defaults", [])}
                    for k, v in s.get("params", {}).items()]
            rows += [{"name": "", "value": "", "default": False}] * 2
            steps.append({"i": i, "s": s, "rows": [dict(r, j=j) for j, r in enumerate(rows[:12])],
                          "source": text[s["start"]:s["end"]] if 0 <= s.get("start", -1) < s.get("end", -1) else "",
                          "notes": "\n".join(s.get("notes", []))})
        recordings = list(Recording.objects.order_by("-recorded_on", "-pk")[:50])
        if recording is not None and recording not in recordings:  # opened from an older recording's page
            recordings.append(recording)
        spec_parameters = get_spec().parameters
        segments = recording.segments.all()[:500] if recording else []
        ctx = {
            "text": text, "technique_slug": technique_slug, "technique": technique, "techniques": techniques,
            "result": result, "steps": steps, "pieces": highlight(text, result) if result else [],
            "camera": camera or "", "cameras": CAMERA_CHOICES, "hands": hand_choices(),
            # a parameter is picked by the spec's name for it and its unit (角度 ° / angle °), not its key
            # (angle_deg); hands, names and the normalizer's warnings in the interface language (display.py)
            "param_names": [(n, parameter_choice(n, spec_parameters.get(n))) for n in PARAMETER_NAMES],
            "warnings": [warning_text(w, spec_parameters) for w in (result or {}).get("warnings", [])],
            "recordings": recordings, "recording": recording, "segments": segments, "segment": segment,
            "saved_template": json.dumps(technique.prompt_template, ensure_ascii=False, indent=1)
            if technique and technique.prompt_template else "",
            "max_text": MAX_TEXT, "craft": craft, "extension": extension,
            "steps_found": len(found_steps), "steps_cut": len(found_steps) > MAX_STEPS, "max_steps": MAX_STEPS,
            "craft_sources": {"given": _("由技法或馆员指定"), "detected": _("由文本判断"), "none": _("未确定,使用中性场景")},
        }
        return render(request, self.template_name, ctx, status=status)


def _fmt(v):
    if isinstance(v, list):
        return f"{v[0]}-{v[1]}"
    return str(v)
