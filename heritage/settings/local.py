"""A developer's machine and `make run`: SQLite and the filesystem broker unless the environment says
otherwise."""
from .base import *  # noqa: F403

DEBUG = env.bool("DJANGO_DEBUG", default=True)  # noqa: F405
ALLOWED_HOSTS = ["*"]
