"""The flow as its people live it (issue 16), on the Django test client: the change-request form works with
its defaults, reviewers land on their inbox, the inheritor sees only the current version, every finished
step links the next action, and the API root answers JSON."""
import html
import json
import re

import pytest
from django.urls import reverse

from review import services
from review.models import Review
from tests.review_fixtures import *  # noqa: F401,F403


def textarea(body: str, ident: str) -> str:
    m = re.search(rf'<textarea id="{ident}"[^>]*>(.*?)</textarea>', body, re.S)
    assert m, f"no textarea {ident}"
    return html.unescape(m.group(1))



def _logs_in(client, username: str, password: str) -> bool:
    """Log in through the login page (django-axes needs the request, which Client.login does not pass)."""
    r = client.post(reverse("login"), {"username": username, "password": password})
    return r.status_code == 302 and "_auth_user_id" in client.session

def test_change_request_with_the_default_form_is_accepted(rv, make_clip, client):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.reviewer)
    body = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    prefilled = textarea(body, "rc-ad")
    assert json.loads(prefilled) == review.clip.job.action_description  # JSON, not Python repr
    r = client.post(reverse("review:request_changes", args=[review.pk]),
                    {"at": "0:01", "text": "针距应为两毫米", "action_description": prefilled})
    assert r.status_code == 302
    review.refresh_from_db()
    assert review.state == Review.State.CHANGES_REQUESTED


def test_a_refused_change_request_keeps_what_was_typed(rv, make_clip, client):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.reviewer)
    r = client.post(reverse("review:request_changes", args=[review.pk]),
                    {"at": "0:02", "text": "针距应为两毫米", "action_description": "{'not': json"})
    # post-redirect-get: back to the review page, which shows why and the form as it was typed, once
    assert r.status_code == 302 and r["Location"] == reverse("review:detail", args=[review.pk])
    body = client.get(r["Location"]).content.decode()
    assert "不是有效的 JSON" in body
    assert textarea(body, "rc-text") == "针距应为两毫米"
    assert 'value="0:02"' in body
    assert textarea(body, "rc-ad") == "{'not': json"
    again = client.get(r["Location"]).content.decode()  # a reload shows the page, not the refusal again
    assert "不是有效的 JSON" not in again and textarea(again, "rc-text") == ""


def test_a_refused_comment_keeps_what_was_typed_in_the_comment_form(rv, make_clip, client):
    """Found walking the review page: a comment with a bad time code came back with the comment box empty
    and its text in the change-request form instead."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.reviewer)
    r = client.post(reverse("review:comment", args=[review.pk]), {"at": "99:99", "text": "针脚太疏"})
    # post-redirect-get (branch comments): the refusal sends the browser back to the review page, which shows it
    assert r.status_code == 302 and r["Location"].startswith(reverse("review:detail", args=[review.pk]))
    r = client.get(r["Location"])
    body = r.content.decode()
    assert r.status_code == 200 and "时间点格式不正确" in body
    assert textarea(body, "text") == "针脚太疏" and 'id="at" name="at"' in body and 'value="99:99"' in body
    assert textarea(body, "rc-text") == ""
    assert json.loads(textarea(body, "rc-ad")) == review.clip.job.action_description


@pytest.mark.django_db
def test_api_root_answers_json_with_links(client):
    r = client.get("/api/v1/")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/json")
    links = r.json()["links"]
    assert links["docs"].endswith("/api/v1/docs") and links["schema"].endswith("/api/v1/schema")
    assert links["crafts"].endswith("/api/v1/crafts")


@pytest.mark.django_db
def test_schema_lists_cancel_and_retry_as_post_only(client):
    import yaml

    schema = yaml.safe_load(client.get("/api/v1/schema/").content)
    for action in ("cancel", "retry"):
        ops = schema["paths"][f"/api/v1/generation-tasks/{{id}}/{action}"]
        assert set(ops) - {"parameters"} == {"post"}, ops.keys()


@pytest.mark.django_db
def test_favicon(client):
    page = client.get("/").content.decode()
    assert 'rel="icon"' in page
    r = client.get("/favicon.ico")
    assert r.status_code == 301 and r["Location"].endswith("favicon.svg")


@pytest.mark.parametrize("role, landing", [("curator", "/curator/"), ("reviewer", "/review/"),
                                           ("inheritor_user", "/review/"), ("public", "/")])
def test_each_person_lands_on_their_own_work_after_login(rv, client, role, landing):
    user = getattr(rv, role)
    user.set_password("pw-123456")
    user.save()
    r = client.post(reverse("login"), {"username": user.username, "password": "pw-123456"}, follow=True)
    assert r.redirect_chain[-1][0] == landing


def test_inheritor_sees_only_the_current_take(rv, make_clip, client):
    first = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=first, actor=rv.curator)
    services.review_request_changes(review=first, actor=rv.reviewer, text="针距太大")
    clip2 = make_clip(variant="b")
    clip2.job.retry_of = first.clip.job
    clip2.job.save()
    second = services.review_open(clip=clip2, actor=rv.curator)
    services.review_submit(review=second, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    body = client.get(reverse("review:inbox")).content.decode()
    assert reverse("review:sign", args=[second.pk]) in body or reverse("review:detail", args=[second.pk]) in body
    assert str(first.pk) not in body
    client.force_login(rv.curator)  # the curator still sees both takes
    body = client.get(reverse("review:inbox")).content.decode()
    assert str(first.pk) in body and str(second.pk) in body


def test_review_player_always_has_a_text_track(rv, make_clip, client):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    page = client.get(reverse("review:sign", args=[review.pk])).content.decode()
    track = reverse("review:captions", args=[review.pk])
    assert f'<track kind="captions" srclang="zh-Hans" label="中文" src="{track}" default>' in page
    vtt = client.get(track)
    assert vtt.status_code == 200 and vtt["Content-Type"].startswith("text/vtt")
    text = vtt.content.decode()
    assert text.startswith("WEBVTT") and "丝线沿纹样外缘起针" in text  # the step's description, whole clip
    client.force_login(rv.public)
    assert client.get(track).status_code == 403


def test_signing_page_puts_technical_details_behind_a_disclosure(rv, make_clip, client):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    page = client.get(reverse("review:sign", args=[review.pk])).content.decode()
    details = page[page.index('<details class="technical">'):page.index("</details>")]
    assert review.submitted_sha256 in details and "public-summary" in details
    before = page[:page.index('<details class="technical">')]
    assert review.submitted_sha256 not in before.replace(f'value="{review.submitted_sha256}"', "")
    assert before.index('name="confirm"') < before.index('value="approve"') < before.index('value="changes"')


def test_curator_creates_an_inheritors_account_with_a_one_time_link(rv, client):
    from archive.models import Inheritor

    client.force_login(rv.curator)
    form = client.get(reverse("curator:inheritor_create")).content.decode()
    assert 'name="create_account"' in form and 'type="password"' not in form
    r = client.post(reverse("curator:inheritor_create"), {
        "craft": rv.craft.pk, "name": "沈寿", "level": "national", "status": "alive", "able_to_sign": "on",
        "create_account": "on", "account_username": "shenshou"}, follow=True)
    assert r.status_code == 200
    from django.contrib.auth import get_user_model

    from archive.models import SignerChange
    from archive.services import signer_change_confirm

    inheritor = Inheritor.objects.get(name="沈寿")
    user = get_user_model().objects.get(username="shenshou")
    assert not user.has_usable_password()
    assert user.groups.filter(name="inheritor").exists()
    # Linking the account changes who may sign: it waits, like any signer change, for a second person.
    assert inheritor.user is None
    change = inheritor.signer_changes.get(state=SignerChange.State.PENDING)
    assert change.after["user"] == user.pk
    signer_change_confirm(change=change, actor=rv.admin)
    inheritor.refresh_from_db()
    assert inheritor.user == user
    page = r.content.decode()
    link = re.search(r"http://testserver(/accounts/set-password/[^\s<]+/)", page).group(1)

    client.logout()
    r = client.get(link, follow=True)  # Django swaps the token into the session, then shows the form
    assert "设置您的密码" in r.content.decode()
    r = client.post(r.redirect_chain[-1][0], {"new_password1": "绣花-针脚-2024", "new_password2": "绣花-针脚-2024"})
    assert r.status_code == 302
    assert _logs_in(client, "shenshou", "绣花-针脚-2024")
    client.logout()
    assert "已经用过或已过期" in client.get(link, follow=True).content.decode()  # one time only


def test_account_username_taken_is_a_form_error(rv, client):
    from archive.models import Inheritor

    client.force_login(rv.curator)
    r = client.post(reverse("curator:inheritor_create"), {
        "craft": rv.craft.pk, "name": "沈寿", "level": "national", "status": "alive", "able_to_sign": "on",
        "create_account": "on", "account_username": rv.reviewer.username})
    assert r.status_code == 400 and "已被占用" in r.content.decode()
    assert not Inheritor.objects.filter(name="沈寿").exists()


def _primary(body: str) -> str:
    """The guided-path block's primary control (gallery/flow.py via {% next_action %})."""
    m = re.search(r'<section class="next-action"[^>]*>(.*?)</section>', body, re.S)
    return m.group(1) if m else ""


def test_every_finished_step_shows_the_next_action(rv, make_clip, client, django_capture_on_commit_callbacks):
    from archive.models import TranscriptSegment

    client.force_login(rv.curator)
    # a recording: edit its transcript first; once it has one → normalize it (found walking: the recording
    # page had no way on to 口述规范化)
    url = reverse("curator:recording_detail", args=[rv.recording.pk])
    assert _primary(client.get(url).content.decode()) == ""
    TranscriptSegment.objects.create(recording=rv.recording, start_ms=0, end_ms=3000, text="丝线沿纹样外缘起针。")
    body = client.get(url).content.decode()
    assert reverse("prompting:normalize") + f"?recording={rv.recording.pk}" in _primary(body)
    assert "规范化这段转写" in _primary(body)
    assert "Normalize this transcript" in _primary(client.get(url + "?lang=en").content.decode())
    client.force_login(rv.reviewer)
    assert _primary(client.get(url).content.decode()) == ""
    client.force_login(rv.curator)
    # a saved prompt template → generate
    rv.technique.prompt_template = {"steps": [{"verb": "起针"}]}
    rv.technique.save()
    body = client.get(reverse("prompting:normalize") + f"?technique={rv.technique.slug}&saved=1").content.decode()
    assert reverse("generation:generate") + f"?technique={rv.technique.slug}" in _primary(body)
    # a finished job → start review (POST), then → open the review
    clip = make_clip()
    body = client.get(reverse("generation:job_detail", args=[clip.job.pk])).content.decode()
    block = _primary(body)
    assert 'method="post"' in block and reverse("review:open", args=[clip.pk]) in block and "开始审核" in block
    r = client.post(reverse("review:open", args=[clip.pk]))
    review = clip.review
    body = client.get(reverse("generation:job_detail", args=[clip.job.pk])).content.decode()
    assert reverse("review:detail", args=[review.pk]) in _primary(body)
    # signed → the inheritor is told the curator publishes it; archived → the gallery page
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                         attribution=review.attribution)
    client.force_login(rv.inheritor_user)
    body = client.get(reverse("review:sign", args=[review.pk])).content.decode()
    assert "归档并公开" in _primary(body)
    services.review_archive(review=review, actor=rv.curator)
    client.force_login(rv.curator)
    body = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    assert reverse("gallery:technique", args=[rv.technique.slug]) + "#step-1" in _primary(body)
    assert r.status_code == 302


def test_an_archived_narration_links_its_craft_page_not_a_technique_page(rv, make_clip, client):
    """A 口述影像 (S2V) is shown on its technique's page (the craft page links it, walk14). That technique has no
    public demonstration, and its page was a 404 while the gallery assumed one: the review page's 在展厅查看
    led there (found walking the demo site)."""
    from generation.models import GenerationJob
    from records.models import ArchiveRecord

    clip = make_clip()
    GenerationJob.objects.filter(pk=clip.job.pk).update(kind=GenerationJob.Kind.S2V)
    review = services.review_open(clip=clip, actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                         attribution=review.attribution)
    services.review_archive(review=review, actor=rv.curator)
    record = ArchiveRecord.objects.get(clip=clip)
    client.force_login(rv.curator)
    block = _primary(client.get(reverse("review:detail", args=[review.pk])).content.decode())
    target = reverse("gallery:technique", args=[rv.technique.slug]) + f"#narration-{record.pk}"
    assert "在展厅查看" in block and f'href="{target}"' in block
    client.logout()
    page = client.get(target.split("#")[0])  # its technique's page (a 404 while it assumed a demonstration)
    assert page.status_code == 200 and f'id="narration-{record.pk}"' in page.content.decode()
    craft_page = client.get(reverse("gallery:craft", args=[rv.technique.craft.slug])).content.decode()
    assert f'href="{target}"' in craft_page  # a link to its one place (walk14), no second player
    assert f'id="narration-{record.pk}"' not in craft_page
    # in English the narration's notice is translated and its Chinese texts are marked lang (WCAG 3.1.2)
    english = client.get(target.split("#")[0] + "?lang=en").content.decode()
    section = english[english.index(f'id="narration-{record.pk}"'):].split("</article>", 1)[0]
    assert "This video was generated by AI" in section and "本视频由人工智能" not in section
    # the label's 「AI 生成」 in English (walk6), the attribution marked
    assert (f'<p class="attribution"><strong>AI-generated</strong> <span lang="zh-Hans">{record.attribution}</span></p>'
            in section)
    # its title's parts each marked, the name separator spaced in English (walk11: heritage.langmark.shown_title)
    assert record.title == "苏绣·正抢针 · 起针"
    assert ('<h3><span lang="zh-Hans">苏绣</span> · <span lang="zh-Hans">正抢针</span> · '
            '<span lang="zh-Hans">起针</span></h3>') in section


def test_the_ai_notice_is_in_the_page_language_on_review_sign_and_record_pages(rv, make_clip, client):
    """Found crawling in English: the review, signing and record pages showed the stored Chinese AI notice
    untranslated (the gallery translates it)."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    review.refresh_from_db()
    client.force_login(rv.inheritor_user)
    english = client.get(reverse("review:sign", args=[review.pk]) + "?lang=en").content.decode()
    assert "<dd>This video was generated by AI" in english and "本视频由人工智能" not in english
    services.review_sign(review=review, actor=rv.inheritor_user, sha256=review.submitted_sha256,
                         attribution=review.attribution)
    record = services.review_archive(review=review, actor=rv.curator)
    client.force_login(rv.curator)
    for url in (reverse("review:detail", args=[review.pk]), reverse("review:record", args=[record.pk])):
        english = client.get(url + "?lang=en").content.decode()
        # (the record page's provenance JSON keeps the stored text, as stored)
        assert "<dd>This video was generated by AI" in english and "<dd>本视频由人工智能" not in english, url
        assert "<dd>本视频由人工智能" in client.get(url).content.decode(), url


def test_job_page_explains_the_demo_engine_and_progress_in_plain_words(rv, make_clip, client, settings):
    settings.ENGINE_PRESET = "tiny"
    client.force_login(rv.curator)
    form = client.get(reverse("generation:generate") + f"?technique={rv.technique.slug}").content.decode()
    assert "480p (64×48)" in form and "720p (128×96)" in form and "微型引擎用小尺寸代替" in form
    clip = make_clip()
    page = client.get(reverse("generation:job_detail", args=[clip.job.pk])).content.decode()
    assert "画面已放大显示" in page
    job = clip.job
    job.status, job.progress_step, job.progress_total, job.progress_expert = "running", 1, 2, "high"
    job.save()
    page = client.get(reverse("generation:job_detail", args=[job.pk])).content.decode()
    assert "第一阶段:勾勒画面与动作" in page and "高噪声专家" not in page


def test_curator_reissues_a_set_password_link(rv, client):
    """The account signs, so a second person (here an admin) confirms the new link and receives it."""
    from archive.models import SignerChange

    client.force_login(rv.curator)
    url = reverse("curator:inheritor_account_link", args=[rv.inheritor.pk])
    page = client.get(reverse("curator:inheritor_detail", args=[rv.inheritor.pk])).content.decode()
    assert url in page
    client.post(url)
    change = rv.inheritor.signer_changes.get(state=SignerChange.State.PENDING)
    client.force_login(rv.admin)
    body = client.post(reverse("curator:signer_change_decide", args=[rv.inheritor.pk, change.pk]),
                       {"decision": "confirm"}, follow=True).content.decode()
    link = re.search(r"http://testserver(/accounts/set-password/[^\s<]+/)", body).group(1)
    client.logout()
    r = client.get(link, follow=True)
    client.post(r.redirect_chain[-1][0], {"new_password1": "新的-密码-2025", "new_password2": "新的-密码-2025"})
    assert _logs_in(client, rv.inheritor_user.username, "新的-密码-2025")
    client.force_login(rv.reviewer)  # read-only roles may not
    assert client.post(url).status_code == 403


def test_after_submitting_the_review_page_says_who_is_next(rv, make_clip, client):
    """After 送审 the curator's (and reviewer's) review page says who acts next: the reviewer and the named
    inheritor, then only the inheritor once the reviewer has approved; the signer's own screen is not told
    to wait for themselves."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    url = reverse("review:detail", args=[review.pk])
    client.force_login(rv.curator)
    block = _primary(client.get(url).content.decode())
    assert "已送审。等待审核人审阅与传承人" in block and rv.inheritor.name in block
    services.review_approve(review=review, actor=rv.reviewer, text="")
    client.force_login(rv.reviewer)
    block = _primary(client.get(url).content.decode())
    assert "研究者已审阅。等待传承人" in block and rv.inheritor.name in block
    client.force_login(rv.inheritor_user)
    assert _primary(client.get(reverse("review:sign", args=[review.pk])).content.decode()) == ""


def test_the_generation_forms_submit_with_their_primary_button(rv, client):
    """The one action of the generate and narrated-video forms is the page's primary button, as on every
    other form (found walking: 提交生成 was a plain grey button)."""
    client.force_login(rv.curator)
    for url in (reverse("generation:generate") + f"?technique={rv.technique.slug}",
                reverse("generation:s2v") + f"?recording={rv.recording.pk}"):
        body = client.get(url).content.decode()
        assert '<button type="submit" class="primary">提交生成</button>' in body, url


def test_the_inheritor_is_told_the_change_request_went_to_the_curator_in_one_word(rv, make_clip, client):
    """The signing screens call the curator 馆员; the message after 需要修改 said 策展人."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    r = client.post(reverse("review:sign", args=[review.pk]), {"decision": "changes", "comment": "颜色偏暗"},
                    follow=True)
    body = r.content.decode()
    assert "修改意见已发送给馆员。" in body and "策展人" not in body


def test_the_signing_screens_change_button_is_an_action_in_english(rv, make_clip, client):
    """需要修改 is both a review state (Changes requested) and the signing screen's button, which asks for
    the action: Request changes."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    client.force_login(rv.inheritor_user)
    url = reverse("review:sign", args=[review.pk])
    assert 'value="changes">需要修改</button>' in client.get(url).content.decode()
    assert 'value="changes">Request changes</button>' in client.get(url + "?lang=en").content.decode()


def test_the_waiting_note_lists_the_signers_with_the_pages_separator(rv, make_clip, client):
    """Two inheritors can sign (姚建萍 herself, 顾文霞 through her proxy): in English their names are
    separated by ", " and each is marked Chinese, not one Chinese run glued by 、."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    url = reverse("review:detail", args=[review.pk])
    client.force_login(rv.curator)
    block = _primary(client.get(url).content.decode())
    assert "姚建萍、顾文霞" in block or "顾文霞、姚建萍" in block
    block = _primary(client.get(url + "?lang=en").content.decode())
    assert "、" not in block, block
    assert ('<span lang="zh-Hans">姚建萍</span>, <span lang="zh-Hans">顾文霞</span>' in block
            or '<span lang="zh-Hans">顾文霞</span>, <span lang="zh-Hans">姚建萍</span>' in block), block


def test_the_review_pages_audit_heading_names_the_log(rv, make_clip, client):
    """「审计记录」 is the model's name (one Audit entry) and the review page's heading over the list: Audit log."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    client.force_login(rv.curator)
    url = reverse("review:detail", args=[review.pk])
    assert "<h2>审计记录</h2>" in client.get(url).content.decode()
    assert "<h2>Audit log</h2>" in client.get(url + "?lang=en").content.decode()


def test_the_notifications_page_and_its_links_are_plural_in_english(rv, make_clip, client):
    """「通知」 is the model's name (one Notification) and the page of all of them: Notifications."""
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)  # notifies the inheritor: the header shows the link
    client.force_login(rv.inheritor_user)
    body = client.get(reverse("review:notifications") + "?lang=en").content.decode()
    assert "<title>Notifications" in body and "<h1>Notifications</h1>" in body
    body = client.get(reverse("review:inbox") + "?lang=en").content.decode()
    assert 'class="nav-notifications">Notifications <span' in body
    assert f'<a href="{reverse("review:notifications")}">Notifications</a>' in body
    assert "<h1>通知</h1>" in client.get(reverse("review:notifications")).content.decode()


def test_the_notifications_page_is_paged_and_reaches_the_oldest(rv, client):
    """The page showed the newest 100 and silently dropped the rest; now 20 a page, newest first, with
    the list's pagination, and the oldest on the last page."""
    from review.models import Notification

    Notification.objects.bulk_create([Notification(user=rv.curator, verb="test", message=f"通知{i:03d}")
                                      for i in range(105)])
    client.force_login(rv.curator)
    url = reverse("review:notifications")
    body = client.get(url).content.decode()
    assert "通知104" in body and "通知084" not in body and "第 1 / 6 页" in body and "page=2" in body
    body = client.get(url + "?page=6").content.decode()
    assert "通知000" in body and "通知005" not in body


def test_the_normalize_page_keeps_an_older_recording_selected(rv, client):
    """The recording list offers the newest 50; a recording's 规范化这段转写 button opens the page for an
    older one, whose transcript loaded while the list showed 「—」 (found walking)."""
    import datetime as dt

    from archive.models import Recording, TranscriptSegment

    TranscriptSegment.objects.create(recording=rv.recording, start_ms=0, end_ms=3000, text="丝线沿纹样外缘起针。")
    for i in range(50):
        Recording.objects.create(craft=rv.craft, title=f"新录音{i}", recorded_on=dt.date(2024, 1, 1) + dt.timedelta(i),
                                 consent_date=dt.date(2024, 1, 1))
    client.force_login(rv.curator)
    body = client.get(reverse("prompting:normalize") + f"?recording={rv.recording.pk}").content.decode()
    assert re.search(rf'<option value="{rv.recording.pk}" selected', body)


def test_the_inbox_lists_the_newest_unreviewed_clips_and_says_how_many_more(rv, make_clip, client):
    """「尚未送审的生成视频」 showed 50 clips in no order and said nothing of the rest; now the newest 50, then
    how many more and where the whole list is (the generation jobs)."""
    clips = [make_clip(seed=i) for i in range(52)]
    client.force_login(rv.curator)
    body = client.get(reverse("review:inbox")).content.decode()
    assert f'action="{reverse("review:open", args=[clips[-1].pk])}"' in body
    assert f'action="{reverse("review:open", args=[clips[0].pk])}"' not in body
    assert "还有 2 个未列出" in body and f'href="{reverse("generation:job_list")}?status=succeeded"' in body


def test_the_withdraw_button_names_the_action_in_english(rv, signed_review, client):
    """「撤回签署」 is an event (Sign-off withdrawn) and the button that does it: Withdraw sign-off."""
    review = signed_review()
    for user, url in ((rv.inheritor_user, reverse("review:sign", args=[review.pk])),
                      (rv.inheritor_user, reverse("review:detail", args=[review.pk]))):
        client.force_login(user)
        assert ">撤回签署</button>" in client.get(url).content.decode()
        body = client.get(url + "?lang=en").content.decode()
        assert ">Withdraw sign-off</button>" in body and ">Sign-off withdrawn</button>" not in body


def test_the_review_page_links_the_archive_record_only_for_those_who_may_open_it(rv, archived_record, client):
    """The inheritor's review page linked 档案记录 to the staff record page, which answers them 403 (found
    walking as the inheritor: a dead end)."""
    record = archived_record()
    link = f'href="{reverse("review:record", args=[record.pk])}"'
    url = reverse("review:detail", args=[record.clip.review.pk])
    client.force_login(rv.curator)
    assert link in client.get(url).content.decode()
    client.force_login(rv.inheritor_user)
    assert client.get(reverse("review:record", args=[record.pk])).status_code == 403
    assert link not in client.get(url).content.decode()


def test_the_review_pages_audit_list_is_paged_newest_first(rv, make_clip, client):
    """walk9: the review page listed every audit entry, oldest first, refused attempts too, and grew with each
    attempt. Now newest first, 20 a page with the lists' pagination; its links keep the comment filter and
    come back to the audit section, and offer no 「清除搜索和筛选」 (the section has no search)."""
    from review.models import AuditEntry

    review = services.review_open(clip=make_clip(), actor=rv.curator)
    AuditEntry.objects.bulk_create([AuditEntry(actor=rv.curator, actor_name="c", action="sign", outcome="refused",
                                               review=review, reason=f"尝试{i:03d}") for i in range(45)])
    client.force_login(rv.curator)
    url = reverse("review:detail", args=[review.pk])
    body = client.get(url + "?comments=open").content.decode()
    audit = body[body.index('id="audit"'):]
    assert "尝试044" in audit and "尝试025" in audit and "尝试024" not in audit and "尝试000" not in audit
    assert audit.index("尝试044") < audit.index("尝试043")
    assert "第 1 / 3 页" in audit and 'href="?comments=open&amp;page=2#audit"' in audit
    assert "清除搜索和筛选" not in audit
    body = client.get(url + "?page=3").content.decode()
    audit = body[body.index('id="audit"'):]
    assert "尝试000" in audit and "尝试005" not in audit
