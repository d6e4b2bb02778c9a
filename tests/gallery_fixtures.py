"""Fixtures for the public gallery tests: crafts, techniques with steps, and archive records in every
state (public, draft, withdrawn) with real small media files (an H.264 MP4 made from numpy frames with
imageio-ffmpeg, a PNG poster, WebVTT subtitles). No engine involved.

Records are written as the review app leaves them (Review → SignOff → ArchiveRecord → ArchiveFile):
public = review archived and sign-off not withdrawn, exactly what records.selectors.public_records()
checks."""
from __future__ import annotations

import hashlib
import io
import itertools
import tempfile
from pathlib import Path

import numpy as np
import pytest
from django.core.files.base import ContentFile

_counter = itertools.count(1)


def make_mp4_bytes(*, frames: int = 16, size: int = 64, fps: int = 8, shade: int = 0) -> bytes:
    import imageio_ffmpeg

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clip.mp4"
        writer = imageio_ffmpeg.write_frames(
            str(path), (size, size), fps=fps, codec="libx264", pix_fmt_out="yuv420p", macro_block_size=16,
            output_params=["-movflags", "+faststart"],
        )
        writer.send(None)
        for i in range(frames):
            frame = np.full((size, size, 3), shade, np.uint8)
            frame[:, :, 0] = (i * 15 + shade) % 255
            frame[(i * 4) % size, :, 1] = 255  # a moving line
            writer.send(frame.tobytes())
        writer.close()
        return path.read_bytes()


def make_png_bytes(size: int = 64) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (size, size), (155, 44, 44)).save(buf, format="PNG")
    return buf.getvalue()


VTT_ZH = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n中文字幕:起针\n\n00:00:01.000 --> 00:00:02.000\n中文字幕:走针\n"
VTT_EN = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nEnglish subtitle: first stitch\n\n00:00:01.000 --> 00:00:02.000\nEnglish subtitle: stitching\n"


@pytest.fixture(scope="session")
def mp4_bytes():
    return make_mp4_bytes()


@pytest.fixture(scope="session")
def slow_mp4_bytes():
    return make_mp4_bytes(frames=32, shade=80)


class GalleryFactory:
    """Builds archive content for gallery tests."""

    def __init__(self, mp4: bytes, slow_mp4: bytes):
        from django.contrib.auth import get_user_model

        self.mp4, self.slow_mp4, self.png = mp4, slow_mp4, make_png_bytes()
        self.user = get_user_model().objects.create_user(username=f"gallery-archivist-{next(_counter)}")

    def craft(self, name, slug, *, category="fine_arts", region="江苏省苏州市", featured=True, description=""):
        from archive.models import Craft, Inheritor

        craft = Craft.objects.create(name=name, slug=slug, category=category, region=region, featured=featured,
                                     description=description or f"{name}是国家级非物质文化遗产代表性项目。")
        Inheritor.objects.create(craft=craft, name=f"{name}传承人", level="national")
        return craft

    def technique(self, craft, name, slug, steps, *, summary=""):
        from archive.models import Technique, TechniqueStep

        technique = Technique.objects.create(craft=craft, name=name, slug=slug, summary=summary or f"{name}的标准演示。")
        for order, (title, description) in enumerate(steps, start=1):
            TechniqueStep.objects.create(technique=technique, order=order, title=title, description=description,
                                         description_en=f"Step {order}: {title}")
        return technique

    def record(self, technique, step=None, *, state="archived", withdrawn=False,
               roles=("video", "poster", "vtt", "vtt_en", "slow_0_5"), ai_notice=None, kind="t2v", source_text=""):
        """An archive record of a clip of ``technique``/``step``. Public only with state="archived"
        and withdrawn=False. ``kind="s2v"``: a narrated video (口述影像), ``source_text`` its transcript."""
        from django.utils import timezone

        from records.models import ArchiveEvent, ArchiveFile, ArchiveRecord
        from generation.models import Clip, GenerationJob
        from review.models import Review, SignOff

        n = next(_counter)
        sha = hashlib.sha256(self.mp4 + str(n).encode()).hexdigest()
        job = GenerationJob.objects.create(
            requested_by=self.user, technique=technique, step=step, prompt=f"prompt {n}", parameters={},
            seed=n, preset="tiny", status=GenerationJob.Status.SUCCEEDED, kind=kind, source_text=source_text,
        )
        clip = Clip(job=job, sha256=sha, size_bytes=len(self.mp4), width=64, height=64, num_frames=16, fps=8)
        clip.file.save(f"clip-{n}.mp4", ContentFile(self.mp4), save=False)
        clip.save()
        inheritor = technique.craft.inheritors.first()
        attribution = f"演示:{inheritor.name}(国家级传承人)口述;AI 生成,经传承人签署"
        rights = "http://rightsstatements.org/vocab/InC-EDU/1.0/"
        notice = ai_notice or "本视频由 AI 根据传承人口述生成,是对真实记录的补充,不替代原始影像。"
        review = Review.objects.create(clip=clip, technique=technique, step=step, state=state,
                                       title=f"{technique.name} #{n}", created_by=self.user)
        signoff = SignOff.objects.create(
            review=review, inheritor=inheritor, signed_by=self.user, sha256=sha, attribution=attribution,
            rights_uri=rights, ai_notice=notice,
            withdrawn_at=timezone.now() if withdrawn else None,
        )
        record = ArchiveRecord.objects.create(
            clip=clip, technique=technique, step=step, signoff=signoff, title=review.title,
            attribution=attribution, rights_uri=rights, ai_notice=notice, clip_sha256=sha,
            provenance={"engine": "tiny"}, created_by=self.user,
        )
        # Publication and withdrawal are events of the record (records/selectors.py reads them).
        if state == "archived" or withdrawn:
            ArchiveEvent.objects.create(record=record, event_type=ArchiveEvent.Type.PUBLICATION, agents=[])
        if withdrawn:
            ArchiveEvent.objects.create(record=record, event_type=ArchiveEvent.Type.WITHDRAWAL, agents=[])
        contents = {
            "video": (self.mp4, "video/mp4", "mp4"), "poster": (self.png, "image/png", "png"),
            "vtt": (VTT_ZH.encode(), "text/vtt", "vtt"), "vtt_en": (VTT_EN.encode(), "text/vtt", "vtt"),
            "slow_0_5": (self.slow_mp4, "video/mp4", "mp4"), "slow_0_25": (self.slow_mp4, "video/mp4", "mp4"),
            "multiview": (self.mp4, "video/mp4", "mp4"),
        }
        for role in roles:
            data, mime, ext = contents[role]
            f = ArchiveFile(record=record, role=role, sha256=hashlib.sha256(data).hexdigest(),
                            size_bytes=len(data), mime=mime)
            f.file.save(f"{record.pk}-{role}.{ext}", ContentFile(data), save=False)
            f.save()
        return record


SUXIU_STEPS = [
    ("上绷", "把底布平整地绷在绣绷上,四边拉紧。"),
    ("劈丝", "将一根丝线劈成十二分之一,穿入绣花针。"),
    ("正抢针", "从外向内按层次走针,每层针脚齐整,后一层接前一层。"),
    ("收针", "在背面藏好线头,剪去余线。"),
]
LARAN_STEPS = [
    ("画蜡", "用铜蜡刀蘸熔化的蜂蜡,在白布上画出图案。"),
    ("浸染", "把布放入蓝靛染缸中反复浸染。"),
    ("脱蜡", "用沸水煮布,蜂蜡熔化后露出白色花纹。"),
]


@pytest.fixture
def gallery_factory(db, mp4_bytes, slow_mp4_bytes):
    return GalleryFactory(mp4_bytes, slow_mp4_bytes)


@pytest.fixture
def gallery_world(gallery_factory):
    """Two crafts; 苏绣·正抢针法 has public records for every step; 苗族蜡染·点蜡 has one public
    record; 苏绣·乱针 has only a draft and a withdrawn record (so it is not public)."""
    f = gallery_factory
    suxiu = f.craft("苏绣", "suxiu", category="fine_arts", region="江苏省苏州市")
    laran = f.craft("苗族蜡染", "miao-laran", category="craftsmanship", region="贵州省丹寨县")
    zheng = f.technique(suxiu, "正抢针法", "zhengqiang", SUXIU_STEPS)
    luan = f.technique(suxiu, "乱针绣", "luanzhen", [("起稿", "在绣布上用铅笔起稿。")])
    dianla = f.technique(laran, "点蜡", "dianla", LARAN_STEPS)
    public = [f.record(zheng, step, roles=("video", "poster", "vtt", "vtt_en", "slow_0_5", "slow_0_25", "multiview"))
              for step in zheng.steps.order_by("order")]
    public.append(f.record(dianla, dianla.steps.get(order=1)))
    draft = f.record(luan, luan.steps.first(), state="in_review")
    withdrawn = f.record(luan, luan.steps.first(), withdrawn=True)
    return {"suxiu": suxiu, "laran": laran, "zhengqiang": zheng, "luanzhen": luan, "dianla": dianla,
            "public": public, "draft": draft, "withdrawn": withdrawn}
