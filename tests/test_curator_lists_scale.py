"""A curator's lists with a realistic amount of data (walk7): the generation job list costs the same
number of queries with 40 techniques as with one, and every filtered list says how many it found and
offers a way back to the whole list."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Category, Craft, Technique
from generation.models import GenerationJob

pytestmark = pytest.mark.django_db


def _job(user, technique, status=GenerationJob.Status.SUCCEEDED):
    return GenerationJob.objects.create(requested_by=user, technique=technique, prompt="p", preset="tiny",
                                        parameters={"width": 64, "height": 64, "num_frames": 8}, seed=1,
                                        status=status)


def _techniques(n, start=0):
    out = []
    for i in range(start, start + n):
        craft = Craft.objects.create(name=f"项目{i}", slug=f"craft-{i}", category=Category.CRAFTSMANSHIP, region="苏州")
        out.append(Technique.objects.create(craft=craft, name=f"技法{i}", slug=f"tech-{i}"))
    return out


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def test_job_list_queries_do_not_grow_with_techniques_and_jobs(curator_client, curator):
    for t in _techniques(2):
        _job(curator, t)
    few, _ = _queries(curator_client, "/curator/generation/")
    for t in _techniques(40, start=2):
        _job(curator, t)
    many, page = _queries(curator_client, "/curator/generation/")
    assert str(Technique.objects.get(slug="tech-41")) in page  # the filter's options name the craft
    assert many == few, (few, many)
    assert many <= 12


def test_job_list_filtered_to_nothing_says_so_and_offers_to_clear(curator_client, curator):
    (t,) = _techniques(1)
    _job(curator, t)
    page = curator_client.get("/curator/generation/?status=failed").content.decode()
    assert "没有符合筛选条件的任务。" in page and "还没有生成任务" not in page
    assert 'href="/curator/generation/">清除筛选' in page
    assert "共 0 个任务" in page
    whole = curator_client.get("/curator/generation/").content.decode()
    assert "共 1 个任务" in whole and "清除筛选" not in whole


@pytest.mark.parametrize("url", ["/curator/crafts/?q=没有这个", "/curator/techniques/?q=没有这个",
                                 "/curator/recordings/?q=没有这个", "/curator/inheritors/?q=没有这个",
                                 "/curator/footage/?q=没有这个", "/curator/crafts/?category=music"])
def test_curator_list_filtered_to_nothing_offers_to_clear(curator_client, url):
    page = curator_client.get(url).content.decode()
    assert "没有找到符合条件的" in page and "共 0 条" in page
    assert '<a href="?" class="clear-search">清除搜索和筛选</a>' in page


def test_unfiltered_curator_list_has_no_clear_link(curator_client, craft):
    page = curator_client.get("/curator/crafts/").content.decode()
    assert "共 1 条" in page and "clear-search" not in page
