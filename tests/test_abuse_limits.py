"""Lockout and request rates (issue 13): django-axes on both logins, DRF throttles per account and per
address (stricter on job submission and on the public question box), tokens that expire and die with the
password, proxy headers believed only from the configured proxy."""
import datetime as dt

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

LIMIT = 3


@pytest.fixture(autouse=True)
def _fresh_counters(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    cache.clear()
    yield
    cache.clear()


def test_login_page_locks_out_after_n_wrong_passwords_even_for_the_right_one(client, make_user):
    make_user("mei", "curator", password="right-password-1")
    for _ in range(LIMIT):
        r = client.post("/accounts/login/", {"username": "mei", "password": "wrong"})
        assert r.status_code in (200, 429)
    r = client.post("/accounts/login/", {"username": "mei", "password": "right-password-1"})
    assert r.status_code == 429
    assert "登录已暂时锁定" in r.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_page_below_the_limit_still_logs_in(client, make_user):
    make_user("mei", "curator", password="right-password-1")
    for _ in range(LIMIT - 1):
        client.post("/accounts/login/", {"username": "mei", "password": "wrong"})
    r = client.post("/accounts/login/", {"username": "mei", "password": "right-password-1"})
    assert r.status_code == 302 and "_auth_user_id" in client.session


def test_token_endpoint_locks_out_after_n_wrong_passwords(client, make_user):
    make_user("mei", "curator", password="right-password-1")
    for _ in range(LIMIT):
        r = client.post("/api/v1/auth/token", {"username": "mei", "password": "wrong"})
        assert r.status_code in (401, 429)
    r = client.post("/api/v1/auth/token", {"username": "mei", "password": "right-password-1"})
    assert r.status_code == 429
    assert "token" not in r.json()


def test_token_expires_and_a_new_one_is_issued(client, make_user, settings):
    from rest_framework.authtoken.models import Token

    make_user("mei", "curator", password="right-password-1")
    key = client.post("/api/v1/auth/token", {"username": "mei", "password": "right-password-1"}).json()["token"]
    assert client.get("/api/v1/crafts", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    Token.objects.filter(key=key).update(created=Token.objects.get(key=key).created
                                         - dt.timedelta(hours=settings.HERITAGE_TOKEN_TTL_H, seconds=1))
    r = client.get("/api/v1/crafts", HTTP_AUTHORIZATION=f"Token {key}")
    assert r.status_code == 401 and r.json()["code"] == "token_expired"
    fresh = client.post("/api/v1/auth/token", {"username": "mei", "password": "right-password-1"}).json()["token"]
    assert fresh != key
    assert client.get("/api/v1/crafts", HTTP_AUTHORIZATION=f"Token {fresh}").status_code == 200


def test_password_change_revokes_tokens(client, make_user):
    user = make_user("mei", "curator", password="right-password-1")
    key = client.post("/api/v1/auth/token", {"username": "mei", "password": "right-password-1"}).json()["token"]
    user.first_name = "梅"
    user.save()  # another field: the token lives on
    assert client.get("/api/v1/crafts", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    user.set_password("another-password-2")
    user.save()
    assert client.get("/api/v1/crafts", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401


def test_api_throttles_per_user_and_stricter_on_job_submission(settings, rv):
    from rest_framework.test import APIClient

    settings.HERITAGE_THROTTLE_RATES = {**settings.HERITAGE_THROTTLE_RATES, "user": "8/min", "job_submit": "3/min"}
    api = APIClient()
    api.force_authenticate(rv.curator)
    body = {"input": {"text": "丝线沿纹样外缘起针,针距两毫米。"}, "parameters": {"duration": 0.5}}
    codes = [api.post("/api/v1/generation-tasks", body, format="json").status_code for _ in range(4)]
    assert codes == [202, 202, 202, 429]
    r = api.post("/api/v1/generation-tasks", body, format="json")
    assert r.status_code == 429 and r.json()["code"] == "throttled" and "Retry-After" in r
    # Reading is not a submission: it only counts towards the per-user rate (8: 4 POSTs + 4 GETs).
    assert [api.get("/api/v1/generation-tasks").status_code for _ in range(4)] == [200, 200, 200, 429]
    from generation.models import GenerationJob

    assert GenerationJob.objects.count() == 3


def test_api_throttles_anonymous_clients_per_address(settings, client, rv):
    settings.HERITAGE_THROTTLE_RATES = {**settings.HERITAGE_THROTTLE_RATES, "anon": "2/min"}
    url = "/api/v1/archive-records/00000000-0000-0000-0000-000000000000/"  # open to anonymous callers
    codes = [client.get(url, REMOTE_ADDR="198.51.100.7").status_code for _ in range(3)]
    assert codes == [404, 404, 429]
    assert client.get(url, REMOTE_ADDR="198.51.100.8").status_code == 404
    # A client cannot pick another address by sending X-Forwarded-For itself.
    r = client.get(url, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert r.status_code == 429


def test_public_question_box_is_rate_limited_per_address(settings, client, gallery_world):
    settings.HERITAGE_THROTTLE_RATES = {**settings.HERITAGE_THROTTLE_RATES, "question": "2/min"}
    url = f"/techniques/{gallery_world['zhengqiang'].slug}/ask/"
    # Different questions (an identical one may be answered from the gallery's page cache without running
    # the normalizer, and does not count).
    codes = [client.get(url, {"q": f"下一步怎么走针?{i}"}, REMOTE_ADDR="198.51.100.7").status_code for i in range(3)]
    assert codes == [200, 200, 429]
    page = client.get(f"/techniques/{gallery_world['zhengqiang'].slug}/", {"q": "下一步?"}, REMOTE_ADDR="198.51.100.7")
    assert page.status_code == 429 and "提问太频繁" in page.content.decode()
    assert client.get(url, {"q": "下一步怎么走针?9"}, REMOTE_ADDR="198.51.100.8").status_code == 200


def test_forwarded_headers_are_believed_only_from_the_configured_proxy(settings, rf):
    from heritage.proxy import TrustedProxyMiddleware, client_ip

    settings.HERITAGE_TRUSTED_PROXIES = ["10.0.0.2"]
    seen = {}

    def view(request):
        seen["secure"], seen["ip"] = request.is_secure(), client_ip(request)

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    spoof = rf.get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_FOR="1.2.3.4")
    TrustedProxyMiddleware(view)(spoof)
    assert seen == {"secure": False, "ip": "198.51.100.7"}
    proxied = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_PROTO="https",
                     HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    TrustedProxyMiddleware(view)(proxied)
    assert seen == {"secure": True, "ip": "198.51.100.7"}
