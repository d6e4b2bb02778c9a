"""Upload checks: allowed types, the size limit (settings.MAX_UPLOAD_MB, documented in README), and the
content: the leading bytes, then the decoded header (heritage/sniff.py: PyAV for media, puremagic for documents)."""
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

AUDIO_VIDEO_EXTENSIONS = {".mp3", ".wav", ".m4a", ".aac", ".ogg", ".oga", ".flac", ".mp4", ".m4v", ".mov", ".webm"}
VIDEO_EXTENSIONS = {".mp4", ".m4v", ".mov", ".webm"}
DOCUMENT_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png"}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}

# Leading bytes of the container formats we accept; an upload whose name says .mp4 but whose bytes
# are a text file is refused.
_MAGIC = {
    ".mp3": [b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"],
    ".wav": [b"RIFF"],
    ".flac": [b"fLaC"],
    ".ogg": [b"OggS"],
    ".oga": [b"OggS"],
    ".webm": [b"\x1a\x45\xdf\xa3"],
    ".pdf": [b"%PDF"],
    ".png": [b"\x89PNG"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
    ".webp": [b"RIFF"],
}
_ISO_BMFF = {".mp4", ".m4v", ".mov", ".m4a", ".aac"}


def _check(upload, allowed: set[str]) -> None:
    ext = Path(upload.name).suffix.lower()
    if ext not in allowed:
        raise ValidationError(
            _("不支持的文件类型 %(ext)s。允许的类型:%(allowed)s") % {"ext": ext or "?", "allowed": ", ".join(sorted(allowed))},
            code="file_type",
        )
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("文件过大(%(size).1f MB),上限为 %(limit)d MB。") % {"size": upload.size / 1048576, "limit": settings.MAX_UPLOAD_MB},
            code="file_size",
        )
    head = b""
    if hasattr(upload, "read"):
        pos = upload.tell() if hasattr(upload, "tell") else 0
        upload.seek(0)
        head = upload.read(16)
        upload.seek(pos)
    if ext in _ISO_BMFF:
        ok = len(head) >= 8 and head[4:8] in {b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip"}
        if ext == ".aac":
            ok = ok or head[:2] in {b"\xff\xf1", b"\xff\xf9"}
    elif ext in _MAGIC:
        ok = any(head.startswith(m) for m in _MAGIC[ext])
    else:
        ok = True
    if ok and hasattr(upload, "read"):  # the leading bytes fit; now decode the header (heritage/sniff.py)
        from heritage.sniff import decodes_as_media, is_document_of_type

        ok = is_document_of_type(upload, ext) if ext in DOCUMENT_EXTENSIONS else decodes_as_media(upload)
    if not ok:
        raise ValidationError(_("文件内容与扩展名 %(ext)s 不符,可能不是有效的媒体文件。") % {"ext": ext}, code="file_content")


def validate_recording_file(upload) -> None:
    _check(upload, AUDIO_VIDEO_EXTENSIONS)


def validate_video_file(upload) -> None:
    _check(upload, VIDEO_EXTENSIONS)


def validate_document_file(upload) -> None:
    _check(upload, DOCUMENT_EXTENSIONS)


def validate_portrait_file(upload) -> None:
    """A portrait (the reference image of speech-driven video): an image file that Pillow can decode, both
    sides at least ``settings.S2V_MIN_IMAGE_SIDE`` pixels (the S2V preset's minimum)."""
    from PIL import Image, UnidentifiedImageError

    _check(upload, IMAGE_EXTENSIONS)
    pos = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with Image.open(upload) as im:
            width, height = im.size
            im.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("无法读取这张图片,它可能不是有效的图片文件。"), code="image_invalid") from None
    finally:
        upload.seek(pos)
    least = settings.S2V_MIN_IMAGE_SIDE
    if min(width, height) < least:
        raise ValidationError(
            _("图片为 %(w)s×%(h)s 像素,太小:语音驱动视频要求两边都至少 %(n)s 像素。") % {"w": width, "h": height, "n": least},
            code="image_too_small")


def validate_not_future(value) -> None:
    """A date of something that has happened (an interview, a consent, filming) is not after today: 2099 is a
    typing slip, refused on the field instead of stored (the model field's validator: forms and admin alike)."""
    from django.utils import timezone

    if value is not None and value > timezone.localdate():
        raise ValidationError(_("日期 %(d)s 晚于今天;请填写已经发生的日期。") % {"d": value.isoformat()}, code="future")


# What the API schema says of a field this validator checks (``heritage.schema._stated_validators``): OpenAPI has
# no maximum for a date, so the rule is said in words; a later date is a 400 naming the field.
validate_not_future.schema_note = gettext_lazy("不能晚于今天(服务器时区);更晚的日期返回 400,指明该字段。")


# The earliest birth year an inheritor may have (``Inheritor.clean``; the API schema states it, with
# ``max_birth_year``, as the birth year's minimum and maximum: ``archive.api.serializers.BirthYearField``).
MIN_BIRTH_YEAR = 1850


def max_birth_year() -> int:
    """The latest birth year an inheritor may have: this year."""
    from django.utils import timezone

    return timezone.localdate().year
