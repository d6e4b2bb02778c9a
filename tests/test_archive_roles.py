"""Who may do what on the curator screens: anonymous → login page; reviewer reads but gets 403 on
every write; inheritor accounts get 403; curators and admins write."""
import pytest

from archive.models import Craft

pytestmark = [pytest.mark.django_db,
              pytest.mark.filterwarnings("error::django.core.paginator.UnorderedObjectListWarning")]


def urls(craft, technique, recording):
    return {
        "read": ["/curator/", "/curator/crafts/", f"/curator/crafts/{craft.slug}/", "/curator/inheritors/",
                 "/curator/techniques/", f"/curator/techniques/{technique.slug}/", "/curator/recordings/",
                 f"/curator/recordings/{recording.pk}/", "/curator/footage/", f"/curator/recordings/{recording.pk}/transcript.vtt"],
        "write": ["/curator/crafts/new/", f"/curator/crafts/{craft.slug}/edit/", f"/curator/crafts/{craft.slug}/delete/",
                  "/curator/inheritors/new/", "/curator/techniques/new/", f"/curator/techniques/{technique.slug}/edit/",
                  f"/curator/techniques/{technique.slug}/delete/", "/curator/recordings/new/",
                  f"/curator/recordings/{recording.pk}/edit/", f"/curator/recordings/{recording.pk}/delete/",
                  f"/curator/recordings/{recording.pk}/transcript/", "/curator/footage/new/"],
    }


def test_anonymous_goes_to_login(client, craft, technique, recording):
    for url in sum(urls(craft, technique, recording).values(), []):
        r = client.get(url)
        assert r.status_code == 302 and r["Location"].startswith("/accounts/login/?next="), url


def test_reviewer_reads_but_cannot_write(client, make_user, craft, technique, recording):
    client.force_login(make_user("rev", "reviewer"))
    u = urls(craft, technique, recording)
    for url in u["read"]:
        assert client.get(url).status_code == 200, url
    r = client.get("/curator/crafts/new/")
    assert r.status_code == 403 and "您的账户没有权限进行此操作" in r.content.decode()
    for url in u["write"]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "x"}).status_code == 403, url
    assert Craft.objects.filter(pk=craft.pk).exists()
    assert "新建项目" not in client.get("/curator/crafts/").content.decode()


def test_inheritor_account_is_refused(client, make_user, craft, technique, recording):
    client.force_login(make_user("inh", "inheritor"))
    for url in ["/curator/crafts/", "/curator/crafts/new/", f"/curator/recordings/{recording.pk}/transcript.vtt"]:
        assert client.get(url).status_code == 403, url
    # after login everyone lands on /curator/; an inheritor is sent on to the review (sign-off) screens
    r = client.get("/curator/")
    assert r.status_code == 302 and r["Location"] == "/review/"


def test_admin_group_and_curator_write(client, make_user, craft, technique, recording):
    for user in [make_user("adm", "admin"), make_user("cur2", "curator")]:
        client.force_login(user)
        for url in urls(craft, technique, recording)["write"]:
            assert client.get(url).status_code == 200, (user.username, url)


def test_archive_only_recording_is_for_curators(client, make_user, recording):
    from django.core.files.uploadedfile import SimpleUploadedFile

    recording.consent_scope = "archive"
    recording.media.save("t.wav", SimpleUploadedFile("t.wav", b"RIFF" + b"\x80" * 64), save=True)
    client.force_login(make_user("rev", "reviewer"))
    body = client.get(recording.get_absolute_url()).content.decode()
    assert "仅限档案保存" in body and "针要斜一点" not in body and "/media/" not in body
    for url in [f"/curator/recordings/{recording.pk}/media/", f"/curator/recordings/{recording.pk}/transcript.vtt"]:
        assert client.get(url).status_code == 403
    client.force_login(make_user("cur2", "curator"))
    assert "针要斜一点" in client.get(recording.get_absolute_url()).content.decode()
    assert client.get(f"/curator/recordings/{recording.pk}/media/").status_code == 200
