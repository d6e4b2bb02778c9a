"""How a page names what it shows (walk11): a review's or an archive record's stored title reads well in English
(the craft by its English name, the name separator spaced, the stored title and the Chinese page unchanged:
heritage.langmark.shown_title), and a person is shown by archive.roles.person_name, never by a login name
(the audit log, a job's 申请人, the signer-change history, comment authors)."""
import pytest
from django.urls import reverse
from django.utils import translation

from review import services
from tests.review_fixtures import *  # noqa: F401,F403


def _english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def named(rv):
    """The curator and reviewer have full names; the craft an English one."""
    rv.curator.first_name = "李馆员"
    rv.curator.save()
    rv.reviewer.first_name = "王研究员"
    rv.reviewer.save()
    rv.craft.name_en = "Suzhou embroidery"
    rv.craft.save()
    return rv


def _in_review(rv, make_clip):
    review = services.review_open(clip=make_clip(), actor=rv.curator)
    services.review_submit(review=review, actor=rv.curator)
    return review


def test_an_english_review_header_names_the_craft_in_english_and_spaces_the_separator(named, make_clip, client):
    review = _in_review(named, make_clip)
    assert review.title == "苏绣·正抢针 · 起针"  # stored as composed, in Chinese
    client.force_login(named.reviewer)
    _english(client)
    body = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    h1 = body.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert "苏绣·正抢针" not in h1
    assert h1.startswith('Suzhou embroidery · <span lang="zh-Hans">正抢针</span> · <span lang="zh-Hans">起针</span>')
    inbox = client.get(reverse("review:inbox")).content.decode()
    assert 'Suzhou embroidery · <span lang="zh-Hans">正抢针</span>' in inbox and "苏绣·正抢针" not in inbox
    review.refresh_from_db()
    assert review.title == "苏绣·正抢针 · 起针"  # nothing stored changed


def test_the_chinese_header_shows_the_stored_title(named, make_clip, client):
    review = _in_review(named, make_clip)
    client.force_login(named.reviewer)
    body = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    assert "<h1>苏绣·正抢针 · 起针 <small>" in body


def test_a_title_of_a_craft_without_english_name_keeps_the_chinese_name_spaced(rv):
    from heritage.langmark import shown_title

    class Shown:
        title = "苏绣·正抢针 · 起针"
        technique = rv.technique

    with translation.override("en"):
        assert str(shown_title(Shown())) == ('<span lang="zh-Hans">苏绣</span> · <span lang="zh-Hans">正抢针</span>'
                                             ' · <span lang="zh-Hans">起针</span>')
    with translation.override("zh-hans"):
        assert str(shown_title(Shown())) == "苏绣·正抢针 · 起针"


def test_the_audit_log_and_comments_name_people_not_logins(named, make_clip, client):
    review = _in_review(named, make_clip)
    services.review_comment(review=review, actor=named.reviewer, text="针距偏大", at_ms=500)
    client.force_login(named.admin)
    body = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    audit = body.split('id="audit"', 1)[1]
    assert "李馆员" in audit and "王研究员" in audit and "curator1" not in audit and "reviewer1" not in audit
    thread = body.split('id="audit"', 1)[0].split("<main", 1)[1]
    assert "王研究员" in thread and "reviewer1" not in thread


def test_a_jobs_requester_is_named_as_a_person(named, make_clip, client):
    job = make_clip().job
    client.force_login(named.admin)
    for url in (reverse("generation:job_detail", args=[job.pk]), reverse("generation:job_list")):
        main = client.get(url).content.decode().split("<main", 1)[1]
        assert "李馆员" in main and "curator1" not in main, url


def test_a_proxys_account_without_a_name_is_shown_by_the_recorded_proxy_name(rv):
    from archive.roles import person_name

    assert not rv.proxy_user.get_full_name()
    assert person_name(rv.proxy_user) == "顾小霞"  # was its login name 「gu-proxy」


@pytest.mark.django_db
def test_the_demo_people_have_names_not_only_logins():
    """The demo walked as each role showed 「curator」 in the audit log and PREMIS agents: its staff accounts
    had no names."""
    import io

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from archive.roles import person_name

    call_command("load_demo", "--no-media", stdout=io.StringIO())
    users = get_user_model().objects.filter(username__in=["curator", "reviewer", "admin", "proxy-jingtailan"])
    shown = {u.username: person_name(u) for u in users}
    assert len(shown) == 4 and all(name != login for login, name in shown.items()), shown


def test_the_record_page_is_named_by_what_it_holds_not_its_uuid(named, make_clip, client):
    """Walking the demo: the record page's <title> was 「档案记录 · <uuid>」, the review page linked
    「档案记录 <uuid>」, and the PREMIS agents' Chinese names were not marked in English."""
    review = _in_review(named, make_clip)
    review.refresh_from_db()
    services.review_sign(review=review, actor=named.inheritor_user, sha256=review.submitted_sha256,
                         attribution=review.attribution)
    record = services.review_archive(review=review, actor=named.curator)
    client.force_login(named.reviewer)
    page = client.get(reverse("review:record", args=[record.pk])).content.decode()
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert str(record.pk) not in title and "正抢针" in title
    detail = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    link = detail.split(reverse("review:record", args=[record.pk]) + '">', 1)[1].split("</a>", 1)[0]
    assert link == "档案记录"
    _english(client)
    english = client.get(reverse("review:record", args=[record.pk])).content.decode()
    assert '<span lang="zh-Hans">李馆员</span> <small>(archivist)</small>' in english


def test_a_notification_is_read_in_the_readers_language_not_the_actors(named, make_clip, client):
    """Walking the demo: a curator working in English sent the inheritor (and the reviewers) an English
    notification 「"苏绣·正抢针 · 起针" has been submitted: …」: it was worded in the actor's language."""
    from review.models import Notification

    review = services.review_open(clip=make_clip(), actor=named.curator)
    client.force_login(named.curator)
    _english(client)
    assert client.post(reverse("review:submit", args=[review.pk])).status_code == 302
    note = Notification.objects.get(user=named.inheritor_user)
    assert note.message == "「苏绣·正抢针 · 起针」已送审,请审看并签署。"  # stored and emailed in Chinese
    client.force_login(named.inheritor_user)
    client.cookies.pop("django_language", None)
    chinese = client.get(reverse("review:notifications")).content.decode()
    assert "「苏绣·正抢针 · 起针」已送审,请审看并签署。" in chinese
    _english(client)
    english = client.get(reverse("review:notifications")).content.decode()
    assert ('Suzhou embroidery · <span lang="zh-Hans">正抢针</span> · <span lang="zh-Hans">起针</span>'
            in english) and "has been submitted" in english


def test_the_public_files_are_named_by_their_role_in_words(named, make_clip, client):
    """Walking the review page: 「归档后公开的内容」 listed each file by its role's code (original, vtt) in both
    languages."""
    review = _in_review(named, make_clip)
    client.force_login(named.reviewer)
    body = client.get(reverse("review:detail", args=[review.pk])).content.decode()
    files = body.split('<ul class="files">', 1)[1].split("</ul>", 1)[0]
    assert "<li>引擎原生视频(签署对象) · " in files and "<li>original · " not in files


def test_an_account_choice_names_the_person_and_the_login(rv, client):
    """Walking 新建传承人: the 登录账户 and 代理人账户 lists showed login names only (inheritor-suxiu)."""
    client.force_login(rv.curator)
    body = client.get(reverse("curator:inheritor_create")).content.decode()
    assert ">姚建萍(yao)</option>" in body and ">顾小霞(gu-proxy)</option>" in body
