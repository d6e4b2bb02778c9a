"""Rebuild the public gallery's search index (jieba tokens, PostgreSQL tsvector)."""
from django.core.management.base import BaseCommand

from gallery.search import search_index_rebuild


class Command(BaseCommand):
    help = "重建展厅检索索引 · Rebuild the gallery search index."

    def handle(self, *args, **options):
        n = search_index_rebuild()
        self.stdout.write(self.style.SUCCESS(f"indexed {n} documents"))
