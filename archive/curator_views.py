"""Curator screens: server-rendered, Chinese first, usable on a phone.

Reading needs a curator, reviewer (researcher) or admin account; writing needs a curator or admin
(heritage/permissions.py: archive.view, archive.change). Anonymous visitors go to the login page; other accounts get 403.
Views parse input and call archive.services (writes) or archive.selectors (reads)."""
from __future__ import annotations

import mimetypes
import re
from typing import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from heritage.langmark import mark_in
from heritage.media import stream_field_file
from heritage.once import Duplicate, Once
from heritage.pages import paginate
from heritage.permissions import PermissionView, allowed
from heritage.webvtt import WebVTTError, serialize, to_plain_text

from . import selectors, services
from .forms import (CraftForm, FootageForm, InheritorForm, PortraitForm, RecordingForm, SegmentFormSet, StepFormSet,
                    TechniqueForm, TranscriptImportForm, model_data)
from .models import Category, Craft, Footage, Inheritor, InheritorPortrait, Recording, SignerChange, Technique
from .roles import INHERITOR, has_role, landing_url
from .templatetags.archive_tags import page_title



def can_hear(user, recording: Recording) -> bool:
    """A recording whose consent is "archive only" is kept for the archive: curators and admins may
    play it and read its transcript; researchers see its catalogue entry only."""
    return allowed(user, "archive.read_recording", recording)


def _refuse_archive_only(user, recording: Recording) -> None:
    if not can_hear(user, recording):
        raise PermissionDenied(_("这条录音的授权范围是“仅限档案保存”,只有馆员可以收听和查看转写。"))


class RoleView(PermissionView):
    """Curator screens: reading needs ``archive.view``; views with ``write = True`` need
    ``archive.change`` for every method (heritage/permissions.py)."""

    permission_required = "archive.view"
    write = False

    def required_permission(self, request) -> str:
        return "archive.change" if self.write else self.permission_required

    def base_context(self, **extra):
        return {"can_write": self.may("archive.change"), **extra}


def _add_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the named field when the form has it, else at
    the top of the form (never an exception for a field the form does not show)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


class HomeView(RoleView):
    def dispatch(self, request, *args, **kwargs):
        # Everyone lands here after login (LOGIN_REDIRECT_URL); an inheritor's work is signing, which
        # lives in the review screens.
        if (request.user.is_authenticated and not allowed(request.user, "archive.view")
                and (has_role(request.user, INHERITOR) or allowed(request.user, "review.view_inbox"))):
            return redirect(landing_url(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, "curator/home.html", self.base_context(
            craft_count=Craft.objects.count(),
            inheritor_count=Inheritor.objects.count(),
            technique_count=Technique.objects.count(),
            recording_count=Recording.objects.count(),
            footage_count=Footage.objects.count(),
            todo=selectors.archive_todo(),
        ))


home = HomeView.as_view()


# --- Lists ----------------------------------------------------------------------------------------

class ListPage(RoleView):
    template_name = ""

    def queryset(self, q: str):
        raise NotImplementedError

    def extra(self) -> dict:
        return {}

    def get(self, request):
        q = request.GET.get("q", "").strip()[:100]
        params = {"q": q, **{k: request.GET.get(k, "") for k in self.extra()}}
        page, query = paginate(request, self.queryset(q), params)
        return render(request, self.template_name, self.base_context(
            page_obj=page, q=q, query=query, params=params, **self.extra()))


class CraftList(ListPage):
    template_name = "curator/craft_list.html"

    def queryset(self, q):
        return selectors.craft_list(q=q, category=self.request.GET.get("category", ""))

    def extra(self):
        return {"category": self.request.GET.get("category", ""), "categories": Category.choices}


class InheritorList(ListPage):
    template_name = "curator/inheritor_list.html"

    def queryset(self, q):
        return selectors.inheritor_list(q=q, level=self.request.GET.get("level", ""))

    def extra(self):
        return {"level": self.request.GET.get("level", ""), "levels": Inheritor.Level.choices}


class TechniqueList(ListPage):
    template_name = "curator/technique_list.html"

    def queryset(self, q):
        return selectors.technique_list(q=q)


class RecordingList(ListPage):
    template_name = "curator/recording_list.html"

    def queryset(self, q):
        return selectors.recording_list(q=q)


class FootageList(ListPage):
    template_name = "curator/footage_list.html"

    def queryset(self, q):
        return selectors.footage_list(q=q)


# --- Details ----------------------------------------------------------------------------------------

class CraftDetail(RoleView):
    def get(self, request, slug):
        craft = get_object_or_404(Craft, slug=slug)
        return render(request, "curator/craft_detail.html", self.base_context(
            craft=craft,
            inheritors=selectors.inheritor_list(craft=craft),
            techniques=selectors.technique_list(craft=craft),
            recordings=selectors.recording_list(craft=craft),
        ))


class InheritorDetail(RoleView):
    def get(self, request, pk):
        inheritor = get_object_or_404(Inheritor.objects.select_related("craft", "user", "proxy_user"), pk=pk)
        return render(request, "curator/inheritor_detail.html", self.base_context(
            inheritor=inheritor, recordings=inheritor.recordings.all(), portraits=inheritor.portraits.all(),
            signer_changes=inheritor.signer_changes.select_related("requested_by", "decided_by",
                                                                   "handed_over_by")[:10],
            link_account=services.link_account(inheritor=inheritor)))


class SignerChangeDecide(RoleView):
    """Confirm or reject a requested change of who may sign (a second curator, or an admin)."""

    permission_required = "archive.confirm_signer_change"

    def permission_object(self):
        return get_object_or_404(SignerChange, pk=self.kwargs["change_id"], inheritor_id=self.kwargs["pk"])

    def post(self, request, pk, change_id):
        change = self.permission_object()
        try:
            if request.POST.get("decision") == "confirm":
                services.signer_change_confirm(change=change, actor=request.user)
                messages.success(request, _("签署人变更已确认,现在生效。"))
                change.refresh_from_db()
                link = services.signer_change_link(change=change)
                if link is not None:  # a confirmed request for a new set-password link: shown once, to hand over
                    messages.info(request, _("%(user)s 的一次性设置密码链接(设置后失效):%(url)s") % {
                        "user": link[0].username, "url": request.build_absolute_uri(link[1])})
            else:
                services.signer_change_reject(change=change, actor=request.user)
                messages.success(request, _("签署人变更已驳回。"))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("curator:inheritor_detail", pk=pk)


class SignerChangeHandOver(RoleView):
    """The curator who received a confirmed set-password link marks it as handed to the inheritor."""

    permission_required = "archive.hand_over_signer_link"

    def permission_object(self):
        return get_object_or_404(SignerChange, pk=self.kwargs["change_id"], inheritor_id=self.kwargs["pk"])

    def post(self, request, pk, change_id):
        try:
            services.signer_change_hand_over(change=self.permission_object(), actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("已记录:设置密码链接已交给传承人。"))
        return redirect("curator:inheritor_detail", pk=pk)


class InheritorAccountLink(RoleView):
    """A new one-time set-password link for the inheritor's account (a forgotten password, or the first
    link lost), shown once to hand over. Any earlier link stops working when the password is set."""

    write = True

    def post(self, request, pk):
        inheritor = get_object_or_404(Inheritor, pk=pk)
        try:
            link = services.account_link_request(inheritor=inheritor, actor=request.user,
                                                 replace=bool(request.POST.get("replace_pending")))
        except ValidationError as exc:
            if exc.code == "no_account":
                messages.error(request, _("这位传承人还没有登录账户;请在编辑页勾选“为传承人新建登录账户”。"))
            else:
                messages.error(request, " ".join(exc.messages))
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            if link.change is not None:
                messages.info(request, _("%(user)s 已在签署:新的设置密码链接会改变谁能代表传承人签署,已提交为签署人变更,"
                                         "由另一位馆员或管理员确认后交给确认人。") % {"user": link.user.username})
            else:
                messages.info(request, _("%(user)s 的一次性设置密码链接(设置后失效):%(url)s") % {
                    "user": link.user.username, "url": request.build_absolute_uri(link.path)})
        return redirect("curator:inheritor_detail", pk=inheritor.pk)


class TechniqueDetail(RoleView):
    def get(self, request, slug):
        technique = get_object_or_404(Technique.objects.select_related("craft"), slug=slug)
        return render(request, "curator/technique_detail.html", self.base_context(
            technique=technique,
            steps=selectors.technique_steps(technique=technique),
            footage=selectors.footage_list(technique=technique),
            recordings=technique.recordings.all(),
        ))


TRANSCRIPT_PAGE_SIZE = 200


class RecordingDetail(RoleView):
    def get(self, request, pk):
        recording = get_object_or_404(Recording.objects.select_related("craft", "technique", "speaker"), pk=pk)
        hear = can_hear(request.user, recording)
        # A long transcript (tens of thousands of segments) is read a page at a time.
        page = Paginator(selectors.recording_segments(recording=recording) if hear else [],
                         TRANSCRIPT_PAGE_SIZE).get_page(request.GET.get("page"))
        # 口述影像 (S2V) reads a span of the recording's own sound and its transcript: offered where both exist
        # and the account may start generation (the S2V page then checks portrait and consents, with reasons).
        can_narrate = bool(hear and recording.media and page.paginator.count
                           and allowed(request.user, "generation.create"))
        return render(request, "curator/recording_detail.html", self.base_context(
            recording=recording, can_hear=hear, segments=page.object_list, page_obj=page, query="",
            media_kind=_media_kind(recording.media.name if recording.media else ""), can_narrate=can_narrate,
        ))


class FootageDetail(RoleView):
    def get(self, request, pk):
        footage = get_object_or_404(Footage.objects.select_related("technique", "technique__craft", "step"), pk=pk)
        return render(request, "curator/footage_detail.html", self.base_context(footage=footage))


def _media_kind(name: str) -> str:
    mime = mimetypes.guess_type(name)[0] or ""
    return "video" if mime.startswith("video/") else "audio"


# --- Create / edit --------------------------------------------------------------------------------

class FormPage(RoleView):
    """Create (no object) or edit one object with a ModelForm; the service does the write."""

    write = True
    form_class = None
    model = None
    lookup = "pk"
    title_new = ""
    title_edit = ""  # the heading of an edit page: "编辑项目:%(obj)s"
    title_label = ""  # its <title>'s label ("编辑项目"), before what title_names gives (page_title's rule)
    create: Callable = None
    update: Callable = None
    list_url = ""
    form_script = ""  # optional static/curator/*.js for this form

    def get_object(self, kwargs):
        if self.lookup in kwargs:
            return get_object_or_404(self.model, **{self.lookup: kwargs[self.lookup]})
        return None

    def initial(self) -> dict:
        return {}

    def form_kwargs(self, obj) -> dict:
        """Extra keyword arguments of the form (e.g. the object a new row belongs to)."""
        return {}

    def cancel_url(self, obj) -> str:
        return obj.get_absolute_url() if obj else reverse(self.list_url)

    def title_names(self, obj) -> tuple:
        """What an edit page's <title> names after its label, as the object's own page does."""
        return (obj,)

    def render_form(self, form, obj):
        return render(self.request, "curator/form.html", self.base_context(
            form=form, object=obj, title=page_title(self.title_label, *self.title_names(obj)) if obj else self.title_new,
            heading=mark_in(self.title_edit, obj=obj) if obj else self.title_new,
            form_script=self.form_script, cancel_url=self.cancel_url(obj),
        ), status=400 if form.is_bound else 200)

    def get(self, request, **kwargs):
        obj = self.get_object(kwargs)
        return self.render_form(self.form_class(instance=obj, initial=self.initial(), **self.form_kwargs(obj)), obj)

    def post(self, request, **kwargs):
        obj = self.get_object(kwargs)
        form = self.form_class(request.POST, request.FILES, instance=obj, **self.form_kwargs(obj))
        try:
            with Once(request, fallback_url=self.cancel_url(obj), active=obj is None) as once:  # a create, once
                if form.is_valid():
                    try:
                        saved = self.update(obj, model_data(form)) if obj else self.create(model_data(form))
                    except ValidationError as exc:
                        _add_errors(form, exc)
                    else:
                        messages.success(request, _("已保存“%(obj)s”。") % {"obj": saved})
                        once.done(saved.get_absolute_url())
                        return redirect(saved.get_absolute_url())
        except Duplicate as duplicate:
            return duplicate.response
        return self.render_form(form, obj)


class CraftForm_(FormPage):
    form_class, model, lookup, list_url = CraftForm, Craft, "slug", "curator:craft_list"
    title_new = gettext_lazy("新建非遗项目")
    title_edit = gettext_lazy("编辑项目:%(obj)s")
    title_label = gettext_lazy("编辑项目")

    def create(self, data):
        return services.craft_create(**data)

    def update(self, obj, data):
        return services.craft_update(craft=obj, data=data)


class InheritorForm_(FormPage):
    form_class, model, list_url = InheritorForm, Inheritor, "curator:inheritor_list"
    title_new = gettext_lazy("新建传承人")
    title_edit = gettext_lazy("编辑传承人:%(obj)s")
    title_label = gettext_lazy("编辑传承人")

    def title_names(self, obj):
        return (obj.name,)

    def initial(self):
        craft = Craft.objects.filter(slug=self.request.GET.get("craft", "")).first()
        return {"craft": craft} if craft else {}

    @transaction.atomic
    def create(self, data):
        data, account = self._with_account(data)
        return self._told(services.inheritor_create(data=data, actor=self.request.user), account)

    @transaction.atomic
    def update(self, obj, data):
        data, account = self._with_account(data, obj)
        return self._told(services.inheritor_update(
            inheritor=obj, data=data, actor=self.request.user,
            replace_pending=bool(self.request.POST.get("replace_pending_change"))), account)

    def _with_account(self, data, inheritor=None):
        """When "create an account" was ticked: make the login and name it as the inheritor's account, so
        it joins the same pending signer change as the rest of the form."""
        post = self.request.POST
        if not post.get("create_account") or (inheritor is not None and inheritor.user_id):
            return data, None
        if inheritor is not None:  # a second account would silently replace the pending change: say so
            services.refuse_if_signer_change_pending(inheritor=inheritor,
                                                     replace=bool(post.get("replace_pending_change")))
        user, path = services.inheritor_account_create(name=data.get("name") or getattr(inheritor, "name", ""),
                                                       username=post.get("account_username", ""))
        return {**data, "user": user}, (user, path)

    def _told(self, inheritor, account=None):
        if account is not None:  # the one-time link, shown once, to hand over
            user, path = account
            messages.info(self.request, _("已为 %(name)s 新建账户 %(user)s。请把这个一次性链接交给本人,用它设置自己的密码"
                                          "(设置后链接失效):%(url)s") % {
                "name": inheritor.name, "user": user.username, "url": self.request.build_absolute_uri(path)})
        if inheritor.signer_changes.filter(state=SignerChange.State.PENDING, requested_by=self.request.user).exists():
            messages.info(self.request, _("签署人的变更已提交,需另一位馆员或管理员确认后生效。"))
        return inheritor


class PortraitForm_(FormPage):
    """Add a portrait under an inheritor (``inheritor_pk``) or edit one (``pk``)."""

    form_class, model = PortraitForm, InheritorPortrait
    title_new = gettext_lazy("新增人像")
    title_edit = gettext_lazy("编辑人像:%(obj)s")
    title_label = gettext_lazy("编辑人像")

    def title_names(self, obj):
        return (obj.inheritor.name, obj.title)

    def inheritor(self, obj=None) -> Inheritor:
        if obj is not None:
            return obj.inheritor
        return get_object_or_404(Inheritor, pk=self.kwargs["inheritor_pk"])

    def form_kwargs(self, obj) -> dict:
        return {"inheritor": self.inheritor(obj)}

    def cancel_url(self, obj) -> str:
        return self.inheritor(obj).get_absolute_url()

    def create(self, data):
        return services.portrait_create(inheritor=self.inheritor(), data=data)

    def update(self, obj, data):
        return services.portrait_update(portrait=obj, data=data)


class PortraitFile(RoleView):
    """A portrait's image or its likeness-consent document, for curators and reviewers only."""

    field = "image"

    def get(self, request, pk):
        portrait = get_object_or_404(InheritorPortrait, pk=pk)
        fieldfile = getattr(portrait, self.field)
        if not fieldfile:
            raise Http404(_("没有这个文件。"))
        return stream_field_file(request, fieldfile)


class RecordingForm_(FormPage):
    form_class, model, list_url = RecordingForm, Recording, "curator:recording_list"
    form_script = "curator/recording_form.js"
    title_new = gettext_lazy("新建口述史录音")
    title_edit = gettext_lazy("编辑录音:%(obj)s")
    title_label = gettext_lazy("编辑录音")

    def initial(self):
        craft = Craft.objects.filter(slug=self.request.GET.get("craft", "")).first()
        return {"craft": craft} if craft else {}

    def create(self, data):
        return services.recording_create(data=data)

    def update(self, obj, data):
        return services.recording_update(recording=obj, data=data)


class FootageForm_(FormPage):
    form_class, model, list_url = FootageForm, Footage, "curator:footage_list"
    title_new = gettext_lazy("新建原始影像")
    title_edit = gettext_lazy("编辑原始影像:%(obj)s")
    title_label = gettext_lazy("编辑原始影像")

    def initial(self):
        technique = Technique.objects.filter(slug=self.request.GET.get("technique", "")).first()
        return {"technique": technique} if technique else {}

    def create(self, data):
        return services.footage_create(data=data)

    def update(self, obj, data):
        return services.footage_update(footage=obj, data=data)


class TechniqueFormPage(RoleView):
    """A technique with its ordered steps on one page (inline formset: add, remove, reorder)."""

    write = True

    def get_object(self, kwargs):
        return get_object_or_404(Technique, slug=kwargs["slug"]) if "slug" in kwargs else None

    def render_page(self, form, formset, obj, status=200):
        return render(self.request, "curator/technique_form.html", self.base_context(
            form=form, formset=formset, object=obj,
            title=page_title(_("编辑技法"), obj.craft, obj.name) if obj else _("新建技法"),
            heading=mark_in(_("编辑技法:%(obj)s"), obj=obj) if obj else _("新建技法"),
            cancel_url=obj.get_absolute_url() if obj else reverse("curator:technique_list"),
        ), status=status)

    def get(self, request, **kwargs):
        obj = self.get_object(kwargs)
        initial = {}
        craft = Craft.objects.filter(slug=request.GET.get("craft", "")).first()
        if craft and not obj:
            initial["craft"] = craft
        formset = StepFormSet(instance=obj or Technique(), prefix="steps",
                              queryset=(obj.steps.order_by("order") if obj else None))
        if not obj:
            formset.extra = 1
        return self.render_page(TechniqueForm(instance=obj, initial=initial), formset, obj)

    def post(self, request, **kwargs):
        obj = self.get_object(kwargs)
        form = TechniqueForm(request.POST, instance=obj)
        formset = StepFormSet(request.POST, instance=obj or Technique(), prefix="steps",
                              queryset=(obj.steps.order_by("order") if obj else None))
        try:
            with Once(request, fallback_url=reverse("curator:technique_list"), active=obj is None) as once:
                form_ok = form.is_valid()
                formset_ok = formset.is_valid()
                if form_ok and formset_ok:
                    try:
                        ordered = [f.instance for f in formset.ordered_forms]
                        technique = services.technique_save(technique=obj, data=model_data(form), ordered=ordered,
                                                            deleted=[f.instance for f in formset.deleted_forms])
                    except ValidationError as exc:
                        _add_errors(form, exc)
                    else:
                        messages.success(request, _("已保存技法“%(obj)s”及其 %(n)d 个步骤。")
                                         % {"obj": technique, "n": len(ordered)})
                        once.done(technique.get_absolute_url())
                        return redirect(technique.get_absolute_url())
        except Duplicate as duplicate:
            return duplicate.response
        return self.render_page(form, formset, obj, status=400)


# --- Delete ---------------------------------------------------------------------------------------

class DeletePage(RoleView):
    """Asks for confirmation; refuses with the list of dependent rows when PROTECT foreign keys would."""

    write = True
    model = None
    lookup = "pk"
    list_url = ""

    def get_object(self, kwargs):
        return get_object_or_404(self.model, **{self.lookup: kwargs[self.lookup]})

    def render_page(self, obj, blockers, status=200):
        return render(self.request, "curator/confirm_delete.html", self.base_context(
            object=obj, blockers=blockers, kind=obj._meta.verbose_name), status=status)

    def get(self, request, **kwargs):
        obj = self.get_object(kwargs)
        return self.render_page(obj, selectors.deletion_blockers(obj=obj, marked=True))

    def post(self, request, **kwargs):
        obj = self.get_object(kwargs)
        label = str(obj)
        try:
            services.archive_object_delete(obj=obj)
        except services.DeleteBlocked as exc:
            messages.error(request, str(exc))
            return self.render_page(obj, selectors.deletion_blockers(obj=obj, marked=True), status=409)
        messages.success(request, _("已删除“%(obj)s”。") % {"obj": label})
        return redirect(self.list_url)


class CraftDelete(DeletePage):
    model, lookup, list_url = Craft, "slug", "curator:craft_list"


class InheritorDelete(DeletePage):
    model, list_url = Inheritor, "curator:inheritor_list"


class TechniqueDelete(DeletePage):
    model, lookup, list_url = Technique, "slug", "curator:technique_list"


class RecordingDelete(DeletePage):
    model, list_url = Recording, "curator:recording_list"


class FootageDelete(DeletePage):
    model, list_url = Footage, "curator:footage_list"


# --- Transcript -------------------------------------------------------------------------------------

class TranscriptEdit(RoleView):
    """The segment editor: the segments of a recording, a page of them at a time, next to the player.
    Saving a page replaces that page's segments; the whole resulting transcript is checked first."""

    write = True

    SEGMENTS_PER_PAGE = 100
    FIELDS_PER_SEGMENT = 6  # id, start, end, speaker, text, DELETE

    def too_many_for_one_form(self, count: int) -> bool:
        """Django refuses a POST with more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields; say so up front
        instead of letting the curator type into a form that cannot be saved."""
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return limit is not None and (count + 1) * self.FIELDS_PER_SEGMENT + 10 > limit

    def page_of(self, recording, number):
        return Paginator(selectors.recording_segments(recording=recording), self.SEGMENTS_PER_PAGE).get_page(number)

    def render_page(self, recording, formset, import_form, *, page, page_ids: str, status=200):
        return render(self.request, "curator/transcript_edit.html", self.base_context(
            recording=recording, formset=formset, import_form=import_form, page_obj=page, page_ids=page_ids,
            too_many=self.too_many_for_one_form(formset.total_form_count()),
            media_kind=_media_kind(recording.media.name if recording.media else ""),
        ), status=status)

    def get(self, request, pk):
        recording = get_object_or_404(Recording, pk=pk)
        page = self.page_of(recording, request.GET.get("page"))
        initial = [{"id": s.pk, "start": s.start_ms, "end": s.end_ms, "speaker": s.speaker, "text": s.text}
                   for s in page]
        return self.render_page(recording, SegmentFormSet(initial=initial, prefix="seg"),
                                TranscriptImportForm(existing=page.paginator.count),
                                page=page, page_ids=",".join(str(s.pk) for s in page))

    def post(self, request, pk):
        recording = get_object_or_404(Recording, pk=pk)
        page = self.page_of(recording, request.POST.get("page"))
        raw_ids = request.POST.get("page_ids", "")
        formset = SegmentFormSet(request.POST, prefix="seg")
        if not re.fullmatch(r"[0-9]*(,[0-9]+)*", raw_ids):
            messages.error(request, _("表单已损坏,请刷新页面后重试。"))
        elif formset.is_valid():
            page_ids = {int(x) for x in raw_ids.split(",") if x}
            forms_ = formset.segment_forms()
            inputs = [f.to_input() for f in forms_]
            problems = services.transcript_part_problems(recording=recording, segments=inputs, replacing_ids=page_ids)
            for index, message in problems:
                if forms_:
                    forms_[min(index, len(forms_) - 1)].add_error("start", message)
                else:
                    messages.error(request, message)
            if not problems:
                saved = services.transcript_save_part(recording=recording, segments=inputs, replacing_ids=page_ids)
                messages.success(request, _("转写已保存,共 %(n)d 个片段。") % {"n": len(saved)})
                url = reverse("curator:transcript_edit", args=[recording.pk])
                return redirect(f"{url}?page={page.number}" if page.number > 1 else url)
        return self.render_page(recording, formset, TranscriptImportForm(existing=page.paginator.count), page=page,
                                page_ids=raw_ids, status=400)


class TranscriptImport(RoleView):
    write = True

    def post(self, request, pk):
        recording = get_object_or_404(Recording, pk=pk)
        form = TranscriptImportForm(request.POST, request.FILES, existing=recording.segments.count())
        if form.is_valid():
            try:
                outcome = services.transcript_import_text(recording=recording, text=form.cleaned_data["text"],
                                                          kind=form.cleaned_data["kind"],
                                                          mode=form.cleaned_data["mode"], actor=request.user)
            except WebVTTError as exc:
                form.add_error("file", str(exc))
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error("file", message)
            else:
                if outcome.job is not None:  # a big file: the task imports it, this page follows it
                    return redirect("curator:transcript_import_status", pk=recording.pk, job_id=outcome.job.pk)
                messages.success(request, _("已导入转写,现共有 %(n)d 个片段。") % {"n": len(outcome.saved)})
                return redirect("curator:transcript_edit", pk=recording.pk)
        messages.error(request, _("导入失败,现有转写没有改动。"))
        editor = TranscriptEdit(request=request)
        page = editor.page_of(recording, 1)
        initial = [{"id": s.pk, "start": s.start_ms, "end": s.end_ms, "speaker": s.speaker, "text": s.text}
                   for s in page]
        return editor.render_page(recording, SegmentFormSet(initial=initial, prefix="seg"), form, page=page,
                                  page_ids=",".join(str(s.pk) for s in page), status=400)


class TranscriptImportStatus(RoleView):
    """How far a big transcript import has got; the page refreshes itself until the task ends."""

    write = True

    def get(self, request, pk, job_id):
        from .models import TranscriptImportJob

        job = get_object_or_404(TranscriptImportJob.objects.select_related("recording"), pk=job_id, recording_id=pk)
        stale = services.transcript_import_job_stale(job)
        return render(request, "curator/transcript_import_status.html", self.base_context(
            recording=job.recording, job=job, running=job.status in ("queued", "running") and not stale, stale=stale,
            can_retry=bool(job.text) and (stale or job.status == "failed")))


class TranscriptImportRetry(RoleView):
    """The status page's one button: send a failed or stale import again."""

    write = True

    def post(self, request, pk, job_id):
        from .models import TranscriptImportJob

        job = get_object_or_404(TranscriptImportJob, pk=job_id, recording_id=pk)
        if services.transcript_import_job_retry(job=job):
            messages.success(request, _("已重新提交导入。"))
        else:
            messages.info(request, _("这个导入现在不需要重试。"))
        return redirect("curator:transcript_import_status", pk=pk, job_id=job.pk)


class TranscriptExport(RoleView):
    def get(self, request, pk, fmt):
        if fmt not in {"vtt", "txt"}:
            raise Http404(_("只支持导出 vtt 或 txt。"))
        recording = get_object_or_404(Recording, pk=pk)
        _refuse_archive_only(request.user, recording)
        cues = selectors.recording_cues(recording=recording)
        filename = slugify(f"recording-{recording.pk}") or "transcript"
        if fmt == "vtt":
            body, ctype = serialize(cues, title=recording.title), "text/vtt; charset=utf-8"
        else:
            body, ctype = to_plain_text(cues), "text/plain; charset=utf-8"
        response = HttpResponse(body, content_type=ctype)
        response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
        return response


class RecordingMedia(RoleView):
    """The recording's file for the player, behind the login (consent scopes may forbid public access)."""

    def get(self, request, pk):
        recording = get_object_or_404(Recording, pk=pk)
        _refuse_archive_only(request.user, recording)
        if not recording.media:
            raise Http404(_("这条录音没有上传文件。"))
        return stream_field_file(request, recording.media)


class FootageMedia(RoleView):
    """Original footage for the curator's player, behind the login (the gallery shows public footage
    through its own views)."""

    def get(self, request, pk):
        footage = get_object_or_404(Footage, pk=pk)
        if not footage.file:
            raise Http404(_("这条影像没有上传文件。"))
        return stream_field_file(request, footage.file)


class InheritorDocument(RoleView):
    """The proxy's authority document, for curators and reviewers only."""

    def get(self, request, pk):
        inheritor = get_object_or_404(Inheritor, pk=pk)
        if not inheritor.proxy_document:
            raise Http404(_("没有授权文件。"))
        return stream_field_file(request, inheritor.proxy_document)
