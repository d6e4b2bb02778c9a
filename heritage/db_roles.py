"""The database role the web and worker processes use (PostgreSQL): it does not own the tables.

Migrations run as the owner (docker-compose's ``migrate`` service connects with the owner's URL); after every
``migrate`` the role named by ``HERITAGE_DB_APP_ROLE`` gets exactly what the application needs: SELECT,
INSERT, UPDATE, DELETE on the tables and the sequences — but no TRUNCATE, no TRIGGER, and on the append-only
tables (those with an ``*_immutable`` trigger: the archive records, their files and events) SELECT and INSERT
only. Not owning the tables, it can neither ``ALTER TABLE … DISABLE TRIGGER`` nor drop them, and, not being a
superuser, it cannot ``SET session_replication_role``. The role is created (LOGIN, password
``HERITAGE_DB_APP_PASSWORD``) when it does not exist."""
from __future__ import annotations


def append_only_tables(cursor) -> list[str]:
    cursor.execute("SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE %s", ["%\\_immutable"])
    return sorted(row[0] for row in cursor.fetchall())


def grant_app_role(connection, role: str, password: str | None = None) -> None:
    from psycopg import sql

    def run(query: sql.Composable) -> None:
        cursor.execute(query.as_string(connection.connection))

    role_id = sql.Identifier(role)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone() is None:
            if password:
                run(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(role_id, sql.Literal(password)))
            else:
                run(sql.SQL("CREATE ROLE {} LOGIN").format(role_id))
        run(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(role_id))
        run(sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(role_id))
        run(sql.SQL("REVOKE TRUNCATE, TRIGGER, REFERENCES ON ALL TABLES IN SCHEMA public FROM {}").format(role_id))
        run(sql.SQL("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {}").format(role_id))
        for table in append_only_tables(cursor):
            run(sql.SQL("REVOKE UPDATE, DELETE ON TABLE {} FROM {}").format(sql.Identifier(table), role_id))


def grant_after_migrate(sender, using="default", **kwargs) -> None:
    """post_migrate receiver (once per migrate: sent for the auth app)."""
    from django.db import connections

    from django.conf import settings

    role = settings.HERITAGE_DB_APP_ROLE
    connection = connections[using]
    if sender.label != "auth" or not role or connection.vendor != "postgresql":
        return
    if connection.settings_dict.get("USER") == role:
        return  # migrating as the application's role itself: nothing to grant
    grant_app_role(connection, role, settings.HERITAGE_DB_APP_PASSWORD or None)
