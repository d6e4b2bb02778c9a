"""The action-description spec (《非遗动作描述规范》) as versioned data that curators edit in the admin.

One ``SpecVersion`` is active; the normalizer reads it (see ``apps.PromptingConfig.ready``), falling
back to the repository's default files in ``generation/prompting/data/`` when the database has none.
``load_spec`` (and the data migration) load those files; ``SpecVersion.to_spec_dict`` turns the rows
back into the same document the pure-Python normalizer reads.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .spec import CATEGORIES, PARAMETER_NAMES

CATEGORY_LABELS = {"technique": _("技法"), "tool": _("工具"), "material": _("材料"), "action": _("动作"),
                   "body": _("身体部位")}
CAMERA_CHOICES = [("close-up", _("特写")), ("macro", _("微距")), ("top-down", _("俯拍")), ("medium", _("中景")),
                  ("wide", _("全景"))]


class SpecVersion(models.Model):
    version = models.CharField(_("版本号"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=200, blank=True)
    is_active = models.BooleanField(_("当前使用"), default=False,
                                    help_text=_("规范化使用当前版本;同一时间只有一个版本在用。"))
    notes = models.TextField(_("说明"), blank=True, max_length=5000)
    # The parts of the spec that are small documents rather than rows (see data/*.json).
    sources = models.JSONField(_("出处"), default=dict, blank=True)
    parameters = models.JSONField(_("参数词表与单位"), default=dict, blank=True)
    vocabulary = models.JSONField(_("程度词、方式词、项目别名"), default=dict, blank=True)
    templates = models.JSONField(_("提示词格式"), default=dict, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("创建人"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("动作描述规范版本")
        verbose_name_plural = _("动作描述规范版本")
        constraints = [models.UniqueConstraint(fields=["is_active"], condition=models.Q(is_active=True),
                                               name="prompting_one_active_spec")]

    def __str__(self):
        return f"{self.version}{' ✓' if self.is_active else ''}"

    def to_spec_dict(self) -> dict:
        """The same document shape as the files in data/ (lexicon, parameters, defaults, templates)."""
        terms = [t.as_entry() for t in self.terms.all().order_by("pk")]
        levels = {"global": {}, "crafts": {}, "techniques": {}}
        implied = {"global": {}, "crafts": {}, "techniques": {}}
        for d in self.parameter_defaults.all().order_by("pk"):
            target = levels if d.kind == ParameterDefault.Kind.LEVEL else implied
            scope = target["global"] if d.scope == "global" else target[d.scope + "s"].setdefault(d.scope_key, {})
            value = int(d.value) if d.value == int(d.value) else d.value
            if d.kind == ParameterDefault.Kind.LEVEL:
                scope.setdefault(d.parameter, {})[d.trigger] = value
            else:
                scope.setdefault(d.trigger, {})[d.parameter] = value
        templates = dict(self.templates)
        templates["default"], templates["crafts"], templates["techniques"] = {}, {}, {}
        for t in self.prompt_templates.all().order_by("pk"):
            style = t.as_style()
            if t.scope == "default":
                templates["default"] = style
            else:
                templates[t.scope + "s"][t.scope_key] = style
        defaults = dict(self.vocabulary)
        defaults["levels"], defaults["implied"] = levels, implied
        return {
            "version": self.version,
            "lexicon": {"version": self.version, "sources": self.sources, "terms": terms},
            "parameters": self.parameters,
            "defaults": defaults,
            "templates": templates,
        }


class Term(models.Model):
    class Category(models.TextChoices):
        TECHNIQUE = "technique", _("技法")
        TOOL = "tool", _("工具")
        MATERIAL = "material", _("材料")
        ACTION = "action", _("动作")
        BODY = "body", _("身体部位")

    spec = models.ForeignKey(SpecVersion, on_delete=models.CASCADE, related_name="terms", verbose_name=_("规范版本"))
    term = models.CharField(_("规范术语"), max_length=50)
    category = models.CharField(_("类别"), max_length=16, choices=Category.choices)
    crafts = models.CharField(_("项目"), max_length=200, blank=True,
                              help_text=_("项目标识,逗号分隔,如 suxiu,xiangxiu;通用词填 general。"))
    synonyms = models.JSONField(_("同义说法"), default=list, blank=True)
    traditional = models.JSONField(_("繁体写法"), default=list, blank=True)
    source = models.CharField(_("出处"), max_length=50, blank=True, help_text=_("出处标识,见规范版本的出处表。"))
    en = models.CharField(_("英文"), max_length=200, blank=True)

    class Meta:
        ordering = ["spec", "category", "term"]
        verbose_name = _("术语")
        verbose_name_plural = _("术语")
        constraints = [models.UniqueConstraint(fields=["spec", "term"], name="prompting_term_unique_per_spec")]

    def __str__(self):
        return f"{self.term}({self.get_category_display()})"

    def as_entry(self) -> dict:
        return {"term": self.term, "category": self.category,
                "crafts": [c.strip() for c in self.crafts.split(",") if c.strip()],
                "synonyms": list(self.synonyms or []), "traditional": list(self.traditional or []),
                "source": self.source, "en": self.en}


class ParameterDefault(models.Model):
    """A default value, always recorded as a default and never as something the speaker said.

    ``level``: the value of a vague degree word's level (e.g. angle_deg / slight = 30 for 斜一点);
    ``implied``: a value a tool, action or material implies (trigger ``tool:绣针`` → needle_no 12)."""

    class Kind(models.TextChoices):
        LEVEL = "level", _("程度词取值")
        IMPLIED = "implied", _("工具/动作隐含值")

    class Scope(models.TextChoices):
        GLOBAL = "global", _("全局")
        CRAFT = "craft", _("项目")
        TECHNIQUE = "technique", _("技法")

    spec = models.ForeignKey(SpecVersion, on_delete=models.CASCADE, related_name="parameter_defaults",
                             verbose_name=_("规范版本"))
    kind = models.CharField(_("种类"), max_length=16, choices=Kind.choices)
    scope = models.CharField(_("范围"), max_length=16, choices=Scope.choices)
    scope_key = models.CharField(_("项目或技法标识"), max_length=100, blank=True)
    trigger = models.CharField(_("触发"), max_length=100,
                               help_text=_("程度:slight/slow/fast/dense…;隐含值:tool:术语、action:术语、material:术语"))
    parameter = models.CharField(_("参数"), max_length=32, choices=[(p, p) for p in PARAMETER_NAMES])
    value = models.FloatField(_("默认值"))

    class Meta:
        ordering = ["spec", "kind", "scope", "scope_key", "parameter"]
        verbose_name = _("参数默认值")
        verbose_name_plural = _("参数默认值")
        constraints = [models.UniqueConstraint(fields=["spec", "kind", "scope", "scope_key", "trigger", "parameter"],
                                               name="prompting_default_unique")]

    def __str__(self):
        where = self.scope_key or self.get_scope_display()
        return f"{where} · {self.trigger} · {self.parameter} = {self.value:g}"


class PromptTemplate(models.Model):
    """Prompt style for all, a craft, or a technique: who, framing, lighting, slow motion."""

    class Scope(models.TextChoices):
        DEFAULT = "default", _("默认")
        CRAFT = "craft", _("项目")
        TECHNIQUE = "technique", _("技法")

    spec = models.ForeignKey(SpecVersion, on_delete=models.CASCADE, related_name="prompt_templates",
                             verbose_name=_("规范版本"))
    scope = models.CharField(_("范围"), max_length=16, choices=Scope.choices)
    scope_key = models.CharField(_("项目或技法标识"), max_length=100, blank=True)
    who = models.CharField(_("人物"), max_length=200, blank=True, help_text=_("如「一位{craft_name}传承人进行」"))
    craft_name = models.CharField(_("项目名称"), max_length=100, blank=True)
    technique_name = models.CharField(_("技法名称"), max_length=100, blank=True)
    camera = models.CharField(_("构图"), max_length=16, choices=CAMERA_CHOICES, blank=True)
    lighting = models.CharField(_("光线"), max_length=300, blank=True)
    slow_motion = models.BooleanField(_("慢动作"), null=True, blank=True)

    class Meta:
        ordering = ["spec", "scope", "scope_key"]
        verbose_name = _("提示词模板")
        verbose_name_plural = _("提示词模板")
        constraints = [models.UniqueConstraint(fields=["spec", "scope", "scope_key"], name="prompting_template_unique")]

    def __str__(self):
        return f"{self.get_scope_display()} {self.scope_key}".strip()

    def as_style(self) -> dict:
        style = {}
        for key, attr in (("who", "who"), ("craft_name", "craft_name"), ("technique", "technique_name"),
                          ("camera", "camera"), ("lighting", "lighting")):
            if getattr(self, attr):
                style[key] = getattr(self, attr)
        if self.slow_motion is not None:
            style["slow_motion"] = self.slow_motion
        return style
