from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromptingConfig(AppConfig):
    name = "generation.prompting"
    label = "prompting"
    verbose_name = _("动作描述规范与提示词")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401 - edits to spec rows refresh the version's cache key
        from .services import active_spec_provider
        from .spec import set_spec_provider

        set_spec_provider(active_spec_provider)
