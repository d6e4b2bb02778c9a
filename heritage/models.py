"""Abstract models shared by the apps (no tables of their own)."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRecord(models.Model):
    """What every background job row keeps for the person who asked: who ran it, how often, when, and
    the error in words (``error``) with the technical detail beside it (``error_detail``). Each job
    declares its own ``status`` (its own states) and ``timings``. Used by ``generation.GenerationJob``
    and ``postprocess.MediaJob``."""

    error = models.TextField(_("错误说明"), blank=True)
    error_detail = models.TextField(_("错误详情"), blank=True)
    worker = models.CharField(_("工作进程"), max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def run_seconds(self) -> float | None:
        """Seconds from start to finish, None while it has not both started and finished."""
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None
