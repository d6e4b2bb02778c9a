"""Forms for the curator screens. Forms parse and validate input; services (archive/services.py) write."""
from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import FileField as ModelFileField
from django.forms import BaseFormSet, formset_factory, inlineformset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import roles
from .models import Craft, Footage, Inheritor, InheritorPortrait, Recording, Technique, TechniqueStep
from .services import (MAX_STEP_PARAMETERS, MAX_STEPS, SegmentInput, duplicate_step_titles, pending_signer_change,
                       segments_check, signer_change_asked, step_parameter_problem, transcript_size_check)
from heritage.inputs import NoControlCharacters
from heritage.timecode import TimecodeError, format_ms as fmt_ms, parse_timecode



class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ClearMessagesMixin:
    """Shorter, plainer Chinese for the messages curators see most; and no text field takes a control character
    (heritage.inputs.NoControlCharacters, in place of Django's NUL check: walk17 found a pasted terminal colour
    code saved into a craft's name, and a NUL refused as 「不允许是用空字符串」)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators = [v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)]
                field.validators.append(NoControlCharacters())
                if field.max_length:
                    field.error_messages["max_length"] = _("最多 %(limit_value)d 个字(现在 %(show_value)d 个)。")
            field.error_messages.setdefault("required", _("该字段是必填项。"))


def model_data(form: forms.ModelForm) -> dict[str, Any]:
    """The cleaned values of a ModelForm's model fields, ready for a service. File fields: a new upload
    is passed on, "clear" becomes an empty value, no change is left out."""
    data = {}
    opts = form._meta.model._meta
    for name in form._meta.fields or []:
        if name not in form.cleaned_data:
            continue
        value = form.cleaned_data[name]
        field = opts.get_field(name)
        if isinstance(field, ModelFileField):
            if value is None:
                continue
            if value is False:
                value = ""
        data[name] = value
    return data


# --- Crafts, inheritors, techniques ----------------------------------------------------------------

class CraftForm(ClearMessagesMixin, forms.ModelForm):
    class Meta:
        model = Craft
        fields = ["name", "name_en", "slug", "category", "region", "description", "featured"]
        help_texts = {"slug": _("用于网址,只能包含英文字母、数字、连字符,如 suxiu。"),
                      "region": _("省、市、县,如 江苏省苏州市。")}
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


def _users_in(*groups: str):
    return (get_user_model().objects.filter(groups__name__in=groups).distinct().order_by("username")
            .select_related("inheritor"))


def _account_label(user) -> str:
    """An account in a choice list: the person (archive.roles.person_name) and, to tell accounts apart, its
    login name: 「沈秀芬(inheritor-suxiu)」; the login name alone when the account names nobody else."""
    name = roles.person_name(user)
    return user.username if name == user.username else f"{name}({user.username})"


class InheritorForm(ClearMessagesMixin, forms.ModelForm):
    class Meta:
        model = Inheritor
        fields = ["craft", "name", "level", "status", "able_to_sign", "birth_year", "biography", "user",
                  "proxy_name", "proxy_user", "proxy_relation", "proxy_document"]
        widgets = {"biography": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "user": _("传承人本人用于签署的账户(“传承人”角色)。"),
            "proxy_name": _("仅当传承人已故或无法亲自签署时填写,并须上传授权文件。"),
            "proxy_document": _("PDF 或图片(JPG/PNG)。"),
        }

    create_account = forms.BooleanField(
        label=_("为传承人新建登录账户"), required=False,
        help_text=_("保存后生成一次性的设置密码链接,由您交给传承人;您不需要替他设置密码。"))
    account_username = forms.SlugField(
        label=_("新账户的用户名(可留空)"), required=False, max_length=150,
        help_text=_("留空则自动生成,如 inheritor-12。"))
    replace_pending_change = forms.BooleanField(
        label=_("替换待确认的签署人变更"), required=False,
        help_text=_("修改状态、能否亲自签署、账户或代理人信息(或新建账户)时须勾选:待确认的那项变更将被撤销"
                    "(记为已被取代),由这次的修改代替。其他字段可照常修改。"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = _users_in(roles.INHERITOR)
        self.fields["proxy_user"].queryset = _users_in(roles.INHERITOR)
        for name in ("user", "proxy_user"):  # an account by the person's name and its login (walk11)
            self.fields[name].label_from_instance = _account_label
        self.fields["user"].help_text = _("传承人本人用于签署的账户(“传承人”角色)。还没有账户?勾选下面的“为传承人新建登录账户”。")
        if self.instance.pk and self.instance.user_id:
            del self.fields["create_account"], self.fields["account_username"]
        # A pending signer change is named at the top of the form (who asked, when) and is replaced only by the
        # deliberate choice ``replace_pending_change`` (the rule: archive.services.refuse_if_signer_change_pending).
        pending = pending_signer_change(inheritor=self.instance) if self.instance.pk else None
        self.notice = ""
        if pending is None:
            del self.fields["replace_pending_change"]
        else:
            self.notice = _("这位传承人有一项待确认的签署人变更(%(who)s 于 %(when)s 申请)。修改签署相关的信息会替换它,"
                            "须勾选“替换待确认的签署人变更”。") % signer_change_asked(pending)

    def clean(self):
        data = super().clean()
        if data.get("create_account") and data.get("user"):
            self.add_error("create_account", _("已选择现有账户;要新建账户,请先把“账户”留空。"))
        name = data.get("account_username")
        if data.get("create_account") and name and get_user_model().objects.filter(username=name).exists():
            self.add_error("account_username", _("用户名“%(u)s”已被占用,请换一个。") % {"u": name})
        return data

    # birth year, accounts of the inheritor role, proxy and authority document: ``Inheritor.clean``, checked by
    # this form's model validation and by the services (the API) alike


class PortraitForm(ClearMessagesMixin, forms.ModelForm):
    """A portrait of an inheritor and its likeness consent (the inheritor comes from the page)."""

    class Meta:
        model = InheritorPortrait
        fields = ["title", "image", "description", "consent_scope", "consent_given_by", "consent_date",
                  "consent_by_proxy", "consent_document"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "consent_date": DateInput()}
        help_texts = {
            "image": _("JPG、PNG 或 WebP 图片;用作语音驱动视频(口述影像)的参考人像。"),
            "consent_scope": _("“仅限档案内部”:可生成并存档,但不公开展示;“可公开展示”:签署存档后可在展厅公开。"),
            "consent_given_by": _("给出肖像授权的人:传承人本人,或(已故、无法签署时)其代理人。"),
        }

    def __init__(self, *args, inheritor=None, **kwargs):
        super().__init__(*args, **kwargs)
        if inheritor is not None:
            self.instance.inheritor = inheritor


class TechniqueForm(ClearMessagesMixin, forms.ModelForm):
    class Meta:
        model = Technique
        fields = ["craft", "name", "slug", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"slug": _("用于网址,只能包含英文字母、数字、连字符,如 suxiu-zhengqiang。")}


class ParametersField(forms.CharField):
    """Step parameters as a JSON object, or one ``name=value`` per line. Names are lower-case
    identifiers (angle_deg, spacing_mm, needle_no ...); values are numbers or short text."""

    widget = forms.Textarea(attrs={"rows": 3, "class": "mono", "placeholder": "angle_deg=30\nspacing_mm=2"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("每行一个“名称=数值”,或一个 JSON 对象。名称用小写英文和下划线,如 angle_deg=30。"))
        super().__init__(strip=True, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, dict):
            return "\n".join(f"{k}={v}" for k, v in value.items())
        return value

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != (initial or {})
        except ValidationError:
            return True

    @staticmethod
    def _number(text: str):
        try:
            return int(text)
        except ValueError:
            pass
        try:
            number = float(text)
        except ValueError:
            return text
        if number != number or number in (float("inf"), float("-inf")):
            return text
        return number

    def to_python(self, value):
        text = (super().to_python(value) or "").strip()
        if not text:
            return {}
        if text.startswith("{"):
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ValidationError(_("参数 JSON 格式错误(第 %(line)d 行第 %(col)d 列):%(msg)s") % {
                    "line": exc.lineno, "col": exc.colno, "msg": exc.msg})
            except RecursionError:  # (nested past Python's stack: no JSONDecodeError, and it was a 500)
                raise ValidationError(_("请求体的 JSON 嵌套过深。")) from None
            if not isinstance(data, dict):
                raise ValidationError(_("参数必须是 JSON 对象(键值对)。"))
            items = list(data.items())
            line_of = {k: 0 for k, _v in items}
        else:
            items, line_of = [], {}
            for n, line in enumerate(text.splitlines(), start=1):
                if not line.strip() or line.strip().startswith("#"):
                    continue
                if "=" not in line:
                    raise ValidationError(_("参数第 %(n)d 行“%(line)s”缺少“=”,应写成 名称=数值。") % {"n": n, "line": line.strip()})
                key, val = (part.strip() for part in line.split("=", 1))
                if key in line_of:
                    raise ValidationError(_("参数第 %(n)d 行:名称“%(key)s”重复。") % {"n": n, "key": key})
                items.append((key, self._number(val)))
                line_of[key] = n
        result = {}
        for key, val in items:
            where = _("参数第 %(n)d 行:") % {"n": line_of[key]} if line_of.get(key) else _("参数:")
            problem = step_parameter_problem(key, val)  # the rule is the service's
            if problem:
                raise ValidationError(where + problem)
            result[key] = val
        if len(result) > MAX_STEP_PARAMETERS:
            raise ValidationError(_("参数最多 30 个。"))
        return result


class StepForm(ClearMessagesMixin, forms.ModelForm):
    parameters = ParametersField(label=_("参数"))

    class Meta:
        model = TechniqueStep
        fields = ["title", "description", "description_en", "parameters"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 2}),
        }


class BaseStepFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        live = [form for form in self.forms
                if hasattr(form, "cleaned_data") and form.cleaned_data and not self._should_delete_form(form)]
        for index, message in duplicate_step_titles([form.cleaned_data.get("title") for form in live]):
            live[index].add_error("title", message)


StepFormSet = inlineformset_factory(
    Technique, TechniqueStep, form=StepForm, formset=BaseStepFormSet, extra=0, can_delete=True, can_order=True,
    max_num=MAX_STEPS, validate_max=True,
)


# --- Recordings and footage ------------------------------------------------------------------------

class CraftTaggedSelect(forms.Select):
    """A select whose options carry ``data-craft`` (the row's craft id), so the page can show only the
    techniques and speakers of the chosen craft (static/curator/recording_form.js)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None and getattr(instance, "craft_id", None):
            option["attrs"]["data-craft"] = str(instance.craft_id)
        return option


class RecordingForm(ClearMessagesMixin, forms.ModelForm):
    class Meta:
        model = Recording
        fields = ["craft", "technique", "title", "speaker", "speaker_name", "interviewer", "recorded_on", "place",
                  "consent_scope", "consent_date", "media", "media_reference", "language", "notes"]
        widgets = {"recorded_on": DateInput(), "consent_date": DateInput(),
                   "notes": forms.Textarea(attrs={"rows": 3}),
                   "technique": CraftTaggedSelect(), "speaker": CraftTaggedSelect()}
        help_texts = {
            "speaker_name": _("选择了讲述人时可留空,自动使用其姓名。"),
            "media": _("音频或视频(mp3 wav m4a aac ogg flac mp4 mov webm)。也可只填写外部引用。"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker_name"].required = False
        self.fields["technique"].queryset = Technique.objects.select_related("craft")
        self.fields["speaker"].queryset = Inheritor.objects.select_related("craft")

    # speaker's name, technique of the craft, a file or a reference, consent date: ``Recording.clean``, checked
    # by this form's model validation and by the services (the API) alike


class FootageForm(ClearMessagesMixin, forms.ModelForm):
    class Meta:
        model = Footage
        fields = ["technique", "step", "title", "file", "reference", "recorded_on", "credit", "rights", "public"]
        widgets = {"recorded_on": DateInput()}
        help_texts = {"file": _("视频(mp4 m4v mov webm)。没有文件时填写外部引用。")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["technique"].queryset = Technique.objects.select_related("craft")
        self.fields["step"].queryset = TechniqueStep.objects.select_related("technique", "technique__craft")


# --- Transcript --------------------------------------------------------------------------------------

class TimecodeField(forms.CharField):
    """A time in the recording: ``00:01:02.500``, ``1:02.5``, ``62.5`` (seconds). Cleaned to milliseconds."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "class": "timecode", "placeholder": "00:00:00.000",
                                  "maxlength": "16"})

    def prepare_value(self, value):
        if isinstance(value, int):
            return fmt_ms(value)
        return value

    def to_python(self, value):
        try:
            return parse_timecode(super().to_python(value) or "")
        except TimecodeError as exc:
            raise ValidationError(str(exc)) from None


class SegmentForm(ClearMessagesMixin, forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    start = TimecodeField(label=_("开始"))
    end = TimecodeField(label=_("结束"))
    speaker = forms.CharField(label=_("说话人"), max_length=100, required=False)
    text = forms.CharField(label=_("文本"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": _("文本不能为空。")})

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and end <= start:
            self.add_error("end", _("结束时间 %(end)s 必须晚于开始时间 %(start)s。") % {"end": fmt_ms(end), "start": fmt_ms(start)})
        return data

    def to_input(self) -> SegmentInput:
        d = self.cleaned_data
        return SegmentInput(start_ms=d["start"], end_ms=d["end"], text=d["text"], speaker=d.get("speaker") or "",
                            id=d.get("id"))


class BaseSegmentFormSet(BaseFormSet):
    """All segments of a recording at once. Overlaps are marked on the segment that starts later; the other
    segments keep what was typed."""

    def live_forms(self):
        return [f for f in self.forms if f.has_changed() or f.initial
                if not (self.can_delete and self._should_delete_form(f))]

    def clean(self):
        if any(self.errors):
            return
        forms_ = [f for f in self.live_forms() if f.cleaned_data]
        inputs = [f.to_input() for f in forms_]
        problems = segments_check(segments=inputs)
        for index, message in problems:
            forms_[index].add_error("start", message)
        if problems:
            raise ValidationError(_("有 %(n)d 个片段需要修改,其他片段已保留在表单中,尚未保存。") % {"n": len(problems)})

    def segment_forms(self) -> list[forms.Form]:
        """The forms that make up the new transcript (not deleted, not blank), in form order."""
        return [f for f in self.live_forms() if f.cleaned_data]

    def segment_inputs(self) -> list[SegmentInput]:
        return [f.to_input() for f in self.segment_forms()]


SegmentFormSet = formset_factory(SegmentForm, formset=BaseSegmentFormSet, extra=1, can_delete=True,
                                 max_num=5000, validate_max=True)


class TranscriptImportForm(forms.Form):
    MODE_CHOICES = [("replace", _("替换现有转写")), ("append", _("追加到现有转写之后"))]
    file = forms.FileField(label=_("转写文件"), help_text=_("WebVTT(.vtt)或纯文本(.txt,每行一句;以 [时:分:秒.毫秒] 开头的行保留时间,其余每 5 秒一句)。UTF-8 编码。"))
    mode = forms.ChoiceField(label=_("导入方式"), choices=MODE_CHOICES, initial="replace", widget=forms.RadioSelect)
    confirm_replace = forms.BooleanField(label=_("我确认用这份文件替换现有的全部片段(替换后无法撤销)"), required=False)

    def __init__(self, *args, existing: int = 0, **kwargs):
        """``existing``: how many segments the recording has; replacing them must be confirmed."""
        super().__init__(*args, **kwargs)
        self.existing = existing
        if existing:
            self.fields["confirm_replace"].help_text = ngettext(
                "现有 %(n)d 个片段将被删除。如需保留,请先导出 WebVTT 备份,或选择“追加”。",
                "现有 %(n)d 个片段将被删除。如需保留,请先导出 WebVTT 备份,或选择“追加”。", existing) % {"n": existing}
        else:
            del self.fields["confirm_replace"]

    def clean(self):
        data = super().clean()
        if self.existing and data.get("mode") == "replace" and not data.get("confirm_replace"):
            self.add_error("confirm_replace", ngettext(
                "替换会删除现有的 %(n)d 个片段,且无法撤销:请勾选确认后再导入。",
                "替换会删除现有的 %(n)d 个片段,且无法撤销:请勾选确认后再导入。", self.existing) % {"n": self.existing})
        return data

    def clean_file(self):
        """The file's text and kind (``cleaned_data["text"]``, ``["kind"]``); parsing, checking and the choice
        between importing now and queueing a task are the service's (``services.transcript_import_text``)."""
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".vtt", ".txt")):
            raise ValidationError(_("不支持的文件类型,请上传 .vtt 或 .txt 文件。"))
        transcript_size_check(upload.size)  # before reading it
        raw = upload.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(_("文件不是 UTF-8 编码(第 %(pos)d 字节出错),请另存为 UTF-8 后重试。") % {"pos": exc.start + 1})
        self.cleaned_data["text"] = text
        self.cleaned_data["kind"] = "vtt" if name.endswith(".vtt") else "txt"
        return upload
