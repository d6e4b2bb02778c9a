"""What of a clip becomes public, by role: the files post-processing made (delivery MP4 with the visible
label, poster, subtitles, slow-motion and multi-view variants) and the engine's native clip.

Post-processing (issue 6, app "postprocess") owns the renditions; this module only reads them, and falls
back to the native clip alone while post-processing has produced nothing for a clip.
"""
from __future__ import annotations

from dataclasses import dataclass

from generation.postprocess.roles import FileRole, role_for_rendition
from generation.postprocess.selectors import renditions_for_clip
from heritage.hashing import sha256_stored

MIME_BY_EXT = {
    ".mp4": "video/mp4", ".webm": "video/webm", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".png": "image/png", ".webp": "image/webp", ".vtt": "text/vtt", ".gif": "image/gif",
    ".c2pa": "application/c2pa", ".json": "application/json",
}


@dataclass(frozen=True)
class PublicFile:
    role: str
    field_file: object  # a FieldFile (storage-backed)
    mime: str
    sha256: str = ""  # as recorded when the file was made (Clip.sha256 / Rendition.sha256)

    @property
    def name(self) -> str:
        return self.field_file.name


def mime_for(name: str) -> str:
    import os

    return MIME_BY_EXT.get(os.path.splitext(name)[1].lower(), "application/octet-stream")


sha256_of_field_file = sha256_stored  # read through the file's storage (S3 as well as the file system)


def public_files(clip) -> list[PublicFile]:
    """The files that will be public for ``clip``: post-processing's renditions by archive role, plus
    the engine's clip as ``original``; the clip itself is the ``video`` when no delivery MP4 exists."""
    files: dict[str, PublicFile] = {}
    for key, r in sorted(renditions_for_clip(clip=clip).items()):  # {} while post-processing made nothing
        role = role_for_rendition(key)
        if role and r.file and role not in files:
            files[role] = PublicFile(role, r.file, mime_for(r.file.name), getattr(r, "sha256", "") or "")
    files[FileRole.ORIGINAL] = PublicFile(FileRole.ORIGINAL, clip.file, mime_for(clip.file.name), clip.sha256)
    if FileRole.VIDEO not in files:
        files[FileRole.VIDEO] = PublicFile(FileRole.VIDEO, clip.file, mime_for(clip.file.name), clip.sha256)
    return [files[k] for k in sorted(files)]
