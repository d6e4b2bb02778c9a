from django.apps import AppConfig


class HeritageConfig(AppConfig):
    name = "heritage"
    verbose_name = "heritage"

    def ready(self):
        from . import tokens  # noqa: F401 - a password change revokes the user's API tokens
