"""The test suite. DATABASE_URL and CELERY_BROKER_URL from the environment (CI points them at
PostgreSQL and Redis); media in a throw-away folder."""
import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default="") or tempfile.mkdtemp(prefix="heritage-test-media-"))  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory, so a Celery worker subprocess started by a test sees the same database.
    # One file per test run, so two runs on one machine never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-heritage-{os.getpid()}.sqlite3")}  # noqa: F405

# Rates high enough that no ordinary test meets them; the throttle tests set their own.
HERITAGE_THROTTLE_RATES = {scope: "100000/min" for scope in HERITAGE_THROTTLE_RATES}  # noqa: F405
