"""Generation jobs and the clips they produce.

A job row is the user-facing record of one generation: the UI and the API read it, never the broker.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from heritage.models import JobRecord


class GenerationJob(JobRecord):
    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("生成中")
        CANCELLING = "cancelling", _("正在取消")
        CANCELLED = "cancelled", _("已取消")
        FAILED = "failed", _("失败")
        SUCCEEDED = "succeeded", _("已完成")

    ACTIVE = (Status.QUEUED, Status.RUNNING, Status.CANCELLING)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="generation_jobs", verbose_name=_("申请人")
    )
    # Source: a technique, optionally one of its steps, optionally a span of a transcript.
    technique = models.ForeignKey(
        "archive.Technique", null=True, blank=True, on_delete=models.PROTECT, related_name="generation_jobs",
        verbose_name=_("技法"),
    )
    step = models.ForeignKey(
        "archive.TechniqueStep", null=True, blank=True, on_delete=models.SET_NULL, related_name="generation_jobs",
        verbose_name=_("步骤"),
    )
    # PROTECT: the oral-history source of a clip (and of a signed, archived record) is never deleted from
    # under it; the curator's delete page lists the jobs that read it (archive.selectors.deletion_blockers).
    recording = models.ForeignKey(
        "archive.Recording", null=True, blank=True, on_delete=models.PROTECT, related_name="generation_jobs",
        verbose_name=_("口述史录音"),
    )
    # PROTECT as well: the recording the job's prompt template (or an edit of one) was normalized from
    # (the action description's ``source_recording``, generation/attribution.py ``job_sources``). A job
    # made from a technique's saved template reads no transcript span, yet its video rests on that
    # recording's words and consent (the gallery follows it: ``attribution.sources_consent_q``).
    template_recording = models.ForeignKey(
        "archive.Recording", null=True, blank=True, on_delete=models.PROTECT, related_name="template_jobs",
        verbose_name=_("提示词模板的来源录音"),
    )

    class Kind(models.TextChoices):
        T2V = "t2v", _("文本生成视频")
        S2V = "s2v", _("口述影像(语音驱动)")

    kind = models.CharField(_("类型"), max_length=8, choices=Kind.choices, default=Kind.T2V, db_index=True)
    # Speech-to-video: the portrait that is the reference image, and the audio span of the recording
    # (milliseconds) whose audio drives the video; `audio` is that span cut from the recording's file.
    portrait = models.ForeignKey(
        "archive.InheritorPortrait", null=True, blank=True, on_delete=models.PROTECT, related_name="generation_jobs",
        verbose_name=_("人像"),
    )
    audio_start_ms = models.PositiveIntegerField(_("音频起点(毫秒)"), null=True, blank=True)
    audio_end_ms = models.PositiveIntegerField(_("音频终点(毫秒)"), null=True, blank=True)
    audio = models.FileField(_("驱动音频"), upload_to="s2v-audio/", blank=True)
    # The transcript's speaker label that stands for the narrator in this recording, as the curator chose it on
    # the S2V form (generation/s2v.py ``speaker_labels``): the segments under it are the narrator's own words.
    speaker_label = models.CharField(_("讲述人的说话人标签"), max_length=100, blank=True)
    source_start = models.PositiveIntegerField(_("来源起始字符"), null=True, blank=True)
    source_end = models.PositiveIntegerField(_("来源结束字符"), null=True, blank=True)
    source_text = models.TextField(_("来源文本"), blank=True)
    # Decided once when the job is created (generation/attribution.py) and read by every later step: the
    # burned-in label, the video metadata, the review and sign-off, the C2PA manifest, the gallery.
    attribution = models.CharField(_("署名"), max_length=500, blank=True)
    attribution_sources = models.JSONField(_("署名来源"), default=list, blank=True)
    consent = models.CharField(_("AI 重构授权依据"), max_length=16, blank=True,
                               help_text=_("recording:读取的录音均授权 AI 重构;none:未读取口述史录音"))
    # The structured action description (generation.prompting output); the prompt is derived from it.
    action_description = models.JSONField(_("结构化动作描述"), default=dict, blank=True)
    spec_version = models.CharField(_("规范版本"), max_length=40, blank=True)
    prompt = models.TextField(_("提示词"))
    negative_prompt = models.TextField(_("负向提示词"), blank=True)
    camera = models.CharField(_("机位"), max_length=40, blank=True)
    # Every engine parameter (width, height, num_frames, num_steps, guidance, sampler, mode, ...).
    parameters = models.JSONField(_("引擎参数"), default=dict)
    seed = models.BigIntegerField(_("随机种子"))
    preset = models.CharField(_("引擎预设"), max_length=40)
    checkpoint_id = models.CharField(_("权重标识"), max_length=80, blank=True)
    batch = models.UUIDField(_("批次"), null=True, blank=True, db_index=True)
    retry_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="retries", verbose_name=_("重试自")
    )

    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.QUEUED, db_index=True)
    progress_step = models.PositiveIntegerField(_("当前步"), default=0)
    progress_total = models.PositiveIntegerField(_("总步数"), default=0)
    progress_expert = models.CharField(_("当前专家"), max_length=8, blank=True)
    eta_s = models.FloatField(_("预计剩余秒数"), null=True, blank=True)
    timings = models.JSONField(_("各阶段耗时"), default=dict, blank=True)
    # error, error_detail, worker, attempts, created_at, started_at, finished_at: heritage.models.JobRecord
    device = models.CharField(_("设备"), max_length=200, blank=True)
    # Crash safety: each attempt claims the row with a fresh token; only the holder of the current token
    # may report progress or finish the job. The worker touches `heartbeat_at` while it runs the job; a
    # running job whose heartbeat is older than the lease is taken over (see services.jobs_recover_stale).
    run_token = models.UUIDField(_("当前执行标识"), null=True, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(_("最近心跳"), null=True, blank=True)
    # When the last message for this job was sent; a job still queued long after is sent again (a message can
    # be lost: a worker killed between taking it from the filesystem broker and claiming the job).
    enqueued_at = models.DateTimeField(_("最近入队时间"), null=True, blank=True)
    soft_time_limit_s = models.PositiveIntegerField(_("软时限(秒)"), default=0)
    time_limit_s = models.PositiveIntegerField(_("硬时限(秒)"), default=0)
    oom_retried = models.BooleanField(_("已因显存不足降级重试"), default=False)

    class Meta(JobRecord.Meta):
        verbose_name = _("生成任务")
        verbose_name_plural = _("生成任务")

    def __str__(self):
        return f"{self.id} {self.get_status_display()}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.CANCELLED, self.Status.FAILED, self.Status.SUCCEEDED)

    @property
    def progress_fraction(self) -> float:
        if self.status == self.Status.SUCCEEDED:
            return 1.0
        return self.progress_step / self.progress_total if self.progress_total else 0.0

    # A narrated video (口述影像, kind S2V) shows one person speaking: the portrait's inheritor, else the
    # recording's speaker (generation.s2v refuses a portrait of anyone but the speaker). Who signs it
    # (review.signing), what its signing screen and its search entry name: these two, nowhere else.
    def narrator_id(self) -> int | None:
        """The inheritor a narration shows (None when none is recorded, or for a demonstration)."""
        if self.kind != self.Kind.S2V:
            return None
        if self.portrait_id:
            return self.portrait.inheritor_id
        return self.recording.speaker_id if self.recording_id else None

    def narrator_name(self) -> str:
        """The name of the person a narration shows, as the recording names its speaker ("" for none)."""
        if self.kind != self.Kind.S2V:
            return ""
        if self.portrait_id:
            return self.portrait.inheritor.name
        return self.recording.speaker_name if self.recording_id else ""


class Clip(models.Model):
    """The video a succeeded job produced (engine frames written at the native fps). Post-processing
    renditions (delivery MP4, posters, subtitles, variants) hang off it in generation.postprocess."""

    job = models.OneToOneField(GenerationJob, on_delete=models.PROTECT, related_name="clip", verbose_name=_("生成任务"))
    file = models.FileField(_("原生视频"), upload_to="clips/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size_bytes = models.PositiveBigIntegerField(_("字节数"))
    width = models.PositiveIntegerField(_("宽"))
    height = models.PositiveIntegerField(_("高"))
    num_frames = models.PositiveIntegerField(_("帧数"))
    fps = models.PositiveIntegerField(_("帧率"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("生成视频")
        verbose_name_plural = _("生成视频")

    def __str__(self):
        return f"clip {self.pk} of job {self.job_id}"

    @property
    def duration_s(self) -> float:
        return self.num_frames / self.fps if self.fps else 0.0


class WorkerHeartbeat(models.Model):
    """One row per worker process on queue `gpu`, refreshed every few seconds by a thread in that
    process. The pool page reads these rows; a worker not seen for a while is shown as offline."""

    name = models.CharField(_("名称"), max_length=200, unique=True)  # celery nodename/pid
    hostname = models.CharField(_("主机"), max_length=200)
    pid = models.PositiveIntegerField(_("进程号"))
    queues = models.CharField(_("队列"), max_length=200, blank=True)
    device = models.CharField(_("设备"), max_length=40, blank=True)  # cpu, cuda:0 ...
    device_name = models.CharField(_("设备名称"), max_length=200, blank=True)
    memory_total_bytes = models.BigIntegerField(_("显存/内存总量"), null=True, blank=True)
    memory_used_bytes = models.BigIntegerField(_("已用显存/内存"), null=True, blank=True)
    preset = models.CharField(_("引擎预设"), max_length=40, blank=True)
    checkpoint_id = models.CharField(_("已加载权重"), max_length=80, blank=True)
    engine_mode = models.CharField(_("显存模式"), max_length=20, blank=True)
    engine_loaded_at = models.DateTimeField(_("引擎加载时间"), null=True, blank=True)
    engine_load_s = models.FloatField(_("引擎加载耗时(秒)"), null=True, blank=True)
    engine_loads = models.PositiveIntegerField(_("引擎加载次数"), default=0)
    jobs_done = models.PositiveIntegerField(_("完成任务数"), default=0)
    current_job = models.ForeignKey(
        GenerationJob, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("当前任务")
    )
    note = models.CharField(_("说明"), max_length=300, blank=True)
    started_at = models.DateTimeField(_("启动时间"))
    last_seen = models.DateTimeField(_("最近心跳"), db_index=True)
    stopped_at = models.DateTimeField(_("停止时间"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("GPU 工作进程")
        verbose_name_plural = _("GPU 工作进程")

    def __str__(self):
        return self.name
