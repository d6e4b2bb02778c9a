"""The spec's parameter names and units as messages for ``makemessages``: they live in data
(``data/parameters.json``), where the extractor cannot see them, and ``display.py`` translates them at display time
(``pgettext("parameter", label)``, ``pgettext("unit", unit)``). Without this list ``make messages`` (which drops
entries no source names) would delete their English. ``tests/test_spec_messages.py`` checks that the list is
the data's, and that each has its English; when the data gains a name or unit, add it here and to ``locale/en``.
Nothing imports this module at run time."""
from django.utils.translation import pgettext_lazy

PARAMETER_LABELS = (
    pgettext_lazy("parameter", "角度"), pgettext_lazy("parameter", "速度"), pgettext_lazy("parameter", "针号"),
    pgettext_lazy("parameter", "线号"), pgettext_lazy("parameter", "劈丝"), pgettext_lazy("parameter", "间距"),
    pgettext_lazy("parameter", "排数"), pgettext_lazy("parameter", "次数"), pgettext_lazy("parameter", "长度"),
    pgettext_lazy("parameter", "宽度"), pgettext_lazy("parameter", "深度"), pgettext_lazy("parameter", "厚度"),
    pgettext_lazy("parameter", "时长"), pgettext_lazy("parameter", "温度"), pgettext_lazy("parameter", "频率"),
    pgettext_lazy("parameter", "重量"), pgettext_lazy("parameter", "比例"),
)

# units that read differently in English (the SI symbols °, mm, mm/s, s, ℃, g are the same in both)
UNITS = (
    pgettext_lazy("unit", "号"), pgettext_lazy("unit", "排"), pgettext_lazy("unit", "次"),
    pgettext_lazy("unit", "次/min"), pgettext_lazy("unit", "比"),
)
