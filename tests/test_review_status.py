"""The review page while post-processing runs: /review/<id>/status.json (what review/review.js polls)
says whether a media job that submitting and signing wait for is queued or running, and its progress;
the page shows that box only then. Permissions per role are in tests/test_review_permissions.py."""
import uuid

import pytest
from django.urls import reverse

from review import services
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


def _status(client, review):
    resp = client.get(reverse("review:status", args=[review.pk]))
    assert resp.status_code == 200 and resp["Content-Type"] == "application/json"
    assert "no-store" in resp["Cache-Control"]
    return resp.json()


def test_status_follows_the_media_job(client, rv, make_clip):
    from generation.postprocess.models import MediaJob

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    client.force_login(rv.curator)
    assert _status(client, review) == {"pending": False, "status": None, "status_display": None, "done": None,
                                       "total": None, "percent": None}
    job = MediaJob.objects.create(clip=review.clip, status=MediaJob.Status.QUEUED)
    s = _status(client, review)
    assert s["pending"] is True and s["status"] == "queued" and s["status_display"] == "排队中"
    assert s["done"] is None and s["total"] is None and s["percent"] is None  # not counted yet
    MediaJob.objects.filter(pk=job.pk).update(status=MediaJob.Status.RUNNING, progress_done=2, progress_total=6)
    s = _status(client, review)
    assert (s["status"], s["done"], s["total"], s["percent"]) == ("running", 2, 6, 33.3)
    # a multi-view composition is not waited for (review.readiness), so it is not shown either
    MediaJob.objects.create(clip=review.clip, status=MediaJob.Status.RUNNING, options={"multiview": [1, 2]},
                            progress_done=0, progress_total=1)
    assert _status(client, review)["total"] == 6
    MediaJob.objects.filter(pk=job.pk).update(status=MediaJob.Status.SUCCEEDED, progress_done=6)
    assert _status(client, review)["pending"] is False


def test_review_page_shows_the_progress_box_only_while_pending(client, rv, make_clip):
    from generation.postprocess.models import MediaJob

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    job = MediaJob.objects.create(clip=review.clip, status=MediaJob.Status.RUNNING, progress_done=1,
                                  progress_total=4)
    client.force_login(rv.curator)
    page = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    assert "data-postprocessing" in page and reverse("review:status", args=[review.pk]) in page
    assert "已完成 1/4 项输出" in page and 'style="width:25%"' in page
    assert f'action="{reverse("review:submit", args=[review.pk])}"' not in page
    english = client.get(reverse("review:detail", args=[review.pk]) + "?lang=en").content.decode()
    assert "1 of 4 outputs done" in english and "已完成" not in english
    MediaJob.objects.filter(pk=job.pk).update(status=MediaJob.Status.SUCCEEDED)
    page = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    assert "data-postprocessing" not in page
    assert f'action="{reverse("review:submit", args=[review.pk])}"' in page


def test_status_of_an_unknown_review_is_404_and_post_is_405(client, rv, make_clip):
    client.force_login(rv.curator)
    assert client.get(reverse("review:status", args=[uuid.uuid4()])).status_code == 404
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    assert client.post(reverse("review:status", args=[review.pk])).status_code == 405
