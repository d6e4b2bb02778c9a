"""What an uploaded file really is, decided from its content by maintained libraries: media files must open
with FFmpeg's demuxers (PyAV) and yield at least one decodable audio or video frame; documents must be
recognised by puremagic as the type their extension names. A file that merely starts with the right magic
bytes (``ID3`` followed by text, saved as .mp3) is refused."""
from __future__ import annotations

# Extensions that name the same thing for puremagic.
SAME = {".jpeg": ".jpg", ".jpg": ".jpg", ".pdf": ".pdf", ".png": ".png"}


def _rewind(upload):
    if hasattr(upload, "seek"):
        upload.seek(0)


def decodes_as_media(upload) -> bool:
    import av

    _rewind(upload)
    try:
        with av.open(upload, mode="r") as container:
            streams = [s for s in container.streams if s.type in ("audio", "video")]
            if not streams:
                return False
            for _frame in container.decode(streams[0]):
                return True
            return False
    except Exception:  # noqa: BLE001 - any demuxer/decoder error means "not a media file we can use"
        return False
    finally:
        _rewind(upload)


def is_document_of_type(upload, ext: str) -> bool:
    import puremagic

    _rewind(upload)
    try:
        head = upload.read(8192)
    finally:
        _rewind(upload)
    try:
        found = {SAME.get(m.extension.lower(), m.extension.lower()) for m in puremagic.magic_string(head)}
    except puremagic.PureError:
        return False
    return SAME.get(ext, ext) in found
