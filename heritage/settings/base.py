"""Settings shared by every environment. Everything that differs between machines comes from the
environment, read here and only here (django-environ, the cookiecutter-django way: ``env.bool``,
``env.int``, ``env.db`` ...); the code reads ``django.conf.settings``. README.md, "Configuration", lists
every variable. Nothing is created on disk at import time: folders are made by the code that writes
into them (``heritage.paths.ensure_dir``)."""
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

env = environ.Env()

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.str("HERITAGE_VAR_DIR", default=str(BASE_DIR / "var")))

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="django-insecure-local-development-only-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

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
    "heritage",  # project-level commands (heritage_demo), start-up folders; OnceKey (heritage/once.py)
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

# Form widgets render as Django's default; in English pages a <select>'s Chinese choices carry lang.
FORM_RENDERER = "heritage.langmark.LangMarkingFormRenderer"

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
DATABASES = {"default": env.db("DATABASE_URL", default=DEFAULT_SQLITE_URL)}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=0)
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
    "rules.permissions.ObjectPermissionBackend",  # the permission table, heritage/permissions.py
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "landing"  # by role: heritage/urls.py → archive.roles.landing_url
LOGOUT_REDIRECT_URL = "login"

# --- Language: Chinese first, English second ------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Shanghai")
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))

# S3-compatible media storage through django-storages when AWS_STORAGE_BUCKET_NAME is set.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _media_storage = {
        "BACKEND": "heritage.storage_s3.MediaS3Storage",  # SafeNames (heritage/storage.py)
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "heritage.storage.MediaFileSystemStorage"}  # SafeNames: the name of every upload
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Transcript files larger than this (KB) are imported by a task with progress, not inside the request.
HERITAGE_TRANSCRIPT_INLINE_KB = env.int("HERITAGE_TRANSCRIPT_INLINE_KB", default=512)
# Upload limits (documented in README.md, "Uploads").
MAX_UPLOAD_MB = env.int("HERITAGE_MAX_UPLOAD_MB", default=512)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Cache (public gallery pages, gallery/cache.py) ------------------------------------------
# Local memory by default (one process: runserver, tests); set CACHE_URL=redis://host:6379/1 wherever
# more than one process serves the site, so that a publish or withdrawal reaches every process at once.
CACHE_URL = env.str("CACHE_URL", default="")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "heritage",
                          "OPTIONS": {"MAX_ENTRIES": 5000}}}
HERITAGE_GALLERY_CACHE = "default"
HERITAGE_GALLERY_CACHE_TIMEOUT = env.int("HERITAGE_GALLERY_CACHE_TIMEOUT", default=3600)
HERITAGE_GALLERY_MAX_AGE = env.int("HERITAGE_GALLERY_MAX_AGE", default=60)  # browser/CDN revalidate after

# --- Celery ---------------------------------------------------------------------------------------
# Default: kombu's filesystem transport, which needs no server (a newcomer's first run).
BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://localhost//")  # kombu warns without a host
if CELERY_BROKER_URL.startswith("filesystem://"):
    # The folders are made when the Celery app loads its configuration (heritage/celery.py).
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
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_BROKER_VISIBILITY_TIMEOUT", default=3600)}
CELERY_TASK_IGNORE_RESULT = True  # job rows carry the state; the UI never reads the broker
CELERY_RESULT_BACKEND = None
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=60 * 60)  # hard limit, seconds
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=55 * 60)
CELERY_TASK_ROUTES = {
    "generation.tasks.*": {"queue": "gpu"},
    "generation.postprocess.tasks.*": {"queue": "media"},
    "archive.tasks.*": {"queue": "default"},  # big transcript imports
}
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Periodic tasks (run `celery -A heritage beat`). Fixity: re-hash every archived file and alert the
# curators on a mismatch (records/fixity.py); every HERITAGE_FIXITY_INTERVAL_H hours, default daily.
CELERY_BEAT_SCHEDULE = {
    "archive-fixity-check": {
        "task": "records.tasks.fixity_check_all",
        "schedule": env.int("HERITAGE_FIXITY_INTERVAL_H", default=24) * 3600,
        "options": {"queue": "default"},
    },
    # Media jobs whose worker died (lease expired) go back to the queue; see generation/leases.py.
    "media-jobs-recover": {
        "task": "generation.postprocess.tasks.media_jobs_recover",
        "schedule": max(5, env.int("HERITAGE_JOB_LEASE_S", default=60) // 2),  # JOB_LEASE_S / 2
        "options": {"queue": "media"},
    },
}

# --- Site, archive and review ---------------------------------------------------------------------
# Absolute URL of the site, for links printed by commands (heritage_demo) and written into exports.
HERITAGE_SITE_URL = env.str("HERITAGE_SITE_URL", default="")
# Public media on S3: stream through the checked view (False) or redirect to a short-lived signed URL
# (heritage/media.py explains the choice).
HERITAGE_MEDIA_SIGNED_REDIRECT = env.bool("HERITAGE_MEDIA_SIGNED_REDIRECT", default=False)
# BagIt exports (records/bags.py): Source-Organization and the folder.
HERITAGE_ORGANIZATION = env.str("HERITAGE_ORGANIZATION", default="") or "heritage 非遗数字档案"
HERITAGE_BAG_DIR = Path(env.str("HERITAGE_BAG_DIR", default=str(VAR_DIR / "bags")))
# C2PA content credentials (records/credentials.py): production PEM files, or a development
# certificate made on first use in HERITAGE_C2PA_DEV_DIR.
HERITAGE_C2PA_CERT_CHAIN = env.str("HERITAGE_C2PA_CERT_CHAIN", default="")
HERITAGE_C2PA_PRIVATE_KEY = env.str("HERITAGE_C2PA_PRIVATE_KEY", default="")
HERITAGE_C2PA_ALG = env.str("HERITAGE_C2PA_ALG", default="es256")
HERITAGE_C2PA_TSA_URL = env.str("HERITAGE_C2PA_TSA_URL", default="")
HERITAGE_C2PA_DEV_DIR = Path(env.str("HERITAGE_C2PA_DEV_DIR", default=str(VAR_DIR / "c2pa-dev")))

# --- Post-processing (generation/postprocess) -----------------------------------------------------
FFMPEG_BINARY = env.str("FFMPEG_BINARY", default="")  # empty: imageio-ffmpeg's build
FFPROBE_BINARY = env.str("FFPROBE_BINARY", default="")  # empty: `ffprobe` on PATH
HERITAGE_CJK_FONT = env.str("HERITAGE_CJK_FONT", default="")  # empty: Noto Sans CJK SC via fontconfig
HERITAGE_UPSCALER = env.str("HERITAGE_UPSCALER", default="")  # empty: lanczos

# --- Engine ---------------------------------------------------------------------------------------
# Folder with Wan2.2 weights in the diffusers layout. The tiny, randomly initialised checkpoint built
# by `manage.py build_tiny_engine` is the default: its videos are noise, by design.
ENGINE_MODEL_DIR = Path(env.str("HERITAGE_ENGINE_MODEL_DIR", default=str(VAR_DIR / "models" / "tiny")))
ENGINE_PRESET = env.str("HERITAGE_ENGINE_PRESET", default="tiny")
ENGINE_MIN_GPU_MEMORY_GB = env.int("HERITAGE_MIN_GPU_MEMORY_GB", default=24)
# Memory mode (resident, swap, offload, or auto from free memory) and device ("" = cuda if present).
ENGINE_MODE = env.str("HERITAGE_ENGINE_MODE", default="auto")
ENGINE_DEVICE = env.str("HERITAGE_ENGINE_DEVICE", default="")
# Load the engine when a GPU worker starts (gpu_workers --preload sets it for its workers).
ENGINE_PRELOAD = env.bool("HERITAGE_ENGINE_PRELOAD", default=False)
# LoRA folder of the lora_preview fast mode ("" = none), and the GPUs one worker splits each clip over
# (gpu_workers --gpus-per-worker N sets it for its torchrun groups; generation/engine/parallel.py).
ENGINE_LORA_DIR = env.str("HERITAGE_ENGINE_LORA_DIR", default="")
ENGINE_CONTEXT_PARALLEL = env.int("HERITAGE_ENGINE_CONTEXT_PARALLEL", default=1)

# --- Prompt extension (generation/prompting/extend.py) ----------------------------------------------
# Like Wan2.2's --use_prompt_extend: a local instruct model (transformers layout with a chat template)
# rewrites the rendered prompt; the rewrite is used only if it keeps every fact of the structure.
# Off by default; a job can ask for it. `manage.py build_tiny_prompt_model PATH` builds a tiny random
# one for development, whose output is noise and is always refused.
PROMPT_EXTEND = env.bool("HERITAGE_PROMPT_EXTEND", default=False)
PROMPT_MODEL_DIR = env.str("HERITAGE_PROMPT_MODEL_DIR", default="")

# --- Generation jobs (generation/services.py) ------------------------------------------------------
# Crash safety: a running job whose worker stops renewing its lease is requeued; after the maximum
# attempts it fails. A job queued longer than the requeue time without a worker is published again.
JOB_LEASE_S = env.int("HERITAGE_JOB_LEASE_S", default=60)
JOB_HEARTBEAT_S = env.float("HERITAGE_HEARTBEAT_S", default=5.0)
JOB_MAX_ATTEMPTS = env.int("HERITAGE_JOB_MAX_ATTEMPTS", default=3)
JOB_REQUEUE_S = env.int("HERITAGE_JOB_REQUEUE_S", default=900)
GENERATION_SCRATCH = Path(env.str("HERITAGE_GENERATION_SCRATCH", default=str(VAR_DIR / "scratch" / "generation")))
# Post-processing's working folders, one per attempt (generation/postprocess/services.py).
MEDIA_SCRATCH = Path(env.str("HERITAGE_MEDIA_SCRATCH", default=str(VAR_DIR / "scratch" / "media")))
# This worker's node name (gpu_workers sets it per GPU; empty: Celery's node name, else the host name).
WORKER_NODE = env.str("HERITAGE_WORKER_NODE", default="")
# Tests only: seconds to sleep between denoising steps, so a test can cancel or kill a job mid-way.
TEST_STEP_DELAY_S = env.float("HERITAGE_TEST_STEP_DELAY_S", default=0.0)

# Speech-to-video (Wan2.2-S2V): the checkpoint folder (the tiny random one built by
# `manage.py build_tiny_engine --s2v` by default; its videos are noise) and its preset, which also sets
# the smallest portrait an inheritor's portrait upload accepts and the longest audio span of a job.
from generation.engine.s2v.config import get_s2v_preset  # noqa: E402  (plain data, no torch)

S2V_MODEL_DIR = Path(env.str("HERITAGE_S2V_MODEL_DIR", default=str(VAR_DIR / "models" / "tiny-s2v")))
S2V_PRESET = env.str("HERITAGE_S2V_PRESET", default="tiny-s2v")
S2V_MIN_IMAGE_SIDE = get_s2v_preset(S2V_PRESET).min_image_side
S2V_MAX_AUDIO_SECONDS = env.float("HERITAGE_S2V_MAX_AUDIO_S", default=get_s2v_preset(S2V_PRESET).max_audio_seconds)

# --- REST API -------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "heritage.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "heritage.pagination.Pages",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "heritage.errors.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["heritage.throttling.AnonThrottle", "heritage.throttling.UserThrottle"],
    "DEFAULT_PARSER_CLASSES": [
        "heritage.parsers.ObjectJSONParser",
        "rest_framework.parsers.FormParser",
        "heritage.parsers.FormMultiPartParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "heritage API",
    "DESCRIPTION": "非遗数字档案 · Intangible cultural heritage archive",
    "VERSION": "1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Two choice sets share the field name consent_scope (a recording's use consent, a portrait's likeness consent).
    "ENUM_NAME_OVERRIDES": {
        "RecordingConsentScopeEnum": "archive.models.Recording.ConsentScope",
        "LikenessScopeEnum": "archive.models.InheritorPortrait.LikenessScope",
        "InheritorStatusEnum": "archive.models.Inheritor.Status",
    },
    # Each API path answers with and without a trailing slash; the schema lists the canonical spelling once.
    "PREPROCESSING_HOOKS": ["heritage.schema.canonical_paths"],
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

_MEDIA_ORIGINS = [env.str("AWS_S3_ENDPOINT_URL", default="")] if HERITAGE_MEDIA_SIGNED_REDIRECT else []
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
AXES_FAILURE_LIMIT = env.int("HERITAGE_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.int("HERITAGE_LOGIN_COOLOFF_MIN", default=30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "heritage.proxy.axes_client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Requests per period (DRF rate strings); None switches a scope off.
HERITAGE_THROTTLE_RATES = {
    "anon": env.str("HERITAGE_THROTTLE_ANON", default="60/min"),
    "user": env.str("HERITAGE_THROTTLE_USER", default="600/min"),
    "job_submit": env.str("HERITAGE_THROTTLE_JOB_SUBMIT", default="20/min"),
    "question": env.str("HERITAGE_THROTTLE_QUESTION", default="20/min"),
}
HERITAGE_TOKEN_TTL_H = env.int("HERITAGE_TOKEN_TTL_H", default=24 * 7)
# Addresses of the reverse proxies whose X-Forwarded-* headers are believed (comma-separated).
HERITAGE_TRUSTED_PROXIES = env.list("HERITAGE_TRUSTED_PROXIES", default=[])
# PostgreSQL: the role web and workers use; `migrate` (run as the owner) creates and grants it (heritage/db_roles.py).
HERITAGE_DB_APP_ROLE = env.str("HERITAGE_DB_APP_ROLE", default="")
HERITAGE_DB_APP_PASSWORD = env.str("HERITAGE_DB_APP_PASSWORD", default="")
# Throttle counters must be shared by every web process: Redis when HERITAGE_CACHE_URL is set.
if env.str("HERITAGE_CACHE_URL", default=""):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": env.str("HERITAGE_CACHE_URL")}}

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="heritage@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # django-axes logs every failed login at INFO; lockouts are WARNING.
    "loggers": {"axes": {"level": env.str("AXES_LOG_LEVEL", default="WARNING")}},
}
