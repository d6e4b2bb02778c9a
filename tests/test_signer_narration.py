"""A narrated video (口述影像, S2V) is signed only by the inheritor whose portrait and voice it shows, or that
inheritor's recorded proxy; a demonstration (t2v) stays signable by any inheritor of the craft.

Signing used to be craft-wide: any inheritor (or proxy) of 苏绣 could sign 姚建萍's narration, was notified
of it and saw it to sign in the inbox. The rule is review.signing; every caller asks it."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from review import services
from review.models import Notification, Review
from tests.review_fixtures import *  # noqa: F401,F403
from tests.review_fixtures import narration_clip as _narration


@pytest.fixture
def peer(rv, make_user):
    """A second living inheritor of the same craft (苏绣), with an account."""
    from archive.models import Inheritor

    user = make_user("li", "inheritor")
    return Inheritor.objects.create(craft=rv.craft, name="李娥英", level="provincial", user=user)


def _in_review(rv, clip) -> Review:
    review = services.review_open(clip=clip, actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    return review


def _sign(client, review):
    return client.post(reverse("review:sign", args=[review.pk]),
                       {"decision": "approve", "confirm": "yes", "sha256": review.submitted_sha256,
                        "attribution": review.attribution})


def _api(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_another_inheritor_of_the_craft_cannot_sign_a_narration(client, rv, make_clip, peer):
    review = _in_review(rv, _narration(rv, make_clip, rv.inheritor))
    client.force_login(peer.user)
    assert client.get(reverse("review:sign", args=[review.pk])).status_code == 403
    assert client.get(reverse("review:detail", args=[review.pk])).status_code == 403
    assert _sign(client, review).status_code == 403
    r = _api(peer.user).post(reverse("api-review-sign", args=[review.pk]),
                             {"sha256": review.submitted_sha256, "attribution": review.attribution}, format="json")
    assert r.status_code == 403 and r.json()["code"] and r.json()["detail"]
    assert _api(peer.user).get(reverse("api-review-detail", args=[review.pk])).status_code == 403
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW and not review.signoffs.exists()


def test_another_inheritor_is_not_notified_and_does_not_see_it_to_sign(client, rv, make_clip, peer):
    review = _in_review(rv, _narration(rv, make_clip, rv.inheritor))
    services.review_approve(review=review, actor=rv.reviewer)
    notified = set(Notification.objects.filter(review=review).values_list("user_id", "verb"))
    assert (rv.inheritor_user.pk, "submitted") in notified and (rv.inheritor_user.pk, "approved") in notified
    assert not any(u in (peer.user_id, rv.proxy_user.pk) for u, _ in notified)
    client.force_login(peer.user)
    page = client.get(reverse("review:inbox")).content.decode()
    assert str(review.pk) not in page
    listed = _api(peer.user).get(reverse("api-review-list")).json()
    assert str(review.pk) not in str(listed)
    # the narrator sees it, with the signing screen one tap away
    client.force_login(rv.inheritor_user)
    page = client.get(reverse("review:inbox")).content.decode()
    assert reverse("review:sign", args=[review.pk]) in page


def test_the_no_signer_warning_follows_the_narrator(client, rv, make_clip, peer):
    """The craft has signers (李娥英, 姚建萍), but a narration of an inheritor without an account has none."""
    from archive.models import Inheritor

    silent = Inheritor.objects.create(craft=rv.craft, name="沈寿", level="national")  # no account, no proxy
    review = _in_review(rv, _narration(rv, make_clip, silent))
    client.force_login(rv.curator)
    page = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    assert "本项目目前没有可以签署的人" in page
    assert not Notification.objects.filter(review=review, user__in=[peer.user, rv.inheritor_user]).exists()


def test_the_portraits_inheritor_signs_and_is_named(client, rv, make_clip, peer):
    review = _in_review(rv, _narration(rv, make_clip, rv.inheritor))
    client.force_login(rv.inheritor_user)
    page = client.get(reverse("review:sign", args=[review.pk])).content.decode()
    assert "姚建萍" in page
    assert _sign(client, review).status_code in (200, 302)
    review.refresh_from_db()
    assert review.state == Review.State.APPROVED
    assert review.attribution and "姚建萍" in review.attribution and "李娥英" not in review.attribution
    so = review.active_signoff()
    assert so.signed_by_id == rv.inheritor_user.pk and so.inheritor_id == rv.inheritor.pk


def test_a_proxy_signs_the_narration_of_the_inheritor_they_act_for(client, rv, make_clip, peer):
    """顾文霞 has died; her daughter's account (the recorded proxy) signs her narration, and 姚建萍 may not."""
    review = _in_review(rv, _narration(rv, make_clip, rv.deceased))
    assert set(Notification.objects.filter(review=review, verb="submitted").values_list("user_id", flat=True)) \
        & {rv.inheritor_user.pk, peer.user_id, rv.proxy_user.pk} == {rv.proxy_user.pk}
    client.force_login(rv.inheritor_user)
    assert _sign(client, review).status_code == 403
    client.force_login(rv.proxy_user)
    assert client.get(reverse("review:sign", args=[review.pk])).status_code == 200
    assert _sign(client, review).status_code in (200, 302)
    review.refresh_from_db()
    assert review.state == Review.State.APPROVED
    assert services.signing_inheritor(review, rv.proxy_user) == rv.deceased
    assert services.signing_inheritor(review, rv.inheritor_user) is None


def test_a_demonstration_stays_signable_by_any_inheritor_of_the_craft(client, rv, make_clip, peer):
    review = _in_review(rv, make_clip())
    notified = set(Notification.objects.filter(review=review).values_list("user_id", flat=True))
    assert {rv.inheritor_user.pk, peer.user_id, rv.proxy_user.pk} <= notified
    client.force_login(peer.user)
    assert reverse("review:sign", args=[review.pk]) in client.get(reverse("review:inbox")).content.decode()
    assert client.get(reverse("review:sign", args=[review.pk])).status_code == 200
    assert _sign(client, review).status_code in (200, 302)
    review.refresh_from_db()
    assert review.state == Review.State.APPROVED
    assert services.signing_inheritor(review, peer.user) == peer


def test_the_rule_for_one_review_and_its_query_agree(rv, make_clip, peer):
    """review.signing answers "may this account sign this review" twice: for one review (``may_sign``, the
    permission and the signing screen) and as a filter for lists (``signable_reviews_q``, the inbox and the API
    list). They must agree for every role on every kind: a demonstration, a narration with a portrait (of a
    living inheritor, of the deceased one signed for by a proxy), and one without a portrait (its speaker signs)."""
    from generation.models import GenerationJob
    from review.signing import may_sign, signable_review_ids

    without_portrait = make_clip(seed=11)
    GenerationJob.objects.filter(pk=without_portrait.job_id).update(kind="s2v", audio_start_ms=0, audio_end_ms=3000)
    without_portrait.refresh_from_db()
    clips = {"demonstration": make_clip(seed=12), "narration": _narration(rv, make_clip, rv.inheritor),
             "narration of the deceased": _narration(rv, make_clip, rv.deceased),
             "narration without portrait": without_portrait}
    reviews = {name: _in_review(rv, clip) for name, clip in clips.items()}
    users = {**{k: v for k, v in rv.roles.items() if v is not None}, "peer": peer.user}
    seen = set()
    for who, user in users.items():
        ids = signable_review_ids(user, list(reviews.values()))
        for name, review in reviews.items():
            assert may_sign(user, review) == (review.pk in ids), (who, name)
            if review.pk in ids:
                seen.add((who, name))
    # and the rule says what it should: the narrations only by their narrator's signer
    assert ("inheritor", "narration") in seen and ("peer", "narration") not in seen
    assert ("proxy", "narration of the deceased") in seen and ("inheritor", "narration of the deceased") not in seen
    assert ("inheritor", "narration without portrait") in seen and ("peer", "demonstration") in seen
