"""`python manage.py load_demo`: the demo archive and the demo logins (local use only).

Idempotent: running it again updates the same rows (matched by slug, name or title) and creates
nothing twice. Demo users exist only because this command made them."""
from __future__ import annotations

import datetime as dt
import io
import math
import wave

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive import roles
from archive.demo_data import CRAFTS, DEMO_PASSWORD, STAFF_USERS
from archive.models import Craft, Footage, Inheritor, InheritorPortrait, Recording, Technique, TechniqueStep
from archive.services import SegmentInput, technique_steps_save, transcript_save


def demo_pdf(lines: list[str]) -> bytes:
    """A small valid one-page PDF (ASCII text, Helvetica) with a correct xref table."""
    text_ops = ["BT", "/F1 12 Tf", "72 760 Td", "16 TL"]
    for line in lines:
        safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text_ops.append(f"({safe}) Tj T*")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def demo_wav(*, seconds: float, beeps_at: list[float], rate: int = 8000) -> bytes:
    """Silence with a short quiet beep at each segment start, so a curator can hear that clicking a
    segment seeks to it. Not a real recording (the page says so in the recording's notes)."""
    n = int(seconds * rate)
    samples = bytearray(b"\x80" * n)  # 8-bit unsigned PCM: 128 is silence
    beep = bytes(int(128 + 40 * math.sin(2 * math.pi * 660 * i / rate)) for i in range(int(0.15 * rate)))
    for t in beeps_at:
        start = int(t * rate)
        samples[start:start + len(beep)] = beep[: max(0, n - start)]
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(rate)
        w.writeframes(bytes(samples))
    return buf.getvalue()


DEMO_PORTRAIT_TITLE = "演示插图(非真人)"


def demo_portrait_png(*, size: tuple[int, int] = (512, 640), hue: tuple[int, int, int] = (70, 90, 140)) -> bytes:
    """A flat, geometric drawing of a face made for the demo: clearly an illustration, not a photograph of
    anyone, and labelled so in the image itself."""
    from PIL import Image, ImageDraw

    w, h = size
    im = Image.new("RGB", size, (228, 222, 210))
    d = ImageDraw.Draw(im)
    d.rectangle((0, int(h * 0.78), w, h), fill=hue)  # shoulders
    d.ellipse((int(w * 0.22), int(h * 0.14), int(w * 0.78), int(h * 0.74)), fill=(226, 190, 158))  # face
    d.pieslice((int(w * 0.18), int(h * 0.06), int(w * 0.82), int(h * 0.52)), 180, 360, fill=(52, 44, 40))  # hair
    for cx in (0.38, 0.62):  # eyes
        d.ellipse((int(w * (cx - 0.04)), int(h * 0.40), int(w * (cx + 0.04)), int(h * 0.45)), fill=(40, 32, 30))
    d.arc((int(w * 0.40), int(h * 0.52), int(w * 0.60), int(h * 0.62)), 20, 160, fill=(150, 70, 70), width=6)
    d.rectangle((0, 0, w, int(h * 0.06)), fill=(30, 30, 30))
    d.text((int(w * 0.03), int(h * 0.012)), "DEMO ILLUSTRATION - NOT A REAL PERSON", fill=(255, 255, 255))
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=False)
    return buf.getvalue()


class Command(BaseCommand):
    help = "Load the demo archive (six crafts) and the demo logins. For local use only."

    def add_arguments(self, parser):
        parser.add_argument("--no-media", action="store_true", help="Skip the generated demo audio files.")

    def handle(self, *args, **options):
        from django.conf import settings

        if getattr(settings, "HERITAGE_PRODUCTION", False):
            raise CommandError("load_demo creates accounts with the demo password and is for local use only: "
                               "it refuses to run under production settings.")
        with transaction.atomic():
            users = self._users()
            for spec in CRAFTS:
                self._craft(spec, users, with_media=not options["no_media"])
        self.stdout.write(self.style.SUCCESS(
            f"Demo archive ready: {Craft.objects.count()} crafts, {Inheritor.objects.count()} inheritors, "
            f"{Technique.objects.count()} techniques, {Recording.objects.count()} recordings."))
        self._print_logins(users)

    # --- users ------------------------------------------------------------------------------------
    def _user(self, username: str, group: str, *, superuser: bool = False, name: str = ""):
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username)
        user.is_active = True
        if name and not user.get_full_name():  # a name someone gave the account since is kept
            user.first_name = name
        user.is_staff = superuser
        user.is_superuser = superuser
        if created or not user.has_usable_password():
            user.set_password(DEMO_PASSWORD)  # hashing is slow on purpose: only for new accounts
        user.save()
        user.groups.add(Group.objects.get_or_create(name=group)[0])
        return user

    def _users(self) -> dict:
        users = {login: self._user(login, group, superuser=(login == "admin"), name=name)
                 for login, group, name in STAFF_USERS}
        for spec in CRAFTS:
            for person in spec["inheritors"]:
                if person.get("user"):
                    users[person["user"]] = self._user(person["user"], roles.INHERITOR)
                proxy = person.get("proxy")
                if proxy and proxy.get("user"):
                    users[proxy["user"]] = self._user(proxy["user"], roles.INHERITOR, name=proxy["name"])
        return users

    def _print_logins(self, users: dict) -> None:
        w = self.stdout.write
        w("")
        w(self.style.WARNING("=" * 72))
        w(self.style.WARNING("  DEMO LOGINS - FOR LOCAL USE ONLY. Never load the demo on a public server."))
        w(self.style.WARNING(f"  Demo accounts are created with the password: {DEMO_PASSWORD}"))
        w(self.style.WARNING("=" * 72))
        for name in users:
            user = users[name]
            if name == "admin":
                what = "admin (superuser, /admin/)"
            elif name == "curator":
                what = "curator: edits the archive at /curator/"
            elif name == "reviewer":
                what = "reviewer (researcher): reads the archive, reviews clips"
            else:
                who = getattr(user, "inheritor", None)
                proxied = list(user.proxy_for.all())
                if proxied:
                    what = "proxy for " + ", ".join(p.name for p in proxied) + " (signs on their behalf)"
                else:
                    what = f"inheritor {who.name} ({who.craft.name})" if who else "inheritor"
            w(f"  {name:<22} {what}")
        w(self.style.WARNING("=" * 72))

    # --- archive ------------------------------------------------------------------------------------
    def _craft(self, spec: dict, users: dict, *, with_media: bool) -> None:
        craft = Craft.objects.filter(slug=spec["slug"]).first() or Craft(slug=spec["slug"])
        for field in ("name", "name_en", "category", "region", "description"):
            setattr(craft, field, spec[field])
        craft.featured = spec.get("featured", False)
        craft.full_clean()
        craft.save()

        inheritors = {}
        for person in spec["inheritors"]:
            inheritors[person["name"]] = self._inheritor(craft, person, users)

        tspec = spec["technique"]
        technique = Technique.objects.filter(slug=tspec["slug"]).first() or Technique(slug=tspec["slug"])
        technique.craft, technique.name, technique.summary = craft, tspec["name"], tspec["summary"]
        technique.full_clean()
        technique.save()
        existing = list(technique.steps.order_by("order"))
        ordered = []
        for i, (title, desc, desc_en, params) in enumerate(tspec["steps"]):
            step = existing[i] if i < len(existing) else TechniqueStep(technique=technique)
            step.title, step.description, step.description_en, step.parameters = title, desc, desc_en, params
            ordered.append(step)
        technique_steps_save(technique=technique, ordered=ordered, deleted=existing[len(ordered):])

        rspec = spec["recording"]
        self._recording(craft, technique, rspec, inheritors, with_media=with_media)
        if spec.get("demo_portrait"):
            self._portrait(inheritors[rspec["speaker"]], spec["demo_portrait"])

        fspec = spec.get("footage")
        if fspec:
            footage = Footage.objects.filter(technique=technique, title=fspec["title"]).first() or Footage(
                technique=technique, title=fspec["title"])
            footage.step = technique.steps.filter(order=fspec["step"]).first()
            footage.reference, footage.credit = fspec["reference"], fspec["credit"]
            footage.recorded_on = dt.date.fromisoformat(fspec["recorded_on"])
            footage.rights = "演示数据,仅供本地测试"
            footage.full_clean()
            footage.save()

    def _inheritor(self, craft: Craft, person: dict, users: dict) -> Inheritor:
        inheritor = Inheritor.objects.filter(craft=craft, name=person["name"]).first() or Inheritor(
            craft=craft, name=person["name"])
        inheritor.level = person["level"]
        inheritor.status = person.get("status", Inheritor.Status.ALIVE)
        inheritor.able_to_sign = person.get("able_to_sign", True)
        inheritor.birth_year = person.get("birth_year")
        inheritor.biography = person.get("biography", "")
        inheritor.user = users.get(person.get("user"))
        proxy = person.get("proxy")
        if proxy:
            inheritor.proxy_name = proxy["name"]
            inheritor.proxy_relation = proxy["relation"]
            inheritor.proxy_user = users.get(proxy.get("user"))
            storage = Inheritor._meta.get_field("proxy_document").storage
            if not inheritor.proxy_document or not storage.exists(inheritor.proxy_document.name):
                pdf = demo_pdf([
                    "DEMO DOCUMENT - NOT A REAL AUTHORIZATION",
                    "heritage archive: proxy authority for a deceased inheritor (fictional persons)",
                    f"Craft: {craft.slug}. The inheritor has died; the named proxy signs on their behalf.",
                    f"Proxy account: {proxy.get('user', '-')}",
                    "Generated by manage.py load_demo for local testing only.",
                ])
                inheritor.proxy_document.save(f"demo-proxy-{craft.slug}.pdf", ContentFile(pdf), save=False)
        inheritor.full_clean()
        inheritor.save()
        return inheritor

    def _portrait(self, inheritor: Inheritor, pspec: dict) -> InheritorPortrait:
        """The demo portrait of the speaker (a drawing made here, not a real person) with its likeness
        consent, so that a 口述影像 can be made from the demo recording."""
        portrait = InheritorPortrait.objects.filter(inheritor=inheritor, title=DEMO_PORTRAIT_TITLE).first() \
            or InheritorPortrait(inheritor=inheritor, title=DEMO_PORTRAIT_TITLE)
        portrait.description = "演示用插图,由 load_demo 用程序绘制,不是任何真人的照片。"
        portrait.consent_scope = pspec["consent_scope"]
        portrait.consent_given_by = inheritor.name
        portrait.consent_date = dt.date.fromisoformat(pspec["consent_date"])
        storage = InheritorPortrait._meta.get_field("image").storage
        if not portrait.image or not storage.exists(portrait.image.name):
            portrait.image.save(f"demo-portrait-{inheritor.craft.slug}.png", ContentFile(demo_portrait_png()),
                                save=False)
        portrait.full_clean()
        portrait.save()
        return portrait

    def _recording(self, craft, technique, rspec: dict, inheritors: dict, *, with_media: bool) -> Recording:
        recording = Recording.objects.filter(craft=craft, title=rspec["title"]).first() or Recording(
            craft=craft, title=rspec["title"])
        recording.technique = technique
        recording.speaker = inheritors.get(rspec["speaker"])
        recording.speaker_name = rspec["speaker"]
        recording.interviewer = rspec["interviewer"]
        recording.recorded_on = dt.date.fromisoformat(rspec["recorded_on"])
        recording.consent_date = dt.date.fromisoformat(rspec["consent_date"])
        recording.consent_scope = rspec["consent_scope"]
        recording.place = rspec["place"]
        recording.language = rspec.get("language", "普通话")
        recording.media_reference = f"演示数据:馆藏号 DEMO-{craft.slug.upper()}-OH-01"
        notes = rspec.get("notes", "")
        recording.notes = (notes + "\n" if notes else "") + "演示音频为静音,每个片段开头有一声提示音,不是真实录音;转写为本项目编写的示例。"
        segments = rspec["segments"]
        if with_media:
            storage = Recording._meta.get_field("media").storage
            if not recording.media or not storage.exists(recording.media.name):
                audio = demo_wav(seconds=segments[-1][1] + 2, beeps_at=[s[0] for s in segments])
                recording.media.save(f"demo-{craft.slug}.wav", ContentFile(audio), save=False)
        recording.full_clean()
        recording.save()
        existing = list(recording.segments.order_by("start_ms"))
        wanted = [SegmentInput(start_ms=int(a * 1000), end_ms=int(b * 1000), speaker=who, text=text,
                               id=existing[i].pk if i < len(existing) else None)
                  for i, (a, b, who, text) in enumerate(segments)]
        current = [(s.start_ms, s.end_ms, s.speaker, s.text) for s in existing]
        if current != [(w.start_ms, w.end_ms, w.speaker, w.text) for w in wanted]:
            transcript_save(recording=recording, segments=wanted)
        return recording
