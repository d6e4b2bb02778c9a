"""Settings shared by every environment. Everything that differs between machines comes from the
environment; see docs/CONFIGURATION in README.md."""
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("HERITAGE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-local-development-only-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "rules",
    "heritage",  # project-level commands (heritage_demo); no models
    "archive",
    "generation",
    "generation.prompting",
    "generation.postprocess",
    "review",
    "records",
    "gallery",
]

# Permissions are django-rules predicates (heritage/permissions.py); the model backend still logs in.
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "heritage.middleware.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "heritage.urls"
WSGI_APPLICATION = "heritage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "heritage.context_processors.site",
                "review.context_processors.notifications",
            ],
        },
    },
]

# --- Database: DATABASE_URL, SQLite file by default (a newcomer's first run) -----------------------
DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'heritage.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", DEFAULT_SQLITE_URL), conn_max_age=env_int("DB_CONN_MAX_AGE", 0)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (web + worker) share the file: wait for locks instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # Take the write lock when a transaction starts: a deferred transaction that reads and then writes
    # fails at once with "database is locked" when another process writes (the busy timeout cannot help).
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "curator:home"
LOGOUT_REDIRECT_URL = "login"

# --- Language: Chinese first, English second ------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# S3-compatible media storage through django-storages when AWS_STORAGE_BUCKET_NAME is set.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID"),
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY"),
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Upload limits (documented in README.md, "Uploads").
MAX_UPLOAD_MB = env_int("HERITAGE_MAX_UPLOAD_MB", 512)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Celery ---------------------------------------------------------------------------------------
# Default: kombu's filesystem transport, which needs no server (a newcomer's first run).
BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    for _sub in ("out", "processed", "control"):
        (BROKER_DIR / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "out"),
        "data_folder_out": str(BROKER_DIR / "out"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
elif CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    # A message not acknowledged within this many seconds (its worker died mid-job) is delivered again.
    # Job leases (generation.services.job_claim) make a duplicate delivery harmless. Tests shorten it.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_BROKER_VISIBILITY_TIMEOUT", 3600)}
CELERY_TASK_IGNORE_RESULT = True  # job rows carry the state; the UI never reads the broker
CELERY_RESULT_BACKEND = None
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 60 * 60)  # hard limit, seconds
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 55 * 60)
CELERY_TASK_ROUTES = {
    "generation.tasks.*": {"queue": "gpu"},
    "generation.postprocess.tasks.*": {"queue": "media"},
}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Periodic tasks (run `celery -A heritage beat`). Fixity: re-hash every archived file and alert the
# curators on a mismatch (records/fixity.py); every HERITAGE_FIXITY_INTERVAL_H hours, default daily.
CELERY_BEAT_SCHEDULE = {
    "archive-fixity-check": {
        "task": "records.tasks.fixity_check_all",
        "schedule": env_int("HERITAGE_FIXITY_INTERVAL_H", 24) * 3600,
        "options": {"queue": "default"},
    },
}

# --- Site, archive and review ---------------------------------------------------------------------
# Absolute URL of the site, for links printed by commands (heritage_demo) and written into exports.
HERITAGE_SITE_URL = os.environ.get("HERITAGE_SITE_URL", "")
# Public media on S3: stream through the checked view (False) or redirect to a short-lived signed URL.
HERITAGE_MEDIA_SIGNED_REDIRECT = env_bool("HERITAGE_MEDIA_SIGNED_REDIRECT", False)
# Read from the environment where they are used: HERITAGE_ORGANIZATION, HERITAGE_BAG_DIR (records/bags.py),
# HERITAGE_C2PA_* (records/credentials.py), FFMPEG_BINARY, FFPROBE_BINARY, HERITAGE_CJK_FONT,
# HERITAGE_UPSCALER (generation/postprocess). README.md lists them all.

# --- Engine ---------------------------------------------------------------------------------------
# Folder with Wan2.2 weights in the diffusers layout. The tiny, randomly initialised checkpoint built
# by `manage.py build_tiny_engine` is the default: its videos are noise, by design.
ENGINE_MODEL_DIR = Path(os.environ.get("HERITAGE_ENGINE_MODEL_DIR", VAR_DIR / "models" / "tiny"))
ENGINE_PRESET = os.environ.get("HERITAGE_ENGINE_PRESET", "tiny")
ENGINE_MIN_GPU_MEMORY_GB = env_int("HERITAGE_MIN_GPU_MEMORY_GB", 24)

# Speech-to-video (Wan2.2-S2V): the checkpoint folder (the tiny random one built by
# `manage.py build_tiny_engine --s2v` by default; its videos are noise) and its preset, which also sets
# the smallest portrait an inheritor's portrait upload accepts and the longest audio span of a job.
from generation.engine.s2v.config import get_s2v_preset  # noqa: E402  (plain data, no torch)

S2V_MODEL_DIR = Path(os.environ.get("HERITAGE_S2V_MODEL_DIR", VAR_DIR / "models" / "tiny-s2v"))
S2V_PRESET = os.environ.get("HERITAGE_S2V_PRESET", "tiny-s2v")
S2V_MIN_IMAGE_SIDE = get_s2v_preset(S2V_PRESET).min_image_side
S2V_MAX_AUDIO_SECONDS = float(os.environ.get("HERITAGE_S2V_MAX_AUDIO_S", get_s2v_preset(S2V_PRESET).max_audio_seconds))

# --- REST API -------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "heritage API",
    "DESCRIPTION": "非遗数字档案 · Intangible cultural heritage archive",
    "VERSION": "1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "heritage@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
