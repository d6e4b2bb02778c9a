"""The one store of requests acted on once (``heritage.once``, table ``heritage.models.OnceKey``): a create form's
one-time page key and the API's ``Idempotency-Key`` are claimed by one function, ``claim``, in the database, so
two processes (or connections, or threads) racing on one key act once on the embedded default (SQLite, no Redis)
as on PostgreSQL. Run on PostgreSQL with ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/heritage``."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
import time

import pytest

from archive.models import Category, Craft
from tests.worker_support import ROOT, worker_env

KEY = "0123456789abcdef0123456789abcdef"


def form_request(user, data):
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.test import RequestFactory

    request = RequestFactory().post("/curator/crafts/new/", data)
    request.user = user
    request._messages = CookieStorage(request)
    return request


def submit(user, *, slug: str, hold_s: float = 0.0) -> str:
    """What a create view does with ``Once``: the act is making a craft (its own name and slug, so that a second act
    shows as a second craft, not as an error); returns 'acted' or where the duplicate was sent."""
    from heritage.once import Duplicate, Once

    request = form_request(user, {"name": "苏绣", "submission": KEY})
    try:
        with Once(request, fallback_url="/curator/") as once:
            time.sleep(hold_s)  # still being written when the other request arrives
            craft = Craft.objects.create(name=f"苏绣{slug}", slug=slug, category=Category.FINE_ARTS, region="苏州")
            once.done(f"/curator/crafts/{craft.slug}/")
            return "acted"
    except Duplicate as duplicate:
        return duplicate.response["Location"]


def race(*calls):
    """Run the calls at once, each on its own thread (its own database connection); their answers in order."""
    from django.db import connection

    barrier, answers = threading.Barrier(len(calls)), [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait(timeout=30)
            answers[i] = call()
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            answers[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return answers


@pytest.mark.django_db(transaction=True)
def test_two_threads_racing_on_one_form_key_act_once(make_user):
    user = make_user("cur", "curator")
    answers = race(lambda: submit(user, slug="a", hold_s=0.5), lambda: submit(user, slug="b", hold_s=0.5))
    assert sorted(map(str, answers)) in (["/curator/", "acted"], ["/curator/crafts/a/", "acted"],
                                         ["/curator/crafts/b/", "acted"]), answers
    assert Craft.objects.count() == 1
    # the winner's page is the answer from now on, in any process
    assert submit(user, slug="c") == f"/curator/crafts/{Craft.objects.get().slug}/"


SUBPROCESS = """
import json, os, sys, time
import django
django.setup()
from django.contrib.auth import get_user_model
from tests.test_once_store import submit
user = get_user_model().objects.get(pk=int(sys.argv[1]))
while time.time() < float(sys.argv[3]):
    time.sleep(0.005)
print(json.dumps(submit(user, slug=sys.argv[2], hold_s=1.0)))
"""


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_processes_racing_on_one_form_key_act_once(make_user):
    """The case the cache could not hold on the embedded default: two web processes (each with its own local-memory
    cache) sent the same page at once and both acted. The claim is a database row, so one acts."""
    user = make_user("cur", "curator")
    start = time.time() + 6  # both processes have started Django by then, and leave their wait together
    env = worker_env(CACHE_URL="", HERITAGE_NATIVE="0")
    procs = [subprocess.Popen([sys.executable, "-c", SUBPROCESS, str(user.pk), slug, str(start)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for slug in ("p", "q")]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err[-2000:] for _out, err in outs]
    answers = sorted(json.loads(out.strip().splitlines()[-1]) for out, _err in outs)
    assert Craft.objects.count() == 1, answers
    assert answers[1] == "acted" and answers[0] in ("/curator/", f"/curator/crafts/{Craft.objects.get().slug}/")


@pytest.mark.django_db(transaction=True)
def test_two_transactions_racing_on_one_api_key_make_one_result_and_the_loser_replays_it(make_user):
    """The API's way: the claim is made in the request's transaction; the second waits for the first's commit
    (PostgreSQL: on the unique index; SQLite: on the write lock) and answers its result."""
    from django.db import transaction

    from heritage import once

    user = make_user("cur", "curator")

    def request(slug):
        with transaction.atomic():
            claimed = once.claim(scope="test", user=user, key="k-1", fingerprint="body")
            if not claimed.won:
                return ("replayed", claimed.result)
            time.sleep(0.5)
            Craft.objects.create(name=f"苏绣{slug}", slug=slug, category=Category.FINE_ARTS, region="苏州")
            claimed.done([slug])
            return ("made", [slug])

    answers = race(lambda: request("a"), lambda: request("b"))
    assert Craft.objects.count() == 1, answers
    made = [a for a in answers if a[0] == "made"]
    assert len(made) == 1 and ("replayed", made[0][1]) in answers, answers


@pytest.mark.django_db
def test_claim_conflict_expiry_and_the_sweep(make_user):
    from heritage import once
    from heritage.models import OnceKey

    user, other = make_user("cur", "curator"), make_user("dora", "curator")
    first = once.claim(scope="generation-tasks", user=user, key="k", fingerprint="a")
    assert first.won
    first.done(["x"])
    again = once.claim(scope="generation-tasks", user=user, key="k", fingerprint="a")
    assert not again.won and again.result == ["x"]
    with pytest.raises(once.Conflict):
        once.claim(scope="generation-tasks", user=user, key="k", fingerprint="b")
    # per account and per scope
    assert once.claim(scope="generation-tasks", user=other, key="k", fingerprint="b").won
    assert once.claim(scope="form", user=user, key="k", fingerprint="b").won
    # a refused request leaves its key free
    refused = once.claim(scope="form", user=user, key="r", fingerprint="a")
    refused.release()
    assert once.claim(scope="form", user=user, key="r", fingerprint="a").won
    # past the window a key is taken over by the next request, whatever it sent
    OnceKey.objects.filter(scope="generation-tasks", key="k", user=user).update(created_at=dt.datetime.now(dt.timezone.utc) - once.WINDOW
                                                      - dt.timedelta(minutes=1))
    taken = once.claim(scope="generation-tasks", user=user, key="k", fingerprint="b")
    assert taken.won and OnceKey.objects.get(scope="generation-tasks", user=user, key="k").fingerprint == "b"
    # the recovery sweep purges expired claims of every scope (form keys too)
    OnceKey.objects.filter(key="r").update(created_at=dt.datetime.now(dt.timezone.utc) - once.WINDOW
                                           - dt.timedelta(minutes=1))
    from generation.services import jobs_recover_stale

    jobs_recover_stale()
    assert not OnceKey.objects.filter(key="r").exists() and OnceKey.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_migration_moves_job_request_keys_into_the_one_store_and_back(make_user, monkeypatch):
    """``generation/0010`` keeps every ``JobRequestKey`` (a single job, a batch in order, its time) as an ``OnceKey``
    of scope ``generation-tasks``; going back restores them."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from generation import services
    from heritage.models import OnceKey

    monkeypatch.setattr(services, "_send", lambda job: None)  # committed here: nothing goes to the broker
    user = make_user("cur", "curator")
    one = services.job_create(requested_by=user, text="先起针。")
    batch = [services.job_create(requested_by=user, text="先起针。") for _ in range(2)]
    old = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)).replace(microsecond=0)  # within the window
    before = [("generation", "0009_job_request_key_jobs")]
    executor = MigrationExecutor(connection)
    # forward means every app's latest migration (0010 moves the keys; a later one, 0011, adds a job column the
    # services below read): stopping at 0010 would leave later migrations unapplied for every test after this one
    after = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    try:
        apps = executor.loader.project_state(before).apps
        JobRequestKey = apps.get_model("generation", "JobRequestKey")
        JobRequestKey.objects.create(user_id=user.pk, key="one", fingerprint="f1", job_id=one.pk)
        JobRequestKey.objects.create(user_id=user.pk, key="batch", fingerprint="f2", job_id=batch[0].pk,
                                     jobs=[str(j.pk) for j in batch])
        JobRequestKey.objects.update(created_at=old)
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
    rows = {r.key: r for r in OnceKey.objects.all()}
    assert rows["one"].result == [str(one.pk)] and rows["batch"].result == [str(j.pk) for j in batch]
    assert {(r.scope, r.user_id, r.fingerprint, r.created_at) for r in rows.values()} == {
        ("generation-tasks", user.pk, "f1", old), ("generation-tasks", user.pk, "f2", old)}
    # and a replay answers them
    assert services.jobs_create_once(requested_by=user, key="batch", fingerprint="f2", create=list) == (batch, True)

    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        JobRequestKey = executor.loader.project_state(before).apps.get_model("generation", "JobRequestKey")
        back = {r.key: (r.job_id, r.jobs, r.created_at) for r in JobRequestKey.objects.all()}
        assert back == {"one": (one.pk, [], old), "batch": (batch[0].pk, [str(j.pk) for j in batch], old)}
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
