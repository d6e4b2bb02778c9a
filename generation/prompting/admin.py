"""Curators edit the spec here: terms, defaults and prompt templates per version. A version in use is
best copied first (action 「复制为新版本」), edited, then activated (action 「设为当前版本」)."""
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import services
from .models import ParameterDefault, PromptTemplate, SpecVersion, Term
from .spec import Spec


class SpecVersionForm(forms.ModelForm):
    class Meta:
        model = SpecVersion
        fields = "__all__"

    def clean(self):
        data = super().clean()
        if self.instance.pk and not self.errors:
            probe = SpecVersion(pk=self.instance.pk, version=data.get("version") or self.instance.version)
            for f in ("sources", "parameters", "vocabulary", "templates"):
                setattr(probe, f, data.get(f))
            try:
                Spec.from_dict(probe.to_spec_dict())
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise ValidationError(_("规范数据无法使用(%(e)s),未保存。") % {"e": exc}) from exc
        return data


class TermInline(admin.TabularInline):
    model = Term
    extra = 0
    fields = ("term", "category", "crafts", "synonyms", "traditional", "source", "en")
    show_change_link = True


@admin.register(SpecVersion)
class SpecVersionAdmin(admin.ModelAdmin):
    form = SpecVersionForm
    list_display = ("version", "name", "is_active", "term_count", "updated_at")
    list_filter = ("is_active",)
    readonly_fields = ("is_active", "created_at", "updated_at", "created_by")
    fields = ("version", "name", "notes", "is_active", "sources", "parameters", "vocabulary", "templates",
              "created_at", "updated_at", "created_by")
    actions = ["activate", "copy_version"]

    @admin.display(description=_("术语数"))
    def term_count(self, obj):
        return obj.terms.count()

    @admin.action(description=_("设为当前版本"))
    def activate(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("请只选择一个版本。"), messages.ERROR)
            return
        try:
            spec = services.spec_version_activate(spec=queryset.get())
        except services.SpecError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        self.message_user(request, _("已启用规范版本 %(v)s。") % {"v": spec.version})

    @admin.action(description=_("复制为新版本"))
    def copy_version(self, request, queryset):
        for spec in queryset:
            version = f"{spec.version}-{timezone.now():%Y%m%d%H%M%S}"
            try:
                services.spec_version_copy(spec=spec, version=version, user=request.user)
            except services.SpecError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return
            self.message_user(request, _("已复制为 %(v)s(未启用)。") % {"v": version})


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ("term", "category", "crafts", "synonym_list", "source", "spec")
    list_filter = ("spec", "category", "source")
    search_fields = ("term", "crafts", "synonyms", "en")
    list_select_related = ("spec",)

    @admin.display(description=_("同义说法"))
    def synonym_list(self, obj):
        return "、".join(obj.synonyms or [])


@admin.register(ParameterDefault)
class ParameterDefaultAdmin(admin.ModelAdmin):
    list_display = ("parameter", "value", "kind", "scope", "scope_key", "trigger", "spec")
    list_filter = ("spec", "kind", "scope", "parameter")
    search_fields = ("scope_key", "trigger")


@admin.register(PromptTemplate)
class PromptTemplateAdmin(admin.ModelAdmin):
    list_display = ("scope", "scope_key", "craft_name", "technique_name", "camera", "slow_motion", "spec")
    list_filter = ("spec", "scope", "camera")
