"""The curator's generate form: one clip, a batch over all steps, or several camera angles of one step."""
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import parameters as params
from .services import CAMERAS


class GenerateForm(forms.Form):
    KIND_ONE, KIND_ALL_STEPS, KIND_CAMERAS = "one", "all_steps", "cameras"
    kind = forms.ChoiceField(
        label=_("生成方式"), widget=forms.RadioSelect, initial=KIND_ONE,
        choices=[(KIND_ONE, _("一个视频")), (KIND_ALL_STEPS, _("批量:该技法的每个步骤各一个")),
                 (KIND_CAMERAS, _("多机位:同一步骤的多个机位"))])
    step = forms.TypedChoiceField(label=_("步骤"), required=False, coerce=int, empty_value=None)
    text = forms.CharField(label=_("自定义文本(可选)"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("填写后以此文本规范化生成,代替步骤描述。"))
    camera = forms.ChoiceField(label=_("机位"), required=False,
                               choices=[("", _("按模板默认"))] + list(CAMERAS.items()))
    cameras = forms.MultipleChoiceField(label=_("多机位"), required=False, widget=forms.CheckboxSelectMultiple,
                                        choices=list(CAMERAS.items()))
    resolution = forms.ChoiceField(label=_("分辨率"))
    duration = forms.FloatField(label=_("时长(秒)"))
    frame_rate = forms.IntegerField(label=_("交付帧率"), min_value=params.FRAME_RATE_MIN,
                                    max_value=params.FRAME_RATE_MAX)
    seed = forms.IntegerField(label=_("随机种子"), required=False, min_value=0, max_value=params.SEED_MAX,
                              help_text=_("留空则随机选取并记录。"))
    temperature = forms.FloatField(label=_("temperature"), min_value=params.TEMPERATURE_MIN,
                                   max_value=params.TEMPERATURE_MAX, initial=params.TEMPERATURE_DEFAULT,
                                   help_text=_("引导强度 = 预设值 ÷ temperature。越低越贴合描述,越高越自由多变;教学用途建议 0.7–1.0。"))
    steps = forms.IntegerField(label=_("去噪步数"), min_value=1)
    fast = forms.MultipleChoiceField(
        label=_("快速模式"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=list(params.FAST_MODE_LABELS.items()),
        help_text=_("可选,逐任务生效并记录在任务上;画面会与完整计算略有不同。快速预览建议 4 步。"))
    prompt_extend = forms.BooleanField(
        label=_("用本地模型扩展提示词"), required=False,
        help_text=_("类似 Wan2.2 的 --use_prompt_extend:改写须保留每个参数值、手、工具和材料,否则保留原提示词并在任务中说明。"
                    "开发用的微型模型输出是噪声,扩展总会被拒绝。"))

    def __init__(self, *args, technique, **kwargs):
        super().__init__(*args, **kwargs)
        self.technique = technique
        preset = settings.ENGINE_PRESET
        lim = params.limits(preset)
        p = params.preset_of(preset)
        self.fields["step"].choices = [("", _("整个技法"))] + [(s.order, f"{s.order}. {s.title}")
                                                               for s in technique.steps.all()]
        sizes = params.resolutions_for(preset)
        # Each choice says the size the engine really makes (the tiny demo engine stands in with small ones).
        self.fields["resolution"].choices = [(r, f"{r} ({sizes[r][0]}×{sizes[r][1]})") for r in lim.resolutions]
        if preset == "tiny":
            self.fields["resolution"].help_text = _(
                "开发模式:微型引擎用小尺寸代替 480p/720p,视频只是噪声;接入真实的 Wan2.2 权重后才是真实分辨率。")
        self.fields["resolution"].initial = params.DEFAULT_RESOLUTION
        self.fields["duration"].min_value, self.fields["duration"].max_value = lim.min_duration, lim.max_duration
        self.fields["duration"].initial = lim.max_duration
        self.fields["duration"].help_text = _("原生 %(fps)s 帧/秒,帧数取 4k+1;最长 %(max)s 秒。") % {
            "fps": p.fps, "max": f"{lim.max_duration:g}"}
        self.fields["duration"].widget.attrs.update(step="any", min=lim.min_duration, max=lim.max_duration)
        self.fields["frame_rate"].initial = p.fps
        self.fields["steps"].initial = p.num_steps
        self.fields["steps"].max_value = lim.max_steps
        self.fields["steps"].widget.attrs["max"] = lim.max_steps
        self.fields["prompt_extend"].initial = settings.PROMPT_EXTEND

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == self.KIND_CAMERAS:
            if not data.get("cameras") or len(data["cameras"]) < 2:
                self.add_error("cameras", _("多机位至少选两个机位。"))
            if not data.get("step") and not data.get("text"):
                self.add_error("step", _("多机位请选择一个步骤(或填写文本)。"))
        if kind == self.KIND_ALL_STEPS and not self.technique.steps.exists():
            self.add_error("kind", _("该技法还没有步骤。"))
        return data

    def public_parameters(self) -> dict:
        d = self.cleaned_data
        return {"resolution": d["resolution"], "duration": d["duration"], "frame_rate": d["frame_rate"],
                "temperature": d["temperature"], "steps": d["steps"], "fast": list(d.get("fast") or [])}


class S2VForm(forms.Form):
    """口述影像: a span of an oral-history recording (by transcript segments, or start/end in seconds)
    and a portrait of its speaker drive a speech-to-video job (generation/s2v.py checks the rest)."""

    recording = forms.ModelChoiceField(label=_("口述史录音"), queryset=None)
    segments = forms.MultipleChoiceField(label=_("转写片段"), required=False, widget=forms.CheckboxSelectMultiple,
                                         help_text=_("勾选连续的片段;音频取第一段开始到最后一段结束。"))
    speaker_label = forms.ChoiceField(
        label=_("讲述人的说话人标签"), required=False,
        help_text=_("转写中哪个说话人是这位传承人:这个标签下的片段是本人说的话,可以驱动人像。"))
    start_s = forms.FloatField(label=_("起点(秒)"), required=False, min_value=0,
                               help_text=_("不勾选片段时,直接填写音频片段的起止时间。"))
    end_s = forms.FloatField(label=_("终点(秒)"), required=False, min_value=0)
    portrait = forms.ModelChoiceField(label=_("人像"), queryset=None,
                                      help_text=_("讲述人本人的人像,须有肖像授权。"))
    prompt = forms.CharField(label=_("场景与镜头描述(可选)"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("留空则用默认描述:传承人面对镜头讲述,中景。"))
    seed = forms.IntegerField(label=_("随机种子"), required=False, min_value=0, max_value=params.SEED_MAX,
                              help_text=_("留空则随机选取并记录。"))
    steps = forms.IntegerField(label=_("去噪步数"), required=False, min_value=1)

    def __init__(self, *args, recording=None, **kwargs):
        from archive.models import InheritorPortrait, Recording
        from heritage.timecode import format_ms as fmt_ms

        from .s2v import obvious_speaker_label, speaker_labels

        super().__init__(*args, **kwargs)
        self.fields["recording"].queryset = Recording.objects.exclude(media="").select_related("craft")
        portraits = InheritorPortrait.objects.select_related("inheritor")
        if recording is not None:
            self.fields["recording"].initial = recording.pk
            self.fields["segments"].choices = [
                (str(s.pk), f"{fmt_ms(s.start_ms)}–{fmt_ms(s.end_ms)} {s.speaker.strip() + ':' if s.speaker.strip() else ''}"
                            f"{s.text[:60]}") for s in recording.segments.all()]
            labels = speaker_labels(recording)
            if labels:  # the transcript's labels (not the interviewer's), the obvious one preselected
                self.fields["speaker_label"].choices = [("", _("不指定(按姓名和「答」等角色词判断)"))] + [
                    (label, label) for label in labels]
                self.fields["speaker_label"].initial = obvious_speaker_label(recording, labels)
            else:
                del self.fields["speaker_label"]
            if recording.speaker_id:
                portraits = portraits.filter(inheritor_id=recording.speaker_id)
                only = list(portraits.values_list("pk", flat=True)[:2])
                if len(only) == 1:  # the speaker's one portrait on file: nothing to pick
                    self.fields["portrait"].initial = only[0]
        else:
            del self.fields["speaker_label"]
        self.fields["portrait"].queryset = portraits
        self.recording = recording

    def clean(self):
        data = super().clean()
        recording = data.get("recording")
        chosen = data.get("segments") or []
        if recording is not None and chosen:
            segs = list(recording.segments.filter(pk__in=[int(x) for x in chosen]).order_by("start_ms"))
            if len(segs) != len(chosen):
                self.add_error("segments", _("所选片段不属于这条录音。"))
            else:
                data["start_ms"], data["end_ms"] = segs[0].start_ms, segs[-1].end_ms
        elif data.get("start_s") is None or data.get("end_s") is None:
            self.add_error("start_s", _("请勾选转写片段,或填写起点和终点。"))
        else:
            data["start_ms"], data["end_ms"] = round(data["start_s"] * 1000), round(data["end_s"] * 1000)
        return data
