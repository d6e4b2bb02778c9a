from django.apps import AppConfig


class HeritageConfig(AppConfig):
    name = "heritage"
    verbose_name = "heritage"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import tokens  # noqa: F401 - a password change revokes the user's API tokens
        from .db_roles import grant_after_migrate

        post_migrate.connect(grant_after_migrate, dispatch_uid="heritage_db_app_role")
