"""Finding a font with Chinese glyphs for the label, captions and burned-in subtitles.

Order: ``HERITAGE_CJK_FONT`` (environment or Django setting) → ``fc-list :lang=zh`` → known Noto CJK
paths (Debian's ``fonts-noto-cjk``). For a .ttc collection the Simplified Chinese face is picked.
"""
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from .errors import FontNotFound, _

KNOWN_PATHS = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Medium.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
]
PROBE_TEXT = "AI生成基于口述重构传承人"
MISSING = "找不到可显示中文的字体。请安装 fonts-noto-cjk(apt-get install fonts-noto-cjk,make setup-system 会安装),或用 HERITAGE_CJK_FONT 指定字体文件。"


@dataclass(frozen=True)
class Font:
    path: str
    index: int  # face index inside a .ttc collection

    def load(self, size: int):
        from PIL import ImageFont

        return ImageFont.truetype(self.path, size=size, index=self.index)


def _configured() -> str:
    from django.conf import settings

    return settings.HERITAGE_CJK_FONT or ""


def _covers_cjk(path: str, index: int) -> bool:
    """True when the face has real glyphs (not .notdef boxes) for the probe text."""
    from PIL import ImageFont

    try:
        font = ImageFont.truetype(path, size=32, index=index)
    except OSError:
        return False
    seen = set()
    for ch in PROBE_TEXT:
        if not ch.strip() or ch.isascii():
            continue
        mask = font.getmask(ch)
        if mask.getbbox() is None:
            return False
        seen.add(bytes(mask))
    # A font without CJK glyphs draws the same .notdef box for every character.
    return len(seen) > 1


def _pick_face(path: str) -> Font | None:
    from PIL import ImageFont

    if not os.path.isfile(path):
        return None
    faces = []
    for index in range(16):
        try:
            name = " ".join(ImageFont.truetype(path, size=12, index=index).getname())
        except OSError:
            break
        faces.append((index, name))
    for preferred in ("CJK SC", "SC", "Hans", "CN"):
        for index, name in faces:
            if preferred in name and _covers_cjk(path, index):
                return Font(path, index)
    for index, _name in faces:
        if _covers_cjk(path, index):
            return Font(path, index)
    return None


def _fc_list() -> list[str]:
    if not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh-cn", "file"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    # Sans Regular first: it reads best small on video.
    return sorted(files, key=lambda f: (("Sans" not in f), ("Regular" not in f), f))


def find_cjk_font(path: str | None = None) -> Font:
    """The font to draw Chinese text with; ``FontNotFound`` with install advice when there is none."""
    if path:
        font = _pick_face(path)
        if font is None:
            raise FontNotFound(_("字体文件不存在或不含中文字形:%s。") % path + _(MISSING))
        return font
    return _search()


@lru_cache(maxsize=4)
def _search_cached(configured: str) -> Font | None:
    if configured:
        return _pick_face(configured)
    for candidate in _fc_list() + KNOWN_PATHS:
        font = _pick_face(candidate)
        if font is not None:
            return font
    return None


def _search() -> Font:
    configured = _configured()
    font = _search_cached(configured)
    if font is None:
        if configured:
            raise FontNotFound(_("HERITAGE_CJK_FONT 指向的字体不存在或不含中文字形:%s。") % configured + _(MISSING))
        raise FontNotFound(_(MISSING))
    return font
