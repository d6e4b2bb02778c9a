"""The gallery's search index: one row per craft, technique, technique step and narrated video (口述影像,
a speech-driven archive record, shown on its craft page).

``terms`` holds the space-joined jieba words and Han bigrams (see ``tokens.index_terms``) of the
title and the body; on PostgreSQL ``vector`` is ``setweight(to_tsvector('simple', title_terms), 'A') ||
setweight(to_tsvector('simple', body_terms), 'B')`` with a GIN index. The 'simple' configuration
lower-cases and splits on spaces, nothing more: the Chinese word segmentation is jieba's.

Rows are refreshed by signals when a craft, technique or step is saved (``gallery/signals.py``, connected in ``GalleryConfig.ready()``)
and rebuilt by ``manage.py rebuild_gallery_index``. Whether a row is *public* is decided at query time
from ``records.selectors.public_records()``, never stored here: a withdrawn signature hides the
technique (or narrated video) from search at once.
"""
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        CRAFT = "craft", _("项目")
        TECHNIQUE = "technique", _("技法")
        STEP = "step", _("步骤")
        NARRATION = "narration", _("口述影像")

    key = models.CharField(_("键"), max_length=40, unique=True)  # "step:12"
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    craft = models.ForeignKey("archive.Craft", on_delete=models.CASCADE, related_name="+", verbose_name=_("项目"))
    technique = models.ForeignKey(
        "archive.Technique", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("技法")
    )
    step = models.ForeignKey(
        "archive.TechniqueStep", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("步骤")
    )
    # A narrated video's archive record (its row is public while the record is: decided at query time).
    record = models.ForeignKey(
        "records.ArchiveRecord", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("档案记录"),
    )
    # Denormalized from the craft for the filters.
    category = models.CharField(_("类别"), max_length=32, db_index=True)
    region = models.CharField(_("地区"), max_length=100, db_index=True)
    title = models.CharField(_("标题"), max_length=300)
    body = models.TextField(_("正文"), blank=True)
    title_terms = models.TextField(_("标题词"), blank=True)
    body_terms = models.TextField(_("正文词"), blank=True)
    vector = SearchVectorField(null=True, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        db_table = "archive_searchdocument"  # created by archive/0003 before the gallery had its own app
        ordering = ["kind", "title"]
        verbose_name = _("检索文档")
        verbose_name_plural = _("检索文档")
        indexes = [GinIndex(fields=["vector"], name="archive_searchdoc_vector_gin")]

    def __str__(self):
        return f"{self.key} {self.title}"
