"""Public pages come from the cache (gallery/cache.py) and change at once when a record is
published or withdrawn or a craft/technique changes; ETag/Last-Modified let a browser revalidate (304)."""
import pytest
from django.urls import reverse

from review import services
from tests.review_fixtures import *  # noqa: F401,F403


@pytest.fixture
def pages(rv):
    rv.craft.featured = True
    rv.craft.save()
    return {"home": reverse("gallery:home"), "craft": reverse("gallery:craft", args=[rv.craft.slug]),
            "technique": reverse("gallery:technique", args=[rv.technique.slug])}


def test_publishing_and_withdrawing_change_the_cached_pages_at_once(rv, signed_review, pages, client,
                                                                     django_assert_num_queries):
    technique_link = f'href="{pages["technique"]}"'
    assert technique_link not in client.get(pages["craft"]).content.decode()
    assert client.get(pages["technique"]).status_code == 404
    home_before = client.get(pages["home"]).content.decode()
    with django_assert_num_queries(0):  # served from the cache
        assert client.get(pages["craft"]).status_code == 200
        assert client.get(pages["home"]).content.decode() == home_before

    review = signed_review()
    record = services.review_archive(review=review, actor=rv.curator)  # published
    assert technique_link in client.get(pages["craft"]).content.decode()
    assert client.get(pages["technique"]).status_code == 200
    assert client.get(pages["home"]).content.decode() != home_before

    services.review_withdraw(review=review, actor=rv.inheritor_user, reason="需要重拍")  # unpublished
    assert technique_link not in client.get(pages["craft"]).content.decode()
    assert client.get(pages["technique"]).status_code == 404
    assert client.get(reverse("gallery:record_media", args=[record.pk, "video"])).status_code == 404


def test_renaming_a_craft_shows_at_once(rv, pages, client):
    assert "苏绣" in client.get(pages["craft"]).content.decode()
    rv.craft.name = "苏州刺绣"
    rv.craft.save()
    assert "苏州刺绣" in client.get(pages["craft"]).content.decode()
    assert "苏州刺绣" in client.get(pages["home"]).content.decode()


def test_validators_and_conditional_get(rv, pages, client):
    first = client.get(pages["home"])
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    assert first["ETag"].startswith('"') and first["Last-Modified"].endswith("GMT")
    assert "Cookie" in first["Vary"]
    assert not first.cookies  # nothing per visitor on a shared page
    again = client.get(pages["home"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == first["ETag"]
    since = client.get(pages["home"], HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    rv.craft.name = "苏州刺绣"  # a change the page shows: the old validator no longer matches
    rv.craft.save()
    changed = client.get(pages["home"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"] and "苏州刺绣" in changed.content.decode()


def test_logged_in_pages_are_private_and_not_shared(rv, pages, client):
    anonymous = client.get(pages["home"]).content.decode()
    client.force_login(rv.curator)
    r = client.get(pages["home"])
    assert "private" in r["Cache-Control"]
    assert rv.curator.username in r.content.decode() and rv.curator.username not in anonymous


def test_language_is_part_of_the_key(rv, pages, client):
    zh = client.get(pages["home"]).content.decode()
    en = client.get(pages["home"] + "?lang=en").content.decode()
    assert zh != en and 'lang="en"' in en


def test_a_visitor_with_a_waiting_message_gets_a_fresh_page(rv, pages, client):
    client.get(pages["home"])  # cached
    client.cookies["messages"] = "pending"
    r = client.get(pages["home"])
    assert "private" in r["Cache-Control"]
