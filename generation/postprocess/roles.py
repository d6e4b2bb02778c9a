"""The one vocabulary for a clip's files, from post-processing to the gallery.

Post-processing names what it makes by ``Rendition.Kind`` (plus a language for subtitles); the review,
the archive record (``records.ArchiveFile.role``) and the public gallery name the same files by
``FileRole``. ``role_for_rendition`` is the only translation between the two; every other module uses
these constants instead of string literals.
"""
from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Rendition


class FileRole(models.TextChoices):
    ORIGINAL = "original", _("引擎原生视频(签署对象)")
    VIDEO = "video", _("发布视频(含标注与内容凭证)")
    POSTER = "poster", _("封面")
    VTT = "vtt", _("中文字幕")
    VTT_EN = "vtt_en", _("英文字幕")
    PREVIEW = "preview", _("预览")
    SLOW_0_5 = "slow_0_5", _("0.5 倍慢放")
    SLOW_0_25 = "slow_0_25", _("0.25 倍慢放")
    MULTIVIEW = "multiview", _("多机位")
    C2PA_MANIFEST = "c2pa_manifest", _("C2PA 清单")
    PROVENANCE = "provenance", _("来源 JSON")


ROLE_BY_KIND = {
    Rendition.Kind.DELIVERY: FileRole.VIDEO,
    Rendition.Kind.POSTER: FileRole.POSTER,
    Rendition.Kind.PREVIEW: FileRole.PREVIEW,
    Rendition.Kind.MULTIVIEW: FileRole.MULTIVIEW,
    Rendition.Kind.SLOWMO_050: FileRole.SLOW_0_5,
    Rendition.Kind.SLOWMO_025: FileRole.SLOW_0_25,
}
SUBTITLE_ROLES = (FileRole.VTT, FileRole.VTT_EN)
# Variants shown beside the main video, in this order (their labels are FileRole's).
VARIANT_ROLES = (FileRole.SLOW_0_5, FileRole.SLOW_0_25, FileRole.MULTIVIEW)
# Files of a public record that the public may fetch. Provenance JSON and the C2PA manifest name the
# people and systems involved and stay with the archive (they travel in the BagIt export).
PUBLIC_ROLES = frozenset({FileRole.VIDEO, FileRole.ORIGINAL, FileRole.POSTER, FileRole.PREVIEW, *SUBTITLE_ROLES,
                          *VARIANT_ROLES})


def role_for_rendition(kind: str, language: str = "") -> FileRole | None:
    """The role of a rendition (``kind`` may be a selector key such as ``subtitles:en``)."""
    kind, _sep, lang = kind.partition(":")
    if kind == Rendition.Kind.SUBTITLES:
        return FileRole.VTT_EN if (lang or language).lower().startswith("en") else FileRole.VTT
    return ROLE_BY_KIND.get(kind)
