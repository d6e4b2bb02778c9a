"""Models shared by the apps: the abstract ``JobRecord``, and the one store of requests acted on once
(``OnceKey``)."""
from django.conf import settings
from django.db import models
from django.utils import timezone
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


class OnceKey(models.Model):
    """A request acted on once (``heritage.once.claim``, the one store): a curator form's one-time page key and
    the API's ``Idempotency-Key`` alike. A row is claimed by inserting it (unique per scope, account and key, so
    of two racing requests, in any process, one gets in); ``result`` is what the first request made (a form: the
    page it landed on; the API: its job ids, in order), empty while that request is still being written.
    Rows older than ``heritage.once.WINDOW`` answer nothing and are purged by the recovery sweep."""

    scope = models.CharField(_("范围"), max_length=40)  # "form", "generation-tasks"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("提交人"))
    key = models.CharField(_("幂等键"), max_length=255)
    fingerprint = models.CharField(_("请求体指纹"), max_length=64)
    result = models.JSONField(_("结果"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("一次性提交键")
        verbose_name_plural = _("一次性提交键")
        constraints = [models.UniqueConstraint(fields=["scope", "user", "key"], name="once_key_unique")]

    def __str__(self):
        return f"{self.scope}:{self.key}"
