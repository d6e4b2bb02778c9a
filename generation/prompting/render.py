"""Prompt strings derived from a structured description, through the templates kept as data.

Jobs store the structured description (``Normalization.to_dict()`` or a technique's saved
``prompt_template``); the prompt string is always derived from it with ``render_prompt``.
"""
from __future__ import annotations

from .spec import Spec, get_spec

BEFORE_ACTION = {"angle_deg"}
ATTACH_TOOL = {"needle_no"}
ATTACH_MATERIAL = {"thread_no"}


def fmt_value(value) -> str:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return f"{fmt_value(value[0])}–{fmt_value(value[1])}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def style_for(spec: Spec, craft: str | None, technique: str | None) -> dict:
    tpl = spec.templates
    style = dict(tpl.get("default", {}))
    if craft:
        style.update(tpl.get("crafts", {}).get(craft, {}))
    if technique:
        style.update(tpl.get("techniques", {}).get(technique, {}))
    return style


def render_step(spec: Spec, step: dict, craft: str | None = None) -> str:
    tpl = spec.templates
    parts = tpl["step_parts"]
    phrases = spec.parameters
    params = step.get("params") or {}
    tool = step.get("tool")
    material = step.get("material") or spec.default_material.get(craft or "", None)
    if tool and "needle_no" in params and isinstance(params["needle_no"], (int, float)):
        tool = f"{fmt_value(params['needle_no'])}号{tool}"
    if material and "thread_no" in params:
        material = f"{fmt_value(params['thread_no'])}号{material}"
    before, after = [], []
    for name, value in params.items():
        if name in ATTACH_TOOL and tool and isinstance(value, (int, float)):
            continue
        if name in ATTACH_MATERIAL and material:
            continue
        info = phrases.get(name)
        if not info:
            continue
        text = info["phrase"].format(v=fmt_value(value))
        (before if name in BEFORE_ACTION else after).append(text)
    action = step.get("action") or ""
    if before:
        action = ",".join(before) + action
    fields = {
        "hand": tpl.get("hands", {}).get(step.get("hand") or "", ""),
        "tool": parts["tool"].format(tool=tool) if tool else "",
        "relation": parts["relation"].format(relation=step["relation"]) if step.get("relation") else "",
        "manner": parts["manner"].format(manner=step["manner"]) if step.get("manner") else "",
        "action": action,
        "material": ("在" + material + "上") if material and step.get("action") else "",
        "params": parts["params"].format(params=",".join(after)) if after else "",
    }
    verb = step.get("action") or ""
    if verb in tpl.get("hold_actions", {}).get("actions", ()) and (tool or material):
        # 「左手拿着绣绷」
        fields["tool"], fields["material"] = "", ""
        fields["action"] = action + "着" + (tool or material)
    elif fields["material"]:
        if verb in tpl.get("object_actions", {}).get("actions", ()):
            fields["action"] = "将" + material + action  # 「将红纸折叠」
        else:
            fields["action"] = fields["material"] + action  # 「在绣地上进针」
        fields["material"] = ""
        if material and material in verb:
            fields["action"] = action
    return tpl["step"].format(**fields)


def render_prompt(description: dict, camera: str | None = None, *, step: int | None = None,
                  spec: Spec | None = None) -> str:
    """One standard Chinese prompt for a whole technique: who, each step (action, tool, material,
    parameters with units), camera framing, lighting, slow motion. ``camera`` is one of the spec's
    framings (close-up, macro, top-down, medium, wide) and overrides the craft's default. With
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
    style = style_for(spec, craft, technique)
    cameras = tpl.get("camera", {})
    camera_key = camera or description.get("camera") or style.get("camera") or "close-up"
    if camera_key not in cameras:
        raise ValueError(f"unknown camera framing {camera_key!r}; one of: {', '.join(cameras)}")
    steps = description.get("steps") or []
    rendered = [render_step(spec, s, craft) for s in steps]
    rendered = [r for r in rendered if r]
    if len(rendered) > 1:
        steps_text = tpl["step_joiner"].join(
            tpl["numbered_step"].format(order=i + 1, text=r) for i, r in enumerate(rendered))
    else:
        steps_text = rendered[0] if rendered else style.get("technique", "")
    who = style.get("who", "").format(craft_name=style.get("craft_name", ""))
    return tpl["prompt"].format(
        who=who,
        technique=style.get("technique", ""),
        steps=steps_text,
        camera=cameras[camera_key],
        lighting=style.get("lighting", ""),
        slow=tpl.get("slow_motion", "") if style.get("slow_motion") else "",
    )
