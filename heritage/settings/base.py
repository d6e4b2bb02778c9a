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
    "axes",
    "csp",
]

# Permissions are django-rules predicates (heritage/permissions.py); the model backend still logs in.
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

MIDDLEWARE = [
    "heritage.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "heritage.middleware.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "heritage.middleware.RefuseBadInputMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
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
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # lockout after repeated wrong passwords (both logins)
    "django.contrib.auth.backends.ModelBackend",
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

# Transcript files larger than this (KB) are imported by a task with progress, not inside the request.
HERITAGE_TRANSCRIPT_INLINE_KB = env_int("HERITAGE_TRANSCRIPT_INLINE_KB", 512)
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
    "archive.tasks.*": {"queue": "default"},  # big transcript imports
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
    # Media jobs whose worker died (lease expired) go back to the queue; see generation/leases.py.
    "media-jobs-recover": {
        "task": "generation.postprocess.tasks.media_jobs_recover",
        "schedule": max(5, env_int("HERITAGE_JOB_LEASE_S", 60) // 2),
        "options": {"queue": "media"},
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

# --- REST API -------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "heritage.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "heritage.errors.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["heritage.throttling.AnonThrottle", "heritage.throttling.UserThrottle"],
    "DEFAULT_PARSER_CLASSES": [
        "heritage.parsers.ObjectJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "heritage API",
    "DESCRIPTION": "非遗数字档案 · Intangible cultural heritage archive",
    "VERSION": "1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "heritage.schema.error_responses",
    ],
}

# --- Content-Security-Policy (django-csp): scripts and style sheets from this origin only; no inline
# scripts or event handlers anywhere (static/site/autosubmit.js replaces onchange=); style attributes are
# allowed (progress bars, legend swatches). Media may come from the object store when the gallery redirects
# to signed URLs (HERITAGE_MEDIA_SIGNED_REDIRECT).
from csp.constants import NONE, SELF  # noqa: E402

_MEDIA_ORIGINS = [os.environ.get("AWS_S3_ENDPOINT_URL", "")] if HERITAGE_MEDIA_SIGNED_REDIRECT else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *filter(None, _MEDIA_ORIGINS)],
        "media-src": [SELF, "blob:", *filter(None, _MEDIA_ORIGINS)],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Abuse: lockout, request rates, tokens, proxies (heritage/throttling.py, tokens.py, proxy.py) ------
# django-axes: AXES_FAILURE_LIMIT wrong passwords for one user name from one address lock that pair out
# of /accounts/login/ and /api/v1/auth/token (429) for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = env_int("HERITAGE_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("HERITAGE_LOGIN_COOLOFF_MIN", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "heritage.proxy.axes_client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Requests per period (DRF rate strings); None switches a scope off.
HERITAGE_THROTTLE_RATES = {
    "anon": os.environ.get("HERITAGE_THROTTLE_ANON", "60/min"),
    "user": os.environ.get("HERITAGE_THROTTLE_USER", "600/min"),
    "job_submit": os.environ.get("HERITAGE_THROTTLE_JOB_SUBMIT", "20/min"),
    "question": os.environ.get("HERITAGE_THROTTLE_QUESTION", "20/min"),
}
HERITAGE_TOKEN_TTL_H = env_int("HERITAGE_TOKEN_TTL_H", 24 * 7)
# Addresses of the reverse proxies whose X-Forwarded-* headers are believed (comma-separated).
HERITAGE_TRUSTED_PROXIES = [a.strip() for a in os.environ.get("HERITAGE_TRUSTED_PROXIES", "").split(",") if a.strip()]
# Throttle counters must be shared by every web process: Redis when HERITAGE_CACHE_URL is set.
if os.environ.get("HERITAGE_CACHE_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["HERITAGE_CACHE_URL"]}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "heritage@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
