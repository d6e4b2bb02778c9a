"""PostgreSQL enforces the archive's immutability against the application's own role (issue 13): the web and
worker role does not own the tables, so TRUNCATE, ALTER TABLE … DISABLE TRIGGER and
SET session_replication_role are refused to it, as are UPDATE and DELETE on the archive tables; the TRUNCATE
trigger refuses even a role that was granted TRUNCATE. Skipped on SQLite."""
import uuid

import pytest
from django.db import DatabaseError, connection, transaction

pytestmark = [pytest.mark.django_db]

TABLES = ("archive_archiverecord", "archive_archivefile", "archive_archiveevent")


@pytest.fixture
def app_role():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (SQLite has no roles or triggers here)")
    from heritage.db_roles import grant_app_role

    role = f"heritage_app_test_{uuid.uuid4().hex[:8]}"
    grant_app_role(connection, role)  # inside the test's transaction: rolled back with it, role included
    return role


def _as(role, statement):
    """Run ``statement`` as ``role`` in a savepoint; the error it raised, or None."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f'SET LOCAL ROLE "{role}"')
                cursor.execute(statement)
    except DatabaseError as exc:
        return exc
    return None


@pytest.mark.parametrize("table", TABLES)
def test_application_role_cannot_truncate_or_disable_the_trigger(app_role, table, archived_record):
    archived_record()
    assert "permission denied" in str(_as(app_role, f"TRUNCATE {table} CASCADE"))
    assert "must be owner" in str(_as(app_role, f"ALTER TABLE {table} DISABLE TRIGGER ALL"))
    assert "must be owner" in str(_as(app_role, f"ALTER TABLE {table} DISABLE TRIGGER {table}_immutable"))
    assert "permission denied" in str(_as(app_role, f"UPDATE {table} SET id = id"))
    assert "permission denied" in str(_as(app_role, f"DELETE FROM {table}"))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")
        assert cursor.fetchone()[0] > 0


def test_application_role_cannot_switch_off_triggers_for_its_session(app_role):
    assert "permission denied" in str(_as(app_role, "SET session_replication_role = replica"))


def test_application_role_still_does_its_work(app_role):
    for statement in ("SELECT count(*) FROM archive_archiverecord", "SELECT count(*) FROM review_review",
                      "UPDATE review_review SET state = state"):
        assert _as(app_role, statement) is None, statement


@pytest.mark.parametrize("table", TABLES)
def test_truncate_trigger_refuses_even_a_role_granted_truncate(app_role, table):
    with connection.cursor() as cursor:
        cursor.execute(f'GRANT TRUNCATE ON ALL TABLES IN SCHEMA public TO "{app_role}"')
    error = _as(app_role, f"TRUNCATE {table} CASCADE")
    assert error is not None and "archive records are immutable" in str(error)
