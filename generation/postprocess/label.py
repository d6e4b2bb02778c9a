"""The visible AI label and other text drawn onto video (captions, burned-in subtitles).

Text is rendered with Pillow into small RGBA PNGs and laid over the video with ffmpeg's ``overlay``
filter: Pillow measures the text exactly (so a label that does not fit is refused before any
encoding) and picks the Simplified Chinese face of a .ttc collection.
"""
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from .errors import LabelTooLong, _
from .fonts import Font

LABEL_PREFIX = "AI生成"
LABEL_SEPARATOR = " · "
LABEL_FALLBACK = LABEL_PREFIX
# Label geometry, relative to the frame height: text 3.5 % of the height, margin 2.5 %.
LABEL_TEXT_RATIO = 0.035
MARGIN_RATIO = 0.025
MIN_TEXT_PX = 10
# The label may take at most this share of the frame width.
MAX_LABEL_WIDTH_RATIO = 0.9


def attribution_label(attribution: str | None) -> str:
    """「AI生成 · <attribution>」 (the job's stored attribution, 「基于<传承人>口述重构」, see
    generation/attribution.py), or just 「AI生成」 when the job has none."""
    attribution = (attribution or "").strip()
    return f"{LABEL_PREFIX}{LABEL_SEPARATOR}{attribution}" if attribution else LABEL_FALLBACK


def attribution_of_label(label: str) -> str:
    """The attribution a label carries ("" for the bare 「AI生成」)."""
    head = LABEL_PREFIX + LABEL_SEPARATOR
    return label[len(head):] if label.startswith(head) else ""


@dataclass(frozen=True)
class TextImage:
    path: Path
    width: int
    height: int


def label_geometry(frame_height: int) -> tuple[int, int]:
    """(font size px, margin px) for a frame of this height."""
    size = max(MIN_TEXT_PX, round(frame_height * LABEL_TEXT_RATIO))
    margin = max(2, round(frame_height * MARGIN_RATIO))
    return size, margin


def render_text_box(
    text: str,
    out_path: Path,
    *,
    font: Font,
    size_px: int,
    max_width: int,
    what: str,
    fg=(255, 255, 255, 255),
    bg=(0, 0, 0, 150),
) -> TextImage:
    """Render ``text`` (may hold newlines) as white on a translucent dark box. Raises ``LabelTooLong``
    when the box would be wider than ``max_width``."""
    pil_font = font.load(size_px)
    pad = max(2, size_px // 3)
    probe = ImageDraw.Draw(Image.new("RGBA", (1, 1)))
    left, top, right, bottom = probe.multiline_textbbox((0, 0), text, font=pil_font, spacing=pad // 2)
    width = (right - left) + 2 * pad
    height = (bottom - top) + 2 * pad
    width += width % 2
    height += height % 2
    if width > max_width:
        raise LabelTooLong(
            _("%(what)s过长:需要 %(need)d 像素宽,画面只容得下 %(room)d 像素。请缩短文字。")
            % {"what": what, "need": width, "room": max_width}
        )
    image = Image.new("RGBA", (width, height), bg)
    ImageDraw.Draw(image).multiline_text((pad - left, pad - top), text, font=pil_font, fill=fg, spacing=pad // 2)
    image.save(out_path, format="PNG")
    return TextImage(Path(out_path), width, height)


def render_label(text: str, out_path: Path, *, font: Font, frame_width: int, frame_height: int) -> tuple[TextImage, int]:
    """The label image for a frame of this size, and the margin to place it with (top-right)."""
    if not text.strip():
        raise LabelTooLong(_("AI 标识文字不能为空。"))
    if "\n" in text:
        raise LabelTooLong(_("AI 标识必须是一行文字。"))
    size, margin = label_geometry(frame_height)
    room = min(frame_width - 2 * margin, round(frame_width * MAX_LABEL_WIDTH_RATIO))
    image = render_text_box(text, out_path, font=font, size_px=size, max_width=room, what=_("AI 标识"))
    return image, margin


def label_box(frame_width: int, frame_height: int, image: TextImage, margin: int) -> tuple[int, int, int, int]:
    """(x0, y0, x1, y1) of the label on the frame: the top-right corner."""
    x0 = frame_width - image.width - margin
    return x0, margin, x0 + image.width, margin + image.height
