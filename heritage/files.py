"""Stored files that a row no longer points to are deleted — after the transaction that replaced them
commits (so a rolled-back edit still has its file), and only when no other row of the model still uses the
name, nor any row that records it as evidence (``keep_files_named_by(Model, field)``: e.g. a sign-off names
the proxy's authority document it was signed under, so a later change of proxy never deletes it; an
archive record names, through the job that read it, the recording whose file it rests on:
``clip__job__recording__media``). A keeper's field may be a path through relations; keepers are asked
both as the row stood before the edit (a path through the edited row itself still names the old file
then) and after it commits. Connected for the models with uploaded files (``delete_replaced_files(Model)``
in an AppConfig)."""
from __future__ import annotations

import logging

from django.db import models, transaction
from django.db.models.signals import pre_save

log = logging.getLogger(__name__)

# (model, field) pairs whose rows keep a stored file alive by naming it (a FileField or a text column).
_KEEPERS: list[tuple[type, str]] = []


def keep_files_named_by(model, field: str) -> None:
    """A replaced file that a row of ``model`` names in ``field`` is kept (connected in an AppConfig by the
    app that owns ``model``, which may sit above the app whose upload it is)."""
    if (model, field) not in _KEEPERS:
        _KEEPERS.append((model, field))


def _kept(name: str) -> bool:
    """A keeper's row names the stored file ``name``."""
    return any(model._default_manager.filter(**{field: name}).exists() for model, field in _KEEPERS)


def _still_named(sender, name: str, before: str) -> bool:
    if sender._default_manager.filter(**{name: before}).exists():
        return True
    return _kept(before)


def _file_fields(model) -> list[str]:
    return [f.name for f in model._meta.get_fields() if isinstance(f, models.FileField)]


def _on_pre_save(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    names = _file_fields(sender)
    old = sender._default_manager.filter(pk=instance.pk).values(*names).first()
    if not old:
        return
    for name in names:
        before, field_file = old[name], getattr(instance, name)
        if before and before != (field_file.name or ""):
            storage = field_file.storage
            kept_before = _kept(before)  # as the row stood: e.g. an archive record's path to this very row

            def delete(before=before, name=name, storage=storage, kept_before=kept_before):
                if kept_before or _still_named(sender, name, before):
                    return
                try:
                    storage.delete(before)
                except Exception:  # noqa: BLE001 - storage down: the file stays, nothing else breaks
                    log.exception("could not delete the replaced file %s", before)

            transaction.on_commit(delete)


def delete_replaced_files(model) -> None:
    pre_save.connect(_on_pre_save, sender=model, dispatch_uid=f"delete_replaced_files_{model._meta.label}")
