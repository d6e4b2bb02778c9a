"""Creating the immutable archive record from a signed clip (called by ``review_archive`` inside its
transaction).

Files are copied into archive storage under ``archive/<record id>/<role><ext>``: the engine's clip
(``original``, the file the inheritor signed), the delivery MP4 with a C2PA manifest embedded
(``video``), the manifest store on its own (``c2pa_manifest``) and every public rendition. Each file's
sha256 is computed from the bytes written. When anything fails, the files written so far are removed
and the transaction rolls back: nothing is half-written.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from archive.roles import person_name
from generation.postprocess.roles import FileRole
from heritage.hashing import sha256_file
from heritage.storage import copy_to_local
from review.ports import ArchiveFailed
from review.renditions import public_files

from . import credentials
from .models import ArchiveEvent, ArchiveFile, ArchiveRecord

SOFTWARE_AGENT = {"type": "software", "role": "archiving system", "name": "heritage review/archive", "id": "heritage"}


def engine_identity(job) -> dict:
    return {
        "name": "heritage text-to-video engine (Wan2.2 family)",
        "preset": job.preset,
        "checkpoint": job.checkpoint_id,
        "tiny_noise_engine": job.preset == "tiny",
    }


def build_provenance(*, review, signoff, record_id) -> dict:
    """Everything needed to understand and re-run the generation, and who vouched for it."""
    clip, job = review.clip, review.clip.job
    reviewers = {}
    for c in review.comments.select_related("author").order_by("created_at"):
        reviewers.setdefault(c.author.pk, {"user": c.author.username, "name": c.author.get_full_name(),
                                           "kinds": set()})["kinds"].add(c.kind)
    for a in review.audit.filter(outcome="ok").select_related("actor"):
        if a.actor_id and a.action in ("request_changes", "reject", "comment"):
            reviewers.setdefault(a.actor_id, {"user": a.actor_name, "name": "", "kinds": set()})["kinds"].add(a.action)
    versions = []
    prev = review.previous
    while prev is not None:
        versions.append({"review": str(prev.pk), "version": prev.version, "clip_sha256": prev.clip.sha256,
                         "job": str(prev.clip.job_id), "state": prev.state})
        prev = prev.previous
    return {
        "record": str(record_id),
        "profile": "heritage-provenance/1",
        "subject": {
            "craft": review.technique.craft.name,
            "technique": review.technique.name,
            "technique_slug": review.technique.slug,
            "step": {"order": review.step.order, "title": review.step.title} if review.step_id else None,
            "title": review.title,
        },
        "source": {
            "oral_history": review.attribution_sources,
            "recording": job.recording_id,
            "transcript_span": [job.source_start, job.source_end] if job.source_start is not None else None,
            "transcript_text": job.source_text,
        },
        "generation": {
            "job": str(job.pk),
            "action_description": job.action_description,
            "spec_version": job.spec_version,
            "prompt": job.prompt,
            "negative_prompt": job.negative_prompt,
            "camera": job.camera,
            "parameters": job.parameters,
            "seed": job.seed,
            "engine": engine_identity(job),
            "requested_by": job.requested_by.username,
            "created_at": job.created_at.isoformat(),
            "finished_at": job.finished_at.isoformat() if job.finished_at else None,
            "clip": {"sha256": clip.sha256, "size_bytes": clip.size_bytes, "width": clip.width,
                     "height": clip.height, "num_frames": clip.num_frames, "fps": clip.fps},
        },
        "review": {
            "review": str(review.pk),
            "version": review.version,
            "previous_versions": versions,
            "reviewers": [{"user": v["user"], "name": v["name"], "acts": sorted(v["kinds"])}
                          for v in reviewers.values()],
        },
        "signoff": {
            "id": str(signoff.pk),
            "inheritor": signoff.inheritor.name,
            "signed_by": signoff.signed_by.username,
            "by_proxy": signoff.by_proxy,
            "proxy_name": signoff.proxy_name,
            "proxy_relation": signoff.proxy_relation,
            "proxy_document": signoff.proxy_document,
            "sha256": signoff.sha256,
            "attribution": signoff.attribution,
            "signed_at": signoff.signed_at.isoformat(),
        },
        "attribution": signoff.attribution,
        "rights_uri": signoff.rights_uri,
        "ai_notice": signoff.ai_notice,
    }


def record_create(*, review, signoff, actor) -> ArchiveRecord:
    record_id = uuid.uuid4()
    written: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix="heritage-archive-"))
    try:
        provenance = build_provenance(review=review, signoff=signoff, record_id=record_id)
        staged: list[tuple[str, Path, str]] = []  # (role, local path, mime)
        signed_files = {f["role"]: f.get("sha256", "") for f in signoff.public_summary.get("files", [])}
        current = public_files(review.clip)
        if {pf.role for pf in current} != set(signed_files):
            raise ArchiveFailed("公开内容在签署后发生了变化(文件种类不同),请重新送审签署。")
        for pf in current:
            ext = os.path.splitext(pf.name)[1].lower() or ".bin"
            local = copy_to_local(pf.field_file, tmp / f"{pf.role}-src{ext}")
            if signed_files[pf.role] and sha256_file(local) != signed_files[pf.role]:
                raise ArchiveFailed(f"公开文件 {pf.role} 在签署后被改动(SHA-256 不一致),请重新送审签署。")
            if pf.role == FileRole.VIDEO:
                signed = tmp / f"video{ext}"
                definition = credentials.build_manifest_definition(
                    title=review.title, record_id=str(record_id), attribution=signoff.attribution,
                    rights_uri=signoff.rights_uri, ai_notice=signoff.ai_notice,
                    engine=provenance["generation"]["engine"],
                    signoff={k: provenance["signoff"][k] for k in ("inheritor", "by_proxy", "sha256", "signed_at",
                                                                    "attribution")},
                )
                manifest = credentials.embed_manifest(local, signed, definition)
                (tmp / "manifest.c2pa").write_bytes(manifest)
                staged.append((FileRole.VIDEO, signed, pf.mime))
                staged.append(("c2pa_manifest", tmp / "manifest.c2pa", "application/c2pa"))
            else:
                staged.append((pf.role, local, pf.mime))
        if signoff.sha256 != sha256_file(next(p for role, p, _m in staged if role == "original")):
            raise ArchiveFailed("签署文件在归档复制时校验失败。")

        record = ArchiveRecord(
            id=record_id, clip=review.clip, technique=review.technique, step=review.step, signoff=signoff,
            title=review.title, attribution=signoff.attribution, rights_uri=signoff.rights_uri,
            ai_notice=signoff.ai_notice, clip_sha256=signoff.sha256, provenance=provenance, created_by=actor,
        )
        record.save()
        digests = {}
        for role, path, mime in staged:
            ext = "".join(path.suffixes[-1:]) or ".bin"
            with open(path, "rb") as fh:
                name = default_storage.save(f"archive/{record_id}/{role}{ext}", File(fh))
            written.append(name)
            digest = sha256_file(path)
            digests[role] = digest
            ArchiveFile.objects.create(record=record, role=role, file=name, sha256=digest,
                                       size_bytes=path.stat().st_size, mime=mime)
        curator = {"type": "person", "role": "archivist", "name": person_name(actor),
                   "id": f"user:{actor.pk}"}
        signer = {"type": "person", "role": "proxy signer" if signoff.by_proxy else "inheritor signer",
                  "name": person_name(signoff.signed_by),
                  "id": f"user:{signoff.signed_by_id}", "on_behalf_of": signoff.inheritor.name}
        ArchiveEvent.objects.create(record=record, event_type=ArchiveEvent.Type.SIGNOFF, agents=[signer],
                                    detail=signoff.attribution,
                                    data={"signoff": str(signoff.pk), "sha256": signoff.sha256,
                                          "signed_at": signoff.signed_at.isoformat()})
        ArchiveEvent.objects.create(record=record, event_type=ArchiveEvent.Type.CREATION,
                                    agents=[curator, SOFTWARE_AGENT], detail="created from signed clip")
        ArchiveEvent.objects.create(record=record, event_type=ArchiveEvent.Type.MESSAGE_DIGEST,
                                    agents=[SOFTWARE_AGENT], detail="sha256", data=digests)
        ArchiveEvent.objects.create(record=record, event_type=ArchiveEvent.Type.DIGITAL_SIGNATURE,
                                    agents=[SOFTWARE_AGENT, {"type": "software", "role": "c2pa",
                                                             "name": "c2pa-python", "id": "c2pa"}],
                                    detail="C2PA manifest embedded in the video",
                                    data={"development_certificate": credentials.signing_material().development})
        ArchiveEvent.objects.create(record=record, event_type=ArchiveEvent.Type.INGESTION,
                                    agents=[curator, SOFTWARE_AGENT], detail=f"{len(staged)} files",
                                    data={"at": timezone.now().isoformat()})
        ArchiveEvent.objects.create(record=record, event_type=ArchiveEvent.Type.PUBLICATION,
                                    agents=[curator], detail="published in the gallery",
                                    data={"signoff": str(signoff.pk)})
        return record
    except Exception as exc:
        for name in written:
            try:
                default_storage.delete(name)
            except Exception:  # noqa: BLE001
                pass
        if isinstance(exc, ArchiveFailed):
            raise
        if isinstance(exc, credentials.CredentialsError):
            raise ArchiveFailed(str(exc)) from exc
        if isinstance(exc, OSError):
            raise ArchiveFailed(f"归档文件写入失败:{exc}") from exc
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def record_withdrawal(*, sender=None, signoff, actor, reason: str, by_admin: bool, **kwargs) -> None:
    """Receiver of ``review.ports.signoff_withdrawn``: the record stays (it is immutable); a PREMIS
    withdrawal event is appended to it, in the withdrawal's transaction."""
    from review.services import person_agent

    record = ArchiveRecord.objects.filter(signoff=signoff).first()
    if record is not None:
        ArchiveEvent.objects.create(
            record=record, event_type=ArchiveEvent.Type.WITHDRAWAL, detail=reason[:2000],
            agents=[person_agent(actor, "administrator" if by_admin else "withdrawing signer")],
            data={"signoff": str(signoff.pk)},
        )
