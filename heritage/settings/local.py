"""A developer's machine and `make run`: SQLite and the filesystem broker unless the environment says
otherwise."""
from .base import *  # noqa: F403

DEBUG = env_bool("DJANGO_DEBUG", True)  # noqa: F405
ALLOWED_HOSTS = ["*"]
