"""Media storage, in one place.

- ``copy_to_local``: ffmpeg, bagit and the C2PA signer need a path, while stored files may live on S3; it reads
  through the file's storage API in 1 MiB blocks.
- ``SafeNames``: the name every upload is stored under (both media backends, ``STORAGES["default"]``): Django's
  ``get_valid_filename`` drops what is not a letter, digit, ``-``, ``_`` or ``.``, so ``🎵.mp4`` became ``.mp4``
  (no stem; a second one ``.mp4_AbC1234``, no extension, served as application/octet-stream). Here the stem is
  kept when something of it survives and is ``file`` when nothing does, and the extension is always the
  upload's own (ASCII letters and digits, lower case), so a name taken is ``<stem>_<random><ext>``.
"""
import re
import shutil
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from django.utils.text import get_valid_filename

BLOCK = 1024 * 1024
FALLBACK_STEM = "file"
_STEM_EXT = re.compile(r"^(.*?)(\.[A-Za-z0-9]{1,10})?$", re.S)


def copy_to_local(field_file, dest: str | Path) -> Path:
    """Copy a stored file (a FieldFile) to ``dest`` on the local disk; returns ``dest`` as a Path."""
    dest = Path(dest)
    with field_file.storage.open(field_file.name, "rb") as src, open(dest, "wb") as out:
        shutil.copyfileobj(src, out, BLOCK)
    return dest


def safe_name(name: str) -> str:
    """``🎵.mp4`` → ``file.mp4``; ``苏绣 针法.MP4`` → ``苏绣_针法.mp4``; ``.mp4`` → ``file.mp4``; never a name
    without a stem, and the extension only when it is one (``.mp4``, not ``.🎵``)."""
    stem, ext = _STEM_EXT.match(str(name).strip()).groups()  # ".mp4" is an extension with nothing before it
    ext = (ext or "").lower()
    cleaned = re.sub(r"(?u)[^-\w.]", "", stem.replace(" ", "_")).strip("._")
    return get_valid_filename((cleaned or FALLBACK_STEM) + ext)


class SafeNames:
    """Mixed into the media storage backends: ``get_valid_name`` is ``safe_name``. Django's
    ``get_alternative_name`` then puts its random part between that stem and the extension."""

    def get_valid_name(self, name):
        return safe_name(name)


class MediaFileSystemStorage(SafeNames, FileSystemStorage):
    """The local media storage (``MEDIA_ROOT``)."""
