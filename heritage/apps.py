from pathlib import Path

from django.apps import AppConfig
from django.conf import settings


def ensure_local_dirs() -> None:
    """The folders the embedded defaults write into, made when a process starts (web, worker, command,
    test run), never when a settings module is imported: the SQLite database's folder and the
    filesystem broker's folders. Nothing to do for PostgreSQL and Redis/RabbitMQ."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.sqlite3":
        for name in (db.get("NAME"), (db.get("TEST") or {}).get("NAME")):
            if name and str(name) != ":memory:" and not str(name).startswith("file:"):
                Path(name).parent.mkdir(parents=True, exist_ok=True)
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
            folder = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get(key)
            if folder:
                Path(folder).mkdir(parents=True, exist_ok=True)


class HeritageConfig(AppConfig):
    """The project itself: project-level commands (heritage_demo), start-up folders, and the one model of the core,
    ``OnceKey`` (requests acted on once, ``heritage/once.py``)."""

    name = "heritage"
    verbose_name = "heritage"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import tokens  # noqa: F401 - a password change revokes the user's API tokens
        from .db_roles import grant_after_migrate

        ensure_local_dirs()
        post_migrate.connect(grant_after_migrate, dispatch_uid="heritage_db_app_role")
