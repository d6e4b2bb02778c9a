"""`python manage.py heritage_demo --json`: the whole chain, headless, on the demo data.

load the demo archive → normalize a transcript span (jieba) → generate with the engine configured in
settings (the tiny, randomly initialised checkpoint by default: its video is noise) → post-process
(delivery MP4 with the visible AI label, poster, subtitles, slow motion) → open the review, a
reviewer's time-coded comment → the demo inheritor signs → a curator archives (C2PA manifest) → BagIt
export. Runs every step in this process through the services (Celery in eager mode for the
post-processing task the generation queues), so no worker or broker is needed. Prints one JSON line.
"""
from __future__ import annotations

import io
import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse


class Command(BaseCommand):
    help = "演示完整流程:规范化 → 生成(微型引擎,视频为噪声)→ 后期 → 审核 → 传承人签署 → 归档 → 导出 BagIt"

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print one JSON line")
        parser.add_argument("--craft", default="", help="craft slug (default: the first with a signing inheritor)")
        parser.add_argument("--proxy", action="store_true",
                            help="sign as the recorded proxy of a deceased inheritor (default: a living inheritor)")
        parser.add_argument("--seed", type=int, default=20240501)
        parser.add_argument("--bag-dir", default="", help="where to write the bag (default HERITAGE_BAG_DIR)")
        parser.add_argument("--waiting", action="store_true",
                            help="stop once the reviewer has approved: leave the review waiting for the inheritor's "
                                 "signature (nothing signed, archived or exported); does nothing when a review of "
                                 "this kind already waits for that inheritor")
        parser.add_argument("--s2v", action="store_true",
                            help="口述影像: the demo portrait speaks its speaker's first two transcript segments (tiny S2V "
                                 "checkpoint by default; its video is noise with the recording's sound)")

    def log(self, msg):
        if not self.as_json:
            self.stdout.write(msg)

    def handle(self, *args, **o):
        self.as_json = o["json"]
        timings: dict[str, float] = {}

        def step(name):
            timings[name] = time.perf_counter()

        t_start = time.perf_counter()
        craft_slug = o["craft"] or ("suxiu" if o["s2v"] else "")
        if o["waiting"]:
            already = self._waiting_review(craft_slug, proxy=o["proxy"], s2v=o["s2v"])
            if already is not None:
                self._report({"review_url": self._site_url(reverse("review:detail", args=[already.pk])),
                              "kind": already.clip.job.kind, "waiting_for": already.signer_username,
                              "created": False})
                return
        # 0. demo data and the engine checkpoint --------------------------------------------------
        step("load_demo")
        call_command("load_demo", stdout=io.StringIO())
        self._ensure_engine(s2v=o["s2v"])
        from django.contrib.auth import get_user_model

        User = get_user_model()
        curator = User.objects.get(username="curator")
        reviewer = User.objects.get(username="reviewer")
        recording, inheritor = self._pick_source(craft_slug, proxy=o["proxy"])
        signer = inheritor.signer
        if o["waiting"]:
            o["seed"] += 1  # not the same video as the archived demonstration
        technique = recording.technique

        # 1. normalize a transcript span ---------------------------------------------------------
        step("normalize")
        from generation.prompting import normalize

        segments = list(recording.segments.order_by("start_ms"))
        if not segments:
            raise CommandError(f"录音「{recording}」没有转写片段。")
        full = recording.transcript_text()
        seg = max(segments[:6], key=lambda s: len(s.text))
        start = full.find(seg.text)
        description = normalize(seg.text, technique=technique.slug).to_dict()

        # 2. generate in this process -------------------------------------------------------------
        step("generate")
        from heritage.celery import app

        eager_before = app.conf.task_always_eager
        app.conf.task_always_eager = True  # the post-processing task queued on commit runs here too
        from generation import services as gen
        from generation.models import Clip, GenerationJob
        from generation.runtime import get_runtime

        if o["s2v"]:  # a span of the recording's audio and the speaker's demo portrait drive the video
            from archive.models import InheritorPortrait
            from generation.s2v import s2v_job_create

            portrait = InheritorPortrait.objects.filter(inheritor=inheritor).order_by("pk").first()
            if portrait is None:
                raise CommandError(f"{inheritor.name} 没有人像(load_demo 只为苏绣的演示传承人绘制了一张)。")
            # the speaker's own words (the interviewer's question may come first): the first run of segments
            # they speak, at most two; s2v_job_create refuses a span with someone else's voice
            own = [s.speaker.strip() in ("", inheritor.name) for s in segments]
            first = own.index(True) if True in own else 0
            span = segments[first:first + 2] if all(own[first:first + 2]) else segments[first:first + 1]
            job = s2v_job_create(requested_by=curator, recording=recording, portrait=portrait,
                                 start_ms=span[0].start_ms, end_ms=span[-1].end_ms, seed=o["seed"], enqueue=False)
        else:
            job = gen.job_create(requested_by=curator, technique=technique, action_description=description,
                                 recording=recording, source_start=start, source_end=start + len(seg.text),
                                 parameters={"duration": 1.0} if settings.ENGINE_PRESET == "tiny" else {},
                                 seed=o["seed"], enqueue=False)
        try:
            outcome = gen.job_execute(job_id=job.pk, runtime=get_runtime())
        finally:
            app.conf.task_always_eager = eager_before
        job.refresh_from_db()
        if job.status != GenerationJob.Status.SUCCEEDED:
            raise CommandError(f"生成失败({outcome}):{job.error}")
        clip = Clip.objects.get(job=job)

        # 3. post-processing (queued by the generation on commit; eager, so already done) ----------
        step("postprocess")
        from generation.postprocess.selectors import renditions_for_clip

        if not renditions_for_clip(clip=clip):
            from generation.postprocess.services import postprocess_clip_service

            mj = postprocess_clip_service(clip=clip)
            if mj.status != "succeeded":
                raise CommandError(f"后期处理失败:{mj.error}")

        # 4. review, sign, archive ------------------------------------------------------------------
        step("review")
        from review import services as rs

        review = rs.review_open(clip=clip, actor=curator)
        rs.review_submit(review=review, actor=curator)
        rs.review_comment(review=review, actor=reviewer, at_ms=0,
                          text="演示:微型引擎生成的画面是噪声,仅用于检验流程。")
        if o["waiting"]:
            rs.review_approve(review=review, actor=reviewer, text="演示:研究者已审阅,请传承人观看后签署。")
            self._report({"review_url": self._site_url(reverse("review:detail", args=[review.pk])),
                          "kind": job.kind, "waiting_for": signer.username, "by_proxy": inheritor.needs_proxy,
                          "created": True, "total_seconds": round(time.perf_counter() - t_start, 3)})
            return
        step("sign")
        rs.review_sign(review=review, actor=signer, sha256=review.submitted_sha256, attribution=review.attribution,
                       comment="演示签署")
        step("archive")
        record = rs.review_archive(review=review, actor=curator)

        # 5. export ---------------------------------------------------------------------------------
        step("export")
        from gallery.selectors import record_gallery_url
        from records.bags import bag_export, bag_read

        bag = bag_export(record, dest_dir=Path(o["bag_dir"]) if o["bag_dir"] else None, actor=curator)
        bag_read(bag)  # validates
        step("end")

        names = list(timings)
        seconds = {names[i]: round(timings[names[i + 1]] - timings[names[i]], 3) for i in range(len(names) - 1)}
        out = {
            "archive_record": str(record.pk),
            "clip_sha256": clip.sha256,
            "bag_path": str(bag),
            "gallery_url": self._site_url(record_gallery_url(record)),
            "kind": job.kind,
            "review_url": self._site_url(reverse("review:detail", args=[review.pk])),
            "attribution": record.attribution,
            "signed_by": signer.username,
            "by_proxy": inheritor.needs_proxy,
            "engine_preset": job.preset,
            "files": sorted(record.files.values_list("role", flat=True)),
            "seconds": seconds,
            "total_seconds": round(time.perf_counter() - t_start, 3),
        }
        self._report(out)

    def _report(self, out: dict) -> None:
        if self.as_json:
            self.stdout.write(json.dumps(out, ensure_ascii=False))
        else:
            for k, v in out.items():
                self.stdout.write(f"{k}: {v}")

    @staticmethod
    def _site_url(path: str) -> str:
        site = getattr(settings, "HERITAGE_SITE_URL", "") or "http://127.0.0.1:8000"
        return site.rstrip("/") + path

    def _waiting_review(self, craft_slug: str, *, proxy: bool, s2v: bool):
        """A review of this kind (口述影像 or demonstration) that the demo inheritor ``_pick_source`` picks
        may sign now (review.signing.signable_reviews_q), or None; also None before load_demo ran."""
        from generation.models import GenerationJob
        from review.models import Review
        from review.signing import signable_reviews_q

        try:
            _recording, inheritor = self._pick_source(craft_slug, proxy=proxy)
        except CommandError:
            return None
        kinds = Review.objects.filter(signable_reviews_q(inheritor.signer), state=Review.State.IN_REVIEW)
        s2v_kind = GenerationJob.Kind.S2V
        kinds = kinds.filter(clip__job__kind=s2v_kind) if s2v else kinds.exclude(clip__job__kind=s2v_kind)
        review = kinds.select_related("clip__job").order_by("-updated_at").first()
        if review is not None:
            review.signer_username = inheritor.signer.username
        return review

    def _ensure_engine(self, *, s2v: bool = False):
        s2v = Path(settings.S2V_MODEL_DIR) if s2v else None
        if s2v is not None and settings.S2V_PRESET == "tiny-s2v" and not (s2v / "config.json").exists():
            self.log(f"building the tiny S2V checkpoint in {s2v}")
            call_command("build_tiny_engine", "--s2v", str(s2v), stdout=io.StringIO())
        folder = Path(settings.ENGINE_MODEL_DIR)
        if settings.ENGINE_PRESET == "tiny" and not (folder / "model_index.json").exists():
            self.log(f"building the tiny checkpoint in {folder}")
            call_command("build_tiny_engine", str(folder), stdout=io.StringIO())
        elif not folder.exists():
            raise CommandError(f"引擎权重目录 {folder} 不存在(HERITAGE_ENGINE_MODEL_DIR)。")

    def _pick_source(self, craft_slug: str, *, proxy: bool = False):
        """A transcript whose speaker is an inheritor with an account that may sign."""
        from archive.models import Recording
        from generation.attribution import GENERATION_CONSENT

        qs = Recording.objects.filter(technique__isnull=False, speaker__isnull=False, segments__isnull=False,
                                      consent_scope__in=GENERATION_CONSENT).distinct()
        if craft_slug:
            qs = qs.filter(craft__slug=craft_slug)
        for rec in qs.select_related("speaker", "technique", "craft").order_by("craft__name", "recorded_on"):
            if rec.speaker.signer is not None and rec.speaker.needs_proxy == proxy:
                return rec, rec.speaker
        what = "由代理人签署的已故传承人" if proxy else "可亲自签署的传承人"
        raise CommandError(f"演示数据里没有{what}的口述录音(先运行 load_demo)。")
