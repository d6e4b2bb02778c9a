"""Post-processing records: a media job per run (status and the error a curator can read) and the
verified renditions it produced (delivery MP4, slow motion, subtitles, poster, preview, multi-view)."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from heritage.models import JobRecord


class MediaJob(JobRecord):
    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("处理中")
        FAILED = "failed", _("失败")
        SUCCEEDED = "succeeded", _("已完成")

    clip = models.ForeignKey(
        "generation.Clip", on_delete=models.CASCADE, related_name="media_jobs", verbose_name=_("生成视频")
    )
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.QUEUED, db_index=True)
    # deliver, fps, label, slowmo, burn_subtitles, multiview clip ids, ...
    options = models.JSONField(_("处理参数"), default=dict, blank=True)
    label = models.CharField(_("AI 标识文字"), max_length=200, blank=True)
    progress_done = models.PositiveSmallIntegerField(_("已完成输出"), default=0)
    progress_total = models.PositiveSmallIntegerField(_("输出总数"), default=0)
    # error, error_detail, worker, attempts, created_at, started_at, finished_at: heritage.models.JobRecord
    ffmpeg_log = models.TextField(_("ffmpeg 日志"), blank=True)
    timings = models.JSONField(_("各输出耗时(秒)"), default=dict, blank=True)
    # The lease (generation.leases): only the attempt holding run_token writes the row; it touches
    # heartbeat_at while it runs, and recovery requeues a running job whose heartbeat stopped.
    run_token = models.UUIDField(_("当前执行标识"), null=True, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(_("最近心跳"), null=True, blank=True)
    # When its message was last sent; still queued long after, it is sent again (Lease.resend_lost).
    enqueued_at = models.DateTimeField(_("最近入队时间"), null=True, blank=True)

    class Meta(JobRecord.Meta):
        verbose_name = _("后期处理任务")
        verbose_name_plural = _("后期处理任务")

    def __str__(self):
        return f"media job {self.pk} ({self.get_status_display()})"


def rendition_upload_to(instance, filename):
    return f"renditions/{instance.clip.job_id}/{filename}"


class Rendition(models.Model):
    class Kind(models.TextChoices):
        DELIVERY = "delivery", _("交付视频")
        SLOWMO_050 = "slowmo_050", _("慢动作 0.5×")
        SLOWMO_025 = "slowmo_025", _("慢动作 0.25×")
        SUBTITLES = "subtitles", _("字幕(WebVTT)")
        POSTER = "poster", _("海报图")
        PREVIEW = "preview", _("动态预览")
        MULTIVIEW = "multiview", _("多机位合成")

    clip = models.ForeignKey(
        "generation.Clip", on_delete=models.CASCADE, related_name="renditions", verbose_name=_("生成视频")
    )
    media_job = models.ForeignKey(
        MediaJob, null=True, blank=True, on_delete=models.SET_NULL, related_name="renditions", verbose_name=_("后期处理任务")
    )
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    language = models.CharField(_("语言"), max_length=16, blank=True)
    file = models.FileField(_("文件"), upload_to=rendition_upload_to, max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size_bytes = models.PositiveBigIntegerField(_("字节数"))
    width = models.PositiveIntegerField(_("宽"), default=0)
    height = models.PositiveIntegerField(_("高"), default=0)
    fps = models.FloatField(_("帧率"), default=0)
    duration_s = models.FloatField(_("时长(秒)"), default=0)
    nb_frames = models.PositiveIntegerField(_("帧数"), default=0)
    codec = models.CharField(_("编码"), max_length=32, blank=True)
    label = models.CharField(_("AI 标识文字"), max_length=200, blank=True)
    template = models.CharField(_("命令模板"), max_length=60, blank=True)
    template_version = models.PositiveSmallIntegerField(_("模板版本"), default=1)
    command = models.JSONField(_("ffmpeg 命令"), default=list, blank=True)
    probe = models.JSONField(_("ffprobe 结果"), default=dict, blank=True)
    ffmpeg_stderr = models.TextField(_("ffmpeg 输出"), blank=True)
    # Multi-view: the clips composed into the grid (the first is ``clip``).
    sources = models.ManyToManyField("generation.Clip", blank=True, related_name="+", verbose_name=_("源视频"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["clip", "kind", "language", "-created_at"]
        verbose_name = _("衍生文件")
        verbose_name_plural = _("衍生文件")
        constraints = [
            models.UniqueConstraint(fields=["media_job", "kind", "language"], name="rendition_unique_per_job"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.language} of clip {self.clip_id}"
