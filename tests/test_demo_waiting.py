"""`manage.py heritage_demo --waiting` (run by `make run`'s demo target) leaves a review the reviewer has approved
waiting for the demo inheritor's signature, so an inheritor or proxy who logs into the demo has something to
watch and sign; a second run leaves the same one, and the archived demo chain is untouched."""
import io
import json
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from tests.review_fixtures import restore_role_groups  # noqa: F401


def waiting(*args) -> dict:
    out = io.StringIO()
    call_command("heritage_demo", "--waiting", "--json", *args, stdout=out)
    return json.loads([line for line in out.getvalue().splitlines() if line.strip()][-1])


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_demo_leaves_reviews_waiting_for_the_inheritor_and_the_proxy(client, settings, tmp_path):
    settings.HERITAGE_C2PA_DEV_DIR = str(tmp_path / "c2pa")
    from records.models import ArchiveRecord
    from review.models import Review, SignOff
    from review.selectors import reviewer_approval

    first = waiting("--craft", "suxiu")
    assert first["created"] and first["waiting_for"] == "inheritor-suxiu" and first["kind"] == "t2v"
    again = waiting("--craft", "suxiu")
    assert not again["created"] and again["review_url"] == first["review_url"]
    proxy = waiting("--proxy")
    assert proxy["created"] and proxy["waiting_for"] == "proxy-jingtailan" and proxy["by_proxy"]
    assert Review.objects.count() == 2 and not SignOff.objects.exists() and not ArchiveRecord.objects.exists()
    for review in Review.objects.all():
        assert review.state == Review.State.IN_REVIEW and reviewer_approval(review) is not None

    User = get_user_model()
    for username, url in (("inheritor-suxiu", first["review_url"]), ("proxy-jingtailan", proxy["review_url"])):
        review = Review.objects.get(pk=urlparse(url).path.strip("/").split("/")[-1])
        sign_url = reverse("review:sign", args=[review.pk])
        client.force_login(User.objects.get(username=username))
        assert f'href="{sign_url}"' in client.get(reverse("review:inbox")).content.decode(), username
        assert client.get(sign_url).status_code == 200, username
