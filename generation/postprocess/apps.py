from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PostprocessConfig(AppConfig):
    name = "generation.postprocess"
    label = "postprocess"
    verbose_name = _("视频后期处理")
    default_auto_field = "django.db.models.BigAutoField"
