"""Review workflow (审核) on a generated clip, inheritor sign-off (传承人签署), audit and notifications.

State machine on ``Review.state`` (a django-fsm ``FSMField``); its one table (states, actions, permissions,
guards) is review/workflow.py, which makes each row a django-fsm transition method of ``Review``; the work
of each action is in review/services.py:

    draft ──submit──▶ in_review ──sign──▶ approved (signed) ──archive──▶ archived
      ▲                 │   ▲                  │                          │
      │     request_changes │ submit           └──────withdraw────────────┴──▶ withdrawn
      │                 ▼   │
      └──────────── changes_requested          in_review / changes_requested ──reject──▶ rejected

    changes_requested ──retract_changes──▶ in_review: the inheritor (or proxy) who asked takes it back,
    only while nobody has acted on the request.

Each take of the same demonstration is its own Review; ``previous`` links a take to the one whose
change request produced it, so the versions form a chain.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField

from heritage.timecode import format_mmss


class Review(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("草稿")
        IN_REVIEW = "in_review", _("审核中")
        CHANGES_REQUESTED = "changes_requested", _("需要修改")
        APPROVED = "approved", _("传承人已签署")
        ARCHIVED = "archived", _("已归档")
        REJECTED = "rejected", _("已驳回")
        WITHDRAWN = "withdrawn", _("签署已撤回")

    OPEN_STATES = (State.DRAFT, State.IN_REVIEW, State.CHANGES_REQUESTED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    clip = models.OneToOneField("generation.Clip", on_delete=models.PROTECT, related_name="review",
                                verbose_name=_("生成视频"))
    technique = models.ForeignKey("archive.Technique", on_delete=models.PROTECT, related_name="reviews",
                                  verbose_name=_("技法"))
    step = models.ForeignKey("archive.TechniqueStep", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="reviews", verbose_name=_("步骤"))
    # A django-fsm field: the transitions are the rows of review/workflow.py (``Review.submit``, ``.sign``, …,
    # added when the app is ready). Not protected: fixtures and the bench create rows in a given state.
    state = FSMField(_("状态"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)
    title = models.CharField(_("标题"), max_length=300)
    # Attribution: 「基于<传承人>口述重构」, a rights statement URI and the AI notice. Composed from the
    # oral-history sources when the review is opened; required before submission and archiving.
    attribution = models.CharField(_("署名"), max_length=500, blank=True)
    attribution_sources = models.JSONField(_("署名来源"), default=list, blank=True)
    rights_uri = models.URLField(_("权利声明"), max_length=300, blank=True)
    ai_notice = models.CharField(_("AI 生成声明"), max_length=500, blank=True)
    # sha256 of the clip file as read from storage when it was submitted for review.
    submitted_sha256 = models.CharField(_("送审文件 SHA-256"), max_length=64, blank=True)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_takes",
                                 verbose_name=_("上一版本"))
    version = models.PositiveIntegerField(_("版本"), default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("创建人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("审核")
        verbose_name_plural = _("审核")

    def __str__(self):
        return f"{self.title} v{self.version} [{self.get_state_display()}]"

    @property
    def craft(self):
        return self.technique.craft

    def active_signoff(self):
        """The sign-off in force (not withdrawn), the latest; from ``page_active_signoffs`` when a list
        fetched it for its whole page (``review.selectors.with_page_rules``)."""
        cached = getattr(self, "page_active_signoffs", None)
        if cached is not None:
            return cached[0] if cached else None
        return active_signoffs(self.signoffs.all()).first()


class ReviewComment(models.Model):
    """A reviewer's remark, optionally at a time code of the clip (e.g. 00:03 「铜丝弯曲弧度不符合明代规制」)."""

    class Kind(models.TextChoices):
        COMMENT = "comment", _("意见")
        CHANGE_REQUEST = "change_request", _("修改要求")
        REJECTION = "rejection", _("驳回理由")
        SIGNOFF = "signoff", _("签署意见")
        WITHDRAWAL = "withdrawal", _("撤回理由")
        APPROVAL = "approval", _("研究者已审阅")
        RETRACTION = "retraction", _("已撤回的修改意见")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comments", verbose_name=_("审核"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("作者"))
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices, default=Kind.COMMENT)
    at_ms = models.PositiveIntegerField(_("时间点(毫秒)"), null=True, blank=True)
    text = models.TextField(_("内容"), max_length=5000)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    # One level of replies: a reply's parent is a top-level comment of the same review (services.comment_work).
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies",
                               verbose_name=_("回复的意见"))
    # A thread (a top-level comment of a kind in RESOLVABLE) is open until someone resolves it; reopening clears
    # both fields. Who may: ``review.resolve_comment`` (heritage/permissions.py).
    resolved_at = models.DateTimeField(_("解决时间"), null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("解决人"))

    # The kinds that ask for something and so can be open or resolved; the others are records of a decision.
    RESOLVABLE = (Kind.COMMENT, Kind.CHANGE_REQUEST)

    class Meta:
        ordering = ["review", "at_ms", "created_at"]
        verbose_name = _("审核意见")
        verbose_name_plural = _("审核意见")

    def __str__(self):
        return f"{self.timecode or '--'} {self.text[:30]}"

    # What "open" and "resolved" mean, in one place: a thread (no parent) of a kind in RESOLVABLE, without / with
    # ``resolved_at``. ``open_q``/``resolved_q`` ask it of the database (review.selectors: the "open only" filter,
    # the counts, the API's ``open_comments``), ``is_open``/``resolvable`` of a loaded row (the review page).
    @classmethod
    def resolvable_q(cls) -> models.Q:
        return models.Q(parent__isnull=True, kind__in=cls.RESOLVABLE)

    @classmethod
    def open_q(cls) -> models.Q:
        return cls.resolvable_q() & models.Q(resolved_at__isnull=True)

    @classmethod
    def resolved_q(cls) -> models.Q:
        return cls.resolvable_q() & models.Q(resolved_at__isnull=False)

    @property
    def resolvable(self) -> bool:
        return self.parent_id is None and self.kind in self.RESOLVABLE

    @property
    def is_open(self) -> bool:
        return self.resolvable and self.resolved_at is None

    @property
    def timecode(self) -> str:
        return "" if self.at_ms is None else format_mmss(self.at_ms)


class ChangeRequest(models.Model):
    """A change request that started a new generation from an edited action description. When the new
    job's clip is opened for review, that review's ``previous`` is this request's review."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="change_requests",
                               verbose_name=_("审核"))
    comment = models.OneToOneField(ReviewComment, on_delete=models.CASCADE, related_name="change_request",
                                   verbose_name=_("意见"))
    action_description = models.JSONField(_("修改后的结构化动作描述"), default=dict, blank=True)
    new_job = models.OneToOneField("generation.GenerationJob", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="change_request", verbose_name=_("新生成任务"))
    error = models.TextField(_("错误说明"), blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("修改请求")
        verbose_name_plural = _("修改请求")


def active_signoffs(signoffs):
    """Sign-offs in force (not withdrawn), the latest first: ``Review.active_signoff``'s rule, also prefetched."""
    return signoffs.filter(withdrawn_at__isnull=True).order_by("-signed_at")


class SignOff(models.Model):
    """The inheritor's (or their recorded proxy's) signature. It binds the exact file (sha256 of the
    clip as read from storage when signing) and the attribution text shown on the signing screen.
    Withdrawing sets ``withdrawn_at``: the archive record stays, unpublished."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="signoffs", verbose_name=_("审核"))
    inheritor = models.ForeignKey("archive.Inheritor", on_delete=models.PROTECT, related_name="signoffs",
                                  verbose_name=_("传承人"))
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("签署人"))
    by_proxy = models.BooleanField(_("代理签署"), default=False)
    proxy_name = models.CharField(_("代理人姓名"), max_length=100, blank=True)
    proxy_relation = models.CharField(_("代理人关系"), max_length=100, blank=True)
    proxy_document = models.CharField(_("授权文件"), max_length=300, blank=True)
    sha256 = models.CharField(_("签署文件 SHA-256"), max_length=64)
    attribution = models.CharField(_("署名"), max_length=500)
    rights_uri = models.URLField(_("权利声明"), max_length=300)
    ai_notice = models.CharField(_("AI 生成声明"), max_length=500)
    # Exactly what the signer was shown as public (title, files by role with sha256, texts).
    public_summary = models.JSONField(_("公开内容"), default=dict)
    comment = models.TextField(_("签署意见"), max_length=5000, blank=True)
    signed_at = models.DateTimeField(_("签署时间"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("撤回人"))
    withdrawal_reason = models.TextField(_("撤回理由"), max_length=5000, blank=True)

    class Meta:
        ordering = ["-signed_at"]
        verbose_name = _("传承人签署")
        verbose_name_plural = _("传承人签署")

    def __str__(self):
        return f"{self.inheritor} {self.sha256[:12]}"


class AuditEntry(models.Model):
    """Every transition attempt, allowed or refused. Refusals are written outside the refused transaction,
    so they survive its rollback."""

    class Outcome(models.TextChoices):
        OK = "ok", _("成功")
        REFUSED = "refused", _("拒绝")

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("操作人"))
    actor_name = models.CharField(_("操作人名称"), max_length=150, blank=True)
    action = models.CharField(_("操作"), max_length=40, db_index=True)
    outcome = models.CharField(_("结果"), max_length=10, choices=Outcome.choices)
    review = models.ForeignKey(Review, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit",
                               verbose_name=_("审核"))
    clip_id_value = models.CharField(_("视频编号"), max_length=64, blank=True)
    record_id_value = models.CharField(_("档案编号"), max_length=64, blank=True)
    from_state = models.CharField(_("原状态"), max_length=20, blank=True)
    to_state = models.CharField(_("新状态"), max_length=20, blank=True)
    reason = models.TextField(_("原因"), blank=True)
    details = models.JSONField(_("详情"), default=dict, blank=True)
    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计记录")

    ACTION_LABELS = {
        "open": _("发起审核"), "set_rights": _("修改权利声明"), "submit": _("送审"), "comment": _("发表意见"),
        "request_changes": _("要求修改"), "reject": _("驳回"), "sign": _("签署"), "archive": _("归档"),
        "withdraw": _("撤回签署"), "approve": _("研究者已审阅"), "retract_changes": _("撤回修改意见"),
        "resolve_comment": _("解决意见"), "reopen_comment": _("重新打开意见"),
    }

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.outcome}"

    @property
    def action_label(self) -> str:
        return str(self.ACTION_LABELS.get(self.action, self.action))


class Notification(models.Model):
    """An in-app notification (站内通知). The same message also goes out by email."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_notifications",
                             verbose_name=_("接收人"))
    review = models.ForeignKey(Review, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications",
                               verbose_name=_("审核"))
    verb = models.CharField(_("事件"), max_length=40)
    message = models.CharField(_("内容"), max_length=500)  # in the site's language (Chinese), as emailed
    # The message id and its values (review.services.notify): shown in the reader's language. Rows made
    # before they were kept have neither and show ``message``.
    template = models.CharField(_("消息模板"), max_length=300, blank=True)
    params = models.JSONField(_("消息参数"), default=dict, blank=True)
    url = models.CharField(_("链接"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    read_at = models.DateTimeField(_("已读时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("通知")
        verbose_name_plural = _("通知")

    def __str__(self):
        return self.message

    def shown(self):
        """The message in the reader's language as safe HTML: its message id translated with its values, the
        review's title as pages show it (heritage.langmark.shown_title), Chinese values marked ``lang``; the
        stored text for an older row."""
        from django.utils.translation import gettext

        from heritage.langmark import mark, mark_in, shown_title

        if not self.template:
            return mark(self.message)
        values = dict(self.params or {})
        if self.review_id is not None and values.get("t") == self.review.title:
            values["t"] = shown_title(self.review)
        try:
            return mark_in(gettext(self.template), **values)
        except (KeyError, ValueError, TypeError):  # a catalogue that disagrees with the values
            return mark(self.message)
