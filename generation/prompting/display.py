"""How the normalizer's output reads to people, in the interface language (translated when shown; the core
has no Django): hands, term categories, parameter names and units (the spec's labels through the catalogue,
contexts ``parameter`` and ``unit``), and the core's warnings by their code (``notices.py``). The curator's
normalize screen and the gallery (gallery/display.py) both use it."""
from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from heritage.langmark import mark_in

from . import notices


def hand_choices() -> list[tuple[str, str]]:
    return [("", "—"), ("left", _("左手")), ("right", _("右手")), ("both", _("双手"))]


def category_label(category: str) -> str:
    labels = {"action": _("动作"), "tool": _("工具"), "material": _("材料"), "technique": _("技法"),
              "body": _("身体部位")}
    return labels.get(category, category)


def parameter_label(name: str, entry: dict | None) -> str:
    """The spec's name of a parameter (角度 / angle); its key when the spec has none."""
    label = (entry or {}).get("label")
    return pgettext("parameter", label) if label else name


def unit_label(unit: str) -> str:
    return pgettext("unit", unit) if unit and unit != "1/N" else (unit or "")


def parameter_choice(name: str, entry: dict | None) -> str:
    """A parameter as a curator picks it: 「角度 °」 / "angle °"."""
    unit = unit_label((entry or {}).get("unit", ""))
    return f"{parameter_label(name, entry)} {unit}".strip()


def warning_text(warning: str, parameters: dict | None = None):
    """One of ``Normalization.warnings`` in the interface language, as safe HTML: what it quotes from the
    transcript is marked Chinese in an English page (``heritage.langmark``). A caution of the speaker's quoted
    whole (no notice) is given back as said."""
    parsed = notices.parse(warning)
    if parsed is None:
        return mark_in("%(text)s", text=warning)
    code, v = parsed
    if code == notices.ASIDE:
        return mark_in(_("略去说话人标记、采访人的话或提问 %(n)s 处(不作为步骤)"), **v)
    if code == notices.NO_STEPS:
        return mark_in(_("未识别出动作步骤"))
    if code == notices.QUANTITY_WITHOUT_ACTION:
        return mark_in(_("有数量没有对应的动作,记为说明:%(text)s"), **v)
    name = parameter_label(v["name"], (parameters or {}).get(v["name"]))
    return mark_in(_("同一步骤的%(name)s有两个值:%(old)s 与 %(value)s,步骤采用前者,后者记为说明"), **dict(v, name=name))
