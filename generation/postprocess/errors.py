"""Errors of post-processing. ``reason`` is a sentence a curator can read (shown on the media job);
``detail`` carries the technical part (ffmpeg's stderr, a probe dump)."""


def _(message: str) -> str:
    """gettext when Django is configured, the (Chinese) source string otherwise: the pipeline also
    runs outside Django (benchmarks, plain scripts)."""
    try:
        from django.conf import settings

        if settings.configured:
            from django.utils.translation import gettext

            return gettext(message)
    except Exception:  # pragma: no cover - Django missing or half-configured
        pass
    return message


class PostprocessError(Exception):
    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail

    def __str__(self):
        return self.reason


class InputError(PostprocessError):
    """The source is missing, unreadable or has no frames."""


class OutputNotWritable(PostprocessError):
    """The output path cannot be written."""


class FontNotFound(PostprocessError):
    """No font with Chinese glyphs for the label and subtitles."""


class LabelTooLong(PostprocessError):
    """The label does not fit in the frame."""


class FfmpegFailed(PostprocessError):
    """ffmpeg exited with an error; ``detail`` holds its stderr."""


class VerificationFailed(PostprocessError):
    """The output exists but ffprobe shows it is not what was asked for."""
