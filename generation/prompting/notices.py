"""The normalizer's own warnings (``Normalization.warnings``), the one place they are worded: each has a
stable code and a Chinese template. The core (no Django) writes them with ``notice``; screens translate them
with ``parse`` and their own catalogue entry per code (``display.warning_text``), so an English page does not
show them in Chinese. A warning that is no notice is the speaker's own caution quoted from the transcript
(「不然容易断」), shown as said."""
from __future__ import annotations

import re

ASIDE = "aside"
NO_STEPS = "no_steps"
QUANTITY_WITHOUT_ACTION = "quantity_without_action"
TWO_VALUES = "two_values"

TEMPLATES = {
    ASIDE: "略去说话人标记、采访人的话或提问 {n} 处(不作为步骤)",
    NO_STEPS: "未识别出动作步骤",
    QUANTITY_WITHOUT_ACTION: "有数量没有对应的动作,记为说明:{text}",
    TWO_VALUES: "同一步骤的 {name} 有两个值:{old} 与 {value},步骤采用前者,后者记为说明",
}


def notice(code: str, **values) -> str:
    """The warning ``code`` with its values, as the core gives it (Chinese)."""
    return TEMPLATES[code].format(**values)


def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts)),
                      re.DOTALL)


_PATTERNS = {code: _pattern(t) for code, t in TEMPLATES.items()}


def parse(warning: str) -> tuple[str, dict] | None:
    """(code, values) of a warning written by ``notice``; None for any other text (a quoted caution)."""
    for code, pattern in _PATTERNS.items():
        m = pattern.fullmatch(warning)
        if m:
            return code, m.groupdict()
    return None
