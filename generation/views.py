"""Curator screens for generation: generate (one, all steps, camera angles), job list and detail with a
live progress bar, cancel, retry with a new seed, compare takes side by side, and the GPU pool page.

Reading needs ``generation.view``; generating ``generation.create``; cancelling and retrying
``generation.manage_job`` (a curator, or the job's own requester) — see heritage/permissions.py."""
import json

from django.contrib import messages
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from archive.models import Recording, Technique
from archive.roles import list_person_names
from heritage.once import Duplicate, Once
from heritage.permissions import PermissionView
from heritage.inputs import plain_int
from heritage.pages import paginate

from heritage.media import stream_field_file

from . import parameters as params
from . import selectors, services
from .forms import GenerateForm, S2VForm
from .models import GenerationJob

COMPARE_MAX = 6


class AreaView(PermissionView):
    """Generation screens: reading needs ``generation.view``; views with ``write = True`` need
    ``generation.create`` (heritage/permissions.py)."""

    permission_required = "generation.view"
    write = False

    def required_permission(self, request) -> str:
        return "generation.create" if self.write else self.permission_required

    def job_or_404(self, pk) -> GenerationJob:
        job = selectors.job_get(user=self.request.user, job_id=pk)
        if job is None:
            raise Http404(_("没有这个任务,或你无权查看。"))
        return job


def media_url_for(job):
    return lambda kind: reverse("generation:job_media", args=[job.pk, kind])


class S2VGenerate(AreaView):
    """口述影像: a recording span (transcript segments or start/end) and a portrait → an S2V job."""

    write = True

    def _recording(self, request):
        rid = plain_int(request.GET.get("recording") or request.POST.get("recording"))
        return Recording.objects.filter(pk=rid).select_related("craft", "speaker").first() if rid is not None else None

    def _render(self, request, form, status=200):
        return render(request, "generation/s2v.html", {"form": form, "recording": form.recording}, status=status)

    def get(self, request):
        recording = self._recording(request)
        initial = {}
        if plain_int(request.GET.get("segment")) is not None:
            initial["segments"] = [request.GET["segment"]]
        return self._render(request, S2VForm(recording=recording, initial=initial))

    def post(self, request):
        form = S2VForm(request.POST, recording=self._recording(request))
        try:
            with Once(request, fallback_url=reverse("generation:job_list")) as once:  # one job per page
                return self._submit(request, form, once)
        except Duplicate as duplicate:
            return duplicate.response

    def _submit(self, request, form, once):
        from .s2v import s2v_job_create, span_error_field

        if not form.is_valid():
            return self._render(request, form, status=400)
        d = form.cleaned_data
        try:
            job = s2v_job_create(requested_by=request.user, recording=d["recording"], portrait=d["portrait"],
                                 start_ms=d["start_ms"], end_ms=d["end_ms"], prompt=d.get("prompt"),
                                 seed=d.get("seed"), steps=d.get("steps"), speaker_label=d.get("speaker_label"))
        except params.ParameterError as exc:
            for key, errs in exc.errors.items():
                field = span_error_field(key, by_segments=bool(d.get("segments")), start_field="start_s")
                form.add_error(field if field in form.fields else None, " ".join(errs))
            return self._render(request, form, status=400)
        messages.success(request, _("已提交口述影像生成任务。"))
        once.done(reverse("generation:job_detail", args=[job.pk]))
        return redirect("generation:job_detail", pk=job.pk)


class JobList(AreaView):
    def get(self, request):
        q = request.GET
        qs = selectors.job_list(user=request.user, **selectors.job_list_filters(q))
        qs = list_person_names(qs.select_related("technique__craft", "step"), "requested_by")  # each row names them
        page, keep = paginate(request, qs, {k: v for k, v in q.items() if k != "page"})
        return render(request, "generation/job_list.html", {
            "page": page, "jobs": page.object_list, "statuses": GenerationJob.Status.choices, "filters": q,
            "keep": keep, "filtered": any(v for k, v in q.items() if k != "page"),
            # a technique's name shows its craft's: fetched with it, not once per option
            "techniques": Technique.objects.select_related("craft").order_by("name"),
            "can_generate": self.may("generation.create"),
        })


class Generate(AreaView):
    write = True

    def _technique(self, request):
        slug = request.GET.get("technique") or request.POST.get("technique")
        return Technique.objects.filter(slug=slug).select_related("craft").first() if slug else None

    def get(self, request):
        technique = self._technique(request)
        form = None
        if technique is not None:
            initial = {}
            if plain_int(request.GET.get("step")) is not None:
                initial["step"] = plain_int(request.GET.get("step"))
            form = GenerateForm(technique=technique, initial=initial)
        return self._render(request, technique, form)

    def _render(self, request, technique, form, status=200):
        return render(request, "generation/generate.html", {
            "technique": technique, "form": form, "techniques": Technique.objects.select_related("craft"),
            "limits": params.limits(services._preset_name()),
        }, status=status)

    def post(self, request):
        technique = self._technique(request)
        if technique is None:
            messages.error(request, _("请选择技法。"))
            return redirect("generation:generate")
        form = GenerateForm(request.POST, technique=technique)
        try:
            with Once(request, fallback_url=reverse("generation:job_list")) as once:  # one set of jobs per page
                return self._submit(request, technique, form, once)
        except Duplicate as duplicate:
            return duplicate.response

    def _submit(self, request, technique, form, once):
        if not form.is_valid():
            return self._render(request, technique, form, status=400)
        d = form.cleaned_data
        step = technique.steps.filter(order=d["step"]).first() if d.get("step") else None
        try:
            with transaction.atomic():
                if d["kind"] == GenerateForm.KIND_ALL_STEPS:
                    jobs = services.job_create_batch(requested_by=request.user, technique=technique,
                                                     parameters=form.public_parameters(), seed=d.get("seed"),
                                                     prompt_extend=d.get("prompt_extend"))
                elif d["kind"] == GenerateForm.KIND_CAMERAS:
                    jobs = services.job_create_batch(requested_by=request.user, technique=technique,
                                                     steps=[step] if step else None, cameras=d["cameras"],
                                                     text=d.get("text") or None,
                                                     parameters=form.public_parameters(), seed=d.get("seed"),
                                                     prompt_extend=d.get("prompt_extend"))
                else:
                    jobs = [services.job_create(requested_by=request.user, technique=technique, step=step,
                                                text=d.get("text") or None, camera=d.get("camera") or None,
                                                parameters=form.public_parameters(), seed=d.get("seed"),
                                                prompt_extend=d.get("prompt_extend"))]
        except params.ParameterError as exc:
            for field, errs in exc.errors.items():
                form.add_error(field if field in form.fields else None, " ".join(errs))
            return self._render(request, technique, form, status=400)
        if len(jobs) == 1:
            messages.success(request, _("已提交生成任务。"))
            url = reverse("generation:job_detail", args=[jobs[0].pk])
        else:
            messages.success(request, _("已提交 %(n)s 个生成任务。") % {"n": len(jobs)})
            if d["kind"] == GenerateForm.KIND_CAMERAS:
                url = reverse("generation:compare") + "?jobs=" + ",".join(str(j.pk) for j in jobs)
            else:
                url = reverse("generation:job_list") + f"?batch={jobs[0].batch}"
        once.done(url)
        return redirect(url)


class JobDetail(AreaView):
    def get(self, request, pk):
        job = self.job_or_404(pk)
        takes = list(selectors.jobs_visible_to(request.user).filter(batch=job.batch).exclude(pk=job.pk)) \
            if job.batch else []
        retries = list(selectors.jobs_visible_to(request.user).filter(retry_of=job))
        return render(request, "generation/job_detail.html", {
            "job": job, "output": selectors.clip_output(job, media_url_for(job)),
            "can_manage": self.may("generation.manage_job", job), "takes": takes, "retries": retries,
            "parameters_json": json.dumps(job.parameters, ensure_ascii=False, indent=2),
            "fast_labels": params.fast_mode_labels(job.parameters.get("fast")),
            "description_json": json.dumps(job.action_description, ensure_ascii=False, indent=2),
            "timings_json": json.dumps(job.timings, ensure_ascii=False, indent=2),
        })


class JobCancel(AreaView):
    permission_required = "generation.manage_job"

    def permission_object(self):
        return self.job_or_404(self.kwargs["pk"])

    def post(self, request, pk):
        job = self.job_or_404(pk)
        try:
            job = services.job_cancel(job=job, actor=request.user)
        except services.JobStateError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("已请求取消。") if job.status == "cancelling" else _("已取消。"))
        return redirect(request.POST.get("next") or reverse("generation:job_detail", args=[job.pk]))


class JobRetry(AreaView):
    permission_required = "generation.manage_job"

    def permission_object(self):
        return self.job_or_404(self.kwargs["pk"])

    def post(self, request, pk):
        job = self.job_or_404(pk)
        seed = request.POST.get("seed", "").strip()
        if seed and plain_int(seed, max_value=params.SEED_MAX) is None:
            messages.error(request, _("随机种子必须是 0 到 %(max)s 的整数。") % {"max": params.SEED_MAX})
            return redirect("generation:job_detail", pk=job.pk)
        try:
            with transaction.atomic():
                new = services.job_retry(job=job, actor=request.user, seed=int(seed) if seed else None)
        except params.ParameterError as exc:
            messages.error(request, " ".join(" ".join(m) for m in exc.errors.values()))
            return redirect("generation:job_detail", pk=job.pk)
        messages.success(request, _("已用新的随机种子 %(seed)s 重新生成。") % {"seed": new.seed})
        return redirect("generation:job_detail", pk=new.pk)


class JobStatus(AreaView):
    """Small JSON for the progress bars: ?ids=a,b,c (at most 100)."""

    def get(self, request):
        ids = [i for i in request.GET.get("ids", "").split(",") if i][:100]
        valid = []
        for i in ids:
            try:
                import uuid

                valid.append(uuid.UUID(i))
            except ValueError:
                continue
        jobs = selectors.jobs_visible_to(request.user).filter(pk__in=valid)
        return JsonResponse({"jobs": [selectors.job_status_dict(j, media_url_for(j)) for j in jobs]})


class JobMedia(AreaView):
    def get(self, request, pk, kind):
        fieldfile = selectors.clip_files(self.job_or_404(pk)).get(kind)
        if not fieldfile:
            raise Http404(_("该任务还没有这个文件。"))
        return stream_field_file(request, fieldfile)


class Compare(AreaView):
    """Takes side by side: ?jobs=a,b,c — same source with other seeds, cameras or parameters."""

    def get(self, request):
        import uuid

        ids = []
        for i in request.GET.get("jobs", "").split(","):
            try:
                ids.append(uuid.UUID(i))
            except ValueError:
                continue
        jobs = list(selectors.jobs_visible_to(request.user).filter(pk__in=ids[:COMPARE_MAX]))
        jobs.sort(key=lambda j: ids.index(j.pk))
        keys = ["resolution", "duration", "num_frames", "num_steps", "temperature", "guidance_high", "guidance_low"]
        rows = [{"job": j, "output": selectors.clip_output(j, media_url_for(j)),
                 "facts": [(k, j.parameters.get(k)) for k in keys]} for j in jobs]
        return render(request, "generation/compare.html", {"rows": rows, "max": COMPARE_MAX})


class Pool(AreaView):
    """The GPU pool: workers (heartbeat: device, memory, loaded checkpoint), the queue and running jobs."""

    def get(self, request):
        ctx = selectors.pool_overview()
        template = "generation/_pool_body.html" if request.GET.get("fragment") == "1" else "generation/pool.html"
        return render(request, template, ctx)
