"""What review needs from the layer above it, without importing it.

The records app builds on review (an archive record points at the sign-off), so review may not import
records (the import contract in .importlinter). The archive action still has to write the record in the
same transaction as the state change: records registers its writer here from ``RecordsConfig.ready()``,
and listens to :data:`signoff_withdrawn` to append its withdrawal event.
"""
from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.dispatch import Signal

# Sent inside the withdrawal's transaction with ``signoff``, ``actor``, ``reason`` and ``by_admin``.
signoff_withdrawn = Signal()


class ArchiveFailed(Exception):
    """The archive record could not be written; nothing was kept (the message is for the curator)."""


_record_writer = None


def register_record_writer(writer) -> None:
    """``writer(*, review, signoff, actor)`` writes and returns the immutable record or raises
    :class:`ArchiveFailed`."""
    global _record_writer
    _record_writer = writer


def write_record(*, review, signoff, actor):
    if _record_writer is None:
        raise ImproperlyConfigured("No archive-record writer registered: is the records app installed?")
    return _record_writer(review=review, signoff=signoff, actor=actor)
