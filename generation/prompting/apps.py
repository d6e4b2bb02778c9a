from django.apps import AppConfig


class PromptingConfig(AppConfig):
    name = "generation.prompting"
    label = "prompting"
