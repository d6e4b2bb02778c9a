"""The gallery search index: refresh (services) and query (selector).

PostgreSQL: ``vector @@ to_tsquery('simple', ...)`` over the GIN index, ranked with ``ts_rank``.
SQLite (a newcomer's first run): every query word must occur in the title or the body (icontains).
Either way, when no document has every word, documents with any of them are answered (more words first).
Publicness is applied at query time: craft rows are always public (the national list is public);
technique and step rows only while their technique has a public demonstration; a narrated video's row
(口述影像) only while its own record is public (``gallery.selectors.public_narration_ids``).
"""
from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from archive.models import Craft, Technique
from records.models import ArchiveRecord

from .display import parameters_text, step_text
from .models import SearchDocument
from .selectors import SPEECH_DRIVEN
from .tokens import index_terms, query_tokens, same_vocabulary, tsquery


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _terms(*texts: str) -> str:
    return " ".join(t for text in texts for t in index_terms(text or ""))


def _craft_doc(craft: Craft) -> SearchDocument:
    inheritors = " ".join(i.name for i in craft.inheritors.all())
    body = "\n".join(filter(None, [craft.description, craft.get_category_display(), craft.region, inheritors]))
    title = f"{craft.name} {craft.name_en}".strip()
    return SearchDocument(
        key=f"craft:{craft.pk}", kind=SearchDocument.Kind.CRAFT, craft=craft, technique=None, step=None,
        category=craft.category, region=craft.region, title=title, body=body,
        title_terms=_terms(craft.name, craft.name_en), body_terms=_terms(body),
    )


def _technique_docs(technique: Technique) -> list[SearchDocument]:
    craft = technique.craft
    context = f"{craft.name} {craft.get_category_display()} {craft.region}"
    docs = [
        SearchDocument(
            key=f"technique:{technique.pk}", kind=SearchDocument.Kind.TECHNIQUE, craft=craft, technique=technique,
            step=None, category=craft.category, region=craft.region, title=f"{craft.name}·{technique.name}",
            body=technique.summary, title_terms=_terms(craft.name, technique.name),
            body_terms=_terms(technique.summary, context),
        )
    ]
    for step in technique.steps.all():
        with translation.override("zh-hans"):  # the index holds what a Chinese reader sees: 温度 1600 ℃
            params = parameters_text(step.parameters)
        body = "\n".join(filter(None, [step.description, step.description_en, params]))
        docs.append(
            SearchDocument(
                key=f"step:{step.pk}", kind=SearchDocument.Kind.STEP, craft=craft, technique=technique, step=step,
                category=craft.category, region=craft.region,
                title=f"{technique.name} · 第{step.order}步 {step.title}", body=body,
                title_terms=_terms(technique.name, step.title), body_terms=_terms(body, context),
            )
        )
    docs.extend(_narration_docs(technique))
    return docs


def _narrations(prefix: str = "") -> Prefetch:
    """Prefetch of a technique's narrated videos (every one: public or not is decided at query time)."""
    records = (ArchiveRecord.objects.filter(clip__job__kind=SPEECH_DRIVEN)
               .select_related("clip__job__recording", "clip__job__portrait__inheritor").order_by("created_at"))
    return Prefetch(f"{prefix}archive_records", queryset=records, to_attr="narration_records")


def _narration_docs(technique: Technique) -> list[SearchDocument]:
    """One row per narrated video (口述影像) of the technique (prefetched by ``_narrations``): its title,
    the transcript of its audio span, the speaker."""
    craft = technique.craft
    context = f"{craft.name} {craft.get_category_display()} {craft.region}"
    docs = []
    for record in technique.narration_records:
        job = record.clip.job
        speaker = job.narrator_name()
        docs.append(
            SearchDocument(
                key=f"narration:{record.clip_id}", kind=SearchDocument.Kind.NARRATION, craft=craft,
                technique=technique, step=None, record=record, category=craft.category, region=craft.region,
                title=record.title, body=job.source_text, title_terms=_terms(technique.name, record.title),
                body_terms=_terms(job.source_text, speaker, context),
            )
        )
    return docs


def _write(docs: list[SearchDocument], stale: QuerySet) -> int:
    keys = [d.key for d in docs]
    with transaction.atomic():
        stale.exclude(key__in=keys).delete()
        SearchDocument.objects.bulk_create(
            docs, update_conflicts=True, unique_fields=["key"],
            update_fields=["kind", "craft", "technique", "step", "record", "category", "region", "title",
                           "body", "title_terms", "body_terms", "updated_at"],
        )
        if _is_postgres():
            SearchDocument.objects.filter(key__in=keys).update(
                vector=SearchVector("title_terms", weight="A", config="simple")
                + SearchVector("body_terms", weight="B", config="simple")
            )
    return len(docs)


@same_vocabulary()
def search_index_refresh_technique(*, technique_id: int) -> int:
    """Re-index one technique, its steps and its narrated videos (after a technique, step or archive
    record is saved)."""
    technique = (Technique.objects.select_related("craft").prefetch_related("steps", _narrations())
                 .filter(pk=technique_id).first())
    if technique is None:
        return 0
    return _write(_technique_docs(technique), SearchDocument.objects.filter(technique_id=technique_id))


@same_vocabulary()
def search_index_refresh_craft(*, craft_id: int) -> int:
    """Re-index a craft, its techniques, their steps and narrated videos."""
    craft = (Craft.objects.prefetch_related("inheritors", "techniques__steps", _narrations("techniques__"))
             .filter(pk=craft_id).first())
    if craft is None:
        return 0
    docs = [_craft_doc(craft)]
    for technique in craft.techniques.all():
        technique.craft = craft
        docs.extend(_technique_docs(technique))
    return _write(docs, SearchDocument.objects.filter(craft_id=craft_id))


@same_vocabulary()
def search_index_rebuild() -> int:
    """Re-index everything (``manage.py rebuild_gallery_index``)."""
    total = 0
    for craft_id in Craft.objects.values_list("pk", flat=True):
        total += search_index_refresh_craft(craft_id=craft_id)
    SearchDocument.objects.exclude(craft_id__in=Craft.objects.values("pk")).delete()
    return total


# --- query ----------------------------------------------------------------------------------------

# Result order by kind: a craft, then its techniques, their narrated videos, then their steps.
KIND_ORDER = Case(When(kind=SearchDocument.Kind.CRAFT, then=Value(0)),
                  When(kind=SearchDocument.Kind.TECHNIQUE, then=Value(1)),
                  When(kind=SearchDocument.Kind.NARRATION, then=Value(2)),
                  default=Value(3), output_field=IntegerField())

def search_documents(
    *, text: str = "", category: str = "", region: str = "", technique_slug: str = "", public_technique_ids=None,
    public_narration_ids=None,
) -> QuerySet[SearchDocument]:
    """Public search results, best first. ``public_technique_ids`` is a queryset of technique ids that
    have a public demonstration, ``public_narration_ids`` one of the public narrated videos' record ids
    (subqueries, so the page's query count does not depend on the data)."""
    Kind = SearchDocument.Kind
    qs = SearchDocument.objects.select_related("craft", "technique", "step", "record__clip__job",
                                               "record__technique__craft")
    public = Q(kind=Kind.CRAFT)
    if public_technique_ids is not None:
        public |= Q(kind__in=[Kind.TECHNIQUE, Kind.STEP], technique_id__in=public_technique_ids)
    if public_narration_ids is not None:
        public |= Q(kind=Kind.NARRATION, record_id__in=public_narration_ids)
    qs = qs.filter(public)
    if category:
        qs = qs.filter(category=category)
    if region:
        qs = qs.filter(region=region)
    if technique_slug:
        qs = qs.filter(technique__slug=technique_slug)
    qs = qs.annotate(kind_order=KIND_ORDER)
    text = (text or "").strip()[:200]
    if not text:
        if not (category or region or technique_slug):
            # Browse: every craft with something public and its public techniques, no steps or videos.
            qs = qs.exclude(kind__in=[Kind.STEP, Kind.NARRATION])
            if public_technique_ids is not None:
                shown = Q(craft_id__in=Technique.objects.filter(id__in=public_technique_ids).values("craft_id"))
                if public_narration_ids is not None:
                    shown |= Q(craft_id__in=ArchiveRecord.objects.filter(pk__in=public_narration_ids)
                               .values("technique__craft_id"))
                qs = qs.filter(Q(kind=Kind.TECHNIQUE) | shown)
        return qs.order_by("craft__name", "kind_order", "technique__name", "step__order")
    # Documents with every word first; when none has them all (湘绣 针法: the craft's page says 湘绣, no
    # page of it says 针法), documents with any of the words, the ones matching more ranked higher.
    every = _matching(qs, text, any_word=False)
    if len(query_tokens(text)) < 2 or every.exists():
        return every
    return _matching(qs, text, any_word=True)


def _matching(qs: QuerySet[SearchDocument], text: str, *, any_word: bool) -> QuerySet[SearchDocument]:
    if _is_postgres():
        raw = tsquery(text, any_word=any_word)
        if raw is None:
            return qs.none()
        query = SearchQuery(raw, search_type="raw", config="simple")
        # Crafts, then techniques, then steps (a technique above its own steps), each by relevance.
        return qs.filter(vector=query).annotate(rank=SearchRank(F("vector"), query)).order_by(
            "kind_order", "-rank", "craft__name", "technique__name", "step__order"
        )
    words = query_tokens(text)
    longer = [w for w in words if len(w) > 1] or words
    if not longer:
        return qs.none()
    each = [Q(title__icontains=w) | Q(body__icontains=w) | Q(body_terms__icontains=w) for w in longer]
    if any_word:
        hits = sum((Case(When(q, then=Value(1)), default=Value(0), output_field=IntegerField()) for q in each),
                   Value(0))
        any_q = Q(pk__in=[])
        for q in each:
            any_q |= q
        return qs.filter(any_q).annotate(hits=hits).order_by("kind_order", "-hits", "craft__name",
                                                              "technique__name", "step__order")
    for q in each:
        qs = qs.filter(q)
    return qs.order_by("kind_order", "craft__name", "technique__name", "step__order")


def display_body(doc: SearchDocument) -> str:
    """A result's text in the visitor's language: a step's description (English when stored) and its
    parameters in words; a technique's summary; a narrated video's transcript; a craft's description."""
    if doc.kind == SearchDocument.Kind.STEP and doc.step is not None:
        return step_text(doc.step)
    if doc.kind == SearchDocument.Kind.TECHNIQUE and doc.technique is not None:
        return doc.technique.summary
    if doc.kind == SearchDocument.Kind.NARRATION:
        return doc.body
    return doc.craft.description if doc.craft_id else doc.body


def highlight(text: str, query: str, *, width: int = 140):
    """An HTML-safe excerpt of ``text`` around the first query word, the words wrapped in <mark>."""
    text = " ".join((text or "").split())
    words = sorted({w for w in query_tokens(query or "") if len(w) > 1}, key=len, reverse=True)
    if not words:
        return escape(text[:width] + ("…" if len(text) > width else ""))
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - width // 4)
    excerpt = text[start : start + width]
    parts, last = [], 0
    for m in pattern.finditer(excerpt):
        parts.append(escape(excerpt[last : m.start()]))
        parts.append(f"<mark>{escape(m.group(0))}</mark>")
        last = m.end()
    parts.append(escape(excerpt[last:]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)
