"""Reads for the public gallery. Every function runs a fixed number of queries whatever the number of
records (tests/test_gallery_queries.py checks it), and everything about records goes through
``records.selectors.public_records()``: archived AND currently signed, nothing else."""
from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Q, QuerySet, When
from django.http import Http404
from django.urls import reverse

from archive.models import Category, Craft, Footage, Inheritor, Technique, TechniqueStep
from generation.postprocess.roles import PUBLIC_ROLES, VARIANT_ROLES, FileRole
from records.selectors import public_records

PAGE_SIZE = 12



SPEECH_DRIVEN = "s2v"  # GenerationJob.Kind.S2V: narrated (口述影像) records have their own section


def record_gallery_url(record) -> str:
    """Where the gallery shows a public record (the one place that says it): its technique's page, a
    口述影像 in the page's narrations (``#narration-<record>``), a demonstration at its step. Search results,
    the record page's next step and the demo's ``gallery_url`` all link here."""
    page = reverse("gallery:technique", args=[record.technique.slug])
    if record.clip.job.kind == SPEECH_DRIVEN:
        return page + f"#narration-{record.pk}"
    return page + (f"#step-{record.step.order}" if record.step_id else "")


def demonstration_records() -> QuerySet:
    """Public records that demonstrate a technique (everything but the narrated 口述影像)."""
    return public_records().exclude(clip__job__kind=SPEECH_DRIVEN)


def narration_records() -> QuerySet:
    """Public narrated videos (口述影像): shown on their technique's page after its demonstrations, not as one of
    them (the craft page lists them, each a link there: ``record_gallery_url``)."""
    return public_records().filter(clip__job__kind=SPEECH_DRIVEN)


def public_narration_ids() -> QuerySet:
    """A subquery: ids of the public narrated videos' records (search applies it at query time)."""
    return narration_records().order_by().values("pk")


def public_technique_ids() -> QuerySet:
    """A subquery: ids of techniques that have a public page, i.e. at least one public record (a
    demonstration or a narrated video): the technique page, its IIIF manifest, search and the craft page's
    links all follow this."""
    return public_records().order_by().values("technique_id")


def _with_public_counts(qs: QuerySet[Craft]) -> QuerySet[Craft]:
    """Per craft: techniques with a public page, public demonstrations (records, not steps) and public
    narrated videos (口述影像), each its own count."""
    return qs.annotate(
        public_technique_count=Count(
            "techniques", filter=Q(techniques__id__in=public_technique_ids()), distinct=True
        ),
        public_record_count=Count("techniques__archive_records", filter=Q(
            techniques__archive_records__in=demonstration_records().order_by().values("pk")), distinct=True),
        narration_count=Count("techniques__archive_records", filter=Q(
            techniques__archive_records__in=narration_records().order_by().values("pk")), distinct=True),
    )


HOME_ORDER = ("-public_record_count", "-narration_count", "name")  # a visitor's first click should find a video


def _poster_urls(*, by: str, ids) -> dict:
    """{craft or technique id: URL of the poster of its newest public record} in one query; an id without
    a public poster is absent (the template shows a neutral placeholder). ``by`` is "craft" or "technique"."""
    from records.models import ArchiveFile

    field = "record__technique__craft_id" if by == "craft" else "record__technique_id"
    # A technique's card shows one of its demonstrations (a narration has its own section below them on the
    # technique page), or its narration's poster when a narration is all it has (walk15: the card was blank);
    # a craft's card may show either, the newest.
    order = ["-record__created_at"]
    if by == "technique":
        order.insert(0, Case(When(record__clip__job__kind=SPEECH_DRIVEN, then=1), default=0))
    rows = (ArchiveFile.objects.filter(role="poster", record__in=public_records().order_by().values("pk"),
                                       **{f"{field}__in": list(ids)})
            .order_by(*order).values_list(field, "record_id"))
    urls: dict = {}
    for owner, record_id in rows:
        if owner not in urls:
            urls[owner] = reverse("gallery:record_media", args=[record_id, "poster"])
    return urls


def _attach_posters(items: list, *, by: str) -> list:
    urls = _poster_urls(by=by, ids=[item.pk for item in items])
    for item in items:
        item.poster_url = urls.get(item.pk)
    return items


def paginate(items, page_number, per_page: int = PAGE_SIZE) -> Page:
    return Paginator(items, per_page).get_page(page_number)


def gallery_home(*, category: str = "", region: str = "", page=1) -> dict:
    """Featured crafts, the category and region facets, and a page of crafts (filtered)."""
    # Crafts with public demonstrations first: a visitor's first click should find a video.
    featured = list(_with_public_counts(Craft.objects.filter(featured=True)).order_by(*HOME_ORDER)[:12])
    categories = dict(Category.choices)
    category_counts = {
        row["category"]: row["n"] for row in Craft.objects.order_by().values("category").annotate(n=Count("id"))
    }
    regions = list(Craft.objects.order_by("region").values("region").annotate(n=Count("id")))
    crafts = _with_public_counts(Craft.objects.all()).order_by(*HOME_ORDER)
    if category:
        crafts = crafts.filter(category=category)
    if region:
        crafts = crafts.filter(region=region)
    page = paginate(crafts, page)
    page.object_list = list(page.object_list)  # evaluated once, so the posters stay on the objects
    _attach_posters(featured + page.object_list, by="craft")
    return {
        "featured": featured,
        "categories": [(code, label, category_counts.get(code, 0)) for code, label in categories.items()],
        "regions": regions,
        "page": page,
        "category": category if category in categories else "",
        "region": region,
    }


def craft_page(*, slug: str) -> dict:
    """A craft, its inheritors, its techniques (each with how many public demonstrations and narrated videos it
    has; a technique with either has a page) and its public narrated videos, each a link to where it is shown,
    its technique's page (no player, no transcript here: one place for a video)."""
    craft = Craft.objects.filter(slug=slug).first()
    if craft is None:
        raise Http404
    techniques = list(
        Technique.objects.filter(craft=craft)
        .annotate(
            # distinct: the join with steps would otherwise count each record once per step
            public_record_count=Count("archive_records", filter=Q(
                archive_records__in=demonstration_records().order_by().values("pk")), distinct=True),
            narration_count=Count("archive_records", filter=Q(
                archive_records__in=narration_records().order_by().values("pk")), distinct=True),
            step_count=Count("steps", distinct=True),
        )
        .order_by("-public_record_count", "-narration_count", "name")
    )
    _attach_posters(techniques, by="technique")
    inheritors = list(Inheritor.objects.filter(craft=craft).order_by("level", "name"))
    return {"craft": craft, "inheritors": inheritors, "techniques": techniques,
            "narrations": narrations(craft=craft, transcript=False)}


@dataclass
class NarrationView:
    """A public narrated video (口述影像) and its transcript, timed on the video (seconds)."""

    record: object
    files: dict
    transcript: list  # [(start_s, end_s, text)]
    # What the served video file is (width, height, fps, duration_s), as for a StepView; set by technique_page()
    video_facts: dict = field(default_factory=dict)

    @property
    def job(self):
        return self.record.clip.job

    @property
    def narrator(self) -> str:
        """Who speaks (``GenerationJob.narrator_name``, the one place that names a narration's narrator)."""
        return self.job.narrator_name()

    @property
    def page_url(self) -> str:
        return record_gallery_url(self.record)

    @property
    def recording(self):
        """The oral-history recording spoken (with the span, what tells two narrations of a technique apart)."""
        return self.job.recording

    def media_url(self, role: str) -> str | None:
        return reverse("gallery:record_media", args=[self.record.pk, role]) if role in self.files else None

    @property
    def video_role(self) -> str | None:
        return next((r for r in (FileRole.VIDEO, FileRole.ORIGINAL) if r in self.files), None)

    @property
    def video_file(self):
        return self.files.get(self.video_role) if self.video_role else None

    @property
    def video_url(self):
        return self.media_url(self.video_role) if self.video_role else None

    @property
    def poster_url(self):
        return self.media_url("poster")

    @property
    def vtt_url(self):
        return self.media_url("vtt")


def narrations(*, craft=None, technique=None, transcript: bool = True) -> list[NarrationView]:
    """The public 口述影像 of a craft or of a technique, newest first, each with its narrator and (``transcript``)
    the transcript of its audio span (two queries: the records with their files, jobs and narrators, then every
    segment those spans touch; the craft page's links need no transcript)."""
    from archive.models import TranscriptSegment

    records = narration_records().select_related(None).select_related(
        "technique", "clip", "signoff", "clip__job", "clip__job__recording", "clip__job__portrait__inheritor")
    records = records.filter(technique__craft=craft) if technique is None else records.filter(technique=technique)
    records = list(records.prefetch_related("files").order_by("-created_at"))
    if not records:
        return []
    if not transcript:
        return [NarrationView(record=r, files={f.role: f for f in r.files.all()}, transcript=[]) for r in records]
    spans = {r.pk: (r.clip.job.recording_id, r.clip.job.audio_start_ms or 0, r.clip.job.audio_end_ms or 0)
             for r in records}
    q = Q(pk__in=[])
    for rec_id, start, end in spans.values():
        q |= Q(recording_id=rec_id, start_ms__lt=end, end_ms__gt=start)
    segments = list(TranscriptSegment.objects.filter(q).order_by("start_ms").values_list(
        "recording_id", "start_ms", "end_ms", "text"))
    views = []
    for record in records:
        rec_id, start, end = spans[record.pk]
        lines = [(max(a, start) / 1000 - start / 1000, (min(b, end) - start) / 1000, text)
                 for r, a, b, text in segments if r == rec_id and a < end and b > start]
        views.append(NarrationView(record=record, files={f.role: f for f in record.files.all()}, transcript=lines))
    return views


@dataclass
class StepView:
    """One step of a technique page: the step (None for a whole-technique demonstration), its newest
    public record with files by role, the other public takes, and the public original footage."""

    step: TechniqueStep | None
    record: object | None = None
    files: dict = field(default_factory=dict)
    footage: list = field(default_factory=list)
    other_records: list = field(default_factory=list)
    _media_base: str | None = field(default=None, repr=False)
    # What the served video file is (width, height, fps, duration_s): the delivery rendition's figures,
    # or the engine clip's when the clip itself is served. Set by technique_page().
    video_facts: dict = field(default_factory=dict)

    @property
    def order(self) -> int:
        return self.step.order if self.step else 0

    @property
    def anchor(self) -> str:
        return f"step-{self.order}" if self.step else "overview"

    def media_url(self, role: str) -> str | None:
        if self.record is None or role not in self.files:
            return None
        if self._media_base is None:  # one reverse() per record, not per file
            self._media_base = reverse("gallery:record_media", args=[self.record.pk, FileRole.VIDEO]).rsplit("/", 1)[0]
        return f"{self._media_base}/{role}"

    @property
    def video_role(self) -> str | None:
        """The delivery rendition, or the engine's clip the inheritor signed when the archive holds no
        rendition."""
        return next((r for r in (FileRole.VIDEO, FileRole.ORIGINAL) if r in self.files), None)

    @property
    def video_file(self):
        return self.files.get(self.video_role) if self.video_role else None

    @property
    def video_url(self):
        return self.media_url(self.video_role) if self.video_role else None

    @property
    def poster_url(self):
        return self.media_url(FileRole.POSTER)

    @property
    def vtt_url(self):
        return self.media_url(FileRole.VTT)

    @property
    def vtt_en_url(self):
        return self.media_url(FileRole.VTT_EN)

    @property
    def variants(self) -> list[tuple[str, str, str]]:
        return [(str(role), str(role.label), self.media_url(role)) for role in VARIANT_ROLES if role in self.files]

    @property
    def duration_s(self) -> float:
        if self.video_facts.get("duration_s"):
            return self.video_facts["duration_s"]
        return self.record.clip.duration_s if self.record is not None else 0.0


def _clip_facts(clip) -> dict:
    return {"width": clip.width, "height": clip.height, "fps": clip.fps, "duration_s": clip.duration_s}


def _served_video_facts(views: list) -> None:
    """Fill each view's ``video_facts`` (a StepView or a NarrationView) with what its served video file is. The archived ``video`` is a copy
    of the delivery rendition the inheritor signed (a C2PA manifest added), found by the SHA-256 in the
    sign-off's public summary: one query for the whole page."""
    wanted: dict = {}
    for view in views:
        if view.record is None or view.video_file is None:
            continue
        if view.video_role == "original":
            view.video_facts = _clip_facts(view.record.clip)
            continue
        signed = {f.get("role"): f.get("sha256") for f in (view.record.signoff.public_summary or {}).get("files", [])}
        if signed.get("video") and signed["video"] != view.record.clip.sha256:
            wanted[signed["video"]] = view
        else:
            view.video_facts = _clip_facts(view.record.clip)
    if not wanted:
        return
    try:
        from generation.postprocess.models import Rendition
    except ImportError:  # post-processing app absent
        rows = []
    else:
        rows = Rendition.objects.filter(sha256__in=list(wanted)).values("sha256", "width", "height", "fps",
                                                                        "duration_s")
    for row in rows:
        view = wanted.pop(row.pop("sha256"), None)
        if view is not None:
            view.video_facts = row
    for view in wanted.values():  # no rendition row left: the clip's figures are the best we know
        view.video_facts = _clip_facts(view.record.clip)


def _public_records_for(technique: Technique) -> list:
    return list(
        demonstration_records()
        .select_related(None)
        .select_related("clip", "step", "signoff")  # what the page shows, and what was signed (video facts)
        .filter(technique=technique)
        .prefetch_related("files")
        .order_by("step__order", "-created_at")
    )


def technique_page(*, slug: str) -> dict:
    """A technique with at least one public record: its steps in order, each with its newest public
    demonstration (files by role) and the public original footage, and its public narrated videos
    (口述影像, ``narrations``). 404 otherwise, so a guessed URL of a
    technique whose clips are all unpublished shows nothing."""
    technique = Technique.objects.select_related("craft").filter(slug=slug).first()
    if technique is None:
        raise Http404
    records = _public_records_for(technique)
    narrated = narrations(technique=technique)
    if not records and not narrated:
        raise Http404
    steps = list(technique.steps.order_by("order"))
    footage = list(Footage.objects.filter(technique=technique, public=True).order_by("title"))

    by_step: dict = {}
    for record in records:  # newest first within a step
        by_step.setdefault(record.step_id, []).append(record)
    views = []
    overview = by_step.get(None)
    if overview or any(f.step_id is None for f in footage):
        views.append(_step_view(None, overview or [], [f for f in footage if f.step_id is None]))
    for step in steps:
        views.append(_step_view(step, by_step.get(step.pk, []), [f for f in footage if f.step_id == step.pk]))
    _served_video_facts([*views, *narrated])  # one query for the page's demonstrations and narrations
    return {"technique": technique, "craft": technique.craft, "steps": views, "records": records,
            "narrations": narrated}


def _step_view(step, records, footage) -> StepView:
    newest = records[0] if records else None
    files = {f.role: f for f in newest.files.all()} if newest else {}
    return StepView(step=step, record=newest, files=files, footage=footage, other_records=records[1:])


def public_record_file(*, record_id, role: str):
    """The file of a public record with that role, or None: the media view's only way in."""
    from records.models import ArchiveFile

    if role not in PUBLIC_ROLES:
        return None
    return ArchiveFile.objects.filter(record__in=public_records().order_by().values("pk"), record_id=record_id,
                                      role=role).first()


def public_footage(*, footage_id: int) -> Footage | None:
    """Original footage flagged public, with a file."""
    return Footage.objects.filter(pk=footage_id, public=True).exclude(file="").first()


def search_facets() -> dict:
    """Filter choices for the search form: categories, regions, techniques that have public records."""
    return {
        "categories": list(Category.choices),
        "regions": list(Craft.objects.order_by("region").values_list("region", flat=True).distinct()),
        "techniques": list(
            Technique.objects.filter(id__in=public_technique_ids()).select_related("craft").order_by("craft__name", "name")
        ),
    }
