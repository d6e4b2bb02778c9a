"""Storage to a local file, in one place: ffmpeg, bagit and the C2PA signer need a path, while stored
files may live on S3. ``copy_to_local`` reads through the file's storage API in 1 MiB blocks."""
import shutil
from pathlib import Path

BLOCK = 1024 * 1024


def copy_to_local(field_file, dest: str | Path) -> Path:
    """Copy a stored file (a FieldFile) to ``dest`` on the local disk; returns ``dest`` as a Path."""
    dest = Path(dest)
    with field_file.storage.open(field_file.name, "rb") as src, open(dest, "wb") as out:
        shutil.copyfileobj(src, out, BLOCK)
    return dest
