"""Production (docker-compose.yml). Required: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL,
CELERY_BROKER_URL. See README.md, "Production"."""
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
HERITAGE_PRODUCTION = True  # demo data and other local-only conveniences refuse to run


def _placeholder_secret() -> str:
    """The DJANGO_SECRET_KEY written in .env.example: a copied example is not a secret."""
    try:
        for line in (BASE_DIR / ".env.example").read_text(encoding="utf-8").splitlines():  # noqa: F405
            if line.startswith("DJANGO_SECRET_KEY="):
                return line.partition("=")[2].strip()
    except OSError:
        pass
    return ""


SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")  # noqa: F405
if (not SECRET_KEY or SECRET_KEY.startswith("django-insecure") or "change-me" in SECRET_KEY
        or SECRET_KEY == _placeholder_secret()):
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a long random value for production "
                               "(not the placeholder from .env.example).")

STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")  # noqa: F405
