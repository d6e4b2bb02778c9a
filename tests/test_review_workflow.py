"""The review workflow end to end on rows: open → submit → comment → request changes → resubmit →
sign → archive → withdraw, with audit entries, notifications and versions."""
import pytest
from django.core import mail
from django.urls import reverse

from review import services
from review.models import AuditEntry, Notification, Review, ReviewComment
from tests.review_fixtures import *  # noqa: F401,F403


def test_open_composes_attribution_from_oral_history(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    assert review.state == Review.State.DRAFT
    assert review.attribution == "基于姚建萍口述重构"
    assert review.rights_uri.startswith("https://creativecommons.org/")
    assert "人工智能" in review.ai_notice
    assert review.clip.job.attribution == "基于姚建萍口述重构"  # decided when the job was created


def test_full_chain_with_change_request_and_versions(rv, make_clip, django_capture_on_commit_callbacks):
    clip = make_clip()
    review = services.review_open(clip=clip, actor=rv.curator)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_submit(review=review, actor=rv.curator)
    assert review.state == Review.State.IN_REVIEW
    assert review.submitted_sha256 == clip.sha256
    # reviewers and the craft's signers were told, in-app and by email
    assert Notification.objects.filter(user=rv.reviewer, verb="submitted").exists()
    assert Notification.objects.filter(user=rv.inheritor_user, verb="submitted").exists()

    c = services.review_comment(review=review, actor=rv.reviewer, text="铜丝弯曲弧度不符合明代规制", at_ms=300)
    assert c.timecode == "00:00"
    services.review_request_changes(review=review, actor=rv.reviewer, text="针距应为两毫米", at_ms=500)
    assert review.state == Review.State.CHANGES_REQUESTED
    assert Notification.objects.filter(user=rv.curator, verb="changes_requested").exists()

    # the next take links to this one as its previous version (through the job's retry_of)
    clip2 = make_clip(variant="b")
    clip2.job.retry_of = clip.job
    clip2.job.save()
    review2 = services.review_open(clip=clip2, actor=rv.curator)
    assert review2.previous == review and review2.version == 2
    from review.selectors import review_versions
    assert [r.pk for r in review_versions(review)] == [review.pk, review2.pk]

    services.review_submit(review=review2, actor=rv.curator)
    so = services.review_sign(review=review2, actor=rv.inheritor_user, sha256=review2.submitted_sha256,
                              attribution=review2.attribution, comment="同意公开")
    assert review2.state == Review.State.APPROVED and so.sha256 == clip2.sha256 and not so.by_proxy
    record = services.review_archive(review=review2, actor=rv.curator)
    assert review2.state == Review.State.ARCHIVED
    assert record.attribution == "基于姚建萍口述重构"
    assert record.clip_sha256 == clip2.sha256
    assert record.provenance["generation"]["seed"] == 7
    assert record.provenance["signoff"]["inheritor"] == "姚建萍"
    assert record.provenance["review"]["previous_versions"][0]["review"] == str(review.pk)
    roles = set(record.files.values_list("role", flat=True))
    assert {"original", "video", "c2pa_manifest"} <= roles
    assert record.file("original").sha256 == clip2.sha256
    types = list(record.events.values_list("event_type", flat=True))
    for t in ("creation", "message digest calculation", "ingestion", "sign-off"):
        assert t in types

    from records.selectors import is_record_public, public_records
    assert list(public_records()) == [record]
    services.review_withdraw(review=review2, actor=rv.inheritor_user, reason="家族不同意公开")
    assert review2.state == Review.State.WITHDRAWN
    assert not is_record_public(record)
    assert record.events.filter(event_type="withdrawal").exists()
    actions = list(AuditEntry.objects.filter(review=review2, outcome="ok").order_by("at", "id")
                   .values_list("action", flat=True))
    assert actions == ["open", "submit", "sign", "archive", "withdraw"]
    assert any("yao@example.org" in m.to for m in mail.outbox)


def test_proxy_signs_for_deceased_inheritor(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    so = services.review_sign(review=review, actor=rv.proxy_user, sha256=review.submitted_sha256,
                              attribution=review.attribution)
    assert so.by_proxy and so.inheritor == rv.deceased and so.proxy_name == "顾小霞"
    assert so.proxy_document.endswith(".pdf")


def test_proxy_without_authority_document_cannot_sign(rv, make_clip):
    rv.deceased.proxy_document = ""
    rv.deceased.save()
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_sign(review=review, actor=rv.proxy_user, sha256=review.submitted_sha256,
                             attribution=review.attribution)
    assert exc.value.code == "not_signer"


def test_comment_time_code_outside_clip_is_refused(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_comment(review=review, actor=rv.reviewer, text="x", at_ms=60_000)
    assert exc.value.status == 400
    assert not ReviewComment.objects.exists()
    assert AuditEntry.objects.filter(action="comment", outcome="refused").exists()


def test_change_request_with_edited_action_description_starts_a_new_take(rv, make_clip, settings):
    """The reviewer edits the action description; a new generation job is created from it (queued, same
    seed and parameters), and when its clip is reviewed it is version 2 of the same demonstration."""
    from generation.models import GenerationJob
    from review.models import ChangeRequest

    settings.ENGINE_PRESET = "tiny"
    clip = make_clip()
    clip.job.parameters = {"resolution": "480p", "duration": 1.0, "num_steps": 2}
    clip.job.save()
    review = services.review_open(clip=clip, actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    edited = {"spec_version": "1", "text": "针距改为一毫米", "steps": [{"action": "起针", "spacing_mm": 1}]}
    services.review_request_changes(review=review, actor=rv.reviewer, text="针距应为一毫米", at_ms=200,
                                    action_description=edited)
    cr = ChangeRequest.objects.get(review=review)
    job = cr.new_job
    assert job is not None and job.retry_of == clip.job and job.seed == clip.job.seed
    assert job.action_description["text"] == "针距改为一毫米"
    assert job.status == GenerationJob.Status.QUEUED
    # the new take, once generated, is the next version
    from generation.models import Clip
    data = tiny_mp4("b")  # noqa: F405
    import hashlib

    from django.core.files.base import ContentFile
    clip2 = Clip(job=job, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data), width=64, height=64,
                 num_frames=8, fps=8)
    clip2.file.save("take2.mp4", ContentFile(data), save=False)
    clip2.save()
    review2 = services.review_open(clip=clip2, actor=rv.curator)
    assert review2.previous == review and review2.version == 2


def test_change_request_with_bad_action_description_loses_nothing(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    with pytest.raises(services.TransitionRefused) as exc:
        services.review_request_changes(review=review, actor=rv.reviewer, text="改", action_description=["not", "a dict"])
    assert exc.value.status == 400
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW and not ReviewComment.objects.exists()


@pytest.mark.parametrize("state", ["draft", "in_review", "changes_requested", "approved", "archived", "withdrawn",
                                   "rejected"])
def test_pages_render_in_every_state(client, rv, make_clip, state):
    """The review page (curator, reviewer), the signing screen (inheritor) and the inbox render in every
    state and offer only the actions that state allows."""
    from django.urls import reverse

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    if state != "draft":
        services.review_submit(review=review, actor=rv.curator)
    if state == "changes_requested":
        services.review_request_changes(review=review, actor=rv.reviewer, text="改")
    if state == "rejected":
        services.review_reject(review=review, actor=rv.reviewer, text="不符")
    if state in ("approved", "archived", "withdrawn"):
        services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                             attribution=review.attribution)
    if state in ("archived", "withdrawn"):
        record = services.review_archive(review=review, actor=rv.curator)
    if state == "withdrawn":
        services.review_withdraw(review=review, actor=rv.inheritor_user, reason="撤回")
    assert review.state == state
    pages = {}
    for who, name in [("curator", "review:detail"), ("reviewer", "review:detail"), ("inheritor", "review:sign"),
                      ("curator", "review:inbox"), ("inheritor", "review:inbox")]:
        client.force_login(rv.roles[who])
        url = reverse(name) if name == "review:inbox" else reverse(name, args=[review.pk])
        resp = client.get(url)
        assert resp.status_code == 200, (who, name)
        pages[(who, name)] = resp.content.decode()
    curator_page = pages[("curator", "review:detail")]
    assert (reverse("review:submit", args=[review.pk]) in curator_page) == (state in ("draft", "changes_requested"))
    assert (reverse("review:archive", args=[review.pk]) in curator_page) == (state == "approved")
    reviewer_page = pages[("reviewer", "review:detail")]
    assert (reverse("review:request_changes", args=[review.pk]) in reviewer_page) == (state == "in_review")
    assert reverse("review:archive", args=[review.pk]) not in reviewer_page
    sign_page = pages[("inheritor", "review:sign")]
    assert ("同意签署" in sign_page) == (state == "in_review")
    assert ("撤回签署" in sign_page) == (state in ("approved", "archived"))
    if state in ("archived", "withdrawn"):
        client.force_login(rv.curator)
        page = client.get(reverse("review:record", args=[record.pk])).content.decode()
        assert str(record.pk) in page and ("公开中" in page) == (state == "archived")


def test_review_media_supports_range_requests(client, rv, make_clip):
    """The players seek, so the unpublished clip is served with byte ranges (to people who may see it)."""
    from django.urls import reverse

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    client.force_login(rv.reviewer)
    url = reverse("review:media", args=[review.pk])
    resp = client.get(url, HTTP_RANGE="bytes=0-99")
    assert resp.status_code == 206 and resp["Content-Range"].startswith("bytes 0-99/")
    assert len(b"".join(resp.streaming_content)) == 100
    assert resp["Cache-Control"] == "private, no-store"


def test_unread_notifications_context_processor(rf, rv, make_clip):
    from django.contrib.auth.models import AnonymousUser

    from review.context_processors import notifications

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    request = rf.get("/")
    request.user = rv.reviewer
    assert int(str(notifications(request)["REVIEW_UNREAD"])) == 1
    services.notification_mark_read(user=rv.reviewer)
    assert not notifications(request)["REVIEW_UNREAD"]
    request.user = AnonymousUser()
    assert notifications(request)["REVIEW_UNREAD"] == 0


def test_inbox_says_which_items_wait_for_my_signature(client, rv, make_clip):
    """The inheritor's inbox (on a phone): an item waiting for their own signature says so, with the
    signing screen one tap away; items they cannot sign now (a draft is not listed, a signed one is
    approved) keep their state."""
    from django.urls import reverse

    waiting = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=waiting, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    body = client.get(reverse("review:inbox")).content.decode()
    assert body.count('data-testid="awaiting-my-signature"') == 1 and "等待您签署" in body
    assert f'class="button primary sign-now" href="{reverse("review:sign", args=[waiting.pk])}"' in body
    # The reviewer sees the same item as 审核中: it does not wait for them.
    client.force_login(rv.reviewer)
    body = client.get(reverse("review:inbox")).content.decode()
    assert "awaiting-my-signature" not in body and "审核中" in body
    # Once signed it no longer waits.
    services.review_sign(review=waiting, actor=rv.inheritor_user, sha256=waiting.submitted_sha256,
                         attribution=waiting.attribution)
    client.force_login(rv.inheritor_user)
    assert "awaiting-my-signature" not in client.get(reverse("review:inbox")).content.decode()


def test_nav_badge_links_to_the_notifications_it_counts_and_opening_the_review_reads_them(client, rv, make_clip):
    """The nav's unread count is a link to the notifications (not to the inbox, where it never dropped);
    opening the review a notification is about marks it read, so the number goes down."""
    from django.urls import reverse

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    other = services.review_open(clip=make_clip(variant="b"), actor=rv.curator)
    services.review_submit(review=other, actor=rv.curator)
    client.force_login(rv.reviewer)
    body = client.get(reverse("review:inbox")).content.decode()
    badge = f'<a href="{reverse("review:notifications")}" class="nav-notifications">通知 <span class="badge"'
    assert badge in body and '未读通知">2</span>' in body
    body = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    assert '未读通知">1</span>' in body
    assert Notification.objects.filter(user=rv.reviewer, review=other, read_at__isnull=True).exists()
    # The inheritor's signing screen reads theirs the same way.
    client.force_login(rv.inheritor_user)
    client.get(reverse("review:sign", args=[review.pk]))
    assert not Notification.objects.filter(user=rv.inheritor_user, review=review, read_at__isnull=True).exists()
    # Mark all read on the notifications page: no badge.
    client.force_login(rv.reviewer)
    client.post(reverse("review:notifications"))
    assert "nav-notifications" not in client.get(reverse("review:inbox")).content.decode()


def test_header_names_the_inheritors_work_to_sign(client, rv):
    """An inheritor's header said 审核 (review); someone who only signs now reads 待签署 / To sign (walk6)."""
    client.force_login(rv.inheritor_user)
    assert '<a href="/review/">待签署</a>' in client.get("/review/").content.decode()
    client.cookies["django_language"] = "en"
    assert '<a href="/review/">To sign</a>' in client.get("/review/").content.decode()
    client.force_login(rv.reviewer)
    assert '<a href="/review/">Review</a>' in client.get("/review/").content.decode()


def test_signing_screen_after_changes_shows_the_request_and_whom_to_contact(client, rv, make_clip):
    """After 需要修改 the signing screen said only 「暂时不需要您操作」 under 「请您确认这段演示视频」: not
    what was asked, nor how to correct a mistaken press. Now it shows the request and the curator who sent
    the version (who may send it again: submit from changes_requested)."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    url = reverse("review:sign", args=[review.pk])
    client.post(url, {"decision": "changes", "comment": "火花颜色不对", "at": "00:00"})
    review.refresh_from_db()
    assert review.state == Review.State.CHANGES_REQUESTED
    html = client.get(url).content.decode()
    assert "请您确认这段演示视频" not in html
    assert "您的修改意见" in html and "火花颜色不对" in html
    assert "请联系馆员 curator1" in html and "mailto:curator@example.org" in html
    client.cookies["django_language"] = "en"
    html = client.get(url).content.decode()
    assert "Your request for changes" in html and "Contact the curator curator1" in html
    # the correction it names is real: the curator sends the same version again and it can be signed
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW


def test_the_inbox_is_in_pages_keeping_its_filter(client, rv, make_clip, monkeypatch):
    """A large archive's inbox stopped at 200 reviews with no way to the rest; it is in pages now, the state
    filter kept in the page links (the curator lists' pagination, ``heritage.pages``)."""
    import re

    from review import services, views
    from review.models import Review

    monkeypatch.setattr(views, "INBOX_PAGE_SIZE", 2)
    for variant in "abcde":
        services.review_open(clip=make_clip(variant=variant), actor=rv.curator)
    client.force_login(rv.curator)
    seen, url = [], reverse("review:inbox") + "?state=draft"
    while url:
        page = client.get(url).content.decode()
        rows = re.findall(r'href="/review/([0-9a-f-]{36})/"', page)
        assert len(rows) <= 2 and "共 5 条" in page
        seen += rows
        nxt = re.search(r'href="\?(state=draft&amp;page=\d+)" rel="next"', page)
        url = reverse("review:inbox") + "?" + nxt.group(1).replace("&amp;", "&") if nxt else None
    assert sorted(seen) == sorted(str(pk) for pk in Review.objects.values_list("pk", flat=True))


def test_signing_screen_shows_a_missing_comment_at_the_comment_box(client, rv, make_clip):
    """需要修改 with no comment said 「请写明需要修改的地方。」 at the top of the signing screen, far above the
    comment box on a phone (walk13). It is shown at the box now: right before it, named by its
    aria-describedby, the box aria-invalid and focused; still post-redirect-get, what was typed kept."""
    import re

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    url = reverse("review:sign", args=[review.pk])
    r = client.post(url, {"decision": "changes", "comment": "  ", "at": "00:00"})
    assert r.status_code == 302 and r["Location"] == url  # post-redirect-get, as every refused review action
    html = client.get(url).content.decode()
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW
    assert html.count("请写明需要修改的地方。") == 1
    box = re.search(r'<p class="error big field-error" id="comment-error" role="alert">请写明需要修改的地方。</p>\s*'
                    r'<textarea id="comment" name="comment"[^>]*>', html)
    assert box, "the error is not right before the comment box"
    for attribute in ('aria-invalid="true"', 'aria-describedby="comment-error"', "autofocus"):
        assert attribute in box.group(0)
    assert html.index('<label for="comment">') < box.start()
    assert 'value="00:00"' in html  # what was typed is kept
    # a time code the clip does not have: at its own field
    client.post(url, {"decision": "changes", "comment": "火花颜色不对", "at": "99:00"})
    html = client.get(url).content.decode()
    assert re.search(r'id="at-error" role="alert">[^<]+</p>\s*<input type="text" id="at" name="at"[^>]*'
                     r'aria-invalid="true" aria-describedby="at-error" autofocus>', html)
    assert "火花颜色不对" in html
    # shown once: a reload is the plain screen
    html = client.get(url).content.decode()
    assert 'role="alert"' not in html and "aria-invalid" not in html
    # 同意签署 without the tick: at the checkbox
    client.post(url, {"decision": "approve", "sha256": review.submitted_sha256, "attribution": review.attribution})
    html = client.get(url).content.decode()
    assert re.search(r'id="confirm-error" role="alert">[^<]+</p>\s*<label class="check big confirm"><input type="checkbox"'
                     r' id="confirm" name="confirm" value="yes" aria-invalid="true" aria-describedby="confirm-error"'
                     r' autofocus>', html)


def test_a_signing_refusal_lands_at_the_field_it_names_not_by_its_code(client, rv, make_clip, monkeypatch):
    """walk14: the signing screen chose the field of an error by the refusal's code (``empty`` → the comment box),
    so a new code about the comment landed on top of the page, and an ``empty`` about another input (a withdrawal's
    reason) would land at the comment box. The field is now the one the refusal names (``TransitionRefused.field``)."""
    import re

    from review import workflow

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    url = reverse("review:sign", args=[review.pk])

    def refuse(code, field):
        def dispatch(**_kwargs):
            refusal = services.TransitionRefused("说得再具体一些。", code=code, status=400)
            refusal.field = field  # what the refusal names (set apart, so the test reads the old code too)
            raise refusal
        monkeypatch.setattr(workflow, "dispatch", dispatch)
        client.post(url, {"decision": "changes", "comment": "不对", "at": ""})
        return client.get(url).content.decode()

    html = refuse("too_vague", "text")  # a code the screen has never seen, about the comment: at the box
    assert re.search(r'id="comment-error" role="alert">说得再具体一些。</p>\s*<textarea id="comment" name="comment"'
                     r'[^>]*aria-invalid="true" aria-describedby="comment-error" autofocus>', html), html
    html = refuse("empty", "reason")  # "empty" about an input this screen does not have: on top, no field marked
    assert '<p class="error big" role="alert">说得再具体一些。</p>' in html and "aria-invalid" not in html


def test_after_signing_the_next_step_is_the_list_and_withdrawing_waits_behind_a_disclosure(client, rv, signed_review):
    """walk14, as the inheritor on a phone: right after 已签署 the screen's one big button was a red 撤回签署 (under a
    reason box), inviting the wrong tap. The next step is the way back to the list; withdrawing is still there, behind
    「需要撤回签署?」, opened again when a withdrawal was refused."""
    import re

    review = signed_review()
    client.force_login(rv.inheritor_user)
    url = reverse("review:sign", args=[review.pk])
    html = client.get(url).content.decode()
    link = f'<a class="button primary huge" href="{reverse("review:inbox")}">回到我的待签署列表</a>'
    back = html.index(link)
    disclosure = re.search(r'<details class="withdraw">\s*<summary>需要撤回签署\?</summary>.*?</details>', html, re.S)
    assert disclosure and back < disclosure.start() and ">撤回签署</button>" in disclosure.group(0)
    client.post(reverse("review:withdraw", args=[review.pk]), {"reason": " "})  # refused: no reason
    html = client.get(url).content.decode()
    assert '<details class="withdraw" open>' in html and "请写明撤回理由。" in html


def test_the_signing_screens_time_field_does_not_look_filled_in(client, rv, make_clip):
    """walk14: the empty time field showed 「00:03」 in grey, which reads as a time already set on a phone held at
    arm's length; its hint now says it is an example."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    url = reverse("review:sign", args=[review.pk])
    assert 'id="at" name="at" placeholder="例如 00:03"' in client.get(url).content.decode()
    assert 'id="at" name="at" placeholder="e.g. 00:03"' in client.get(url + "?lang=en").content.decode()


def test_after_asking_for_changes_the_next_step_is_the_list(client, rv, make_clip):
    """walk14: after 需要修改 the screen said 「暂时不需要您操作」 and its one big button was 撤回修改意见; the way back to
    the list comes first now (taking the request back stays, for a mistaken press)."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    url = reverse("review:sign", args=[review.pk])
    client.post(url, {"decision": "changes", "comment": "针脚太密", "at": ""})
    html = client.get(url).content.decode()
    back = html.index(f'<a class="button primary huge" href="{reverse("review:inbox")}">回到我的待签署列表</a>')
    assert back < html.index('data-testid="retract-changes"')


def test_a_signer_is_told_when_nothing_waits_for_their_signature(client, rv, signed_review, make_clip):
    """walk14, as the proxy on a phone: with everything signed the inbox listed 已由传承人签署 rows and nothing said
    that no signature is wanted now. A signer is told; not while something waits, nor the staff."""
    signed_review()
    client.force_login(rv.inheritor_user)
    said = "现在没有等待您签署的视频。"
    assert said in client.get(reverse("review:inbox")).content.decode()
    review = services.review_open(clip=make_clip(seed=5), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    assert said not in client.get(reverse("review:inbox")).content.decode()
    client.force_login(rv.reviewer)
    assert said not in client.get(reverse("review:inbox")).content.decode()
