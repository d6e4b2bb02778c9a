"""The number of SQL queries per gallery page does not grow with the number of records."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gallery.search import search_index_rebuild
from tests.gallery_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


def _world(factory, n_records: int):
    craft = factory.craft("苏绣", "suxiu")
    other = factory.craft("苗族蜡染", "miao-laran", category="craftsmanship", region="贵州省丹寨县")
    technique = factory.technique(craft, "正抢针法", "zhengqiang",
                                  [(f"走针{i}", f"第{i}步走针,针脚齐整。") for i in range(1, n_records + 1)])
    for step in technique.steps.order_by("order"):
        factory.record(technique, step)
    factory.technique(other, "点蜡", "dianla", [("画蜡", "用铜蜡刀画蜡。")])
    search_index_rebuild()


PAGES = [
    ("gallery:home", [], {}),
    ("gallery:craft", ["suxiu"], {}),
    ("gallery:technique", ["zhengqiang"], {}),
    ("gallery:technique_manifest", ["zhengqiang"], {}),
    ("gallery:technique_ask", ["zhengqiang"], {"q": "下一步怎么走针?", "step": 2}),
    ("gallery:search", [], {"q": "走针"}),
    ("gallery:search", [], {"q": "走针", "category": "fine_arts", "page": 2}),
]


def _count_queries(client):
    counts = {}
    for name, args, params in PAGES:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse(name, args=args), params)
            assert response.status_code == 200, (name, response.status_code)
        counts[(name, tuple(params.items()))] = len(ctx.captured_queries)
    return counts


def test_queries_per_page_do_not_grow_with_records(client, gallery_factory):
    _world(gallery_factory, 5)
    few = _count_queries(client)
    from records.models import ArchiveRecord

    assert ArchiveRecord.objects.count() == 5
    # add 45 more steps with public records to the same technique: 50 in all
    from archive.models import Technique, TechniqueStep

    technique = Technique.objects.get(slug="zhengqiang")
    for i in range(6, 51):
        step = TechniqueStep.objects.create(technique=technique, order=i, title=f"走针{i}", description=f"第{i}步走针。")
        gallery_factory.record(technique, step)
    search_index_rebuild()
    assert ArchiveRecord.objects.count() == 50
    many = _count_queries(client)
    assert many == few, {k: (few[k], many[k]) for k in few if few[k] != many[k]}
    assert max(many.values()) <= 12
