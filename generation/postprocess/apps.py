from django.apps import AppConfig


class PostprocessConfig(AppConfig):
    name = "generation.postprocess"
    label = "postprocess"
