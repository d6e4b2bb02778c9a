"""The test suite. DATABASE_URL and CELERY_BROKER_URL from the environment (CI points them at
PostgreSQL and Redis); media in a throw-away folder."""
import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="heritage-test-media-"))
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
