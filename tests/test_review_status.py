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
                                       "total": None, "percent": None, "state": "draft", "newer": None}
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


def _next_take(rv, make_clip, review):
    """A new version of ``review`` (the curator regenerated it after a change request): opened, a draft."""
    clip2 = make_clip(variant="b")
    clip2.job.retry_of = review.clip.job
    clip2.job.save()
    return services.review_open(clip=clip2, actor=rv.curator)


def test_signing_screen_shows_post_processing_and_no_sign_button_until_done(client, rv, make_clip):
    """Found walking as the inheritor: post-processing run again after 送审 left the signing screen with a
    同意签署 that was refused (409) and no word of progress. Now it shows the same progress box as the review
    page (polled from status.json by review.js) and says why it cannot be signed yet."""
    from generation.postprocess.models import MediaJob

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    job = MediaJob.objects.create(clip=review.clip, status=MediaJob.Status.RUNNING, progress_done=1,
                                  progress_total=4)
    client.force_login(rv.inheritor_user)
    url = reverse("review:sign", args=[review.pk])
    page = client.get(url).content.decode()
    assert "data-postprocessing" in page and reverse("review:status", args=[review.pk]) in page
    assert "已完成 1/4 项输出" in page and "review/review.js" in page
    assert 'value="approve"' not in page and 'name="confirm"' not in page
    assert 'data-blocked="sign"' in page and 'value="changes"' in page  # asking for changes still works
    MediaJob.objects.filter(pk=job.pk).update(status=MediaJob.Status.SUCCEEDED, progress_done=4)
    page = client.get(url).content.decode()
    assert "data-postprocessing" not in page and 'value="approve"' in page and 'name="confirm"' in page


def test_status_reports_the_state_and_the_newer_take_each_person_is_shown(client, rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    services.review_request_changes(review=review, actor=rv.inheritor_user, text="针距应为两毫米")
    client.force_login(rv.inheritor_user)
    s = _status(client, review)
    assert s["state"] == "changes_requested" and s["newer"] is None
    review2 = _next_take(rv, make_clip, review)
    assert _status(client, review)["newer"] is None  # a draft is not the inheritor's yet
    client.force_login(rv.curator)
    assert _status(client, review)["newer"] == {"id": str(review2.pk), "version": 2, "state": "draft"}
    services.review_submit(review=review2, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    assert _status(client, review)["newer"] == {"id": str(review2.pk), "version": 2, "state": "in_review"}


def test_signing_screen_of_a_take_with_changes_requested_waits_for_and_then_links_the_new_version(
        client, rv, make_clip):
    """Found walking as the inheritor: after 需要修改 the signing screen said only 「暂时不需要您操作」, and
    once the curator sent the new version it still did (a dead end, reached from the notification). Now it
    watches status.json (review.js reloads on a new state or take) and then offers the new version."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    services.review_request_changes(review=review, actor=rv.inheritor_user, text="针距应为两毫米")
    client.force_login(rv.inheritor_user)
    url = reverse("review:sign", args=[review.pk])
    page = client.get(url).content.decode()
    assert "data-review-watch" in page and 'data-state="changes_requested"' in page and 'data-newer=""' in page
    assert "馆员制作新版本并送审后,本页会自动显示它" in page
    review2 = _next_take(rv, make_clip, review)
    assert 'data-newer=""' in client.get(url).content.decode()  # the draft stays the curator's
    services.review_submit(review=review2, actor=rv.curator)
    page = client.get(url).content.decode()
    assert f'data-newer="{review2.pk}:in_review"' in page
    assert f'href="{reverse("review:sign", args=[review2.pk])}"' in page and "查看新版本 v2" in page
    english = client.get(url + "?lang=en").content.decode()
    assert "View the new version v2" in english
    # the curator's review page of the old take leads to the new one's review page
    client.force_login(rv.curator)
    page = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    assert f'href="{reverse("review:detail", args=[review2.pk])}" class="button primary"' in page or (
        f'class="button primary" href="{reverse("review:detail", args=[review2.pk])}"' in page)
