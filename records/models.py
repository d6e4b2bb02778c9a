"""Immutable archive records (档案记录), created only from a clip the inheritor signed.

An ``ArchiveRecord`` and its ``ArchiveFile`` rows are written once, by
``records.archiving.record_create`` (called by the review's archive action), and never changed afterwards: ``save()`` on an existing row,
``delete()`` and the queryset's ``update()``/``delete()`` raise ``ImmutableRecordError`` in Python, and
on PostgreSQL a trigger (migration records/0002) refuses UPDATE and DELETE from any client, raw SQL
included. ``ArchiveEvent`` rows (PREMIS-style events with agents) are append-only in the same way.

Whether a record is shown to the public is not a property of the record (it cannot change): it is the
sign-off's state in the review app. See ``records.selectors.public_records``.
"""
import logging
import re
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from generation.postprocess.roles import FileRole

__all__ = ["ImmutableRecordError", "ArchiveRecord", "ArchiveFile", "ArchiveEvent"]

audit_log = logging.getLogger("heritage.audit")


class ImmutableRecordError(Exception):
    """Raised on any attempt to change or delete an archive record, its files or its events."""


def _refuse(model, op: str, what) -> None:
    """Log the refused attempt (logger ``heritage.audit``) and raise. On PostgreSQL the trigger's error
    for raw SQL is logged by the database server itself."""
    audit_log.warning("refused %s of %s %s: archive records are immutable", op, model.__name__, what)
    raise ImmutableRecordError(_("档案记录不可修改。") if op == "update" else _("档案记录不可删除。"))


class _AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        _refuse(self.model, "update", f"queryset {sorted(kwargs)}")

    def delete(self):
        _refuse(self.model, "delete", "queryset")

    def bulk_update(self, objs, fields, batch_size=None):
        _refuse(self.model, "update", f"bulk {fields}")


class _AppendOnly(models.Model):
    objects = _AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            _refuse(type(self), "update", self.pk)
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse(type(self), "delete", self.pk)


class ArchiveRecord(_AppendOnly):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    clip = models.OneToOneField(
        "generation.Clip", on_delete=models.PROTECT, related_name="archive_record", verbose_name=_("生成视频")
    )
    technique = models.ForeignKey(
        "archive.Technique", on_delete=models.PROTECT, related_name="archive_records", verbose_name=_("技法")
    )
    step = models.ForeignKey(
        "archive.TechniqueStep", null=True, blank=True, on_delete=models.PROTECT, related_name="archive_records",
        verbose_name=_("步骤"),
    )
    signoff = models.OneToOneField(
        "review.SignOff", on_delete=models.PROTECT, related_name="archive_record", verbose_name=_("签署")
    )
    title = models.CharField(_("标题"), max_length=300)
    attribution = models.CharField(_("署名"), max_length=500)
    rights_uri = models.URLField(_("权利声明"), max_length=300)
    ai_notice = models.CharField(_("AI 生成声明"), max_length=500)
    # The sha256 of the engine's clip file the inheritor signed (equals signoff.sha256).
    clip_sha256 = models.CharField(_("签署文件 SHA-256"), max_length=64)
    provenance = models.JSONField(_("来源信息"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("归档人")
    )
    created_at = models.DateTimeField(_("归档时间"), auto_now_add=True)

    class Meta:
        db_table = "archive_archiverecord"  # the tables predate the records app (archive/0003)
        ordering = ["-created_at"]
        verbose_name = _("档案记录")
        verbose_name_plural = _("档案记录")
        constraints = [
            models.CheckConstraint(condition=~models.Q(attribution=""), name="archiverecord_attribution_required"),
            models.CheckConstraint(condition=~models.Q(rights_uri=""), name="archiverecord_rights_required"),
        ]

    def __str__(self):
        return f"{self.title} ({self.id})"

    def file(self, role: str):
        return self.files.filter(role=role).first()


class ArchiveFile(_AppendOnly):
    Role = FileRole  # the one vocabulary of a clip's files (generation/postprocess/roles.py)

    record = models.ForeignKey(ArchiveRecord, on_delete=models.PROTECT, related_name="files", verbose_name=_("档案记录"))
    role = models.CharField(_("用途"), max_length=24, choices=Role.choices)
    file = models.FileField(_("文件"), upload_to="archive/", max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size_bytes = models.PositiveBigIntegerField(_("字节数"))
    mime = models.CharField(_("MIME 类型"), max_length=100)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        db_table = "archive_archivefile"
        ordering = ["record", "role"]
        verbose_name = _("档案文件")
        verbose_name_plural = _("档案文件")
        constraints = [models.UniqueConstraint(fields=["record", "role"], name="archivefile_one_per_role")]

    def __str__(self):
        return f"{self.record_id} {self.role}"


class AgentRole(models.TextChoices):
    """The roles records/archiving.py, fixity.py and bags.py write in ``ArchiveEvent.agents`` (stored as the code,
    shown by its label: ``ArchiveEvent.agents_display``)."""

    ARCHIVIST = "archivist", _("档案管理员")
    INHERITOR_SIGNER = "inheritor signer", _("传承人(签署)")
    PROXY_SIGNER = "proxy signer", _("代签人")
    WITHDRAWING_SIGNER = "withdrawing signer", _("撤回签署的签署人")
    ADMINISTRATOR = "administrator", _("管理员")
    ARCHIVING_SYSTEM = "archiving system", _("归档系统")
    C2PA = "c2pa", _("内容凭证签名")
    FIXITY_CHECKER = "fixity checker", _("固定性检查程序")
    EXPORTER = "exporter", _("导出程序")
    REQUESTER = "requester", _("请求人")
    IMPORTER = "importer", _("导入程序")


class ArchiveEvent(_AppendOnly):
    """A PREMIS-style event (https://www.loc.gov/standards/premis/) about a record, with its agents."""

    class Type(models.TextChoices):
        CREATION = "creation", _("创建")
        MESSAGE_DIGEST = "message digest calculation", _("摘要计算")
        INGESTION = "ingestion", _("入库")
        FIXITY_CHECK = "fixity check", _("固定性检查")
        SIGNOFF = "sign-off", _("传承人签署")
        WITHDRAWAL = "withdrawal", _("撤回签署")
        EXPORT = "export", _("导出")
        DIGITAL_SIGNATURE = "digital signature generation", _("内容凭证签名")
        # Whether the public sees a record is decided by these two, appended in order (records/selectors.py).
        PUBLICATION = "publication", _("公开发布")

    class Outcome(models.TextChoices):
        SUCCESS = "success", _("成功")
        FAILURE = "failure", _("失败")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    record = models.ForeignKey(
        ArchiveRecord, on_delete=models.PROTECT, related_name="events", verbose_name=_("档案记录")
    )
    event_type = models.CharField(_("事件类型"), max_length=40, choices=Type.choices)
    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    outcome = models.CharField(_("结果"), max_length=16, choices=Outcome.choices, default=Outcome.SUCCESS)
    detail = models.TextField(_("说明"), blank=True)
    # [{"type": "person"|"software"|"organization", "role": "...", "name": "...", "id": "..."}]
    agents = models.JSONField(_("参与者"), default=list)
    data = models.JSONField(_("数据"), default=dict, blank=True)

    class Meta:
        db_table = "archive_archiveevent"
        ordering = ["record", "at"]
        verbose_name = _("档案事件")
        verbose_name_plural = _("档案事件")

    def __str__(self):
        return f"{self.record_id} {self.event_type} {self.outcome}"

    def agents_display(self) -> list[dict]:
        """The agents with their role in the reader's language (``role_display``: ``AgentRole``'s label; a role
        not listed there is shown as written). The stored role stays the English PREMIS-style code."""
        labels = dict(AgentRole.choices)
        return [{**agent, "role_display": str(labels.get(agent.get("role"), agent.get("role", "")))}
                for agent in self.agents if isinstance(agent, dict)]

    def detail_display(self) -> str:
        """The detail in the reader's language. The stored history stays as written (English, for PREMIS
        and the BagIt export); the fixed phrases the archive writes are translated when shown, anything
        else (an attribution, a withdrawal reason) is shown as written."""
        text = self.detail or ""
        fixed = EVENT_DETAILS.get(text)
        if fixed is not None:
            return str(fixed)
        for pattern, template in EVENT_DETAIL_PATTERNS:
            m = pattern.fullmatch(text)
            if m:
                return str(template) % m.groupdict()
        return text


# The phrases records/archiving.py, fixity.py, bags.py and migration 0003 store in ``ArchiveEvent.detail``,
# shown translated by ``ArchiveEvent.detail_display`` (tests/test_review_archive.py checks that every
# event of an archived, exported record is covered).
EVENT_DETAILS = {
    "created from signed clip": _("由传承人签署的视频创建"),
    "sha256": _("SHA-256 摘要"),
    "C2PA manifest embedded in the video": _("C2PA 内容凭证已嵌入视频"),
    "published in the gallery": _("已在展厅公开"),
    "published (migrated)": _("已公开(迁移)"),
    "sha256 of every stored file": _("逐一计算已存文件的 SHA-256"),
    "restored from BagIt bag": _("已从 BagIt 包恢复"),
    "BagIt bag exported": _("已导出 BagIt 包"),
}
EVENT_DETAIL_PATTERNS = [
    (re.compile(r"(?P<n>\d+) files"), _("%(n)s 个文件")),
    # an export stored before walk14 named the server's folder: shown without it
    (re.compile(r"BagIt bag (?P<path>.+)", re.S), _("已导出 BagIt 包")),
]
