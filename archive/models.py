"""The archive's domain: crafts (项目), inheritors (传承人), techniques (技法) with ordered steps,
oral-history recordings with time-coded transcripts, original footage (原始影像), and the immutable
archive records created from signed clips."""
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField

from heritage.timecode import format_ms as fmt_ms, overlaps

from .validators import (MIN_BIRTH_YEAR, max_birth_year, validate_document_file, validate_not_future,
                         validate_portrait_file, validate_recording_file, validate_video_file)


class Category(models.TextChoices):
    """The ten categories of the national ICH list."""

    FOLK_LITERATURE = "folk_literature", _("民间文学")
    MUSIC = "music", _("传统音乐")
    DANCE = "dance", _("传统舞蹈")
    DRAMA = "drama", _("传统戏剧")
    QUYI = "quyi", _("曲艺")
    SPORTS_ACROBATICS = "sports_acrobatics", _("传统体育、游艺与杂技")
    FINE_ARTS = "fine_arts", _("传统美术")
    CRAFTSMANSHIP = "craftsmanship", _("传统技艺")
    MEDICINE = "medicine", _("传统医药")
    FOLK_CUSTOM = "folk_custom", _("民俗")


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        abstract = True

    def unique_error_message(self, model_class, unique_check):
        """A duplicate named by its value, and by the record it is unique within: 「非遗项目的网址标识“suxiu”已存在,
        请换一个。」, 「项目“苏绣”下,名称“正抢针法”的技法已存在,请换一个。」 (Django's own read 「包含 项目 和 名称 的
        技法 已经存在。」, walk17). Model validation (the curator's forms) uses it for unique fields and constraints."""
        opts = model_class._meta
        *scope, name = unique_check
        field = opts.get_field(name)
        params = {"model": opts.verbose_name, "field": field.verbose_name, "value": getattr(self, field.attname)}
        if not scope:
            return ValidationError(_("%(model)s的%(field)s“%(value)s”已存在,请换一个。"), code="unique", params=params)
        within = opts.get_field(scope[-1])
        params.update(scope=within.verbose_name, scope_value=getattr(self, within.name, None))
        return ValidationError(_("%(scope)s“%(scope_value)s”下,%(field)s“%(value)s”的%(model)s已存在,请换一个。"),
                               code="unique_together", params=params)


class Craft(TimeStamped):
    """A craft entry (项目) on the ICH list."""

    name = models.CharField(_("名称"), max_length=100, unique=True)
    name_en = models.CharField(_("英文名称"), max_length=200, blank=True)
    slug = models.SlugField(_("网址标识"), max_length=100, unique=True, allow_unicode=False)
    category = models.CharField(_("类别"), max_length=32, choices=Category.choices)
    region = models.CharField(_("地区"), max_length=100)
    description = models.TextField(_("简介"), max_length=20000, blank=True)
    featured = models.BooleanField(_("首页推荐"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("非遗项目")
        verbose_name_plural = _("非遗项目")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("curator:craft_detail", args=[self.slug])


class Inheritor(TimeStamped):
    """A representative inheritor (传承人). Someone who has died or cannot sign may have a designated
    proxy, recorded with the document that gives the authority; only they then sign for the craft."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("国家级")
        PROVINCIAL = "provincial", _("省级")
        MUNICIPAL = "municipal", _("市级")
        COUNTY = "county", _("县级")

    class Status(models.TextChoices):
        ALIVE = "alive", _("在世")
        DECEASED = "deceased", _("已故")

    craft = models.ForeignKey(Craft, on_delete=models.PROTECT, related_name="inheritors", verbose_name=_("项目"))
    name = models.CharField(_("姓名"), max_length=100)
    level = models.CharField(_("级别"), max_length=16, choices=Level.choices)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.ALIVE)
    able_to_sign = models.BooleanField(_("能否亲自签署"), default=True)
    birth_year = models.PositiveSmallIntegerField(_("出生年份"), null=True, blank=True)
    biography = models.TextField(_("简介"), max_length=10000, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="inheritor", verbose_name=_("登录账户"),
    )
    proxy_name = models.CharField(_("代理人姓名"), max_length=100, blank=True)
    proxy_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="proxy_for", verbose_name=_("代理人账户"),
    )
    proxy_relation = models.CharField(_("代理人关系"), max_length=100, blank=True)
    proxy_document = models.FileField(
        _("授权文件"), upload_to="proxy-documents/", blank=True, validators=[validate_document_file]
    )

    class Meta:
        ordering = ["craft__name", "name"]
        verbose_name = _("传承人")
        verbose_name_plural = _("传承人")
        constraints = [models.UniqueConstraint(fields=["craft", "name"], name="inheritor_unique_per_craft")]

    def __str__(self):
        return f"{self.name}({self.craft.name})"

    def get_absolute_url(self):
        return reverse("curator:inheritor_detail", args=[self.pk])

    @property
    def needs_proxy(self) -> bool:
        """Someone else signs for this inheritor (the rule: archive/signing.py)."""
        from .signing import needs_proxy

        return needs_proxy(self)

    @property
    def signer(self):
        """The user account that may sign for this inheritor, or None (the rule: archive/signing.py)."""
        from .signing import signer_of

        return signer_of(self)

    def clean(self):
        """Every write (the curator form's model validation, ``archive.services.inheritor_create``/``_update``
        for the form and the API): a plausible birth year; signing accounts of the inheritor role; a proxy
        only for someone who has died or cannot sign, with the authority document."""
        from django.contrib.auth import get_user_model

        from .roles import INHERITOR

        errors = {}
        latest = max_birth_year()
        if self.birth_year is not None and not (MIN_BIRTH_YEAR <= self.birth_year <= latest):
            errors["birth_year"] = _("出生年份应在 %(first)s 到 %(y)s 之间。") % {"first": MIN_BIRTH_YEAR, "y": latest}
        for field in ("user", "proxy_user"):
            account = getattr(self, f"{field}_id")
            if account and not get_user_model().objects.filter(pk=account, groups__name=INHERITOR).exists():
                errors[field] = _("只能选择“传承人”角色的账户。")
        if errors:
            raise ValidationError(errors)
        has_proxy = bool(self.proxy_name or self.proxy_user_id)
        if has_proxy and not self.needs_proxy:
            raise ValidationError(_("只有已故或无法亲自签署的传承人才能指定代理人。"))
        if has_proxy and not self.proxy_document:
            raise ValidationError({"proxy_document": _("指定代理人必须上传授权文件。")})
        if self.proxy_user_id and self.user_id and self.proxy_user_id == self.user_id:
            raise ValidationError({"proxy_user": _("代理人账户不能与传承人本人账户相同。")})


def portrait_upload_to(instance, filename: str) -> str:
    return f"portraits/{instance.inheritor_id or 'new'}/{filename}"


class InheritorPortrait(TimeStamped):
    """A portrait of an inheritor, the reference image of speech-driven video (S2V), with the likeness
    consent recorded for it: who gave it and when, and its scope. For an inheritor who has died or cannot
    sign, the consent is given by a proxy, with the document that gives the authority. Whether a portrait
    may drive a video, and whether that video may be public, is decided in one place:
    ``generation.attribution.likeness_allows`` / ``likeness_public``."""

    class LikenessScope(models.TextChoices):
        NONE = "none", _("未授权")
        ARCHIVE = "archive", _("仅限档案内部")
        PUBLIC = "public", _("可公开展示")

    inheritor = models.ForeignKey(Inheritor, on_delete=models.PROTECT, related_name="portraits",
                                  verbose_name=_("传承人"))
    title = models.CharField(_("标题"), max_length=200)
    image = models.ImageField(_("人像图片"), upload_to=portrait_upload_to, validators=[validate_portrait_file])
    width = models.PositiveIntegerField(_("宽"), default=0, editable=False)
    height = models.PositiveIntegerField(_("高"), default=0, editable=False)
    description = models.TextField(_("说明"), max_length=2000, blank=True,
                                   help_text=_("来源、拍摄者;演示插图请注明不是真人。"))
    consent_scope = models.CharField(_("肖像授权范围"), max_length=16, choices=LikenessScope.choices,
                                     default=LikenessScope.NONE)
    consent_given_by = models.CharField(_("授权人"), max_length=100, blank=True)
    consent_date = models.DateField(_("授权日期"), null=True, blank=True, validators=[validate_not_future])
    consent_by_proxy = models.BooleanField(_("由代理人授权"), default=False)
    consent_document = models.FileField(_("肖像授权文件"), upload_to="likeness-documents/", blank=True,
                                        validators=[validate_document_file],
                                        help_text=_("代理人授权时必填:证明其权限的文件(PDF 或 JPG/PNG)。"))

    class Meta:
        ordering = ["inheritor__name", "pk"]
        verbose_name = _("传承人肖像")
        verbose_name_plural = _("传承人肖像")

    def __str__(self):
        return f"{self.title}({self.inheritor.name})"

    def get_absolute_url(self):
        return reverse("curator:inheritor_detail", args=[self.inheritor_id])

    def save(self, *args, **kwargs):
        if self.image:  # the stored size, read once (the S2V job checks it against its preset)
            from PIL import Image

            self.image.open("rb")
            try:
                with Image.open(self.image) as im:
                    self.width, self.height = im.size
            finally:
                self.image.seek(0)
        super().save(*args, **kwargs)

    def clean(self):
        if self.consent_scope == self.LikenessScope.NONE:
            return
        errors = {}
        if not self.consent_given_by.strip():
            errors["consent_given_by"] = _("记录肖像授权时须填写授权人。")
        if not self.consent_date:
            errors["consent_date"] = _("记录肖像授权时须填写授权日期。")
        if self.inheritor_id and self.inheritor.needs_proxy:
            if not self.consent_by_proxy:
                errors["consent_by_proxy"] = _("该传承人已故或无法亲自签署,肖像授权须由代理人给出。")
            if not self.consent_document:
                errors["consent_document"] = _("代理人给出的肖像授权须附授权文件。")
        elif self.consent_by_proxy and not self.consent_document:
            errors["consent_document"] = _("代理人给出的肖像授权须附授权文件。")
        if errors:
            raise ValidationError(errors)


class SignerChange(models.Model):
    """A requested change to who may sign for an inheritor (status, ability to sign, account, proxy,
    authority document). It takes effect only when a second curator or an admin confirms it
    (archive.services.signer_change_confirm); the row stays as the audit of the request and decision."""

    # A request for a new set-password link for an account that already signs: ``after`` is ``before`` plus
    # this key (the account's pk). Confirming it changes no field; the confirming curator gets the link
    # (archive.services.account_link_request / signer_change_link).
    PASSWORD_LINK_KEY = "set_password_link"

    class State(models.TextChoices):
        PENDING = "pending", _("待确认")
        CONFIRMED = "confirmed", _("已确认生效")
        REJECTED = "rejected", _("已驳回")
        SUPERSEDED = "superseded", _("已被新的申请取代")

    inheritor = models.ForeignKey(Inheritor, on_delete=models.CASCADE, related_name="signer_changes",
                                  verbose_name=_("传承人"))
    # A django-fsm field: the transitions are the rows of archive/signer_workflow.py (``SignerChange.confirm``,
    # ``.reject``, ``.supersede``, ``.hand_over``, added when the app is ready).
    state = FSMField(_("状态"), max_length=16, choices=State.choices, default=State.PENDING, db_index=True)
    before = models.JSONField(_("修改前"), default=dict)
    after = models.JSONField(_("修改后"), default=dict)
    proxy_document = models.FileField(
        _("新的授权文件"), upload_to="proxy-documents/", blank=True, validators=[validate_document_file]
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("申请人"))
    requested_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("确认人"))
    decided_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    # A confirmed request of a new set-password link: the curator who received the link marks it as handed to
    # the inheritor (archive.services.signer_change_hand_over).
    handed_over_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("链接交付人"))
    handed_over_at = models.DateTimeField(_("链接交付时间"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("签署人变更")
        verbose_name_plural = _("签署人变更")

    def __str__(self):
        return f"{self.inheritor} · {self.get_state_display()}"

    @property
    def is_password_link(self) -> bool:
        """A request of a new set-password link (``PASSWORD_LINK_KEY``), not a change of fields."""
        return self.PASSWORD_LINK_KEY in (self.after or {})

    def after_display(self) -> list[tuple[str, str]]:
        """The requested values as (the field's verbose name, the value in words): a choice's label,
        是/否, an account's username; for the inheritor page."""
        from django.contrib.auth import get_user_model

        out = []
        for key, value in self.after.items():
            if key == self.PASSWORD_LINK_KEY:
                user = get_user_model().objects.filter(pk=value).first()
                out.append((str(_("新的一次性设置密码链接")), user.get_username() if user else str(value)))
                continue
            try:
                field = Inheritor._meta.get_field(key)
            except FieldDoesNotExist:
                out.append((key, "" if value is None else str(value)))
                continue
            if isinstance(value, bool):
                shown = _("是") if value else _("否")
            elif field.choices:
                shown = dict(field.flatchoices).get(value, value)
            elif field.is_relation and value:
                user = get_user_model().objects.filter(pk=value).first()
                shown = user.get_username() if user else value
            else:
                shown = value
            out.append((str(field.verbose_name), "" if shown in (None, "") else str(shown)))
        return out


class Technique(TimeStamped):
    """A technique (技法) of a craft, e.g. 苏绣·正抢针法, described as ordered steps."""

    craft = models.ForeignKey(Craft, on_delete=models.PROTECT, related_name="techniques", verbose_name=_("项目"))
    name = models.CharField(_("名称"), max_length=100)
    slug = models.SlugField(_("网址标识"), max_length=100, unique=True)
    summary = models.TextField(_("概述"), max_length=5000, blank=True)
    # Set by the normalization screen: the structured action description a curator saved as this
    # technique's prompt template (see generation/prompting).
    prompt_template = models.JSONField(_("提示词模板"), default=dict, blank=True)
    # The key under which a saved template names the recording it was normalized from (its pk): written by
    # generation.prompting.services, read by generation/attribution.py (jobs made from the template are held
    # to that recording's consent) and by archive.selectors.deletion_blockers (the recording stays while a
    # template names it).
    TEMPLATE_SOURCE_KEY = "source_recording"

    class Meta:
        ordering = ["craft__name", "name"]
        verbose_name = _("技法")
        verbose_name_plural = _("技法")
        constraints = [models.UniqueConstraint(fields=["craft", "name"], name="technique_unique_per_craft")]

    def __str__(self):
        return f"{self.craft.name}·{self.name}"

    def get_absolute_url(self):
        return reverse("curator:technique_detail", args=[self.slug])


class TechniqueStep(models.Model):
    technique = models.ForeignKey(Technique, on_delete=models.CASCADE, related_name="steps", verbose_name=_("技法"))
    order = models.PositiveSmallIntegerField(_("顺序"))
    title = models.CharField(_("标题"), max_length=100)
    description = models.TextField(_("动作描述"), max_length=5000)
    description_en = models.TextField(_("英文描述"), max_length=5000, blank=True)
    # Normalized parameters, names from the action-description spec (angle_deg, spacing_mm, ...).
    parameters = models.JSONField(_("参数"), default=dict, blank=True)

    class Meta:
        ordering = ["technique", "order"]
        verbose_name = _("步骤")
        verbose_name_plural = _("步骤")
        constraints = [models.UniqueConstraint(fields=["technique", "order"], name="step_unique_order")]

    def __str__(self):
        return f"{self.technique} #{self.order} {self.title}"


class Recording(TimeStamped):
    """An oral-history recording (口述史) with its consent and a time-coded transcript."""

    class ConsentScope(models.TextChoices):
        ARCHIVE_ONLY = "archive", _("仅限档案保存")
        RESEARCH = "research", _("可用于研究")
        GENERATION = "generation", _("可用于研究与AI重构")
        PUBLIC = "public", _("可公开传播")

    craft = models.ForeignKey(Craft, on_delete=models.PROTECT, related_name="recordings", verbose_name=_("项目"))
    technique = models.ForeignKey(
        Technique, null=True, blank=True, on_delete=models.SET_NULL, related_name="recordings", verbose_name=_("技法")
    )
    title = models.CharField(_("标题"), max_length=200)
    speaker = models.ForeignKey(
        Inheritor, null=True, blank=True, on_delete=models.PROTECT, related_name="recordings", verbose_name=_("讲述人")
    )
    speaker_name = models.CharField(_("讲述人姓名"), max_length=100)
    interviewer = models.CharField(_("采访人"), max_length=100)
    recorded_on = models.DateField(_("采访日期"), validators=[validate_not_future])
    place = models.CharField(_("采访地点"), max_length=200)
    consent_scope = models.CharField(_("授权范围"), max_length=16, choices=ConsentScope.choices)
    consent_date = models.DateField(_("授权日期"), validators=[validate_not_future])
    media = models.FileField(
        _("音视频文件"), upload_to="recordings/", blank=True, validators=[validate_recording_file]
    )
    media_reference = models.CharField(
        _("外部引用"), max_length=500, blank=True, help_text=_("文件不在本系统时,填写馆藏号或存放位置。")
    )
    language = models.CharField(_("语言/方言"), max_length=50, default="普通话")
    notes = models.TextField(_("备注"), max_length=5000, blank=True)

    class Meta:
        ordering = ["-recorded_on", "title"]
        verbose_name = _("口述史录音")
        verbose_name_plural = _("口述史录音")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("curator:recording_detail", args=[self.pk])

    # A consent date more than this many years before or after the interview is refused as implausible (``clean``;
    # the API schema says it: ``archive.api.serializers.RecordingWriteSerializer.schema_limits``).
    CONSENT_SPAN_YEARS = 50

    def clean(self):
        """The rules of a recording beyond its fields, for every write (the curator form's ``_post_clean`` and
        ``archive.services.recording_create``/``recording_update`` for the form and the API): a speaker's name
        (the services take the chosen inheritor's when it is left blank), technique and speaker of the recording's
        craft, a file or an external reference, a plausible consent date."""
        errors = {}
        if not (self.speaker_name or "").strip() and not self.speaker_id:  # with a speaker: the service fills it
            errors["speaker_name"] = _("请选择讲述人或填写讲述人姓名。")
        if self.speaker_id and self.craft_id and self.speaker.craft_id != self.craft_id:
            errors["speaker"] = _("讲述人必须是本项目的传承人。")
        if self.technique_id and self.craft_id and self.technique.craft_id != self.craft_id:
            errors["technique"] = _("技法必须属于所选项目。")
        if not self.media and not (self.media_reference or "").strip():
            errors["media"] = _("请上传音视频文件,或填写外部引用(馆藏号或存放位置)。")
        if self.consent_date and self.recorded_on and \
                abs((self.consent_date - self.recorded_on).days) > self.CONSENT_SPAN_YEARS * 365.25:
            errors["consent_date"] = _("授权日期不合理。")  # too long before or after the interview
        if errors:
            raise ValidationError(errors)

    def transcript_text(self) -> str:
        return self.transcript()[0]

    def transcript(self) -> tuple[str, list[tuple[int, int, str]]]:
        """The transcript's text (segments joined by line ends) and ``(start, end, speaker)`` of each segment in
        it, from one query, for a reader that must know who said what (the interviewer's questions are no steps:
        generation/prompting/turns.py)."""
        texts, turns, pos = [], [], 0
        for s in self.segments.all():
            texts.append(s.text)
            turns.append((pos, pos + len(s.text), s.speaker))
            pos += len(s.text) + 1
        return "\n".join(texts), turns


class TranscriptSegment(models.Model):
    """A time-coded piece of a transcript. Segments of one recording never overlap."""

    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="segments", verbose_name=_("录音"))
    start_ms = models.PositiveIntegerField(_("开始(毫秒)"))
    end_ms = models.PositiveIntegerField(_("结束(毫秒)"))
    speaker = models.CharField(_("说话人"), max_length=100, blank=True)
    text = models.TextField(_("文本"), max_length=5000)

    class Meta:
        ordering = ["recording", "start_ms"]
        verbose_name = _("转写片段")
        verbose_name_plural = _("转写片段")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_ms__gt=models.F("start_ms")), name="segment_end_after_start"),
        ]

    def __str__(self):
        return f"{self.start_ms}–{self.end_ms}: {self.text[:20]}"

    def clean(self):
        if self.start_ms is not None and self.end_ms is not None and self.end_ms <= self.start_ms:
            raise ValidationError({"end_ms": _("结束时间必须晚于开始时间。")})
        if not (self.text or "").strip():
            raise ValidationError({"text": _("文本不能为空。")})
        if self.recording_id and self.start_ms is not None and self.end_ms is not None:
            mine = (self.start_ms, self.end_ms)
            others = TranscriptSegment.objects.filter(recording_id=self.recording_id).exclude(pk=self.pk)
            other = next((o for o in others.only("start_ms", "end_ms") if overlaps(mine, (o.start_ms, o.end_ms))), None)
            if other is not None:
                raise ValidationError(
                    _("与已有片段 %(start)s–%(end)s 时间重叠。") % {"start": fmt_ms(other.start_ms), "end": fmt_ms(other.end_ms)}
                )


class Footage(TimeStamped):
    """Original footage (原始影像) of a technique, kept for side-by-side comparison with generated
    demonstrations. AI generation supplements it and never replaces it."""

    technique = models.ForeignKey(Technique, on_delete=models.PROTECT, related_name="footage", verbose_name=_("技法"))
    step = models.ForeignKey(
        TechniqueStep, null=True, blank=True, on_delete=models.SET_NULL, related_name="footage", verbose_name=_("步骤")
    )
    title = models.CharField(_("标题"), max_length=200)
    file = models.FileField(_("视频文件"), upload_to="footage/", blank=True, validators=[validate_video_file])
    reference = models.CharField(_("外部引用"), max_length=500, blank=True)
    recorded_on = models.DateField(_("拍摄日期"), null=True, blank=True, validators=[validate_not_future])
    credit = models.CharField(_("拍摄者/来源"), max_length=200)
    rights = models.CharField(_("权利说明"), max_length=300, blank=True)
    public = models.BooleanField(_("可公开展示"), default=False)

    class Meta:
        ordering = ["technique", "title"]
        verbose_name = _("原始影像")
        verbose_name_plural = _("原始影像")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("curator:footage_detail", args=[self.pk])

    def clean(self):
        if not self.file and not self.reference:
            raise ValidationError(_("请上传视频文件或填写外部引用。"))
        if self.step_id and self.technique_id and self.step.technique_id != self.technique_id:
            raise ValidationError({"step": _("步骤必须属于该技法。")})



class TranscriptImportJob(models.Model):
    """A big transcript import, run by a task (``archive.tasks.transcript_import_run``) instead of inside the
    request: the uploaded text, how to import it, and how far it got. Files above
    ``HERITAGE_TRANSCRIPT_INLINE_KB`` take this path (``archive.services.transcript_import_text``, for the
    curator form and the API alike)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("处理中")
        SUCCEEDED = "succeeded", _("已完成")
        FAILED = "failed", _("失败")

    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="import_jobs",
                                  verbose_name=_("录音"))
    kind = models.CharField(_("格式"), max_length=8)  # "vtt" | "txt"
    mode = models.CharField(_("导入方式"), max_length=16)
    text = models.TextField(_("文件内容"))
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(_("阶段"), max_length=40, blank=True)
    progress = models.PositiveSmallIntegerField(_("进度(百分比)"), default=0)
    segments = models.PositiveIntegerField(_("片段数"), default=0)
    error = models.TextField(_("错误说明"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+", verbose_name=_("提交人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("转写导入任务")
        verbose_name_plural = _("转写导入任务")
