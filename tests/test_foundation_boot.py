"""The project boots: settings, URLs, groups, and the Celery app's queues."""
from django.contrib.auth.models import Group


def test_role_groups_exist(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {"curator", "reviewer", "inheritor", "admin"}


def test_curator_home_requires_login(client, db):
    response = client.get("/curator/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_curator_home_for_curator(curator_client):
    response = curator_client.get("/curator/")
    assert response.status_code == 200
    assert "管理首页" in response.content.decode()


def test_celery_queues():
    from heritage.celery import app

    assert {q.name for q in app.conf.task_queues} == {"default", "gpu", "media"}
    assert app.conf.task_time_limit and app.conf.task_soft_time_limit


def test_chinese_first_whatever_the_browser_says(client, db):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="zh-hans"' in page


def test_english_when_chosen(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert 'lang="en"' in client.get("/").content.decode()
    assert 'lang="en"' in client.get("/?lang=en").content.decode()
