"""The next step one obvious button away (walk17, walking the flow at 360×740 and at desktop width):

- the reviewer opening a review sent to them was told 「已送审。等待审核人审阅……」 — to wait for themselves — and
  their 审阅通过 lay three and a half phone screens down, under the comments and the whole 「归档后公开的内容」 card;
  the page's primary button now takes them to the decision (#decision), and says what to do;
- a running job's page began, on a phone, with 取消 and the new-seed retry form; the progress and the next step
  (开始审核) came after them, 开始审核 below the first screen: the progress and the next step now come first."""
import re

import pytest
from django.urls import reverse

from review import services
from tests.review_fixtures import *  # noqa: F401,F403

pytestmark = pytest.mark.django_db


def _primary(body: str) -> str:
    m = re.search(r'<section class="next-action"[^>]*>(.*?)</section>', body, re.S)
    return m.group(1) if m else ""


def test_the_reviewer_is_sent_to_the_decision_not_told_to_wait_for_themselves(rv, make_clip, client):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    url = reverse("review:detail", args=[review.pk])
    client.force_login(rv.reviewer)
    body = client.get(url).content.decode()
    block = _primary(body)
    assert 'href="#decision"' in block and "button primary" in block, block
    assert "等待审核人" not in block and "审阅通过" in block
    assert re.search(r'<section class="card actions" id="decision"', body)
    english = _primary(client.get(url + "?lang=en").content.decode())
    assert 'href="#decision"' in english and not re.search(r"[\u4e00-\u9fff]", re.sub(r"<[^>]+>", "", english)), english
    # the curator, who does not review, is still told who is next
    client.force_login(rv.curator)
    assert "已送审。等待审核人审阅与传承人" in _primary(client.get(url).content.decode())
    # once approved, the reviewer is told whom it waits for
    services.review_approve(review=review, actor=rv.reviewer, text="")
    client.force_login(rv.reviewer)
    block = _primary(client.get(url).content.decode())
    assert "#decision" not in block and "研究者已审阅。等待传承人" in block


def test_the_job_page_shows_progress_and_next_step_before_cancel_and_retry(rv, make_clip, client):
    clip = make_clip()
    client.force_login(rv.curator)
    body = client.get(reverse("generation:job_detail", args=[clip.job.pk])).content.decode()
    progress, step, retry = (body.index('class="job-progress"'), body.index('class="next-action"'),
                             body.index('class="retry-form"'))
    assert progress < retry and step < retry


def test_a_signer_reading_the_comments_has_the_way_back_to_signing_at_the_top(rv, make_clip, client):
    """The signing screen's 「查看未解决的意见」 opens the review page; its 去签署 was at the very bottom of it, under
    the comments, the public summary and the other actions (on a phone four screens down)."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    body = client.get(reverse("review:detail", args=[review.pk]) + "?comments=open").content.decode()
    sign = reverse("review:sign", args=[review.pk])
    assert body.count(f'href="{sign}"') == 1
    assert body.index(f'href="{sign}"') < body.index('id="comments"')
    assert f'href="{sign}"' in _primary(body)


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_after_withdrawing_the_signer_is_told_what_happened_and_has_the_way_back(rv, signed_review, client, lang):
    """walk17, the inheritor on a phone: after 撤回签署 the screen said only 「当前状态:签署已撤回。暂时不需要您
    操作。」, with no button (a dead end): it now says the video is no longer public and offers the way back."""
    review = signed_review()
    services.review_archive(review=review, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    url = reverse("review:sign", args=[review.pk])
    response = client.post(reverse("review:withdraw", args=[review.pk]), {"reason": "家人不同意公开。"})
    assert response.status_code == 302
    body = client.get(url + f"?lang={lang}").content.decode()
    assert "暂时不需要您操作" not in body and "no action is needed" not in body.lower()
    assert ("您的签署已撤回" in body) if lang == "zh-hans" else ("Your signature is withdrawn" in body)
    assert f'class="button primary huge" href="{reverse("review:inbox")}"' in body
