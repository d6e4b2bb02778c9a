"""Fixtures for the review/archive tests: a craft with a living inheritor and a deceased one signed for
by a recorded proxy, another craft with its own inheritor, every role, and clips as rows with small real
MP4 files (made once with ffmpeg; no engine needed)."""
import datetime as dt
import hashlib
import subprocess
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

_MP4_CACHE: dict[str, bytes] = {}


def tiny_mp4(variant: str = "a") -> bytes:
    """A real 1-second 64×64 H.264 MP4 (8 frames/s); different variants differ in content."""
    if variant not in _MP4_CACHE:
        import tempfile

        from generation.postprocess.binaries import ffmpeg_binary

        colour = {"a": "testsrc", "b": "testsrc2", "c": "rgbtestsrc"}.get(variant, "testsrc")
        with tempfile.TemporaryDirectory() as d:
            out = Path(d) / "t.mp4"
            subprocess.run(
                [ffmpeg_binary(), "-v", "error", "-y", "-f", "lavfi", "-i", f"{colour}=size=64x64:rate=8", "-t", "1",
                 "-pix_fmt", "yuv420p", "-c:v", "libx264", "-movflags", "+faststart", str(out)],
                check=True, capture_output=True,
            )
            _MP4_CACHE[variant] = out.read_bytes()
    return _MP4_CACHE[variant]


@pytest.fixture
def role_groups(db):
    """The role groups (a data migration makes them; a flushed transactional test may have removed them)."""
    from django.contrib.auth.models import Group

    from archive.roles import ALL_ROLES

    for name in ALL_ROLES:
        Group.objects.get_or_create(name=name)


@pytest.fixture(autouse=True)
def restore_role_groups(request, django_db_blocker):
    """A transactional test (worker, demo) ends with a flush that also empties the role groups a data
    migration made; put them back for the tests that follow. Does nothing for other tests."""
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or (
        marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
    if not transactional:
        return
    from django.contrib.auth.models import Group

    from archive.roles import ALL_ROLES

    with django_db_blocker.unblock():
        for name in ALL_ROLES:
            Group.objects.get_or_create(name=name)


@pytest.fixture
def rv(role_groups, make_user, craft, settings, tmp_path):
    """The review world. Attributes: users by role, crafts, techniques, inheritors."""
    from archive.models import Category, Craft, Inheritor, Recording, Technique, TechniqueStep

    settings.HERITAGE_C2PA_DEV_DIR = str(tmp_path / "c2pa-dev")
    settings.HERITAGE_BAG_DIR = str(tmp_path / "bags")

    class W:
        pass

    w = W()
    w.craft = craft  # 苏绣
    w.other_craft = Craft.objects.create(name="景泰蓝", slug="jingtailan", category=Category.CRAFTSMANSHIP,
                                         region="北京市")
    w.public = make_user("visitor")
    w.curator = make_user("curator1", "curator", email="curator@example.org")
    w.reviewer = make_user("reviewer1", "reviewer", email="reviewer@example.org")
    w.admin = make_user("admin1", "admin")
    w.inheritor_user = make_user("yao", "inheritor", email="yao@example.org")
    w.other_inheritor_user = make_user("zhang", "inheritor")
    w.proxy_user = make_user("gu-proxy", "inheritor")
    w.inheritor = Inheritor.objects.create(craft=craft, name="姚建萍", level="national", user=w.inheritor_user)
    w.deceased = Inheritor.objects.create(
        craft=craft, name="顾文霞", level="national", status=Inheritor.Status.DECEASED,
        proxy_name="顾小霞", proxy_relation="女儿", proxy_user=w.proxy_user,
        proxy_document=ContentFile(b"%PDF-1.4 authority", name="authority.pdf"),
    )
    w.other_inheritor = Inheritor.objects.create(craft=w.other_craft, name="张同禄", level="national",
                                                 user=w.other_inheritor_user)
    w.technique = Technique.objects.create(craft=craft, name="正抢针", slug="zhengqiang")
    w.step = TechniqueStep.objects.create(technique=w.technique, order=1, title="起针",
                                          description="丝线沿纹样外缘起针,针距两毫米。")
    w.recording = Recording.objects.create(
        craft=craft, technique=w.technique, title="姚建萍谈正抢针", speaker=w.inheritor, speaker_name="姚建萍",
        interviewer="研究员", recorded_on=dt.date(2023, 5, 1), place="苏州", consent_scope="generation",
        consent_date=dt.date(2023, 5, 1),
    )
    w.other_technique = Technique.objects.create(craft=w.other_craft, name="掐丝", slug="qiasi")
    w.roles = {
        "anonymous": None, "public": w.public, "curator": w.curator, "reviewer": w.reviewer,
        "inheritor": w.inheritor_user, "other_inheritor": w.other_inheritor_user, "proxy": w.proxy_user,
        "admin": w.admin,
    }
    return w


@pytest.fixture
def make_clip(rv):
    from generation.models import Clip, GenerationJob

    def _make(*, technique=None, variant="a", recording="default", seed=7):
        technique = technique or rv.technique
        rec = rv.recording if recording == "default" else recording
        if rec is not None and rec.technique_id != technique.pk:
            rec = None
        from generation.attribution import decide

        decided = decide(user=None, technique=technique, recording=rec, span=(0, 12) if rec else None)
        job = GenerationJob.objects.create(
            attribution=decided.attribution, attribution_sources=decided.sources, consent=decided.consent,
            requested_by=rv.curator, technique=technique, step=technique.steps.first(), recording=rec,
            source_start=0 if rec else None, source_end=12 if rec else None, source_text="丝线沿纹样外缘起针",
            action_description={"spec_version": "1", "actions": [{"verb": "起针", "spacing_mm": 2}]},
            spec_version="1", prompt="embroidery close-up", parameters={"width": 64, "height": 64, "num_frames": 8,
                                                                         "num_steps": 2}, seed=seed,
            preset="tiny", checkpoint_id="tiny-test", status=GenerationJob.Status.SUCCEEDED,
        )
        data = tiny_mp4(variant)
        clip = Clip(job=job, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data), width=64, height=64,
                    num_frames=8, fps=8)
        clip.file.save(f"clip-{job.pk}.mp4", ContentFile(data), save=False)
        clip.save()
        return clip

    return _make


@pytest.fixture
def signed_review(rv, make_clip):
    """A review signed by the living inheritor (state approved)."""
    from review import services

    def _make(**kw):
        return open_and_sign(rv, make_clip(**kw))

    return _make


def open_and_sign(rv, clip):
    """Open a review of ``clip``, submit it and sign it as the living inheritor; the review, refreshed."""
    from review import services

    review = services.review_open(clip=clip, actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                         attribution=review.attribution)
    review.refresh_from_db()
    return review


@pytest.fixture
def archived_record(rv, signed_review):
    from review import services

    def _make(**kw):
        review = signed_review(**kw)
        return services.review_archive(review=review, actor=rv.curator)

    return _make


def narration_clip(rv, make_clip, inheritor):
    """A clip made as a 口述影像 of ``inheritor``'s portrait (likeness consent recorded; by the proxy, with the
    authority, for an inheritor who needs one)."""
    from archive.models import InheritorPortrait
    from generation.models import Clip, GenerationJob
    from tests.gallery_fixtures import make_png_bytes

    portrait = InheritorPortrait(inheritor=inheritor, title="工作照", consent_scope="public",
                                 consent_given_by=inheritor.name, consent_date=dt.date(2024, 3, 1))
    portrait.image.save("face.png", ContentFile(make_png_bytes(64)), save=False)
    if inheritor.needs_proxy:
        portrait.consent_by_proxy = True
        portrait.consent_document.save("authority.pdf", ContentFile(b"%PDF-1.4 authority"), save=False)
    portrait.save()
    clip = make_clip()
    GenerationJob.objects.filter(pk=clip.job_id).update(kind="s2v", portrait=portrait, consent="rec+likeness",
                                                        audio_start_ms=0, audio_end_ms=3000)
    return Clip.objects.get(pk=clip.pk)
