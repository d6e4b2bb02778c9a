"""BagIt export and import of archive records (RFC 8493, with the ``bagit`` package).

A bag per record::

    <record id>/
      bagit.txt  bag-info.txt          Source-Organization, External-Identifier (urn:uuid:<record>), ...
      manifest-sha256.txt  manifest-sha512.txt  tagmanifest-sha256.txt  tagmanifest-sha512.txt
      provenance.json                  the record's provenance (tag file)
      record.json                      record fields and its files by role with sha256 and MIME (tag file)
      premis-events.json               the record's PREMIS-style events (tag file)
      data/<role><ext>                 the archived files

Import validates the bag (both manifests, completeness) and reads it back into ``BaggedRecord``;
``record_import`` then checks it against the archive: for a record that exists, every field, the
provenance and every file digest must match; stored files that are missing or damaged are restored
from the bag (a fixity-repair event is appended). A bag whose record is unknown here is refused with a
clear message (creating records is only possible through sign-off).
"""
from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import bagit
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage

from heritage.storage import copy_to_local
from review.renditions import sha256_of_field_file

from .models import ArchiveEvent, ArchiveRecord

BAG_ALGORITHMS = ["sha256", "sha512"]
logging.getLogger("bagit").setLevel(logging.WARNING)  # one INFO line per file otherwise


class BagError(Exception):
    pass


def _organization() -> str:
    return settings.HERITAGE_ORGANIZATION


def _export_root() -> Path:
    return Path(settings.HERITAGE_BAG_DIR)


def exported_bag(record: ArchiveRecord) -> Path | None:
    """The record's bag as last exported to the bag folder (``bag_export``), or None."""
    bag = _export_root() / str(record.pk)
    return bag if (bag / "bagit.txt").is_file() else None


def bag_zip(bag: Path, dest) -> None:
    """Write ``bag`` (a directory) as a zip to the open binary file ``dest``, its files under ``<bag name>/``
    (what a curator downloads; the media are stored, not compressed again)."""
    import zipfile

    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
        for path in sorted(bag.rglob("*")):
            if path.is_file():
                zf.write(path, arcname=f"{bag.name}/{path.relative_to(bag).as_posix()}")


def record_as_json(record: ArchiveRecord) -> dict:
    return {
        "id": str(record.pk),
        "title": record.title,
        "attribution": record.attribution,
        "rights_uri": record.rights_uri,
        "ai_notice": record.ai_notice,
        "clip_sha256": record.clip_sha256,
        "technique": record.technique.slug,
        "step": record.step.order if record.step_id else None,
        "signoff": str(record.signoff_id),
        "created_at": record.created_at.isoformat(),
        "files": [
            {"role": f.role, "path": f"data/{f.role}{os.path.splitext(f.file.name)[1]}", "sha256": f.sha256,
             "size_bytes": f.size_bytes, "mime": f.mime}
            for f in record.files.order_by("role")
        ],
    }


def events_as_json(record: ArchiveRecord) -> list[dict]:
    return [
        {"id": str(e.pk), "type": e.event_type, "at": e.at.isoformat(), "outcome": e.outcome, "detail": e.detail,
         "agents": e.agents, "data": e.data}
        for e in record.events.order_by("at")
    ]


def bag_export(record: ArchiveRecord, *, dest_dir: Path | None = None, actor=None) -> Path:
    """Write the record's bag; returns its directory. Refuses to export a file that fails fixity."""
    root = Path(dest_dir) if dest_dir else _export_root()
    root.mkdir(parents=True, exist_ok=True)
    final = root / str(record.pk)
    work = root / f".{record.pk}.partial"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        meta = record_as_json(record)
        for f, entry in zip(record.files.order_by("role"), meta["files"]):
            target = work / Path(entry["path"]).name
            copy_to_local(f.file, target)
        bag = bagit.make_bag(
            str(work),
            bag_info={
                "Source-Organization": _organization(),
                "External-Identifier": f"urn:uuid:{record.pk}",
                "External-Description": f"{record.title} — {record.attribution}",
                "Internal-Sender-Identifier": str(record.pk),
                "Rights": record.rights_uri,
            },
            checksums=BAG_ALGORITHMS,
        )
        # Tag files go next to bagit.txt; save() rewrites the tag manifests to cover them.
        (work / "provenance.json").write_text(json.dumps(record.provenance, ensure_ascii=False, indent=2),
                                              encoding="utf-8")
        (work / "record.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        (work / "premis-events.json").write_text(json.dumps(events_as_json(record), ensure_ascii=False, indent=2),
                                                 encoding="utf-8")
        bag.save()
        bagit.Bag(str(work)).validate()
        for entry in meta["files"]:
            if bag.entries[entry["path"]]["sha256"] != entry["sha256"]:
                raise BagError(f"{entry['role']} 与入库 SHA-256 不一致,拒绝导出(请先检查固定性)。")
        shutil.rmtree(final, ignore_errors=True)
        work.rename(final)
    except Exception:
        shutil.rmtree(work, ignore_errors=True)
        raise
    ArchiveEvent.objects.create(
        # the event says what was done, not where on the server (a person reads it on the record page); the
        # folder stays in ``data`` for the operator
        record=record, event_type=ArchiveEvent.Type.EXPORT, detail="BagIt bag exported",
        agents=[{"type": "software", "role": "exporter", "name": f"bagit {bagit.VERSION}", "id": "bagit"}]
        + ([{"type": "person", "role": "requester", "name": actor.username, "id": f"user:{actor.pk}"}] if actor else []),
        data={"path": str(final), "algorithms": BAG_ALGORITHMS},
    )
    return final


@dataclass
class BaggedRecord:
    path: Path
    info: dict
    record: dict
    provenance: dict
    events: list

    @property
    def id(self) -> str:
        return self.record["id"]

    def file_path(self, role: str) -> Path:
        for f in self.record["files"]:
            if f["role"] == role:
                return self.path / f["path"]
        raise KeyError(role)


def bag_read(path: Path) -> BaggedRecord:
    """Validate a bag (both manifests, completeness, Oxum) and read it."""
    try:
        bag = bagit.Bag(str(path))
        bag.validate()
    except bagit.BagError as exc:
        raise BagError(f"BagIt 校验失败:{exc}") from exc
    for name in ("provenance.json", "record.json", "premis-events.json"):
        if not (Path(path) / name).is_file():
            raise BagError(f"缺少标签文件 {name}。")
    record = json.loads((Path(path) / "record.json").read_text(encoding="utf-8"))
    if bag.info.get("External-Identifier") != f"urn:uuid:{record['id']}":
        raise BagError("bag-info 的 External-Identifier 与 record.json 不一致。")
    for f in record["files"]:
        if bag.entries.get(f["path"], {}).get("sha256") != f["sha256"]:
            raise BagError(f"文件 {f['path']} 的 SHA-256 与 record.json 不一致。")
    return BaggedRecord(
        path=Path(path), info=dict(bag.info), record=record,
        provenance=json.loads((Path(path) / "provenance.json").read_text(encoding="utf-8")),
        events=json.loads((Path(path) / "premis-events.json").read_text(encoding="utf-8")),
    )


@dataclass
class ImportResult:
    record: ArchiveRecord
    restored: list[str]


def record_import(path: Path) -> ImportResult:
    """Import a bag into this archive: it must describe a record that exists here, identically; damaged
    or missing stored files are restored from the bag."""
    bagged = bag_read(path)
    record = ArchiveRecord.objects.filter(pk=bagged.id).first()
    if record is None:
        raise BagError(f"档案记录 {bagged.id} 不在本系统中;档案记录只能通过传承人签署创建。")
    ours = record_as_json(record)
    for key in ("title", "attribution", "rights_uri", "ai_notice", "clip_sha256", "files"):
        if ours[key] != bagged.record[key]:
            raise BagError(f"bag 与档案记录的 {key} 不一致。")
    if record.provenance != bagged.provenance:
        raise BagError("bag 的来源信息与档案记录不一致。")
    restored = []
    for f in record.files.all():
        try:
            good = sha256_of_field_file(f.file) == f.sha256
        except OSError:
            good = False
        if not good:
            if default_storage.exists(f.file.name):
                default_storage.delete(f.file.name)
            with open(bagged.file_path(f.role), "rb") as fh:
                saved = default_storage.save(f.file.name, File(fh))
            if saved != f.file.name:
                raise BagError(f"无法在原位置恢复 {f.file.name}。")
            restored.append(f.role)
    if restored:
        ArchiveEvent.objects.create(
            record=record, event_type=ArchiveEvent.Type.FIXITY_CHECK, detail="restored from BagIt bag",
            agents=[{"type": "software", "role": "importer", "name": f"bagit {bagit.VERSION}", "id": "bagit"}],
            data={"restored": restored, "bag": str(path)},
        )
    return ImportResult(record=record, restored=restored)
