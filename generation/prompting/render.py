"""Prompt strings derived from a structured description, through the templates kept as data.

Jobs store the structured description (``Normalization.to_dict()`` or a technique's saved
``prompt_template``); the prompt string is always derived from it with ``render_prompt`` (or, when a
curator edited it by hand, taken from ``prompt_override`` in the description: see ``final_prompt``).

Each step is one clause of plain Chinese built from its fields, for any verb: who (the hand), with
what (the tool), how (manner, angle), the action and what it is done to (the material), then the
parameters with units. No transcript fragment is pasted in; a default material is used only when the
speaker named no material at all; a duration longer than a clip can show is said as context
(「此道工序实际约需3小时」), not as motion.
"""
from __future__ import annotations

from .spec import Spec, get_spec

BEFORE_ACTION = {"angle_deg"}
ATTACH_TOOL = {"needle_no"}
ATTACH_MATERIAL = {"thread_no"}
# A clip shows seconds; a longer duration is the step's context.
CLIP_SECONDS = 20
# Verbs that hold rather than act: 「左手握着绣绷」.
HOLD_VERBS = {"拿", "持", "握", "执", "扶", "捏", "攥", "按住", "拿着", "握着", "扶着"}
LOCATIVE_VERBS = {"进针", "出针", "绣", "描稿", "点蜡", "画", "写", "刻", "描", "印", "绘", "戳", "扎", "钉", "点"}


def fmt_value(value) -> str:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return f"{fmt_value(value[0])}–{fmt_value(value[1])}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def fmt_duration(value) -> str:
    """Seconds → the largest spoken unit that reads well (10800 → 3小时, 1800 → 30分钟)."""
    def one(v):
        v = float(v)
        for size, unit in ((31536000, "年"), (2592000, "个月"), (86400, "天"), (3600, "小时"), (60, "分钟")):
            if v >= size and (v / size) >= 1 and abs(v / size - round(v / size, 1)) < 1e-9:
                return f"{round(v / size, 1):g}", unit
        return f"{v:g}", "秒"
    if isinstance(value, (list, tuple)) and len(value) == 2:
        (a, ua), (b, ub) = one(value[0]), one(value[1])
        if ua == ub:
            return f"{a}–{b}{ua}"
        return f"{a}{ua}–{b}{ub}"
    n, u = one(value)
    return n + u


def _longest(value) -> float:
    if isinstance(value, (list, tuple)):
        return max(float(v) for v in value)
    return float(value)


def style_for(spec: Spec, craft: str | None, technique: str | None, craft_name: str | None = None) -> dict:
    """The prompt's who/scene: the spec's own style for the craft, else the catalogue's scene for its
    kind, else neutral (a craft in no catalogue gets its own name and a neutral scene)."""
    tpl = spec.templates
    style = dict(tpl.get("default", {}))
    if craft:
        own = tpl.get("crafts", {}).get(craft)
        entry = getattr(spec, "catalogue", {}).get(craft)
        if own:
            style.update(own)
        elif entry is not None:
            scene = getattr(spec, "scenes", {}).get(entry.get("scene") or "", {})
            name = (entry.get("aliases") or [entry["name"]])[0]
            style["craft_name"] = name
            if scene:
                style["who"] = "一位{craft_name}" + scene.get("who", "传承人") + "进行"
                style["technique"] = scene.get("technique", style.get("technique", ""))
                style["camera"] = scene.get("camera", style.get("camera"))
                style["lighting"] = scene.get("lighting", style.get("lighting"))
        elif craft_name:
            style["craft_name"] = craft_name
    if technique:
        style.update(tpl.get("techniques", {}).get(technique, {}))
    return style


def render_step(spec: Spec, step: dict, craft: str | None = None, *, default_material: str | None = None) -> tuple:
    """(clause, context) for one step: the clause says what is seen; the context, a duration longer
    than a clip, is said after it."""
    tpl = spec.templates
    phrases = spec.parameters
    params = step.get("params") or {}
    tool = step.get("tool")
    material = step.get("material") or default_material
    action = step.get("action") or ""
    if tool and "needle_no" in params and isinstance(params["needle_no"], (int, float)):
        tool = f"{fmt_value(params['needle_no'])}号{tool}"
    if material and "thread_no" in params:
        material = f"{fmt_value(params['thread_no'])}号{material}"
    before, after, context = [], [], ""
    for name, value in params.items():
        if name in ATTACH_TOOL and tool and isinstance(value, (int, float)):
            continue
        if name in ATTACH_MATERIAL and material:
            continue
        if name == "duration_s":
            if _longest(value) > CLIP_SECONDS:
                context = f"此道工序实际约需{fmt_duration(value)}"
            else:
                after.append(f"持续{fmt_duration(value)}")
            continue
        info = phrases.get(name)
        if not info:
            continue
        shown = ":".join(fmt_value(v) for v in value) if name == "ratio" and isinstance(value, (list, tuple)) \
            else fmt_value(value)
        phrase = info["phrase"]
        if name == "count" and step.get("count_unit") and info.get("unit"):
            phrase = phrase.replace(info["unit"], step["count_unit"])  # 「九个人」: 共9个, not 共9次
        text = phrase.format(v=shown)
        (before if name in BEFORE_ACTION else after).append(text)
    hand = tpl.get("hands", {}).get(step.get("hand") or "", "")
    how = "".join(before)
    manner = f"{step['manner']}地" if step.get("manner") else ""
    if action in HOLD_VERBS and (tool or material) and not after:
        verb = action if action.endswith(("着", "住")) else action + "着"
        clause = f"{hand}{how}{verb}{tool or material}"
    else:
        use = f"用{tool}" if tool else ""
        if material and material in action:
            core = action
        elif material and action in LOCATIVE_VERBS:
            core = f"在{material}上{action}"
        elif material:
            core = f"{action}{material}"
        else:
            core = action
        clause = f"{hand}{use}{how}{manner}{core}"
    if after:
        clause += "," + ",".join(after)
    return clause, context


def render_prompt(description: dict, camera: str | None = None, *, step: int | None = None,
                  spec: Spec | None = None) -> str:
    """One standard Chinese prompt for a whole technique: who, each step (hand, tool, action,
    material, parameters with units), camera framing, lighting, slow motion. ``camera`` is one of the
    spec's framings (close-up, macro, top-down, medium, wide) and overrides the craft's default. With
    ``step`` (an ``order``), the prompt for that one step only."""
    spec = spec or get_spec()
    if step is not None:
        chosen = [s for s in description.get("steps") or [] if s.get("order") == step]
        if not chosen:
            raise ValueError(f"no step with order {step}")
        description = dict(description, steps=chosen)
    tpl = spec.templates
    craft = description.get("craft")
    technique = description.get("technique")
    style = style_for(spec, craft, technique, description.get("craft_name"))
    cameras = tpl.get("camera", {})
    camera_key = camera or description.get("camera") or style.get("camera") or "close-up"
    if camera_key not in cameras:
        raise ValueError(f"unknown camera framing {camera_key!r}; one of: {', '.join(cameras)}")
    steps = description.get("steps") or []
    # a default material only where the speaker named none at all (never against what was said)
    default_material = None
    if not any(s.get("material") for s in steps):
        default_material = spec.default_material.get(craft or "", None)
    rendered = []
    for s in steps:
        clause, context = render_step(spec, s, craft, default_material=default_material)
        if clause:
            rendered.append(clause + (f"({context})" if context else ""))
    if len(rendered) > 1:
        steps_text = tpl["step_joiner"].join(
            tpl["numbered_step"].format(order=i + 1, text=r) for i, r in enumerate(rendered))
    else:
        steps_text = rendered[0] if rendered else style.get("technique", "")
    # tools and materials the speaker named that no step carries are still in view (never dropped)
    shown = "".join(rendered)
    seen_items = []
    for t in description.get("terms") or []:
        name = t.get("text") or ""  # as said (the spec's name may belong to another craft)
        if t.get("category") in ("tool", "material") and len(name) >= 2 and name not in shown \
                and name not in seen_items:
            seen_items.append(name)
    if seen_items and rendered:
        steps_text += tpl.get("in_view", ";画面中可见{items}").format(items="、".join(seen_items[:6]))
    who = style.get("who", "").format(craft_name=style.get("craft_name", ""))
    return tpl["prompt"].format(
        who=who,
        technique=style.get("technique", ""),
        steps=steps_text,
        camera=cameras[camera_key],
        lighting=style.get("lighting", ""),
        slow=tpl.get("slow_motion", "") if style.get("slow_motion") else "",
    )


def final_prompt(description: dict, camera: str | None = None, *, spec: Spec | None = None) -> str:
    """The prompt a job uses: the curator's hand edit when there is one (``prompt_override``), else
    the prompt rendered from the structure."""
    override = (description.get("prompt_override") or "").strip()
    return override or render_prompt(description, camera, spec=spec)
