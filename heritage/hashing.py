"""One way to hash files: sha256 in 1 MiB blocks, from a path, an open file, or Django storage."""
import hashlib
from pathlib import Path
from typing import BinaryIO

BLOCK = 1024 * 1024


def sha256_stream(fh: BinaryIO) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: fh.read(BLOCK), b""):
        digest.update(block)
    return digest.hexdigest()


def sha256_file(path: str | Path) -> str:
    with open(path, "rb") as fh:
        return sha256_stream(fh)


def sha256_stored(field_file) -> str:
    """sha256 of a stored file, read through its storage (S3 as well as the file system)."""
    with field_file.storage.open(field_file.name, "rb") as fh:
        return sha256_stream(fh)
